#include "clicommon.h"
#include "secrets/credentials.h"
#include "secrets/keychainsecretstore.h"
#include "slack/slackclient.h"
#include "slack/slackwebhooks.h"
#include "store/auditlog.h"
#include "stripe/stripeclient.h"
#include "stripe/stripekeys.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QUrl>

#include <cstdio>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <variant>

#ifdef Q_OS_UNIX
#include <csignal>
#include <termios.h>
#include <unistd.h>
#endif

namespace billbridge::cli {

namespace {

using Action = std::function<int(const QStringList&)>;

const char* kConnectionsUsage = R"(usage: billbridge-cli connections <action> [<service>] [options]

Actions:
  show [stripe|slack] show the configured credentials (masked), where each comes from, TEST/LIVE
                      and any problem; exits 0 only when everything needed is configured and usable
  set stripe          store the Stripe API key and webhook signing secret(s) in the keychain
  clear stripe        remove the Stripe credentials from the keychain
  test stripe         ask Stripe whether the API key works
  set slack NAME      store the URL of a Slack incoming webhook under NAME (rules post to it by name)
  clear slack NAME    remove that webhook from the keychain
  test slack NAME     check the webhook's configuration; posts a message only with --send-test-message

Secrets are never accepted as arguments (other users could read them in the process list, and the
shell would keep them in its history). 'set' prompts for them with the input hidden when run in a
terminal, and otherwise reads them from standard input: the API key on the first line, then one or
more webhook signing secrets (whsec_...), one per line.

A Slack webhook URL is a secret too: 'set slack' reads it from a hidden prompt or standard input,
and it is never shown again (only hooks.slack.com/services/•••).

The environment variables STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET (several secrets separated by
commas) and BILLBRIDGE_SLACK_WEBHOOK_<NAME> override the keychain, for headless use.

Run 'billbridge-cli connections <action> stripe|slack --help' for an action's options.
)";

QString describeApiKey(const QString& key)
{
    return stripe::describeKey(stripe::checkApiKey(key));
}

QString describeWebhookSecret(const QByteArray& secret)
{
    return stripe::describeKey(stripe::checkWebhookSecret(QString::fromUtf8(secret)));
}

// Prints "  label  first" and further values aligned underneath.
void printField(const QString& label, const QStringList& values)
{
    const QString head = QStringLiteral("  %1").arg(label + QLatin1Char(':'), -18);
    for (qsizetype i = 0; i < values.size(); ++i)
        printOut((i == 0 ? head : QString(head.size(), QLatin1Char(' '))) + values.at(i));
}

// Echoes a mistyped word back, unless it is long enough to be a pasted secret.
QString quotedIfShort(const QString& word)
{
    constexpr qsizetype kLongestEchoed = 20;
    return word.size() <= kLongestEchoed ? QStringLiteral("'%1' ").arg(word) : QString();
}

bool environmentHas(const char* variable)
{
    return !QProcessEnvironment::systemEnvironment().value(QLatin1String(variable)).isEmpty();
}

// Hidden terminal input ----------------------------------------------------------------------------

#ifdef Q_OS_UNIX
termios g_savedTerminal;
volatile std::sig_atomic_t g_terminalChanged = 0;

// Ctrl+C at a hidden prompt must not leave the person's terminal without echo.
extern "C" void restoreTerminalAndReraise(int signalNumber)
{
    if (g_terminalChanged)
        tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    std::signal(signalNumber, SIG_DFL);
    std::raise(signalNumber);
}

class HiddenInput final {
public:
    HiddenInput()
    {
        if (tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0)
            return;
        struct sigaction action = {};
        action.sa_handler = restoreTerminalAndReraise;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_previousInt);
        sigaction(SIGTERM, &action, &m_previousTerm);
        sigaction(SIGHUP, &action, &m_previousHup);
        termios hidden = g_savedTerminal;
        hidden.c_lflag &= ~tcflag_t(ECHO);
        hidden.c_lflag |= ECHONL;
        g_terminalChanged = 1;
        m_active = tcsetattr(STDIN_FILENO, TCSANOW, &hidden) == 0;
    }
    ~HiddenInput()
    {
        if (!g_terminalChanged)
            return;
        tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
        g_terminalChanged = 0;
        sigaction(SIGINT, &m_previousInt, nullptr);
        sigaction(SIGTERM, &m_previousTerm, nullptr);
        sigaction(SIGHUP, &m_previousHup, nullptr);
    }
    HiddenInput(const HiddenInput&) = delete;
    HiddenInput& operator=(const HiddenInput&) = delete;

