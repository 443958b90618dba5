#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace billbridge::slack {

inline constexpr QLatin1String kPostOperation{"slack.post"};

// One message for one incoming webhook, as a job carries it:
//
//   {"webhook":"billing-alerts","body":"{\"text\":\"Payment failed for …\"}"}
//
// The webhook is named, never given by URL (the URL is a secret); the body is the exact JSON that is
// posted, stored as text so that what an operator sees is byte for byte what went out.
struct SlackPost {
    QString webhook;
    QByteArray body;
};

QJsonObject payloadOf(const SlackPost& post);
// nullopt with `error` set when the payload is not one a Slack job can send (no usable webhook name, a
// body that is not a JSON object).
std::optional<SlackPost> slackPostOf(const QJsonObject& payload, QString* error = nullptr);

} // namespace billbridge::slack
