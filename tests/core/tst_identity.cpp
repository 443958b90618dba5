// Identity resolution end to end: Stripe events stored through the real EventWriter with the SyncEngine
// planning them, delivered by the real DeliveryService to the loopback Customer.io stand-in, which plays the
// people already in the workspace.

#include "delivery/deliveryservice.h"
#include "store/database.h"
#include "store/eventwriter.h"
#include "store/jobqueue.h"
#include "store/sqlite.h"
#include "support/clirun.h"
#include "support/customeriotestserver.h"
#include "support/tempstore.h"
#include "sync/identityresolution.h"
#include "sync/syncengine.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace billbridge;
using namespace std::chrono_literals;
using store::JobState;
using test::CustomerIoTestServer;
using Person = CustomerIoTestServer::Person;

namespace {

constexpr std::int64_t kTenYearsMs = 10LL * 365 * 24 * 3600 * 1000;

QByteArray customerEvent(const QString& eventId, const QString& type, const QString& customerId,
                         const QString& email, const QString& name, qint64 created, bool delinquent = false)
{
    const QJsonObject customer{{QStringLiteral("id"), customerId},
                               {QStringLiteral("object"), QStringLiteral("customer")},
                               {QStringLiteral("created"), created - 10},
                               {QStringLiteral("email"), email},
                               {QStringLiteral("name"), name},
                               {QStringLiteral("delinquent"), delinquent},
                               {QStringLiteral("livemode"), false},
                               {QStringLiteral("metadata"), QJsonObject()}};
    const QJsonObject event{{QStringLiteral("id"), eventId},
                            {QStringLiteral("object"), QStringLiteral("event")},
                            {QStringLiteral("api_version"), QStringLiteral("2026-07-29.dahlia")},
                            {QStringLiteral("created"), created},
                            {QStringLiteral("data"), QJsonObject{{QStringLiteral("object"), customer}}},
                            {QStringLiteral("livemode"), false},
                            {QStringLiteral("pending_webhooks"), 1},
                            {QStringLiteral("type"), type}};
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

struct Identity {
    QString status;
    QString cioId;
    QString detail;
};

struct World {
    test::TempStore temp;
    CustomerIoTestServer server;
    std::unique_ptr<store::EventWriter> writer;
    std::unique_ptr<store::JobQueue> queue;
    std::unique_ptr<delivery::DeliveryService> service;
    qint64 nextCreated = QDateTime::currentSecsSinceEpoch() - 60;

    bool start()
    {
        if (!server.start())
            return false;
        writer = std::make_unique<store::EventWriter>(temp.path());
        sync::SyncOptions options;
        options.horizonMs = kTenYearsMs;
        options.lookUpIdentities = true;
        sync::SyncEngine::install(*writer, options);
        writer->start();
        queue = std::make_unique<store::JobQueue>(store::JobQueue::open(temp.path()));
        return true;
    }

    delivery::DeliveryConfig config() const
    {
        delivery::DeliveryConfig config;
        config.databasePath = temp.path();
        const QString base = server.baseUrl().toString();
        config.endpoints = customerio::CustomerIoEndpoints::resolve(customerio::Region::Us, base, base);
        config.credentials = {QString::fromLatin1(CustomerIoTestServer::kDefaultSiteId),
                              QString::fromLatin1(CustomerIoTestServer::kDefaultTrackKey),
                              QString::fromLatin1(CustomerIoTestServer::kDefaultAppKey)};
        config.requestTimeout = 500ms;
        config.pollInterval = 10ms;
        config.retry.backoff = {100ms};
        config.retry.jitter = 0.0;
        return config;
    }

    bool deliver(int maxAttempts = 8)
    {
        delivery::DeliveryConfig configuration = config();
        configuration.limits.maxAttempts = maxAttempts;
        service = std::make_unique<delivery::DeliveryService>(configuration);
        return service->start();
    }

    bool store(const QString& eventId, const QString& type, const QString& customerId, const QString& email,
               const QString& name = QStringLiteral("Ada"), bool delinquent = false)
    {
        store::WriteRequest request;
        request.events.push_back(test::TempStore::incoming(
            customerEvent(eventId, type, customerId, email, name, nextCreated++, delinquent)));
        return writer->write(std::move(request)).committed;
    }

    std::vector<store::Job> jobsOf(const QString& customerId) const
    {
        store::JobFilter filter;
        filter.customerId = customerId;
        std::vector<store::Job> jobs = queue->list(filter, std::nullopt, 100).jobs;
        std::sort(jobs.begin(), jobs.end(),
                  [](const store::Job& a, const store::Job& b) { return a.id < b.id; });
        return jobs;
    }

    bool allSucceeded(const QString& customerId) const
    {
        const std::vector<store::Job> jobs = jobsOf(customerId);
        return !jobs.empty() && std::all_of(jobs.begin(), jobs.end(), [](const store::Job& job) {
            return job.state == JobState::Succeeded;
        });
    }

    Identity identity(const QString& customerId) const
    {
        store::SqliteConnection connection = store::Database::openForReading(temp.path());
        store::SqliteStatement select =
            connection.prepare("SELECT status, cio_id, detail FROM sync_identities WHERE customer_id = ?1");
        select.bind(1, customerId);
        if (!select.step())
            return {};
        return {select.text(0), select.text(1), select.text(2)};
    }

    // The requests to Customer.io, as "METHOD target".
    QStringList calls() const
    {
        QStringList calls;
        for (const test::RecordedRequest& request : server.requests())
            calls.append(QString::fromLatin1(request.method + ' ' + request.target));
        return calls;
    }
};

} // namespace

class TestIdentity : public QObject {
    Q_OBJECT

private slots:
    void newPersonIsLookedUpFirst()
    {
        World world;
        QVERIFY(world.start());
        QVERIFY(world.store(QStringLiteral("evt_new1"), QStringLiteral("customer.created"),
                            QStringLiteral("cus_New"), QStringLiteral("ada+new@example.com")));
        // Before delivery: the lookup is due, the customer's profile waits for it.
        const std::vector<store::Job> planned = world.jobsOf(QStringLiteral("cus_New"));
        QVERIFY(planned.size() >= 2);
        QCOMPARE(planned.front().idempotencyKey, QStringLiteral("identity:cus_New"));
        QCOMPARE(planned.front().operation, QStringLiteral("app.getCustomersByEmail"));
        for (std::size_t i = 1; i < planned.size(); ++i) {
            QCOMPARE(planned[i].heldBy, planned.front().id);
            QCOMPARE(planned[i].notBeforeMs, store::JobQueue::kHeldNotBeforeMs);
        }
        QCOMPARE(world.identity(QStringLiteral("cus_New")).status, QStringLiteral("pending"));

        QVERIFY(world.deliver());
        QTRY_VERIFY_WITH_TIMEOUT(world.allSucceeded(QStringLiteral("cus_New")), 5000);
        QCOMPARE(world.identity(QStringLiteral("cus_New")).status, QStringLiteral("new"));
        const QStringList calls = world.calls();
        QVERIFY2(calls.size() >= 2, qPrintable(calls.join(QLatin1Char('\n'))));
        QCOMPARE(calls.first(), QStringLiteral("GET /v1/customers?email=ada%2Bnew%40example.com"));
        QCOMPARE(calls.at(1), QStringLiteral("PUT /api/v1/customers/cus_New"));
    }

