#include "customerio/customerioclient.h"
#include "customerio/customeriorequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace billbridge::customerio;

// Expected methods, targets and bodies are those customerio-node 5.2.0 sent for the same calls
// (customerio-node-5.2.0-wire-capture.json in the shared reference), byte for byte.
class TestCustomerIoRequest final : public QObject {
    Q_OBJECT

private slots:
    void encodesLikeEncodeUriComponent_data();
    void encodesLikeEncodeUriComponent();
    void writesCompactJsonInMemberOrder();

    void identifyMatchesTheCapture();
    void identifyWithCioIdAndWithoutData();
    void identifyPutsTimestampAndUpdateLast();
    void deleteSendsNoBody();
    void trackEventMatchesTheCapture();
    void trackEventOmitsWhatIsUnset();
    void suppressAndUnsuppressSendEmptyObjects();
    void segmentMembershipMatchesTheCapture();
    void sendEmailWithTemplateMatchesTheCapture();
    void sendEmailInlineMatchesTheCapture();
    void sendEmailWithNumericTemplateAndSchedule();
    void triggerBroadcastMatchesTheCapture();
    void triggerBroadcastToEmails();
    void lookupsMatchTheCapture();
    void headersNameBillbridge();
};

void TestCustomerIoRequest::encodesLikeEncodeUriComponent_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("encoded");
    // Values verified against Node's encodeURIComponent (reference §9.3).
    QTest::newRow("at") << QStringLiteral("a@b.com") << QByteArray("a%40b.com");
    QTest::newRow("plus") << QStringLiteral("a+b@example.com") << QByteArray("a%2Bb%40example.com");
    QTest::newRow("space") << QStringLiteral("2 ") << QByteArray("2%20");
    QTest::newRow("slash") << QStringLiteral("3/") << QByteArray("3%2F");
    QTest::newRow("mixed") << QStringLiteral("%&*/test.#@!~") << QByteArray("%25%26*%2Ftest.%23%40!~");
    QTest::newRow("unicode") << QStringLiteral("émile@example.com") << QByteArray("%C3%A9mile%40example.com");
    QTest::newRow("astral") << QStringLiteral("x\U0001F600") << QByteArray("x%F0%9F%98%80");
    QTest::newRow("kept") << QStringLiteral("Az09-_.!~*'()") << QByteArray("Az09-_.!~*'()");
    QTest::newRow("delimiters") << QStringLiteral("?#[]=&;,:$")
                                << QByteArray("%3F%23%5B%5D%3D%26%3B%2C%3A%24");
    QTest::newRow("cio id") << QStringLiteral("cio_03000001") << QByteArray("cio_03000001");
    QTest::newRow("empty") << QString() << QByteArray();
}

void TestCustomerIoRequest::encodesLikeEncodeUriComponent()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, encoded);
    QCOMPARE(encodeUriComponent(value), encoded);
}

