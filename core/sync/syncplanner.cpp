#include "sync/syncplanner.h"

#include "customerio/ulid.h"
#include "delivery/jobrequest.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <array>
#include <cmath>

namespace billbridge::sync {

namespace {

enum class Kind { Customer, CustomerDeleted, Subscription, Invoice, Charge, Dispute, Checkout };

std::optional<Kind> kindOf(const QString& type)
{
    static const QList<QPair<QString, Kind>> kinds = {
        {QStringLiteral("customer.created"), Kind::Customer},
        {QStringLiteral("customer.updated"), Kind::Customer},
        {QStringLiteral("customer.deleted"), Kind::CustomerDeleted},
        {QStringLiteral("customer.subscription.created"), Kind::Subscription},
        {QStringLiteral("customer.subscription.updated"), Kind::Subscription},
        {QStringLiteral("customer.subscription.deleted"), Kind::Subscription},
        {QStringLiteral("customer.subscription.trial_will_end"), Kind::Subscription},
        {QStringLiteral("customer.subscription.paused"), Kind::Subscription},
        {QStringLiteral("customer.subscription.resumed"), Kind::Subscription},
        // invoice.payment_succeeded is left out on purpose: it accompanies invoice.paid, which also
        // covers invoices paid out of band, and following both would report every payment twice.
        {QStringLiteral("invoice.paid"), Kind::Invoice},
        {QStringLiteral("invoice.payment_failed"), Kind::Invoice},
        {QStringLiteral("invoice.payment_action_required"), Kind::Invoice},
        {QStringLiteral("charge.refunded"), Kind::Charge},
        {QStringLiteral("charge.dispute.created"), Kind::Dispute},
        {QStringLiteral("checkout.session.completed"), Kind::Checkout},
    };
    for (const auto& [name, kind] : kinds) {
        if (name == type)
            return kind;
    }
    return std::nullopt;
}

QString idOf(const QJsonValue& value)
{
    // Expandable references are either an id or the expanded object.
    return value.isObject() ? value.toObject().value(QStringLiteral("id")).toString() : value.toString();
}

QJsonValue nullable(const QJsonValue& value)
{
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

QJsonValue major(const QJsonObject& object, const QString& member)
{
    const QJsonValue amount = object.value(member);
    if (!amount.isDouble())
        return QJsonValue::Null;
    return toMajorUnits(amount.toDouble(), object.value(QStringLiteral("currency")).toString());
}

std::int64_t roundedMonthly(const QJsonObject& subscription)
{
    return std::llround(monthlyMinorOfSubscription(subscription));
}

struct EventContext {
    QString eventId;
    QString type;
    std::int64_t created = 0;
    QJsonObject object;
    QJsonObject previous;
    const SyncState* state = nullptr;
    const PlanLookup* lookup = nullptr;
    const SyncOptions* options = nullptr;
    QList<CustomEvent>* out = nullptr;

    void add(const QString& name, const QJsonObject& data) const
    {
        out->append(CustomEvent{name, derivedEventId(eventId, name, created), created, data});
    }
    QString planName(const QJsonObject& subscription) const
    {
        return subscriptionAttributes(subscription, *lookup, options->attributes)
            .value(options->attributes.planName)
            .toString();
    }
};

void subscriptionEvents(const EventContext& c)
{
    const EventNames& names = c.options->events;
    const QJsonObject& sub = c.object;
    const QString currency = sub.value(QStringLiteral("currency")).toString();
    QJsonObject base{{QStringLiteral("subscription_id"), sub.value(QStringLiteral("id"))},
                     {QStringLiteral("plan_name"), c.planName(sub)},
                     {QStringLiteral("status"), sub.value(QStringLiteral("status"))}};

    if (c.type == QLatin1String("customer.subscription.created")) {
        QJsonObject data = base;
        data.insert(QStringLiteral("currency"), currency);
        data.insert(QStringLiteral("monthly_amount"), toMajorUnits(roundedMonthly(sub), currency));
        data.insert(QStringLiteral("trial_end"), nullable(sub.value(QStringLiteral("trial_end"))));
        c.add(names.subscriptionStarted, data);
    } else if (c.type == QLatin1String("customer.subscription.trial_will_end")) {
        QJsonObject data = base;
        data.insert(QStringLiteral("trial_end"), nullable(sub.value(QStringLiteral("trial_end"))));
        c.add(names.trialWillEnd, data);
    } else if (c.type == QLatin1String("customer.subscription.deleted")) {
        QJsonObject data = base;
        const QJsonObject details = sub.value(QStringLiteral("cancellation_details")).toObject();
        data.insert(QStringLiteral("canceled_at"), nullable(sub.value(QStringLiteral("canceled_at"))));
        data.insert(QStringLiteral("ended_at"), nullable(sub.value(QStringLiteral("ended_at"))));
        data.insert(QStringLiteral("reason"), nullable(details.value(QStringLiteral("reason"))));
        data.insert(QStringLiteral("feedback"), nullable(details.value(QStringLiteral("feedback"))));
        c.add(names.subscriptionCanceled, data);
    } else if (c.type == QLatin1String("customer.subscription.paused")) {
        c.add(names.subscriptionPaused, base);
    } else if (c.type == QLatin1String("customer.subscription.resumed")) {
        c.add(names.subscriptionResumed, base);
    } else if (c.type == QLatin1String("customer.subscription.updated")) {
        // A price or quantity change shows as the old `items` in previous_attributes; a renewal does too
        // (new periods), which is why the monthly amount decides, not the presence of `items`.
        if (c.previous.contains(QStringLiteral("items")) || c.previous.contains(QStringLiteral("plan")) ||
            c.previous.contains(QStringLiteral("quantity"))) {
            QJsonObject before = sub;
            for (auto it = c.previous.begin(); it != c.previous.end(); ++it)
                before.insert(it.key(), it.value());
            const std::int64_t oldMonthly = roundedMonthly(before);
            const std::int64_t newMonthly = roundedMonthly(sub);
            if (oldMonthly != newMonthly) {
                QJsonObject data = base;
                data.insert(QStringLiteral("previous_plan_name"), c.planName(before));
                data.insert(QStringLiteral("previous_monthly_amount"), toMajorUnits(oldMonthly, currency));
                data.insert(QStringLiteral("monthly_amount"), toMajorUnits(newMonthly, currency));
                data.insert(QStringLiteral("currency"), currency);
                c.add(newMonthly > oldMonthly ? names.subscriptionUpgraded : names.subscriptionDowngraded,
                      data);
            }
        }
        const bool scheduledAtPeriodEnd =
            c.previous.value(QStringLiteral("cancel_at_period_end")) == QJsonValue(false) &&
            sub.value(QStringLiteral("cancel_at_period_end")).toBool();
        const bool scheduledAt = c.previous.contains(QStringLiteral("cancel_at")) &&
                                 c.previous.value(QStringLiteral("cancel_at")).isNull() &&
                                 sub.value(QStringLiteral("cancel_at")).isDouble();
        if (scheduledAtPeriodEnd || scheduledAt) {
            QJsonObject data = base;
            const QJsonObject details = sub.value(QStringLiteral("cancellation_details")).toObject();
            QJsonValue cancelAt = sub.value(QStringLiteral("cancel_at"));
            if (!cancelAt.isDouble()) {
                cancelAt = subscriptionAttributes(sub, *c.lookup, c.options->attributes)
                               .value(c.options->attributes.currentPeriodEnd);
            }
            data.insert(QStringLiteral("cancel_at"), nullable(cancelAt));
            data.insert(QStringLiteral("reason"), nullable(details.value(QStringLiteral("reason"))));
            data.insert(QStringLiteral("feedback"), nullable(details.value(QStringLiteral("feedback"))));
            data.insert(QStringLiteral("comment"), nullable(details.value(QStringLiteral("comment"))));
            c.add(names.cancellationScheduled, data);
        }
    }
}

void invoiceEvents(const EventContext& c)
{
    const EventNames& names = c.options->events;
    const QJsonObject& invoice = c.object;
    const QString invoiceId = invoice.value(QStringLiteral("id")).toString();
    QJsonObject base{{QStringLiteral("invoice_id"), invoiceId},
                     {QStringLiteral("currency"), invoice.value(QStringLiteral("currency"))}};
    const QString subscription = idOf(invoice.value(QStringLiteral("parent"))
                                          .toObject()
                                          .value(QStringLiteral("subscription_details"))
                                          .toObject()
                                          .value(QStringLiteral("subscription")));
    if (!subscription.isEmpty())
        base.insert(QStringLiteral("subscription_id"), subscription);
    const int attempts = invoice.value(QStringLiteral("attempt_count")).toInt();
    const QJsonValue hostedUrl = nullable(invoice.value(QStringLiteral("hosted_invoice_url")));

    if (c.type == QLatin1String("invoice.paid")) {
        // A $0 invoice (a trial's first) is no payment a customer would want to hear about.
        if (invoice.value(QStringLiteral("amount_paid")).toDouble() <= 0)
            return;
        QJsonObject data = base;
        data.insert(QStringLiteral("amount"), major(invoice, QStringLiteral("amount_paid")));
        data.insert(QStringLiteral("billing_reason"),
                    nullable(invoice.value(QStringLiteral("billing_reason"))));
        data.insert(QStringLiteral("invoice_number"), nullable(invoice.value(QStringLiteral("number"))));
        data.insert(QStringLiteral("hosted_invoice_url"), hostedUrl);
        c.add(names.paymentSucceeded, data);
        // attempt_count > 1 means earlier attempts on this invoice failed even when those failures never
        // reached us or arrive later; the state covers a manual payment after a failure.
        if (attempts > 1 || c.state->failedInvoices.contains(invoiceId)) {
            QJsonObject recovered = base;
            recovered.insert(QStringLiteral("amount"), major(invoice, QStringLiteral("amount_paid")));
            recovered.insert(QStringLiteral("attempt_count"), attempts);
            c.add(names.paymentRecovered, recovered);
        }
    } else if (c.type == QLatin1String("invoice.payment_failed")) {
        QJsonObject data = base;
        data.insert(QStringLiteral("amount"), major(invoice, QStringLiteral("amount_due")));
        data.insert(QStringLiteral("attempt_count"), attempts);
        data.insert(QStringLiteral("next_payment_attempt"),
                    nullable(invoice.value(QStringLiteral("next_payment_attempt"))));
        data.insert(QStringLiteral("hosted_invoice_url"), hostedUrl);
        c.add(names.paymentFailed, data);
    } else if (c.type == QLatin1String("invoice.payment_action_required")) {
        QJsonObject data = base;
        data.insert(QStringLiteral("amount"), major(invoice, QStringLiteral("amount_due")));
        data.insert(QStringLiteral("hosted_invoice_url"), hostedUrl);
        c.add(names.paymentActionRequired, data);
    }
}

void customEvents(Kind kind, const EventContext& c)
{
    const EventNames& names = c.options->events;
    const QJsonObject& o = c.object;
    switch (kind) {
    case Kind::Customer:
        break;
    case Kind::CustomerDeleted:
        c.add(names.customerDeleted, {{QStringLiteral("stripe_customer_id"), o.value(QStringLiteral("id"))}});
        break;
    case Kind::Subscription:
        subscriptionEvents(c);
        break;
    case Kind::Invoice:
        invoiceEvents(c);
        break;
    case Kind::Charge: {
        // This refund's own amount: the newest refund, or the growth of amount_refunded.
        const std::int64_t total = o.value(QStringLiteral("amount_refunded")).toInteger();
        std::int64_t amount = total;
        const QJsonArray refunds =
            o.value(QStringLiteral("refunds")).toObject().value(QStringLiteral("data")).toArray();
        if (c.previous.value(QStringLiteral("amount_refunded")).isDouble())
            amount = total - c.previous.value(QStringLiteral("amount_refunded")).toInteger();
        else if (!refunds.isEmpty())
            amount = refunds.first().toObject().value(QStringLiteral("amount")).toInteger();
        const QString currency = o.value(QStringLiteral("currency")).toString();
        c.add(names.refundIssued,
              {{QStringLiteral("charge_id"), o.value(QStringLiteral("id"))},
               {QStringLiteral("amount"), toMajorUnits(amount, currency)},
               {QStringLiteral("amount_refunded_total"), toMajorUnits(total, currency)},
               {QStringLiteral("currency"), currency},
               {QStringLiteral("fully_refunded"), o.value(QStringLiteral("refunded")).toBool()}});
        break;
    }
    case Kind::Dispute:
        c.add(names.disputeOpened, {{QStringLiteral("dispute_id"), o.value(QStringLiteral("id"))},
                                    {QStringLiteral("charge_id"), idOf(o.value(QStringLiteral("charge")))},
                                    {QStringLiteral("amount"), major(o, QStringLiteral("amount"))},
                                    {QStringLiteral("currency"), o.value(QStringLiteral("currency"))},
                                    {QStringLiteral("reason"), nullable(o.value(QStringLiteral("reason")))},
                                    {QStringLiteral("status"), nullable(o.value(QStringLiteral("status")))}});
        break;
    case Kind::Checkout:
        c.add(names.checkoutCompleted,
              {{QStringLiteral("session_id"), o.value(QStringLiteral("id"))},
               {QStringLiteral("mode"), nullable(o.value(QStringLiteral("mode")))},
               {QStringLiteral("amount"), major(o, QStringLiteral("amount_total"))},
               {QStringLiteral("currency"), nullable(o.value(QStringLiteral("currency")))},
               {QStringLiteral("payment_status"), nullable(o.value(QStringLiteral("payment_status")))},
               {QStringLiteral("subscription_id"), nullable(o.value(QStringLiteral("subscription")))}});
        break;
    }
}

// Folds the event's facts into `next`. Only called for an event newer than its object's watermark.
void applyFacts(Kind kind, const EventContext& c, const Watermark& mark, SyncState& next, QJsonObject& attrs)
{
    const AttributeNames& names = c.options->attributes;
    const QJsonObject& o = c.object;
    auto merge = [&attrs](const QJsonObject& values) {
        for (auto it = values.begin(); it != values.end(); ++it)
            attrs.insert(it.key(), it.value());
    };
    switch (kind) {
    case Kind::Customer:
        merge(customerAttributes(o, names));
        break;
    case Kind::CustomerDeleted:
        next.deleted = true;
        break;
    case Kind::Subscription:
        // With several subscriptions the profile follows whichever changed last.
        if (mark > next.subscriptionProfile) {
            next.subscriptionProfile = mark;
            merge(subscriptionAttributes(o, *c.lookup, names));
        }
        break;
    case Kind::Invoice: {
        const QString invoiceId = o.value(QStringLiteral("id")).toString();
        if (c.type == QLatin1String("invoice.paid")) {
            const std::int64_t paid = o.value(QStringLiteral("amount_paid")).toInteger();
            next.failedInvoices.remove(invoiceId);
            if (paid > 0) {
                next.paidInvoices.insert(invoiceId,
                                         MinorAmount{o.value(QStringLiteral("currency")).toString(), paid});
                const QJsonValue paidAt =
                    o.value(QStringLiteral("status_transitions")).toObject().value(QStringLiteral("paid_at"));
                const std::int64_t at = paidAt.isDouble() ? paidAt.toInteger() : c.created;
                next.lastPaymentAt = std::max(next.lastPaymentAt.value_or(at), at);
            }
            if (mark > next.paymentOutcome) {
                next.paymentOutcome = mark;
                next.failedPaymentCount = 0;
            }
        } else if (c.type == QLatin1String("invoice.payment_failed")) {
            const int attempts = std::max(1, o.value(QStringLiteral("attempt_count")).toInt());
            next.failedInvoices.insert(invoiceId, attempts);
            // attempt_count rather than a count of events: retries whose events never reached us count too.
            if (mark > next.paymentOutcome) {
                next.paymentOutcome = mark;
                next.failedPaymentCount = attempts;
            }
        }
        break;
    }
    case Kind::Charge: {
        const QString chargeId = o.value(QStringLiteral("id")).toString();
        const std::int64_t refunded = o.value(QStringLiteral("amount_refunded")).toInteger();
        const std::int64_t known = next.refundedCharges.value(chargeId).minor;
        next.refundedCharges.insert(
            chargeId, MinorAmount{o.value(QStringLiteral("currency")).toString(), std::max(known, refunded)});
        break;
    }
    case Kind::Dispute:
    case Kind::Checkout:
        break;
    }

    attrs.insert(names.failedPaymentCount, next.failedPaymentCount);
    if (next.lastPaymentAt)
        attrs.insert(names.lastPaymentAt, static_cast<qint64>(*next.lastPaymentAt));
    const QMap<QString, std::int64_t> lifetime = next.lifetimeValueMinor();
    if (!lifetime.isEmpty()) {
        // One number per person: in the subscription's currency when there is money in it.
        QString currency = attrs.value(names.currency).toString();
        if (!lifetime.contains(currency))
            currency = lifetime.firstKey();
        attrs.insert(names.lifetimeValue,
                     toMajorUnits(static_cast<double>(lifetime.value(currency)), currency));
    }
}

SyncPlan malformed(SyncPlan plan, const QString& reason)
{
    plan.verdict = Verdict::Malformed;
    plan.reason = reason;
    return plan;
}

} // namespace

QString toString(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Applied:
        return QStringLiteral("applied");
    case Verdict::Stale:
        return QStringLiteral("stale");
    case Verdict::History:
        return QStringLiteral("history");
    case Verdict::Ignored:
        return QStringLiteral("ignored");
    case Verdict::Malformed:
        return QStringLiteral("malformed");
    }
    return QString();
}

QString derivedEventId(const QString& stripeEventId, const QString& eventName, std::int64_t createdSeconds)
{
    const QByteArray digest = QCryptographicHash::hash(
        (stripeEventId + QLatin1Char(':') + eventName).toUtf8(), QCryptographicHash::Sha256);
    std::array<std::uint8_t, 10> random{};
    for (int i = 0; i < 10; ++i)
        random[i] = static_cast<std::uint8_t>(digest.at(i));
    const std::uint64_t ms = createdSeconds > 0 ? static_cast<std::uint64_t>(createdSeconds) * 1000 : 0;
    return customerio::UlidGenerator::encode(std::min(ms, customerio::UlidGenerator::kMaxTime), random);
}

SyncPlan plan(const QByteArray& rawEvent, const SyncState& state, const PlanLookup& lookup,
              const SyncOptions& options)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(rawEvent, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        SyncPlan out;
        out.state = state;
        return malformed(out, QStringLiteral("not a JSON object"));
    }
    return plan(document.object(), state, lookup, options);
}

