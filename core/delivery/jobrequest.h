#pragma once

#include "customerio/customeriorequest.h"
#include "store/jobrecord.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>

namespace billbridge::delivery {

// Which rate limit a request counts against. Customer.io limits the Track API and the App API separately,
// and within the App API transactional sends and broadcast triggers have limits of their own. Slack posts
// (operation slack.post) go to incoming webhooks, which Slack limits to about one message a second.
enum class DeliveryLane { Track, App, Transactional, Broadcast, Slack };
inline constexpr int kDeliveryLaneCount = 5;

QString toString(DeliveryLane lane); // "track", "app", "transactional", "broadcast", "slack"
DeliveryLane laneOf(const QString& operation);

// A job's payload is the complete request, stored once when the job is made and sent unchanged on every
// attempt: a Track event keeps its id (Customer.io drops the repeats) and the body shown to an operator is
// byte for byte the one that went out.
//
//   {"verb":"POST","path":"/customers/cus_1/events","query":"","body":"{\"name\":…}","idempotency_id":"01J…"}
QJsonObject payloadOf(const customerio::CustomerIoRequest& request);

// The request a job describes; nullopt with `error` set when the payload is not one Billbridge wrote (a
// damaged row): such a job cannot be sent and an operator has to look at it.
std::optional<customerio::CustomerIoRequest> requestOf(const store::Job& job, QString* error = nullptr);
std::optional<customerio::CustomerIoRequest> requestOf(const QString& operation, const QJsonObject& payload,
                                                       QString* error = nullptr);

// The job that sends `request`. `idempotencyKey` names the intent ("evt_1:identify"): however often the
// causing event arrives or is replayed, the queue keeps one job for it.
store::NewJob jobFor(const customerio::CustomerIoRequest& request, const QString& customerId,
                     const QString& idempotencyKey, const QString& eventId = {},
                     std::int64_t notBeforeMs = 0);

} // namespace billbridge::delivery
