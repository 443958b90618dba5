#include "demo/subscriptionjson.h"

#include "demo/jsonwriter.h"

namespace billbridge::demo {

namespace {

void writePlan(JsonWriter& w, const DemoPrice& price)
{
    const QString amount = QString::number(price.unitAmount);
    w.beginObject();
    w.field("id", price.id);
    w.field("object", "plan");
    w.field("active", true);
    w.field("amount", price.unitAmount);
    w.field("amount_decimal", amount);
    w.field("billing_scheme", "per_unit");
    w.field("created", price.created);
    w.field("currency", price.currency);
    w.field("interval", price.interval);
    w.field("interval_count", 1);
    w.field("livemode", false);
    w.emptyObject("metadata");
    w.field("meter", nullptr);
    w.field("nickname", price.nickname);
    w.field("product", price.product->id);
    w.field("tiers_mode", nullptr);
    w.field("transform_usage", nullptr);
    w.field("trial_period_days", nullptr);
    w.field("usage_type", "licensed");
    w.endObject();
}

void writeCancellation(JsonWriter& w, const DemoCancellation& cancellation)
{
    w.beginObject();
    w.optionalText("comment", cancellation.comment);
    w.optionalText("feedback", cancellation.feedback);
    w.optionalText("reason", cancellation.reason);
    w.endObject();
}

} // namespace

void SubscriptionJson::writePrice(JsonWriter& w, const DemoPrice& price)
{
    const QString amount = QString::number(price.unitAmount);
    w.beginObject();
    w.field("id", price.id);
    w.field("object", "price");
    w.field("active", true);
    w.field("billing_scheme", "per_unit");
    w.field("created", price.created);
    w.field("currency", price.currency);
    w.field("custom_unit_amount", nullptr);
    w.field("livemode", false);
    w.field("lookup_key", price.lookupKey);
    w.emptyObject("metadata");
    w.field("nickname", price.nickname);
    w.field("product", price.product->id);
    w.key("recurring").beginObject();
    w.field("interval", price.interval);
    w.field("interval_count", 1);
    w.field("meter", nullptr);
    w.field("trial_period_days", nullptr);
    w.field("usage_type", "licensed");
    w.endObject();
    w.field("tax_behavior", "exclusive");
    w.field("tiers_mode", nullptr);
    w.field("transform_quantity", nullptr);
    w.field("type", "recurring");
    w.field("unit_amount", price.unitAmount);
    w.field("unit_amount_decimal", amount);
    w.endObject();
}

void SubscriptionJson::writeItem(JsonWriter& w, const DemoSubscription& subscription)
{
    w.beginObject();
    w.field("id", subscription.itemId);
    w.field("object", "subscription_item");
    w.field("billing_thresholds", nullptr);
    w.field("created", subscription.created);
    w.field("current_period_end", subscription.periodEnd);
    w.field("current_period_start", subscription.periodStart);
    w.emptyArray("discounts");
    w.emptyObject("metadata");
    w.key("plan");
    writePlan(w, *subscription.price);
    w.key("price");
    writePrice(w, *subscription.price);
    w.field("quantity", subscription.quantity);
    w.field("subscription", subscription.id);
    w.emptyArray("tax_rates");
    w.endObject();
}

void SubscriptionJson::write(JsonWriter& w, const DemoSubscription& s, const DemoCustomer& customer)
{
    w.beginObject();
    w.field("id", s.id);
    w.field("object", "subscription");
    w.field("application", nullptr);
    w.field("application_fee_percent", nullptr);
    w.key("automatic_tax").beginObject();
    w.field("disabled_reason", nullptr);
    w.field("enabled", false);
    w.field("liability", nullptr);
    w.endObject();
    w.field("billing_cycle_anchor", s.billingCycleAnchor);
    w.field("billing_cycle_anchor_config", nullptr);
    w.key("billing_mode").beginObject();
    w.field("flexible", nullptr);
    w.field("type", "classic");
    w.endObject();
    w.emptyArray("billing_schedules");
    w.field("billing_thresholds", nullptr);
    w.optionalNumber("cancel_at", s.cancelAt);
    w.field("cancel_at_period_end", s.cancelAtPeriodEnd);
    w.optionalNumber("canceled_at", s.canceledAt);
    w.key("cancellation_details");
    writeCancellation(w, s.cancellation);
    w.field("collection_method", "charge_automatically");
    w.field("created", s.created);
    w.field("currency", s.price->currency);
    w.field("customer", customer.id);
    w.field("customer_account", nullptr);
    w.field("days_until_due", nullptr);
    w.optionalText("default_payment_method", s.defaultPaymentMethod);
    w.field("default_source", nullptr);
    w.emptyArray("default_tax_rates");
    w.field("description", nullptr);
    w.emptyArray("discounts");
    w.optionalNumber("ended_at", s.endedAt);
    w.key("invoice_settings").beginObject();
    w.field("account_tax_ids", nullptr);
    w.key("issuer").beginObject();
    w.field("type", "self");
    w.endObject();
    w.endObject();
    w.key("items").beginObject();
    w.field("object", "list");
    w.key("data").beginArray();
    writeItem(w, s);
    w.endArray();
    w.field("has_more", false);
    w.field("total_count", 1);
    w.field("url", QStringLiteral("/v1/subscription_items?subscription=") + s.id);
    w.endObject();
    w.optionalText("latest_invoice", s.latestInvoice);
    w.field("livemode", false);
    w.key("metadata").beginObject();
    w.field("app_user_id", customer.appUserId);
    w.field("workspace", s.workspace);
    w.endObject();
    w.field("next_pending_invoice_item_invoice", nullptr);
    w.field("on_behalf_of", nullptr);
    w.field("pause_collection", nullptr);
    w.key("payment_settings").beginObject();
    w.field("payment_method_options", nullptr);
    w.field("payment_method_types", nullptr);
    w.field("save_default_payment_method", "on_subscription");
    w.endObject();
    w.field("pending_invoice_item_interval", nullptr);
    w.field("pending_setup_intent", nullptr);
    w.field("pending_update", nullptr);
    w.field("schedule", nullptr);
    w.field("start_date", s.created);
    w.field("status", s.status);
    w.field("test_clock", nullptr);
    w.field("transfer_data", nullptr);
    w.optionalNumber("trial_end", s.trialEnd);
    w.key("trial_settings").beginObject();
    w.key("end_behavior").beginObject();
    w.field("missing_payment_method", s.trialEndBehavior);
    w.endObject();
    w.endObject();
    w.optionalNumber("trial_start", s.trialStart);
    w.endObject();
}

void SubscriptionJson::writePrevious(JsonWriter& w, const DemoSubscription& before,
                                     const DemoSubscription& after)
{
    w.beginObject();
    if (before.cancelAt != after.cancelAt)
        w.optionalNumber("cancel_at", before.cancelAt);
    if (before.cancelAtPeriodEnd != after.cancelAtPeriodEnd)
        w.field("cancel_at_period_end", before.cancelAtPeriodEnd);
    if (before.canceledAt != after.canceledAt)
        w.optionalNumber("canceled_at", before.canceledAt);
    if (before.cancellation.reason != after.cancellation.reason ||
        before.cancellation.feedback != after.cancellation.feedback) {
        w.key("cancellation_details");
        writeCancellation(w, before.cancellation);
    }
    if (before.defaultPaymentMethod != after.defaultPaymentMethod)
        w.optionalText("default_payment_method", before.defaultPaymentMethod);
    if (before.price != after.price || before.quantity != after.quantity ||
        before.periodStart != after.periodStart || before.periodEnd != after.periodEnd) {
        w.key("items").beginObject();
        w.key("data").beginArray();
        writeItem(w, before);
        w.endArray();
        w.endObject();
    }
    if (before.latestInvoice != after.latestInvoice)
        w.optionalText("latest_invoice", before.latestInvoice);
    if (before.status != after.status)
        w.field("status", before.status);
    w.endObject();
}

} // namespace billbridge::demo
