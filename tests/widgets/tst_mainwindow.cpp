#include "audit/auditpage.h"
#include "common/translations.h"
#include "connections/connectionsdialog.h"
#include "connections/sessionsecretstore.h"
#include "customers/customerpage.h"
#include "events/eventspage.h"
#include "home/receiverprobe.h"
#include "home/storesummary.h"
#include "mainwindow/eventrate.h"
#include "mainwindow/mainwindow.h"
#include "mappings/mappingspage.h"
#include "queue/queuepage.h"
#include "rules/actionseditor.h"
#include "rules/rulespage.h"
#include "support/stripetestserver.h"
#include "support/tempstore.h"

#include <QAction>
#include <QCheckBox>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace billbridge;
using widgets::MainWindow;
using Page = widgets::MainWindow::Page;

namespace {

QString unusedAddress()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        qFatal("cannot listen on 127.0.0.1");
    const quint16 port = server.serverPort();
    server.close();
    return QStringLiteral("127.0.0.1:%1").arg(port);
}

QList<QByteArray> testEvents(int count, int first = 0)
{
    QList<QByteArray> events;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (int i = first; i < first + count; ++i)
        events.append(
            test::StripeTestServer::makeEvent(QStringLiteral("evt_main%1").arg(i, 4, 10, QLatin1Char('0')),
                                              QStringLiteral("invoice.paid"), now - 600 + i));
    return events;
}

// The window with its sources, polling fast so that tests wait milliseconds, not seconds.
struct Console {
    explicit Console(const QString& storePath, const QString& receiverAddress = unusedAddress(),
                     bool restore = false)
        : store(storePath)
        , receiver(receiverAddress)
        , window(&store, &receiver, services())
    {
        store.setInterval(std::chrono::milliseconds(50));
        receiver.setInterval(std::chrono::milliseconds(50));
        receiver.setTimeout(std::chrono::milliseconds(500));
        if (restore)
            window.restoreSavedState();
        window.show();
        store.start();
        receiver.start();
    }

    widgets::ConnectionServices services()
    {
        widgets::ConnectionServices result;
        result.secrets = &secrets;
        return result;
    }

    QString text(const char* name) const
    {
        auto* label = window.findChild<QLabel*>(QLatin1String(name));
        if (label == nullptr)
            qFatal("no label %s", name);
        return label->text();
    }

    widgets::SessionSecretStore secrets;
    widgets::StoreSummary store;
    widgets::ReceiverProbe receiver;
    MainWindow window;
};

} // namespace

class TestMainWindow final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void navigationSwitchesPages();
    void statusBarShowsRunningReceiver();
    void statusBarShowsEventCountAndRate();
    void testBadgeInHeaderAndStatusBar();
    void demoStoreIsLabelled();
    void connectionsOpenFromMenuAndOverview();
    void stateIsRestoredAcrossInstances();
    void eventRateNeedsTwoSamplesAndResets();
    void germanNavigationAndStatus();
    void rulesOfferTheKeychainsSlackWebhooks();

private:
    QTemporaryDir m_config;
};

void TestMainWindow::initTestCase()
{
    // Settings must not touch the real user's configuration.
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings().clear();
}

void TestMainWindow::navigationSwitchesPages()
{
    QTemporaryDir dir;
    Console console(dir.filePath(QStringLiteral("store.sqlite")));
    auto* navigation = console.window.findChild<QListWidget*>(QStringLiteral("navigation"));
    auto* pages = console.window.findChild<QStackedWidget*>(QStringLiteral("pages"));
    QVERIFY(navigation && pages);
    QCOMPARE(navigation->count(), static_cast<int>(Page::Count));
    QCOMPARE(console.window.currentPage(), Page::Overview);
    QVERIFY(console.window.page(Page::Overview)->isVisible());

    const QStringList names{QStringLiteral("Overview"),      QStringLiteral("Events"),
                            QStringLiteral("Customers"),     QStringLiteral("Queue"),
                            QStringLiteral("Plan Mappings"), QStringLiteral("Dunning Rules"),
                            QStringLiteral("Audit")};
    for (int row = 1; row < navigation->count(); ++row) {
        QCOMPARE(navigation->item(row)->text(), names.at(row));
        const QRect rect = navigation->visualItemRect(navigation->item(row));
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(pages->currentIndex(), row);
        if (row == static_cast<int>(Page::Events)) {
            QVERIFY(qobject_cast<widgets::EventsPage*>(pages->currentWidget()));
            QCOMPARE(console.window.eventsPage(), pages->currentWidget());
            continue;
        }
        if (row == static_cast<int>(Page::Customers)) {
            QVERIFY(qobject_cast<widgets::CustomerPage*>(pages->currentWidget()));
            continue;
        }
        if (row == static_cast<int>(Page::Queue)) {
            QVERIFY(qobject_cast<widgets::QueuePage*>(pages->currentWidget()));
            QCOMPARE(console.window.queuePage(), pages->currentWidget());
            continue;
        }
        if (row == static_cast<int>(Page::PlanMappings)) {
            QVERIFY(qobject_cast<widgets::MappingsPage*>(pages->currentWidget()));
            continue;
        }
        if (row == static_cast<int>(Page::DunningRules)) {
            QVERIFY(qobject_cast<widgets::RulesPage*>(pages->currentWidget()));
            continue;
        }
        QCOMPARE(row, static_cast<int>(Page::Audit));
        QVERIFY(qobject_cast<widgets::AuditPage*>(pages->currentWidget()));
        QVERIFY(pages->currentWidget()->isVisible());
    }
    console.window.setCurrentPage(Page::Overview);
    QCOMPARE(navigation->currentRow(), 0);
    QVERIFY(console.window.page(Page::Overview)->isVisible());
}

