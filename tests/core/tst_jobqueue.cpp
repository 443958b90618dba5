// JobQueue: idempotent enqueue, atomic claiming across connections, transitions, crash recovery, operator
// actions and the pause flag, on a real store.

#include "store/auditlog.h"
#include "store/database.h"
#include "store/jobqueue.h"
#include "support/refusedaudit.h"
#include "support/tempstore.h"

#include <QTest>

#include <algorithm>
#include <set>
#include <thread>

using namespace billbridge;
using store::JobState;

namespace {

store::NewJob newJob(const QString& key, const QString& operation = QStringLiteral("track.identify"),
                     std::int64_t notBeforeMs = 0, const QString& customer = QStringLiteral("cus_1"))
{
    store::NewJob job;
    job.operation = operation;
    job.customerId = customer;
    job.idempotencyKey = key;
    job.payload = {{QStringLiteral("customer"), customer}};
    job.eventId = QStringLiteral("evt_") + key;
    job.notBeforeMs = notBeforeMs;
    return job;
}

std::vector<std::int64_t> idsOf(const std::vector<store::Job>& jobs)
{
    std::vector<std::int64_t> ids;
    for (const store::Job& job : jobs)
        ids.push_back(job.id);
    return ids;
}

JobState stateOf(store::JobQueue& queue, std::int64_t id)
{
    return queue.find(id).value().state;
}

} // namespace

class TestJobQueue : public QObject {
    Q_OBJECT

private slots:
    void enqueueIsIdempotent()
    {
        test::TempStore temp;
        std::int64_t clock = 1000;
        store::JobQueue queue = store::JobQueue::open(temp.path(), [&] { return clock; });
        const store::Enqueued first = queue.enqueue(newJob(QStringLiteral("k1")));
        QVERIFY(first.created);
        clock = 2000;
        store::NewJob again = newJob(QStringLiteral("k1"), QStringLiteral("track.track"));
        const store::Enqueued second = queue.enqueue(again);
        QVERIFY(!second.created);
        QCOMPARE(second.id, first.id);
        QCOMPARE(queue.counts()[JobState::Pending], 1);

        const store::Job job = queue.find(first.id).value();
        QCOMPARE(job.operation, QStringLiteral("track.identify"));
        QCOMPARE(job.api, QStringLiteral("track"));
        QCOMPARE(job.customerId, QStringLiteral("cus_1"));
        QCOMPARE(job.eventId, QStringLiteral("evt_k1"));
        QCOMPARE(job.payload.value(QLatin1String("customer")).toString(), QStringLiteral("cus_1"));
        QCOMPARE(job.createdAtMs, 1000);
        QCOMPARE(job.notBeforeMs, 1000);
        QCOMPARE(job.attempts, 0);

        QVERIFY_THROWS_EXCEPTION(store::StoreError,
                                 queue.enqueue(newJob(QStringLiteral("k2"), QStringLiteral("mail.x"))));
        QVERIFY_THROWS_EXCEPTION(store::StoreError, queue.enqueue(newJob(QString())));
    }

    void claimsDueJobsOldestFirst()
    {
        test::TempStore temp;
        std::int64_t clock = 1000;
        store::JobQueue queue = store::JobQueue::open(temp.path(), [&] { return clock; });
        const auto later =
            queue.enqueue(newJob(QStringLiteral("later"), QStringLiteral("track.identify"), 5000)).id;
        const auto a = queue.enqueue(newJob(QStringLiteral("a"), QStringLiteral("track.identify"), 900)).id;
        const auto b = queue.enqueue(newJob(QStringLiteral("b"), QStringLiteral("app.sendEmail"), 800)).id;
        const auto c = queue.enqueue(newJob(QStringLiteral("c"))).id; // due at 1000

        QCOMPARE(idsOf(queue.claimDue(10, QStringLiteral("track"))), (std::vector<std::int64_t>{a, c}));
        QCOMPARE(idsOf(queue.claimDue(10)), (std::vector<std::int64_t>{b}));
        QVERIFY(queue.claimDue(10).empty());
        QCOMPARE(stateOf(queue, a), JobState::InFlight);
        QCOMPARE(stateOf(queue, later), JobState::Pending);

        clock = 5000;
        QCOMPARE(idsOf(queue.claimDue(1)), (std::vector<std::int64_t>{later}));

        // A retry becomes due again only at its not_before.
        QVERIFY(queue.scheduleRetry(a, 7000, QStringLiteral("rate_limited"), QStringLiteral("429")));
        QVERIFY(queue.claimDue(10).empty());
        clock = 7000;
        QCOMPARE(idsOf(queue.claimDue(10)), (std::vector<std::int64_t>{a}));
    }

