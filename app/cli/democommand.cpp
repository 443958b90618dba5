#include "clicommon.h"
#include "demo/demohistory.h"
#include "demo/demosetup.h"
#include "demo/demostore.h"

#include <QDateTime>

#include <limits>
#include <map>

namespace billbridge::cli {

namespace {

std::optional<qint64> wholeNumber(const QCommandLineParser& parser, const QString& name, qint64 low,
                                  qint64 high)
{
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < low || value > high) {
        printError(QStringLiteral("--%1 takes a whole number from %2 to %3").arg(name).arg(low).arg(high));
        return std::nullopt;
    }
    return value;
}

int createDemo(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Generate a made-up Stripe billing history into a separate DEMO store (default %1).")
            .arg(demo::defaultDemoStorePath()));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("Demo store to write (default: %1).").arg(demo::defaultDemoStorePath()),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("customers"), QStringLiteral("Number of customers (default 300)."),
                      QStringLiteral("n"), QStringLiteral("300")});
    parser.addOption({QStringLiteral("days"),
                      QStringLiteral("Length of the history, ending now (default 90)."), QStringLiteral("d"),
                      QStringLiteral("90")});
    parser.addOption({QStringLiteral("seed"),
                      QStringLiteral("Seed; the same seed gives the same stories (default 1)."),
                      QStringLiteral("s"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("replace"), QStringLiteral("Replace an existing demo store.")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("'demo create' takes no arguments, only options (see --help)"));
        return ExitUsage;
    }
    const auto customers = wholeNumber(parser, QStringLiteral("customers"), 1, 100000);
    const auto days = wholeNumber(parser, QStringLiteral("days"), 1, 3650);
    const auto seed = wholeNumber(parser, QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max());
    if (!customers || !days || !seed)
        return ExitUsage;
    const QString path = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                                            : demo::defaultDemoStorePath();

    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    demo::DemoOptions options;
    options.customers = int(*customers);
    options.days = int(*days);
    options.seed = quint64(*seed);
    options.endTime = nowMs / 1000;
    const demo::DemoSetupResult setup =
        demo::createIndexedDemoStore(path, options, parser.isSet(QStringLiteral("replace")), nowMs);
    const demo::DemoStoreResult& result = setup.store;
    switch (result.status) {
    case demo::DemoStoreResult::Status::Written:
        break;
    case demo::DemoStoreResult::Status::RefusedRealStore:
    case demo::DemoStoreResult::Status::RefusedExistingDemo:
    case demo::DemoStoreResult::Status::Failed:
        printError(result.message);
        return ExitStore;
    }
    if (!setup.indexed || !setup.queued)
        printError(result.message);
    const demo::DemoHistory& history = setup.history;

    std::map<QString, int> byType;
    for (const demo::DemoEvent& event : history.events())
        ++byType[event.type];
    printOut(QStringLiteral("DEMO store       %1").arg(path));
    printOut(QStringLiteral("customers        %1 over %2 days (seed %3)")
                 .arg(options.customers)
                 .arg(options.days)
                 .arg(options.seed));
    printOut(QStringLiteral("events           %1 stored").arg(result.stored));
    if (setup.queued) {
        QStringList states;
        for (int state = 0; state < store::kJobStateCount; ++state) {
            if (const int count = setup.queue.byState[std::size_t(state)]; count > 0)
                states.append(QStringLiteral("%1 %2").arg(count).arg(
                    store::jobStateName(static_cast<store::JobState>(state))));
        }
        printOut(
            QStringLiteral("Customer.io jobs %1 (%2), queue paused so that none reaches a real workspace")
                .arg(setup.queue.total)
                .arg(states.join(QStringLiteral(", "))));
    }
    printOut(QStringLiteral("stories"));
    for (int kind = 0; kind < demo::kStoryKindCount; ++kind) {
        const auto story = static_cast<demo::StoryKind>(kind);
        printOut(QStringLiteral("  %1 %2")
                     .arg(demo::storyKindName(story).leftJustified(36))
                     .arg(history.storyCount(story)));
    }
    printOut(QStringLiteral("events by type"));
    for (const auto& [type, count] : byType)
        printOut(QStringLiteral("  %1 %2").arg(type.leftJustified(38)).arg(count));
    printOut(QString());
    printOut(QStringLiteral("Look at it:  billbridge-cli events list --db %1").arg(path));
    printOut(QStringLiteral("             billbridge-cli stats --db %1").arg(path));
    printOut(QStringLiteral("             billbridge-cli queue stats --db %1").arg(path));
    return ExitOk;
}

} // namespace

int runDemo(const QStringList& arguments)
{
    if (arguments.value(0) == QLatin1String("create"))
        return createDemo(arguments.mid(1));
    printError(QStringLiteral("'demo' needs 'create' (see 'billbridge-cli demo create --help')"));
    return ExitUsage;
}

} // namespace billbridge::cli
