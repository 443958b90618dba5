#include "stripe/eventpage.h"
#include "stripe/retrypolicy.h"
#include "stripe/stripeclient.h"
#include "stripe/stripeevent.h"
#include "support/stripetestserver.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace billbridge::stripe;
using billbridge::test::StripeTestServer;
using namespace std::chrono_literals;

namespace {

const QStringList kFixtures = {
    QStringLiteral("customer.created.json"), QStringLiteral("customer.subscription.created.json"),
    QStringLiteral("invoice.paid.json"), QStringLiteral("invoice.payment_failed.json")};

StripeApiConfig configFor(const StripeTestServer& server,
                          const QByteArray& key = StripeTestServer::kDefaultApiKey)
{
    return StripeApiConfig::resolve(QString::fromLatin1(key), server.baseUrl().toString());
}

std::optional<EventListResult> fetch(StripeClient& client, const EventListParams& params,
                                     int timeoutMs = 10000)
{
    std::optional<EventListResult> result;
    client.listEvents(params, [&result](const EventListResult& answer) { result = answer; });
    static_cast<void>(QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs));
    return result;
}

} // namespace

namespace QTest {
template <>
char* toString(const std::optional<bool>& value)
{
    return qstrdup(!value ? "(absent)" : *value ? "true" : "false");
}
} // namespace QTest

class TestStripeClient final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void configDefaults();
    void configPrecedence();
    void configValidation_data();
    void configValidation();

    void requestMatchesOfficialClient();
    void wildcardTypeAndEndingBefore();
    void parametersCheckedBeforeSending_data();
    void parametersCheckedBeforeSending();
    void answersNeverArriveSynchronously();

    void pageKeepsEventBytes();
    void paginationBackwardsAndForwards();
    void sliceOnlyTopLevelData();
    void unreadableListsAreRejected_data();
    void unreadableListsAreRejected();

    void keyRejected();
    void serverDemandsBearerKey();
    void serverRetrievesAndRejectsUnknownPaths();
    void generatedEventsAreReadable();
    void permissionDenied();
    void rateLimited_data();
    void rateLimited();
    void serverError();
    void malformedJson();
    void timeout();
    void connectionRefused();
    void connectionDropped();
    void responseSizeCap();
    void unknownCursor();
    void abortAll();

    void credentialsAccepted();
    void credentialsRejected();

    void retryDecisions_data();
    void retryDecisions();
    void retryBackoffGrowsAndHonoursRetryAfter();

private:
    QTemporaryDir m_settingsDir;
    StripeTestServer m_server;
};

void TestStripeClient::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_stripeclient"));
    qunsetenv("BILLBRIDGE_STRIPE_API_BASE");
    QVERIFY(m_server.start());
}

void TestStripeClient::init()
{
    m_server.clearEvents();
    m_server.clearFaults();
    m_server.clearRequests();
    m_server.setApiKey(StripeTestServer::kDefaultApiKey);
    for (const QString& name : kFixtures)
        QVERIFY(m_server.addEvent(StripeTestServer::readDataFile(QStringLiteral("stripe-api/") + name)));
}

void TestStripeClient::configDefaults()
{
    const StripeApiConfig config =
        StripeApiConfig::resolve(QStringLiteral(" sk_test_51BbValidLookingKey000000000001 "));
    QCOMPARE(config.baseUrl, QUrl(QStringLiteral("https://api.stripe.com")));
    QCOMPARE(config.apiKey, QStringLiteral("sk_test_51BbValidLookingKey000000000001"));
    QCOMPARE(config.timeout, 30s);
    QCOMPARE(config.userAgent, QByteArray("Billbridge/" BILLBRIDGE_VERSION));
    QCOMPARE(QByteArray(kStripeApiVersion), QByteArray("2026-07-29.dahlia"));
    QVERIFY(config.validate().isEmpty());
}

