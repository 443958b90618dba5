#pragma once

#include "store/eventfilter.h"
#include "store/eventrecord.h"
#include "store/sqlite.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

namespace billbridge::store {

// A position in the browser's order (created DESC, seq DESC). Unique per event, so a page that starts
// after it neither skips nor repeats rows, even when many events share one `created` second.
struct EventCursor {
    std::int64_t created = 0;
    std::int64_t seq = 0;

    static EventCursor of(const StoredEvent& event) { return {event.fields.created, event.seq}; }
    bool operator==(const EventCursor&) const = default;
};

struct EventPage {
    // Always newest first, whichever direction was asked for.
    std::vector<StoredEvent> events;
    // More matching rows exist beyond this page in the direction asked for.
    bool hasMore = false;
};

struct LiveUpdate {
    // Ascending seq: the order in which they were stored.
    std::vector<StoredEvent> events;
    // Everything up to this seq has been looked at; pass it to the next newerThan(). With a text
    // condition it stops at the full-text index's progress, so rows not yet indexed come in a later call.
    std::int64_t throughSeq = 0;
};

struct EventCount {
    std::int64_t count = 0;
    // False when counting stopped at the cap ("100,000 or more").
    bool exact = true;
};

// Filtered, keyset-paged reads for the event browser, on a connection owned by the calling thread.
// Every filter is answered from an index: a single type walks
// events_by_type, several types merge one bounded walk per type, a customer or email walks its index,
// text starts from the full-text index, and nothing sorts or loads more than a few pages of rows.
class EventQuery final {
public:
    explicit EventQuery(SqliteConnection& connection);

    // Rows after `after` in (created DESC, seq DESC) order; from the newest when unset.
    EventPage page(const EventFilter& filter, std::optional<EventCursor> after, int limit);
    // Rows before `before` (newer than it), nearest first on the wire but returned newest first; from the
    // oldest when unset, which is "jump to the end".
    EventPage pageBefore(const EventFilter& filter, std::optional<EventCursor> before, int limit);
    // Events stored after `seq` that match, for live updates.
    LiveUpdate newerThan(std::int64_t seq, const EventFilter& filter, int limit);
    // Counts matching rows, stopping at `cap` so that a broad filter over millions stays cheap.
    EventCount count(const EventFilter& filter, std::int64_t cap = 100000);

    // Highest seq the full-text index covers (0 before the first batch).
    std::int64_t fullTextIndexedSeq();
    std::int64_t latestSeq();
    // Exact event types present in the store that match any of `patterns`.
    QStringList expandTypes(const QStringList& patterns);

    // EXPLAIN QUERY PLAN lines of the statement page() or pageBefore() would run.
    QStringList explain(const EventFilter& filter, std::optional<EventCursor> cursor, int limit,
                        bool backward = false);

    // The FTS5 query for free text: each whitespace-separated term becomes a quoted phrase (so quotes,
    // '*', '-', ':', OR/NOT/NEAR and any other input are literal text), all terms must match, and a
    // trailing '*' asks for a prefix. Empty when no term contains a letter or digit.
    static QString fullTextQuery(const QString& text);
    // Only '*' is special (any run of characters); everything else matches itself.
    static bool matchesTypePattern(const QString& pattern, const QString& type);

    static const char* summaryColumns();
    static StoredEvent readSummary(const SqliteStatement& row);

private:
    using Parameter = std::variant<std::int64_t, QString>;
    struct Statement {
        QString sql;
        std::vector<Parameter> parameters;
        bool empty = false; // provably no rows (a type pattern that matches no stored type)
    };

    EventPage runPage(const EventFilter& filter, std::optional<EventCursor> from, int limit, bool backwards);
    Statement buildPage(const EventFilter& filter, std::optional<EventCursor> cursor, int limit,
                        bool backward);
    void addConditions(const EventFilter& filter, QStringList& conditions, std::vector<Parameter>& parameters,
                       bool typesAsGlob, const QString& ftsQuery);
    SqliteStatement prepare(const Statement& statement);
    bool isBroadMatch(const QString& ftsQuery);

    SqliteConnection& m_connection;
};

} // namespace billbridge::store