SyncPlan plan(const QJsonObject& root, const SyncState& state, const PlanLookup& lookup,
              const SyncOptions& options)
{
    SyncPlan out;
    out.state = state;
    out.eventId = root.value(QStringLiteral("id")).toString();
    out.eventType = root.value(QStringLiteral("type")).toString();
    const QJsonValue created = root.value(QStringLiteral("created"));
    const QJsonValue object = root.value(QStringLiteral("data")).toObject().value(QStringLiteral("object"));
    if (out.eventId.isEmpty() || out.eventType.isEmpty() || !created.isDouble() || !object.isObject())
        return malformed(out, QStringLiteral("not a Stripe event: id, type, created or data.object missing"));
    out.created = created.toInteger();

    EventContext c;
    c.eventId = out.eventId;
    c.type = out.eventType;
    c.created = out.created;
    c.object = object.toObject();
    c.previous =
        root.value(QStringLiteral("data")).toObject().value(QStringLiteral("previous_attributes")).toObject();
    c.state = &state;
    c.lookup = &lookup;
    c.options = &options;
    c.out = &out.events;

    out.stripeCustomerId = c.object.value(QStringLiteral("object")).toString() == QLatin1String("customer")
                               ? c.object.value(QStringLiteral("id")).toString()
                               : idOf(c.object.value(QStringLiteral("customer")));

    const std::optional<Kind> kind = kindOf(out.eventType);
    if (!kind) {
        out.reason = QStringLiteral("event type not synced to Customer.io");
        return out;
    }
    const QString objectId = c.object.value(QStringLiteral("id")).toString();
    if (objectId.isEmpty())
        return malformed(out, QStringLiteral("data.object has no id"));
    if (state.deleted) {
        // Anything sent now would bring the person back in Customer.io.
        out.reason = QStringLiteral("customer was deleted");
        return out;
    }

    const Watermark mark{out.created, out.eventId};
    const Watermark current = state.watermarks.value(objectId);
    if (current == mark) {
        out.verdict = Verdict::Stale;
        out.reason = QStringLiteral("already applied");
        return out;
    }
    const bool history = out.created * 1000 < options.nowMs - options.horizonMs;
    if (!history)
        customEvents(*kind, c);
    if (current.isSet() && mark < current) {
        out.verdict = Verdict::Stale;
        out.reason =
            QStringLiteral("older than event %1 already applied to %2").arg(current.eventId, objectId);
        return out;
    }

    SyncState& next = out.state;
    next.watermarks.insert(objectId, mark);
    QJsonObject attrs = state.attributes;
    if (*kind == Kind::CustomerDeleted) {
        next.deleted = true;
        out.customerDeleted = true;
    } else {
        applyFacts(*kind, c, mark, next, attrs);
        for (auto it = attrs.begin(); it != attrs.end(); ++it) {
            const QJsonValue before = state.attributes.value(it.key());
            // A null for something never sent says nothing new.
            const bool unchanged = before == it.value() || (before.isUndefined() && it.value().isNull());
            if (!unchanged)
                out.changedAttributes.insert(it.key(), it.value());
        }
        next.attributes = attrs;
    }
    out.verdict = history ? Verdict::History : Verdict::Applied;
    return out;
}

