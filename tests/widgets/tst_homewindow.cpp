// The Overview page (store, receiver, first steps) as it appears in the main window, with its menus.
#include "common/translations.h"
#include "connections/connectionsdialog.h"
#include "connections/sessionsecretstore.h"
#include "demo/demostore.h"
#include "home/demolauncher.h"
#include "home/gettingstartedpanel.h"
#include "home/modebadge.h"
#include "home/overviewpage.h"
#include "home/receiverprobe.h"
#include "home/storesummary.h"
#include "intake/consoleintake.h"
#include "intake/intakeservice.h"
#include "mainwindow/mainwindow.h"
#include "store/database.h"
#include "store/eventwriter.h"
#include "store/sqlite.h"
#include "stripe/stripeevent.h"
#include "support/syntheticevents.h"
#include "support/tempstore.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QGroupBox>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace billbridge;
using widgets::MainWindow;
using widgets::ReceiverProbe;
using widgets::StoreSummary;

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

// The window with its two sources, polling fast so that tests wait milliseconds, not seconds.
struct Console {
    explicit Console(const QString& storePath, const QString& receiverAddress = unusedAddress())
        : store(storePath)
        , receiver(receiverAddress)
        , window(&store, &receiver, services(&secrets))
    {
        store.setInterval(std::chrono::milliseconds(50));
        receiver.setInterval(std::chrono::milliseconds(50));
        receiver.setTimeout(std::chrono::milliseconds(500));
        window.show();
        store.start();
        receiver.start();
    }

    QString text(const char* name) const
    {
        auto* label = window.findChild<QLabel*>(QLatin1String(name));
        if (label == nullptr)
            qFatal("no label %s", name);
        return label->text();
    }
    bool visible(const char* name) const
    {
        auto* widget = window.findChild<QWidget*>(QLatin1String(name));
        if (widget == nullptr)
            qFatal("no widget %s", name);
        return widget->isVisible();
    }

    static widgets::ConnectionServices services(widgets::SessionSecretStore* secrets)
    {
        widgets::ConnectionServices result;
        result.secrets = secrets;
        return result;
    }

    widgets::SessionSecretStore secrets;
    StoreSummary store;
    ReceiverProbe receiver;
    MainWindow window;
};

} // namespace

class TestOverview final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void missingStoreExplainsTheNextSteps();
    void emptyStoreShowsNoneYet();
    void welcomeButtonsComeFirstAndLeadOn();
    void openDemoDataShowsProgressThenTheOutcome();
    void openDemoDataFailureIsShownInline();
    void storeWithEventsShowsCountAndTestBadge();
    void newEventsAppearWithoutReopening();
    void badgeFollowsTheModesPresent_data();
    void badgeFollowsTheModesPresent();
    void newerSchemaShowsThePlainError();
    void receiverRunningThenStopped();
    void invalidReceiverAddressIsExplained();
    void readyIsEmittedOnceBothHaveReported();
    void germanTranslationLoadsAndSwitchesLive();
    void aboutBoxNamesVersionAndStore();
    void quitClosesTheWindow();
    void geometryIsRemembered();

private:
    QTemporaryDir m_config;
};

void TestOverview::initTestCase()
{
    // Settings must not touch the real user's configuration.
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_homewindow"));
    QVERIFY(!widgets::installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
}

void TestOverview::cleanup()
{
    widgets::installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestOverview::missingStoreExplainsTheNextSteps()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("billbridge.sqlite"));
    Console console(path);
    QVERIFY(QTest::qWaitForWindowExposed(&console.window));
    QTRY_VERIFY(console.text("storeMessage").contains(QLatin1String("No store yet at")));
    QVERIFY(console.text("storeMessage").contains(path));
    QVERIFY(console.text("storeMessage").contains(QLatin1String("billbridge-cli backfill")));
    QVERIFY(console.text("storeMessage").contains(QLatin1String("billbridge-cli serve")));
    QCOMPARE(console.text("storeLocation"), QDir::toNativeSeparators(path));
    QVERIFY(console.visible("gettingStarted"));
    QCOMPARE(console.text("gettingStartedCommand1"), QStringLiteral("billbridge-cli connections set stripe"));
    QCOMPARE(console.text("gettingStartedCommand2"), QStringLiteral("billbridge-cli serve"));
    // The Stripe CLI is pointed at the receiver this console watches.
    QCOMPARE(console.text("gettingStartedCommand3"),
             QStringLiteral("stripe listen --forward-to %1/stripe/webhook").arg(console.receiver.address()));
    QCOMPARE(console.text("gettingStartedCommand4"), QStringLiteral("billbridge-cli backfill"));
    // Each command can be copied whole.
    auto* copy = console.window.findChild<QToolButton*>(QStringLiteral("gettingStartedCopy3"));
    QVERIFY(copy);
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), console.text("gettingStartedCommand3"));
    QVERIFY(!console.visible("modeBadge"));
    QVERIFY(!console.visible("eventCount"));
    // Looking must never create the store.
    QVERIFY(!QFileInfo::exists(path));
}

