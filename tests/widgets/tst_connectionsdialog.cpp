#include "common/secretfield.h"
#include "connections/advancedtab.h"
#include "connections/connectionsdialog.h"
#include "connections/customeriotab.h"
#include "connections/sessionsecretstore.h"
#include "connections/stripetab.h"
#include "secrets/keychainsecretstore.h"
#include "support/customeriotestserver.h"
#include "support/stripetestserver.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace billbridge;
using widgets::ConnectionsDialog;
using widgets::ConnectionServices;
namespace keys = secrets::keys;

namespace {

// A keychain stand-in: entries in memory, every operation answered later from the event loop like the real
// one, and an "unavailable" switch that answers as QtKeychain does without a Secret Service.
class FakeKeychain final : public secrets::SecretStore {
public:
    QString backendName() const override { return QStringLiteral("test keychain"); }
    void read(const QString& key, Callback done, QObject* context) override
    {
        ++reads;
        if (!unavailable.isEmpty())
            return deliverLater(std::move(done), context, secrets::SecretResult::unavailable(unavailable));
        const auto found = values.constFind(key);
        deliverLater(std::move(done), context,
                     found == values.cend() ? secrets::SecretResult::notFound()
                                            : secrets::SecretResult::found(*found));
    }
    void write(const QString& key, const QByteArray& value, Callback done, QObject* context) override
    {
        if (!unavailable.isEmpty())
            return deliverLater(std::move(done), context, secrets::SecretResult::unavailable(unavailable));
        values.insert(key, value);
        deliverLater(std::move(done), context, secrets::SecretResult::done());
    }
    void remove(const QString& key, Callback done, QObject* context) override
    {
        if (!unavailable.isEmpty())
            return deliverLater(std::move(done), context, secrets::SecretResult::unavailable(unavailable));
        values.remove(key);
        deliverLater(std::move(done), context, secrets::SecretResult::done());
    }

    QHash<QString, QByteArray> values;
    QString unavailable;
    int reads = 0;
};

const QString kNoBus = QStringLiteral("The system keychain is not available: Cannot autolaunch D-Bus without "
                                      "X11 $DISPLAY. Start a desktop session or run under dbus-run-session.");

template <typename T>
T* child(QObject* parent, const char* name)
{
    auto* found = parent->findChild<T*>(QLatin1String(name));
    if (found == nullptr)
        qFatal("no child %s", name);
    return found;
}

QString labelText(QObject* parent, const char* name)
{
    return child<QLabel>(parent, name)->text();
}

} // namespace

class TestConnectionsDialog final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void apiKeyShapes_data();
    void apiKeyShapes();
    void webhookSecretShapes();
    void testConnectionAccepted();
    void testConnectionRejectedKey();
    void testConnectionMissingPermission();
    void closingCancelsTheTest();
    void customerIoTestNeedsCredentials();
    void customerIoTestAccepted();
    void customerIoTestWrongRegion();
    void customerIoTestRejectedKey();
    void closingCancelsTheCustomerIoTest();
    void saveWritesEverySecretToTheStore();
    void existingValuesLoadMasked();
    void unavailableKeychainOffersSessionOnly();
    void realKeychainRoundTrip();

private:
    std::unique_ptr<ConnectionsDialog> makeDialog(secrets::SecretStore* store,
                                                  secrets::SecretStore* session = nullptr);
    void typeAndWait(widgets::SecretField* field, const QString& text);
    // A dialog whose Customer.io tab reaches `server` through the address settings the Advanced tab keeps.
    std::unique_ptr<ConnectionsDialog> makeCustomerIoDialog(secrets::SecretStore* store,
                                                            const test::CustomerIoTestServer& server);

    QTemporaryDir m_config;
    int m_clientsMade = 0;
    QPointer<stripe::StripeClient> m_lastClient;
};

void TestConnectionsDialog::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    qunsetenv("BILLBRIDGE_STRIPE_API_BASE");
    qunsetenv("BILLBRIDGE_CIO_TRACK_BASE");
    qunsetenv("BILLBRIDGE_CIO_APP_BASE");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_connectionsdialog"));
}

void TestConnectionsDialog::init()
{
    QSettings().clear();
    m_clientsMade = 0;
}

