// Manual campaigns in the core: Customer.io's limits, the exact requests a send makes, queueing them once
// per send with one audit entry, and the catalog of messages and broadcasts read from a loopback App API.

#include "campaigns/campaigncatalog.h"
#include "campaigns/manualsend.h"
#include "customerio/customeriorequest.h"
#include "delivery/jobrequest.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/jobqueue.h"
#include "support/customeriotestserver.h"
#include "support/tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <stdexcept>

using namespace billbridge;
using campaigns::ManualSend;
using customerio::CustomerIoErrorKind;
using test::CustomerIoTestServer;

namespace {

const QString kInes = QStringLiteral("cus_T3st5pFKTX3LE7");
const QString kMaren = QStringLiteral("cus_T3stAaIU7yYiYe");

ManualSend transactional()
{
    ManualSend send;
    send.kind = ManualSend::Kind::Transactional;
    send.messageId = QStringLiteral("7");
    send.recipients = {{QStringLiteral("cus_A"), QStringLiteral("a@example.com")},
                       {QStringLiteral("cus_B"), QStringLiteral("b@example.com")}};
    send.data = QJsonObject{{QStringLiteral("coupon"), QStringLiteral("SPRING")}};
    return send;
}

ManualSend broadcast()
{
    ManualSend send;
    send.kind = ManualSend::Kind::Broadcast;
    send.messageId = QStringLiteral("12");
    send.recipients = {{QStringLiteral("cus_A"), {}}, {QStringLiteral("cus_B"), {}}};
    send.data = QJsonObject{{QStringLiteral("headline"), QStringLiteral("New plans")}};
    return send;
}

QJsonObject dataOfSize(qsizetype bytes)
{
    // {"x":"…"} is 8 bytes around the value.
    return QJsonObject{{QStringLiteral("x"), QString(bytes - 8, QLatin1Char('a'))}};
}

customerio::CustomerIoEndpoints endpointsFor(const QUrl& base)
{
    return customerio::CustomerIoEndpoints::resolve(customerio::Region::Us, base.toString(), base.toString());
}

customerio::CustomerIoCredentials
credentials(const QString& appKey = QLatin1String(CustomerIoTestServer::kDefaultAppKey))
{
    return {QLatin1String(CustomerIoTestServer::kDefaultSiteId),
            QLatin1String(CustomerIoTestServer::kDefaultTrackKey), appKey};
}

} // namespace

class TestManualCampaign final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void transactionalRequestsAreTheBuildersBodies();
    void broadcastRequestIsTheBuildersBody();
    void broadcastWithoutRecipientsGoesToItsConfiguredAudience();
    void previewShowsExactRequests();
    void missingPiecesAreProblems();
    void transactionalPayloadLimit();
    void broadcastDataLimit();
    void broadcastIdLimit();
    void toOverrideAddressLimit();
    void unknownEmailNeedsOverride();
    void enqueueMakesOneJobPerRequestAndOneAuditEntry();
    void enqueueIsIdempotentPerSend();
    void renewedSendQueuesAgain();
    void invalidSendIsNotQueued();
    void recipientsResolveFromStore();

    void catalogParsesListings();
    void catalogParsingRejectsOtherShapes();
    void catalogLoadsFromAppApi();
    void catalogFailures_data();
    void catalogFailures();
    void catalogMalformedJson();
    void catalogWithoutAppKey();

private:
    std::unique_ptr<test::TempStore> m_store;
    std::unique_ptr<CustomerIoTestServer> m_server;
};

void TestManualCampaign::init()
{
    m_store = std::make_unique<test::TempStore>();
    QVERIFY(m_store->isValid());
    m_server = std::make_unique<CustomerIoTestServer>();
    QVERIFY(m_server->start());
}

void TestManualCampaign::cleanup()
{
    m_server.reset();
    m_store.reset();
}

