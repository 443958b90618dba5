#include "demo/customerstory.h"

#include "demo/chargejson.h"
#include "demo/checkoutjson.h"
#include "demo/customerjson.h"
#include "demo/democatalog.h"
#include "demo/demoeventsink.h"
#include "demo/demopeople.h"
#include "demo/demorandom.h"
#include "demo/disputejson.h"
#include "demo/invoicejson.h"
#include "demo/storykind.h"
#include "demo/subscriptionjson.h"

#include <QDateTime>

#include <algorithm>

namespace billbridge::demo {

namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;

struct Decline {
    const char* code;
    const char* declineCode;
    const char* message;
};

constexpr Decline kDeclines[] = {
    {"card_declined", "insufficient_funds", "Your card has insufficient funds."},
    {"card_declined", "generic_decline", "Your card was declined."},
    {"card_declined", "do_not_honor", "Your card was declined."},
    {"expired_card", "expired_card", "Your card has expired."},
};

constexpr const char* kFeedback[] = {"too_expensive", "missing_features", "switched_service",
                                     "unused",        "low_quality",      "other"};

} // namespace

CustomerStory::CustomerStory(const DemoCatalog& catalog, DemoPeople& people, DemoRandom& random,
                             DemoEventSink& sink, std::int64_t signup, std::int64_t end)
    : m_catalog(catalog)
    , m_people(people)
    , m_random(random)
    , m_sink(sink)
    , m_signup(signup)
    , m_end(end)
    , m_now(signup)
{}

std::int64_t CustomerStory::addInterval(std::int64_t t, const QString& interval)
{
    const QDateTime start = QDateTime::fromSecsSinceEpoch(t, Qt::UTC);
    return (interval == QLatin1String("year") ? start.addYears(1) : start.addMonths(1)).toSecsSinceEpoch();
}

std::int64_t CustomerStory::advance(std::int64_t t)
{
    flushSideEvents(t);
    m_now = std::max(m_now, t);
    return m_now;
}

void CustomerStory::flushSideEvents(std::int64_t upTo)
{
    std::sort(m_sideEvents.begin(), m_sideEvents.end(),
              [](const SideEvent& a, const SideEvent& b) { return a.at < b.at; });
    std::size_t done = 0;
    for (; done < m_sideEvents.size() && m_sideEvents[done].at <= upTo; ++done) {
        const SideEvent side = m_sideEvents[done];
        m_now = std::max(m_now, side.at);
        if (side.kind == SideEvent::Refund)
            refund(m_charges[side.charge]);
        else if (side.kind == SideEvent::Dispute)
            dispute(m_charges[side.charge]);
        else
            changeProfile();
    }
    m_sideEvents.erase(m_sideEvents.begin(), m_sideEvents.begin() + std::ptrdiff_t(done));
}

void CustomerStory::emitCustomer(QByteArrayView type, const DemoCustomer* before, bool byRequest,
                                 std::uint32_t stories)
{
    DemoEventSink::Body previous;
    if (before)
        previous = [this, before](JsonWriter& w) { CustomerJson::writePrevious(w, *before, m_customer); };
    m_sink.add(
        type, m_now, m_customer.id, [this](JsonWriter& w) { CustomerJson::write(w, m_customer); }, previous,
        byRequest, stories);
}

void CustomerStory::emitSubscription(QByteArrayView type, const DemoSubscription* before, bool byRequest,
                                     std::uint32_t stories)
{
    DemoEventSink::Body previous;
    if (before)
        previous = [this, before](JsonWriter& w) {
            SubscriptionJson::writePrevious(w, *before, m_subscription);
        };
    m_sink.add(
        type, m_now, m_customer.id,
        [this](JsonWriter& w) { SubscriptionJson::write(w, m_subscription, m_customer); }, previous,
        byRequest, stories);
}

void CustomerStory::emitInvoice(QByteArrayView type, const DemoInvoice& invoice, std::uint32_t stories)
{
    m_sink.add(
        type, m_now, m_customer.id, [&](JsonWriter& w) { InvoiceJson::write(w, invoice, m_customer); }, {},
        false, stories);
}

