// The webhook receiver over real loopback HTTP, writing to a real SQLite store.

#include "store/database.h"
#include "store/eventstore.h"
#include "store/eventwriter.h"
#include "stripe/signatureverifier.h"
#include "stripe/webhookreceiver.h"
#include "support/offthread.h"
#include "support/rawhttpclient.h"
#include "support/syntheticevents.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace billbridge;
using billbridge::test::minimalEvent;
using billbridge::test::offThread;
using billbridge::test::RawHttpClient;
using billbridge::test::RawHttpResponse;

namespace {

const QByteArray kSecret = "whsec_receiverTestSecretNumberOne0000001";
const QByteArray kRotatedSecret = "whsec_receiverTestSecretNumberTwo0000002";

QByteArray signNow(const QByteArray& body, const QList<QByteArray>& secrets = {kSecret})
{
    return stripe::SignatureVerifier::header(secrets, QDateTime::currentSecsSinceEpoch(), body);
}

QString errorCode(const RawHttpResponse& response)
{
    return QJsonDocument::fromJson(response.body)
        .object()
        .value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("code"))
        .toString();
}

QStringList capturedLog;
void captureLog(QtMsgType, const QMessageLogContext&, const QString& message)
{
    capturedLog << message;
}

} // namespace

class TestWebhookReceiver : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<store::EventWriter> m_writer;
    std::unique_ptr<stripe::WebhookReceiver> m_receiver;

    void startReceiver(stripe::WebhookReceiverConfig config = {})
    {
        config.port = 0;
        if (config.secrets.isEmpty())
            config.secrets = {kSecret};
        m_writer = std::make_unique<store::EventWriter>(m_path);
        m_writer->start();
        m_receiver = std::make_unique<stripe::WebhookReceiver>(config, *m_writer);
        QString error;
        QVERIFY2(m_receiver->start(&error), qPrintable(error));
    }

    RawHttpResponse post(const QByteArray& raw)
    {
        const quint16 port = m_receiver->port();
        return offThread([port, raw] {
            RawHttpClient client;
            return client.connectTo(port) ? client.request(raw) : RawHttpResponse{};
        });
    }

    std::int64_t storedCount() { return store::EventStore::openForReading(m_path).count(); }

