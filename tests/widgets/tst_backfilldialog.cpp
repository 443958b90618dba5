// The backfill dialog driven like an operator would, against the local Stripe test server and a real store.

#include "backfill/backfilldialog.h"
#include "connections/advancedtab.h"
#include "connections/sessionsecretstore.h"
#include "intake/intakeservice.h"
#include "store/eventstore.h"
#include "support/stripetestserver.h"
#include "support/tempstore.h"

#include <QDateEdit>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace billbridge;
using namespace std::chrono_literals;
using stripe::BackfillOutcome;
using stripe::BackfillResult;
using test::StripeTestServer;
using widgets::BackfillDialog;
using widgets::BackfillServices;

namespace {

const qint64 kNow = QDateTime::currentSecsSinceEpoch();

QString eventId(int index)
{
    return QStringLiteral("evt_1BbDialogFill%1").arg(index, 5, 10, QLatin1Char('0'));
}

} // namespace

class TestBackfillDialog final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void completesWithTheRightCounts();
    void cancelThenResumeWithoutDuplicates();
    void reopeningOffersTheUnfinishedBackfill();
    void rejectedKeyPointsToConnections();
    void rateLimitWithRetryAfterIsWaitedOut();
    void stripeSayingNotToRetryEndsForNow();
    void missingApiKeySaysWhereToAddIt();
    void invalidTypesAreExplainedWithoutARequest();
    void typeFilterReachesStripe();
    void chosenDateBoundsTheRequest();
    void closingWhileRunningStopsCleanly();
    void sharesTheWriterItIsGiven();
    void sharesTheConsoleIntakeWriter();

private:
    // `count` events, one a minute, the newest an hour ago.
    void seed(int count);
    std::unique_ptr<BackfillDialog> makeDialog(int pageSize = 100,
                                               std::shared_ptr<store::EventWriter> writer = {});
    std::optional<BackfillResult> startAndWait(BackfillDialog& dialog, QPushButton* button = nullptr,
                                               int timeoutMs = 30000);
    static QPushButton* button(BackfillDialog& dialog, const char* name);
    static QString text(BackfillDialog& dialog, const char* name);
    std::int64_t storedCount() const { return store::EventStore::openForReading(m_store->path()).count(); }

    QTemporaryDir m_config;
    std::unique_ptr<test::TempStore> m_store;
    std::unique_ptr<StripeTestServer> m_server;
    std::unique_ptr<widgets::SessionSecretStore> m_keychain;
};

void TestBackfillDialog::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    qunsetenv("BILLBRIDGE_STRIPE_API_BASE");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_backfilldialog"));
}

void TestBackfillDialog::init()
{
    QSettings().clear();
    m_store = std::make_unique<test::TempStore>();
    QVERIFY(m_store->isValid());
    m_server = std::make_unique<StripeTestServer>();
    QVERIFY(m_server->start());
    // Where the Connections dialog keeps the API base: the dialog must find the local server through it.
    QSettings().setValue(QLatin1String(widgets::AdvancedTab::kStripeApiBaseSetting),
                         m_server->baseUrl().toString());
    m_keychain = std::make_unique<widgets::SessionSecretStore>();
    bool written = false;
    m_keychain->write(QString(secrets::keys::kStripeApiKey), StripeTestServer::kDefaultApiKey,
                      [&written](const secrets::SecretResult& result) { written = result.isOk(); });
    QVERIFY(QTest::qWaitFor([&] { return written; }, 2000));
}

void TestBackfillDialog::cleanup()
{
    m_server.reset();
    m_store.reset();
    m_keychain.reset();
}

void TestBackfillDialog::seed(int count)
{
    for (int i = 0; i < count; ++i) {
        const qint64 created = kNow - 3600 - qint64(count - i) * 60;
        QVERIFY(m_server->addEvent(StripeTestServer::makeEvent(
            eventId(i), i % 2 ? QStringLiteral("invoice.paid") : QStringLiteral("charge.succeeded"),
            created)));
    }
}

