#include "demo/disputejson.h"

#include "demo/jsonwriter.h"

namespace billbridge::demo {

void DisputeJson::write(JsonWriter& w, const DemoDispute& d, const DemoCard& card)
{
    static constexpr const char* kEvidence[] = {"access_activity_log",
                                                "billing_address",
                                                "cancellation_policy",
                                                "cancellation_policy_disclosure",
                                                "cancellation_rebuttal",
                                                "customer_communication",
                                                "customer_email_address",
                                                "customer_name",
                                                "customer_purchase_ip",
                                                "customer_signature",
                                                "duplicate_charge_documentation",
                                                "duplicate_charge_explanation",
                                                "duplicate_charge_id"};
    static constexpr const char* kEvidenceRest[] = {"product_description",
                                                    "receipt",
                                                    "refund_policy",
                                                    "refund_policy_disclosure",
                                                    "refund_refusal_explanation",
                                                    "service_date",
                                                    "service_documentation",
                                                    "shipping_address",
                                                    "shipping_carrier",
                                                    "shipping_date",
                                                    "shipping_documentation",
                                                    "shipping_tracking_number",
                                                    "uncategorized_file",
                                                    "uncategorized_text"};
    w.beginObject();
    w.field("id", d.id);
    w.field("object", "dispute");
    w.field("amount", d.amount);
    w.emptyArray("balance_transactions");
    w.field("charge", d.chargeId);
    w.field("created", d.created);
    w.field("currency", d.currency);
    w.emptyArray("enhanced_eligibility_types");
    w.key("evidence").beginObject();
    for (const char* name : kEvidence)
        w.field(name, nullptr);
    w.emptyObject("enhanced_evidence");
    for (const char* name : kEvidenceRest)
        w.field(name, nullptr);
    w.endObject();
    w.key("evidence_details").beginObject();
    // Card networks give the merchant about a week to answer.
    w.field("due_by", d.created + 8 * 86400);
    w.emptyObject("enhanced_eligibility");
    w.field("has_evidence", false);
    w.field("past_due", false);
    w.field("submission_count", 0);
    w.endObject();
    w.field("is_charge_refundable", true);
    w.field("livemode", false);
    w.emptyObject("metadata");
    w.field("payment_intent", d.paymentIntentId);
    w.key("payment_method_details").beginObject();
    w.key("card").beginObject();
    w.field("brand", card.brand);
    w.field("case_type", "chargeback");
    w.field("network", card.brand);
    w.field("network_reason_code", d.networkReasonCode);
    w.endObject();
    w.field("type", "card");
    w.endObject();
    w.field("reason", d.reason);
    w.field("status", "needs_response");
    w.endObject();
}

} // namespace billbridge::demo
