#include "store/eventstore.h"
#include "store/eventwriter.h"
#include "store/jobqueue.h"
#include "store/sqlite.h"
#include "support/fixtures.h"
#include "support/tempstore.h"

#include <QTest>

#include <atomic>
#include <future>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using billbridge::store::EventSource;
using billbridge::store::EventStore;
using billbridge::store::EventWriter;
using billbridge::store::IncomingEvent;
using billbridge::store::InsertOutcome;
using billbridge::store::SignatureVerdict;
using billbridge::store::StoreError;
using billbridge::store::WriteRequest;
using billbridge::store::WriteResult;

namespace billbridge::test {

namespace {

WriteRequest requestOf(std::vector<IncomingEvent> events, std::vector<std::pair<QString, QString>> state = {})
{
    WriteRequest request;
    request.events = std::move(events);
    request.stateUpdates = std::move(state);
    return request;
}

IncomingEvent fixtureEvent(const QString& name, EventSource source = EventSource::Webhook)
{
    return TempStore::incoming(Fixtures::load(name), source);
}

// A fixture turned into a distinct event, as a busy account produces many of the same shape.
IncomingEvent derivedEvent(const QString& name, std::int64_t number)
{
    return TempStore::incoming(
        Fixtures::withEventId(Fixtures::load(name), Fixtures::syntheticEventId(number)));
}

// An event the store cannot accept: a null id violates the NOT NULL constraint on events.id.
IncomingEvent rejectedEvent()
{
    IncomingEvent event = fixtureEvent(QStringLiteral("tobias-01-customer.created"));
    event.fields.id = QString();
    return event;
}

} // namespace

class TestEventWriter : public QObject {
    Q_OBJECT

private slots:
    void storesAndReportsOutcomes();
    void firstCopyWinsOnDuplicate();
    void duplicateWithinOneRequest();
    void concurrentSubmitters();
    void stateCommittedWithEvents();
    void failingRequestRollsBackAlone();
    void countersAreFolded();
    void commitObserver();
    void stopDrainsPendingRequests();
    void submitAfterStopIsRefused();
    void startFailsOnForeignFile();
    void dataSurvivesReopening();
    void restartAfterStop();
    void plannedJobsCommitWithTheirEvent();
    void repeatedDeliveryPlansNothing();
    void jobsRollBackWithTheirRequest();
    void plannerFailureRefusesTheEvent();
};

void TestEventWriter::storesAndReportsOutcomes()
{
    TempStore store;
    QVERIFY(store.isValid());
    const WriteResult result =
        store.add({fixtureEvent(QStringLiteral("maren-01-customer.created")),
                   fixtureEvent(QStringLiteral("maren-02-customer.subscription.created"))});
    QVERIFY2(result.committed, qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.outcomes.size(), std::size_t(2));
    QCOMPARE(result.outcomes[0], InsertOutcome::Stored);
    QCOMPARE(result.outcomes[1], InsertOutcome::Stored);
    QCOMPARE(result.lastSeq, 2);

    EventStore reader = store.reader();
    QCOMPARE(reader.count(), 2);
    const auto stored = reader.find(QStringLiteral("evt_1T3stDnIcdqQThlGT9SUT3NV"));
    QVERIFY(stored);
    QCOMPARE(stored->seq, 2);
    QCOMPARE(stored->fields.type, QStringLiteral("customer.subscription.created"));
    QCOMPARE(store::toString(stored->source), QStringLiteral("webhook"));
    QCOMPARE(store::toString(stored->verdict), QStringLiteral("verified"));
    QVERIFY(stored->signatureHeader.startsWith("t=1788254055,v1="));
    QCOMPARE(stored->duplicateCount, 0);
    QCOMPARE(stored->raw, Fixtures::load(QStringLiteral("maren-02-customer.subscription.created")));
}

void TestEventWriter::firstCopyWinsOnDuplicate()
{
    TempStore store;
    const QString name = QStringLiteral("ines-03-invoice.paid");
    const QByteArray original = Fixtures::load(name);
    QVERIFY(original.contains("In\xc3\xaas Carvalho")); // raw UTF-8, kept as bytes
    QVERIFY(store.add({fixtureEvent(name)}).committed);

    // The same event again, this time fetched from the Events API and re-serialised differently.
    IncomingEvent again = TempStore::incoming(original, EventSource::Poll);
    again.raw = QByteArray(original).replace("\n  ", "\n    ") + "\n";
    for (int copy = 1; copy <= 3; ++copy) {
        const WriteResult result = store.add({again});
        QVERIFY(result.committed);
        QCOMPARE(result.outcomes.size(), std::size_t(1));
        QCOMPARE(result.outcomes[0], InsertOutcome::Duplicate);
        QCOMPARE(result.lastSeq, 1);

        EventStore reader = store.reader();
        const auto stored = reader.find(again.fields.id);
        QVERIFY(stored);
        QCOMPARE(stored->duplicateCount, copy);
        QCOMPARE(stored->raw, original);
        QCOMPARE(store::toString(stored->source), QStringLiteral("webhook"));
        QCOMPARE(store::toString(stored->verdict), QStringLiteral("verified"));
        QCOMPARE(reader.count(), 1);
    }
    QCOMPARE(store.reader().stats().duplicatesSeen, 3);
}

void TestEventWriter::duplicateWithinOneRequest()
{
    TempStore store;
    const IncomingEvent event = fixtureEvent(QStringLiteral("tobias-04-invoice.payment_failed"));
    const WriteResult result =
        store.add({event, fixtureEvent(QStringLiteral("tobias-03-customer.subscription.updated")), event});
    QVERIFY(result.committed);
    QCOMPARE(result.outcomes, (std::vector<InsertOutcome>{InsertOutcome::Stored, InsertOutcome::Stored,
                                                          InsertOutcome::Duplicate}));
    EventStore reader = store.reader();
    QCOMPARE(reader.count(), 2);
    QCOMPARE(reader.find(event.fields.id)->duplicateCount, 1);
}

void TestEventWriter::concurrentSubmitters()
{
    TempStore store;
    EventWriter& writer = store.writer();
    const QStringList names = Fixtures::names();

    constexpr int kThreads = 6;
    constexpr int kPerThread = 150;
    // Every thread also re-sends the same shared events, as Stripe's retries and a poller overlapping
    // the webhook do.
    constexpr int kShared = 20;
    struct Tracker {
        std::atomic<int> calls{0};
        std::atomic<bool> committed{false};
        std::atomic<int> stored{0};
        std::atomic<int> duplicates{0};
    };
    std::vector<Tracker> trackers(kThreads * (kPerThread + kShared));

    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread + kShared; ++i) {
                const bool shared = i >= kPerThread;
                const std::int64_t number =
                    shared ? 1'000'000 + (i - kPerThread) : std::int64_t(t) * kPerThread + i;
                Tracker& tracker = trackers[static_cast<std::size_t>(t * (kPerThread + kShared) + i)];
                writer.submit(requestOf({derivedEvent(names[int(number % names.size())], number)}),
                              [&tracker](const WriteResult& result) {
                                  tracker.calls.fetch_add(1);
                                  tracker.committed = result.committed;
                                  for (InsertOutcome outcome : result.outcomes)
                                      (outcome == InsertOutcome::Stored ? tracker.stored
                                                                        : tracker.duplicates)++;
                              });
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    store.stopWriter();

    int stored = 0;
    int duplicates = 0;
    for (const Tracker& tracker : trackers) {
        QCOMPARE(tracker.calls.load(), 1);
        QVERIFY(tracker.committed);
        stored += tracker.stored;
        duplicates += tracker.duplicates;
    }
    const int unique = kThreads * kPerThread + kShared;
    QCOMPARE(stored, unique);
    QCOMPARE(duplicates, (kThreads - 1) * kShared);

    EventStore reader = store.reader();
    QCOMPARE(reader.count(), unique);
    for (int s = 0; s < kShared; ++s) {
        const auto event = reader.find(Fixtures::syntheticEventId(1'000'000 + s), false);
        QVERIFY(event);
        QCOMPARE(event->duplicateCount, kThreads - 1);
    }
    const auto sample = reader.find(Fixtures::syntheticEventId(kPerThread + 7));
    QVERIFY(sample);
    QCOMPARE(sample->raw, Fixtures::withEventId(Fixtures::load(names[(kPerThread + 7) % names.size()]),
                                                Fixtures::syntheticEventId(kPerThread + 7)));
}

void TestEventWriter::stateCommittedWithEvents()
{
    TempStore store;
    const WriteResult result =
        store.add({fixtureEvent(QStringLiteral("maren-01-customer.created"), EventSource::Backfill)},
                  {{QStringLiteral("backfill.cursor"), QStringLiteral("evt_1T3stMWNEOwwUPEe65k1Jci6")},
                   {QStringLiteral("backfill.window_start"), QStringLiteral("1788000000")}});
    QVERIFY(result.committed);
    {
        EventStore reader = store.reader();
        QCOMPARE(reader.count(), 1);
        QCOMPARE(reader.state(QStringLiteral("backfill.cursor")),
                 QStringLiteral("evt_1T3stMWNEOwwUPEe65k1Jci6"));
        QCOMPARE(reader.state(QStringLiteral("backfill.window_start")), QStringLiteral("1788000000"));
    }
    // A later request moves the cursor; a request with only state and no events is fine too.
    QVERIFY(
        store.add({}, {{QStringLiteral("backfill.cursor"), QStringLiteral("evt_1T3stDnIcdqQThlGT9SUT3NV")}})
            .committed);
    QCOMPARE(store.reader().state(QStringLiteral("backfill.cursor")),
             QStringLiteral("evt_1T3stDnIcdqQThlGT9SUT3NV"));
}

void TestEventWriter::failingRequestRollsBackAlone()
{
    TempStore store;
    EventWriter& writer = store.writer();

    // Requests submitted while the writer thread runs a completion are queued together and taken as one
    // group by the next commit; the commit count proves that they shared one transaction.
    std::mutex mutex;
    std::vector<WriteResult> results(3);
    std::int64_t commitsBefore = -1;
    const IncomingEvent good = fixtureEvent(QStringLiteral("maren-07-invoice.paid"));
    const IncomingEvent validButInFailedRequest = fixtureEvent(QStringLiteral("tobias-01-customer.created"));
    const IncomingEvent alsoGood = fixtureEvent(QStringLiteral("ines-01-customer.created"));

    std::promise<void> gateDone;
    writer.submit(requestOf({}), [&](const WriteResult&) {
        commitsBefore = writer.commitCount();
        writer.submit(requestOf({good}, {{QStringLiteral("poll.cursor"), QStringLiteral("first")}}),
                      [&](const WriteResult& r) {
                          std::lock_guard lock(mutex);
                          results[0] = r;
                      });
        writer.submit(requestOf({validButInFailedRequest, rejectedEvent()},
                                {{QStringLiteral("poll.cursor"), QStringLiteral("from the failed request")},
                                 {QStringLiteral("failed.only"), QStringLiteral("x")}}),
                      [&](const WriteResult& r) {
                          std::lock_guard lock(mutex);
                          results[1] = r;
                      });
        writer.submit(requestOf({alsoGood}, {{QStringLiteral("poll.cursor"), QStringLiteral("third")}}),
                      [&](const WriteResult& r) {
                          std::lock_guard lock(mutex);
                          results[2] = r;
                      });
        gateDone.set_value();
    });
    gateDone.get_future().wait();
    writer.stop();
    QVERIFY(commitsBefore > 0);
    QCOMPARE(writer.commitCount(), commitsBefore + 1);
    store.stopWriter();

    std::lock_guard lock(mutex);
    QVERIFY2(results[0].committed, qPrintable(results[0].error));
    QCOMPARE(results[0].outcomes, std::vector<InsertOutcome>{InsertOutcome::Stored});
    QVERIFY(!results[1].committed);
    QVERIFY(results[1].outcomes.empty());
    QVERIFY2(results[1].error.contains(QStringLiteral("NOT NULL")), qPrintable(results[1].error));
    QVERIFY2(results[2].committed, qPrintable(results[2].error));
    QCOMPARE(results[2].outcomes, std::vector<InsertOutcome>{InsertOutcome::Stored});
    QCOMPARE(results[0].lastSeq, results[2].lastSeq);

    EventStore reader = store.reader();
    QVERIFY(reader.find(good.fields.id));
    QVERIFY(reader.find(alsoGood.fields.id));
    // The failed request is all-or-nothing: its valid event and its state went with it.
    QVERIFY(!reader.find(validButInFailedRequest.fields.id));
    QVERIFY(reader.state(QStringLiteral("failed.only")).isNull());
    QCOMPARE(reader.state(QStringLiteral("poll.cursor")), QStringLiteral("third"));
    QCOMPARE(reader.count(), 2);
}

void TestEventWriter::countersAreFolded()
{
    TempStore store;
    EventWriter& writer = store.writer();
    writer.addToCounter(QStringLiteral("webhook.rejected.signature_mismatch"));
    writer.addToCounter(QStringLiteral("webhook.rejected.signature_mismatch"));
    writer.addToCounter(QStringLiteral("webhook.rejected.stale_timestamp"), 5);
    // Counters are committed with or before the next write, never lost behind it.
    QVERIFY(store.add({fixtureEvent(QStringLiteral("maren-03-invoice.paid"))}).committed);
    {
        EventStore reader = store.reader();
        QCOMPARE(reader.counter(QStringLiteral("webhook.rejected.signature_mismatch")), 2);
        QCOMPARE(reader.counter(QStringLiteral("webhook.rejected.stale_timestamp")), 5);
        QCOMPARE(reader.counter(QStringLiteral("never.counted")), 0);
    }
    // Increments add up across commits, and a counter alone wakes the writer.
    writer.addToCounter(QStringLiteral("webhook.rejected.stale_timestamp"), 2);
    writer.addToCounter(QStringLiteral("webhook.rejected.stale_timestamp"), -1);
    store.stopWriter();
    EventStore reader = store.reader();
    QCOMPARE(reader.counter(QStringLiteral("webhook.rejected.stale_timestamp")), 6);
    const auto counters = reader.stats().counters;
    QCOMPARE(counters.size(), std::size_t(2));
    QCOMPARE(counters[0].first, QStringLiteral("webhook.rejected.signature_mismatch"));
}

void TestEventWriter::commitObserver()
{
    TempStore store;
    EventWriter& writer = store.writer();
    std::mutex mutex;
    std::vector<std::pair<std::int64_t, int>> calls;
    std::set<std::thread::id> threadsSeen;
    writer.setCommitObserver([&](std::int64_t lastSeq, int storedCount) {
        std::lock_guard lock(mutex);
        calls.emplace_back(lastSeq, storedCount);
        threadsSeen.insert(std::this_thread::get_id());
    });

    QVERIFY(store
                .add({fixtureEvent(QStringLiteral("maren-01-customer.created")),
                      fixtureEvent(QStringLiteral("maren-02-customer.subscription.created")),
                      fixtureEvent(QStringLiteral("maren-03-invoice.paid"))})
                .committed);
    // Nothing new: duplicates, state only, a failed request. None of them wakes observers.
    QVERIFY(store.add({fixtureEvent(QStringLiteral("maren-01-customer.created"))}).committed);
    QVERIFY(store.add({}, {{QStringLiteral("k"), QStringLiteral("v")}}).committed);
    QVERIFY(!store.add({rejectedEvent()}).committed);
    QVERIFY(store.add({fixtureEvent(QStringLiteral("maren-04-checkout.session.completed"))}).committed);
    store.stopWriter();

    std::lock_guard lock(mutex);
    QCOMPARE(calls.size(), std::size_t(2));
    QCOMPARE(calls[0], (std::pair<std::int64_t, int>(3, 3)));
    QCOMPARE(calls[1], (std::pair<std::int64_t, int>(4, 1)));
    // The observer runs on the writer's thread, not the caller's.
    QCOMPARE(threadsSeen.size(), std::size_t(1));
    QVERIFY(!threadsSeen.count(std::this_thread::get_id()));
}

void TestEventWriter::stopDrainsPendingRequests()
{
    TempStore store;
    EventWriter& writer = store.writer();
    constexpr int kRequests = 300;
    std::atomic<int> completions{0};
    std::atomic<int> committed{0};
    for (int i = 0; i < kRequests; ++i) {
        writer.submit(requestOf({derivedEvent(QStringLiteral("maren-15-charge.refunded"), 5000 + i)}),
                      [&](const WriteResult& result) {
                          ++completions;
                          if (result.committed)
                              ++committed;
                      });
    }
    writer.addToCounter(QStringLiteral("late.counter"), 3);
    writer.stop();
    // Every request submitted before stop() was applied and answered before stop() returned.
    QCOMPARE(completions.load(), kRequests);
    QCOMPARE(committed.load(), kRequests);
    writer.stop(); // twice is harmless
    store.stopWriter();
    EventStore reader = store.reader();
    QCOMPARE(reader.count(), kRequests);
    QCOMPARE(reader.counter(QStringLiteral("late.counter")), 3);
}

void TestEventWriter::submitAfterStopIsRefused()
{
    TempStore store;
    EventWriter& writer = store.writer();
    writer.stop();
    bool called = false;
    WriteResult refused;
    writer.submit(requestOf({fixtureEvent(QStringLiteral("maren-01-customer.created"))}),
                  [&](const WriteResult& result) {
                      called = true;
                      refused = result;
                  });
    // Refused at once, on the caller's thread, instead of waiting forever.
    QVERIFY(called);
    QVERIFY(!refused.committed);
    QVERIFY(!refused.error.isEmpty());
    const WriteResult blocking =
        writer.write(requestOf({fixtureEvent(QStringLiteral("maren-01-customer.created"))}));
    QVERIFY(!blocking.committed);
    store.stopWriter();
    QCOMPARE(store.reader().count(), 0);

    EventWriter neverStarted(store.path());
    QVERIFY(!neverStarted.write(requestOf({})).committed);
    neverStarted.stop();
}

void TestEventWriter::startFailsOnForeignFile()
{
    TempStore store;
    QFile file(store.path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    EventWriter writer(store.path());
    QVERIFY_THROWS_EXCEPTION(StoreError, writer.start());
    // The writer is unusable but safe: submissions are refused, stop and destruction are no-ops.
    QVERIFY(!writer.write(requestOf({})).committed);
    writer.stop();
}

void TestEventWriter::dataSurvivesReopening()
{
    TempStore store;
    QVERIFY(store.addAllFixtures().committed);
    store.stopWriter();

    // A new writer on the same file (as after a restart) keeps everything and still deduplicates.
    EventWriter writer(store.path());
    writer.start();
    const WriteResult again =
        writer.write(requestOf({fixtureEvent(QStringLiteral("maren-13-invoice.paid"))}));
    QVERIFY(again.committed);
    QCOMPARE(again.outcomes, std::vector<InsertOutcome>{InsertOutcome::Duplicate});
    QCOMPARE(again.lastSeq, Fixtures::names().size());
    const WriteResult fresh =
        writer.write(requestOf({derivedEvent(QStringLiteral("maren-13-invoice.paid"), 1)}));
    QCOMPARE(fresh.outcomes, std::vector<InsertOutcome>{InsertOutcome::Stored});
    QCOMPARE(fresh.lastSeq, Fixtures::names().size() + 1);
    writer.stop();

    EventStore reader = store.reader();
    QCOMPARE(reader.count(), Fixtures::names().size() + 1);
    for (const QString& name : Fixtures::names()) {
        const QByteArray raw = Fixtures::load(name);
        const auto stored = reader.find(TempStore::incoming(raw).fields.id);
        QVERIFY2(stored, qPrintable(name));
        QCOMPARE(stored->raw, raw);
    }
}

void TestEventWriter::restartAfterStop()
{
    TempStore store;
    EventWriter writer(store.path());
    writer.start();
    QVERIFY(writer.write(requestOf({fixtureEvent(QStringLiteral("maren-01-customer.created"))})).committed);
    writer.stop();
    // Nothing forbids starting again after stop(); a start() that returns normally must give a writer that
    // works, not one that refuses every request.
    writer.start();
    const WriteResult result =
        writer.write(requestOf({fixtureEvent(QStringLiteral("maren-02-customer.subscription.created"))}));
    QVERIFY2(result.committed, qPrintable(result.error));
    writer.stop();
    QCOMPARE(store.reader().count(), 2);
}

namespace {

// Two jobs per event, keyed by the event so that a replay finds them again.
std::vector<billbridge::store::NewJob> twoJobsFor(const IncomingEvent& event)
{
    std::vector<billbridge::store::NewJob> jobs;
    for (const QString& what : {QStringLiteral("identify"), QStringLiteral("event")}) {
        billbridge::store::NewJob job;
        job.operation = what == QLatin1String("identify") ? QStringLiteral("track.identify")
                                                          : QStringLiteral("track.track");
        job.customerId = event.fields.customerId;
        job.idempotencyKey = event.fields.id + QLatin1Char(':') + what;
        job.eventId = event.fields.id;
        job.payload.insert(QStringLiteral("verb"), QStringLiteral("PUT"));
        jobs.push_back(job);
    }
    return jobs;
}

std::vector<billbridge::store::Job> jobsOfEvent(const QString& path, const QString& eventId)
{
    billbridge::store::JobQueue queue = billbridge::store::JobQueue::open(path);
    std::vector<billbridge::store::Job> found;
    for (const billbridge::store::Job& job : queue.list({}, std::nullopt, 1000).jobs) {
        if (job.eventId == eventId)
            found.push_back(job);
    }
    return found;
}

// The planner's own bookkeeping, written through the writer's connection inside the event's transaction.
void notePlanned(billbridge::store::SqliteConnection& connection, const IncomingEvent& event)
{
    billbridge::store::SqliteStatement note =
        connection.prepare("INSERT INTO intake_state (key, value, updated_at_ms) VALUES (?1, 'planned', 0)");
    note.bind(1, QStringLiteral("planned.") + event.fields.id);
    note.step();
}

} // namespace

void TestEventWriter::plannedJobsCommitWithTheirEvent()
{
    TempStore store;
    EventWriter writer(store.path());
    std::atomic<int> planned = 0;
    writer.setJobPlanner([&](billbridge::store::SqliteConnection&, const IncomingEvent& event) {
        ++planned;
        return twoJobsFor(event);
    });
    writer.start();
    const IncomingEvent event = fixtureEvent(QStringLiteral("maren-07-invoice.paid"));
    QVERIFY(writer.write(requestOf({event})).committed);
    writer.stop();

    QCOMPARE(planned.load(), 1);
    const auto jobs = jobsOfEvent(store.path(), event.fields.id);
    QCOMPARE(jobs.size(), std::size_t(2));
    for (const auto& job : jobs) {
        QCOMPARE(job.state, billbridge::store::JobState::Pending);
        QCOMPARE(job.customerId, event.fields.customerId);
    }
}

void TestEventWriter::repeatedDeliveryPlansNothing()
{
    TempStore store;
    EventWriter writer(store.path());
    std::atomic<int> planned = 0;
    writer.setJobPlanner([&](billbridge::store::SqliteConnection&, const IncomingEvent& event) {
        ++planned;
        return twoJobsFor(event);
    });
    writer.start();
    const IncomingEvent event = fixtureEvent(QStringLiteral("maren-07-invoice.paid"));
    QVERIFY(writer.write(requestOf({event})).committed);
    // Stripe delivers again, and the poller finds the same event: stored once, planned once.
    const WriteResult again = writer.write(
        requestOf({event, fixtureEvent(QStringLiteral("maren-07-invoice.paid"), EventSource::Poll)}));
    QVERIFY(again.committed);
    QCOMPARE(again.outcomes,
             (std::vector<InsertOutcome>{InsertOutcome::Duplicate, InsertOutcome::Duplicate}));
    writer.stop();
    QCOMPARE(planned.load(), 1);
    QCOMPARE(jobsOfEvent(store.path(), event.fields.id).size(), std::size_t(2));
}

void TestEventWriter::jobsRollBackWithTheirRequest()
{
    TempStore store;
    EventWriter writer(store.path());
    writer.setJobPlanner([](billbridge::store::SqliteConnection& connection, const IncomingEvent& event) {
        notePlanned(connection, event);
        return twoJobsFor(event);
    });
    writer.start();
    const IncomingEvent valid = fixtureEvent(QStringLiteral("tobias-01-customer.created"));
    const WriteResult failed = writer.write(requestOf({valid, rejectedEvent()}));
    QVERIFY(!failed.committed);
    const IncomingEvent other = fixtureEvent(QStringLiteral("ines-01-customer.created"));
    QVERIFY(writer.write(requestOf({other})).committed);
    writer.stop();

    // The valid event of the failed request was planned, but its jobs went with the rollback.
    QVERIFY(!store.reader().find(valid.fields.id));
    QVERIFY(jobsOfEvent(store.path(), valid.fields.id).empty());
    // So did the planner's bookkeeping; the committed event kept its own.
    QVERIFY(store.reader().state(QStringLiteral("planned.") + valid.fields.id).isNull());
    QCOMPARE(store.reader().state(QStringLiteral("planned.") + other.fields.id), QStringLiteral("planned"));
    QCOMPARE(jobsOfEvent(store.path(), other.fields.id).size(), std::size_t(2));
}

void TestEventWriter::plannerFailureRefusesTheEvent()
{
    TempStore store;
    EventWriter writer(store.path());
    const IncomingEvent poisoned = fixtureEvent(QStringLiteral("maren-07-invoice.paid"));
    writer.setJobPlanner([&](billbridge::store::SqliteConnection&,
                             const IncomingEvent& event) -> std::vector<billbridge::store::NewJob> {
        if (event.fields.id == poisoned.fields.id)
            throw std::runtime_error("no mapping for price_x");
        return twoJobsFor(event);
    });
    writer.start();
    const WriteResult refused = writer.write(requestOf({poisoned}));
    QVERIFY(!refused.committed);
    QVERIFY2(refused.error.contains(poisoned.fields.id) && refused.error.contains(QStringLiteral("price_x")),
             qPrintable(refused.error));
    // The writer goes on with the next request as usual.
    const IncomingEvent next = fixtureEvent(QStringLiteral("ines-01-customer.created"));
    QVERIFY(writer.write(requestOf({next})).committed);
    writer.stop();
    QVERIFY(!store.reader().find(poisoned.fields.id));
    QVERIFY(jobsOfEvent(store.path(), poisoned.fields.id).empty());
    QCOMPARE(jobsOfEvent(store.path(), next.fields.id).size(), std::size_t(2));
}

} // namespace billbridge::test

QTEST_GUILESS_MAIN(billbridge::test::TestEventWriter)
#include "tst_eventwriter.moc"
