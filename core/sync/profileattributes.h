#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>

namespace billbridge::sync {

// How the business names a Stripe price: Stripe's own names (nickname, lookup_key) are for operators and
// change rarely in step with the marketing plan names a campaign wants to branch on.
struct PlanInfo {
    QString name;     // "Business"
    QString tier;     // "business"; empty: no tier
    QString interval; // "monthly"; empty: taken from the price
};
using PlanLookup = std::function<std::optional<PlanInfo>(const QString& priceId, const QString& productId)>;

// The Customer.io attribute each figure is written to. Defaults are the member names.
struct AttributeNames {
    QString email = QStringLiteral("email");
    QString stripeCustomerId = QStringLiteral("stripe_customer_id");
    QString planName = QStringLiteral("plan_name");
    QString planTier = QStringLiteral("plan_tier");
    QString planInterval = QStringLiteral("plan_interval");
    QString mrr = QStringLiteral("mrr");
    QString currency = QStringLiteral("currency");
    QString subscriptionStatus = QStringLiteral("subscription_status");
    QString trialEnd = QStringLiteral("trial_end");
    QString currentPeriodEnd = QStringLiteral("current_period_end");
    QString cancelAtPeriodEnd = QStringLiteral("cancel_at_period_end");
    QString canceledAt = QStringLiteral("canceled_at");
    QString delinquent = QStringLiteral("delinquent");
    QString failedPaymentCount = QStringLiteral("failed_payment_count");
    QString lastPaymentAt = QStringLiteral("last_payment_at");
    QString lifetimeValue = QStringLiteral("lifetime_value");
    QString planUnmapped = QStringLiteral("plan_unmapped");
};

// A minor-unit amount in the currency's major unit: 4900 usd -> 49.0, 1000 jpy -> 1000.0.
double toMajorUnits(double minorUnits, const QString& currency);

// One subscription item's list price per month in minor units (unit_amount × quantity, normalised from
// its interval: a year is 12 months, a week 52/12 of a month, a day 365/12 of a month, each divided by
// interval_count). Metered prices count 0: their amount depends on usage not yet known.
double monthlyMinorOfItem(const QJsonObject& item);
// Sum over the subscription's items, regardless of status.
double monthlyMinorOfSubscription(const QJsonObject& subscription);
// MRR as the profile shows it, in major units rounded to the currency's minor digits: the monthly list
// price while the subscription earns money (active, past_due), otherwise 0 — a trial or a canceled plan
// is not recurring revenue.
double mrrOf(const QJsonObject& subscription);

// Plan, price and lifecycle attributes of a subscription object. Periods are read from the items (API
// 2025-03-31 and later) and from the subscription itself for older payloads. Timestamps are Unix seconds;
// absent values are JSON null so that Customer.io forgets an old one.
QJsonObject subscriptionAttributes(const QJsonObject& subscription, const PlanLookup& lookup,
                                   const AttributeNames& names = {});
// Attributes of a customer object: email, stripe_customer_id, delinquent.
QJsonObject customerAttributes(const QJsonObject& customer, const AttributeNames& names = {});

} // namespace billbridge::sync
