#include "rules/ruleengine.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace billbridge::rules {

namespace {

QString idOf(const QJsonValue& value)
{
    // Expandable references are either an id or the expanded object.
    return value.isObject() ? value.toObject().value(QStringLiteral("id")).toString() : value.toString();
}

QJsonObject objectOf(const QJsonObject& event)
{
    return event.value(QStringLiteral("data")).toObject().value(QStringLiteral("object")).toObject();
}

QString invoiceSubscription(const QJsonObject& invoice)
{
    const QString fromParent = idOf(invoice.value(QStringLiteral("parent"))
                                        .toObject()
                                        .value(QStringLiteral("subscription_details"))
                                        .toObject()
                                        .value(QStringLiteral("subscription")));
    return fromParent.isEmpty() ? idOf(invoice.value(QStringLiteral("subscription"))) : fromParent;
}

QJsonValue orUndefined(const QJsonValue& value)
{
    return value.isNull() ? QJsonValue(QJsonValue::Undefined) : value;
}

QJsonValue nonEmpty(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text);
}

} // namespace

QString RuleInput::eventId() const
{
    return event.value(QStringLiteral("id")).toString();
}

QString RuleInput::eventType() const
{
    return event.value(QStringLiteral("type")).toString();
}

std::int64_t RuleInput::createdSeconds() const
{
    return event.value(QStringLiteral("created")).toInteger();
}

QJsonValue RuleInput::path(const QString& dottedPath) const
{
    QJsonValue current = event;
    for (const QString& part : dottedPath.split(QLatin1Char('.'))) {
        if (current.isObject()) {
            current = current.toObject().value(part);
        } else if (current.isArray()) {
            bool ok = false;
            const int index = part.toInt(&ok);
            const QJsonArray array = current.toArray();
            if (!ok || index < 0 || index >= array.size())
                return QJsonValue::Undefined;
            current = array.at(index);
        } else {
            return QJsonValue::Undefined;
        }
        if (current.isUndefined())
            return current;
    }
    return current;
}

QJsonValue RuleInput::derived(const QString& name) const
{
    const QJsonObject object = objectOf(event);
    const QString objectType = object.value(QStringLiteral("object")).toString();
    const QString type = eventType();
    const sync::SyncState& state = currentState();
    const QJsonObject& attrs = state.attributes;
    const auto attribute = [&attrs](const QString& key) { return orUndefined(attrs.value(key)); };
    const bool invoice = objectType == QLatin1String("invoice");
    const bool subscription = objectType == QLatin1String("subscription");
    const bool charge = objectType == QLatin1String("charge");
    const bool customer = objectType == QLatin1String("customer");

    if (name == QLatin1String("event_id"))
        return nonEmpty(eventId());
    if (name == QLatin1String("event_type"))
        return nonEmpty(type);
    if (name == QLatin1String("plan_name"))
        return attribute(attributes.planName);
    if (name == QLatin1String("plan_tier"))
        return attribute(attributes.planTier);
    if (name == QLatin1String("mrr"))
        return attribute(attributes.mrr);
    if (name == QLatin1String("subscription_status")) {
        if (subscription)
            return orUndefined(object.value(QStringLiteral("status")));
        return attribute(attributes.subscriptionStatus);
    }
    if (name == QLatin1String("currency")) {
        const QJsonValue own = object.value(QStringLiteral("currency"));
        return own.isString() ? own : attribute(attributes.currency);
    }
    if (name == QLatin1String("failed_payment_count"))
        return state.failedPaymentCount;
    if (name == QLatin1String("attempt_count"))
        return invoice ? orUndefined(object.value(QStringLiteral("attempt_count"))) : QJsonValue::Undefined;
    if (name == QLatin1String("next_payment_attempt"))
        return invoice ? orUndefined(object.value(QStringLiteral("next_payment_attempt")))
                       : QJsonValue::Undefined;
    if (name == QLatin1String("hosted_invoice_url"))
        return invoice ? orUndefined(object.value(QStringLiteral("hosted_invoice_url")))
                       : QJsonValue::Undefined;
    if (name == QLatin1String("invoice_id"))
        return nonEmpty(invoice ? object.value(QStringLiteral("id")).toString()
                                : idOf(object.value(QStringLiteral("invoice"))));
    if (name == QLatin1String("subscription_id")) {
        if (subscription)
            return nonEmpty(object.value(QStringLiteral("id")).toString());
        if (invoice)
            return nonEmpty(invoiceSubscription(object));
        return nonEmpty(idOf(object.value(QStringLiteral("subscription"))));
    }
    if (name == QLatin1String("amount")) {
        const QString currency = object.value(QStringLiteral("currency")).toString();
        QJsonValue minor;
        if (invoice) {
            const bool paid =
                type == QLatin1String("invoice.paid") || type == QLatin1String("invoice.payment_succeeded");
            minor = object.value(paid ? QStringLiteral("amount_paid") : QStringLiteral("amount_due"));
        } else if (charge) {
            minor = object.value(type == QLatin1String("charge.refunded") ? QStringLiteral("amount_refunded")
                                                                          : QStringLiteral("amount"));
        } else if (subscription) {
            return sync::toMajorUnits(std::round(sync::monthlyMinorOfSubscription(object)), currency);
        } else {
            minor = object.value(QStringLiteral("amount"));
        }
        if (!minor.isDouble())
            return QJsonValue::Undefined;
        return sync::toMajorUnits(minor.toDouble(), currency);
    }
    if (name == QLatin1String("customer_email")) {
        const QJsonValue known = attribute(attributes.email);
        if (known.isString() && !known.toString().isEmpty())
            return known;
        if (customer)
            return orUndefined(object.value(QStringLiteral("email")));
        if (invoice)
            return orUndefined(object.value(QStringLiteral("customer_email")));
        return QJsonValue::Undefined;
    }
    if (name == QLatin1String("customer_name")) {
        if (customer)
            return orUndefined(object.value(QStringLiteral("name")));
        if (invoice)
            return orUndefined(object.value(QStringLiteral("customer_name")));
        if (charge)
            return orUndefined(
                object.value(QStringLiteral("billing_details")).toObject().value(QStringLiteral("name")));
        return QJsonValue::Undefined;
    }
    if (name == QLatin1String("lifetime_value")) {
        const QMap<QString, std::int64_t> values = state.lifetimeValueMinor();
        if (values.isEmpty())
            return 0;
        QString currency = object.value(QStringLiteral("currency")).toString();
        if (!values.contains(currency))
            currency = attrs.value(attributes.currency).toString();
        if (!values.contains(currency))
            currency = values.firstKey();
        return sync::toMajorUnits(double(values.value(currency)), currency);
    }
    return QJsonValue::Undefined;
}