void TestManualCampaign::transactionalRequestsAreTheBuildersBodies()
{
    const ManualSend send = transactional();
    QVERIFY2(send.isValid(), qPrintable(send.problems().join(u'\n')));
    const auto requests = send.requests();
    QCOMPARE(requests.size(), 2);
    for (int i = 0; i < 2; ++i) {
        customerio::TransactionalEmail email;
        email.to = send.recipients.at(i).email;
        email.identifier = send.recipients.at(i).customerId;
        email.messageData = send.data;
        email.transactionalMessageId = 7;
        QCOMPARE(requests.at(i), customerio::requests::sendEmail(email));
    }
    QCOMPARE(requests.at(0).wireTarget(), QByteArray("/v1/send/email"));
    QVERIFY(requests.at(0).body.contains(R"("transactional_message_id":7)"));

    // A trigger name goes as text; the override replaces every recipient's address.
    ManualSend named = send;
    named.messageId = QStringLiteral("invoice_receipt");
    named.toOverride = QStringLiteral("ops@example.com");
    const auto namedRequests = named.requests();
    QVERIFY(namedRequests.at(1).body.contains(R"("transactional_message_id":"invoice_receipt")"));
    QVERIFY(namedRequests.at(1).body.startsWith(R"({"to":"ops@example.com","identifiers":{"id":"cus_B"})"));
}

void TestManualCampaign::broadcastRequestIsTheBuildersBody()
{
    const ManualSend send = broadcast();
    QVERIFY(send.isValid());
    const auto requests = send.requests();
    QCOMPARE(requests.size(), 1);
    customerio::BroadcastAudience audience;
    audience.kind = customerio::BroadcastAudience::Kind::Ids;
    audience.people = {QStringLiteral("cus_A"), QStringLiteral("cus_B")};
    QCOMPARE(requests.at(0),
             customerio::requests::triggerBroadcast(QStringLiteral("12"), send.data, audience));
    QCOMPARE(requests.at(0).wireTarget(), QByteArray("/v1/campaigns/12/triggers"));
    QCOMPARE(requests.at(0).body, QByteArray(R"({"data":{"headline":"New plans"},"ids":["cus_A","cus_B"]})"));
}

void TestManualCampaign::broadcastWithoutRecipientsGoesToItsConfiguredAudience()
{
    ManualSend send = broadcast();
    send.recipients.clear();
    send.data = {};
    QVERIFY(send.isValid());
    // Never "recipients":{}: Customer.io answers that with 422.
    QCOMPARE(send.requests().at(0).body, QByteArray("{}"));
}

void TestManualCampaign::previewShowsExactRequests()
{
    const ManualSend send = transactional();
    const auto preview = send.preview();
    const auto requests = send.requests();
    QCOMPARE(preview.size(), 2);
    QCOMPARE(preview.at(1).customerId, QStringLiteral("cus_B"));
    QCOMPARE(preview.at(1).method, QStringLiteral("POST"));
    QCOMPARE(preview.at(1).target, QStringLiteral("/v1/send/email"));
    QCOMPARE(preview.at(1).body, requests.at(1).body);
    // Pretty text is the same JSON, members in the same order.
    QCOMPARE(QJsonDocument::fromJson(preview.at(1).prettyBody.toUtf8()),
             QJsonDocument::fromJson(requests.at(1).body));
    QVERIFY(preview.at(1).prettyBody.indexOf(QLatin1String("\"to\"")) <
            preview.at(1).prettyBody.indexOf(QLatin1String("\"identifiers\"")));
    QVERIFY(preview.at(1).prettyBody.contains(u'\n'));
}

