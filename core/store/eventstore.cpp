#include "store/eventstore.h"

#include "store/database.h"

#include <QRegularExpression>

namespace billbridge::store {

namespace {

constexpr const char* kSummaryColumns =
    "seq, id, type, created, livemode, api_version, account, object_type, object_id, customer_id, source, "
    "received_at_ms, signature, signature_header, duplicate_count";

StoredEvent readSummary(const SqliteStatement& row)
{
    StoredEvent event;
    event.seq = row.int64(0);
    event.fields.id = row.text(1);
    event.fields.type = row.text(2);
    event.fields.created = row.int64(3);
    event.fields.livemode = row.int64(4) != 0;
    event.fields.apiVersion = row.text(5);
    event.fields.account = row.text(6);
    event.fields.objectType = row.text(7);
    event.fields.objectId = row.text(8);
    event.fields.customerId = row.text(9);
    event.source = eventSourceFromString(row.text(10)).value_or(EventSource::Webhook);
    event.receivedAtMs = row.int64(11);
    event.verdict = signatureVerdictFromString(row.text(12)).value_or(SignatureVerdict::Api);
    event.signatureHeader = row.text(13).toLatin1();
    event.duplicateCount = row.int64(14);
    return event;
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
    QString sql =
        QStringLiteral("SELECT ") + QString::fromLatin1(kSummaryColumns) + QStringLiteral(" FROM events");
    QStringList conditions;
    int parameter = 0;
    QStringList typeTerms;
    for (int i = 0; i < filter.types.size(); ++i)
        typeTerms << QStringLiteral("type GLOB ?%1").arg(++parameter);
    if (!typeTerms.isEmpty())
        conditions << QLatin1Char('(') + typeTerms.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    const int customerParameter = filter.customerId.isEmpty() ? 0 : ++parameter;
    if (customerParameter)
        conditions << QStringLiteral("customer_id = ?%1").arg(customerParameter);
    const int fromParameter = filter.createdFrom ? ++parameter : 0;
    if (fromParameter)
        conditions << QStringLiteral("created >= ?%1").arg(fromParameter);
    const int toParameter = filter.createdTo ? ++parameter : 0;
    if (toParameter)
        conditions << QStringLiteral("created < ?%1").arg(toParameter);
    const int sourceParameter = filter.source ? ++parameter : 0;
    if (sourceParameter)
        conditions << QStringLiteral("source = ?%1").arg(sourceParameter);
    const int liveParameter = filter.livemode ? ++parameter : 0;
    if (liveParameter)
        conditions << QStringLiteral("livemode = ?%1").arg(liveParameter);
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY created DESC, seq DESC LIMIT ?%1").arg(++parameter);

    const QByteArray utf8 = sql.toUtf8();
    SqliteStatement statement = m_connection.prepare(utf8.constData());
    int index = 0;
    for (const QString& type : filter.types)
        statement.bind(++index, type);
    if (customerParameter)
        statement.bind(customerParameter, filter.customerId);
    if (fromParameter)
        statement.bind(fromParameter, *filter.createdFrom);
    if (toParameter)
        statement.bind(toParameter, *filter.createdTo);
    if (sourceParameter)
        statement.bind(sourceParameter, toString(*filter.source));
    if (liveParameter)
        statement.bind(liveParameter, *filter.livemode);
    statement.bind(parameter, filter.limit);

    std::vector<StoredEvent> events;
    while (statement.step())
        events.push_back(readSummary(statement));
    return events;
}

std::optional<StoredEvent> EventStore::find(const QString& eventId, bool withRaw)
{
    SqliteStatement statement = m_connection.prepare(
        "SELECT seq, id, type, created, livemode, api_version, account, object_type, object_id, customer_id, "
        "source, received_at_ms, signature, signature_header, duplicate_count, raw FROM events WHERE id = "
        "?1");
    statement.bind(1, eventId);
    if (!statement.step())
        return std::nullopt;
    StoredEvent event = readSummary(statement);
    if (withRaw)
        event.raw = statement.blob(15);
    return event;
}

std::optional<StoredEvent> EventStore::newest()
{
    const QByteArray sql =
        QByteArray("SELECT ") + kSummaryColumns + " FROM events ORDER BY created DESC, seq DESC LIMIT 1";
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
    stats.counters = readPairs(m_connection, "SELECT name, value FROM intake_counters ORDER BY name");
    if (const auto newestEvent = newest())
        stats.newestEventId = newestEvent->fields.id;
    stats.schemaVersion = static_cast<int>(m_connection.pragmaInt("user_version"));
    return stats;
}

QString EventStore::state(const QString& key)
{
    SqliteStatement statement = m_connection.prepare("SELECT value FROM intake_state WHERE key = ?1");
    statement.bind(1, key);
    return statement.step() ? statement.text(0) : QString();
}

std::int64_t EventStore::counter(const QString& name)
{
    SqliteStatement statement = m_connection.prepare("SELECT value FROM intake_counters WHERE name = ?1");
    statement.bind(1, name);
    return statement.step() ? statement.int64(0) : 0;
}

} // namespace billbridge::store
