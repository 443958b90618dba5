#include "store/eventstore.h"
#include "store/eventwriter.h"
#include "store/sqlite.h"
#include "stripe/backfill.h"
#include "support/stripetestserver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <set>

using namespace billbridge;
using namespace std::chrono_literals;
using stripe::Backfill;
using stripe::BackfillOutcome;
using stripe::BackfillResult;
using test::StripeTestServer;

namespace {

const qint64 kNow = QDateTime::currentSecsSinceEpoch();
const qint64 kSince = kNow - 30 * 86400;

QString eventId(int index)
{
    return QStringLiteral("evt_1BbBackfill%1").arg(index, 5, 10, QLatin1Char('0'));
}

} // namespace

class TestBackfill final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void walksBackInPagesAndStoresEverything();
    void typeFilterOnTheWire();
    void resumesAfterInterruption();
    void completedRunStartsFresh();
    void otherParametersStartFresh();
    void retriesRateLimitsAndServerErrors();
    void stopsWhenStripeSaysNotToRetry();
    void givesUpAfterRetriesAndKeepsPosition();
    void credentialsRejected_data();
    void credentialsRejected();
    void storeFailureKeepsPageAndCursorTogether();
    void lostCursorContinuesBelowReachedTime();
    void stopWhileWaitingToRetryEndsAtOnce();
    void abortCancelsThePageInFlight();

    void cliBackfillsIntoTheStore();
    void cliInterruptedThenResumed();
    void cliExitCodes_data();
    void cliExitCodes();

private:
    // `count` events, one a minute, the newest an hour ago; plus three older than --since.
    void seed(int count);
    store::EventWriter& writer();
    stripe::BackfillOptions options(int pageSize = 100) const;
    std::optional<BackfillResult> run(Backfill& backfill, int timeoutMs = 30000);
    std::unique_ptr<Backfill> makeBackfill(const stripe::BackfillOptions& options,
                                           const QByteArray& key = StripeTestServer::kDefaultApiKey);
    store::EventStore reader() const { return store::EventStore::openForReading(m_path); }
    stripe::BackfillState savedState() const;
    QProcessEnvironment cliEnvironment(const QByteArray& key = StripeTestServer::kDefaultApiKey) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<StripeTestServer> m_server;
    std::unique_ptr<store::EventWriter> m_writer;
    QStringList m_inWindow; // ids inside the window, newest first
};

void TestBackfill::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("store.sqlite"));
    m_server = std::make_unique<StripeTestServer>();
    QVERIFY(m_server->start());
    m_inWindow.clear();
}

void TestBackfill::cleanup()
{
    if (m_writer)
        m_writer->stop();
    m_writer.reset();
    m_server.reset();
    m_dir.reset();
}

void TestBackfill::seed(int count)
{
    static const QStringList types = {
        QStringLiteral("invoice.paid"), QStringLiteral("customer.subscription.updated"),
        QStringLiteral("charge.succeeded"), QStringLiteral("invoice.payment_failed")};
    for (int i = 0; i < count; ++i) {
        const qint64 created = kNow - 3600 - qint64(count - i) * 60;
        QVERIFY(
            m_server->addEvent(StripeTestServer::makeEvent(eventId(i), types[i % types.size()], created)));
        m_inWindow.prepend(eventId(i));
    }
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_server->addEvent(StripeTestServer::makeEvent(
            QStringLiteral("evt_1BbTooOld%1").arg(i), QStringLiteral("invoice.paid"), kSince - 10 - i)));
}

store::EventWriter& TestBackfill::writer()
{
    if (!m_writer) {
        m_writer = std::make_unique<store::EventWriter>(m_path);
        m_writer->start();
    }
    return *m_writer;
}

stripe::BackfillOptions TestBackfill::options(int pageSize) const
{
    stripe::BackfillOptions options;
    options.since = kSince;
    options.sinceLabel = QStringLiteral("30d");
    options.pageSize = pageSize;
    options.retry = stripe::RetryPolicy(4, 5ms, 20ms);
    return options;
}