    bool isActive() const { return m_active; }

private:
    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
    struct sigaction m_previousHup = {};
    bool m_active = false;
};

bool stdinIsTerminal()
{
    return isatty(STDIN_FILENO) == 1;
}
#else
bool stdinIsTerminal()
{
    // Without a way to hide typing, secrets come from standard input only.
    return false;
}
#endif

// nullopt at end of input (Ctrl+D).
std::optional<QString> promptHidden(const QString& prompt)
{
    std::string line;
    bool ok = false;
    {
#ifdef Q_OS_UNIX
        // Echo goes off before the prompt appears, so nothing typed in answer to it is ever shown.
        HiddenInput hidden;
        if (!hidden.isActive()) {
            printError(QStringLiteral("cannot hide the input on this terminal; pipe the values on standard "
                                      "input instead."));
            return std::nullopt;
        }
#endif
        std::fputs(prompt.toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        ok = static_cast<bool>(std::getline(std::cin, line));
    }
    if (!ok)
        return std::nullopt;
    return QString::fromLocal8Bit(line.data(), qsizetype(line.size())).trimmed();
}

QStringList readStandardInputLines()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(input.readAll()).split(QLatin1Char('\n'));
    QStringList values;
    for (const QString& line : lines) {
        const QString value = line.trimmed();
        if (!value.isEmpty())
            values.append(value);
    }
    return values;
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

// Credentials decide where events come from and where they go, so every change is recorded in the audit log
// of the store (--db): which connection and which fields, never a value. A failure to record it is reported
// but does not undo the change, which has already happened.
void addAuditStoreOption(QCommandLineParser& parser)
{
    parser.addOption(
        {QStringLiteral("db"),
         QStringLiteral("Store whose audit log records the change (default: $BILLBRIDGE_DB, else the "
                        "default store)."),
         QStringLiteral("path")});
}

void auditConnectionChange(const QCommandLineParser& parser, const QString& action, const QString& connection,
                           const QStringList& fields)
{
    try {
        store::AuditLog::open(databasePath(parser))
            .record(QString(), action, connection,
                    {{QStringLiteral("connection"), connection},
                     {QStringLiteral("fields"), QJsonArray::fromStringList(fields)}});
    } catch (const store::StoreError& error) {
        printError(QStringLiteral("the change was saved but could not be recorded in the audit log: %1")
                       .arg(error.message()));
    }
}

// Actions ------------------------------------------------------------------------------------------

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

// Slack -------------------------------------------------------------------------------------------------

// The webhook name given as the action's one positional argument; nullopt after printing why not.
std::optional<QString> webhookNameFrom(const QCommandLineParser& parser, const QString& action)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        printError(
            QStringLiteral("'connections %1 slack' needs the webhook's name, e.g. 'connections %1 slack "
                           "billing-alerts'.")
                .arg(action));
        return std::nullopt;
    }
    if (positional.size() > 1) {
        // The extra words are not repeated: one of them may be the URL, which is a secret.
        printError(
            QStringLiteral("'connections %1 slack' takes only the webhook's name. The URL is never taken "
                           "from arguments (other users could read it in the process list); it is read "
                           "from a hidden prompt or standard input.")
                .arg(action));
        return std::nullopt;
    }
    const QString name = positional.first().trimmed().toLower();
    if (!slack::isValidWebhookName(name)) {
        printError(QStringLiteral("%1is not a usable webhook name: use letters, digits, '-' and '_', e.g. "
                                  "billing-alerts.")
                       .arg(quotedIfShort(positional.first())));
        return std::nullopt;
    }
    return name;
}

