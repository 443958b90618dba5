#include "support/stripetestserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

// Drives the real `billbridge-cli connections …` against a real keychain, under a service of its own
// (BILLBRIDGE_KEYCHAIN_SERVICE) so that neither a person's entries nor other tests' are touched. It runs
// inside the private keyring of packaging/with-test-keyring.sh (BILLBRIDGE_TEST_KEYCHAIN=1).

namespace {

const QByteArray kTestKey = "sk_test_51CliT3stKey9Lm2Zx7Vb3Nc8Rw4Hy6Jd1Kf5Gp0Aa";
const QByteArray kLiveKey = "sk_"
                            "live_51CliL1veKey3Pq8Wm2Ky7Zr5Dn9Bt4Gh6Lc1Fv0Ee";
const QByteArray kRestrictedKey = "rk_test_51CliRstrKey4Hy1Jd6Kf4Gs8Lm2Zx7Vb3Nc9Rw";
const QByteArray kPublishableKey = "pk_live_51CliPubl1cKey2Sd4Fg6Hj8Kl0Qw3Er5Ty7Ui9";
const QByteArray kSecretA = "whsec_CliSecretA3Kd8Lq2Zm7Xp4Rt9Wn6Bv1Cy5Gj0Fs";
const QByteArray kSecretB = "whsec_CliSecretB7Np2Vt9Ks4Hz6Lm1Xc8Rd3Fw5Jg0Ty";
const QByteArray kSecretC = "whsec_CliSecretC1Qw5Ep8Rt2Yu6Io9Pa3Sd7Fg4Hj0Kl";

struct Run {
    int exitCode = -1;
    QString out;
    QString err;

    QString all() const { return out + err; }
};

QString tail(const QByteArray& secret)
{
    return QString::fromLatin1(secret.right(4));
}

} // namespace

class tst_ConnectionsCli final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void setFromStandardInputThenShow();
    void environmentOverridesKeychain();
    void environmentAloneWorksWithoutKeychain();
    void showReportsUnusableEnvironmentValue();
    void malformedInputIsRefused_data();
    void malformedInputIsRefused();
    void webhookSecretsOnly();
    void apiKeyOnly();
    void secretsAreNeverTakenFromArguments();
    void clearRemovesEverything();
    void unavailableKeychainIsAConfigurationError();
    void usageErrors_data();
    void usageErrors();
    void testChecksTheKeyAgainstStripe();
    void terminalPromptHidesInput();

private:
    Run run(const QStringList& arguments, const QByteArray& input = {},
            const QList<std::pair<QString, QString>>& extraEnvironment = {});
    QProcessEnvironment environment(const QList<std::pair<QString, QString>>& extra) const;
    void verifyNoSecretShown(const Run& result);
};

QProcessEnvironment tst_ConnectionsCli::environment(const QList<std::pair<QString, QString>>& extra) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("STRIPE_API_KEY"));
    env.remove(QStringLiteral("STRIPE_WEBHOOK_SECRET"));
    env.insert(QStringLiteral("BILLBRIDGE_KEYCHAIN_SERVICE"), QStringLiteral("Billbridge-test-connections"));
    // Debug lines would make the output checks depend on logging settings.
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("billbridge.*.debug=false"));
    for (const auto& [name, value] : extra)
        env.insert(name, value);
    return env;
}

Run tst_ConnectionsCli::run(const QStringList& arguments, const QByteArray& input,
                            const QList<std::pair<QString, QString>>& extraEnvironment)
{
    QProcess cli;
    cli.setProcessEnvironment(environment(extraEnvironment));
    cli.start(QStringLiteral(BILLBRIDGE_CLI_PATH), arguments);
    if (!cli.waitForStarted(10000))
        return {};
    cli.write(input);
    cli.closeWriteChannel();
    Run result;
    if (!cli.waitForFinished(90000)) {
        cli.kill();
        cli.waitForFinished();
        return result;
    }
    result.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    result.out = QString::fromUtf8(cli.readAllStandardOutput());
    result.err = QString::fromUtf8(cli.readAllStandardError());
    verifyNoSecretShown(result);
    return result;
}

