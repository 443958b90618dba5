#pragma once

#include "rules/rule.h"
#include "store/sqlite.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <vector>

namespace billbridge::rules {

// A save or import refused because the rules have errors; nothing was written.
class RuleValidationError : public std::runtime_error {
public:
    explicit RuleValidationError(QList<RuleProblem> problems);
    const QList<RuleProblem>& problems() const { return m_problems; }

private:
    QList<RuleProblem> m_problems;
};

// One saved version of a rule (table rule_versions).
struct RuleVersion {
    int version = 0;
    bool enabled = false;
    std::int64_t savedAtMs = 0;
    QString savedBy;
    std::optional<Rule> rule; // nullopt when the stored definition no longer reads
    QByteArray definition;    // as stored
};

// What an import does (or, for a dry run, would do): rule ids per outcome, in file order.
struct ImportPreview {
    QStringList added;
    QStringList changed;
    QStringList unchanged;
    QStringList removed;         // only with replace: stored rules missing from the file
    QList<RuleProblem> problems; // errors refuse the whole import; warnings do not
    bool applied = false;
    bool ok() const { return !hasErrors(problems); }
};

// A stored rule whose definition cannot be read; list() leaves it out and reports it here.
struct BrokenRule {
    QString id;
    int version = 0;
    QString problem;
};

// The rule set (tables rules, rule_versions). Each change is its own short transaction next to the intake
// writer's; every change that is made (and only those) adds a version row and an audit entry
// ("rule.save", "rule.remove", "rule.enable", "rule.disable", "rule.move", "rule.import") with the
// definitions before and after. The audit entry is written in the change's transaction: a change that
// cannot be audited is not made, and a crash cannot leave an unaudited change behind. Invalid rules are
// refused with RuleValidationError and change nothing. Other failures throw StoreError.
class RuleStore final {
public:
    using Clock = std::function<std::int64_t()>; // milliseconds since the epoch

    explicit RuleStore(store::SqliteConnection connection, Clock clock = {});
    // Opens for writing, creating and migrating the store when needed.
    static RuleStore open(const QString& path, Clock clock = {});

    // In position order (positions renumbered 0…n-1 in that order); unreadable rules are skipped and
    // listed by broken().
    QList<Rule> list();
    std::vector<BrokenRule> broken();
    std::optional<Rule> find(const QString& id);
    // Creates (appended at the end) or updates the rule with that id; `position` and `version` of the
    // argument are ignored (use move()). An update that changes nothing is not a new version. Returns the
    // rule as stored.
    Rule save(const Rule& rule, const QString& actor = {});
    bool remove(const QString& id, const QString& actor = {});
    // Moves the rule to `position` (clamped), shifting the others. False when there is no such rule.
    bool move(const QString& id, int position, const QString& actor = {});
    bool setEnabled(const QString& id, bool enabled, const QString& actor = {});
    // A rule file (rulesFromJson). All or nothing: with any error nothing is written. With `replace`,
    // stored rules missing from the file are removed and the file's order becomes the order; without it,
    // new rules are appended and existing ones keep their place. `dryRun` writes nothing.
    ImportPreview import(const QByteArray& json, bool replace, bool dryRun, const QString& actor = {});
    // {"rules": […]} pretty-printed in position order; re-importing it changes nothing.
    QByteArray exportJson();
    // Newest first.
    std::vector<RuleVersion> versions(const QString& id);

    // Reads the rules in position order from any connection (the intake writer's); unreadable ones go to
    // `broken`.
    static QList<Rule> loadIn(store::SqliteConnection& connection, std::vector<BrokenRule>* broken = nullptr);

private:
    std::int64_t now() const;
    void writeIn(const Rule& rule, const QString& actor, std::int64_t at);
    // Inside the change's open transaction, so that both are committed or neither.
    void auditIn(std::int64_t at, const QString& actor, const QString& action, const QString& subject,
                 const QJsonObject& details);

    store::SqliteConnection m_connection;
    Clock m_clock;
};

} // namespace billbridge::rules