void CustomerStory::emitCharge(QByteArrayView type, const DemoCharge& charge, std::uint32_t stories)
{
    const bool byRequest = type == QByteArrayView("charge.refunded");
    m_sink.add(
        type, m_now, m_customer.id, [&](JsonWriter& w) { ChargeJson::write(w, charge, m_customer); }, {},
        byRequest, stories);
}

void CustomerStory::play()
{
    m_customer = m_people.make(m_random, m_signup);
    if (m_random.chance(0.18))
        m_sideEvents.push_back(
            {m_signup + m_random.between(2 * kHour, 45 * kDay), SideEvent::ProfileChange, 0});
    signUp();
    const bool active = m_trialOutcome == TrialOutcome::None || runTrial();
    if (active)
        runBillingPeriods();
    maybeDeleteCustomer();
    flushSideEvents(m_end);
}

void CustomerStory::signUp()
{
    const int roll = m_random.below(100);
    const int rank = roll < 45 ? 0 : roll < 83 ? 1 : 2;
    const QString interval = m_random.chance(0.2) ? QStringLiteral("year") : QStringLiteral("month");
    const QString currency = m_customer.address.country == QLatin1String("US") ||
                                     m_customer.address.country == QLatin1String("GB") ||
                                     m_customer.address.country == QLatin1String("JP")
                                 ? QStringLiteral("usd")
                                 : QStringLiteral("eur");
    const bool trial = m_random.chance(0.55);
    if (trial) {
        const double outcome = m_random.unit();
        m_trialOutcome = outcome < 0.68   ? TrialOutcome::Convert
                         : outcome < 0.85 ? TrialOutcome::Pause
                                          : TrialOutcome::Cancel;
    }
    const bool checkout = m_customer.signupChannel == QLatin1String("checkout");
    m_customer.hasCard = m_trialOutcome == TrialOutcome::None || m_trialOutcome == TrialOutcome::Convert ||
                         (m_trialOutcome == TrialOutcome::Cancel && m_random.chance(0.5));

    advance(m_signup);
    emitCustomer("customer.created", nullptr, !checkout, 0);
    m_customer.currency = currency;

    DemoSubscription& s = m_subscription;
    s.id = m_random.id("sub_", 24);
    s.itemId = m_random.id("si_", 14);
    s.workspace = QStringLiteral("ws_") + m_random.token(8);
    s.price = m_catalog.price(rank, interval, currency);
    s.quantity = rank > 0 && m_random.chance(0.25) ? int(m_random.between(2, 8)) : 1;
    s.created = advance(m_signup + m_random.between(3, 40));
    s.defaultPaymentMethod = m_customer.hasCard ? m_customer.card.paymentMethodId : QString();
    s.trialEndBehavior = m_customer.hasCard ? QStringLiteral("create_invoice") : QStringLiteral("pause");
    s.periodStart = s.created;
    if (trial) {
        static constexpr int kTrialDays[] = {7, 14, 14, 14, 30};
        s.status = QStringLiteral("trialing");
        s.trialStart = s.created;
        s.trialEnd = s.created + kTrialDays[m_random.below(int(std::size(kTrialDays)))] * kDay;
        s.periodEnd = *s.trialEnd;
    } else {
        s.status = QStringLiteral("active");
        s.periodEnd = addInterval(s.created, interval);
    }
    s.billingCycleAnchor = s.periodEnd;
    if (!trial)
        s.billingCycleAnchor = s.created;

    DemoInvoice invoice = openInvoice(QStringLiteral("subscription_create"), s.created, s.created,
                                      s.periodEnd, s.created, s.created);
    if (trial)
        invoice.amount = 0;
    s.latestInvoice = invoice.id;
    emitSubscription("customer.subscription.created", nullptr, !checkout);

    advance(s.created + 1);
    emitInvoice("invoice.created", invoice);
    finalize(invoice, s.created + 1);
    emitInvoice("invoice.finalized", invoice);
    if (invoice.amount == 0) {
        invoice.status = QStringLiteral("paid");
        invoice.attempted = true;
        invoice.autoAdvance = false;
        invoice.paidAt = advance(s.created + 2);
        emitInvoice("invoice.paid", invoice);
    } else {
        // Checkout only completes once the first payment went through.
        advance(s.created + m_random.between(2, 6));
        DemoCharge& charge = addCharge(invoice.amount, true, QStringLiteral("Subscription creation"));
        emitCharge("charge.succeeded", charge);
        invoice.status = QStringLiteral("paid");
        invoice.attempted = true;
        invoice.attemptCount = 1;
        invoice.autoAdvance = false;
        invoice.amountPaid = invoice.amount;
        invoice.paidAt = advance(m_now + 1);
        emitInvoice("invoice.paid", invoice, storyBit(StoryKind::DirectPurchase));
    }
    if (checkout) {
        DemoCheckout session;
        session.id = m_random.id("cs_test_a", 58);
        session.invoiceId = invoice.id;
        session.subscriptionId = s.id;
        session.created = m_signup - m_random.between(60, 900);
        session.amountTotal = invoice.amount;
        session.paymentStatus =
            invoice.amount == 0 ? QStringLiteral("no_payment_required") : QStringLiteral("paid");
        session.lookupKey = s.price->lookupKey;
        advance(m_now + m_random.between(1, 4));
        m_sink.add("checkout.session.completed", m_now, m_customer.id,
                   [&](JsonWriter& w) { CheckoutJson::write(w, session, m_customer, currency); });
    }
}

