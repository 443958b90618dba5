// The console's Queue page over a real store: counts, filters, the live list and its model, the detail of a
// job (never a credential), and the operator's actions, driven through the real main window.

#include "connections/sessionsecretstore.h"
#include "customerio/customeriorequest.h"
#include "delivery/jobrequest.h"
#include "events/eventlistmodel.h"
#include "events/eventspage.h"
#include "home/receiverprobe.h"
#include "home/storesummary.h"
#include "mainwindow/mainwindow.h"
#include "queue/jobdetailview.h"
#include "queue/jobfilterbar.h"
#include "queue/joblistmodel.h"
#include "queue/jobtext.h"
#include "queue/queuecountsbar.h"
#include "queue/queuepage.h"
#include "store/jobqueue.h"
#include "support/tempstore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace billbridge;
using store::JobState;
using widgets::JobListModel;
using widgets::MainWindow;
using widgets::QueuePage;
using Page = widgets::MainWindow::Page;

namespace {

constexpr std::int64_t kFuture = 4102444800000; // 2100-01-01

customerio::CustomerIoRequest identifyRequest(const QString& customer)
{
    customerio::IdentifyAttributes attributes;
    attributes.email = customer + QStringLiteral("@example.com");
    attributes.createdAt = 1700000000;
    attributes.attributes = {{QStringLiteral("plan"), QStringLiteral("pro")}};
    return customerio::requests::identify(customer, attributes);
}

customerio::CustomerIoRequest emailRequest(const QString& customer)
{
    customerio::TransactionalEmail email;
    email.to = customer + QStringLiteral("@example.com");
    email.identifier = customer;
    email.transactionalMessageId = 7;
    email.messageData = QJsonObject{{QStringLiteral("amount"), QStringLiteral("19.99")}};
    return customerio::requests::sendEmail(email);
}

customerio::CustomerIoRequest eventRequest(const QString& customer)
{
    customerio::TrackEvent event;
    event.name = QStringLiteral("invoice_paid");
    event.ulid = QStringLiteral("01JABCDEFGHJKMNPQRSTVWXYZ0");
    return customerio::requests::trackEvent(customer, event);
}

// The jobs every test starts with, one per interesting state.
struct Jobs {
    std::int64_t pending = 0;  // identify cus_A
    std::int64_t dead = 0;     // identify cus_B, one 500
    std::int64_t review = 0;   // transactional email to cus_A, interrupted
    std::int64_t retrying = 0; // custom event for cus_B, rate limited
    std::int64_t done = 0;     // identify cus_C
};

std::int64_t add(store::JobQueue& queue, const customerio::CustomerIoRequest& request,
                 const QString& customer, const QString& key, const QString& eventId = {})
{
    return queue.enqueue(delivery::jobFor(request, customer, key, eventId)).id;
}

// Enqueues a job and claims it at once, so that a transition can follow.
std::int64_t addClaimed(store::JobQueue& queue, const customerio::CustomerIoRequest& request,
                        const QString& customer, const QString& key, const QString& eventId = {})
{
    // Due since the epoch: claimed before any job already waiting.
    const std::int64_t id = queue.enqueue(delivery::jobFor(request, customer, key, eventId, 1)).id;
    const std::vector<store::Job> claimed = queue.claimDue(1);
    if (claimed.size() != 1 || claimed.front().id != id)
        qFatal("the job just enqueued was not the one claimed");
    return id;
}

store::JobAttempt attempt(std::optional<int> status, const QString& errorClass, const QString& response)
{
    store::JobAttempt result;
    result.startedAtMs = 1700000000000;
    result.durationMs = 123;
    result.httpStatus = status;
    result.errorClass = errorClass;
    result.responseExcerpt = response;
    return result;
}

std::int64_t addDead(store::JobQueue& queue, const QString& customer, const QString& key)
{
    const std::int64_t id = addClaimed(queue, identifyRequest(customer), customer, key);
    queue.recordAttempt(
        id,
        attempt(500, QStringLiteral("http_5xx"),
                QStringLiteral("{\"meta\":{\"error\":\"boom\"}} echo Authorization: Basic c2l0ZTprZXk=")));
    queue.markDead(id, QStringLiteral("http_5xx"), QStringLiteral("HTTP 500 after 8 attempts"));
    return id;
}

Jobs populate(const QString& path, const QString& eventId = {})
{
    store::JobQueue queue = store::JobQueue::open(path);
    Jobs jobs;
    jobs.dead = addDead(queue, QStringLiteral("cus_B"), QStringLiteral("evt_b:identify"));
    jobs.review = addClaimed(queue, emailRequest(QStringLiteral("cus_A")), QStringLiteral("cus_A"),
                             QStringLiteral("evt_a:email"), eventId);
    queue.recordAttempt(jobs.review, attempt(std::nullopt, QStringLiteral("timeout"), QString()));
    queue.markNeedsReview(jobs.review, QStringLiteral("stopped while sending"));
    jobs.retrying = addClaimed(queue, eventRequest(QStringLiteral("cus_B")), QStringLiteral("cus_B"),
                               QStringLiteral("evt_b:event"));
    queue.recordAttempt(jobs.retrying,
                        attempt(429, QStringLiteral("rate_limited"), QStringLiteral("slow down")));
    queue.scheduleRetry(jobs.retrying, kFuture, QStringLiteral("rate_limited"), QStringLiteral("HTTP 429"));
    jobs.done = addClaimed(queue, identifyRequest(QStringLiteral("cus_C")), QStringLiteral("cus_C"),
                           QStringLiteral("evt_c:identify"));
    queue.recordAttempt(jobs.done, attempt(200, QString(), QStringLiteral("{}")));
    queue.succeed(jobs.done);
    jobs.pending = add(queue, identifyRequest(QStringLiteral("cus_A")), QStringLiteral("cus_A"),
                       QStringLiteral("evt_a:identify"));
    return jobs;
}

JobState stateIn(const QString& path, std::int64_t id)
{
    return store::JobQueue::open(path).find(id).value().state;
}

// The real main window over a store, showing the Queue page, polling fast.
struct Console {
    explicit Console(const QString& storePath)
        : store(storePath)
        , receiver(QStringLiteral("127.0.0.1:9"))
        , window(&store, &receiver, services())
    {
        store.setInterval(std::chrono::milliseconds(100));
        receiver.setTimeout(std::chrono::milliseconds(200));
        page()->model()->setLiveInterval(std::chrono::milliseconds(50));
        window.setCurrentPage(Page::Queue);
        window.show();
        store.start();
    }

