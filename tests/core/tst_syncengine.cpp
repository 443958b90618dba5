// The sync engine inside the real EventWriter: Stripe events stored in a temporary store become
// Customer.io jobs, sync state and per-event decisions in the same transaction.

#include "delivery/jobrequest.h"
#include "store/eventwriter.h"
#include "store/mappingstore.h"
#include "store/sqlite.h"
#include "support/fixtures.h"
#include "support/tempstore.h"
#include "sync/syncengine.h"
#include "sync/syncstate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>

using namespace billbridge;
using billbridge::test::Fixtures;
using billbridge::test::TempStore;

namespace {

const QString kMaren = QStringLiteral("cus_T3stAaIU7yYiYe");
const QString kBusinessPrice = QStringLiteral("price_1T3stOAIrLTwQNC3HKiScMac");
constexpr std::int64_t kLastFixtureEvent = 1795019714; // maren's dispute, the newest fixture event
constexpr std::int64_t kJustAfterTheStoriesMs = (kLastFixtureEvent + 1) * 1000;
constexpr std::int64_t kTenYearsMs = 10LL * 365 * 24 * 3600 * 1000;

struct JobRow {
    QString key;
    QString operation;
    QString customerId;
    QString eventId;
    QJsonObject payload;
};

QStringList marenStory()
{
    QStringList names;
    for (const QString& name : Fixtures::names()) {
        if (name.startsWith(QLatin1String("maren-")))
            names.append(name);
    }
    return names;
}

QString idOf(const QString& fixture)
{
    return TempStore::incoming(Fixtures::load(fixture)).fields.id;
}

store::SqliteConnection readOnly(const QString& path)
{
    return store::SqliteConnection::open(path, store::SqliteConnection::Access::ReadOnly);
}

std::vector<JobRow> jobsIn(const QString& path)
{
    store::SqliteConnection connection = readOnly(path);
    store::SqliteStatement select = connection.prepare(
        "SELECT idempotency_key, operation, customer_id, event_id, payload FROM jobs ORDER BY id");
    std::vector<JobRow> rows;
    while (select.step())
        rows.push_back({select.text(0), select.text(1), select.text(2), select.text(3),
                        QJsonDocument::fromJson(select.blob(4)).object()});
    return rows;
}

QSet<QString> keysIn(const QString& path, const QString& containing = {})
{
    QSet<QString> keys;
    for (const JobRow& row : jobsIn(path)) {
        if (row.key.contains(containing))
            keys.insert(row.key);
    }
    return keys;
}

std::optional<JobRow> jobWithKey(const QString& path, const QString& key)
{
    for (const JobRow& row : jobsIn(path)) {
        if (row.key == key)
            return row;
    }
    return std::nullopt;
}

// The attributes an identify job sends, read back the way the delivery worker reads it.
QJsonObject identifyAttributes(const JobRow& job)
{
    const std::optional<customerio::CustomerIoRequest> request =
        delivery::requestOf(job.operation, job.payload);
    if (!request)
        return {};
    return QJsonDocument::fromJson(request->body).object();
}

QByteArray storedStateText(const QString& path, const QString& customerId)
{
    store::SqliteConnection connection = readOnly(path);
    store::SqliteStatement select =
        connection.prepare("SELECT state FROM sync_customers WHERE customer_id = ?1");
    select.bind(1, customerId);
    return select.step() ? select.blob(0) : QByteArray();
}

std::optional<sync::SyncState> storedState(const QString& path, const QString& customerId)
{
    return sync::SyncState::fromJson(storedStateText(path, customerId));
}

struct Decision {
    QString verdict;
    QString reason;
    int jobs = 0;
};

std::optional<Decision> decisionOf(const QString& path, const QString& eventId)
{
    store::SqliteConnection connection = readOnly(path);
    store::SqliteStatement select =
        connection.prepare("SELECT verdict, reason, jobs FROM sync_events WHERE event_id = ?1");
    select.bind(1, eventId);
    if (!select.step())
        return std::nullopt;
    return Decision{select.text(0), select.text(1), int(select.int64(2))};
}

std::int64_t countOf(const QString& path, const char* sql)
{
    store::SqliteConnection connection = readOnly(path);
    store::SqliteStatement select = connection.prepare(sql);
    return select.step() ? select.int64(0) : -1;
}

// A writer with the engine installed, on the store at `path`.
std::unique_ptr<store::EventWriter> syncingWriter(const QString& path, std::int64_t nowMs,
                                                  std::int64_t horizonMs = kTenYearsMs)
{
    auto writer = std::make_unique<store::EventWriter>(path);
    sync::SyncOptions options;
    options.horizonMs = horizonMs;
    sync::SyncEngine::install(*writer, options, [nowMs] { return nowMs; });
    writer->start();
    return writer;
}

store::WriteResult deliver(store::EventWriter& writer, const QStringList& fixtures)
{
    store::WriteRequest request;
    for (const QString& name : fixtures)
        request.events.push_back(TempStore::incoming(Fixtures::load(name)));
    return writer.write(std::move(request));
}

// Each fixture in its own request, as webhooks arrive.
bool deliverEach(store::EventWriter& writer, const QStringList& fixtures)
{
    for (const QString& name : fixtures) {
        if (!deliver(writer, {name}).committed)
            return false;
    }
    return true;
}

} // namespace