    void concurrentClaimsNeverShareAJob()
    {
        test::TempStore temp;
        constexpr int kJobs = 200;
        {
            store::JobQueue queue = store::JobQueue::open(temp.path());
            for (int i = 0; i < kJobs; ++i)
                queue.enqueue(newJob(QStringLiteral("job-%1").arg(i)));
        }
        store::JobQueue first = store::JobQueue::open(temp.path());
        store::JobQueue second = store::JobQueue::open(temp.path());
        std::vector<std::int64_t> firstIds;
        std::vector<std::int64_t> secondIds;
        auto drain = [](store::JobQueue* queue, std::vector<std::int64_t>* ids) {
            for (;;) {
                const auto claimed = queue->claimDue(3);
                if (claimed.empty())
                    return;
                for (const store::Job& job : claimed)
                    ids->push_back(job.id);
            }
        };
        std::thread one(drain, &first, &firstIds);
        std::thread two(drain, &second, &secondIds);
        one.join();
        two.join();

        std::set<std::int64_t> all(firstIds.begin(), firstIds.end());
        for (std::int64_t id : secondIds)
            QVERIFY2(all.insert(id).second, "a job was claimed twice");
        QCOMPARE(int(all.size()), kJobs);
        QCOMPARE(first.counts()[JobState::InFlight], kJobs);
    }

    void transitions()
    {
        test::TempStore temp;
        std::int64_t clock = 1000;
        store::JobQueue queue = store::JobQueue::open(temp.path(), [&] { return clock; });
        const auto ok = queue.enqueue(newJob(QStringLiteral("ok"))).id;
        const auto dead = queue.enqueue(newJob(QStringLiteral("dead"))).id;
        const auto review =
            queue.enqueue(newJob(QStringLiteral("review"), QStringLiteral("app.sendEmail"))).id;

        // Only a claimed job moves.
        QVERIFY(!queue.succeed(ok));
        QCOMPARE(stateOf(queue, ok), JobState::Pending);
        QCOMPARE(queue.claimDue(10).size(), std::size_t(3));

        clock = 2000;
        QVERIFY(queue.scheduleRetry(ok, 3000, QStringLiteral("server_error"), QStringLiteral("HTTP 503")));
        store::Job job = queue.find(ok).value();
        QCOMPARE(job.state, JobState::RetryScheduled);
        QCOMPARE(job.notBeforeMs, 3000);
        QCOMPARE(job.lastErrorClass, QStringLiteral("server_error"));
        QCOMPARE(job.lastError, QStringLiteral("HTTP 503"));
        QCOMPARE(job.updatedAtMs, 2000);
        clock = 3000;
        QCOMPARE(idsOf(queue.claimDue(10)), (std::vector<std::int64_t>{ok}));
        QVERIFY(queue.succeed(ok));
        job = queue.find(ok).value();
        QCOMPARE(job.state, JobState::Succeeded);
        QVERIFY(job.lastErrorClass.isEmpty());
        QVERIFY(!queue.succeed(ok));

        QVERIFY(
            queue.markDead(dead, QStringLiteral("bad_request"), QStringLiteral("HTTP 400: invalid email")));
        job = queue.find(dead).value();
        QCOMPARE(job.state, JobState::Dead);
        QCOMPARE(job.lastErrorClass, QStringLiteral("bad_request"));
        QCOMPARE(job.lastError, QStringLiteral("HTTP 400: invalid email"));

        QVERIFY(queue.markNeedsReview(review, QStringLiteral("timed out after sending")));
        QCOMPARE(stateOf(queue, review), JobState::NeedsReview);
        QCOMPARE(queue.find(review)->lastError, QStringLiteral("timed out after sending"));

        const auto counts = queue.counts();
        QCOMPARE(counts.size(), std::size_t(store::kJobStateCount));
        QCOMPARE(counts.at(JobState::Succeeded), 1);
        QCOMPARE(counts.at(JobState::Dead), 1);
        QCOMPARE(counts.at(JobState::NeedsReview), 1);
        QCOMPARE(counts.at(JobState::Pending), 0);
    }