void TestOverview::emptyStoreShowsNoneYet()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    store::Database::openForWriting(path).close();
    Console console(path);
    QTRY_COMPARE(console.text("eventCount"), QStringLiteral("none yet"));
    QVERIFY(console.visible("eventCount"));
    QVERIFY(!console.visible("newestEvent"));
    QVERIFY(console.visible("gettingStarted"));
    QVERIFY(!console.visible("modeBadge"));
}

void TestOverview::welcomeButtonsComeFirstAndLeadOn()
{
    QTemporaryDir dir;
    Console console(dir.filePath(QStringLiteral("billbridge.sqlite")));
    QVERIFY(QTest::qWaitForWindowExposed(&console.window));
    QTRY_VERIFY(console.visible("gettingStarted"));
    auto* overview = console.window.findChild<widgets::OverviewPage*>();
    QVERIFY(overview);
    const auto button = [&console](const char* name) {
        auto* found = console.window.findChild<QPushButton*>(QLatin1String(name));
        if (found == nullptr)
            qFatal("no button %s", name);
        return found;
    };
    QCOMPARE(button("gettingStartedConnections")->text(), QStringLiteral("Connections…"));
    QCOMPARE(button("gettingStartedReceiveHere")->text(), QStringLiteral("Receive Events in This Window"));
    QCOMPARE(button("gettingStartedBackfill")->text(), QStringLiteral("Backfill from Stripe…"));
    QCOMPARE(button("gettingStartedDemo")->text(), QStringLiteral("Open Demo Data"));
    auto* firstCommand = console.window.findChild<QLabel*>(QStringLiteral("gettingStartedCommand1"));
    // Receiving here needs the console's own intake, which the window gets from its composition root.
    QVERIFY(!button("gettingStartedReceiveHere")->isEnabled());
    widgets::ConsoleIntake intake(intake::IntakeOptions{}, Console::services(&console.secrets));
    console.window.setConsoleIntake(&intake);
    for (const char* name : {"gettingStartedConnections", "gettingStartedReceiveHere",
                             "gettingStartedBackfill", "gettingStartedDemo"}) {
        QVERIFY2(button(name)->isVisible() && button(name)->isEnabled(), name);
        // The buttons come before the terminal commands.
        QVERIFY2(button(name)->mapTo(&console.window, QPoint()).y() <
                     firstCommand->mapTo(&console.window, QPoint()).y(),
                 name);
    }
    QVERIFY(!console.visible("gettingStartedDemoStatus"));

    QSignalSpy receiveHere(overview, &widgets::OverviewPage::receiveHereRequested);
    QSignalSpy backfill(overview, &widgets::OverviewPage::backfillRequested);
    QTest::mouseClick(button("gettingStartedReceiveHere"), Qt::LeftButton);
    QCOMPARE(receiveHere.count(), 1);
    QCOMPARE(backfill.count(), 0);
    QTest::mouseClick(button("gettingStartedBackfill"), Qt::LeftButton);
    QCOMPARE(backfill.count(), 1);
    QCOMPARE(receiveHere.count(), 1);

    // Without a receiver of its own in this process the button says so instead of doing nothing.
    overview->setReceiveHereAvailable(false);
    QVERIFY(!button("gettingStartedReceiveHere")->isEnabled());
    QVERIFY(button("gettingStartedReceiveHere")->toolTip().contains(QLatin1String("billbridge-cli serve")));
    QTest::mouseClick(button("gettingStartedReceiveHere"), Qt::LeftButton);
    QCOMPARE(receiveHere.count(), 1);
    overview->setReceiveHereAvailable(true);
    QVERIFY(button("gettingStartedReceiveHere")->isEnabled());

    QVERIFY(!console.window.connectionsDialog());
    QTest::mouseClick(button("gettingStartedConnections"), Qt::LeftButton);
    QVERIFY(console.window.connectionsDialog());
    QTRY_VERIFY(console.window.connectionsDialog()->isVisible());
    console.window.connectionsDialog()->reject();
}

