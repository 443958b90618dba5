#include "clicommon.h"
#include "connectionscommon.h"
#include "secrets/credentials.h"
#include "secrets/keychainsecretstore.h"
#include "stripe/stripeclient.h"
#include "stripe/stripekeys.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <optional>
#include <variant>

namespace billbridge::cli::connectionscli {

namespace {

QString describeApiKey(const QString& key)
{
    return stripe::describeKey(stripe::checkApiKey(key));
}

QString describeWebhookSecret(const QByteArray& secret)
{
    return stripe::describeKey(stripe::checkWebhookSecret(QString::fromUtf8(secret)));
}

// The values `set stripe` was given; nullopt leaves that entry unchanged.
struct StripeInput {
    std::optional<QString> apiKey;
    std::optional<QList<QByteArray>> webhookSecrets;
};

QList<QByteArray> secretsFromLines(const QStringList& lines)
{
    QByteArray joined;
    for (const QString& line : lines)
        joined += line.toUtf8() + '\n';
    return secrets::splitWebhookSecrets(joined);
}

// Returns the input, or the exit code to leave with.
std::variant<StripeInput, int> readStripeInput(bool wantApiKey, bool wantSecrets)
{
    StripeInput input;
    if (stdinIsTerminal()) {
        if (wantApiKey) {
            const auto key = promptHidden(QStringLiteral("Stripe API key (sk_… or rk_…; input hidden; leave "
                                                         "empty to keep the stored one): "));
            if (!key) {
                printError(QStringLiteral("input ended; nothing was changed."));
                return int(ExitUsage);
            }
            if (!key->isEmpty())
                input.apiKey = *key;
        }
        if (wantSecrets) {
            const auto secrets =
                promptHidden(QStringLiteral("Webhook signing secret(s) (whsec_…, several "
                                            "separated by commas; input hidden; leave empty to "
                                            "keep the stored ones): "));
            if (!secrets) {
                printError(QStringLiteral("input ended; nothing was changed."));
                return int(ExitUsage);
            }
            if (!secrets->isEmpty())
                input.webhookSecrets = secrets::splitWebhookSecrets(secrets->toUtf8());
        }
        if (!input.apiKey && !input.webhookSecrets) {
            printError(QStringLiteral("nothing was entered; nothing was changed."));
            return int(ExitUsage);
        }
        return input;
    }

    QStringList lines = readStandardInputLines();
    if (lines.isEmpty()) {
        printError(
            QStringLiteral("nothing was read from standard input. Pipe the API key and then the webhook "
                           "signing secret(s), one per line, or run the command in a terminal to be "
                           "prompted."));
        return int(ExitUsage);
    }
    if (wantApiKey && !wantSecrets) {
        if (lines.size() > 1) {
            printError(QStringLiteral("--api-key-only expects exactly one line (the API key) on standard "
                                      "input, but got %1 lines.")
                           .arg(lines.size()));
            return int(ExitUsage);
        }
        input.apiKey = lines.first();
        return input;
    }
    if (wantApiKey) {
        input.apiKey = lines.takeFirst();
        // A malformed first line is reported by the shape check (it may be a webhook secret given first).
        if (lines.isEmpty() && stripe::checkApiKey(*input.apiKey).isUsable()) {
            printError(
                QStringLiteral("no webhook signing secret followed the API key on standard input. Give "
                               "one or more whsec_ lines after the key, or use --api-key-only."));
            return int(ExitUsage);
        }
    }
    if (!lines.isEmpty())
        input.webhookSecrets = secretsFromLines(lines);
    return input;
}

} // namespace

int setStripe(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Stores the Stripe API key and webhook signing secret(s) in the keychain. In a terminal "
        "you are prompted with the input hidden; otherwise standard input gives the API key on "
        "the first line, then one or more whsec_ lines. Secrets are never read from "
        "arguments."));
    parser.addHelpOption();
    const QCommandLineOption apiKeyOnly(
        QStringLiteral("api-key-only"),
        QStringLiteral("Set only the API key; keep the stored webhook secrets."));
    const QCommandLineOption secretsOnly(QStringLiteral("webhook-secrets-only"),
                                         QStringLiteral("Set only the webhook signing secret(s); keep the "
                                                        "stored API key."));
    parser.addOption(apiKeyOnly);
    parser.addOption(secretsOnly);
    addAuditStoreOption(parser);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        // The value is not repeated: it may be a secret that already landed in the shell history.
        printError(
            QStringLiteral("'connections set stripe' takes no values as arguments: secrets given there "
                           "are visible to other users in the process list and are kept in the shell "
                           "history. Pipe them on standard input or run the command in a terminal to be "
                           "prompted. If you typed a real key, consider rolling it in the Stripe "
                           "Dashboard."));
        return ExitUsage;
    }
    if (parser.isSet(apiKeyOnly) && parser.isSet(secretsOnly)) {
        printError(QStringLiteral("--api-key-only and --webhook-secrets-only cannot be combined."));
        return ExitUsage;
    }

    const auto read = readStripeInput(!parser.isSet(secretsOnly), !parser.isSet(apiKeyOnly));
    if (const int* exit = std::get_if<int>(&read))
        return *exit;
    const StripeInput& input = std::get<StripeInput>(read);

    secrets::KeychainSecretStore keychain;
    const secrets::StripeCredentialsChange change =
        secrets::saveStripeCredentials(keychain, input.apiKey, input.webhookSecrets);
    if (!change.isOk()) {
        for (const QString& problem : change.problems)
            printError(problem);
        if (change.invalidInput) {
            printInfo(QStringLiteral("Nothing was saved."));
            if (input.apiKey && stripe::classifyKey(*input.apiKey).kind == stripe::KeyKind::WebhookSecret)
                printInfo(
                    QStringLiteral("To store only webhook signing secrets, use --webhook-secrets-only."));
        }
        return ExitConfiguration;
    }

    QStringList changedFields;
    if (input.apiKey)
        changedFields << QStringLiteral("api_key");
    if (input.webhookSecrets)
        changedFields << QStringLiteral("webhook_secrets");
    auditConnectionChange(parser, QStringLiteral("connections.set"), QStringLiteral("stripe"), changedFields);
    printOut(QStringLiteral("Saved in the %1:").arg(keychain.backendName()));
    if (input.apiKey)
        printField(QStringLiteral("API key"), {describeApiKey(*input.apiKey)});
    if (input.webhookSecrets) {
        QStringList described;
        for (const QByteArray& secret : *input.webhookSecrets)
            described.append(describeWebhookSecret(secret));
        printField(QStringLiteral("Webhook secrets"), described);
    }
    if (input.apiKey && stripe::classifyKey(*input.apiKey).kind == stripe::KeyKind::RestrictedKey)
        printInfo(
            QStringLiteral("Note: a restricted key needs read access to Events (and to the objects they "
                           "refer to) for backfill and polling."));
    if (input.apiKey && environmentHas("STRIPE_API_KEY"))
        printInfo(
            QStringLiteral("Note: STRIPE_API_KEY is set in this environment and overrides the stored key "
                           "while it is set."));
    if (input.webhookSecrets && environmentHas("STRIPE_WEBHOOK_SECRET"))
        printInfo(QStringLiteral("Note: STRIPE_WEBHOOK_SECRET is set in this environment and overrides the "
                                 "stored secrets while it is set."));
    return ExitOk;
}

