// SyncDecisionReader over a real store written by the EventWriter with the SyncEngine (and the operators'
// rules) installed: what it reports for an event must be what the engine recorded and enqueued for it.

#include "rules/rule.h"
#include "rules/rulestore.h"
#include "store/database.h"
#include "store/eventwriter.h"
#include "store/jobqueue.h"
#include "store/sqlite.h"
#include "support/fixtures.h"
#include "support/tempstore.h"
#include "sync/syncdecisionreader.h"
#include "sync/syncengine.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <optional>

using namespace billbridge;
using billbridge::test::Fixtures;
using billbridge::test::TempStore;

namespace {

constexpr std::int64_t kNowMs = 1795019715LL * 1000; // just after the newest fixture event
constexpr std::int64_t kTenYearsMs = 10LL * 365 * 24 * 3600 * 1000;

const QByteArray kFailureAlert = R"({"id":"failure-alert","name":"Alert","enabled":true,
  "trigger":["invoice.payment_failed"],
  "actions":[{"type":"set_attributes","attributes":{"churn_risk":{"literal":true}}}]})";

QString idOf(const QString& fixture)
{
    return TempStore::incoming(Fixtures::load(fixture)).fields.id;
}

QStringList marenUpTo(int last)
{
    QStringList names;
    for (const QString& name : Fixtures::names()) {
        if (name.startsWith(QLatin1String("maren-")) && name.mid(6, 2).toInt() <= last)
            names.append(name);
    }
    return names;
}

std::unique_ptr<store::EventWriter> syncingWriter(const QString& path)
{
    auto writer = std::make_unique<store::EventWriter>(path);
    sync::SyncOptions options;
    options.horizonMs = kTenYearsMs;
    sync::SyncEngine::install(*writer, options, [] { return kNowMs; });
    writer->start();
    return writer;
}

bool deliverEach(store::EventWriter& writer, const QList<QByteArray>& raws)
{
    for (const QByteArray& raw : raws) {
        store::WriteRequest request;
        request.events.push_back(TempStore::incoming(raw));
        if (!writer.write(std::move(request)).committed)
            return false;
    }
    return true;
}

QList<QByteArray> fixtures(const QStringList& names)
{
    QList<QByteArray> raws;
    for (const QString& name : names)
        raws.append(Fixtures::load(name));
    return raws;
}

// A Stripe event about an object without a customer: the engine records it as ignored.
QByteArray productEvent()
{
    return R"({"id":"evt_1T3stProductCreated000","object":"event","api_version":"2024-06-20",
"created":1790000000,"livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},
"type":"product.created","data":{"object":{"id":"prod_T3stReader","object":"product","name":"Reader"}}})";
}

sync::SyncDecision decisionOf(const QString& path, const QString& eventId)
{
    store::SqliteConnection connection = store::Database::openForReading(path);
    return sync::SyncDecisionReader::read(connection, eventId);
}

} // namespace

class TestSyncDecisionReader final : public QObject {
    Q_OBJECT

private slots:
    void appliedEventListsItsJobsAndTheRuleThatMadeOne()
    {
        TempStore store;
        store.writer();
        store.stopWriter();
        {
            rules::RuleStore rules = rules::RuleStore::open(store.path(), [] { return kNowMs; });
            QList<rules::RuleProblem> problems;
            const std::optional<rules::Rule> alert =
                rules::ruleFromJson(QJsonDocument::fromJson(kFailureAlert).object(), &problems);
            QVERIFY(alert);
            rules.save(*alert);
        }
        auto writer = syncingWriter(store.path());
        QVERIFY(deliverEach(*writer, fixtures(marenUpTo(10))));
        writer->stop();

        const QString failed = idOf(QStringLiteral("maren-10-invoice.payment_failed"));
        const sync::SyncDecision decision = decisionOf(store.path(), failed);
        QVERIFY(decision.planned);
        QCOMPARE(decision.verdict, std::optional<sync::Verdict>(sync::Verdict::Applied));
        QCOMPARE(decision.verdictName, QStringLiteral("applied"));
        QCOMPARE(decision.customerId, QStringLiteral("cus_T3stAaIU7yYiYe"));
        QVERIFY(decision.reason.contains(QLatin1String("failure-alert")));
        QCOMPARE(decision.plannedAtMs, kNowMs);
        QCOMPARE(int(decision.jobs.size()), decision.plannedJobs);

        // Exactly the jobs of the queue that name the event, oldest first.
        store::JobFilter everything;
        std::vector<std::int64_t> queued;
        for (const store::Job& job :
             store::JobQueue::open(store.path()).list(everything, std::nullopt, 1000).jobs) {
            if (job.eventId == failed)
                queued.push_back(job.id);
        }
        std::sort(queued.begin(), queued.end());
        QCOMPARE(int(queued.size()), int(decision.jobs.size()));
        bool sawBuiltIn = false;
        bool sawRule = false;
        for (std::size_t i = 0; i < decision.jobs.size(); ++i) {
            const sync::SyncDecisionJob& job = decision.jobs.at(i);
            QCOMPARE(job.id, queued.at(i));
            QCOMPARE(job.state, store::JobState::Pending);
            QVERIFY(job.idempotencyKey.startsWith(failed + QLatin1Char(':')));
            if (job.ruleId.isEmpty()) {
                sawBuiltIn = true;
                QCOMPARE(job.ruleVersion, 0);
            } else {
                sawRule = true;
                QCOMPARE(job.ruleId, QStringLiteral("failure-alert"));
                QCOMPARE(job.ruleVersion, 1);
                QCOMPARE(job.operation, QStringLiteral("track.identify"));
                QCOMPARE(job.idempotencyKey, failed + QStringLiteral(":rule:failure-alert:0"));
            }
        }
        QVERIFY(sawBuiltIn);
        QVERIFY(sawRule);
    }

