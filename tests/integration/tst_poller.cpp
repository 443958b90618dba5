#include "store/eventstore.h"
#include "store/eventwriter.h"
#include "store/sqlite.h"
#include "stripe/eventpoller.h"
#include "stripe/stripeevent.h"
#include "support/stripetestserver.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace billbridge;
using namespace std::chrono_literals;
using stripe::EventPoller;
using stripe::PollReport;
using test::StripeTestServer;

namespace {

const qint64 kStart = QDateTime::currentSecsSinceEpoch() - 86400;

QString eventId(int index)
{
    return QStringLiteral("evt_1BbPoll%1").arg(index, 4, 10, QLatin1Char('0'));
}

QByteArray eventBody(int index)
{
    return StripeTestServer::makeEvent(eventId(index),
                                       index % 2 ? QStringLiteral("invoice.paid")
                                                 : QStringLiteral("customer.subscription.updated"),
                                       kStart + index * 60);
}

} // namespace

class TestPoller final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void establishesPositionOnEmptyStore();
    void startsFromNewestStoredEventAndSavesIt();
    void catchesUpEventsMissedWhileDown();
    void picksUpNewEventsEveryInterval();
    void rejectedKeyStopsPolling_data();
    void rejectedKeyStopsPolling();
    void transientErrorsKeepPolling();
    void forgottenCursorFallsBackToNewestStored();
    void forgottenCursorWithNothingToFallBackOn();
    void cursorMovesOnlyWithItsEvents();
    void stopCancelsTheRequestInFlight();

private:
    store::EventWriter& writer();
    void serve(int from, int to); // events [from, to) on the server
    void storeAsWebhook(std::initializer_list<int> indexes);
    std::unique_ptr<EventPoller> makePoller(std::chrono::milliseconds interval = 60s,
                                            const QByteArray& key = StripeTestServer::kDefaultApiKey);
    std::optional<PollReport> nextRun(EventPoller& poller, int timeoutMs = 15000);
    store::EventStore reader() const { return store::EventStore::openForReading(m_path); }
    QString savedCursor() const { return reader().state(EventPoller::cursorKey()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<StripeTestServer> m_server;
    std::unique_ptr<store::EventWriter> m_writer;
};

void TestPoller::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("store.sqlite"));
    m_server = std::make_unique<StripeTestServer>();
    QVERIFY(m_server->start());
    writer();
}

void TestPoller::cleanup()
{
    if (m_writer)
        m_writer->stop();
    m_writer.reset();
    m_server.reset();
    m_dir.reset();
}

store::EventWriter& TestPoller::writer()
{
    if (!m_writer) {
        m_writer = std::make_unique<store::EventWriter>(m_path);
        m_writer->start();
    }
    return *m_writer;
}

void TestPoller::serve(int from, int to)
{
    for (int i = from; i < to; ++i)
        QVERIFY(m_server->addEvent(eventBody(i)));
}

void TestPoller::storeAsWebhook(std::initializer_list<int> indexes)
{
    store::WriteRequest request;
    for (int index : indexes) {
        store::IncomingEvent event;
        event.raw = eventBody(index);
        event.fields = *stripe::parseStripeEvent(event.raw).fields;
        event.source = store::EventSource::Webhook;
        event.verdict = store::SignatureVerdict::Verified;
        event.signatureHeader = "t=1,v1=00";
        event.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
        request.events.push_back(event);
    }
    QVERIFY(writer().write(std::move(request)).committed);
}

std::unique_ptr<EventPoller> TestPoller::makePoller(std::chrono::milliseconds interval, const QByteArray& key)
{
    auto poller = std::make_unique<EventPoller>(
        stripe::StripeApiConfig::resolve(QString::fromLatin1(key), m_server->baseUrl().toString()), writer(),
        m_path, interval);
    poller->setRetryPolicy(stripe::RetryPolicy(2, 5ms, 10ms));
    return poller;
}

