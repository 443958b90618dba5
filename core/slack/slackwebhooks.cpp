#include "slack/slackwebhooks.h"

#include "secrets/secretstore.h"
#include "util/logging.h"

#include <QHostAddress>
#include <QRegularExpression>

#include <algorithm>

namespace billbridge::slack {

namespace {

constexpr qsizetype kLongestName = 64;
const QString kSlackHost = QStringLiteral("hooks.slack.com");
const QString kServicesPath = QStringLiteral("/services/");
const QString kMask = QStringLiteral("•••");

QString normalized(const QString& name)
{
    return name.trimmed().toLower();
}

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QStringList namesIn(const QByteArray& list)
{
    QStringList names;
    for (const QByteArray& line : list.split('\n')) {
        const QString name = normalized(QString::fromUtf8(line));
        if (isValidWebhookName(name) && !names.contains(name))
            names.append(name);
    }
    return names;
}

QByteArray listOf(const QStringList& names)
{
    QByteArray list;
    for (const QString& name : names)
        list += name.toUtf8() + '\n';
    return list;
}

QString environmentOrigin(const QString& name)
{
    return QStringLiteral("environment (%1)").arg(webhookVariable(name));
}

// The stored names; nullopt (with `change` filled in) when the keychain could not be read.
std::optional<QStringList> storedNames(secrets::SecretStore& keychain, SlackWebhookChange& change)
{
    const secrets::SecretResult list = keychain.readBlocking(kWebhookNamesKey);
    if (list.status == secrets::SecretResult::Status::NotFound)
        return QStringList();
    if (!list.isOk()) {
        change.problem = list.error;
        change.keychainUnavailable = list.status == secrets::SecretResult::Status::Unavailable;
        return std::nullopt;
    }
    return namesIn(list.value);
}

SlackWebhookChange fromResult(const secrets::SecretResult& result)
{
    SlackWebhookChange change;
    if (!result.isOk()) {
        change.problem = result.error;
        change.keychainUnavailable = result.status == secrets::SecretResult::Status::Unavailable;
    }
    return change;
}

} // namespace

bool isValidWebhookName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]*$"));
    return !name.isEmpty() && name.size() <= kLongestName && pattern.match(name).hasMatch();
}

QString webhookKey(const QString& name)
{
    return kWebhookKeyPrefix + normalized(name);
}

QString webhookVariable(const QString& name)
{
    QString suffix = normalized(name).toUpper();
    suffix.replace(QLatin1Char('-'), QLatin1Char('_'));
    return kWebhookVariablePrefix + suffix;
}

bool loopbackAllowedBy(const QProcessEnvironment& environment)
{
    return environment.value(kAllowLoopbackVariable) == QLatin1String("1");
}

QString validateWebhookUrl(const QString& text, bool allowLoopback)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (text.trimmed().isEmpty())
        return QStringLiteral("The webhook URL is empty.");
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("That is not a URL. Copy the webhook URL from the Slack app's \"Incoming "
                              "Webhooks\" page; it starts with https://hooks.slack.com/services/.");
    if (!url.userInfo().isEmpty() || url.hasFragment())
        return QStringLiteral(
            "A Slack webhook URL carries no user name, password or #fragment; copy it again "
            "from the Slack app's \"Incoming Webhooks\" page.");
    const QString path = url.path();
    const bool hasServicesPath = path.startsWith(kServicesPath) && path.size() > kServicesPath.size();
    if (url.scheme() == QLatin1String("https") && url.host().compare(kSlackHost, Qt::CaseInsensitive) == 0 &&
        url.port(443) == 443) {
        if (!hasServicesPath)
            return QStringLiteral("A Slack incoming webhook URL has the form "
                                  "https://hooks.slack.com/services/…; this one lacks the /services/ part.");
        return {};
    }
    if (url.scheme() == QLatin1String("http") && isLoopbackHost(url.host())) {
        if (!allowLoopback)
            return QStringLiteral(
                       "Local http addresses stand in for Slack only in tests: pass --allow-loopback "
                       "or set %1=1.")
                .arg(kAllowLoopbackVariable);
        if (!hasServicesPath)
            return QStringLiteral("A stand-in webhook address needs a /services/… path, as Slack's have.");
        return {};
    }
    return QStringLiteral("Only Slack incoming webhooks are accepted: the URL must start with "
                          "https://hooks.slack.com/services/.");
}

QString maskedWebhookUrl(const QUrl& url)
{
    QString host = url.host();
    if (url.port() > 0)
        host += QLatin1Char(':') + QString::number(url.port());
    return host + kServicesPath + kMask;
}

QString withoutWebhookUrl(const QString& text, const QUrl& url)
{
    if (url.isEmpty())
        return text;
    QString cleaned = text;
    const QString masked = maskedWebhookUrl(url);
    for (const QString& form : {url.toString(), url.toString(QUrl::FullyEncoded), url.toDisplayString()})
        if (!form.isEmpty())
            cleaned.replace(form, masked);
    // The secret is the path; some messages quote only that.
    const QString path = url.path();
    if (path.size() > kServicesPath.size())
        cleaned.replace(path, kServicesPath + kMask);
    return cleaned;
}

std::map<QString, QUrl> SlackWebhooksLoad::urls() const
{
    std::map<QString, QUrl> urls;
    for (const auto& [name, webhook] : webhooks)
        urls.emplace(name, webhook.url);
    return urls;
}

