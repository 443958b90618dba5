// The Events page's Sync tab, driven through the real main window over a store written by the EventWriter
// with the SyncEngine installed: the verdict in words, its reason, the jobs with the rule that made them,
// "not planned" for an event stored with sync off, and the way to the job on the Queue page.

#include "connections/sessionsecretstore.h"
#include "events/eventdetailview.h"
#include "events/eventlistmodel.h"
#include "events/eventspage.h"
#include "events/syncdecisionview.h"
#include "home/receiverprobe.h"
#include "home/storesummary.h"
#include "mainwindow/mainwindow.h"
#include "queue/jobdetailview.h"
#include "queue/jobfilterbar.h"
#include "queue/joblistmodel.h"
#include "queue/queuepage.h"
#include "rules/rule.h"
#include "rules/rulestore.h"
#include "store/eventwriter.h"
#include "support/fixtures.h"
#include "support/tempstore.h"
#include "sync/syncengine.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <algorithm>
#include <memory>

using namespace billbridge;
using billbridge::test::Fixtures;
using billbridge::test::TempStore;
using widgets::SyncDecisionView;
using Page = widgets::MainWindow::Page;

namespace {

constexpr std::int64_t kNowMs = 1795019715LL * 1000; // just after the newest fixture event
constexpr std::int64_t kTenYearsMs = 10LL * 365 * 24 * 3600 * 1000;
const QString kProductEvent = QStringLiteral("evt_1T3stProductCreated000");

struct Console {
    explicit Console(const QString& storePath)
        : store(storePath)
        , receiver(QStringLiteral("127.0.0.1:9"))
        , window(&store, &receiver, services())
    {
        store.setInterval(std::chrono::milliseconds(100));
        receiver.setTimeout(std::chrono::milliseconds(200));
        window.setCurrentPage(Page::Events);
        window.show();
        store.start();
    }

    widgets::ConnectionServices services()
    {
        widgets::ConnectionServices result;
        result.secrets = &secrets;
        return result;
    }

    widgets::EventsPage* page() const { return window.eventsPage(); }
    widgets::EventListModel* model() const { return page()->model(); }
    SyncDecisionView* sync() const { return page()->detailView()->syncView(); }

    bool select(const QString& eventId) const
    {
        const int row = model()->rowOfEvent(eventId);
        if (row < 0)
            return false;
        page()->list()->selectRow(row);
        return true;
    }

    widgets::SessionSecretStore secrets;
    widgets::StoreSummary store;
    widgets::ReceiverProbe receiver;
    widgets::MainWindow window;
};

QString idOf(const QString& fixture)
{
    return TempStore::incoming(Fixtures::load(fixture)).fields.id;
}

bool write(store::EventWriter& writer, const QByteArray& raw)
{
    store::WriteRequest request;
    request.events.push_back(TempStore::incoming(raw));
    return writer.write(std::move(request)).committed;
}

QByteArray productEvent()
{
    return R"({"id":"evt_1T3stProductCreated000","object":"event","api_version":"2024-06-20",
"created":1790000000,"livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},
"type":"product.created","data":{"object":{"id":"prod_T3stReader","object":"product","name":"Reader"}}})";
}

QStringList columnTexts(const QTreeWidget* list, int column)
{
    QStringList texts;
    for (int row = 0; row < list->topLevelItemCount(); ++row)
        texts << list->topLevelItem(row)->text(column);
    return texts;
}

} // namespace

class TestEventSync final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void appliedEventShowsItsJobsAndOpensOneInTheQueue();
    void ignoredEventSaysWhyAndMadeNoJobs();
    void eventStoredWithSyncOffWasNotPlanned();
    void unreadableStoreSaysSo();

private:
    QTemporaryDir m_config;
    std::unique_ptr<TempStore> m_store;
};

void TestEventSync::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_eventsync"));
}

