// DeliveryService end to end: a real store in a temporary folder, the loopback Customer.io stand-in, real
// HTTP. Covers delivery, rate limits, retries, unknown outcomes, pauses and the one-deliverer lock.

#include "customerio/customeriorequest.h"
#include "delivery/deliveryservice.h"
#include "delivery/jobrequest.h"
#include "store/database.h"
#include "store/jobqueue.h"
#include "store/sqlite.h"
#include "support/customeriotestserver.h"
#include "support/tempstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

using namespace billbridge;
using namespace std::chrono_literals;
using customerio::CustomerIoRequest;
using delivery::DeliveryConfig;
using delivery::DeliveryService;
using store::JobState;
using test::CustomerIoTestServer;
using Fault = CustomerIoTestServer::Fault;

namespace {

CustomerIoRequest identify(const QString& customer)
{
    customerio::IdentifyAttributes attributes;
    attributes.email = customer + QStringLiteral("@example.com");
    attributes.createdAt = 1700000000;
    attributes.attributes = {{QStringLiteral("plan"), QStringLiteral("pro")}};
    return customerio::requests::identify(customer, attributes);
}

CustomerIoRequest trackEvent(const QString& customer, const QString& ulid)
{
    customerio::TrackEvent event;
    event.name = QStringLiteral("invoice_paid");
    event.ulid = ulid;
    event.timestamp = 1700000100;
    event.data = {{QStringLiteral("amount"), 1999}, {QStringLiteral("currency"), QStringLiteral("eur")}};
    return customerio::requests::trackEvent(customer, event);
}

CustomerIoRequest sendEmail(const QString& customer)
{
    customerio::TransactionalEmail email;
    email.to = customer + QStringLiteral("@example.com");
    email.identifier = customer;
    email.transactionalMessageId = 3;
    email.messageData = {{QStringLiteral("invoice"), QStringLiteral("in_1")}};
    return customerio::requests::sendEmail(email);
}

CustomerIoRequest triggerBroadcast()
{
    customerio::BroadcastAudience audience;
    audience.kind = customerio::BroadcastAudience::Kind::Ids;
    audience.people = {QStringLiteral("cus_1"), QStringLiteral("cus_2")};
    return customerio::requests::triggerBroadcast(QStringLiteral("9"), {{QStringLiteral("promo"), true}},
                                                  audience);
}

QString ulid(int n)
{
    return QStringLiteral("01HF8Y3ZQ5J7W1V9X2K4M6N%1").arg(n, 3, 10, QLatin1Char('0'));
}

// One test's world: a store, the server, and a configuration pointing at both.
struct World {
    test::TempStore temp;
    CustomerIoTestServer server;
    std::unique_ptr<store::JobQueue> queue;

    bool start()
    {
        if (!server.start())
            return false;
        queue = std::make_unique<store::JobQueue>(store::JobQueue::open(temp.path()));
        return true;
    }

    DeliveryConfig config() const
    {
        DeliveryConfig config;
        config.databasePath = temp.path();
        const QString base = server.baseUrl().toString();
        config.endpoints = customerio::CustomerIoEndpoints::resolve(customerio::Region::Us, base, base);
        config.credentials = {QString::fromLatin1(CustomerIoTestServer::kDefaultSiteId),
                              QString::fromLatin1(CustomerIoTestServer::kDefaultTrackKey),
                              QString::fromLatin1(CustomerIoTestServer::kDefaultAppKey)};
        config.requestTimeout = 400ms;
        config.pollInterval = 10ms;
        // Seconds instead of hours, the same policy.
        config.retry.backoff = {300ms, 600ms, 900ms};
        config.retry.jitter = 0.0;
        config.retry.rateLimitBase = 250ms;
        return config;
    }

    std::int64_t add(const CustomerIoRequest& request, const QString& key)
    {
        return queue->enqueue(delivery::jobFor(request, QStringLiteral("cus_1"), key)).id;
    }

    JobState state(std::int64_t id) const { return queue->find(id).value().state; }
    store::Job job(std::int64_t id) const { return queue->find(id).value(); }