    void leadIsGivenTheStripeId()
    {
        World world;
        QVERIFY(world.start());
        world.server.setPeopleWithEmail(
            QStringLiteral("lead@example.com"),
            {Person{QStringLiteral("lead@example.com"), {}, QStringLiteral("a3000001")}});
        QVERIFY(world.store(QStringLiteral("evt_lead1"), QStringLiteral("customer.created"),
                            QStringLiteral("cus_Lead"), QStringLiteral("Lead@Example.com")));
        QVERIFY(world.deliver());
        QTRY_VERIFY_WITH_TIMEOUT(world.allSucceeded(QStringLiteral("cus_Lead")), 5000);

        const Identity identity = world.identity(QStringLiteral("cus_Lead"));
        QCOMPARE(identity.status, QStringLiteral("merged"));
        QCOMPARE(identity.cioId, QStringLiteral("a3000001"));
        const QStringList calls = world.calls();
        QVERIFY2(calls.size() >= 3, qPrintable(calls.join(QLatin1Char('\n'))));
        QCOMPARE(calls.at(0), QStringLiteral("GET /v1/customers?email=Lead%40Example.com"));
        // The lead gets the Stripe id through its cio_ identifier before anything else is sent.
        QCOMPARE(calls.at(1), QStringLiteral("PUT /api/v1/customers/cio_a3000001"));
        QCOMPARE(world.server.requests().at(1).body, QByteArray(R"({"id":"cus_Lead"})"));
        QCOMPARE(calls.at(2), QStringLiteral("PUT /api/v1/customers/cus_Lead"));

        // Later news about the customer goes to the Stripe id, without another lookup.
        world.server.clearRequests();
        QVERIFY(world.store(QStringLiteral("evt_lead2"), QStringLiteral("customer.updated"),
                            QStringLiteral("cus_Lead"), QStringLiteral("Lead@Example.com"),
                            QStringLiteral("Lea Lead"), true));
        QTRY_VERIFY_WITH_TIMEOUT(world.allSucceeded(QStringLiteral("cus_Lead")), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!world.calls().isEmpty(), 5000);
        for (const QString& call : world.calls())
            QVERIFY2(call.startsWith(QLatin1String("PUT /api/v1/customers/cus_Lead")) ||
                         call.startsWith(QLatin1String("POST /api/v1/customers/cus_Lead/")),
                     qPrintable(call));
    }

