// The Slack tab of the real Connections dialog against the real keychain (a private Secret Service under
// packaging/with-test-keyring.sh) and the loopback Slack stand-in: webhooks are added, replaced and removed
// in the entries billbridge-cli and delivery read, URLs are validated beside their field and never shown
// again, environment webhooks are read-only, every change is audited by name only, and Test reports what
// Slack answered.

#include "common/secretfield.h"
#include "connections/connectionsdialog.h"
#include "connections/connectiontestpanel.h"
#include "connections/slacktab.h"
#include "secrets/keychainsecretstore.h"
#include "slack/slackwebhooks.h"
#include "store/auditlog.h"
#include "support/slacktestserver.h"
#include "support/tempstore.h"

#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace billbridge;
using widgets::ConnectionsDialog;
using widgets::SlackTab;

namespace {

const QString kService = QStringLiteral("BillbridgeTest-slacktab");
const QString kSlackUrl = QStringLiteral("https://hooks.slack.com/services/T0TEST/B0TEST/SeCrEtPaRt0001");
const QString kOtherSlackUrl =
    QStringLiteral("https://hooks.slack.com/services/T0TEST/B0TEST/SeCrEtPaRt0002");

QStringList rowsOf(const QTreeWidget* list, int column)
{
    QStringList rows;
    for (int row = 0; row < list->topLevelItemCount(); ++row)
        rows << list->topLevelItem(row)->text(column);
    return rows;
}

// Every text the dialog shows, to check that a secret appears nowhere.
QString everythingShown(const QWidget* root)
{
    QStringList texts;
    for (const QLabel* label : root->findChildren<QLabel*>())
        texts << label->text() << label->toolTip();
    for (const QTreeWidget* tree : root->findChildren<QTreeWidget*>()) {
        for (int column = 0; column < tree->columnCount(); ++column)
            texts << rowsOf(tree, column);
    }
    for (const QLineEdit* edit : root->findChildren<QLineEdit*>()) {
        if (edit->echoMode() == QLineEdit::Normal)
            texts << edit->text();
    }
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class TestSlackTab final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void addValidatesBesideTheFieldsAndNeverShowsTheUrlAgain();
    void replaceAndRemoveChangeTheKeychainAndTheAudit();
    void environmentWebhooksAreReadOnly();
    void testReportsWhatSlackAnswered();

private:
    std::unique_ptr<ConnectionsDialog> openDialog(const QProcessEnvironment& environment = {});
    void typeName(const QString& name);
    void typeUrl(const QString& url);
    SlackTab* tab() const { return m_dialog->slackTab(); }
    std::vector<store::AuditEntry> slackAudit() const;

    QTemporaryDir m_config;
    std::unique_ptr<secrets::KeychainSecretStore> m_keychain;
    std::unique_ptr<test::TempStore> m_store;
    std::unique_ptr<ConnectionsDialog> m_dialog;
};

void TestSlackTab::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("BILLBRIDGE_TEST_KEYCHAIN"))
        QSKIP("needs a Secret Service: run under packaging/with-test-keyring.sh");
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_slacktab"));
    // Its own service name, so that a person's real Billbridge entries are never touched.
    m_keychain = std::make_unique<secrets::KeychainSecretStore>(kService);
}

void TestSlackTab::init()
{
    QSettings().clear();
    m_store = std::make_unique<test::TempStore>();
    m_store->writer(); // creates the store whose audit log records the changes
    m_store->stopWriter();
}

void TestSlackTab::cleanup()
{
    m_dialog.reset();
    // Leaves the keychain as it was found for the next test.
    const slack::SlackWebhooksLoad load = slack::loadSlackWebhooks(m_keychain.get(), QProcessEnvironment());
    for (const auto& [name, webhook] : load.webhooks)
        QVERIFY(slack::clearSlackWebhook(*m_keychain, name).isOk());
    QVERIFY(m_keychain->removeBlocking(slack::kWebhookNamesKey).isOk());
}

