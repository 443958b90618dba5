#include "demo/chargejson.h"

#include "demo/customerjson.h"
#include "demo/democatalog.h"
#include "demo/jsonwriter.h"

namespace billbridge::demo {

namespace {

void writeCard(JsonWriter& w, const DemoCharge& charge, const DemoCard& card)
{
    w.key("card").beginObject();
    w.field("amount_authorized", charge.succeeded ? charge.amount : 0);
    w.optionalText("authorization_code", charge.authorizationCode);
    w.field("brand", card.brand);
    w.key("checks").beginObject();
    w.field("address_line1_check", "pass");
    w.field("address_postal_code_check", "pass");
    w.field("cvc_check", nullptr);
    w.endObject();
    w.field("country", card.country);
    w.field("exp_month", card.expMonth);
    w.field("exp_year", card.expYear);
    w.key("extended_authorization").beginObject();
    w.field("status", "disabled");
    w.endObject();
    w.field("fingerprint", card.fingerprint);
    w.field("funding", card.funding);
    w.key("incremental_authorization").beginObject();
    w.field("status", "unavailable");
    w.endObject();
    w.field("installments", nullptr);
    w.field("last4", card.last4);
    w.field("mandate", nullptr);
    w.key("multicapture").beginObject();
    w.field("status", "unavailable");
    w.endObject();
    w.field("network", card.brand);
    w.key("network_token").beginObject();
    w.field("used", false);
    w.endObject();
    w.optionalText("network_transaction_id", charge.networkTransactionId);
    w.key("overcapture").beginObject();
    w.field("maximum_amount_capturable", charge.amount);
    w.field("status", "unavailable");
    w.endObject();
    w.field("regulated_status", card.funding == QLatin1String("debit") ? "regulated" : "unregulated");
    w.field("three_d_secure", nullptr);
    w.field("transaction_link_id", nullptr);
    w.field("wallet", nullptr);
    w.endObject();
}

void writeRefund(JsonWriter& w, const DemoRefund& refund, const DemoCharge& charge,
                 const DemoCustomer& customer)
{
    w.beginObject();
    w.field("id", refund.id);
    w.field("object", "refund");
    w.field("amount", refund.amount);
    w.field("balance_transaction", refund.balanceTransaction);
    w.field("charge", charge.id);
    w.field("created", refund.created);
    w.field("currency", charge.currency);
    w.field("customer", customer.id);
    w.field("customer_account", nullptr);
    w.key("destination_details").beginObject();
    w.key("card").beginObject();
    w.field("reference", refund.cardReference);
    w.field("reference_status", "pending");
    w.field("reference_type", "acquirer_reference_number");
    w.field("type", "refund");
    w.endObject();
    w.field("type", "card");
    w.endObject();
    w.emptyObject("metadata");
    w.field("payment_intent", charge.paymentIntentId);
    w.field("payment_method", customer.card.paymentMethodId);
    w.field("reason", refund.reason);
    w.field("receipt_number", nullptr);
    w.field("source_transfer_reversal", nullptr);
    w.field("status", "succeeded");
    w.field("transfer_reversal", nullptr);
    w.endObject();
}

} // namespace

void ChargeJson::write(JsonWriter& w, const DemoCharge& c, const DemoCustomer& customer)
{
    std::int64_t refunded = 0;
    for (const DemoRefund& refund : c.refunds)
        refunded += refund.amount;
    w.beginObject();
    w.field("id", c.id);
    w.field("object", "charge");
    w.field("amount", c.amount);
    w.field("amount_captured", c.succeeded ? c.amount : 0);
    w.field("amount_refunded", refunded);
    w.field("application", nullptr);
    w.field("application_fee", nullptr);
    w.field("application_fee_amount", nullptr);
    w.optionalText("balance_transaction", c.succeeded ? c.balanceTransaction : QString());
    w.key("billing_details").beginObject();
    w.key("address");
    CustomerJson::writeAddress(w, customer.address);
    w.field("email", customer.email);
    w.field("name", customer.name);
    w.optionalText("phone", customer.phone);
    w.field("tax_id", nullptr);
    w.endObject();
    w.field("calculated_statement_descriptor", "LARKSPUR ANALYTICS");
    w.field("captured", c.succeeded);
    w.field("created", c.created);
    w.field("currency", c.currency);
    w.field("customer", customer.id);
    w.field("description", c.description);
    w.field("disputed", c.disputed);
    w.field("failure_balance_transaction", nullptr);
    w.optionalText("failure_code", c.failureCode);
    w.optionalText("failure_message", c.failureMessage);
    w.emptyObject("fraud_details");
    w.field("livemode", false);
    w.emptyObject("metadata");
    w.field("on_behalf_of", nullptr);
    w.key("outcome").beginObject();
    w.field("advice_code", nullptr);
    w.field("network_advice_code", nullptr);
    w.optionalText("network_decline_code", c.declineCode);
    w.field("network_status", c.succeeded ? "approved_by_network" : "declined_by_network");
    w.optionalText("reason", c.declineCode);
    w.field("risk_level", "normal");
    w.field("risk_score", c.riskScore);
    w.field("seller_message", c.succeeded ? "Payment complete."
                                          : "The bank did not return any further details "
                                            "with this decline.");
    w.field("type", c.succeeded ? "authorized" : "issuer_declined");
    w.endObject();
    w.field("paid", c.succeeded);
    w.field("payment_intent", c.paymentIntentId);
    w.field("payment_method", customer.card.paymentMethodId);
    w.key("payment_method_details").beginObject();
    writeCard(w, c, customer.card);
    w.field("type", "card");
    w.endObject();
    w.field("receipt_email", customer.email);
    w.field("receipt_number", nullptr);
    if (c.succeeded)
        w.field("receipt_url", QStringLiteral("https://pay.stripe.com/receipts/invoices/") + c.receiptToken +
                                   QStringLiteral("?s=ap"));
    else
        w.field("receipt_url", nullptr);
    w.field("refunded", c.succeeded && refunded == c.amount);
    w.key("refunds").beginObject();
    w.field("object", "list");
    w.key("data").beginArray();
    for (const DemoRefund& refund : c.refunds)
        writeRefund(w, refund, c, customer);
    w.endArray();
    w.field("has_more", false);
    w.field("total_count", int(c.refunds.size()));
    w.field("url", QStringLiteral("/v1/charges/") + c.id + QStringLiteral("/refunds"));
    w.endObject();
    w.field("review", nullptr);
    w.field("shipping", nullptr);
    w.field("source", nullptr);
    w.field("source_transfer", nullptr);
    w.field("statement_descriptor", nullptr);
    w.field("statement_descriptor_suffix", nullptr);
    w.field("status", c.succeeded ? "succeeded" : "failed");
    w.field("transfer_data", nullptr);
    w.field("transfer_group", nullptr);
    w.endObject();
}

} // namespace billbridge::demo