class TestSyncEngine : public QObject {
    Q_OBJECT

private slots:
    void marenStoryBecomesJobs()
    {
        TempStore store;
        auto writer = syncingWriter(store.path(), kJustAfterTheStoriesMs);
        const QStringList story = marenStory();
        QCOMPARE(story.size(), 18);
        QVERIFY(deliverEach(*writer, story));
        writer->stop();

        // What the planner's golden story says maren's events cause (tst_syncplanner).
        QSet<QString> expected;
        for (const int n : {1, 2, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17})
            expected.insert(idOf(story.at(n - 1)) + QStringLiteral(":identify"));
        const QList<QPair<int, QString>> events = {
            {2, QStringLiteral("subscription_started")},  {4, QStringLiteral("checkout_completed")},
            {7, QStringLiteral("payment_succeeded")},     {8, QStringLiteral("subscription_upgraded")},
            {10, QStringLiteral("payment_failed")},       {12, QStringLiteral("payment_failed")},
            {13, QStringLiteral("payment_succeeded")},    {13, QStringLiteral("payment_recovered")},
            {15, QStringLiteral("refund_issued")},        {16, QStringLiteral("cancellation_scheduled")},
            {17, QStringLiteral("subscription_canceled")}};
        for (const auto& [n, name] : events)
            expected.insert(idOf(story.at(n - 1)) + QStringLiteral(":event:") + name);
        QCOMPARE(keysIn(store.path()), expected);

        for (const JobRow& job : jobsIn(store.path())) {
            QCOMPARE(job.customerId, kMaren);
            QVERIFY2(job.key.startsWith(job.eventId + QLatin1Char(':')), qPrintable(job.key));
            QString error;
            const std::optional<customerio::CustomerIoRequest> request =
                delivery::requestOf(job.operation, job.payload, &error);
            QVERIFY2(request, qPrintable(job.key + QStringLiteral(": ") + error));
            QCOMPARE(request->operation, job.operation);
            QVERIFY(request->path.contains(kMaren.toUtf8()));
            QCOMPARE(job.operation, job.key.endsWith(QLatin1String(":identify"))
                                        ? QStringLiteral("track.identify")
                                        : QStringLiteral("track.track"));
        }
        const std::optional<JobRow> first =
            jobWithKey(store.path(), idOf(story.first()) + QStringLiteral(":identify"));
        QVERIFY(first);
        QCOMPARE(identifyAttributes(*first).value(QLatin1String("email")).toString(),
                 QStringLiteral("maren.holloway@example.com"));

        // Every event has its decision; the state is stored and readable.
        QCOMPARE(countOf(store.path(), "SELECT count(*) FROM sync_events"), 18);
        const std::optional<Decision> upcoming = decisionOf(store.path(), idOf(story.at(4)));
        QVERIFY(upcoming);
        QCOMPARE(upcoming->verdict, QStringLiteral("ignored"));
        QCOMPARE(upcoming->jobs, 0);
        // The dispute names no customer, and no stored event tells whose its charge was.
        const std::optional<Decision> dispute = decisionOf(store.path(), idOf(story.at(17)));
        QVERIFY(dispute);
        QCOMPARE(dispute->verdict, QStringLiteral("ignored"));
        QCOMPARE(dispute->reason, QStringLiteral("no customer"));
        const std::optional<Decision> recovered = decisionOf(store.path(), idOf(story.at(12)));
        QVERIFY(recovered);
        QCOMPARE(recovered->verdict, QStringLiteral("applied"));
        QCOMPARE(recovered->jobs, 3);
        const std::optional<sync::SyncState> state = storedState(store.path(), kMaren);
        QVERIFY(state);
        QCOMPARE(state->attributes.value(QLatin1String("subscription_status")).toString(),
                 QStringLiteral("canceled"));
    }

