#include "customerio/ulid.h"
#include "delivery/jobrequest.h"
#include "demo/demohistory.h"
#include "demo/demoqueue.h"
#include "demo/demosetup.h"
#include "demo/demostore.h"
#include "store/jobqueue.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace billbridge;
using namespace billbridge::demo;
using store::JobState;

namespace {

constexpr std::int64_t kEndTime = 1795000000;
constexpr std::int64_t kNowMs = kEndTime * 1000 + 60'000;

DemoOptions small(std::uint64_t seed = 5)
{
    DemoOptions options;
    options.customers = 40;
    options.seed = seed;
    options.endTime = kEndTime;
    return options;
}

std::vector<store::Job> allJobs(store::JobQueue& queue)
{
    std::vector<store::Job> jobs;
    std::optional<store::JobCursor> cursor;
    do {
        store::JobPage page = queue.list({}, cursor, 500);
        jobs.insert(jobs.end(), page.jobs.begin(), page.jobs.end());
        cursor = page.next;
    } while (cursor);
    return jobs;
}

// A demo store as createIndexedDemoStore leaves it, without the search index the queue does not need.
QString writeStore(const QTemporaryDir& dir, const QString& name, const DemoHistory& history,
                   DemoQueueSummary* summary)
{
    const QString path = dir.filePath(name);
    const DemoStoreResult written = DemoStore::write(path, history, false, kNowMs);
    if (written.status != DemoStoreResult::Status::Written)
        qFatal("demo store not written: %s", qPrintable(written.message));
    *summary = DemoQueue::write(path, history, kNowMs);
    return path;
}

} // namespace

class TestDemoQueue : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void countsPerStateAreFixedForASeed();
    void sameSeedSameQueue();
    void boundedByTheEvents();
    void everyPayloadIsARequest();
    void everyJobNamesItsCustomerAndEvent();
    void deadJobsShowWhatCustomerIoSaid();
    void needsReviewJobsAreEmailsWithoutAnswer();
    void retriesWaitAndPendingJobsAreNewest();
    void trackEventsCarryUniqueUlidsOfTheirEvent();
    void sendingStaysPaused();
    void setupFillsTheQueueAndRepeatsIt();

private:
    QTemporaryDir m_dir;
    DemoHistory m_history;
    DemoQueueSummary m_summary;
    QString m_path;
    std::vector<store::Job> m_jobs;
};

void TestDemoQueue::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_history = DemoHistory::generate(small());
    m_path = writeStore(m_dir, QStringLiteral("demo.sqlite"), m_history, &m_summary);
    store::JobQueue queue = store::JobQueue::open(m_path);
    m_jobs = allJobs(queue);
    QCOMPARE(int(m_jobs.size()), m_summary.total);
}

void TestDemoQueue::countsPerStateAreFixedForASeed()
{
    QCOMPARE(m_summary.count(JobState::Pending), 5);
    QCOMPARE(m_summary.count(JobState::RetryScheduled), 4);
    QCOMPARE(m_summary.count(JobState::NeedsReview), 3);
    QCOMPARE(m_summary.count(JobState::Dead), 4);
    QCOMPARE(m_summary.count(JobState::Discarded), 2);
    QCOMPARE(m_summary.count(JobState::InFlight), 0);
    QCOMPARE(m_summary.count(JobState::Succeeded), m_summary.total - 18);
    QCOMPARE(m_summary.total, 229);

    store::JobQueue queue = store::JobQueue::open(m_path);
    const auto counts = queue.counts();
    for (int state = 0; state < store::kJobStateCount; ++state) {
        const auto found = counts.find(JobState(state));
        QCOMPARE(found == counts.end() ? 0 : int(found->second), m_summary.count(JobState(state)));
    }
}

void TestDemoQueue::sameSeedSameQueue()
{
    DemoQueueSummary again;
    const QString path = writeStore(m_dir, QStringLiteral("again.sqlite"), m_history, &again);
    QCOMPARE(again.byState, m_summary.byState);
    store::JobQueue queue = store::JobQueue::open(path);
    const std::vector<store::Job> jobs = allJobs(queue);
    QCOMPARE(jobs.size(), m_jobs.size());
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        QCOMPARE(jobs[i].idempotencyKey, m_jobs[i].idempotencyKey);
        QCOMPARE(jobs[i].payload, m_jobs[i].payload);
        QCOMPARE(jobs[i].state, m_jobs[i].state);
        QCOMPARE(jobs[i].attempts, m_jobs[i].attempts);
        QCOMPARE(jobs[i].updatedAtMs, m_jobs[i].updatedAtMs);
    }

    DemoQueueSummary other;
    const DemoHistory otherHistory = DemoHistory::generate(small(6));
    const QString otherPath = writeStore(m_dir, QStringLiteral("other.sqlite"), otherHistory, &other);
    store::JobQueue otherQueue = store::JobQueue::open(otherPath);
    QVERIFY(allJobs(otherQueue).front().payload != m_jobs.front().payload);
}

