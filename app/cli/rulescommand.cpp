#include "clicommon.h"
#include "rules/rule.h"
#include "rules/rulestore.h"
#include "rules/ruletemplates.h"
#include "rules/ruletester.h"
#include "store/database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace billbridge::cli {

namespace {

using rules::Rule;
using rules::RuleProblem;
using rules::RuleStore;

RuleStore openForReading(const QString& path)
{
    return RuleStore(store::Database::openForReading(path));
}

// Changes never create a store: a mistyped --db would otherwise keep the rules in a file nothing reads.
RuleStore openForChanges(const QString& path)
{
    requireStore(path);
    return RuleStore::open(path);
}

QString timeText(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

void printProblems(const QList<RuleProblem>& problems)
{
    for (const RuleProblem& problem : problems)
        printError(problem.text());
}

std::optional<QByteArray> readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        printError(
            QStringLiteral("cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return std::nullopt;
    }
    return file.readAll();
}

// The rules a test or what-if runs: a file of unsaved rules, or the stored ones; --rule narrows either.
std::optional<QList<Rule>> rulesToTry(const QCommandLineParser& parser, int* exitCode)
{
    QList<Rule> candidates;
    if (parser.isSet(QStringLiteral("file"))) {
        const std::optional<QByteArray> text = readFile(parser.value(QStringLiteral("file")));
        if (!text) {
            *exitCode = ExitFailure;
            return std::nullopt;
        }
        QList<RuleProblem> problems;
        const std::optional<QList<Rule>> parsed = rules::rulesFromJson(*text, &problems);
        printProblems(problems);
        if (!parsed) {
            printError(QStringLiteral("fix the rule file and try again"));
            *exitCode = ExitFailure;
            return std::nullopt;
        }
        candidates = *parsed;
    } else {
        candidates = openForReading(databasePath(parser)).list();
    }
    const QStringList only = parser.values(QStringLiteral("rule"));
    if (only.isEmpty())
        return candidates;
    QList<Rule> chosen;
    for (const QString& id : only) {
        const auto found =
            std::find_if(candidates.begin(), candidates.end(), [&](const Rule& r) { return r.id == id; });
        if (found == candidates.end()) {
            printError(QStringLiteral("there is no rule '%1'; 'rules list' shows the ids").arg(id));
            *exitCode = ExitUsage;
            return std::nullopt;
        }
        chosen.append(*found);
    }
    return chosen;
}

int list(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the rules in the order they are evaluated."));
    addCommonOptions(parser);
    addJsonOption(parser, true);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    RuleStore store = openForReading(databasePath(parser));
    const QList<Rule> stored = store.list();
    for (const rules::BrokenRule& broken : store.broken())
        printError(QStringLiteral("rule '%1' (version %2) is skipped: %3")
                       .arg(broken.id)
                       .arg(broken.version)
                       .arg(broken.problem));
    if (jsonRequested(parser)) {
        for (const Rule& rule : stored) {
            QJsonObject object = rule.toJson();
            object.insert(QStringLiteral("position"), rule.position);
            object.insert(QStringLiteral("version"), rule.version);
            printJson(object);
        }
        return ExitOk;
    }
    if (stored.isEmpty()) {
        printInfo(QStringLiteral(
            "no rules yet; see 'rules templates' for ready-made ones, or 'rules import FILE'"));
        return ExitOk;
    }
    printOut(QStringLiteral("%1  %2  %3  %4  %5  %6")
                 .arg(QStringLiteral("POS").leftJustified(3), QStringLiteral("ID").leftJustified(24),
                      QStringLiteral("STATE").leftJustified(8), QStringLiteral("VER").leftJustified(3),
                      QStringLiteral("TRIGGERS").leftJustified(36), QStringLiteral("NAME")));
    for (const Rule& rule : stored)
        printOut(
            QStringLiteral("%1  %2  %3  %4  %5  %6")
                .arg(QString::number(rule.position + 1).leftJustified(3), rule.id.leftJustified(24),
                     (rule.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled")).leftJustified(8),
                     QString::number(rule.version).leftJustified(3),
                     rule.triggers.join(QLatin1Char(',')).leftJustified(36), rule.name));
    return ExitOk;
}

int show(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print one rule as JSON, or its saved versions."));
    addCommonOptions(parser);
    parser.addOption(
        {QStringLiteral("versions"), QStringLiteral("List the rule's saved versions, newest first.")});
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The rule's id."));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("'rules show' needs one rule id; 'rules list' shows them"));
        return ExitUsage;
    }
    const QString id = parser.positionalArguments().first();
    RuleStore store = openForReading(databasePath(parser));
    if (parser.isSet(QStringLiteral("versions"))) {
        const auto versions = store.versions(id);
        if (versions.empty()) {
            printError(QStringLiteral("rule '%1' has no saved versions; 'rules list' shows the ids").arg(id));
            return ExitFailure;
        }
        for (const rules::RuleVersion& version : versions)
            printOut(QStringLiteral("version %1  %2  by %3  %4%5")
                         .arg(version.version)
                         .arg(timeText(version.savedAtMs), version.savedBy,
                              version.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled"),
                              version.rule ? QString() : QStringLiteral("  (definition unreadable)")));
        return ExitOk;
    }
    const std::optional<Rule> rule = store.find(id);
    if (!rule) {
        printError(QStringLiteral("there is no rule '%1'; 'rules list' shows the ids").arg(id));
        return ExitFailure;
    }
    printInfo(QStringLiteral("rule '%1', version %2, position %3")
                  .arg(rule->id)
                  .arg(rule->version)
                  .arg(rule->position + 1));
    printOut(QString::fromUtf8(QJsonDocument(rule->toJson()).toJson(QJsonDocument::Indented)).trimmed());
    return ExitOk;
}

int importRules(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Add or update rules from a JSON file (an array of rules or {\"rules\": [...]}). Every rule "
        "is checked first: with any error nothing is imported."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Show what would change; change nothing.")});
    parser.addOption(
        {QStringLiteral("replace"),
         QStringLiteral("Remove stored rules the file does not contain; the file's order becomes "
                        "the evaluation order.")});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The JSON file."));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("'rules import' needs one JSON file"));
        return ExitUsage;
    }
    const std::optional<QByteArray> text = readFile(parser.positionalArguments().first());
    if (!text)
        return ExitFailure;
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    RuleStore store = openForChanges(databasePath(parser));
    const rules::ImportPreview preview = store.import(*text, parser.isSet(QStringLiteral("replace")), dryRun);
    printProblems(preview.problems);
    if (!preview.ok()) {
        printError(QStringLiteral("nothing was imported; fix the problems above and run the import again"));
        return ExitFailure;
    }
    const auto line = [](const char* label, const QStringList& ids) {
        if (!ids.isEmpty())
            printOut(QStringLiteral("%1 (%2): %3")
                         .arg(QLatin1String(label))
                         .arg(ids.size())
                         .arg(ids.join(QStringLiteral(", "))));
    };
    line("added", preview.added);
    line("changed", preview.changed);
    line("unchanged", preview.unchanged);
    line("removed", preview.removed);
    if (dryRun)
        printInfo(QStringLiteral("dry run: nothing was changed; run again without --dry-run to import"));
    else if (preview.applied)
        printInfo(QStringLiteral("imported; new rules are evaluated from the next event on"));
    else
        printInfo(QStringLiteral("nothing to change"));
    return ExitOk;
}

int exportRules(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write the rules as JSON (to stdout without a file)."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Where to write; stdout when left out."));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (parser.positionalArguments().size() > 1) {
        printError(QStringLiteral("'rules export' takes at most one file"));
        return ExitUsage;
    }
    RuleStore store = openForReading(databasePath(parser));
    const QByteArray json = store.exportJson();
    if (parser.positionalArguments().isEmpty()) {
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        return ExitOk;
    }
    const QString path = parser.positionalArguments().first();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        printError(
            QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return ExitFailure;
    }
    printInfo(QStringLiteral("exported %1 rule(s) to %2")
                  .arg(store.list().size())
                  .arg(QDir::toNativeSeparators(path)));
    return ExitOk;
}

int change(const QStringList& arguments, const QString& what)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("%1 one rule.").arg(what));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The rule's id."));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("'rules %1' needs one rule id; 'rules list' shows them").arg(what));
        return ExitUsage;
    }
    const QString id = parser.positionalArguments().first();
    RuleStore store = openForChanges(databasePath(parser));
    bool done = false;
    if (what == QLatin1String("remove"))
        done = store.remove(id);
    else
        done = store.setEnabled(id, what == QLatin1String("enable"));
    if (!done) {
        printError(QStringLiteral("there is no rule '%1'; 'rules list' shows the ids").arg(id));
        return ExitFailure;
    }
    printInfo(what == QLatin1String("remove")
                  ? QStringLiteral("removed rule '%1' (its versions are kept)").arg(id)
                  : QStringLiteral("rule '%1' is %2d").arg(id, what));
    return ExitOk;
}