    void duplicateDeliveryCreatesNothing()
    {
        TempStore store;
        auto writer = syncingWriter(store.path(), kJustAfterTheStoriesMs);
        const QStringList story = marenStory();
        QVERIFY(deliverEach(*writer, story.mid(0, 2)));
        const QSet<QString> before = keysIn(store.path());
        const QByteArray stateBefore = storedStateText(store.path(), kMaren);
        QCOMPARE(before.size(), 3);

        const store::WriteResult again = deliver(*writer, {story.at(1)});
        QVERIFY(again.committed);
        QCOMPARE(again.outcomes.size(), std::size_t(1));
        QVERIFY(again.outcomes.front() == store::InsertOutcome::Duplicate);
        writer->stop();
        QCOMPARE(keysIn(store.path()), before);
        QCOMPARE(jobsIn(store.path()).size(), std::size_t(3));
        QCOMPARE(storedStateText(store.path(), kMaren), stateBefore);
        QCOMPARE(countOf(store.path(), "SELECT count(*) FROM sync_events"), 2);
    }

    void deliveryOrderDoesNotChangeTheOutcome()
    {
        const QStringList story = marenStory();
        QStringList reversed = story;
        std::reverse(reversed.begin(), reversed.end());
        QStringList interleaved; // odd ones first, then the even ones
        for (int i = 0; i < story.size(); i += 2)
            interleaved.append(story.at(i));
        for (int i = 1; i < story.size(); i += 2)
            interleaved.append(story.at(i));

        TempStore inOrder;
        {
            auto writer = syncingWriter(inOrder.path(), kJustAfterTheStoriesMs);
            QVERIFY(deliverEach(*writer, story));
        }
        const std::optional<sync::SyncState> expected = storedState(inOrder.path(), kMaren);
        QVERIFY(expected);
        for (const QStringList& order : {reversed, interleaved}) {
            TempStore other;
            {
                auto writer = syncingWriter(other.path(), kJustAfterTheStoriesMs);
                QVERIFY(deliverEach(*writer, order));
            }
            const std::optional<sync::SyncState> state = storedState(other.path(), kMaren);
            QVERIFY(state);
            QCOMPARE(state->attributes, expected->attributes);
            // Custom events describe what happened, whatever the order; identify calls depend on it (an
            // event older than what was applied has no attributes to send), so they are not compared.
            QCOMPARE(keysIn(other.path(), QStringLiteral(":event:")),
                     keysIn(inOrder.path(), QStringLiteral(":event:")));
        }
    }