    void conflictIsListedNotMerged()
    {
        World world;
        QVERIFY(world.start());
        world.server.setPeopleWithEmail(QStringLiteral("shared@example.com"),
                                        {Person{QStringLiteral("shared@example.com"),
                                                QStringLiteral("cus_Other"), QStringLiteral("a3000009")}});
        QVERIFY(world.store(QStringLiteral("evt_c1"), QStringLiteral("customer.created"),
                            QStringLiteral("cus_Conf"), QStringLiteral("shared@example.com")));
        QVERIFY(world.deliver());
        QTRY_VERIFY_WITH_TIMEOUT(world.allSucceeded(QStringLiteral("cus_Conf")), 5000);

        const Identity identity = world.identity(QStringLiteral("cus_Conf"));
        QCOMPARE(identity.status, QStringLiteral("conflict"));
        QVERIFY2(identity.detail.contains(QStringLiteral("cus_Other")), qPrintable(identity.detail));
        for (const QString& call : world.calls())
            QVERIFY2(!call.contains(QLatin1String("cio_")), qPrintable(call));
        QVERIFY(world.calls().contains(QStringLiteral("PUT /api/v1/customers/cus_Conf")));

        // Several people with the email are a conflict too.
        world.server.setPeopleWithEmail(
            QStringLiteral("twice@example.com"),
            {Person{QStringLiteral("twice@example.com"), {}, QStringLiteral("a1")},
             Person{QStringLiteral("twice@example.com"), {}, QStringLiteral("a2")}});
        QVERIFY(world.store(QStringLiteral("evt_c2"), QStringLiteral("customer.created"),
                            QStringLiteral("cus_Twice"), QStringLiteral("twice@example.com")));
        QTRY_VERIFY_WITH_TIMEOUT(world.allSucceeded(QStringLiteral("cus_Twice")), 5000);
        QCOMPARE(world.identity(QStringLiteral("cus_Twice")).status, QStringLiteral("conflict"));
        QVERIFY(world.identity(QStringLiteral("cus_Twice")).detail.contains(QStringLiteral("2 people")));

        store::SqliteConnection connection = store::Database::openForReading(world.temp.path());
        const auto conflicts = sync::identity::listIdentities(connection, true, 10);
        QCOMPARE(conflicts.size(), std::size_t(2));

        world.service->stop();
        QTemporaryDir home;
        const test::CliRun listed =
            test::runCli({QStringLiteral("identities"), QStringLiteral("list"), QStringLiteral("--conflicts"),
                          QStringLiteral("--db"), world.temp.path()},
                         home.path());
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains("cus_Conf") && listed.out.contains("cus_Twice"),
                 qPrintable(listed.diagnostics()));
        QVERIFY(!listed.out.contains("cus_New"));
        QVERIFY2(!listed.out.contains("shared@example.com"), "emails are masked in the table");
        const test::CliRun json =
            test::runCli({QStringLiteral("identities"), QStringLiteral("list"), QStringLiteral("--conflicts"),
                          QStringLiteral("--json"), QStringLiteral("--db"), world.temp.path()},
                         home.path());
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.lines().size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(json.lines().first()).object();
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
    }