bool CustomerStory::runTrial()
{
    DemoSubscription& s = m_subscription;
    const std::int64_t trialEnd = *s.trialEnd;
    const std::int64_t willEnd = trialEnd - 3 * kDay;
    if (m_trialOutcome == TrialOutcome::Cancel) {
        const std::int64_t cancelAt = m_random.between(s.created + kHour, trialEnd - kDay);
        if (willEnd < cancelAt) {
            advance(willEnd);
            emitSubscription("customer.subscription.trial_will_end", nullptr, false);
        }
        advance(cancelAt);
        endSubscription(QStringLiteral("cancellation_requested"),
                        QLatin1String(kFeedback[m_random.below(int(std::size(kFeedback)))]), true,
                        storyBit(StoryKind::TrialCanceled));
        return false;
    }
    advance(willEnd);
    emitSubscription("customer.subscription.trial_will_end", nullptr, false);
    if (m_customer.hasCard)
        previewNextInvoice();

    advance(trialEnd);
    const DemoSubscription before = s;
    if (m_trialOutcome == TrialOutcome::Pause) {
        s.status = QStringLiteral("paused");
        emitSubscription("customer.subscription.updated", &before, false, storyBit(StoryKind::TrialPaused));
        advance(m_now + 1);
        emitSubscription("customer.subscription.paused", nullptr, false);
        m_endedAt = m_now;
        return false;
    }
    s.status = QStringLiteral("active");
    s.periodStart = trialEnd;
    s.periodEnd = addInterval(trialEnd, s.price->interval);
    DemoInvoice invoice = openInvoice(QStringLiteral("subscription_cycle"), trialEnd, s.periodStart,
                                      s.periodEnd, before.periodStart, trialEnd);
    s.latestInvoice = invoice.id;
    emitSubscription("customer.subscription.updated", &before, false, storyBit(StoryKind::TrialConverted));
    return collect(invoice, 0.12, 0);
}

void CustomerStory::runBillingPeriods()
{
    DemoSubscription& s = m_subscription;
    while (m_now <= m_end) {
        const std::int64_t periodEnd = s.periodEnd;
        const double changeChance = s.price->interval == QLatin1String("month") ? 0.14 : 0.05;
        if (periodEnd - m_now > 6 * kDay && m_random.chance(changeChance))
            changePlan();
        const double cancelChance = s.price->interval == QLatin1String("month") ? 0.07 : 0.12;
        if (periodEnd - m_now > 2 * kDay && m_random.chance(cancelChance))
            requestCancellation();
        if (!s.cancelAtPeriodEnd && periodEnd - 3 * kDay > m_now) {
            advance(periodEnd - 3 * kDay);
            previewNextInvoice();
        }
        advance(periodEnd);
        if (s.cancelAtPeriodEnd) {
            endSubscription(s.cancellation.reason, s.cancellation.feedback, false, 0);
            return;
        }
        const DemoSubscription before = s;
        s.periodStart = periodEnd;
        s.periodEnd = addInterval(periodEnd, s.price->interval);
        DemoInvoice invoice = openInvoice(QStringLiteral("subscription_cycle"), periodEnd, s.periodStart,
                                          s.periodEnd, before.periodStart, periodEnd);
        s.latestInvoice = invoice.id;
        emitSubscription("customer.subscription.updated", &before, false);
        if (!collect(invoice, 0.08, storyBit(StoryKind::Renewal)))
            return;
    }
}

