#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace billbridge::rules {

// A dunning or lifecycle rule: when a Stripe event of one of `triggers` arrives for a customer and every
// condition holds, the actions become Customer.io (or Slack) jobs, optionally delayed. Rules are data, never
// code: conditions compare values read from the event or derived by the sync engine, and action data is made
// of value sources (a path into the event, a derived value, or a literal).
//
// JSON (what import, export and the `definition` column hold; unknown keys are rejected):
//   {
//     "id": "dunning-attempt-1",              slug [a-z0-9_-]{1,64}
//     "name": "First failed payment", "description": "…",
//     "enabled": false,                       export/import only; the store keeps it in a column
//     "trigger": ["invoice.payment_failed"],  Stripe event types
//     "conditions": [{"field": "attempt_count", "op": "eq", "value": 1}],
//     "delay_seconds": 0,                     0 … 90 days
//     "actions": [{"type": "send_transactional", "transactional_message_id": 12,
//                  "data": {"invoice_url": {"derived": "hosted_invoice_url"}}}],
//     "exits": ["invoice.paid", "invoice.voided"],
//     "fire_on_history": false
//   }
//
// Condition fields: the derived values below (attempt_count, amount, currency, plan_name, plan_tier,
// subscription_status, failed_payment_count …), `customer.metadata.<key>` (the Stripe customer's metadata),
// and any path into the event starting with `data.` (`data.object.amount_due`, `data.previous_attributes.…`).
// `amount` is in the currency's MAJOR unit (49.0 for 4900 usd cents): invoices use amount_due (amount_paid
// for invoice.paid), charges and refunds their amount (amount_refunded), subscriptions the monthly price.
// A path such as `data.object.amount_due` gives Stripe's minor units unchanged.
//
// Operators: eq, ne, gt, gte, lt, lte (numbers, or strings compared as text), in, not_in (value is an array),
// exists, not_exists (no value), contains (a string containing a substring, or an array containing a value).
// A missing field fails every operator except ne, not_in and not_exists.
enum class Operator { Eq, Ne, Gt, Gte, Lt, Lte, In, NotIn, Exists, NotExists, Contains };
QString toString(Operator op);
std::optional<Operator> operatorFromString(const QString& text);

struct Condition {
    QString field;
    Operator op = Operator::Eq;
    QJsonValue value{QJsonValue::Undefined}; // Undefined for exists / not_exists

    QJsonObject toJson() const;
    friend bool operator==(const Condition&, const Condition&) = default;
};

// Where one action data field comes from: {"path": "data.object.hosted_invoice_url"},
// {"derived": "plan_name"} or {"literal": <any JSON>}.
struct ValueSource {
    enum class Kind { Path, Derived, Literal };
    Kind kind = Kind::Literal;
    QString name;                         // the path or the derived value's name
    QJsonValue literal{QJsonValue::Null}; // Kind::Literal only

    static ValueSource path(const QString& path) { return {Kind::Path, path, QJsonValue::Null}; }
    static ValueSource derived(const QString& name) { return {Kind::Derived, name, QJsonValue::Null}; }
    static ValueSource constant(const QJsonValue& value) { return {Kind::Literal, {}, value}; }
    QJsonObject toJson() const;
    friend bool operator==(const ValueSource&, const ValueSource&) = default;
};
using DataFields = QList<QPair<QString, ValueSource>>; // in the order they are written

enum class ActionType { TrackEvent, SendTransactional, TriggerBroadcast, SetAttributes, Slack };
QString
toString(ActionType type); // track_event, send_transactional, trigger_broadcast, set_attributes, slack
std::optional<ActionType> actionTypeFromString(const QString& text);

