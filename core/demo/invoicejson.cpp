#include "demo/invoicejson.h"

#include "demo/customerjson.h"
#include "demo/democatalog.h"
#include "demo/jsonwriter.h"

namespace billbridge::demo {

QString InvoiceJson::formatAmount(std::int64_t minorUnits, const QString& currency)
{
    const QString symbol = currency == QLatin1String("eur") ? QStringLiteral("€") : QStringLiteral("$");
    return symbol +
           QStringLiteral("%1.%2").arg(minorUnits / 100).arg(minorUnits % 100, 2, 10, QLatin1Char('0'));
}

QString InvoiceJson::lineDescription(const DemoInvoice& invoice)
{
    return QStringLiteral("%1 × %2 (at %3 / %4)")
        .arg(QString::number(invoice.quantity), invoice.price->product->name,
             formatAmount(invoice.price->unitAmount, invoice.price->currency), invoice.price->interval);
}

namespace {

void writeLines(JsonWriter& w, const DemoInvoice& inv, const DemoCustomer& customer)
{
    const QString currency = inv.price->currency;
    w.key("lines").beginObject();
    w.field("object", "list");
    w.key("data").beginArray();
    w.beginObject();
    w.field("id", inv.lineId);
    w.field("object", "line_item");
    w.field("amount", inv.amount);
    w.field("currency", currency);
    w.field("description", InvoiceJson::lineDescription(inv));
    w.emptyArray("discount_amounts");
    w.field("discountable", true);
    w.emptyArray("discounts");
    w.optionalText("invoice", inv.id);
    w.field("livemode", false);
    w.emptyObject("metadata");
    w.key("parent").beginObject();
    w.field("invoice_item_details", nullptr);
    w.key("subscription_item_details").beginObject();
    w.field("invoice_item", nullptr);
    w.field("proration", false);
    w.field("proration_details", nullptr);
    w.field("subscription", inv.subscriptionId);
    w.field("subscription_item", inv.subscriptionItemId);
    w.endObject();
    w.field("type", "subscription_item_details");
    w.endObject();
    w.key("period").beginObject();
    w.field("end", inv.lineEnd);
    w.field("start", inv.lineStart);
    w.endObject();
    w.emptyArray("pretax_credit_amounts");
    w.key("pricing").beginObject();
    w.key("price_details").beginObject();
    w.field("price", inv.price->id);
    w.field("product", inv.price->product->id);
    w.endObject();
    w.field("type", "price_details");
    w.field("unit_amount_decimal", QString::number(inv.price->unitAmount));
    w.endObject();
    w.field("quantity", inv.quantity);
    w.field("quantity_decimal", QString::number(inv.quantity));
    w.field("subscription", inv.subscriptionId);
    w.field("subtotal", inv.amount);
    w.emptyArray("taxes");
    w.endObject();
    w.endArray();
    w.field("has_more", false);
    w.field("total_count", 1);
    if (inv.id.isEmpty())
        w.field("url", QStringLiteral("/v1/invoices/upcoming/lines?customer=") + customer.id);
    else
        w.field("url", QStringLiteral("/v1/invoices/") + inv.id + QStringLiteral("/lines"));
    w.endObject();
}

} // namespace

void InvoiceJson::write(JsonWriter& w, const DemoInvoice& inv, const DemoCustomer& customer)
{
    const bool finalized = inv.finalizedAt.has_value();
    const QString currency = inv.price->currency;
    const QString account = DemoCatalog::accountId();
    w.beginObject();
    if (!inv.id.isEmpty())
        w.field("id", inv.id);
    w.field("object", "invoice");
    w.field("account_country", "US");
    w.field("account_name", DemoCatalog::accountName());
    w.field("account_tax_ids", nullptr);
    w.field("amount_due", inv.amount);
    w.field("amount_overpaid", 0);
    w.field("amount_paid", inv.amountPaid);
    w.field("amount_remaining", inv.amount - inv.amountPaid);
    w.field("amount_shipping", 0);
    w.field("application", nullptr);
    w.field("attempt_count", inv.attemptCount);
    w.field("attempted", inv.attempted);
    w.field("auto_advance", inv.autoAdvance);
    w.key("automatic_tax").beginObject();
    w.field("disabled_reason", nullptr);
    w.field("enabled", false);
    w.field("liability", nullptr);
    w.field("provider", nullptr);
    w.field("status", nullptr);
    w.endObject();
    if (!finalized && !inv.id.isEmpty())
        w.field("automatically_finalizes_at", inv.created + 3600);
    else
        w.field("automatically_finalizes_at", nullptr);
    w.field("billing_reason", inv.billingReason);
    w.field("collection_method", "charge_automatically");
    w.field("created", inv.created);
    w.field("currency", currency);
    w.field("custom_fields", nullptr);
    w.field("customer", customer.id);
    w.field("customer_account", nullptr);
    w.key("customer_address");
    CustomerJson::writeAddress(w, customer.address);
    w.field("customer_email", customer.email);
    w.field("customer_name", customer.name);
    w.optionalText("customer_phone", customer.phone);
    w.key("customer_shipping").beginObject();
    w.key("address");
    CustomerJson::writeAddress(w, customer.address);
    w.field("name", customer.name);
    w.optionalText("phone", customer.phone);
    w.endObject();
    w.field("customer_tax_exempt", "none");
    w.emptyArray("customer_tax_ids");
    w.field("default_payment_method", nullptr);
    w.field("default_source", nullptr);
    w.emptyArray("default_tax_rates");
    w.field("description", nullptr);
    w.emptyArray("discounts");
    w.field("due_date", nullptr);
    w.optionalNumber("effective_at", inv.finalizedAt);
    if (finalized)
        w.field("ending_balance", 0);
    else
        w.field("ending_balance", nullptr);
    w.field("footer", nullptr);
    w.field("from_invoice", nullptr);
    if (finalized) {
        const QString hosted = account + QStringLiteral("/test_") + inv.hostedToken;
        w.field("hosted_invoice_url", QStringLiteral("https://invoice.stripe.com/i/") + hosted);
        w.field("invoice_pdf",
                QStringLiteral("https://pay.stripe.com/invoice/") + hosted + QStringLiteral("/pdf"));
    } else {
        w.field("hosted_invoice_url", nullptr);
        w.field("invoice_pdf", nullptr);
    }
    w.key("issuer").beginObject();
    w.field("type", "self");
    w.endObject();
    w.field("last_finalization_error", nullptr);
    w.field("latest_revision", nullptr);
    writeLines(w, inv, customer);
    w.field("livemode", false);
    w.emptyObject("metadata");
    w.optionalNumber("next_payment_attempt", inv.nextPaymentAttempt);
    w.optionalText("number", finalized ? inv.number : QString());
    w.field("on_behalf_of", nullptr);
    w.key("parent").beginObject();
    w.field("quote_details", nullptr);
    w.key("subscription_details").beginObject();
    w.key("metadata").beginObject();
    w.field("app_user_id", customer.appUserId);
    w.field("workspace", inv.workspace);
    w.endObject();
    w.field("subscription", inv.subscriptionId);
    w.endObject();
    w.field("type", "subscription_details");
    w.endObject();
    w.key("payment_settings").beginObject();
    w.field("default_mandate", nullptr);
    w.field("payment_method_options", nullptr);
    w.field("payment_method_types", nullptr);
    w.endObject();
    w.field("period_end", inv.periodEnd);
    w.field("period_start", inv.periodStart);
    w.field("post_payment_credit_notes_amount", 0);
    w.field("pre_payment_credit_notes_amount", 0);
    w.field("receipt_number", nullptr);
    w.field("rendering", nullptr);
    w.field("shipping_cost", nullptr);
    w.field("shipping_details", nullptr);
    w.field("starting_balance", 0);
    w.field("statement_descriptor", nullptr);
    w.field("status", inv.status);
    w.key("status_transitions").beginObject();
    w.optionalNumber("finalized_at", inv.finalizedAt);
    w.field("marked_uncollectible_at", nullptr);
    w.optionalNumber("paid_at", inv.paidAt);
    w.field("voided_at", nullptr);
    w.endObject();
    w.field("subtotal", inv.amount);
    w.field("subtotal_excluding_tax", inv.amount);
    w.field("test_clock", nullptr);
    w.field("total", inv.amount);
    w.emptyArray("total_discount_amounts");
    w.field("total_excluding_tax", inv.amount);
    w.emptyArray("total_pretax_credit_amounts");
    w.emptyArray("total_taxes");
    w.optionalNumber("webhooks_delivered_at", inv.webhooksDeliveredAt);
    w.endObject();
}

} // namespace billbridge::demo
