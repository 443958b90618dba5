// The console's in-process intake over real loopback HTTP, a real SQLite store and the local Stripe server.

#include "intake/intakeservice.h"
#include "store/eventstore.h"
#include "support/fixtures.h"
#include "support/offthread.h"
#include "support/rawhttpclient.h"
#include "support/stripetestserver.h"
#include "support/syntheticevents.h"
#include "support/tempstore.h"

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace billbridge;
using namespace std::chrono_literals;
using intake::IntakeCredentials;
using intake::IntakeError;
using intake::IntakeOptions;
using intake::IntakeService;
using test::Fixtures;
using test::minimalEvent;
using test::offThread;
using test::RawHttpClient;
using test::RawHttpResponse;
using test::StripeTestServer;

namespace {

QByteArray signNow(const QByteArray& body, const QList<QByteArray>& secrets = {Fixtures::webhookSecret()})
{
    return Fixtures::signatureHeader(body, QDateTime::currentSecsSinceEpoch(), secrets);
}

RawHttpResponse post(quint16 port, const QByteArray& body, const QByteArray& signature)
{
    const QByteArray request = RawHttpClient::webhookRequest(body, signature);
    return offThread([port, request] {
        RawHttpClient client;
        return client.connectTo(port) ? client.request(request) : RawHttpResponse{};
    });
}

} // namespace

class TestIntakeService final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void signedWebhookIsStoredAndAnnounced();
    void badSignatureIsRejectedAndNothingStored();
    void portInUseSaysWhatToDo();
    void missingWebhookSecretRefusesToStart();
    void unusableStoreIsReported();
    void remoteAddressNeedsPermission();
    void secondStartIsRefused();
    void pollerPicksUpEventsFromStripe();
    void missingApiKeyLeavesPollingOff();
    void stopSettlesThenRestartWorks();
    void destroyingWhileRunningLosesNothing();

private:
    IntakeOptions options(quint16 port = 0) const;
    static IntakeCredentials credentials(const QString& apiKey = {});
    bool startAndWait(IntakeService& service, const IntakeOptions& options,
                      const IntakeCredentials& credentials);
    std::int64_t storedCount() const { return store::EventStore::openForReading(m_store->path()).count(); }

    std::unique_ptr<test::TempStore> m_store;
};

void TestIntakeService::init()
{
    m_store = std::make_unique<test::TempStore>();
    QVERIFY(m_store->isValid());
}

void TestIntakeService::cleanup()
{
    m_store.reset();
}

IntakeOptions TestIntakeService::options(quint16 port) const
{
    IntakeOptions result;
    result.storePath = m_store->path();
    result.port = port;
    result.poll = false;
    return result;
}

IntakeCredentials TestIntakeService::credentials(const QString& apiKey)
{
    IntakeCredentials result;
    result.webhookSecrets = {Fixtures::webhookSecret()};
    result.apiKey = apiKey;
    return result;
}

bool TestIntakeService::startAndWait(IntakeService& service, const IntakeOptions& options,
                                     const IntakeCredentials& credentials)
{
    QSignalSpy listening(&service, &IntakeService::listening);
    QSignalSpy failed(&service, &IntakeService::startFailed);
    const IntakeError error = service.start(options, credentials);
    if (error.isError()) {
        qWarning() << error.message;
        return false;
    }
    if (!QTest::qWaitFor([&] { return !listening.isEmpty() || !failed.isEmpty(); }, 10000))
        return false;
    if (!failed.isEmpty())
        qWarning() << failed.first().first().value<IntakeError>().message;
    return !listening.isEmpty() && service.isRunning();
}

