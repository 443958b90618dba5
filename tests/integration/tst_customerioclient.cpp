#include "customerio/customerioclient.h"
#include "customerio/customerioregion.h"
#include "customerio/customeriorequest.h"
#include "support/customeriotestserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>

#include <memory>
#include <optional>

using namespace billbridge;
using namespace billbridge::customerio;
using test::CustomerIoTestServer;
using Fault = CustomerIoTestServer::Fault;
using Kind = CustomerIoErrorKind;

namespace {

CustomerIoCredentials testCredentials()
{
    return {QString::fromLatin1(CustomerIoTestServer::kDefaultSiteId),
            QString::fromLatin1(CustomerIoTestServer::kDefaultTrackKey),
            QString::fromLatin1(CustomerIoTestServer::kDefaultAppKey)};
}

CustomerIoEndpoints endpointsFor(const QUrl& base)
{
    return CustomerIoEndpoints::resolve(Region::Us, base.toString(), base.toString());
}

// Runs one request to its end; the handler must run exactly once, and never inside execute().
CustomerIoResult run(CustomerIoClient& client, const CustomerIoRequest& request)
{
    std::optional<CustomerIoResult> answer;
    int calls = 0;
    client.execute(request, [&answer, &calls](const CustomerIoResult& result) {
        ++calls;
        answer = result;
    });
    if (answer)
        qFatal("the handler ran inside execute()");
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 30000))
        qFatal("no answer");
    QTest::qWait(10);
    if (calls != 1)
        qFatal("the handler ran %d times", calls);
    return *answer;
}

QString kindOf(const CustomerIoResult& result)
{
    return result.error ? toString(result.error->kind) : QStringLiteral("ok");
}

TrackEvent invoicePaid()
{
    TrackEvent event;
    event.name = QStringLiteral("invoice_paid");
    event.ulid = QStringLiteral("01HZX3V0000000000000000000");
    event.timestamp = 1700000000;
    event.data = QJsonObject{{QStringLiteral("amount"), 1999}};
    return event;
}

} // namespace

class TestCustomerIoClient final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sendsEveryOperationAsBuilt_data();
    void sendsEveryOperationAsBuilt();
    void returnsTheAnswerOfALookup();
    void rateLimitedWithoutRetryAfter();
    void rateLimitedWithRetryAfter();
    void serverErrors_data();
    void serverErrors();
    void unauthorizedAndForbiddenPause();
    void wrongCredentialsAreRejected();
    void wrongDatacenter();
    void malformedErrorBodyIsKeptRaw();
    void timeoutAfterTheBodyLeftIsAmbiguous();
    void timeoutOfABodilessCallIsATimeout();
    void refusedConnectionIsANetworkError();
    void missingCredentialsAreNotSent();
    void excerptIsCapped();

private:
    std::unique_ptr<CustomerIoTestServer> m_server;
    std::unique_ptr<CustomerIoClient> m_client;
};

void TestCustomerIoClient::init()
{
    m_server = std::make_unique<CustomerIoTestServer>();
    QVERIFY(m_server->start());
    m_client = std::make_unique<CustomerIoClient>(endpointsFor(m_server->baseUrl()));
    m_client->setCredentials(testCredentials());
    m_client->setTimeout(std::chrono::milliseconds(5000));
}

void TestCustomerIoClient::cleanup()
{
    m_client.reset();
    m_server.reset();
}

void TestCustomerIoClient::sendsEveryOperationAsBuilt_data()
{
    QTest::addColumn<CustomerIoRequest>("request");
    IdentifyAttributes attributes;
    attributes.email = QStringLiteral("user+1@example.com");
    attributes.createdAt = 1700000000;
    attributes.updateOnly = true;
    QTest::newRow("identify") << requests::identify(QStringLiteral("user+1@example.com"), attributes);
    QTest::newRow("delete") << requests::deleteCustomer(QStringLiteral("cus 1/x"));
    QTest::newRow("event") << requests::trackEvent(QStringLiteral("émile@example.com"), invoicePaid());
    QTest::newRow("suppress") << requests::suppress(QStringLiteral("42"));
    QTest::newRow("unsuppress") << requests::unsuppress(QStringLiteral("42"));
    QTest::newRow("segment add") << requests::addToSegment(
        QStringLiteral("7"), {QStringLiteral("a@example.com")}, IdentifierType::Email);
    QTest::newRow("segment remove") << requests::removeFromSegment(QStringLiteral("7"),
                                                                   {QStringLiteral("42")});
    TransactionalEmail email;
    email.to = QStringLiteral("user@example.com");
    email.identifier = QStringLiteral("42");
    email.transactionalMessageId = QStringLiteral("invoice_paid");
    QTest::newRow("send email") << requests::sendEmail(email);
    QTest::newRow("trigger broadcast")
        << requests::triggerBroadcast(QStringLiteral("12"), QJsonObject{{QStringLiteral("a"), 1}});
    QTest::newRow("customers by email") << requests::customersByEmail(QStringLiteral("a+b&c@example.com"));
    QTest::newRow("broadcasts") << requests::listBroadcasts();
    QTest::newRow("transactional") << requests::listTransactionalMessages();
    QTest::newRow("segments") << requests::listSegments();
}