    void failedLookupReleasesHeldJobs()
    {
        World world;
        QVERIFY(world.start());
        world.server.failNext(CustomerIoTestServer::Fault::serverError(500), 1);
        QVERIFY(world.store(QStringLiteral("evt_f1"), QStringLiteral("customer.created"),
                            QStringLiteral("cus_Fail"), QStringLiteral("fail@example.com")));
        QVERIFY(world.deliver(1));
        QTRY_VERIFY_WITH_TIMEOUT(
            world.identity(QStringLiteral("cus_Fail")).status == QLatin1String("skipped"), 5000);
        const std::vector<store::Job> jobs = world.jobsOf(QStringLiteral("cus_Fail"));
        QCOMPARE(jobs.front().state, JobState::Dead);
        for (std::size_t i = 1; i < jobs.size(); ++i)
            QTRY_COMPARE_WITH_TIMEOUT(world.queue->find(jobs[i].id)->state, JobState::Succeeded, 5000);
        QVERIFY2(world.identity(QStringLiteral("cus_Fail")).detail.contains(QStringLiteral("lookup failed")),
                 qPrintable(world.identity(QStringLiteral("cus_Fail")).detail));
    }

    void discardedLookupReleasesHeldJobs()
    {
        World world;
        QVERIFY(world.start());
        QVERIFY(world.store(QStringLiteral("evt_d1"), QStringLiteral("customer.created"),
                            QStringLiteral("cus_Disc"), QStringLiteral("disc@example.com")));
        std::vector<store::Job> jobs = world.jobsOf(QStringLiteral("cus_Disc"));
        QVERIFY(jobs.size() >= 2);
        QCOMPARE(world.queue->discard({jobs.front().id}, QStringLiteral("no lookups today")), 1);
        QCOMPARE(world.identity(QStringLiteral("cus_Disc")).status, QStringLiteral("skipped"));
        jobs = world.jobsOf(QStringLiteral("cus_Disc"));
        for (std::size_t i = 1; i < jobs.size(); ++i) {
            QCOMPARE(jobs[i].heldBy, std::int64_t(0));
            QVERIFY(jobs[i].notBeforeMs < store::JobQueue::kHeldNotBeforeMs);
        }
    }

    void secondEventAddsNoSecondLookup()
    {
        World world;
        QVERIFY(world.start());
        QVERIFY(world.store(QStringLiteral("evt_s1"), QStringLiteral("customer.created"),
                            QStringLiteral("cus_Two"), QStringLiteral("two@example.com")));
        QVERIFY(world.store(QStringLiteral("evt_s2"), QStringLiteral("customer.updated"),
                            QStringLiteral("cus_Two"), QStringLiteral("two@example.com"),
                            QStringLiteral("Ada Two")));
        const std::vector<store::Job> jobs = world.jobsOf(QStringLiteral("cus_Two"));
        const auto lookups = std::count_if(jobs.begin(), jobs.end(), [](const store::Job& job) {
            return job.operation == QLatin1String("app.getCustomersByEmail");
        });
        QCOMPARE(lookups, 1);
        // Both events' jobs wait for the one lookup.
        for (const store::Job& job : jobs)
            if (job.operation != QLatin1String("app.getCustomersByEmail"))
                QCOMPARE(job.heldBy, jobs.front().id);
        QVERIFY(world.deliver());
        QTRY_VERIFY_WITH_TIMEOUT(world.allSucceeded(QStringLiteral("cus_Two")), 5000);
        const QStringList calls = world.calls();
        QCOMPARE(calls.filter(QStringLiteral("GET /v1/customers")).size(), 1);
        QCOMPARE(calls.first(), QStringLiteral("GET /v1/customers?email=two%40example.com"));
    }
};

QTEST_GUILESS_MAIN(TestIdentity)
#include "tst_identity.moc"
