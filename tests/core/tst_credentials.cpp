#include "secrets/credentials.h"
#include "secrets/envsecretstore.h"
#include "secrets/secretstore.h"

#include <QElapsedTimer>
#include <QMap>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace billbridge::secrets;

namespace {

// An in-process store behind the SecretStore interface, answering asynchronously like the real ones.
// It lets the loader's precedence rules be checked without a desktop keychain; the keychain itself is
// covered by tests/integration/tst_keychainsecretstore.
class MemorySecretStore final : public SecretStore {
public:
    QMap<QString, QByteArray> entries;
    // When set, every operation answers with it (an unavailable or refusing keychain).
    std::optional<SecretResult> forcedAnswer;
    // When true, operations never answer (a keychain hanging on a prompt).
    bool silent = false;
    int reads = 0;
    int writes = 0;

    QString backendName() const override { return QStringLiteral("memory store"); }

    void read(const QString& key, Callback done, QObject* context) override
    {
        ++reads;
        if (!silent)
            deliverLater(std::move(done), context, answer(key));
    }
    void write(const QString& key, const QByteArray& value, Callback done, QObject* context) override
    {
        ++writes;
        if (!forcedAnswer)
            entries.insert(key, value);
        if (!silent)
            deliverLater(std::move(done), context, forcedAnswer.value_or(SecretResult::done()));
    }
    void remove(const QString& key, Callback done, QObject* context) override
    {
        if (!forcedAnswer)
            entries.remove(key);
        if (!silent)
            deliverLater(std::move(done), context, forcedAnswer.value_or(SecretResult::done()));
    }

private:
    SecretResult answer(const QString& key) const
    {
        if (forcedAnswer)
            return *forcedAnswer;
        return entries.contains(key) ? SecretResult::found(entries.value(key)) : SecretResult::notFound();
    }
};

const QString kTestKey = QStringLiteral("sk_test_51Tq8Lm3Zx7Vb2Nc9Rw4Hy6Jd1Kf5Gp0Aa");
const QString kLiveKey = QStringLiteral("sk_"
                                        "live_51Ux3Pq8Wm2Ky7Zr5Dn9Bt4Gh6Lc1Fv0Ee");
const QString kPublishable = QStringLiteral("pk_test_51Ya2Sd4Fg6Hj8Kl0Qw3Er5Ty7Ui9Op1Zz");
const QByteArray kSecretA = "whsec_Ah3Kd8Lq2Zm7Xp4Rt9Wn6Bv1Cy5Gj0Fs";
const QByteArray kSecretB = "whsec_Bq7Np2Vt9Ks4Hz6Lm1Xc8Rd3Fw5Jg0Ty";

const QString kApiKeyEntry = keys::kStripeApiKey;
const QString kSecretsEntry = keys::kStripeWebhookSecrets;

EnvSecretStore environment(const QList<std::pair<QString, QString>>& variables)
{
    QProcessEnvironment env;
    for (const auto& [name, value] : variables)
        env.insert(name, value);
    return EnvSecretStore(env);
}

// Every secret this test uses: none of them may appear in a message.
const QList<QByteArray>& allSecrets()
{
    static const QList<QByteArray> secrets = {kTestKey.toUtf8(), kLiveKey.toUtf8(), kPublishable.toUtf8(),
                                              kSecretA, kSecretB};
    return secrets;
}

void verifyNoSecretIn(const QStringList& messages)
{
    for (const QString& message : messages) {
        for (const QByteArray& secret : allSecrets()) {
            // The masked form keeps the prefix and the last four characters; the middle must never show.
            const QString middle = QString::fromUtf8(secret.mid(9, secret.size() - 13));
            QVERIFY2(!message.contains(QString::fromUtf8(secret)), qPrintable(message));
            QVERIFY2(!message.contains(middle), qPrintable(message));
        }
    }
}

} // namespace

