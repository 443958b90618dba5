#include "home/receiverprobe.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using billbridge::widgets::ReceiverProbe;
using billbridge::widgets::ReceiverStatus;

namespace {

// A receiver stand-in on 127.0.0.1 with an ephemeral port, answering /healthz however a test wants.
class HealthServer final {
public:
    using Answer = std::function<QHttpServerResponse()>;

    explicit HealthServer(Answer answer)
    {
        m_tcp = new QTcpServer;
        if (!m_tcp->listen(QHostAddress::LocalHost, 0))
            qFatal("cannot listen on 127.0.0.1");
        m_port = m_tcp->serverPort();
        m_http.route(QStringLiteral("/healthz"), [answer, this] {
            ++m_requests;
            return answer();
        });
        m_http.bind(m_tcp);
    }

    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    int requests() const { return m_requests; }

private:
    QHttpServer m_http; // owns m_tcp once bound, and with it every open connection
    QTcpServer* m_tcp = nullptr;
    quint16 m_port = 0;
    int m_requests = 0;
};

QHttpServerResponse json(const QByteArray& body,
                         QHttpServerResponder::StatusCode status = QHttpServerResponder::StatusCode::Ok)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"), body, status);
}

// A port on 127.0.0.1 where, a moment ago, nobody listened and nobody listens now.
QString unusedAddress()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        qFatal("cannot listen on 127.0.0.1");
    const quint16 port = server.serverPort();
    server.close();
    return QStringLiteral("127.0.0.1:%1").arg(port);
}

} // namespace

class TestReceiverProbe final : public QObject {
    Q_OBJECT

private slots:
    void healthUrl_data();
    void healthUrl();
    void resolveAddressPrefersArgumentThenEnvironment();
    void runningReportsTheOptionalFields();
    void runningWithoutUsableBody();
    void oddFieldsAreReadDefensively();
    void oversizedAnswerStillMeansRunning();
    void stoppedReceiverBecomesNotReachable();
    void nonOkAnswerIsUnexpected_data();
    void nonOkAnswerIsUnexpected();
    void silentListenerTimesOut();
    void invalidAddressIsReportedWithoutNetwork();
    void destroyingDuringAProbeIsSafe();
};

void TestReceiverProbe::healthUrl_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected"); // empty: rejected
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:8787")
                          << QStringLiteral("http://127.0.0.1:8787/healthz");
    QTest::newRow("spaces") << QStringLiteral("  127.0.0.1:9000 ")
                            << QStringLiteral("http://127.0.0.1:9000/healthz");
    QTest::newRow("name") << QStringLiteral("localhost:8787")
                          << QStringLiteral("http://localhost:8787/healthz");
    QTest::newRow("ipv6") << QStringLiteral("[::1]:8787") << QStringLiteral("http://[::1]:8787/healthz");
    QTest::newRow("scheme") << QStringLiteral("http://127.0.0.1:8787")
                            << QStringLiteral("http://127.0.0.1:8787/healthz");
    QTest::newRow("scheme+slash") << QStringLiteral("http://127.0.0.1:8787/")
                                  << QStringLiteral("http://127.0.0.1:8787/healthz");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("no port") << QStringLiteral("127.0.0.1") << QString();
    QTest::newRow("port 0") << QStringLiteral("127.0.0.1:0") << QString();
    QTest::newRow("port too big") << QStringLiteral("127.0.0.1:70000") << QString();
    QTest::newRow("word") << QStringLiteral("nonsense") << QString();
    QTest::newRow("https") << QStringLiteral("https://127.0.0.1:8787") << QString();
    QTest::newRow("path") << QStringLiteral("127.0.0.1:8787/stripe/webhook") << QString();
    QTest::newRow("query") << QStringLiteral("127.0.0.1:8787?x=1") << QString();
    QTest::newRow("user") << QStringLiteral("http://me@127.0.0.1:8787") << QString();
}

void TestReceiverProbe::healthUrl()
{
    QFETCH(QString, address);
    QFETCH(QString, expected);
    const auto url = ReceiverProbe::healthUrl(address);
    if (expected.isEmpty()) {
        QVERIFY2(!url, qPrintable(url ? url->toString() : QString()));
        return;
    }
    QVERIFY(url);
    QCOMPARE(url->toString(), expected);
}