    void attemptsAreRecordedAndCapped()
    {
        test::TempStore temp;
        store::JobQueue queue = store::JobQueue::open(temp.path(), [] { return std::int64_t(1000); });
        const auto id = queue.enqueue(newJob(QStringLiteral("a"))).id;
        queue.claimDue(1);

        store::JobAttempt failed;
        failed.startedAtMs = 1000;
        failed.durationMs = 120;
        failed.httpStatus = 500;
        failed.errorClass = QStringLiteral("server_error");
        // Multi-byte characters straddle the cap: the stored excerpt must stay whole characters.
        failed.responseExcerpt = QString(3000, QChar(0x00e9));
        failed.requestExcerpt = QStringLiteral("PUT /api/v1/customers/cus_1");
        queue.recordAttempt(id, failed);
        store::JobAttempt timedOut;
        timedOut.startedAtMs = 2000;
        timedOut.durationMs = 30000;
        timedOut.errorClass = QStringLiteral("timeout");
        queue.recordAttempt(id, timedOut);

        const store::Job job = queue.find(id).value();
        QCOMPARE(job.attempts, 2);
        QCOMPARE(job.attemptLog.size(), std::size_t(2));
        const store::JobAttempt& first = job.attemptLog[0];
        QCOMPARE(first.jobId, id);
        QCOMPARE(first.httpStatus, std::optional<int>(500));
        QCOMPARE(first.durationMs, 120);
        QCOMPARE(first.errorClass, QStringLiteral("server_error"));
        QVERIFY(first.responseExcerpt.toUtf8().size() <= store::JobQueue::kExcerptLimitBytes);
        QCOMPARE(first.responseExcerpt, QString(store::JobQueue::kExcerptLimitBytes / 2, QChar(0x00e9)));
        QCOMPARE(first.requestExcerpt, QStringLiteral("PUT /api/v1/customers/cus_1"));
        QVERIFY(!job.attemptLog[1].httpStatus);
        QCOMPARE(job.attemptLog[1].errorClass, QStringLiteral("timeout"));
    }

    void recoverySplitsIdempotentFromNonIdempotent()
    {
        test::TempStore temp;
        std::int64_t clock = 1000;
        store::JobQueue queue = store::JobQueue::open(temp.path(), [&] { return clock; });
        const auto identify = queue.enqueue(newJob(QStringLiteral("identify"))).id;
        store::NewJob eventWithId = newJob(QStringLiteral("event-id"), QStringLiteral("track.track"));
        eventWithId.payload.insert(QStringLiteral("idempotency_id"),
                                   QStringLiteral("01HZX0000000000000000000"));
        const auto stableEvent = queue.enqueue(eventWithId).id;
        const auto anonymousEvent =
            queue.enqueue(newJob(QStringLiteral("event-no-id"), QStringLiteral("track.track"))).id;
        const auto suppress =
            queue.enqueue(newJob(QStringLiteral("suppress"), QStringLiteral("track.suppress"))).id;
        const auto segment =
            queue.enqueue(newJob(QStringLiteral("segment"), QStringLiteral("track.addCustomersToSegment")))
                .id;
        const auto email = queue.enqueue(newJob(QStringLiteral("email"), QStringLiteral("app.sendEmail"))).id;
        const auto broadcast =
            queue.enqueue(newJob(QStringLiteral("broadcast"), QStringLiteral("app.triggerBroadcast"))).id;
        const auto untouched =
            queue.enqueue(newJob(QStringLiteral("later"), QStringLiteral("app.sendEmail"), 9000)).id;
        QCOMPARE(queue.claimDue(100).size(), std::size_t(7));

        clock = 4000;
        // A fresh connection, as after a restart.
        store::JobQueue restarted = store::JobQueue::open(temp.path(), [&] { return clock; });
        const store::RecoveryResult result = restarted.recoverInFlight();
        QCOMPARE(result.requeued, 4);
        QCOMPARE(result.needsReview, 3);
        for (auto id : {identify, stableEvent, suppress, segment}) {
            const store::Job job = restarted.find(id).value();
            QCOMPARE(job.state, JobState::Pending);
            QCOMPARE(job.notBeforeMs, 4000);
        }
        for (auto id : {anonymousEvent, email, broadcast}) {
            const store::Job job = restarted.find(id).value();
            QCOMPARE(job.state, JobState::NeedsReview);
            QCOMPARE(job.lastErrorClass, QStringLiteral("interrupted"));
        }
        QCOMPARE(stateOf(restarted, untouched), JobState::Pending);
        QCOMPARE(restarted.counts()[JobState::InFlight], 0);
        const store::RecoveryResult again = restarted.recoverInFlight();
        QCOMPARE(again.requeued + again.needsReview, 0);
    }