std::unique_ptr<ConnectionsDialog> TestConnectionsDialog::makeDialog(secrets::SecretStore* store,
                                                                     secrets::SecretStore* session)
{
    ConnectionServices services;
    services.secrets = store;
    services.sessionSecrets = session;
    services.stripeClientFactory = [this](const stripe::StripeApiConfig& config) {
        ++m_clientsMade;
        auto client = std::make_unique<stripe::StripeClient>(config);
        m_lastClient = client.get();
        return client;
    };
    auto dialog = std::make_unique<ConnectionsDialog>(services);
    dialog->show();
    return dialog;
}

void TestConnectionsDialog::typeAndWait(widgets::SecretField* field, const QString& text)
{
    field->lineEdit()->clear();
    QTest::keyClicks(field->lineEdit(), text);
}

void TestConnectionsDialog::apiKeyShapes_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("savable");
    QTest::newRow("publishable") << QStringLiteral("pk_test_51AbCdEfGhIjKlMnOpQrStUv")
                                 << QStringLiteral("publishable key") << QString() << false;
    QTest::newRow("whsec as API key")
        << QStringLiteral("whsec_AbCdEfGhIjKlMnOpQrStUvWxYz012345")
        << QStringLiteral("webhook signing secret (whsec_…), not an API key") << QString() << false;
    QTest::newRow("wrong prefix") << QStringLiteral("xk_test_51AbCdEfGhIjKlMnOpQrStUv")
                                  << QStringLiteral("not a Stripe API key") << QString() << false;
    QTest::newRow("secret test") << QStringLiteral("sk_test_51AbCdEfGhIjKlMnOpQrStUv")
                                 << QStringLiteral("Secret key for test mode (sk_test_…")
                                 << QStringLiteral("TEST") << true;
    QTest::newRow("restricted live") << QStringLiteral("rk_") +
                                            QStringLiteral("live_51AbCdEfGhIjKlMnOpQrStUv")
                                     << QStringLiteral("Restricted key for live mode")
                                     << QStringLiteral("LIVE") << true;
}

void TestConnectionsDialog::apiKeyShapes()
{
    QFETCH(QString, key);
    QFETCH(QString, message);
    QFETCH(QString, mode);
    QFETCH(bool, savable);
    FakeKeychain keychain;
    auto dialog = makeDialog(&keychain);
    QTRY_VERIFY(!dialog->isLoading());
    typeAndWait(dialog->stripeTab()->apiKeyField(), key);
    QVERIFY2(labelText(dialog.get(), "stripeApiKeyMessage").contains(message),
             qPrintable(labelText(dialog.get(), "stripeApiKeyMessage")));
    // The message never repeats the key itself.
    QVERIFY(!labelText(dialog.get(), "stripeApiKeyMessage").contains(key));
    auto* modeLabel = child<QLabel>(dialog.get(), "stripeKeyMode");
    QCOMPARE(modeLabel->isVisible(), !mode.isEmpty());
    if (!mode.isEmpty())
        QCOMPARE(modeLabel->text(), mode);
    auto* buttons = dialog->findChild<QDialogButtonBox*>();
    QCOMPARE(buttons->button(QDialogButtonBox::Save)->isEnabled(), savable);
    QCOMPARE(child<QPushButton>(dialog.get(), "stripeTestButton")->isEnabled(), savable);
}

void TestConnectionsDialog::webhookSecretShapes()
{
    FakeKeychain keychain;
    auto dialog = makeDialog(&keychain);
    QTRY_VERIFY(!dialog->isLoading());
    QVERIFY(labelText(dialog.get(), "stripeWebhookMessage").contains(QLatin1String("refuses every webhook")));
    typeAndWait(dialog->stripeTab()->webhookField(), QStringLiteral("sk_test_51AbCdEfGhIjKlMnOpQrStUv"));
    QVERIFY(
        labelText(dialog.get(), "stripeWebhookMessage").contains(QLatin1String("API key, not a webhook")));
    typeAndWait(dialog->stripeTab()->webhookField(),
                QStringLiteral("whsec_AbCdEfGhIjKlMnOpQrStUv0123, pk_test_51AbCdEfGhIjKl"));
    QVERIFY2(labelText(dialog.get(), "stripeWebhookMessage")
                 .startsWith(QLatin1String("Secret 2: This is a publishable")),
             qPrintable(labelText(dialog.get(), "stripeWebhookMessage")));
    QVERIFY(!dialog->stripeTab()->hasValidInput());
    typeAndWait(dialog->stripeTab()->webhookField(),
                QStringLiteral("whsec_AbCdEfGhIjKlMnOpQrStUv0123, whsec_ZyXwVuTsRqPoNmLkJiHgFe9876"));
    QCOMPARE(labelText(dialog.get(), "stripeWebhookMessage"), QStringLiteral("2 signing secrets ready."));
    QVERIFY(dialog->stripeTab()->hasValidInput());
}