    bool allIn(const std::vector<std::int64_t>& ids, JobState wanted) const
    {
        return std::all_of(ids.begin(), ids.end(), [&](std::int64_t id) { return state(id) == wanted; });
    }
};

} // namespace

class TestDeliveryService : public QObject {
    Q_OBJECT

private slots:
    void deliversEveryLaneWithTheStoredBodies()
    {
        World world;
        QVERIFY(world.start());
        const std::vector<CustomerIoRequest> requests = {
            identify(QStringLiteral("cus_1")), trackEvent(QStringLiteral("cus_1"), ulid(1)),
            sendEmail(QStringLiteral("cus_1")), triggerBroadcast()};
        std::vector<std::int64_t> ids;
        for (std::size_t i = 0; i < requests.size(); ++i)
            ids.push_back(world.add(requests[i], QStringLiteral("k%1").arg(i)));

        DeliveryService service(world.config());
        QSignalSpy idle(&service, &DeliveryService::idle);
        QSignalSpy changed(&service, &DeliveryService::jobsChanged);
        QVERIFY2(service.start(), qPrintable(service.errorString()));
        QVERIFY(service.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(world.allIn(ids, JobState::Succeeded), 5000);
        QTRY_VERIFY(idle.count() >= 1);
        QVERIFY(changed.count() >= 1);

        QCOMPARE(world.server.requestCount(), 4);
        for (const CustomerIoRequest& request : requests) {
            const auto& received = world.server.requests();
            const auto match = std::find_if(received.begin(), received.end(),
                                            [&](const auto& r) { return r.target == request.wireTarget(); });
            QVERIFY2(match != received.end(), request.wireTarget().constData());
            QCOMPARE(match->method, request.verb);
            QCOMPARE(match->body, request.body); // byte for byte what the builder made
        }
        const store::Job event = world.job(ids[1]);
        QCOMPARE(event.attempts, 1);
        QCOMPARE(event.attemptLog.size(), std::size_t(1));
        QCOMPARE(event.attemptLog[0].httpStatus, 200);
        QVERIFY(event.attemptLog[0].errorClass.isEmpty());
        QVERIFY(
            event.attemptLog[0].requestExcerpt.startsWith(QLatin1String("POST /customers/cus_1/events\n{")));
        QCOMPARE(event.attemptLog[0].responseExcerpt, QStringLiteral("{}"));

        const delivery::DeliveryStats stats = service.stats();
        QCOMPARE(stats.attempts, 4);
        QCOMPARE(stats.succeeded, 4);
        QCOMPARE(stats.inFlight, 0);
        service.stop();
        QVERIFY(!service.isRunning());
        // The totals outlive the run, for the report a command prints when it stops.
        QCOMPARE(service.stats().succeeded, 4);
        service.stop(); // twice is fine
    }

    void enqueuedLaterIsFoundByPollingAndWake()
    {
        World world;
        QVERIFY(world.start());
        DeliveryService service(world.config());
        QVERIFY(service.start());
        const std::int64_t polled = world.add(identify(QStringLiteral("cus_2")), QStringLiteral("p"));
        QTRY_COMPARE_WITH_TIMEOUT(world.state(polled), JobState::Succeeded, 3000);
        const std::int64_t woken = world.add(identify(QStringLiteral("cus_3")), QStringLiteral("w"));
        service.wake();
        QTRY_COMPARE_WITH_TIMEOUT(world.state(woken), JobState::Succeeded, 3000);
    }

    void rateLimitWithRetryAfterHoldsTheLane()
    {
        World world;
        QVERIFY(world.start());
        world.server.failNext(Fault{429,
                                    QByteArrayLiteral("Too Many Requests"),
                                    {{"Retry-After", "1"}, {"Content-Type", "text/plain"}}});
        const std::int64_t first =
            world.add(trackEvent(QStringLiteral("cus_1"), ulid(1)), QStringLiteral("a"));
        DeliveryService service(world.config());
        QVERIFY(service.start());
        QTRY_COMPARE(world.server.requestCount(), 1);
        QTRY_COMPARE(world.state(first), JobState::RetryScheduled);
        // Work arriving during the wait waits too: the whole lane is held, not just the job.
        const std::int64_t second =
            world.add(trackEvent(QStringLiteral("cus_1"), ulid(2)), QStringLiteral("b"));
        service.wake();
        QTRY_VERIFY_WITH_TIMEOUT(world.allIn({first, second}, JobState::Succeeded), 5000);
        const auto& arrivals = world.server.arrivalsMs();
        QCOMPARE(arrivals.size(), std::size_t(3));
        QVERIFY2(arrivals[1] - arrivals[0] >= 950, qPrintable(QString::number(arrivals[1] - arrivals[0])));
        const store::Job job = world.job(first);
        QCOMPARE(job.attempts, 2);
        QCOMPARE(job.attemptLog[0].httpStatus, 429);
        QCOMPARE(job.attemptLog[0].errorClass, QStringLiteral("rate-limited"));
    }

    void rateLimitWithoutRetryAfterBacksOff()
    {
        World world;
        QVERIFY(world.start());
        world.server.failNext(Fault::rateLimited(), 2);
        const std::int64_t id = world.add(identify(QStringLiteral("cus_1")), QStringLiteral("a"));
        DeliveryService service(world.config());
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Succeeded, 5000);
        const auto& arrivals = world.server.arrivalsMs();
        QCOMPARE(arrivals.size(), std::size_t(3));
        // 250 ms, then 500 ms (exponential, no jitter in this schedule).
        QVERIFY(arrivals[1] - arrivals[0] >= 240);
        QVERIFY(arrivals[2] - arrivals[1] >= 490);
        QCOMPARE(world.job(id).attempts, 3);
    }