std::optional<PollReport> TestPoller::nextRun(EventPoller& poller, int timeoutMs)
{
    std::optional<PollReport> report;
    const auto connection =
        connect(&poller, &EventPoller::runFinished, this, [&report](const PollReport& finished) {
            if (!report)
                report = finished;
        });
    static_cast<void>(QTest::qWaitFor([&report] { return report.has_value(); }, timeoutMs));
    disconnect(connection);
    return report;
}

void TestPoller::establishesPositionOnEmptyStore()
{
    serve(0, 5);
    auto poller = makePoller();
    QSignalSpy states(poller.get(), &EventPoller::stateChanged);
    poller->start();
    const auto first = nextRun(*poller);
    QVERIFY(first && first->ok);
    QCOMPARE(first->newEvents, 1);
    QCOMPARE(m_server->requests().first().target, QByteArray("/v1/events?limit=1"));
    QCOMPARE(savedCursor(), eventId(4));
    const auto stored = reader().find(eventId(4));
    QVERIFY(stored);
    QCOMPARE(toString(stored->source), QStringLiteral("poll"));
    QCOMPARE(toString(stored->verdict), QStringLiteral("api"));
    QCOMPARE(stored->raw, eventBody(4));
    QCOMPARE(poller->state(), EventPoller::State::Waiting);
    QVERIFY(states.count() >= 2);
    // The run is recorded for consoles that watch the store.
    QTRY_COMPARE(reader().state(EventPoller::lastRunKey()), QStringLiteral("ok"));
    QVERIFY(reader().stateUpdatedAt(EventPoller::lastRunKey()).value_or(0) >=
            first->finishedAt.toMSecsSinceEpoch() - 1000);

    serve(5, 8);
    poller->pollNow();
    const auto second = nextRun(*poller);
    QVERIFY(second && second->ok);
    QCOMPARE(second->newEvents, 3);
    QCOMPARE(m_server->requests().last().target,
             QByteArray("/v1/events?ending_before=") + eventId(4).toLatin1() + "&limit=100");
    QCOMPARE(savedCursor(), eventId(7));
    QCOMPARE(reader().count(), 4);
}

void TestPoller::startsFromNewestStoredEventAndSavesIt()
{
    serve(0, 6);
    storeAsWebhook({0, 1, 2});
    auto poller = makePoller();
    poller->start();
    const auto report = nextRun(*poller);
    QVERIFY(report && report->ok);
    QCOMPARE(m_server->requests().first().queryValue(QStringLiteral("ending_before")), eventId(2));
    QCOMPARE(report->newEvents, 3);
    QCOMPARE(savedCursor(), eventId(5));
}

void TestPoller::catchesUpEventsMissedWhileDown()
{
    serve(0, 5);
    storeAsWebhook({0, 1, 2, 3, 4});
    {
        auto before = makePoller();
        before->start();
        const auto report = nextRun(*before);
        QVERIFY(report && report->ok);
        QCOMPARE(report->newEvents, 0);
        before->stop();
    }
    // Fixed while nothing listened: 25 events at Stripe, of which late webhook retries brought two.
    QCOMPARE(savedCursor(), eventId(4));
    serve(5, 30);
    storeAsWebhook({10, 20});
    m_server->clearRequests();

    auto poller = makePoller();
    poller->setPageSize(10);
    poller->start();
    const auto report = nextRun(*poller);
    QVERIFY(report && report->ok);
    QCOMPARE(report->newEvents, 23);
    QCOMPARE(report->duplicates, 2);
    QCOMPARE(report->pages, 3);
    QCOMPARE(report->cursor, eventId(29));
    QCOMPARE(poller->totalDuplicates(), 2);

    const auto& requests = m_server->requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests[0].queryValue(QStringLiteral("ending_before")), eventId(4));
    QCOMPARE(requests[1].queryValue(QStringLiteral("ending_before")), eventId(14));
    QCOMPARE(requests[2].queryValue(QStringLiteral("ending_before")), eventId(24));

    store::EventStore store = reader();
    QCOMPARE(store.count(), 30);
    store::EventFilter polled;
    polled.source = store::EventSource::Poll;
    polled.limit = 100;
    QCOMPARE(store.list(polled).size(), std::size_t(23));
    const auto duplicate = store.find(eventId(10), false);
    QCOMPARE(toString(duplicate->source), QStringLiteral("webhook"));
    QCOMPARE(duplicate->duplicateCount, 1);
    QCOMPARE(savedCursor(), eventId(29));
    // Local order follows Stripe's within a page: the oldest of a page got the lowest sequence number.
    QVERIFY(store.find(eventId(5), false)->seq < store.find(eventId(9), false)->seq);
}

