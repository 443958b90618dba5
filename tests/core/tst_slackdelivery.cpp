// Slack posts through the real DeliveryService: a store in a temporary folder, the loopback Slack stand-in,
// real HTTP. Covers the exact body, each class of Slack answer, the lane's pace, and that the webhook URL
// (the credential) never reaches an attempt, an error or a job.

#include "customerio/customeriorequest.h"
#include "delivery/deliveryservice.h"
#include "delivery/jobrequest.h"
#include "slack/slackpost.h"
#include "slack/slackwebhooks.h"
#include "store/jobqueue.h"
#include "support/customeriotestserver.h"
#include "support/slacktestserver.h"
#include "support/tempstore.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace billbridge;
using namespace std::chrono_literals;
using delivery::DeliveryConfig;
using delivery::DeliveryService;
using store::JobState;
using test::SlackTestServer;
using Answer = SlackTestServer::Answer;

namespace {

const QString kSecretPart = QStringLiteral("xSecretPathTok3nQ7");
const QString kWebhook = QStringLiteral("billing-alerts");

struct World {
    test::TempStore temp;
    SlackTestServer slack;
    test::CustomerIoTestServer customerIo;
    std::unique_ptr<store::JobQueue> queue;
    QUrl webhookUrl;

    bool start()
    {
        if (!slack.start() || !customerIo.start())
            return false;
        webhookUrl = slack.addWebhook(kSecretPart);
        queue = std::make_unique<store::JobQueue>(store::JobQueue::open(temp.path()));
        return true;
    }

    DeliveryConfig config() const
    {
        DeliveryConfig config;
        config.databasePath = temp.path();
        const QString base = customerIo.baseUrl().toString();
        config.endpoints = customerio::CustomerIoEndpoints::resolve(customerio::Region::Us, base, base);
        config.credentials = {QString::fromLatin1(test::CustomerIoTestServer::kDefaultSiteId),
                              QString::fromLatin1(test::CustomerIoTestServer::kDefaultTrackKey),
                              QString::fromLatin1(test::CustomerIoTestServer::kDefaultAppKey)};
        config.requestTimeout = 500ms;
        config.pollInterval = 10ms;
        config.retry.backoff = {200ms, 300ms};
        config.retry.jitter = 0.0;
        config.limits.slackPerSecond = 50.0;
        config.slackWebhooks = {{kWebhook, webhookUrl}};
        return config;
    }

    std::int64_t post(const QByteArray& body, const QString& key, const QString& webhook = kWebhook)
    {
        store::NewJob job;
        job.operation = slack::kPostOperation;
        job.customerId = QStringLiteral("cus_1");
        job.idempotencyKey = key;
        job.payload = slack::payloadOf({webhook, body});
        return queue->enqueue(job).id;
    }

    store::Job job(std::int64_t id) const { return queue->find(id).value(); }
    JobState state(std::int64_t id) const { return job(id).state; }
};

// Nothing Billbridge keeps about a job may contain the webhook's secret path.
void verifyNoUrlIn(const store::Job& job)
{
    QVERIFY2(!job.lastError.contains(kSecretPart), qPrintable(job.lastError));
    QVERIFY(!QJsonDocument(job.payload).toJson().contains(kSecretPart.toUtf8()));
    for (const store::JobAttempt& attempt : job.attemptLog) {
        QVERIFY2(!attempt.requestExcerpt.contains(kSecretPart), qPrintable(attempt.requestExcerpt));
        QVERIFY2(!attempt.responseExcerpt.contains(kSecretPart), qPrintable(attempt.responseExcerpt));
        QVERIFY(!attempt.requestExcerpt.contains(QLatin1String("/services/T0000TEST")));
    }
}

} // namespace

