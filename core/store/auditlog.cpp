#include "store/auditlog.h"

#include "store/database.h"
#include "util/redact.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace billbridge::store {

namespace {

constexpr int kProgressEvery = 500;

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

void addField(QByteArray& input, const QString& value)
{
    const QByteArray bytes = value.toUtf8();
    input += QByteArray::number(bytes.size());
    input += ':';
    input += bytes;
    input += '\n';
}

constexpr const char* kColumns = "id, at_ms, actor, action, subject, details, prev_hash, hash";

AuditEntry entryFrom(const SqliteStatement& row)
{
    AuditEntry entry;
    entry.id = row.int64(0);
    entry.atMs = row.int64(1);
    entry.actor = row.text(2);
    entry.action = row.text(3);
    entry.subject = row.isNull(4) ? QString() : row.text(4);
    entry.detailsJson = row.text(5);
    entry.details = QJsonDocument::fromJson(entry.detailsJson.toUtf8()).object();
    entry.prevHash = row.isNull(6) ? QString() : row.text(6);
    entry.hash = row.isNull(7) ? QString() : row.text(7);
    return entry;
}

// The filter's conditions after "WHERE"; parameters ?1 (cursor) and ?3…?7 are bound by bindFilter().
constexpr const char* kFilterConditions =
    "(?3 = '' OR substr(action, 1, length(?3)) = ?3) AND (?4 = '' OR actor = ?4) AND "
    "(?5 = '' OR instr(lower(coalesce(subject, '') || ' ' || details), lower(?5)) > 0) AND "
    "(?6 IS NULL OR at_ms >= ?6) AND (?7 IS NULL OR at_ms < ?7)";

void bindFilter(SqliteStatement& statement, const AuditFilter& filter)
{
    statement.bind(3, filter.actionPrefix.isNull() ? QStringLiteral("") : filter.actionPrefix)
        .bind(4, filter.actor.isNull() ? QStringLiteral("") : filter.actor)
        .bind(5, filter.text.isNull() ? QStringLiteral("") : filter.text);
    if (filter.fromMs)
        statement.bind(6, *filter.fromMs);
    else
        statement.bindNull(6);
    if (filter.untilMs)
        statement.bind(7, *filter.untilMs);
    else
        statement.bindNull(7);
}

struct ChainHead {
    std::int64_t lastId = 0;
    QString lastHash;
};

// Rows from before schema 8 carry no hash. As long as no row is sealed they are all such rows, and the first
// append seals them in id order; once the chain exists, a row without a hash is one written past Billbridge
// and is left for verify() to report rather than laundered into the chain.
ChainHead sealLegacyRows(SqliteConnection& connection)
{
    ChainHead head;
    {
        SqliteStatement last = connection.prepare(
            "SELECT id, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1");
        if (last.step()) {
            head.lastId = last.int64(0);
            head.lastHash = last.text(1);
            return head;
        }
    }
    QString previous = QString::fromLatin1(AuditLog::kGenesisHash);
    std::vector<AuditEntry> legacy;
    {
        SqliteStatement rows =
            connection.prepare("SELECT id, at_ms, actor, action, subject, details, prev_hash, hash "
                               "FROM audit_log ORDER BY id");
        while (rows.step())
            legacy.push_back(entryFrom(rows));
    }
    SqliteStatement seal = connection.prepare("UPDATE audit_log SET prev_hash = ?1, hash = ?2 WHERE id = ?3");
    for (AuditEntry& entry : legacy) {
        entry.prevHash = previous;
        entry.hash = AuditLog::hashOf(entry);
        seal.bind(1, entry.prevHash).bind(2, entry.hash).bind(3, entry.id);
        seal.step();
        seal.reset();
        previous = entry.hash;
        head.lastId = entry.id;
    }
    head.lastHash = previous;
    return head;
}

} // namespace

QString AuditVerification::explanation() const
{
    const auto tr = [](const char* text) {
        return QCoreApplication::translate("billbridge::store::AuditLog", text);
    };
    if (cancelled)
        return tr(
            "The check was stopped before the end; nothing is known about the entries not checked yet.");
    switch (problem) {
    case Problem::None: {
        QString text = verified == 1 ? tr("Chain intact — 1 entry verified.")
                                     : tr("Chain intact — %1 entries verified.").arg(verified);
        if (unsealed > 0)
            text += QLatin1Char(' ') + tr("%1 older entries from before the chain existed are sealed into it "
                                          "with the next recorded action.")
                                           .arg(unsealed);
        return text;
    }
    case Problem::Edited:
        return tr("Entry %1 was changed after it was written.").arg(badId);
    case Problem::Relinked:
        return tr("Entry %1 does not follow the entry before it: an entry was deleted just before it, or it "
                  "was inserted afterwards.")
            .arg(badId);
    case Problem::Unsealed:
        return tr("Entry %1 has no seal although older entries do: it was added outside Billbridge.")
            .arg(badId);
    }
    return {};
}

AuditLog::AuditLog(SqliteConnection connection, Clock clock)
    : m_connection(std::move(connection))
    , m_clock(std::move(clock))
{}

AuditLog AuditLog::open(const QString& path, Clock clock)
{
    return AuditLog(Database::openForWriting(path), std::move(clock));
}

AuditLog AuditLog::openForReading(const QString& path)
{
    return AuditLog(Database::openForReading(path));
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

QString AuditLog::hashOf(const AuditEntry& entry)
{
    QByteArray input("billbridge-audit-v1\n");
    addField(input, QString::number(entry.id));
    addField(input, QString::number(entry.atMs));
    addField(input, entry.actor);
    addField(input, entry.action);
    addField(input, entry.subject);
    addField(input, entry.detailsJson);
    addField(input, entry.prevHash);
    return QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex());
}