std::unique_ptr<Backfill> TestBackfill::makeBackfill(const stripe::BackfillOptions& options,
                                                     const QByteArray& key)
{
    return std::make_unique<Backfill>(
        stripe::StripeApiConfig::resolve(QString::fromLatin1(key), m_server->baseUrl().toString()), writer(),
        m_path, options);
}

std::optional<BackfillResult> TestBackfill::run(Backfill& backfill, int timeoutMs)
{
    std::optional<BackfillResult> result;
    connect(&backfill, &Backfill::finished, this, [&result](const BackfillResult& finished) {
        if (result)
            qFatal("finished() emitted twice");
        result = finished;
    });
    backfill.start();
    static_cast<void>(QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs));
    return result;
}

stripe::BackfillState TestBackfill::savedState() const
{
    return stripe::BackfillState::fromJson(reader().state(stripe::BackfillState::key()))
        .value_or(stripe::BackfillState());
}

void TestBackfill::walksBackInPagesAndStoresEverything()
{
    seed(250);
    auto backfill = makeBackfill(options());
    QList<stripe::BackfillProgress> progress;
    connect(backfill.get(), &Backfill::progress, this,
            [&progress](const stripe::BackfillProgress& update) { progress.append(update); });
    const auto result = run(*backfill);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::Completed));
    QVERIFY(!result->resumed);
    QCOMPARE(result->state.stored, 250);
    QCOMPARE(result->state.duplicates, 0);
    QCOMPARE(result->state.pages, 3);
    QVERIFY(result->message.contains(QStringLiteral("250 new events")));

    // Wire: created[gte]=since on every page, starting_after = oldest id of the previous page.
    const auto& requests = m_server->requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests[0].target,
             QByteArray("/v1/events?created[gte]=") + QByteArray::number(kSince) + "&limit=100");
    QCOMPARE(requests[1].queryValue(QStringLiteral("starting_after")), m_inWindow[99]);
    QCOMPARE(requests[2].queryValue(QStringLiteral("starting_after")), m_inWindow[199]);
    for (const auto& request : requests)
        QCOMPARE(request.queryValue(QStringLiteral("created[gte]")), QString::number(kSince));

    store::EventStore store = reader();
    QCOMPARE(store.count(), 250);
    store::EventFilter filter;
    filter.source = store::EventSource::Backfill;
    filter.limit = 1000;
    QCOMPARE(store.list(filter).size(), std::size_t(250));
    const auto stored = store.find(m_inWindow.first());
    QVERIFY(stored);
    QCOMPARE(toString(stored->verdict), QStringLiteral("api"));
    QCOMPARE(stored->raw, m_server->eventRaw(m_inWindow.first()));
    QVERIFY(!store.find(QStringLiteral("evt_1BbTooOld0")));

    const stripe::BackfillState saved = savedState();
    QVERIFY(saved.isComplete());
    QCOMPARE(saved.stored, 250);
    QCOMPARE(saved.cursor, m_inWindow.last());

    QCOMPARE(progress.size(), 3);
    QVERIFY(progress[0].eta.has_value());
    QVERIFY(progress[0].state.fractionDone() < progress[1].state.fractionDone());
    QCOMPARE(progress[2].eta->count(), 0);
    QVERIFY(progress[2].eventsPerSecond > 0);
}