void tst_ConnectionsCli::verifyNoSecretShown(const Run& result)
{
    for (const QByteArray& secret :
         {kTestKey, kLiveKey, kRestrictedKey, kPublishableKey, kSecretA, kSecretB, kSecretC}) {
        // Masked forms keep the prefix and the last four characters; nothing in between may appear.
        const QString middle = QString::fromLatin1(secret.mid(9, secret.size() - 13));
        QVERIFY2(!result.all().contains(QString::fromLatin1(secret)), qPrintable(result.all()));
        QVERIFY2(!result.all().contains(middle), qPrintable(result.all()));
    }
}

void tst_ConnectionsCli::initTestCase()
{
    if (qEnvironmentVariable("BILLBRIDGE_TEST_KEYCHAIN") != QLatin1String("1"))
        QSKIP("needs a Secret Service; run it under packaging/with-test-keyring.sh, which provides a private "
              "keyring");
    QVERIFY2(QFile::exists(QStringLiteral(BILLBRIDGE_CLI_PATH)), BILLBRIDGE_CLI_PATH);
}

void tst_ConnectionsCli::init()
{
    const Run cleared =
        run({QStringLiteral("connections"), QStringLiteral("clear"), QStringLiteral("stripe")});
    QCOMPARE(cleared.exitCode, 0);
}

void tst_ConnectionsCli::setFromStandardInputThenShow()
{
    const Run set = run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe")},
                        kTestKey + "\n" + kSecretA + "\r\n\n  " + kSecretB + "  \n");
    QCOMPARE(set.exitCode, 0);
    QVERIFY2(set.out.contains(QStringLiteral("sk_test_…%1 (TEST, secret key)").arg(tail(kTestKey))),
             qPrintable(set.out));
    QVERIFY(set.out.contains(QStringLiteral("whsec_…") + tail(kSecretA)));
    QVERIFY(set.out.contains(QStringLiteral("whsec_…") + tail(kSecretB)));

    const Run show = run({QStringLiteral("connections"), QStringLiteral("show")});
    QCOMPARE(show.exitCode, 0);
    QVERIFY2(show.out.contains(QStringLiteral("sk_test_…%1 (TEST, secret key)").arg(tail(kTestKey))),
             qPrintable(show.out));
    QVERIFY(show.out.contains(QStringLiteral("whsec_…") + tail(kSecretA)));
    QVERIFY(show.out.contains(QStringLiteral("whsec_…") + tail(kSecretB)));
    QCOMPARE(show.out.count(QStringLiteral("from:           keychain")), 2);
    QVERIFY(!show.out.contains(QStringLiteral("Problems:")));
}

void tst_ConnectionsCli::environmentOverridesKeychain()
{
    QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe")},
                 kTestKey + "\n" + kSecretA + "\n")
                 .exitCode,
             0);
    const Run show = run({QStringLiteral("connections"), QStringLiteral("show"), QStringLiteral("stripe")},
                         {}, {{QStringLiteral("STRIPE_API_KEY"), QString::fromLatin1(kLiveKey)}});
    QCOMPARE(show.exitCode, 0);
    QVERIFY2(show.out.contains(QStringLiteral("sk_live_…%1 (LIVE, secret key)").arg(tail(kLiveKey))),
             qPrintable(show.out));
    QVERIFY(show.out.contains(QStringLiteral("from:           environment (STRIPE_API_KEY)")));
    QVERIFY(show.out.contains(QStringLiteral("from:           keychain")));

    // Saving while the variable is set warns that the stored key is not the one in use.
    const Run set =
        run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe"),
             QStringLiteral("--api-key-only")},
            kRestrictedKey + "\n", {{QStringLiteral("STRIPE_API_KEY"), QString::fromLatin1(kLiveKey)}});
    QCOMPARE(set.exitCode, 0);
    QVERIFY(set.out.contains(QStringLiteral("(TEST, restricted key)")));
    QVERIFY(set.err.contains(QStringLiteral("STRIPE_API_KEY is set in this environment and overrides")));
    QVERIFY(set.err.contains(QStringLiteral("restricted key needs read access")));
}