std::unique_ptr<ConnectionsDialog> TestSlackTab::openDialog(const QProcessEnvironment& environment)
{
    widgets::ConnectionServices services;
    services.secrets = m_keychain.get();
    services.storePath = m_store->path();
    auto dialog = std::make_unique<ConnectionsDialog>(services);
    dialog->slackTab()->setEnvironment(environment);
    dialog->show();
    dialog->showTab(ConnectionsDialog::Tab::Slack);
    return dialog;
}

void TestSlackTab::typeName(const QString& name)
{
    tab()->nameField()->clear();
    QTest::keyClicks(tab()->nameField(), name);
}

void TestSlackTab::typeUrl(const QString& url)
{
    tab()->urlField()->lineEdit()->clear();
    QTest::keyClicks(tab()->urlField()->lineEdit(), url);
}

std::vector<store::AuditEntry> TestSlackTab::slackAudit() const
{
    std::vector<store::AuditEntry> slackEntries;
    for (store::AuditEntry& entry : store::AuditLog::openForReading(m_store->path()).list(100)) {
        if (entry.action == QLatin1String("connections.set") && entry.subject == QLatin1String("slack"))
            slackEntries.push_back(std::move(entry));
    }
    return slackEntries; // newest first
}

void TestSlackTab::addValidatesBesideTheFieldsAndNeverShowsTheUrlAgain()
{
    m_dialog = openDialog();
    QTRY_VERIFY_WITH_TIMEOUT(tab()->hasLoaded(), 20000);
    QCOMPARE(tab()->list()->topLevelItemCount(), 0);
    QVERIFY(!tab()->addButton()->isEnabled());

    typeName(QStringLiteral("billing alerts!"));
    QVERIFY(tab()->nameProblemLabel()->isVisible());
    QVERIFY(tab()->nameProblemLabel()->text().contains(QLatin1String("letters, digits")));
    typeName(QStringLiteral("Billing-Alerts"));
    QVERIFY(!tab()->nameProblemLabel()->isVisible());

    typeUrl(QStringLiteral("https://example.com/services/T/B/x"));
    QVERIFY(tab()->urlProblemLabel()->isVisible());
    QVERIFY(tab()->urlProblemLabel()->text().contains(QLatin1String("https://hooks.slack.com/services/")));
    QVERIFY(!tab()->addButton()->isEnabled());
    typeUrl(QStringLiteral("https://hooks.slack.com/T/B/x"));
    QVERIFY(tab()->urlProblemLabel()->text().contains(QLatin1String("/services/")));
    QVERIFY(!tab()->addButton()->isEnabled());
    // A stand-in on this machine only when the environment allows it, as for billbridge-cli.
    typeUrl(QStringLiteral("http://127.0.0.1:9/services/T/B/x"));
    QVERIFY(tab()->urlProblemLabel()->text().contains(QLatin1String("BILLBRIDGE_SLACK_ALLOW_LOOPBACK")));
    QVERIFY(!tab()->addButton()->isEnabled());

    typeUrl(kSlackUrl);
    QVERIFY(!tab()->urlProblemLabel()->isVisible());
    QCOMPARE(tab()->urlField()->lineEdit()->echoMode(), QLineEdit::Password);
    QVERIFY(tab()->addButton()->isEnabled());
    QSignalSpy changed(tab(), &SlackTab::changeFinished);
    QTest::mouseClick(tab()->addButton(), Qt::LeftButton);
    QVERIFY(changed.wait(20000));
    QCOMPARE(changed.first().at(0).toBool(), true);
    QTRY_VERIFY(tab()->hasLoaded());

    // Stored where billbridge-cli and delivery look, under the name as the CLI writes it.
    QCOMPARE(m_keychain->readBlocking(slack::webhookKey(QStringLiteral("billing-alerts"))).value,
             kSlackUrl.toUtf8());
    QCOMPARE(m_keychain->readBlocking(slack::kWebhookNamesKey).value, QByteArray("billing-alerts\n"));
    QCOMPARE(rowsOf(tab()->list(), SlackTab::NameColumn), QStringList{QStringLiteral("billing-alerts")});
    QCOMPARE(rowsOf(tab()->list(), SlackTab::AddressColumn),
             QStringList{QStringLiteral("hooks.slack.com/services/•••")});
    QCOMPARE(rowsOf(tab()->list(), SlackTab::OriginColumn), QStringList{QStringLiteral("keychain")});
    QVERIFY(tab()->urlField()->text().isEmpty());
    QVERIFY(
        tab()->statusLabel()->text().startsWith(QLatin1String("Saved the Slack webhook \"billing-alerts\"")));
    QVERIFY(!everythingShown(m_dialog.get()).contains(QLatin1String("SeCrEtPaRt")));
    // A second webhook of the same name is refused: the existing one is replaced instead.
    typeName(QStringLiteral("billing-alerts"));
    typeUrl(kOtherSlackUrl);
    QVERIFY(!tab()->addButton()->isEnabled());
    QVERIFY(tab()->replaceButton()->isEnabled());

    QTRY_COMPARE(slackAudit().size(), std::size_t(1));
    const store::AuditEntry entry = slackAudit().front();
    QCOMPARE(entry.details.value(QStringLiteral("fields")).toObject(),
             QJsonObject({{QStringLiteral("slack/webhooks/billing-alerts"), QStringLiteral("set")}}));
    QVERIFY(!entry.detailsJson.contains(QLatin1String("SeCrEtPaRt")));
    QVERIFY(!entry.detailsJson.contains(QLatin1String("hooks.slack.com")));

    // A new dialog finds it again, still masked.
    m_dialog = openDialog();
    QTRY_VERIFY_WITH_TIMEOUT(tab()->hasLoaded(), 20000);
    QCOMPARE(tab()->webhookNames(), QStringList{QStringLiteral("billing-alerts")});
    QVERIFY(!everythingShown(m_dialog.get()).contains(QLatin1String("SeCrEtPaRt")));
}