void TestBackfill::typeFilterOnTheWire()
{
    seed(40);
    stripe::BackfillOptions filtered = options();
    filtered.types = {QStringLiteral("invoice.paid"), QStringLiteral("invoice.payment_failed")};
    auto backfill = makeBackfill(filtered);
    const auto result = run(*backfill);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::Completed));
    QCOMPARE(result->state.stored, 20);
    const QByteArray target = m_server->requests().first().target;
    QVERIFY2(target.contains("&types[0]=invoice.paid&types[1]=invoice.payment_failed&"), target.constData());

    stripe::BackfillOptions pattern = options();
    pattern.types = {QStringLiteral("customer.*")};
    m_server->clearRequests();
    auto second = makeBackfill(pattern);
    const auto patternResult = run(*second);
    QVERIFY(patternResult);
    QCOMPARE(patternResult->state.stored, 10);
    QVERIFY(m_server->requests().first().target.contains("&type=customer.%2A&"));
}

void TestBackfill::resumesAfterInterruption()
{
    seed(100);
    auto first = makeBackfill(options(20));
    connect(first.get(), &Backfill::progress, first.get(), &Backfill::stop);
    const auto interrupted = run(*first);
    QVERIFY(interrupted);
    QCOMPARE(toString(interrupted->outcome), toString(BackfillOutcome::Interrupted));
    QCOMPARE(interrupted->state.pages, 1);
    QVERIFY(interrupted->message.contains(QStringLiteral("run the same command again")));
    const stripe::BackfillState saved = savedState();
    QVERIFY(!saved.isComplete());
    QCOMPARE(saved.cursor, m_inWindow[19]);
    QCOMPARE(saved.stored, 20);
    QCOMPARE(reader().count(), 20);

    m_server->clearRequests();
    // "30d" typed again a little later is the same request, although it names a slightly later instant.
    stripe::BackfillOptions again = options(20);
    again.since += 90;
    auto second = makeBackfill(again);
    QStringList notices;
    connect(second.get(), &Backfill::notice, this, [&notices](const QString& text) { notices << text; });
    const auto resumed = run(*second);
    QVERIFY(resumed);
    QCOMPARE(toString(resumed->outcome), toString(BackfillOutcome::Completed));
    QVERIFY(resumed->resumed);
    QCOMPARE(notices.size(), 1);
    QVERIFY2(notices.first().startsWith(QStringLiteral("Resuming")), qPrintable(notices.first()));
    QVERIFY(notices.first().contains(m_inWindow[19]));

    // Four more pages, the first right after the saved cursor; nothing before it fetched again.
    const auto& requests = m_server->requests();
    QCOMPARE(requests.size(), 4);
    QCOMPARE(requests[0].queryValue(QStringLiteral("starting_after")), m_inWindow[19]);
    QCOMPARE(requests[0].queryValue(QStringLiteral("created[gte]")), QString::number(kSince));
    QCOMPARE(resumed->state.stored, 100);
    QCOMPARE(resumed->state.duplicates, 0);
    QCOMPARE(reader().count(), 100);
    QCOMPARE(reader().stats().duplicatesSeen, 0);
}

void TestBackfill::completedRunStartsFresh()
{
    seed(30);
    auto first = makeBackfill(options());
    QCOMPARE(toString(run(*first)->outcome), toString(BackfillOutcome::Completed));
    m_server->clearRequests();
    auto second = makeBackfill(options());
    QSignalSpy notices(second.get(), &Backfill::notice);
    const auto result = run(*second);
    QVERIFY(result && !result->resumed);
    QCOMPARE(notices.count(), 0);
    QVERIFY(!m_server->requests().first().hasQueryItem(QStringLiteral("starting_after")));
    QCOMPARE(result->state.stored, 0);
    QCOMPARE(result->state.duplicates, 30);
    QCOMPARE(reader().stats().duplicatesSeen, 30);
}

