#include "customerio/customeriorequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace billbridge::customerio {

namespace {

// One JSON value, compact. QJsonDocument only writes arrays and objects, so the value travels in a
// one-element array whose brackets are then cut off.
QByteArray compactValue(const QJsonValue& value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QJsonArray toJsonArray(const QStringList& values)
{
    QJsonArray array;
    for (const QString& value : values)
        array.append(value);
    return array;
}

CustomerIoRequest make(CustomerIoApi api, const char* verb, const QByteArray& path, const QString& operation)
{
    CustomerIoRequest request;
    request.api = api;
    request.verb = verb;
    request.path = path;
    request.operation = operation;
    return request;
}

QByteArray customerPath(const QString& customerId, const char* suffix = "")
{
    return "/customers/" + encodeUriComponent(customerId) + suffix;
}

// The Node client's put/post default their data to {}: a bodiless POST still sends "{}".
const QByteArray kEmptyObject = QByteArrayLiteral("{}");

CustomerIoRequest segmentMembership(const char* action, const QString& operation, const QString& segmentId,
                                    const QStringList& ids, std::optional<IdentifierType> idType)
{
    CustomerIoRequest request =
        make(CustomerIoApi::Track, "POST", "/segments/" + encodeUriComponent(segmentId) + action, operation);
    // id_type is an enum word, written as is, like the Node client does.
    if (idType)
        request.query = "id_type=" + toString(*idType).toLatin1();
    request.body = toCompactJson({{QStringLiteral("ids"), toJsonArray(ids)}});
    return request;
}

} // namespace

QString toString(IdentifierType type)
{
    switch (type) {
    case IdentifierType::Id:
        return QStringLiteral("id");
    case IdentifierType::Email:
        return QStringLiteral("email");
    case IdentifierType::CioId:
        return QStringLiteral("cio_id");
    }
    return QStringLiteral("id");
}

QByteArray toCompactJson(const OrderedMembers& members)
{
    QByteArray json = "{";
    bool first = true;
    for (const auto& [key, value] : members) {
        // JSON.stringify drops undefined members.
        if (value.isUndefined())
            continue;
        if (!first)
            json += ',';
        first = false;
        json += compactValue(QJsonValue(key));
        json += ':';
        json += compactValue(value);
    }
    json += '}';
    return json;
}

QByteArray encodeUriComponent(const QString& value)
{
    // Qt leaves only A-Z a-z 0-9 - . _ ~ alone; encodeURIComponent also keeps ! * ' ( ).
    return QUrl::toPercentEncoding(value, QByteArrayLiteral("!*'()"));
}

QByteArray CustomerIoRequest::relativeTarget() const
{
    return query.isEmpty() ? path : path + '?' + query;
}

QByteArray CustomerIoRequest::wireTarget() const
{
    return (api == CustomerIoApi::Track ? QByteArrayLiteral("/api/v1") : QByteArrayLiteral("/v1")) +
           relativeTarget();
}

QList<QPair<QByteArray, QByteArray>> CustomerIoRequest::standardHeaders(const QByteArray& userAgent)
{
    return {{"Content-Type", "application/json"}, {"Accept", "application/json"}, {"User-Agent", userAgent}};
}

namespace requests {

CustomerIoRequest identify(const QString& customerId, const IdentifyAttributes& attributes)
{
    CustomerIoRequest request =
        make(CustomerIoApi::Track, "PUT", customerPath(customerId), QStringLiteral("track.identify"));
    OrderedMembers members;
    if (!attributes.email.isEmpty())
        members.append({QStringLiteral("email"), attributes.email});
    if (attributes.createdAt)
        members.append({QStringLiteral("created_at"), static_cast<qint64>(*attributes.createdAt)});
    members.append(attributes.attributes);
    if (attributes.changedAt)
        members.append({QStringLiteral("_timestamp"), static_cast<qint64>(*attributes.changedAt)});
    if (attributes.updateOnly)
        members.append({QStringLiteral("_update"), true});
    request.body = toCompactJson(members);
    return request;
}

CustomerIoRequest deleteCustomer(const QString& customerId)
{
    return make(CustomerIoApi::Track, "DELETE", customerPath(customerId), QStringLiteral("track.destroy"));
}

CustomerIoRequest trackEvent(const QString& customerId, const TrackEvent& event)
{
    CustomerIoRequest request = make(CustomerIoApi::Track, "POST", customerPath(customerId, "/events"),
                                     QStringLiteral("track.track"));
    OrderedMembers members{{QStringLiteral("name"), event.name}};
    if (!event.ulid.isEmpty())
        members.append({QStringLiteral("id"), event.ulid});
    if (event.timestamp)
        members.append({QStringLiteral("timestamp"), static_cast<qint64>(*event.timestamp)});
    if (!event.data.isEmpty())
        members.append({QStringLiteral("data"), event.data});
    request.body = toCompactJson(members);
    request.idempotencyId = event.ulid;
    return request;
}

CustomerIoRequest suppress(const QString& customerId)
{
    CustomerIoRequest request = make(CustomerIoApi::Track, "POST", customerPath(customerId, "/suppress"),
                                     QStringLiteral("track.suppress"));
    request.body = kEmptyObject;
    return request;
}

CustomerIoRequest unsuppress(const QString& customerId)
{
    CustomerIoRequest request = make(CustomerIoApi::Track, "POST", customerPath(customerId, "/unsuppress"),
                                     QStringLiteral("track.unsuppress"));
    request.body = kEmptyObject;
    return request;
}

CustomerIoRequest addToSegment(const QString& segmentId, const QStringList& ids,
                               std::optional<IdentifierType> idType)
{
    return segmentMembership("/add_customers", QStringLiteral("track.addCustomersToSegment"), segmentId, ids,
                             idType);
}

CustomerIoRequest removeFromSegment(const QString& segmentId, const QStringList& ids,
                                    std::optional<IdentifierType> idType)
{
    return segmentMembership("/remove_customers", QStringLiteral("track.removeCustomersFromSegment"),
                             segmentId, ids, idType);
}

CustomerIoRequest sendEmail(const TransactionalEmail& email)
{
    CustomerIoRequest request =
        make(CustomerIoApi::App, "POST", "/send/email", QStringLiteral("app.sendEmail"));
    const auto optionalBool = [](const std::optional<bool>& value) {
        return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Undefined);
    };
    const auto optionalText = [](const QString& value) {
        return value.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(value);
    };
    OrderedMembers members{
        {QStringLiteral("to"), email.to},
        {QStringLiteral("identifiers"), QJsonObject{{toString(email.identifierType), email.identifier}}},
        {QStringLiteral("headers"), QJsonObject{}},
        {QStringLiteral("message_data"),
         email.messageData.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(email.messageData)},
        {QStringLiteral("reply_to"), optionalText(email.replyTo)},
        {QStringLiteral("disable_message_retention"), optionalBool(email.disableMessageRetention)},
        {QStringLiteral("send_to_unsubscribed"), optionalBool(email.sendToUnsubscribed)},
        {QStringLiteral("tracked"), optionalBool(email.tracked)},
        {QStringLiteral("queue_draft"), optionalBool(email.queueDraft)},
        {QStringLiteral("send_at"),
         email.sendAt ? QJsonValue(static_cast<qint64>(*email.sendAt)) : QJsonValue(QJsonValue::Undefined)},
        {QStringLiteral("language"), optionalText(email.language)},
        {QStringLiteral("transactional_message_id"), email.transactionalMessageId},
        {QStringLiteral("from"), optionalText(email.from)},
        {QStringLiteral("subject"), optionalText(email.subject)},
        {QStringLiteral("body"), optionalText(email.body)},
    };
    request.body = toCompactJson(members);
    return request;
}

CustomerIoRequest triggerBroadcast(const QString& broadcastId, const QJsonObject& data,
                                   const BroadcastAudience& audience)
{
    CustomerIoRequest request =
        make(CustomerIoApi::App, "POST", "/campaigns/" + encodeUriComponent(broadcastId) + "/triggers",
             QStringLiteral("app.triggerBroadcast"));
    // Empty data or recipients are left out: Customer.io answers 422 to "recipients":{}.
    OrderedMembers members;
    if (!data.isEmpty())
        members.append({QStringLiteral("data"), data});
    switch (audience.kind) {
    case BroadcastAudience::Kind::AsConfigured:
        break;
    case BroadcastAudience::Kind::Recipients:
        if (!audience.recipients.isEmpty())
            members.append({QStringLiteral("recipients"), audience.recipients});
        break;
    case BroadcastAudience::Kind::Ids:
        members.append({QStringLiteral("ids"), toJsonArray(audience.people)});
        // Flags that are false are left out, as the Node client does.
        if (audience.ignoreMissing)
            members.append({QStringLiteral("id_ignore_missing"), true});
        break;
    case BroadcastAudience::Kind::Emails:
        members.append({QStringLiteral("emails"), toJsonArray(audience.people)});
        if (audience.ignoreMissing)
            members.append({QStringLiteral("email_ignore_missing"), true});
        if (audience.addDuplicates)
            members.append({QStringLiteral("email_add_duplicates"), true});
        break;
    }
    request.body = toCompactJson(members);
    return request;
}

CustomerIoRequest customersByEmail(const QString& email)
{
    CustomerIoRequest request =
        make(CustomerIoApi::App, "GET", "/customers", QStringLiteral("app.getCustomersByEmail"));
    // An unencoded '+' would be read as a space and silently find nobody.
    request.query = "email=" + encodeUriComponent(email);
    return request;
}

CustomerIoRequest listBroadcasts()
{
    return make(CustomerIoApi::App, "GET", "/broadcasts", QStringLiteral("app.listBroadcasts"));
}

CustomerIoRequest listTransactionalMessages()
{
    return make(CustomerIoApi::App, "GET", "/transactional", QStringLiteral("app.listTransactionalMessages"));
}

CustomerIoRequest listSegments()
{
    return make(CustomerIoApi::App, "GET", "/segments", QStringLiteral("app.listSegments"));
}

} // namespace requests

} // namespace billbridge::customerio