void TestStripeClient::configPrecedence()
{
    QSettings().setValue(QStringLiteral("stripe/apiBase"), QStringLiteral("https://settings.example.test/"));
    QCOMPARE(StripeApiConfig::resolve(QStringLiteral("sk_test_x")).baseUrl,
             QUrl(QStringLiteral("https://settings.example.test")));

    qputenv("BILLBRIDGE_STRIPE_API_BASE", "http://127.0.0.1:9");
    const StripeApiConfig fromEnvironment = StripeApiConfig::resolve(QStringLiteral("sk_test_x"));
    QCOMPARE(fromEnvironment.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:9")));
    QCOMPARE(fromEnvironment.baseUrlSource, QStringLiteral("BILLBRIDGE_STRIPE_API_BASE"));

    const StripeApiConfig explicitBase = StripeApiConfig::resolve(
        QStringLiteral("sk_test_x"), QStringLiteral("https://explicit.example.test"));
    QCOMPARE(explicitBase.baseUrl, QUrl(QStringLiteral("https://explicit.example.test")));

    qunsetenv("BILLBRIDGE_STRIPE_API_BASE");
    QSettings().remove(QStringLiteral("stripe/apiBase"));
    QCOMPARE(StripeApiConfig::resolve(QStringLiteral("sk_test_x")).baseUrl,
             QUrl(QStringLiteral("https://api.stripe.com")));
}

void TestStripeClient::configValidation_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("complaint");
    const QString key = QStringLiteral("sk_test_51BbValidLookingKey000000000001");
    QTest::newRow("ok https") << "rk_"
                                 "live_51BbValidLookingKey000000000001"
                              << "https://api.stripe.com" << QString();
    QTest::newRow("ok loopback http") << key << "http://localhost:8080" << QString();
    QTest::newRow("plain http elsewhere") << key << "http://api.example.test"
                                          << "unencrypted";
    QTest::newRow("not a url") << key << "::nonsense"
                               << "not a URL";
    QTest::newRow("ftp") << key << "ftp://api.example.test"
                         << "https://";
    QTest::newRow("no key") << ""
                            << "https://api.stripe.com"
                            << "no Stripe API key";
    QTest::newRow("publishable") << "pk_test_51BbValidLookingKey000000000001"
                                 << "https://api.stripe.com"
                                 << "publishable";
    QTest::newRow("webhook secret") << "whsec_BbValidLookingSecret0000000000001"
                                    << "https://api.stripe.com"
                                    << "webhook signing secret";
    QTest::newRow("cut off") << "sk_test_51Bb"
                             << "https://api.stripe.com"
                             << "too short";
}

void TestStripeClient::configValidation()
{
    QFETCH(QString, key);
    QFETCH(QString, base);
    QFETCH(QString, complaint);
    const QString problem = StripeApiConfig::resolve(key, base).validate();
    if (complaint.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(complaint), qPrintable(problem));
}

void TestStripeClient::requestMatchesOfficialClient()
{
    StripeClient client(configFor(m_server));
    EventListParams params;
    params.createdGte = 1786000000;
    params.createdLt = 1797000000;
    QVERIFY(params.setTypeFilter({QStringLiteral("invoice.paid"), QStringLiteral(" invoice.payment_failed ")})
                .isEmpty());
    const auto result = fetch(client, params);
    QVERIFY(result && result->ok());
    QCOMPARE(result->page->ids, (std::vector<QString>{QStringLiteral("evt_1RbFxA04PaymentFailedQQ"),
                                                      QStringLiteral("evt_1RbFxA03InvoicePaidQQQQ")}));

    QCOMPARE(m_server.requestCount(), 1);
    const StripeTestServer::Request& sent = m_server.requests().first();
    QCOMPARE(sent.method, QByteArray("GET"));
    QCOMPARE(sent.target,
             QByteArray("/v1/events?created[gte]=1786000000&created[lt]=1797000000&types[0]=invoice.paid&"
                        "types[1]=invoice.payment_failed&limit=100"));
    QCOMPARE(sent.header("authorization"), QByteArray("Bearer ") + StripeTestServer::kDefaultApiKey);
    QCOMPARE(sent.header("stripe-version"), QByteArray("2026-07-29.dahlia"));
    QCOMPARE(sent.header("user-agent"), QByteArray("Billbridge/" BILLBRIDGE_VERSION));
    QCOMPARE(sent.header("accept"), QByteArray("application/json"));
    QVERIFY(sent.header("idempotency-key").isEmpty());
    QVERIFY(!result->requestId.isEmpty());
}

