#include "stripe/stripeevent.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace billbridge::stripe {

namespace {

QString idOf(const QJsonValue& value)
{
    // Expandable references are either an id string or the expanded object carrying it.
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return value.toObject().value(QLatin1String("id")).toString();
    return {};
}

QString customerOf(const QJsonObject& object)
{
    const QString objectType = object.value(QLatin1String("object")).toString();
    if (objectType == QLatin1String("customer"))
        return object.value(QLatin1String("id")).toString();
    return idOf(object.value(QLatin1String("customer")));
}

StripeEventParse failure(const char* reason)
{
    return {std::nullopt, QString::fromLatin1(reason)};
}

} // namespace

StripeEventParse parseStripeEvent(const QByteArray& raw)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {std::nullopt, QStringLiteral("malformed JSON at byte %1: %2")
                                  .arg(parseError.offset)
                                  .arg(parseError.errorString())};
    if (!document.isObject())
        return failure("the body is JSON but not an object");

    const QJsonObject event = document.object();
    if (event.value(QLatin1String("object")).toString() != QLatin1String("event"))
        return failure("the body is not a Stripe snapshot event (\"object\" is not \"event\")");

    StripeEventFields fields;
    fields.id = event.value(QLatin1String("id")).toString();
    fields.type = event.value(QLatin1String("type")).toString();
    if (!fields.id.startsWith(QLatin1String("evt_")))
        return failure("the event has no \"id\" starting with evt_");
    if (fields.type.isEmpty())
        return failure("the event has no \"type\"");
    const QJsonValue created = event.value(QLatin1String("created"));
    if (!created.isDouble())
        return failure("the event has no numeric \"created\"");
    fields.created = static_cast<std::int64_t>(created.toDouble());
    fields.livemode = event.value(QLatin1String("livemode")).toBool();
    fields.apiVersion = event.value(QLatin1String("api_version")).toString();
    fields.account = event.value(QLatin1String("account")).toString();

    const QJsonObject object =
        event.value(QLatin1String("data")).toObject().value(QLatin1String("object")).toObject();
    fields.objectType = object.value(QLatin1String("object")).toString();
    fields.objectId = object.value(QLatin1String("id")).toString();
    fields.customerId = customerOf(object);
    return {fields, {}};
}

} // namespace billbridge::stripe
