// The console's own delivery: credentials from the secret stores, the remembered choice, the status line,
// and real requests over loopback to the local Customer.io stand-in from a real store.

#include "connections/sessionsecretstore.h"
#include "customerio/customeriorequest.h"
#include "delivery/consoledelivery.h"
#include "delivery/deliveryservice.h"
#include "delivery/jobrequest.h"
#include "store/jobqueue.h"
#include "support/customeriotestserver.h"
#include "support/tempstore.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace billbridge;
using test::CustomerIoTestServer;
using widgets::ConsoleDelivery;

namespace {

void put(secrets::SecretStore& store, const QString& key, const QByteArray& value)
{
    bool written = false;
    store.write(key, value, [&written](const secrets::SecretResult& result) { written = result.isOk(); });
    QVERIFY(QTest::qWaitFor([&] { return written; }, 2000));
}

void enqueueIdentify(const QString& path, const QString& customerId)
{
    customerio::IdentifyAttributes attributes;
    attributes.attributes = {{QStringLiteral("plan_name"), QStringLiteral("Pro")}};
    store::JobQueue queue = store::JobQueue::open(path);
    queue.enqueue(delivery::jobFor(customerio::requests::identify(customerId, attributes), customerId,
                                   customerId + QStringLiteral(":identify")));
}

} // namespace

class TestConsoleDelivery final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void offUntilTheOperatorTurnsItOn();
    void deliversAndRemembersTheChoice();
    void missingCredentialsSayWhereToAddThem();
    void rejectedKeyPausesWithAReason();
    void anotherDeliveringProcessIsNamed();

private:
    std::unique_ptr<ConsoleDelivery> makeDelivery();
    void putCredentials();

    QTemporaryDir m_config;
    std::unique_ptr<test::TempStore> m_store;
    std::unique_ptr<widgets::SessionSecretStore> m_keychain;
    std::unique_ptr<CustomerIoTestServer> m_server;
};

void TestConsoleDelivery::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_consoledelivery"));
}

void TestConsoleDelivery::init()
{
    QSettings().clear();
    m_store = std::make_unique<test::TempStore>();
    QVERIFY(m_store->isValid());
    m_keychain = std::make_unique<widgets::SessionSecretStore>();
    m_server = std::make_unique<CustomerIoTestServer>();
    QVERIFY(m_server->start());
    const QByteArray base = m_server->baseUrl().toString().toUtf8();
    qputenv("BILLBRIDGE_CIO_TRACK_BASE", base + "/api/v1");
    qputenv("BILLBRIDGE_CIO_APP_BASE", base + "/v1");
}

void TestConsoleDelivery::cleanup()
{
    m_server.reset();
    m_keychain.reset();
    m_store.reset();
}

std::unique_ptr<ConsoleDelivery> TestConsoleDelivery::makeDelivery()
{
    widgets::ConnectionServices connections;
    connections.secrets = m_keychain.get();
    return std::make_unique<ConsoleDelivery>(m_store->path(), connections);
}

void TestConsoleDelivery::putCredentials()
{
    put(*m_keychain, QString(secrets::keys::kCustomerIoSiteId), CustomerIoTestServer::kDefaultSiteId);
    put(*m_keychain, QString(secrets::keys::kCustomerIoTrackApiKey), CustomerIoTestServer::kDefaultTrackKey);
    put(*m_keychain, QString(secrets::keys::kCustomerIoAppApiKey), CustomerIoTestServer::kDefaultAppKey);
}

void TestConsoleDelivery::offUntilTheOperatorTurnsItOn()
{
    putCredentials();
    enqueueIdentify(m_store->path(), QStringLiteral("cus_off"));
    auto delivery = makeDelivery();
    QVERIFY(!delivery->runsInThisWindow());
    delivery->startIfWanted();
    QTest::qWait(300);
    QCOMPARE(delivery->state(), ConsoleDelivery::State::Off);
    QCOMPARE(m_server->requestCount(), 0);
    QVERIFY(delivery->statusText().contains(QStringLiteral("billbridge-cli serve")));
}

