#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace billbridge::stripe {

// One page of GET /v1/events, newest first.
struct EventPage {
    // Each event's JSON exactly as it appears inside Stripe's list answer (the bytes between the commas of
    // "data": […], indentation included), so the store keeps what Stripe sent rather than a re-rendering.
    std::vector<QByteArray> events;
    std::vector<QString> ids; // events[i]'s "id", the cursors for the next page
    bool hasMore = false;

    bool isEmpty() const { return events.empty(); }
    // Cursor for walking towards newer events (ending_before) / older events (starting_after).
    QString newestId() const { return ids.empty() ? QString() : ids.front(); }
    QString oldestId() const { return ids.empty() ? QString() : ids.back(); }
};

struct EventPageParse {
    std::optional<EventPage> page;
    QString error; // set when page is not
};

// Reads a list envelope {"object": "list", "data": [...], "has_more": bool}.
EventPageParse parseEventPage(const QByteArray& body);

} // namespace billbridge::stripe
