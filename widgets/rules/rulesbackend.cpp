#include "rules/rulesbackend.h"

#include "store/database.h"
#include "store/eventfilter.h"
#include "store/eventstore.h"
#include "store/sqlite.h"

#include <QCoreApplication>

#include <exception>

namespace billbridge::widgets::rulesbackend {

namespace {

RulesSnapshot snapshotOf(rules::RuleStore& store)
{
    RulesSnapshot snapshot;
    const QList<rules::Rule> stored = store.list();
    for (const rules::Rule& rule : stored) {
        RuleRow row;
        row.rule = rule;
        const std::vector<rules::RuleVersion> versions = store.versions(rule.id);
        if (!versions.empty()) {
            row.changedBy = versions.front().savedBy;
            row.changedAtMs = versions.front().savedAtMs;
        }
        snapshot.rows.append(row);
    }
    snapshot.broken = store.broken();
    return snapshot;
}

// Runs `change` on a freshly opened store, then reads the rule set back; every failure becomes a message.
RulesResult withStore(const QString& storePath,
                      const std::function<void(rules::RuleStore&, RulesResult&)>& change)
{
    RulesResult result;
    try {
        rules::RuleStore store = rules::RuleStore::open(storePath);
        change(store, result);
        result.snapshot = snapshotOf(store);
        result.ok = result.error.isEmpty() && !rules::hasErrors(result.problems);
    } catch (const rules::RuleValidationError& refused) {
        result.problems = refused.problems();
        result.error = QCoreApplication::translate(
            "billbridge::widgets::RulesBackend",
            "The rule was not saved because it has errors; fix them and save again.");
    } catch (const store::StoreError& error) {
        result.error = QCoreApplication::translate(
                           "billbridge::widgets::RulesBackend",
                           "The rule store could not be used: %1. Check that the store file is reachable "
                           "and not locked by another program, then try again.")
                           .arg(error.message());
    } catch (const std::exception& error) {
        result.error = QCoreApplication::translate("billbridge::widgets::RulesBackend",
                                                   "The rules could not be changed: %1")
                           .arg(QString::fromUtf8(error.what()));
    }
    return result;
}

} // namespace

RulesResult load(const QString& storePath)
{
    return withStore(storePath, [](rules::RuleStore&, RulesResult&) {});
}

RulesResult save(const QString& storePath, const rules::Rule& rule)
{
    return withStore(storePath,
                     [&](rules::RuleStore& store, RulesResult& result) { result.saved = store.save(rule); });
}

RulesResult remove(const QString& storePath, const QString& ruleId)
{
    return withStore(storePath, [&](rules::RuleStore& store, RulesResult& result) {
        if (!store.remove(ruleId))
            result.error =
                QCoreApplication::translate("billbridge::widgets::RulesBackend",
                                            "Rule '%1' was not found; it may have been deleted elsewhere.")
                    .arg(ruleId);
    });
}

RulesResult move(const QString& storePath, const QString& ruleId, int position)
{
    return withStore(storePath, [&](rules::RuleStore& store, RulesResult& result) {
        if (!store.move(ruleId, position))
            result.error =
                QCoreApplication::translate("billbridge::widgets::RulesBackend",
                                            "Rule '%1' was not found; it may have been deleted elsewhere.")
                    .arg(ruleId);
    });
}

RulesResult setEnabled(const QString& storePath, const QString& ruleId, bool enabled)
{
    return withStore(storePath, [&](rules::RuleStore& store, RulesResult& result) {
        if (!store.setEnabled(ruleId, enabled))
            result.error =
                QCoreApplication::translate("billbridge::widgets::RulesBackend",
                                            "Rule '%1' was not found; it may have been deleted elsewhere.")
                    .arg(ruleId);
    });
}

RulesResult import(const QString& storePath, const QByteArray& json, bool replace, bool dryRun)
{
    return withStore(storePath, [&](rules::RuleStore& store, RulesResult& result) {
        result.import = store.import(json, replace, dryRun);
        result.problems = result.import->problems;
        if (!result.import->ok())
            result.error = QCoreApplication::translate(
                "billbridge::widgets::RulesBackend",
                "The file has errors, so nothing was imported. Fix them in the file and "
                "import it again.");
    });
}

RulesResult exportAll(const QString& storePath)
{
    return withStore(storePath, [](rules::RuleStore& store, RulesResult& result) {
        result.exported = store.exportJson();
    });
}

RulesResult versions(const QString& storePath, const QString& ruleId)
{
    return withStore(storePath, [&](rules::RuleStore& store, RulesResult& result) {
        result.versions = store.versions(ruleId);
    });
}

std::vector<RecentEvent> recentEvents(const QString& storePath, const QStringList& types, int limit,
                                      QString* error)
{
    std::vector<RecentEvent> events;
    try {
        store::EventStore reader = store::EventStore::openForReading(storePath);
        store::EventFilter filter;
        filter.types = types;
        filter.limit = limit;
        for (const store::StoredEvent& stored : reader.list(filter))
            events.push_back(
                {stored.fields.id, stored.fields.type, stored.fields.customerId, stored.fields.created});
    } catch (const std::exception& failure) {
        if (error)
            *error = QCoreApplication::translate("billbridge::widgets::RulesBackend",
                                                 "Recent events could not be read: %1")
                         .arg(QString::fromUtf8(failure.what()));
    }
    return events;
}

std::optional<rules::EventTestReport> test(const QString& storePath, const QString& eventId,
                                           const QList<rules::Rule>& rules, QString* error)
{
    try {
        store::SqliteConnection connection = store::Database::openForReading(storePath);
        return rules::RuleTester::test(connection, eventId, rules, error);
    } catch (const store::StoreError& failure) {
        if (error)
            *error = QCoreApplication::translate("billbridge::widgets::RulesBackend",
                                                 "The store could not be read: %1")
                         .arg(failure.message());
    } catch (const std::exception& failure) {
        if (error)
            *error = QCoreApplication::translate("billbridge::widgets::RulesBackend", "The test failed: %1")
                         .arg(QString::fromUtf8(failure.what()));
    }
    return std::nullopt;
}

rules::WhatIfReport whatIf(const QString& storePath, const QList<rules::Rule>& rules, int days,
                           std::int64_t nowMs, const rules::RuleTester::Progress& progress,
                           const std::atomic_bool* cancel, QString* error)
{
    try {
        store::SqliteConnection connection = store::Database::openForReading(storePath);
        return rules::RuleTester::whatIf(connection, rules, days, nowMs, progress, cancel);
    } catch (const store::StoreError& failure) {
        if (error)
            *error = QCoreApplication::translate("billbridge::widgets::RulesBackend",
                                                 "The store could not be read: %1")
                         .arg(failure.message());
    } catch (const std::exception& failure) {
        if (error)
            *error =
                QCoreApplication::translate("billbridge::widgets::RulesBackend", "The what-if run failed: %1")
                    .arg(QString::fromUtf8(failure.what()));
    }
    return {};
}

} // namespace billbridge::widgets::rulesbackend