    widgets::ConnectionServices services()
    {
        widgets::ConnectionServices result;
        result.secrets = &secrets;
        return result;
    }

    QueuePage* page() const { return window.queuePage(); }
    JobListModel* model() const { return page()->model(); }
    widgets::JobFilterBar* filters() const { return page()->filterBar(); }
    template <typename T>
    T* find(const char* name) const
    {
        return window.findChild<T*>(QLatin1String(name));
    }

    bool select(std::int64_t id) const
    {
        if (!QTest::qWaitFor([&] { return model()->rowOfJob(id) >= 0; }))
            return false;
        page()->showJob(id);
        return QTest::qWaitFor([&] {
            const auto shown = page()->detailView()->job();
            return shown && shown->id == id;
        });
    }

    bool rowsAreAll(JobState state) const
    {
        for (int row = 0; row < model()->rowCount(); ++row)
            if (model()->jobAt(row).state != state)
                return false;
        return true;
    }

    void typeInto(QLineEdit* field, const QString& text) const
    {
        field->clear();
        QTest::keyClicks(field, text);
        QTest::keyClick(field, Qt::Key_Return);
    }

    widgets::SessionSecretStore secrets;
    widgets::StoreSummary store;
    widgets::ReceiverProbe receiver;
    MainWindow window;
};

} // namespace

class TestQueuePage final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void countsAndListPassTheModelTester();
    void filtersByStateOperationAndCustomer();
    void filterMistakesAreExplainedNotApplied();
    void detailShowsTheRequestAndAttemptsButNoCredential();
    void buttonsFollowTheSelectedStates();
    void retryOneMovesItToPending();
    void retryAllMatchingShowsADryRunThenMovesThem();
    void retryAllMatchingCanBeCancelledMidway();
    void discardRequiresAReason();
    void needsReviewCanBeMarkedSentOrSentAgain();
    void liveUpdatesKeepTheSelection();
    void pausedBannerShowsTheReasonAndResumes();
    void showStripeEventOpensTheEventsPage();
    void unreadableStoreIsExplained();
    void missingStoreDisablesActions();
    void indentKeepsMemberOrder();
    void columnsAreRemembered();

private:
    QTemporaryDir m_config;
    std::unique_ptr<test::TempStore> m_store;
    Jobs m_jobs;
};

void TestQueuePage::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_queuepage"));
}

void TestQueuePage::init()
{
    QSettings().clear();
    m_store = std::make_unique<test::TempStore>();
    m_jobs = populate(m_store->path());
}