void TestEventSync::init()
{
    QSettings().clear();
    m_store = std::make_unique<TempStore>();
    m_store->writer(); // creates and migrates the store
    m_store->stopWriter();
    {
        rules::RuleStore rules = rules::RuleStore::open(m_store->path(), [] { return kNowMs; });
        QList<rules::RuleProblem> problems;
        const std::optional<rules::Rule> alert = rules::ruleFromJson(
            QJsonDocument::fromJson(R"({"id":"failure-alert","name":"Alert","enabled":true,
              "trigger":["invoice.payment_failed"],
              "actions":[{"type":"set_attributes","attributes":{"churn_risk":{"literal":true}}}]})")
                .object(),
            &problems);
        QVERIFY(alert);
        rules.save(*alert);
    }
    {
        store::EventWriter writer(m_store->path());
        sync::SyncOptions options;
        options.horizonMs = kTenYearsMs;
        sync::SyncEngine::install(writer, options, [] { return kNowMs; });
        writer.start();
        for (const QString& name : Fixtures::names()) {
            if (name.startsWith(QLatin1String("maren-")) && name.mid(6, 2).toInt() <= 10)
                QVERIFY(write(writer, Fixtures::load(name)));
        }
        QVERIFY(write(writer, productEvent()));
        writer.stop();
    }
    // Stored with sync off: a writer without the engine, as BILLBRIDGE_SYNC=off installs it.
    QVERIFY(m_store->addFixtures({QStringLiteral("tobias-01-customer.created")}).committed);
    m_store->stopWriter();
}

void TestEventSync::appliedEventShowsItsJobsAndOpensOneInTheQueue()
{
    Console console(m_store->path());
    const QString failed = idOf(QStringLiteral("maren-10-invoice.payment_failed"));
    QTRY_VERIFY(console.select(failed));
    SyncDecisionView* sync = console.sync();
    QTRY_VERIFY(sync->hasDecision());
    QCOMPARE(sync->eventId(), failed);
    QVERIFY2(sync->summaryText().startsWith(QLatin1String("Applied:")), qPrintable(sync->summaryText()));
    QVERIFY2(sync->reasonText().contains(QLatin1String("failure-alert")), qPrintable(sync->reasonText()));

    QTreeWidget* jobs = sync->jobList();
    QVERIFY(jobs->topLevelItemCount() >= 2);
    auto* count = sync->findChild<QLabel*>(QStringLiteral("syncJobCount"));
    QCOMPARE(count->text(), QStringLiteral("%1 job(s) created").arg(jobs->topLevelItemCount()));
    const QStringList madeBy = columnTexts(jobs, SyncDecisionView::RuleColumn);
    QVERIFY(madeBy.contains(QStringLiteral("Built-in sync")));
    const int ruleRow = int(madeBy.indexOf(QStringLiteral("Rule failure-alert, version 1")));
    QVERIFY2(ruleRow >= 0, qPrintable(madeBy.join(QLatin1String(" | "))));
    QTreeWidgetItem* ruleJob = jobs->topLevelItem(ruleRow);
    QCOMPARE(ruleJob->text(SyncDecisionView::OperationColumn), QStringLiteral("Identify person"));
    QCOMPARE(ruleJob->text(SyncDecisionView::StateColumn), QStringLiteral("Pending"));
    QCOMPARE(ruleJob->toolTip(SyncDecisionView::RuleColumn),
             failed + QStringLiteral(":rule:failure-alert:0"));

    // The Sync tab is a tab of the detail beside the payload.
    QTabWidget* tabs = console.page()->detailView()->tabs();
    tabs->setCurrentWidget(sync);
    QVERIFY(sync->isVisible());
    QPushButton* show = sync->showInQueueButton();
    QVERIFY(show->isVisible() && show->isEnabled());

    const std::int64_t ruleJobId =
        ruleJob->data(SyncDecisionView::JobColumn, SyncDecisionView::JobIdRole).toLongLong();
    QVERIFY(ruleJobId > 0);
    std::vector<std::int64_t> eventJobIds;
    for (int row = 0; row < jobs->topLevelItemCount(); ++row)
        eventJobIds.push_back(jobs->topLevelItem(row)
                                  ->data(SyncDecisionView::JobColumn, SyncDecisionView::JobIdRole)
                                  .toLongLong());
    widgets::QueuePage* queue = console.window.queuePage();
    QSignalSpy shown(queue, &widgets::QueuePage::jobShown);
    jobs->setCurrentItem(ruleJob);
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(console.window.currentPage(), Page::Queue);
    QCOMPARE(queue->shownJobId(), ruleJobId);
    QTRY_VERIFY(!shown.isEmpty());
    QCOMPARE(shown.last().at(0).toLongLong(), ruleJobId);

    // The Queue page lists exactly the event's jobs (other events made jobs too) and says it is narrowed.
    QVERIFY(console.window.queuePage()->filterBar()->jobChip()->isVisible());
    QCOMPARE(queue->filterBar()->jobChipLabel()->text(),
             QStringLiteral("The %1 job(s) of event %2").arg(eventJobIds.size()).arg(failed));
    QTRY_COMPARE(queue->model()->rowCount(), int(eventJobIds.size()));
    std::vector<std::int64_t> listed;
    for (int row = 0; row < queue->model()->rowCount(); ++row)
        listed.push_back(queue->model()->jobAt(row).id);
    std::sort(listed.begin(), listed.end());
    QCOMPARE(listed, eventJobIds);
    QTRY_COMPARE(queue->selectedJobIds(), std::vector<std::int64_t>{ruleJobId});

    // Cleared, the chip goes and every job is listed again.
    QTest::mouseClick(queue->filterBar()->jobChipClearButton(), Qt::LeftButton);
    QVERIFY(!queue->filterBar()->jobChip()->isVisible());
    QVERIFY(queue->filterBar()->filter().ids.empty());
    QTRY_VERIFY(queue->model()->rowCount() > int(eventJobIds.size()));
}