void TestConnectionsDialog::testConnectionAccepted()
{
    test::StripeTestServer server;
    QVERIFY(server.start());
    FakeKeychain keychain;
    auto dialog = makeDialog(&keychain);
    QTRY_VERIFY(!dialog->isLoading());
    child<QLineEdit>(dialog.get(), "stripeApiBase")->setText(server.baseUrl().toString());
    typeAndWait(dialog->stripeTab()->apiKeyField(), QLatin1String(test::StripeTestServer::kDefaultApiKey));
    QSignalSpy finished(dialog->stripeTab(), &widgets::StripeTab::testFinished);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "stripeTestButton"), Qt::LeftButton);
    QVERIFY(child<QProgressBar>(dialog.get(), "stripeTestBusy")->isVisible());
    QVERIFY(!child<QPushButton>(dialog.get(), "stripeTestButton")->isEnabled());
    QVERIFY(finished.wait());
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    const QString result = labelText(dialog.get(), "stripeTestResult");
    QVERIFY2(result.startsWith(QLatin1String("Connected: Stripe accepted the key in TEST mode.")),
             qPrintable(result));
    QVERIFY(!child<QProgressBar>(dialog.get(), "stripeTestBusy")->isVisible());
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(m_clientsMade, 1);
}

void TestConnectionsDialog::testConnectionRejectedKey()
{
    test::StripeTestServer server;
    QVERIFY(server.start());
    FakeKeychain keychain;
    auto dialog = makeDialog(&keychain);
    QTRY_VERIFY(!dialog->isLoading());
    dialog->advancedTab()->setStripeApiBase(server.baseUrl().toString());
    typeAndWait(dialog->stripeTab()->apiKeyField(),
                QStringLiteral("sk_test_51SomebodyElsesKeyThatIsWrong0000"));
    QSignalSpy finished(dialog->stripeTab(), &widgets::StripeTab::testFinished);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "stripeTestButton"), Qt::LeftButton);
    QVERIFY(finished.wait());
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString result = labelText(dialog.get(), "stripeTestResult");
    QVERIFY2(result.startsWith(QLatin1String("Not connected. Stripe rejected the API key")),
             qPrintable(result));
}

void TestConnectionsDialog::testConnectionMissingPermission()
{
    test::StripeTestServer server;
    QVERIFY(server.start());
    const QByteArray restricted = QByteArrayLiteral("rk_test_51RestrictedKeyWithoutEventRead00");
    server.setApiKey(restricted);
    server.failNext(test::StripeTestServer::Fault::permissionDenied(QStringLiteral("rak_event_read")));
    FakeKeychain keychain;
    auto dialog = makeDialog(&keychain);
    QTRY_VERIFY(!dialog->isLoading());
    dialog->advancedTab()->setStripeApiBase(server.baseUrl().toString());
    typeAndWait(dialog->stripeTab()->apiKeyField(), QString::fromLatin1(restricted));
    QSignalSpy finished(dialog->stripeTab(), &widgets::StripeTab::testFinished);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "stripeTestButton"), Qt::LeftButton);
    QVERIFY(finished.wait());
    const QString result = labelText(dialog.get(), "stripeTestResult");
    QVERIFY2(result.contains(QLatin1String("lacks a permission")), qPrintable(result));
    QVERIFY2(result.contains(QLatin1String("rak_event_read")), qPrintable(result));
}

