#include "support/slacktestserver.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTest>

#include <utility>

// Drives the real `billbridge-cli connections … slack` against a real keychain, under a service of its own
// (BILLBRIDGE_KEYCHAIN_SERVICE), inside the private keyring of packaging/with-test-keyring.sh
// (BILLBRIDGE_TEST_KEYCHAIN=1). The webhooks point at the loopback Slack stand-in.

namespace {

const QString kSecretPart = QStringLiteral("cliSecretPathW9k2");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;

    QString all() const { return out + err; }
};

} // namespace

class tst_SlackCli final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void setShowTestClear();
    void urlIsValidated_data();
    void urlIsValidated();
    void urlIsNeverTakenFromArguments();
    void testWithoutFlagPostsNothing();
    void testReportsSlacksRefusal();
    void missingWebhookNamesTheFix();
    void environmentWebhookIsListed();

private:
    Run run(const QStringList& arguments, const QByteArray& input = {},
            const QList<std::pair<QString, QString>>& extraEnvironment = {});

    billbridge::test::SlackTestServer m_slack;
    QUrl m_webhook;
};

Run tst_SlackCli::run(const QStringList& arguments, const QByteArray& input,
                      const QList<std::pair<QString, QString>>& extraEnvironment)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& variable : env.keys())
        if (variable.startsWith(QLatin1String("BILLBRIDGE_SLACK_")))
            env.remove(variable);
    env.insert(QStringLiteral("BILLBRIDGE_KEYCHAIN_SERVICE"), QStringLiteral("Billbridge-test-slack"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("billbridge.*.debug=false"));
    for (const auto& [name, value] : extraEnvironment)
        env.insert(name, value);
    QProcess cli;
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(BILLBRIDGE_CLI_PATH), arguments);
    if (!cli.waitForStarted(10000))
        return {};
    cli.write(input);
    cli.closeWriteChannel();
    Run result;
    // The Slack stand-in lives on this thread: its answers need the event loop while the CLI runs.
    QSignalSpy finished(&cli, &QProcess::finished);
    if (!finished.wait(90000)) {
        cli.kill();
        cli.waitForFinished();
        return result;
    }
    result.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    result.out = QString::fromUtf8(cli.readAllStandardOutput());
    result.err = QString::fromUtf8(cli.readAllStandardError());
    // The URL's path is the credential: no output may show it.
    if (result.all().contains(kSecretPart))
        qWarning("output shows the webhook URL: %s", qPrintable(result.all()));
    return result;
}

void tst_SlackCli::initTestCase()
{
    if (qEnvironmentVariable("BILLBRIDGE_TEST_KEYCHAIN") != QLatin1String("1"))
        QSKIP("needs a Secret Service; run it under packaging/with-test-keyring.sh, which provides a private "
              "keyring");
    QVERIFY2(QFile::exists(QStringLiteral(BILLBRIDGE_CLI_PATH)), BILLBRIDGE_CLI_PATH);
    QVERIFY(m_slack.start());
    m_webhook = m_slack.addWebhook(kSecretPart);
}

void tst_SlackCli::init()
{
    for (const QString& name : {QStringLiteral("alerts"), QStringLiteral("ops")})
        QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("clear"), QStringLiteral("slack"), name})
                     .exitCode,
                 0);
    m_slack.clearRequests();
}

void tst_SlackCli::setShowTestClear()
{
    const QByteArray url = m_webhook.toString().toUtf8() + "\n";
    const Run set = run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("slack"),
                         QStringLiteral("alerts"), QStringLiteral("--allow-loopback")},
                        url);
    QCOMPARE(set.exitCode, 0);
    QVERIFY2(set.out.contains(QStringLiteral("Saved the Slack webhook \"alerts\" (127.0.0.1:%1/services/•••)")
                                  .arg(m_slack.port())),
             qPrintable(set.all()));
    QVERIFY(!set.all().contains(kSecretPart));
    QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("slack"),
                  QStringLiteral("ops"), QStringLiteral("--allow-loopback")},
                 url)
                 .exitCode,
             0);

    const Run show = run({QStringLiteral("connections"), QStringLiteral("show"), QStringLiteral("slack")});
    QCOMPARE(show.exitCode, 0);
    QVERIFY2(show.out.contains(QStringLiteral("alerts:")), qPrintable(show.out));
    QVERIFY(show.out.contains(QStringLiteral("ops:")));
    QCOMPARE(show.out.count(QStringLiteral("from:           keychain")), 2);
    QVERIFY(!show.all().contains(kSecretPart));

    const Run sent = run({QStringLiteral("connections"), QStringLiteral("test"), QStringLiteral("slack"),
                          QStringLiteral("alerts"), QStringLiteral("--send-test-message")},
                         {}, {{QStringLiteral("BILLBRIDGE_SLACK_ALLOW_LOOPBACK"), QStringLiteral("1")}});
    QCOMPARE(sent.exitCode, 0);
    QVERIFY2(sent.out.contains(QStringLiteral("Slack accepted the test message")), qPrintable(sent.all()));
    QTRY_COMPARE(m_slack.requestCount(), 1);
    QCOMPARE(m_slack.requests().first().body,
             QByteArray("{\"text\":\"Billbridge test message: the webhook \\\"alerts\\\" works.\"}"));
    QVERIFY(!sent.all().contains(kSecretPart));

    const Run cleared = run({QStringLiteral("connections"), QStringLiteral("clear"), QStringLiteral("slack"),
                             QStringLiteral("alerts")});
    QCOMPARE(cleared.exitCode, 0);
    const Run after = run({QStringLiteral("connections"), QStringLiteral("show"), QStringLiteral("slack")});
    QVERIFY(!after.out.contains(QStringLiteral("alerts:")));
    QVERIFY(after.out.contains(QStringLiteral("ops:")));
}