private slots:
    void init()
    {
        m_path =
            m_dir.filePath(QStringLiteral("receiver-%1.sqlite").arg(QDateTime::currentMSecsSinceEpoch()));
    }

    void cleanup()
    {
        if (m_receiver)
            m_receiver->stopAccepting();
        if (m_writer)
            m_writer->stop();
        m_receiver.reset();
        m_writer.reset();
    }

    void signedEventIsStoredBeforeTheAnswer()
    {
        startReceiver();
        const QByteArray body = test::syntheticInvoicePaidEvent(*QRandomGenerator::global(), 1, 4000);
        const QByteArray signature = signNow(body);
        const RawHttpResponse response = post(RawHttpClient::webhookRequest(body, signature));
        QCOMPARE(response.status, 200);
        const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(answer.value(QLatin1String("duplicate")).toBool(true), false);
        const QString id = answer.value(QLatin1String("id")).toString();
        QVERIFY(id.startsWith(QLatin1String("evt_")));

        // Read through a separate connection right after the 200: the commit must already be visible.
        auto events = store::EventStore::openForReading(m_path);
        const auto stored = events.find(id);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->raw, body);
        QVERIFY(stored->source == store::EventSource::Webhook);
        QVERIFY(stored->verdict == store::SignatureVerdict::Verified);
        QCOMPARE(stored->signatureHeader, signature);
        QCOMPARE(stored->fields.type, QStringLiteral("invoice.paid"));
        QVERIFY(stored->fields.customerId.startsWith(QLatin1String("cus_")));
        QVERIFY(stored->receivedAtMs > 0);
    }

    void duplicateAnswers200AndKeepsTheFirstCopy()
    {
        startReceiver();
        const QByteArray first = minimalEvent("evt_DuplicateOne", "invoice.paid");
        QByteArray second = first;
        second.replace("\"pending_webhooks\":1", "\"pending_webhooks\":0");
        QCOMPARE(post(RawHttpClient::webhookRequest(first, signNow(first))).status, 200);
        const RawHttpResponse again = post(RawHttpClient::webhookRequest(second, signNow(second)));
        QCOMPARE(again.status, 200);
        QCOMPARE(QJsonDocument::fromJson(again.body).object().value(QLatin1String("duplicate")).toBool(),
                 true);
        auto events = store::EventStore::openForReading(m_path);
        QCOMPARE(events.count(), 1);
        const auto stored = events.find(QStringLiteral("evt_DuplicateOne"));
        QCOMPARE(stored->raw, first);
        QCOMPARE(stored->duplicateCount, 1);
        QCOMPARE(m_receiver->stats().duplicates, 1);
    }

    void rotatedSecretsAndSeveralEndpoints()
    {
        stripe::WebhookReceiverConfig config;
        config.secrets = {kSecret, kRotatedSecret};
        startReceiver(config);
        const QByteArray a = minimalEvent("evt_SignedWithNewSecret");
        const QByteArray b = minimalEvent("evt_SignedWithBothSecrets");
        const QByteArray c = minimalEvent("evt_SignedWithOtherSecret");
        QCOMPARE(post(RawHttpClient::webhookRequest(a, signNow(a, {kRotatedSecret}))).status, 200);
        QCOMPARE(
            post(RawHttpClient::webhookRequest(b, signNow(b, {"whsec_retiredSecret000000000000", kSecret})))
                .status,
            200);
        QCOMPARE(
            post(RawHttpClient::webhookRequest(c, signNow(c, {"whsec_unknownSecret0000000000000"}))).status,
            400);
        QCOMPARE(storedCount(), 2);
    }

    void rejectedRequests_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<QString>("code");
        const QByteArray body = minimalEvent("evt_Rejected");
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray good = stripe::SignatureVerifier::sign(kSecret, now, body);
        QTest::newRow("missing") << body << QByteArray() << QStringLiteral("missing_signature");
        QTest::newRow("wrong secret") << body << signNow(body, {"whsec_notTheConfiguredOne0000000"})
                                      << QStringLiteral("signature_mismatch");
        QByteArray changed = body;
        changed.replace("invoice.paid", "invoice.void");
        QTest::newRow("body changed") << changed << signNow(body) << QStringLiteral("signature_mismatch");
        QTest::newRow("stale") << body << stripe::SignatureVerifier::header({kSecret}, now - 301, body)
                               << QStringLiteral("stale_timestamp");
        QTest::newRow("v0 only") << body << ("t=" + QByteArray::number(now) + ",v0=" + good)
                                 << QStringLiteral("no_v1_signature");
        QTest::newRow("no timestamp")
            << body << ("v1=" + good) << QStringLiteral("malformed_signature_header");
        const QByteArray notJson = "{\"id\": \"evt_x\", \"object\": ";
        QTest::newRow("malformed json") << notJson << signNow(notJson) << QStringLiteral("malformed_event");
        const QByteArray notEvent = "{\"id\":\"in_123\",\"object\":\"invoice\"}";
        QTest::newRow("not an event") << notEvent << signNow(notEvent) << QStringLiteral("malformed_event");
    }

    void rejectedRequests()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, signature);
        QFETCH(QString, code);
        startReceiver();
        capturedLog.clear();
        const auto previous = qInstallMessageHandler(captureLog);
        const RawHttpResponse response = post(RawHttpClient::webhookRequest(body, signature));
        qInstallMessageHandler(previous);
        QCOMPARE(response.status, 400);
        QCOMPARE(errorCode(response), code);
        QCOMPARE(response.header("content-type"), QByteArray("application/json"));
        QCOMPARE(m_receiver->stats().rejected, 1);
        // Only the counter is written: no event, and the log line names the reason but none of the body.
        m_writer->stop();
        auto events = store::EventStore::openForReading(m_path);
        QCOMPARE(events.count(), 0);
        QCOMPARE(events.counter(QStringLiteral("webhook.rejected.") + code), 1);
        QCOMPARE(capturedLog.size(), 1);
        QVERIFY(capturedLog.first().contains(code));
        QVERIFY(!capturedLog.first().contains(QLatin1String("cus_")));
        QVERIFY(!capturedLog.first().contains(QLatin1String("whsec_")));
    }

    void oversizedBodyGets413WithoutBeingRead()
    {
        stripe::WebhookReceiverConfig config;
        config.maxBodyBytes = 4096;
        startReceiver(config);
        const quint16 port = m_receiver->port();
        // Only the head is sent: the answer must come from Content-Length alone.
        const RawHttpResponse response = offThread([port] {
            RawHttpClient client;
            client.connectTo(port);
            client.sendRaw("POST /stripe/webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n");
            return client.readResponse();
        });
        QCOMPARE(response.status, 413);
        QCOMPARE(errorCode(response), QStringLiteral("body_too_large"));
        const QByteArray big = minimalEvent("evt_Big") + QByteArray(5000, ' ');
        QCOMPARE(post(RawHttpClient::webhookRequest(big, signNow(big))).status, 413);
        QCOMPARE(m_receiver->stats().rejected, 2);
        QCOMPARE(storedCount(), 0);
    }

    void methodsAndPaths()
    {
        startReceiver();
        const RawHttpResponse get = post("GET /stripe/webhook HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(get.status, 405);
        QCOMPARE(get.header("allow"), QByteArray("POST"));
        const RawHttpResponse postHealth =
            post("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        QCOMPARE(postHealth.status, 405);
        QCOMPARE(postHealth.header("allow"), QByteArray("GET"));
        QCOMPARE(post("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n").status, 404);
        const QByteArray body = minimalEvent("evt_WrongPath");
        QCOMPARE(post(RawHttpClient::webhookRequest(body, signNow(body), "/webhook")).status, 404);
        QCOMPARE(storedCount(), 0);
    }

    void healthReportsFigures()
    {
        startReceiver();
        const QByteArray body = minimalEvent("evt_ForHealth", "customer.created", "cus_Health", true);
        QCOMPARE(post(RawHttpClient::webhookRequest(body, signNow(body))).status, 200);
        QCOMPARE(post(RawHttpClient::webhookRequest(body, QByteArrayLiteral("t=1,v1=00"))).status, 400);
        const RawHttpResponse health = post("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(health.status, 200);
        const QJsonObject figures = QJsonDocument::fromJson(health.body).object();
        QCOMPARE(figures.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(figures.value(QLatin1String("events_stored")).toInt(), 1);
        QCOMPARE(figures.value(QLatin1String("rejected")).toInt(), 1);
        QCOMPARE(figures.value(QLatin1String("mode")).toString(), QStringLiteral("live"));
        QCOMPARE(figures.value(QLatin1String("listen")).toString(),
                 QStringLiteral("127.0.0.1:%1").arg(m_receiver->port()));
    }

    void keepAliveCarriesManyRequests()
    {
        startReceiver();
        const quint16 port = m_receiver->port();
        const int answered = offThread([port] {
            RawHttpClient client;
            client.connectTo(port);
            int ok = 0;
            for (int i = 0; i < 50; ++i) {
                const QByteArray body = minimalEvent("evt_KeepAlive" + QByteArray::number(i));
                ok += client.request(RawHttpClient::webhookRequest(body, signNow(body))).status == 200;
            }
            return client.isConnected() ? ok : -1;
        });
        QCOMPARE(answered, 50);
        QCOMPARE(storedCount(), 50);
    }

    void nonLoopbackNeedsPermission()
    {
        m_writer = std::make_unique<store::EventWriter>(m_path);
        m_writer->start();
        stripe::WebhookReceiverConfig config;
        config.address = QHostAddress::AnyIPv4;
        config.port = 0;
        config.secrets = {kSecret};
        stripe::WebhookReceiver refused(config, *m_writer);
        QString error;
        QVERIFY(!refused.start(&error));
        QVERIFY(error.contains(QLatin1String("--allow-remote")));
        config.allowNonLoopback = true;
        stripe::WebhookReceiver allowed(config, *m_writer);
        QVERIFY2(allowed.start(&error), qPrintable(error));
        allowed.stop();
    }

    void noSecretMeansNoReceiver()
    {
        m_writer = std::make_unique<store::EventWriter>(m_path);
        m_writer->start();
        stripe::WebhookReceiverConfig config;
        config.port = 0;
        stripe::WebhookReceiver receiver(config, *m_writer);
        QString error;
        QVERIFY(!receiver.start(&error));
        QVERIFY(error.contains(QLatin1String("STRIPE_WEBHOOK_SECRET")));
    }

    void storeFailureAnswers503AndNothingIsAcknowledged()
    {
        startReceiver();
        const QByteArray before = minimalEvent("evt_BeforeFailure");
        QCOMPARE(post(RawHttpClient::webhookRequest(before, signNow(before))).status, 200);
        {
            // Another process breaks the schema under the writer's feet.
            auto vandal = store::SqliteConnection::open(m_path, store::SqliteConnection::Access::ReadWrite);
            vandal.exec("DROP TABLE events");
        }
        const QByteArray body = minimalEvent("evt_DuringFailure");
        const RawHttpResponse response = post(RawHttpClient::webhookRequest(body, signNow(body)));
        QCOMPARE(response.status, 503);
        QCOMPARE(errorCode(response), QStringLiteral("store_unavailable"));
        QCOMPARE(m_receiver->stats().storeFailures, 1);
    }
};

QTEST_GUILESS_MAIN(TestWebhookReceiver)
#include "tst_webhookreceiver.moc"