void TestStripeClient::wildcardTypeAndEndingBefore()
{
    StripeClient client(configFor(m_server));
    EventListParams params;
    params.endingBefore = QStringLiteral("evt_1RbFxA01CustomerCreatedQ");
    QVERIFY(params.setTypeFilter({QStringLiteral("invoice.*")}).isEmpty());
    const auto result = fetch(client, params);
    QVERIFY(result && result->ok());
    QCOMPARE(result->page->events.size(), std::size_t(2));
    QCOMPARE(m_server.requests().first().target,
             QByteArray("/v1/events?type=invoice.%2A&ending_before=evt_1RbFxA01CustomerCreatedQ&limit=100"));
}

void TestStripeClient::parametersCheckedBeforeSending_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("bothCursors");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QString>("complaint");
    QStringList many;
    for (int i = 0; i < 21; ++i)
        many << QStringLiteral("invoice.type_%1").arg(i);
    QTest::newRow("limit 0") << 0 << false << QStringList() << "limit";
    QTest::newRow("limit 101") << 101 << false << QStringList() << "limit";
    QTest::newRow("two cursors") << 10 << true << QStringList() << "starting_after";
    QTest::newRow("21 types") << 10 << false << many << "at most 20";
    QTest::newRow("pattern among names")
        << 10 << false << QStringList{QStringLiteral("invoice.*"), QStringLiteral("charge.failed")}
        << "pattern";
    QTest::newRow("not a name") << 10 << false << QStringList{QStringLiteral("Invoice Paid")}
                                << "not an event name";
}

void TestStripeClient::parametersCheckedBeforeSending()
{
    QFETCH(int, limit);
    QFETCH(bool, bothCursors);
    QFETCH(QStringList, types);
    QFETCH(QString, complaint);
    EventListParams params;
    params.limit = limit;
    if (bothCursors) {
        params.startingAfter = QStringLiteral("evt_a");
        params.endingBefore = QStringLiteral("evt_b");
    }
    params.types = types;
    if (types.join(QString()).contains(QLatin1Char('*'))) {
        // A mix cannot even be put into the parameters.
        QVERIFY(params.setTypeFilter(types).contains(complaint));
        QVERIFY(params.types.isEmpty() && params.type.isEmpty());
        return;
    }
    StripeClient client(configFor(m_server));
    const auto result = fetch(client, params);
    QVERIFY(result && !result->ok());
    QCOMPARE(toString(result->error->kind), toString(StripeErrorKind::InvalidRequest));
    QVERIFY2(result->error->summary().contains(complaint), qPrintable(result->error->summary()));
    QCOMPARE(m_server.requestCount(), 0);
}

void TestStripeClient::answersNeverArriveSynchronously()
{
    StripeClient client(configFor(m_server));
    bool answered = false;
    EventListParams params;
    params.limit = 0;
    client.listEvents(params, [&answered](const EventListResult&) { answered = true; });
    QVERIFY(!answered);
    QTRY_VERIFY(answered);
}

void TestStripeClient::pageKeepsEventBytes()
{
    StripeClient client(configFor(m_server));
    EventListParams params;
    const auto result = fetch(client, params);
    QVERIFY(result && result->ok());
    const EventPage& page = *result->page;
    QCOMPARE(page.events.size(), std::size_t(4));
    QVERIFY(!page.hasMore);
    // Newest first; each element byte-identical to the file it came from.
    for (std::size_t i = 0; i < page.events.size(); ++i) {
        const QByteArray expected =
            StripeTestServer::readDataFile(QStringLiteral("stripe-api/") + kFixtures[3 - static_cast<int>(i)])
                .trimmed();
        QCOMPARE(page.events[i], expected);
        const StripeEventParse parsed = parseStripeEvent(page.events[i]);
        QVERIFY(parsed.fields);
        QCOMPARE(parsed.fields->id, page.ids[i]);
        QCOMPARE(parsed.fields->customerId, QStringLiteral("cus_RbFxCedric0001"));
    }
    QCOMPARE(page.newestId(), QStringLiteral("evt_1RbFxA04PaymentFailedQQ"));
    QCOMPARE(page.oldestId(), QStringLiteral("evt_1RbFxA01CustomerCreatedQ"));
}

