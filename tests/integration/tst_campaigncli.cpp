// `billbridge-cli campaign`: the catalog from a loopback App API, dry runs that print the exact requests,
// sends that queue jobs (once per command), and the errors for bad data files and missing pieces.

#include "customerio/customeriorequest.h"
#include "delivery/jobrequest.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/jobqueue.h"
#include "support/clirun.h"
#include "support/customeriotestserver.h"
#include "support/tempstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace billbridge;
using test::CliRun;
using test::CustomerIoTestServer;

namespace {

const QString kInes = QStringLiteral("cus_T3st5pFKTX3LE7");
const QString kMaren = QStringLiteral("cus_T3stAaIU7yYiYe");

} // namespace

class TestCampaignCli final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void listPrintsMessagesAndBroadcasts();
    void listAsJson();
    void listReportsRefusedKey();
    void listReportsRateLimit();
    void listReportsMalformedAnswer();
    void listWithoutAppKey();
    void dryRunPrintsExactRequests();
    void sendQueuesOneJobPerCustomer();
    void triggerQueuesOneJob();
    void sendWithoutYesOffTerminalRefuses();
    void badDataFiles_data();
    void badDataFiles();
    void dataFromStandardInput();
    void oversizedBroadcastDataIsRefused();
    void unknownAddressNeedsTo();

private:
    QHash<QString, QString> environment() const;
    CliRun campaign(QStringList arguments, const QByteArray& input = {});
    QString writeFile(const QString& name, const QByteArray& content);
    std::int64_t jobCount();

    QTemporaryDir m_home;
    QHash<QString, QString> m_environmentOverride; // applied over environment(); empty values unset
    std::unique_ptr<test::TempStore> m_store;
    std::unique_ptr<CustomerIoTestServer> m_server;
};

void TestCampaignCli::initTestCase()
{
    QVERIFY(m_home.isValid());
}

void TestCampaignCli::init()
{
    m_environmentOverride.clear();
    m_store = std::make_unique<test::TempStore>();
    QVERIFY(m_store->addAllFixtures().committed);
    m_store->stopWriter();
    m_server = std::make_unique<CustomerIoTestServer>();
    QVERIFY(m_server->start());
    m_server->setTransactionalListBody(
        R"({"messages":[{"id":7,"name":"Payment receipt","updated_at":1767225600},{"id":3,"name":"Card expiring"}]})");
    m_server->setBroadcastListBody(R"({"broadcasts":[{"id":12,"name":"Spring sale"}]})");
}

void TestCampaignCli::cleanup()
{
    m_server.reset();
    m_store.reset();
}

QHash<QString, QString> TestCampaignCli::environment() const
{
    return {
        {QStringLiteral("XDG_CONFIG_HOME"), m_home.path()},
        {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
         QStringLiteral("unix:path=") + m_home.filePath(QStringLiteral("no-bus"))},
        {QStringLiteral("DISPLAY"), QString()},
        {QStringLiteral("CUSTOMERIO_SITE_ID"), QString::fromLatin1(CustomerIoTestServer::kDefaultSiteId)},
        {QStringLiteral("CUSTOMERIO_TRACK_API_KEY"),
         QString::fromLatin1(CustomerIoTestServer::kDefaultTrackKey)},
        {QStringLiteral("CUSTOMERIO_APP_API_KEY"), QString::fromLatin1(CustomerIoTestServer::kDefaultAppKey)},
        {QStringLiteral("CUSTOMERIO_REGION"), QStringLiteral("us")},
        {QStringLiteral("BILLBRIDGE_CIO_TRACK_BASE"),
         m_server->baseUrl().toString() + QStringLiteral("/api/v1")},
        {QStringLiteral("BILLBRIDGE_CIO_APP_BASE"), m_server->baseUrl().toString() + QStringLiteral("/v1")}};
}