QJsonValue RuleInput::field(const QString& name) const
{
    static const QString metadataPrefix = QStringLiteral("customer.metadata.");
    if (name.startsWith(metadataPrefix)) {
        const QString key = name.mid(metadataPrefix.size());
        const QJsonObject object = objectOf(event);
        if (object.value(QStringLiteral("object")).toString() == QLatin1String("customer"))
            return object.value(QStringLiteral("metadata")).toObject().value(key);
        if (object.value(QStringLiteral("customer")).isObject())
            return object.value(QStringLiteral("customer"))
                .toObject()
                .value(QStringLiteral("metadata"))
                .toObject()
                .value(key);
        if (!customerLookup || customerId.isEmpty())
            return QJsonValue::Undefined;
        return customerLookup(customerId).value(QStringLiteral("metadata")).toObject().value(key);
    }
    if (name.startsWith(QLatin1String("data.")))
        return path(name);
    return derived(name);
}

QString JobExits::toJson() const
{
    QJsonObject object{{QStringLiteral("on"), QJsonArray::fromStringList(on)}};
    if (!invoiceId.isEmpty())
        object.insert(QStringLiteral("invoice"), invoiceId);
    if (!subscriptionId.isEmpty())
        object.insert(QStringLiteral("subscription"), subscriptionId);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<JobExits> JobExits::fromJson(const QString& text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isObject() || !document.object().value(QStringLiteral("on")).isArray())
        return std::nullopt;
    const QJsonObject object = document.object();
    JobExits exits;
    for (const QJsonValue& type : object.value(QStringLiteral("on")).toArray())
        exits.on.append(type.toString());
    exits.invoiceId = object.value(QStringLiteral("invoice")).toString();
    exits.subscriptionId = object.value(QStringLiteral("subscription")).toString();
    return exits;
}

bool JobExits::matches(const QJsonObject& event) const
{
    const QString type = event.value(QStringLiteral("type")).toString();
    if (!on.contains(type))
        return false;
    const QJsonObject object = objectOf(event);
    const QString objectType = object.value(QStringLiteral("object")).toString();
    if (type == QLatin1String("customer.deleted"))
        return true;
    if (objectType == QLatin1String("subscription"))
        return subscriptionId.isEmpty() || subscriptionId == object.value(QStringLiteral("id")).toString();
    if (objectType == QLatin1String("invoice")) {
        if (!invoiceId.isEmpty())
            return invoiceId == object.value(QStringLiteral("id")).toString();
        if (!subscriptionId.isEmpty())
            return subscriptionId == invoiceSubscription(object);
        return true;
    }
    return false;
}

} // namespace billbridge::rules