void TestQueuePage::countsAndListPassTheModelTester()
{
    Console console(m_store->path());
    QAbstractItemModelTester tester(console.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(console.model()->rowCount(), 5);
    // Newest update first.
    QCOMPARE(console.model()->jobAt(0).id, m_jobs.pending);
    for (int row = 1; row < console.model()->rowCount(); ++row)
        QVERIFY(console.model()->jobAt(row - 1).updatedAtMs >= console.model()->jobAt(row).updatedAtMs);
    QCOMPARE(console.model()->count(JobState::Dead), 1);
    QCOMPARE(console.model()->count(JobState::NeedsReview), 1);
    QCOMPARE(console.model()->count(JobState::Succeeded), 1);
    QCOMPARE(console.model()->count(JobState::InFlight), 0);
    auto* dead = console.page()->countsBar()->button(JobState::Dead);
    QTRY_VERIFY(dead->text().startsWith(QLatin1String("1\n")));
    QVERIFY(dead->text().contains(QLatin1String("Dead")));
    QVERIFY(console.page()->countsBar()->button(JobState::InFlight)->text().startsWith(QLatin1String("0\n")));

    // Operations are shown in words, with the raw name in the tooltip.
    const int review = console.model()->rowOfJob(m_jobs.review);
    const QModelIndex operation = console.model()->index(review, JobListModel::Operation);
    QCOMPARE(operation.data().toString(), QStringLiteral("Transactional email"));
    QCOMPARE(operation.data(Qt::ToolTipRole).toString(), QStringLiteral("app.sendEmail"));
    const int retrying = console.model()->rowOfJob(m_jobs.retrying);
    QCOMPARE(console.model()->index(retrying, JobListModel::Operation).data().toString(),
             QStringLiteral("Custom event"));
    QVERIFY(!console.model()->index(retrying, JobListModel::NextAttempt).data().toString().isEmpty());
    QVERIFY(console.model()
                ->index(retrying, JobListModel::LastError)
                .data()
                .toString()
                .contains(QLatin1String("rate_limited")));
    QCOMPARE(console.model()->index(retrying, JobListModel::Attempts).data().toString(), QStringLiteral("1"));
    QCOMPARE(console.model()->columnCount(), int(JobListModel::ColumnCount));
}

void TestQueuePage::filtersByStateOperationAndCustomer()
{
    Console console(m_store->path());
    QAbstractItemModelTester tester(console.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(console.model()->rowCount(), 5);

    // A count is a button that shows only its state; a second click shows everything again.
    QToolButton* dead = console.page()->countsBar()->button(JobState::Dead);
    QTest::mouseClick(dead, Qt::LeftButton);
    QTRY_COMPARE(console.model()->rowCount(), 1);
    QCOMPARE(console.model()->jobAt(0).id, m_jobs.dead);
    QVERIFY(dead->isChecked());
    QCOMPARE(console.filters()->filter().states, std::vector<JobState>{JobState::Dead});
    QTest::mouseClick(dead, Qt::LeftButton);
    QTRY_COMPARE(console.model()->rowCount(), 5);
    QVERIFY(!dead->isChecked());

    // Several states from the filter's menu.
    console.filters()->setStates({JobState::Dead, JobState::NeedsReview});
    QTRY_COMPARE(console.model()->rowCount(), 2);
    console.filters()->setStates({});
    QTRY_COMPARE(console.model()->rowCount(), 5);

    QComboBox* operation = console.filters()->operationBox();
    operation->setCurrentIndex(operation->findData(QStringLiteral("app.sendEmail")));
    QTRY_COMPARE(console.model()->rowCount(), 1);
    QCOMPARE(console.model()->jobAt(0).id, m_jobs.review);
    operation->setCurrentIndex(operation->findData(QStringLiteral("track.identify")));
    QTRY_COMPARE(console.model()->rowCount(), 3);

    // Conditions combine.
    console.typeInto(console.filters()->customerField(), QStringLiteral("cus_B"));
    QTRY_COMPARE(console.model()->rowCount(), 1);
    QCOMPARE(console.model()->jobAt(0).id, m_jobs.dead);
    operation->setCurrentIndex(0);
    QTRY_COMPARE(console.model()->rowCount(), 2);

    console.typeInto(console.filters()->errorClassField(), QStringLiteral("rate_limited"));
    QTRY_COMPARE(console.model()->rowCount(), 1);
    QCOMPARE(console.model()->jobAt(0).id, m_jobs.retrying);

    QTest::mouseClick(console.find<QPushButton>("jobClearFilterButton"), Qt::LeftButton);
    QTRY_COMPARE(console.model()->rowCount(), 5);

    // The job being looked at stays selected while a new filter still matches it.
    QVERIFY(console.select(m_jobs.dead));
    console.filters()->setStates({JobState::Dead, JobState::Pending});
    QTRY_COMPARE(console.model()->rowCount(), 2);
    QTRY_COMPARE(console.page()->selectedJobIds(), std::vector<std::int64_t>{m_jobs.dead});
    QVERIFY(console.find<QPushButton>("retryButton")->isEnabled());
    console.filters()->setStates({JobState::Pending});
    QTRY_COMPARE(console.model()->rowCount(), 1);
    QVERIFY(console.page()->selectedJobIds().empty());
    QVERIFY(!console.find<QPushButton>("retryButton")->isEnabled());
    console.filters()->setStates({});
    QTRY_COMPARE(console.model()->rowCount(), 5);

    // The period applies to when the job last changed: nothing changed in 2100.
    console.filters()->setFilter(store::JobFilter{{}, {}, {}, {}, kFuture, kFuture + 3600 * 1000});
    QTRY_COMPARE(console.model()->rowCount(), 0);
}

void TestQueuePage::filterMistakesAreExplainedNotApplied()
{
    Console console(m_store->path());
    QTRY_COMPARE(console.model()->rowCount(), 5);
    console.typeInto(console.filters()->customerField(), QStringLiteral("cus_A"));
    QTRY_COMPARE(console.model()->rowCount(), 2);
    const store::JobFilter before = console.filters()->filter();

    console.typeInto(console.filters()->customerField(), QStringLiteral("cus A"));
    QVERIFY(console.filters()->problem().contains(QStringLiteral("“cus A”")));
    auto* problem = console.find<QLabel>("jobFilterProblem");
    QVERIFY(problem->isVisible());
    QVERIFY(widgets::JobFilterBar::sameFilter(console.filters()->filter(), before));

    console.typeInto(console.filters()->customerField(), QStringLiteral("cus_A"));
    console.typeInto(console.filters()->errorClassField(), QStringLiteral("http 500!"));
    QVERIFY(console.filters()->problem().contains(QLatin1String("not an error class")));
    QVERIFY(widgets::JobFilterBar::sameFilter(console.filters()->filter(), before));

    console.typeInto(console.filters()->errorClassField(), QString());
    console.filters()->periodBox()->setCurrentIndex(int(widgets::JobFilterBar::Period::Between));
    // The preset range (the last day) is valid and applies at once.
    QTRY_VERIFY(console.filters()->filter().fromMs.has_value());
    const store::JobFilter between = console.filters()->filter();
    console.filters()->fromEdit()->setDateTime(QDateTime::currentDateTime());
    console.filters()->toEdit()->setDateTime(QDateTime::currentDateTime().addDays(-2));
    QTRY_VERIFY(console.filters()->problem().contains(QLatin1String("ends before it starts")));
    QVERIFY(widgets::JobFilterBar::sameFilter(console.filters()->filter(), between));
    QCOMPARE(console.model()->rowCount(), 2);

    console.filters()->toEdit()->setDateTime(QDateTime::currentDateTime().addDays(1));
    QTRY_VERIFY(console.filters()->problem().isEmpty());
    QVERIFY(!problem->isVisible());
    QVERIFY(console.filters()->filter().fromMs.has_value());
}

void TestQueuePage::detailShowsTheRequestAndAttemptsButNoCredential()
{
    Console console(m_store->path());
    QVERIFY(console.select(m_jobs.dead));
    widgets::JobDetailView* detail = console.page()->detailView();
    const QString request = detail->requestView()->toPlainText();
    QVERIFY2(request.startsWith(QLatin1String("PUT /api/v1/customers/cus_B\n")), qPrintable(request));
    QVERIFY(request.contains(QLatin1String("Content-Type: application/json\n")));
    QVERIFY(request.contains(QStringLiteral("Authorization: Basic •••\n")));
    // The body as stored, laid out but not reordered (QJsonObject would put created_at first).
    QVERIFY(request.contains(QLatin1String("\n  \"email\": \"cus_B@example.com\",\n")));
    QVERIFY(request.indexOf(QLatin1String("\"email\"")) < request.indexOf(QLatin1String("\"created_at\"")));
    QVERIFY(request.indexOf(QLatin1String("\"created_at\"")) < request.indexOf(QLatin1String("\"plan\"")));
    const QRegularExpression credential(QStringLiteral("(Basic|Bearer) [A-Za-z0-9+/=_-]{3,}"));
    QVERIFY(!credential.match(request).hasMatch());

    QTableWidget* attempts = detail->attemptsTable();
    QCOMPARE(attempts->rowCount(), 1);
    QCOMPARE(attempts->item(0, 2)->text(), QStringLiteral("500"));
    QCOMPARE(attempts->item(0, 3)->text(), QStringLiteral("http_5xx"));
    QVERIFY(attempts->item(0, 4)->text().contains(QLatin1String("boom")));
    // Even an answer that echoes the key does not show it.
    QVERIFY(!attempts->item(0, 4)->text().contains(QLatin1String("c2l0ZTprZXk")));
    QCOMPARE(attempts->item(0, 1)->text(), QStringLiteral("123 ms"));
    QVERIFY(detail->summaryLabel()->text().contains(QLatin1String("HTTP 500 after 8 attempts")));
    QVERIFY(console.find<QLabel>("jobKeys")->text().contains(QLatin1String("evt_b:identify")));

    // The App API names its bearer token, never shows it; the email's attempt had no answer at all.
    QVERIFY(console.select(m_jobs.review));
    const QString email = detail->requestView()->toPlainText();
    QVERIFY2(email.startsWith(QLatin1String("POST /v1/send/email\n")), qPrintable(email));
    QVERIFY(email.contains(QStringLiteral("Authorization: Bearer •••\n")));
    QVERIFY(!credential.match(email).hasMatch());
    QVERIFY(email.contains(QLatin1String("\"message_data\": {\n    \"amount\": \"19.99\"\n  }")));
    QCOMPARE(attempts->rowCount(), 1);
    QCOMPARE(attempts->item(0, 2)->text(), QStringLiteral("none"));

    // A Track event carries the id Customer.io drops repeats by.
    QVERIFY(console.select(m_jobs.retrying));
    QVERIFY(console.find<QLabel>("jobKeys")->text().contains(QLatin1String("01JABCDEFGHJKMNPQRSTVWXYZ0")));
}

void TestQueuePage::buttonsFollowTheSelectedStates()
{
    Console console(m_store->path());
    auto* retry = console.find<QPushButton>("retryButton");
    auto* sendAgain = console.find<QPushButton>("sendAgainButton");
    auto* markSent = console.find<QPushButton>("markSentButton");
    auto* discard = console.find<QPushButton>("discardButton");
    QTRY_COMPARE(console.model()->rowCount(), 5);
    QVERIFY(!retry->isEnabled() && !sendAgain->isEnabled() && !markSent->isEnabled() &&
            !discard->isEnabled());

    QVERIFY(console.select(m_jobs.dead));
    QVERIFY(retry->isEnabled() && discard->isEnabled());
    QVERIFY(!sendAgain->isEnabled() && !markSent->isEnabled());

    QVERIFY(console.select(m_jobs.review));
    QVERIFY(!retry->isEnabled());
    QVERIFY(sendAgain->isEnabled() && markSent->isEnabled() && discard->isEnabled());

    QVERIFY(console.select(m_jobs.done));
    QVERIFY(!retry->isEnabled() && !sendAgain->isEnabled() && !markSent->isEnabled() &&
            !discard->isEnabled());

    QVERIFY(console.select(m_jobs.pending));
    QVERIFY(!retry->isEnabled() && discard->isEnabled());
}

void TestQueuePage::retryOneMovesItToPending()
{
    Console console(m_store->path());
    QVERIFY(console.select(m_jobs.dead));
    QSignalSpy finished(console.page(), &QueuePage::actionFinished);
    QTest::mouseClick(console.find<QPushButton>("retryButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(stateIn(m_store->path(), m_jobs.dead), JobState::Pending);
    QVERIFY(console.page()->statusLabel()->text().contains(QLatin1String("1 job will be sent again")));
    // The list shows it at once, still selected, and the detail follows.
    QTRY_COMPARE(console.model()->jobAt(console.model()->rowOfJob(m_jobs.dead)).state, JobState::Pending);
    QCOMPARE(console.page()->selectedJobIds(), std::vector<std::int64_t>{m_jobs.dead});
    QTRY_COMPARE(console.page()->detailView()->job()->state, JobState::Pending);
    QTRY_COMPARE(console.model()->count(JobState::Dead), 0);
    QVERIFY(!console.find<QPushButton>("retryButton")->isEnabled());
}

void TestQueuePage::retryAllMatchingShowsADryRunThenMovesThem()
{
    std::vector<std::int64_t> dead{m_jobs.dead};
    {
        store::JobQueue queue = store::JobQueue::open(m_store->path());
        for (int i = 0; i < 6; ++i)
            dead.push_back(
                addDead(queue, QStringLiteral("cus_D%1").arg(i), QStringLiteral("bulk:%1").arg(i)));
    }
    Console console(m_store->path());
    QTRY_COMPARE(console.model()->rowCount(), 11);
    QSignalSpy finished(console.page(), &QueuePage::actionFinished);

    // Declining the dry run changes nothing.
    std::optional<QueuePage::RetryPreview> shown;
    console.page()->setRetryAllConfirm([&](QWidget*, const QueuePage::RetryPreview& preview) {
        shown = preview;
        return false;
    });
    console.filters()->setStates({JobState::Dead});
    QTRY_COMPARE(console.model()->rowCount(), 7);
    QTest::mouseClick(console.find<QPushButton>("retryAllButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(shown.has_value());
    QCOMPARE(shown->count, 7);
    QCOMPARE(shown->requests.size(), 7);
    QVERIFY(!shown->mayDuplicate);
    QVERIFY(
        shown->requests.front().startsWith(QStringLiteral("Identify person — PUT /api/v1/customers/cus_")));
    for (std::int64_t id : dead)
        QCOMPARE(stateIn(m_store->path(), id), JobState::Dead);

    console.page()->setRetryAllConfirm([&](QWidget*, const QueuePage::RetryPreview& preview) {
        shown = preview;
        return true;
    });
    QTest::mouseClick(console.find<QPushButton>("retryAllButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 2);
    for (std::int64_t id : dead)
        QCOMPARE(stateIn(m_store->path(), id), JobState::Pending);
    QVERIFY(console.page()->statusLabel()->text().contains(QLatin1String("7 jobs will be sent again")));
    QTRY_COMPARE(console.model()->rowCount(), 0);
    QTRY_COMPARE(console.model()->count(JobState::Pending), 8);
    // Other states were left alone.
    QCOMPARE(stateIn(m_store->path(), m_jobs.review), JobState::NeedsReview);

    // Nothing left to retry: said so, no dialog.
    shown.reset();
    QTest::mouseClick(console.find<QPushButton>("retryAllButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 3);
    QVERIFY(!shown.has_value());
    QVERIFY(console.page()->statusLabel()->text().contains(QLatin1String("No job matching the filter")));
}

void TestQueuePage::retryAllMatchingCanBeCancelledMidway()
{
    std::vector<std::int64_t> dead{m_jobs.dead};
    {
        store::JobQueue queue = store::JobQueue::open(m_store->path());
        for (int i = 0; i < 5; ++i)
            dead.push_back(
                addDead(queue, QStringLiteral("cus_D%1").arg(i), QStringLiteral("bulk:%1").arg(i)));
    }
    Console console(m_store->path());
    QTRY_COMPARE(console.model()->rowCount(), 10);
    console.page()->setRetryChunkSize(2);
    std::optional<QueuePage::RetryPreview> shown;
    console.page()->setRetryAllConfirm([&](QWidget*, const QueuePage::RetryPreview& preview) {
        shown = preview;
        return true;
    });
    QSignalSpy progressed(console.page(), &QueuePage::bulkRetryProgressed);
    connect(console.page(), &QueuePage::bulkRetryProgressed, console.page(), [&](int done, int) {
        if (done == 2)
            console.page()->cancelBulkRetry();
    });
    QSignalSpy finished(console.page(), &QueuePage::actionFinished);
    // Without a state filter the dry run includes the job that needs review, and says what that risks.
    QTest::mouseClick(console.find<QPushButton>("retryAllButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(shown.has_value());
    QCOMPARE(shown->count, 7);
    QVERIFY(shown->mayDuplicate);
    QCOMPARE(progressed.size(), 1);
    int pending = 0;
    int untouched = 0;
    store::JobQueue queue = store::JobQueue::open(m_store->path());
    for (std::int64_t id : shown->ids) {
        const JobState state = queue.find(id)->state;
        pending += state == JobState::Pending ? 1 : 0;
        untouched += state == JobState::Dead || state == JobState::NeedsReview ? 1 : 0;
    }
    QCOMPARE(pending, 2);
    QCOMPARE(untouched, 5);
    QVERIFY(console.page()->statusLabel()->text().contains(QLatin1String("Cancelled: 2 of 7")));
    QVERIFY(!console.page()->isBusy());
}

void TestQueuePage::discardRequiresAReason()
{
    Console console(m_store->path());
    QVERIFY(console.select(m_jobs.pending));
    QSignalSpy finished(console.page(), &QueuePage::actionFinished);
    auto* discard = console.find<QPushButton>("discardButton");

    console.page()->setReasonPrompt(
        [](QWidget*, const QString&, const QString&) { return QStringLiteral("  "); });
    QTest::mouseClick(discard, Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(console.page()->statusLabel()->text().contains(QLatin1String("a reason is required")));
    QCOMPARE(stateIn(m_store->path(), m_jobs.pending), JobState::Pending);

    console.page()->setReasonPrompt(
        [](QWidget*, const QString&, const QString&) -> std::optional<QString> { return std::nullopt; });
    QTest::mouseClick(discard, Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(stateIn(m_store->path(), m_jobs.pending), JobState::Pending);

    console.page()->setReasonPrompt([](QWidget*, const QString&, const QString&) {
        return QStringLiteral("customer asked for no mail");
    });
    QTest::mouseClick(discard, Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 3);
    const store::Job job = store::JobQueue::open(m_store->path()).find(m_jobs.pending).value();
    QCOMPARE(job.state, JobState::Discarded);
    QCOMPARE(job.discardReason, QStringLiteral("customer asked for no mail"));
    QTRY_VERIFY(console.page()->detailView()->summaryLabel()->text().contains(
        QLatin1String("customer asked for no mail")));
    // A discarded job can be brought back.
    QTRY_VERIFY(console.find<QPushButton>("retryButton")->isEnabled());
}

void TestQueuePage::needsReviewCanBeMarkedSentOrSentAgain()
{
    std::int64_t second = 0;
    {
        store::JobQueue queue = store::JobQueue::open(m_store->path());
        second = addClaimed(queue, emailRequest(QStringLiteral("cus_E")), QStringLiteral("cus_E"),
                            QStringLiteral("evt_e:email"));
        queue.markNeedsReview(second, QStringLiteral("stopped while sending"));
    }
    Console console(m_store->path());
    QSignalSpy finished(console.page(), &QueuePage::actionFinished);
    QString question;
    bool answer = false;
    console.page()->setConfirm([&](QWidget*, const QString&, const QString& text) {
        question = text;
        return answer;
    });

    QVERIFY(console.select(m_jobs.review));
    QTest::mouseClick(console.find<QPushButton>("sendAgainButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(question.contains(QLatin1String("same email twice")));
    QCOMPARE(stateIn(m_store->path(), m_jobs.review), JobState::NeedsReview);

    answer = true;
    QTest::mouseClick(console.find<QPushButton>("markSentButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 2);
    QVERIFY(question.contains(QLatin1String("never send it again")));
    QCOMPARE(stateIn(m_store->path(), m_jobs.review), JobState::Succeeded);

    QVERIFY(console.select(second));
    QTest::mouseClick(console.find<QPushButton>("sendAgainButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 3);
    QCOMPARE(stateIn(m_store->path(), second), JobState::Pending);
    QTRY_COMPARE(console.model()->count(JobState::NeedsReview), 0);
}

void TestQueuePage::liveUpdatesKeepTheSelection()
{
    Console console(m_store->path());
    QAbstractItemModelTester tester(console.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(console.select(m_jobs.retrying));
    const int selectedRow = console.model()->rowOfJob(m_jobs.retrying);
    QVERIFY(selectedRow > 0);

    // Another connection (a worker, the CLI) changes the job and adds one.
    std::int64_t added = 0;
    {
        store::JobQueue queue = store::JobQueue::open(m_store->path());
        queue.discard({m_jobs.retrying}, QStringLiteral("made obsolete"));
        added = add(queue, identifyRequest(QStringLiteral("cus_F")), QStringLiteral("cus_F"),
                    QStringLiteral("new"));
    }
    QTRY_COMPARE(console.model()->rowCount(), 6);
    QTRY_COMPARE(console.model()->jobAt(console.model()->rowOfJob(m_jobs.retrying)).state,
                 JobState::Discarded);
    // Changed jobs move to the top, newest first, and the selection moves with its job.
    QCOMPARE(console.model()->jobAt(0).id, added);
    QCOMPARE(console.model()->jobAt(1).id, m_jobs.retrying);
    QCOMPARE(console.page()->selectedJobIds(), std::vector<std::int64_t>{m_jobs.retrying});
    QCOMPARE(console.page()->list()->currentIndex().row(), 1);
    QTRY_COMPARE(console.model()->count(JobState::Discarded), 1);
    QTRY_COMPARE(console.page()->detailView()->job()->state, JobState::Discarded);

    // A job leaving the filter leaves the list.
    console.filters()->setStates({JobState::Pending});
    QTRY_COMPARE(console.model()->rowCount(), 2);
    store::JobQueue::open(m_store->path()).discard({added}, QStringLiteral("not needed"));
    QTRY_COMPARE(console.model()->rowCount(), 1);
    QCOMPARE(console.model()->jobAt(0).id, m_jobs.pending);
}

void TestQueuePage::pausedBannerShowsTheReasonAndResumes()
{
    Console console(m_store->path());
    QTRY_COMPARE(console.model()->rowCount(), 5);
    QWidget* banner = console.page()->pauseBanner();
    QVERIFY(!banner->isVisible());
    store::JobQueue::open(m_store->path()).pause(QStringLiteral("Customer.io incident 4711"));
    QTRY_VERIFY(banner->isVisible());
    QVERIFY(console.find<QLabel>("pauseReason")->text().contains(QLatin1String("Customer.io incident 4711")));
    QVERIFY(!console.find<QPushButton>("pauseButton")->isVisible());

    QSignalSpy finished(console.page(), &QueuePage::actionFinished);
    QTest::mouseClick(console.find<QPushButton>("resumeButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(!store::JobQueue::open(m_store->path()).pauseState().paused);
    QTRY_VERIFY(!banner->isVisible());

    // Pausing from the console needs a reason too.
    console.page()->setReasonPrompt([](QWidget*, const QString&, const QString&) { return QString(); });
    QTRY_VERIFY(console.find<QPushButton>("pauseButton")->isVisible());
    QTest::mouseClick(console.find<QPushButton>("pauseButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 2);
    QVERIFY(!store::JobQueue::open(m_store->path()).pauseState().paused);
    QVERIFY(console.page()->statusLabel()->text().contains(QLatin1String("was not paused")));
    console.page()->setReasonPrompt(
        [](QWidget*, const QString&, const QString&) { return QStringLiteral("deploy"); });
    QTest::mouseClick(console.find<QPushButton>("pauseButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 3);
    const store::PauseState pause = store::JobQueue::open(m_store->path()).pauseState();
    QVERIFY(pause.paused);
    QCOMPARE(pause.reason, QStringLiteral("deploy"));
    QTRY_VERIFY(banner->isVisible());
}

void TestQueuePage::showStripeEventOpensTheEventsPage()
{
    test::TempStore withEvents;
    QVERIFY(withEvents.addAllFixtures().committed);
    withEvents.stopWriter();
    const std::vector<store::StoredEvent> events =
        withEvents.reader().query().page({}, std::nullopt, 5).events;
    QVERIFY(events.size() == 5);
    const QString eventId = events[3].fields.id;
    const Jobs jobs = populate(withEvents.path(), eventId);

    Console console(withEvents.path());
    QTRY_VERIFY(console.window.eventsPage()->model()->rowCount() > 0);
    QVERIFY(console.select(jobs.review));
    QPushButton* show = console.page()->detailView()->showEventButton();
    QVERIFY(show->isEnabled());
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(console.window.currentPage(), Page::Events);
    QTRY_COMPARE(console.window.eventsPage()->shownEventId(), eventId);
    const QStringList selected = console.window.eventsPage()->selectedEventIds();
    QCOMPARE(selected, QStringList{eventId});

    // A job made by an operator has no event to show.
    console.window.setCurrentPage(Page::Queue);
    QVERIFY(console.select(jobs.dead));
    QVERIFY(!show->isEnabled());
}

void TestQueuePage::unreadableStoreIsExplained()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    QueuePage page(path);
    page.show();
    QTRY_VERIFY(page.statusLabel()->text().contains(QLatin1String("could not be read")));
    QCOMPARE(page.model()->rowCount(), 0);

    // An action on it fails with what happened and what to do, and changes nothing.
    QSignalSpy finished(&page, &QueuePage::actionFinished);
    bool asked = false;
    page.setRetryAllConfirm([&](QWidget*, const QueuePage::RetryPreview&) { return asked = true; });
    page.retryAllMatching();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(!asked);
    QVERIFY2(page.statusLabel()->text().contains(QLatin1String("could not be changed")),
             qPrintable(page.statusLabel()->text()));
    QVERIFY(page.statusLabel()->text().contains(QLatin1String("Nothing was changed")));
    QFile check(path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray(4096, 'x'));
}

void TestQueuePage::missingStoreDisablesActions()
{
    QTemporaryDir dir;
    QueuePage page(dir.filePath(QStringLiteral("none.sqlite")));
    page.show();
    QTRY_VERIFY(page.model()->isStoreMissing());
    QVERIFY(page.statusLabel()->text().contains(QLatin1String("no store yet")));
    QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("retryAllButton"))->isEnabled());
    QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("pauseButton"))->isEnabled());
    // Looking never creates the store.
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.sqlite"))));

    // Once something creates it, the jobs appear without a restart.
    populate(dir.filePath(QStringLiteral("none.sqlite")));
    QTRY_COMPARE(page.model()->rowCount(), 5);
    QVERIFY(!page.model()->isStoreMissing());
    QTRY_VERIFY(page.findChild<QPushButton*>(QStringLiteral("retryAllButton"))->isEnabled());
    QCOMPARE(page.model()->count(JobState::Dead), 1);
}

void TestQueuePage::indentKeepsMemberOrder()
{
    const QByteArray compact = "{\"b\":1,\"a\":{\"z\":[1,2],\"y\":{}},\"c\":\"x,{}:\\\"q\\\"\"}";
    const QString expected =
        QStringLiteral("{\n  \"b\": 1,\n  \"a\": {\n    \"z\": [\n      1,\n      2\n    ],\n"
                       "    \"y\": {}\n  },\n  \"c\": \"x,{}:\\\"q\\\"\"\n}");
    QCOMPARE(widgets::indentJson(compact), expected);
    // Not JSON: shown as it is.
    QCOMPARE(widgets::indentJson("{\"a\":"), QStringLiteral("{\"a\":"));
    QCOMPARE(widgets::operationTitle(QStringLiteral("app.triggerBroadcast")),
             QStringLiteral("Trigger broadcast"));
    QCOMPARE(widgets::operationTitle(QStringLiteral("track.unknownThing")),
             QStringLiteral("track.unknownThing"));
}

void TestQueuePage::columnsAreRemembered()
{
    {
        QueuePage page(m_store->path());
        page.list()->horizontalHeader()->setSectionHidden(JobListModel::EventId, true);
        QSettings settings;
        page.saveState(settings);
    }
    QueuePage page(m_store->path());
    QVERIFY(!page.list()->horizontalHeader()->isSectionHidden(JobListModel::EventId));
    page.restoreState(QSettings());
    QVERIFY(page.list()->horizontalHeader()->isSectionHidden(JobListModel::EventId));
}

QTEST_MAIN(TestQueuePage)
#include "tst_queuepage.moc"