void TestBackfill::otherParametersStartFresh()
{
    seed(60);
    auto first = makeBackfill(options(20));
    connect(first.get(), &Backfill::progress, first.get(), &Backfill::stop);
    QCOMPARE(toString(run(*first)->outcome), toString(BackfillOutcome::Interrupted));

    m_server->clearRequests();
    stripe::BackfillOptions other = options(20);
    other.sinceLabel = QStringLiteral("7d");
    other.since = kNow - 7 * 86400;
    auto second = makeBackfill(other);
    QStringList notices;
    connect(second.get(), &Backfill::notice, this, [&notices](const QString& text) { notices << text; });
    const auto result = run(*second);
    QVERIFY(result && !result->resumed);
    QCOMPARE(notices.size(), 1);
    QVERIFY2(notices.first().contains(QStringLiteral("replaced")), qPrintable(notices.first()));
    QVERIFY(!m_server->requests().first().hasQueryItem(QStringLiteral("starting_after")));
    QCOMPARE(result->state.stored, 40);
    QCOMPARE(result->state.duplicates, 20);
}

void TestBackfill::retriesRateLimitsAndServerErrors()
{
    seed(30);
    m_server->failNext(StripeTestServer::Fault::rateLimited(), 2);
    m_server->failNext(StripeTestServer::Fault::serverError(502));
    m_server->failNext(StripeTestServer::Fault::malformedJson());
    QStringList retries;
    stripe::BackfillOptions patient = options();
    patient.retry = stripe::RetryPolicy(5, 5ms, 20ms);
    auto backfill = makeBackfill(patient);
    connect(backfill.get(), &Backfill::retrying, this,
            [&retries](const QString& text, std::chrono::milliseconds) { retries << text; });
    const auto result = run(*backfill);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::Completed));
    QCOMPARE(retries.size(), 4);
    QVERIFY(retries[0].contains(QStringLiteral("limiting the request rate")));
    QVERIFY(retries[0].contains(QStringLiteral("attempt 2 of 5")));
    QVERIFY(retries[2].contains(QStringLiteral("internal error")));
    QCOMPARE(m_server->requestCount(), 5);
    QCOMPARE(reader().count(), 30);
}

void TestBackfill::stopsWhenStripeSaysNotToRetry()
{
    seed(10);
    m_server->failNext(StripeTestServer::Fault::rateLimited(false));
    auto backfill = makeBackfill(options());
    const auto result = run(*backfill);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::GaveUp));
    QCOMPARE(m_server->requestCount(), 1);
    QVERIFY2(result->message.contains(QStringLiteral("Stripe-Should-Retry: false")),
             qPrintable(result->message));
    QCOMPARE(result->error->httpStatus, 429);
}

void TestBackfill::givesUpAfterRetriesAndKeepsPosition()
{
    seed(60);
    auto backfill = makeBackfill(options(20));
    connect(backfill.get(), &Backfill::progress, this, [this](const stripe::BackfillProgress& progress) {
        if (progress.state.pages == 1)
            m_server->failNext(StripeTestServer::Fault::serverError(500), 10);
    });
    const auto result = run(*backfill);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::GaveUp));
    QCOMPARE(m_server->requestCount(), 1 + 4);
    QVERIFY(result->message.contains(QStringLiteral("gave up after 4 attempts")));
    QVERIFY(result->message.contains(m_inWindow[19]));
    QCOMPARE(savedState().cursor, m_inWindow[19]);
    QCOMPARE(savedState().stored, 20);

    m_server->clearFaults();
    auto again = makeBackfill(options(20));
    const auto resumed = run(*again);
    QVERIFY(resumed && resumed->resumed);
    QCOMPARE(toString(resumed->outcome), toString(BackfillOutcome::Completed));
    QCOMPARE(resumed->state.stored, 60);
    QCOMPARE(reader().count(), 60);
}

void TestBackfill::credentialsRejected_data()
{
    QTest::addColumn<bool>("restricted");
    QTest::newRow("401 wrong key") << false;
    QTest::newRow("403 restricted key") << true;
}