std::unique_ptr<BackfillDialog> TestBackfillDialog::makeDialog(int pageSize,
                                                               std::shared_ptr<store::EventWriter> writer)
{
    BackfillServices services;
    services.storePath = m_store->path();
    services.connections.secrets = m_keychain.get();
    services.writer = writer;
    services.pageSize = pageSize;
    auto dialog = std::make_unique<BackfillDialog>(services);
    QSignalSpy loaded(dialog.get(), &BackfillDialog::loaded);
    dialog->show();
    if (!loaded.wait(5000))
        qWarning("the dialog never read the store");
    return dialog;
}

QPushButton* TestBackfillDialog::button(BackfillDialog& dialog, const char* name)
{
    return dialog.findChild<QPushButton*>(QString::fromLatin1(name));
}

QString TestBackfillDialog::text(BackfillDialog& dialog, const char* name)
{
    const auto* label = dialog.findChild<QLabel*>(QString::fromLatin1(name));
    return label ? label->text() : QString();
}

std::optional<BackfillResult> TestBackfillDialog::startAndWait(BackfillDialog& dialog, QPushButton* start,
                                                               int timeoutMs)
{
    QSignalSpy finished(&dialog, &BackfillDialog::finished);
    QTest::mouseClick(start ? start : button(dialog, "startButton"), Qt::LeftButton);
    if (!finished.wait(timeoutMs) && finished.isEmpty())
        return std::nullopt;
    return finished.first().first().value<BackfillResult>();
}

void TestBackfillDialog::completesWithTheRightCounts()
{
    seed(250);
    // Fifty of them already arrived by webhook.
    QList<QByteArray> known;
    for (int i = 200; i < 250; ++i)
        known << m_server->eventRaw(eventId(i));
    QVERIFY(m_store->addRaw(known).committed);
    m_store->stopWriter();

    auto dialog = makeDialog(100);
    QCOMPARE(dialog->phase(), BackfillDialog::Phase::Ready);
    QVERIFY(!dialog->resumable());
    QVERIFY(!button(*dialog, "resumeButton")->isVisible());
    QSignalSpy progressed(dialog.get(), &BackfillDialog::progressed);
    const auto result = startAndWait(*dialog);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::Completed));
    QCOMPARE(result->state.stored, 200);
    QCOMPARE(result->state.duplicates, 50);
    QCOMPARE(storedCount(), 250);
    QVERIFY(progressed.count() >= 3); // one per page of 100
    QCOMPARE(dialog->findChild<QProgressBar*>(QStringLiteral("progressBar"))->value(), 1000);
    const QString outcome = text(*dialog, "outcome");
    QVERIFY2(outcome.contains(QLatin1String("200 new events")), qPrintable(outcome));
    QVERIFY2(outcome.contains(QLatin1String("50 were already")), qPrintable(outcome));
    QCOMPARE(dialog->phase(), BackfillDialog::Phase::Finished);
    QVERIFY(!button(*dialog, "resumeButton")->isVisible());
    QVERIFY(!button(*dialog, "connectionsButton")->isVisible());
    QVERIFY(button(*dialog, "startButton")->isEnabled());

    // The key went to the server from the keychain, and the last 30 days were asked for.
    const auto& first = m_server->requests().constFirst();
    QCOMPARE(first.header("authorization"), QByteArray("Bearer ") + StripeTestServer::kDefaultApiKey);
    const qint64 since = first.queryValue(QStringLiteral("created[gte]")).toLongLong();
    QVERIFY(qAbs(since - (kNow - 30 * 86400)) < 120);
}