void TestCustomerIoRequest::writesCompactJsonInMemberOrder()
{
    const OrderedMembers members{
        {QStringLiteral("z"), 1},
        {QStringLiteral("a"), QStringLiteral("é \"quoted\" </p>\n")},
        {QStringLiteral("skipped"), QJsonValue(QJsonValue::Undefined)},
        {QStringLiteral("n"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("f"), 19.99},
        {QStringLiteral("big"), qint64{1700000000123}},
        {QStringLiteral("list"), QJsonArray{false, QStringLiteral("x")}},
    };
    QCOMPARE(toCompactJson(members),
             QByteArray("{\"z\":1,\"a\":\"\xC3\xA9 \\\"quoted\\\" </p>\\n\",\"n\":null,\"f\":19.99,"
                        "\"big\":1700000000123,\"list\":[false,\"x\"]}"));
    QCOMPARE(toCompactJson({}), QByteArray("{}"));
}

void TestCustomerIoRequest::identifyMatchesTheCapture()
{
    IdentifyAttributes attributes;
    attributes.email = QStringLiteral("user+1@example.com");
    attributes.createdAt = 1700000000;
    attributes.attributes = {{QStringLiteral("plan"), QStringLiteral("pro")}};
    attributes.updateOnly = true;
    const CustomerIoRequest request = requests::identify(QStringLiteral("user+1@example.com"), attributes);
    QCOMPARE(request.api, CustomerIoApi::Track);
    QCOMPARE(request.verb, QByteArray("PUT"));
    QCOMPARE(request.wireTarget(), QByteArray("/api/v1/customers/user%2B1%40example.com"));
    QCOMPARE(
        request.body,
        QByteArray(R"({"email":"user+1@example.com","created_at":1700000000,"plan":"pro","_update":true})"));
    QVERIFY(request.idempotencyId.isEmpty());
}

void TestCustomerIoRequest::identifyWithCioIdAndWithoutData()
{
    IdentifyAttributes attributes;
    attributes.email = QStringLiteral("new@example.com");
    const CustomerIoRequest cio = requests::identify(QStringLiteral("cio_03000001"), attributes);
    QCOMPARE(cio.wireTarget(), QByteArray("/api/v1/customers/cio_03000001"));
    QCOMPARE(cio.body, QByteArray(R"({"email":"new@example.com"})"));

    const CustomerIoRequest empty = requests::identify(QStringLiteral("42"), {});
    QCOMPARE(empty.wireTarget(), QByteArray("/api/v1/customers/42"));
    QCOMPARE(empty.body, QByteArray("{}"));
}

void TestCustomerIoRequest::identifyPutsTimestampAndUpdateLast()
{
    IdentifyAttributes attributes;
    attributes.attributes = {{QStringLiteral("plan"), QStringLiteral("pro")}, {QStringLiteral("mrr"), 1999}};
    attributes.changedAt = 1700000100;
    attributes.updateOnly = true;
    QCOMPARE(requests::identify(QStringLiteral("42"), attributes).body,
             QByteArray(R"({"plan":"pro","mrr":1999,"_timestamp":1700000100,"_update":true})"));
}

void TestCustomerIoRequest::deleteSendsNoBody()
{
    const CustomerIoRequest request = requests::deleteCustomer(QStringLiteral("cus 1/x"));
    QCOMPARE(request.verb, QByteArray("DELETE"));
    QCOMPARE(request.wireTarget(), QByteArray("/api/v1/customers/cus%201%2Fx"));
    QVERIFY(request.body.isEmpty());
    QVERIFY(!request.hasBody());
}

void TestCustomerIoRequest::trackEventMatchesTheCapture()
{
    TrackEvent event;
    event.name = QStringLiteral("invoice_paid");
    event.ulid = QStringLiteral("01HZX3V0000000000000000000");
    event.timestamp = 1700000000;
    event.data =
        QJsonObject{{QStringLiteral("amount"), 1999}, {QStringLiteral("currency"), QStringLiteral("usd")}};
    const CustomerIoRequest request = requests::trackEvent(QStringLiteral("42"), event);
    QCOMPARE(request.verb, QByteArray("POST"));
    QCOMPARE(request.wireTarget(), QByteArray("/api/v1/customers/42/events"));
    QCOMPARE(request.body, QByteArray(R"({"name":"invoice_paid","id":"01HZX3V0000000000000000000",)"
                                      R"("timestamp":1700000000,"data":{"amount":1999,"currency":"usd"}})"));
    QCOMPARE(request.idempotencyId, event.ulid);
    // Built again for a retry, the request is the same, id included.
    QCOMPARE(requests::trackEvent(QStringLiteral("42"), event), request);
}

void TestCustomerIoRequest::trackEventOmitsWhatIsUnset()
{
    TrackEvent event;
    event.name = QStringLiteral("trial_will_end");
    const CustomerIoRequest request = requests::trackEvent(QStringLiteral("a b@example.com"), event);
    QCOMPARE(request.wireTarget(), QByteArray("/api/v1/customers/a%20b%40example.com/events"));
    QCOMPARE(request.body, QByteArray(R"({"name":"trial_will_end"})"));
}

void TestCustomerIoRequest::suppressAndUnsuppressSendEmptyObjects()
{
    const CustomerIoRequest suppress = requests::suppress(QStringLiteral("42"));
    QCOMPARE(suppress.verb, QByteArray("POST"));
    QCOMPARE(suppress.wireTarget(), QByteArray("/api/v1/customers/42/suppress"));
    QCOMPARE(suppress.body, QByteArray("{}"));
    const CustomerIoRequest unsuppress = requests::unsuppress(QStringLiteral("42"));
    QCOMPARE(unsuppress.verb, QByteArray("POST"));
    QCOMPARE(unsuppress.wireTarget(), QByteArray("/api/v1/customers/42/unsuppress"));
    QCOMPARE(unsuppress.body, QByteArray("{}"));
}

void TestCustomerIoRequest::segmentMembershipMatchesTheCapture()
{
    const CustomerIoRequest add =
        requests::addToSegment(QStringLiteral("7"), {QStringLiteral("42"), QStringLiteral("43")});
    QCOMPARE(add.verb, QByteArray("POST"));
    QCOMPARE(add.wireTarget(), QByteArray("/api/v1/segments/7/add_customers"));
    QCOMPARE(add.body, QByteArray(R"({"ids":["42","43"]})"));

    const CustomerIoRequest byEmail =
        requests::addToSegment(QStringLiteral("7"), {QStringLiteral("a@example.com")}, IdentifierType::Email);
    QCOMPARE(byEmail.wireTarget(), QByteArray("/api/v1/segments/7/add_customers?id_type=email"));
    QCOMPARE(byEmail.body, QByteArray(R"({"ids":["a@example.com"]})"));

    const CustomerIoRequest remove = requests::removeFromSegment(QStringLiteral("7"), {QStringLiteral("42")});
    QCOMPARE(remove.wireTarget(), QByteArray("/api/v1/segments/7/remove_customers"));
    QCOMPARE(remove.body, QByteArray(R"({"ids":["42"]})"));

    QCOMPARE(requests::removeFromSegment(QStringLiteral("7"), {}, IdentifierType::CioId).wireTarget(),
             QByteArray("/api/v1/segments/7/remove_customers?id_type=cio_id"));
}

void TestCustomerIoRequest::sendEmailWithTemplateMatchesTheCapture()
{
    TransactionalEmail email;
    email.to = QStringLiteral("user@example.com");
    email.identifier = QStringLiteral("42");
    email.messageData = QJsonObject{{QStringLiteral("amount"), QStringLiteral("19.99")}};
    email.disableMessageRetention = false;
    email.sendToUnsubscribed = true;
    email.queueDraft = false;
    email.transactionalMessageId = QStringLiteral("invoice_paid");
    const CustomerIoRequest request = requests::sendEmail(email);
    QCOMPARE(request.api, CustomerIoApi::App);
    QCOMPARE(request.verb, QByteArray("POST"));
    QCOMPARE(request.wireTarget(), QByteArray("/v1/send/email"));
    QCOMPARE(request.body,
             QByteArray(R"({"to":"user@example.com","identifiers":{"id":"42"},"headers":{},)"
                        R"("message_data":{"amount":"19.99"},"disable_message_retention":false,)"
                        R"("send_to_unsubscribed":true,"queue_draft":false,)"
                        R"("transactional_message_id":"invoice_paid"})"));
}

void TestCustomerIoRequest::sendEmailInlineMatchesTheCapture()
{
    TransactionalEmail email;
    email.to = QStringLiteral("user@example.com");
    email.identifierType = IdentifierType::Email;
    email.identifier = QStringLiteral("user@example.com");
    email.from = QStringLiteral("billing@example.com");
    email.subject = QStringLiteral("Receipt");
    email.body = QStringLiteral("<p>hi</p>");
    QCOMPARE(requests::sendEmail(email).body,
             QByteArray(R"({"to":"user@example.com","identifiers":{"email":"user@example.com"},"headers":{},)"
                        R"("from":"billing@example.com","subject":"Receipt","body":"<p>hi</p>"})"));
}

void TestCustomerIoRequest::sendEmailWithNumericTemplateAndSchedule()
{
    TransactionalEmail email;
    email.to = QStringLiteral("Ann <ann@example.com>");
    email.identifierType = IdentifierType::CioId;
    email.identifier = QStringLiteral("03000001");
    email.tracked = false;
    email.sendAt = 1700003600;
    email.language = QStringLiteral("de");
    email.transactionalMessageId = 3;
    QCOMPARE(
        requests::sendEmail(email).body,
        QByteArray(R"({"to":"Ann <ann@example.com>","identifiers":{"cio_id":"03000001"},"headers":{},)"
                   R"("tracked":false,"send_at":1700003600,"language":"de","transactional_message_id":3})"));
}

void TestCustomerIoRequest::triggerBroadcastMatchesTheCapture()
{
    const QString broadcast = QStringLiteral("12");
    const CustomerIoRequest dataOnly =
        requests::triggerBroadcast(broadcast, QJsonObject{{QStringLiteral("headline"), QStringLiteral("x")}});
    QCOMPARE(dataOnly.verb, QByteArray("POST"));
    QCOMPARE(dataOnly.wireTarget(), QByteArray("/v1/campaigns/12/triggers"));
    QCOMPARE(dataOnly.body, QByteArray(R"({"data":{"headline":"x"}})"));

    QCOMPARE(requests::triggerBroadcast(broadcast, {}).body, QByteArray("{}"));

    BroadcastAudience segment;
    segment.kind = BroadcastAudience::Kind::Recipients;
    segment.recipients = QJsonObject{{QStringLiteral("segment"), QJsonObject{{QStringLiteral("id"), 7}}}};
    const QJsonObject data{{QStringLiteral("a"), 1}};
    QCOMPARE(requests::triggerBroadcast(broadcast, data, segment).body,
             QByteArray(R"({"data":{"a":1},"recipients":{"segment":{"id":7}}})"));

    BroadcastAudience ids;
    ids.kind = BroadcastAudience::Kind::Ids;
    ids.people = {QStringLiteral("42"), QStringLiteral("43")};
    ids.ignoreMissing = true;
    QCOMPARE(requests::triggerBroadcast(broadcast, data, ids).body,
             QByteArray(R"({"data":{"a":1},"ids":["42","43"],"id_ignore_missing":true})"));

    // An empty filter is left out rather than sent as "recipients":{}, which Customer.io refuses.
    BroadcastAudience emptyFilter;
    emptyFilter.kind = BroadcastAudience::Kind::Recipients;
    QCOMPARE(requests::triggerBroadcast(broadcast, {}, emptyFilter).body, QByteArray("{}"));
}

void TestCustomerIoRequest::triggerBroadcastToEmails()
{
    BroadcastAudience emails;
    emails.kind = BroadcastAudience::Kind::Emails;
    emails.people = {QStringLiteral("a@example.com")};
    emails.ignoreMissing = true;
    const CustomerIoRequest request = requests::triggerBroadcast(QStringLiteral("12 /x"), {}, emails);
    QCOMPARE(request.wireTarget(), QByteArray("/v1/campaigns/12%20%2Fx/triggers"));
    QCOMPARE(request.body, QByteArray(R"({"emails":["a@example.com"],"email_ignore_missing":true})"));
}

void TestCustomerIoRequest::lookupsMatchTheCapture()
{
    const CustomerIoRequest byEmail = requests::customersByEmail(QStringLiteral("a+b&c@example.com"));
    QCOMPARE(byEmail.api, CustomerIoApi::App);
    QCOMPARE(byEmail.verb, QByteArray("GET"));
    QCOMPARE(byEmail.wireTarget(), QByteArray("/v1/customers?email=a%2Bb%26c%40example.com"));
    QVERIFY(byEmail.body.isEmpty());
    QCOMPARE(requests::listBroadcasts().wireTarget(), QByteArray("/v1/broadcasts"));
    QCOMPARE(requests::listTransactionalMessages().wireTarget(), QByteArray("/v1/transactional"));
    QCOMPARE(requests::listSegments().wireTarget(), QByteArray("/v1/segments"));
    for (const CustomerIoRequest& request :
         {requests::listBroadcasts(), requests::listTransactionalMessages(), requests::listSegments()}) {
        QCOMPARE(request.verb, QByteArray("GET"));
        QVERIFY(request.body.isEmpty());
        QVERIFY(request.query.isEmpty());
    }
}

void TestCustomerIoRequest::headersNameBillbridge()
{
    const QByteArray userAgent = CustomerIoClient::defaultUserAgent();
    QVERIFY(userAgent.startsWith("Billbridge/"));
    const auto headers = CustomerIoRequest::standardHeaders(userAgent);
    const auto value = [&headers](const QByteArray& name) {
        for (const auto& [key, headerValue] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return headerValue;
        }
        return QByteArray();
    };
    // As captured: the Node client sends Content-Type on every call, bodiless ones included.
    QCOMPARE(value("content-type"), QByteArray("application/json"));
    QCOMPARE(value("accept"), QByteArray("application/json"));
    QCOMPARE(value("user-agent"), userAgent);
    QVERIFY(value("authorization").isEmpty());
}

QTEST_GUILESS_MAIN(TestCustomerIoRequest)
#include "tst_customeriorequest.moc"