    void operatorRetryDiscardResolve()
    {
        test::TempStore temp;
        std::int64_t clock = 1000;
        store::JobQueue queue = store::JobQueue::open(temp.path(), [&] { return clock; });
        const auto dead = queue.enqueue(newJob(QStringLiteral("dead"))).id;
        const auto review =
            queue.enqueue(newJob(QStringLiteral("review"), QStringLiteral("app.sendEmail"))).id;
        const auto sent = queue.enqueue(newJob(QStringLiteral("sent"), QStringLiteral("app.sendEmail"))).id;
        const auto done = queue.enqueue(newJob(QStringLiteral("done"))).id;
        const auto waiting =
            queue.enqueue(newJob(QStringLiteral("waiting"), QStringLiteral("track.identify"), 50000)).id;
        queue.claimDue(10);
        queue.recordAttempt(dead, {});
        QVERIFY(queue.markDead(dead, QStringLiteral("bad_request"), QStringLiteral("HTTP 400")));
        QVERIFY(queue.markNeedsReview(review, QStringLiteral("timeout")));
        QVERIFY(queue.markNeedsReview(sent, QStringLiteral("timeout")));
        QVERIFY(queue.succeed(done));

        clock = 2000;
        QCOMPARE(queue.retry({dead, done, waiting}), 1); // succeeded and pending jobs stay
        store::Job job = queue.find(dead).value();
        QCOMPARE(job.state, JobState::Pending);
        QCOMPARE(job.notBeforeMs, 2000);
        QCOMPARE(job.attempts, 1);
        QCOMPARE(stateOf(queue, done), JobState::Succeeded);

        QVERIFY(queue.resolveSent(sent));
        QCOMPARE(stateOf(queue, sent), JobState::Succeeded);
        QVERIFY(!queue.resolveSent(sent));
        QVERIFY(!queue.resolveSent(dead));

        QCOMPARE(queue.discard({review, waiting, done}, QStringLiteral("customer asked not to be emailed")),
                 2);
        job = queue.find(review).value();
        QCOMPARE(job.state, JobState::Discarded);
        QCOMPARE(job.discardReason, QStringLiteral("customer asked not to be emailed"));
        QCOMPARE(stateOf(queue, waiting), JobState::Discarded);
        QCOMPARE(stateOf(queue, done), JobState::Succeeded);
        // Discarded jobs never get claimed.
        clock = 60000;
        QCOMPARE(idsOf(queue.claimDue(10)), (std::vector<std::int64_t>{dead}));

        // A discarded job can still be brought back.
        QCOMPARE(queue.retry({review}), 1);
        job = queue.find(review).value();
        QCOMPARE(job.state, JobState::Pending);
        QVERIFY(job.discardReason.isEmpty());
    }

    void retryMatchingAndDryRun()
    {
        test::TempStore temp;
        std::int64_t clock = 1000;
        store::JobQueue queue = store::JobQueue::open(temp.path(), [&] { return clock; });
        const auto limited = queue.enqueue(newJob(QStringLiteral("a"))).id;
        const auto limitedEmail =
            queue.enqueue(newJob(QStringLiteral("b"), QStringLiteral("app.sendEmail"))).id;
        const auto invalid = queue.enqueue(newJob(QStringLiteral("c"))).id;
        const auto other = queue
                               .enqueue(newJob(QStringLiteral("d"), QStringLiteral("track.identify"), 0,
                                               QStringLiteral("cus_2")))
                               .id;
        queue.claimDue(10);
        queue.markDead(limited, QStringLiteral("rate_limited"), QStringLiteral("429"));
        queue.markDead(limitedEmail, QStringLiteral("rate_limited"), QStringLiteral("429"));
        queue.markDead(invalid, QStringLiteral("bad_request"), QStringLiteral("400"));
        queue.markDead(other, QStringLiteral("rate_limited"), QStringLiteral("429"));

        store::JobFilter filter;
        filter.errorClass = QStringLiteral("rate_limited");
        filter.customerId = QStringLiteral("cus_1");
        const store::RetrySelection preview = queue.retryMatching(filter, true);
        QCOMPARE(preview.count, 2);
        QCOMPARE(preview.ids, (std::vector<std::int64_t>{limited, limitedEmail}));
        QCOMPARE(queue.counts()[JobState::Dead], 4);
        QCOMPARE(queue.counts()[JobState::Pending], 0);

        filter.operation = QStringLiteral("app.sendEmail");
        const store::RetrySelection applied = queue.retryMatching(filter, false);
        QCOMPARE(applied.ids, (std::vector<std::int64_t>{limitedEmail}));
        QCOMPARE(stateOf(queue, limitedEmail), JobState::Pending);
        QCOMPARE(queue.counts()[JobState::Dead], 3);

        // Asking for states that cannot be retried selects nothing.
        store::JobFilter pendingOnly;
        pendingOnly.states = {JobState::Pending};
        QCOMPARE(queue.retryMatching(pendingOnly, false).count, 0);
    }