void TestBackfillDialog::cancelThenResumeWithoutDuplicates()
{
    seed(60);
    // Slow pages, so that there is time to cancel between them.
    m_server->failNext(StripeTestServer::Fault::delayed(150ms), 100);
    auto dialog = makeDialog(10);
    QSignalSpy progressed(dialog.get(), &BackfillDialog::progressed);
    QSignalSpy finished(dialog.get(), &BackfillDialog::finished);
    QTest::mouseClick(button(*dialog, "startButton"), Qt::LeftButton);
    QCOMPARE(dialog->phase(), BackfillDialog::Phase::Running);
    QVERIFY(progressed.wait(10000));
    QVERIFY(button(*dialog, "cancelButton")->isVisible());
    QVERIFY(!button(*dialog, "startButton")->isEnabled());
    QVERIFY(text(*dialog, "progressText").contains(QLatin1String("new events")));
    QVERIFY(text(*dialog, "progressText").contains(QLatin1String("events/s")));
    // The bar measures time walked back towards `since` (30 days), so a few minutes of events barely move it.
    QVERIFY(dialog->findChild<QProgressBar*>(QStringLiteral("progressBar"))->value() < 1000);

    QTest::mouseClick(button(*dialog, "cancelButton"), Qt::LeftButton);
    QCOMPARE(dialog->phase(), BackfillDialog::Phase::Stopping);
    QVERIFY(finished.wait(10000));
    const auto stopped = finished.first().first().value<BackfillResult>();
    QCOMPARE(toString(stopped.outcome), toString(BackfillOutcome::Interrupted));
    const std::int64_t storedBefore = storedCount();
    QVERIFY(storedBefore > 0);
    QVERIFY(storedBefore < 60);
    QVERIFY(text(*dialog, "outcome").contains(QLatin1String("resume")));
    QVERIFY(dialog->resumable());
    QVERIFY(button(*dialog, "resumeButton")->isVisible());
    QVERIFY(text(*dialog, "resumeText").contains(QLatin1String("unfinished backfill")));

    m_server->clearFaults();
    const int requestsBefore = m_server->requestCount();
    const auto resumed = startAndWait(*dialog, button(*dialog, "resumeButton"));
    QVERIFY(resumed);
    QCOMPARE(toString(resumed->outcome), toString(BackfillOutcome::Completed));
    QVERIFY(resumed->resumed);
    QCOMPARE(storedCount(), 60);
    QCOMPARE(resumed->state.stored, 60);
    QCOMPARE(resumed->state.duplicates, 0);
    // It continued below the last stored page rather than starting from the newest event again.
    QVERIFY(m_server->requests().at(requestsBefore).hasQueryItem(QStringLiteral("starting_after")));
    QVERIFY(!dialog->resumable());
}

void TestBackfillDialog::reopeningOffersTheUnfinishedBackfill()
{
    seed(40);
    m_server->failNext(StripeTestServer::Fault::delayed(150ms), 100);
    {
        auto dialog = makeDialog(10);
        QSignalSpy progressed(dialog.get(), &BackfillDialog::progressed);
        QSignalSpy finished(dialog.get(), &BackfillDialog::finished);
        QTest::mouseClick(button(*dialog, "startButton"), Qt::LeftButton);
        QVERIFY(progressed.wait(10000));
        dialog->cancelBackfill();
        QVERIFY(finished.wait(10000));
    }
    m_server->clearFaults();
    const std::int64_t storedBefore = storedCount();
    QVERIFY(storedBefore > 0 && storedBefore < 40);

    auto later = makeDialog(10);
    QVERIFY(later->resumable());
    QVERIFY(button(*later, "resumeButton")->isVisible());
    const QString offer = text(*later, "resumeText");
    QVERIFY2(offer.contains(QStringLiteral("%1 new events so far").arg(storedBefore)), qPrintable(offer));
    const auto result = startAndWait(*later, button(*later, "resumeButton"));
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::Completed));
    QVERIFY(result->resumed);
    QCOMPARE(storedCount(), 40);
    QCOMPARE(result->state.duplicates, 0);
}

void TestBackfillDialog::rejectedKeyPointsToConnections()
{
    seed(5);
    m_server->setApiKey("sk_test_51BbSomeOtherKeyThatIsNotOurs0000000000");
    auto dialog = makeDialog();
    const auto result = startAndWait(*dialog);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::CredentialsRejected));
    const QString outcome = text(*dialog, "outcome");
    QVERIFY2(outcome.contains(QLatin1String("rejected the API key")), qPrintable(outcome));
    QVERIFY(outcome.contains(QLatin1String("Connections")));
    QVERIFY(!outcome.contains(QString::fromLatin1(StripeTestServer::kDefaultApiKey)));
    QPushButton* connections = button(*dialog, "connectionsButton");
    QVERIFY(connections->isVisible());
    QSignalSpy asked(dialog.get(), &BackfillDialog::openConnectionsRequested);
    QTest::mouseClick(connections, Qt::LeftButton);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(storedCount(), 0);
}

