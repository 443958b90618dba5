#pragma once

#include "rules/rule.h"
#include "rules/rulestore.h"
#include "rules/ruletester.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace billbridge::widgets {

// A stored rule with who changed it last, as the rules list shows it.
struct RuleRow {
    rules::Rule rule;
    QString changedBy;
    std::int64_t changedAtMs = 0;
};

// What the page knows of the rule set after a read or a change.
struct RulesSnapshot {
    QList<RuleRow> rows;
    std::vector<rules::BrokenRule> broken;
};

// The outcome of one call into the rule store, carried back to the UI thread.
struct RulesResult {
    bool ok = false;
    QString error;                      // what went wrong and what to do; empty when ok
    QList<rules::RuleProblem> problems; // a save or import refused for these
    std::optional<rules::Rule> saved;   // the rule as stored by a save
    std::optional<rules::ImportPreview> import;
    QByteArray exported;
    std::vector<rules::RuleVersion> versions;
    std::optional<RulesSnapshot> snapshot; // the rule set after the call
};

struct RecentEvent {
    QString id;
    QString type;
    QString customerId;
    std::int64_t created = 0;
};

// Blocking calls on the store at a path, each on a connection of its own, meant for worker threads. They
// never throw: failures come back as values with a message for the operator.
namespace rulesbackend {

RulesResult load(const QString& storePath);
RulesResult save(const QString& storePath, const rules::Rule& rule);
RulesResult remove(const QString& storePath, const QString& ruleId);
RulesResult move(const QString& storePath, const QString& ruleId, int position);
RulesResult setEnabled(const QString& storePath, const QString& ruleId, bool enabled);
RulesResult import(const QString& storePath, const QByteArray& json, bool replace, bool dryRun);
RulesResult exportAll(const QString& storePath);
RulesResult versions(const QString& storePath, const QString& ruleId);

// The newest stored events of these types (all types when empty).
std::vector<RecentEvent> recentEvents(const QString& storePath, const QStringList& types, int limit,
                                      QString* error);
std::optional<rules::EventTestReport> test(const QString& storePath, const QString& eventId,
                                           const QList<rules::Rule>& rules, QString* error);
rules::WhatIfReport whatIf(const QString& storePath, const QList<rules::Rule>& rules, int days,
                           std::int64_t nowMs, const rules::RuleTester::Progress& progress,
                           const std::atomic_bool* cancel, QString* error);

} // namespace rulesbackend

} // namespace billbridge::widgets

Q_DECLARE_METATYPE(billbridge::widgets::RulesResult)
