#include "customers/customerhistory.h"
#include "support/fixtures.h"
#include "support/tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace billbridge;
using customers::AttributeChange;
using customers::CustomerState;
using Kind = customers::AttributeChange::Kind;

namespace {

const QString kCustomer = QStringLiteral("cus_HistoryTest01");

QByteArray eventBytes(const QString& id, const QString& type, qint64 created, const QJsonObject& object,
                      const QJsonObject& previous = {})
{
    QJsonObject data{{QStringLiteral("object"), object}};
    if (!previous.isEmpty())
        data.insert(QStringLiteral("previous_attributes"), previous);
    const QJsonObject event{{QStringLiteral("id"), id},
                            {QStringLiteral("object"), QStringLiteral("event")},
                            {QStringLiteral("api_version"), QStringLiteral("2026-07-29.dahlia")},
                            {QStringLiteral("created"), created},
                            {QStringLiteral("livemode"), false},
                            {QStringLiteral("type"), type},
                            {QStringLiteral("data"), data}};
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

QJsonObject price(const QString& id, const QString& nickname, qint64 unitAmount)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("object"), QStringLiteral("price")},
            {QStringLiteral("nickname"), nickname},
            {QStringLiteral("lookup_key"), nickname.toLower().replace(QLatin1Char(' '), QLatin1Char('_'))},
            {QStringLiteral("product"), QStringLiteral("prod_HistoryTest")},
            {QStringLiteral("currency"), QStringLiteral("usd")},
            {QStringLiteral("unit_amount"), unitAmount},
            {QStringLiteral("recurring"), QJsonObject{{QStringLiteral("interval"), QStringLiteral("month")},
                                                      {QStringLiteral("interval_count"), 1}}}};
}

QJsonObject subscription(const QString& id, const QString& status, qint64 created, qint64 periodStart,
                         const QJsonObject& itemPrice = price(QStringLiteral("price_team"),
                                                              QStringLiteral("Team monthly"), 4900))
{
    const QJsonObject item{{QStringLiteral("id"), QString(QStringLiteral("si_") + id)},
                           {QStringLiteral("object"), QStringLiteral("subscription_item")},
                           {QStringLiteral("current_period_start"), periodStart},
                           {QStringLiteral("current_period_end"), periodStart + 30 * 86400},
                           {QStringLiteral("price"), itemPrice},
                           {QStringLiteral("quantity"), 3}};
    return {{QStringLiteral("id"), id},
            {QStringLiteral("object"), QStringLiteral("subscription")},
            {QStringLiteral("customer"), kCustomer},
            {QStringLiteral("status"), status},
            {QStringLiteral("created"), created},
            {QStringLiteral("cancel_at"), QJsonValue::Null},
            {QStringLiteral("cancel_at_period_end"), false},
            {QStringLiteral("canceled_at"), QJsonValue::Null},
            {QStringLiteral("trial_end"), created + 14 * 86400},
            {QStringLiteral("items"), QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                                  {QStringLiteral("data"), QJsonArray{item}}}}};
}

QJsonObject invoice(const QString& id, const QString& subscriptionId, const QString& status, int attempts,
                    const QJsonValue& nextAttempt = QJsonValue::Null)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("object"), QStringLiteral("invoice")},
            {QStringLiteral("customer"), kCustomer},
            {QStringLiteral("customer_email"), QStringLiteral("invoice.copy@example.com")},
            {QStringLiteral("status"), status},
            {QStringLiteral("amount_due"), 4900},
            {QStringLiteral("currency"), QStringLiteral("usd")},
            {QStringLiteral("attempt_count"), attempts},
            {QStringLiteral("next_payment_attempt"), nextAttempt},
            {QStringLiteral("parent"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("subscription_details")},
                         {QStringLiteral("subscription_details"),
                          QJsonObject{{QStringLiteral("subscription"), subscriptionId}}}}}};
}

QJsonObject customer(bool delinquent = false, qint64 balance = 0)
{
    return {{QStringLiteral("id"), kCustomer},
            {QStringLiteral("object"), QStringLiteral("customer")},
            {QStringLiteral("email"), QStringLiteral("ada@example.com")},
            {QStringLiteral("name"), QStringLiteral("Ada Lovelace")},
            {QStringLiteral("delinquent"), delinquent},
            {QStringLiteral("balance"), balance},
            {QStringLiteral("currency"), QStringLiteral("usd")}};
}

