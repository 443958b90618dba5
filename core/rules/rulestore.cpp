#include "rules/rulestore.h"

#include "store/auditlog.h"
#include "store/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <utility>

namespace billbridge::rules {

namespace {

QString definitionText(const Rule& rule)
{
    return QString::fromUtf8(QJsonDocument(rule.toJson(false)).toJson(QJsonDocument::Compact));
}

QString actorOrCurrent(const QString& actor)
{
    return actor.trimmed().isEmpty() ? store::AuditLog::currentActor() : actor.trimmed();
}

QString joinedProblems(const QList<RuleProblem>& problems)
{
    QStringList lines;
    for (const RuleProblem& problem : problems) {
        if (problem.isError())
            lines.append(problem.text());
    }
    return lines.join(QStringLiteral("; "));
}

int nextVersionIn(store::SqliteConnection& connection, const QString& id)
{
    // Versions keep counting after a removal, so a re-created rule never reuses an old version number.
    store::SqliteStatement select =
        connection.prepare("SELECT max(coalesce((SELECT max(version) FROM rules WHERE id = ?1), 0), "
                           "coalesce((SELECT max(version) FROM rule_versions WHERE rule_id = ?1), 0))");
    select.bind(1, id);
    select.step();
    return int(select.int64(0)) + 1;
}

void renumberIn(store::SqliteConnection& connection, const QStringList& order)
{
    store::SqliteStatement update = connection.prepare("UPDATE rules SET position = ?1 WHERE id = ?2");
    for (int i = 0; i < order.size(); ++i) {
        update.reset();
        update.bind(1, i).bind(2, order.at(i));
        update.step();
    }
}

QStringList orderIn(store::SqliteConnection& connection)
{
    QStringList ids;
    store::SqliteStatement select = connection.prepare("SELECT id FROM rules ORDER BY position, id");
    while (select.step())
        ids.append(select.text(0));
    return ids;
}

std::optional<Rule> readRow(store::SqliteStatement& row, BrokenRule* broken)
{
    // Columns: id, position, version, enabled, definition.
    QList<RuleProblem> problems;
    std::optional<Rule> rule = ruleFromJson(QJsonDocument::fromJson(row.blob(4)).object(), &problems);
    if (!rule || rule->id != row.text(0)) {
        if (broken) {
            broken->id = row.text(0);
            broken->version = int(row.int64(2));
            broken->problem =
                rule ? QStringLiteral("its stored definition names another id")
                     : QStringLiteral("its stored definition cannot be read (%1); export, fix and "
                                      "import it again, or remove it")
                           .arg(problems.isEmpty() ? QStringLiteral("not a rule") : joinedProblems(problems));
        }
        return std::nullopt;
    }
    rule->position = int(row.int64(1));
    rule->version = int(row.int64(2));
    rule->enabled = row.int64(3) != 0;
    return rule;
}

} // namespace

RuleValidationError::RuleValidationError(QList<RuleProblem> problems)
    : std::runtime_error(joinedProblems(problems).toStdString())
    , m_problems(std::move(problems))
{}

RuleStore::RuleStore(store::SqliteConnection connection, Clock clock)
    : m_connection(std::move(connection))
    , m_clock(std::move(clock))
{}

RuleStore RuleStore::open(const QString& path, Clock clock)
{
    return RuleStore(store::Database::openForWriting(path), std::move(clock));
}

std::int64_t RuleStore::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

QList<Rule> RuleStore::loadIn(store::SqliteConnection& connection, std::vector<BrokenRule>* broken)
{
    QList<Rule> rules;
    store::SqliteStatement select = connection.prepare(
        "SELECT id, position, version, enabled, definition FROM rules ORDER BY position, id");
    while (select.step()) {
        BrokenRule problem;
        if (std::optional<Rule> rule = readRow(select, &problem)) {
            rule->position = int(rules.size());
            rules.append(*rule);
        } else if (broken) {
            broken->push_back(problem);
        }
    }
    return rules;
}

QList<Rule> RuleStore::list()
{
    return loadIn(m_connection);
}

std::vector<BrokenRule> RuleStore::broken()
{
    std::vector<BrokenRule> broken;
    loadIn(m_connection, &broken);
    return broken;
}

std::optional<Rule> RuleStore::find(const QString& id)
{
    for (const Rule& rule : list()) {
        if (rule.id == id)
            return rule;
    }
    return std::nullopt;
}

void RuleStore::auditIn(std::int64_t at, const QString& actor, const QString& action, const QString& subject,
                        const QJsonObject& details)
{
    try {
        store::AuditLog::appendIn(m_connection, at, actor, action, subject, details);
    } catch (const store::StoreError& error) {
        throw store::StoreError(
            QStringLiteral("the rules were not changed because the audit log could not be written (%1); "
                           "check that the store is writable and not full, then try again")
                .arg(error.message()),
            error.sqliteCode());
    }
}

void RuleStore::writeIn(const Rule& rule, const QString& actor, std::int64_t at)
{
    const QString definition = definitionText(rule);
    store::SqliteStatement upsert = m_connection.prepare(
        "INSERT INTO rules (id, position, version, enabled, definition, updated_at_ms, updated_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET version = excluded.version, "
        "enabled = excluded.enabled, definition = excluded.definition, updated_at_ms = "
        "excluded.updated_at_ms, "
        "updated_by = excluded.updated_by");
    upsert.bind(1, rule.id)
        .bind(2, rule.position)
        .bind(3, rule.version)
        .bind(4, rule.enabled)
        .bind(5, definition)
        .bind(6, at)
        .bind(7, actor);
    upsert.step();
    store::SqliteStatement version = m_connection.prepare(
        "INSERT INTO rule_versions (rule_id, version, enabled, definition, saved_at_ms, saved_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    version.bind(1, rule.id)
        .bind(2, rule.version)
        .bind(3, rule.enabled)
        .bind(4, definition)
        .bind(5, at)
        .bind(6, actor);
    version.step();
}

Rule RuleStore::save(const Rule& candidate, const QString& actor)
{
    const QList<RuleProblem> problems = validate(candidate);
    if (hasErrors(problems))
        throw RuleValidationError(problems);
    const QString who = actorOrCurrent(actor);
    const std::int64_t at = now();
    Rule stored = candidate;
    store::SqliteTransaction transaction(m_connection);
    const QList<Rule> current = loadIn(m_connection);
    const auto existing = std::find_if(current.begin(), current.end(),
                                       [&](const Rule& rule) { return rule.id == candidate.id; });
    if (existing != current.end() && existing->sameContent(candidate))
        return *existing;
    stored.position = existing != current.end() ? existing->position : int(orderIn(m_connection).size());
    stored.version = nextVersionIn(m_connection, stored.id);
    writeIn(stored, who, at);
    QJsonObject details{{QStringLiteral("version"), stored.version},
                        {QStringLiteral("after"), stored.toJson()}};
    if (existing != current.end())
        details.insert(QStringLiteral("before"), existing->toJson());
    auditIn(at, who, QStringLiteral("rule.save"), stored.id, details);
    transaction.commit();
    return stored;
}

bool RuleStore::remove(const QString& id, const QString& actor)
{
    store::SqliteTransaction transaction(m_connection);
    const std::optional<Rule> before = find(id);
    store::SqliteStatement erase = m_connection.prepare("DELETE FROM rules WHERE id = ?1");
    erase.bind(1, id);
    erase.step();
    if (m_connection.changes() == 0)
        return false;
    renumberIn(m_connection, orderIn(m_connection));
    QJsonObject details;
    if (before)
        details.insert(QStringLiteral("before"), before->toJson());
    auditIn(now(), actorOrCurrent(actor), QStringLiteral("rule.remove"), id, details);
    transaction.commit();
    return true;
}

bool RuleStore::move(const QString& id, int position, const QString& actor)
{
    store::SqliteTransaction transaction(m_connection);
    QStringList order = orderIn(m_connection);
    const int from = int(order.indexOf(id));
    if (from < 0)
        return false;
    const int to = std::clamp(position, 0, int(order.size()) - 1);
    if (from == to)
        return true;
    order.move(from, to);
    renumberIn(m_connection, order);
    auditIn(now(), actorOrCurrent(actor), QStringLiteral("rule.move"), id,
            {{QStringLiteral("from"), from}, {QStringLiteral("to"), to}});
    transaction.commit();
    return true;
}

bool RuleStore::setEnabled(const QString& id, bool enabled, const QString& actor)
{
    store::SqliteTransaction transaction(m_connection);
    const std::optional<Rule> rule = find(id);
    if (!rule)
        return false;
    if (rule->enabled == enabled)
        return true;
    const QString who = actorOrCurrent(actor);
    const std::int64_t at = now();
    Rule changed = *rule;
    changed.enabled = enabled;
    changed.version = nextVersionIn(m_connection, id);
    writeIn(changed, who, at);
    auditIn(at, who, enabled ? QStringLiteral("rule.enable") : QStringLiteral("rule.disable"), id,
            {{QStringLiteral("version"), changed.version},
             {QStringLiteral("before"), rule->toJson()},
             {QStringLiteral("after"), changed.toJson()}});
    transaction.commit();
    return true;
}

ImportPreview RuleStore::import(const QByteArray& json, bool replace, bool dryRun, const QString& actor)
{
    ImportPreview preview;
    const std::optional<QList<Rule>> incoming = rulesFromJson(json, &preview.problems);
    if (!incoming)
        return preview;

    std::vector<BrokenRule> broken;
    const QList<Rule> stored = loadIn(m_connection, &broken);
    QMap<QString, Rule> storedById;
    for (const Rule& rule : stored)
        storedById.insert(rule.id, rule);
    QSet<QString> brokenIds;
    for (const BrokenRule& rule : broken)
        brokenIds.insert(rule.id);

    QSet<QString> inFile;
    QList<Rule> toWrite;
    for (const Rule& rule : *incoming) {
        inFile.insert(rule.id);
        if (storedById.contains(rule.id)) {
            if (storedById.value(rule.id).sameContent(rule)) {
                preview.unchanged.append(rule.id);
                continue;
            }
            preview.changed.append(rule.id);
        } else if (brokenIds.contains(rule.id)) {
            preview.changed.append(rule.id);
        } else {
            preview.added.append(rule.id);
        }
        toWrite.append(rule);
    }
    if (replace) {
        for (const Rule& rule : stored) {
            if (!inFile.contains(rule.id))
                preview.removed.append(rule.id);
        }
        for (const BrokenRule& rule : broken) {
            if (!inFile.contains(rule.id))
                preview.removed.append(rule.id);
        }
    }
    if (dryRun || (toWrite.isEmpty() && preview.removed.isEmpty()))
        return preview;

    const QString who = actorOrCurrent(actor);
    const std::int64_t at = now();
    QJsonObject before;
    QJsonObject after;
    {
        store::SqliteTransaction transaction(m_connection);
        QStringList order = orderIn(m_connection);
        for (Rule rule : toWrite) {
            if (storedById.contains(rule.id))
                before.insert(rule.id, storedById.value(rule.id).toJson());
            rule.position = order.contains(rule.id) ? int(order.indexOf(rule.id)) : int(order.size());
            if (!order.contains(rule.id))
                order.append(rule.id);
            rule.version = nextVersionIn(m_connection, rule.id);
            writeIn(rule, who, at);
            after.insert(rule.id, rule.toJson());
        }
        store::SqliteStatement erase = m_connection.prepare("DELETE FROM rules WHERE id = ?1");
        for (const QString& id : preview.removed) {
            if (storedById.contains(id))
                before.insert(id, storedById.value(id).toJson());
            erase.reset();
            erase.bind(1, id);
            erase.step();
            order.removeAll(id);
        }
        if (replace) {
            order.clear();
            for (const Rule& rule : *incoming)
                order.append(rule.id);
        }
        renumberIn(m_connection, order);
        auditIn(at, who, QStringLiteral("rule.import"), QStringLiteral("rules"),
                {{QStringLiteral("added"), QJsonArray::fromStringList(preview.added)},
                 {QStringLiteral("changed"), QJsonArray::fromStringList(preview.changed)},
                 {QStringLiteral("removed"), QJsonArray::fromStringList(preview.removed)},
                 {QStringLiteral("replace"), replace},
                 {QStringLiteral("before"), before},
                 {QStringLiteral("after"), after}});
        transaction.commit();
    }
    preview.applied = true;
    return preview;
}

QByteArray RuleStore::exportJson()
{
    return rulesToJson(list());
}

std::vector<RuleVersion> RuleStore::versions(const QString& id)
{
    std::vector<RuleVersion> versions;
    store::SqliteStatement select = m_connection.prepare(
        "SELECT version, enabled, definition, saved_at_ms, saved_by FROM rule_versions WHERE rule_id = ?1 "
        "ORDER BY version DESC");
    select.bind(1, id);
    while (select.step()) {
        RuleVersion version;
        version.version = int(select.int64(0));
        version.enabled = select.int64(1) != 0;
        version.definition = select.blob(2);
        version.savedAtMs = select.int64(3);
        version.savedBy = select.text(4);
        QList<RuleProblem> problems;
        version.rule = ruleFromJson(QJsonDocument::fromJson(version.definition).object(), &problems);
        if (version.rule) {
            version.rule->version = version.version;
            version.rule->enabled = version.enabled;
        }
        versions.push_back(std::move(version));
    }
    return versions;
}

} // namespace billbridge::rules
