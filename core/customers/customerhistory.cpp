#include "customers/customerhistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <map>
#include <tuple>

namespace billbridge::customers {

namespace {

bool isEmptyValue(const QJsonValue& value)
{
    return value.isUndefined() || value.isNull();
}

void compareObjects(const QString& prefix, const QJsonObject& previous, const QJsonObject& current,
                    std::vector<AttributeChange>& changes)
{
    for (auto it = previous.constBegin(); it != previous.constEnd(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        const QJsonValue before = it.value();
        const QJsonValue after = current.value(it.key());
        if (before.isObject() && after.isObject()) {
            const std::size_t found = changes.size();
            compareObjects(path, before.toObject(), after.toObject(), changes);
            // An empty object that gained members has no field to recurse into; show it whole.
            if (changes.size() == found && before != after && before.toObject().isEmpty())
                changes.push_back({path, before, after, AttributeChange::Kind::Changed});
            continue;
        }
        const bool hadValue = !isEmptyValue(before);
        const bool hasValue = !isEmptyValue(after);
        if (!hadValue && !hasValue)
            continue;
        if (hadValue && hasValue && before == after)
            continue;
        AttributeChange change{path, before, after, AttributeChange::Kind::Changed};
        if (!hadValue)
            change.kind = AttributeChange::Kind::Added;
        else if (!hasValue)
            change.kind = AttributeChange::Kind::Removed;
        changes.push_back(std::move(change));
    }
}

std::optional<QJsonObject> parseEvent(const QByteArray& raw)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(raw, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    QJsonObject event = document.object();
    if (!event.value(QLatin1String("data")).toObject().value(QLatin1String("object")).isObject())
        return std::nullopt;
    return event;
}

std::vector<AttributeChange> changesOf(const QJsonObject& data)
{
    std::vector<AttributeChange> changes;
    const QJsonValue previous = data.value(QLatin1String("previous_attributes"));
    if (previous.isObject())
        compareObjects(QString(), previous.toObject(), data.value(QLatin1String("object")).toObject(),
                       changes);
    return changes;
}

std::optional<std::int64_t> integerOf(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    return static_cast<std::int64_t>(value.toDouble());
}

// Expandable references are either an id or the object itself.
QString idOf(const QJsonValue& value)
{
    if (value.isObject())
        return value.toObject().value(QLatin1String("id")).toString();
    return value.toString();
}

std::optional<std::int64_t> amountOf(const QJsonObject& object)
{
    for (const char* key : {"amount_due", "amount", "amount_total", "total"}) {
        if (const auto amount = integerOf(object.value(QLatin1String(key))))
            return amount;
    }
    return std::nullopt;
}

QJsonObject firstItem(const QJsonObject& subscription)
{
    return subscription.value(QLatin1String("items"))
        .toObject()
        .value(QLatin1String("data"))
        .toArray()
        .first()
        .toObject();
}

PlanInfo planOf(const QJsonObject& subscription)
{
    PlanInfo plan;
    const QJsonObject item = firstItem(subscription);
    QJsonObject price = item.value(QLatin1String("price")).toObject();
    const QJsonObject legacyPlan = item.contains(QLatin1String("plan"))
                                       ? item.value(QLatin1String("plan")).toObject()
                                       : subscription.value(QLatin1String("plan")).toObject();
    if (!price.isEmpty()) {
        const QJsonObject recurring = price.value(QLatin1String("recurring")).toObject();
        plan.priceId = price.value(QLatin1String("id")).toString();
        plan.nickname = price.value(QLatin1String("nickname")).toString();
        plan.lookupKey = price.value(QLatin1String("lookup_key")).toString();
        plan.productId = idOf(price.value(QLatin1String("product")));
        plan.interval = recurring.value(QLatin1String("interval")).toString();
        plan.intervalCount = recurring.value(QLatin1String("interval_count")).toInt(1);
        plan.unitAmount = integerOf(price.value(QLatin1String("unit_amount")));
        plan.currency = price.value(QLatin1String("currency")).toString();
    } else if (!legacyPlan.isEmpty()) {
        plan.priceId = legacyPlan.value(QLatin1String("id")).toString();
        plan.nickname = legacyPlan.value(QLatin1String("nickname")).toString();
        plan.productId = idOf(legacyPlan.value(QLatin1String("product")));
        plan.interval = legacyPlan.value(QLatin1String("interval")).toString();
        plan.intervalCount = legacyPlan.value(QLatin1String("interval_count")).toInt(1);
        plan.unitAmount = integerOf(legacyPlan.value(QLatin1String("amount")));
        plan.currency = legacyPlan.value(QLatin1String("currency")).toString();
    }
    plan.quantity =
        integerOf(item.contains(QLatin1String("quantity")) ? item.value(QLatin1String("quantity"))
                                                           : subscription.value(QLatin1String("quantity")));
    return plan;
}

// Events of one second can arrive in any order; the object's own past timestamps (a period that started, a
// status transition) tell the newer snapshot apart. Future timestamps such as trial_end are left out: a
// scheduled date says nothing about when the snapshot was taken.
std::int64_t objectTime(const QJsonObject& object)
{
    std::int64_t newest = 0;
    const auto consider = [&newest](const QJsonValue& value) {
        if (const auto time = integerOf(value))
            newest = std::max(newest, *time);
    };
    for (const char* key : {"canceled_at", "ended_at", "current_period_start"})
        consider(object.value(QLatin1String(key)));
    const QJsonObject transitions = object.value(QLatin1String("status_transitions")).toObject();
    for (auto it = transitions.constBegin(); it != transitions.constEnd(); ++it)
        consider(it.value());
    const QJsonArray items =
        object.value(QLatin1String("items")).toObject().value(QLatin1String("data")).toArray();
    for (const QJsonValue& item : items)
        consider(item.toObject().value(QLatin1String("current_period_start")));
    return newest;
}

struct Stamp {
    std::int64_t created = 0;
    std::int64_t objectTime = 0;

    auto operator<=>(const Stamp&) const = default;
};

// A value and the snapshot it came from. Events are replayed oldest first, so a later offer normally wins;
// the stamp keeps an older snapshot that sorts later (same second) from rolling a newer value back.
template <typename T>
struct Stamped {
    T value{};
    std::optional<Stamp> stamp;

    void offer(T candidate, Stamp at)
    {
        if (stamp && at < *stamp)
            return;
        value = std::move(candidate);
        stamp = at;
    }
};

struct SubscriptionAccumulator {
    QString id;
    Stamped<QString> status;
    Stamped<PlanInfo> plan;
    std::int64_t created = 0;
    Stamped<std::optional<std::int64_t>> trialEnd;
    Stamped<std::optional<std::int64_t>> currentPeriodEnd;
    Stamped<bool> cancelAtPeriodEnd;
    Stamped<std::optional<std::int64_t>> cancelAt;
    Stamped<std::optional<std::int64_t>> canceledAt;
    std::int64_t lastEventCreated = 0;

    void apply(const QJsonObject& object, Stamp at)
    {
        status.offer(object.value(QLatin1String("status")).toString(), at);
        const PlanInfo snapshotPlan = planOf(object);
        if (!snapshotPlan.isEmpty())
            plan.offer(snapshotPlan, at);
        if (const auto objectCreated = integerOf(object.value(QLatin1String("created"))))
            created = *objectCreated;
        trialEnd.offer(integerOf(object.value(QLatin1String("trial_end"))), at);
        // Newer API versions keep the billing period on each item rather than on the subscription.
        const QJsonValue periodEnd = object.contains(QLatin1String("current_period_end"))
                                         ? object.value(QLatin1String("current_period_end"))
                                         : firstItem(object).value(QLatin1String("current_period_end"));
        currentPeriodEnd.offer(integerOf(periodEnd), at);
        cancelAtPeriodEnd.offer(object.value(QLatin1String("cancel_at_period_end")).toBool(), at);
        cancelAt.offer(integerOf(object.value(QLatin1String("cancel_at"))), at);
        canceledAt.offer(integerOf(object.value(QLatin1String("canceled_at"))), at);
        lastEventCreated = std::max(lastEventCreated, at.created);
    }

    SubscriptionState state() const
    {
        SubscriptionState result;
        result.id = id;
        result.status = status.value;
        result.plan = plan.value;
        result.created = created;
        result.trialEnd = trialEnd.value;
        result.currentPeriodEnd = currentPeriodEnd.value;
        result.cancelAtPeriodEnd = cancelAtPeriodEnd.value;
        result.cancelAt = cancelAt.value;
        result.canceledAt = canceledAt.value;
        result.lastEventCreated = lastEventCreated;
        return result;
    }
};

QString invoiceSubscription(const QJsonObject& invoice)
{
    const QString legacy = idOf(invoice.value(QLatin1String("subscription")));
    if (!legacy.isEmpty())
        return legacy;
    return invoice.value(QLatin1String("parent"))
        .toObject()
        .value(QLatin1String("subscription_details"))
        .toObject()
        .value(QLatin1String("subscription"))
        .toString();
}

bool isPaidInvoiceEvent(const QString& type, const QJsonObject& invoice)
{
    return type == QLatin1String("invoice.paid") || type == QLatin1String("invoice.payment_succeeded") ||
           invoice.value(QLatin1String("status")).toString() == QLatin1String("paid");
}

struct ParsedEvent {
    const store::StoredEvent* event = nullptr;
    QJsonObject object;
};

} // namespace

std::vector<AttributeChange> attributeChanges(const QByteArray& raw)
{
    const auto event = parseEvent(raw);
    if (!event)
        return {};
    return changesOf(event->value(QLatin1String("data")).toObject());
}

QString attributeValueText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        const auto whole = static_cast<std::int64_t>(number);
        if (static_cast<double>(whole) == number)
            return QString::number(whole);
        return QString::number(number, 'g', 15);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString PlanInfo::displayName() const
{
    if (!nickname.isEmpty())
        return nickname;
    if (!lookupKey.isEmpty())
        return lookupKey;
    return priceId;
}

bool SubscriptionState::isEnded() const
{
    return status == QLatin1String("canceled") || status == QLatin1String("incomplete_expired");
}

const SubscriptionState* CustomerState::current() const
{
    if (currentSubscription < 0 || currentSubscription >= static_cast<int>(subscriptions.size()))
        return nullptr;
    return &subscriptions[static_cast<std::size_t>(currentSubscription)];
}

bool CustomerState::isDelinquent() const
{
    if (flaggedDelinquent || hasUnpaidFailureOutsideSubscriptions)
        return true;
    return std::any_of(subscriptions.begin(), subscriptions.end(),
                       [](const SubscriptionState& subscription) { return subscription.hasUnpaidFailure; });
}

CustomerState deriveCustomerState(const std::vector<store::StoredEvent>& eventsWithRaw)
{
    CustomerState state;
    std::vector<ParsedEvent> parsed;
    parsed.reserve(eventsWithRaw.size());
    for (const store::StoredEvent& event : eventsWithRaw) {
        auto document = parseEvent(event.raw);
        if (!document) {
            ++state.eventsSkipped;
            continue;
        }
        parsed.push_back(
            {&event,
             document->value(QLatin1String("data")).toObject().value(QLatin1String("object")).toObject()});
    }
    std::stable_sort(parsed.begin(), parsed.end(), [](const ParsedEvent& left, const ParsedEvent& right) {
        return std::tie(left.event->fields.created, left.event->seq) <
               std::tie(right.event->fields.created, right.event->seq);
    });

    Stamped<QString> email;
    Stamped<QString> name;
    Stamped<QString> fallbackEmail;
    Stamped<QString> fallbackName;
    Stamped<std::optional<std::int64_t>> balance;
    Stamped<QString> currency;
    Stamped<bool> flaggedDelinquent;
    Stamped<std::optional<PaymentFailure>> lastFailure;
    // Per subscription id (or "invoice:<id>" outside subscriptions): whether the newest payment outcome
    // was a failure.
    std::map<QString, Stamped<bool>> unpaidFailures;
    std::map<QString, SubscriptionAccumulator> subscriptions;

    for (const ParsedEvent& entry : parsed) {
        const stripe::StripeEventFields& fields = entry.event->fields;
        const QJsonObject& object = entry.object;
        const QString objectType = object.value(QLatin1String("object")).toString();
        const Stamp at{fields.created, objectTime(object)};
        ++state.eventsUsed;
        if (!state.firstEventCreated)
            state.firstEventCreated = fields.created;
        state.lastEventCreated = fields.created;
        if (state.customerId.isEmpty() && !fields.customerId.isEmpty())
            state.customerId = fields.customerId;

        if (objectType == QLatin1String("customer")) {
            state.customerId = object.value(QLatin1String("id")).toString(state.customerId);
            if (fields.type == QLatin1String("customer.deleted") ||
                object.value(QLatin1String("deleted")).toBool()) {
                // Deletion is final: no later-sorting snapshot brings the customer back.
                state.deleted = true;
            }
            if (object.contains(QLatin1String("email")))
                email.offer(object.value(QLatin1String("email")).toString(), at);
            if (object.contains(QLatin1String("name")))
                name.offer(object.value(QLatin1String("name")).toString(), at);
            if (object.contains(QLatin1String("balance")))
                balance.offer(integerOf(object.value(QLatin1String("balance"))), at);
            if (object.contains(QLatin1String("currency")))
                currency.offer(object.value(QLatin1String("currency")).toString(), at);
            if (object.contains(QLatin1String("delinquent")))
                flaggedDelinquent.offer(object.value(QLatin1String("delinquent")).toBool(), at);
        } else if (objectType == QLatin1String("subscription")) {
            const QString id = object.value(QLatin1String("id")).toString();
            if (id.isEmpty())
                continue;
            SubscriptionAccumulator& subscription = subscriptions[id];
            subscription.id = id;
            subscription.apply(object, at);
        } else if (objectType == QLatin1String("invoice")) {
            const QString invoiceId = object.value(QLatin1String("id")).toString();
            const QString subscriptionId = invoiceSubscription(object);
            const QString key =
                subscriptionId.isEmpty() ? QStringLiteral("invoice:") + invoiceId : subscriptionId;
            if (fields.type == QLatin1String("invoice.payment_failed")) {
                unpaidFailures[key].offer(true, at);
                PaymentFailure failure;
                failure.at = fields.created;
                failure.eventId = fields.id;
                failure.invoiceId = invoiceId;
                failure.subscriptionId = subscriptionId;
                failure.amount = integerOf(object.value(QLatin1String("amount_due")));
                failure.currency = object.value(QLatin1String("currency")).toString();
                failure.attemptCount = object.value(QLatin1String("attempt_count")).toInt();
                failure.nextPaymentAttempt = integerOf(object.value(QLatin1String("next_payment_attempt")));
                lastFailure.offer(failure, at);
            } else if (isPaidInvoiceEvent(fields.type, object)) {
                unpaidFailures[key].offer(false, at);
            }
            fallbackEmail.offer(object.value(QLatin1String("customer_email")).toString(fallbackEmail.value),
                                at);
            fallbackName.offer(object.value(QLatin1String("customer_name")).toString(fallbackName.value), at);
        } else if (objectType == QLatin1String("checkout.session")) {
            const QJsonObject details = object.value(QLatin1String("customer_details")).toObject();
            fallbackEmail.offer(details.value(QLatin1String("email")).toString(fallbackEmail.value), at);
            fallbackName.offer(details.value(QLatin1String("name")).toString(fallbackName.value), at);
        }
    }

    state.email = email.stamp ? email.value : fallbackEmail.value;
    state.name = name.stamp ? name.value : fallbackName.value;
    state.balance = balance.value;
    state.currency = currency.value;
    state.flaggedDelinquent = flaggedDelinquent.value;
    state.lastPaymentFailure = lastFailure.value;

    for (const auto& [id, accumulator] : subscriptions)
        state.subscriptions.push_back(accumulator.state());
    std::stable_sort(state.subscriptions.begin(), state.subscriptions.end(),
                     [](const SubscriptionState& left, const SubscriptionState& right) {
                         return std::tie(left.created, left.lastEventCreated) <
                                std::tie(right.created, right.lastEventCreated);
                     });
    for (const auto& [key, unpaid] : unpaidFailures) {
        if (!unpaid.value)
            continue;
        auto subscription = std::find_if(state.subscriptions.begin(), state.subscriptions.end(),
                                         [&key](const SubscriptionState& s) { return s.id == key; });
        if (subscription != state.subscriptions.end())
            subscription->hasUnpaidFailure = true;
        else
            state.hasUnpaidFailureOutsideSubscriptions = true;
    }
    for (int i = static_cast<int>(state.subscriptions.size()) - 1; i >= 0; --i) {
        if (!state.subscriptions[static_cast<std::size_t>(i)].isEnded()) {
            state.currentSubscription = i;
            break;
        }
    }
    if (state.currentSubscription < 0 && !state.subscriptions.empty())
        state.currentSubscription = static_cast<int>(state.subscriptions.size()) - 1;
    return state;
}

EventDigest digestEvent(const QByteArray& raw)
{
    EventDigest digest;
    const auto event = parseEvent(raw);
    if (!event)
        return digest;
    const QJsonObject data = event->value(QLatin1String("data")).toObject();
    const QJsonObject object = data.value(QLatin1String("object")).toObject();
    digest.valid = true;
    digest.objectType = object.value(QLatin1String("object")).toString();
    digest.objectId = object.value(QLatin1String("id")).toString();
    digest.status = object.value(QLatin1String("status")).toString();
    digest.amount = amountOf(object);
    digest.currency = object.value(QLatin1String("currency")).toString();
    if (object.value(QLatin1String("attempt_count")).isDouble())
        digest.attemptCount = object.value(QLatin1String("attempt_count")).toInt();
    digest.changes = changesOf(data);
    return digest;
}

} // namespace billbridge::customers