void TestIntakeService::signedWebhookIsStoredAndAnnounced()
{
    IntakeService service;
    QSignalSpy states(&service, &IntakeService::stateChanged);
    QVERIFY(startAndWait(service, options(), credentials()));
    QVERIFY(service.port() != 0);
    QCOMPARE(service.listenAddress(), QStringLiteral("127.0.0.1:%1").arg(service.port()));
    QCOMPARE(states.count(), 2); // Starting, Running
    QVERIFY(!service.isPolling());
    QVERIFY(service.sharedWriter() != nullptr);

    QSignalSpy stored(&service, &IntakeService::eventsStored);
    const QByteArray body = Fixtures::load(Fixtures::names().constFirst());
    const RawHttpResponse response = post(service.port(), body, signNow(body));
    QCOMPARE(response.status, 200);
    QCOMPARE(storedCount(), 1);
    QVERIFY(stored.wait(5000) || !stored.isEmpty());
    QCOMPARE(stored.first().at(1).toInt(), 1);
    QVERIFY(stored.first().at(0).toLongLong() >= 1);

    // A burst of deliveries arrives as few signals whose counts add up, each on the owner's thread.
    stored.clear();
    for (int i = 0; i < 5; ++i) {
        const QByteArray next = minimalEvent(QStringLiteral("evt_IntakeBurst%1").arg(i).toLatin1());
        QCOMPARE(post(service.port(), next, signNow(next)).status, 200);
    }
    int total = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            total = 0;
            for (const auto& arguments : stored)
                total += arguments.at(1).toInt();
            return total >= 5;
        },
        5000));
    QCOMPARE(total, 5);
    QCOMPARE(storedCount(), 6);

    QSignalSpy figures(&service, &IntakeService::receiverStatsChanged);
    QVERIFY(figures.wait(3000));
    QCOMPARE(service.receiverStats().stored, 6);

    // The search index follows the intake and says how far it got.
    QVERIFY(QTest::qWaitFor(
        [&] {
            const intake::IntakeIndexProgress progress = service.indexProgressNow();
            return progress.latestSeq >= 6 && progress.indexedSeq == progress.latestSeq;
        },
        10000));
}

void TestIntakeService::badSignatureIsRejectedAndNothingStored()
{
    IntakeService service;
    QVERIFY(startAndWait(service, options(), credentials()));
    QSignalSpy stored(&service, &IntakeService::eventsStored);
    const QByteArray body = minimalEvent("evt_IntakeForged");
    const RawHttpResponse response =
        post(service.port(), body, signNow(body, {"whsec_notTheConfiguredSecret000000"}));
    QCOMPARE(response.status, 400);
    QTest::qWait(200);
    QCOMPARE(storedCount(), 0);
    QVERIFY(stored.isEmpty());
}

void TestIntakeService::portInUseSaysWhatToDo()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const quint16 port = occupant.serverPort();

    IntakeService service;
    QSignalSpy failed(&service, &IntakeService::startFailed);
    QSignalSpy listening(&service, &IntakeService::listening);
    QVERIFY(!service.start(options(port), credentials()).isError());
    QVERIFY(failed.wait(10000));
    const auto error = failed.first().first().value<IntakeError>();
    QCOMPARE(error.kind, IntakeError::Kind::PortInUse);
    QCOMPARE(error.message, IntakeService::portInUseMessage(QHostAddress(QHostAddress::LocalHost), port));
    QVERIFY(error.message.contains(QStringLiteral("Port %1 on 127.0.0.1 is in use").arg(port)));
    QVERIFY(error.message.contains(QLatin1String("billbridge-cli serve")));
    QVERIFY(error.message.contains(QLatin1String("choose another port")));
    QCOMPARE(service.state(), IntakeService::State::Stopped);
    QCOMPARE(service.lastError().kind, IntakeError::Kind::PortInUse);
    QVERIFY(listening.isEmpty());

    // Once the port is free again the same service starts.
    occupant.close();
    QVERIFY(startAndWait(service, options(port), credentials()));
    QCOMPARE(service.port(), port);
}

