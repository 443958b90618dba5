#pragma once

#include "rules/rule.h"
#include "store/jobrecord.h"
#include "sync/profileattributes.h"
#include "sync/syncplanner.h"
#include "sync/syncstate.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace billbridge::store {
class SqliteConnection;
}

namespace billbridge::rules {

// The exits a delayed rule job carries, stored in jobs.exits as compact JSON:
//   {"on":["invoice.paid","invoice.voided"],"invoice":"in_1","subscription":"sub_1"}
// `invoice` / `subscription` are the objects the triggering event was about (either may be absent). An exit
// event of a listed type for the same customer cancels the job when it is about the same object: an invoice
// exit matches the job's invoice (or, for a job without one, its subscription, or any job of the customer
// when the job names neither); customer.subscription.deleted matches the job's subscription (any, when it
// names none); customer.deleted matches every job of the customer.
struct JobExits {
    QStringList on;
    QString invoiceId;
    QString subscriptionId;

    QString toJson() const;
    static std::optional<JobExits> fromJson(const QString& text);
    // Whether `event` (a parsed Stripe event) cancels a job carrying these exits.
    bool matches(const QJsonObject& event) const;
};

// Everything a rule may look at for one event.
struct RuleInput {
    QJsonObject event;     // the parsed Stripe event
    QString customerId;    // the Customer.io id (the Stripe customer id); rules never fire without one
    sync::SyncState state; // the customer's state after the built-in planner applied this event
    sync::Verdict verdict = sync::Verdict::Applied;
    sync::AttributeNames attributes; // where the state's attributes keep plan name, tier, email …
    // The Stripe customer object (for customer.metadata.*), asked for only when a rule needs it and the
    // event is not about the customer itself. May be empty.
    std::function<QJsonObject(const QString& customerId)> customerLookup;
    // When set, used instead of `state` (which then stays empty): lets a caller that evaluates many events of
    // one customer share that customer's state without copying it into every input. When it is not set but
    // `stateSource` is, the state is asked for on first use (a rule whose conditions fail on the event alone
    // never needs it) and kept here.
    mutable const sync::SyncState* sharedState = nullptr;
    std::function<const sync::SyncState*()> stateSource;
    // The exit event stored for the customer BEFORE the triggering event that would discard a delayed job
    // carrying `exits`, made by an event created at `createdSeconds`: one of the exit types, about the same
    // object, created at or after that second. (One stored after the trigger is applyExits' business.)
    // Stripe's `created` has a resolution of one second, and a payment that succeeds in the same second as a
    // failure is real, so a tie counts as an exit. Returns a description ("invoice.paid evt_1") or an empty
    // string. Events arrive out of order (a poll, a backfill, a retried webhook); without this a dunning
    // reminder would be scheduled for an invoice that is already paid. Not set: nothing is looked up.
    std::function<QString(const JobExits& exits, std::int64_t createdSeconds)> storedExit;

    const sync::SyncState& currentState() const
    {
        if (!sharedState && stateSource)
            sharedState = stateSource();
        return sharedState ? *sharedState : state;
    }

    QString eventId() const;
    QString eventType() const;
    std::int64_t createdSeconds() const;
    // A derived value (derivedValueNames()); Undefined when it does not apply to this event.
    QJsonValue derived(const QString& name) const;
    // A dotted path into the event ("data.object.lines.data.0.price.id": array members by index);
    // Undefined when absent.
    QJsonValue path(const QString& path) const;
    // What a condition field names: a derived value, customer.metadata.<key> or a data.… path.
    QJsonValue field(const QString& field) const;
};

// What one rule does with one event.
struct RuleOutcome {
    QString ruleId;
    int ruleVersion = 0;
    bool fired = false;
    QString reason; // when not fired: the first reason, for an operator ("attempt_count is 2,
                    // not eq 1"); when fired: empty
    std::vector<store::NewJob> jobs; // the exact jobs, when fired
    // When an exit event stored before this one pre-empted the rule's delayed jobs: that event
    // ("invoice.paid evt_1"); `fired` is then false.
    QString preemptedBy;
};

// Whether a rule fires and how many jobs it makes, without the jobs themselves: what a what-if counts.
struct RuleDecision {
    bool fired = false;
    int jobs = 0; // one per action when fired
};

// Evaluates rules against events (pure) and ties them into the sync engine (planIn, applyExits).
// Idempotency keys are "<evt id>:rule:<rule id>:<action index>", so a replayed or duplicated event never
// makes a second job; every job records the rule id and version. A delayed action's job is due at the
// event's `created` + delay and carries the rule's exits; immediate jobs carry none.
class RuleEngine final {
public:
    using Clock = std::function<std::int64_t()>; // milliseconds since the epoch