void TestConnectionsDialog::closingCancelsTheTest()
{
    test::StripeTestServer server;
    QVERIFY(server.start());
    server.failNext(test::StripeTestServer::Fault::delayed(std::chrono::seconds(20)));
    FakeKeychain keychain;
    auto dialog = makeDialog(&keychain);
    QTRY_VERIFY(!dialog->isLoading());
    dialog->advancedTab()->setStripeApiBase(server.baseUrl().toString());
    typeAndWait(dialog->stripeTab()->apiKeyField(), QLatin1String(test::StripeTestServer::kDefaultApiKey));
    QSignalSpy finished(dialog->stripeTab(), &widgets::StripeTab::testFinished);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "stripeTestButton"), Qt::LeftButton);
    QTRY_COMPARE(server.requestCount(), 1);
    QVERIFY(dialog->stripeTab()->isTesting());
    QVERIFY(m_lastClient);
    QVERIFY(child<QPushButton>(dialog.get(), "stripeCancelTestButton")->isVisible());
    dialog->reject();
    QVERIFY(!dialog->stripeTab()->isTesting());
    QVERIFY(!m_lastClient); // the request went with its client
    QTest::qWait(100);      // nothing may arrive for the cancelled check
    QCOMPARE(finished.count(), 0);
}

std::unique_ptr<ConnectionsDialog>
TestConnectionsDialog::makeCustomerIoDialog(secrets::SecretStore* store,
                                            const test::CustomerIoTestServer& server)
{
    QSettings settings;
    settings.setValue(QLatin1String(widgets::AdvancedTab::kTrackApiBaseSetting), server.baseUrl().toString());
    settings.setValue(QLatin1String(widgets::AdvancedTab::kAppApiBaseSetting), server.baseUrl().toString());
    auto dialog = makeDialog(store);
    dialog->showTab(ConnectionsDialog::Tab::CustomerIo);
    return dialog;
}

void TestConnectionsDialog::customerIoTestNeedsCredentials()
{
    FakeKeychain keychain;
    auto dialog = makeDialog(&keychain);
    QTRY_VERIFY(!dialog->isLoading());
    dialog->showTab(ConnectionsDialog::Tab::CustomerIo);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "customerIoTestButton"), Qt::LeftButton);
    const QString result = labelText(dialog.get(), "customerIoTestResult");
    QVERIFY2(result.startsWith(QLatin1String("Nothing to test yet.")), qPrintable(result));
    QVERIFY2(result.contains(QLatin1String("App API: not tested")), qPrintable(result));
    QVERIFY(!dialog->customerIoTab()->isTesting());
}

void TestConnectionsDialog::customerIoTestAccepted()
{
    test::CustomerIoTestServer server;
    QVERIFY(server.start());
    FakeKeychain keychain;
    auto dialog = makeCustomerIoDialog(&keychain, server);
    QTRY_VERIFY(!dialog->isLoading());
    widgets::CustomerIoTab* tab = dialog->customerIoTab();
    tab->setSiteId(QLatin1String(test::CustomerIoTestServer::kDefaultSiteId));
    tab->setTrackApiKey(QLatin1String(test::CustomerIoTestServer::kDefaultTrackKey));
    tab->setAppApiKey(QLatin1String(test::CustomerIoTestServer::kDefaultAppKey));
    QSignalSpy finished(tab, &widgets::CustomerIoTab::testFinished);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "customerIoTestButton"), Qt::LeftButton);
    QVERIFY(child<QProgressBar>(dialog.get(), "customerIoTestBusy")->isVisible());
    QVERIFY(!child<QPushButton>(dialog.get(), "customerIoTestButton")->isEnabled());
    QVERIFY(finished.wait());
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    const QString result = labelText(dialog.get(), "customerIoTestResult");
    QVERIFY2(result.startsWith(QLatin1String("Connected.")), qPrintable(result));
    QVERIFY2(result.contains(QLatin1String("Track API: Customer.io accepted the site ID and Track API key")),
             qPrintable(result));
    QVERIFY2(result.contains(QLatin1String(test::CustomerIoTestServer::kDefaultWorkspaceName)),
             qPrintable(result));
    QVERIFY(!child<QProgressBar>(dialog.get(), "customerIoTestBusy")->isVisible());
    QVERIFY(child<QPushButton>(dialog.get(), "customerIoTestButton")->isEnabled());
    QCOMPARE(server.requestCount(), 2);
    for (const test::CustomerIoTestServer::Request& request : server.requests()) {
        QVERIFY(!request.target.contains(test::CustomerIoTestServer::kDefaultTrackKey));
        QVERIFY(!request.target.contains(test::CustomerIoTestServer::kDefaultAppKey));
    }
}

