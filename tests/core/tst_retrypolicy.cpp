// RetryPolicy: every verdict, from answers classified by the real CustomerIoError::fromHttp.

#include "customerio/customeriorequest.h"
#include "delivery/jobrequest.h"
#include "delivery/retrypolicy.h"
#include "store/jobrecord.h"

#include <QTest>
#include <QTimeZone>

using namespace billbridge;
using customerio::CustomerIoError;
using customerio::CustomerIoErrorKind;
using customerio::CustomerIoResult;
using delivery::RetryDecision;
using delivery::RetryInput;
using delivery::RetryPolicy;
using delivery::RetryVerdict;

namespace {

constexpr std::int64_t kNow = 1'700'000'000'000;

const QDateTime kNowDate = QDateTime::fromMSecsSinceEpoch(kNow, Qt::UTC);

CustomerIoResult answer(int status, const QByteArray& body = {}, const QByteArray& retryAfter = {},
                        const QByteArray& location = {})
{
    CustomerIoResult result;
    result.httpStatus = status;
    result.body = body;
    result.excerpt = body;
    if (status < 200 || status >= 300)
        result.error = CustomerIoError::fromHttp(status, body, retryAfter, location, kNowDate);
    return result;
}

CustomerIoResult failure(CustomerIoErrorKind kind, const QString& detail = QStringLiteral("no answer"))
{
    CustomerIoResult result;
    result.error = CustomerIoError::local(kind, detail);
    return result;
}

RetryInput inputFor(const customerio::CustomerIoRequest& request, const CustomerIoResult& result,
                    int attempt = 1, int rateLimitedBefore = 0)
{
    RetryInput input;
    input.operation = request.operation;
    input.payload = delivery::payloadOf(request);
    input.attempt = attempt;
    input.rateLimitedBefore = rateLimitedBefore;
    input.result = result;
    input.nowMs = kNow;
    return input;
}

customerio::CustomerIoRequest trackEvent(bool withId = true)
{
    customerio::TrackEvent event;
    event.name = QStringLiteral("invoice_paid");
    if (withId)
        event.ulid = QStringLiteral("01HF8Y3ZQ5J7W1V9X2K4M6N8P0");
    return customerio::requests::trackEvent(QStringLiteral("cus_1"), event);
}

customerio::CustomerIoRequest identify()
{
    customerio::IdentifyAttributes attributes;
    attributes.email = QStringLiteral("ada@example.com");
    return customerio::requests::identify(QStringLiteral("cus_1"), attributes);
}

customerio::CustomerIoRequest sendEmail()
{
    customerio::TransactionalEmail email;
    email.to = QStringLiteral("ada@example.com");
    email.identifier = QStringLiteral("cus_1");
    email.transactionalMessageId = 7;
    return customerio::requests::sendEmail(email);
}

customerio::CustomerIoRequest broadcast()
{
    return customerio::requests::triggerBroadcast(QStringLiteral("12"),
                                                  QJsonObject{{QStringLiteral("a"), 1}});
}

const auto kMiddle = [] { return 0.5; };
const auto kLow = [] { return 0.0; };
const auto kHigh = [] { return 0.999999; };

} // namespace

class TestRetryPolicy : public QObject {
    Q_OBJECT

private slots:
    void successIsSucceeded()
    {
        const RetryPolicy policy;
        for (int status : {200, 201, 202, 204}) {
            const RetryDecision decision = policy.decide(inputFor(identify(), answer(status, "{}")), kMiddle);
            QCOMPARE(decision.verdict, RetryVerdict::Succeeded);
            QVERIFY(decision.errorClass.isEmpty());
        }
    }