void TestReceiverProbe::resolveAddressPrefersArgumentThenEnvironment()
{
    qunsetenv("BILLBRIDGE_RECEIVER");
    QCOMPARE(ReceiverProbe::resolveAddress(QString()), QStringLiteral("127.0.0.1:8787"));
    qputenv("BILLBRIDGE_RECEIVER", "127.0.0.1:9999");
    QCOMPARE(ReceiverProbe::resolveAddress(QString()), QStringLiteral("127.0.0.1:9999"));
    QCOMPARE(ReceiverProbe::resolveAddress(QStringLiteral("localhost:1234")),
             QStringLiteral("localhost:1234"));
    qunsetenv("BILLBRIDGE_RECEIVER");
}

void TestReceiverProbe::runningReportsTheOptionalFields()
{
    HealthServer server([] {
        return json(R"({"status":"ok","events_stored":1234,"mode":"test","listen":"127.0.0.1:8787",)"
                    R"("version":"0.1.0","future_field":{"nested":[1,2,3]}})");
    });
    ReceiverProbe probe(server.address());
    QCOMPARE(probe.status().state, ReceiverStatus::State::Checking);
    QVERIFY(!probe.hasResult());
    QSignalSpy updates(&probe, &ReceiverProbe::updated);
    probe.probe();
    QVERIFY(updates.wait());
    const ReceiverStatus status = probe.status();
    QCOMPARE(status.state, ReceiverStatus::State::Running);
    QCOMPARE(status.address, server.address());
    QVERIFY(status.eventsStored);
    QCOMPARE(*status.eventsStored, std::int64_t(1234));
    QCOMPARE(status.mode, QStringLiteral("test"));
    QCOMPARE(status.listen, QStringLiteral("127.0.0.1:8787"));
    QCOMPARE(status.version, QStringLiteral("0.1.0"));
    QVERIFY(status.checkedAt.isValid());
    QCOMPARE(server.requests(), 1);
}