void TestSlackTab::replaceAndRemoveChangeTheKeychainAndTheAudit()
{
    QVERIFY(slack::saveSlackWebhook(*m_keychain, QStringLiteral("ops"), kSlackUrl, false).isOk());
    QVERIFY(slack::saveSlackWebhook(*m_keychain, QStringLiteral("sales"), kSlackUrl, false).isOk());
    m_dialog = openDialog();
    QTRY_VERIFY_WITH_TIMEOUT(tab()->hasLoaded(), 20000);
    QCOMPARE(tab()->webhookNames(), (QStringList{QStringLiteral("ops"), QStringLiteral("sales")}));

    // Selecting a row names the webhook the buttons act on.
    tab()->list()->setCurrentItem(tab()->list()->topLevelItem(0));
    QCOMPARE(tab()->nameField()->text(), QStringLiteral("ops"));
    QVERIFY(!tab()->replaceButton()->isEnabled()); // no new URL yet
    QVERIFY(tab()->removeButton()->isEnabled());
    typeUrl(kOtherSlackUrl);
    QSignalSpy changed(tab(), &SlackTab::changeFinished);
    QTest::mouseClick(tab()->replaceButton(), Qt::LeftButton);
    QVERIFY(changed.wait(20000));
    QVERIFY(changed.takeFirst().at(0).toBool());
    QCOMPARE(m_keychain->readBlocking(slack::webhookKey(QStringLiteral("ops"))).value,
             kOtherSlackUrl.toUtf8());
    QVERIFY(tab()->urlField()->text().isEmpty());

    // Declined: nothing changes.
    QTRY_VERIFY(tab()->hasLoaded());
    typeName(QStringLiteral("ops"));
    QStringList asked;
    tab()->setConfirm([&asked](QWidget*, const QString&, const QString& text) {
        asked << text;
        return false;
    });
    QTest::mouseClick(tab()->removeButton(), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked.first().contains(QLatin1String("\"ops\"")));
    QVERIFY(m_keychain->readBlocking(slack::webhookKey(QStringLiteral("ops"))).isOk());

    tab()->setConfirm([](QWidget*, const QString&, const QString&) { return true; });
    QTest::mouseClick(tab()->removeButton(), Qt::LeftButton);
    QVERIFY(changed.wait(20000));
    QVERIFY(changed.takeFirst().at(0).toBool());
    QCOMPARE(m_keychain->readBlocking(slack::webhookKey(QStringLiteral("ops"))).status,
             secrets::SecretResult::Status::NotFound);
    QCOMPARE(m_keychain->readBlocking(slack::kWebhookNamesKey).value, QByteArray("sales\n"));
    QTRY_COMPARE(tab()->webhookNames(), QStringList{QStringLiteral("sales")});
    QVERIFY(tab()->statusLabel()->text().startsWith(QLatin1String("Removed the Slack webhook \"ops\"")));

    // The last one gone, the list of names goes too.
    QTRY_VERIFY(tab()->hasLoaded());
    typeName(QStringLiteral("sales"));
    QVERIFY(tab()->removeButton()->isEnabled());
    QTest::mouseClick(tab()->removeButton(), Qt::LeftButton);
    QVERIFY(changed.wait(20000));
    QCOMPARE(m_keychain->readBlocking(slack::kWebhookNamesKey).status,
             secrets::SecretResult::Status::NotFound);
    QTRY_VERIFY(tab()->webhookNames().isEmpty());

    QTRY_COMPARE(slackAudit().size(), std::size_t(3));
    QStringList changes;
    for (const store::AuditEntry& entry : slackAudit()) {
        const QJsonObject fields = entry.details.value(QStringLiteral("fields")).toObject();
        QCOMPARE(fields.size(), 1);
        changes << fields.keys().first() + QLatin1Char('=') + fields.begin().value().toString();
        QVERIFY(!entry.detailsJson.contains(QLatin1String("SeCrEtPaRt")));
    }
    changes.sort();
    QCOMPARE(changes, (QStringList{QStringLiteral("slack/webhooks/ops=cleared"),
                                   QStringLiteral("slack/webhooks/ops=replaced"),
                                   QStringLiteral("slack/webhooks/sales=cleared")}));
}