void TestStripeClient::paginationBackwardsAndForwards()
{
    m_server.clearEvents();
    for (int i = 0; i < 25; ++i)
        m_server.addEvent(
            StripeTestServer::makeEvent(QStringLiteral("evt_page%1").arg(i, 3, 10, QLatin1Char('0')),
                                        QStringLiteral("invoice.paid"), 1790000000 + i));
    StripeClient client(configFor(m_server));

    QStringList backwards;
    std::vector<bool> hasMore;
    EventListParams params;
    params.limit = 10;
    for (;;) {
        const auto result = fetch(client, params);
        QVERIFY(result && result->ok());
        for (const QString& id : result->page->ids)
            backwards << id;
        hasMore.push_back(result->page->hasMore);
        if (!result->page->hasMore)
            break;
        params.startingAfter = result->page->oldestId();
    }
    QCOMPARE(backwards, m_server.eventIds());
    QCOMPARE(hasMore, (std::vector<bool>{true, true, false}));

    // Forward from the oldest: ending_before with the newest id of each page.
    QStringList forwards;
    EventListParams forward;
    forward.limit = 10;
    forward.endingBefore = QStringLiteral("evt_page000");
    int pages = 0;
    for (;;) {
        const auto result = fetch(client, forward);
        QVERIFY(result && result->ok());
        ++pages;
        QStringList page;
        for (const QString& id : result->page->ids)
            page.prepend(id);
        forwards << page;
        if (!result->page->hasMore)
            break;
        forward.endingBefore = result->page->newestId();
    }
    QCOMPARE(pages, 3);
    QStringList expected = m_server.eventIds();
    std::reverse(expected.begin(), expected.end());
    expected.removeFirst();
    QCOMPARE(forwards, expected);
}

void TestStripeClient::sliceOnlyTopLevelData()
{
    const QByteArray body =
        "{\"url\":\"/v1/events\",\"has_more\":true,\"object\":\"list\",\"data\":[ "
        "{\"id\":\"evt_1\",\"data\":[1,{\"x\":\"]},\\\"\"}]} ,\n{\"id\":\"evt_2\",\"s\":\"\\\\\"}]}";
    const EventPageParse parsed = parseEventPage(body);
    QVERIFY2(parsed.page, qPrintable(parsed.error));
    QCOMPARE(parsed.page->events.size(), std::size_t(2));
    QCOMPARE(parsed.page->events[0], QByteArray("{\"id\":\"evt_1\",\"data\":[1,{\"x\":\"]},\\\"\"}]}"));
    QCOMPARE(parsed.page->events[1], QByteArray("{\"id\":\"evt_2\",\"s\":\"\\\\\"}"));
    QVERIFY(parsed.page->hasMore);
}

void TestStripeClient::unreadableListsAreRejected_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("truncated") << QByteArray("{\"object\":\"list\",\"data\":[");
    QTest::newRow("not a list") << QByteArray("{\"object\":\"event\",\"id\":\"evt_1\"}");
    QTest::newRow("no has_more") << QByteArray("{\"object\":\"list\",\"data\":[]}");
    QTest::newRow("element without id")
        << QByteArray("{\"object\":\"list\",\"has_more\":false,\"data\":[{}]}");
}

void TestStripeClient::unreadableListsAreRejected()
{
    QFETCH(QByteArray, body);
    const EventPageParse parsed = parseEventPage(body);
    QVERIFY(!parsed.page);
    QVERIFY(!parsed.error.isEmpty());
}