void TestReceiverProbe::runningWithoutUsableBody()
{
    HealthServer server(
        [] { return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok")); });
    ReceiverProbe probe(server.address());
    QSignalSpy updates(&probe, &ReceiverProbe::updated);
    probe.probe();
    QVERIFY(updates.wait());
    QCOMPARE(probe.status().state, ReceiverStatus::State::Running);
    QVERIFY(!probe.status().eventsStored);
    QVERIFY(probe.status().mode.isEmpty());
    QVERIFY(probe.status().listen.isEmpty());
}

void TestReceiverProbe::oddFieldsAreReadDefensively()
{
    HealthServer server([] {
        return json(R"({"events_stored":"77","mode":42,"listen":"0.0.0.0:8787\u0007\n",)"
                    R"("version":"0123456789012345678901234567890123456789"})");
    });
    ReceiverProbe probe(server.address());
    QSignalSpy updates(&probe, &ReceiverProbe::updated);
    probe.probe();
    QVERIFY(updates.wait());
    const ReceiverStatus status = probe.status();
    QCOMPARE(status.state, ReceiverStatus::State::Running);
    QVERIFY(status.eventsStored);
    QCOMPARE(*status.eventsStored, std::int64_t(77));
    QVERIFY(status.mode.isEmpty());                          // not a string: ignored
    QCOMPARE(status.listen, QStringLiteral("0.0.0.0:8787")); // control characters dropped
    QCOMPARE(status.version.size(), 32);                     // cut to a length a label can hold
    QVERIFY(status.version.endsWith(QChar(0x2026)));

    HealthServer negative([] { return json(R"({"events_stored":-5})"); });
    ReceiverProbe second(negative.address());
    QSignalSpy secondUpdates(&second, &ReceiverProbe::updated);
    second.probe();
    QVERIFY(secondUpdates.wait());
    QCOMPARE(second.status().state, ReceiverStatus::State::Running);
    QVERIFY(!second.status().eventsStored);
}

void TestReceiverProbe::oversizedAnswerStillMeansRunning()
{
    const QByteArray huge = "{\"mode\":\"" + QByteArray(512 * 1024, 'a') + "\"}";
    HealthServer server([huge] { return json(huge); });
    ReceiverProbe probe(server.address());
    QSignalSpy updates(&probe, &ReceiverProbe::updated);
    probe.probe();
    QVERIFY(updates.wait());
    QCOMPARE(probe.status().state, ReceiverStatus::State::Running);
    QVERIFY(probe.status().mode.isEmpty());
}

void TestReceiverProbe::stoppedReceiverBecomesNotReachable()
{
    auto server = std::make_unique<HealthServer>([] { return json(R"({"status":"ok"})"); });
    ReceiverProbe probe(server->address());
    probe.setInterval(std::chrono::milliseconds(50));
    probe.start();
    QTRY_COMPARE(probe.status().state, ReceiverStatus::State::Running);
    // Several probes, each on a fresh connection, so stopping the server is noticed at once.
    QTRY_VERIFY(server->requests() >= 3);

    server.reset();
    QTRY_COMPARE(probe.status().state, ReceiverStatus::State::NotReachable);
    QVERIFY2(!probe.status().detail.isEmpty(), "the reason should be kept for the operator");
    QVERIFY(!probe.status().eventsStored);

    probe.stop();
}

void TestReceiverProbe::nonOkAnswerIsUnexpected_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("503") << 503;
    QTest::newRow("404") << 404;
    QTest::newRow("302") << 302;
}

void TestReceiverProbe::nonOkAnswerIsUnexpected()
{
    QFETCH(int, status);
    HealthServer server([status] {
        return json(R"({"status":"starting"})", static_cast<QHttpServerResponder::StatusCode>(status));
    });
    ReceiverProbe probe(server.address());
    QSignalSpy updates(&probe, &ReceiverProbe::updated);
    probe.probe();
    QVERIFY(updates.wait());
    QCOMPARE(probe.status().state, ReceiverStatus::State::UnexpectedAnswer);
    QVERIFY2(probe.status().detail.startsWith(QStringLiteral("HTTP %1").arg(status)),
             qPrintable(probe.status().detail));
}

void TestReceiverProbe::silentListenerTimesOut()
{
    // Accepts connections and never answers, like a hung process.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    ReceiverProbe probe(QStringLiteral("127.0.0.1:%1").arg(silent.serverPort()));
    probe.setTimeout(std::chrono::milliseconds(200));
    QSignalSpy updates(&probe, &ReceiverProbe::updated);
    QElapsedTimer clock;
    clock.start();
    probe.probe();
    probe.probe(); // ignored: one probe at a time
    QVERIFY(updates.wait(5000));
    QCOMPARE(updates.count(), 1);
    QVERIFY(clock.elapsed() < 4000);
    QCOMPARE(probe.status().state, ReceiverStatus::State::NotReachable);
    QVERIFY2(probe.status().detail.contains(QLatin1String("0.2")), qPrintable(probe.status().detail));
}

void TestReceiverProbe::invalidAddressIsReportedWithoutNetwork()
{
    ReceiverProbe probe(QStringLiteral("not an address"));
    QCOMPARE(probe.status().state, ReceiverStatus::State::InvalidAddress);
    QVERIFY(probe.hasResult());
    QSignalSpy updates(&probe, &ReceiverProbe::updated);
    probe.probe();
    QCOMPARE(updates.count(), 1);
    QCOMPARE(probe.status().state, ReceiverStatus::State::InvalidAddress);
    QCOMPARE(probe.status().address, QStringLiteral("not an address"));
}

void TestReceiverProbe::destroyingDuringAProbeIsSafe()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    auto probe = std::make_unique<ReceiverProbe>(QStringLiteral("127.0.0.1:%1").arg(silent.serverPort()));
    QSignalSpy updates(probe.get(), &ReceiverProbe::updated);
    probe->probe();
    QVERIFY(silent.waitForNewConnection(2000) || silent.hasPendingConnections());
    probe.reset();
    QTest::qWait(50);
    QCOMPARE(updates.count(), 0);

    // And a refused port reports quickly rather than waiting for the timeout.
    ReceiverProbe refused(unusedAddress());
    QSignalSpy refusedUpdates(&refused, &ReceiverProbe::updated);
    refused.probe();
    QVERIFY(refusedUpdates.wait(2000));
    QCOMPARE(refused.status().state, ReceiverStatus::State::NotReachable);
}

QTEST_GUILESS_MAIN(TestReceiverProbe)
#include "tst_receiverprobe.moc"
