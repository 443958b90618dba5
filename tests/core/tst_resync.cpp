// Re-sync after a mapping change, on a real store written through the EventWriter with the sync engine:
// the preview names exactly the customers whose profile would change, apply enqueues one identify each,
// once, and leaves unchanged and deleted customers alone.

// Attribute names and values are spelled as plain literals here: the assertions read like the JSON.
#undef QT_NO_CAST_FROM_ASCII

#include "delivery/jobrequest.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/mappingstore.h"
#include "store/sqlite.h"
#include "support/planstory.h"
#include "support/tempstore.h"
#include "sync/resync.h"
#include "sync/syncstate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <optional>

using namespace billbridge;
using billbridge::test::PlanStory;
using billbridge::test::TempStore;

namespace {

struct JobRow {
    QString key;
    QString operation;
    QString customerId;
    QJsonObject payload;
};

std::vector<JobRow> resyncJobs(const QString& path)
{
    store::SqliteConnection connection = store::Database::openForReading(path);
    store::SqliteStatement select =
        connection.prepare("SELECT idempotency_key, operation, customer_id, payload FROM jobs "
                           "WHERE idempotency_key LIKE 'resync:%' ORDER BY customer_id, id");
    std::vector<JobRow> rows;
    while (select.step())
        rows.push_back({select.text(0), select.text(1), select.text(2),
                        QJsonDocument::fromJson(select.blob(3)).object()});
    return rows;
}

std::int64_t countOf(const QString& path, const char* sql)
{
    store::SqliteConnection connection = store::Database::openForReading(path);
    store::SqliteStatement select = connection.prepare(sql);
    return select.step() ? select.int64(0) : -1;
}

sync::SyncState stateOf(const QString& path, const QString& customerId)
{
    store::SqliteConnection connection = store::Database::openForReading(path);
    store::SqliteStatement select =
        connection.prepare("SELECT state FROM sync_customers WHERE customer_id = ?1");
    select.bind(1, customerId);
    if (!select.step())
        return {};
    return sync::SyncState::fromJson(select.blob(0)).value_or(sync::SyncState{});
}

QJsonObject sentAttributes(const JobRow& job)
{
    const auto request = delivery::requestOf(job.operation, job.payload);
    return request ? QJsonDocument::fromJson(request->body).object() : QJsonObject();
}

QStringList customersOf(const std::vector<sync::CustomerResync>& customers)
{
    QStringList ids;
    for (const sync::CustomerResync& customer : customers)
        ids << customer.customerId;
    return ids;
}

store::PlanMapping mapping(const QString& id, const QString& name, const QString& tier = {})
{
    store::PlanMapping m;
    m.stripeId = id;
    m.planName = name;
    m.tier = tier;
    return m;
}

} // namespace

class TestResync : public QObject {
    Q_OBJECT

private:
    // A store where price_Basic was mapped to "Basic" when the events came in.
    void buildStory(TempStore& store)
    {
        store::MappingStore::open(store.path())
            .upsert(mapping(PlanStory::basicPrice, QStringLiteral("Basic")));
        QVERIFY(test::writeSyncedEvents(store.path(), PlanStory::events()));
    }

private slots:
    void scopeProblemsAreWordedForOperators()
    {
        QVERIFY(sync::ResyncScope::customer(QStringLiteral("cus_A1")).problem().isEmpty());
        QVERIFY(sync::ResyncScope::customer(QStringLiteral("bob@example.com")).problem().contains("cus_"));
        QVERIFY(sync::ResyncScope::ids({QStringLiteral("price_A"), QStringLiteral("prod_B")})
                    .problem()
                    .isEmpty());
        QVERIFY(sync::ResyncScope::ids({QStringLiteral("sku_A")}).problem().contains("sku_A"));
        QVERIFY(!sync::ResyncScope::ids({}).problem().isEmpty());
        TempStore store;
        buildStory(store);
        sync::Resync resync = sync::Resync::openForReading(store.path());
        QVERIFY_THROWS_EXCEPTION(store::StoreError, resync.candidates(sync::ResyncScope::ids({"nope"})));
    }