void TestPoller::picksUpNewEventsEveryInterval()
{
    serve(0, 3);
    auto poller = makePoller(150ms);
    poller->start();
    QVERIFY(nextRun(*poller));
    const QDateTime firstRun = poller->lastRunAt();
    QVERIFY(firstRun.isValid());
    serve(3, 7);
    std::optional<PollReport> report;
    for (int i = 0; i < 20 && (!report || report->newEvents == 0); ++i)
        report = nextRun(*poller);
    QVERIFY(report && report->newEvents == 4);
    QVERIFY(poller->lastRunAt() > firstRun);
    QCOMPARE(poller->totalNewEvents(), 5);
    QCOMPARE(reader().count(), 5);
}

void TestPoller::rejectedKeyStopsPolling_data()
{
    QTest::addColumn<bool>("restricted");
    QTest::newRow("401") << false;
    QTest::newRow("403") << true;
}

void TestPoller::rejectedKeyStopsPolling()
{
    QFETCH(bool, restricted);
    serve(0, 3);
    QByteArray key = "sk_test_51NotTheKeyTheServerKnows000000";
    if (restricted) {
        key = StripeTestServer::kDefaultApiKey;
        m_server->failNext(StripeTestServer::Fault::permissionDenied());
    }
    auto poller = makePoller(50ms, key);
    QSignalSpy errors(poller.get(), &EventPoller::errorOccurred);
    poller->start();
    QTRY_COMPARE(errors.count(), 1);
    QCOMPARE(errors.first().at(1).toBool(), true);
    QVERIFY(errors.first().at(0).toString().contains(restricted ? QStringLiteral("rak_event_read")
                                                                : QStringLiteral("rejected the API key")));
    QCOMPARE(poller->state(), EventPoller::State::Failed);
    QTest::qWait(300);
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(errors.count(), 1);
}

void TestPoller::transientErrorsKeepPolling()
{
    serve(0, 3);
    storeAsWebhook({0});
    m_server->failNext(StripeTestServer::Fault::serverError(500), 2);
    auto poller = makePoller(100ms);
    QSignalSpy errors(poller.get(), &EventPoller::errorOccurred);
    poller->start();
    const auto failed = nextRun(*poller);
    QVERIFY(failed && !failed->ok);
    QTRY_COMPARE(reader().state(EventPoller::lastRunKey()), QStringLiteral("failed"));
    QCOMPARE(m_server->requestCount(), 2); // retried once within the run
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.first().at(1).toBool(), false);
    QVERIFY(errors.first().at(0).toString().contains(QStringLiteral("tries again")));

    // Stripe-Should-Retry: false is not retried within the run, but polling goes on.
    m_server->failNext(StripeTestServer::Fault::rateLimited(false));
    const auto limited = nextRun(*poller);
    QVERIFY(limited && !limited->ok);
    QCOMPARE(m_server->requestCount(), 3);

    const auto recovered = nextRun(*poller);
    QVERIFY(recovered && recovered->ok);
    QCOMPARE(recovered->newEvents, 2);
    QCOMPARE(poller->state(), EventPoller::State::Waiting);
    QCOMPARE(savedCursor(), eventId(2));
}

