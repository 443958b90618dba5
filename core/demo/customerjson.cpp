#include "demo/customerjson.h"

#include "demo/jsonwriter.h"

namespace billbridge::demo {

void CustomerJson::writeAddress(JsonWriter& w, const DemoAddress& address)
{
    w.beginObject();
    w.field("city", address.city);
    w.field("country", address.country);
    w.field("line1", address.line1);
    w.optionalText("line2", address.line2);
    w.field("postal_code", address.postalCode);
    w.optionalText("state", address.state);
    w.endObject();
}

namespace {

void writeShipping(JsonWriter& w, const DemoCustomer& customer)
{
    w.key("shipping").beginObject();
    w.key("address");
    CustomerJson::writeAddress(w, customer.address);
    w.field("name", customer.name);
    w.optionalText("phone", customer.phone);
    w.endObject();
}

} // namespace

void CustomerJson::write(JsonWriter& w, const DemoCustomer& customer)
{
    w.beginObject();
    w.field("id", customer.id);
    w.field("object", "customer");
    w.key("address");
    writeAddress(w, customer.address);
    w.field("balance", 0);
    w.field("created", customer.created);
    w.optionalText("currency", customer.currency);
    w.field("default_source", nullptr);
    w.field("delinquent", customer.delinquent);
    w.field("description", nullptr);
    w.field("discount", nullptr);
    w.field("email", customer.email);
    w.field("invoice_prefix", customer.invoicePrefix);
    w.key("invoice_settings").beginObject();
    w.field("custom_fields", nullptr);
    w.optionalText("default_payment_method", customer.hasCard ? customer.card.paymentMethodId : QString());
    w.field("footer", nullptr);
    w.field("rendering_options", nullptr);
    w.endObject();
    w.field("livemode", false);
    w.key("metadata").beginObject();
    w.field("app_user_id", customer.appUserId);
    w.field("signup_channel", customer.signupChannel);
    w.endObject();
    w.field("name", customer.name);
    w.field("next_invoice_sequence", customer.nextInvoiceSequence);
    w.optionalText("phone", customer.phone);
    w.key("preferred_locales").beginArray();
    w.string(customer.locale);
    w.endArray();
    writeShipping(w, customer);
    w.field("tax_exempt", "none");
    w.field("test_clock", nullptr);
    w.endObject();
}

void CustomerJson::writePrevious(JsonWriter& w, const DemoCustomer& before, const DemoCustomer& after)
{
    w.beginObject();
    const bool addressChanged = before.address.line1 != after.address.line1 ||
                                before.address.city != after.address.city ||
                                before.address.postalCode != after.address.postalCode;
    if (addressChanged) {
        w.key("address");
        writeAddress(w, before.address);
    }
    if (before.email != after.email)
        w.field("email", before.email);
    if (before.phone != after.phone)
        w.optionalText("phone", before.phone);
    if (addressChanged || before.phone != after.phone)
        writeShipping(w, before);
    w.endObject();
}

} // namespace billbridge::demo