class TestSlackDelivery : public QObject {
    Q_OBJECT

private slots:
    void webhookUrlsAreCheckedAndMasked()
    {
        const QString slackUrl = QStringLiteral("https://hooks.slack.com/services/T000/B000/abcdef");
        QVERIFY(slack::validateWebhookUrl(slackUrl, false).isEmpty());
        QVERIFY(!slack::validateWebhookUrl(QStringLiteral("http://hooks.slack.com/services/T/B/x"), false)
                     .isEmpty());
        QVERIFY(!slack::validateWebhookUrl(QStringLiteral("https://evil.example/services/T/B/x"), false)
                     .isEmpty());
        QVERIFY(!slack::validateWebhookUrl(QStringLiteral("https://hooks.slack.com/api/x"), false).isEmpty());
        const QString loopback = QStringLiteral("http://127.0.0.1:4000/services/T/B/x");
        QVERIFY(slack::validateWebhookUrl(loopback, false).contains(QLatin1String("--allow-loopback")));
        QVERIFY(slack::validateWebhookUrl(loopback, true).isEmpty());
        QVERIFY(!slack::validateWebhookUrl(QStringLiteral("http://10.0.0.1/services/T/B/x"), true).isEmpty());
        // The messages never repeat the URL.
        QVERIFY(!slack::validateWebhookUrl(QStringLiteral("https://evil.example/services/T/B/abcdef"), false)
                     .contains(QLatin1String("abcdef")));

        QCOMPARE(slack::maskedWebhookUrl(QUrl(slackUrl)), QStringLiteral("hooks.slack.com/services/•••"));
        QCOMPARE(slack::withoutWebhookUrl(
                     QStringLiteral("Error transferring %1 - server replied").arg(slackUrl), QUrl(slackUrl)),
                 QStringLiteral("Error transferring hooks.slack.com/services/••• - server replied"));
        QCOMPARE(slack::webhookVariable(QStringLiteral("Billing-Alerts")),
                 QStringLiteral("BILLBRIDGE_SLACK_WEBHOOK_BILLING_ALERTS"));
        QVERIFY(slack::isValidWebhookName(QStringLiteral("billing_alerts-2")));
        QVERIFY(!slack::isValidWebhookName(QStringLiteral("a/b")));
        QVERIFY(!slack::isValidWebhookName(QStringLiteral("-x")));
    }

    void deliversTheStoredBodyExactly()
    {
        World world;
        QVERIFY(world.start());
        const QByteArray body =
            QStringLiteral("{\"text\":\"Payment failed for cus_1: 19,99 € — retry on Monday\"}").toUtf8();
        const std::int64_t id = world.post(body, QStringLiteral("k1"));
        DeliveryService service(world.config());
        QVERIFY2(service.start(), qPrintable(service.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Succeeded, 5000);

        QCOMPARE(world.slack.requestCount(), 1);
        const test::RecordedRequest& request = world.slack.requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, world.webhookUrl.path().toUtf8());
        QCOMPARE(request.body, body);
        QVERIFY(request.header("content-type").startsWith("application/json"));
        QVERIFY(request.header("authorization").isEmpty());

        const store::Job job = world.job(id);
        QCOMPARE(job.attemptLog.size(), std::size_t(1));
        const store::JobAttempt& attempt = job.attemptLog.front();
        QCOMPARE(attempt.httpStatus, std::optional<int>(200));
        QCOMPARE(attempt.responseExcerpt, QStringLiteral("ok"));
        QVERIFY2(attempt.requestExcerpt.startsWith(
                     QStringLiteral("POST slack webhook \"billing-alerts\" (127.0.0.1:%1/services/•••)")
                         .arg(world.slack.port())),
                 qPrintable(attempt.requestExcerpt));
        QVERIFY(attempt.requestExcerpt.contains(QStringLiteral("19,99 €")));
        verifyNoUrlIn(job);
    }