void TestStripeClient::keyRejected()
{
    const QByteArray wrongKey = "sk_test_51WrongKeyWrongKeyWrongKey9876";
    StripeClient client(configFor(m_server, wrongKey));
    const auto result = fetch(client, EventListParams());
    QVERIFY(result && !result->ok());
    QCOMPARE(toString(result->error->kind), toString(StripeErrorKind::KeyRejected));
    QCOMPARE(result->error->httpStatus, 401);
    QVERIFY(result->error->message.contains(QStringLiteral("Invalid API Key provided: sk_test_****9876")));
    QVERIFY(result->error->summary().contains(QStringLiteral("rejected the API key")));
    QVERIFY(!result->error->summary().contains(QString::fromLatin1(wrongKey)));
    QVERIFY(result->error->isCredentialProblem());
}

void TestStripeClient::serverDemandsBearerKey()
{
    QNetworkAccessManager network;
    QUrl url = m_server.baseUrl();
    url.setPath(QStringLiteral("/v1/events"));
    QNetworkReply* reply = network.get(QNetworkRequest(url));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    const StripeError error = StripeError::fromHttp(401, reply->readAll(), {}, {}, {});
    QVERIFY(error.message.contains(QStringLiteral("Bearer")));
    reply->deleteLater();
}

void TestStripeClient::serverRetrievesAndRejectsUnknownPaths()
{
    QNetworkAccessManager network;
    const auto get = [&](const QString& path) {
        QUrl url = m_server.baseUrl();
        url.setPath(path);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", QByteArray("Bearer ") + StripeTestServer::kDefaultApiKey);
        QNetworkReply* reply = network.get(request);
        static_cast<void>(QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000));
        reply->deleteLater();
        return std::make_pair(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                              reply->readAll());
    };
    const auto [found, body] = get(QStringLiteral("/v1/events/evt_1RbFxA03InvoicePaidQQQQ"));
    QCOMPARE(found, 200);
    QCOMPARE(body.trimmed(),
             StripeTestServer::readDataFile(QStringLiteral("stripe-api/invoice.paid.json")).trimmed());
    const auto [missing, missingBody] = get(QStringLiteral("/v1/events/evt_1Nope"));
    QCOMPARE(missing, 404);
    QCOMPARE(StripeError::fromHttp(404, missingBody, {}, {}, {}).code, QStringLiteral("resource_missing"));
    const auto [unknown, unknownBody] = get(QStringLiteral("/v1/nothing_here"));
    QCOMPARE(unknown, 404);
    QVERIFY(StripeError::fromHttp(404, unknownBody, {}, {}, {})
                .message.startsWith(QStringLiteral("Unrecognized request URL (GET: /v1/nothing_here)")));
}

void TestStripeClient::generatedEventsAreReadable()
{
    const StripeEventParse customer = parseStripeEvent(
        StripeTestServer::makeEvent(QStringLiteral("evt_1Gen"), QStringLiteral("customer.updated"),
                                    1790000000, QStringLiteral("cus_Gen1")));
    QVERIFY2(customer.fields, qPrintable(customer.error));
    QCOMPARE(customer.fields->objectType, QStringLiteral("customer"));
    QCOMPARE(customer.fields->customerId, QStringLiteral("cus_Gen1"));
    const StripeEventParse subscription = parseStripeEvent(StripeTestServer::makeEvent(
        QStringLiteral("evt_2Gen"), QStringLiteral("customer.subscription.deleted"), 1790000001,
        QStringLiteral("cus_Gen2"), true));
    QVERIFY2(subscription.fields, qPrintable(subscription.error));
    QCOMPARE(subscription.fields->objectType, QStringLiteral("subscription"));
    QCOMPARE(subscription.fields->objectId, QStringLiteral("sub_2Gen"));
    QCOMPARE(subscription.fields->customerId, QStringLiteral("cus_Gen2"));
    QCOMPARE(subscription.fields->created, 1790000001);
    QVERIFY(subscription.fields->livemode);
}