void TestSlackTab::environmentWebhooksAreReadOnly()
{
    QVERIFY(slack::saveSlackWebhook(*m_keychain, QStringLiteral("billing-alerts"), kSlackUrl, false).isOk());
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("BILLBRIDGE_SLACK_WEBHOOK_OPS"), kOtherSlackUrl);
    // Overrides the keychain entry of the same name, as delivery reads it.
    environment.insert(QStringLiteral("BILLBRIDGE_SLACK_WEBHOOK_BILLING_ALERTS"), kOtherSlackUrl);
    m_dialog = openDialog(environment);
    QTRY_VERIFY_WITH_TIMEOUT(tab()->hasLoaded(), 20000);
    QCOMPARE(tab()->webhookNames(), (QStringList{QStringLiteral("billing-alerts"), QStringLiteral("ops")}));
    QCOMPARE(rowsOf(tab()->list(), SlackTab::OriginColumn),
             (QStringList{QStringLiteral("environment (BILLBRIDGE_SLACK_WEBHOOK_BILLING_ALERTS), read-only"),
                          QStringLiteral("environment (BILLBRIDGE_SLACK_WEBHOOK_OPS), read-only")}));

    tab()->list()->setCurrentItem(tab()->list()->topLevelItem(1));
    QCOMPARE(tab()->nameField()->text(), QStringLiteral("ops"));
    typeUrl(kSlackUrl);
    QVERIFY(!tab()->addButton()->isEnabled());
    QVERIFY(!tab()->replaceButton()->isEnabled());
    QVERIFY(!tab()->removeButton()->isEnabled());
    QVERIFY(tab()->nameProblemLabel()->text().contains(QLatin1String("BILLBRIDGE_SLACK_WEBHOOK_OPS")));
    QVERIFY(!everythingShown(m_dialog.get()).contains(QLatin1String("SeCrEtPaRt")));
}

