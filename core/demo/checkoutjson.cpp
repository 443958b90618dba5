#include "demo/checkoutjson.h"

#include "demo/customerjson.h"
#include "demo/jsonwriter.h"

namespace billbridge::demo {

void CheckoutJson::write(JsonWriter& w, const DemoCheckout& s, const DemoCustomer& customer,
                         const QString& currency)
{
    w.beginObject();
    w.field("id", s.id);
    w.field("object", "checkout.session");
    w.key("adaptive_pricing").beginObject();
    w.field("enabled", false);
    w.endObject();
    w.field("after_expiration", nullptr);
    w.field("allow_promotion_codes", true);
    w.field("amount_subtotal", s.amountTotal);
    w.field("amount_total", s.amountTotal);
    w.key("automatic_tax").beginObject();
    w.field("enabled", false);
    w.field("liability", nullptr);
    w.field("provider", nullptr);
    w.field("status", nullptr);
    w.endObject();
    w.field("billing_address_collection", "required");
    w.field("cancel_url", "https://app.larkspur.example.com/billing");
    w.field("client_reference_id", customer.appUserId);
    w.field("client_secret", nullptr);
    w.field("collected_information", nullptr);
    w.field("consent", nullptr);
    w.field("consent_collection", nullptr);
    w.field("created", s.created);
    w.field("currency", currency);
    w.field("currency_conversion", nullptr);
    w.emptyArray("custom_fields");
    w.key("custom_text").beginObject();
    w.field("after_submit", nullptr);
    w.field("shipping_address", nullptr);
    w.field("submit", nullptr);
    w.field("terms_of_service_acceptance", nullptr);
    w.endObject();
    w.field("customer", customer.id);
    w.field("customer_account", nullptr);
    w.field("customer_creation", "always");
    w.key("customer_details").beginObject();
    w.key("address");
    CustomerJson::writeAddress(w, customer.address);
    w.field("business_name", nullptr);
    w.field("email", customer.email);
    w.field("individual_name", nullptr);
    w.field("name", customer.name);
    w.optionalText("phone", customer.phone);
    w.field("tax_exempt", "none");
    w.emptyArray("tax_ids");
    w.endObject();
    w.field("customer_email", nullptr);
    w.emptyArray("discounts");
    // Sessions expire 24 hours after they are opened.
    w.field("expires_at", s.created + 86400);
    w.field("integration_identifier", nullptr);
    w.field("invoice", s.invoiceId);
    w.field("invoice_creation", nullptr);
    w.field("livemode", false);
    w.field("locale", "auto");
    w.field("managed_payments", nullptr);
    w.key("metadata").beginObject();
    w.field("app_user_id", customer.appUserId);
    w.field("plan", s.lookupKey);
    w.endObject();
    w.field("mode", "subscription");
    w.field("origin_context", nullptr);
    w.field("payment_intent", nullptr);
    w.field("payment_link", nullptr);
    w.field("payment_method_collection", "always");
    w.field("payment_method_configuration_details", nullptr);
    w.key("payment_method_options").beginObject();
    w.key("card").beginObject();
    w.field("request_three_d_secure", "automatic");
    w.endObject();
    w.endObject();
    w.key("payment_method_types").beginArray();
    w.latin1("card");
    w.endArray();
    w.field("payment_status", s.paymentStatus);
    w.field("permissions", nullptr);
    w.key("phone_number_collection").beginObject();
    w.field("enabled", true);
    w.endObject();
    w.field("recovered_from", nullptr);
    w.field("saved_payment_method_options", nullptr);
    w.field("setup_intent", nullptr);
    w.field("shipping_address_collection", nullptr);
    w.field("shipping_cost", nullptr);
    w.emptyArray("shipping_options");
    w.field("status", "complete");
    w.field("submit_type", "subscribe");
    w.field("subscription", s.subscriptionId);
    w.field("success_url", "https://app.larkspur.example.com/billing/welcome?session={CHECKOUT_SESSION_ID}");
    w.key("total_details").beginObject();
    w.field("amount_discount", 0);
    w.field("amount_shipping", 0);
    w.field("amount_tax", 0);
    w.endObject();
    w.field("ui_mode", "hosted");
    w.field("url", nullptr);
    w.field("wallet_options", nullptr);
    w.endObject();
}

} // namespace billbridge::demo
