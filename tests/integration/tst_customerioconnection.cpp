#include "customerio/connectioncheck.h"
#include "customerio/customerioregion.h"
#include "support/customeriotestserver.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace billbridge;
using customerio::CustomerIoCheckResult;
using customerio::CustomerIoConnectionCheck;
using customerio::CustomerIoEndpoints;
using customerio::Region;
using test::CustomerIoTestServer;
using Verdict = CustomerIoCheckResult::Verdict;

Q_DECLARE_METATYPE(CustomerIoTestServer::Fault)

namespace {

const QString kSiteId = QString::fromLatin1(CustomerIoTestServer::kDefaultSiteId);
const QString kTrackKey = QString::fromLatin1(CustomerIoTestServer::kDefaultTrackKey);
const QString kAppKey = QString::fromLatin1(CustomerIoTestServer::kDefaultAppKey);

// Runs one check to its end; the handler must not run inside the call that started it.
template <typename Start>
CustomerIoCheckResult await(Start start)
{
    std::optional<CustomerIoCheckResult> answer;
    int calls = 0;
    start([&answer, &calls](const CustomerIoCheckResult& result) {
        ++calls;
        answer = result;
    });
    if (answer)
        qFatal("the handler ran inside the call");
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 30000))
        qFatal("no answer");
    QTest::qWait(20);
    if (calls != 1)
        qFatal("the handler ran %d times", calls);
    return *answer;
}

CustomerIoCheckResult checkTrack(CustomerIoConnectionCheck& check, Region region,
                                 const QString& siteId = kSiteId, const QString& key = kTrackKey)
{
    return await([&](CustomerIoConnectionCheck::Handler done) {
        check.checkTrack(siteId, key, region, std::move(done));
    });
}

CustomerIoCheckResult checkApp(CustomerIoConnectionCheck& check, Region region, const QString& key = kAppKey)
{
    return await(
        [&](CustomerIoConnectionCheck::Handler done) { check.checkApp(key, region, std::move(done)); });
}

} // namespace

class TestCustomerIoConnection final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void regionsParseAndPrint();
    void regionalHostsByDefault();
    void overridesFollowTheStripeOrder();
    void plainHttpOnlyToLoopback();

    void trackAccepted();
    void trackRejected();
    void trackWrongRegion();
    void trackRedirectNamesTheRegion();
    void appAccepted();
    void appRejected();
    void appPermissionMissing();
    void appWrongDatacenter();
    void failures_data();
    void failures();
    void timeout();
    void connectionRefused();
    void missingCredentialsAreNotSent();
    void destroyingDropsTheHandler();

private:
    void startServer(CustomerIoTestServer& server, CustomerIoConnectionCheck& check);

    QTemporaryDir m_config;
};

void TestCustomerIoConnection::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    qunsetenv(CustomerIoEndpoints::kTrackBaseEnvironment);
    qunsetenv(CustomerIoEndpoints::kAppBaseEnvironment);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_customerioconnection"));
}

void TestCustomerIoConnection::init()
{
    QSettings().clear();
    qunsetenv(CustomerIoEndpoints::kTrackBaseEnvironment);
    qunsetenv(CustomerIoEndpoints::kAppBaseEnvironment);
}

void TestCustomerIoConnection::startServer(CustomerIoTestServer& server, CustomerIoConnectionCheck& check)
{
    QVERIFY(server.start());
    check.setBaseOverrides(server.baseUrl().toString(), server.baseUrl().toString());
}

void TestCustomerIoConnection::regionsParseAndPrint()
{
    QVERIFY(customerio::parseRegion(QStringLiteral(" EU ")) == Region::Eu);
    QVERIFY(customerio::parseRegion(QStringLiteral("us")) == Region::Us);
    QVERIFY(!customerio::parseRegion(QStringLiteral("ap")));
    QVERIFY(!customerio::parseRegion(QString()));
    QCOMPARE(customerio::toString(Region::Eu), QStringLiteral("eu"));
    QCOMPARE(customerio::toString(Region::Us), QStringLiteral("us"));
    QCOMPARE(customerio::shortName(Region::Eu), QStringLiteral("EU"));
    QVERIFY(customerio::otherRegion(Region::Us) == Region::Eu);
}