    void listPagesNewestFirst()
    {
        test::TempStore temp;
        std::int64_t clock = 1000;
        store::JobQueue queue = store::JobQueue::open(temp.path(), [&] { return clock; });
        std::vector<std::int64_t> ids;
        for (int i = 0; i < 5; ++i) {
            ids.push_back(queue.enqueue(newJob(QStringLiteral("k%1").arg(i))).id);
            clock += i % 2; // some share a timestamp: the id breaks the tie
        }
        const auto email = queue.enqueue(newJob(QStringLiteral("mail"), QStringLiteral("app.sendEmail"))).id;

        store::JobFilter everything;
        store::JobPage page = queue.list(everything, std::nullopt, 4);
        QCOMPARE(page.jobs.size(), std::size_t(4));
        QVERIFY(page.next);
        QCOMPARE(page.jobs[0].id, email);
        std::vector<std::int64_t> seen = idsOf(page.jobs);
        page = queue.list(everything, page.next, 4);
        QVERIFY(!page.next);
        for (std::int64_t id : idsOf(page.jobs))
            seen.push_back(id);
        QCOMPARE(seen, (std::vector<std::int64_t>{email, ids[4], ids[3], ids[2], ids[1], ids[0]}));

        store::JobFilter emails;
        emails.operation = QStringLiteral("app.sendEmail");
        QCOMPARE(idsOf(queue.list(emails).jobs), (std::vector<std::int64_t>{email}));
        store::JobFilter window;
        window.fromMs = 1001;
        window.toMs = 1001;
        QCOMPARE(idsOf(queue.list(window).jobs), (std::vector<std::int64_t>{ids[3], ids[2]}));
        store::JobFilter states;
        states.states = {JobState::Dead, JobState::InFlight};
        QVERIFY(queue.list(states).jobs.empty());
    }

    void pauseSurvivesReopening()
    {
        test::TempStore temp;
        {
            store::JobQueue queue = store::JobQueue::open(temp.path(), [] { return std::int64_t(1234); });
            QVERIFY(!queue.pauseState().paused);
            queue.pause(QStringLiteral("Customer.io maintenance"));
        }
        {
            store::JobQueue queue = store::JobQueue::open(temp.path());
            const store::PauseState state = queue.pauseState();
            QVERIFY(state.paused);
            QCOMPARE(state.reason, QStringLiteral("Customer.io maintenance"));
            QCOMPARE(state.changedAtMs, 1234);
            queue.resume();
        }
        store::JobQueue queue = store::JobQueue::open(temp.path());
        QVERIFY(!queue.pauseState().paused);
        QVERIFY(queue.pauseState().reason.isEmpty());
    }

    void enqueueInFollowsTheCallersTransaction()
    {
        test::TempStore temp;
        store::SqliteConnection connection = store::Database::openForWriting(temp.path());
        {
            store::SqliteTransaction transaction(connection);
            const store::Enqueued enqueued =
                store::JobQueue::enqueueIn(connection, newJob(QStringLiteral("gone")), 1000);
            QVERIFY(enqueued.created);
            // Rolled back when the transaction ends uncommitted.
        }
        {
            store::SqliteTransaction transaction(connection);
            store::JobQueue::enqueueIn(connection, newJob(QStringLiteral("kept")), 1000);
            QVERIFY(!store::JobQueue::enqueueIn(connection, newJob(QStringLiteral("kept")), 1000).created);
            transaction.commit();
        }
        store::JobQueue queue = store::JobQueue::open(temp.path());
        const auto all = queue.list({}).jobs;
        QCOMPARE(all.size(), std::size_t(1));
        QCOMPARE(all[0].idempotencyKey, QStringLiteral("kept"));
    }