void TestEventSync::ignoredEventSaysWhyAndMadeNoJobs()
{
    Console console(m_store->path());
    QTRY_VERIFY(console.select(kProductEvent));
    SyncDecisionView* sync = console.sync();
    QTRY_VERIFY(sync->hasDecision() && sync->eventId() == kProductEvent);
    QVERIFY(sync->summaryText().startsWith(QLatin1String("Ignored:")));
    QCOMPARE(sync->reasonText().section(QLatin1Char('\n'), 0, 0), QStringLiteral("Reason: no customer"));
    QCOMPARE(sync->findChild<QLabel*>(QStringLiteral("syncJobCount"))->text(),
             QStringLiteral("No jobs were created."));
    QCOMPARE(sync->jobList()->topLevelItemCount(), 0);
    QVERIFY(!sync->showInQueueButton()->isVisibleTo(sync));
}

void TestEventSync::eventStoredWithSyncOffWasNotPlanned()
{
    Console console(m_store->path());
    const QString tobias = idOf(QStringLiteral("tobias-01-customer.created"));
    QTRY_VERIFY(console.select(tobias));
    SyncDecisionView* sync = console.sync();
    QTRY_VERIFY(sync->hasDecision() && sync->eventId() == tobias);
    QVERIFY2(sync->summaryText().startsWith(QLatin1String("Not planned:")), qPrintable(sync->summaryText()));
    QCOMPARE(sync->jobList()->topLevelItemCount(), 0);

    // Moving to another event replaces the decision rather than mixing the two.
    const QString created = idOf(QStringLiteral("maren-01-customer.created"));
    QVERIFY(console.select(created));
    QTRY_VERIFY(sync->hasDecision() && sync->eventId() == created);
    QVERIFY(sync->summaryText().startsWith(QLatin1String("Applied:")));
    QVERIFY(sync->jobList()->topLevelItemCount() > 0);
}

void TestEventSync::unreadableStoreSaysSo()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("damaged.sqlite"));
    QFile damaged(path);
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write(QByteArray(4096, 'x'));
    damaged.close();
    Console console(path);
    QSignalSpy failed(console.model(), &widgets::EventListModel::syncDecisionLoadFailed);
    console.page()->showEvent(QStringLiteral("evt_absent"));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("evt_absent"));
    SyncDecisionView* sync = console.sync();
    QVERIFY(!sync->hasDecision());
    QVERIFY2(
        sync->summaryText().startsWith(QLatin1String("What Billbridge did with the event could not be read")),
        qPrintable(sync->summaryText()));
    QCOMPARE(sync->jobList()->topLevelItemCount(), 0);
}

QTEST_MAIN(TestEventSync)
#include "tst_eventsync.moc"