int clearStripe(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Removes the Stripe API key and webhook signing secrets from the keychain."));
    parser.addHelpOption();
    addAuditStoreOption(parser);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("'connections clear stripe' takes no arguments (see --help)."));
        return ExitUsage;
    }

    secrets::KeychainSecretStore keychain;
    const secrets::StripeCredentialsChange change = secrets::clearStripeCredentials(keychain);
    if (!change.isOk()) {
        for (const QString& problem : change.problems)
            printError(problem);
        return ExitConfiguration;
    }
    auditConnectionChange(parser, QStringLiteral("connections.clear"), QStringLiteral("stripe"),
                          {QStringLiteral("api_key"), QStringLiteral("webhook_secrets")});
    printOut(QStringLiteral("Removed the Stripe API key and webhook signing secrets from the %1.")
                 .arg(keychain.backendName()));
    if (environmentHas("STRIPE_API_KEY") || environmentHas("STRIPE_WEBHOOK_SECRET"))
        printInfo(
            QStringLiteral("Note: STRIPE_API_KEY or STRIPE_WEBHOOK_SECRET is still set in this environment "
                           "and still applies."));
    return ExitOk;
}

// Makes one authenticated call (the newest event) and says in plain words whether the key works, in
// which mode, and what to do when it does not.
int testStripe(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check the Stripe API key against Stripe (or BILLBRIDGE_STRIPE_API_BASE)."));
    parser.addHelpOption();
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;

    secrets::KeychainSecretStore keychain;
    const secrets::StripeCredentialsLoad load =
        secrets::loadStripeCredentials(&keychain, {.apiKey = true, .webhookSecrets = false});
    for (const QString& problem : load.problems)
        printError(problem);
    if (load.credentials.apiKey.isEmpty()) {
        if (!load.apiKeyRejected && !load.keychainUnavailable)
            printError(secrets::missingApiKeyMessage());
        return ExitConfiguration;
    }
    const stripe::StripeApiConfig config = stripe::StripeApiConfig::resolve(load.credentials.apiKey);
    if (const QString problem = config.validate(); !problem.isEmpty()) {
        printError(problem);
        return ExitConfiguration;
    }
    printInfo(QStringLiteral("checking %1 (%2) against %3 …")
                  .arg(stripe::describeKey(stripe::checkApiKey(load.credentials.apiKey)),
                       load.credentials.apiKeyOrigin, config.baseUrl.toString()));
    stripe::StripeClient client(config);
    int exitCode = ExitFailure;
    client.checkCredentials([&exitCode](const stripe::CredentialCheck& check) {
        if (check.accepted) {
            printOut(check.verdict);
            exitCode = ExitOk;
        } else {
            printError(check.verdict);
            const auto kind = check.error ? check.error->kind : stripe::StripeErrorKind::Network;
            exitCode = kind == stripe::StripeErrorKind::KeyRejected ||
                               kind == stripe::StripeErrorKind::PermissionDenied
                           ? ExitAuthentication
                           : ExitFailure;
        }
        QCoreApplication::exit(exitCode);
    });
    QCoreApplication::exec();
    return exitCode;
}

