#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <map>
#include <optional>

namespace billbridge::secrets {
class SecretStore;
} // namespace billbridge::secrets

namespace billbridge::slack {

// A Slack incoming webhook's URL is its own credential: whoever has it can post to the channel. So it is
// kept like a key (keychain entry "slack/webhooks/<name>", or BILLBRIDGE_SLACK_WEBHOOK_<NAME> for headless
// use), and everything else — jobs, rules, logs, attempts — names the webhook only by its name.
//
// The keychain cannot list its entries, so the names (not secret) are kept in one more entry,
// "slack/webhook_names", one per line.
inline constexpr QLatin1String kWebhookNamesKey{"slack/webhook_names"};
inline constexpr QLatin1String kWebhookKeyPrefix{"slack/webhooks/"};
inline constexpr QLatin1String kWebhookVariablePrefix{"BILLBRIDGE_SLACK_WEBHOOK_"};
// Set to 1, lets plain-http loopback addresses stand in for Slack (local test servers).
inline constexpr QLatin1String kAllowLoopbackVariable{"BILLBRIDGE_SLACK_ALLOW_LOOPBACK"};

// Letters, digits, '-' and '_', at most 64: names travel in job payloads, keychain keys and variable names.
bool isValidWebhookName(const QString& name);
// "slack/webhooks/<name>".
QString webhookKey(const QString& name);
// "BILLBRIDGE_SLACK_WEBHOOK_<NAME>": upper case, '-' becomes '_'.
QString webhookVariable(const QString& name);

// Empty when `url` is a Slack incoming webhook (https://hooks.slack.com/services/…), or — only when
// `allowLoopback` — a plain http address on 127.0.0.1, ::1 or localhost with a /services/… path. Otherwise
// what is wrong, in words that never repeat the URL.
QString validateWebhookUrl(const QString& url, bool allowLoopback);
// Whether BILLBRIDGE_SLACK_ALLOW_LOOPBACK=1 is set in `environment`.
bool loopbackAllowedBy(const QProcessEnvironment& environment);

// "hooks.slack.com/services/•••": the host says where posts go, the secret path is never shown.
QString maskedWebhookUrl(const QUrl& url);
// Replaces every occurrence of the URL (and of its path) in `text` by its masked form: network error
// strings quote the address they failed on.
QString withoutWebhookUrl(const QString& text, const QUrl& url);

struct SlackWebhook {
    QString name;
    QUrl url;
    QString origin; // "environment (BILLBRIDGE_SLACK_WEBHOOK_ALERTS)" or "keychain"
};

struct SlackWebhooksLoad {
    std::map<QString, SlackWebhook> webhooks; // by name
    // Plain-words problems (unusable values, keychain errors); they never contain a URL.
    QStringList problems;
    bool keychainUnavailable = false;

    // name → URL, as DeliveryConfig carries it.
    std::map<QString, QUrl> urls() const;
};

// Every configured webhook: the names listed in the keychain plus those the environment names
// (BILLBRIDGE_SLACK_WEBHOOK_<NAME>, taken in lower case); the environment overrides the keychain entry by
// entry. A loopback address is accepted from the keychain (it was stored with --allow-loopback) but from the
// environment only with BILLBRIDGE_SLACK_ALLOW_LOOPBACK=1. Blocking when the keychain is asked;
// `keychainOrNull` may be null (environment only).
SlackWebhooksLoad loadSlackWebhooks(secrets::SecretStore* keychainOrNull,
                                    const QProcessEnvironment& environment);

// One webhook's URL by name: the environment first, then `known` (a load's snapshot). Does not block;
// nullopt when neither has it. An unusable environment value is reported in `problem`.
std::optional<QUrl> findWebhookUrl(const QString& name, const std::map<QString, QUrl>& known,
                                   const QProcessEnvironment& environment, QString* problem = nullptr);

// What an operator has to do when a job names a webhook that is not configured.
QString missingWebhookMessage(const QString& name);

struct SlackWebhookChange {
    QString problem; // empty when done
    bool invalidInput = false;
    bool keychainUnavailable = false;

    bool isOk() const { return problem.isEmpty(); }
};

// Checks the name and the URL and, when both are usable, stores the URL and adds the name to the list.
// Blocking.
SlackWebhookChange saveSlackWebhook(secrets::SecretStore& keychain, const QString& name, const QString& url,
                                    bool allowLoopback);
// Removes the URL and the name from the list; removing a webhook that is not stored succeeds. Blocking.
SlackWebhookChange clearSlackWebhook(secrets::SecretStore& keychain, const QString& name);

} // namespace billbridge::slack