    void heldJobsWaitForTheirHolder()
    {
        test::TempStore temp;
        std::int64_t clock = 1000;
        store::JobQueue queue = store::JobQueue::open(temp.path(), [&] { return clock; });
        const auto lookup =
            queue.enqueue(newJob(QStringLiteral("lookup"), QStringLiteral("app.getCustomersByEmail")));
        store::NewJob identify = newJob(QStringLiteral("identify"));
        identify.heldByKey = QStringLiteral("lookup");
        identify.ruleId = QStringLiteral("dunning");
        identify.ruleVersion = 3;
        identify.exits = QStringLiteral("invoice.paid:in_1");
        const auto held = queue.enqueue(identify);
        store::Job job = queue.find(held.id).value();
        QCOMPARE(job.heldBy, lookup.id);
        QCOMPARE(job.notBeforeMs, store::JobQueue::kHeldNotBeforeMs);
        QCOMPARE(job.ruleId, QStringLiteral("dunning"));
        QCOMPARE(job.ruleVersion, 3);
        QCOMPARE(job.exits, QStringLiteral("invoice.paid:in_1"));

        clock = 5000;
        QCOMPARE(idsOf(queue.claimDue(10)), std::vector<std::int64_t>{lookup.id});
        QVERIFY(queue.succeed(lookup.id));
        {
            store::SqliteConnection connection = store::Database::openForWriting(temp.path());
            store::SqliteTransaction transaction(connection);
            QCOMPARE(store::JobQueue::releaseHeldIn(connection, lookup.id, 6000), 1);
            transaction.commit();
        }
        clock = 6000;
        job = queue.find(held.id).value();
        QCOMPARE(job.heldBy, 0);
        QCOMPARE(job.notBeforeMs, 6000);
        QCOMPARE(idsOf(queue.claimDue(10)), std::vector<std::int64_t>{held.id});

        // A holder that already finished holds nothing; Slack posts are jobs of their own API.
        store::NewJob late = newJob(QStringLiteral("late"), QStringLiteral("slack.post"));
        late.heldByKey = QStringLiteral("lookup");
        const store::Job free = queue.find(queue.enqueue(late).id).value();
        QCOMPARE(free.heldBy, 0);
        QCOMPARE(free.api, QStringLiteral("slack"));
        QCOMPARE(free.notBeforeMs, 6000);
    }

    void claimDueInSelectsALane()
    {
        test::TempStore temp;
        std::int64_t clock = 1000;
        store::JobQueue queue = store::JobQueue::open(temp.path(), [&] { return clock; });
        const auto track = queue.enqueue(newJob(QStringLiteral("t"), QStringLiteral("track.track"))).id;
        const auto email = queue.enqueue(newJob(QStringLiteral("e"), QStringLiteral("app.sendEmail"))).id;
        const auto broadcast =
            queue.enqueue(newJob(QStringLiteral("b"), QStringLiteral("app.triggerBroadcast"))).id;
        const auto lookup = queue.enqueue(newJob(QStringLiteral("l"), QStringLiteral("app.listSegments"))).id;
        const auto later =
            queue.enqueue(newJob(QStringLiteral("x"), QStringLiteral("app.sendEmail"), 5000)).id;

        store::ClaimFilter app;
        app.api = QStringLiteral("app");
        app.operationsNotIn = {QStringLiteral("app.sendEmail"), QStringLiteral("app.triggerBroadcast")};
        store::ClaimFilter emails;
        emails.operationsIn = {QStringLiteral("app.sendEmail")};
        store::ClaimFilter broadcasts;
        broadcasts.operationsIn = {QStringLiteral("app.triggerBroadcast")};

        QCOMPARE(queue.nextDueMs(emails), 1000);
        QCOMPARE(idsOf(queue.claimDueIn(10, app)), (std::vector<std::int64_t>{lookup}));
        QCOMPARE(idsOf(queue.claimDueIn(10, emails)), (std::vector<std::int64_t>{email}));
        // The one waiting for its token (not claimed) stays pending: nothing else is touched.
        QCOMPARE(stateOf(queue, broadcast), JobState::Pending);
        QCOMPARE(stateOf(queue, track), JobState::Pending);
        QCOMPARE(queue.nextDueMs(emails), 5000);
        QCOMPARE(queue.nextDueMs(), 1000);
        QVERIFY(queue.claimDueIn(0, broadcasts).empty());
        QCOMPARE(idsOf(queue.claimDueIn(10, broadcasts)), (std::vector<std::int64_t>{broadcast}));
        QCOMPARE(idsOf(queue.claimDueIn(10, {})), (std::vector<std::int64_t>{track}));
        QVERIFY(queue.claimDueIn(10, emails).empty());
        clock = 5000;
        QCOMPARE(idsOf(queue.claimDueIn(10, emails)), (std::vector<std::int64_t>{later}));
        QVERIFY(!queue.nextDueMs().has_value());
    }

