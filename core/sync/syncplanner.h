#pragma once

#include "customerio/customeriorequest.h"
#include "store/jobrecord.h"
#include "sync/profileattributes.h"
#include "sync/syncstate.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace billbridge::sync {

// The Customer.io event names, configurable; defaults are the member names.
struct EventNames {
    QString subscriptionStarted = QStringLiteral("subscription_started");
    QString trialWillEnd = QStringLiteral("trial_will_end");
    QString subscriptionUpgraded = QStringLiteral("subscription_upgraded");
    QString subscriptionDowngraded = QStringLiteral("subscription_downgraded");
    QString cancellationScheduled = QStringLiteral("cancellation_scheduled");
    QString subscriptionCanceled = QStringLiteral("subscription_canceled");
    QString subscriptionPaused = QStringLiteral("subscription_paused");
    QString subscriptionResumed = QStringLiteral("subscription_resumed");
    QString checkoutCompleted = QStringLiteral("checkout_completed");
    QString paymentSucceeded = QStringLiteral("payment_succeeded");
    QString paymentFailed = QStringLiteral("payment_failed");
    QString paymentRecovered = QStringLiteral("payment_recovered");
    QString paymentActionRequired = QStringLiteral("payment_action_required");
    QString refundIssued = QStringLiteral("refund_issued");
    QString disputeOpened = QStringLiteral("dispute_opened");
    QString customerDeleted = QStringLiteral("customer_deleted");
};

struct SyncOptions {
    static constexpr std::int64_t kDefaultHorizonMs = 72LL * 3600 * 1000;

    std::int64_t nowMs = 0;                     // the planner reads no clock
    std::int64_t horizonMs = kDefaultHorizonMs; // events older than nowMs - horizonMs are history
    AttributeNames attributes;
    EventNames events;
    // The Customer.io id: false (the default) uses the Stripe customer id; true addresses people by their
    // email instead (workspaces identified by email), with no identity lookup. Setting sync/emailAsId.
    bool emailAsId = false;
    // With the Stripe id, look a customer's first email up in Customer.io so that a lead with it is given
    // that id instead of a second person being made (sync/identityresolution.h). Off in bare options, so
    // that planning stays a function of the event alone; SyncSettings turns it on (setting
    // sync/identityLookup, default true).
    bool lookUpIdentities = false;
};

enum class Verdict {
    Applied,   // newest news for its object: attributes and custom events
    Stale,     // older than (or the same as) what was applied for its object: attributes untouched
    History,   // older than the horizon: attributes only, no custom events (no campaign on old news)
    Ignored,   // a type the profile does not follow, or the customer was deleted
    Malformed, // not a Stripe event Billbridge can read
};
QString toString(Verdict verdict); // "applied", "stale", "history", "ignored", "malformed"

struct CustomEvent {
    QString name;
    QString id;                 // derivedEventId(stripe event id, name)
    std::int64_t timestamp = 0; // the Stripe event's `created`, Unix seconds
    QJsonObject data;
    friend bool operator==(const CustomEvent&, const CustomEvent&) = default;
};

struct SyncPlan {
    Verdict verdict = Verdict::Ignored;
    QString reason;  // for Stale, Ignored and Malformed: why, for an operator
    QString eventId; // the Stripe event's id; empty when unreadable
    QString eventType;
    QString stripeCustomerId; // whom the event is about, when the payload says
    std::int64_t created = 0;
    SyncState state;               // to store in place of the state planned from
    QJsonObject changedAttributes; // empty: no identify (the call adds `_timestamp` = created)
    QList<CustomEvent> events;
    bool customerDeleted = false; // the person is gone in Stripe: emit nothing more for them

    bool hasIdentify() const { return !changedAttributes.isEmpty(); }
    // The calls in the order they must go out: identify first, so that events land on an up-to-date
    // person.
    QList<customerio::CustomerIoRequest> requests(const QString& customerId) const;
};

// A Customer.io event id for one custom event caused by one Stripe event: a ULID whose time is the Stripe
// event's `created` and whose random part is the first 10 bytes of SHA-256("<stripe event id>:<name>").
// Replays and duplicate deliveries therefore name the same event, which Customer.io drops.
QString derivedEventId(const QString& stripeEventId, const QString& eventName, std::int64_t createdSeconds);

// What one raw Stripe event means for the customer's Customer.io profile, given what was sent so far.
// Pure: no clock, no database, no network. Custom events are emitted for any readable event inside the
// horizon, even one that arrives after newer news about its object (verdict Stale): they describe what
// happened at their own timestamp, and their derived ids make a repeat harmless. Only an exact repeat of
// the newest applied event emits nothing.
SyncPlan plan(const QByteArray& rawEvent, const SyncState& state, const PlanLookup& lookup,
              const SyncOptions& options);
// The same for an event already parsed (the engine parses each payload once for the plan, the rules and
// identity).
SyncPlan plan(const QJsonObject& event, const SyncState& state, const PlanLookup& lookup,
              const SyncOptions& options);

// The queue jobs for a plan: idempotency keys "<evt id>:identify" and "<evt id>:event:<name>".
QList<store::NewJob> toJobs(const SyncPlan& plan, const QString& customerId, const QString& eventId);

} // namespace billbridge::sync