    void planMappingNamesTheNextIdentify()
    {
        TempStore store;
        const QStringList story = marenStory();
        {
            auto writer = syncingWriter(store.path(), kJustAfterTheStoriesMs);
            QVERIFY(deliverEach(*writer, story.mid(0, 7)));

            // Edited while the writer runs, on the console's or the CLI's own connection.
            store::MappingStore mappings = store::MappingStore::open(store.path());
            store::PlanMapping business;
            business.stripeId = kBusinessPrice;
            business.planName = QStringLiteral("Business");
            business.tier = QStringLiteral("business");
            mappings.upsert(business);

            QVERIFY(deliverEach(*writer, {story.at(7)})); // maren-08: the upgrade to that price
        }
        const std::optional<JobRow> upgrade =
            jobWithKey(store.path(), idOf(story.at(7)) + QStringLiteral(":identify"));
        QVERIFY(upgrade);
        const QJsonObject attributes = identifyAttributes(*upgrade);
        QCOMPARE(attributes.value(QLatin1String("plan_name")).toString(), QStringLiteral("Business"));
        QCOMPARE(attributes.value(QLatin1String("plan_tier")).toString(), QStringLiteral("business"));
        QCOMPARE(attributes.value(QLatin1String("plan_unmapped")).toBool(true), false);
    }

    void eventsBeyondTheHorizonOnlyIdentify()
    {
        const QStringList story = marenStory();
        const std::int64_t startedAtMs =
            TempStore::incoming(Fixtures::load(story.at(1))).fields.created * 1000;
        const QString started = idOf(story.at(1));
        const std::int64_t hourMs = 3600 * 1000;
        for (const std::int64_t age : {71 * hourMs, 73 * hourMs}) {
            TempStore store;
            {
                // The default horizon is 72 hours.
                auto writer =
                    syncingWriter(store.path(), startedAtMs + age, sync::SyncOptions::kDefaultHorizonMs);
                QVERIFY(deliverEach(*writer, story.mid(0, 2)));
            }
            const bool news = age < sync::SyncOptions::kDefaultHorizonMs;
            QVERIFY(jobWithKey(store.path(), started + QStringLiteral(":identify")));
            QCOMPARE(bool(jobWithKey(store.path(), started + QStringLiteral(":event:subscription_started"))),
                     news);
            const std::optional<Decision> decision = decisionOf(store.path(), started);
            QVERIFY(decision);
            QCOMPARE(decision->verdict, news ? QStringLiteral("applied") : QStringLiteral("history"));
            QCOMPARE(decision->jobs, news ? 2 : 1);
        }
    }

    void disputeFindsItsCustomerThroughTheCharge()
    {
        TempStore store;
        const QStringList story = marenStory();
        const QString disputedCharge = QStringLiteral("ch_3T3stzlNbLXqmtECERsfZ3A1");
        // A charge.succeeded for the disputed charge, made from maren's refund event.
        QJsonObject root = QJsonDocument::fromJson(Fixtures::load(story.at(14))).object();
        root.insert(QStringLiteral("id"), Fixtures::syntheticEventId(1));
        root.insert(QStringLiteral("type"), QStringLiteral("charge.succeeded"));
        QJsonObject data = root.value(QLatin1String("data")).toObject();
        QJsonObject charge = data.value(QLatin1String("object")).toObject();
        charge.insert(QStringLiteral("id"), disputedCharge);
        data.insert(QStringLiteral("object"), charge);
        data.remove(QStringLiteral("previous_attributes"));
        root.insert(QStringLiteral("data"), data);
        {
            auto writer = syncingWriter(store.path(), kJustAfterTheStoriesMs);
            QVERIFY(deliverEach(*writer, {story.at(0)}));
            store::WriteRequest request;
            request.events.push_back(TempStore::incoming(QJsonDocument(root).toJson(QJsonDocument::Compact)));
            QVERIFY(writer->write(std::move(request)).committed);
            QVERIFY(deliverEach(*writer, {story.at(17)}));
        }
        const std::optional<JobRow> disputed =
            jobWithKey(store.path(), idOf(story.at(17)) + QStringLiteral(":event:dispute_opened"));
        QVERIFY(disputed);
        QCOMPARE(disputed->customerId, kMaren);
        QVERIFY(delivery::requestOf(disputed->operation, disputed->payload));
    }