    void nothingChangedMeansNothingToSend()
    {
        TempStore store;
        buildStory(store);
        sync::Resync resync = sync::Resync::openForReading(store.path());
        const sync::ResyncPreview preview = resync.preview(sync::ResyncScope::ids({PlanStory::basicPrice}));
        // alice, carol, dave by subscription; frank by an invoice line.
        QCOMPARE(preview.candidates, 4);
        QVERIFY(preview.customers.empty());
        QCOMPARE(preview.unchanged, 3);
        QCOMPARE(preview.deleted, 1);
    }

    void previewNamesExactlyTheAffectedCustomers()
    {
        TempStore store;
        buildStory(store);
        store::MappingStore::open(store.path())
            .upsert(mapping(PlanStory::basicPrice, QStringLiteral("Starter"), QStringLiteral("starter")));

        sync::Resync resync = sync::Resync::openForReading(store.path());
        QCOMPARE(resync.candidates(sync::ResyncScope::ids({PlanStory::basicPrice})),
                 QStringList({PlanStory::alice, PlanStory::carol, PlanStory::dave, PlanStory::frank}));
        int progressCalls = 0;
        const sync::ResyncPreview preview =
            resync.preview(sync::ResyncScope::ids({PlanStory::basicPrice}), [&](int done, int total) {
                ++progressCalls;
                return done <= total;
            });
        QCOMPARE(progressCalls, 4);
        QCOMPARE(customersOf(preview.customers), QStringList({PlanStory::alice, PlanStory::carol}));
        QCOMPARE(preview.deleted, 1);   // dave
        QCOMPARE(preview.unchanged, 1); // frank has no plan on his profile
        QVERIFY(!preview.cancelled);

        const sync::CustomerResync& alice = preview.customers.front();
        QCOMPARE(alice.changed, QJsonObject({{"plan_name", "Starter"}, {"plan_tier", "starter"}}));
        QCOMPARE(alice.before.value("plan_name"), QJsonValue("Basic"));
        QCOMPARE(alice.before.value("plan_tier"), QJsonValue(QJsonValue::Null));
        const auto changes = alice.changes();
        QCOMPARE(changes.size(), std::size_t(2));
        QCOMPARE(changes.at(0).name, QStringLiteral("plan_name"));
        QCOMPARE(changes.at(0).before, QJsonValue("Basic"));
        QCOMPARE(changes.at(0).after, QJsonValue("Starter"));

        // The product scope finds them too, through the price's product.
        QCOMPARE(customersOf(resync.preview(sync::ResyncScope::ids({PlanStory::basicProduct})).customers),
                 QStringList({PlanStory::alice, PlanStory::carol}));
        // One customer at a time.
        QCOMPARE(customersOf(resync.preview(sync::ResyncScope::customer(PlanStory::carol)).customers),
                 QStringList({PlanStory::carol}));
        QCOMPARE(resync.preview(sync::ResyncScope::customer(PlanStory::bob)).unchanged, 1);
        QCOMPARE(resync.preview(sync::ResyncScope::customer(QStringLiteral("cus_Nobody"))).candidates, 0);
        // Nothing was written by looking.
        QCOMPARE(resyncJobs(store.path()).size(), std::size_t(0));
        QCOMPARE(stateOf(store.path(), PlanStory::alice).attributes.value("plan_name"), QJsonValue("Basic"));
    }