bool CustomerStory::collect(DemoInvoice& invoice, double failureChance, std::uint32_t storiesOnSuccess)
{
    advance(invoice.created + 1);
    emitInvoice("invoice.created", invoice);
    // Stripe leaves subscription invoices in draft for about an hour before finalizing and charging.
    finalize(invoice, advance(invoice.created + kHour + m_random.between(0, 120)));
    emitInvoice("invoice.finalized", invoice);
    std::int64_t attemptAt = m_now + m_random.between(3, 40);

    const bool fails = m_random.chance(failureChance);
    const bool recovers = fails && m_random.chance(0.6);
    const int failures = !fails ? 0 : recovers ? int(m_random.between(1, 3)) : 4;
    std::vector<std::int64_t> attempts{attemptAt};
    // Smart Retries spreads its attempts over about two weeks.
    for (int i = 1; i <= failures; ++i)
        attempts.push_back(attempts.back() + m_random.between(2 * kDay, 4 * kDay) +
                           m_random.between(0, 8 * kHour));

    const Decline& decline = kDeclines[m_random.below(int(std::size(kDeclines)))];
    for (int i = 0; i < failures; ++i) {
        advance(attempts[std::size_t(i)]);
        DemoCharge& charge = addCharge(invoice.amount, false, QStringLiteral("Subscription update"));
        charge.failureCode = QLatin1String(decline.code);
        charge.declineCode = QLatin1String(decline.declineCode);
        charge.failureMessage = QLatin1String(decline.message);
        emitCharge("charge.failed", charge);
        invoice.attempted = true;
        invoice.attemptCount = i + 1;
        const bool last = !recovers && i + 1 == failures;
        invoice.nextPaymentAttempt =
            last ? std::nullopt : std::optional<std::int64_t>(attempts[std::size_t(i) + 1]);
        advance(m_now + m_random.between(1, 3));
        emitInvoice("invoice.payment_failed", invoice);
        if (i == 0) {
            const DemoSubscription before = m_subscription;
            m_subscription.status = QStringLiteral("past_due");
            m_customer.delinquent = true;
            advance(m_now + 1);
            emitSubscription("customer.subscription.updated", &before, false);
        }
    }
    if (fails && !recovers) {
        advance(m_now + m_random.between(1, 3));
        endSubscription(QStringLiteral("payment_failed"), QString(), false,
                        storyBit(StoryKind::PaymentFailedCanceled));
        return false;
    }
    advance(attempts.back());
    DemoCharge& charge = addCharge(invoice.amount, true, QStringLiteral("Subscription update"));
    emitCharge("charge.succeeded", charge);
    invoice.status = QStringLiteral("paid");
    invoice.attempted = true;
    invoice.attemptCount = failures + 1;
    invoice.autoAdvance = false;
    invoice.nextPaymentAttempt.reset();
    invoice.amountPaid = invoice.amount;
    invoice.paidAt = advance(m_now + m_random.between(1, 3));
    emitInvoice("invoice.paid", invoice, fails ? storyBit(StoryKind::PaymentRecovered) : storiesOnSuccess);
    if (fails) {
        const DemoSubscription before = m_subscription;
        m_subscription.status = QStringLiteral("active");
        m_customer.delinquent = false;
        advance(m_now + 1);
        emitSubscription("customer.subscription.updated", &before, false);
    }
    return true;
}