void TestDemoQueue::boundedByTheEvents()
{
    QVERIFY(m_summary.total > 100);
    QVERIFY(m_summary.total <= int(m_history.events().size()));
    QSet<QString> events;
    for (const store::Job& job : m_jobs) {
        QVERIFY2(!events.contains(job.eventId), qPrintable(job.eventId));
        events.insert(job.eventId);
    }
}

void TestDemoQueue::everyPayloadIsARequest()
{
    QSet<QString> operations;
    for (const store::Job& job : m_jobs) {
        QString error;
        const auto request = delivery::requestOf(job, &error);
        QVERIFY2(request, qPrintable(job.idempotencyKey + QStringLiteral(": ") + error));
        QCOMPARE(request->operation, job.operation);
        QCOMPARE(delivery::payloadOf(*request), job.payload);
        if (request->hasBody())
            QVERIFY2(!QJsonDocument::fromJson(request->body).isNull(), request->body.constData());
        // Only the made-up people of the demo: no real addresses, no Stripe links with tokens.
        QVERIFY(!request->body.contains("https://"));
        static const QRegularExpression address(QStringLiteral("[^\"@]+@([^\"]+)"));
        for (auto match = address.globalMatch(QString::fromUtf8(request->body)); match.hasNext();) {
            const QString domain = match.next().captured(1);
            QVERIFY2(domain.endsWith(QLatin1String(".test")) || domain.startsWith(QLatin1String("example.")),
                     qPrintable(domain));
        }
        operations.insert(job.operation);
    }
    for (const char* expected : {"track.identify", "track.track", "app.sendEmail"})
        QVERIFY2(operations.contains(QLatin1String(expected)), expected);
}

void TestDemoQueue::everyJobNamesItsCustomerAndEvent()
{
    QSet<QString> customers;
    for (const DemoEvent& event : m_history.events())
        customers.insert(event.customerId);
    for (const store::Job& job : m_jobs) {
        QVERIFY2(!job.customerId.isEmpty(), qPrintable(job.idempotencyKey));
        QVERIFY2(customers.contains(job.customerId), qPrintable(job.customerId));
        QVERIFY(job.eventId.startsWith(QLatin1String("evt_")));
        QCOMPARE(job.idempotencyKey, job.eventId + QLatin1Char(':') + job.operation);
    }
}

