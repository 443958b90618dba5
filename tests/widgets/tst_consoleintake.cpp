// The console's own intake: credentials from the (session) secret stores, the remembered choice, the
// status line, and real webhooks over loopback into a real store.

#include "connections/sessionsecretstore.h"
#include "intake/consoleintake.h"
#include "store/eventstore.h"
#include "support/fixtures.h"
#include "support/offthread.h"
#include "support/rawhttpclient.h"
#include "support/syntheticevents.h"
#include "support/tempstore.h"

#include <QDateTime>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace billbridge;
using test::Fixtures;
using test::RawHttpClient;
using test::RawHttpResponse;
using widgets::ConsoleIntake;

namespace {

// A keychain that cannot be reached, as on a desktop without a Secret Service.
class UnavailableKeychain final : public secrets::SecretStore {
public:
    QString backendName() const override { return QStringLiteral("keychain (unavailable)"); }
    void read(const QString&, Callback done, QObject* context) override
    {
        deliverLater(
            std::move(done), context,
            secrets::SecretResult::unavailable(QStringLiteral("No keychain answers on this desktop.")));
    }
    void write(const QString&, const QByteArray&, Callback done, QObject* context) override
    {
        deliverLater(std::move(done), context, secrets::SecretResult::unavailable(QStringLiteral("none")));
    }
    void remove(const QString&, Callback done, QObject* context) override
    {
        deliverLater(std::move(done), context, secrets::SecretResult::unavailable(QStringLiteral("none")));
    }
};

void put(secrets::SecretStore& store, const QString& key, const QByteArray& value)
{
    bool written = false;
    store.write(key, value, [&written](const secrets::SecretResult& result) { written = result.isOk(); });
    QVERIFY(QTest::qWaitFor([&] { return written; }, 2000));
}

RawHttpResponse postSigned(quint16 port, const QByteArray& body)
{
    const QByteArray request = RawHttpClient::webhookRequest(
        body, Fixtures::signatureHeader(body, QDateTime::currentSecsSinceEpoch()));
    return test::offThread([port, request] {
        RawHttpClient client;
        return client.connectTo(port) ? client.request(request) : RawHttpResponse{};
    });
}

} // namespace

class TestConsoleIntake final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void offUntilTheOperatorTurnsItOn();
    void receivesAndRemembersTheChoice();
    void portInUseIsWordedForTheStatusBar();
    void missingWebhookSecretSaysWhereToAddIt();
    void sessionValuesStandInForAnUnavailableKeychain();
    void unavailableKeychainWithoutSessionValuesIsReported();
    void turningOffStopsAndRestartWorks();

private:
    std::unique_ptr<ConsoleIntake> makeIntake(secrets::SecretStore* keychain, quint16 port = 0,
                                              secrets::SecretStore* session = nullptr);
    bool waitForState(ConsoleIntake& intake, ConsoleIntake::State state, int timeoutMs = 10000);

    QTemporaryDir m_config;
    std::unique_ptr<test::TempStore> m_store;
    std::unique_ptr<widgets::SessionSecretStore> m_keychain;
};

void TestConsoleIntake::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_consoleintake"));
}

void TestConsoleIntake::init()
{
    QSettings().clear();
    m_store = std::make_unique<test::TempStore>();
    QVERIFY(m_store->isValid());
    m_keychain = std::make_unique<widgets::SessionSecretStore>();
    put(*m_keychain, QString(secrets::keys::kStripeWebhookSecrets), Fixtures::webhookSecret());
}

void TestConsoleIntake::cleanup()
{
    m_store.reset();
    m_keychain.reset();
}

std::unique_ptr<ConsoleIntake> TestConsoleIntake::makeIntake(secrets::SecretStore* keychain, quint16 port,
                                                             secrets::SecretStore* session)
{
    intake::IntakeOptions options;
    options.storePath = m_store->path();
    options.port = port;
    options.poll = false;
    widgets::ConnectionServices connections;
    connections.secrets = keychain;
    connections.sessionSecrets = session;
    return std::make_unique<ConsoleIntake>(options, connections);
}

bool TestConsoleIntake::waitForState(ConsoleIntake& intake, ConsoleIntake::State state, int timeoutMs)
{
    return QTest::qWaitFor([&] { return intake.state() == state; }, timeoutMs);
}

void TestConsoleIntake::offUntilTheOperatorTurnsItOn()
{
    auto intake = makeIntake(m_keychain.get());
    QVERIFY(!intake->runsInThisWindow());
    intake->startIfWanted();
    QTest::qWait(100);
    QCOMPARE(intake->state(), ConsoleIntake::State::Off);
    QVERIFY(intake->statusText().startsWith(QStringLiteral("Not receiving — ")));
    QVERIFY(intake->statusText().contains(QLatin1String("billbridge-cli serve")));
}