void TestStripeClient::permissionDenied()
{
    m_server.setApiKey("rk_test_51RestrictedKeyWithoutEvents4321");
    m_server.failNext(StripeTestServer::Fault::permissionDenied());
    StripeClient client(configFor(m_server, "rk_test_51RestrictedKeyWithoutEvents4321"));
    const auto result = fetch(client, EventListParams());
    QVERIFY(result && !result->ok());
    QCOMPARE(toString(result->error->kind), toString(StripeErrorKind::PermissionDenied));
    QCOMPARE(result->error->httpStatus, 403);
    QVERIFY(result->error->summary().contains(QStringLiteral("rak_event_read")));
    QVERIFY(result->error->summary().contains(QStringLiteral("lacks a permission")));
}

void TestStripeClient::rateLimited_data()
{
    QTest::addColumn<std::optional<bool>>("shouldRetry");
    QTest::addColumn<std::optional<int>>("retryAfter");
    QTest::newRow("bare") << std::optional<bool>() << std::optional<int>();
    QTest::newRow("should retry") << std::optional<bool>(true) << std::optional<int>(2);
    QTest::newRow("should not retry") << std::optional<bool>(false) << std::optional<int>();
}

void TestStripeClient::rateLimited()
{
    QFETCH(std::optional<bool>, shouldRetry);
    QFETCH(std::optional<int>, retryAfter);
    m_server.failNext(StripeTestServer::Fault::rateLimited(shouldRetry, retryAfter));
    StripeClient client(configFor(m_server));
    const auto result = fetch(client, EventListParams());
    QVERIFY(result && !result->ok());
    QCOMPARE(toString(result->error->kind), toString(StripeErrorKind::RateLimited));
    QCOMPARE(result->error->code, QStringLiteral("rate_limit"));
    QCOMPARE(result->error->shouldRetry, shouldRetry);
    QCOMPARE(result->error->retryAfter.has_value(), retryAfter.has_value());
    if (retryAfter)
        QCOMPARE(result->error->retryAfter->count(), *retryAfter);
}

void TestStripeClient::serverError()
{
    m_server.failNext(StripeTestServer::Fault::serverError(503, false));
    StripeClient client(configFor(m_server));
    const auto result = fetch(client, EventListParams());
    QVERIFY(result && !result->ok());
    QCOMPARE(toString(result->error->kind), toString(StripeErrorKind::Server));
    QCOMPARE(result->error->httpStatus, 503);
    QCOMPARE(result->error->shouldRetry, std::optional<bool>(false));
    // The next request is served normally again.
    const auto next = fetch(client, EventListParams());
    QVERIFY(next && next->ok());
}

void TestStripeClient::malformedJson()
{
    m_server.failNext(StripeTestServer::Fault::malformedJson());
    StripeClient client(configFor(m_server));
    const auto result = fetch(client, EventListParams());
    QVERIFY(result && !result->ok());
    QCOMPARE(toString(result->error->kind), toString(StripeErrorKind::BadResponse));
    QVERIFY(result->error->summary().contains(QStringLiteral("malformed JSON")));
}

void TestStripeClient::timeout()
{
    m_server.failNext(StripeTestServer::Fault::delayed(3s));
    StripeApiConfig config = configFor(m_server);
    config.timeout = 300ms;
    StripeClient client(config);
    QElapsedTimer clock;
    clock.start();
    const auto result = fetch(client, EventListParams());
    QVERIFY(result && !result->ok());
    QCOMPARE(toString(result->error->kind), toString(StripeErrorKind::Timeout));
    QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(result->error->summary().contains(QStringLiteral("0.3 s")));
}

void TestStripeClient::connectionRefused()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    StripeClient client(StripeApiConfig::resolve(QString::fromLatin1(StripeTestServer::kDefaultApiKey),
                                                 QStringLiteral("http://127.0.0.1:%1").arg(closedPort)));
    const auto result = fetch(client, EventListParams());
    QVERIFY(result && !result->ok());
    QCOMPARE(toString(result->error->kind), toString(StripeErrorKind::Network));
    QCOMPARE(result->error->httpStatus, 0);
    QVERIFY(result->error->summary().contains(QStringLiteral("could not be reached")));
}