void tst_ConnectionsCli::environmentAloneWorksWithoutKeychain()
{
    QTemporaryDir dir;
    const QString secrets = QString::fromLatin1(kSecretA + "," + kSecretB);
    const Run show = run({QStringLiteral("connections"), QStringLiteral("show")}, {},
                         {{QStringLiteral("STRIPE_API_KEY"), QString::fromLatin1(kLiveKey)},
                          {QStringLiteral("STRIPE_WEBHOOK_SECRET"), secrets},
                          {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("no-bus"))}});
    QCOMPARE(show.exitCode, 0);
    QVERIFY(show.out.contains(QStringLiteral("not needed: the environment supplies both values")));
    QVERIFY(show.out.contains(QStringLiteral("from:           environment (STRIPE_WEBHOOK_SECRET)")));
    QVERIFY(show.out.contains(QStringLiteral("whsec_…") + tail(kSecretB)));
}

void tst_ConnectionsCli::showReportsUnusableEnvironmentValue()
{
    QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe")},
                 kTestKey + "\n" + kSecretA + "\n")
                 .exitCode,
             0);
    const Run show = run({QStringLiteral("connections"), QStringLiteral("show")}, {},
                         {{QStringLiteral("STRIPE_API_KEY"), QString::fromLatin1(kPublishableKey)}});
    QCOMPARE(show.exitCode, 3);
    QVERIFY(show.out.contains(QStringLiteral("API key:          not usable (see below)")));
    QVERIFY(
        show.out.contains(QStringLiteral("STRIPE_API_KEY is set but not usable: This is a publishable key")));
    // The stored key is not silently used instead, and the operator is not told to configure one.
    QVERIFY(!show.out.contains(QStringLiteral("sk_test_…")));
    QVERIFY(!show.out.contains(QStringLiteral("No Stripe API key is configured")));
}

void tst_ConnectionsCli::malformedInputIsRefused_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("publishable key") << QStringList{QStringLiteral("--api-key-only")}
                                     << kPublishableKey + "\n"
                                     << QStringLiteral("publishable key");
    QTest::newRow("not a Stripe key")
        << QStringList{QStringLiteral("--api-key-only")} << QByteArray("ghp_Zx7Vb3Nc8Rw4Hy6Jd1Kf5Gp0AaQq9\n")
        << QStringLiteral("sk_test_, sk_live_, rk_test_ or rk_live_");
    QTest::newRow("cut-off key") << QStringList() << QByteArray("sk_live_51Cli\n") + kSecretA + "\n"
                                 << QStringLiteral("too short");
    QTest::newRow("webhook secret first") << QStringList() << kSecretA + "\n"
                                          << QStringLiteral("--webhook-secrets-only");
    QTest::newRow("API key as webhook secret")
        << QStringList() << kLiveKey + "\n" + kSecretC + "\n" + kTestKey
        << QStringLiteral("Webhook secret 2: This is an API key");
    QTest::newRow("webhook-only with a key")
        << QStringList{QStringLiteral("--webhook-secrets-only")} << kRestrictedKey + "\n"
        << QStringLiteral("not a webhook signing secret");
}

void tst_ConnectionsCli::malformedInputIsRefused()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);

    QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe")},
                 kTestKey + "\n" + kSecretA + "\n")
                 .exitCode,
             0);

    const Run refused = run(
        QStringList{QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe")} + options,
        input);
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(refused.err.contains(message), qPrintable(refused.err));
    QVERIFY(refused.err.contains(QStringLiteral("Nothing was saved.")));

    // What was stored before is untouched.
    const Run show = run({QStringLiteral("connections"), QStringLiteral("show")});
    QCOMPARE(show.exitCode, 0);
    QVERIFY(show.out.contains(QStringLiteral("sk_test_…") + tail(kTestKey)));
    QVERIFY(show.out.contains(QStringLiteral("whsec_…") + tail(kSecretA)));
}