    void refusalsAreDeadWithSlacksWords_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("word");
        QTest::addColumn<QString>("advice");
        QTest::newRow("400 invalid_payload")
            << 400 << QByteArray("invalid_payload") << QStringLiteral("template");
        QTest::newRow("403 invalid_token")
            << 403 << QByteArray("invalid_token") << QStringLiteral("connections set slack billing-alerts");
        QTest::newRow("404 no_service")
            << 404 << QByteArray("no_service") << QStringLiteral("connections set slack billing-alerts");
        QTest::newRow("404 channel_not_found")
            << 404 << QByteArray("channel_not_found") << QStringLiteral("channel is gone or archived");
    }

    void refusalsAreDeadWithSlacksWords()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, word);
        QFETCH(QString, advice);
        World world;
        QVERIFY(world.start());
        Answer refusal;
        refusal.status = status;
        refusal.body = word;
        world.slack.failNext(refusal);
        const std::int64_t id = world.post(R"({"text":"hello"})", QStringLiteral("k1"));
        DeliveryService service(world.config());
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Dead, 5000);
        const store::Job job = world.job(id);
        QCOMPARE(world.slack.requestCount(), 1); // never sent again
        QVERIFY2(job.lastError.contains(QString::fromLatin1(word)), qPrintable(job.lastError));
        QVERIFY2(job.lastError.contains(QStringLiteral("HTTP %1").arg(status)), qPrintable(job.lastError));
        QVERIFY2(job.lastError.contains(advice), qPrintable(job.lastError));
        QCOMPARE(job.attemptLog.front().responseExcerpt, QString::fromLatin1(word));
        verifyNoUrlIn(job);
        // One webhook's refusal says nothing about Customer.io: the queue goes on.
        QVERIFY(!world.queue->pauseState().paused);
    }

    void rateLimitedWaitsForRetryAfter()
    {
        World world;
        QVERIFY(world.start());
        world.slack.failNext(Answer::rateLimited(1));
        const std::int64_t id = world.post(R"({"text":"hello"})", QStringLiteral("k1"));
        QElapsedTimer elapsed;
        elapsed.start();
        DeliveryService service(world.config());
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Succeeded, 8000);
        QVERIFY2(elapsed.elapsed() >= 900, qPrintable(QString::number(elapsed.elapsed())));
        const store::Job job = world.job(id);
        QCOMPARE(job.attemptLog.size(), std::size_t(2));
        QCOMPARE(job.attemptLog.front().errorClass, QStringLiteral("rate-limited"));
        QCOMPARE(job.attemptLog.front().httpStatus, std::optional<int>(429));
        QCOMPARE(world.slack.requestCount(), 2);
    }

    void serverErrorsBackOffThenDie()
    {
        World world;
        QVERIFY(world.start());
        world.slack.failNext(Answer::serverError(), 2);
        const std::int64_t id = world.post(R"({"text":"hello"})", QStringLiteral("k1"));
        DeliveryConfig config = world.config();
        config.limits.maxAttempts = 2;
        DeliveryService service(config);
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Dead, 5000);
        const store::Job job = world.job(id);
        QCOMPARE(job.attempts, 2);
        QVERIFY2(job.lastError.contains(QStringLiteral("Gave up after 2 failed attempts")),
                 qPrintable(job.lastError));
        QVERIFY(job.lastError.contains(QStringLiteral("internal_error")));
        verifyNoUrlIn(job);
    }

    void serverErrorThenSuccessIsDelivered()
    {
        World world;
        QVERIFY(world.start());
        world.slack.failNext(Answer::serverError());
        const std::int64_t id = world.post(R"({"text":"hello"})", QStringLiteral("k1"));
        DeliveryService service(world.config());
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Succeeded, 5000);
        QCOMPARE(world.job(id).attempts, 2);
    }

    void missingWebhookIsDeadWithTheFixAndOthersGoOn()
    {
        World world;
        QVERIFY(world.start());
        const std::int64_t orphan =
            world.post(R"({"text":"hello"})", QStringLiteral("k1"), QStringLiteral("nowhere"));
        customerio::IdentifyAttributes attributes;
        attributes.email = QStringLiteral("ada@example.com");
        const std::int64_t identify =
            world.queue
                ->enqueue(
                    delivery::jobFor(customerio::requests::identify(QStringLiteral("cus_1"), attributes),
                                     QStringLiteral("cus_1"), QStringLiteral("k2")))
                .id;
        DeliveryService service(world.config());
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(orphan), JobState::Dead, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(world.state(identify), JobState::Succeeded, 5000);
        const store::Job job = world.job(orphan);
        QVERIFY2(job.lastError.contains(QStringLiteral("billbridge-cli connections set slack nowhere")),
                 qPrintable(job.lastError));
        QVERIFY(job.lastError.contains(QStringLiteral("BILLBRIDGE_SLACK_WEBHOOK_NOWHERE")));
        QCOMPARE(job.lastErrorClass, QStringLiteral("not-sent"));
        QCOMPARE(world.slack.requestCount(), 0);
        QVERIFY(!world.queue->pauseState().paused);
    }

    void environmentNamesAWebhook()
    {
        World world;
        QVERIFY(world.start());
        qputenv("BILLBRIDGE_SLACK_WEBHOOK_FROM_ENV", world.webhookUrl.toString().toUtf8());
        qputenv("BILLBRIDGE_SLACK_ALLOW_LOOPBACK", "1");
        const auto cleanup = qScopeGuard([] {
            qunsetenv("BILLBRIDGE_SLACK_WEBHOOK_FROM_ENV");
            qunsetenv("BILLBRIDGE_SLACK_ALLOW_LOOPBACK");
        });
        const std::int64_t id = world.post(R"({"text":"from the environment"})", QStringLiteral("k1"),
                                           QStringLiteral("from-env"));
        DeliveryConfig config = world.config();
        config.slackWebhooks.clear();
        DeliveryService service(config);
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Succeeded, 5000);
        QCOMPARE(world.slack.requests().first().body, QByteArray(R"({"text":"from the environment"})"));

        const slack::SlackWebhooksLoad load =
            slack::loadSlackWebhooks(nullptr, QProcessEnvironment::systemEnvironment());
        QVERIFY(load.problems.isEmpty());
        QCOMPARE(load.webhooks.count(QStringLiteral("from_env")), std::size_t(1));
        QCOMPARE(load.webhooks.at(QStringLiteral("from_env")).origin,
                 QStringLiteral("environment (BILLBRIDGE_SLACK_WEBHOOK_FROM_ENV)"));
    }

    void unknownOutcomeIsNotPostedTwice()
    {
        World world;
        QVERIFY(world.start());
        world.slack.failNext(Answer::silence());
        const std::int64_t id = world.post(R"({"text":"hello"})", QStringLiteral("k1"));
        DeliveryService service(world.config());
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::NeedsReview, 5000);
        QTest::qWait(300);
        QCOMPARE(world.slack.requestCount(), 1);
        verifyNoUrlIn(world.job(id));
    }

    void unreachableWebhookKeepsItsUrlOutOfErrors()
    {
        World world;
        QVERIFY(world.start());
        QUrl closed;
        {
            SlackTestServer gone;
            QVERIFY(gone.start());
            closed = gone.addWebhook(kSecretPart);
        }
        const std::int64_t id = world.post(R"({"text":"hello"})", QStringLiteral("k1"));
        DeliveryConfig config = world.config();
        config.slackWebhooks = {{kWebhook, closed}};
        config.limits.maxAttempts = 1;
        DeliveryService service(config);
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Dead, 5000);
        const store::Job job = world.job(id);
        QCOMPARE(job.lastErrorClass, QStringLiteral("network"));
        verifyNoUrlIn(job);
    }

    void unreadablePayloadIsDead()
    {
        World world;
        QVERIFY(world.start());
        const std::int64_t id = world.post("not json", QStringLiteral("k1"));
        DeliveryService service(world.config());
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.state(id), JobState::Dead, 5000);
        QCOMPARE(world.job(id).lastErrorClass, QStringLiteral("unreadable-payload"));
        QCOMPARE(world.slack.requestCount(), 0);
    }

    void slackLaneKeepsItsPace()
    {
        World world;
        QVERIFY(world.start());
        for (int i = 0; i < 3; ++i)
            world.post(R"({"text":"hello"})", QStringLiteral("k%1").arg(i));
        DeliveryConfig config = world.config();
        config.limits.slackPerSecond = 5.0;
        QElapsedTimer elapsed;
        elapsed.start();
        DeliveryService service(config);
        QVERIFY(service.start());
        QTRY_COMPARE_WITH_TIMEOUT(world.slack.requestCount(), 3, 5000);
        // Three posts at five a second cannot all go out within 0.35 s.
        QVERIFY2(elapsed.elapsed() >= 350, qPrintable(QString::number(elapsed.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestSlackDelivery)
#include "tst_slackdelivery.moc"