// Events as the store hands them back: fields parsed at intake, seq in arrival order.
struct History {
    std::vector<store::StoredEvent> events;

    void add(const QByteArray& raw)
    {
        store::StoredEvent event;
        event.seq = static_cast<std::int64_t>(events.size()) + 1;
        event.raw = raw;
        if (const auto fields = stripe::parseStripeEvent(raw).fields)
            event.fields = *fields;
        events.push_back(std::move(event));
    }
    void addFixture(const QString& name) { add(test::Fixtures::load(name)); }
};

const AttributeChange* changeAt(const std::vector<AttributeChange>& changes, const QString& path)
{
    for (const AttributeChange& change : changes) {
        if (change.path == path)
            return &change;
    }
    return nullptr;
}

} // namespace

class TestCustomerHistory final : public QObject {
    Q_OBJECT

private slots:
    void diffOfTopLevelAndNestedFields()
    {
        QJsonObject object = subscription(QStringLiteral("sub_A"), QStringLiteral("past_due"), 1000, 1000);
        object.insert(QStringLiteral("cancellation_details"),
                      QJsonObject{{QStringLiteral("comment"), QJsonValue::Null},
                                  {QStringLiteral("reason"), QStringLiteral("payment_failed")}});
        const QJsonObject previous{{QStringLiteral("status"), QStringLiteral("active")},
                                   {QStringLiteral("cancellation_details"),
                                    QJsonObject{{QStringLiteral("reason"), QJsonValue::Null}}}};
        const auto changes = customers::attributeChanges(
            eventBytes(QStringLiteral("evt_diff1"), QStringLiteral("customer.subscription.updated"), 1000,
                       object, previous));
        QCOMPARE(changes.size(), std::size_t(2));
        // Path order: the nested field sorts before "status".
        QCOMPARE(changes[0].path, QStringLiteral("cancellation_details.reason"));
        QCOMPARE(changes[0].kind, Kind::Added);
        QCOMPARE(changes[0].after.toString(), QStringLiteral("payment_failed"));
        QCOMPARE(changes[1].path, QStringLiteral("status"));
        QCOMPARE(changes[1].kind, Kind::Changed);
        QCOMPARE(changes[1].before.toString(), QStringLiteral("active"));
        QCOMPARE(changes[1].after.toString(), QStringLiteral("past_due"));
    }

    void diffOfRemovedFields()
    {
        QJsonObject object = subscription(QStringLiteral("sub_A"), QStringLiteral("active"), 1000, 1000);
        object.remove(QStringLiteral("trial_end"));
        const QJsonObject previous{{QStringLiteral("cancel_at"), 1790000000},
                                   {QStringLiteral("trial_end"), 1789000000},
                                   {QStringLiteral("pause_collection"), QJsonValue::Null}};
        const auto changes = customers::attributeChanges(
            eventBytes(QStringLiteral("evt_diff2"), QStringLiteral("customer.subscription.updated"), 1000,
                       object, previous));
        // null before and absent now is no change at all.
        QCOMPARE(changes.size(), std::size_t(2));
        const AttributeChange* cancelAt = changeAt(changes, QStringLiteral("cancel_at"));
        QVERIFY(cancelAt);
        QCOMPARE(cancelAt->kind, Kind::Removed);
        QCOMPARE(customers::attributeValueText(cancelAt->before), QStringLiteral("1790000000"));
        QVERIFY(customers::attributeValueText(cancelAt->after).isEmpty());
        const AttributeChange* trialEnd = changeAt(changes, QStringLiteral("trial_end"));
        QVERIFY(trialEnd);
        QCOMPARE(trialEnd->kind, Kind::Removed);
        QVERIFY(trialEnd->after.isUndefined());
    }