void TestCustomerIoClient::sendsEveryOperationAsBuilt()
{
    QFETCH(CustomerIoRequest, request);
    const CustomerIoResult result = run(*m_client, request);
    QCOMPARE(kindOf(result), QStringLiteral("ok"));
    QCOMPARE(result.httpStatus, 200);
    QVERIFY(result.duration.count() >= 0);
    QVERIFY(!result.body.isEmpty());

    QCOMPARE(m_server->requestCount(), 1);
    const CustomerIoTestServer::Request& received = m_server->requests().constFirst();
    QCOMPARE(received.method, request.verb);
    QCOMPARE(received.target, request.wireTarget());
    QCOMPARE(received.body, request.body);
    QCOMPARE(received.header("content-type"), QByteArray("application/json"));
    QCOMPARE(received.header("accept"), QByteArray("application/json"));
    QCOMPARE(received.header("user-agent"), CustomerIoClient::defaultUserAgent());
    if (request.hasBody())
        QCOMPARE(received.header("content-length"), QByteArray::number(request.body.size()));
    const QByteArray authorization = received.header("authorization");
    if (request.api == CustomerIoApi::Track) {
        const QByteArray credentials =
            QByteArray(CustomerIoTestServer::kDefaultSiteId) + ':' + CustomerIoTestServer::kDefaultTrackKey;
        QCOMPARE(authorization, "Basic " + credentials.toBase64());
    } else {
        QCOMPARE(authorization, "Bearer " + QByteArray(CustomerIoTestServer::kDefaultAppKey));
    }
}

void TestCustomerIoClient::returnsTheAnswerOfALookup()
{
    const CustomerIoResult result =
        run(*m_client, requests::customersByEmail(QStringLiteral("a@example.com")));
    QVERIFY(result.ok());
    QCOMPARE(QJsonDocument::fromJson(result.body).object().value(QLatin1String("results")).toArray().size(),
             0);
    QCOMPARE(m_server->requests().constFirst().queryValue(QStringLiteral("email")),
             QStringLiteral("a@example.com"));
}

void TestCustomerIoClient::rateLimitedWithoutRetryAfter()
{
    m_server->failNext(Fault::rateLimited());
    const CustomerIoResult result = run(*m_client, requests::trackEvent(QStringLiteral("42"), invoicePaid()));
    QCOMPARE(kindOf(result), toString(Kind::RateLimited));
    QCOMPARE(result.httpStatus, 429);
    QVERIFY(!result.error->retryAfter.has_value());
    QVERIFY(result.error->disposition() == CustomerIoDisposition::Retry);
}

void TestCustomerIoClient::rateLimitedWithRetryAfter()
{
    Fault fault = Fault::rateLimited();
    fault.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("7")));
    m_server->failNext(fault);
    CustomerIoResult result = run(*m_client, requests::suppress(QStringLiteral("42")));
    QCOMPARE(kindOf(result), toString(Kind::RateLimited));
    QVERIFY(result.error->retryAfter == std::chrono::seconds(7));

    // An HTTP-date is measured from the client's clock.
    const QDateTime now = QDateTime(QDate(2026, 11, 22), QTime(12, 0, 0), Qt::UTC);
    m_client->setClock([now] { return now; });
    Fault dated = Fault::rateLimited();
    dated.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("Sun, 22 Nov 2026 12:00:42 GMT")));
    m_server->failNext(dated);
    result = run(*m_client, requests::suppress(QStringLiteral("42")));
    QVERIFY(result.error->retryAfter == std::chrono::seconds(42));
}

void TestCustomerIoClient::serverErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("500") << 500;
    QTest::newRow("502") << 502;
    QTest::newRow("503") << 503;
}

void TestCustomerIoClient::serverErrors()
{
    QFETCH(int, status);
    m_server->failNext(Fault::serverError(status));
    const CustomerIoResult result = run(*m_client, requests::identify(QStringLiteral("42"), {}));
    QCOMPARE(kindOf(result), toString(Kind::ServerError));
    QCOMPARE(result.httpStatus, status);
    QVERIFY(result.error->rawExcerpt.contains("Internal Server Error"));
    QVERIFY(result.excerpt.contains("Internal Server Error"));
}