QList<customerio::CustomerIoRequest> SyncPlan::requests(const QString& customerId) const
{
    QList<customerio::CustomerIoRequest> out;
    if (hasIdentify()) {
        customerio::IdentifyAttributes identify;
        for (auto it = changedAttributes.begin(); it != changedAttributes.end(); ++it)
            identify.attributes.append({it.key(), it.value()});
        identify.changedAt = created;
        out.append(customerio::requests::identify(customerId, identify));
    }
    for (const CustomEvent& event : events)
        out.append(customerio::requests::trackEvent(
            customerId, customerio::TrackEvent{event.name, event.id, event.timestamp, event.data}));
    return out;
}

QList<store::NewJob> toJobs(const SyncPlan& plan, const QString& customerId, const QString& eventId)
{
    QList<store::NewJob> jobs;
    const QList<customerio::CustomerIoRequest> requests = plan.requests(customerId);
    int index = 0;
    if (plan.hasIdentify())
        jobs.append(delivery::jobFor(requests.at(index++), customerId, eventId + QStringLiteral(":identify"),
                                     eventId));
    for (const CustomEvent& event : plan.events)
        jobs.append(delivery::jobFor(requests.at(index++), customerId,
                                     eventId + QStringLiteral(":event:") + event.name, eventId));
    return jobs;
}

} // namespace billbridge::sync
