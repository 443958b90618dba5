#include "store/auditlog.h"

#include "store/database.h"
#include "util/redact.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace billbridge::store {

namespace {

QJsonValue maskEmailsIn(const QJsonValue& value);

QJsonArray maskEmailsIn(const QJsonArray& array)
{
    QJsonArray masked;
    for (const QJsonValue& item : array)
        masked.append(maskEmailsIn(item));
    return masked;
}

QJsonObject maskEmailsIn(const QJsonObject& object)
{
    QJsonObject masked;
    for (auto it = object.begin(); it != object.end(); ++it)
        masked.insert(it.key(), maskEmailsIn(it.value()));
    return masked;
}

QJsonValue maskEmailsIn(const QJsonValue& value)
{
    if (value.isString())
        return util::maskEmailsIn(value.toString());
    if (value.isArray())
        return maskEmailsIn(value.toArray());
    if (value.isObject())
        return maskEmailsIn(value.toObject());
    return value;
}

} // namespace

AuditLog::AuditLog(SqliteConnection connection, Clock clock)
    : m_connection(std::move(connection))
    , m_clock(std::move(clock))
{}

AuditLog AuditLog::open(const QString& path, Clock clock)
{
    return AuditLog(Database::openForWriting(path), std::move(clock));
}

QString AuditLog::currentActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

std::int64_t AuditLog::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

std::int64_t AuditLog::record(const QString& actor, const QString& action, const QString& subject,
                              const QJsonObject& details)
{
    const QString serialised =
        QString::fromUtf8(QJsonDocument(maskEmailsIn(details)).toJson(QJsonDocument::Compact));
    SqliteTransaction transaction(m_connection);
    {
        SqliteStatement insert = m_connection.prepare(
            "INSERT INTO audit_log (at_ms, actor, action, subject, details) VALUES (?1, ?2, ?3, ?4, ?5)");
        insert.bind(1, now())
            .bind(2, actor.trimmed().isEmpty() ? currentActor() : actor.trimmed())
            .bind(3, action)
            .bind(4, subject.isEmpty() ? QString() : util::maskEmailsIn(subject))
            .bind(5, serialised);
        insert.step();
    }
    SqliteStatement id = m_connection.prepare("SELECT last_insert_rowid()");
    const std::int64_t recorded = id.step() ? id.int64(0) : 0;
    transaction.commit();
    return recorded;
}

std::vector<AuditEntry> AuditLog::list(int limit, std::optional<std::int64_t> beforeId)
{
    std::vector<AuditEntry> entries;
    SqliteStatement rows = m_connection.prepare(
        "SELECT id, at_ms, actor, action, subject, details FROM audit_log WHERE ?1 IS NULL OR id < ?1 "
        "ORDER BY id DESC LIMIT ?2");
    if (beforeId)
        rows.bind(1, *beforeId);
    else
        rows.bindNull(1);
    rows.bind(2, std::max(limit, 0));
    while (rows.step()) {
        AuditEntry entry;
        entry.id = rows.int64(0);
        entry.atMs = rows.int64(1);
        entry.actor = rows.text(2);
        entry.action = rows.text(3);
        entry.subject = rows.text(4);
        entry.details = QJsonDocument::fromJson(rows.text(5).toUtf8()).object();
        entries.push_back(std::move(entry));
    }
    return entries;
}

} // namespace billbridge::store