void TestBackfillDialog::rateLimitWithRetryAfterIsWaitedOut()
{
    seed(30);
    m_server->failNext(StripeTestServer::Fault::rateLimited(std::nullopt, 1));
    auto dialog = makeDialog();
    QElapsedTimer clock;
    clock.start();
    const auto result = startAndWait(*dialog);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::Completed));
    QVERIFY(clock.elapsed() >= 900); // Retry-After: 1
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(storedCount(), 30);
    QVERIFY(text(*dialog, "outcome").contains(QLatin1String("30 new events")));
}

void TestBackfillDialog::stripeSayingNotToRetryEndsForNow()
{
    seed(30);
    m_server->failNext(StripeTestServer::Fault{}); // the first page arrives
    m_server->failNext(StripeTestServer::Fault::rateLimited(false));
    auto dialog = makeDialog(10);
    const auto result = startAndWait(*dialog);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::GaveUp));
    const QString outcome = text(*dialog, "outcome");
    QVERIFY2(outcome.contains(QLatin1String("resume it later")), qPrintable(outcome));
    QCOMPARE(storedCount(), 10);
    QVERIFY(dialog->resumable());
    QVERIFY(button(*dialog, "resumeButton")->isVisible());

    const auto resumed = startAndWait(*dialog, button(*dialog, "resumeButton"));
    QVERIFY(resumed);
    QCOMPARE(toString(resumed->outcome), toString(BackfillOutcome::Completed));
    QCOMPARE(storedCount(), 30);
}

void TestBackfillDialog::missingApiKeySaysWhereToAddIt()
{
    seed(5);
    bool removed = false;
    m_keychain->remove(QString(secrets::keys::kStripeApiKey),
                       [&removed](const secrets::SecretResult& result) { removed = result.isOk(); });
    QVERIFY(QTest::qWaitFor([&] { return removed; }, 2000));
    auto dialog = makeDialog();
    QTest::mouseClick(button(*dialog, "startButton"), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return dialog->phase() == BackfillDialog::Phase::Ready; }, 5000));
    QVERIFY(text(*dialog, "outcome").contains(QLatin1String("No Stripe API key")));
    QVERIFY(text(*dialog, "outcome").contains(QLatin1String("Connections")));
    QVERIFY(button(*dialog, "connectionsButton")->isVisible());
    QCOMPARE(m_server->requestCount(), 0);
}

void TestBackfillDialog::invalidTypesAreExplainedWithoutARequest()
{
    auto dialog = makeDialog();
    auto* types = dialog->findChild<QLineEdit*>(QStringLiteral("eventTypes"));
    QTest::keyClicks(types, QStringLiteral("invoice.*, customer.*"));
    QTest::mouseClick(button(*dialog, "startButton"), Qt::LeftButton);
    QCOMPARE(dialog->phase(), BackfillDialog::Phase::Ready);
    QVERIFY(text(*dialog, "outcome").contains(QLatin1String("event types")));
    QTest::qWait(100);
    QCOMPARE(m_server->requestCount(), 0);
}

void TestBackfillDialog::typeFilterReachesStripe()
{
    seed(20);
    auto dialog = makeDialog();
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("eventTypes")),
                     QStringLiteral("invoice.paid"));
    const auto result = startAndWait(*dialog);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::Completed));
    QCOMPARE(storedCount(), 10);
    QCOMPARE(result->state.types, QStringList{QStringLiteral("invoice.paid")});
}