void tst_ConnectionsCli::webhookSecretsOnly()
{
    QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe")},
                 kTestKey + "\n" + kSecretA + "\n")
                 .exitCode,
             0);
    const Run set = run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe"),
                         QStringLiteral("--webhook-secrets-only")},
                        kSecretB + "," + kSecretC + "\n");
    QCOMPARE(set.exitCode, 0);
    QVERIFY(!set.out.contains(QStringLiteral("API key")));

    const Run show = run({QStringLiteral("connections"), QStringLiteral("show")});
    QCOMPARE(show.exitCode, 0);
    QVERIFY(show.out.contains(QStringLiteral("sk_test_…") + tail(kTestKey)));
    QVERIFY(!show.out.contains(QStringLiteral("whsec_…") + tail(kSecretA)));
    QVERIFY(show.out.contains(QStringLiteral("whsec_…") + tail(kSecretB)));
    QVERIFY(show.out.contains(QStringLiteral("whsec_…") + tail(kSecretC)));
}

void tst_ConnectionsCli::apiKeyOnly()
{
    QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe")},
                 kTestKey + "\n" + kSecretA + "\n")
                 .exitCode,
             0);
    const Run set = run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe"),
                         QStringLiteral("--api-key-only")},
                        kLiveKey + "\n");
    QCOMPARE(set.exitCode, 0);
    QVERIFY(set.out.contains(QStringLiteral("(LIVE, secret key)")));

    const Run show = run({QStringLiteral("connections"), QStringLiteral("show")});
    QVERIFY(show.out.contains(QStringLiteral("sk_live_…") + tail(kLiveKey)));
    QVERIFY(show.out.contains(QStringLiteral("whsec_…") + tail(kSecretA)));

    const Run twoLines = run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe"),
                              QStringLiteral("--api-key-only")},
                             kLiveKey + "\n" + kSecretA + "\n");
    QCOMPARE(twoLines.exitCode, 2);
    QVERIFY(twoLines.err.contains(QStringLiteral("exactly one line")));

    const Run keyWithoutSecret = run(
        {QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe")}, kLiveKey + "\n");
    QCOMPARE(keyWithoutSecret.exitCode, 2);
    QVERIFY(keyWithoutSecret.err.contains(QStringLiteral("--api-key-only")));
}

void tst_ConnectionsCli::secretsAreNeverTakenFromArguments()
{
    const Run set = run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe"),
                         QString::fromLatin1(kLiveKey)},
                        kTestKey + "\n" + kSecretA + "\n");
    QCOMPARE(set.exitCode, 2);
    QVERIFY(set.err.contains(QStringLiteral("takes no values as arguments")));
    // verifyNoSecretShown() already checked that the key is not echoed; nothing was stored either.
    const Run show = run({QStringLiteral("connections"), QStringLiteral("show")});
    QCOMPARE(show.exitCode, 3);
    QVERIFY(show.out.contains(QStringLiteral("API key:          not configured")));

    const Run misplaced =
        run({QStringLiteral("connections"), QStringLiteral("set"), QString::fromLatin1(kLiveKey)});
    QCOMPARE(misplaced.exitCode, 2);
    QVERIFY(misplaced.err.contains(QStringLiteral("unknown service")));
}

void tst_ConnectionsCli::clearRemovesEverything()
{
    QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe")},
                 kTestKey + "\n" + kSecretA + "\n")
                 .exitCode,
             0);
    const Run cleared =
        run({QStringLiteral("connections"), QStringLiteral("clear"), QStringLiteral("stripe")});
    QCOMPARE(cleared.exitCode, 0);
    QVERIFY(cleared.out.contains(QStringLiteral("Removed the Stripe API key and webhook signing secrets")));

    const Run show = run({QStringLiteral("connections"), QStringLiteral("show")});
    QCOMPARE(show.exitCode, 3);
    QVERIFY(show.out.contains(QStringLiteral("API key:          not configured")));
    QVERIFY(show.out.contains(QStringLiteral("Webhook secrets:  not configured")));
    QVERIFY(show.out.contains(QStringLiteral("No Stripe API key is configured")));
    QVERIFY(show.out.contains(QStringLiteral("keychain (Secret Service), available")));

    // Clearing again is not an error, and variables that still apply are pointed out.
    const Run again = run({QStringLiteral("connections"), QStringLiteral("clear"), QStringLiteral("stripe")},
                          {}, {{QStringLiteral("STRIPE_WEBHOOK_SECRET"), QString::fromLatin1(kSecretB)}});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.err.contains(QStringLiteral("still set in this environment")));
}