int templates(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List the ready-made rules, or install some (disabled, to adjust and enable)."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("install"),
                      QStringLiteral("Install the template with this id (repeatable)."),
                      QStringLiteral("id")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    const QStringList install = parser.values(QStringLiteral("install")) + parser.positionalArguments();
    if (install.isEmpty()) {
        for (const Rule& rule : rules::ruleTemplates())
            printOut(QStringLiteral("%1  %2").arg(rule.id.leftJustified(22), rule.name));
        printInfo(QStringLiteral("install with 'rules templates --install ID'; templates arrive disabled"));
        return ExitOk;
    }
    QList<Rule> chosen;
    for (const QString& id : install) {
        const std::optional<Rule> rule = rules::ruleTemplate(id);
        if (!rule) {
            printError(QStringLiteral("there is no template '%1'; 'rules templates' lists them").arg(id));
            return ExitUsage;
        }
        chosen.append(*rule);
    }
    RuleStore store = openForChanges(databasePath(parser));
    for (const Rule& rule : chosen) {
        if (store.find(rule.id)) {
            printError(
                QStringLiteral("a rule '%1' already exists; remove it first to install the template again")
                    .arg(rule.id));
            return ExitFailure;
        }
    }
    for (const Rule& rule : chosen) {
        store.save(rule);
        printInfo(
            QStringLiteral("installed '%1' (disabled); adjust it, then 'rules enable %1'").arg(rule.id));
    }
    return ExitOk;
}