class tst_Credentials final : public QObject {
    Q_OBJECT

private slots:
    void environmentOverridesKeychain();
    void environmentAloneNeedsNoKeychain();
    void scopeLimitsWhatIsLoaded();
    void keychainOnly();
    void noKeychainNoEnvironment();
    void commaSeparatedSecrets();
    void malformedEnvironmentApiKeyIsReportedNotReplaced();
    void webhookSecretGivenAsApiKey();
    void partlyMalformedSecretList();
    void malformedKeychainEntry();
    void unavailableKeychainReportedOnce();
    void refusingKeychainReported();
    void emptyVariableCountsAsUnset();
    void messagesNeverContainSecrets();
    void saveWritesCheckedValues();
    void saveRefusesMalformedValues();
    void saveKeepsOmittedEntry();
    void saveReportsUnavailableKeychain();
    void clearRemovesBothEntries();
    void environmentStoreIsReadOnly();
    void environmentStoreAnswersAsynchronously();
    void callbackDroppedWhenContextDies();
    void blockingReadGivesUpAfterTimeout();
    void missingMessagesSayWhatToDo();
};

void tst_Credentials::environmentOverridesKeychain()
{
    MemorySecretStore keychain;
    keychain.entries.insert(kApiKeyEntry, kTestKey.toUtf8());
    keychain.entries.insert(kSecretsEntry, kSecretA);

    const StripeCredentialsLoad load =
        loadStripeCredentials(&keychain, environment({{QStringLiteral("STRIPE_API_KEY"), kLiveKey}}));
    QVERIFY2(!load.hasProblems(), qPrintable(load.problems.join(QLatin1Char('\n'))));
    QCOMPARE(load.credentials.apiKey, kLiveKey);
    QCOMPARE(load.credentials.apiKeyOrigin, QStringLiteral("environment (STRIPE_API_KEY)"));
    QCOMPARE(load.credentials.webhookSecrets, QList<QByteArray>{kSecretA});
    QCOMPARE(load.credentials.webhookSecretsOrigin, QStringLiteral("keychain"));
    QVERIFY(load.keychainConsulted);
    QCOMPARE(keychain.reads, 1);
}

void tst_Credentials::environmentAloneNeedsNoKeychain()
{
    MemorySecretStore keychain;
    keychain.forcedAnswer = SecretResult::unavailable(QStringLiteral("No keychain is available: test."));

    const StripeCredentialsLoad load = loadStripeCredentials(
        &keychain, environment({{QStringLiteral("STRIPE_API_KEY"), kTestKey},
                                {QStringLiteral("STRIPE_WEBHOOK_SECRET"), QString::fromUtf8(kSecretB)}}));
    QVERIFY(!load.hasProblems());
    QVERIFY(!load.keychainConsulted);
    QVERIFY(!load.keychainUnavailable);
    QCOMPARE(keychain.reads, 0);
    QCOMPARE(load.credentials.webhookSecretsOrigin, QStringLiteral("environment (STRIPE_WEBHOOK_SECRET)"));
}

void tst_Credentials::scopeLimitsWhatIsLoaded()
{
    MemorySecretStore keychain;
    keychain.forcedAnswer = SecretResult::unavailable(QStringLiteral("No keychain is available: test."));
    const auto env = [] {
        return environment({{QStringLiteral("STRIPE_API_KEY"), kPublishable},
                            {QStringLiteral("STRIPE_WEBHOOK_SECRET"), QString::fromUtf8(kSecretA)}});
    };

    // A receiver needs only the webhook secrets: the malformed API key and the keychain stay out of it.
    const StripeCredentialsLoad receiver = loadStripeCredentials(&keychain, env(), {.apiKey = false});
    QVERIFY2(!receiver.hasProblems(), qPrintable(receiver.problems.join(QLatin1Char('\n'))));
    QCOMPARE(receiver.credentials.webhookSecrets, QList<QByteArray>{kSecretA});
    QVERIFY(!receiver.credentials.hasApiKey());
    QVERIFY(!receiver.keychainConsulted);
    QCOMPARE(keychain.reads, 0);

    // A poller needs only the API key: here it is malformed, and without the variable the keychain is asked.
    const StripeCredentialsLoad poller = loadStripeCredentials(&keychain, env(), {.webhookSecrets = false});
    QCOMPARE(poller.problems.size(), 1);
    QVERIFY(poller.apiKeyRejected);
    QVERIFY(!poller.credentials.hasWebhookSecrets());
    const StripeCredentialsLoad fromKeychain =
        loadStripeCredentials(&keychain, environment({}), {.webhookSecrets = false});
    QVERIFY(fromKeychain.keychainUnavailable);
    QCOMPARE(keychain.reads, 1);
}