void tst_SlackCli::urlIsValidated_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("not slack") << QByteArray("https://example.com/services/T/B/x\n") << QStringList()
                               << QStringLiteral("https://hooks.slack.com/services/");
    QTest::newRow("plain http slack") << QByteArray("http://hooks.slack.com/services/T/B/x\n")
                                      << QStringList() << QStringLiteral("https://hooks.slack.com/services/");
    QTest::newRow("loopback without the flag") << QByteArray("http://127.0.0.1:9/services/T/B/x\n")
                                               << QStringList() << QStringLiteral("--allow-loopback");
    QTest::newRow("two lines") << QByteArray("https://hooks.slack.com/services/T/B/x\nmore\n")
                               << QStringList() << QStringLiteral("exactly one line");
    QTest::newRow("bad name") << QByteArray("https://hooks.slack.com/services/T/B/x\n")
                              << QStringList{QStringLiteral("a/b")}
                              << QStringLiteral("not a usable webhook name");
}

void tst_SlackCli::urlIsValidated()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    QStringList arguments = {QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("slack")};
    arguments += extra.isEmpty() ? QStringList{QStringLiteral("alerts")} : extra;
    const Run result = run(arguments, input);
    QVERIFY2(result.exitCode == 2 || result.exitCode == 3, qPrintable(result.all()));
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    const Run show = run({QStringLiteral("connections"), QStringLiteral("show"), QStringLiteral("slack")});
    QVERIFY(show.out.contains(QStringLiteral("none configured")));
}

void tst_SlackCli::urlIsNeverTakenFromArguments()
{
    const QString url = m_webhook.toString();
    const Run result = run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("slack"),
                            QStringLiteral("alerts"), url});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(QStringLiteral("never taken from arguments")));
    QVERIFY(!result.all().contains(kSecretPart));
}

void tst_SlackCli::testWithoutFlagPostsNothing()
{
    QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("slack"),
                  QStringLiteral("alerts"), QStringLiteral("--allow-loopback")},
                 m_webhook.toString().toUtf8())
                 .exitCode,
             0);
    const Run checked = run({QStringLiteral("connections"), QStringLiteral("test"), QStringLiteral("slack"),
                             QStringLiteral("alerts")},
                            {}, {{QStringLiteral("BILLBRIDGE_SLACK_ALLOW_LOOPBACK"), QStringLiteral("1")}});
    QCOMPARE(checked.exitCode, 0);
    QVERIFY2(checked.out.contains(QStringLiteral("Nothing was posted")), qPrintable(checked.all()));
    QTest::qWait(100);
    QCOMPARE(m_slack.requestCount(), 0);
}

void tst_SlackCli::testReportsSlacksRefusal()
{
    QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("slack"),
                  QStringLiteral("alerts"), QStringLiteral("--allow-loopback")},
                 m_webhook.toString().toUtf8())
                 .exitCode,
             0);
    m_slack.failNext(billbridge::test::SlackTestServer::Answer::noService());
    const Run sent = run({QStringLiteral("connections"), QStringLiteral("test"), QStringLiteral("slack"),
                          QStringLiteral("alerts"), QStringLiteral("--send-test-message")},
                         {}, {{QStringLiteral("BILLBRIDGE_SLACK_ALLOW_LOOPBACK"), QStringLiteral("1")}});
    QCOMPARE(sent.exitCode, 4);
    QVERIFY2(sent.err.contains(QStringLiteral("no_service")), qPrintable(sent.all()));
    QVERIFY(sent.err.contains(QStringLiteral("connections set slack alerts")));
    QVERIFY(!sent.all().contains(kSecretPart));
}

void tst_SlackCli::missingWebhookNamesTheFix()
{
    const Run result = run({QStringLiteral("connections"), QStringLiteral("test"), QStringLiteral("slack"),
                            QStringLiteral("nowhere")});
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains(QStringLiteral("billbridge-cli connections set slack nowhere")),
             qPrintable(result.err));
}

void tst_SlackCli::environmentWebhookIsListed()
{
    const Run show = run({QStringLiteral("connections"), QStringLiteral("show"), QStringLiteral("slack")}, {},
                         {{QStringLiteral("BILLBRIDGE_SLACK_WEBHOOK_OPS_ROOM"), m_webhook.toString()},
                          {QStringLiteral("BILLBRIDGE_SLACK_ALLOW_LOOPBACK"), QStringLiteral("1")}});
    QCOMPARE(show.exitCode, 0);
    QVERIFY2(show.out.contains(QStringLiteral("ops_room:")), qPrintable(show.out));
    QVERIFY(show.out.contains(QStringLiteral("environment (BILLBRIDGE_SLACK_WEBHOOK_OPS_ROOM)")));
    QVERIFY(!show.all().contains(kSecretPart));

    // Without the loopback switch the same value is refused, without being repeated.
    const Run refused =
        run({QStringLiteral("connections"), QStringLiteral("show"), QStringLiteral("slack")}, {},
            {{QStringLiteral("BILLBRIDGE_SLACK_WEBHOOK_OPS_ROOM"), m_webhook.toString()}});
    QCOMPARE(refused.exitCode, 3);
    QVERIFY(refused.out.contains(QStringLiteral("not usable")));
    QVERIFY(!refused.all().contains(kSecretPart));
}

QTEST_GUILESS_MAIN(tst_SlackCli)
#include "tst_slackcli.moc"