void TestDemoQueue::deadJobsShowWhatCustomerIoSaid()
{
    store::JobQueue queue = store::JobQueue::open(m_path);
    int refused = 0;
    int gaveUp = 0;
    for (const store::Job& listed : m_jobs) {
        if (listed.state != JobState::Dead)
            continue;
        const std::optional<store::Job> job = queue.find(listed.id);
        QVERIFY(job);
        QCOMPARE(int(job->attemptLog.size()), job->attempts);
        QVERIFY(!job->lastErrorClass.isEmpty());
        QVERIFY(!job->lastError.isEmpty());
        for (const store::JobAttempt& attempt : job->attemptLog) {
            QVERIFY(!attempt.errorClass.isEmpty());
            QVERIFY(attempt.httpStatus);
            QVERIFY(!attempt.responseExcerpt.isEmpty());
            QVERIFY(attempt.requestExcerpt.startsWith(QLatin1String("PUT /customers/")) ||
                    attempt.requestExcerpt.startsWith(QLatin1String("POST /customers/")));
        }
        if (job->lastErrorClass == QLatin1String("bad-request")) {
            ++refused;
            QCOMPARE(job->attempts, 1);
            QCOMPARE(*job->attemptLog.front().httpStatus, 400);
            QVERIFY(job->attemptLog.front().responseExcerpt.contains(QLatin1String("\"errors\"")));
        } else {
            ++gaveUp;
            QCOMPARE(job->lastErrorClass, QStringLiteral("server-error"));
            QCOMPARE(job->attempts, 8);
            for (std::size_t i = 1; i < job->attemptLog.size(); ++i)
                QVERIFY(job->attemptLog[i].startedAtMs > job->attemptLog[i - 1].startedAtMs + 20'000);
        }
    }
    QCOMPARE(refused, 2);
    QCOMPARE(gaveUp, 2);
}

void TestDemoQueue::needsReviewJobsAreEmailsWithoutAnswer()
{
    store::JobQueue queue = store::JobQueue::open(m_path);
    for (const store::Job& listed : m_jobs) {
        if (listed.state != JobState::NeedsReview)
            continue;
        QCOMPARE(listed.operation, QStringLiteral("app.sendEmail"));
        const std::optional<store::Job> job = queue.find(listed.id);
        QVERIFY(job);
        QCOMPARE(job->lastErrorClass, QStringLiteral("ambiguous"));
        QCOMPARE(int(job->attemptLog.size()), 1);
        QVERIFY(!job->attemptLog.front().httpStatus);
        QVERIFY(job->attemptLog.front().durationMs >= 10'000);
        QVERIFY(job->attemptLog.front().requestExcerpt.startsWith(QLatin1String("POST /send/email\n{")));
    }
}

void TestDemoQueue::retriesWaitAndPendingJobsAreNewest()
{
    std::int64_t oldestPending = std::numeric_limits<std::int64_t>::max();
    std::int64_t newestOther = 0;
    for (const store::Job& job : m_jobs) {
        if (job.state == JobState::Pending) {
            QCOMPARE(job.attempts, 0);
            oldestPending = std::min(oldestPending, job.createdAtMs);
        } else {
            newestOther = std::max(newestOther, job.createdAtMs);
        }
        if (job.state == JobState::RetryScheduled) {
            QCOMPARE(job.attempts, 1);
            QVERIFY(job.notBeforeMs > job.updatedAtMs);
            QVERIFY(job.lastErrorClass == QLatin1String("rate-limited") ||
                    job.lastErrorClass == QLatin1String("server-error"));
        }
        if (job.state == JobState::Discarded)
            QVERIFY(!job.discardReason.isEmpty());
        if (job.state == JobState::Succeeded)
            QVERIFY(job.attempts == 1 || job.attempts == 2);
        QVERIFY(job.createdAtMs <= job.updatedAtMs);
        QVERIFY(job.updatedAtMs <= kNowMs);
    }
    QVERIFY(oldestPending > newestOther);
}

void TestDemoQueue::trackEventsCarryUniqueUlidsOfTheirEvent()
{
    QHash<QString, std::int64_t> eventTimes;
    for (const DemoEvent& event : m_history.events())
        eventTimes.insert(QJsonDocument::fromJson(event.raw).object().value(QStringLiteral("id")).toString(),
                          event.created);
    QSet<QString> ids;
    for (const store::Job& job : m_jobs) {
        if (job.operation != QLatin1String("track.track"))
            continue;
        const auto request = delivery::requestOf(job);
        QVERIFY(request);
        const QJsonObject body = QJsonDocument::fromJson(request->body).object();
        const QString ulid = body.value(QStringLiteral("id")).toString();
        QVERIFY2(customerio::UlidGenerator::isValid(ulid), qPrintable(ulid));
        QCOMPARE(request->idempotencyId, ulid);
        QVERIFY2(!ids.contains(ulid), qPrintable(ulid));
        ids.insert(ulid);
        QVERIFY(eventTimes.contains(job.eventId));
        QCOMPARE(body.value(QStringLiteral("timestamp")).toInteger(), eventTimes.value(job.eventId));
        // The ULID is made when the job is, a moment after the event.
        const auto made = std::int64_t(customerio::UlidGenerator::timeOf(ulid));
        QVERIFY(made >= eventTimes.value(job.eventId) * 1000);
        QVERIFY(made < eventTimes.value(job.eventId) * 1000 + 5000);
    }
    QVERIFY(ids.size() > 20);
}

void TestDemoQueue::sendingStaysPaused()
{
    store::JobQueue queue = store::JobQueue::open(m_path);
    const store::PauseState pause = queue.pauseState();
    QVERIFY(pause.paused);
    QCOMPARE(pause.reason, DemoQueue::pauseReason());
    QCOMPARE(pause.changedAtMs, kNowMs);
}

void TestDemoQueue::setupFillsTheQueueAndRepeatsIt()
{
    // The full default demo, as the console and the CLI make it.
    DemoOptions options;
    options.endTime = kEndTime;
    const QString path = m_dir.filePath(QStringLiteral("setup.sqlite"));
    QElapsedTimer timer;
    timer.start();
    const DemoSetupResult setup = createIndexedDemoStore(path, options, false, kNowMs);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(setup.queued, qPrintable(setup.store.message));
    QVERIFY(setup.indexed);
    QVERIFY(setup.queue.total > 1000);
    QVERIFY(setup.queue.total <= int(setup.history.events().size()));
    QCOMPARE(setup.queue.count(JobState::NeedsReview), 3);
    QCOMPARE(setup.queue.count(JobState::Dead), 4);
    store::JobQueue queue = store::JobQueue::open(path);
    QCOMPARE(int(allJobs(queue).size()), setup.queue.total);

    // Writing the queue again onto the same events gives the same queue. How long it takes is reported, not
    // asserted: timings belong to the benchmarks, and a shared machine makes any bound here flaky.
    const QString timed = m_dir.filePath(QStringLiteral("timed.sqlite"));
    QCOMPARE(DemoStore::write(timed, setup.history, false, kNowMs).status, DemoStoreResult::Status::Written);
    timer.restart();
    const DemoQueueSummary again = DemoQueue::write(timed, setup.history, kNowMs);
    const qint64 queueMs = timer.elapsed();
    QCOMPARE(again.byState, setup.queue.byState);
    qInfo() << "demo setup" << elapsed << "ms, of which the queue" << queueMs << "ms";
}

QTEST_GUILESS_MAIN(TestDemoQueue)
#include "tst_demoqueue.moc"