void TestMainWindow::statusBarShowsRunningReceiver()
{
    auto http = std::make_unique<QHttpServer>();
    auto* tcp = new QTcpServer;
    QVERIFY(tcp->listen(QHostAddress::LocalHost, 0));
    const QString address = QStringLiteral("127.0.0.1:%1").arg(tcp->serverPort());
    http->route(QStringLiteral("/healthz"), [] {
        return QHttpServerResponse(QByteArrayLiteral("application/json"),
                                   QByteArrayLiteral(R"({"status":"ok","events_stored":5,"mode":"test"})"));
    });
    http->bind(tcp);

    QTemporaryDir dir;
    Console console(dir.filePath(QStringLiteral("store.sqlite")), address);
    QTRY_COMPARE(console.text("statusReceiver"), QStringLiteral("Receiver %1: running").arg(address));
    QVERIFY(console.window.isReady());
    http.reset();
    QTRY_COMPARE(console.text("statusReceiver"), QStringLiteral("Receiver %1: not running").arg(address));
    QCOMPARE(console.text("statusPoll"), QStringLiteral("Last poll: —"));
}

void TestMainWindow::statusBarShowsEventCountAndRate()
{
    test::TempStore store;
    QVERIFY(store.addRaw(testEvents(3)).committed);
    store.stopWriter();
    Console console(store.path());
    QTRY_COMPARE(console.text("statusEvents"), QStringLiteral("Events: 3"));
    // New events while the window is open: the count follows and, after a second of snapshots, a rate.
    QVERIFY(store.addRaw(testEvents(4, 3)).committed);
    store.stopWriter();
    QTRY_VERIFY_WITH_TIMEOUT(console.text("statusEvents").startsWith(QLatin1String("Events: 7 (")), 5000);
    QVERIFY2(console.text("statusEvents").endsWith(QLatin1String("/min)")),
             qPrintable(console.text("statusEvents")));
}

void TestMainWindow::testBadgeInHeaderAndStatusBar()
{
    test::TempStore store;
    QVERIFY(store.addRaw(testEvents(2)).committed);
    store.stopWriter();
    Console console(store.path());
    QTRY_COMPARE(console.text("statusModeBadge"), QStringLiteral("TEST"));
    QCOMPARE(console.text("modeBadge"), QStringLiteral("TEST"));
    QVERIFY(console.window.findChild<QLabel*>(QStringLiteral("statusModeBadge"))->isVisible());
    QVERIFY(!console.window.findChild<QLabel*>(QStringLiteral("demoLabel"))->isVisible());
    QCOMPARE(console.window.windowTitle(), QStringLiteral("Billbridge"));
}

void TestMainWindow::demoStoreIsLabelled()
{
    test::TempStore store;
    QVERIFY(store.addRaw(testEvents(2)).committed);
    QVERIFY(store.add({}, {{QStringLiteral("store.demo"), QStringLiteral("true")}}).committed);
    store.stopWriter();
    Console console(store.path());
    auto* demo = console.window.findChild<QLabel*>(QStringLiteral("demoLabel"));
    QTRY_VERIFY(demo->isVisible());
    QCOMPARE(demo->text(), QStringLiteral("DEMO"));
    QVERIFY(console.window.isDemo());
    QVERIFY(console.window.windowTitle().contains(QLatin1String("DEMO")));
}