void tst_ConnectionsCli::unavailableKeychainIsAConfigurationError()
{
    QTemporaryDir dir;
    const QList<std::pair<QString, QString>> noBus = {
        {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
         QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("no-bus"))},
        {QStringLiteral("DISPLAY"), QString()}};

    const Run set = run({QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe")},
                        kTestKey + "\n" + kSecretA + "\n", noBus);
    QCOMPARE(set.exitCode, 3);
    QVERIFY2(set.err.contains(QStringLiteral("No keychain is available: there is no D-Bus session bus")),
             qPrintable(set.err));
    QVERIFY(set.err.contains(QStringLiteral("STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET")));

    const Run show = run({QStringLiteral("connections"), QStringLiteral("show")}, {}, noBus);
    QCOMPARE(show.exitCode, 3);
    QVERIFY(show.out.contains(QStringLiteral("unavailable (see below)")));
    QCOMPARE(show.out.count(QStringLiteral("No keychain is available")), 1);

    const Run clear =
        run({QStringLiteral("connections"), QStringLiteral("clear"), QStringLiteral("stripe")}, {}, noBus);
    QCOMPARE(clear.exitCode, 3);
    QVERIFY(clear.err.contains(QStringLiteral("No keychain is available")));
}

void tst_ConnectionsCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("no action") << QStringList{QStringLiteral("connections")} << QByteArray()
                               << QStringLiteral("usage: billbridge-cli connections");
    QTest::newRow("unknown action") << QStringList{QStringLiteral("connections"),
                                                   QStringLiteral("frobnicate")}
                                    << QByteArray() << QStringLiteral("unknown action 'frobnicate'");
    QTest::newRow("no service") << QStringList{QStringLiteral("connections"), QStringLiteral("set")}
                                << QByteArray() << QStringLiteral("needs a service");
    QTest::newRow("unknown service") << QStringList{QStringLiteral("connections"), QStringLiteral("clear"),
                                                    QStringLiteral("paypal")}
                                     << QByteArray() << QStringLiteral("unknown service 'paypal'");
    QTest::newRow("both only-options")
        << QStringList{QStringLiteral("connections"), QStringLiteral("set"), QStringLiteral("stripe"),
                       QStringLiteral("--api-key-only"), QStringLiteral("--webhook-secrets-only")}
        << kTestKey + "\n"
        << QStringLiteral("cannot be combined");
    QTest::newRow("empty input") << QStringList{QStringLiteral("connections"), QStringLiteral("set"),
                                                QStringLiteral("stripe")}
                                 << QByteArray("\n \n")
                                 << QStringLiteral("nothing was read from standard input");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("connections"), QStringLiteral("show"),
                                                   QStringLiteral("--verbose")}
                                    << QByteArray() << QStringLiteral("Unknown option");
}

void tst_ConnectionsCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const Run result = run(arguments, input);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