void TestBackfill::credentialsRejected()
{
    QFETCH(bool, restricted);
    seed(10);
    QByteArray key = "sk_test_51DefinitelyNotTheServersKey00000";
    if (restricted) {
        key = "rk_test_51RestrictedKeyMissingEventRead001";
        m_server->setApiKey(key);
        m_server->failNext(StripeTestServer::Fault::permissionDenied());
    }
    auto backfill = makeBackfill(options(), key);
    const auto result = run(*backfill);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::CredentialsRejected));
    QCOMPARE(m_server->requestCount(), 1);
    QVERIFY(
        result->message.contains(restricted ? QStringLiteral("rak_event_read") : QStringLiteral("rejected")));
    QCOMPARE(reader().count(), 0);
}

void TestBackfill::storeFailureKeepsPageAndCursorTogether()
{
    seed(60);
    writer();
    {
        // A real SQLite failure in the middle of the second page: the whole page and its cursor roll back.
        store::SqliteConnection connection =
            store::SqliteConnection::open(m_path, store::SqliteConnection::Access::ReadWrite);
        const QByteArray trigger = "CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.id = '" +
                                   m_inWindow[30].toLatin1() +
                                   "' BEGIN SELECT RAISE(ABORT, 'disk says no'); END";
        connection.exec(trigger.constData());
    }
    auto backfill = makeBackfill(options(20));
    const auto result = run(*backfill);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::StoreFailed));
    QVERIFY2(result->message.contains(QStringLiteral("disk says no")), qPrintable(result->message));
    QVERIFY(result->message.contains(QStringLiteral("None of that page was kept")));
    store::EventStore store = reader();
    QCOMPARE(store.count(), 20);
    QVERIFY(!store.find(m_inWindow[20]));
    QCOMPARE(savedState().cursor, m_inWindow[19]);
    QCOMPARE(savedState().pages, 1);

    {
        store::SqliteConnection connection =
            store::SqliteConnection::open(m_path, store::SqliteConnection::Access::ReadWrite);
        connection.exec("DROP TRIGGER poison");
    }
    m_server->clearRequests();
    auto again = makeBackfill(options(20));
    const auto resumed = run(*again);
    QVERIFY(resumed && resumed->resumed);
    QCOMPARE(toString(resumed->outcome), toString(BackfillOutcome::Completed));
    QCOMPARE(m_server->requests().first().queryValue(QStringLiteral("starting_after")), m_inWindow[19]);
    QCOMPARE(resumed->state.stored, 60);
    QCOMPARE(reader().count(), 60);
    QCOMPARE(reader().stats().duplicatesSeen, 0);
}

void TestBackfill::lostCursorContinuesBelowReachedTime()
{
    seed(50);
    auto first = makeBackfill(options(20));
    connect(first.get(), &Backfill::progress, first.get(), &Backfill::stop);
    QCOMPARE(toString(run(*first)->outcome), toString(BackfillOutcome::Interrupted));
    const stripe::BackfillState saved = savedState();
    m_server->removeEvent(saved.cursor);
    m_server->clearRequests();

    auto second = makeBackfill(options(20));
    QStringList notices;
    connect(second.get(), &Backfill::notice, this, [&notices](const QString& text) { notices << text; });
    const auto result = run(*second);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::Completed));
    QCOMPARE(notices.size(), 2);
    QVERIFY2(notices[1].contains(QStringLiteral("no longer knows")), qPrintable(notices[1]));
    const auto& requests = m_server->requests();
    QCOMPARE(requests[0].queryValue(QStringLiteral("starting_after")), saved.cursor);
    QCOMPARE(requests[1].queryValue(QStringLiteral("created[lt]")),
             QString::number(saved.reachedCreated + 1));
    QVERIFY(!requests[1].hasQueryItem(QStringLiteral("starting_after")));
    QCOMPARE(reader().count(), 50);
}