void TestCustomerIoConnection::regionalHostsByDefault()
{
    const CustomerIoEndpoints us = CustomerIoEndpoints::resolve(Region::Us);
    QCOMPARE(us.trackBase.toString(), QStringLiteral("https://track.customer.io/api/v1"));
    QCOMPARE(us.appBase.toString(), QStringLiteral("https://api.customer.io/v1"));
    QVERIFY(!us.trackOverridden);
    const CustomerIoEndpoints eu = CustomerIoEndpoints::resolve(Region::Eu);
    QCOMPARE(eu.trackBase.toString(), QStringLiteral("https://track-eu.customer.io/api/v1"));
    QCOMPARE(eu.appBase.toString(), QStringLiteral("https://api-eu.customer.io/v1"));
    QCOMPARE(eu.trackUrl(QStringLiteral("/accounts/region")).toString(),
             QStringLiteral("https://track-eu.customer.io/api/v1/accounts/region"));
    QCOMPARE(eu.appUrl(QStringLiteral("workspaces")).toString(),
             QStringLiteral("https://api-eu.customer.io/v1/workspaces"));
    QVERIFY(eu.validateTrack().isEmpty());
    QVERIFY(eu.validateApp().isEmpty());
}

void TestCustomerIoConnection::overridesFollowTheStripeOrder()
{
    QSettings().setValue(QLatin1String(CustomerIoEndpoints::kTrackBaseSetting),
                         QStringLiteral("https://settings.example/"));
    QSettings().setValue(QLatin1String(CustomerIoEndpoints::kAppBaseSetting),
                         QStringLiteral("https://settings.example/v1"));
    CustomerIoEndpoints endpoints = CustomerIoEndpoints::resolve(Region::Eu);
    QCOMPARE(endpoints.trackBase.toString(), QStringLiteral("https://settings.example/api/v1"));
    QCOMPARE(endpoints.appBase.toString(), QStringLiteral("https://settings.example/v1"));
    QVERIFY(endpoints.trackOverridden);

    qputenv(CustomerIoEndpoints::kTrackBaseEnvironment, "https://environment.example/api/v1");
    endpoints = CustomerIoEndpoints::resolve(Region::Eu);
    QCOMPARE(endpoints.trackBase.toString(), QStringLiteral("https://environment.example/api/v1"));
    QCOMPARE(endpoints.trackSource, QString::fromLatin1(CustomerIoEndpoints::kTrackBaseEnvironment));
    QCOMPARE(endpoints.appBase.toString(), QStringLiteral("https://settings.example/v1"));

    endpoints = CustomerIoEndpoints::resolve(Region::Eu, QStringLiteral("https://explicit.example"),
                                             QStringLiteral("https://explicit.example"));
    QCOMPARE(endpoints.trackBase.toString(), QStringLiteral("https://explicit.example/api/v1"));
    QCOMPARE(endpoints.appBase.toString(), QStringLiteral("https://explicit.example/v1"));
}

void TestCustomerIoConnection::plainHttpOnlyToLoopback()
{
    const CustomerIoEndpoints remote = CustomerIoEndpoints::resolve(
        Region::Us, QStringLiteral("http://proxy.example"), QStringLiteral("http://proxy.example"));
    QVERIFY(remote.validateTrack().contains(QLatin1String("unencrypted")));
    QVERIFY(remote.validateApp().contains(QLatin1String("unencrypted")));
    for (const char* base : {"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"}) {
        const CustomerIoEndpoints local =
            CustomerIoEndpoints::resolve(Region::Us, QLatin1String(base), QLatin1String(base));
        QVERIFY2(local.validateTrack().isEmpty(), base);
    }

    CustomerIoConnectionCheck check;
    check.setBaseOverrides(QStringLiteral("http://proxy.example"), QStringLiteral("http://proxy.example"));
    const CustomerIoCheckResult track = checkTrack(check, Region::Us);
    QCOMPARE(toString(track.verdict), toString(Verdict::NotSent));
    QCOMPARE(check.requestsInFlight(), 0);
    QCOMPARE(toString(checkApp(check, Region::Us).verdict), toString(Verdict::NotSent));
}