    void rateLimitedHonoursRetryAfterCappedAtAnHour()
    {
        const RetryPolicy policy;
        RetryDecision decision =
            policy.decide(inputFor(trackEvent(), answer(429, "Too Many Requests", "7")), kHigh);
        QCOMPARE(decision.verdict, RetryVerdict::RetryAt);
        QCOMPARE(decision.retryAtMs, kNow + 7'000);
        QCOMPARE(decision.holdLaneUntilMs, kNow + 7'000);
        QCOMPARE(decision.errorClass, QString::fromLatin1(store::kRateLimitedErrorClass));

        decision = policy.decide(inputFor(trackEvent(), answer(429, {}, "86400")), kMiddle);
        QCOMPARE(decision.retryAtMs, kNow + 3'600'000);
    }

    void rateLimitedWithoutRetryAfterBacksOffExponentially()
    {
        const RetryPolicy policy;
        const auto first = policy.decide(inputFor(identify(), answer(429), 1, 0), kMiddle);
        QCOMPARE(first.verdict, RetryVerdict::RetryAt);
        QCOMPARE(first.retryAtMs, kNow + 1'000);
        QCOMPARE(first.holdLaneUntilMs, first.retryAtMs);
        const auto fourth = policy.decide(inputFor(identify(), answer(429), 4, 3), kMiddle);
        QCOMPARE(fourth.retryAtMs, kNow + 8'000);
        // Jitter stays within ±20 %, and the delay is capped at five minutes.
        QCOMPARE(policy.decide(inputFor(identify(), answer(429), 4, 3), kLow).retryAtMs, kNow + 6'400);
        QVERIFY(policy.decide(inputFor(identify(), answer(429), 4, 3), kHigh).retryAtMs <= kNow + 9'600);
        QCOMPARE(policy.decide(inputFor(identify(), answer(429), 30, 29), kMiddle).retryAtMs, kNow + 300'000);
    }

    void rateLimitsDoNotCountTowardsMaxAttemptsButTheCapDoes()
    {
        const RetryPolicy policy;
        // Seven 429s and seven failures before: the eighth failure is the last one allowed...
        QCOMPARE(policy.decide(inputFor(identify(), answer(500), 14, 7), kMiddle).verdict,
                 RetryVerdict::RetryAt);
        QCOMPARE(policy.decide(inputFor(identify(), answer(500), 15, 7), kMiddle).verdict,
                 RetryVerdict::Dead);
        // ... 429s keep a job alive up to the safety cap of 50 attempts in all.
        QCOMPARE(policy.decide(inputFor(identify(), answer(429), 49, 48), kMiddle).verdict,
                 RetryVerdict::RetryAt);
        const auto capped = policy.decide(inputFor(identify(), answer(429), 50, 49), kMiddle);
        QCOMPARE(capped.verdict, RetryVerdict::Dead);
        QVERIFY(capped.message.contains(QLatin1String("50 attempts")));
    }

    void transientFailuresFollowTheScheduleWithJitter_data()
    {
        QTest::addColumn<int>("attempt");
        QTest::addColumn<qint64>("delayMs");
        QTest::newRow("1") << 1 << qint64(30'000);
        QTest::newRow("2") << 2 << qint64(120'000);
        QTest::newRow("3") << 3 << qint64(600'000);
        QTest::newRow("4") << 4 << qint64(1'800'000);
        QTest::newRow("5") << 5 << qint64(3'600'000);
        QTest::newRow("6") << 6 << qint64(10'800'000);
        QTest::newRow("7") << 7 << qint64(21'600'000);
    }

    void transientFailuresFollowTheScheduleWithJitter()
    {
        QFETCH(int, attempt);
        QFETCH(qint64, delayMs);
        const RetryPolicy policy;
        const auto middle = policy.decide(inputFor(identify(), answer(503), attempt), kMiddle);
        QCOMPARE(middle.verdict, RetryVerdict::RetryAt);
        QCOMPARE(middle.retryAtMs, kNow + delayMs);
        QCOMPARE(middle.errorClass, QStringLiteral("server-error"));
        QCOMPARE(middle.holdLaneUntilMs, 0);
        QCOMPARE(policy.decide(inputFor(identify(), answer(503), attempt), kLow).retryAtMs,
                 kNow + delayMs * 8 / 10);
        const std::int64_t high = policy.decide(inputFor(identify(), answer(503), attempt), kHigh).retryAtMs;
        QVERIFY(high > kNow + delayMs * 119 / 100 && high <= kNow + delayMs * 12 / 10);
    }

    void everyTransientKindIsRetriedThenDead_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::newRow("500") << -1 << 500;
        QTest::newRow("502") << -1 << 502;
        QTest::newRow("408") << -1 << 408;
        QTest::newRow("timeout") << static_cast<int>(CustomerIoErrorKind::Timeout) << 0;
        QTest::newRow("network") << static_cast<int>(CustomerIoErrorKind::Network) << 0;
        QTest::newRow("unexpected") << static_cast<int>(CustomerIoErrorKind::UnexpectedAnswer) << 0;
        QTest::newRow("ambiguous") << static_cast<int>(CustomerIoErrorKind::Ambiguous) << 0;
        QTest::newRow("504") << -1 << 504;
    }

    void everyTransientKindIsRetriedThenDead()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        const CustomerIoResult result = kind < 0 ? answer(status, "<html>bad gateway</html>")
                                                 : failure(static_cast<CustomerIoErrorKind>(kind));
        const RetryPolicy policy;
        // A Track event with an id is deduplicated by Customer.io, so even an unknown outcome is resent.
        QCOMPARE(policy.decide(inputFor(trackEvent(), result, 1), kMiddle).verdict, RetryVerdict::RetryAt);
        QCOMPARE(policy.decide(inputFor(trackEvent(), result, 7), kMiddle).verdict, RetryVerdict::RetryAt);
        const auto dead = policy.decide(inputFor(trackEvent(), result, 8), kMiddle);
        QCOMPARE(dead.verdict, RetryVerdict::Dead);
        QVERIFY(dead.message.startsWith(QLatin1String("Gave up after 8 failed attempts")));
    }

    void shorterScheduleForInstallationsAndTests()
    {
        delivery::RetrySchedule schedule;
        schedule.maxAttempts = 3;
        schedule.backoff = {std::chrono::milliseconds(100), std::chrono::milliseconds(200)};
        schedule.jitter = 0.0;
        const RetryPolicy policy(schedule);
        QCOMPARE(policy.decide(inputFor(identify(), answer(500), 1), kHigh).retryAtMs, kNow + 100);
        QCOMPARE(policy.decide(inputFor(identify(), answer(500), 2), kHigh).retryAtMs, kNow + 200);
        QCOMPARE(policy.decide(inputFor(identify(), answer(500), 3), kHigh).verdict, RetryVerdict::Dead);
    }

    void badRequestIsDeadAtOnceWithCustomerIosWords_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("said");
        QTest::newRow("400 errors[]") << 400 << QByteArray(R"({"errors":[{"detail":"name is required"}]})")
                                      << QStringLiteral("name is required");
        QTest::newRow("422 meta.error") << 422 << QByteArray(R"({"meta":{"error":"email is invalid"}})")
                                        << QStringLiteral("email is invalid");
        QTest::newRow("404") << 404 << QByteArray(R"({"errors":[{"detail":"not found","status":"404"}]})")
                             << QStringLiteral("not found");
        QTest::newRow("409") << 409 << QByteArray(R"({"meta":{"errors":["conflict"]}})")
                             << QStringLiteral("conflict");
        QTest::newRow("413 not JSON")
            << 413 << QByteArray("Request Entity Too Large") << QStringLiteral("Request Entity Too Large");
        QTest::newRow("400 malformed JSON")
            << 400 << QByteArray(R"({"errors":[{"detail":)") << QStringLiteral(R"({"errors":[{"detail":)");
    }

    void badRequestIsDeadAtOnceWithCustomerIosWords()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, said);
        const RetryPolicy policy;
        const auto decision = policy.decide(inputFor(sendEmail(), answer(status, body), 1), kMiddle);
        QCOMPARE(decision.verdict, RetryVerdict::Dead);
        QCOMPARE(decision.errorClass, QStringLiteral("bad-request"));
        QVERIFY2(decision.message.contains(said), qPrintable(decision.message));
        QVERIFY(decision.message.contains(QString::number(status)));
    }

    void credentialsAndRegionPauseTheQueue()
    {
        const RetryPolicy policy;
        auto decision = policy.decide(inputFor(trackEvent(), answer(401, "Unauthorized")), kMiddle);
        QCOMPARE(decision.verdict, RetryVerdict::PauseQueue);
        QCOMPARE(decision.message,
                 QStringLiteral("Customer.io rejected the Track API key (401): check the site id "
                                "and key in Connections, then resume the queue"));
        decision = policy.decide(
            inputFor(sendEmail(), answer(401, R"({"errors":[{"detail":"Unauthorized request"}]})")), kMiddle);
        QCOMPARE(decision.verdict, RetryVerdict::PauseQueue);
        QVERIFY(decision.message.contains(QLatin1String("App API key (401)")));
        decision =
            policy.decide(inputFor(sendEmail(), answer(403, R"({"errors":[{"detail":"no"}]})")), kMiddle);
        QCOMPARE(decision.verdict, RetryVerdict::PauseQueue);
        QVERIFY(decision.message.contains(QLatin1String("(403)")));

        decision =
            policy.decide(inputFor(broadcast(), answer(301, R"({"errors":[{"detail":"wrong datacenter"}]})",
                                                       {}, "https://api-eu.customer.io/v1/workspaces")),
                          kMiddle);
        QCOMPARE(decision.verdict, RetryVerdict::PauseQueue);
        QCOMPARE(decision.errorClass, QStringLiteral("wrong-region"));
        QVERIFY2(decision.message.contains(QLatin1String("in the EU region: choose EU in Connections")),
                 qPrintable(decision.message));

        decision = policy.decide(
            inputFor(identify(), failure(CustomerIoErrorKind::NotSent, QStringLiteral("no Track API key"))),
            kMiddle);
        QCOMPARE(decision.verdict, RetryVerdict::PauseQueue);
        QVERIFY(decision.message.contains(QLatin1String("no Track API key")));
        QVERIFY(decision.message.contains(QLatin1String("Connections")));
    }

    void unknownOutcomeOfAnUnsafeRequestNeedsReview_data()
    {
        QTest::addColumn<bool>("ambiguous");
        QTest::newRow("ambiguous timeout") << true;
        QTest::newRow("504") << false;
    }

    void unknownOutcomeOfAnUnsafeRequestNeedsReview()
    {
        QFETCH(bool, ambiguous);
        const CustomerIoResult result =
            ambiguous ? failure(CustomerIoErrorKind::Ambiguous) : answer(504, "timeout");
        const RetryPolicy policy;
        for (const auto& request : {sendEmail(), broadcast(), trackEvent(false)}) {
            const auto decision = policy.decide(inputFor(request, result, 1), kMiddle);
            QCOMPARE(decision.verdict, RetryVerdict::NeedsReview);
            QVERIFY(decision.message.contains(QLatin1String("may have received")));
        }
        QCOMPARE(policy.decide(inputFor(identify(), result, 1), kMiddle).verdict, RetryVerdict::RetryAt);
        // A plain timeout means the request did not leave: even an email is sent again.
        QCOMPARE(
            policy.decide(inputFor(sendEmail(), failure(CustomerIoErrorKind::Timeout), 1), kMiddle).verdict,
            RetryVerdict::RetryAt);
    }

    void unreadablePayloadIsDead()
    {
        const RetryPolicy policy;
        RetryInput input;
        input.operation = QStringLiteral("track.identify");
        input.unreadableReason = QStringLiteral("the stored request has no usable path");
        input.nowMs = kNow;
        const auto decision = policy.decide(input, kMiddle);
        QCOMPARE(decision.verdict, RetryVerdict::Dead);
        QCOMPARE(decision.errorClass, QString::fromLatin1(RetryPolicy::kUnreadablePayload));
        QVERIFY(decision.message.contains(QLatin1String("no usable path")));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