    explicit RuleEngine(Clock clock = {});

    // Pure: whether `rule` fires for `input` and the jobs it makes. History events (verdict History) fire
    // nothing unless the rule says fire_on_history; Stale, Malformed and Ignored events never fire. A
    // disabled rule is evaluated like an enabled one (the tester shows what it would do); planIn only uses
    // enabled ones.
    static RuleOutcome evaluate(const Rule& rule, const RuleInput& input);
    static std::vector<RuleOutcome> evaluate(const QList<Rule>& rules, const RuleInput& input);
    // The same decision as evaluate() (every check, including the Customer.io size limits a job's data is
    // held to), without building request bodies or reasons: for counting over many events.
    static RuleDecision decide(const Rule& rule, const RuleInput& input);
    // Where storedExit looks: the customer's events stored in `connection` before the event `eventId` (all of
    // them when that event is not stored). The statement is cached on the connection; the query runs only
    // when a delayed rule with exits is about to fire.
    static std::function<QString(const JobExits&, std::int64_t)>
    storedExitLookup(store::SqliteConnection& connection, const QString& customerId, const QString& eventId);

    // Discards (state 'discarded', discard_reason naming the exit event) the customer's pending and
    // retry_scheduled jobs whose exits match `event`. Inside the caller's transaction; returns how many.
    static int applyExits(store::SqliteConnection& connection, const QString& customerId,
                          const QJsonObject& event, std::int64_t nowMs);

    // What the sync engine calls inside the writer's transaction after its own plan: applies exits, then
    // evaluates the enabled stored rules (with storedExitLookup on `connection` unless the input has its own
    // storedExit; a rule pre-empted by a stored exit is named in `notes`). Rules are read from `connection`
    // and cached; the cache is refreshed only when the rules table changes (count, versions, newest update).
    // Never throws for a broken stored rule or a failing evaluation: that rule is skipped and named in
    // `notes` (the sync engine records them with the event's decision). StoreError from the connection still
    // propagates.
    struct Planned {
        std::vector<store::NewJob> jobs;
        int discarded = 0;
        QStringList notes; // for sync_events.reason: "rule 'x' skipped: …", "rules fired: a, b"
    };
    Planned planIn(store::SqliteConnection& connection, const RuleInput& input, std::int64_t nowMs);
    // Same, with this object's clock for the time.
    Planned planIn(store::SqliteConnection& connection, const RuleInput& input);
    // Whether planIn could do anything for an event of this type (an exit type, a trigger of an enabled
    // rule, or a broken rule to report): lets the caller skip parsing the event otherwise. Refreshes the
    // cache.
    bool mayAct(store::SqliteConnection& connection, const QString& eventType);

private:
    struct Fingerprint {
        std::int64_t count = -1;
        double versions = 0;
        std::int64_t newestUpdate = 0;
        friend bool operator==(const Fingerprint&, const Fingerprint&) = default;
    };
    void refresh(store::SqliteConnection& connection);

    Clock m_clock;
    Fingerprint m_fingerprint;
    // Set by mayAct, taken by the planIn that follows it on the same connection (the same transaction, so
    // the rules cannot have changed in between): one fingerprint query per event instead of two.
    const store::SqliteConnection* m_refreshedJustNow = nullptr;
    QList<Rule> m_enabled;
    QStringList m_broken; // "rule 'x' skipped: its stored definition is unreadable (…)"
};

} // namespace billbridge::rules