void TestPoller::forgottenCursorFallsBackToNewestStored()
{
    serve(0, 10);
    storeAsWebhook({0, 1, 2, 3, 4});
    store::WriteRequest saved;
    saved.stateUpdates.emplace_back(EventPoller::cursorKey(), QStringLiteral("evt_1BbExpiredLongAgo"));
    QVERIFY(writer().write(std::move(saved)).committed);

    auto poller = makePoller();
    QStringList warnings;
    connect(poller.get(), &EventPoller::warning, this,
            [&warnings](const QString& text) { warnings << text; });
    poller->start();
    const auto report = nextRun(*poller);
    QVERIFY(report && report->ok);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(
        warnings.first().contains(QStringLiteral("no longer knows the poll position evt_1BbExpiredLongAgo")),
        qPrintable(warnings.first()));
    QVERIFY(warnings.first().contains(eventId(4)));
    QCOMPARE(m_server->requests()[1].queryValue(QStringLiteral("ending_before")), eventId(4));
    QCOMPARE(report->newEvents, 5);
    QCOMPARE(savedCursor(), eventId(9));
}

void TestPoller::forgottenCursorWithNothingToFallBackOn()
{
    serve(0, 4);
    store::WriteRequest saved;
    saved.stateUpdates.emplace_back(EventPoller::cursorKey(), QStringLiteral("evt_1BbExpiredLongAgo"));
    QVERIFY(writer().write(std::move(saved)).committed);
    auto poller = makePoller();
    QSignalSpy warnings(poller.get(), &EventPoller::warning);
    poller->start();
    const auto report = nextRun(*poller);
    QVERIFY(report && report->ok);
    QCOMPARE(warnings.count(), 1);
    QVERIFY(warnings.first().at(0).toString().contains(QStringLiteral("backfill")));
    QCOMPARE(m_server->requests().last().target, QByteArray("/v1/events?limit=1"));
    QCOMPARE(savedCursor(), eventId(3));
}

void TestPoller::cursorMovesOnlyWithItsEvents()
{
    serve(0, 10);
    storeAsWebhook({0, 1, 2, 3, 4});
    {
        store::SqliteConnection connection =
            store::SqliteConnection::open(m_path, store::SqliteConnection::Access::ReadWrite);
        const QByteArray trigger = "CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.id = '" +
                                   eventId(7).toLatin1() + "' BEGIN SELECT RAISE(ABORT, 'disk says no'); END";
        connection.exec(trigger.constData());
    }
    auto poller = makePoller();
    QSignalSpy errors(poller.get(), &EventPoller::errorOccurred);
    poller->start();
    const auto failed = nextRun(*poller);
    QVERIFY(failed && !failed->ok);
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.first().at(0).toString().contains(QStringLiteral("disk says no")));
    QCOMPARE(errors.first().at(1).toBool(), false);
    QCOMPARE(savedCursor(), eventId(4));
    QCOMPARE(reader().count(), 5);
    QVERIFY(!reader().find(eventId(5)));

    {
        store::SqliteConnection connection =
            store::SqliteConnection::open(m_path, store::SqliteConnection::Access::ReadWrite);
        connection.exec("DROP TRIGGER poison");
    }
    poller->pollNow();
    const auto recovered = nextRun(*poller);
    QVERIFY(recovered && recovered->ok);
    QCOMPARE(recovered->newEvents, 5);
    QCOMPARE(savedCursor(), eventId(9));
    QCOMPARE(m_server->requests().last().queryValue(QStringLiteral("ending_before")), eventId(4));
}

void TestPoller::stopCancelsTheRequestInFlight()
{
    serve(0, 5);
    storeAsWebhook({0});
    m_server->failNext(StripeTestServer::Fault::delayed(10s));
    auto poller = makePoller();
    QSignalSpy runs(poller.get(), &EventPoller::runFinished);
    poller->start();
    QTRY_COMPARE(m_server->requestCount(), 1);
    poller->stop();
    QCOMPARE(poller->state(), EventPoller::State::Stopped);
    QTest::qWait(200);
    QCOMPARE(runs.count(), 0);
    QCOMPARE(reader().count(), 1);
    QCOMPARE(savedCursor(), eventId(0));

    // Started again, it continues where it was.
    poller->start();
    const auto report = nextRun(*poller);
    QVERIFY(report && report->ok);
    QCOMPARE(report->newEvents, 4);
}

QTEST_GUILESS_MAIN(TestPoller)
#include "tst_poller.moc"