void CustomerStory::changePlan()
{
    DemoSubscription& s = m_subscription;
    const int rank = s.price->product->rank;
    const bool upgrade = rank == 0 || (rank == 1 && m_random.chance(0.7));
    const int newRank = upgrade ? rank + 1 : rank - 1;
    advance(m_random.between(m_now + kDay, s.periodEnd - 5 * kDay));
    const DemoSubscription before = s;
    s.price = m_catalog.price(newRank, s.price->interval, s.price->currency);
    if (newRank == 0)
        s.quantity = 1;
    else if (m_random.chance(0.2))
        s.quantity = std::max(1, s.quantity + (upgrade ? 1 : -1));
    // Plan changes take effect without proration: the next renewal bills the new price.
    emitSubscription("customer.subscription.updated", &before, true,
                     storyBit(upgrade ? StoryKind::Upgrade : StoryKind::Downgrade));
}

void CustomerStory::requestCancellation()
{
    DemoSubscription& s = m_subscription;
    advance(m_random.between(m_now + kHour, s.periodEnd - kDay));
    const DemoSubscription before = s;
    s.cancelAtPeriodEnd = true;
    s.cancelAt = s.periodEnd;
    s.canceledAt = m_now;
    s.cancellation.reason = QStringLiteral("cancellation_requested");
    s.cancellation.feedback = QLatin1String(kFeedback[m_random.below(int(std::size(kFeedback)))]);
    emitSubscription("customer.subscription.updated", &before, true, storyBit(StoryKind::VoluntaryCancel));
}

void CustomerStory::previewNextInvoice()
{
    const DemoSubscription& s = m_subscription;
    const std::int64_t nextStart = s.periodEnd;
    DemoInvoice preview = openInvoice(QStringLiteral("upcoming"), m_now, nextStart,
                                      addInterval(nextStart, s.price->interval), s.periodStart, nextStart);
    preview.id.clear();
    preview.lineId = m_random.id("il_tmp_", 24);
    preview.nextPaymentAttempt = nextStart + kHour;
    advance(m_now + m_random.between(0, 5));
    emitInvoice("invoice.upcoming", preview);
}

void CustomerStory::endSubscription(const QString& reason, const QString& feedback, bool byRequest,
                                    std::uint32_t stories)
{
    DemoSubscription& s = m_subscription;
    s.status = QStringLiteral("canceled");
    if (!s.canceledAt)
        s.canceledAt = m_now;
    s.endedAt = m_now;
    s.cancellation.reason = reason;
    s.cancellation.feedback = feedback;
    m_customer.delinquent = false;
    emitSubscription("customer.subscription.deleted", nullptr, byRequest, stories);
    m_endedAt = m_now;
}

void CustomerStory::maybeDeleteCustomer()
{
    if (m_endedAt == 0 || !m_random.chance(0.35))
        return;
    advance(m_endedAt + m_random.between(kDay, 20 * kDay));
    emitCustomer("customer.deleted", nullptr, true, storyBit(StoryKind::CustomerDeleted));
    // A deleted customer has nothing more to say.
    m_sideEvents.clear();
}

void CustomerStory::refund(DemoCharge& charge)
{
    std::int64_t refunded = 0;
    for (const DemoRefund& r : charge.refunds)
        refunded += r.amount;
    const bool full = m_random.chance(0.35);
    std::int64_t amount =
        full ? charge.amount - refunded
             : std::max<std::int64_t>(100, (charge.amount * m_random.between(10, 50) / 100) / 100 * 100);
    amount = std::min(amount, charge.amount - refunded);
    if (amount <= 0)
        return;
    DemoRefund r;
    r.id = m_random.id("re_", 24);
    r.balanceTransaction = m_random.id("txn_", 24);
    r.amount = amount;
    r.created = m_now;
    r.reason = QStringLiteral("requested_by_customer");
    r.cardReference = m_random.token(23);
    charge.refunds.push_back(r);
    emitCharge("charge.refunded", charge, storyBit(StoryKind::Refund));
}

void CustomerStory::dispute(DemoCharge& charge)
{
    if (!charge.refunds.empty())
        return;
    static constexpr const char* kReasons[] = {"fraudulent", "subscription_canceled", "product_not_received",
                                               "general", "duplicate"};
    static constexpr const char* kCodes[] = {"4853", "4837", "10.4", "13.2", "13.1"};
    const int which = m_random.below(int(std::size(kReasons)));
    charge.disputed = true;
    DemoDispute d;
    d.id = m_random.id("du_", 24);
    d.amount = charge.amount;
    d.currency = charge.currency;
    d.chargeId = charge.id;
    d.paymentIntentId = charge.paymentIntentId;
    d.created = m_now;
    d.reason = QLatin1String(kReasons[which]);
    d.networkReasonCode = QLatin1String(kCodes[which]);
    m_sink.add(
        "charge.dispute.created", m_now, m_customer.id,
        [&](JsonWriter& w) { DisputeJson::write(w, d, m_customer.card); }, {}, false,
        storyBit(StoryKind::Dispute));
}