// Runs `billbridge-cli campaign <arguments> --db <store>` while this test's event loop keeps running, so that
// the test server in this process can answer it.
CliRun TestCampaignCli::campaign(QStringList arguments, const QByteArray& input)
{
    arguments.prepend(QStringLiteral("campaign"));
    arguments << QStringLiteral("--db") << m_store->path();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("BILLBRIDGE_DB"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path());
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    QHash<QString, QString> extra = environment();
    for (auto it = m_environmentOverride.begin(); it != m_environmentOverride.end(); ++it)
        extra.insert(it.key(), it.value());
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (it.value().isEmpty())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(BILLBRIDGE_CLI_PATH), arguments);
    CliRun result;
    if (!process.waitForStarted(10000)) {
        result.err = "billbridge-cli did not start: " + process.errorString().toUtf8();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 60000)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = "billbridge-cli did not finish: " + process.readAllStandardError();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString TestCampaignCli::writeFile(const QString& name, const QByteArray& content)
{
    const QString path = m_store->directory() + QLatin1Char('/') + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

std::int64_t TestCampaignCli::jobCount()
{
    store::JobQueue queue(store::Database::openForReading(m_store->path()));
    std::int64_t total = 0;
    for (const auto& [state, count] : queue.counts())
        total += count;
    return total;
}

void TestCampaignCli::listPrintsMessagesAndBroadcasts()
{
    const CliRun run = campaign({QStringLiteral("list")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.diagnostics()));
    const QString out = QString::fromUtf8(run.out);
    QVERIFY(out.contains(QLatin1String("Payment receipt")));
    QVERIFY(out.contains(QLatin1String("Card expiring")));
    QVERIFY(out.contains(QLatin1String("Spring sale")));
    QVERIFY(out.contains(QLatin1String("2026-01-01T00:00:00Z")));
    QVERIFY(!run.err.contains(CustomerIoTestServer::kDefaultAppKey));
    bool askedBoth = false;
    for (const auto& request : m_server->requests())
        askedBoth |= request.path == "/v1/transactional";
    QVERIFY(askedBoth);
}

void TestCampaignCli::listAsJson()
{
    const CliRun run = campaign({QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.diagnostics()));
    const QJsonObject object = QJsonDocument::fromJson(run.out).object();
    const QJsonArray messages = object.value(QLatin1String("transactional")).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).toObject().value(QLatin1String("id")).toString(), QStringLiteral("7"));
    QCOMPARE(
        object.value(QLatin1String("broadcasts")).toArray().at(0).toObject().value(QLatin1String("name")),
        QJsonValue(QStringLiteral("Spring sale")));
    QVERIFY(!object.contains(QLatin1String("errors")));
}

void TestCampaignCli::listReportsRefusedKey()
{
    m_server->failNext(CustomerIoTestServer::Fault::unauthorized(), 2);
    const CliRun run = campaign({QStringLiteral("list")});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("Connections"), qPrintable(run.diagnostics()));
    QVERIFY(!run.err.contains(CustomerIoTestServer::kDefaultAppKey));
}