void TestCustomerIoClient::unauthorizedAndForbiddenPause()
{
    m_server->failNext(Fault::unauthorized());
    CustomerIoResult result = run(*m_client, requests::listSegments());
    QCOMPARE(kindOf(result), toString(Kind::Unauthorized));
    QCOMPARE(result.httpStatus, 401);
    QCOMPARE(result.error->messages, QStringList{QStringLiteral("Unauthorized request")});
    QVERIFY(result.error->disposition() == CustomerIoDisposition::Pause);

    m_server->failNext(Fault::forbidden());
    result = run(*m_client, requests::listSegments());
    QCOMPARE(kindOf(result), toString(Kind::Unauthorized));
    QCOMPARE(result.httpStatus, 403);
}

void TestCustomerIoClient::wrongCredentialsAreRejected()
{
    CustomerIoCredentials wrong = testCredentials();
    wrong.trackApiKey = QStringLiteral("not-the-key");
    wrong.appApiKey = QStringLiteral("not-the-key");
    m_client->setCredentials(wrong);
    QCOMPARE(kindOf(run(*m_client, requests::suppress(QStringLiteral("42")))), toString(Kind::Unauthorized));
    QCOMPARE(kindOf(run(*m_client, requests::listBroadcasts())), toString(Kind::Unauthorized));
}

void TestCustomerIoClient::wrongDatacenter()
{
    m_server->failNext(Fault::wrongDatacenter(Region::Eu));
    TransactionalEmail email;
    email.to = QStringLiteral("user@example.com");
    email.identifier = QStringLiteral("42");
    email.transactionalMessageId = 3;
    const CustomerIoResult result = run(*m_client, requests::sendEmail(email));
    QCOMPARE(kindOf(result), toString(Kind::WrongRegion));
    QCOMPARE(result.httpStatus, 301);
    QVERIFY(result.error->location.startsWith(QLatin1String("https://api-eu.customer.io")));
    // The redirect is not followed: only the one request reached the server.
    QCOMPARE(m_server->requestCount(), 1);
}

void TestCustomerIoClient::malformedErrorBodyIsKeptRaw()
{
    m_server->failNext(Fault{400, QByteArrayLiteral("{\"meta\":{\"errors\":[\"cut"), {}, false});
    const CustomerIoResult result = run(*m_client, requests::trackEvent(QStringLiteral("42"), invoicePaid()));
    QCOMPARE(kindOf(result), toString(Kind::BadRequest));
    QVERIFY(result.error->messages.isEmpty());
    QCOMPARE(result.error->rawExcerpt, QByteArray("{\"meta\":{\"errors\":[\"cut"));
    QVERIFY(result.error->disposition() == CustomerIoDisposition::Permanent);
}

void TestCustomerIoClient::timeoutAfterTheBodyLeftIsAmbiguous()
{
    m_client->setTimeout(std::chrono::milliseconds(300));
    m_server->failNext(Fault::silence());
    const CustomerIoResult result = run(*m_client, requests::trackEvent(QStringLiteral("42"), invoicePaid()));
    QCOMPARE(kindOf(result), toString(Kind::Ambiguous));
    QCOMPARE(result.httpStatus, 0);
    QVERIFY(result.duration >= std::chrono::milliseconds(250));
    QCOMPARE(m_server->requests().constFirst().body,
             requests::trackEvent(QStringLiteral("42"), invoicePaid()).body);
}

void TestCustomerIoClient::timeoutOfABodilessCallIsATimeout()
{
    m_client->setTimeout(std::chrono::milliseconds(300));
    m_server->failNext(Fault::silence());
    const CustomerIoResult result = run(*m_client, requests::deleteCustomer(QStringLiteral("42")));
    QCOMPARE(kindOf(result), toString(Kind::Timeout));
    QVERIFY(result.error->disposition() == CustomerIoDisposition::Retry);
}

void TestCustomerIoClient::refusedConnectionIsANetworkError()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    m_client->setEndpoints(endpointsFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))));
    const CustomerIoResult result = run(*m_client, requests::suppress(QStringLiteral("42")));
    QCOMPARE(kindOf(result), toString(Kind::Network));
    QCOMPARE(result.httpStatus, 0);
}

void TestCustomerIoClient::missingCredentialsAreNotSent()
{
    m_client->setCredentials({});
    QCOMPARE(kindOf(run(*m_client, requests::suppress(QStringLiteral("42")))), toString(Kind::NotSent));
    QCOMPARE(kindOf(run(*m_client, requests::listSegments())), toString(Kind::NotSent));
    QCOMPARE(m_server->requestCount(), 0);
}

void TestCustomerIoClient::excerptIsCapped()
{
    m_server->failNext(Fault{500, QByteArray(10'000, 'x'), {{"Content-Type", "text/plain"}}, false});
    const CustomerIoResult result = run(*m_client, requests::listSegments());
    QCOMPARE(result.body.size(), 10'000);
    QCOMPARE(result.excerpt.size(), CustomerIoClient::kStoredExcerptBytes);
}

QTEST_GUILESS_MAIN(TestCustomerIoClient)
#include "tst_customerioclient.moc"