void tst_Credentials::keychainOnly()
{
    MemorySecretStore keychain;
    keychain.entries.insert(kApiKeyEntry, kTestKey.toUtf8());
    keychain.entries.insert(kSecretsEntry, kSecretA + '\n' + kSecretB);

    const StripeCredentialsLoad load = loadStripeCredentials(&keychain, environment({}));
    QVERIFY(!load.hasProblems());
    QCOMPARE(load.credentials.apiKey, kTestKey);
    QCOMPARE(load.credentials.apiKeyOrigin, QStringLiteral("keychain"));
    QCOMPARE(load.credentials.webhookSecrets, (QList<QByteArray>{kSecretA, kSecretB}));
}

void tst_Credentials::noKeychainNoEnvironment()
{
    const StripeCredentialsLoad load = loadStripeCredentials(nullptr, environment({}));
    QVERIFY(!load.hasProblems());
    QVERIFY(!load.credentials.hasApiKey());
    QVERIFY(!load.credentials.hasWebhookSecrets());
    QVERIFY(load.credentials.apiKeyOrigin.isEmpty());
    QVERIFY(!load.keychainConsulted);
}

void tst_Credentials::commaSeparatedSecrets()
{
    const QString value =
        QStringLiteral(" %1, %2,,%1 ").arg(QString::fromUtf8(kSecretA), QString::fromUtf8(kSecretB));
    const StripeCredentialsLoad load =
        loadStripeCredentials(nullptr, environment({{QStringLiteral("STRIPE_WEBHOOK_SECRET"), value}}));
    QVERIFY2(!load.hasProblems(), qPrintable(load.problems.join(QLatin1Char('\n'))));
    QCOMPARE(load.credentials.webhookSecrets, (QList<QByteArray>{kSecretA, kSecretB}));

    QCOMPARE(splitWebhookSecrets(kSecretA + "\r\n" + kSecretB + "\n"),
             (QList<QByteArray>{kSecretA, kSecretB}));
    QVERIFY(splitWebhookSecrets(" ,\n").isEmpty());
}

void tst_Credentials::malformedEnvironmentApiKeyIsReportedNotReplaced()
{
    MemorySecretStore keychain;
    keychain.entries.insert(kApiKeyEntry, kTestKey.toUtf8());

    const StripeCredentialsLoad load =
        loadStripeCredentials(&keychain, environment({{QStringLiteral("STRIPE_API_KEY"), kPublishable}}));
    QCOMPARE(load.problems.size(), 1);
    QVERIFY(load.problems.first().contains(QStringLiteral("STRIPE_API_KEY")));
    QVERIFY(load.problems.first().contains(QStringLiteral("publishable")));
    QVERIFY(load.problems.first().contains(QStringLiteral("Fix or unset")));
    // The operator asked for the variable's value: silently using the keychain instead would hide that.
    QVERIFY(!load.credentials.hasApiKey());
    QVERIFY(load.apiKeyRejected);
    QVERIFY(!load.webhookSecretsRejected);
}

void tst_Credentials::webhookSecretGivenAsApiKey()
{
    const StripeCredentialsLoad load = loadStripeCredentials(
        nullptr, environment({{QStringLiteral("STRIPE_API_KEY"), QString::fromUtf8(kSecretA)},
                              {QStringLiteral("STRIPE_WEBHOOK_SECRET"), kTestKey}}));
    QCOMPARE(load.problems.size(), 2);
    QVERIFY(load.problems.at(0).contains(QStringLiteral("webhook signing secret (whsec_…), not an API key")));
    QVERIFY(load.problems.at(1).contains(QStringLiteral("STRIPE_WEBHOOK_SECRET")));
    QVERIFY(load.problems.at(1).contains(QStringLiteral("not a webhook signing secret")));
    QVERIFY(!load.credentials.hasApiKey());
    QVERIFY(!load.credentials.hasWebhookSecrets());
}

void tst_Credentials::partlyMalformedSecretList()
{
    const QString value = QString::fromUtf8(kSecretA) + QStringLiteral(",whsec_tooshort,") + kLiveKey;
    const StripeCredentialsLoad load =
        loadStripeCredentials(nullptr, environment({{QStringLiteral("STRIPE_WEBHOOK_SECRET"), value}}));
    QCOMPARE(load.credentials.webhookSecrets, QList<QByteArray>{kSecretA});
    QVERIFY(!load.webhookSecretsRejected);
    QCOMPARE(load.problems.size(), 2);
    QVERIFY(load.problems.at(0).contains(QStringLiteral("item 2 of 3")));
    QVERIFY(load.problems.at(0).contains(QStringLiteral("too short")));
    QVERIFY(load.problems.at(1).contains(QStringLiteral("item 3 of 3")));
}