void TestConnectionsDialog::customerIoTestWrongRegion()
{
    test::CustomerIoTestServer server;
    server.setRegion(customerio::Region::Eu);
    server.setServedRegion(customerio::Region::Us);
    QVERIFY(server.start());
    FakeKeychain keychain;
    auto dialog = makeCustomerIoDialog(&keychain, server);
    QTRY_VERIFY(!dialog->isLoading());
    widgets::CustomerIoTab* tab = dialog->customerIoTab();
    tab->setRegion(QLatin1String(widgets::CustomerIoTab::kRegionUs));
    tab->setSiteId(QLatin1String(test::CustomerIoTestServer::kDefaultSiteId));
    tab->setTrackApiKey(QLatin1String(test::CustomerIoTestServer::kDefaultTrackKey));
    tab->setAppApiKey(QLatin1String(test::CustomerIoTestServer::kDefaultAppKey));
    QSignalSpy finished(tab, &widgets::CustomerIoTab::testFinished);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "customerIoTestButton"), Qt::LeftButton);
    QVERIFY(finished.wait());
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString result = labelText(dialog.get(), "customerIoTestResult");
    QVERIFY2(result.startsWith(QLatin1String("Not connected.")), qPrintable(result));
    QVERIFY2(result.contains(QLatin1String("this workspace is in the EU region: choose EU")),
             qPrintable(result));
    QVERIFY2(
        result.contains(QLatin1String("App API: Customer.io says the App API key belongs to a workspace in "
                                      "the EU region")),
        qPrintable(result));
}

void TestConnectionsDialog::customerIoTestRejectedKey()
{
    test::CustomerIoTestServer server;
    QVERIFY(server.start());
    FakeKeychain keychain;
    auto dialog = makeCustomerIoDialog(&keychain, server);
    QTRY_VERIFY(!dialog->isLoading());
    widgets::CustomerIoTab* tab = dialog->customerIoTab();
    tab->setSiteId(QLatin1String(test::CustomerIoTestServer::kDefaultSiteId));
    tab->setTrackApiKey(QStringLiteral("somebodyelsestrackkey000000000"));
    QSignalSpy finished(tab, &widgets::CustomerIoTab::testFinished);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "customerIoTestButton"), Qt::LeftButton);
    QVERIFY(finished.wait());
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString result = labelText(dialog.get(), "customerIoTestResult");
    QVERIFY2(result.startsWith(QLatin1String("Not connected.")), qPrintable(result));
    QVERIFY2(result.contains(QLatin1String("the site ID or the Track API key is wrong")), qPrintable(result));
    QVERIFY2(result.contains(QLatin1String("App API: not tested; no App API key is entered.")),
             qPrintable(result));
    QVERIFY(!result.contains(QLatin1String("somebodyelsestrackkey")));
    QCOMPARE(server.requestCount(), 1);
}

void TestConnectionsDialog::closingCancelsTheCustomerIoTest()
{
    test::CustomerIoTestServer server;
    QVERIFY(server.start());
    server.failNext(test::CustomerIoTestServer::Fault::silence());
    FakeKeychain keychain;
    auto dialog = makeCustomerIoDialog(&keychain, server);
    QTRY_VERIFY(!dialog->isLoading());
    widgets::CustomerIoTab* tab = dialog->customerIoTab();
    tab->setAppApiKey(QLatin1String(test::CustomerIoTestServer::kDefaultAppKey));
    QSignalSpy finished(tab, &widgets::CustomerIoTab::testFinished);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "customerIoTestButton"), Qt::LeftButton);
    QTRY_COMPARE(server.requestCount(), 1);
    QVERIFY(tab->isTesting());
    QVERIFY(child<QPushButton>(dialog.get(), "customerIoCancelTestButton")->isVisible());
    QTest::mouseClick(child<QPushButton>(dialog.get(), "customerIoCancelTestButton"), Qt::LeftButton);
    QVERIFY(!tab->isTesting());
    QCOMPARE(labelText(dialog.get(), "customerIoTestResult"), QStringLiteral("Test cancelled."));
    QTest::qWait(100);
    QCOMPARE(finished.count(), 0);
}

