#include "sync/profileattributes.h"

#include "util/money.h"

#include <QJsonArray>

#include <cmath>

namespace billbridge::sync {

namespace {

QJsonValue nullable(const QJsonValue& value)
{
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

double pow10(int digits)
{
    double factor = 1;
    for (int i = 0; i < digits; ++i)
        factor *= 10;
    return factor;
}

QJsonArray itemsOf(const QJsonObject& subscription)
{
    return subscription.value(QStringLiteral("items")).toObject().value(QStringLiteral("data")).toArray();
}

// The item whose price names the plan: the one worth the most per month, so that an add-on never names
// the plan a customer is on. Ties go to the first item.
QJsonObject primaryItem(const QJsonObject& subscription)
{
    QJsonObject best;
    double bestAmount = -1;
    for (const QJsonValue& value : itemsOf(subscription)) {
        const QJsonObject item = value.toObject();
        const double amount = monthlyMinorOfItem(item);
        if (amount > bestAmount) {
            best = item;
            bestAmount = amount;
        }
    }
    return best;
}

QString intervalName(const QJsonObject& price)
{
    const QJsonObject recurring = price.value(QStringLiteral("recurring")).toObject();
    const QString interval = recurring.value(QStringLiteral("interval")).toString();
    const int count = recurring.value(QStringLiteral("interval_count")).toInt(1);
    if (interval.isEmpty() || count <= 1)
        return interval;
    return QStringLiteral("%1 %2s").arg(count).arg(interval);
}

} // namespace

double toMajorUnits(double minorUnits, const QString& currency)
{
    return minorUnits / pow10(util::currencyMinorDigits(currency));
}

double monthlyMinorOfItem(const QJsonObject& item)
{
    QJsonObject price = item.value(QStringLiteral("price")).toObject();
    if (price.isEmpty())
        price = item.value(QStringLiteral("plan")).toObject();
    QJsonObject recurring = price.value(QStringLiteral("recurring")).toObject();
    if (recurring.isEmpty()) // a legacy plan object carries its interval itself
        recurring = price;
    if (recurring.value(QStringLiteral("usage_type")).toString() == QLatin1String("metered"))
        return 0;
    double unit = 0;
    const QJsonValue unitAmount = price.value(QStringLiteral("unit_amount"));
    if (unitAmount.isDouble())
        unit = unitAmount.toDouble();
    else if (price.value(QStringLiteral("unit_amount_decimal")).isString())
        unit = price.value(QStringLiteral("unit_amount_decimal")).toString().toDouble();
    else
        unit = price.value(QStringLiteral("amount")).toDouble();
    const double quantity = item.value(QStringLiteral("quantity")).toDouble(1);
    const QString interval = recurring.value(QStringLiteral("interval")).toString();
    const int count = std::max(1, recurring.value(QStringLiteral("interval_count")).toInt(1));
    double perMonth = 0;
    if (interval == QLatin1String("month"))
        perMonth = 1;
    else if (interval == QLatin1String("year"))
        perMonth = 1.0 / 12;
    else if (interval == QLatin1String("week"))
        perMonth = 52.0 / 12;
    else if (interval == QLatin1String("day"))
        perMonth = 365.0 / 12;
    return unit * quantity * perMonth / count;
}

double monthlyMinorOfSubscription(const QJsonObject& subscription)
{
    double total = 0;
    for (const QJsonValue& item : itemsOf(subscription))
        total += monthlyMinorOfItem(item.toObject());
    return total;
}

double mrrOf(const QJsonObject& subscription)
{
    const QString status = subscription.value(QStringLiteral("status")).toString();
    if (status != QLatin1String("active") && status != QLatin1String("past_due"))
        return 0;
    const QString currency = subscription.value(QStringLiteral("currency")).toString();
    const double factor = pow10(util::currencyMinorDigits(currency));
    // Rounded to the currency's smallest unit: 49/week is 212.33 a month, not 212.3333….
    return std::round(monthlyMinorOfSubscription(subscription)) / factor;
}

QJsonObject subscriptionAttributes(const QJsonObject& subscription, const PlanLookup& lookup,
                                   const AttributeNames& names)
{
    QJsonObject out;
    const QJsonObject item = primaryItem(subscription);
    QJsonObject price = item.value(QStringLiteral("price")).toObject();
    if (price.isEmpty())
        price = item.value(QStringLiteral("plan")).toObject();
    const QString priceId = price.value(QStringLiteral("id")).toString();
    QString productId = price.value(QStringLiteral("product")).toString();
    if (productId.isEmpty()) // expanded product
        productId = price.value(QStringLiteral("product")).toObject().value(QStringLiteral("id")).toString();

    const std::optional<PlanInfo> info =
        (lookup && !priceId.isEmpty()) ? lookup(priceId, productId) : std::optional<PlanInfo>();
    QString name;
    QString tier;
    QString interval = intervalName(price);
    if (info) {
        name = info->name;
        tier = info->tier;
        if (!info->interval.isEmpty())
            interval = info->interval;
    }
    if (name.isEmpty())
        name = price.value(QStringLiteral("nickname")).toString();
    if (name.isEmpty())
        name = price.value(QStringLiteral("lookup_key")).toString();
    if (name.isEmpty())
        name = priceId;
    auto textOrNull = [](const QString& text) {
        return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
    };
    out.insert(names.planName, textOrNull(name));
    out.insert(names.planTier, textOrNull(tier));
    out.insert(names.planInterval, textOrNull(interval));
    out.insert(names.planUnmapped, !info.has_value());
    out.insert(names.mrr, mrrOf(subscription));
    out.insert(names.currency, textOrNull(subscription.value(QStringLiteral("currency")).toString()));
    out.insert(names.subscriptionStatus, textOrNull(subscription.value(QStringLiteral("status")).toString()));
    out.insert(names.trialEnd, nullable(subscription.value(QStringLiteral("trial_end"))));

    // Since 2025-03-31 each item has its own period; the profile shows the earliest end, when the
    // customer is next billed for something.
    QJsonValue periodEnd;
    for (const QJsonValue& value : itemsOf(subscription)) {
        const QJsonValue end = value.toObject().value(QStringLiteral("current_period_end"));
        if (end.isDouble() && (!periodEnd.isDouble() || end.toInteger() < periodEnd.toInteger()))
            periodEnd = end;
    }
    if (!periodEnd.isDouble())
        periodEnd = subscription.value(QStringLiteral("current_period_end"));
    out.insert(names.currentPeriodEnd, nullable(periodEnd));
    out.insert(names.cancelAtPeriodEnd, subscription.value(QStringLiteral("cancel_at_period_end")).toBool());
    out.insert(names.canceledAt, nullable(subscription.value(QStringLiteral("canceled_at"))));
    return out;
}

QJsonObject customerAttributes(const QJsonObject& customer, const AttributeNames& names)
{
    QJsonObject out;
    out.insert(names.email, nullable(customer.value(QStringLiteral("email"))));
    out.insert(names.stripeCustomerId, nullable(customer.value(QStringLiteral("id"))));
    out.insert(names.delinquent, customer.value(QStringLiteral("delinquent")).toBool());
    return out;
}

} // namespace billbridge::sync