void tst_Credentials::malformedKeychainEntry()
{
    MemorySecretStore keychain;
    keychain.entries.insert(kApiKeyEntry, "sk_test_cut");
    keychain.entries.insert(kSecretsEntry, "\n");

    const StripeCredentialsLoad load = loadStripeCredentials(&keychain, environment({}));
    QCOMPARE(load.problems.size(), 2);
    QVERIFY(load.problems.at(0).contains(QStringLiteral("stored in the keychain")));
    QVERIFY(load.problems.at(0).contains(QStringLiteral("connections set stripe")));
    QVERIFY(load.problems.at(1).contains(QStringLiteral("contains no webhook secret")));
    QVERIFY(load.apiKeyRejected);
    QVERIFY(load.webhookSecretsRejected);
}

void tst_Credentials::unavailableKeychainReportedOnce()
{
    MemorySecretStore keychain;
    const QString reason = QStringLiteral("No keychain is available: there is no D-Bus session bus.");
    keychain.forcedAnswer = SecretResult::unavailable(reason);

    const StripeCredentialsLoad load = loadStripeCredentials(&keychain, environment({}));
    QCOMPARE(load.problems, QStringList{reason});
    QVERIFY(load.keychainUnavailable);
    QVERIFY(load.keychainConsulted);
    QCOMPARE(keychain.reads, 1);
}

void tst_Credentials::refusingKeychainReported()
{
    MemorySecretStore keychain;
    keychain.forcedAnswer = SecretResult::failed(QStringLiteral("Access to the keychain was refused."));

    const StripeCredentialsLoad load =
        loadStripeCredentials(&keychain, environment({{QStringLiteral("STRIPE_API_KEY"), kTestKey}}));
    QCOMPARE(load.problems, QStringList{QStringLiteral("Access to the keychain was refused.")});
    QVERIFY(!load.keychainUnavailable);
    QCOMPARE(load.credentials.apiKey, kTestKey);
}

void tst_Credentials::emptyVariableCountsAsUnset()
{
    MemorySecretStore keychain;
    keychain.entries.insert(kApiKeyEntry, kTestKey.toUtf8());
    const StripeCredentialsLoad load =
        loadStripeCredentials(&keychain, environment({{QStringLiteral("STRIPE_API_KEY"), QString()}}));
    QCOMPARE(load.credentials.apiKeyOrigin, QStringLiteral("keychain"));

    // Only blanks is not "unset": it is a mistake worth reporting.
    const StripeCredentialsLoad blank = loadStripeCredentials(
        &keychain, environment({{QStringLiteral("STRIPE_API_KEY"), QStringLiteral("  ")}}));
    QCOMPARE(blank.problems.size(), 1);
    QVERIFY(blank.problems.first().contains(QStringLiteral("empty")));
}

void tst_Credentials::messagesNeverContainSecrets()
{
    MemorySecretStore keychain;
    keychain.entries.insert(kApiKeyEntry, kSecretB);
    keychain.entries.insert(kSecretsEntry, kLiveKey.toUtf8() + '\n' + kPublishable.toUtf8());
    const QList<QList<std::pair<QString, QString>>> environments = {
        {},
        {{QStringLiteral("STRIPE_API_KEY"), kPublishable}},
        {{QStringLiteral("STRIPE_API_KEY"), QString::fromUtf8(kSecretA)},
         {QStringLiteral("STRIPE_WEBHOOK_SECRET"), kTestKey + QLatin1Char(',') + kLiveKey}},
        {{QStringLiteral("STRIPE_API_KEY"), QLatin1Char(' ') + kLiveKey}},
    };
    for (const auto& variables : environments) {
        const StripeCredentialsLoad load = loadStripeCredentials(&keychain, environment(variables));
        QVERIFY(load.hasProblems());
        verifyNoSecretIn(load.problems);
    }

    MemorySecretStore target;
    const StripeCredentialsChange change =
        saveStripeCredentials(target, kPublishable, QList<QByteArray>{kTestKey.toUtf8(), kSecretA});
    QVERIFY(change.invalidInput);
    verifyNoSecretIn(change.problems);
}

