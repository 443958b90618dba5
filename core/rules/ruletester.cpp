#include "rules/ruletester.h"

#include "delivery/jobrequest.h"
#include "rules/eventprojection.h"
#include "store/sqlite.h"
#include "sync/syncstate.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <chrono>
#include <exception>
#include <sqlite3.h>
#include <thread>
#include <utility>

namespace billbridge::rules {

namespace {

sync::Verdict verdictFromString(const QString& text)
{
    for (const sync::Verdict verdict : {sync::Verdict::Applied, sync::Verdict::Stale, sync::Verdict::History,
                                        sync::Verdict::Ignored, sync::Verdict::Malformed}) {
        if (sync::toString(verdict) == text)
            return verdict;
    }
    return sync::Verdict::Applied;
}

sync::SyncState stateOf(store::SqliteConnection& connection, const QString& customerId)
{
    store::SqliteStatement select =
        connection.prepareCached("SELECT state FROM sync_customers WHERE customer_id = ?1");
    select.bind(1, customerId);
    if (!select.step())
        return {};
    return sync::SyncState::fromJson(select.blob(0)).value_or(sync::SyncState{});
}

std::function<QJsonObject(const QString&)> customerLookupOn(store::SqliteConnection& connection)
{
    return [&connection](const QString& id) {
        store::SqliteStatement select =
            connection.prepare("SELECT raw FROM events WHERE customer_id = ?1 AND object_type = 'customer' "
                               "ORDER BY created DESC "
                               "LIMIT 1");
        select.bind(1, id);
        if (!select.step())
            return QJsonObject();
        return QJsonDocument::fromJson(select.blob(0))
            .object()
            .value(QStringLiteral("data"))
            .toObject()
            .value(QStringLiteral("object"))
            .toObject();
    };
}

} // namespace

std::vector<JobPreview> previewsOf(const std::vector<store::NewJob>& jobs)
{
    std::vector<JobPreview> previews;
    for (const store::NewJob& job : jobs) {
        JobPreview preview;
        preview.operation = job.operation;
        preview.idempotencyKey = job.idempotencyKey;
        preview.notBeforeMs = job.notBeforeMs;
        preview.exits = job.exits;
        if (job.operation == QLatin1String("slack.post")) {
            preview.verb = QStringLiteral("POST");
            preview.path = QStringLiteral("slack webhook '%1'")
                               .arg(job.payload.value(QStringLiteral("webhook")).toString());
            preview.body = job.payload.value(QStringLiteral("body")).toString().toUtf8();
        } else if (const std::optional<customerio::CustomerIoRequest> request =
                       delivery::requestOf(job.operation, job.payload)) {
            preview.verb = QString::fromLatin1(request->verb);
            preview.path = QString::fromLatin1(request->relativeTarget());
            preview.body = request->body;
        }
        previews.push_back(std::move(preview));
    }
    return previews;
}

std::optional<EventTestReport> RuleTester::test(store::SqliteConnection& connection, const QString& eventId,
                                                const QList<Rule>& rules, QString* error)
{
    store::SqliteStatement select =
        connection.prepare("SELECT type, customer_id, raw FROM events WHERE id = ?1");
    select.bind(1, eventId);
    if (!select.step()) {
        if (error)
            *error = QStringLiteral("no stored event has the id '%1'").arg(eventId);
        return std::nullopt;
    }
    EventTestReport report;
    report.eventId = eventId;
    report.eventType = select.text(0);
    report.customerId = select.isNull(1) ? QString() : select.text(1);
    RuleInput input;
    input.event = QJsonDocument::fromJson(select.blob(2)).object();

    report.verdict = sync::toString(sync::Verdict::Applied);
    {
        store::SqliteStatement decision =
            connection.prepare("SELECT verdict, customer_id FROM sync_events WHERE event_id = ?1");
        decision.bind(1, eventId);
        if (decision.step()) {
            report.verdict = decision.text(0);
            // The engine attributes disputes through their charge; its decision knows the customer.
            if (report.customerId.isEmpty() && !decision.isNull(1))
                report.customerId = decision.text(1);
        }
    }
    input.customerId = report.customerId;
    input.verdict = verdictFromString(report.verdict);
    if (!report.customerId.isEmpty())
        input.state = stateOf(connection, report.customerId);
    input.customerLookup = customerLookupOn(connection);
    input.storedExit = RuleEngine::storedExitLookup(connection, report.customerId, eventId);
    for (const RuleOutcome& outcome : RuleEngine::evaluate(rules, input))
        report.rules.push_back({outcome.ruleId, outcome.fired, outcome.reason, previewsOf(outcome.jobs)});
    return report;
}

namespace {

// One share of a what-if: the events of one trigger type created in [fromSeconds, untilSeconds].
struct WhatIfPiece {
    int typeIndex = 0;
    std::int64_t fromSeconds = 0;
    std::int64_t untilSeconds = 0;
    std::int64_t estimate = 0; // events, for handing out the big pieces first
};

// What one piece found for one rule; merged in piece order so that samples come out as one sequential scan
// (type by type, newest first) would find them.
struct PieceTally {
    int matched = 0;
    QList<WhatIfSample> samples;
};

// What every worker shares. Workers take pieces in `order` (biggest first) and write only their pieces'
// tallies and their own customer sets.
struct WhatIfRun {
    const QList<Rule>& rules;
    QStringList types;
    std::vector<QList<int>> candidates;           // per type: the rules it can trigger
    std::vector<EventProjection> projections;     // per type: what those rules read
    std::vector<WhatIfPiece> pieces;              // in merge order: type by type, newest first
    std::vector<std::size_t> order;               // pieces, biggest first
    std::vector<std::vector<PieceTally>> tallies; // per piece, per rule
    // Every customer's stored state, unparsed, when reading them all at once is cheaper than looking them up
    // one by one; otherwise empty and `statesPreloaded` false.
    QHash<QString, QByteArray> states;
    bool statesPreloaded = false;
    std::atomic<std::size_t> nextPiece{0};
    std::atomic<int> done{0};
    std::atomic_bool stop{false};
    const std::atomic_bool* cancel = nullptr;
};

struct WorkerResult {
    std::vector<QSet<QString>> customers; // per rule
    std::exception_ptr failure;
};

bool canceled(WhatIfRun& run)
{
    if (run.stop.load(std::memory_order_relaxed))
        return true;
    if (run.cancel && run.cancel->load()) {
        run.stop = true;
        return true;
    }
    return false;
}

// Runs pieces until none are left or the run is canceled. `onRow` (may be empty) is called after each row.
void work(WhatIfRun& run, store::SqliteConnection& connection, WorkerResult& result,
          const std::function<void()>& onRow)
{
    result.customers.resize(run.rules.size());
    // Each customer's state and Stripe customer object are read once per worker.
    QHash<QString, sync::SyncState> states;
    QHash<QString, QJsonObject> customers;
    const auto lookup = customerLookupOn(connection);
    const std::function<QJsonObject(const QString&)> customerLookup = [&customers,
                                                                       &lookup](const QString& id) {
        auto found = customers.find(id);
        if (found == customers.end())
            found = customers.insert(id, lookup(id));
        return *found;
    };
    int rows = 0;
    for (std::size_t next; (next = run.nextPiece.fetch_add(1)) < run.order.size();) {
        const std::size_t pieceIndex = run.order[next];
        const WhatIfPiece& piece = run.pieces[pieceIndex];
        const QString& type = run.types.at(piece.typeIndex);
        const QList<int>& candidates = run.candidates[std::size_t(piece.typeIndex)];
        const EventProjection& projection = run.projections[std::size_t(piece.typeIndex)];
        std::vector<PieceTally>& tallies = run.tallies[pieceIndex];
        store::SqliteStatement select =
            connection.prepareCached("SELECT id, customer_id, created, raw FROM events WHERE type = ?1 AND "
                                     "created >= ?2 AND created <= ?3 "
                                     "ORDER BY created DESC, seq DESC");
        select.bind(1, type).bind(2, piece.fromSeconds).bind(3, piece.untilSeconds);
        while (select.step()) {
            if ((rows++ & 255) == 0 && canceled(run))
                return;
            run.done.fetch_add(1, std::memory_order_relaxed);
            if (onRow)
                onRow();
            if (select.isNull(1))
                continue;
            const QString customerId = select.text(1);
            RuleInput input;
            input.customerId = customerId;
            input.event = projection.project(select.blob(3));
            input.stateSource = [&states, &connection, &customerId, &run]() -> const sync::SyncState* {
                auto state = states.find(customerId);
                if (state == states.end()) {
                    sync::SyncState parsed;
                    if (!run.statesPreloaded) {
                        parsed = stateOf(connection, customerId);
                    } else if (const auto raw = run.states.constFind(customerId);
                               raw != run.states.constEnd()) {
                        parsed = sync::SyncState::fromJson(*raw).value_or(sync::SyncState{});
                    }
                    state = states.insert(customerId, parsed);
                }
                return &*state;
            };
            input.customerLookup = customerLookup;
            for (const int index : candidates) {
                if (!RuleEngine::decide(run.rules.at(index), input).fired)
                    continue;
                PieceTally& tally = tallies[std::size_t(index)];
                ++tally.matched;
                result.customers[std::size_t(index)].insert(customerId);
                if (tally.samples.size() < RuleTester::kSamplesPerRule)
                    tally.samples.append({select.text(0), type, customerId, select.int64(2)});
            }
        }
    }
}

// The payloads stream through SQLite's page cache; a bigger one keeps the pages of the state lookups (and the
// indexes) from being pushed out by them between one lookup and the next.
constexpr const char* kWhatIfCache = "PRAGMA cache_size = -65536";

// Slices per trigger type: enough for two or more workers to end close together.
constexpr int kSlicesPerType = 16;
constexpr int kMaxWorkers = 4;

} // namespace

WhatIfReport RuleTester::whatIf(store::SqliteConnection& connection, const QList<Rule>& rules, int days,
                                std::int64_t nowMs, const Progress& progress, const std::atomic_bool* cancel)
{
    WhatIfReport report;
    const std::int64_t untilSeconds = nowMs / 1000;
    report.fromSeconds = untilSeconds - std::int64_t(days) * 24 * 3600;

    WhatIfRun run{rules};
    run.cancel = cancel;
    for (const Rule& rule : rules) {
        report.rules.push_back(WhatIfRuleResult{rule.id, 0, 0, {}, {}});
        for (const QString& type : rule.triggers) {
            if (!run.types.contains(type))
                run.types.append(type);
        }
    }

    int total = 0;
    const std::int64_t span = untilSeconds - report.fromSeconds + 1;
    for (int t = 0; t < run.types.size(); ++t) {
        const QString& type = run.types.at(t);
        store::SqliteStatement count = connection.prepare(
            "SELECT count(*) FROM events WHERE type = ?1 AND created >= ?2 AND created <= ?3");
        count.bind(1, type).bind(2, report.fromSeconds).bind(3, untilSeconds);
        count.step();
        const std::int64_t events = count.int64(0);
        total += int(events);
        QList<int> candidates;
        QList<Rule> triggered;
        for (int i = 0; i < rules.size(); ++i) {
            if (rules.at(i).triggers.contains(type)) {
                candidates.append(i);
                triggered.append(rules.at(i));
            }
        }
        run.candidates.push_back(candidates);
        run.projections.emplace_back(triggered);
        if (events == 0)
            continue;
        // Newest slice first, contiguous and without overlap: concatenated, they are one scan of the type.
        const int slices = int(std::min<std::int64_t>(kSlicesPerType, span));
        for (int k = 0; k < slices; ++k) {
            WhatIfPiece piece;
            piece.typeIndex = t;
            piece.untilSeconds = untilSeconds - span * k / slices;
            piece.fromSeconds = untilSeconds - span * (k + 1) / slices + 1;
            piece.estimate = events / slices;
            run.pieces.push_back(piece);
        }
    }
    if (progress)
        progress(0, total);
    {
        // One sequential read of the states beats a lookup per event once there are more events than states.
        store::SqliteStatement count = connection.prepare("SELECT count(*) FROM sync_customers");
        if (count.step() && count.int64(0) <= std::int64_t(total) * 2) {
            store::SqliteStatement all = connection.prepare("SELECT customer_id, state FROM sync_customers");
            while (all.step())
                run.states.insert(all.text(0), all.blob(1));
            run.statesPreloaded = true;
        }
    }
    run.tallies.assign(run.pieces.size(), std::vector<PieceTally>(std::size_t(rules.size())));
    for (std::size_t i = 0; i < run.pieces.size(); ++i)
        run.order.push_back(i);
    std::stable_sort(run.order.begin(), run.order.end(), [&run](std::size_t a, std::size_t b) {
        return run.pieces[a].estimate > run.pieces[b].estimate;
    });

    // Readers of a WAL store do not block each other: the other workers read the same file on their own
    // connections, the calling thread on `connection` (and it alone reports progress).
    const char* file = sqlite3_db_filename(connection.handle(), "main");
    const QString path = file ? QString::fromUtf8(file) : QString();
    const int workers = path.isEmpty() || run.pieces.size() < 2
                            ? 1
                            : int(std::clamp<unsigned>(std::thread::hardware_concurrency(), 1, kMaxWorkers));
    // The caller's connection gets its own cache size back afterwards. Set before any thread starts, so
    // that nothing here can throw while one runs.
    const std::int64_t cacheBefore = connection.pragmaInt("cache_size");
    connection.exec(kWhatIfCache);
    std::vector<WorkerResult> results(static_cast<std::size_t>(workers));
    std::atomic<int> running{workers - 1};
    std::vector<std::thread> threads;
    for (int w = 1; w < workers; ++w) {
        threads.emplace_back([&run, &results, &running, &path, w] {
            try {
                // The caller's connection has already been checked against the schema.
                store::SqliteConnection own =
                    store::SqliteConnection::open(path, store::SqliteConnection::Access::ReadWrite);
                own.exec("PRAGMA query_only = ON");
                own.exec(kWhatIfCache);
                work(run, own, results[std::size_t(w)], {});
            } catch (...) {
                results[std::size_t(w)].failure = std::current_exception();
                run.stop = true;
            }
            --running;
        });
    }
    int reported = 0;
    const auto reportProgress = [&] {
        const int now = run.done.load(std::memory_order_relaxed);
        if (progress && now - reported >= 2000) {
            reported = now - now % 2000;
            progress(now, total);
        }
    };
    try {
        work(run, connection, results[0],
             progress ? std::function<void()>(reportProgress) : std::function<void()>());
    } catch (...) {
        results[0].failure = std::current_exception();
        run.stop = true;
    }
    while (running.load() > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        reportProgress();
        canceled(run);
    }
    for (std::thread& thread : threads)
        thread.join();
    connection.exec(
        QByteArray("PRAGMA cache_size = " + QByteArray::number(qlonglong(cacheBefore))).constData());
    for (const WorkerResult& result : results) {
        if (result.failure)
            std::rethrow_exception(result.failure);
    }

    for (int i = 0; i < rules.size(); ++i) {
        WhatIfRuleResult& result = report.rules[std::size_t(i)];
        for (const std::vector<PieceTally>& piece : run.tallies) {
            const PieceTally& tally = piece[std::size_t(i)];
            result.matchedEvents += tally.matched;
            for (const WhatIfSample& sample : tally.samples) {
                if (result.samples.size() < kSamplesPerRule)
                    result.samples.append(sample);
            }
        }
        // Every match makes one job per action.
        if (result.matchedEvents > 0) {
            for (const Action& action : rules.at(i).actions)
                result.actionsByType[toString(action.type)] += result.matchedEvents;
        }
        QSet<QString> customers = results[0].customers[std::size_t(i)];
        for (std::size_t w = 1; w < results.size(); ++w)
            customers.unite(results[w].customers[std::size_t(i)]);
        result.distinctCustomers = int(customers.size());
    }
    report.eventsScanned = run.done.load();
    report.canceled = run.stop.load(); // failures were thrown above
    if (progress && !report.canceled)
        progress(report.eventsScanned, total);
    return report;
}

} // namespace billbridge::rules