void TestBackfill::stopWhileWaitingToRetryEndsAtOnce()
{
    seed(10);
    stripe::BackfillOptions slow = options();
    slow.retry = stripe::RetryPolicy(5, 10s, 10s);
    m_server->failNext(StripeTestServer::Fault::serverError(500));
    auto backfill = makeBackfill(slow);
    connect(backfill.get(), &Backfill::retrying, backfill.get(), &Backfill::stop);
    QElapsedTimer clock;
    clock.start();
    const auto result = run(*backfill);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::Interrupted));
    QVERIFY(clock.elapsed() < 4000);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestBackfill::abortCancelsThePageInFlight()
{
    seed(10);
    m_server->failNext(StripeTestServer::Fault::delayed(10s));
    auto backfill = makeBackfill(options());
    connect(m_server.get(), &StripeTestServer::requestReceived, backfill.get(), &Backfill::abort);
    QElapsedTimer clock;
    clock.start();
    const auto result = run(*backfill);
    QVERIFY(result);
    QCOMPARE(toString(result->outcome), toString(BackfillOutcome::Interrupted));
    QVERIFY(clock.elapsed() < 4000);
    QCOMPARE(reader().count(), 0);
}

QProcessEnvironment TestBackfill::cliEnvironment(const QByteArray& key) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("BILLBRIDGE_STRIPE_API_BASE"), m_server->baseUrl().toString());
    // Whatever other tests keep in the keychain must not stand in for a missing STRIPE_API_KEY here.
    environment.insert(QStringLiteral("BILLBRIDGE_KEYCHAIN_SERVICE"),
                       QStringLiteral("Billbridge-test-backfill"));
    if (key.isEmpty())
        environment.remove(QStringLiteral("STRIPE_API_KEY"));
    else
        environment.insert(QStringLiteral("STRIPE_API_KEY"), QString::fromLatin1(key));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    environment.remove(QStringLiteral("BILLBRIDGE_DB"));
    return environment;
}

void TestBackfill::cliBackfillsIntoTheStore()
{
    seed(230);
    QProcess cli;
    cli.setProcessEnvironment(cliEnvironment());
    cli.start(QStringLiteral(BILLBRIDGE_CLI_PATH), {QStringLiteral("backfill"), QStringLiteral("--since"),
                                                    QStringLiteral("30d"), QStringLiteral("--db"), m_path});
    QVERIFY(cli.waitForStarted());
    QVERIFY(QTest::qWaitFor([&cli] { return cli.state() == QProcess::NotRunning; }, 60000));
    const QString errors = QString::fromLocal8Bit(cli.readAllStandardError());
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QVERIFY2(cli.exitCode() == 0, qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("backfill: 100 events stored")), qPrintable(errors));
    QVERIFY(errors.contains(QStringLiteral("events/s")));
    QVERIFY(errors.contains(QStringLiteral("ETA")));
    QVERIFY(errors.contains(QStringLiteral("Backfill complete: 230 new events stored")));
    QVERIFY(!errors.contains(QString::fromLatin1(StripeTestServer::kDefaultApiKey)));
    QCOMPARE(cli.readAllStandardOutput(), QByteArray());

    store::EventStore store = reader();
    QCOMPARE(store.count(), 230);
    QVERIFY(savedState().isComplete());
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(m_server->requests().first().header("authorization"),
             QByteArray("Bearer ") + StripeTestServer::kDefaultApiKey);
}