StripeSection showStripe(secrets::KeychainSecretStore& keychain)
{
    const secrets::StripeCredentialsLoad load = secrets::loadStripeCredentials(&keychain);
    const secrets::StripeCredentials& credentials = load.credentials;
    StripeSection section;
    section.keychainConsulted = load.keychainConsulted;
    QStringList& problems = section.problems;
    problems = load.problems;

    printOut(QStringLiteral("Stripe"));
    if (credentials.hasApiKey()) {
        printField(QStringLiteral("API key"), {describeApiKey(credentials.apiKey)});
        printField(QStringLiteral("  from"), {credentials.apiKeyOrigin});
    } else if (load.apiKeyRejected) {
        printField(QStringLiteral("API key"), {QStringLiteral("not usable (see below)")});
    } else {
        printField(QStringLiteral("API key"), {QStringLiteral("not configured")});
        problems.append(secrets::missingApiKeyMessage());
    }
    if (credentials.hasWebhookSecrets()) {
        QStringList described;
        for (const QByteArray& secret : credentials.webhookSecrets)
            described.append(describeWebhookSecret(secret));
        printField(QStringLiteral("Webhook secrets"), described);
        printField(QStringLiteral("  from"), {credentials.webhookSecretsOrigin});
    } else if (load.webhookSecretsRejected) {
        printField(QStringLiteral("Webhook secrets"), {QStringLiteral("not usable (see below)")});
    } else {
        printField(QStringLiteral("Webhook secrets"), {QStringLiteral("not configured")});
        problems.append(secrets::missingWebhookSecretsMessage());
    }
    QString keychainState;
    if (!load.keychainConsulted)
        keychainState = QStringLiteral("not needed: the environment supplies both values");
    else if (load.keychainUnavailable)
        keychainState = QStringLiteral("unavailable (see below)");
    else
        keychainState = QStringLiteral("available");
    printField(QStringLiteral("Keychain"),
               {QStringLiteral("%1, %2").arg(keychain.backendName(), keychainState)});
    return section;
}

} // namespace billbridge::cli::connectionscli
