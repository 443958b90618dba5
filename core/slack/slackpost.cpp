#include "slack/slackpost.h"

#include "slack/slackwebhooks.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace billbridge::slack {

namespace {

const QLatin1String kWebhook{"webhook"};
const QLatin1String kBody{"body"};

void fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
}

} // namespace

QJsonObject payloadOf(const SlackPost& post)
{
    QJsonObject payload;
    payload.insert(kWebhook, post.webhook);
    payload.insert(kBody, QString::fromUtf8(post.body));
    return payload;
}

std::optional<SlackPost> slackPostOf(const QJsonObject& payload, QString* error)
{
    const QString webhook = payload.value(kWebhook).toString();
    if (!isValidWebhookName(webhook)) {
        fail(error, QStringLiteral("the stored Slack post names no usable webhook"));
        return std::nullopt;
    }
    const QJsonValue body = payload.value(kBody);
    if (!body.isString()) {
        fail(error, QStringLiteral("the stored Slack post has no body text"));
        return std::nullopt;
    }
    const QByteArray bytes = body.toString().toUtf8();
    QJsonParseError parseError;
    if (!QJsonDocument::fromJson(bytes, &parseError).isObject()) {
        fail(error, QStringLiteral("the stored Slack message is not a JSON object"));
        return std::nullopt;
    }
    return SlackPost{webhook, bytes};
}

} // namespace billbridge::slack
