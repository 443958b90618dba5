#include "customerio/customeriorequest.h"
#include "delivery/jobrequest.h"
#include "store/jobqueue.h"
#include "support/tempstore.h"

#include <QJsonObject>
#include <QTest>

using namespace billbridge;
using customerio::CustomerIoRequest;

Q_DECLARE_METATYPE(billbridge::customerio::CustomerIoRequest)

// A job keeps the request it sends, so that every attempt sends the same bytes: above all the Track event id
// that lets Customer.io drop repeats, and the body an operator reads in the queue.
class TestJobRequest final : public QObject {
    Q_OBJECT

private slots:
    void everyOperationSurvivesTheStore_data();
    void everyOperationSurvivesTheStore();
    void damagedPayloadsAreRefusedWithAReason_data();
    void damagedPayloadsAreRefusedWithAReason();
    void lanesFollowCustomerIoLimits();
    void jobCarriesItsCause();
    void onlyRepeatableRequestsAreResentAfterACrash();
};

namespace {

customerio::TransactionalEmail receiptEmail()
{
    customerio::TransactionalEmail email;
    email.to = QStringLiteral("maren.k@example.com");
    email.identifierType = customerio::IdentifierType::Id;
    email.identifier = QStringLiteral("cus_PkXq");
    email.transactionalMessageId = QStringLiteral("payment_failed");
    email.messageData = QJsonObject{{QStringLiteral("amount"), QStringLiteral("19.00 EUR")}};
    return email;
}

} // namespace

void TestJobRequest::everyOperationSurvivesTheStore_data()
{
    QTest::addColumn<CustomerIoRequest>("request");
    customerio::IdentifyAttributes attributes;
    attributes.email = QStringLiteral("maren.k@example.com");
    attributes.createdAt = 1'790'000'000;
    attributes.attributes = {{QStringLiteral("plan"), QStringLiteral("Pro")},
                             {QStringLiteral("note"), QStringLiteral("Grüße \"quoted\" ✓")}};
    QTest::newRow("identify") << customerio::requests::identify(QStringLiteral("cus_PkXq/ü"), attributes);
    customerio::TrackEvent event;
    event.name = QStringLiteral("invoice_payment_failed");
    event.ulid = QStringLiteral("01JD3M4Z8Q7W5X6Y7Z8A9B0C1D");
    event.timestamp = 1'790'000'100;
    event.data = QJsonObject{{QStringLiteral("attempt"), 2}};
    QTest::newRow("event") << customerio::requests::trackEvent(QStringLiteral("cus_PkXq"), event);
    QTest::newRow("delete") << customerio::requests::deleteCustomer(QStringLiteral("cus_PkXq"));
    QTest::newRow("suppress") << customerio::requests::suppress(QStringLiteral("cus_PkXq"));
    QTest::newRow("segment") << customerio::requests::addToSegment(
        QStringLiteral("7"), {QStringLiteral("cus_a"), QStringLiteral("cus_b")},
        customerio::IdentifierType::Id);
    QTest::newRow("email") << customerio::requests::sendEmail(receiptEmail());
    QTest::newRow("broadcast") << customerio::requests::triggerBroadcast(
        QStringLiteral("12"), QJsonObject{{QStringLiteral("headline"), QStringLiteral("Renewal")}});
    QTest::newRow("lookup") << customerio::requests::customersByEmail(QStringLiteral("a+b@example.com"));
}

void TestJobRequest::everyOperationSurvivesTheStore()
{
    QFETCH(CustomerIoRequest, request);
    test::TempStore temp;
    store::JobQueue queue = store::JobQueue::open(temp.path());
    const auto enqueued =
        queue.enqueue(delivery::jobFor(request, QStringLiteral("cus_PkXq"), QStringLiteral("key-1")));
    QVERIFY(enqueued.created);
    const auto job = queue.find(enqueued.id);
    QVERIFY(job);
    QString error;
    const auto restored = delivery::requestOf(*job, &error);
    QVERIFY2(restored, qPrintable(error));
    QCOMPARE(*restored, request);
    QCOMPARE(restored->wireTarget(), request.wireTarget());
}

