// The Send Message dialog over a real store and a loopback App API: pickers filled from the workspace,
// Retry after an error, live data validation, the exact requests in the preview, queueing after the
// confirmation (once however often Send is pressed), and opening it from the Customers page.

#include "campaigns/campaigncatalog.h"
#include "campaigns/manualcampaigndialog.h"
#include "connections/sessionsecretstore.h"
#include "customerio/customerioregion.h"
#include "customers/customerpage.h"
#include "home/receiverprobe.h"
#include "home/storesummary.h"
#include "mainwindow/mainwindow.h"
#include "queue/jobfilterbar.h"
#include "queue/joblistmodel.h"
#include "queue/queuepage.h"
#include "secrets/secretstore.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/jobqueue.h"
#include "support/customeriotestserver.h"
#include "support/tempstore.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <memory>

using namespace billbridge;
using campaigns::ManualSend;
using test::CustomerIoTestServer;
using widgets::ManualCampaignDialog;

namespace {

const QString kInes = QStringLiteral("cus_T3st5pFKTX3LE7");
const QString kMaren = QStringLiteral("cus_T3stAaIU7yYiYe");

std::int64_t jobCount(const QString& path)
{
    store::JobQueue queue(store::Database::openForReading(path));
    std::int64_t total = 0;
    for (const auto& [state, count] : queue.counts())
        total += count;
    return total;
}

} // namespace

class TestCampaignDialog final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void pickersAreFilledFromTheWorkspace();
    void errorShowsRetry();
    void manualIdWorksWithoutTheList();
    void invalidJsonBlocksSend();
    void sizeMeterAndLimit();
    void previewShowsTheRequests();
    void confirmQueuesTheJobsOnce();
    void declinedConfirmationQueuesNothing();
    void openedFromTheCustomerPage();

private:
    ManualCampaignDialog::CatalogSource source();
    std::unique_ptr<ManualCampaignDialog> openDialog(const QStringList& customers);

    QTemporaryDir m_config;
    std::unique_ptr<test::TempStore> m_store;
    std::unique_ptr<CustomerIoTestServer> m_server;
};

void TestCampaignDialog::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    qunsetenv("BILLBRIDGE_CIO_APP_BASE");
    qunsetenv("BILLBRIDGE_CIO_TRACK_BASE");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_campaigndialog"));
}

void TestCampaignDialog::init()
{
    m_store = std::make_unique<test::TempStore>();
    QVERIFY(m_store->addAllFixtures().committed);
    m_store->stopWriter();
    m_server = std::make_unique<CustomerIoTestServer>();
    QVERIFY(m_server->start());
    m_server->setTransactionalListBody(
        R"({"messages":[{"id":7,"name":"Payment receipt","description":"After a paid invoice"},{"id":3,"name":"Card expiring"}]})");
    m_server->setBroadcastListBody(R"({"broadcasts":[{"id":12,"name":"Spring sale"}]})");
}

void TestCampaignDialog::cleanup()
{
    m_server.reset();
    m_store.reset();
}

ManualCampaignDialog::CatalogSource TestCampaignDialog::source()
{
    const customerio::CustomerIoEndpoints endpoints = customerio::CustomerIoEndpoints::resolve(
        customerio::Region::Us, m_server->baseUrl().toString(), m_server->baseUrl().toString());
    return [endpoints](QObject* context, std::function<void(const campaigns::CampaignCatalog&)> done) {
        customerio::CustomerIoCredentials credentials;
        credentials.appApiKey = QString::fromLatin1(CustomerIoTestServer::kDefaultAppKey);
        auto* loader = new campaigns::CampaignCatalogLoader(endpoints, credentials, context);
        QObject::connect(loader, &campaigns::CampaignCatalogLoader::finished, context, done);
        loader->load();
    };
}

std::unique_ptr<ManualCampaignDialog> TestCampaignDialog::openDialog(const QStringList& customers)
{
    auto dialog = std::make_unique<ManualCampaignDialog>(m_store->path(), source());
    dialog->setConfirmer([](QWidget*, const QString&, const QString&) { return true; });
    dialog->setRecipients(customers);
    dialog->show();
    return dialog;
}