void TestStripeClient::connectionDropped()
{
    // Qt resends a request once by itself when a connection closes before any answer byte.
    m_server.failNext(StripeTestServer::Fault::connectionDropped(), 5);
    StripeClient client(configFor(m_server));
    const auto result = fetch(client, EventListParams());
    QVERIFY(result && !result->ok());
    QCOMPARE(toString(result->error->kind), toString(StripeErrorKind::Network));
}

void TestStripeClient::responseSizeCap()
{
    StripeApiConfig config = configFor(m_server);
    config.maxResponseBytes = 1024;
    StripeClient client(config);
    const auto result = fetch(client, EventListParams());
    QVERIFY(result && !result->ok());
    QCOMPARE(toString(result->error->kind), toString(StripeErrorKind::BadResponse));
    QVERIFY(result->error->summary().contains(QStringLiteral("larger than")));
}

void TestStripeClient::unknownCursor()
{
    StripeClient client(configFor(m_server));
    EventListParams params;
    params.startingAfter = QStringLiteral("evt_1NeverExisted");
    const auto result = fetch(client, params);
    QVERIFY(result && !result->ok());
    QCOMPARE(toString(result->error->kind), toString(StripeErrorKind::InvalidRequest));
    QCOMPARE(result->error->httpStatus, 400);
    QCOMPARE(result->error->code, QStringLiteral("resource_missing"));
    QCOMPARE(result->error->param, QStringLiteral("starting_after"));
    QVERIFY(result->error->isMissingCursor());

    m_server.failNext(StripeTestServer::Fault::cursorGone());
    params.startingAfter.clear();
    params.endingBefore = QStringLiteral("evt_1RbFxA01CustomerCreatedQ");
    const auto forgotten = fetch(client, params);
    QVERIFY(forgotten && !forgotten->ok());
    QVERIFY(forgotten->error->isMissingCursor());
    QCOMPARE(forgotten->error->param, QStringLiteral("ending_before"));
}

void TestStripeClient::abortAll()
{
    m_server.failNext(StripeTestServer::Fault::delayed(5s));
    StripeClient client(configFor(m_server));
    std::optional<EventListResult> result;
    client.listEvents(EventListParams(), [&result](const EventListResult& answer) { result = answer; });
    QTRY_COMPARE(m_server.requestCount(), 1);
    QCOMPARE(client.requestsInFlight(), 1);
    client.abortAll();
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 2000);
    QCOMPARE(toString(result->error->kind), toString(StripeErrorKind::Aborted));
    QCOMPARE(client.requestsInFlight(), 0);
}

void TestStripeClient::credentialsAccepted()
{
    m_server.setApiKey("rk_test_51RestrictedKeyReadsEvents0001");
    StripeClient client(configFor(m_server, "rk_test_51RestrictedKeyReadsEvents0001"));
    std::optional<CredentialCheck> check;
    client.checkCredentials([&check](const CredentialCheck& answer) { check = answer; });
    QTRY_VERIFY(check.has_value());
    QVERIFY(check->accepted);
    QVERIFY(check->key.mode == KeyMode::Test);
    QVERIFY(check->key.kind == KeyKind::RestrictedKey);
    QCOMPARE(
        check->verdict,
        QStringLiteral("Stripe accepted the restricted key rk_test_…0001 (test mode); it can read events."));
    QVERIFY(m_server.requests().first().target.endsWith("?limit=1"));
}

void TestStripeClient::credentialsRejected()
{
    StripeClient client(configFor(m_server, "sk_"
                                            "live_51NotTheRightKeyAtAll00000000"));
    std::optional<CredentialCheck> check;
    client.checkCredentials([&check](const CredentialCheck& answer) { check = answer; });
    QTRY_VERIFY(check.has_value());
    QVERIFY(!check->accepted);
    QVERIFY(check->key.mode == KeyMode::Live);
    QCOMPARE(toString(check->error->kind), toString(StripeErrorKind::KeyRejected));
    QVERIFY(check->verdict.contains(QStringLiteral("rejected the API key")));
}

