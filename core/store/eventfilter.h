#pragma once

#include "store/eventrecord.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace billbridge::store {

// What the event browser, the CLI and saved filters select by. Every condition is optional; set
// conditions must all hold.
struct EventFilter {
    // Exact names or patterns with '*' ("invoice.*"); any may match. Only '*' is special.
    QStringList types;
    QString customerId;
    // Compared case-insensitively (ASCII), as addresses are in practice.
    QString customerEmail;
    std::optional<std::int64_t> createdFrom; // inclusive, Unix seconds
    std::optional<std::int64_t> createdTo;   // exclusive
    std::optional<EventSource> source;
    std::optional<bool> livemode;
    // Free text for the full-text index; any input is valid (see EventQuery::fullTextQuery).
    QString text;
    // Used by EventStore::list; EventQuery takes its page size per call.
    int limit = 100;

    bool operator==(const EventFilter&) const = default;

    // Serialised form for saved filters; unknown members are ignored so older builds read newer files.
    QJsonObject toJson() const;
    static EventFilter fromJson(const QJsonObject& object);
};

} // namespace billbridge::store