void TestCustomerIoConnection::trackAccepted()
{
    CustomerIoTestServer server;
    CustomerIoConnectionCheck check;
    startServer(server, check);
    const CustomerIoCheckResult result = checkTrack(check, Region::Us);
    QCOMPARE(toString(result.verdict), toString(Verdict::Accepted));
    QVERIFY(result.accepted());
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.detectedRegion, QStringLiteral("us"));
    QCOMPARE(result.workspace, QString::number(CustomerIoTestServer::kDefaultEnvironmentId));
    QVERIFY2(result.message.contains(QLatin1String("US region")), qPrintable(result.message));

    QCOMPARE(server.requestCount(), 1);
    const CustomerIoTestServer::Request& request = server.requests().at(0);
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/api/v1/accounts/region"));
    const QByteArray credentials = QByteArray(CustomerIoTestServer::kDefaultSiteId) + ':' +
                                   QByteArray(CustomerIoTestServer::kDefaultTrackKey);
    QCOMPARE(request.header("Authorization"), "Basic " + credentials.toBase64());
    QCOMPARE(request.header("User-Agent"), CustomerIoConnectionCheck::defaultUserAgent());
    QVERIFY(request.header("User-Agent").startsWith("Billbridge/"));
    QCOMPARE(request.header("Accept"), QByteArray("application/json"));
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(!request.target.contains(CustomerIoTestServer::kDefaultTrackKey));
    QVERIFY(!request.target.contains(CustomerIoTestServer::kDefaultSiteId));
}

void TestCustomerIoConnection::trackRejected()
{
    CustomerIoTestServer server;
    CustomerIoConnectionCheck check;
    startServer(server, check);
    const CustomerIoCheckResult result = checkTrack(check, Region::Us, kSiteId, QStringLiteral("wrongkey"));
    QCOMPARE(toString(result.verdict), toString(Verdict::CredentialsRejected));
    QCOMPARE(result.httpStatus, 401);
    QVERIFY2(result.message.contains(QLatin1String("site ID or the Track API key is wrong")),
             qPrintable(result.message));
    QVERIFY(!result.message.contains(QLatin1String("wrongkey")));
}

void TestCustomerIoConnection::trackWrongRegion()
{
    CustomerIoTestServer server;
    server.setRegion(Region::Eu);
    CustomerIoConnectionCheck check;
    startServer(server, check);
    const CustomerIoCheckResult result = checkTrack(check, Region::Us);
    QCOMPARE(toString(result.verdict), toString(Verdict::WrongRegion));
    QCOMPARE(result.detectedRegion, QStringLiteral("eu"));
    QCOMPARE(result.httpStatus, 200);
    QVERIFY2(result.message.contains(QLatin1String("this workspace is in the EU region: choose EU")),
             qPrintable(result.message));

    // The same workspace checked with the right region is accepted.
    QCOMPARE(toString(checkTrack(check, Region::Eu).verdict), toString(Verdict::Accepted));
}

void TestCustomerIoConnection::trackRedirectNamesTheRegion()
{
    CustomerIoTestServer server;
    CustomerIoConnectionCheck check;
    startServer(server, check);
    CustomerIoTestServer::Fault redirect;
    redirect.status = 301;
    redirect.headers = {{"Location", "https://track-eu.customer.io/api/v1/accounts/region"}};
    server.failNext(redirect);
    const CustomerIoCheckResult result = checkTrack(check, Region::Us);
    QCOMPARE(toString(result.verdict), toString(Verdict::WrongRegion));
    QCOMPARE(result.detectedRegion, QStringLiteral("eu"));
    QCOMPARE(server.requestCount(), 1); // not followed
}

void TestCustomerIoConnection::appAccepted()
{
    CustomerIoTestServer server;
    CustomerIoConnectionCheck check;
    startServer(server, check);
    const CustomerIoCheckResult result = checkApp(check, Region::Us);
    QCOMPARE(toString(result.verdict), toString(Verdict::Accepted));
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.workspace, QString::fromLatin1(CustomerIoTestServer::kDefaultWorkspaceName));
    QVERIFY2(result.message.contains(QLatin1String(CustomerIoTestServer::kDefaultWorkspaceName)),
             qPrintable(result.message));

    QCOMPARE(server.requestCount(), 1);
    const CustomerIoTestServer::Request& request = server.requests().at(0);
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/v1/workspaces"));
    QCOMPARE(request.header("Authorization"), "Bearer " + QByteArray(CustomerIoTestServer::kDefaultAppKey));
    QCOMPARE(request.header("User-Agent"), CustomerIoConnectionCheck::defaultUserAgent());
    QCOMPARE(request.header("Accept"), QByteArray("application/json"));
    QVERIFY(!request.target.contains(CustomerIoTestServer::kDefaultAppKey));
}