void TestCampaignDialog::pickersAreFilledFromTheWorkspace()
{
    auto dialog = openDialog({kInes});
    QVERIFY(dialog->isCatalogLoading());
    QVERIFY(!dialog->picker()->isEnabled());
    QVERIFY(dialog->catalogStatus()->text().contains(QLatin1String("Loading")));
    QVERIFY(!dialog->sendButton()->isEnabled());
    QSignalSpy loaded(dialog.get(), &ManualCampaignDialog::catalogLoaded);
    QVERIFY(loaded.wait(10000));

    QVERIFY(dialog->picker()->isEnabled());
    QCOMPARE(dialog->picker()->count(), 3); // the prompt and two messages
    QCOMPARE(dialog->picker()->itemText(1), QStringLiteral("Card expiring (#3)"));
    QCOMPARE(dialog->picker()->itemData(2).toString(), QStringLiteral("7"));
    QVERIFY(dialog->retryButton()->isHidden());

    dialog->setKind(ManualSend::Kind::Broadcast);
    QCOMPARE(dialog->picker()->count(), 2);
    QCOMPARE(dialog->picker()->itemText(1), QStringLiteral("Spring sale (#12)"));
    QVERIFY(!dialog->toEdit()->isEnabled());
}

void TestCampaignDialog::errorShowsRetry()
{
    m_server->failNext(CustomerIoTestServer::Fault::unauthorized(), 2);
    auto dialog = openDialog({kInes});
    QSignalSpy loaded(dialog.get(), &ManualCampaignDialog::catalogLoaded);
    QVERIFY(loaded.wait(10000));
    QVERIFY(!dialog->retryButton()->isHidden());
    QVERIFY2(dialog->catalogStatus()->text().contains(QLatin1String("Connections")),
             qPrintable(dialog->catalogStatus()->text()));
    QVERIFY(!dialog->picker()->isEnabled());

    QTest::mouseClick(dialog->retryButton(), Qt::LeftButton);
    QVERIFY(dialog->isCatalogLoading());
    QVERIFY(loaded.wait(10000));
    QVERIFY(dialog->retryButton()->isHidden());
    QCOMPARE(dialog->picker()->count(), 3);
}

void TestCampaignDialog::manualIdWorksWithoutTheList()
{
    m_server->failNext(CustomerIoTestServer::Fault::serverError(503), 2);
    auto dialog = openDialog({kInes});
    QSignalSpy loaded(dialog.get(), &ManualCampaignDialog::catalogLoaded);
    QSignalSpy resolved(dialog.get(), &ManualCampaignDialog::recipientsResolved);
    QVERIFY(loaded.wait(10000));
    QVERIFY(dialog->isResolving() ? resolved.wait(10000) : true);
    QVERIFY(!dialog->sendButton()->isEnabled());
    QTest::keyClicks(dialog->manualIdEdit(), QStringLiteral("invoice_receipt"));
    QVERIFY2(dialog->sendButton()->isEnabled(), qPrintable(dialog->problems().join(u'\n')));
    QCOMPARE(dialog->currentSend().messageId, QStringLiteral("invoice_receipt"));
}

void TestCampaignDialog::invalidJsonBlocksSend()
{
    auto dialog = openDialog({kInes});
    QSignalSpy loaded(dialog.get(), &ManualCampaignDialog::catalogLoaded);
    QVERIFY(loaded.wait(10000));
    QVERIFY(QTest::qWaitFor([&] { return !dialog->isResolving(); }, 10000));
    dialog->picker()->setCurrentIndex(2);
    QVERIFY2(dialog->sendButton()->isEnabled(), qPrintable(dialog->problems().join(u'\n')));

    dialog->dataEdit()->setPlainText(QStringLiteral("{\"coupon\": SPRING}"));
    QVERIFY(!dialog->sendButton()->isEnabled());
    QVERIFY(dialog->dataStatus()->text().contains(QLatin1String("Not valid JSON")));
    QVERIFY(dialog->problemsLabel()->text().contains(QLatin1String("Not valid JSON")));

    dialog->dataEdit()->setPlainText(QStringLiteral("[1]"));
    QVERIFY(!dialog->sendButton()->isEnabled());
    QVERIFY(dialog->dataStatus()->text().contains(QLatin1String("JSON object")));

    dialog->dataEdit()->setPlainText(QStringLiteral("{\"coupon\": \"SPRING\"}"));
    QVERIFY(dialog->sendButton()->isEnabled());
    QCOMPARE(dialog->currentSend().data.value(QLatin1String("coupon")).toString(), QStringLiteral("SPRING"));
}