    void serverErrorsAreRetriedOnTheSchedule()
    {
        World world;
        QVERIFY(world.start());
        world.server.failNext(Fault::serverError(500));
        world.server.failNext(Fault::serverError(502));
        const std::int64_t id = world.add(identify(QStringLiteral("cus_1")), QStringLiteral("a"));
        DeliveryService service(world.config());
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Succeeded, 5000);
        const auto& arrivals = world.server.arrivalsMs();
        QCOMPARE(arrivals.size(), std::size_t(3));
        QVERIFY2(arrivals[1] - arrivals[0] >= 290, qPrintable(QString::number(arrivals[1] - arrivals[0])));
        QVERIFY2(arrivals[2] - arrivals[1] >= 590, qPrintable(QString::number(arrivals[2] - arrivals[1])));
        const store::Job job = world.job(id);
        QCOMPARE(job.attempts, 3);
        QCOMPARE(job.attemptLog[0].httpStatus, 500);
        QCOMPARE(job.attemptLog[0].errorClass, QStringLiteral("server-error"));
        QVERIFY(job.attemptLog[0].responseExcerpt.contains(QLatin1String("Internal Server Error")));
        QCOMPARE(job.attemptLog[1].httpStatus, 502);
        QCOMPARE(job.attemptLog[2].httpStatus, 200);
        QVERIFY(job.lastError.isEmpty());
    }

    void failuresEndInDeadAfterMaxAttempts()
    {
        World world;
        QVERIFY(world.start());
        world.server.failNext(Fault::serverError(503), 3);
        const std::int64_t id = world.add(identify(QStringLiteral("cus_1")), QStringLiteral("a"));
        DeliveryConfig config = world.config();
        config.limits.maxAttempts = 3;
        DeliveryService service(config);
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Dead, 5000);
        const store::Job job = world.job(id);
        QCOMPARE(job.attempts, 3);
        QCOMPARE(job.lastErrorClass, QStringLiteral("server-error"));
        QVERIFY(job.lastError.contains(QLatin1String("3 failed attempts")));
    }

    void timedOutTrackEventIsResentWithTheSameId()
    {
        World world;
        QVERIFY(world.start());
        world.server.failNext(Fault::silence());
        const CustomerIoRequest event = trackEvent(QStringLiteral("cus_1"), ulid(7));
        const std::int64_t id = world.add(event, QStringLiteral("a"));
        DeliveryService service(world.config());
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Succeeded, 5000);
        QCOMPARE(world.server.requestCount(), 2);
        QCOMPARE(world.server.requests()[0].body, event.body);
        QCOMPARE(world.server.requests()[1].body, event.body);
        QVERIFY(event.body.contains(ulid(7).toLatin1()));
        const store::Job job = world.job(id);
        QVERIFY(!job.attemptLog[0].httpStatus.has_value());
        QCOMPARE(job.attemptLog[0].errorClass, QStringLiteral("ambiguous"));
    }

    void timedOutEmailNeedsReviewAndIsNotResent()
    {
        World world;
        QVERIFY(world.start());
        world.server.failNext(Fault::silence());
        const std::int64_t id = world.add(sendEmail(QStringLiteral("cus_1")), QStringLiteral("a"));
        DeliveryService service(world.config());
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::NeedsReview, 5000);
        // Longer than the first backoff: nothing is sent again on its own.
        QTest::qWait(500);
        QCOMPARE(world.server.requestCount(), 1);
        QCOMPARE(world.state(id), JobState::NeedsReview);
        QVERIFY(world.job(id).lastError.contains(QLatin1String("may have received")));
        QCOMPARE(service.stats().needsReview, 1);
    }

    void refusedRequestsAreDeadWithCustomerIosWords_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("said");
        QTest::newRow("422 meta.error") << 422 << QByteArray(R"({"meta":{"error":"email is invalid"}})")
                                        << QStringLiteral("email is invalid");
        QTest::newRow("400 errors[]") << 400 << QByteArray(R"({"errors":[{"detail":"missing name"}]})")
                                      << QStringLiteral("missing name");
        QTest::newRow("400 not JSON") << 400 << QByteArray("Bad Request: body unreadable")
                                      << QStringLiteral("Bad Request: body unreadable");
        QTest::newRow("400 broken JSON")
            << 400 << QByteArray("{\"errors\":[{\"det") << QStringLiteral("{\"errors\":[{\"det");
    }

    void refusedRequestsAreDeadWithCustomerIosWords()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, said);
        World world;
        QVERIFY(world.start());
        world.server.failNext(Fault{status, body, {}, false});
        const std::int64_t id = world.add(sendEmail(QStringLiteral("cus_1")), QStringLiteral("a"));
        DeliveryService service(world.config());
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Dead, 5000);
        const store::Job job = world.job(id);
        QCOMPARE(job.attempts, 1);
        QCOMPARE(job.lastErrorClass, QStringLiteral("bad-request"));
        QVERIFY2(job.lastError.contains(said), qPrintable(job.lastError));
        QCOMPARE(job.attemptLog[0].httpStatus, status);
        QCOMPARE(world.server.requestCount(), 1);
    }

    void unreadablePayloadIsDeadWithoutARequest()
    {
        World world;
        QVERIFY(world.start());
        store::NewJob damaged;
        damaged.operation = QStringLiteral("track.identify");
        damaged.idempotencyKey = QStringLiteral("damaged");
        damaged.payload = {{QStringLiteral("verb"), QStringLiteral("FETCH")}};
        const std::int64_t id = world.queue->enqueue(damaged).id;
        DeliveryService service(world.config());
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Dead, 3000);
        QCOMPARE(world.job(id).lastErrorClass, QStringLiteral("unreadable-payload"));
        QCOMPARE(world.server.requestCount(), 0);
    }

    void credentialFailuresPauseTheQueueUntilResumed_data()
    {
        QTest::addColumn<bool>("app");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::newRow("401 track") << false << 401 << QStringLiteral("Track API key (401)");
        QTest::newRow("301 wrong datacenter") << true << 301 << QStringLiteral("in the EU region: choose EU");
    }

    void credentialFailuresPauseTheQueueUntilResumed()
    {
        QFETCH(bool, app);
        QFETCH(int, status);
        QFETCH(QString, reason);
        World world;
        QVERIFY(world.start());
        world.server.failNext(status == 301 ? Fault::wrongDatacenter(customerio::Region::Eu)
                                            : Fault::unauthorized());
        std::vector<std::int64_t> ids;
        for (int i = 0; i < 5; ++i)
            ids.push_back(world.add(app ? sendEmail(QStringLiteral("cus_%1").arg(i))
                                        : trackEvent(QStringLiteral("cus_1"), ulid(i)),
                                    QStringLiteral("k%1").arg(i)));
        DeliveryConfig config = world.config();
        config.limits.concurrency = 1;
        DeliveryService service(config);
        QSignalSpy paused(&service, &DeliveryService::queuePaused);
        QSignalSpy resumed(&service, &DeliveryService::queueResumed);
        QVERIFY(service.start());
        QTRY_COMPARE(paused.count(), 1);
        QVERIFY2(paused.at(0).at(0).toString().contains(reason), qPrintable(paused.at(0).at(0).toString()));
        const store::PauseState state = world.queue->pauseState();
        QVERIFY(state.paused);
        QCOMPARE(state.reason, paused.at(0).at(0).toString());
        // Nothing more goes out; the refused job is back in line and the others never left.
        QTest::qWait(300);
        QCOMPARE(world.server.requestCount(), 1);
        QVERIFY(world.allIn(ids, JobState::Pending));
        QCOMPARE(world.job(ids[0]).attempts, 1);

        QCOMPARE(resumed.count(), 0);
        world.queue->resume();
        QTRY_VERIFY_WITH_TIMEOUT(world.allIn(ids, JobState::Succeeded), 5000);
        QCOMPARE(world.server.requestCount(), 6);
        QCOMPARE(paused.count(), 1);
        QCOMPARE(resumed.count(), 1);
    }

    void pauseByAnotherConnectionIsRespected()
    {
        World world;
        QVERIFY(world.start());
        world.queue->pause(QStringLiteral("maintenance"));
        const std::int64_t id = world.add(identify(QStringLiteral("cus_1")), QStringLiteral("a"));
        DeliveryService service(world.config());
        QSignalSpy paused(&service, &DeliveryService::queuePaused);
        QVERIFY(service.start());
        QTRY_COMPARE(paused.count(), 1);
        QCOMPARE(paused.at(0).at(0).toString(), QStringLiteral("maintenance"));
        QTest::qWait(200);
        QCOMPARE(world.state(id), JobState::Pending);
        world.queue->resume();
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Succeeded, 3000);
    }

    void trackLaneKeepsItsRate()
    {
        World world;
        QVERIFY(world.start());
        std::vector<std::int64_t> ids;
        for (int i = 0; i < 60; ++i)
            ids.push_back(
                world.add(trackEvent(QStringLiteral("cus_1"), ulid(i)), QStringLiteral("k%1").arg(i)));
        DeliveryConfig config = world.config();
        config.limits.trackPerSecond = 20.0;
        DeliveryService service(config);
        QVERIFY(service.start());
        // A cheap condition: this thread also serves the requests, and its delays would blur their times.
        QTRY_COMPARE_WITH_TIMEOUT(world.server.requestCount(), 60, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(world.allIn(ids, JobState::Succeeded), 5000);
        const auto& arrivals = world.server.arrivalsMs();
        QCOMPARE(arrivals.size(), std::size_t(60));
        // rate × T + capacity (2) in every window. Times are taken where the requests arrive, so each window
        // is widened by 50 ms for the scheduling jitter of a loaded machine between sending and arriving.
        for (std::size_t i = 0; i < arrivals.size(); ++i) {
            for (std::size_t j = i; j < arrivals.size(); ++j) {
                const double seconds = static_cast<double>(arrivals[j] - arrivals[i] + 50) / 1000.0;
                const double allowed = 20.0 * seconds + 2.0;
                QVERIFY2(static_cast<double>(j - i + 1) <= allowed,
                         qPrintable(QStringLiteral("%1 requests in %2 ms")
                                        .arg(j - i + 1)
                                        .arg(arrivals[j] - arrivals[i])));
            }
        }
        // And it does use its rate: 60 requests take about (60 - 2) / 20 s.
        QVERIFY(arrivals.back() - arrivals.front() < 4500);
    }

    void secondServiceOnTheSameStoreIsRefused()
    {
        World world;
        QVERIFY(world.start());
        DeliveryService first(world.config());
        QVERIFY(first.start());
        DeliveryService second(world.config());
        QVERIFY(!second.start());
        QVERIFY(!second.isRunning());
        const QString error = second.errorString();
        QVERIFY2(error.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(error));
        QVERIFY2(error.contains(QSysInfo::machineHostName()), qPrintable(error));
        first.stop();
        QVERIFY2(second.start(), qPrintable(second.errorString()));
    }

    void stopAbortsWhatOutlivesTheGraceAndRecoversIt()
    {
        World world;
        QVERIFY(world.start());
        world.server.setAnswerDelay(3s);
        const std::int64_t safe = world.add(identify(QStringLiteral("cus_1")), QStringLiteral("a"));
        const std::int64_t unsafe = world.add(sendEmail(QStringLiteral("cus_1")), QStringLiteral("b"));
        DeliveryConfig config = world.config();
        config.requestTimeout = 10s;
        DeliveryService service(config);
        QVERIFY(service.start());
        QTRY_COMPARE(world.server.requestCount(), 2);
        QCOMPARE(service.stats().inFlight, 2);
        service.stop(200ms);
        QVERIFY(!service.isRunning());
        // The identify is resent on the next start; the email may have gone out and waits for an operator.
        QCOMPARE(world.state(safe), JobState::Pending);
        QCOMPARE(world.state(unsafe), JobState::NeedsReview);
        // The lock is free again, and the identify goes out on the next start.
        DeliveryService again(world.config());
        QVERIFY(again.start());
        QTRY_COMPARE(world.server.requestCount(), 3);
        QCOMPARE(world.server.requests()[2].body, world.server.requests()[0].body);
    }

    void unlimitedDeliveryKeepsUp()
    {
        World world;
        QVERIFY(world.start());
        constexpr int kJobs = 3000;
        {
            store::SqliteConnection connection = store::Database::openForWriting(world.temp.path());
            store::SqliteTransaction transaction(connection);
            for (int i = 0; i < kJobs; ++i)
                store::JobQueue::enqueueIn(connection,
                                           delivery::jobFor(identify(QStringLiteral("cus_%1").arg(i)),
                                                            QString(), QStringLiteral("k%1").arg(i)),
                                           1);
            transaction.commit();
        }
        DeliveryConfig config = world.config();
        config.limits.unlimited = true;
        config.requestTimeout = 10s;
        DeliveryService service(config);
        QSignalSpy idle(&service, &DeliveryService::idle);
        QSignalSpy changed(&service, &DeliveryService::jobsChanged);
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY(service.start());
        QTRY_VERIFY_WITH_TIMEOUT(idle.count() >= 1 && service.stats().succeeded == kJobs, 60000);
        const double perSecond = kJobs * 1000.0 / static_cast<double>(std::max<qint64>(1, elapsed.elapsed()));
        qInfo("delivered %d jobs at %.0f jobs/s", kJobs, perSecond);
        // A floor that holds on a loaded debug build; the benchmark figure is the line above.
        QVERIFY(perSecond > 100.0);
        QCOMPARE(world.queue->counts()[JobState::Succeeded], kJobs);
        // Coalesced: at most one notification per 100 ms (and one at the start of a burst).
        QVERIFY2(changed.count() <= elapsed.elapsed() / 100 + 2,
                 qPrintable(QString::number(changed.count())));
        QCOMPARE(world.server.requestCount(), kJobs);
    }

    void broadcastWaitingForItsTokenStaysPending()
    {
        World world;
        QVERIFY(world.start());
        const std::int64_t first = world.add(triggerBroadcast(), QStringLiteral("b1"));
        store::NewJob another = delivery::jobFor(triggerBroadcast(), {}, QStringLiteral("b2"));
        const std::int64_t second = world.queue->enqueue(another).id;
        DeliveryService service(world.config()); // one broadcast per 10 s
        QVERIFY(service.start());
        QTRY_COMPARE(world.state(first), JobState::Succeeded);
        // Other lanes are not held up by the waiting broadcast.
        const std::int64_t identifyJob = world.add(identify(QStringLiteral("cus_1")), QStringLiteral("i"));
        service.wake();
        QTRY_COMPARE(world.state(identifyJob), JobState::Succeeded);
        QTest::qWait(300);
        QCOMPARE(world.state(second), JobState::Pending);
        QCOMPARE(world.server.requestCount(), 2);
        QCOMPARE(service.stats().inFlight, 0);
    }

    void missingCredentialsPauseUntilFixedAndResumed()
    {
        World world;
        QVERIFY(world.start());
        const std::int64_t id = world.add(identify(QStringLiteral("cus_1")), QStringLiteral("a"));
        DeliveryConfig config = world.config();
        const customerio::CustomerIoCredentials good = config.credentials;
        config.credentials = {};
        DeliveryService service(config);
        QSignalSpy paused(&service, &DeliveryService::queuePaused);
        QSignalSpy idle(&service, &DeliveryService::idle);
        QVERIFY(service.start());
        QTRY_COMPARE(paused.count(), 1);
        QVERIFY2(paused.at(0).at(0).toString().contains(QLatin1String("Connections")),
                 qPrintable(paused.at(0).at(0).toString()));
        QTRY_VERIFY(idle.count() >= 1); // paused with nothing in flight is at rest
        QCOMPARE(world.server.requestCount(), 0);
        QCOMPARE(world.state(id), JobState::Pending);

        service.setCredentials(good);
        QTest::qWait(100);
        QCOMPARE(world.state(id), JobState::Pending); // still paused until resumed
        world.queue->resume();
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Succeeded, 3000);
        const store::Job job = world.job(id);
        QCOMPARE(job.attempts, 2);
        QCOMPARE(job.attemptLog[0].errorClass, QStringLiteral("not-sent"));
    }

    void limitsFromSettings()
    {
        QTemporaryDir dir;
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_deliveryservice"));
        {
            QSettings settings;
            settings.setValue(QStringLiteral("delivery/trackPerSecond"), 40.5);
            settings.setValue(QStringLiteral("delivery/appPerSecond"), -3);
            settings.setValue(QStringLiteral("delivery/broadcastPerSecond"), QStringLiteral("fast"));
            settings.setValue(QStringLiteral("delivery/concurrency"), 4);
            settings.setValue(QStringLiteral("delivery/maxAttempts"), 0);
        }
        const delivery::DeliveryLimits limits = delivery::DeliveryLimits::fromSettings();
        const delivery::DeliveryLimits defaults;
        QCOMPARE(limits.trackPerSecond, 40.5);
        QCOMPARE(limits.appPerSecond, defaults.appPerSecond);
        QCOMPARE(limits.transactionalPerSecond, defaults.transactionalPerSecond);
        QCOMPARE(limits.broadcastPerSecond, defaults.broadcastPerSecond);
        QCOMPARE(limits.concurrency, 4);
        QCOMPARE(limits.maxAttempts, defaults.maxAttempts);
        QVERIFY(limits.validate().isEmpty());
        delivery::DeliveryLimits wrong;
        wrong.concurrency = 0;
        QVERIFY(wrong.validate().contains(QLatin1String("in flight")));
        wrong = {};
        wrong.maxAttempts = 51;
        QVERIFY(wrong.validate().contains(QLatin1String("Attempts")));
    }

    void unusableLimitsAreRefused()
    {
        World world;
        QVERIFY(world.start());
        DeliveryConfig config = world.config();
        config.limits.appPerSecond = 0.0;
        QVERIFY(config.limits.validate().contains(QLatin1String("App API")));
        DeliveryService service(config);
        QVERIFY(!service.start());
        QVERIFY(service.errorString().contains(QLatin1String("App API")));
        QVERIFY(delivery::DeliveryLimits{}.validate().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeliveryService)
#include "tst_deliveryservice.moc"