void TestOverview::openDemoDataShowsProgressThenTheOutcome()
{
    QTemporaryDir dir;
    Console console(dir.filePath(QStringLiteral("billbridge.sqlite")));
    QTRY_VERIFY(console.visible("gettingStarted"));
    auto* overview = console.window.findChild<widgets::OverviewPage*>();
    QVERIFY(overview);
    const QString demoPath = dir.filePath(QStringLiteral("demo.sqlite"));
    widgets::DemoLauncher* launcher = overview->demoLauncher();
    launcher->setPath(demoPath);
    demo::DemoOptions options = launcher->options();
    options.customers = 20;
    options.days = 20;
    launcher->setOptions(options);
    QList<QStringList> launches;
    launcher->setStartProgram([&launches](const QString&, const QStringList& arguments) {
        launches.append(arguments);
        return true;
    });

    auto* demoButton = console.window.findChild<QPushButton*>(QStringLiteral("gettingStartedDemo"));
    QVERIFY(demoButton);
    QTest::mouseClick(demoButton, Qt::LeftButton);
    QVERIFY(!demoButton->isEnabled());
    QVERIFY(console.visible("gettingStartedDemoStatus"));
    QCOMPARE(console.text("gettingStartedDemoStatus"), QStringLiteral("Generating demo data…"));
    QTRY_VERIFY_WITH_TIMEOUT(demoButton->isEnabled(), 120000);
    QCOMPARE(launches, (QList<QStringList>{{QStringLiteral("--db"), demoPath}}));
    QVERIFY2(console.text("gettingStartedDemoStatus").contains(QLatin1String("second window")),
             qPrintable(console.text("gettingStartedDemoStatus")));
    QVERIFY(demo::DemoStore::isDemoStore(demoPath));
    // This window stays on its own store.
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("billbridge.sqlite"))));
}

void TestOverview::openDemoDataFailureIsShownInline()
{
    QTemporaryDir dir;
    Console console(dir.filePath(QStringLiteral("billbridge.sqlite")));
    QTRY_VERIFY(console.visible("gettingStarted"));
    auto* overview = console.window.findChild<widgets::OverviewPage*>();
    QVERIFY(overview);
    const QString blocker = dir.filePath(QStringLiteral("not-a-folder"));
    {
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    overview->demoLauncher()->setPath(QDir(blocker).filePath(QStringLiteral("demo.sqlite")));
    bool launched = false;
    overview->demoLauncher()->setStartProgram([&launched](const QString&, const QStringList&) {
        launched = true;
        return true;
    });
    auto* demoButton = console.window.findChild<QPushButton*>(QStringLiteral("gettingStartedDemo"));
    QVERIFY(demoButton);
    QTest::mouseClick(demoButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(demoButton->isEnabled(), 120000);
    QVERIFY(console.visible("gettingStartedDemoStatus"));
    QVERIFY2(console.text("gettingStartedDemoStatus").contains(QLatin1String("could not be created")),
             qPrintable(console.text("gettingStartedDemoStatus")));
    QVERIFY(!launched);
}

void TestOverview::storeWithEventsShowsCountAndTestBadge()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY(test::writeEvents(path,
                              {test::minimalEvent("evt_a", "customer.created", "cus_1", false, now - 7200),
                               test::minimalEvent("evt_b", "invoice.paid", "cus_1", false, now - 600),
                               test::minimalEvent("evt_c", "invoice.created", "cus_1", false, now - 3000)}));
    Console console(path);
    QTRY_COMPARE(console.text("eventCount"), QStringLiteral("3 (3 test, 0 live)"));
    QCOMPARE(console.text("modeBadge"), QStringLiteral("TEST"));
    QVERIFY(console.visible("modeBadge"));
    QVERIFY(console.text("newestEvent").startsWith(QLatin1String("invoice.paid at ")));
    QVERIFY2(console.text("newestEvent").endsWith(QLatin1String("(10 minutes ago)")),
             qPrintable(console.text("newestEvent")));
    QVERIFY(!console.visible("gettingStarted"));
    QVERIFY(!console.visible("storeMessage"));
    QCOMPARE(console.text("statusEvents"), QStringLiteral("Events: 3"));
}

void TestOverview::newEventsAppearWithoutReopening()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    Console console(path);
    QTRY_VERIFY(console.text("storeMessage").contains(QLatin1String("No store yet")));
    QVERIFY(test::writeEvents(
        path, {test::minimalEvent("evt_live", "charge.succeeded", "cus_1", true, 1700000000)}));
    QTRY_COMPARE(console.text("eventCount"), QStringLiteral("1 (0 test, 1 live)"));
    QCOMPARE(console.text("modeBadge"), QStringLiteral("LIVE"));
    QVERIFY(!console.visible("gettingStarted"));
}

