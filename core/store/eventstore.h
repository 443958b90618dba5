#pragma once

#include "store/eventfilter.h"
#include "store/eventquery.h"
#include "store/eventrecord.h"
#include "store/sqlite.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace billbridge::store {

// What a status display needs, read in constant time (writer-maintained totals and one index probe).
struct EventTotals {
    std::int64_t events = 0;
    std::int64_t liveEvents = 0;
    std::int64_t testEvents = 0;
    std::optional<StoredEvent> newest;
};

struct StoreStats {
    std::int64_t events = 0;
    std::int64_t duplicatesSeen = 0;
    std::int64_t liveEvents = 0;
    std::int64_t testEvents = 0;
    std::vector<std::pair<QString, std::int64_t>> bySource;
    std::vector<std::pair<QString, std::int64_t>> byType; // most frequent first
    std::vector<std::pair<QString, std::int64_t>> counters;
    std::optional<std::int64_t> newestCreated;
    std::optional<std::int64_t> oldestCreated;
    QString newestEventId;
    int schemaVersion = 0;
};

// Read side of the event store, on a connection owned by the calling thread.
class EventStore final {
public:
    explicit EventStore(SqliteConnection connection);

    // Opens a read connection to the store at `path`.
    static EventStore openForReading(const QString& path);

    std::int64_t count();
    // Newest first, at most filter.limit events.
    std::vector<StoredEvent> list(const EventFilter& filter);
    // Paged, filtered access for the event browser. The query borrows this store's connection: use it
    // while the store lives and is not moved.
    EventQuery query() { return EventQuery(m_connection); }
    std::optional<StoredEvent> find(const QString& eventId, bool withRaw = true);
    // The most recent event by Stripe's `created` (ties: the one stored last).
    std::optional<StoredEvent> newest();
    // Full aggregation over the table: for `stats`, not for anything refreshed on a timer.
    StoreStats stats();
    EventTotals totals();
    QString state(const QString& key);
    // When the state entry was last written (ms since the epoch), if it exists.
    std::optional<std::int64_t> stateUpdatedAt(const QString& key);
    std::int64_t counter(const QString& name);

    // Pattern check used by the CLI before a query: letters, digits, '.', '_' and '*'.
    static bool isValidTypePattern(const QString& pattern);

private:
    SqliteConnection m_connection;
};

} // namespace billbridge::store