    void diffComparesArraysWhole()
    {
        const QJsonObject object =
            subscription(QStringLiteral("sub_A"), QStringLiteral("active"), 1000, 2000,
                         price(QStringLiteral("price_biz"), QStringLiteral("Business"), 14900));
        const QJsonObject old = subscription(QStringLiteral("sub_A"), QStringLiteral("active"), 1000, 2000);
        const QJsonObject previous{
            {QStringLiteral("items"),
             QJsonObject{{QStringLiteral("data"),
                          old.value(QStringLiteral("items")).toObject().value(QStringLiteral("data"))}}}};
        const auto changes = customers::attributeChanges(
            eventBytes(QStringLiteral("evt_diff3"), QStringLiteral("customer.subscription.updated"), 2000,
                       object, previous));
        QCOMPARE(changes.size(), std::size_t(1));
        QCOMPARE(changes[0].path, QStringLiteral("items.data"));
        QVERIFY(changes[0].before.isArray());
        QVERIFY(changes[0].after.isArray());
        QVERIFY(customers::attributeValueText(changes[0].after).contains(QStringLiteral("price_biz")));
    }

    void diffOfRealFixtures()
    {
        const auto pastDue = customers::attributeChanges(
            test::Fixtures::load(QStringLiteral("maren-11-customer.subscription.updated")));
        QCOMPARE(pastDue.size(), std::size_t(1));
        QCOMPARE(pastDue[0].path, QStringLiteral("status"));
        QCOMPARE(pastDue[0].before.toString(), QStringLiteral("active"));
        QCOMPARE(pastDue[0].after.toString(), QStringLiteral("past_due"));

        const auto cancel = customers::attributeChanges(
            test::Fixtures::load(QStringLiteral("maren-16-customer.subscription.updated")));
        const AttributeChange* atPeriodEnd = changeAt(cancel, QStringLiteral("cancel_at_period_end"));
        QVERIFY(atPeriodEnd);
        QCOMPARE(atPeriodEnd->before.toBool(), false);
        QCOMPARE(atPeriodEnd->after.toBool(), true);
        const AttributeChange* cancelAt = changeAt(cancel, QStringLiteral("cancel_at"));
        QVERIFY(cancelAt);
        QCOMPARE(cancelAt->kind, Kind::Added);

        // The upgrade replaced the item's price: one whole-array change, not one per nested field.
        const auto upgrade = customers::attributeChanges(
            test::Fixtures::load(QStringLiteral("maren-08-customer.subscription.updated")));
        const AttributeChange* items = changeAt(upgrade, QStringLiteral("items.data"));
        QVERIFY(items);
        QVERIFY(customers::attributeValueText(items->before).contains(QStringLiteral("Team monthly")));
        QVERIFY(customers::attributeValueText(items->after).contains(QStringLiteral("Business monthly")));

        QVERIFY(customers::attributeChanges(test::Fixtures::load(QStringLiteral("maren-13-invoice.paid")))
                    .empty());
    }

    void diffOfMalformedBytesIsEmpty()
    {
        QVERIFY(customers::attributeChanges(QByteArrayLiteral("{not json")).empty());
        QVERIFY(customers::attributeChanges(QByteArrayLiteral("[1,2]")).empty());
        QVERIFY(customers::attributeChanges(QByteArrayLiteral("{\"data\":{\"previous_attributes\":{}}}"))
                    .empty());
        QVERIFY(!customers::digestEvent(QByteArrayLiteral("")).valid);
    }