    void applyEnqueuesOnceAndRecordsWhatWasSent()
    {
        TempStore store;
        buildStory(store);
        store::MappingStore::open(store.path())
            .upsert(mapping(PlanStory::basicPrice, QStringLiteral("Starter"), QStringLiteral("starter")));
        const sync::SyncState bobBefore = stateOf(store.path(), PlanStory::bob);
        const sync::SyncState daveBefore = stateOf(store.path(), PlanStory::dave);
        const std::int64_t jobsBefore = countOf(store.path(), "SELECT count(*) FROM jobs");

        constexpr std::int64_t kNowMs = 1800000000000;
        sync::Resync resync = sync::Resync::openForWriting(store.path(), [] { return kNowMs; });
        store::AuditLog audit = store::AuditLog::open(store.path());
        const sync::ResyncResult result =
            resync.apply(sync::ResyncScope::ids({PlanStory::basicPrice}), audit, {}, 1);
        QCOMPARE(result.candidates, 4);
        QCOMPARE(result.jobsEnqueued, 2);
        QCOMPARE(customersOf(result.customers), QStringList({PlanStory::alice, PlanStory::carol}));

        const std::vector<JobRow> jobs = resyncJobs(store.path());
        QCOMPARE(jobs.size(), std::size_t(2));
        QCOMPARE(countOf(store.path(), "SELECT count(*) FROM jobs"), jobsBefore + 2);
        QCOMPARE(jobs.at(0).customerId, PlanStory::alice);
        QCOMPARE(jobs.at(0).operation, QStringLiteral("track.identify"));
        QVERIFY(jobs.at(0).key.startsWith(QStringLiteral("resync:cus_PlanAlice:")));
        const QJsonObject sent = sentAttributes(jobs.at(0));
        QCOMPARE(sent.value("plan_name"), QJsonValue("Starter"));
        QCOMPARE(sent.value("plan_tier"), QJsonValue("starter"));
        QCOMPARE(sent.value("_timestamp").toInteger(), kNowMs / 1000);
        QVERIFY(!sent.contains("mrr")); // only what changed
        QCOMPARE(jobs.at(1).customerId, PlanStory::carol);

        // The state remembers what was sent, so that the next event does not send it again.
        const sync::SyncState alice = stateOf(store.path(), PlanStory::alice);
        QCOMPARE(alice.attributes.value("plan_name"), QJsonValue("Starter"));
        QCOMPARE(alice.attributes.value("plan_tier"), QJsonValue("starter"));
        QVERIFY(!alice.watermarks.isEmpty());
        // Unchanged and deleted customers are untouched.
        QCOMPARE(stateOf(store.path(), PlanStory::bob), bobBefore);
        QCOMPARE(stateOf(store.path(), PlanStory::dave), daveBefore);

        // One audit entry for the run.
        const std::vector<store::AuditEntry> entries = audit.list(10);
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries.front().action, QStringLiteral("sync.resync"));
        QCOMPARE(entries.front().subject, PlanStory::basicPrice);
        QCOMPARE(entries.front().details.value("jobs").toInt(), 2);
        QVERIFY(entries.front().details.value("customers").toObject().contains(PlanStory::alice));