void TestStripeClient::retryDecisions_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<std::optional<bool>>("shouldRetry");
    QTest::addColumn<int>("attemptsMade");
    QTest::addColumn<bool>("retry");
    const std::optional<bool> absent;
    QTest::newRow("401") << int(StripeErrorKind::KeyRejected) << 401 << absent << 1 << false;
    QTest::newRow("403") << int(StripeErrorKind::PermissionDenied) << 403 << absent << 1 << false;
    QTest::newRow("400") << int(StripeErrorKind::InvalidRequest) << 400 << absent << 1 << false;
    QTest::newRow("429") << int(StripeErrorKind::RateLimited) << 429 << absent << 1 << true;
    QTest::newRow("429 should retry")
        << int(StripeErrorKind::RateLimited) << 429 << std::optional<bool>(true) << 1 << true;
    QTest::newRow("429 should not retry")
        << int(StripeErrorKind::RateLimited) << 429 << std::optional<bool>(false) << 1 << false;
    QTest::newRow("500") << int(StripeErrorKind::Server) << 500 << absent << 1 << true;
    QTest::newRow("500 should not retry")
        << int(StripeErrorKind::Server) << 500 << std::optional<bool>(false) << 1 << false;
    QTest::newRow("timeout") << int(StripeErrorKind::Timeout) << 0 << absent << 2 << true;
    QTest::newRow("network") << int(StripeErrorKind::Network) << 0 << absent << 3 << true;
    QTest::newRow("malformed") << int(StripeErrorKind::BadResponse) << 200 << absent << 1 << true;
    QTest::newRow("out of attempts") << int(StripeErrorKind::Server) << 502 << absent << 4 << false;
    QTest::newRow("aborted") << int(StripeErrorKind::Aborted) << 0 << absent << 1 << false;
}

void TestStripeClient::retryDecisions()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(std::optional<bool>, shouldRetry);
    QFETCH(int, attemptsMade);
    QFETCH(bool, retry);
    StripeError error;
    error.kind = static_cast<StripeErrorKind>(kind);
    error.httpStatus = status;
    error.shouldRetry = shouldRetry;
    const RetryPolicy policy(4, 100ms, 1s);
    const RetryPolicy::Decision decision = policy.decide(error, attemptsMade);
    QCOMPARE(decision.retry, retry);
    QVERIFY(!decision.reason.isEmpty());
    if (retry) {
        QVERIFY(decision.delay >= 50ms);
        QVERIFY(decision.delay <= 1s);
    }
}

void TestStripeClient::retryBackoffGrowsAndHonoursRetryAfter()
{
    RetryPolicy policy(10, 100ms, 1000ms);
    policy.setRandomSource([] { return 1.0; });
    QCOMPARE(policy.backoff(1), 100ms);
    QCOMPARE(policy.backoff(2), 200ms);
    QCOMPARE(policy.backoff(3), 400ms);
    QCOMPARE(policy.backoff(5), 1000ms);
    QCOMPARE(policy.backoff(40), 1000ms);
    policy.setRandomSource([] { return 0.0; });
    QCOMPARE(policy.backoff(2), 100ms); // jitter keeps at least half

    StripeError limited;
    limited.kind = StripeErrorKind::RateLimited;
    limited.retryAfter = 30s; // longer than maxDelay: capped
    QCOMPARE(policy.decide(limited, 1).delay, 1000ms);
    RetryPolicy patient(10, 10ms, 60s);
    patient.setRandomSource([] { return 0.0; });
    limited.retryAfter = 2s;
    QCOMPARE(patient.decide(limited, 1).delay, 2000ms);
}

QTEST_GUILESS_MAIN(TestStripeClient)
#include "tst_stripeclient.moc"