void TestManualCampaign::missingPiecesAreProblems()
{
    ManualSend send = transactional();
    send.messageId.clear();
    send.recipients.clear();
    const QStringList problems = send.problems();
    QVERIFY(problems.join(u' ').contains(QLatin1String("transactional message")));
    QVERIFY(problems.join(u' ').contains(QLatin1String("at least one customer")));

    ManualSend twice = transactional();
    twice.recipients.append(twice.recipients.first());
    QVERIFY(twice.problems().join(u' ').contains(QLatin1String("cus_A is listed twice")));

    ManualSend notNumeric = broadcast();
    notNumeric.messageId = QStringLiteral("spring-sale");
    QVERIFY(notNumeric.problems().join(u' ').contains(QLatin1String("not a number")));
}

void TestManualCampaign::transactionalPayloadLimit()
{
    ManualSend send = transactional();
    send.data = dataOfSize(campaigns::limits::kTransactionalPayloadBytes + 10);
    const QStringList problems = send.problems();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QLatin1String("limit of")) &&
                 problems.first().contains(QLatin1String("transactional payload")),
             qPrintable(problems.first()));
    // "by how much": the excess is named.
    const qsizetype size = send.requests().first().body.size();
    QVERIFY2(problems.first().contains(
                 QLocale::system().toString(qint64(size - campaigns::limits::kTransactionalPayloadBytes))),
             qPrintable(problems.first()));

    send.data = dataOfSize(10'000);
    QVERIFY(send.isValid());
}

void TestManualCampaign::broadcastDataLimit()
{
    ManualSend send = broadcast();
    send.data = dataOfSize(campaigns::limits::kBroadcastDataBytes);
    QCOMPARE(ManualSend::dataBytes(send.data), campaigns::limits::kBroadcastDataBytes);
    QVERIFY(send.isValid());
    send.data = dataOfSize(campaigns::limits::kBroadcastDataBytes + 1);
    const QStringList problems = send.problems();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QLatin1String(" 1 bytes over")), qPrintable(problems.first()));
    QVERIFY(problems.first().contains(
        QLocale::system().toString(qint64(campaigns::limits::kBroadcastDataBytes))));
}

void TestManualCampaign::broadcastIdLimit()
{
    ManualSend send = broadcast();
    send.recipients.clear();
    for (int i = 0; i < campaigns::limits::kBroadcastIds + 3; ++i)
        send.recipients.append({QStringLiteral("cus_%1").arg(i), {}});
    const QStringList problems = send.problems();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QLatin1String("3 more than")), qPrintable(problems.first()));
    send.recipients.resize(campaigns::limits::kBroadcastIds);
    QVERIFY(send.isValid());

    ManualSend longId = broadcast();
    longId.recipients = {{QString(151, QLatin1Char('c')), {}}};
    QVERIFY(longId.problems().join(u' ').contains(QLatin1String("1 over")));
}

void TestManualCampaign::toOverrideAddressLimit()
{
    ManualSend send = transactional();
    QStringList addresses;
    for (int i = 0; i < 17; ++i)
        addresses.append(QStringLiteral("p%1@example.com").arg(i));
    send.toOverride = addresses.join(u',');
    QVERIFY2(send.problems().join(u' ').contains(QLatin1String("2 more than")),
             qPrintable(send.problems().join(u' ')));
}

void TestManualCampaign::unknownEmailNeedsOverride()
{
    ManualSend send = transactional();
    send.recipients[1].email.clear();
    QVERIFY(send.problems().join(u' ').contains(QLatin1String("No email address is known for cus_B")));
    send.toOverride = QStringLiteral("ops@example.com");
    QVERIFY(send.isValid());
}

