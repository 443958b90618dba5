#include "secrets/credentials.h"

#include "secrets/envsecretstore.h"
#include "secrets/secretstore.h"
#include "stripe/stripekeys.h"
#include "util/logging.h"

#include <QRegularExpression>

namespace billbridge::secrets {

namespace {

const QString kKeychainOrigin = QStringLiteral("keychain");

QString environmentOrigin(const QString& key)
{
    return QStringLiteral("environment (%1)").arg(EnvSecretStore::variableFor(key));
}

// Reads one keychain entry once; an unavailable keychain is reported a single time even when several
// entries were wanted.
class KeychainReader final {
public:
    KeychainReader(SecretStore* keychain, StripeCredentialsLoad& load)
        : m_keychain(keychain)
        , m_load(load)
    {}

    std::optional<QByteArray> read(const QString& key)
    {
        if (!m_keychain || m_load.keychainUnavailable)
            return std::nullopt;
        m_load.keychainConsulted = true;
        const SecretResult result = m_keychain->readBlocking(key);
        switch (result.status) {
        case SecretResult::Status::Ok:
            return result.value;
        case SecretResult::Status::NotFound:
            return std::nullopt;
        case SecretResult::Status::Unavailable:
            m_load.keychainUnavailable = true;
            m_load.problems.append(result.error);
            return std::nullopt;
        case SecretResult::Status::ReadOnly:
        case SecretResult::Status::Failed:
            m_load.problems.append(result.error);
            return std::nullopt;
        }
        return std::nullopt;
    }

private:
    SecretStore* m_keychain;
    StripeCredentialsLoad& m_load;
};

void takeApiKey(StripeCredentialsLoad& load, const QByteArray& raw, const QString& origin,
                bool fromEnvironment)
{
    const QString text = QString::fromUtf8(raw);
    const stripe::KeyCheck check = stripe::checkApiKey(text);
    if (check.isUsable()) {
        load.credentials.apiKey = text;
        load.credentials.apiKeyOrigin = origin;
        return;
    }
    load.apiKeyRejected = true;
    if (fromEnvironment)
        load.problems.append(QStringLiteral("STRIPE_API_KEY is set but not usable: %1 Fix or unset the "
                                            "variable; while it is set it overrides the keychain.")
                                 .arg(check.problem));
    else
        load.problems.append(
            QStringLiteral("The Stripe API key stored in the keychain is not usable: %1 Store "
                           "a new one with 'billbridge-cli connections set stripe'.")
                .arg(check.problem));
}

void takeWebhookSecrets(StripeCredentialsLoad& load, const QByteArray& raw, const QString& origin,
                        bool fromEnvironment)
{
    const QList<QByteArray> items = splitWebhookSecrets(raw);
    const QString where = fromEnvironment ? QStringLiteral("STRIPE_WEBHOOK_SECRET")
                                          : QStringLiteral("The webhook secrets stored in the keychain");
    const QString fix = fromEnvironment ? QStringLiteral("Fix or unset the variable.")
                                        : QStringLiteral("Store them again with 'billbridge-cli connections "
                                                         "set stripe --webhook-secrets-only'.");
    if (items.isEmpty()) {
        load.webhookSecretsRejected = true;
        load.problems.append(QStringLiteral("%1 contains no webhook secret. %2").arg(where, fix));
        return;
    }
    QList<QByteArray> usable;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const stripe::KeyCheck check = stripe::checkWebhookSecret(QString::fromUtf8(items.at(i)));
        if (check.isUsable()) {
            usable.append(items.at(i));
            continue;
        }
        const QString which =
            items.size() == 1 ? where
                              : QStringLiteral("%1, item %2 of %3").arg(where).arg(i + 1).arg(items.size());
        load.problems.append(QStringLiteral("%1: %2 %3").arg(which, check.problem, fix));
    }
    if (!usable.isEmpty()) {
        load.credentials.webhookSecrets = usable;
        load.credentials.webhookSecretsOrigin = origin;
    } else {
        load.webhookSecretsRejected = true;
    }
}

void noteWriteFailure(StripeCredentialsChange& change, const SecretResult& result)
{
    if (result.status == SecretResult::Status::Unavailable)
        change.keychainUnavailable = true;
    change.problems.append(result.error);
}

} // namespace

StripeCredentialsLoad loadStripeCredentials(SecretStore* keychainOrNull, StripeCredentialsScope scope)
{
    return loadStripeCredentials(keychainOrNull, EnvSecretStore(), scope);
}

