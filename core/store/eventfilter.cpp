#include "store/eventfilter.h"

#include <QJsonArray>

namespace billbridge::store {

QJsonObject EventFilter::toJson() const
{
    QJsonObject object;
    if (!types.isEmpty())
        object.insert(QStringLiteral("types"), QJsonArray::fromStringList(types));
    if (!customerId.isEmpty())
        object.insert(QStringLiteral("customer_id"), customerId);
    if (!customerEmail.isEmpty())
        object.insert(QStringLiteral("customer_email"), customerEmail);
    // Seconds fit a double exactly for the next few million years.
    if (createdFrom)
        object.insert(QStringLiteral("created_from"), qint64(*createdFrom));
    if (createdTo)
        object.insert(QStringLiteral("created_to"), qint64(*createdTo));
    if (source)
        object.insert(QStringLiteral("source"), toString(*source));
    if (livemode)
        object.insert(QStringLiteral("livemode"), *livemode);
    if (!text.isEmpty())
        object.insert(QStringLiteral("text"), text);
    return object;
}

EventFilter EventFilter::fromJson(const QJsonObject& object)
{
    EventFilter filter;
    for (const QJsonValue& type : object.value(QLatin1String("types")).toArray())
        if (type.isString() && !type.toString().isEmpty())
            filter.types << type.toString();
    filter.customerId = object.value(QLatin1String("customer_id")).toString();
    filter.customerEmail = object.value(QLatin1String("customer_email")).toString();
    if (object.value(QLatin1String("created_from")).isDouble())
        filter.createdFrom = object.value(QLatin1String("created_from")).toInteger();
    if (object.value(QLatin1String("created_to")).isDouble())
        filter.createdTo = object.value(QLatin1String("created_to")).toInteger();
    if (object.value(QLatin1String("source")).isString())
        filter.source = eventSourceFromString(object.value(QLatin1String("source")).toString());
    if (object.value(QLatin1String("livemode")).isBool())
        filter.livemode = object.value(QLatin1String("livemode")).toBool();
    filter.text = object.value(QLatin1String("text")).toString();
    return filter;
}

} // namespace billbridge::store