void TestManualCampaign::enqueueMakesOneJobPerRequestAndOneAuditEntry()
{
    const ManualSend send = transactional();
    const campaigns::EnqueuedSend result = send.enqueue(m_store->path(), QStringLiteral("operator"));
    QCOMPARE(result.jobIds.size(), std::size_t(2));
    QCOMPARE(result.created, 2);
    QVERIFY(result.auditId > 0);

    store::JobQueue queue(store::Database::openForReading(m_store->path()));
    const auto requests = send.requests();
    for (std::size_t i = 0; i < result.jobIds.size(); ++i) {
        const auto job = queue.find(result.jobIds[i]);
        QVERIFY(job);
        QCOMPARE(job->operation, QStringLiteral("app.sendEmail"));
        QCOMPARE(job->state, store::JobState::Pending);
        QCOMPARE(job->customerId, send.recipients.at(int(i)).customerId);
        QCOMPARE(job->idempotencyKey, send.idempotencyKey(int(i)));
        QVERIFY(job->idempotencyKey.startsWith(QLatin1String("manual:")));
        QVERIFY(job->eventId.isEmpty());
        const auto stored = delivery::requestOf(*job);
        QVERIFY(stored);
        QCOMPARE(stored->body, requests.at(int(i)).body);
    }

    store::AuditLog audit = store::AuditLog::open(m_store->path());
    const auto entries = audit.list();
    QCOMPARE(entries.size(), std::size_t(1));
    QCOMPARE(entries[0].id, result.auditId);
    QCOMPARE(entries[0].action, QStringLiteral("campaign.send"));
    QCOMPARE(entries[0].actor, QStringLiteral("operator"));
    QCOMPARE(entries[0].details.value(QLatin1String("kind")).toString(), QStringLiteral("transactional"));
    QCOMPARE(entries[0].details.value(QLatin1String("id")).toString(), QStringLiteral("7"));
    QCOMPARE(entries[0].details.value(QLatin1String("recipients")).toInt(), 2);
    QCOMPARE(entries[0].details.value(QLatin1String("data_keys")).toArray(),
             QJsonArray{QStringLiteral("coupon")});
    // The data's values and the addresses never reach the trail.
    const QByteArray stored = QJsonDocument(entries[0].details).toJson();
    QVERIFY(!stored.contains("SPRING"));
    QVERIFY(!stored.contains("a@example.com"));
}

void TestManualCampaign::enqueueIsIdempotentPerSend()
{
    const ManualSend send = broadcast();
    const auto first = send.enqueue(m_store->path());
    const auto second = send.enqueue(m_store->path());
    QCOMPARE(first.created, 1);
    QCOMPARE(second.created, 0);
    QCOMPARE(second.jobIds, first.jobIds);
    QCOMPARE(second.auditId, std::int64_t(0));
    store::JobQueue queue(store::Database::openForReading(m_store->path()));
    std::int64_t total = 0;
    for (const auto& [state, count] : queue.counts())
        total += count;
    QCOMPARE(total, std::int64_t(1));
    QCOMPARE(store::AuditLog::open(m_store->path()).list().size(), std::size_t(1));
}

void TestManualCampaign::renewedSendQueuesAgain()
{
    ManualSend send = transactional();
    const auto first = send.enqueue(m_store->path());
    send.renew();
    const auto second = send.enqueue(m_store->path());
    QCOMPARE(second.created, 2);
    QVERIFY(second.jobIds != first.jobIds);
    QCOMPARE(store::AuditLog::open(m_store->path()).list().size(), std::size_t(2));
}

void TestManualCampaign::invalidSendIsNotQueued()
{
    ManualSend send = broadcast();
    send.data = dataOfSize(campaigns::limits::kBroadcastDataBytes + 100);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, send.enqueue(m_store->path()));
    store::JobQueue queue(store::Database::openForReading(m_store->path()));
    QVERIFY(!queue.find(1));
    QVERIFY(store::AuditLog::open(m_store->path()).list().empty());
}

void TestManualCampaign::recipientsResolveFromStore()
{
    QVERIFY(m_store->addAllFixtures().committed);
    m_store->stopWriter();
    const auto recipients =
        campaigns::resolveRecipients(m_store->path(), {kInes, QStringLiteral("cus_Unknown"), kMaren});
    QCOMPARE(recipients.size(), 3);
    QCOMPARE(recipients.at(0).customerId, kInes);
    QCOMPARE(recipients.at(0).email, QStringLiteral("ines.carvalho@example.com"));
    QVERIFY(recipients.at(1).email.isEmpty());
    QCOMPARE(recipients.at(2).email, QStringLiteral("maren.holloway@example.com"));
}