// One thing a rule does. Which members matter depends on the type:
//   track_event        {"name": "dunning_attempt_1", "data": {…}}           → track.track
//   send_transactional {"transactional_message_id": 12 | "trigger name", "data": {…}} → app.sendEmail
//                      (data becomes message_data; the email goes to the customer's known address)
//   trigger_broadcast  {"broadcast_id": "7", "data": {…}}                   → app.triggerBroadcast to the
//   customer set_attributes     {"attributes": {…}}                                   → track.identify slack
//   {"webhook": "billing-alerts", "text": "{{customer_name}} failed {{attempt_count}}×"}
//                      → slack.post. `webhook` is the NAME of a stored webhook, never its URL; the text may
//                      only use {{derived value}} placeholders.
struct Action {
    ActionType type = ActionType::TrackEvent;
    QString name;                                             // track_event
    QJsonValue transactionalMessageId{QJsonValue::Undefined}; // send_transactional: number or string
    QString broadcastId;                                      // trigger_broadcast
    QString webhook;                                          // slack
    QString text;                                             // slack
    DataFields data; // data / message_data / broadcast data / attributes (set_attributes)

    QJsonObject toJson() const;
    friend bool operator==(const Action&, const Action&) = default;
};

// The exit event types a delayed action may name.
QStringList exitEventTypes(); // invoice.paid, invoice.payment_succeeded, invoice.voided,
                              // customer.subscription.deleted, customer.deleted
// The derived value names, for sources, conditions and placeholders.
QStringList derivedValueNames();
// Stripe event types Billbridge knows of; a trigger outside this list is only warned about.
QStringList knownEventTypes();

struct Rule {
    static constexpr std::int64_t kMaxDelaySeconds = 90LL * 24 * 3600;

    QString id;
    QString name;
    QString description;
    bool enabled = false;
    int position = 0; // 0-based order in the store; rules are evaluated and listed in this order
    int version = 0;  // 0: never saved; each save adds one
    QStringList triggers;
    QList<Condition> conditions; // all must hold
    std::int64_t delaySeconds = 0;
    QList<Action> actions;
    QStringList exits;
    bool fireOnHistory = false;

    // The definition: everything except position and version (columns of their own) and, unless
    // `withEnabled`, the enabled flag. Stable member order (QJsonObject sorts keys).
    QJsonObject toJson(bool withEnabled = true) const;
    friend bool operator==(const Rule&, const Rule&) = default;
    // Equal definitions and enabled flag, ignoring position and version.
    bool sameContent(const Rule& other) const;
};

// One thing wrong (or doubtful) with a rule, for an operator to fix.
struct RuleProblem {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString ruleId;  // may be empty when the rule has no readable id; then `path` says where it is
    QString path;    // JSON path inside the rule: "actions[0].data.invoice_url"
    QString message; // what is wrong and what to do

    bool isError() const { return severity == Severity::Error; }
    // "rule 'dunning-1' at conditions[0].op: unknown operator 'equals'; use one of eq, ne, …"
    QString text() const;
};
bool hasErrors(const QList<RuleProblem>& problems);

// Reads one rule. nullopt when there are errors; warnings (unknown event types) may come with a rule.
// `where` prefixes paths when the id cannot be read ("rules[3]").
std::optional<Rule> ruleFromJson(const QJsonValue& json, QList<RuleProblem>* problems,
                                 const QString& where = {});
// Checks a rule made in code (the editor, templates): ids, types, sources, placeholders, Customer.io limits.
QList<RuleProblem> validate(const Rule& rule);
// A set of rules: each one, plus duplicate ids.
QList<RuleProblem> validate(const QList<Rule>& rules);

// A rule file: a JSON array of rules or {"rules": […]}. Positions follow the order in the file. nullopt
// with problems when anything has an error (nothing partial).
std::optional<QList<Rule>> rulesFromJson(const QByteArray& json, QList<RuleProblem>* problems);
// {"rules": […]} pretty-printed, in position order.
QByteArray rulesToJson(const QList<Rule>& rules);

// "{{name}}" placeholders of a Slack text; unknown names are validation errors.
QStringList placeholdersIn(const QString& text);

} // namespace billbridge::rules
