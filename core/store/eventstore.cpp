#include "store/eventstore.h"

#include "store/database.h"

#include <QRegularExpression>

namespace billbridge::store {

namespace {

StoredEvent readSummary(const SqliteStatement& row)
{
    return EventQuery::readSummary(row);
}

std::vector<std::pair<QString, std::int64_t>> readPairs(SqliteConnection& connection, const char* sql)
{
    std::vector<std::pair<QString, std::int64_t>> pairs;
    SqliteStatement statement = connection.prepare(sql);
    while (statement.step())
        pairs.emplace_back(statement.text(0), statement.int64(1));
    return pairs;
}

} // namespace

EventStore::EventStore(SqliteConnection connection)
    : m_connection(std::move(connection))
{}

EventStore EventStore::openForReading(const QString& path)
{
    return EventStore(Database::openForReading(path));
}

bool EventStore::isValidTypePattern(const QString& pattern)
{
    static const QRegularExpression allowed(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_.*]+")));
    return allowed.match(pattern).hasMatch();
}

std::int64_t EventStore::count()
{
    SqliteStatement statement = m_connection.prepare("SELECT count(*) FROM events");
    return statement.step() ? statement.int64(0) : 0;
}

std::vector<StoredEvent> EventStore::list(const EventFilter& filter)
{
    return EventQuery(m_connection).page(filter, std::nullopt, filter.limit).events;
}

std::optional<StoredEvent> EventStore::find(const QString& eventId, bool withRaw)
{
    SqliteStatement statement = m_connection.prepare(
        "SELECT seq, id, type, created, livemode, api_version, account, object_type, object_id, customer_id, "
        "source, received_at_ms, signature, signature_header, duplicate_count, customer_email, amount, "
        "currency, "
        "object_status, raw FROM events WHERE id = ?1");
    statement.bind(1, eventId);
    if (!statement.step())
        return std::nullopt;
    StoredEvent event = readSummary(statement);
    if (withRaw)
        event.raw = statement.blob(19);
    return event;
}

std::optional<StoredEvent> EventStore::newest()
{
    const QByteArray sql = QByteArray("SELECT ") + EventQuery::summaryColumns() +
                           " FROM events ORDER BY created DESC, seq DESC LIMIT 1";
    SqliteStatement statement = m_connection.prepare(sql.constData());
    if (!statement.step())
        return std::nullopt;
    return readSummary(statement);
}

StoreStats EventStore::stats()
{
    StoreStats stats;
    {
        SqliteStatement statement = m_connection.prepare(
            "SELECT count(*), coalesce(sum(duplicate_count), 0), coalesce(sum(livemode), 0), min(created), "
            "max(created) FROM events");
        if (statement.step()) {
            stats.events = statement.int64(0);
            stats.duplicatesSeen = statement.int64(1);
            stats.liveEvents = statement.int64(2);
            stats.testEvents = stats.events - stats.liveEvents;
            if (!statement.isNull(3))
                stats.oldestCreated = statement.int64(3);
            if (!statement.isNull(4))
                stats.newestCreated = statement.int64(4);
        }
    }
    stats.bySource =
        readPairs(m_connection, "SELECT source, count(*) FROM events GROUP BY source ORDER BY 2 DESC");
    stats.byType =
        readPairs(m_connection, "SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC, 1");
    stats.counters =
        readPairs(m_connection, "SELECT name, value FROM intake_counters WHERE name NOT LIKE 'events.%' "
                                "ORDER BY name");
    if (const auto newestEvent = newest())
        stats.newestEventId = newestEvent->fields.id;
    stats.schemaVersion = static_cast<int>(m_connection.pragmaInt("user_version"));
    return stats;
}

EventTotals EventStore::totals()
{
    EventTotals totals;
    totals.liveEvents = counter(QString::fromLatin1(kLiveEventsCounter));
    totals.testEvents = counter(QString::fromLatin1(kTestEventsCounter));
    totals.events = totals.liveEvents + totals.testEvents;
    totals.newest = newest();
    return totals;
}

QString EventStore::state(const QString& key)
{
    SqliteStatement statement = m_connection.prepare("SELECT value FROM intake_state WHERE key = ?1");
    statement.bind(1, key);
    return statement.step() ? statement.text(0) : QString();
}

std::optional<std::int64_t> EventStore::stateUpdatedAt(const QString& key)
{
    SqliteStatement statement = m_connection.prepare("SELECT updated_at_ms FROM intake_state WHERE key = ?1");
    statement.bind(1, key);
    if (!statement.step())
        return std::nullopt;
    return statement.int64(0);
}

std::int64_t EventStore::counter(const QString& name)
{
    SqliteStatement statement = m_connection.prepare("SELECT value FROM intake_counters WHERE name = ?1");
    statement.bind(1, name);
    return statement.step() ? statement.int64(0) : 0;
}

} // namespace billbridge::store