void TestConsoleIntake::receivesAndRemembersTheChoice()
{
    auto intake = makeIntake(m_keychain.get());
    QSignalSpy statuses(intake.get(), &ConsoleIntake::statusChanged);
    intake->setRunInThisWindow(true);
    QVERIFY(QSettings().value(QLatin1String(ConsoleIntake::kRunInConsoleSetting)).toBool());
    QVERIFY(waitForState(*intake, ConsoleIntake::State::Receiving));
    const quint16 port = intake->service()->port();
    QCOMPARE(intake->statusText(), QStringLiteral("Receiving on 127.0.0.1:%1").arg(port));
    QCOMPARE(statuses.last().first().toString(), intake->statusText());

    QSignalSpy stored(intake.get(), &ConsoleIntake::eventsStored);
    QCOMPARE(postSigned(port, test::minimalEvent("evt_ConsoleIntakeOne")).status, 200);
    QVERIFY(stored.wait(5000) || !stored.isEmpty());
    QCOMPARE(stored.first().at(1).toInt(), 1);
    QCOMPARE(store::EventStore::openForReading(m_store->path()).count(), 1);

    // A console opened later starts intake by itself, because the operator chose it.
    intake.reset();
    auto later = makeIntake(m_keychain.get());
    QVERIFY(later->runsInThisWindow());
    later->startIfWanted();
    QVERIFY(waitForState(*later, ConsoleIntake::State::Receiving));
}

void TestConsoleIntake::portInUseIsWordedForTheStatusBar()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    auto intake = makeIntake(m_keychain.get(), occupant.serverPort());
    intake->start();
    QVERIFY(waitForState(*intake, ConsoleIntake::State::Failed));
    QCOMPARE(intake->lastError().kind, intake::IntakeError::Kind::PortInUse);
    const QString status = intake->statusText();
    QVERIFY2(status.startsWith(
                 QStringLiteral("Not receiving — Port %1 on 127.0.0.1 is in use").arg(occupant.serverPort())),
             qPrintable(status));

    // Trying again once the port is free works.
    occupant.close();
    intake->start();
    QVERIFY(waitForState(*intake, ConsoleIntake::State::Receiving));
}

void TestConsoleIntake::missingWebhookSecretSaysWhereToAddIt()
{
    widgets::SessionSecretStore empty;
    auto intake = makeIntake(&empty);
    intake->start();
    QVERIFY(waitForState(*intake, ConsoleIntake::State::Failed));
    QCOMPARE(intake->lastError().kind, intake::IntakeError::Kind::NoWebhookSecret);
    QVERIFY(intake->statusText().startsWith(QStringLiteral("Not receiving — No webhook signing secret")));
    QVERIFY(intake->statusText().contains(QLatin1String("Connections")));
}

void TestConsoleIntake::sessionValuesStandInForAnUnavailableKeychain()
{
    UnavailableKeychain keychain;
    auto intake = makeIntake(&keychain, 0, m_keychain.get());
    intake->start();
    QVERIFY(waitForState(*intake, ConsoleIntake::State::Receiving));
    QCOMPARE(postSigned(intake->service()->port(), test::minimalEvent("evt_ConsoleIntakeSession")).status,
             200);
}

void TestConsoleIntake::unavailableKeychainWithoutSessionValuesIsReported()
{
    UnavailableKeychain keychain;
    auto intake = makeIntake(&keychain);
    intake->start();
    QVERIFY(waitForState(*intake, ConsoleIntake::State::Failed));
    QVERIFY(intake->statusText().contains(QLatin1String("could not be read")));
    QVERIFY(intake->statusText().contains(QLatin1String("No keychain answers")));
}

void TestConsoleIntake::turningOffStopsAndRestartWorks()
{
    auto intake = makeIntake(m_keychain.get());
    intake->setRunInThisWindow(true);
    QVERIFY(waitForState(*intake, ConsoleIntake::State::Receiving));
    const quint16 port = intake->service()->port();
    intake->setRunInThisWindow(false);
    QVERIFY(!QSettings().value(QLatin1String(ConsoleIntake::kRunInConsoleSetting)).toBool());
    QCOMPARE(intake->state(), ConsoleIntake::State::Stopping);
    QVERIFY(intake->statusText().contains(QLatin1String("finishing events in flight")));
    QVERIFY(waitForState(*intake, ConsoleIntake::State::Off));
    QCOMPARE(postSigned(port, test::minimalEvent("evt_ConsoleIntakeOff")).status, -1);

    // Turned on again while the previous run is still settling: it starts once that is done.
    intake->setRunInThisWindow(true);
    QVERIFY(waitForState(*intake, ConsoleIntake::State::Receiving));
    intake->stop();
    intake->start();
    QVERIFY(waitForState(*intake, ConsoleIntake::State::Receiving));
    QCOMPARE(postSigned(intake->service()->port(), test::minimalEvent("evt_ConsoleIntakeAgain")).status, 200);
}

QTEST_MAIN(TestConsoleIntake)
#include "tst_consoleintake.moc"
