#include "clicommon.h"
#include "connectionscommon.h"
#include "secrets/keychainsecretstore.h"
#include "slack/slackclient.h"
#include "slack/slackwebhooks.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QUrl>

#include <optional>

namespace billbridge::cli::connectionscli {

namespace {

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

} // namespace

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

} // namespace billbridge::cli::connectionscli