bool loopbackAllowed(const QCommandLineParser& parser, const QCommandLineOption& option)
{
    return parser.isSet(option) || slack::loopbackAllowedBy(QProcessEnvironment::systemEnvironment());
}

int setSlack(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Stores a Slack incoming webhook's URL (https://hooks.slack.com/services/…) in the keychain under "
        "NAME. "
        "In a terminal you are prompted with the input hidden; otherwise standard input gives the URL on one "
        "line. The URL is never read from arguments."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("name"),
                                 QStringLiteral("The webhook's name, e.g. billing-alerts."));
    const QCommandLineOption allowLoopback(
        QStringLiteral("allow-loopback"),
        QStringLiteral(
            "Accept a plain http address on this machine (a local test server) instead of Slack."));
    parser.addOption(allowLoopback);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    const std::optional<QString> name = webhookNameFrom(parser, QStringLiteral("set"));
    if (!name)
        return ExitUsage;

    QString url;
    if (stdinIsTerminal()) {
        const auto entered = promptHidden(
            QStringLiteral(
                "Slack webhook URL for \"%1\" (https://hooks.slack.com/services/…; input hidden): ")
                .arg(*name));
        if (!entered || entered->isEmpty()) {
            printError(QStringLiteral("no URL was entered; nothing was changed."));
            return ExitUsage;
        }
        url = *entered;
    } else {
        const QStringList lines = readStandardInputLines();
        if (lines.size() != 1) {
            printError(
                QStringLiteral("expected exactly one line (the webhook URL) on standard input, got %1; "
                               "nothing was changed.")
                    .arg(lines.size()));
            return ExitUsage;
        }
        url = lines.first();
    }

    secrets::KeychainSecretStore keychain;
    const slack::SlackWebhookChange change =
        slack::saveSlackWebhook(keychain, *name, url, loopbackAllowed(parser, allowLoopback));
    if (!change.isOk()) {
        printError(change.problem);
        if (change.invalidInput)
            printInfo(QStringLiteral("Nothing was saved."));
        return ExitConfiguration;
    }
    printOut(QStringLiteral("Saved the Slack webhook \"%1\" (%2) in the %3.")
                 .arg(*name, slack::maskedWebhookUrl(QUrl(url.trimmed())), keychain.backendName()));
    if (!QProcessEnvironment::systemEnvironment().value(slack::webhookVariable(*name)).isEmpty())
        printInfo(
            QStringLiteral("Note: %1 is set in this environment and overrides the stored URL while it is "
                           "set.")
                .arg(slack::webhookVariable(*name)));
    printInfo(QStringLiteral("A running 'billbridge-cli serve' or 'queue work' picks it up when restarted."));
    return ExitOk;
}

int clearSlack(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Removes the Slack webhook NAME from the keychain."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The webhook's name."));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    const std::optional<QString> name = webhookNameFrom(parser, QStringLiteral("clear"));
    if (!name)
        return ExitUsage;
    secrets::KeychainSecretStore keychain;
    const slack::SlackWebhookChange change = slack::clearSlackWebhook(keychain, *name);
    if (!change.isOk()) {
        printError(change.problem);
        return ExitConfiguration;
    }
    printOut(
        QStringLiteral("Removed the Slack webhook \"%1\" from the %2.").arg(*name, keychain.backendName()));
    if (!QProcessEnvironment::systemEnvironment().value(slack::webhookVariable(*name)).isEmpty())
        printInfo(QStringLiteral("Note: %1 is still set in this environment and still applies.")
                      .arg(slack::webhookVariable(*name)));
    return ExitOk;
}