void TestConnectionsDialog::saveWritesEverySecretToTheStore()
{
    FakeKeychain keychain;
    keychain.values.insert(keys::kCustomerIoAppApiKey, QByteArrayLiteral("old-app-key"));
    auto dialog = makeDialog(&keychain);
    QTRY_VERIFY(!dialog->isLoading());
    typeAndWait(dialog->stripeTab()->apiKeyField(), QStringLiteral("sk_test_51AbCdEfGhIjKlMnOpQrStUv"));
    typeAndWait(dialog->stripeTab()->webhookField(),
                QStringLiteral("whsec_AbCdEfGhIjKlMnOpQrStUv0123 whsec_ZyXwVuTsRqPoNmLkJiHgFe9876"));
    dialog->showTab(ConnectionsDialog::Tab::CustomerIo);
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "customerIoSiteId"), QStringLiteral("site-123"));
    dialog->customerIoTab()->setTrackApiKey(QStringLiteral("track-key-456"));
    dialog->customerIoTab()->setAppApiKey(QString()); // cleared: the entry goes
    child<QComboBox>(dialog.get(), "customerIoRegion")->setCurrentIndex(1);
    dialog->advancedTab()->setStripeApiBase(QStringLiteral("https://stripe-proxy.example.com"));

    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save), Qt::LeftButton);
    QVERIFY(accepted.wait());
    QCOMPARE(keychain.values.value(keys::kStripeApiKey),
             QByteArrayLiteral("sk_test_51AbCdEfGhIjKlMnOpQrStUv"));
    QCOMPARE(keychain.values.value(keys::kStripeWebhookSecrets),
             QByteArrayLiteral("whsec_AbCdEfGhIjKlMnOpQrStUv0123\nwhsec_ZyXwVuTsRqPoNmLkJiHgFe9876"));
    QCOMPARE(keychain.values.value(keys::kCustomerIoSiteId), QByteArrayLiteral("site-123"));
    QCOMPARE(keychain.values.value(keys::kCustomerIoTrackApiKey), QByteArrayLiteral("track-key-456"));
    QVERIFY(!keychain.values.contains(keys::kCustomerIoAppApiKey));

    // Not secret: the settings. Secret: never the settings.
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("customerio/region")).toString(), QStringLiteral("eu"));
    QCOMPARE(settings.value(QStringLiteral("stripe/apiBase")).toString(),
             QStringLiteral("https://stripe-proxy.example.com"));
    for (const QString& key : settings.allKeys()) {
        const QString value = settings.value(key).toString();
        QVERIFY2(!value.contains(QLatin1String("sk_test")) && !value.contains(QLatin1String("whsec")) &&
                     !value.contains(QLatin1String("track-key")),
                 qPrintable(key));
    }
}

void TestConnectionsDialog::existingValuesLoadMasked()
{
    FakeKeychain keychain;
    keychain.values.insert(keys::kStripeApiKey, QByteArrayLiteral("rk_test_51AbCdEfGhIjKlMnOpQrStUv"));
    keychain.values.insert(keys::kStripeWebhookSecrets,
                           QByteArrayLiteral("whsec_One0123456789\nwhsec_Two0123456789"));
    keychain.values.insert(keys::kCustomerIoTrackApiKey, QByteArrayLiteral("track-key"));
    QSettings().setValue(QStringLiteral("customerio/region"), QStringLiteral("eu"));
    auto dialog = makeDialog(&keychain);
    QSignalSpy loaded(dialog.get(), &ConnectionsDialog::loaded);
    QVERIFY(dialog->isLoading());
    QVERIFY(!dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->isEnabled());
    QVERIFY(loaded.wait());
    QCOMPARE(keychain.reads, 5);
    widgets::SecretField* apiKey = dialog->stripeTab()->apiKeyField();
    QCOMPARE(apiKey->text(), QStringLiteral("rk_test_51AbCdEfGhIjKlMnOpQrStUv"));
    QCOMPARE(apiKey->lineEdit()->echoMode(), QLineEdit::Password);
    QCOMPARE(child<QLabel>(dialog.get(), "stripeKeyMode")->text(), QStringLiteral("TEST"));
    QCOMPARE(dialog->stripeTab()->webhookSecrets().size(), 2);
    QCOMPARE(dialog->customerIoTab()->trackApiKey(), QStringLiteral("track-key"));
    QCOMPARE(dialog->customerIoTab()->region(), QStringLiteral("eu"));
    QVERIFY(!dialog->keychainUnavailable());
    // Shown only when asked, and masked again on the second click.
    QTest::mouseClick(apiKey->toggleButton(), Qt::LeftButton);
    QCOMPARE(apiKey->lineEdit()->echoMode(), QLineEdit::Normal);
    QCOMPARE(apiKey->toggleButton()->text(), QStringLiteral("Hide"));
    QTest::mouseClick(apiKey->toggleButton(), Qt::LeftButton);
    QCOMPARE(apiKey->lineEdit()->echoMode(), QLineEdit::Password);
}

