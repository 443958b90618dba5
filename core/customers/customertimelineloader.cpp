#include "customers/customertimelineloader.h"

#include "store/eventquery.h"
#include "store/eventstore.h"
#include "store/sqlite.h"

#include <QFileInfo>

#include <algorithm>
#include <exception>

namespace billbridge::customers {

namespace {

constexpr int kPageSize = 500;

// The customer of the newest event that carries the address. Checkout sessions of guests carry an
// address without a customer, so a few events are looked at before giving up.
QString customerForEmail(store::EventQuery& query, const QString& email)
{
    store::EventFilter filter;
    filter.customerEmail = email;
    const store::EventPage page = query.page(filter, std::nullopt, 50);
    for (const store::StoredEvent& event : page.events) {
        if (!event.fields.customerId.isEmpty())
            return event.fields.customerId;
    }
    return {};
}

} // namespace

bool CustomerTimelineLoader::looksLikeEmail(const QString& query)
{
    return query.contains(QLatin1Char('@'));
}

CustomerTimeline CustomerTimelineLoader::load(const QString& storePath, const QString& query, int cap)
{
    CustomerTimeline timeline;
    timeline.query = query.trimmed();
    // Opening for reading never creates the file; checked here so the page can explain the first run.
    if (!QFileInfo::exists(storePath)) {
        timeline.outcome = CustomerTimeline::Outcome::StoreMissing;
        return timeline;
    }
    try {
        store::EventStore events = store::EventStore::openForReading(storePath);
        store::EventQuery eventQuery = events.query();
        timeline.customerId = timeline.query;
        if (looksLikeEmail(timeline.query)) {
            timeline.customerId = customerForEmail(eventQuery, timeline.query);
            if (timeline.customerId.isEmpty()) {
                timeline.outcome = CustomerTimeline::Outcome::UnknownEmail;
                return timeline;
            }
        }

        // Newest first from the index, so that a history past the cap keeps its most recent part, which
        // is the part the current state comes from.
        store::EventFilter filter;
        filter.customerId = timeline.customerId;
        std::vector<store::StoredEvent> newestFirst;
        std::optional<store::EventCursor> after;
        while (static_cast<int>(newestFirst.size()) < cap) {
            const int limit = std::min(kPageSize, cap - static_cast<int>(newestFirst.size()));
            store::EventPage page = eventQuery.page(filter, after, limit);
            if (page.events.empty())
                break;
            after = store::EventCursor::of(page.events.back());
            const bool more = page.hasMore;
            std::move(page.events.begin(), page.events.end(), std::back_inserter(newestFirst));
            if (!more)
                break;
            if (static_cast<int>(newestFirst.size()) >= cap) {
                timeline.truncated = true;
                break;
            }
        }
        if (newestFirst.empty()) {
            timeline.outcome = CustomerTimeline::Outcome::NoEvents;
            return timeline;
        }
        std::reverse(newestFirst.begin(), newestFirst.end());

        // Summaries come without the payload; each is read by id on the same connection.
        std::vector<store::StoredEvent> withRaw;
        withRaw.reserve(newestFirst.size());
        for (const store::StoredEvent& summary : newestFirst) {
            auto event = events.find(summary.fields.id, true);
            if (event)
                withRaw.push_back(std::move(*event));
        }
        timeline.state = deriveCustomerState(withRaw);
        if (timeline.state.customerId.isEmpty())
            timeline.state.customerId = timeline.customerId;
        timeline.entries.reserve(withRaw.size());
        for (store::StoredEvent& event : withRaw) {
            TimelineEntry entry;
            entry.eventId = event.fields.id;
            entry.type = event.fields.type;
            entry.created = event.fields.created;
            entry.seq = event.seq;
            entry.digest = digestEvent(event.raw);
            event.raw.clear();
            timeline.entries.push_back(std::move(entry));
        }
        timeline.outcome = CustomerTimeline::Outcome::Loaded;
    } catch (const store::StoreError& error) {
        timeline.outcome = CustomerTimeline::Outcome::StoreFailed;
        timeline.storeError = error.message();
    } catch (const std::exception& error) {
        timeline.outcome = CustomerTimeline::Outcome::StoreFailed;
        timeline.storeError = QString::fromLocal8Bit(error.what());
    }
    return timeline;
}

} // namespace billbridge::customers
