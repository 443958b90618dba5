#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdint>

namespace billbridge::store {

// What a plan mapping's Stripe id names; derived from the id's prefix, never chosen by the operator.
enum class MappingKind { Price, Product };

inline QString toString(MappingKind kind)
{
    return kind == MappingKind::Price ? QStringLiteral("price") : QStringLiteral("product");
}

// One row of the lookup from a Stripe price (price_…) or product (prod_…) id to the plan name that
// Customer.io sees. Optional texts are null QStrings when absent, so that "" and "not set" cannot differ.
struct PlanMapping {
    QString stripeId;
    MappingKind kind = MappingKind::Price;
    QString planName;
    QString tier;
    QString intervalLabel;
    QString note;
    std::int64_t updatedAtMs = 0;

    // Equal in everything an operator sets; the time of the last write does not count.
    bool sameContent(const PlanMapping& other) const
    {
        return stripeId == other.stripeId && planName == other.planName && tier == other.tier &&
               intervalLabel == other.intervalLabel && note == other.note;
    }

    QJsonObject toJson() const
    {
        QJsonObject object{{QStringLiteral("stripe_id"), stripeId},
                           {QStringLiteral("kind"), toString(kind)},
                           {QStringLiteral("plan_name"), planName}};
        object.insert(QStringLiteral("tier"), tier.isNull() ? QJsonValue() : QJsonValue(tier));
        object.insert(QStringLiteral("interval_label"),
                      intervalLabel.isNull() ? QJsonValue() : QJsonValue(intervalLabel));
        object.insert(QStringLiteral("note"), note.isNull() ? QJsonValue() : QJsonValue(note));
        if (updatedAtMs > 0)
            object.insert(QStringLiteral("updated_at_ms"), qint64(updatedAtMs));
        return object;
    }
};

// A price that stored events mention but that neither it nor its product is mapped for.
struct UnmappedPrice {
    QString priceId;
    QString productId;
    QString nickname;
    QString lookupKey;
    QString interval;
    std::int64_t events = 0;   // events that mention it
    std::int64_t lastSeen = 0; // the newest such event's `created`, Unix seconds

    QJsonObject toJson() const
    {
        auto text = [](const QString& value) { return value.isNull() ? QJsonValue() : QJsonValue(value); };
        return QJsonObject{
            {QStringLiteral("price_id"), priceId},          {QStringLiteral("product_id"), text(productId)},
            {QStringLiteral("nickname"), text(nickname)},   {QStringLiteral("lookup_key"), text(lookupKey)},
            {QStringLiteral("interval"), text(interval)},   {QStringLiteral("events"), qint64(events)},
            {QStringLiteral("last_seen"), qint64(lastSeen)}};
    }
};

} // namespace billbridge::store