void tst_ConnectionsCli::testChecksTheKeyAgainstStripe()
{
    billbridge::test::StripeTestServer stripe;
    QVERIFY(stripe.start());
    stripe.setApiKey(kTestKey);
    QVERIFY(stripe.addEvent(billbridge::test::StripeTestServer::makeEvent(
        QStringLiteral("evt_ConnTest1"), QStringLiteral("invoice.paid"), 1790000000)));
    // The server lives on this thread, so the CLI is awaited without blocking the event loop.
    const auto runAgainst = [&](const QByteArray& key) {
        QProcess cli;
        cli.setProcessEnvironment(
            environment({{QStringLiteral("STRIPE_API_KEY"), QString::fromLatin1(key)},
                         {QStringLiteral("BILLBRIDGE_STRIPE_API_BASE"), stripe.baseUrl().toString()}}));
        cli.start(QStringLiteral(BILLBRIDGE_CLI_PATH),
                  {QStringLiteral("connections"), QStringLiteral("test"), QStringLiteral("stripe")});
        cli.closeWriteChannel();
        Run result;
        if (!QTest::qWaitFor([&] { return cli.state() == QProcess::NotRunning; }, 60000))
            return result;
        result.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
        result.out = QString::fromUtf8(cli.readAllStandardOutput());
        result.err = QString::fromUtf8(cli.readAllStandardError());
        verifyNoSecretShown(result);
        return result;
    };

    const Run accepted = runAgainst(kTestKey);
    QCOMPARE(accepted.exitCode, 0);
    QVERIFY2(accepted.out.contains(QStringLiteral("test mode")), qPrintable(accepted.out + accepted.err));
    QCOMPARE(stripe.requestCount(), 1);

    const Run rejected = runAgainst(kLiveKey);
    QCOMPARE(rejected.exitCode, 4);
    QVERIFY2(rejected.err.contains(QStringLiteral("rejected"), Qt::CaseInsensitive),
             qPrintable(rejected.err));

    stripe.failNext(
        billbridge::test::StripeTestServer::Fault::permissionDenied(QStringLiteral("rak_event_read")));
    const Run restricted = runAgainst(kTestKey);
    QCOMPARE(restricted.exitCode, 4);
    QVERIFY2(restricted.err.contains(QStringLiteral("rak_event_read")), qPrintable(restricted.err));

    stripe.failNext(billbridge::test::StripeTestServer::Fault::serverError(503), 10);
    const Run unavailable = runAgainst(kTestKey);
    QCOMPARE(unavailable.exitCode, 1);
}

void tst_ConnectionsCli::terminalPromptHidesInput()
{
    // `script` gives the CLI a pseudo-terminal, as a person at a terminal would.
    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    if (script.isEmpty())
        QSKIP("script (util-linux) is not installed");

    QProcess terminal;
    terminal.setProcessEnvironment(environment({}));
    terminal.setProcessChannelMode(QProcess::MergedChannels);
    const QString command =
        QStringLiteral("'%1' connections set stripe").arg(QStringLiteral(BILLBRIDGE_CLI_PATH));
    terminal.start(script, {QStringLiteral("-qefc"), command, QStringLiteral("/dev/null")});
    QVERIFY(terminal.waitForStarted(10000));

    QByteArray screen;
    const auto waitFor = [&](const QByteArray& text) {
        QElapsedTimer clock;
        clock.start();
        while (!screen.contains(text) && clock.elapsed() < 30000) {
            terminal.waitForReadyRead(200);
            screen += terminal.readAll();
        }
        return screen.contains(text);
    };
    // Answer only once the prompt is there: echo is switched off when the prompt appears.
    QVERIFY2(waitFor("Stripe API key"), screen.constData());
    terminal.write(kRestrictedKey + "\n");
    QVERIFY2(waitFor("Webhook signing secret"), screen.constData());
    terminal.write(kSecretA + ", " + kSecretC + "\n");
    QVERIFY2(waitFor("Saved in the"), screen.constData());
    QVERIFY(terminal.waitForFinished(30000));
    screen += terminal.readAll();
    QCOMPARE(terminal.exitCode(), 0);

    const QString shown = QString::fromUtf8(screen);
    verifyNoSecretShown(Run{0, shown, {}});
    QVERIFY(shown.contains(QStringLiteral("rk_test_…%1 (TEST, restricted key)").arg(tail(kRestrictedKey))));
    QVERIFY(shown.contains(QStringLiteral("whsec_…") + tail(kSecretC)));

    const Run show = run({QStringLiteral("connections"), QStringLiteral("show")});
    QCOMPARE(show.exitCode, 0);
    QVERIFY(show.out.contains(QStringLiteral("rk_test_…") + tail(kRestrictedKey)));
}

QTEST_GUILESS_MAIN(tst_ConnectionsCli)
#include "tst_connectionscli.moc"
