// Sync throughput benchmark: builds (or reuses) a store of N realistic events — the demo generator's
// customer stories (trials, conversions, upgrades, failed payments, recoveries, refunds, cancellations)
// over 90 days, with the jobs a store of that size carries — installs R enabled rules (the seed templates
// and variations of them), then measures:
//   1. events/s stored by the intake writer without planning (the intake path alone),
//   2. events/s stored with the sync engine and the rules planning every event and enqueueing its jobs in
//      the same transaction (what `serve` does),
//   3. the rules' what-if over the last D days of the whole store.
// Both rates use fresh customers' stories, submitted as fast as the writer takes them (group commits).
//
//   bench_sync_throughput [--store PATH] [--events N] [--measure M] [--rules R] [--days D]
//   bench_sync_throughput --whatif-only [--repeat K] --store PATH [--rules R] [--days D]
//
// --whatif-only measures step 3 alone, K times, on an existing store: it neither builds nor writes events,
// and it adds only those benchmark rules the store lacks (it never changes or re-enables stored ones, so it
// can run beside a throughput run on the same store); the benchmark rules are tried as if all enabled. When
// all of them are stored it opens the store read-only and never migrates it.
//
// Targets (issue 5): rate 2 not below half the intake target of 8,000 events/s; what-if < 5 s.

#include "demo/demohistory.h"
#include "rules/rulestore.h"
#include "rules/ruletemplates.h"
#include "rules/ruletester.h"
#include "store/database.h"
#include "store/eventwriter.h"
#include "store/jobqueue.h"
#include "store/sqlite.h"
#include "stripe/stripeevent.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <optional>
#include <sys/resource.h>

using namespace billbridge;

