#pragma once

#include "store/eventrecord.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace billbridge::customers {

// One field that an `*.updated` event changed, read from `data.previous_attributes` against `data.object`.
struct AttributeChange {
    enum class Kind {
        Changed,
        Added,   // had no value before (absent or null), has one now
        Removed, // had a value before, has none now (absent from the object, or null)
    };

    // Dotted path into the object ("status", "cancellation_details.reason"). Arrays are compared as
    // wholes, so a path never indexes into one.
    QString path;
    // Undefined or null when there was no value.
    QJsonValue before;
    QJsonValue after;
    Kind kind = Kind::Changed;

    bool operator==(const AttributeChange&) const = default;
};

// The changed fields of a snapshot event, in path order. Empty for events without previous_attributes and
// for bytes that are not an event. A nested object in previous_attributes holds only the fields that
// changed, so it is compared field by field; fields whose old and new values are equal are left out.
std::vector<AttributeChange> attributeChanges(const QByteArray& raw);

// Compact text for a changed value: strings as they are, numbers and booleans as JSON, arrays and objects
// as compact JSON. Empty for undefined and null, which views show as "(none)".
QString attributeValueText(const QJsonValue& value);

// What a subscription bills for, from its first item's price (or the older `plan`).
struct PlanInfo {
    QString priceId;
    QString nickname;
    QString lookupKey;
    QString productId;
    QString interval; // day, week, month, year
    int intervalCount = 1;
    std::optional<std::int64_t> unitAmount; // minor units
    QString currency;                       // lower case, as Stripe sends it
    std::optional<std::int64_t> quantity;

    // The most readable name the price has: its nickname, else its lookup key, else its id.
    QString displayName() const;
    bool isEmpty() const { return priceId.isEmpty(); }
};

struct PaymentFailure {
    std::int64_t at = 0; // the event's `created`, Unix seconds
    QString eventId;
    QString invoiceId;
    QString subscriptionId;             // empty for invoices outside a subscription
    std::optional<std::int64_t> amount; // amount_due, minor units
    QString currency;
    int attemptCount = 0;
    std::optional<std::int64_t> nextPaymentAttempt; // unset: Stripe will not retry
};

struct SubscriptionState {
    QString id;
    // trialing, active, past_due, canceled, unpaid, paused, incomplete, incomplete_expired
    QString status;
    PlanInfo plan;
    std::int64_t created = 0;
    std::optional<std::int64_t> trialEnd;
    std::optional<std::int64_t> currentPeriodEnd;
    bool cancelAtPeriodEnd = false;
    std::optional<std::int64_t> cancelAt;
    std::optional<std::int64_t> canceledAt;
    // A payment for one of its invoices failed and no paid invoice came after it.
    bool hasUnpaidFailure = false;
    // `created` of the newest event that described this subscription.
    std::int64_t lastEventCreated = 0;

    bool isEnded() const;
};

// What the stored events say about one customer now.
struct CustomerState {
    QString customerId;
    QString email;
    QString name;
    std::optional<std::int64_t> balance; // minor units; negative is credit
    QString currency;
    // Stripe's own flag on the customer object.
    bool flaggedDelinquent = false;
    bool deleted = false;
    // Oldest first by creation.
    std::vector<SubscriptionState> subscriptions;
    // Index into `subscriptions`: the newest one that has not ended, else the newest; -1 when none.
    int currentSubscription = -1;
    std::optional<PaymentFailure> lastPaymentFailure;
    // A failed invoice that belongs to no subscription this history describes is still unpaid.
    bool hasUnpaidFailureOutsideSubscriptions = false;

    int eventsUsed = 0;
    // Events whose bytes could not be read as an event (counted, never fatal).
    int eventsSkipped = 0;
    std::optional<std::int64_t> firstEventCreated;
    std::optional<std::int64_t> lastEventCreated;

    const SubscriptionState* current() const;
    // Stripe's flag, or a failed payment not followed by a paid invoice for the same subscription.
    bool isDelinquent() const;
};

// Replays the customer's events in (created, seq) order, whatever order they come in. Stripe delivers out
// of order, so each field keeps the value from the newest snapshot that carried it: an older event
// (smaller `created`, or for the same second a smaller object-level timestamp) never overwrites a newer
// one. `raw` must be filled; events whose bytes do not parse are counted in eventsSkipped.
CustomerState deriveCustomerState(const std::vector<store::StoredEvent>& eventsWithRaw);

// The few facts of one event a timeline row shows, read with the diff in one parse.
struct EventDigest {
    bool valid = false;
    QString objectType;
    QString objectId;
    QString status;
    std::optional<std::int64_t> amount; // amount_due / amount / amount_total / total, minor units
    QString currency;
    std::optional<int> attemptCount;
    std::vector<AttributeChange> changes;
};

EventDigest digestEvent(const QByteArray& raw);

} // namespace billbridge::customers
