// `billbridge-cli queue …`, run as the real binary against a real store filled through JobQueue, and
// `queue work` against the local Customer.io stand-in.

#include "customerio/customeriorequest.h"
#include "customerio/ulid.h"
#include "delivery/jobrequest.h"
#include "store/auditlog.h"
#include "store/jobqueue.h"
#include "support/clirun.h"
#include "support/customeriotestserver.h"
#include "support/fixtures.h"
#include "support/textfiles.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

namespace billbridge::test {

namespace {

constexpr char kMarenEmail[] = "maren.holloway@example.com";
constexpr char kInesEmail[] = "ines.carvalho@example.com";

// The ids of a store seeded with one job in each interesting state.
struct Seeded {
    std::int64_t pendingIdentify = 0; // carries kMarenEmail in its body
    std::int64_t succeededTrack = 0;
    std::int64_t deadEmail = 0; // to kInesEmail, one failed attempt
    std::int64_t needsReviewEmail = 0;
    std::int64_t deadTrack = 0; // error class http_4xx
    std::int64_t pendingTrack = 0;
};

customerio::CustomerIoRequest identifyRequest(const QString& customer, const QString& email)
{
    customerio::IdentifyAttributes attributes;
    attributes.email = email;
    attributes.createdAt = 1760000000;
    return customerio::requests::identify(customer, attributes);
}

customerio::CustomerIoRequest trackRequest(const QString& customer, const QString& name, const QString& ulid)
{
    customerio::TrackEvent event;
    event.name = name;
    event.ulid = ulid;
    event.timestamp = 1760000100;
    event.data = QJsonObject{{QStringLiteral("amount"), 4200}};
    return customerio::requests::trackEvent(customer, event);
}

customerio::CustomerIoRequest emailRequest(const QString& customer, const QString& to)
{
    customerio::TransactionalEmail email;
    email.to = to;
    email.identifier = customer;
    email.transactionalMessageId = 7;
    email.messageData = QJsonObject{{QStringLiteral("invoice"), QStringLiteral("in_1")}};
    return customerio::requests::sendEmail(email);
}

QJsonObject parseObject(const QByteArray& line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return {};
    return document.object();
}

} // namespace

class TestQueueCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(QStringLiteral(BILLBRIDGE_CLI_PATH)).isExecutable(), BILLBRIDGE_CLI_PATH);
        QVERIFY(m_home.isValid());
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("billbridge.sqlite"));
        m_seeded = seed();
    }

    void statsCountsEveryState()
    {
        const CliRun result = queue({QStringLiteral("stats")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.contains("queue            running"));
        QVERIFY(result.out.contains("pending          2"));
        QVERIFY(result.out.contains("dead             2"));
        QVERIFY(result.out.contains("needs_review     1"));
        QVERIFY(result.out.contains("succeeded        1"));
        QVERIFY(result.out.contains("total            6"));

        const CliRun json = queue({QStringLiteral("stats"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.diagnostics()));
        const QJsonObject root = parseObject(json.out.trimmed());
        QCOMPARE(root.value(QLatin1String("total")).toInt(), 6);
        QCOMPARE(root.value(QLatin1String("paused")).toBool(), false);
        const QJsonObject counts = root.value(QLatin1String("counts")).toObject();
        QCOMPARE(counts.value(QLatin1String("dead")).toInt(), 2);
        QCOMPARE(counts.value(QLatin1String("in_flight")).toInt(), 0);
        QCOMPARE(counts.value(QLatin1String("discarded")).toInt(), 0);
    }

    void statsOnAMissingStoreIsAStoreError()
    {
        const CliRun result =
            runCli({QStringLiteral("queue"), QStringLiteral("stats"), QStringLiteral("--db"),
                    m_dir->filePath(QStringLiteral("nothing-here.sqlite"))},
                   m_home.path(), baseEnvironment());
        QCOMPARE(result.exitCode, 5);

        // An operator action on a mistyped path reports it instead of creating an empty store there.
        const QString missing = m_dir->filePath(QStringLiteral("typo.sqlite"));
        const CliRun pause =
            runCli({QStringLiteral("queue"), QStringLiteral("pause"), QStringLiteral("--db"), missing},
                   m_home.path(), baseEnvironment());
        QCOMPARE(pause.exitCode, 5);
        QVERIFY(pause.err.contains("there is no store at"));
        QVERIFY(!QFileInfo::exists(missing));
    }

    void listTableMasksEmailsAndShowsNoCredentials()
    {
        const CliRun result = queue({QStringLiteral("list")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        const QList<QByteArray> lines = result.lines();
        QCOMPARE(lines.size(), 7); // header and six jobs
        QVERIFY(lines.first().startsWith("     ID"));
        QVERIFY2(!result.out.contains(kMarenEmail), result.out.constData());
        QVERIFY2(!result.out.contains(kInesEmail), result.out.constData());
        QVERIFY(!result.out.contains("maren.holloway%40example.com"));
        QVERIFY(result.out.contains("m***@e***.com"));
        QVERIFY(result.out.contains("PUT /api/v1/customers/cus_maren"));
        QVERIFY(result.out.contains("POST /v1/send/email"));
        QVERIFY(!result.out.contains(CustomerIoTestServer::kDefaultTrackKey));
        QVERIFY(!result.out.toLower().contains("authorization"));
    }

    void listJsonLinesWithFilters()
    {
        const CliRun all = queue({QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(all.exitCode == 0, qPrintable(all.diagnostics()));
        QCOMPARE(all.lines().size(), 6);
        for (const QByteArray& line : all.lines()) {
            const QJsonObject job = parseObject(line);
            QVERIFY2(!job.isEmpty(), line.constData());
            QVERIFY(job.value(QLatin1String("request")).toObject().contains(QLatin1String("method")));
        }

        const CliRun dead = queue({QStringLiteral("list"), QStringLiteral("--json"),
                                   QStringLiteral("--state"), QStringLiteral("dead")});
        QVERIFY2(dead.exitCode == 0, qPrintable(dead.diagnostics()));
        QSet<qint64> ids;
        for (const QByteArray& line : dead.lines())
            ids.insert(parseObject(line).value(QLatin1String("id")).toInteger());
        QCOMPARE(ids, (QSet<qint64>{m_seeded.deadEmail, m_seeded.deadTrack}));

        const CliRun narrowed = queue({QStringLiteral("list"), QStringLiteral("--json"),
                                       QStringLiteral("--state"), QStringLiteral("dead,needs_review"),
                                       QStringLiteral("--operation"), QStringLiteral("app.sendEmail")});
        QCOMPARE(narrowed.lines().size(), 2);

        const CliRun byError = queue({QStringLiteral("list"), QStringLiteral("--json"),
                                      QStringLiteral("--error-class"), QStringLiteral("http_4xx")});
        QCOMPARE(byError.lines().size(), 1);
        QCOMPARE(parseObject(byError.lines().first()).value(QLatin1String("id")).toInteger(),
                 m_seeded.deadTrack);

        const CliRun byCustomer = queue({QStringLiteral("list"), QStringLiteral("--json"),
                                         QStringLiteral("--customer"), QStringLiteral("cus_maren")});
        QCOMPARE(byCustomer.lines().size(), 1);

        const CliRun limited = queue({QStringLiteral("list"), QStringLiteral("--json"),
                                      QStringLiteral("--limit"), QStringLiteral("2")});
        QCOMPARE(limited.lines().size(), 2);

        const CliRun future = queue({QStringLiteral("list"), QStringLiteral("--json"),
                                     QStringLiteral("--since"), QStringLiteral("2099-01-01")});
        QCOMPARE(future.exitCode, 0);
        QCOMPARE(future.lines().size(), 0);
    }

    void listRejectsBadInput()
    {
        const CliRun state =
            queue({QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("stuck")});
        QCOMPARE(state.exitCode, 2);
        QVERIFY(state.err.contains("'stuck' is not a job state"));
        QVERIFY(state.err.contains("needs_review"));
        const CliRun limit = queue({QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("0")});
        QCOMPARE(limit.exitCode, 2);
        const CliRun since =
            queue({QStringLiteral("list"), QStringLiteral("--since"), QStringLiteral("soon")});
        QCOMPARE(since.exitCode, 2);
        const CliRun operation =
            queue({QStringLiteral("list"), QStringLiteral("--operation"), QStringLiteral("identify")});
        QCOMPARE(operation.exitCode, 2);
        const CliRun unknown = queue({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
    }

    void showPrintsTheExactRequestAndEveryAttempt()
    {
        const CliRun result = queue({QStringLiteral("show"), QString::number(m_seeded.deadEmail)});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.contains("app.sendEmail (App API)"));
        QVERIFY(result.out.contains("state            dead"));
        QVERIFY(result.out.contains("  POST /v1/send/email"));
        // Pretty-printed body: one member per line.
        QVERIFY2(result.out.contains(QByteArray(QByteArray("\"to\": \"") + kInesEmail + "\"")),
                 result.out.constData());
        QVERIFY(result.out.contains("#1"));
        QVERIFY(result.out.contains("HTTP 500"));
        QVERIFY(result.out.contains("http_5xx"));
        QVERIFY(!result.out.toLower().contains("bearer"));
        QVERIFY(!result.out.contains(CustomerIoTestServer::kDefaultAppKey));

        const CliRun json =
            queue({QStringLiteral("show"), QString::number(m_seeded.deadEmail), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.diagnostics()));
        const QJsonObject job = parseObject(json.out.trimmed());
        QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("dead"));
        const QJsonObject request = job.value(QLatin1String("request")).toObject();
        QCOMPARE(request.value(QLatin1String("target")).toString(), QStringLiteral("/v1/send/email"));
        QCOMPARE(request.value(QLatin1String("body")).toString().toUtf8(),
                 emailRequest(QStringLiteral("cus_ines"), QString::fromLatin1(kInesEmail)).body);
        const QJsonArray attempts = job.value(QLatin1String("attempt_log")).toArray();
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.first().toObject().value(QLatin1String("http_status")).toInt(), 500);

        const CliRun track = queue({QStringLiteral("show"), QString::number(m_seeded.succeededTrack)});
        QVERIFY(
            track.out.contains(QByteArray("event id (Customer.io drops repeats): " + m_trackUlid.toUtf8())));
        QVERIFY(track.out.contains("attempts: none yet"));
    }

    void showRejectsUnknownAndMalformedIds()
    {
        const CliRun unknown = queue({QStringLiteral("show"), QStringLiteral("9999")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains("no job 9999"));
        const CliRun malformed = queue({QStringLiteral("show"), QStringLiteral("abc")});
        QCOMPARE(malformed.exitCode, 2);
        QVERIFY(malformed.err.contains("'abc' is not a job id"));
        const CliRun none = queue({QStringLiteral("show")});
        QCOMPARE(none.exitCode, 2);
    }

    void retryByIdMovesOnlyRetryableJobs()
    {
        const CliRun result = queue({QStringLiteral("retry"), QString::number(m_seeded.deadEmail),
                                     QString::number(m_seeded.succeededTrack), QStringLiteral("9999")},
                                    {{QStringLiteral("USER"), QStringLiteral("ops-grace")}});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("job %1 is succeeded and was not retried")
                                         .arg(m_seeded.succeededTrack)
                                         .toUtf8()),
                 result.err.constData());
        QVERIFY(result.err.contains("no job 9999"));
        QVERIFY(result.err.contains("1 of 3 jobs will be sent again"));
        store::JobQueue jobs = store::JobQueue::open(m_path);
        const auto email = jobs.find(m_seeded.deadEmail);
        QCOMPARE(store::jobStateName(email->state), QStringLiteral("pending"));
        QCOMPARE(email->attempts, 1); // kept
        QCOMPARE(store::jobStateName(jobs.find(m_seeded.succeededTrack)->state), QStringLiteral("succeeded"));

        const auto entries = store::AuditLog::open(m_path).list();
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries.front().action, QStringLiteral("queue.retry"));
        QCOMPARE(entries.front().actor, QStringLiteral("ops-grace"));

        const CliRun nothing = queue({QStringLiteral("retry")});
        QCOMPARE(nothing.exitCode, 2);
    }

    void retryByFilterWithDryRun()
    {
        const CliRun dryRun =
            queue({QStringLiteral("retry"), QStringLiteral("--filter"), QStringLiteral("--state"),
                   QStringLiteral("dead"), QStringLiteral("--dry-run")});
        QVERIFY2(dryRun.exitCode == 0, qPrintable(dryRun.diagnostics()));
        QVERIFY(dryRun.err.contains("2 jobs would be sent again"));
        QCOMPARE(dryRun.lines().size(), 2);
        QVERIFY(dryRun.out.contains("POST /v1/send/email"));
        QCOMPARE(store::JobQueue::open(m_path).counts().at(store::JobState::Dead), 2);

        const CliRun narrowed =
            queue({QStringLiteral("retry"), QStringLiteral("--filter"), QStringLiteral("--state"),
                   QStringLiteral("dead"), QStringLiteral("--operation"), QStringLiteral("track.track")});
        QVERIFY2(narrowed.exitCode == 0, qPrintable(narrowed.diagnostics()));
        QVERIFY(narrowed.err.contains("1 job will be sent again"));
        store::JobQueue jobs = store::JobQueue::open(m_path);
        QCOMPARE(store::jobStateName(jobs.find(m_seeded.deadTrack)->state), QStringLiteral("pending"));
        QCOMPARE(store::jobStateName(jobs.find(m_seeded.deadEmail)->state), QStringLiteral("dead"));
        QCOMPARE(store::AuditLog::open(m_path).list().front().action, QStringLiteral("queue.retry"));

        const CliRun pending = queue({QStringLiteral("retry"), QStringLiteral("--filter"),
                                      QStringLiteral("--state"), QStringLiteral("pending")});
        QCOMPARE(pending.exitCode, 2);
        QVERIFY(pending.err.contains("cannot be retried"));
        const CliRun noState = queue({QStringLiteral("retry"), QStringLiteral("--filter")});
        QCOMPARE(noState.exitCode, 2);
        const CliRun both = queue({QStringLiteral("retry"), QStringLiteral("--filter"),
                                   QStringLiteral("--state"), QStringLiteral("dead"), QStringLiteral("12")});
        QCOMPARE(both.exitCode, 2);
    }

    void discardNeedsAReason()
    {
        const CliRun noReason = queue({QStringLiteral("discard"), QString::number(m_seeded.pendingIdentify)});
        QCOMPARE(noReason.exitCode, 2);
        QVERIFY(noReason.err.contains("--reason"));
        QCOMPARE(store::jobStateName(store::JobQueue::open(m_path).find(m_seeded.pendingIdentify)->state),
                 QStringLiteral("pending"));

        const CliRun result = queue({QStringLiteral("discard"), QString::number(m_seeded.pendingIdentify),
                                     QString::number(m_seeded.succeededTrack), QStringLiteral("--reason"),
                                     QStringLiteral("customer asked to be forgotten")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains(QStringLiteral("job %1 is succeeded and was not discarded")
                                        .arg(m_seeded.succeededTrack)
                                        .toUtf8()));
        const auto job = store::JobQueue::open(m_path).find(m_seeded.pendingIdentify);
        QCOMPARE(store::jobStateName(job->state), QStringLiteral("discarded"));
        QCOMPARE(job->discardReason, QStringLiteral("customer asked to be forgotten"));
        const auto entries = store::AuditLog::open(m_path).list();
        QCOMPARE(entries.front().action, QStringLiteral("queue.discard"));
        QCOMPARE(entries.front().details.value(QLatin1String("reason")).toString(),
                 QStringLiteral("customer asked to be forgotten"));

        // A discarded job can be brought back.
        const CliRun back = queue({QStringLiteral("retry"), QString::number(m_seeded.pendingIdentify)});
        QVERIFY2(back.exitCode == 0, qPrintable(back.diagnostics()));
    }

    void resolveNeedsReview()
    {
        const CliRun noChoice =
            queue({QStringLiteral("resolve"), QString::number(m_seeded.needsReviewEmail)});
        QCOMPARE(noChoice.exitCode, 2);
        const CliRun wrongState = queue(
            {QStringLiteral("resolve"), QString::number(m_seeded.pendingTrack), QStringLiteral("--sent")});
        QCOMPARE(wrongState.exitCode, 1);
        QVERIFY(wrongState.err.contains("not needs_review"));
        const CliRun unknown =
            queue({QStringLiteral("resolve"), QStringLiteral("4242"), QStringLiteral("--sent")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains("no job 4242"));

        const CliRun sent = queue({QStringLiteral("resolve"), QString::number(m_seeded.needsReviewEmail),
                                   QStringLiteral("--sent")});
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.diagnostics()));
        QCOMPARE(store::jobStateName(store::JobQueue::open(m_path).find(m_seeded.needsReviewEmail)->state),
                 QStringLiteral("succeeded"));
        QCOMPARE(store::AuditLog::open(m_path).list().front().action, QStringLiteral("queue.resolve"));
    }

    void resolveSendAgain()
    {
        const CliRun again = queue({QStringLiteral("resolve"), QString::number(m_seeded.needsReviewEmail),
                                    QStringLiteral("--send-again")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.diagnostics()));
        QCOMPARE(store::jobStateName(store::JobQueue::open(m_path).find(m_seeded.needsReviewEmail)->state),
                 QStringLiteral("pending"));
    }

    void pauseAndResume()
    {
        const CliRun pause = queue(
            {QStringLiteral("pause"), QStringLiteral("--reason"), QStringLiteral("migrating the workspace")});
        QVERIFY2(pause.exitCode == 0, qPrintable(pause.diagnostics()));
        const CliRun stats = queue({QStringLiteral("stats")});
        QVERIFY(stats.out.contains("PAUSED"));
        QVERIFY(stats.out.contains("migrating the workspace"));
        const QJsonObject json =
            parseObject(queue({QStringLiteral("stats"), QStringLiteral("--json")}).out.trimmed());
        QCOMPARE(json.value(QLatin1String("paused")).toBool(), true);
        QCOMPARE(json.value(QLatin1String("pause_reason")).toString(),
                 QStringLiteral("migrating the workspace"));

        const CliRun resume = queue({QStringLiteral("resume")});
        QVERIFY2(resume.exitCode == 0, qPrintable(resume.diagnostics()));
        QVERIFY(!store::JobQueue::open(m_path).pauseState().paused);
        const auto entries = store::AuditLog::open(m_path).list();
        QCOMPARE(entries.size(), std::size_t(2));
        QCOMPARE(entries.at(0).action, QStringLiteral("queue.resume"));
        QCOMPARE(entries.at(1).action, QStringLiteral("queue.pause"));

        const CliRun again = queue({QStringLiteral("resume")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.err.contains("not paused"));
    }

    void workWithoutCredentialsIsAConfigurationError()
    {
        QHash<QString, QString> env = noKeychain();
        const CliRun result = queue({QStringLiteral("work"), QStringLiteral("--until-idle")}, env);
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains("CUSTOMERIO_SITE_ID"), result.err.constData());

        env.insert(QStringLiteral("CUSTOMERIO_SITE_ID"),
                   QString::fromLatin1(CustomerIoTestServer::kDefaultSiteId));
        env.insert(QStringLiteral("CUSTOMERIO_TRACK_API_KEY"),
                   QString::fromLatin1(CustomerIoTestServer::kDefaultTrackKey));
        env.insert(QStringLiteral("CUSTOMERIO_APP_API_KEY"),
                   QString::fromLatin1(CustomerIoTestServer::kDefaultAppKey));
        env.insert(QStringLiteral("CUSTOMERIO_REGION"), QStringLiteral("mars"));
        const CliRun region = queue({QStringLiteral("work"), QStringLiteral("--until-idle")}, env);
        QCOMPARE(region.exitCode, 3);
        QVERIFY(region.err.contains("CUSTOMERIO_REGION"));
        QVERIFY(!region.err.contains(CustomerIoTestServer::kDefaultTrackKey));
    }

    void workUntilIdleDeliversEverything()
    {
        CustomerIoTestServer server;
        QVERIFY(server.start());
        // Bring the seeded dead and needs_review jobs back too, so that every job is due.
        store::JobQueue jobs = store::JobQueue::open(m_path);
        QCOMPARE(jobs.retry({m_seeded.deadEmail, m_seeded.deadTrack, m_seeded.needsReviewEmail}), 3);
        std::vector<QByteArray> expectedBodies;
        for (const std::int64_t id : {m_seeded.pendingIdentify, m_seeded.pendingTrack, m_seeded.deadEmail,
                                      m_seeded.deadTrack, m_seeded.needsReviewEmail})
            expectedBodies.push_back(delivery::requestOf(*jobs.find(id))->body);

        const CliRun result = runAsync({QStringLiteral("queue"), QStringLiteral("work"),
                                        QStringLiteral("--until-idle"), QStringLiteral("--db"), m_path},
                                       serverEnvironment(server));
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY2(result.err.contains("idle: nothing is due: 5 delivered"), result.err.constData());
        QVERIFY(!result.err.contains(CustomerIoTestServer::kDefaultTrackKey));
        QVERIFY(!result.err.contains(CustomerIoTestServer::kDefaultAppKey));

        const auto counts = jobs.counts();
        QCOMPARE(counts.at(store::JobState::Succeeded), 6);
        QCOMPARE(server.requestCount(), 5);
        QList<QByteArray> received;
        for (const auto& request : server.requests())
            received << request.body;
        for (const QByteArray& body : expectedBodies)
            QVERIFY2(received.contains(body), body.constData());
        for (const auto& request : server.requests()) {
            if (request.path.startsWith("/api/v1/"))
                QVERIFY(request.header("Authorization").startsWith("Basic "));
            else
                QCOMPARE(request.header("Authorization"),
                         QByteArray("Bearer ") + CustomerIoTestServer::kDefaultAppKey);
        }
    }

    void workUntilIdleOnAPausedQueueSaysSo()
    {
        CustomerIoTestServer server;
        QVERIFY(server.start());
        store::JobQueue::open(m_path).pause(QStringLiteral("checking the templates"));
        const CliRun result = runAsync({QStringLiteral("queue"), QStringLiteral("work"),
                                        QStringLiteral("--until-idle"), QStringLiteral("--db"), m_path},
                                       serverEnvironment(server));
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("ALERT: the queue is paused: checking the templates"),
                 result.err.constData());
        QCOMPARE(server.requestCount(), 0);
    }

    void workStopsWhenCustomerIoRejectsTheKey()
    {
        CustomerIoTestServer server;
        QVERIFY(server.start());
        server.failNext(CustomerIoTestServer::Fault::unauthorized(), 10);
        const CliRun result = runAsync({QStringLiteral("queue"), QStringLiteral("work"),
                                        QStringLiteral("--until-idle"), QStringLiteral("--db"), m_path},
                                       serverEnvironment(server));
        QVERIFY2(result.exitCode == 1, qPrintable(result.diagnostics()));
        QVERIFY(result.err.contains("ALERT: the queue is paused"));
        QVERIFY(!result.err.contains(CustomerIoTestServer::kDefaultTrackKey));
        QVERIFY(store::JobQueue::open(m_path).pauseState().paused);
        // Nothing was lost: the rejected jobs wait to be sent again.
        const auto counts = store::JobQueue::open(m_path).counts();
        QCOMPARE(counts.at(store::JobState::InFlight), 0);
        QCOMPARE(counts.at(store::JobState::Succeeded), 1);
    }

    void oneWorkerPerStoreAndSigtermStopsIt()
    {
        CustomerIoTestServer server;
        QVERIFY(server.start());
        QProcess first;
        first.setProcessEnvironment(processEnvironment(serverEnvironment(server)));
        first.start(QStringLiteral(BILLBRIDGE_CLI_PATH),
                    {QStringLiteral("queue"), QStringLiteral("work"), QStringLiteral("--db"), m_path});
        QVERIFY(first.waitForStarted(10000));
        QByteArray firstErr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (firstErr += first.readAllStandardError()).contains("delivering to Customer.io"), 20000);

        const CliRun second = runAsync({QStringLiteral("queue"), QStringLiteral("work"),
                                        QStringLiteral("--until-idle"), QStringLiteral("--db"), m_path},
                                       serverEnvironment(server));
        QVERIFY2(second.exitCode == 1, qPrintable(second.diagnostics()));
        QVERIFY2(second.err.contains("is delivering from this store"), qPrintable(second.diagnostics()));
        QVERIFY(second.err.contains(QByteArray::number(first.processId())));

        ::kill(static_cast<pid_t>(first.processId()), SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(first.state() == QProcess::NotRunning, 20000);
        firstErr += first.readAllStandardError();
        QCOMPARE(first.exitStatus(), QProcess::NormalExit);
        QVERIFY2(first.exitCode() == 0, firstErr.constData());
        QVERIFY(firstErr.contains("stopped"));
        QCOMPARE(store::JobQueue::open(m_path).counts().at(store::JobState::Pending), 0);
    }

    void serveDeliversTheQueue()
    {
        CustomerIoTestServer server;
        QVERIFY(server.start());
        QHash<QString, QString> env = serverEnvironment(server);
        env.insert(QStringLiteral("STRIPE_WEBHOOK_SECRET"), QString::fromLatin1(Fixtures::webhookSecret()));
        QProcess serve;
        serve.setProcessEnvironment(processEnvironment(env));
        serve.start(QStringLiteral(BILLBRIDGE_CLI_PATH),
                    {QStringLiteral("serve"), QStringLiteral("--no-poll"), QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), m_path});
        QVERIFY(serve.waitForStarted(10000));
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT(
            (err += serve.readAllStandardError()).contains("delivering queued jobs to Customer.io"), 20000);
        // The two pending jobs go out while serve runs.
        QTRY_COMPARE_WITH_TIMEOUT(server.requestCount(), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(store::JobQueue::open(m_path).counts().at(store::JobState::Pending), 0,
                                  10000);

        // A pause made by an operator elsewhere is announced.
        store::JobQueue::open(m_path).pause(QStringLiteral("template review"));
        QTRY_VERIFY_WITH_TIMEOUT((err += serve.readAllStandardError())
                                     .contains("ALERT: the Customer.io queue is "
                                               "paused: template review"),
                                 10000);

        ::kill(static_cast<pid_t>(serve.processId()), SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(serve.state() == QProcess::NotRunning, 20000);
        err += serve.readAllStandardError();
        QVERIFY2(serve.exitStatus() == QProcess::NormalExit && serve.exitCode() == 0, err.constData());
        QVERIFY(err.contains("deliveries stopped: 2 delivered"));
        QVERIFY(!err.contains(CustomerIoTestServer::kDefaultTrackKey));
    }

    void serveWithoutCustomerIoCredentialsStillReceives()
    {
        QHash<QString, QString> env = noKeychain();
        env.insert(QStringLiteral("STRIPE_WEBHOOK_SECRET"), QString::fromLatin1(Fixtures::webhookSecret()));
        for (const bool noWorker : {false, true}) {
            QProcess serve;
            serve.setProcessEnvironment(processEnvironment(env));
            QStringList arguments = {QStringLiteral("serve"),    QStringLiteral("--no-poll"),
                                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                     QStringLiteral("--db"),     m_path};
            if (noWorker)
                arguments << QStringLiteral("--no-worker");
            serve.start(QStringLiteral(BILLBRIDGE_CLI_PATH), arguments);
            QVERIFY(serve.waitForStarted(10000));
            QByteArray err;
            // The line comes after the receiver's own, once the keychain has been asked.
            QTRY_VERIFY_WITH_TIMEOUT(
                (err += serve.readAllStandardError()).contains("deliveries to Customer.io are off"), 20000);
            QVERIFY(err.contains("listening on"));
            if (noWorker) {
                QVERIFY2(err.contains("deliveries to Customer.io are off (--no-worker)"), err.constData());
            } else {
                QVERIFY2(err.contains("deliveries to Customer.io are off: "), err.constData());
                QVERIFY(err.contains("CUSTOMERIO_SITE_ID"));
            }
            QCOMPARE(err.count("deliveries to Customer.io are off"), 1);
            ::kill(static_cast<pid_t>(serve.processId()), SIGTERM);
            QTRY_VERIFY_WITH_TIMEOUT(serve.state() == QProcess::NotRunning, 20000);
            QCOMPARE(serve.exitCode(), 0);
            QCOMPARE(store::JobQueue::open(m_path).counts().at(store::JobState::Pending), 2);
        }
    }

private:
    Seeded seed()
    {
        Seeded seeded;
        store::JobQueue jobs = store::JobQueue::open(m_path);
        m_trackUlid = customerio::UlidGenerator().next();
        seeded.succeededTrack =
            jobs
                .enqueue(delivery::jobFor(
                    trackRequest(QStringLiteral("cus_tobias"), QStringLiteral("invoice_paid"), m_trackUlid),
                    QStringLiteral("cus_tobias"), QStringLiteral("evt_1:track"), QStringLiteral("evt_1")))
                .id;
        seeded.deadEmail =
            jobs
                .enqueue(delivery::jobFor(
                    emailRequest(QStringLiteral("cus_ines"), QString::fromLatin1(kInesEmail)),
                    QStringLiteral("cus_ines"), QStringLiteral("evt_2:email"), QStringLiteral("evt_2")))
                .id;
        seeded.needsReviewEmail =
            jobs
                .enqueue(delivery::jobFor(
                    emailRequest(QStringLiteral("cus_olu"), QStringLiteral("olu@example.org")),
                    QStringLiteral("cus_olu"), QStringLiteral("evt_3:email"), QStringLiteral("evt_3")))
                .id;
        seeded.deadTrack =
            jobs.enqueue(delivery::jobFor(trackRequest(QStringLiteral("cus_tobias"), QStringLiteral("refund"),
                                                       customerio::UlidGenerator().next()),
                                          QStringLiteral("cus_tobias"), QStringLiteral("evt_4:track"),
                                          QStringLiteral("evt_4")))
                .id;
        const auto claimed = jobs.claimDue(10);
        if (claimed.size() != 4)
            qFatal("seeding claimed %d jobs", int(claimed.size()));
        jobs.succeed(seeded.succeededTrack);
        store::JobAttempt attempt;
        attempt.jobId = seeded.deadEmail;
        attempt.startedAtMs = QDateTime::currentMSecsSinceEpoch() - 100;
        attempt.durationMs = 42;
        attempt.httpStatus = 500;
        attempt.errorClass = QStringLiteral("http_5xx");
        attempt.responseExcerpt = QStringLiteral("<html>Internal Server Error</html>");
        jobs.recordAttempt(seeded.deadEmail, attempt);
        jobs.markDead(seeded.deadEmail, QStringLiteral("http_5xx"),
                      QStringLiteral("Customer.io answered 500"));
        jobs.markNeedsReview(seeded.needsReviewEmail, QStringLiteral("the outcome is unknown"));
        jobs.markDead(seeded.deadTrack, QStringLiteral("http_4xx"),
                      QStringLiteral("Customer.io answered 400"));
        seeded.pendingIdentify =
            jobs
                .enqueue(delivery::jobFor(
                    identifyRequest(QStringLiteral("cus_maren"), QString::fromLatin1(kMarenEmail)),
                    QStringLiteral("cus_maren"), QStringLiteral("evt_5:identify"), QStringLiteral("evt_5")))
                .id;
        seeded.pendingTrack =
            jobs.enqueue(
                    delivery::jobFor(trackRequest(QStringLiteral("cus_ines"), QStringLiteral("trial_ending"),
                                                  customerio::UlidGenerator().next()),
                                     QStringLiteral("cus_ines"), QStringLiteral("evt_6:track"),
                                     QStringLiteral("evt_6")))
                .id;
        return seeded;
    }

    QHash<QString, QString> baseEnvironment() const
    {
        return {{QStringLiteral("XDG_CONFIG_HOME"), m_home.path()},
                {QStringLiteral("CUSTOMERIO_SITE_ID"), QString()},
                {QStringLiteral("CUSTOMERIO_TRACK_API_KEY"), QString()},
                {QStringLiteral("CUSTOMERIO_APP_API_KEY"), QString()},
                {QStringLiteral("CUSTOMERIO_REGION"), QString()},
                {QStringLiteral("BILLBRIDGE_CIO_TRACK_BASE"), QString()},
                {QStringLiteral("BILLBRIDGE_CIO_APP_BASE"), QString()}};
    }

    QHash<QString, QString> noKeychain() const
    {
        QHash<QString, QString> env = baseEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + m_home.filePath(QStringLiteral("no-bus")));
        env.insert(QStringLiteral("DISPLAY"), QString());
        return env;
    }

    QHash<QString, QString> serverEnvironment(const CustomerIoTestServer& server) const
    {
        QHash<QString, QString> env = noKeychain();
        env.insert(QStringLiteral("CUSTOMERIO_SITE_ID"),
                   QString::fromLatin1(CustomerIoTestServer::kDefaultSiteId));
        env.insert(QStringLiteral("CUSTOMERIO_TRACK_API_KEY"),
                   QString::fromLatin1(CustomerIoTestServer::kDefaultTrackKey));
        env.insert(QStringLiteral("CUSTOMERIO_APP_API_KEY"),
                   QString::fromLatin1(CustomerIoTestServer::kDefaultAppKey));
        env.insert(QStringLiteral("BILLBRIDGE_CIO_TRACK_BASE"),
                   server.baseUrl().toString() + QStringLiteral("/api/v1"));
        env.insert(QStringLiteral("BILLBRIDGE_CIO_APP_BASE"),
                   server.baseUrl().toString() + QStringLiteral("/v1"));
        return env;
    }

    QProcessEnvironment processEnvironment(const QHash<QString, QString>& extra) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("BILLBRIDGE_DB"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path());
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            if (it.value().isEmpty())
                env.remove(it.key());
            else
                env.insert(it.key(), it.value());
        }
        return env;
    }

    // `billbridge-cli queue <arguments> --db <store>`, waited for.
    CliRun queue(QStringList arguments, const QHash<QString, QString>& environment = {})
    {
        arguments.prepend(QStringLiteral("queue"));
        arguments << QStringLiteral("--db") << m_path;
        QHash<QString, QString> env = noKeychain();
        for (auto it = environment.begin(); it != environment.end(); ++it)
            env.insert(it.key(), it.value());
        return runAsync(arguments, env);
    }

    // Like runCli, but the test's own event loop keeps running meanwhile, so that servers living in this
    // process can answer the CLI.
    CliRun runAsync(const QStringList& arguments, const QHash<QString, QString>& environment)
    {
        QProcess process;
        process.setProcessEnvironment(processEnvironment(environment));
        process.start(QStringLiteral(BILLBRIDGE_CLI_PATH), arguments);
        CliRun result;
        if (!process.waitForStarted(10000)) {
            result.err = "billbridge-cli did not start: " + process.errorString().toUtf8();
            return result;
        }
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

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    Seeded m_seeded;
    QString m_trackUlid;
};

} // namespace billbridge::test

QTEST_GUILESS_MAIN(billbridge::test::TestQueueCli)
#include "tst_queuecli.moc"