    void lifecycleFromTrialToCancellation()
    {
        const QString sub = QStringLiteral("sub_Life");
        const qint64 t0 = 1788000000;
        History history;
        history.add(
            eventBytes(QStringLiteral("evt_l01"), QStringLiteral("customer.created"), t0, customer()));
        history.add(eventBytes(QStringLiteral("evt_l02"), QStringLiteral("customer.subscription.created"),
                               t0 + 5, subscription(sub, QStringLiteral("trialing"), t0 + 5, t0 + 5)));

        CustomerState state = customers::deriveCustomerState(history.events);
        QCOMPARE(state.customerId, kCustomer);
        QCOMPARE(state.email, QStringLiteral("ada@example.com"));
        QCOMPARE(state.name, QStringLiteral("Ada Lovelace"));
        QVERIFY(state.current());
        QCOMPARE(state.current()->status, QStringLiteral("trialing"));
        QCOMPARE(state.current()->trialEnd, std::optional<std::int64_t>(t0 + 5 + 14 * 86400));
        QCOMPARE(state.current()->plan.displayName(), QStringLiteral("Team monthly"));
        QCOMPARE(state.current()->plan.unitAmount, std::optional<std::int64_t>(4900));
        QCOMPARE(state.current()->plan.quantity, std::optional<std::int64_t>(3));
        QCOMPARE(state.current()->plan.interval, QStringLiteral("month"));
        QCOMPARE(state.current()->plan.productId, QStringLiteral("prod_HistoryTest"));

        const qint64 t1 = t0 + 14 * 86400;
        history.add(eventBytes(QStringLiteral("evt_l03"), QStringLiteral("customer.subscription.updated"), t1,
                               subscription(sub, QStringLiteral("active"), t0 + 5, t1),
                               {{QStringLiteral("status"), QStringLiteral("trialing")}}));
        history.add(
            eventBytes(QStringLiteral("evt_l04"), QStringLiteral("invoice.payment_failed"), t1 + 10,
                       invoice(QStringLiteral("in_1"), sub, QStringLiteral("open"), 1, t1 + 3 * 86400)));
        history.add(eventBytes(QStringLiteral("evt_l05"), QStringLiteral("customer.subscription.updated"),
                               t1 + 11, subscription(sub, QStringLiteral("past_due"), t0 + 5, t1),
                               {{QStringLiteral("status"), QStringLiteral("active")}}));
        state = customers::deriveCustomerState(history.events);
        QCOMPARE(state.current()->status, QStringLiteral("past_due"));
        QVERIFY(state.isDelinquent());
        QVERIFY(!state.flaggedDelinquent);
        QVERIFY(state.current()->hasUnpaidFailure);
        QVERIFY(state.lastPaymentFailure);
        QCOMPARE(state.lastPaymentFailure->attemptCount, 1);
        QCOMPARE(state.lastPaymentFailure->amount, std::optional<std::int64_t>(4900));
        QCOMPARE(state.lastPaymentFailure->nextPaymentAttempt, std::optional<std::int64_t>(t1 + 3 * 86400));
        QCOMPARE(state.lastPaymentFailure->subscriptionId, sub);

        history.add(eventBytes(QStringLiteral("evt_l06"), QStringLiteral("invoice.paid"), t1 + 3 * 86400,
                               invoice(QStringLiteral("in_1"), sub, QStringLiteral("paid"), 2)));
        history.add(eventBytes(QStringLiteral("evt_l07"), QStringLiteral("customer.subscription.updated"),
                               t1 + 3 * 86400 + 1, subscription(sub, QStringLiteral("active"), t0 + 5, t1),
                               {{QStringLiteral("status"), QStringLiteral("past_due")}}));
        state = customers::deriveCustomerState(history.events);
        QCOMPARE(state.current()->status, QStringLiteral("active"));
        QVERIFY(!state.isDelinquent());
        // The failure stays on record even once it is paid.
        QVERIFY(state.lastPaymentFailure);

        QJsonObject canceled = subscription(sub, QStringLiteral("canceled"), t0 + 5, t1);
        canceled.insert(QStringLiteral("canceled_at"), t1 + 20 * 86400);
        history.add(eventBytes(QStringLiteral("evt_l08"), QStringLiteral("customer.subscription.deleted"),
                               t1 + 20 * 86400, canceled));
        state = customers::deriveCustomerState(history.events);
        QCOMPARE(state.subscriptions.size(), std::size_t(1));
        QCOMPARE(state.current()->status, QStringLiteral("canceled"));
        QVERIFY(state.current()->isEnded());
        QCOMPARE(state.current()->canceledAt, std::optional<std::int64_t>(t1 + 20 * 86400));
        QCOMPARE(state.eventsUsed, 8);
        QCOMPARE(state.firstEventCreated, std::optional<std::int64_t>(t0));
    }