void TestManualCampaign::catalogParsesListings()
{
    const auto messages = campaigns::parseTransactionalMessages(
        R"({"messages":[{"id":7,"name":"Receipt","description":"After payment","updated_at":1700000000},)"
        R"({"id":3,"name":"Card expiring"},{"name":"no id"}]})");
    QVERIFY(messages);
    QCOMPARE(messages->size(), 2);
    QCOMPARE(messages->at(0).id, QStringLiteral("3")); // sorted by name
    QCOMPARE(messages->at(1).name, QStringLiteral("Receipt"));
    QCOMPARE(messages->at(1).description, QStringLiteral("After payment"));
    QCOMPARE(messages->at(1).updatedAt, std::int64_t(1700000000));
    QCOMPARE(messages->at(1).label(), QStringLiteral("Receipt (#7)"));

    const auto broadcasts =
        campaigns::parseBroadcasts(R"({"broadcasts":[{"id":"12","name":"Spring","updated":5}]})");
    QVERIFY(broadcasts);
    QCOMPARE(broadcasts->size(), 1);
    QCOMPARE(broadcasts->at(0).id, QStringLiteral("12"));
    QCOMPARE(broadcasts->at(0).updatedAt, std::int64_t(5));
}

void TestManualCampaign::catalogParsingRejectsOtherShapes()
{
    QString problem;
    QVERIFY(!campaigns::parseBroadcasts(R"({"messages":[]})", &problem));
    QVERIFY(problem.contains(QLatin1String("broadcasts")));
    QVERIFY(!campaigns::parseTransactionalMessages(R"({"messages":[)", &problem));
    QVERIFY(problem.contains(QLatin1String("not JSON")));
    QVERIFY(!campaigns::parseTransactionalMessages("[]", &problem));
}

void TestManualCampaign::catalogLoadsFromAppApi()
{
    m_server->setTransactionalListBody(R"({"messages":[{"id":7,"name":"Receipt"}]})");
    m_server->setBroadcastListBody(
        R"({"broadcasts":[{"id":12,"name":"Spring sale"},{"id":13,"name":"Autumn"}]})");
    campaigns::CampaignCatalogLoader loader(endpointsFor(m_server->baseUrl()), credentials());
    QSignalSpy finished(&loader, &campaigns::CampaignCatalogLoader::finished);
    loader.load();
    QVERIFY(loader.isLoading());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    const campaigns::CampaignCatalog catalog = loader.catalog();
    QVERIFY(catalog.ok());
    QCOMPARE(catalog.transactional.entries.size(), 1);
    QCOMPARE(catalog.transactional.entries.at(0).label(), QStringLiteral("Receipt (#7)"));
    QCOMPARE(catalog.broadcasts.entries.size(), 2);
    QCOMPARE(catalog.broadcasts.entries.at(0).name, QStringLiteral("Autumn"));

    QStringList targets;
    for (const auto& request : m_server->requests()) {
        targets.append(QString::fromLatin1(request.method + ' ' + request.path));
        QCOMPARE(request.header("authorization"),
                 QByteArray("Bearer ") + CustomerIoTestServer::kDefaultAppKey);
    }
    targets.sort();
    QCOMPARE(targets,
             (QStringList{QStringLiteral("GET /v1/broadcasts"), QStringLiteral("GET /v1/transactional")}));
}

void TestManualCampaign::catalogFailures_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("advice");
    QTest::newRow("401") << 401 << int(CustomerIoErrorKind::Unauthorized) << QStringLiteral("Connections");
    QTest::newRow("403") << 403 << int(CustomerIoErrorKind::Unauthorized) << QStringLiteral("App API key");
    QTest::newRow("429") << 429 << int(CustomerIoErrorKind::RateLimited) << QStringLiteral("try again");
    QTest::newRow("500") << 500 << int(CustomerIoErrorKind::ServerError) << QStringLiteral("Try again");
    QTest::newRow("503") << 503 << int(CustomerIoErrorKind::ServerError) << QStringLiteral("by hand");
}