    void claimDueInCountsRateLimitedAttempts()
    {
        test::TempStore temp;
        store::JobQueue queue = store::JobQueue::open(temp.path());
        const auto id = queue.enqueue(newJob(QStringLiteral("k"))).id;
        store::JobAttempt limited;
        limited.errorClass = QString::fromLatin1(store::kRateLimitedErrorClass);
        limited.httpStatus = 429;
        store::JobAttempt failed;
        failed.errorClass = QStringLiteral("server-error");
        failed.httpStatus = 500;
        queue.recordAttempt(id, limited);
        queue.recordAttempt(id, failed);
        queue.recordAttempt(id, limited);
        const auto claimed = queue.claimDueIn(1, {});
        QCOMPARE(claimed.size(), std::size_t(1));
        QCOMPARE(claimed[0].attempts, 3);
        QCOMPARE(claimed[0].rateLimitedAttempts, 2);
    }

    void completeAppliesABatchInOneTransaction()
    {
        test::TempStore temp;
        std::int64_t clock = 1000;
        store::JobQueue queue = store::JobQueue::open(temp.path(), [&] { return clock; });
        std::vector<std::int64_t> ids;
        for (int i = 0; i < 6; ++i)
            ids.push_back(queue.enqueue(newJob(QStringLiteral("k%1").arg(i))).id);
        QCOMPARE(queue.claimDue(5).size(), std::size_t(5)); // ids[5] stays pending
        clock = 2000;

        const auto attemptWith = [](std::optional<int> status, const QString& errorClass) {
            store::JobAttempt attempt;
            attempt.startedAtMs = 1500;
            attempt.durationMs = 12;
            attempt.httpStatus = status;
            attempt.errorClass = errorClass;
            attempt.requestExcerpt = QStringLiteral("PUT /customers/cus_1");
            attempt.responseExcerpt = QStringLiteral("{}");
            return attempt;
        };
        std::vector<store::Completion> batch(6);
        batch[0] = {ids[0], attemptWith(200, {}), JobState::Succeeded, 0, {}, {}};
        batch[1] = {ids[1],
                    attemptWith(500, QStringLiteral("server-error")),
                    JobState::RetryScheduled,
                    9000,
                    QStringLiteral("server-error"),
                    QStringLiteral("server-error (HTTP 500)")};
        batch[2] = {ids[2],
                    attemptWith(422, QStringLiteral("bad-request")),
                    JobState::Dead,
                    0,
                    QStringLiteral("bad-request"),
                    QStringLiteral("email is invalid")};
        batch[3] = {ids[3],
                    std::nullopt,
                    JobState::NeedsReview,
                    0,
                    QStringLiteral("ambiguous"),
                    QStringLiteral("check")};
        batch[4] = {ids[4],
                    attemptWith(401, QStringLiteral("unauthorized")),
                    JobState::Pending,
                    2000,
                    QStringLiteral("unauthorized"),
                    QStringLiteral("paused")};
        // Not in flight: the transition is skipped, the attempt still counted.
        batch[5] = {ids[5], attemptWith(200, {}), JobState::Succeeded, 0, {}, {}};

        QCOMPARE(queue.complete(batch), 5);

        const store::Job ok = queue.find(ids[0]).value();
        QCOMPARE(ok.state, JobState::Succeeded);
        QCOMPARE(ok.attempts, 1);
        QCOMPARE(ok.attemptLog.size(), std::size_t(1));
        QCOMPARE(ok.attemptLog[0].httpStatus, 200);
        QCOMPARE(ok.attemptLog[0].durationMs, 12);
        QCOMPARE(ok.attemptLog[0].requestExcerpt, QStringLiteral("PUT /customers/cus_1"));
        QVERIFY(ok.lastError.isEmpty());

        const store::Job retry = queue.find(ids[1]).value();
        QCOMPARE(retry.state, JobState::RetryScheduled);
        QCOMPARE(retry.notBeforeMs, 9000);
        QCOMPARE(retry.lastErrorClass, QStringLiteral("server-error"));

        const store::Job dead = queue.find(ids[2]).value();
        QCOMPARE(dead.state, JobState::Dead);
        QCOMPARE(dead.lastError, QStringLiteral("email is invalid"));

        const store::Job review = queue.find(ids[3]).value();
        QCOMPARE(review.state, JobState::NeedsReview);
        QCOMPARE(review.attempts, 0);
        QVERIFY(review.attemptLog.empty());

        const store::Job paused = queue.find(ids[4]).value();
        QCOMPARE(paused.state, JobState::Pending);
        QCOMPARE(paused.notBeforeMs, 2000);
        QCOMPARE(paused.attempts, 1);

        const store::Job untouched = queue.find(ids[5]).value();
        QCOMPARE(untouched.state, JobState::Pending);
        QCOMPARE(untouched.attempts, 1);

        // Another connection sees the commit through data_version; an empty batch writes nothing.
        store::JobQueue other = store::JobQueue::open(temp.path());
        const std::int64_t seen = other.dataVersion();
        QCOMPARE(queue.complete({}), 0);
        QCOMPARE(other.dataVersion(), seen);
        queue.pause(QStringLiteral("x"));
        QVERIFY(other.dataVersion() != seen);
    }