void TestConsoleDelivery::deliversAndRemembersTheChoice()
{
    putCredentials();
    enqueueIdentify(m_store->path(), QStringLiteral("cus_one"));
    enqueueIdentify(m_store->path(), QStringLiteral("cus_two"));
    {
        auto delivery = makeDelivery();
        delivery->setRunInThisWindow(true);
        QVERIFY(
            QTest::qWaitFor([&] { return delivery->state() == ConsoleDelivery::State::Delivering; }, 5000));
        QVERIFY2(delivery->statusText().contains(QStringLiteral("US")), qPrintable(delivery->statusText()));
        QVERIFY(QTest::qWaitFor([&] { return m_server->requestCount() == 2; }, 10000));
        QVERIFY(QTest::qWaitFor(
            [&] { return store::JobQueue::open(m_store->path()).counts()[store::JobState::Succeeded] == 2; },
            5000));
        for (const auto& request : m_server->requests())
            QVERIFY(request.header("Authorization").startsWith("Basic "));
    }
    // The next console start delivers again without being asked.
    enqueueIdentify(m_store->path(), QStringLiteral("cus_three"));
    auto again = makeDelivery();
    QVERIFY(again->runsInThisWindow());
    again->startIfWanted();
    QVERIFY(QTest::qWaitFor([&] { return m_server->requestCount() == 3; }, 10000));
    again->setRunInThisWindow(false);
    QCOMPARE(again->state(), ConsoleDelivery::State::Off);
    QVERIFY(!makeDelivery()->runsInThisWindow());
}

void TestConsoleDelivery::missingCredentialsSayWhereToAddThem()
{
    put(*m_keychain, QString(secrets::keys::kCustomerIoSiteId), CustomerIoTestServer::kDefaultSiteId);
    auto delivery = makeDelivery();
    delivery->start();
    QVERIFY(QTest::qWaitFor([&] { return delivery->state() == ConsoleDelivery::State::Failed; }, 5000));
    QVERIFY2(delivery->statusText().contains(QStringLiteral("Connections")),
             qPrintable(delivery->statusText()));
    QVERIFY(!delivery->service());
}

void TestConsoleDelivery::rejectedKeyPausesWithAReason()
{
    putCredentials();
    m_server->setTrackKey("a-different-key-than-the-console-has");
    enqueueIdentify(m_store->path(), QStringLiteral("cus_denied"));
    enqueueIdentify(m_store->path(), QStringLiteral("cus_waiting"));
    auto delivery = makeDelivery();
    delivery->start();
    QVERIFY(QTest::qWaitFor([&] { return delivery->state() == ConsoleDelivery::State::Paused; }, 10000));
    QVERIFY2(delivery->statusText().contains(QStringLiteral("401")), qPrintable(delivery->statusText()));
    // Nothing was burnt through: the jobs wait for the operator.
    const auto counts = store::JobQueue::open(m_store->path()).counts();
    QCOMPARE(counts.at(store::JobState::Dead), 0);
    QVERIFY(store::JobQueue::open(m_store->path()).pauseState().paused);

    // The operator fixed the key and resumed (from the Queue page or the CLI): the line says so at once.
    m_server->setTrackKey(CustomerIoTestServer::kDefaultTrackKey);
    store::JobQueue::open(m_store->path()).resume();
    QVERIFY(QTest::qWaitFor([&] { return delivery->state() == ConsoleDelivery::State::Delivering; }, 5000));
    QVERIFY(QTest::qWaitFor(
        [&] { return store::JobQueue::open(m_store->path()).counts()[store::JobState::Succeeded] == 2; },
        10000));
}

void TestConsoleDelivery::anotherDeliveringProcessIsNamed()
{
    putCredentials();
    delivery::DeliveryConfig config;
    config.databasePath = m_store->path();
    config.endpoints = customerio::CustomerIoEndpoints::resolve(customerio::Region::Us);
    config.credentials = {QString::fromLatin1(CustomerIoTestServer::kDefaultSiteId),
                          QString::fromLatin1(CustomerIoTestServer::kDefaultTrackKey),
                          QString::fromLatin1(CustomerIoTestServer::kDefaultAppKey)};
    delivery::DeliveryService other(config);
    QVERIFY2(other.start(), qPrintable(other.errorString()));

    auto delivery = makeDelivery();
    delivery->start();
    QVERIFY(QTest::qWaitFor([&] { return delivery->state() == ConsoleDelivery::State::Failed; }, 5000));
    QVERIFY2(delivery->statusText().contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(delivery->statusText()));
    other.stop();
    // Once the other one stopped, turning delivery on again works.
    delivery->start();
    QVERIFY(QTest::qWaitFor([&] { return delivery->state() == ConsoleDelivery::State::Delivering; }, 5000));
}

QTEST_MAIN(TestConsoleDelivery)
#include "tst_consoledelivery.moc"