void TestManualCampaign::catalogFailures()
{
    QFETCH(int, status);
    QFETCH(int, kind);
    QFETCH(QString, advice);
    CustomerIoTestServer::Fault fault;
    switch (status) {
    case 401:
        fault = CustomerIoTestServer::Fault::unauthorized();
        break;
    case 403:
        fault = CustomerIoTestServer::Fault::forbidden();
        break;
    case 429:
        fault = CustomerIoTestServer::Fault::rateLimited();
        break;
    default:
        fault = CustomerIoTestServer::Fault::serverError(status);
    }
    // Both listing calls fail the same way.
    m_server->failNext(fault, 2);
    campaigns::CampaignCatalogLoader loader(endpointsFor(m_server->baseUrl()), credentials());
    QSignalSpy finished(&loader, &campaigns::CampaignCatalogLoader::finished);
    loader.load();
    QVERIFY(finished.wait(10000));
    const auto catalog = loader.catalog();
    QVERIFY(!catalog.ok());
    for (const campaigns::CatalogList* list : {&catalog.transactional, &catalog.broadcasts}) {
        QVERIFY(list->error);
        QCOMPARE(int(list->error->kind), kind);
        QCOMPARE(list->error->httpStatus, status);
        QVERIFY2(list->message.contains(advice), qPrintable(list->message));
        QVERIFY(list->entries.isEmpty());
    }

    // Loading again after the fault works.
    loader.load();
    QVERIFY(finished.wait(10000));
    QVERIFY(loader.catalog().ok());
}

void TestManualCampaign::catalogMalformedJson()
{
    m_server->failNext(CustomerIoTestServer::Fault::malformedJson(), 1);
    campaigns::CampaignCatalogLoader loader(endpointsFor(m_server->baseUrl()), credentials());
    QSignalSpy finished(&loader, &campaigns::CampaignCatalogLoader::finished);
    loader.load();
    QVERIFY(finished.wait(10000));
    const auto catalog = loader.catalog();
    // One of the two calls got the cut-off body, the other a good answer.
    const campaigns::CatalogList& bad =
        catalog.transactional.ok() ? catalog.broadcasts : catalog.transactional;
    const campaigns::CatalogList& good =
        catalog.transactional.ok() ? catalog.transactional : catalog.broadcasts;
    QVERIFY(bad.error);
    QVERIFY(bad.error->kind == CustomerIoErrorKind::UnexpectedAnswer);
    QVERIFY2(bad.message.contains(QLatin1String("could not be read")), qPrintable(bad.message));
    QVERIFY(good.ok());

    m_server->setBroadcastListBody(R"({"broadcasts":"none"})");
    loader.load();
    QVERIFY(finished.wait(10000));
    QVERIFY(!loader.catalog().broadcasts.ok());
    QVERIFY(loader.catalog().broadcasts.message.contains(QLatin1String("\"broadcasts\" list")));
}

void TestManualCampaign::catalogWithoutAppKey()
{
    campaigns::CampaignCatalogLoader loader(endpointsFor(m_server->baseUrl()), credentials(QString()));
    QSignalSpy finished(&loader, &campaigns::CampaignCatalogLoader::finished);
    loader.load();
    QVERIFY(finished.wait(10000));
    QVERIFY(loader.catalog().transactional.error->kind == CustomerIoErrorKind::NotSent);
    QVERIFY(loader.catalog().transactional.message.contains(QLatin1String("Connections")));
    QVERIFY(m_server->requests().isEmpty());
}

QTEST_GUILESS_MAIN(TestManualCampaign)
#include "tst_manualcampaign.moc"