void TestCustomerIoConnection::appRejected()
{
    CustomerIoTestServer server;
    CustomerIoConnectionCheck check;
    startServer(server, check);
    // A Track key where the App key belongs: the classic mix-up (reference §11.11).
    const CustomerIoCheckResult result = checkApp(check, Region::Us, kTrackKey);
    QCOMPARE(toString(result.verdict), toString(Verdict::CredentialsRejected));
    QCOMPARE(result.httpStatus, 401);
    QVERIFY2(result.message.contains(QLatin1String("rejected the App API key")), qPrintable(result.message));
}

void TestCustomerIoConnection::appPermissionMissing()
{
    CustomerIoTestServer server;
    CustomerIoConnectionCheck check;
    startServer(server, check);
    server.failNext(CustomerIoTestServer::Fault::forbidden());
    const CustomerIoCheckResult result = checkApp(check, Region::Us);
    QCOMPARE(toString(result.verdict), toString(Verdict::PermissionMissing));
    QCOMPARE(result.httpStatus, 403);
    QVERIFY2(result.message.contains(QLatin1String("lacks permission")), qPrintable(result.message));
}

void TestCustomerIoConnection::appWrongDatacenter()
{
    CustomerIoTestServer server;
    server.setRegion(Region::Eu);
    server.setServedRegion(Region::Us);
    CustomerIoConnectionCheck check;
    startServer(server, check);
    const CustomerIoCheckResult result = checkApp(check, Region::Us);
    QCOMPARE(toString(result.verdict), toString(Verdict::WrongRegion));
    QCOMPARE(result.httpStatus, 301);
    QCOMPARE(result.detectedRegion, QStringLiteral("eu"));
    QVERIFY2(result.message.contains(QLatin1String("EU region")), qPrintable(result.message));
    QVERIFY2(result.message.contains(QLatin1String("choose EU")), qPrintable(result.message));
    QCOMPARE(server.requestCount(), 1); // the redirect is not followed with the key

    // The body alone is enough, without a Location header.
    CustomerIoTestServer::Fault bare = CustomerIoTestServer::Fault::wrongDatacenter(Region::Us);
    bare.headers.clear();
    server.failNext(bare);
    const CustomerIoCheckResult fromEu = checkApp(check, Region::Eu);
    QCOMPARE(toString(fromEu.verdict), toString(Verdict::WrongRegion));
    QCOMPARE(fromEu.detectedRegion, QStringLiteral("us"));
}

void TestCustomerIoConnection::failures_data()
{
    QTest::addColumn<bool>("track");
    QTest::addColumn<CustomerIoTestServer::Fault>("fault");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("wording");

    using Fault = CustomerIoTestServer::Fault;
    const auto add = [](const char* name, bool track, const Fault& fault, Verdict verdict, int status,
                        const char* wording) {
        QTest::newRow(name) << track << fault << static_cast<int>(verdict) << status
                            << QString::fromUtf8(wording);
    };
    add("track 401", true, Fault::unauthorized(), Verdict::CredentialsRejected, 401, "Track credentials");
    add("track 429", true, Fault::rateLimited(), Verdict::RateLimited, 429, "Wait a minute");
    add("track 500", true, Fault::serverError(500), Verdict::ServiceError, 500, "internal problem");
    add("track 503", true, Fault::serverError(503), Verdict::ServiceError, 503, "HTTP 503");
    add("track malformed", true, Fault::malformedJson(), Verdict::UnexpectedAnswer, 200, "workspace region");
    add("track 404", true, Fault{404, "{\"meta\":{\"error\":\"no such route\"}}", {}, false},
        Verdict::UnexpectedAnswer, 404, "no such route");
    add("app 401", false, Fault::unauthorized(), Verdict::CredentialsRejected, 401, "App API key");
    add("app 403", false, Fault::forbidden(), Verdict::PermissionMissing, 403, "does not have permission");
    add("app 429", false, Fault::rateLimited(), Verdict::RateLimited, 429, "HTTP 429");
    add("app 502", false, Fault::serverError(502), Verdict::ServiceError, 502, "status.customer.io");
    add("app malformed", false, Fault::malformedJson(), Verdict::UnexpectedAnswer, 200, "not JSON");
    add("app 302 elsewhere", false, Fault{302, {}, {{"Location", "https://login.example/"}}, false},
        Verdict::UnexpectedAnswer, 302, "redirect");
}