void tst_Credentials::saveWritesCheckedValues()
{
    MemorySecretStore keychain;
    const StripeCredentialsChange change =
        saveStripeCredentials(keychain, kLiveKey, QList<QByteArray>{kSecretA, kSecretB, kSecretA});
    QVERIFY2(change.isOk(), qPrintable(change.problems.join(QLatin1Char('\n'))));
    QCOMPARE(keychain.entries.value(kApiKeyEntry), kLiveKey.toUtf8());
    QCOMPARE(keychain.entries.value(kSecretsEntry), kSecretA + '\n' + kSecretB);

    // What was saved loads back unchanged.
    const StripeCredentialsLoad load = loadStripeCredentials(&keychain, environment({}));
    QCOMPARE(load.credentials.apiKey, kLiveKey);
    QCOMPARE(load.credentials.webhookSecrets, (QList<QByteArray>{kSecretA, kSecretB}));
}

void tst_Credentials::saveRefusesMalformedValues()
{
    MemorySecretStore keychain;
    keychain.entries.insert(kApiKeyEntry, kTestKey.toUtf8());

    StripeCredentialsChange change =
        saveStripeCredentials(keychain, kLiveKey, QList<QByteArray>{kSecretA, "nope"});
    QVERIFY(change.invalidInput);
    QCOMPARE(change.problems.size(), 1);
    QVERIFY(change.problems.first().startsWith(QStringLiteral("Webhook secret 2: ")));
    QCOMPARE(keychain.writes, 0);
    QCOMPARE(keychain.entries.value(kApiKeyEntry), kTestKey.toUtf8());

    change = saveStripeCredentials(keychain, QString::fromUtf8(kSecretA), std::nullopt);
    QVERIFY(change.invalidInput);
    QVERIFY(change.problems.first().startsWith(QStringLiteral("API key: ")));

    change = saveStripeCredentials(keychain, std::nullopt, QList<QByteArray>{});
    QVERIFY(change.invalidInput);

    change = saveStripeCredentials(keychain, std::nullopt, std::nullopt);
    QVERIFY(change.invalidInput);
    QCOMPARE(keychain.writes, 0);
}

void tst_Credentials::saveKeepsOmittedEntry()
{
    MemorySecretStore keychain;
    keychain.entries.insert(kApiKeyEntry, kTestKey.toUtf8());
    keychain.entries.insert(kSecretsEntry, kSecretA);

    QVERIFY(saveStripeCredentials(keychain, std::nullopt, QList<QByteArray>{kSecretB}).isOk());
    QCOMPARE(keychain.entries.value(kApiKeyEntry), kTestKey.toUtf8());
    QCOMPARE(keychain.entries.value(kSecretsEntry), kSecretB);

    QVERIFY(saveStripeCredentials(keychain, kLiveKey, std::nullopt).isOk());
    QCOMPARE(keychain.entries.value(kApiKeyEntry), kLiveKey.toUtf8());
    QCOMPARE(keychain.entries.value(kSecretsEntry), kSecretB);
}

void tst_Credentials::saveReportsUnavailableKeychain()
{
    MemorySecretStore keychain;
    keychain.forcedAnswer = SecretResult::unavailable(QStringLiteral("No keychain is available: locked."));
    const StripeCredentialsChange change =
        saveStripeCredentials(keychain, kTestKey, QList<QByteArray>{kSecretA});
    QVERIFY(!change.isOk());
    QVERIFY(!change.invalidInput);
    QVERIFY(change.keychainUnavailable);
    // It stops at the first failure instead of repeating the same message.
    QCOMPARE(change.problems, QStringList{QStringLiteral("No keychain is available: locked.")});
    QCOMPARE(keychain.writes, 1);
}

void tst_Credentials::clearRemovesBothEntries()
{
    MemorySecretStore keychain;
    keychain.entries.insert(kApiKeyEntry, kTestKey.toUtf8());
    keychain.entries.insert(kSecretsEntry, kSecretA);
    keychain.entries.insert(QStringLiteral("customerio/site_id"), "site");

    QVERIFY(clearStripeCredentials(keychain).isOk());
    QCOMPARE(keychain.entries.keys(), QStringList{QStringLiteral("customerio/site_id")});

    keychain.forcedAnswer = SecretResult::unavailable(QStringLiteral("No keychain is available: test."));
    const StripeCredentialsChange change = clearStripeCredentials(keychain);
    QVERIFY(change.keychainUnavailable);
}