void TestMainWindow::connectionsOpenFromMenuAndOverview()
{
    QTemporaryDir dir;
    Console console(dir.filePath(QStringLiteral("store.sqlite")));
    auto* action = console.window.findChild<QAction*>(QStringLiteral("connectionsAction"));
    QVERIFY(action && action->isEnabled());
    QCOMPARE(action->text(), QStringLiteral("&Connections…"));
    action->trigger();
    QPointer<widgets::ConnectionsDialog> dialog = console.window.connectionsDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->reject();
    QTRY_VERIFY(!dialog);

    // On an empty store the welcome panel offers it; otherwise the button below the panels does. Which one
    // shows is known once the store has reported.
    QTRY_VERIFY(console.window.isReady());
    auto* button = console.window.findChild<QPushButton*>(QStringLiteral("gettingStartedConnections"));
    QVERIFY(button);
    QTRY_VERIFY(button->isVisible());
    QVERIFY(!console.window.findChild<QPushButton*>(QStringLiteral("connectionsButton"))->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(console.window.connectionsDialog());
    QTRY_VERIFY(console.window.connectionsDialog()->isVisible());
    // A second request raises the open dialog instead of stacking another.
    QCOMPARE(console.window.openConnections(), console.window.connectionsDialog());
    console.window.connectionsDialog()->reject();
}

void TestMainWindow::stateIsRestoredAcrossInstances()
{
    QSettings().clear();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    const QSize chosen(1010, 700);
    QList<int> sizes;
    {
        Console console(path, unusedAddress(), true);
        console.window.resize(chosen);
        console.window.setCurrentPage(Page::Queue);
        auto* splitter = console.window.findChild<QSplitter*>(QStringLiteral("navigationSplitter"));
        splitter->setSizes({230, 700});
        sizes = splitter->sizes();
        console.window.close();
    }
    QVERIFY(QSettings().contains(QStringLiteral("mainwindow/geometry")));
    QCOMPARE(QSettings().value(QStringLiteral("mainwindow/page")).toString(), QStringLiteral("queue"));
    {
        Console console(path, unusedAddress(), true);
        QCOMPARE(console.window.size(), chosen);
        QCOMPARE(console.window.currentPage(), Page::Queue);
        QVERIFY(console.window.page(Page::Queue)->isVisible());
        auto* splitter = console.window.findChild<QSplitter*>(QStringLiteral("navigationSplitter"));
        QCOMPARE(splitter->sizes().first(), sizes.first());
    }
    {
        // Screenshots and tests that do not ask for it start from the defaults.
        Console console(path);
        QCOMPARE(console.window.currentPage(), Page::Overview);
    }
}

void TestMainWindow::eventRateNeedsTwoSamplesAndResets()
{
    widgets::EventRate rate;
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000);
    QVERIFY(!rate.perMinute());
    rate.add(start, 100);
    QVERIFY(!rate.perMinute());
    rate.add(start.addMSecs(500), 101);
    QVERIFY(!rate.perMinute()); // too short a span to mean anything
    rate.add(start.addSecs(30), 130);
    QCOMPARE(*rate.perMinute(), 60.0);
    // Samples older than a minute drop out.
    rate.add(start.addSecs(90), 130);
    QCOMPARE(*rate.perMinute(), 0.0);
    // A smaller count is another store: start over.
    rate.add(start.addSecs(91), 5);
    QVERIFY(!rate.perMinute());
}

void TestMainWindow::germanNavigationAndStatus()
{
    QTemporaryDir dir;
    QVERIFY(widgets::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)));
    Console console(dir.filePath(QStringLiteral("store.sqlite")));
    auto* navigation = console.window.findChild<QListWidget*>(QStringLiteral("navigation"));
    QCOMPARE(navigation->item(0)->text(), QStringLiteral("Übersicht"));
    QCOMPARE(navigation->item(4)->text(), QStringLiteral("Tarif-Zuordnungen"));
    QCOMPARE(navigation->item(5)->text(), QStringLiteral("Mahnregeln"));
    QCOMPARE(navigation->item(6)->text(), QStringLiteral("Protokoll"));
    auto* follow = console.window.findChild<QCheckBox*>(QStringLiteral("followNewEvents"));
    QCOMPARE(follow->text(), QStringLiteral("Neuen Ereignissen folgen"));
    QTRY_COMPARE(console.text("statusEvents"), QStringLiteral("Ereignisse: noch keine"));
    QTRY_VERIFY(console.text("statusReceiver").endsWith(QStringLiteral("läuft nicht")));

    // Switching back retranslates the open window.
    QVERIFY(!widgets::installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
    QTRY_COMPARE(navigation->item(0)->text(), QStringLiteral("Overview"));
    QCOMPARE(navigation->item(5)->text(), QStringLiteral("Dunning Rules"));
    QCOMPARE(follow->text(), QStringLiteral("Follow new events"));
    QCOMPARE(console.text("statusEvents"), QStringLiteral("Events: none yet"));
}

void TestMainWindow::rulesOfferTheKeychainsSlackWebhooks()
{
    QTemporaryDir dir;
    Console console(dir.filePath(QStringLiteral("store.sqlite")));
    bool written = false;
    console.secrets.write(QStringLiteral("slack/webhook_names"),
                          QByteArray("billing-alerts\nops\nnot a name\n"),
                          [&written](const secrets::SecretResult& result) { written = result.isOk(); });
    QTRY_VERIFY(written);
    auto* actions = console.window.findChild<widgets::ActionsEditor*>();
    QVERIFY(actions);
    // Nothing is read from the keychain before the page is opened.
    QVERIFY(!actions->webhookNames().contains(QStringLiteral("billing-alerts")));
    console.window.setCurrentPage(Page::DunningRules);
    QTRY_VERIFY(actions->webhookNames().contains(QStringLiteral("billing-alerts")));
    QVERIFY(actions->webhookNames().contains(QStringLiteral("ops")));
    QVERIFY(!actions->webhookNames().contains(QStringLiteral("not a name")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