void TestCampaignDialog::sizeMeterAndLimit()
{
    auto dialog = openDialog({kInes});
    dialog->setKind(ManualSend::Kind::Broadcast);
    dialog->manualIdEdit()->setText(QStringLiteral("12"));
    QCOMPARE(dialog->sizeMeter()->maximum(), int(campaigns::limits::kBroadcastDataBytes));
    dialog->dataEdit()->setPlainText(QStringLiteral("{\"x\":\"%1\"}").arg(QString(100, QLatin1Char('a'))));
    QCOMPARE(dialog->sizeMeter()->value(), 108);
    QVERIFY(dialog->sendButton()->isEnabled());
    dialog->dataEdit()->setPlainText(QStringLiteral("{\"x\":\"%1\"}").arg(QString(60'000, QLatin1Char('a'))));
    QCOMPARE(dialog->sizeMeter()->value(), dialog->sizeMeter()->maximum());
    QVERIFY(!dialog->sendButton()->isEnabled());
    QVERIFY2(dialog->problemsLabel()->text().contains(QLatin1String("over Customer.io's limit")),
             qPrintable(dialog->problemsLabel()->text()));
}

void TestCampaignDialog::previewShowsTheRequests()
{
    auto dialog = openDialog({kInes, kMaren});
    QSignalSpy loaded(dialog.get(), &ManualCampaignDialog::catalogLoaded);
    QVERIFY(loaded.wait(10000));
    QVERIFY(QTest::qWaitFor([&] { return !dialog->isResolving(); }, 10000));
    dialog->picker()->setCurrentIndex(2);
    dialog->dataEdit()->setPlainText(QStringLiteral("{\"coupon\": \"SPRING\"}"));
    dialog->tabs()->setCurrentIndex(1);
    const QString preview = dialog->previewView()->toPlainText();
    QCOMPARE(preview.count(QLatin1String("POST /v1/send/email")), 2);
    QVERIFY(preview.contains(QLatin1String("\"to\": \"ines.carvalho@example.com\"")));
    QVERIFY(preview.contains(QLatin1String("\"to\": \"maren.holloway@example.com\"")));
    QVERIFY(preview.contains(QLatin1String("\"transactional_message_id\": 7")));
    // Exactly what the queue will send.
    for (const campaigns::PreviewRequest& request : dialog->currentSend().preview())
        QVERIFY(preview.contains(request.prettyBody));
}

void TestCampaignDialog::confirmQueuesTheJobsOnce()
{
    auto dialog = openDialog({kInes, kMaren});
    QString asked;
    dialog->setConfirmer([&asked](QWidget*, const QString&, const QString& text) {
        asked = text;
        return true;
    });
    QSignalSpy loaded(dialog.get(), &ManualCampaignDialog::catalogLoaded);
    QVERIFY(loaded.wait(10000));
    QVERIFY(QTest::qWaitFor([&] { return !dialog->isResolving(); }, 10000));
    dialog->picker()->setCurrentIndex(2);
    QSignalSpy queued(dialog.get(), &ManualCampaignDialog::jobsQueued);
    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
    // A second press while queueing, and one after, add nothing.
    dialog->requestSend();
    QVERIFY(queued.wait(10000));
    dialog->requestSend();
    QTest::qWait(50);
    QCOMPARE(queued.size(), 1);
    QVERIFY2(asked.contains(QLatin1String("Payment receipt (#7)")) && asked.contains(QLatin1String("2")),
             qPrintable(asked));
    QCOMPARE(jobCount(m_store->path()), std::int64_t(2));
    const QList<qint64> ids = queued.at(0).at(0).value<QList<qint64>>();
    QCOMPARE(ids.size(), 2);
    QVERIFY(dialog->resultLabel()->text().contains(QStringLiteral("#%1").arg(ids.at(0))));
    QVERIFY(!dialog->showInQueueButton()->isHidden());
    QVERIFY(!dialog->sendButton()->isEnabled());
    QCOMPARE(store::AuditLog::open(m_store->path()).list().size(), std::size_t(1));

    QSignalSpy showInQueue(dialog.get(), &ManualCampaignDialog::showInQueueRequested);
    QTest::mouseClick(dialog->showInQueueButton(), Qt::LeftButton);
    QCOMPARE(showInQueue.size(), 1);
    QCOMPARE(showInQueue.at(0).at(0).value<QList<qint64>>(), ids);

    // An edit makes it a new send.
    dialog->dataEdit()->setPlainText(QStringLiteral("{\"coupon\": \"AUTUMN\"}"));
    QVERIFY(dialog->sendButton()->isEnabled());
    QVERIFY(dialog->showInQueueButton()->isHidden());
    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
    QVERIFY(queued.wait(10000));
    QCOMPARE(jobCount(m_store->path()), std::int64_t(4));
}

void TestCampaignDialog::declinedConfirmationQueuesNothing()
{
    auto dialog = openDialog({kInes});
    dialog->setConfirmer([](QWidget*, const QString&, const QString&) { return false; });
    dialog->manualIdEdit()->setText(QStringLiteral("7"));
    QVERIFY(QTest::qWaitFor([&] { return !dialog->isResolving(); }, 10000));
    QVERIFY(dialog->sendButton()->isEnabled());
    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
    QTest::qWait(100);
    QVERIFY(!dialog->isQueueing());
    QCOMPARE(jobCount(m_store->path()), std::int64_t(0));
}

void TestCampaignDialog::openedFromTheCustomerPage()
{
    // The console reads the App key the way the Connections dialog stores it, and the App API base as the
    // Advanced tab saves it.
    QSettings().setValue(QLatin1String(customerio::CustomerIoEndpoints::kAppBaseSetting),
                         QString(m_server->baseUrl().toString() + QStringLiteral("/v1")));
    widgets::SessionSecretStore secrets;
    bool written = false;
    secrets.write(secrets::keys::kCustomerIoAppApiKey, QByteArray(CustomerIoTestServer::kDefaultAppKey),
                  [&written](const secrets::SecretResult& result) { written = result.isOk(); });
    QVERIFY(QTest::qWaitFor([&] { return written; }, 5000));
    widgets::ConnectionServices services;
    services.secrets = &secrets;
    {
        // A job that is not part of the send, which the narrowed Queue page must not list.
        store::NewJob other;
        other.operation = QStringLiteral("track.identify");
        other.customerId = kMaren;
        other.idempotencyKey = QStringLiteral("evt_not_this_send:identify");
        other.payload = {{QStringLiteral("customer"), kMaren}};
        QVERIFY(store::JobQueue::open(m_store->path()).enqueue(other).created);
    }
    widgets::StoreSummary summary(m_store->path());
    widgets::ReceiverProbe receiver(QStringLiteral("127.0.0.1:9"));
    widgets::MainWindow window(&summary, &receiver, services);
    window.setCurrentPage(widgets::MainWindow::Page::Customers);
    window.show();

    widgets::CustomerPage* page = window.customerPage();
    QVERIFY(!page->sendMessageButton()->isEnabled());
    QSignalSpy pageLoaded(page, &widgets::CustomerPage::loaded);
    page->showCustomer(kInes);
    QVERIFY(pageLoaded.wait(10000));
    QVERIFY(page->sendMessageButton()->isEnabled());
    QTest::mouseClick(page->sendMessageButton(), Qt::LeftButton);

    auto* dialog = window.findChild<ManualCampaignDialog*>();
    QVERIFY(dialog);
    QCOMPARE(dialog->recipientIds(), QStringList{kInes});
    QVERIFY(
        QTest::qWaitFor([dialog] { return !dialog->isCatalogLoading() && !dialog->isResolving(); }, 10000));
    QCOMPARE(dialog->picker()->count(), 3);
    dialog->picker()->setCurrentIndex(2);
    QVERIFY(dialog->previewView()->toPlainText().contains(QLatin1String("ines.carvalho@example.com")));

    QSignalSpy showInQueue(dialog, &ManualCampaignDialog::showInQueueRequested);
    dialog->setConfirmer([](QWidget*, const QString&, const QString&) { return true; });
    QSignalSpy queued(dialog, &ManualCampaignDialog::jobsQueued);
    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
    QVERIFY(queued.wait(10000));
    const QList<qint64> sent = queued.first().at(0).value<QList<qint64>>();
    QVERIFY(!sent.isEmpty());
    QTest::mouseClick(dialog->showInQueueButton(), Qt::LeftButton);
    QCOMPARE(window.currentPage(), widgets::MainWindow::Page::Queue);

    // Exactly the jobs of this send, and a chip that says the list is narrowed and clears it.
    widgets::QueuePage* queue = window.queuePage();
    QVERIFY(queue->filterBar()->jobChip()->isVisible());
    QCOMPARE(queue->filterBar()->jobChipLabel()->text(),
             QStringLiteral("The %1 job(s) of this manual send").arg(sent.size()));
    QTRY_COMPARE(queue->model()->rowCount(), int(sent.size()));
    QList<qint64> listed;
    for (int row = 0; row < queue->model()->rowCount(); ++row) {
        listed.append(queue->model()->jobAt(row).id);
        QVERIFY(queue->model()->jobAt(row).idempotencyKey.startsWith(QLatin1String("manual:")));
    }
    std::sort(listed.begin(), listed.end());
    QCOMPARE(listed, sent);
    QTest::mouseClick(queue->filterBar()->jobChipClearButton(), Qt::LeftButton);
    QVERIFY(!queue->filterBar()->jobChip()->isVisible());
    QTRY_COMPARE(queue->model()->rowCount(), int(sent.size()) + 1); // with the job queued before
    dialog->close();
    QSettings().remove(QLatin1String(customerio::CustomerIoEndpoints::kAppBaseSetting));
}

QTEST_MAIN(TestCampaignDialog)
#include "tst_campaigndialog.moc"