void TestIntakeService::missingWebhookSecretRefusesToStart()
{
    IntakeService service;
    QSignalSpy failed(&service, &IntakeService::startFailed);
    QSignalSpy states(&service, &IntakeService::stateChanged);
    const IntakeError error = service.start(options(), IntakeCredentials{{}, QStringLiteral("sk_test_x")});
    QCOMPARE(error.kind, IntakeError::Kind::NoWebhookSecret);
    QCOMPARE(error.message, IntakeService::noWebhookSecretMessage());
    QVERIFY(error.message.contains(QLatin1String("Connections")));
    QVERIFY(error.message.contains(QLatin1String("whsec_")));
    QCOMPARE(failed.count(), 1);
    QVERIFY(states.isEmpty());
    QCOMPARE(service.state(), IntakeService::State::Stopped);
}

void TestIntakeService::unusableStoreIsReported()
{
    IntakeService service;
    IntakeOptions broken = options();
    // Something that is not a Billbridge store where the store should be.
    broken.storePath = m_store->directory() + QStringLiteral("/not-a-store.sqlite");
    QFile garbage(broken.storePath);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(8192, 'x'));
    garbage.close();
    QSignalSpy failed(&service, &IntakeService::startFailed);
    QVERIFY(!service.start(broken, credentials()).isError());
    QVERIFY(failed.wait(10000));
    const auto error = failed.first().first().value<IntakeError>();
    QCOMPARE(error.kind, IntakeError::Kind::StoreUnavailable);
    QVERIFY(error.message.contains(broken.storePath));
    QVERIFY(error.message.contains(QLatin1String("writable")));
    QCOMPARE(service.state(), IntakeService::State::Stopped);

    broken.storePath.clear();
    QCOMPARE(service.start(broken, credentials()).kind, IntakeError::Kind::StoreUnavailable);
}

void TestIntakeService::remoteAddressNeedsPermission()
{
    IntakeService service;
    IntakeOptions remote = options();
    remote.address = QHostAddress(QHostAddress::AnyIPv4);
    const IntakeError error = service.start(remote, credentials());
    QCOMPARE(error.kind, IntakeError::Kind::AddressRefused);
    QVERIFY(error.message.contains(QLatin1String("127.0.0.1")));
    QCOMPARE(service.state(), IntakeService::State::Stopped);
}

void TestIntakeService::secondStartIsRefused()
{
    IntakeService service;
    QVERIFY(startAndWait(service, options(), credentials()));
    const IntakeError error = service.start(options(), credentials());
    QCOMPARE(error.kind, IntakeError::Kind::AlreadyRunning);
    QVERIFY(error.message.contains(service.listenAddress()));
    QVERIFY(service.isRunning());
}

void TestIntakeService::pollerPicksUpEventsFromStripe()
{
    StripeTestServer stripe;
    QVERIFY(stripe.start());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY(stripe.addEvent(StripeTestServer::makeEvent(QStringLiteral("evt_1BbIntakePoll0001"),
                                                        QStringLiteral("invoice.paid"), now - 120)));

    IntakeService service;
    IntakeOptions polling = options();
    polling.poll = true;
    polling.pollInterval = 300ms;
    polling.stripeApiBase = stripe.baseUrl().toString();
    QSignalSpy runs(&service, &IntakeService::pollFinished);
    QSignalSpy stored(&service, &IntakeService::eventsStored);
    QVERIFY(
        startAndWait(service, polling, credentials(QString::fromLatin1(StripeTestServer::kDefaultApiKey))));
    QVERIFY(service.isPolling());

    // On an empty store the poller takes Stripe's newest event as its starting point…
    QVERIFY(QTest::qWaitFor([&] { return storedCount() == 1; }, 10000));
    QVERIFY(store::EventStore::openForReading(m_store->path())
                .find(QStringLiteral("evt_1BbIntakePoll0001"))
                .has_value());

    // …and then recovers what the receiver never got.
    QVERIFY(stripe.addEvent(StripeTestServer::makeEvent(QStringLiteral("evt_1BbIntakePoll0002"),
                                                        QStringLiteral("invoice.payment_failed"), now - 60)));
    QVERIFY(QTest::qWaitFor([&] { return storedCount() == 2; }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return !stored.isEmpty(); }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return !runs.isEmpty(); }, 5000));
    QVERIFY(service.lastPollAt().isValid());
    QVERIFY(service.lastPollError().isEmpty());
    for (const auto& request : stripe.requests())
        QCOMPARE(request.header("authorization"), QByteArray("Bearer ") + StripeTestServer::kDefaultApiKey);

    // A key Stripe rejects stops polling with a message, and the receiver keeps running.
    service.stop();
    QVERIFY(QTest::qWaitFor([&] { return service.state() == IntakeService::State::Stopped; }, 10000));
    stripe.setApiKey("sk_test_51BbSomeOtherKeyThatIsNotOurs0000000000");
    QSignalSpy pollFailed(&service, &IntakeService::pollFailed);
    QVERIFY(
        startAndWait(service, polling, credentials(QString::fromLatin1(StripeTestServer::kDefaultApiKey))));
    QVERIFY(pollFailed.wait(10000));
    QCOMPARE(pollFailed.first().at(1).toBool(), true);
    QVERIFY(!service.lastPollError().isEmpty());
    const QByteArray body = minimalEvent("evt_IntakeAfterPollFailure");
    QCOMPARE(post(service.port(), body, signNow(body)).status, 200);
}