        // Twice is once.
        const sync::ResyncResult again = resync.apply(sync::ResyncScope::ids({PlanStory::basicPrice}), audit);
        QCOMPARE(again.jobsEnqueued, 0);
        QCOMPARE(resyncJobs(store.path()).size(), std::size_t(2));
        QCOMPARE(audit.list(10).size(), std::size_t(1)); // nothing done, nothing to account for
        QVERIFY(sync::Resync::openForReading(store.path())
                    .preview(sync::ResyncScope::ids({PlanStory::basicPrice}))
                    .customers.empty());
    }

    void aChangeMadeAgainIsSentAgain()
    {
        TempStore store;
        buildStory(store);
        store::MappingStore mappings = store::MappingStore::open(store.path());
        store::AuditLog audit = store::AuditLog::open(store.path());
        sync::Resync resync = sync::Resync::openForWriting(store.path());
        const auto scope = sync::ResyncScope::customer(PlanStory::alice);
        mappings.upsert(mapping(PlanStory::basicPrice, QStringLiteral("Starter")));
        QCOMPARE(resync.apply(scope, audit).jobsEnqueued, 1);
        mappings.upsert(mapping(PlanStory::basicPrice, QStringLiteral("Basic")));
        QCOMPARE(resync.apply(scope, audit).jobsEnqueued, 1);
        mappings.upsert(mapping(PlanStory::basicPrice, QStringLiteral("Starter")));
        QCOMPARE(resync.apply(scope, audit).jobsEnqueued, 1);
        const std::vector<JobRow> jobs = resyncJobs(store.path());
        QCOMPARE(jobs.size(), std::size_t(3));
        QCOMPARE(sentAttributes(jobs.back()).value("plan_name"), QJsonValue("Starter"));
    }

    void aNewProductMappingReachesItsCustomers()
    {
        TempStore store;
        buildStory(store);
        store::MappingStore::open(store.path())
            .upsert(mapping(PlanStory::proProduct, QStringLiteral("Professional"), QStringLiteral("pro")));
        sync::Resync resync = sync::Resync::openForReading(store.path());
        const sync::ResyncPreview preview = resync.preview(sync::ResyncScope::ids({PlanStory::proProduct}));
        QCOMPARE(customersOf(preview.customers), QStringList({PlanStory::bob}));
        const QJsonObject changed = preview.customers.front().changed;
        QCOMPARE(changed.value("plan_name"), QJsonValue("Professional"));
        QCOMPARE(changed.value("plan_unmapped"), QJsonValue(false));
        QCOMPARE(preview.customers.front().before.value("plan_name"), QJsonValue("pro-monthly"));
    }

    void cancelStopsAfterTheChunkInHand()
    {
        TempStore store;
        buildStory(store);
        store::MappingStore::open(store.path())
            .upsert(mapping(PlanStory::basicPrice, QStringLiteral("Starter")));
        sync::Resync resync = sync::Resync::openForWriting(store.path());
        store::AuditLog audit = store::AuditLog::open(store.path());
        const sync::ResyncResult result = resync.apply(
            sync::ResyncScope::ids({PlanStory::basicPrice}), audit, [](int, int) { return false; }, 1);
        QVERIFY(result.cancelled);
        QCOMPARE(result.jobsEnqueued, 1); // alice's chunk was committed, carol was never reached
        QCOMPARE(resyncJobs(store.path()).size(), std::size_t(1));
        QVERIFY(audit.list(10).front().details.value("cancelled").toBool());
        // The rest goes out with the next run.
        QCOMPARE(resync.apply(sync::ResyncScope::ids({PlanStory::basicPrice}), audit).jobsEnqueued, 1);
    }

    void damagedOrMissingStateIsNeverOverwritten()
    {
        TempStore store;
        buildStory(store);
        store::MappingStore::open(store.path())
            .upsert(mapping(PlanStory::basicPrice, QStringLiteral("Starter")));
        {
            store::SqliteConnection connection = store::Database::openForWriting(store.path());
            connection.exec(
                "UPDATE sync_customers SET state = 'not json' WHERE customer_id = 'cus_PlanAlice'");
            connection.exec("DELETE FROM sync_customers WHERE customer_id = 'cus_PlanCarol'");
        }
        sync::Resync resync = sync::Resync::openForWriting(store.path());
        const sync::ResyncPreview preview = resync.preview(sync::ResyncScope::ids({PlanStory::basicPrice}));
        QVERIFY(preview.customers.empty());
        QCOMPARE(preview.unreadable, 1);
        QCOMPARE(preview.neverSynced, 1);
        store::AuditLog audit = store::AuditLog::open(store.path());
        QCOMPARE(resync.apply(sync::ResyncScope::ids({PlanStory::basicPrice}), audit).jobsEnqueued, 0);
        QCOMPARE(countOf(store.path(),
                         "SELECT count(*) FROM sync_customers WHERE customer_id = 'cus_PlanAlice' "
                         "AND state = 'not json'"),
                 1);
    }

    void idempotencyKeyDependsOnTheAttributes()
    {
        const QString a = sync::Resync::idempotencyKey("cus_1", QJsonObject{{"plan_name", "A"}});
        QCOMPARE(a, sync::Resync::idempotencyKey("cus_1", QJsonObject{{"plan_name", "A"}}));
        QVERIFY(a != sync::Resync::idempotencyKey("cus_1", QJsonObject{{"plan_name", "B"}}));
        QVERIFY(a.startsWith("resync:cus_1:"));
        QCOMPARE(a.size(), QStringLiteral("resync:cus_1:").size() + 12);
    }
};

QTEST_GUILESS_MAIN(TestResync)
#include "tst_resync.moc"