    void jobStatesAreReadAsTheyAreNow()
    {
        TempStore store;
        auto writer = syncingWriter(store.path());
        QVERIFY(deliverEach(*writer, fixtures(marenUpTo(2))));
        writer->stop();
        const QString created = idOf(QStringLiteral("maren-02-customer.subscription.created"));
        const sync::SyncDecision before = decisionOf(store.path(), created);
        QVERIFY(!before.jobs.empty());
        const std::int64_t discarded = before.jobs.front().id;
        QCOMPARE(store::JobQueue::open(store.path()).discard({discarded}, QStringLiteral("test")), 1);

        const sync::SyncDecision after = decisionOf(store.path(), created);
        QCOMPARE(after.jobs.size(), before.jobs.size());
        QCOMPARE(after.jobs.front().id, discarded);
        QCOMPARE(after.jobs.front().state, store::JobState::Discarded);
    }

    void eventWithoutCustomerIsIgnoredWithoutJobs()
    {
        TempStore store;
        auto writer = syncingWriter(store.path());
        QVERIFY(deliverEach(*writer, {productEvent()}));
        writer->stop();
        const sync::SyncDecision decision =
            decisionOf(store.path(), QStringLiteral("evt_1T3stProductCreated000"));
        QVERIFY(decision.planned);
        QCOMPARE(decision.verdict, std::optional<sync::Verdict>(sync::Verdict::Ignored));
        QCOMPARE(decision.reason, QStringLiteral("no customer"));
        QVERIFY(decision.customerId.isEmpty());
        QCOMPARE(decision.plannedJobs, 0);
        QVERIFY(decision.jobs.empty());
    }

    void eventStoredWithSyncOffWasNotPlanned()
    {
        TempStore store; // its writer has no planner, as with BILLBRIDGE_SYNC=off
        QVERIFY(store.addFixtures({QStringLiteral("maren-01-customer.created")}).committed);
        store.stopWriter();
        const sync::SyncDecision decision =
            decisionOf(store.path(), idOf(QStringLiteral("maren-01-customer.created")));
        QVERIFY(!decision.planned);
        QVERIFY(!decision.verdict);
        QVERIFY(decision.verdictName.isEmpty());
        QVERIFY(decision.jobs.empty());
    }

    void unknownEventHasNoDecision()
    {
        TempStore store;
        auto writer = syncingWriter(store.path());
        QVERIFY(deliverEach(*writer, fixtures(marenUpTo(1))));
        writer->stop();
        const sync::SyncDecision decision = decisionOf(store.path(), QStringLiteral("evt_not_stored"));
        QVERIFY(!decision.planned);
        QVERIFY(decision.jobs.empty());
    }

    void unreadableStoreThrows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("not-a-store.sqlite"));
        {
            store::SqliteConnection empty =
                store::SqliteConnection::open(path, store::SqliteConnection::Access::ReadWrite);
            empty.exec("CREATE TABLE unrelated (x INTEGER)");
        }
        store::SqliteConnection connection =
            store::SqliteConnection::open(path, store::SqliteConnection::Access::ReadOnly);
        QVERIFY_THROWS_EXCEPTION(store::StoreError,
                                 sync::SyncDecisionReader::read(connection, QStringLiteral("evt_1")));
    }
};

QTEST_GUILESS_MAIN(TestSyncDecisionReader)
#include "tst_syncdecisionreader.moc"