int testSlack(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks that the Slack webhook NAME is configured with a usable address. Nothing is posted unless "
        "--send-test-message is given: then one short message goes to the webhook's channel."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The webhook's name."));
    const QCommandLineOption sendTestMessage(QStringLiteral("send-test-message"),
                                             QStringLiteral("Post a test message to the webhook's channel."));
    parser.addOption(sendTestMessage);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    const std::optional<QString> name = webhookNameFrom(parser, QStringLiteral("test"));
    if (!name)
        return ExitUsage;

    secrets::KeychainSecretStore keychain;
    const slack::SlackWebhooksLoad load =
        slack::loadSlackWebhooks(&keychain, QProcessEnvironment::systemEnvironment());
    const auto found = load.webhooks.find(*name);
    if (found == load.webhooks.end()) {
        for (const QString& problem : load.problems)
            printError(problem);
        printError(slack::missingWebhookMessage(*name));
        return ExitConfiguration;
    }
    const slack::SlackWebhook& webhook = found->second;
    printOut(QStringLiteral("Slack webhook \"%1\": %2, from %3.")
                 .arg(webhook.name, slack::maskedWebhookUrl(webhook.url), webhook.origin));
    if (!parser.isSet(sendTestMessage)) {
        printOut(
            QStringLiteral("The address has the form of a Slack incoming webhook. Nothing was posted; add "
                           "--send-test-message to post a test message to its channel."));
        return ExitOk;
    }

    const QByteArray body =
        QJsonDocument(
            QJsonObject{{QStringLiteral("text"),
                         QStringLiteral("Billbridge test message: the webhook \"%1\" works.").arg(*name)}})
            .toJson(QJsonDocument::Compact);
    slack::SlackClient client;
    int exitCode = ExitFailure;
    client.post(webhook.url, body, [&exitCode, name](const customerio::CustomerIoResult& result) {
        if (result.ok()) {
            printOut(QStringLiteral("Slack accepted the test message (HTTP %1); it should show in the "
                                    "webhook's channel.")
                         .arg(result.httpStatus));
            exitCode = ExitOk;
        } else {
            const customerio::CustomerIoError& error = *result.error;
            printError(QStringLiteral("Slack did not take the test message: %1").arg(error.summary()));
            const bool refused =
                error.httpStatus == 403 || error.httpStatus == 404 || error.httpStatus == 410;
            if (refused)
                printInfo(
                    QStringLiteral("The webhook was removed, revoked or disabled in Slack: create a new "
                                   "one and store it with 'billbridge-cli connections set slack %1'.")
                        .arg(*name));
            exitCode = refused ? ExitAuthentication : ExitFailure;
        }
        QCoreApplication::exit(exitCode);
    });
    QCoreApplication::exec();
    return exitCode;
}

// Prints the Slack section of `connections show`; returns its problems.
QStringList showSlack(secrets::SecretStore& keychain, bool keychainProblemsCount)
{
    const slack::SlackWebhooksLoad load =
        slack::loadSlackWebhooks(&keychain, QProcessEnvironment::systemEnvironment());
    printOut(QStringLiteral("Slack webhooks"));
    if (load.webhooks.empty())
        printField(
            QStringLiteral("Webhooks"),
            {QStringLiteral("none configured (add one with: billbridge-cli connections set slack NAME)")});
    for (const auto& [name, webhook] : load.webhooks) {
        printField(name, {slack::maskedWebhookUrl(webhook.url)});
        printField(QStringLiteral("  from"), {webhook.origin});
    }
    if (load.keychainUnavailable && !keychainProblemsCount) {
        // Stripe's values came from the environment: an absent keychain only hides stored webhooks.
        printField(QStringLiteral("Keychain"),
                   {QStringLiteral("unavailable: only webhooks from the environment "
                                   "are listed")});
        return {};
    }
    return load.problems;
}

