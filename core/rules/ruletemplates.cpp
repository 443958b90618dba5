#include "rules/ruletemplates.h"

#include <QByteArray>

namespace billbridge::rules {

namespace {

// Written as a rule file so that a template reads exactly like what an operator exports and edits. Message
// ids, broadcast ids and the webhook name are placeholders for the workspace's own.
constexpr char kTemplates[] = R"json({"rules": [
{
  "id": "dunning-attempt-1",
  "name": "Failed payment: first attempt",
  "description": "A friendly note with the link to update the card, sent when the first charge attempt of an invoice fails. Cancelled when the invoice is paid or voided.",
  "trigger": ["invoice.payment_failed"],
  "conditions": [{"field": "attempt_count", "op": "eq", "value": 1}],
  "delay_seconds": 3600,
  "actions": [
    {"type": "send_transactional", "transactional_message_id": 101, "data": {
      "amount": {"derived": "amount"}, "currency": {"derived": "currency"},
      "plan_name": {"derived": "plan_name"}, "invoice_url": {"derived": "hosted_invoice_url"},
      "next_payment_attempt": {"derived": "next_payment_attempt"}}},
    {"type": "track_event", "name": "dunning_attempt_1", "data": {
      "invoice_id": {"derived": "invoice_id"}, "amount": {"derived": "amount"}}}
  ],
  "exits": ["invoice.paid", "invoice.payment_succeeded", "invoice.voided", "customer.deleted"]
},
{
  "id": "dunning-attempt-2",
  "name": "Failed payment: second attempt",
  "description": "A firmer reminder after the second failed attempt.",
  "trigger": ["invoice.payment_failed"],
  "conditions": [{"field": "attempt_count", "op": "eq", "value": 2}],
  "delay_seconds": 3600,
  "actions": [
    {"type": "send_transactional", "transactional_message_id": 102, "data": {
      "amount": {"derived": "amount"}, "currency": {"derived": "currency"},
      "invoice_url": {"derived": "hosted_invoice_url"},
      "next_payment_attempt": {"derived": "next_payment_attempt"}}},
    {"type": "track_event", "name": "dunning_attempt_2", "data": {
      "invoice_id": {"derived": "invoice_id"}, "amount": {"derived": "amount"}}}
  ],
  "exits": ["invoice.paid", "invoice.payment_succeeded", "invoice.voided", "customer.deleted"]
},
{
  "id": "dunning-attempt-3",
  "name": "Failed payment: final attempt",
  "description": "The last warning before the subscription is canceled, with an alert for the billing team.",
  "trigger": ["invoice.payment_failed"],
  "conditions": [{"field": "attempt_count", "op": "gte", "value": 3}],
  "delay_seconds": 3600,
  "actions": [
    {"type": "send_transactional", "transactional_message_id": 103, "data": {
      "amount": {"derived": "amount"}, "currency": {"derived": "currency"},
      "invoice_url": {"derived": "hosted_invoice_url"}}},
    {"type": "track_event", "name": "dunning_attempt_3", "data": {
      "invoice_id": {"derived": "invoice_id"}, "amount": {"derived": "amount"}}},
    {"type": "slack", "webhook": "billing-alerts",
     "text": "Final payment attempt failed for {{customer_name}} ({{plan_name}}): {{amount}} {{currency}}, invoice {{invoice_id}}"}
  ],
  "exits": ["invoice.paid", "invoice.payment_succeeded", "invoice.voided", "customer.deleted"]
},
{
  "id": "trial-ending",
  "name": "Trial ending",
  "description": "Three days before a trial ends (Stripe's trial_will_end): ask for a payment method.",
  "trigger": ["customer.subscription.trial_will_end"],
  "actions": [
    {"type": "track_event", "name": "trial_ending", "data": {
      "plan_name": {"derived": "plan_name"}, "trial_end": {"path": "data.object.trial_end"},
      "subscription_id": {"derived": "subscription_id"}}}
  ]
},
{
  "id": "onboarding-business",
  "name": "Onboarding for the business tier",
  "description": "Starts the business onboarding broadcast when a business subscription is created.",
  "trigger": ["customer.subscription.created"],
  "conditions": [{"field": "plan_tier", "op": "eq", "value": "business"}],
  "actions": [
    {"type": "trigger_broadcast", "broadcast_id": "201", "data": {
      "plan_name": {"derived": "plan_name"}, "subscription_id": {"derived": "subscription_id"}}}
  ]
},
{
  "id": "plan-upgraded",
  "name": "Upgrade thank-you",
  "description": "A thank-you when an active subscription's price changes to a business or enterprise plan.",
  "trigger": ["customer.subscription.updated"],
  "conditions": [
    {"field": "data.previous_attributes.items", "op": "exists"},
    {"field": "subscription_status", "op": "eq", "value": "active"},
    {"field": "plan_tier", "op": "in", "value": ["business", "enterprise"]}
  ],
  "actions": [
    {"type": "track_event", "name": "plan_upgraded_thanks", "data": {
      "plan_name": {"derived": "plan_name"}, "mrr": {"derived": "mrr"}, "amount": {"derived": "amount"}}}
  ]
},
{
  "id": "plan-downgraded",
  "name": "Downgrade check-in",
  "description": "A check-in email when a subscription moves to the starter tier.",
  "trigger": ["customer.subscription.updated"],
  "conditions": [
    {"field": "data.previous_attributes.items", "op": "exists"},
    {"field": "plan_tier", "op": "eq", "value": "starter"}
  ],
  "delay_seconds": 86400,
  "actions": [
    {"type": "send_transactional", "transactional_message_id": 104, "data": {
      "plan_name": {"derived": "plan_name"}}}
  ],
  "exits": ["customer.subscription.deleted", "customer.deleted"]
},
{
  "id": "win-back",
  "name": "Win-back after cancellation",
  "description": "Fourteen days after a subscription ends, invite the customer back.",
  "trigger": ["customer.subscription.deleted"],
  "delay_seconds": 1209600,
  "actions": [
    {"type": "track_event", "name": "win_back", "data": {
      "plan_name": {"derived": "plan_name"}, "lifetime_value": {"derived": "lifetime_value"},
      "canceled_at": {"path": "data.object.canceled_at"}}}
  ],
  "exits": ["customer.deleted"]
},
{
  "id": "churn-risk-failures",
  "name": "Churn risk: repeated payment failures",
  "description": "Two consecutive failed payments mark the customer at risk and alert the team.",
  "trigger": ["invoice.payment_failed"],
  "conditions": [{"field": "failed_payment_count", "op": "gte", "value": 2}],
  "actions": [
    {"type": "set_attributes", "attributes": {"churn_risk": {"literal": true},
      "churn_risk_reason": {"literal": "payment_failures"}}},
    {"type": "slack", "webhook": "billing-alerts",
     "text": "Churn risk: {{customer_name}} ({{plan_name}}, MRR {{mrr}}) has {{failed_payment_count}} failed payments in a row"}
  ]
},
{
  "id": "churn-risk-refund",
  "name": "Churn risk: refund",
  "description": "A refund marks the customer at risk and alerts the team.",
  "trigger": ["charge.refunded"],
  "actions": [
    {"type": "set_attributes", "attributes": {"churn_risk": {"literal": true},
      "churn_risk_reason": {"literal": "refund"}}},
    {"type": "slack", "webhook": "billing-alerts",
     "text": "Churn risk: {{customer_name}} ({{plan_name}}) was refunded {{amount}} {{currency}}"}
  ]
}
]})json";

} // namespace

QList<Rule> ruleTemplates()
{
    QList<RuleProblem> problems;
    // The templates are part of the program: a broken one is a programming error caught by the tests.
    return rulesFromJson(QByteArray(kTemplates), &problems).value_or(QList<Rule>{});
}

std::optional<Rule> ruleTemplate(const QString& id)
{
    for (const Rule& rule : ruleTemplates()) {
        if (rule.id == id)
            return rule;
    }
    return std::nullopt;
}

} // namespace billbridge::rules