std::int64_t AuditLog::appendIn(SqliteConnection& connection, std::int64_t atMs, const QString& actor,
                                const QString& action, const QString& subject, const QJsonObject& details)
{
    const ChainHead head = sealLegacyRows(connection);
    std::int64_t nextId = head.lastId + 1;
    {
        // An unsealed row slipped in past the chain still occupies its id.
        SqliteStatement maxId = connection.prepare("SELECT coalesce(max(id), 0) FROM audit_log");
        if (maxId.step())
            nextId = std::max(nextId, maxId.int64(0) + 1);
    }
    AuditEntry entry;
    entry.id = nextId;
    entry.atMs = atMs;
    entry.actor = actor.trimmed().isEmpty() ? currentActor() : actor.trimmed();
    entry.action = action;
    entry.subject = subject.isEmpty() ? QString() : util::maskEmailsIn(subject);
    // QJsonObject keeps its keys sorted, so the compact text is canonical.
    entry.detailsJson =
        QString::fromUtf8(QJsonDocument(maskEmailsIn(details)).toJson(QJsonDocument::Compact));
    entry.prevHash = head.lastHash;
    entry.hash = hashOf(entry);
    SqliteStatement insert = connection.prepare(
        "INSERT INTO audit_log (id, at_ms, actor, action, subject, details, prev_hash, hash) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bind(1, entry.id)
        .bind(2, entry.atMs)
        .bind(3, entry.actor)
        .bind(4, entry.action)
        .bind(5, entry.subject)
        .bind(6, entry.detailsJson)
        .bind(7, entry.prevHash)
        .bind(8, entry.hash);
    insert.step();
    return entry.id;
}

std::int64_t AuditLog::record(const QString& actor, const QString& action, const QString& subject,
                              const QJsonObject& details)
{
    SqliteTransaction transaction(m_connection);
    const std::int64_t recorded = appendIn(m_connection, now(), actor, action, subject, details);
    transaction.commit();
    return recorded;
}

std::vector<AuditEntry> AuditLog::list(int limit, std::optional<std::int64_t> beforeId)
{
    return list(AuditFilter{}, limit, beforeId);
}

std::vector<AuditEntry> AuditLog::list(const AuditFilter& filter, int limit,
                                       std::optional<std::int64_t> beforeId)
{
    std::vector<AuditEntry> entries;
    const QByteArray sql = QByteArray("SELECT ") + kColumns +
                           " FROM audit_log WHERE (?1 IS NULL OR id < ?1) AND " + kFilterConditions +
                           " ORDER BY id DESC LIMIT ?2";
    SqliteStatement rows = m_connection.prepare(sql.constData());
    if (beforeId)
        rows.bind(1, *beforeId);
    else
        rows.bindNull(1);
    rows.bind(2, std::max(limit, 0));
    bindFilter(rows, filter);
    while (rows.step())
        entries.push_back(entryFrom(rows));
    return entries;
}

std::vector<AuditEntry> AuditLog::listAscending(const AuditFilter& filter, int limit, std::int64_t afterId)
{
    std::vector<AuditEntry> entries;
    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM audit_log WHERE id > ?1 AND " +
                           kFilterConditions + " ORDER BY id LIMIT ?2";
    SqliteStatement rows = m_connection.prepare(sql.constData());
    rows.bind(1, afterId).bind(2, std::max(limit, 0));
    bindFilter(rows, filter);
    while (rows.step())
        entries.push_back(entryFrom(rows));
    return entries;
}

std::optional<AuditEntry> AuditLog::find(std::int64_t id)
{
    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM audit_log WHERE id = ?1";
    SqliteStatement row = m_connection.prepare(sql.constData());
    row.bind(1, id);
    if (!row.step())
        return std::nullopt;
    return entryFrom(row);
}

std::int64_t AuditLog::count()
{
    SqliteStatement rows = m_connection.prepare("SELECT count(*) FROM audit_log");
    return rows.step() ? rows.int64(0) : 0;
}

AuditVerification AuditLog::verify(const Progress& progress)
{
    AuditVerification result;
    // One read transaction, so that rows appended meanwhile neither appear half-way nor shift the count.
    m_connection.exec("BEGIN");
    try {
        const std::int64_t total = count();
        QString expectedPrevious = QString::fromLatin1(kGenesisHash);
        bool sawSealed = false;
        std::int64_t done = 0;
        const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM audit_log ORDER BY id";
        SqliteStatement rows = m_connection.prepare(sql.constData());
        while (rows.step()) {
            const AuditEntry entry = entryFrom(rows);
            ++done;
            if (progress && done % kProgressEvery == 0 && !progress(done, total)) {
                result.cancelled = true;
                break;
            }
            if (!entry.isSealed()) {
                if (sawSealed) {
                    result.problem = AuditVerification::Problem::Unsealed;
                    result.badId = entry.id;
                    break;
                }
                ++result.unsealed;
                continue;
            }
            sawSealed = true;
            if (entry.prevHash != expectedPrevious) {
                result.problem = AuditVerification::Problem::Relinked;
                result.badId = entry.id;
                break;
            }
            if (hashOf(entry) != entry.hash) {
                result.problem = AuditVerification::Problem::Edited;
                result.badId = entry.id;
                break;
            }
            expectedPrevious = entry.hash;
            result.headHash = entry.hash;
            ++result.verified;
        }
        if (progress && !result.cancelled)
            progress(total, total);
    } catch (...) {
        m_connection.exec("ROLLBACK");
        throw;
    }
    m_connection.exec("ROLLBACK");
    return result;
}

} // namespace billbridge::store