namespace {

constexpr int kCustomersPerChunk = 500;
constexpr int kHistoryDays = 90;

std::vector<store::IncomingEvent> incomingOf(const demo::DemoHistory& history, std::int64_t receivedAtMs)
{
    std::vector<store::IncomingEvent> events;
    events.reserve(history.events().size());
    for (const demo::DemoEvent& event : history.events()) {
        stripe::StripeEventParse parsed = stripe::parseStripeEvent(event.raw);
        if (!parsed.fields)
            continue;
        store::IncomingEvent incoming;
        incoming.raw = event.raw;
        incoming.fields = *parsed.fields;
        incoming.source = store::EventSource::Webhook;
        incoming.verdict = store::SignatureVerdict::Verified;
        incoming.receivedAtMs = receivedAtMs;
        events.push_back(std::move(incoming));
    }
    return events;
}

demo::DemoHistory chunk(std::uint64_t seed, std::int64_t endTime)
{
    demo::DemoOptions options;
    options.customers = kCustomersPerChunk;
    options.days = kHistoryDays;
    options.seed = seed;
    options.endTime = endTime;
    return demo::DemoHistory::generate(options);
}

std::int64_t countOf(store::SqliteConnection& connection, const char* sql)
{
    store::SqliteStatement statement = connection.prepare(sql);
    return statement.step() ? statement.int64(0) : 0;
}

// Bulk load: the writer without a planner, in large requests; the jobs a store of this size would hold
// are written beside the events (one identify per event, keyed like the sync engine's), so that the job
// indexes the planner inserts into have their real depth.
std::int64_t buildStore(const QString& path, std::int64_t target, std::int64_t endTime)
{
    store::EventWriter writer(path);
    writer.setJobPlanner([](store::SqliteConnection&, const store::IncomingEvent& event) {
        store::NewJob job;
        job.operation = QStringLiteral("track.identify");
        job.customerId = event.fields.customerId;
        job.idempotencyKey = event.fields.id + QStringLiteral(":identify");
        job.payload = {{QStringLiteral("verb"), QStringLiteral("PUT")}};
        job.eventId = event.fields.id;
        return event.fields.customerId.isEmpty() ? std::vector<store::NewJob>{}
                                                 : std::vector<store::NewJob>{job};
    });
    writer.start();
    std::int64_t stored = 0;
    QElapsedTimer timer;
    timer.start();
    for (std::uint64_t seed = 1000; stored < target; ++seed) {
        std::vector<store::IncomingEvent> events = incomingOf(chunk(seed, endTime), 0);
        for (std::size_t next = 0; next < events.size() && stored < target;) {
            store::WriteRequest request;
            const std::size_t stop = std::min(events.size(), next + 2000);
            for (; next < stop && stored < target; ++next, ++stored)
                request.events.push_back(std::move(events[next]));
            const store::WriteResult result = writer.write(std::move(request));
            if (!result.committed) {
                std::fprintf(stderr, "building the store failed: %s\n", qPrintable(result.error));
                std::exit(1);
            }
        }
        std::printf("\r  building: %lld of %lld events (%.0f/s)", static_cast<long long>(stored),
                    static_cast<long long>(target), double(stored) * 1000.0 / double(timer.elapsed() + 1));
        std::fflush(stdout);
    }
    writer.stop();
    std::printf("\n");
    return stored;
}

// Fifty rules on the common triggers: the templates, then copies with other thresholds and tiers.
QList<rules::Rule> benchmarkRules(int count)
{
    const QList<rules::Rule> templates = rules::ruleTemplates();
    QList<rules::Rule> made;
    for (int i = 0; made.size() < count; ++i) {
        rules::Rule rule = templates.at(i % templates.size());
        if (i >= templates.size())
            rule.id = QStringLiteral("%1-%2").arg(rule.id).arg(i / templates.size());
        rule.enabled = true;
        made.push_back(rule);
    }
    return made;
}

struct Rate {
    std::int64_t events = 0;
    std::int64_t jobs = 0;
    double seconds = 0;
    double cpuSeconds = 0; // all threads: the writer and its checkpointer
    double perSecond() const { return seconds > 0 ? double(events) / seconds : 0; }
    // Less sensitive than the wall-clock rate to other work on a shared machine.
    double cpuMicrosPerEvent() const { return events > 0 ? cpuSeconds * 1e6 / double(events) : 0; }
};

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Submits everything at once and waits for the last completion: the writer groups as much as it can,
// like a burst of webhooks or a backfill.
Rate measure(const QString& path, std::vector<store::IncomingEvent> events, bool planning)
{
    store::EventWriter writer(path);
    if (planning)
        sync::SyncEngine::install(writer);
    writer.start();
    std::int64_t jobsBefore = 0;
    {
        store::SqliteConnection connection = store::Database::openForReading(path);
        jobsBefore = countOf(connection, "SELECT count(*) FROM jobs");
    }
    std::atomic<int> failed = 0;
    // The first quarter warms the writer (its page cache, the heap, the rule cache) untimed: a serving
    // writer runs for days, so its steady state is what counts.
    const std::size_t warmUp = events.size() / 4;
    const auto submitAll = [&](std::size_t from, std::size_t to) {
        std::atomic<int> remaining = static_cast<int>(to - from);
        std::promise<void> done;
        for (std::size_t i = from; i < to; ++i) {
            store::WriteRequest request;
            request.events.push_back(std::move(events[i]));
            writer.submit(std::move(request), [&](const store::WriteResult& result) {
                if (!result.committed)
                    ++failed;
                if (--remaining == 0)
                    done.set_value();
            });
        }
        done.get_future().wait();
    };
    submitAll(0, warmUp);
    {
        store::SqliteConnection connection = store::Database::openForReading(path);
        jobsBefore = countOf(connection, "SELECT count(*) FROM jobs");
    }
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = processCpuSeconds();
    submitAll(warmUp, events.size());
    Rate rate;
    rate.seconds = double(timer.nsecsElapsed()) / 1e9;
    rate.cpuSeconds = processCpuSeconds() - cpuBefore;
    rate.events = static_cast<std::int64_t>(events.size() - warmUp);
    writer.stop();
    if (failed > 0)
        std::fprintf(stderr, "%d events were refused\n", failed.load());
    store::SqliteConnection connection = store::Database::openForReading(path);
    rate.jobs = countOf(connection, "SELECT count(*) FROM jobs") - jobsBefore;
    return rate;
}

// Step 3 alone on an existing store; see the header comment.
int whatIfOnly(const QString& path, int ruleCount, int days, int repeat)
{
    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr, "--whatif-only needs an existing store; %s does not exist\n", qPrintable(path));
        return 1;
    }
    const QList<rules::Rule> wanted = benchmarkRules(ruleCount);
    // Opened like Database::openForReading but without its schema check, so that a store an older or newer
    // build wrote can be measured without migrating it (what-if reads only events, states and rules).
    store::SqliteConnection reader =
        store::SqliteConnection::open(path, store::SqliteConnection::Access::ReadWrite);
    reader.exec("PRAGMA query_only = ON");
    QStringList stored;
    for (const rules::Rule& rule : rules::RuleStore::loadIn(reader))
        stored.append(rule.id);
    const bool missing = std::any_of(wanted.begin(), wanted.end(), [&stored](const rules::Rule& rule) {
        return !stored.contains(rule.id);
    });
    if (missing) {
        // Writing opens (and so migrates) the store; only done when rules are missing.
        rules::RuleStore ruleStore = rules::RuleStore::open(path);
        for (const rules::Rule& rule : wanted) {
            if (!stored.contains(rule.id))
                ruleStore.save(rule, QStringLiteral("bench"));
        }
    }
    std::printf("what-if benchmark: store of %lld events, %d rules, %d days\n",
                static_cast<long long>(countOf(reader, "SELECT count(*) FROM events")),
                static_cast<int>(wanted.size()), days);
    std::vector<double> seconds;
    for (int run = 0; run < repeat; ++run) {
        const std::int64_t nowMs = QDateTime::currentMSecsSinceEpoch();
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpuStart = std::clock(); // all threads of the process
        const rules::WhatIfReport report = rules::RuleTester::whatIf(reader, wanted, days, nowMs);
        seconds.push_back(double(timer.nsecsElapsed()) / 1e9);
        const double cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        int matched = 0;
        int customers = 0;
        for (const rules::WhatIfRuleResult& rule : report.rules) {
            matched += rule.matchedEvents;
            customers += rule.distinctCustomers;
        }
        std::printf("  run %d: %.2f s, %.2f s CPU  (%d events of trigger types read, %d matches, %d "
                    "rule-customers)\n",
                    run + 1, seconds.back(), cpu, report.eventsScanned, matched, customers);
        std::fflush(stdout);
    }
    std::vector<double> sorted = seconds;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted.size() % 2 ? sorted[sorted.size() / 2]
                                            : (sorted[sorted.size() / 2 - 1] + sorted[sorted.size() / 2]) / 2;
    std::printf("  what-if, %d days, %d rules: best %.2f s, median %.2f s of %d run(s); target < 5 s %s\n",
                days, static_cast<int>(wanted.size()), sorted.front(), median, repeat,
                median < 5 ? "met" : "MISSED");
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("billbridge.*.info=false\nbillbridge.*.debug=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption storeOption(QStringLiteral("store"), QStringLiteral("Store to build or reuse."),
                                         QStringLiteral("path"));
    const QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("Events in the store."),
                                          QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption measureOption(QStringLiteral("measure"),
                                           QStringLiteral("Events per measured run."), QStringLiteral("n"),
                                           QStringLiteral("20000"));
    const QCommandLineOption rulesOption(QStringLiteral("rules"), QStringLiteral("Enabled rules."),
                                         QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption daysOption(QStringLiteral("days"), QStringLiteral("What-if window in days."),
                                        QStringLiteral("d"), QStringLiteral("30"));
    const QCommandLineOption whatIfOnlyOption(
        QStringLiteral("whatif-only"), QStringLiteral("Only measure the what-if on an existing store."));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          QStringLiteral("What-if runs with --whatif-only."),
                                          QStringLiteral("k"), QStringLiteral("5"));
    parser.addOptions(
        {storeOption, eventsOption, measureOption, rulesOption, daysOption, whatIfOnlyOption, repeatOption});
    parser.process(app);
    if (parser.isSet(whatIfOnlyOption)) {
        if (!parser.isSet(storeOption)) {
            std::fprintf(stderr, "--whatif-only needs --store PATH\n");
            return 1;
        }
        return whatIfOnly(parser.value(storeOption), parser.value(rulesOption).toInt(),
                          parser.value(daysOption).toInt(), std::max(1, parser.value(repeatOption).toInt()));
    }

    QTemporaryDir temporary;
    const QString path = parser.isSet(storeOption) ? parser.value(storeOption)
                                                   : temporary.filePath(QStringLiteral("sync.sqlite"));
    const std::int64_t target = parser.value(eventsOption).toLongLong();
    const int measured = parser.value(measureOption).toInt();
    const int ruleCount = parser.value(rulesOption).toInt();
    const int days = parser.value(daysOption).toInt();
    const std::int64_t nowMs = QDateTime::currentMSecsSinceEpoch();
    const std::int64_t endTime = nowMs / 1000;

    std::int64_t stored = 0;
    if (QFileInfo::exists(path)) {
        store::SqliteConnection connection = store::Database::openForWriting(path);
        stored = countOf(connection, "SELECT count(*) FROM events");
    }
    if (stored < target) {
        std::printf("building a store of %lld events at %s\n", static_cast<long long>(target),
                    qPrintable(path));
        stored += buildStore(path, target - stored, endTime);
    }
    {
        rules::RuleStore ruleStore = rules::RuleStore::open(path);
        const QList<rules::Rule> wanted = benchmarkRules(ruleCount);
        for (const rules::Rule& rule : wanted)
            ruleStore.save(rule, QStringLiteral("bench"));
    }
    store::SqliteConnection reader = store::Database::openForReading(path);
    std::printf("sync throughput benchmark: store of %lld events, %lld jobs, %d enabled rules\n",
                static_cast<long long>(countOf(reader, "SELECT count(*) FROM events")),
                static_cast<long long>(countOf(reader, "SELECT count(*) FROM jobs")),
                static_cast<int>(countOf(reader, "SELECT count(*) FROM rules WHERE enabled = 1")));

    // Fresh customers for each run (seeds the store never saw), the newest days of their stories, so that
    // most events are live news that fire custom events and rules rather than history.
    auto freshEvents = [&](std::uint64_t seed) {
        std::vector<store::IncomingEvent> events;
        for (; static_cast<int>(events.size()) < measured; ++seed) {
            demo::DemoOptions options;
            options.customers = kCustomersPerChunk;
            options.days = 3;
            options.seed = seed;
            options.endTime = endTime;
            for (store::IncomingEvent& event : incomingOf(demo::DemoHistory::generate(options), nowMs))
                if (static_cast<int>(events.size()) < measured)
                    events.push_back(std::move(event));
        }
        return events;
    };
    const std::uint64_t runSeed = static_cast<std::uint64_t>(nowMs);
    const Rate bare = measure(path, freshEvents(runSeed), false);
    std::printf("  intake alone:         %8.0f events/s  (%lld events, %.2f s, %.0f us CPU/event)\n",
                bare.perSecond(), static_cast<long long>(bare.events), bare.seconds,
                bare.cpuMicrosPerEvent());
    const auto setAllEnabled = [&path](bool enabled) {
        rules::RuleStore ruleStore = rules::RuleStore::open(path);
        for (const rules::Rule& rule : ruleStore.list())
            ruleStore.setEnabled(rule.id, enabled, QStringLiteral("bench"));
    };
    setAllEnabled(false);
    const Rate syncOnly = measure(path, freshEvents(runSeed + 1000), true);
    std::printf("  with sync, no rules:  %8.0f events/s  (%lld events, %lld jobs, %.2f s, %.0f us CPU/event) "
                "= %.2f of "
                "intake alone\n",
                syncOnly.perSecond(), static_cast<long long>(syncOnly.events),
                static_cast<long long>(syncOnly.jobs), syncOnly.seconds, syncOnly.cpuMicrosPerEvent(),
                syncOnly.perSecond() / bare.perSecond());
    setAllEnabled(true);
    const Rate planned = measure(path, freshEvents(runSeed + 2000), true);
    std::printf(
        "  with sync + %2d rules: %8.0f events/s  (%lld events, %lld jobs, %.2f s, %.0f us CPU/event) = "
        "%.2f of intake alone\n",
        ruleCount, planned.perSecond(), static_cast<long long>(planned.events),
        static_cast<long long>(planned.jobs), planned.seconds, planned.cpuMicrosPerEvent(),
        planned.perSecond() / bare.perSecond());
    if (days <= 0) // --days 0: the rates alone
        return 0;

    rules::RuleStore ruleStore = rules::RuleStore::open(path);
    const QList<rules::Rule> enabled = ruleStore.list();
    QElapsedTimer timer;
    timer.start();
    const rules::WhatIfReport report = rules::RuleTester::whatIf(reader, enabled, days, nowMs);
    const double whatIfSeconds = double(timer.nsecsElapsed()) / 1e9;
    int matched = 0;
    for (const rules::WhatIfRuleResult& rule : report.rules)
        matched += rule.matchedEvents;
    std::printf("  what-if, %d days, %lld rules: %.2f s  (%d events of trigger types read, %d matches)\n",
                days, static_cast<long long>(enabled.size()), whatIfSeconds, report.eventsScanned, matched);
    const bool rateMet = planned.perSecond() >= 4000;
    const bool whatIfMet = whatIfSeconds < 5;
    std::printf("  targets: sync >= 4,000 events/s (half of 8,000) %s, what-if < 5 s %s\n",
                rateMet ? "met" : "MISSED", whatIfMet ? "met" : "MISSED");
    return 0;
}
