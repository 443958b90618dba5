#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace billbridge::secrets {

class EnvSecretStore;
class SecretStore;

struct StripeCredentials {
    // Empty when not configured (or configured but unusable; see the load's problems).
    QString apiKey;
    // Every usable signing secret; a webhook is accepted when it is signed with any of them.
    QList<QByteArray> webhookSecrets;
    // Where each value came from, for people: "environment (STRIPE_API_KEY)", "keychain"; empty when unset.
    QString apiKeyOrigin;
    QString webhookSecretsOrigin;

    bool hasApiKey() const { return !apiKey.isEmpty(); }
    bool hasWebhookSecrets() const { return !webhookSecrets.isEmpty(); }
};

struct StripeCredentialsLoad {
    StripeCredentials credentials;
    // Plain-words problems: malformed values, keychain unavailable. They name variables and entries and
    // may show masked values, never a secret itself. A value that is simply not configured is not a
    // problem here: each caller knows what it needs (see missingApiKeyMessage()).
    QStringList problems;
    // A value was found (environment or keychain) but rejected; the reason is among the problems.
    bool apiKeyRejected = false;
    bool webhookSecretsRejected = false;
    // The keychain was needed but could not be used (the CLI exits with its configuration code). A caller
    // that already has every value it needs from the environment may treat this as a warning.
    bool keychainUnavailable = false;
    // False when the environment supplied everything and the keychain was never asked.
    bool keychainConsulted = false;

    bool hasProblems() const { return !problems.isEmpty(); }
};

// Which values a command needs; the others are neither looked up nor checked, so that e.g. `serve` with
// only STRIPE_WEBHOOK_SECRET set never asks (or complains about) a keychain for an API key it does not use.
struct StripeCredentialsScope {
    bool apiKey = true;
    bool webhookSecrets = true;
};

// Loads the Stripe credentials: STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET (comma-separated) override the
// keychain entry by entry. A variable that is set to something malformed is reported, not skipped in
// favour of the keychain: the operator asked for that value. `keychainOrNull` may be null (environment
// only). Blocking: it spins a local event loop when it has to ask the keychain (see SecretStore), so call it
// from the CLI or at start-up, not from GUI code.
//
//   secrets::KeychainSecretStore keychain;
//   const auto load = secrets::loadStripeCredentials(&keychain, {.apiKey = false});
StripeCredentialsLoad loadStripeCredentials(SecretStore* keychainOrNull, StripeCredentialsScope scope = {});
// Same, with the environment given (tests).
StripeCredentialsLoad loadStripeCredentials(SecretStore* keychainOrNull, const EnvSecretStore& environment,
                                            StripeCredentialsScope scope = {});

// What to tell an operator when a command needs a value that is not configured.
QString missingApiKeyMessage();
QString missingWebhookSecretsMessage();

// Splits a list of webhook secrets as found in STRIPE_WEBHOOK_SECRET or the keychain entry: separated by
// commas, line breaks or blanks; empty items are dropped and repeats removed.
QList<QByteArray> splitWebhookSecrets(const QByteArray& text);

struct StripeCredentialsChange {
    QStringList problems;
    // A value had the wrong shape: nothing was written.
    bool invalidInput = false;
    // The keychain could not be used; some values may not have been written.
    bool keychainUnavailable = false;

    bool isOk() const { return problems.isEmpty(); }
};

// Checks the shapes of the given values and, only if all are usable, writes them to the keychain
// (webhook secrets into one entry, one per line). std::nullopt leaves that entry as it is. Blocking.
StripeCredentialsChange saveStripeCredentials(SecretStore& keychain, const std::optional<QString>& apiKey,
                                              const std::optional<QList<QByteArray>>& webhookSecrets);
// Removes both Stripe entries from the keychain. Blocking.
StripeCredentialsChange clearStripeCredentials(SecretStore& keychain);

} // namespace billbridge::secrets