void TestBackfill::cliInterruptedThenResumed()
{
    seed(350);
    m_server->failNext(StripeTestServer::Fault::delayed(400ms), 2);
    QProcess cli;
    cli.setProcessEnvironment(cliEnvironment());
    const QStringList arguments = {QStringLiteral("backfill"), QStringLiteral("--db"), m_path};
    cli.start(QStringLiteral(BILLBRIDGE_CLI_PATH), arguments);
    QVERIFY(cli.waitForStarted());
    QString errors;
    QVERIFY(QTest::qWaitFor(
        [&] {
            errors += QString::fromLocal8Bit(cli.readAllStandardError());
            return errors.contains(QStringLiteral("backfill: ")) || cli.state() == QProcess::NotRunning;
        },
        30000));
    QCOMPARE(cli.state(), QProcess::Running);
    ::kill(static_cast<pid_t>(cli.processId()), SIGINT);
    QVERIFY(QTest::qWaitFor([&cli] { return cli.state() == QProcess::NotRunning; }, 30000));
    errors += QString::fromLocal8Bit(cli.readAllStandardError());
    QVERIFY2(cli.exitCode() == 130, qPrintable(errors));
    QVERIFY(errors.contains(QStringLiteral("Stopping after the page in progress is stored")));
    QVERIFY2(errors.contains(QStringLiteral("To resume: billbridge-cli backfill --since 30d --db ") + m_path),
             qPrintable(errors));
    const stripe::BackfillState saved = savedState();
    QVERIFY(!saved.isComplete());
    QVERIFY(saved.pages >= 1 && saved.pages < 4);
    QCOMPARE(reader().count(), saved.pages * 100);

    m_server->clearRequests();
    QProcess again;
    again.setProcessEnvironment(cliEnvironment());
    again.start(QStringLiteral(BILLBRIDGE_CLI_PATH), arguments);
    QVERIFY(QTest::qWaitFor([&again] { return again.state() == QProcess::NotRunning; }, 60000));
    const QString resumed = QString::fromLocal8Bit(again.readAllStandardError());
    QVERIFY2(again.exitCode() == 0, qPrintable(resumed));
    QVERIFY2(resumed.contains(QStringLiteral("Resuming the backfill")), qPrintable(resumed));
    QCOMPARE(m_server->requests().first().queryValue(QStringLiteral("starting_after")), saved.cursor);
    QCOMPARE(reader().count(), 350);
    QCOMPARE(reader().stats().duplicatesSeen, 0);
}

void TestBackfill::cliExitCodes_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<int>("fault");
    QTest::addColumn<bool>("storeIsFolder");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no key") << QByteArray() << 0 << false << 3 << "STRIPE_API_KEY";
    QTest::newRow("wrong key") << QByteArray("sk_test_51WrongWrongWrongWrong000000") << 0 << false << 4
                               << "rejected the API key";
    QTest::newRow("restricted key") << QByteArray(StripeTestServer::kDefaultApiKey) << 403 << false << 4
                                    << "rak_event_read";
    QTest::newRow("Stripe says stop")
        << QByteArray(StripeTestServer::kDefaultApiKey) << 429 << false << 1 << "Stripe-Should-Retry: false";
    QTest::newRow("store not writable")
        << QByteArray(StripeTestServer::kDefaultApiKey) << 0 << true << 5 << "";
}

void TestBackfill::cliExitCodes()
{
    QFETCH(QByteArray, key);
    QFETCH(int, fault);
    QFETCH(bool, storeIsFolder);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    seed(5);
    if (fault == 403)
        m_server->failNext(StripeTestServer::Fault::permissionDenied());
    if (fault == 429)
        m_server->failNext(StripeTestServer::Fault::rateLimited(false));
    QProcess cli;
    cli.setProcessEnvironment(cliEnvironment(key));
    cli.start(QStringLiteral(BILLBRIDGE_CLI_PATH),
              {QStringLiteral("backfill"), QStringLiteral("--db"), storeIsFolder ? m_dir->path() : m_path});
    QVERIFY(QTest::qWaitFor([&cli] { return cli.state() == QProcess::NotRunning; }, 30000));
    const QString errors = QString::fromLocal8Bit(cli.readAllStandardError());
    QVERIFY2(cli.exitCode() == exitCode,
             qPrintable(QString::number(cli.exitCode()) + QLatin1Char(' ') + errors));
    QVERIFY2(errors.contains(QStringLiteral("billbridge-cli: error: ")), qPrintable(errors));
    QVERIFY2(errors.contains(message), qPrintable(errors));
}

QTEST_GUILESS_MAIN(TestBackfill)
#include "tst_backfill.moc"