void tst_Credentials::environmentStoreIsReadOnly()
{
    EnvSecretStore env = environment({{QStringLiteral("STRIPE_API_KEY"), kTestKey}});
    QCOMPARE(env.backendName(), QStringLiteral("environment"));

    const SecretResult write = env.writeBlocking(kApiKeyEntry, kLiveKey.toUtf8());
    QCOMPARE(write.status, SecretResult::Status::ReadOnly);
    QVERIFY(write.error.contains(QStringLiteral("cannot be changed from here")));
    QVERIFY(write.error.contains(QStringLiteral("STRIPE_API_KEY")));
    QVERIFY(!write.error.contains(kLiveKey));

    const SecretResult remove = env.removeBlocking(kSecretsEntry);
    QCOMPARE(remove.status, SecretResult::Status::ReadOnly);
    QVERIFY(remove.error.contains(QStringLiteral("STRIPE_WEBHOOK_SECRET")));

    QCOMPARE(env.readBlocking(kApiKeyEntry).value, kTestKey.toUtf8());
    QCOMPARE(env.readBlocking(kSecretsEntry).status, SecretResult::Status::NotFound);
    QCOMPARE(env.readBlocking(QStringLiteral("unknown/entry")).status, SecretResult::Status::NotFound);

    QCOMPARE(EnvSecretStore::variableFor(keys::kCustomerIoTrackApiKey),
             QStringLiteral("CUSTOMERIO_TRACK_API_KEY"));
    QVERIFY(EnvSecretStore::variableFor(QStringLiteral("unknown/entry")).isEmpty());
}

void tst_Credentials::environmentStoreAnswersAsynchronously()
{
    EnvSecretStore env = environment({{QStringLiteral("STRIPE_API_KEY"), kTestKey}});
    std::optional<SecretResult> answer;
    env.read(kApiKeyEntry, [&answer](const SecretResult& result) { answer = result; });
    // Never inside read() itself: callers may still be setting up when it returns.
    QVERIFY(!answer);
    QTRY_VERIFY(answer.has_value());
    QVERIFY(answer->isOk());
    QCOMPARE(answer->value, kTestKey.toUtf8());
}

void tst_Credentials::callbackDroppedWhenContextDies()
{
    EnvSecretStore env = environment({{QStringLiteral("STRIPE_API_KEY"), kTestKey}});
    int calls = 0;
    auto* context = new QObject;
    env.read(
        kApiKeyEntry, [&calls](const SecretResult&) { ++calls; }, context);
    delete context;

    QObject survivor;
    bool survivorCalled = false;
    env.read(
        kApiKeyEntry, [&survivorCalled](const SecretResult&) { survivorCalled = true; }, &survivor);
    QTRY_VERIFY(survivorCalled);
    QCOMPARE(calls, 0);
}

void tst_Credentials::blockingReadGivesUpAfterTimeout()
{
    MemorySecretStore keychain;
    keychain.silent = true;
    QElapsedTimer clock;
    clock.start();
    const SecretResult result = keychain.readBlocking(kApiKeyEntry, std::chrono::milliseconds(200));
    QVERIFY(clock.elapsed() >= 150);
    QCOMPARE(result.status, SecretResult::Status::Unavailable);
    QVERIFY(result.error.contains(QStringLiteral("memory store did not answer")));
    QVERIFY(result.error.contains(QStringLiteral("STRIPE_API_KEY")));
}

void tst_Credentials::missingMessagesSayWhatToDo()
{
    QVERIFY(missingApiKeyMessage().contains(QStringLiteral("billbridge-cli connections set stripe")));
    QVERIFY(missingApiKeyMessage().contains(QStringLiteral("STRIPE_API_KEY")));
    QVERIFY(missingWebhookSecretsMessage().contains(QStringLiteral("STRIPE_WEBHOOK_SECRET")));
    QVERIFY(missingWebhookSecretsMessage().contains(QStringLiteral("commas")));
}

QTEST_GUILESS_MAIN(tst_Credentials)
#include "tst_credentials.moc"