    void damagedStateIsSurvived()
    {
        TempStore store;
        const QStringList story = marenStory();
        auto writer = syncingWriter(store.path(), kJustAfterTheStoriesMs);
        QVERIFY(deliverEach(*writer, {story.at(0)}));
        {
            store::SqliteConnection connection =
                store::SqliteConnection::open(store.path(), store::SqliteConnection::Access::ReadWrite);
            connection.exec("UPDATE sync_customers SET state = '{\"v\": 1, \"watermarks\": 42'");
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cus_T3stAaIU7yYiYe")));
        QVERIFY(deliverEach(*writer, {story.at(1)}));
        writer->stop();

        const QString started = idOf(story.at(1));
        const std::optional<Decision> decision = decisionOf(store.path(), started);
        QVERIFY(decision);
        QCOMPARE(decision->verdict, QStringLiteral("applied"));
        QVERIFY2(decision->reason.contains(QLatin1String("unreadable")), qPrintable(decision->reason));
        QVERIFY(jobWithKey(store.path(), started + QStringLiteral(":event:subscription_started")));
        // Started afresh: the state is readable again and knows the subscription.
        const std::optional<sync::SyncState> state = storedState(store.path(), kMaren);
        QVERIFY(state);
        QCOMPARE(state->attributes.value(QLatin1String("subscription_status")).toString(),
                 QStringLiteral("trialing"));
    }

    void failedRequestRollsBackStateAndJobs()
    {
        TempStore store;
        const QStringList story = marenStory();
        auto writer = syncingWriter(store.path(), kJustAfterTheStoriesMs);
        QVERIFY(deliverEach(*writer, {story.at(0)}));
        const QByteArray stateBefore = storedStateText(store.path(), kMaren);
        QVERIFY(!stateBefore.isEmpty());

        const QString refusedFixture = QStringLiteral("ines-01-customer.created");
        {
            // The store refuses ines's event, so the whole request fails after maren's event was planned.
            store::SqliteConnection connection =
                store::SqliteConnection::open(store.path(), store::SqliteConnection::Access::ReadWrite);
            const QByteArray sql = "CREATE TRIGGER refuse BEFORE INSERT ON events WHEN NEW.id = '" +
                                   idOf(refusedFixture).toUtf8() +
                                   "' BEGIN SELECT RAISE(ABORT, 'refused'); END";
            connection.exec(sql.constData());
        }
        const QString started = idOf(story.at(1));
        const store::WriteResult failed = deliver(*writer, {story.at(1), refusedFixture});
        QVERIFY(!failed.committed);
        QCOMPARE(storedStateText(store.path(), kMaren), stateBefore);
        QCOMPARE(keysIn(store.path(), started), QSet<QString>());
        QVERIFY(!decisionOf(store.path(), started));

        {
            store::SqliteConnection connection =
                store::SqliteConnection::open(store.path(), store::SqliteConnection::Access::ReadWrite);
            connection.exec("DROP TRIGGER refuse");
        }
        // Stripe delivers again: now everything is planned once.
        QVERIFY(deliver(*writer, {story.at(1), refusedFixture}).committed);
        writer->stop();
        QCOMPARE(keysIn(store.path(), started).size(), 2);
        QVERIFY(decisionOf(store.path(), started));
        QVERIFY(jobWithKey(store.path(), idOf(refusedFixture) + QStringLiteral(":identify")));
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