void TestConnectionsDialog::unavailableKeychainOffersSessionOnly()
{
    FakeKeychain keychain;
    keychain.unavailable = kNoBus;
    widgets::SessionSecretStore session;
    {
        auto dialog = makeDialog(&keychain, &session);
        QTRY_VERIFY(!dialog->isLoading());
        QVERIFY(dialog->keychainUnavailable());
        QTRY_VERIFY(child<QWidget>(dialog.get(), "keychainBanner")->isVisible());
        const QString explanation = labelText(dialog.get(), "keychainProblem");
        QVERIFY2(explanation.contains(QLatin1String("Cannot autolaunch D-Bus")), qPrintable(explanation));
        QVERIFY(explanation.contains(QLatin1String("this session only")));
        auto* sessionOnly = child<QCheckBox>(dialog.get(), "sessionOnly");
        QVERIFY(sessionOnly->isVisible());
        QVERIFY(!sessionOnly->isChecked());

        typeAndWait(dialog->stripeTab()->apiKeyField(), QStringLiteral("sk_test_51AbCdEfGhIjKlMnOpQrStUv"));
        // Saving to the broken keychain fails, keeps the dialog open and loses nothing.
        QSignalSpy failed(dialog.get(), &ConnectionsDialog::saveFailed);
        auto* save = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(failed.wait());
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->stripeTab()->apiKey(), QStringLiteral("sk_test_51AbCdEfGhIjKlMnOpQrStUv"));
        QVERIFY(session.isEmpty());

        sessionOnly->setChecked(true);
        QSignalSpy accepted(dialog.get(), &QDialog::accepted);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(accepted.wait());
        QVERIFY(keychain.values.isEmpty());
        QCOMPARE(session.readBlocking(keys::kStripeApiKey).value,
                 QByteArrayLiteral("sk_test_51AbCdEfGhIjKlMnOpQrStUv"));
    }
    // Opened again in the same session, the values are back and the choice is remembered.
    auto dialog = makeDialog(&keychain, &session);
    QTRY_VERIFY(!dialog->isLoading());
    QCOMPARE(dialog->stripeTab()->apiKey(), QStringLiteral("sk_test_51AbCdEfGhIjKlMnOpQrStUv"));
    QVERIFY(child<QCheckBox>(dialog.get(), "sessionOnly")->isChecked());
    QVERIFY(labelText(dialog.get(), "connectionsStatus").contains(QLatin1String("this session only")));
}

void TestConnectionsDialog::realKeychainRoundTrip()
{
    if (qEnvironmentVariableIsEmpty("BILLBRIDGE_TEST_KEYCHAIN"))
        QSKIP("needs a Secret Service: run under packaging/with-test-keyring.sh");
    // Its own service name, so that a person's real Billbridge entries are never touched.
    secrets::KeychainSecretStore keychain(QStringLiteral("BillbridgeTest-connectionsdialog"));
    {
        auto dialog = makeDialog(&keychain);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 20000);
        QVERIFY2(!dialog->keychainUnavailable(), qPrintable(labelText(dialog.get(), "keychainProblem")));
        typeAndWait(dialog->stripeTab()->apiKeyField(), QStringLiteral("sk_test_51KeychainRoundTrip000000"));
        typeAndWait(dialog->stripeTab()->webhookField(), QStringLiteral("whsec_KeychainRoundTrip0000000"));
        QSignalSpy accepted(dialog.get(), &QDialog::accepted);
        dialog->save();
        QVERIFY(accepted.wait(20000));
    }
    auto dialog = makeDialog(&keychain);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 20000);
    QCOMPARE(dialog->stripeTab()->apiKey(), QStringLiteral("sk_test_51KeychainRoundTrip000000"));
    QCOMPARE(dialog->stripeTab()->webhookSecrets(),
             QList<QByteArray>{QByteArrayLiteral("whsec_KeychainRoundTrip0000000")});
    for (const QString& key : {QString(keys::kStripeApiKey), QString(keys::kStripeWebhookSecrets)})
        QVERIFY(keychain.removeBlocking(key).isOk());
}

QTEST_MAIN(TestConnectionsDialog)
#include "tst_connectionsdialog.moc"