void addTryOptions(QCommandLineParser& parser)
{
    parser.addOption(
        {QStringLiteral("rule"), QStringLiteral("Only this rule (repeatable)."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("file"),
                      QStringLiteral("Use the rules in this JSON file instead of the stored ones."),
                      QStringLiteral("rules.json")});
}

int test(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Show what each rule would do with one stored event: whether it fires, why not, and the "
        "exact requests. Nothing is queued. Derived values come from the customer's current state."));
    addCommonOptions(parser);
    addTryOptions(parser);
    parser.addPositionalArgument(QStringLiteral("event"), QStringLiteral("The Stripe event id (evt_…)."));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("'rules test' needs one event id; 'events list' shows them"));
        return ExitUsage;
    }
    int exitCode = ExitOk;
    const std::optional<QList<Rule>> candidates = rulesToTry(parser, &exitCode);
    if (!candidates)
        return exitCode;
    store::SqliteConnection connection = store::Database::openForReading(databasePath(parser));
    QString error;
    const std::optional<rules::EventTestReport> report =
        rules::RuleTester::test(connection, parser.positionalArguments().first(), *candidates, &error);
    if (!report) {
        printError(error + QStringLiteral("; 'events list' shows the stored events"));
        return ExitFailure;
    }
    printOut(QStringLiteral("event %1 (%2), customer %3, sync verdict %4")
                 .arg(report->eventId, report->eventType,
                      report->customerId.isEmpty() ? QStringLiteral("(none)") : report->customerId,
                      report->verdict));
    if (report->rules.empty())
        printInfo(QStringLiteral("no rules to test"));
    for (const rules::RuleTestResult& result : report->rules) {
        if (!result.fired) {
            printOut(QStringLiteral("rule %1: does not fire: %2").arg(result.ruleId, result.reason));
            continue;
        }
        printOut(QStringLiteral("rule %1: fires, %2 job(s)").arg(result.ruleId).arg(result.jobs.size()));
        for (const rules::JobPreview& job : result.jobs) {
            printOut(QStringLiteral("  %1 %2 %3  key %4%5")
                         .arg(job.operation, job.verb, job.path, job.idempotencyKey,
                              job.notBeforeMs > 0 ? QStringLiteral("  due %1").arg(timeText(job.notBeforeMs))
                                                  : QString()));
            if (!job.exits.isEmpty())
                printOut(QStringLiteral("    exits %1").arg(job.exits));
            printOut(QStringLiteral("    %1").arg(QString::fromUtf8(job.body)));
        }
    }
    return ExitOk;
}

