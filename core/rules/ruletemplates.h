#pragma once

#include "rules/rule.h"

#include <QList>
#include <QString>

#include <optional>

namespace billbridge::rules {

// Ready-made rules for the common dunning and lifecycle cases, all disabled: an operator installs one,
// adjusts message ids, webhook names and delays, and enables it. Every template passes validate().
//   dunning-attempt-1/2/3   failed payment escalation (exit on invoice.paid / voided / payment_succeeded)
//   trial-ending            customer.subscription.trial_will_end
//   onboarding-business     subscription created on the "business" tier
//   plan-upgraded, plan-downgraded   messaging on a change of monthly amount
//   win-back                14 days after a cancellation (exit when the customer is deleted)
//   churn-risk-failures, churn-risk-refund   churn_risk attribute + Slack alert
QList<Rule> ruleTemplates();
std::optional<Rule> ruleTemplate(const QString& id);

} // namespace billbridge::rules