StripeCredentialsLoad loadStripeCredentials(SecretStore* keychainOrNull, const EnvSecretStore& environment,
                                            StripeCredentialsScope scope)
{
    StripeCredentialsLoad load;
    KeychainReader keychain(keychainOrNull, load);

    // Values outside the scope are neither looked up nor checked.
    if (scope.apiKey) {
        const QString entry = keys::kStripeApiKey;
        if (const SecretResult env = environment.lookup(entry); env.isOk())
            takeApiKey(load, env.value, environmentOrigin(entry), true);
        else if (const auto stored = keychain.read(entry))
            takeApiKey(load, *stored, kKeychainOrigin, false);
    }
    if (scope.webhookSecrets) {
        const QString entry = keys::kStripeWebhookSecrets;
        if (const SecretResult env = environment.lookup(entry); env.isOk())
            takeWebhookSecrets(load, env.value, environmentOrigin(entry), true);
        else if (const auto stored = keychain.read(entry))
            takeWebhookSecrets(load, *stored, kKeychainOrigin, false);
    }

    const auto originOrNone = [](const QString& origin) {
        return origin.isEmpty() ? QStringLiteral("nowhere") : origin;
    };
    qCDebug(lcSecrets).noquote() << "Stripe credentials: API key from"
                                 << originOrNone(load.credentials.apiKeyOrigin) << "/"
                                 << load.credentials.webhookSecrets.size() << "webhook secret(s) from"
                                 << originOrNone(load.credentials.webhookSecretsOrigin) << "/"
                                 << load.problems.size() << "problem(s)";
    return load;
}

QString missingApiKeyMessage()
{
    return QStringLiteral(
        "No Stripe API key is configured. Run 'billbridge-cli connections set stripe' to store "
        "one in the keychain, or set STRIPE_API_KEY for headless use.");
}

QString missingWebhookSecretsMessage()
{
    return QStringLiteral(
        "No Stripe webhook signing secret is configured. Run 'billbridge-cli connections set "
        "stripe' to store it in the keychain, or set STRIPE_WEBHOOK_SECRET (several secrets "
        "separated by commas) for headless use.");
}

QList<QByteArray> splitWebhookSecrets(const QByteArray& text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    QList<QByteArray> secrets;
    const QStringList parts = QString::fromUtf8(text).split(separators, Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        const QByteArray secret = part.toUtf8();
        if (!secrets.contains(secret))
            secrets.append(secret);
    }
    return secrets;
}

StripeCredentialsChange saveStripeCredentials(SecretStore& keychain, const std::optional<QString>& apiKey,
                                              const std::optional<QList<QByteArray>>& webhookSecrets)
{
    StripeCredentialsChange change;
    if (apiKey) {
        const stripe::KeyCheck check = stripe::checkApiKey(*apiKey);
        if (!check.isUsable())
            change.problems.append(QStringLiteral("API key: %1").arg(check.problem));
    }
    if (webhookSecrets) {
        if (webhookSecrets->isEmpty())
            change.problems.append(QStringLiteral("No webhook signing secret was given. ") +
                                   missingWebhookSecretsMessage());
        for (qsizetype i = 0; i < webhookSecrets->size(); ++i) {
            const stripe::KeyCheck check =
                stripe::checkWebhookSecret(QString::fromUtf8(webhookSecrets->at(i)));
            if (check.isUsable())
                continue;
            const QString label = webhookSecrets->size() == 1
                                      ? QStringLiteral("Webhook secret")
                                      : QStringLiteral("Webhook secret %1").arg(i + 1);
            change.problems.append(QStringLiteral("%1: %2").arg(label, check.problem));
        }
    }
    if (!apiKey && !webhookSecrets)
        change.problems.append(QStringLiteral("Nothing to save: give an API key, webhook secrets or both."));
    if (!change.problems.isEmpty()) {
        change.invalidInput = true;
        return change;
    }

    if (apiKey) {
        const SecretResult written = keychain.writeBlocking(keys::kStripeApiKey, apiKey->toUtf8());
        if (!written.isOk()) {
            noteWriteFailure(change, written);
            return change;
        }
    }
    if (webhookSecrets) {
        QList<QByteArray> unique;
        for (const QByteArray& secret : *webhookSecrets) {
            if (!unique.contains(secret))
                unique.append(secret);
        }
        const SecretResult written = keychain.writeBlocking(keys::kStripeWebhookSecrets, unique.join('\n'));
        if (!written.isOk())
            noteWriteFailure(change, written);
    }
    return change;
}

StripeCredentialsChange clearStripeCredentials(SecretStore& keychain)
{
    StripeCredentialsChange change;
    for (const QLatin1String key : {keys::kStripeApiKey, keys::kStripeWebhookSecrets}) {
        const SecretResult removed = keychain.removeBlocking(key);
        if (!removed.isOk()) {
            noteWriteFailure(change, removed);
            break;
        }
    }
    return change;
}

} // namespace billbridge::secrets