void TestBackfillDialog::chosenDateBoundsTheRequest()
{
    seed(5);
    auto dialog = makeDialog();
    auto* date = dialog->findChild<QDateEdit*>(QStringLiteral("sinceDateEdit"));
    QVERIFY(!date->isEnabled());
    QTest::mouseClick(dialog->findChild<QRadioButton*>(QStringLiteral("sinceDate")), Qt::LeftButton);
    QVERIFY(date->isEnabled());
    // Stripe keeps 30 days: older dates cannot even be chosen.
    QCOMPARE(date->minimumDate(), QDate::currentDate().addDays(-30));
    const QDate chosen = QDate::currentDate().addDays(-3);
    date->setDate(chosen);
    const auto result = startAndWait(*dialog);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::Completed));
    QCOMPARE(m_server->requests().constFirst().queryValue(QStringLiteral("created[gte]")).toLongLong(),
             QDateTime(chosen, QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
    QCOMPARE(result->state.sinceLabel, chosen.toString(Qt::ISODate));
    QCOMPARE(storedCount(), 5);
}

void TestBackfillDialog::closingWhileRunningStopsCleanly()
{
    seed(40);
    m_server->failNext(StripeTestServer::Fault::delayed(150ms), 100);
    auto dialog = makeDialog(10);
    QSignalSpy progressed(dialog.get(), &BackfillDialog::progressed);
    QSignalSpy finished(dialog.get(), &BackfillDialog::finished);
    QTest::mouseClick(button(*dialog, "startButton"), Qt::LeftButton);
    QVERIFY(progressed.wait(10000));
    QTest::mouseClick(button(*dialog, "closeButton"), Qt::LeftButton);
    QVERIFY(dialog->isVisible()); // still storing the page in flight
    QVERIFY(finished.wait(10000));
    QVERIFY(QTest::qWaitFor([&] { return !dialog->isVisible(); }, 2000));
    QCOMPARE(toString(finished.first().first().value<BackfillResult>().outcome),
             toString(BackfillOutcome::Interrupted));
    const auto state = stripe::BackfillState::fromJson(
        store::EventStore::openForReading(m_store->path()).state(stripe::BackfillState::key()));
    QVERIFY(state);
    QVERIFY(!state->isComplete());
    QCOMPARE(state->stored, storedCount());

    // Destroying it in the middle of a run keeps what was stored and never hangs.
    m_server->failNext(StripeTestServer::Fault::delayed(150ms), 100);
    auto again = makeDialog(10);
    QSignalSpy progressedAgain(again.get(), &BackfillDialog::progressed);
    QTest::mouseClick(button(*again, "resumeButton"), Qt::LeftButton);
    QVERIFY(progressedAgain.wait(10000));
    again.reset();
    QVERIFY(storedCount() <= 40);
}

void TestBackfillDialog::sharesTheWriterItIsGiven()
{
    seed(30);
    store::EventWriter& writer = m_store->writer();
    const std::int64_t commitsBefore = writer.commitCount();
    // The store's writer stays the TempStore's; the dialog only borrows it.
    auto dialog = makeDialog(10, std::shared_ptr<store::EventWriter>(&writer, [](store::EventWriter*) {}));
    const auto result = startAndWait(*dialog);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::Completed));
    QCOMPARE(storedCount(), 30);
    QVERIFY(writer.commitCount() >= commitsBefore + 3);
    // The writer stays the owner's: still usable after the dialog is gone.
    dialog.reset();
    QVERIFY(m_store
                ->addRaw({StripeTestServer::makeEvent(QStringLiteral("evt_1BbAfterDialog"),
                                                      QStringLiteral("invoice.paid"), kNow - 10)})
                .committed);
}

void TestBackfillDialog::sharesTheConsoleIntakeWriter()
{
    seed(30);
    m_store->stopWriter();
    intake::IntakeService intake;
    intake::IntakeOptions options;
    options.storePath = m_store->path();
    options.port = 0;
    options.poll = false;
    QSignalSpy listening(&intake, &intake::IntakeService::listening);
    QVERIFY(!intake.start(options, {{"whsec_backfillDialogTestSecret000000"}, {}}).isError());
    QVERIFY(listening.wait(10000));

    // Events the backfill stores reach the screens the same way webhooks do: through the intake's signal.
    QSignalSpy stored(&intake, &intake::IntakeService::eventsStored);
    auto dialog = makeDialog(10, intake.sharedWriter());
    const auto result = startAndWait(*dialog);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::Completed));
    QCOMPARE(storedCount(), 30);
    int announced = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            announced = 0;
            for (const auto& arguments : stored)
                announced += arguments.at(1).toInt();
            return announced >= 30;
        },
        5000));
    QCOMPARE(announced, 30);
}

QTEST_MAIN(TestBackfillDialog)
#include "tst_backfilldialog.moc"