    void olderSnapshotArrivingLaterDoesNotRollBack()
    {
        const QString sub = QStringLiteral("sub_Order");
        History history;
        history.add(eventBytes(QStringLiteral("evt_o1"), QStringLiteral("customer.subscription.updated"),
                               5000, subscription(sub, QStringLiteral("past_due"), 1000, 4000)));
        // Delivered second, but describes an earlier moment.
        history.add(eventBytes(QStringLiteral("evt_o2"), QStringLiteral("customer.subscription.updated"),
                               3000, subscription(sub, QStringLiteral("active"), 1000, 2000)));
        CustomerState state = customers::deriveCustomerState(history.events);
        QCOMPARE(state.current()->status, QStringLiteral("past_due"));
        QCOMPARE(state.current()->lastEventCreated, std::int64_t(5000));

        // Same second: the snapshot whose billing period started later is the newer one.
        History sameSecond;
        sameSecond.add(eventBytes(QStringLiteral("evt_s1"), QStringLiteral("customer.subscription.updated"),
                                  7000, subscription(sub, QStringLiteral("active"), 1000, 6999)));
        sameSecond.add(eventBytes(QStringLiteral("evt_s2"), QStringLiteral("customer.subscription.updated"),
                                  7000, subscription(sub, QStringLiteral("trialing"), 1000, 1000)));
        state = customers::deriveCustomerState(sameSecond.events);
        QCOMPARE(state.current()->status, QStringLiteral("active"));

        // A payment failure delivered after the paid invoice that settled it leaves no debt.
        History payments;
        payments.add(eventBytes(QStringLiteral("evt_p2"), QStringLiteral("invoice.paid"), 9000,
                                invoice(QStringLiteral("in_9"), sub, QStringLiteral("paid"), 2)));
        payments.add(eventBytes(QStringLiteral("evt_p1"), QStringLiteral("invoice.payment_failed"), 8000,
                                invoice(QStringLiteral("in_9"), sub, QStringLiteral("open"), 1, 9000)));
        state = customers::deriveCustomerState(payments.events);
        QVERIFY(!state.isDelinquent());
        QVERIFY(state.lastPaymentFailure);
    }

    void deletedCustomerFromFixtures()
    {
        History history;
        for (const QString& name : test::Fixtures::names()) {
            if (name.startsWith(QLatin1String("tobias-")))
                history.addFixture(name);
        }
        const CustomerState state = customers::deriveCustomerState(history.events);
        QCOMPARE(state.customerId, QStringLiteral("cus_T3st9APTPXIe34"));
        QCOMPARE(state.email, QStringLiteral("tobias.okafor@example.com"));
        QVERIFY(state.deleted);
        QCOMPARE(state.current()->status, QStringLiteral("canceled"));
        // Four attempts failed and Stripe gave up; nothing was ever paid.
        QVERIFY(state.isDelinquent());
        QVERIFY(state.lastPaymentFailure);
        QCOMPARE(state.lastPaymentFailure->attemptCount, 4);
        QVERIFY(!state.lastPaymentFailure->nextPaymentAttempt);
        QCOMPARE(state.eventsSkipped, 0);
    }

    void recoveredCustomerFromFixtures()
    {
        History history;
        for (const QString& name : test::Fixtures::names()) {
            if (name.startsWith(QLatin1String("maren-")))
                history.addFixture(name);
        }
        // Arrival order reversed: the result must not depend on it.
        std::reverse(history.events.begin(), history.events.end());
        const CustomerState state = customers::deriveCustomerState(history.events);
        QCOMPARE(state.name, QStringLiteral("Maren Holloway"));
        QVERIFY(!state.deleted);
        QVERIFY(!state.isDelinquent());
        QCOMPARE(state.subscriptions.size(), std::size_t(1));
        const customers::SubscriptionState* current = state.current();
        QCOMPARE(current->status, QStringLiteral("canceled"));
        QCOMPARE(current->plan.displayName(), QStringLiteral("Business monthly"));
        QCOMPARE(current->plan.unitAmount, std::optional<std::int64_t>(14900));
        QVERIFY(current->cancelAtPeriodEnd);
        QCOMPARE(current->cancelAt, std::optional<std::int64_t>(1794734054));
        QCOMPARE(current->currentPeriodEnd, std::optional<std::int64_t>(1794734054));
        QCOMPARE(state.lastPaymentFailure->attemptCount, 2);
    }