void CustomerStory::changeProfile()
{
    const DemoCustomer before = m_customer;
    const int what = m_random.below(10);
    if (what < 5) {
        m_customer.email = m_people.otherEmail(m_random, m_customer);
    } else if (what < 8) {
        m_customer.address.line1 = QStringLiteral("%1 ").arg(m_random.between(2, 300)) +
                                   m_customer.address.line1.section(QLatin1Char(' '), 1);
        m_customer.address.line2 =
            m_random.chance(0.5) ? QStringLiteral("Floor %1").arg(m_random.between(2, 9)) : QString();
    } else {
        m_customer.phone = m_customer.phone.isEmpty()
                               ? QStringLiteral("+1 206 555 01%1").arg(m_random.between(10, 99))
                               : QString();
    }
    emitCustomer("customer.updated", &before, true, storyBit(StoryKind::CustomerUpdated));
}

DemoInvoice CustomerStory::openInvoice(const QString& billingReason, std::int64_t created,
                                       std::int64_t lineStart, std::int64_t lineEnd, std::int64_t periodStart,
                                       std::int64_t periodEnd)
{
    const DemoSubscription& s = m_subscription;
    DemoInvoice invoice;
    invoice.id = m_random.id("in_", 24);
    invoice.lineId = m_random.id("il_", 24);
    invoice.hostedToken = m_random.token(44);
    invoice.subscriptionId = s.id;
    invoice.subscriptionItemId = s.itemId;
    invoice.workspace = s.workspace;
    invoice.price = s.price;
    invoice.quantity = s.quantity;
    invoice.amount = s.price->unitAmount * s.quantity;
    invoice.billingReason = billingReason;
    invoice.created = created;
    invoice.lineStart = lineStart;
    invoice.lineEnd = lineEnd;
    invoice.periodStart = periodStart;
    invoice.periodEnd = periodEnd;
    return invoice;
}

void CustomerStory::finalize(DemoInvoice& invoice, std::int64_t at)
{
    invoice.status = QStringLiteral("open");
    invoice.finalizedAt = at;
    invoice.webhooksDeliveredAt = invoice.created + 2;
    invoice.number = QStringLiteral("%1-%2")
                         .arg(m_customer.invoicePrefix)
                         .arg(m_customer.nextInvoiceSequence, 4, 10, QLatin1Char('0'));
    ++m_customer.nextInvoiceSequence;
}

DemoCharge& CustomerStory::addCharge(std::int64_t amount, bool succeeded, const QString& description)
{
    DemoCharge charge;
    charge.id = m_random.id("ch_", 24);
    charge.paymentIntentId = m_random.id("pi_", 24);
    charge.balanceTransaction = m_random.id("txn_", 24);
    charge.description = description;
    charge.receiptToken = m_random.token(56);
    charge.amount = amount;
    charge.currency = m_subscription.price->currency;
    charge.created = m_now;
    charge.succeeded = succeeded;
    charge.riskScore = int(m_random.between(5, 60));
    if (succeeded) {
        charge.authorizationCode = QString::number(m_random.between(100000, 999999));
        charge.networkTransactionId = m_random.token(15).toUpper();
    }
    m_charges.push_back(charge);
    const std::size_t index = m_charges.size() - 1;
    if (succeeded && amount > 0) {
        if (m_random.chance(0.06))
            m_sideEvents.push_back({m_now + m_random.between(kDay, 12 * kDay), SideEvent::Refund, index});
        else if (m_random.chance(0.025))
            m_sideEvents.push_back(
                {m_now + m_random.between(6 * kDay, 40 * kDay), SideEvent::Dispute, index});
    }
    return m_charges.back();
}

} // namespace billbridge::demo