void TestOverview::badgeFollowsTheModesPresent_data()
{
    QTest::addColumn<qint64>("live");
    QTest::addColumn<qint64>("test");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << qint64(0) << qint64(0) << QString();
    QTest::newRow("test") << qint64(0) << qint64(5) << QStringLiteral("TEST");
    QTest::newRow("live") << qint64(2) << qint64(0) << QStringLiteral("LIVE");
    QTest::newRow("both") << qint64(2) << qint64(5) << QStringLiteral("LIVE + TEST");
}

void TestOverview::badgeFollowsTheModesPresent()
{
    QFETCH(qint64, live);
    QFETCH(qint64, test);
    QFETCH(QString, text);
    QWidget parent;
    auto* badge = new widgets::ModeBadge(&parent);
    parent.show();
    badge->setCounts(1, 1);
    badge->setCounts(live, test);
    QCOMPARE(badge->text(), text);
    QCOMPARE(badge->isVisible(), !text.isEmpty());
    QCOMPARE(badge->toolTip().isEmpty(), text.isEmpty());
}

void TestOverview::newerSchemaShowsThePlainError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    QVERIFY(
        test::writeEvents(path, {test::minimalEvent("evt_a", "invoice.paid", "cus_1", false, 1700000000)}));
    {
        store::SqliteConnection connection =
            store::SqliteConnection::open(path, store::SqliteConnection::Access::ReadWrite);
        connection.exec("PRAGMA user_version = 99");
    }
    Console console(path);
    QTRY_VERIFY(console.text("storeMessage").contains(QLatin1String("The store cannot be read")));
    const QString message = console.text("storeMessage");
    QVERIFY2(message.contains(QLatin1String("written by a newer Billbridge")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Install the newer Billbridge")), qPrintable(message));
    QVERIFY(!console.visible("eventCount"));
    QVERIFY(!console.visible("modeBadge"));
    QVERIFY(!console.visible("gettingStarted"));
    // It keeps polling and keeps saying so, without crashing.
    QSignalSpy updates(&console.store, &StoreSummary::updated);
    QTRY_VERIFY(updates.count() >= 2);
    QVERIFY(console.text("storeMessage").contains(QLatin1String("newer Billbridge")));
}

void TestOverview::receiverRunningThenStopped()
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
    QTRY_VERIFY(console.text("receiverState").contains(QLatin1String("Running")));
    QVERIFY(console.text("receiverState").contains(address));
    QVERIFY2(console.text("receiverDetails").contains(QLatin1String("events stored: 5")),
             qPrintable(console.text("receiverDetails")));
    QVERIFY(console.text("receiverDetails").contains(QLatin1String("mode: test")));

    http.reset();
    QTRY_VERIFY(console.text("receiverState").contains(QLatin1String("Not reachable")));
    QVERIFY(console.text("receiverState").contains(QLatin1String("start it with")));
    QVERIFY(console.text("receiverState").contains(QLatin1String("billbridge-cli serve")));
    QVERIFY(console.text("receiverDetails").startsWith(QLatin1String("Last check: ")));
}

void TestOverview::invalidReceiverAddressIsExplained()
{
    QTemporaryDir dir;
    Console console(dir.filePath(QStringLiteral("store.sqlite")), QStringLiteral("8787"));
    QTRY_VERIFY(console.text("receiverState").contains(QLatin1String("Invalid address")));
    QVERIFY(console.text("receiverState").contains(QLatin1String("HOST:PORT")));
    // The steps fall back to the default address rather than showing a command that cannot work.
    QCOMPARE(console.text("gettingStartedCommand3"),
             QStringLiteral("stripe listen --forward-to 127.0.0.1:8787/stripe/webhook"));
}

void TestOverview::readyIsEmittedOnceBothHaveReported()
{
    QTemporaryDir dir;
    StoreSummary store(dir.filePath(QStringLiteral("store.sqlite")));
    ReceiverProbe receiver(unusedAddress());
    widgets::SessionSecretStore secrets;
    MainWindow window(&store, &receiver, Console::services(&secrets));
    QSignalSpy ready(&window, &MainWindow::ready);
    QVERIFY(!window.isReady());
    store.refresh();
    QTRY_VERIFY(store.hasResult());
    QCOMPARE(ready.count(), 0);
    receiver.probe();
    QTRY_COMPARE(ready.count(), 1);
    QVERIFY(window.isReady());
    store.refresh();
    receiver.probe();
    QSignalSpy storeUpdates(&store, &StoreSummary::updated);
    QSignalSpy receiverUpdates(&receiver, &ReceiverProbe::updated);
    QTRY_VERIFY(storeUpdates.count() >= 1 && receiverUpdates.count() >= 1);
    QCOMPARE(ready.count(), 1);
}

