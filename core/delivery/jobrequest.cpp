#include "delivery/jobrequest.h"

#include <QStringList>

#include <algorithm>

namespace billbridge::delivery {

namespace {

using customerio::CustomerIoApi;
using customerio::CustomerIoRequest;

const QLatin1String kVerb{"verb"};
const QLatin1String kPath{"path"};
const QLatin1String kQuery{"query"};
const QLatin1String kBody{"body"};
const QLatin1String kIdempotencyId{"idempotency_id"};

void fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
}

} // namespace

QString toString(DeliveryLane lane)
{
    switch (lane) {
    case DeliveryLane::Track:
        return QStringLiteral("track");
    case DeliveryLane::App:
        return QStringLiteral("app");
    case DeliveryLane::Transactional:
        return QStringLiteral("transactional");
    case DeliveryLane::Broadcast:
        return QStringLiteral("broadcast");
    case DeliveryLane::Slack:
        return QStringLiteral("slack");
    }
    return {};
}

DeliveryLane laneOf(const QString& operation)
{
    if (operation == QLatin1String("app.sendEmail"))
        return DeliveryLane::Transactional;
    if (operation == QLatin1String("app.triggerBroadcast"))
        return DeliveryLane::Broadcast;
    if (operation.startsWith(QLatin1String("app.")))
        return DeliveryLane::App;
    if (operation.startsWith(QLatin1String("slack.")))
        return DeliveryLane::Slack;
    return DeliveryLane::Track;
}

QJsonObject payloadOf(const CustomerIoRequest& request)
{
    QJsonObject payload;
    payload.insert(kVerb, QString::fromLatin1(request.verb));
    payload.insert(kPath, QString::fromLatin1(request.path));
    payload.insert(kQuery, QString::fromLatin1(request.query));
    payload.insert(kBody, QString::fromUtf8(request.body));
    if (!request.idempotencyId.isEmpty())
        payload.insert(kIdempotencyId, request.idempotencyId);
    return payload;
}

std::optional<CustomerIoRequest> requestOf(const store::Job& job, QString* error)
{
    return requestOf(job.operation, job.payload, error);
}

std::optional<CustomerIoRequest> requestOf(const QString& operation, const QJsonObject& payload,
                                           QString* error)
{
    static const QStringList verbs = {QStringLiteral("GET"), QStringLiteral("PUT"), QStringLiteral("POST"),
                                      QStringLiteral("DELETE")};
    const QString verb = payload.value(kVerb).toString();
    const QString path = payload.value(kPath).toString();
    if (!operation.startsWith(QLatin1String("track.")) && !operation.startsWith(QLatin1String("app."))) {
        fail(error, QStringLiteral("the operation \"%1\" belongs to neither the Track nor the App API")
                        .arg(operation));
        return std::nullopt;
    }
    if (!verbs.contains(verb)) {
        fail(error, QStringLiteral("the stored request has no usable HTTP method"));
        return std::nullopt;
    }
    // Paths are stored percent-encoded, so anything outside printable ASCII means the row was damaged.
    const bool printable = std::all_of(path.cbegin(), path.cend(),
                                       [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
    if (!path.startsWith(QLatin1Char('/')) || !printable || path.contains(QLatin1String(".."))) {
        fail(error, QStringLiteral("the stored request has no usable path"));
        return std::nullopt;
    }
    const QJsonValue body = payload.value(kBody);
    if (!body.isUndefined() && !body.isString()) {
        fail(error, QStringLiteral("the stored request body is not text"));
        return std::nullopt;
    }

    CustomerIoRequest request;
    request.api = operation.startsWith(QLatin1String("app.")) ? CustomerIoApi::App : CustomerIoApi::Track;
    request.verb = verb.toLatin1();
    request.path = path.toLatin1();
    request.query = payload.value(kQuery).toString().toLatin1();
    request.body = body.toString().toUtf8();
    request.idempotencyId = payload.value(kIdempotencyId).toString();
    request.operation = operation;
    return request;
}

store::NewJob jobFor(const CustomerIoRequest& request, const QString& customerId,
                     const QString& idempotencyKey, const QString& eventId, std::int64_t notBeforeMs)
{
    store::NewJob job;
    job.operation = request.operation;
    job.customerId = customerId;
    job.idempotencyKey = idempotencyKey;
    job.payload = payloadOf(request);
    job.eventId = eventId;
    job.notBeforeMs = notBeforeMs;
    return job;
}

} // namespace billbridge::delivery