    void severalSubscriptions()
    {
        History history;
        history.add(
            eventBytes(QStringLiteral("evt_m1"), QStringLiteral("customer.subscription.created"), 1000,
                       subscription(QStringLiteral("sub_Old"), QStringLiteral("active"), 1000, 1000)));
        history.add(eventBytes(QStringLiteral("evt_m2"), QStringLiteral("customer.subscription.created"),
                               2000,
                               subscription(QStringLiteral("sub_New"), QStringLiteral("trialing"), 2000, 2000,
                                            price(QStringLiteral("price_addon"), QString(), 900))));
        CustomerState state = customers::deriveCustomerState(history.events);
        QCOMPARE(state.subscriptions.size(), std::size_t(2));
        QCOMPARE(state.subscriptions[0].id, QStringLiteral("sub_Old"));
        QCOMPARE(state.current()->id, QStringLiteral("sub_New"));
        // Neither nickname nor lookup key: the price id names the plan.
        QCOMPARE(state.current()->plan.displayName(), QStringLiteral("price_addon"));

        QJsonObject ended = subscription(QStringLiteral("sub_New"), QStringLiteral("canceled"), 2000, 2000);
        history.add(eventBytes(QStringLiteral("evt_m3"), QStringLiteral("customer.subscription.deleted"),
                               3000, ended));
        state = customers::deriveCustomerState(history.events);
        QCOMPARE(state.current()->id, QStringLiteral("sub_Old"));
        QCOMPARE(state.current()->status, QStringLiteral("active"));
    }

    void customerFlagsAndBalance()
    {
        History history;
        history.add(
            eventBytes(QStringLiteral("evt_c1"), QStringLiteral("customer.created"), 1000, customer()));
        history.add(eventBytes(QStringLiteral("evt_c2"), QStringLiteral("customer.updated"), 2000,
                               customer(true, -2500), {{QStringLiteral("delinquent"), false}}));
        const CustomerState state = customers::deriveCustomerState(history.events);
        QVERIFY(state.flaggedDelinquent);
        QVERIFY(state.isDelinquent());
        QCOMPARE(state.balance, std::optional<std::int64_t>(-2500));
        QCOMPARE(state.currency, QStringLiteral("usd"));
        QVERIFY(state.subscriptions.empty());
        QVERIFY(!state.current());
    }

    void malformedEventsAreSkipped()
    {
        History history;
        history.add(
            eventBytes(QStringLiteral("evt_b1"), QStringLiteral("customer.created"), 1000, customer()));
        store::StoredEvent broken;
        broken.seq = 99;
        broken.fields.id = QStringLiteral("evt_broken");
        broken.fields.created = 1500;
        broken.raw = QByteArrayLiteral("{\"id\":\"evt_broken\",\"data\":");
        history.events.push_back(broken);
        store::StoredEvent noObject = broken;
        noObject.raw = QByteArrayLiteral("{\"id\":\"evt_x\",\"data\":{\"object\":\"string\"}}");
        history.events.push_back(noObject);
        const CustomerState state = customers::deriveCustomerState(history.events);
        QCOMPARE(state.eventsSkipped, 2);
        QCOMPARE(state.eventsUsed, 1);
        QCOMPARE(state.email, QStringLiteral("ada@example.com"));

        QVERIFY(customers::deriveCustomerState({}).subscriptions.empty());
    }

    void emailFallsBackToInvoices()
    {
        History history;
        history.add(eventBytes(QStringLiteral("evt_f1"), QStringLiteral("invoice.payment_failed"), 1000,
                               invoice(QStringLiteral("in_f"), QString(), QStringLiteral("open"), 1)));
        const CustomerState state = customers::deriveCustomerState(history.events);
        QCOMPARE(state.email, QStringLiteral("invoice.copy@example.com"));
        QCOMPARE(state.customerId, kCustomer);
        // An invoice outside any subscription still counts.
        QVERIFY(state.hasUnpaidFailureOutsideSubscriptions);
        QVERIFY(state.isDelinquent());
    }

    void digestReadsRowFacts()
    {
        const customers::EventDigest digest =
            customers::digestEvent(test::Fixtures::load(QStringLiteral("maren-12-invoice.payment_failed")));
        QVERIFY(digest.valid);
        QCOMPARE(digest.objectType, QStringLiteral("invoice"));
        QCOMPARE(digest.amount, std::optional<std::int64_t>(14900));
        QCOMPARE(digest.currency, QStringLiteral("usd"));
        QCOMPARE(digest.attemptCount, std::optional<int>(2));
        QCOMPARE(digest.status, QStringLiteral("open"));
    }
};

QTEST_GUILESS_MAIN(TestCustomerHistory)
#include "tst_customerhistory.moc"