int show(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Shows the configured credentials with masked values, where each comes from "
                       "(environment or keychain), TEST/LIVE mode and any problem. Exits with 0 when "
                       "everything needed is configured and usable, 3 otherwise."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("service"),
                                 QStringLiteral("'stripe' or 'slack'; both when omitted."),
                                 QStringLiteral("[stripe|slack]"));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && positional.first() != QLatin1String("stripe") &&
                                  positional.first() != QLatin1String("slack"))) {
        printError(
            QStringLiteral("'connections show' knows the services 'stripe' and 'slack' (see --help)."));
        return ExitUsage;
    }

    secrets::KeychainSecretStore keychain;
    if (positional == QStringList{QStringLiteral("slack")}) {
        const QStringList problems = showSlack(keychain, true);
        if (problems.isEmpty())
            return ExitOk;
        printOut(QStringLiteral("Problems:"));
        for (const QString& problem : problems)
            printOut(QStringLiteral("  - ") + problem);
        return ExitConfiguration;
    }
    const secrets::StripeCredentialsLoad load = secrets::loadStripeCredentials(&keychain);
    const secrets::StripeCredentials& credentials = load.credentials;
    QStringList problems = load.problems;

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
    if (positional.isEmpty()) {
        printOut(QString());
        problems += showSlack(keychain, load.keychainConsulted);
        problems.removeDuplicates();
    }

    if (problems.isEmpty())
        return ExitOk;
    printOut(QStringLiteral("Problems:"));
    for (const QString& problem : problems)
        printOut(QStringLiteral("  - ") + problem);
    return ExitConfiguration;
}

// Actions per service; a new service (Customer.io) adds its own table here.
const std::map<QString, Action>& stripeActions()
{
    static const std::map<QString, Action> actions = {
        {QStringLiteral("set"), setStripe},
        {QStringLiteral("clear"), clearStripe},
        {QStringLiteral("test"), testStripe},
    };
    return actions;
}

const std::map<QString, Action>& slackActions()
{
    static const std::map<QString, Action> actions = {
        {QStringLiteral("set"), setSlack},
        {QStringLiteral("clear"), clearSlack},
        {QStringLiteral("test"), testSlack},
    };
    return actions;
}

const std::map<QString, const std::map<QString, Action>*>& services()
{
    static const std::map<QString, const std::map<QString, Action>*> table = {
        {QStringLiteral("stripe"), &stripeActions()},
        {QStringLiteral("slack"), &slackActions()},
    };
    return table;
}

} // namespace

int runConnections(const QStringList& arguments)
{
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") ||
        arguments.first() == QLatin1String("-h") || arguments.first() == QLatin1String("help")) {
        std::fputs(kConnectionsUsage, arguments.isEmpty() ? stderr : stdout);
        return arguments.isEmpty() ? ExitUsage : ExitOk;
    }
    QStringList rest = arguments;
    const QString action = rest.takeFirst();
    if (action == QLatin1String("show"))
        return show(rest);

    if (action != QLatin1String("set") && action != QLatin1String("clear") &&
        action != QLatin1String("test")) {
        printError(
            QStringLiteral("unknown action %1for 'connections'. Run 'billbridge-cli connections --help' "
                           "for the list.")
                .arg(quotedIfShort(action)));
        return ExitUsage;
    }
    if (rest.isEmpty() || rest.first().startsWith(QLatin1Char('-'))) {
        printError(
            QStringLiteral("'connections %1' needs a service, e.g. 'connections %1 stripe'.").arg(action));
        return ExitUsage;
    }
    const QString service = rest.takeFirst();
    const auto found = services().find(service);
    if (found == services().end()) {
        printError(
            QStringLiteral("unknown service %1for 'connections %2'; the known services are 'stripe' and "
                           "'slack'.")
                .arg(quotedIfShort(service), action));
        return ExitUsage;
    }
    const auto handler = found->second->find(action);
    if (handler == found->second->end()) {
        printError(QStringLiteral("'connections %1' is not available for '%2'.").arg(action, service));
        return ExitUsage;
    }
    return handler->second(rest);
}

} // namespace billbridge::cli