void TestJobRequest::damagedPayloadsAreRefusedWithAReason_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QJsonObject>("payload");
    QTest::addColumn<QString>("reason");
    const QJsonObject good = delivery::payloadOf(customerio::requests::suppress(QStringLiteral("cus_1")));
    QTest::newRow("foreign operation") << QStringLiteral("smtp.send") << good << QStringLiteral("neither");
    QJsonObject noVerb = good;
    noVerb.remove(QStringLiteral("verb"));
    QTest::newRow("no verb") << QStringLiteral("track.suppress") << noVerb << QStringLiteral("HTTP method");
    QJsonObject oddVerb = good;
    oddVerb.insert(QStringLiteral("verb"), QStringLiteral("PATCH"));
    QTest::newRow("odd verb") << QStringLiteral("track.suppress") << oddVerb << QStringLiteral("HTTP method");
    QJsonObject relative = good;
    relative.insert(QStringLiteral("path"), QStringLiteral("customers/1"));
    QTest::newRow("relative path") << QStringLiteral("track.suppress") << relative << QStringLiteral("path");
    QJsonObject climbing = good;
    climbing.insert(QStringLiteral("path"), QStringLiteral("/customers/../accounts"));
    QTest::newRow("climbing path") << QStringLiteral("track.suppress") << climbing << QStringLiteral("path");
    QJsonObject spaced = good;
    spaced.insert(QStringLiteral("path"), QStringLiteral("/customers/a b"));
    QTest::newRow("unencoded path") << QStringLiteral("track.suppress") << spaced << QStringLiteral("path");
    QJsonObject objectBody = good;
    objectBody.insert(QStringLiteral("body"), QJsonObject{});
    QTest::newRow("body not text") << QStringLiteral("track.suppress") << objectBody
                                   << QStringLiteral("body");
}

void TestJobRequest::damagedPayloadsAreRefusedWithAReason()
{
    QFETCH(QString, operation);
    QFETCH(QJsonObject, payload);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!delivery::requestOf(operation, payload, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    // Callers that do not want the reason get the same verdict.
    QVERIFY(!delivery::requestOf(operation, payload));
}

void TestJobRequest::lanesFollowCustomerIoLimits()
{
    using delivery::DeliveryLane;
    QCOMPARE(delivery::toString(
                 delivery::laneOf(customerio::requests::identify(QStringLiteral("c"), {}).operation)),
             delivery::toString(DeliveryLane::Track));
    QCOMPARE(delivery::toString(
                 delivery::laneOf(customerio::requests::deleteCustomer(QStringLiteral("c")).operation)),
             delivery::toString(DeliveryLane::Track));
    QCOMPARE(delivery::toString(delivery::laneOf(customerio::requests::sendEmail(receiptEmail()).operation)),
             delivery::toString(DeliveryLane::Transactional));
    QCOMPARE(delivery::toString(
                 delivery::laneOf(customerio::requests::triggerBroadcast(QStringLiteral("1"), {}).operation)),
             delivery::toString(DeliveryLane::Broadcast));
    QCOMPARE(delivery::toString(delivery::laneOf(customerio::requests::listSegments().operation)),
             delivery::toString(DeliveryLane::App));
    QCOMPARE(delivery::toString(DeliveryLane::Transactional), QStringLiteral("transactional"));
}

void TestJobRequest::jobCarriesItsCause()
{
    const CustomerIoRequest request = customerio::requests::suppress(QStringLiteral("cus_1"));
    const store::NewJob job = delivery::jobFor(
        request, QStringLiteral("cus_1"), QStringLiteral("evt_9:suppress"), QStringLiteral("evt_9"), 1234);
    QCOMPARE(job.operation, QStringLiteral("track.suppress"));
    QCOMPARE(job.customerId, QStringLiteral("cus_1"));
    QCOMPARE(job.idempotencyKey, QStringLiteral("evt_9:suppress"));
    QCOMPARE(job.eventId, QStringLiteral("evt_9"));
    QCOMPARE(job.notBeforeMs, std::int64_t(1234));
}

void TestJobRequest::onlyRepeatableRequestsAreResentAfterACrash()
{
    const auto safe = [](const CustomerIoRequest& request) {
        return store::JobQueue::isSafeToResend(request.operation, delivery::payloadOf(request));
    };
    customerio::TrackEvent withId;
    withId.name = QStringLiteral("renewed");
    withId.ulid = QStringLiteral("01JD3M4Z8Q7W5X6Y7Z8A9B0C1D");
    customerio::TrackEvent withoutId;
    withoutId.name = QStringLiteral("renewed");
    QVERIFY(safe(customerio::requests::identify(QStringLiteral("c"), {})));
    QVERIFY(safe(customerio::requests::deleteCustomer(QStringLiteral("c"))));
    QVERIFY(safe(customerio::requests::unsuppress(QStringLiteral("c"))));
    QVERIFY(safe(customerio::requests::removeFromSegment(QStringLiteral("7"), {QStringLiteral("c")})));
    QVERIFY(safe(customerio::requests::trackEvent(QStringLiteral("c"), withId)));
    QVERIFY(!safe(customerio::requests::trackEvent(QStringLiteral("c"), withoutId)));
    QVERIFY(!safe(customerio::requests::sendEmail(receiptEmail())));
    QVERIFY(!safe(customerio::requests::triggerBroadcast(QStringLiteral("1"), {})));
}

QTEST_GUILESS_MAIN(TestJobRequest)
#include "tst_jobrequest.moc"