    void migrationFromSchemaFourKeepsEvents()
    {
        test::TempStore temp;
        const auto migrations = store::builtinMigrations();
        const auto upToFour = std::span(
            migrations.begin(), std::find_if(migrations.begin(), migrations.end(),
                                             [](const store::Migration& m) { return m.version > 4; }));
        {
            store::SqliteConnection old = store::Database::openForWriting(temp.path(), upToFour);
            QCOMPARE(old.pragmaInt("user_version"), 4);
            store::SqliteStatement insert = old.prepare(
                "INSERT INTO events (id, type, created, livemode, source, received_at_ms, signature, raw) "
                "VALUES ('evt_old', 'customer.created', 1700000000, 0, 'webhook', 1, 'verified', '{}')");
            insert.step();
        }
        store::JobQueue queue = store::JobQueue::open(temp.path());
        QVERIFY(store::Database::latestSchemaVersion() >= 5);
        store::SqliteConnection check = store::Database::openForReading(temp.path());
        QCOMPARE(check.pragmaInt("user_version"), store::Database::latestSchemaVersion());
        store::SqliteStatement events = check.prepare("SELECT id FROM events");
        QVERIFY(events.step());
        QCOMPARE(events.text(0), QStringLiteral("evt_old"));
        QVERIFY(!events.step());
        QVERIFY(queue.enqueue(newJob(QStringLiteral("after-upgrade"))).created);
        QVERIFY(!queue.pauseState().paused);
    }

    void operatorActionsAndTheirAuditEntriesCommitTogether()
    {
        test::TempStore temp;
        std::int64_t clock = 1000;
        store::JobQueue queue = store::JobQueue::open(temp.path(), [&] { return clock; });
        const std::int64_t first = queue.enqueue(newJob(QStringLiteral("a"))).id;
        const std::int64_t second = queue.enqueue(newJob(QStringLiteral("b"))).id;
        const auto auditCount = [&] { return store::AuditLog::openForReading(temp.path()).count(); };

        const store::OperatorAudit discarding{QStringLiteral("queue.discard"),
                                              QStringLiteral("jobs"),
                                              {{QStringLiteral("reason"), QStringLiteral("duplicate")}},
                                              QStringLiteral("discarded")};
        QCOMPARE(queue.discard({first, second}, QStringLiteral("duplicate"), &discarding), 2);
        QCOMPARE(auditCount(), 1);
        const store::AuditEntry entry = store::AuditLog::openForReading(temp.path()).list(1).front();
        QCOMPARE(entry.action, QStringLiteral("queue.discard"));
        QVERIFY2(entry.detailsJson.contains(QStringLiteral("\"discarded\":2")),
                 qPrintable(entry.detailsJson));
        QVERIFY(entry.detailsJson.contains(QStringLiteral("duplicate")));

        // Nothing changed, nothing recorded.
        QCOMPARE(queue.discard({first}, QStringLiteral("again"), &discarding), 0);
        QCOMPARE(auditCount(), 1);

        // When the entry cannot be written, the change is not made either.
        {
            test::RefusedAudit refused(temp.path());
            const store::OperatorAudit retrying{
                QStringLiteral("queue.retry"), QStringLiteral("jobs"), {}, QStringLiteral("retried")};
            QVERIFY_THROWS_EXCEPTION(store::StoreError, queue.retry({first}, &retrying));
            QCOMPARE(stateOf(queue, first), JobState::Discarded);
            const store::OperatorAudit pausing{QStringLiteral("queue.pause"), QString(), {}, {}};
            QVERIFY_THROWS_EXCEPTION(store::StoreError, queue.pause(QStringLiteral("maintenance"), &pausing));
            QVERIFY(!queue.pauseState().paused);
        }
        QCOMPARE(auditCount(), 1);
        const store::OperatorAudit retrying{
            QStringLiteral("queue.retry"), QStringLiteral("jobs"), {}, QStringLiteral("retried")};
        QCOMPARE(queue.retry({first}, &retrying), 1);
        QCOMPARE(stateOf(queue, first), JobState::Pending);
        QCOMPARE(auditCount(), 2);
        QVERIFY(store::AuditLog::openForReading(temp.path()).verify().isIntact());
    }
};

QTEST_GUILESS_MAIN(TestJobQueue)
#include "tst_jobqueue.moc"
