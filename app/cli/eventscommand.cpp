#include "clicommon.h"
#include "store/eventstore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace billbridge::cli {

namespace {

QString isoTime(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QJsonObject toJson(const store::StoredEvent& event)
{
    return {
        {QStringLiteral("id"), event.fields.id},
        {QStringLiteral("type"), event.fields.type},
        {QStringLiteral("created"), qint64(event.fields.created)},
        {QStringLiteral("livemode"), event.fields.livemode},
        {QStringLiteral("api_version"), event.fields.apiVersion},
        {QStringLiteral("object_type"), event.fields.objectType},
        {QStringLiteral("object_id"), event.fields.objectId},
        {QStringLiteral("customer_id"), event.fields.customerId},
        {QStringLiteral("source"), store::toString(event.source)},
        {QStringLiteral("signature"), store::toString(event.verdict)},
        {QStringLiteral("received_at_ms"), qint64(event.receivedAtMs)},
        {QStringLiteral("duplicates"), qint64(event.duplicateCount)},
    };
}

int listEvents(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List stored events, newest first."));
    addCommonOptions(parser);
    addFilterOptions(parser);
    addLimitOption(parser, QStringLiteral("events"), 50);
    addJsonOption(parser, true);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;

    store::EventFilter filter;
    if (const auto exit = readFilterOptions(parser, filter))
        return *exit;
    const std::optional<int> limit = readLimit(parser);
    if (!limit)
        return ExitUsage;
    filter.limit = *limit;

    try {
        store::EventStore events = store::EventStore::openForReading(databasePath(parser));
        const bool json = jsonRequested(parser);
        if (!filter.text.isEmpty()) {
            // Search only sees what the background indexer has reached; say so rather than look empty.
            store::EventQuery query = events.query();
            const std::int64_t indexed = query.fullTextIndexedSeq();
            const std::int64_t latest = query.latestSeq();
            if (indexed < latest)
                printInfo(
                    QStringLiteral("note: the newest %1 events are not in the full-text index yet; they are "
                                   "searched once the indexer has caught up")
                        .arg(latest - indexed));
        }
        for (const store::StoredEvent& event : events.list(filter)) {
            if (json) {
                printJson(toJson(event));
            } else {
                printOut(QStringLiteral("%1  %2  %3  %4  %5  %6")
                             .arg(isoTime(event.fields.created), event.fields.id.leftJustified(30),
                                  event.fields.type.leftJustified(38),
                                  event.fields.customerId.isEmpty()
                                      ? QStringLiteral("-").leftJustified(20)
                                      : event.fields.customerId.leftJustified(20),
                                  store::toString(event.source).leftJustified(8),
                                  event.fields.livemode ? QStringLiteral("LIVE") : QStringLiteral("TEST")));
            }
        }
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

int showEvent(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print a stored event's raw payload, byte for byte."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("event-id"), QStringLiteral("The evt_… id."));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("'events show' takes exactly one event id (evt_…)"));
        return ExitUsage;
    }
    const QString id = parser.positionalArguments().first();
    try {
        store::EventStore events = store::EventStore::openForReading(databasePath(parser));
        const auto event = events.find(id);
        if (!event) {
            printError(
                QStringLiteral("no event %1 in the store. 'billbridge-cli backfill' imports the last 30 days "
                               "from Stripe.")
                    .arg(id));
            return ExitFailure;
        }
        std::fwrite(event->raw.constData(), 1, static_cast<size_t>(event->raw.size()), stdout);
        if (!event->raw.endsWith('\n'))
            std::fputc('\n', stdout);
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

} // namespace

int runEvents(const QStringList& arguments)
{
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("list"))
        return listEvents(arguments.mid(1));
    if (sub == QLatin1String("show"))
        return showEvent(arguments.mid(1));
    if (sub == QLatin1String("export"))
        return runEventsExport(arguments.mid(1));
    printError(QStringLiteral(
        "'events' needs 'list', 'show' or 'export' (see 'billbridge-cli events list --help')"));
    return ExitUsage;
}

int runStats(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Summarise the store."));
    addCommonOptions(parser);
    addJsonOption(parser, false);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    const QString path = databasePath(parser);
    try {
        store::EventStore events = store::EventStore::openForReading(path);
        const store::StoreStats stats = events.stats();
        if (jsonRequested(parser)) {
            auto toObject = [](const auto& pairs) {
                QJsonObject object;
                for (const auto& [name, value] : pairs)
                    object.insert(name, qint64(value));
                return object;
            };
            QJsonObject root{
                {QStringLiteral("store"), path},
                {QStringLiteral("demo"), events.state(QStringLiteral("store.demo")) == QLatin1String("true")},
                {QStringLiteral("schema_version"), stats.schemaVersion},
                {QStringLiteral("events"), qint64(stats.events)},
                {QStringLiteral("live_events"), qint64(stats.liveEvents)},
                {QStringLiteral("test_events"), qint64(stats.testEvents)},
                {QStringLiteral("duplicates_seen"), qint64(stats.duplicatesSeen)},
                {QStringLiteral("by_source"), toObject(stats.bySource)},
                {QStringLiteral("by_type"), toObject(stats.byType)},
                {QStringLiteral("counters"), toObject(stats.counters)},
                {QStringLiteral("newest_event"), stats.newestEventId}};
            printJson(root);
            return ExitOk;
        }
        const bool demo = events.state(QStringLiteral("store.demo")) == QLatin1String("true");
        printOut(QStringLiteral("store            %1 (schema %2)%3")
                     .arg(path)
                     .arg(stats.schemaVersion)
                     .arg(demo ? QStringLiteral("  DEMO: generated data, not a Stripe account") : QString()));
        printOut(QStringLiteral("events           %1 (%2 test, %3 live)")
                     .arg(stats.events)
                     .arg(stats.testEvents)
                     .arg(stats.liveEvents));
        printOut(QStringLiteral("duplicates seen  %1").arg(stats.duplicatesSeen));
        if (stats.newestCreated)
            printOut(QStringLiteral("newest           %1 (%2)")
                         .arg(isoTime(*stats.newestCreated), stats.newestEventId));
        if (stats.oldestCreated)
            printOut(QStringLiteral("oldest           %1").arg(isoTime(*stats.oldestCreated)));
        for (const auto& [source, count] : stats.bySource)
            printOut(QStringLiteral("source %1 %2").arg(source.leftJustified(10)).arg(count));
        for (const auto& [name, value] : stats.counters)
            printOut(QStringLiteral("counter %1 %2").arg(name.leftJustified(34)).arg(value));
        int shown = 0;
        for (const auto& [type, count] : stats.byType) {
            if (++shown > 15)
                break;
            printOut(QStringLiteral("type %1 %2").arg(type.leftJustified(44)).arg(count));
        }
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

} // namespace billbridge::cli