void TestIntakeService::missingApiKeyLeavesPollingOff()
{
    IntakeService service;
    IntakeOptions polling = options();
    polling.poll = true;
    QSignalSpy notices(&service, &IntakeService::notice);
    QVERIFY(startAndWait(service, polling, credentials()));
    QVERIFY(!service.isPolling());
    QVERIFY(QTest::qWaitFor([&] { return !notices.isEmpty(); }, 2000));
    QVERIFY(notices.first().first().toString().contains(QLatin1String("Connections")));
}

void TestIntakeService::stopSettlesThenRestartWorks()
{
    IntakeService service;
    QVERIFY(startAndWait(service, options(), credentials()));
    const quint16 port = service.port();
    const QByteArray first = minimalEvent("evt_IntakeBeforeRestart");
    QCOMPARE(post(port, first, signNow(first)).status, 200);

    QSignalSpy stopped(&service, &IntakeService::stopped);
    service.stop();
    QCOMPARE(service.state(), IntakeService::State::Stopping);
    QVERIFY(stopped.wait(10000));
    QCOMPARE(service.state(), IntakeService::State::Stopped);
    QVERIFY(service.listenAddress().isEmpty());
    QCOMPARE(post(port, first, signNow(first)).status, -1); // nothing listens any more
    QVERIFY(service.sharedWriter() == nullptr);

    // Same port, same store: the writer closed cleanly and opens again.
    QVERIFY(startAndWait(service, options(port), credentials()));
    QCOMPARE(service.port(), port);
    const QByteArray second = minimalEvent("evt_IntakeAfterRestart");
    QCOMPARE(post(port, second, signNow(second)).status, 200);
    QCOMPARE(storedCount(), 2);

    // Stopping twice, or while stopped, is harmless.
    service.stop();
    service.stop();
    QVERIFY(stopped.wait(10000));
    service.stop();
    QCOMPARE(service.state(), IntakeService::State::Stopped);
}

void TestIntakeService::destroyingWhileRunningLosesNothing()
{
    auto service = std::make_unique<IntakeService>();
    QVERIFY(startAndWait(*service, options(), credentials()));
    const QByteArray body = minimalEvent("evt_IntakeBeforeDestruction");
    QCOMPARE(post(service->port(), body, signNow(body)).status, 200);
    service->stop(); // a stop in flight, then destruction: both must settle
    service.reset();
    QCOMPARE(storedCount(), 1);

    // Destroyed while still starting.
    service = std::make_unique<IntakeService>();
    QVERIFY(!service->start(options(), credentials()).isError());
    service.reset();
    QCOMPARE(storedCount(), 1);
}

QTEST_GUILESS_MAIN(TestIntakeService)
#include "tst_intakeservice.moc"