void TestSlackTab::testReportsWhatSlackAnswered()
{
    test::SlackTestServer slack;
    QVERIFY(slack.start());
    const QUrl webhook = slack.addWebhook(QStringLiteral("SeCrEtPaRt0003"));
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("BILLBRIDGE_SLACK_ALLOW_LOOPBACK"), QStringLiteral("1"));
    // Nothing listens on the discard port: the network error.
    environment.insert(QStringLiteral("BILLBRIDGE_SLACK_WEBHOOK_UNREACHABLE"),
                       QStringLiteral("http://127.0.0.1:9/services/T0/B0/SeCrEtPaRt0004"));
    m_dialog = openDialog(environment);
    QTRY_VERIFY_WITH_TIMEOUT(tab()->hasLoaded(), 20000);
    typeName(QStringLiteral("alerts"));
    typeUrl(webhook.toString());
    QSignalSpy changed(tab(), &SlackTab::changeFinished);
    QTest::mouseClick(tab()->addButton(), Qt::LeftButton);
    QVERIFY(changed.wait(20000));
    QVERIFY(changed.first().at(0).toBool());
    QTRY_VERIFY(tab()->hasLoaded());

    typeName(QStringLiteral("alerts"));
    QPushButton* test = tab()->testPanel()->testButton();
    QLabel* result = tab()->testPanel()->resultLabel();
    QVERIFY(test->isEnabled());
    QSignalSpy finished(tab(), &SlackTab::testFinished);
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(tab()->isTesting());
    QVERIFY(!test->isEnabled());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.takeFirst().at(0).toBool(), true);
    QVERIFY2(result->text().startsWith(QLatin1String("Slack accepted the test message (HTTP 200)")),
             qPrintable(result->text()));
    QCOMPARE(slack.requestCount(), 1);
    QVERIFY(slack.requests().first().body.contains("Billbridge test message"));
    QVERIFY(slack.requests().first().body.contains("alerts"));

    slack.failNext(test::SlackTestServer::Answer::noService());
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.takeFirst().at(0).toBool(), false);
    QVERIFY2(result->text().contains(QLatin1String("HTTP 404 no_service")), qPrintable(result->text()));
    QVERIFY(result->text().contains(QLatin1String("Replace URL")));

    slack.failNext(test::SlackTestServer::Answer::invalidToken());
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.takeFirst().at(0).toBool(), false);
    QVERIFY2(result->text().contains(QLatin1String("HTTP 403 invalid_token")), qPrintable(result->text()));

    typeName(QStringLiteral("unreachable"));
    QVERIFY(test->isEnabled());
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.takeFirst().at(0).toBool(), false);
    QVERIFY2(result->text().startsWith(QLatin1String("Slack could not be reached")),
             qPrintable(result->text()));
    QVERIFY(result->text().contains(QLatin1String("network connection")));
    QVERIFY(!everythingShown(m_dialog.get()).contains(QLatin1String("SeCrEtPaRt")));

    // A test still waiting for Slack ends with the dialog.
    slack.failNext(test::SlackTestServer::Answer::silence());
    typeName(QStringLiteral("alerts"));
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(tab()->isTesting());
    m_dialog->reject();
    QVERIFY(!tab()->isTesting());
    QVERIFY(!finished.wait(300));
}

QTEST_MAIN(TestSlackTab)
#include "tst_slacktab.moc"