void TestCampaignCli::listReportsRateLimit()
{
    m_server->failNext(CustomerIoTestServer::Fault::rateLimited(), 2);
    const CliRun run = campaign({QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("try again"), qPrintable(run.diagnostics()));
    QVERIFY(QJsonDocument::fromJson(run.out).object().contains(QLatin1String("errors")));
}

void TestCampaignCli::listReportsMalformedAnswer()
{
    m_server->setBroadcastListBody(R"({"broadcasts":[{"id":12,)");
    const CliRun run = campaign({QStringLiteral("list")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("broadcasts: ") && run.err.contains("could not be read"),
             qPrintable(run.diagnostics()));
    // The messages that did arrive are still listed.
    QVERIFY(run.out.contains("Payment receipt"));
}

void TestCampaignCli::listWithoutAppKey()
{
    m_environmentOverride.insert(QStringLiteral("CUSTOMERIO_APP_API_KEY"), QString());
    const CliRun run = campaign({QStringLiteral("list")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("CUSTOMERIO_APP_API_KEY"), qPrintable(run.diagnostics()));
    QCOMPARE(m_server->requestCount(), 0);
}

void TestCampaignCli::dryRunPrintsExactRequests()
{
    const QString data = writeFile(QStringLiteral("data.json"), R"({"coupon":"SPRING","percent":20})");
    const CliRun run =
        campaign({QStringLiteral("send"), QStringLiteral("--transactional"), QStringLiteral("7"),
                  QStringLiteral("--customer"), kInes, QStringLiteral("--customer"), kMaren,
                  QStringLiteral("--data"), data, QStringLiteral("--dry-run")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.diagnostics()));
    const QString out = QString::fromUtf8(run.out);
    QCOMPARE(out.count(QLatin1String("POST /v1/send/email")), 2);
    QVERIFY(out.contains(QLatin1String("\"to\": \"ines.carvalho@example.com\"")));
    QVERIFY(out.contains(QLatin1String("\"id\": \"") + kMaren + QLatin1Char('"')));
    QVERIFY(out.contains(QLatin1String("\"transactional_message_id\": 7")));
    QVERIFY(out.contains(QLatin1String("\"coupon\": \"SPRING\"")));
    QVERIFY(run.err.contains("nothing was queued"));
    QCOMPARE(jobCount(), std::int64_t(0));
    QCOMPARE(m_server->requestCount(), 0);
}

void TestCampaignCli::sendQueuesOneJobPerCustomer()
{
    const QString data = writeFile(QStringLiteral("data.json"), R"({"coupon":"SPRING"})");
    const CliRun run =
        campaign({QStringLiteral("send"), QStringLiteral("--transactional"), QStringLiteral("7"),
                  QStringLiteral("--customer"), kInes + QLatin1Char(',') + kMaren, QStringLiteral("--data"),
                  data, QStringLiteral("--yes")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.diagnostics()));
    QVERIFY(run.out.startsWith("Queued transactional message 7 to 2 customer"));
    QVERIFY(run.out.contains("job 1, 2"));
    QCOMPARE(jobCount(), std::int64_t(2));

    store::JobQueue queue(store::Database::openForReading(m_store->path()));
    const auto job = queue.find(2);
    QVERIFY(job);
    QCOMPARE(job->customerId, kMaren);
    QCOMPARE(job->operation, QStringLiteral("app.sendEmail"));
    QVERIFY(job->idempotencyKey.startsWith(QLatin1String("manual:")));
    QVERIFY(job->eventId.isEmpty());
    const auto request = delivery::requestOf(*job);
    QVERIFY(request);
    QVERIFY(request->body.contains(R"("to":"maren.holloway@example.com")"));

    const auto entries = store::AuditLog::open(m_store->path()).list();
    QCOMPARE(entries.size(), std::size_t(1));
    QCOMPARE(entries[0].action, QStringLiteral("campaign.send"));
    QCOMPARE(entries[0].details.value(QLatin1String("recipients")).toInt(), 2);

    // Each command is its own send: running it again queues again.
    const CliRun again =
        campaign({QStringLiteral("send"), QStringLiteral("--transactional"), QStringLiteral("7"),
                  QStringLiteral("--customer"), kInes, QStringLiteral("--yes")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.diagnostics()));
    QCOMPARE(jobCount(), std::int64_t(3));
}

void TestCampaignCli::triggerQueuesOneJob()
{
    const CliRun run =
        campaign({QStringLiteral("trigger"), QStringLiteral("--broadcast"), QStringLiteral("12"),
                  QStringLiteral("--customer"), kInes, QStringLiteral("--customer"),
                  QStringLiteral("cus_NotInStore"), QStringLiteral("--yes")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.diagnostics()));
    QCOMPARE(jobCount(), std::int64_t(1));
    store::JobQueue queue(store::Database::openForReading(m_store->path()));
    const auto request = delivery::requestOf(*queue.find(1));
    QCOMPARE(request->wireTarget(), QByteArray("/v1/campaigns/12/triggers"));
    QCOMPARE(request->body, QByteArray(R"({"ids":["cus_T3st5pFKTX3LE7","cus_NotInStore"]})"));
}

void TestCampaignCli::sendWithoutYesOffTerminalRefuses()
{
    const CliRun run = campaign({QStringLiteral("send"), QStringLiteral("--transactional"),
                                 QStringLiteral("7"), QStringLiteral("--customer"), kInes});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--yes"), qPrintable(run.diagnostics()));
    QCOMPARE(jobCount(), std::int64_t(0));
}

void TestCampaignCli::badDataFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << QByteArray("{\"coupon\": SPRING}") << QStringLiteral("not valid JSON");
    QTest::newRow("list") << QByteArray("[1,2]") << QStringLiteral("must be a JSON object");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not valid JSON");
}

void TestCampaignCli::badDataFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString data = writeFile(QStringLiteral("bad.json"), content);
    const CliRun run = campaign({QStringLiteral("send"), QStringLiteral("--transactional"),
                                 QStringLiteral("7"), QStringLiteral("--customer"), kInes,
                                 QStringLiteral("--data"), data, QStringLiteral("--yes")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(expected), qPrintable(run.diagnostics()));
    QCOMPARE(jobCount(), std::int64_t(0));

    const CliRun missing =
        campaign({QStringLiteral("send"), QStringLiteral("--transactional"), QStringLiteral("7"),
                  QStringLiteral("--customer"), kInes, QStringLiteral("--data"),
                  data + QStringLiteral(".missing"), QStringLiteral("--yes")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("cannot read the data file"), qPrintable(missing.diagnostics()));
}

void TestCampaignCli::dataFromStandardInput()
{
    const CliRun run =
        campaign({QStringLiteral("trigger"), QStringLiteral("--broadcast"), QStringLiteral("12"),
                  QStringLiteral("--data"), QStringLiteral("-"), QStringLiteral("--dry-run")},
                 R"({"headline":"New plans"})");
    QVERIFY2(run.exitCode == 0, qPrintable(run.diagnostics()));
    QVERIFY(run.out.contains("POST /v1/campaigns/12/triggers"));
    QVERIFY(run.out.contains("\"headline\": \"New plans\""));
}

void TestCampaignCli::oversizedBroadcastDataIsRefused()
{
    const QByteArray big =
        QJsonDocument(QJsonObject{{QStringLiteral("x"), QString(60'000, QLatin1Char('a'))}})
            .toJson(QJsonDocument::Compact);
    const QString data = writeFile(QStringLiteral("big.json"), big);
    const CliRun run =
        campaign({QStringLiteral("trigger"), QStringLiteral("--broadcast"), QStringLiteral("12"),
                  QStringLiteral("--data"), data, QStringLiteral("--yes")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("over Customer.io's limit of 50,000 bytes") ||
                 run.err.contains("over Customer.io's limit of 50000 bytes"),
             qPrintable(run.diagnostics()));
    QCOMPARE(jobCount(), std::int64_t(0));
}

void TestCampaignCli::unknownAddressNeedsTo()
{
    const CliRun run = campaign({QStringLiteral("send"), QStringLiteral("--transactional"),
                                 QStringLiteral("7"), QStringLiteral("--customer"),
                                 QStringLiteral("cus_NotInStore"), QStringLiteral("--dry-run")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("No email address is known for cus_NotInStore"), qPrintable(run.diagnostics()));

    const CliRun withTo =
        campaign({QStringLiteral("send"), QStringLiteral("--transactional"), QStringLiteral("7"),
                  QStringLiteral("--customer"), QStringLiteral("cus_NotInStore"), QStringLiteral("--to"),
                  QStringLiteral("ops@example.com"), QStringLiteral("--dry-run")});
    QVERIFY2(withTo.exitCode == 0, qPrintable(withTo.diagnostics()));
    QVERIFY(withTo.out.contains("\"to\": \"ops@example.com\""));
}

QTEST_GUILESS_MAIN(TestCampaignCli)
#include "tst_campaigncli.moc"