int whatIf(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Count what rules would have done with the stored events of the last N days. Nothing is "
        "queued."));
    addCommonOptions(parser);
    addTryOptions(parser);
    parser.addOption(
        {QStringLiteral("days"), QStringLiteral("How many days back (1-3650)."), QStringLiteral("n")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    bool ok = false;
    const int days = parser.value(QStringLiteral("days")).toInt(&ok);
    if (!parser.isSet(QStringLiteral("days")) || !ok || days < 1 || days > 3650) {
        printError(QStringLiteral("'rules whatif' needs --days N with N between 1 and 3650"));
        return ExitUsage;
    }
    int exitCode = ExitOk;
    const std::optional<QList<Rule>> candidates = rulesToTry(parser, &exitCode);
    if (!candidates)
        return exitCode;
    if (candidates->isEmpty()) {
        printInfo(QStringLiteral("no rules to try; import some or pass --file"));
        return ExitOk;
    }
    store::SqliteConnection connection = store::Database::openForReading(databasePath(parser));
    const rules::WhatIfReport report =
        rules::RuleTester::whatIf(connection, *candidates, days, QDateTime::currentMSecsSinceEpoch());
    printOut(QStringLiteral("%1 event(s) of trigger types since %2")
                 .arg(report.eventsScanned)
                 .arg(QDateTime::fromSecsSinceEpoch(report.fromSeconds, Qt::UTC).toString(Qt::ISODate)));
    for (const rules::WhatIfRuleResult& result : report.rules) {
        QStringList actions;
        for (auto it = result.actionsByType.begin(); it != result.actionsByType.end(); ++it)
            actions.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
        printOut(QStringLiteral("rule %1: %2 event(s), %3 customer(s)%4")
                     .arg(result.ruleId)
                     .arg(result.matchedEvents)
                     .arg(result.distinctCustomers)
                     .arg(actions.isEmpty() ? QString()
                                            : QStringLiteral("; ") + actions.join(QStringLiteral(", "))));
        for (const rules::WhatIfSample& sample : result.samples)
            printOut(QStringLiteral("  e.g. %1 %2 %3 %4")
                         .arg(sample.eventId, sample.eventType, sample.customerId,
                              QDateTime::fromSecsSinceEpoch(sample.created, Qt::UTC).toString(Qt::ISODate)));
    }
    return ExitOk;
}

int dispatch(const QString& sub, const QStringList& rest)
{
    if (sub == QLatin1String("list"))
        return list(rest);
    if (sub == QLatin1String("show"))
        return show(rest);
    if (sub == QLatin1String("import"))
        return importRules(rest);
    if (sub == QLatin1String("export"))
        return exportRules(rest);
    if (sub == QLatin1String("enable") || sub == QLatin1String("disable") || sub == QLatin1String("remove"))
        return change(rest, sub);
    if (sub == QLatin1String("templates"))
        return templates(rest);
    if (sub == QLatin1String("test"))
        return test(rest);
    if (sub == QLatin1String("whatif"))
        return whatIf(rest);
    printError(QStringLiteral("'rules' needs one of list, show, import, export, enable, disable, remove, "
                              "templates, test or whatif (see 'billbridge-cli rules list --help')"));
    return ExitUsage;
}

} // namespace

int runRules(const QStringList& arguments)
{
    try {
        return dispatch(arguments.value(0), arguments.mid(1));
    } catch (const rules::RuleValidationError& error) {
        printError(QString::fromStdString(error.what()));
        return ExitFailure;
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
}

} // namespace billbridge::cli