SlackWebhooksLoad loadSlackWebhooks(secrets::SecretStore* keychainOrNull,
                                    const QProcessEnvironment& environment)
{
    SlackWebhooksLoad load;
    const bool allowLoopback = loopbackAllowedBy(environment);
    // A keychain entry was checked when it was stored, a loopback address only on the operator's explicit
    // --allow-loopback; an environment value gets no such check, so it needs the environment's switch.
    const auto take = [&](const QString& name, const QString& value, const QString& origin,
                          bool fromKeychain) {
        if (const QString problem = validateWebhookUrl(value, allowLoopback || fromKeychain);
            !problem.isEmpty()) {
            load.problems.append(QStringLiteral("The Slack webhook \"%1\" from the %2 is not usable: %3")
                                     .arg(name, origin, problem));
            return;
        }
        load.webhooks[name] = {name, QUrl(value.trimmed()), origin};
    };

    QStringList keychainNames;
    if (keychainOrNull) {
        const secrets::SecretResult list = keychainOrNull->readBlocking(kWebhookNamesKey);
        if (list.isOk()) {
            keychainNames = namesIn(list.value);
        } else if (list.status != secrets::SecretResult::Status::NotFound) {
            load.keychainUnavailable = list.status == secrets::SecretResult::Status::Unavailable;
            load.problems.append(list.error);
        }
    }
    QStringList covered;
    for (const QString& name : keychainNames) {
        const QString variable = webhookVariable(name);
        covered.append(variable);
        if (const QString value = environment.value(variable); !value.isEmpty()) {
            take(name, value, environmentOrigin(name), false);
            continue;
        }
        const secrets::SecretResult stored = keychainOrNull->readBlocking(webhookKey(name));
        if (stored.isOk())
            take(name, QString::fromUtf8(stored.value), QStringLiteral("keychain"), true);
        else if (stored.status == secrets::SecretResult::Status::NotFound)
            load.problems.append(
                QStringLiteral("The Slack webhook \"%1\" is listed but its URL is missing from the keychain; "
                               "store it again with: billbridge-cli connections set slack %1")
                    .arg(name));
        else
            load.problems.append(stored.error);
    }
    for (const QString& variable : environment.keys()) {
        if (!variable.startsWith(kWebhookVariablePrefix) || covered.contains(variable))
            continue;
        const QString name = variable.mid(kWebhookVariablePrefix.size()).toLower();
        const QString value = environment.value(variable);
        if (value.isEmpty())
            continue;
        if (!isValidWebhookName(name)) {
            load.problems.append(
                QStringLiteral("%1 does not name a usable Slack webhook: after %2 use letters, "
                               "digits and '_' only.")
                    .arg(variable, kWebhookVariablePrefix));
            continue;
        }
        take(name, value, environmentOrigin(name), false);
    }
    qCDebug(lcSecrets) << "Slack webhooks:" << load.webhooks.size() << "configured," << load.problems.size()
                       << "problem(s)";
    return load;
}

std::optional<QUrl> findWebhookUrl(const QString& name, const std::map<QString, QUrl>& known,
                                   const QProcessEnvironment& environment, QString* problem)
{
    if (!isValidWebhookName(normalized(name)))
        return std::nullopt;
    if (const QString value = environment.value(webhookVariable(name)); !value.isEmpty()) {
        const QString invalid = validateWebhookUrl(value, loopbackAllowedBy(environment));
        if (invalid.isEmpty())
            return QUrl(value.trimmed());
        if (problem)
            *problem = QStringLiteral("%1 is set but not usable: %2").arg(webhookVariable(name), invalid);
        return std::nullopt;
    }
    if (const auto found = known.find(normalized(name)); found != known.end())
        return found->second;
    return std::nullopt;
}

QString missingWebhookMessage(const QString& name)
{
    return QStringLiteral("No Slack webhook named \"%1\" is configured. Store its URL with "
                          "'billbridge-cli connections set slack %1' (or set %2 for headless use), restart "
                          "delivery, then retry this job.")
        .arg(name, webhookVariable(name));
}

SlackWebhookChange saveSlackWebhook(secrets::SecretStore& keychain, const QString& rawName,
                                    const QString& url, bool allowLoopback)
{
    SlackWebhookChange change;
    const QString name = normalized(rawName);
    if (!isValidWebhookName(name)) {
        change.invalidInput = true;
        change.problem = QStringLiteral("A webhook name uses letters, digits, '-' and '_' only (at most %1), "
                                        "e.g. billing-alerts.")
                             .arg(kLongestName);
        return change;
    }
    if (const QString problem = validateWebhookUrl(url, allowLoopback); !problem.isEmpty()) {
        change.invalidInput = true;
        change.problem = problem;
        return change;
    }
    const std::optional<QStringList> names = storedNames(keychain, change);
    if (!names)
        return change;
    change = fromResult(keychain.writeBlocking(webhookKey(name), url.trimmed().toUtf8()));
    if (!change.isOk() || names->contains(name))
        return change;
    return fromResult(keychain.writeBlocking(kWebhookNamesKey, listOf(*names + QStringList{name})));
}

SlackWebhookChange clearSlackWebhook(secrets::SecretStore& keychain, const QString& rawName)
{
    SlackWebhookChange change;
    const QString name = normalized(rawName);
    if (!isValidWebhookName(name)) {
        change.invalidInput = true;
        change.problem = QStringLiteral("A webhook name uses letters, digits, '-' and '_' only.");
        return change;
    }
    std::optional<QStringList> names = storedNames(keychain, change);
    if (!names)
        return change;
    change = fromResult(keychain.removeBlocking(webhookKey(name)));
    if (!change.isOk() || !names->contains(name))
        return change;
    names->removeAll(name);
    if (names->isEmpty())
        return fromResult(keychain.removeBlocking(kWebhookNamesKey));
    return fromResult(keychain.writeBlocking(kWebhookNamesKey, listOf(*names)));
}

} // namespace billbridge::slack