void TestOverview::germanTranslationLoadsAndSwitchesLive()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("billbridge.sqlite"));
    QVERIFY(widgets::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)));
    Console console(path);
    auto* storePanel = console.window.findChild<QGroupBox*>(QStringLiteral("storePanel"));
    QVERIFY(storePanel);
    QCOMPARE(storePanel->title(), QStringLiteral("Ereignisspeicher"));
    QTRY_VERIFY2(console.text("storeMessage").contains(QStringLiteral("Noch kein Speicher unter")),
                 qPrintable(console.text("storeMessage")));
    QVERIFY(console.text("storeMessage").contains(path));
    QTRY_VERIFY2(console.text("receiverState").contains(QStringLiteral("Nicht erreichbar")),
                 qPrintable(console.text("receiverState")));
    QCOMPARE(console.window.menuBar()->actions().at(0)->text(), QStringLiteral("&Datei"));

    // Switching back retranslates the open window.
    QVERIFY(!widgets::installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
    QTRY_COMPARE(storePanel->title(), QStringLiteral("Event store"));
    QTRY_VERIFY(console.text("storeMessage").contains(QLatin1String("No store yet at")));
    QCOMPARE(console.window.menuBar()->actions().at(0)->text(), QStringLiteral("&File"));

    // A language without a translation leaves English in place.
    QVERIFY(!widgets::installTranslations(*qApp, QLocale(QLocale::Japanese, QLocale::Japan)));
    QCOMPARE(storePanel->title(), QStringLiteral("Event store"));
}

void TestOverview::aboutBoxNamesVersionAndStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("billbridge.sqlite"));
    Console console(path);
    auto* about = console.window.findChild<QAction*>(QStringLiteral("aboutAction"));
    QVERIFY(about);
    about->trigger();
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = console.window.findChild<QMessageBox*>(QStringLiteral("aboutBox"))) != nullptr);
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(box->windowTitle(), QStringLiteral("About Billbridge"));
    QVERIFY(box->text().contains(QLatin1String(BILLBRIDGE_VERSION)));
    QVERIFY(box->text().contains(path));
    QVERIFY(box->text().contains(console.receiver.address()));
    QPointer<QMessageBox> guard(box);
    box->button(QMessageBox::Close)->click();
    QTRY_VERIFY(guard.isNull());
    QVERIFY(console.window.isVisible());
}

void TestOverview::quitClosesTheWindow()
{
    QTemporaryDir dir;
    Console console(dir.filePath(QStringLiteral("billbridge.sqlite")));
    QVERIFY(QTest::qWaitForWindowExposed(&console.window));
    auto* quit = console.window.findChild<QAction*>(QStringLiteral("quitAction"));
    QVERIFY(quit);
    QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
    quit->trigger();
    QVERIFY(!console.window.isVisible());
}

void TestOverview::geometryIsRemembered()
{
    QSettings().clear();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("billbridge.sqlite"));
    QSize chosen(880, 640);
    {
        Console console(path);
        // Whatever the pages need at least, the chosen size is a little more.
        chosen = chosen.expandedTo(console.window.minimumSizeHint() + QSize(20, 20));
        console.window.restoreSavedState();
        QVERIFY(QTest::qWaitForWindowExposed(&console.window));
        console.window.resize(chosen);
        QTRY_COMPARE(console.window.size(), chosen);
        console.window.close();
    }
    QVERIFY(QSettings().contains(QStringLiteral("mainwindow/geometry")));
    {
        Console console(path);
        QVERIFY(console.window.size() != chosen);
        console.window.restoreSavedState();
        QTRY_COMPARE(console.window.size(), chosen);
    }
    // A window that was not asked to remember leaves the saved geometry alone.
    const QByteArray saved = QSettings().value(QStringLiteral("mainwindow/geometry")).toByteArray();
    {
        Console console(path);
        console.window.resize(800, 600);
        console.window.close();
    }
    QCOMPARE(QSettings().value(QStringLiteral("mainwindow/geometry")).toByteArray(), saved);
}

QTEST_MAIN(TestOverview)
#include "tst_homewindow.moc"