void TestCustomerIoConnection::failures()
{
    QFETCH(bool, track);
    QFETCH(CustomerIoTestServer::Fault, fault);
    QFETCH(int, verdict);
    QFETCH(int, status);
    QFETCH(QString, wording);
    CustomerIoTestServer server;
    CustomerIoConnectionCheck check;
    startServer(server, check);
    server.failNext(fault);
    const CustomerIoCheckResult result = track ? checkTrack(check, Region::Us) : checkApp(check, Region::Us);
    QCOMPARE(toString(result.verdict), toString(static_cast<Verdict>(verdict)));
    QCOMPARE(result.httpStatus, status);
    QVERIFY2(result.message.contains(wording), qPrintable(result.message));
    QCOMPARE(server.requestCount(), 1);
}

void TestCustomerIoConnection::timeout()
{
    CustomerIoTestServer server;
    CustomerIoConnectionCheck check;
    QCOMPARE(check.timeout(), std::chrono::milliseconds(15'000));
    startServer(server, check);
    check.setTimeout(std::chrono::milliseconds(300));
    server.failNext(CustomerIoTestServer::Fault::silence(), 2);
    QElapsedTimer clock;
    clock.start();
    const CustomerIoCheckResult track = checkTrack(check, Region::Us);
    QCOMPARE(toString(track.verdict), toString(Verdict::TimedOut));
    QVERIFY2(track.message.contains(QLatin1String("did not answer within 0.3 seconds")),
             qPrintable(track.message));
    QCOMPARE(toString(checkApp(check, Region::Us).verdict), toString(Verdict::TimedOut));
    QVERIFY(clock.elapsed() < 5000);
    QCOMPARE(check.requestsInFlight(), 0);
}

void TestCustomerIoConnection::connectionRefused()
{
    // A port that was just free and is closed again: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    CustomerIoConnectionCheck check;
    check.setBaseOverrides(base, base);
    const CustomerIoCheckResult track = checkTrack(check, Region::Us);
    QCOMPARE(toString(track.verdict), toString(Verdict::Unreachable));
    QCOMPARE(track.httpStatus, 0);
    QVERIFY2(track.message.contains(QLatin1String("could not be reached")), qPrintable(track.message));
    QCOMPARE(toString(checkApp(check, Region::Eu).verdict), toString(Verdict::Unreachable));
}

void TestCustomerIoConnection::missingCredentialsAreNotSent()
{
    CustomerIoTestServer server;
    CustomerIoConnectionCheck check;
    startServer(server, check);
    QCOMPARE(toString(checkTrack(check, Region::Us, QString(), kTrackKey).verdict),
             toString(Verdict::NotSent));
    QCOMPARE(toString(checkTrack(check, Region::Us, kSiteId, QStringLiteral("  ")).verdict),
             toString(Verdict::NotSent));
    QCOMPARE(toString(checkApp(check, Region::Us, QString()).verdict), toString(Verdict::NotSent));
    QCOMPARE(server.requestCount(), 0);
}

void TestCustomerIoConnection::destroyingDropsTheHandler()
{
    CustomerIoTestServer server;
    QVERIFY(server.start());
    server.failNext(CustomerIoTestServer::Fault::silence());
    int calls = 0;
    {
        CustomerIoConnectionCheck check;
        check.setBaseOverrides(server.baseUrl().toString(), server.baseUrl().toString());
        check.checkTrack(kSiteId, kTrackKey, Region::Us, [&calls](const CustomerIoCheckResult&) { ++calls; });
        QTRY_COMPARE(server.requestCount(), 1);
        QCOMPARE(check.requestsInFlight(), 1);
    }
    QTest::qWait(100);
    QCOMPARE(calls, 0);

    CustomerIoConnectionCheck check;
    check.setBaseOverrides(server.baseUrl().toString(), server.baseUrl().toString());
    server.failNext(CustomerIoTestServer::Fault::silence());
    std::optional<CustomerIoCheckResult> answer;
    check.checkApp(kAppKey, Region::Us, [&answer](const CustomerIoCheckResult& result) { answer = result; });
    QTRY_COMPARE(server.requestCount(), 2);
    check.abortAll();
    QTRY_VERIFY(answer.has_value());
    QCOMPARE(toString(answer->verdict), toString(Verdict::Cancelled));
}

QTEST_GUILESS_MAIN(TestCustomerIoConnection)
#include "tst_customerioconnection.moc"
