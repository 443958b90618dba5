// Profile attributes from Stripe subscription and customer objects: MRR normalisation, plan naming and
// its fallbacks, periods in old and new API shapes.

#include "sync/profileattributes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace billbridge::sync;

namespace {

QJsonObject item(const QString& priceId, qint64 unitAmount, const QString& interval, int count, int quantity,
                 const QString& currency = QStringLiteral("usd"),
                 const QString& usage = QStringLiteral("licensed"))
{
    return QJsonObject{
        {QStringLiteral("id"), QString(QStringLiteral("si_") + priceId)},
        {QStringLiteral("quantity"), quantity},
        {QStringLiteral("price"),
         QJsonObject{{QStringLiteral("id"), priceId},
                     {QStringLiteral("product"), QStringLiteral("prod_1")},
                     {QStringLiteral("currency"), currency},
                     {QStringLiteral("unit_amount"), unitAmount},
                     {QStringLiteral("recurring"), QJsonObject{{QStringLiteral("interval"), interval},
                                                               {QStringLiteral("interval_count"), count},
                                                               {QStringLiteral("usage_type"), usage}}}}}};
}

QJsonObject subscription(const QJsonArray& items, const QString& currency = QStringLiteral("usd"),
                         const QString& status = QStringLiteral("active"))
{
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("sub_1")},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("currency"), currency},
                       {QStringLiteral("cancel_at_period_end"), false},
                       {QStringLiteral("canceled_at"), QJsonValue::Null},
                       {QStringLiteral("trial_end"), QJsonValue::Null},
                       {QStringLiteral("items"), QJsonObject{{QStringLiteral("data"), items}}}};
}

} // namespace

class TestProfileAttributes : public QObject {
    Q_OBJECT

private slots:
    void mrrNormalisation_data()
    {
        QTest::addColumn<QJsonArray>("items");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<double>("mrr");
        const QString usd = QStringLiteral("usd");
        const QString jpy = QStringLiteral("jpy");
        const QString kwd = QStringLiteral("kwd");
        QTest::newRow("month") << QJsonArray{item(QStringLiteral("p"), 4900, QStringLiteral("month"), 1, 1)}
                               << usd << 49.0;
        QTest::newRow("quarter") << QJsonArray{item(QStringLiteral("p"), 15000, QStringLiteral("month"), 3,
                                                    1)}
                                 << usd << 50.0;
        QTest::newRow("year") << QJsonArray{item(QStringLiteral("p"), 120000, QStringLiteral("year"), 1, 1)}
                              << usd << 100.0;
        QTest::newRow("two years") << QJsonArray{item(QStringLiteral("p"), 240000, QStringLiteral("year"), 2,
                                                      1)}
                                   << usd << 100.0;
        // 52 weeks in 12 months: 12 * 52 / 12 = 52.
        QTest::newRow("week") << QJsonArray{item(QStringLiteral("p"), 1200, QStringLiteral("week"), 1, 1)}
                              << usd << 52.0;
        QTest::newRow("week rounds to cents")
            << QJsonArray{item(QStringLiteral("p"), 4900, QStringLiteral("week"), 1, 1)} << usd << 212.33;
        QTest::newRow("fortnight") << QJsonArray{item(QStringLiteral("p"), 1200, QStringLiteral("week"), 2,
                                                      1)}
                                   << usd << 26.0;
        // 365 days in 12 months.
        QTest::newRow("day") << QJsonArray{item(QStringLiteral("p"), 1200, QStringLiteral("day"), 1, 1)}
                             << usd << 365.0;
        QTest::newRow("quantity") << QJsonArray{item(QStringLiteral("p"), 1000, QStringLiteral("month"), 1,
                                                     7)}
                                  << usd << 70.0;
        QTest::newRow("sum of items")
            << QJsonArray{item(QStringLiteral("a"), 4900, QStringLiteral("month"), 1, 1),
                          item(QStringLiteral("b"), 12000, QStringLiteral("year"), 1, 2)}
            << usd << 69.0;
        QTest::newRow("metered counts 0")
            << QJsonArray{item(QStringLiteral("a"), 4900, QStringLiteral("month"), 1, 1),
                          item(QStringLiteral("m"), 5, QStringLiteral("month"), 1, 1, usd,
                               QStringLiteral("metered"))}
            << usd << 49.0;
        QTest::newRow("jpy monthly") << QJsonArray{item(QStringLiteral("p"), 1000, QStringLiteral("month"), 1,
                                                        1, jpy)}
                                     << jpy << 1000.0;
        QTest::newRow("jpy yearly rounds to yen")
            << QJsonArray{item(QStringLiteral("p"), 10000, QStringLiteral("year"), 1, 1, jpy)} << jpy
            << 833.0;
        QTest::newRow("kwd three decimals")
            << QJsonArray{item(QStringLiteral("p"), 12345, QStringLiteral("month"), 1, 1, kwd)} << kwd
            << 12.345;
    }

    void mrrNormalisation()
    {
        QFETCH(QJsonArray, items);
        QFETCH(QString, currency);
        QFETCH(double, mrr);
        const QJsonObject sub = subscription(items, currency);
        QCOMPARE(mrrOf(sub), mrr);
        QCOMPARE(subscriptionAttributes(sub, {}).value(QStringLiteral("mrr")).toDouble(), mrr);
    }

    void mrrOnlyWhileEarning()
    {
        const QJsonArray items{item(QStringLiteral("p"), 4900, QStringLiteral("month"), 1, 1)};
        QCOMPARE(mrrOf(subscription(items, QStringLiteral("usd"), QStringLiteral("past_due"))), 49.0);
        for (const char* status :
             {"trialing", "canceled", "incomplete", "incomplete_expired", "paused", "unpaid"})
            QCOMPARE(mrrOf(subscription(items, QStringLiteral("usd"), QString::fromLatin1(status))), 0.0);
        // The list price is still known, for upgrade detection during a trial.
        QCOMPARE(monthlyMinorOfSubscription(
                     subscription(items, QStringLiteral("usd"), QStringLiteral("trialing"))),
                 4900.0);
    }

    void legacyPlanObject()
    {
        // Old payloads without a price: the plan carries amount and interval itself.
        const QJsonObject legacy{
            {QStringLiteral("quantity"), 2},
            {QStringLiteral("plan"), QJsonObject{{QStringLiteral("id"), QStringLiteral("gold")},
                                                 {QStringLiteral("amount"), 3000},
                                                 {QStringLiteral("interval"), QStringLiteral("year")},
                                                 {QStringLiteral("interval_count"), 1}}}};
        QCOMPARE(monthlyMinorOfItem(legacy), 500.0);
        QCOMPARE(
            subscriptionAttributes(subscription({legacy}), {}).value(QStringLiteral("plan_name")).toString(),
            QStringLiteral("gold"));
    }

    void planNameFallbacks()
    {
        QJsonObject withNames = item(QStringLiteral("price_9"), 4900, QStringLiteral("month"), 1, 1);
        QJsonObject price = withNames.value(QStringLiteral("price")).toObject();
        price.insert(QStringLiteral("nickname"), QStringLiteral("Team monthly"));
        price.insert(QStringLiteral("lookup_key"), QStringLiteral("team_monthly_usd"));
        withNames.insert(QStringLiteral("price"), price);

        QString askedPrice;
        QString askedProduct;
        const PlanLookup mapped = [&](const QString& priceId,
                                      const QString& productId) -> std::optional<PlanInfo> {
            askedPrice = priceId;
            askedProduct = productId;
            return PlanInfo{QStringLiteral("Team"), QStringLiteral("team"), QString()};
        };
        QJsonObject a = subscriptionAttributes(subscription({withNames}), mapped);
        QCOMPARE(askedPrice, QStringLiteral("price_9"));
        QCOMPARE(askedProduct, QStringLiteral("prod_1"));
        QCOMPARE(a.value(QStringLiteral("plan_name")).toString(), QStringLiteral("Team"));
        QCOMPARE(a.value(QStringLiteral("plan_tier")).toString(), QStringLiteral("team"));
        QCOMPARE(a.value(QStringLiteral("plan_interval")).toString(),
                 QStringLiteral("month")); // from the price
        QCOMPARE(a.value(QStringLiteral("plan_unmapped")).toBool(), false);

        const PlanLookup unmapped = [](const QString&, const QString&) { return std::optional<PlanInfo>(); };
        a = subscriptionAttributes(subscription({withNames}), unmapped);
        QCOMPARE(a.value(QStringLiteral("plan_name")).toString(), QStringLiteral("Team monthly"));
        QVERIFY(a.value(QStringLiteral("plan_tier")).isNull());
        QCOMPARE(a.value(QStringLiteral("plan_unmapped")).toBool(), true);

        price.remove(QStringLiteral("nickname"));
        withNames.insert(QStringLiteral("price"), price);
        a = subscriptionAttributes(subscription({withNames}), unmapped);
        QCOMPARE(a.value(QStringLiteral("plan_name")).toString(), QStringLiteral("team_monthly_usd"));

        price.remove(QStringLiteral("lookup_key"));
        withNames.insert(QStringLiteral("price"), price);
        a = subscriptionAttributes(subscription({withNames}), {}); // no lookup at all: unmapped too
        QCOMPARE(a.value(QStringLiteral("plan_name")).toString(), QStringLiteral("price_9"));
        QCOMPARE(a.value(QStringLiteral("plan_unmapped")).toBool(), true);
    }

    void primaryItemNamesThePlan()
    {
        const QJsonArray items{item(QStringLiteral("addon"), 500, QStringLiteral("month"), 1, 1),
                               item(QStringLiteral("main"), 4900, QStringLiteral("month"), 1, 1)};
        QCOMPARE(
            subscriptionAttributes(subscription(items), {}).value(QStringLiteral("plan_name")).toString(),
            QStringLiteral("main"));
        const QJsonArray quarterly{item(QStringLiteral("q"), 15000, QStringLiteral("month"), 3, 1)};
        QCOMPARE(subscriptionAttributes(subscription(quarterly), {})
                     .value(QStringLiteral("plan_interval"))
                     .toString(),
                 QStringLiteral("3 months"));
    }

    void periodEndFromItemsOrSubscription()
    {
        QJsonObject first = item(QStringLiteral("a"), 100, QStringLiteral("month"), 1, 1);
        first.insert(QStringLiteral("current_period_end"), 2000);
        QJsonObject second = item(QStringLiteral("b"), 100, QStringLiteral("month"), 1, 1);
        second.insert(QStringLiteral("current_period_end"), 1500);
        QCOMPARE(subscriptionAttributes(subscription({first, second}), {})
                     .value(QStringLiteral("current_period_end"))
                     .toInteger(),
                 1500);

        QJsonObject old = subscription({item(QStringLiteral("a"), 100, QStringLiteral("month"), 1, 1)});
        QVERIFY(subscriptionAttributes(old, {}).value(QStringLiteral("current_period_end")).isNull());
        old.insert(QStringLiteral("current_period_end"), 1234);
        QCOMPARE(subscriptionAttributes(old, {}).value(QStringLiteral("current_period_end")).toInteger(),
                 1234);
    }

    void lifecycleAttributes()
    {
        QJsonObject sub = subscription({item(QStringLiteral("a"), 100, QStringLiteral("month"), 1, 1)});
        sub.insert(QStringLiteral("cancel_at_period_end"), true);
        sub.insert(QStringLiteral("canceled_at"), 1700000000);
        sub.insert(QStringLiteral("trial_end"), 1690000000);
        const QJsonObject a = subscriptionAttributes(sub, {});
        QCOMPARE(a.value(QStringLiteral("cancel_at_period_end")).toBool(), true);
        QCOMPARE(a.value(QStringLiteral("canceled_at")).toInteger(), 1700000000);
        QCOMPARE(a.value(QStringLiteral("trial_end")).toInteger(), 1690000000);
        QCOMPARE(a.value(QStringLiteral("subscription_status")).toString(), QStringLiteral("active"));
        QCOMPARE(a.value(QStringLiteral("currency")).toString(), QStringLiteral("usd"));
    }

    void customerAndNames()
    {
        const QJsonObject customer{{QStringLiteral("id"), QStringLiteral("cus_1")},
                                   {QStringLiteral("email"), QStringLiteral("a@example.com")},
                                   {QStringLiteral("delinquent"), true}};
        QCOMPARE(customerAttributes(customer),
                 (QJsonObject{{QStringLiteral("email"), QStringLiteral("a@example.com")},
                              {QStringLiteral("stripe_customer_id"), QStringLiteral("cus_1")},
                              {QStringLiteral("delinquent"), true}}));
        AttributeNames names;
        names.email = QStringLiteral("billing_email");
        QVERIFY(customerAttributes(customer, names).contains(QStringLiteral("billing_email")));

        // The documented defaults.
        const AttributeNames d;
        const QStringList defaults{d.email,
                                   d.stripeCustomerId,
                                   d.planName,
                                   d.planTier,
                                   d.planInterval,
                                   d.mrr,
                                   d.currency,
                                   d.subscriptionStatus,
                                   d.trialEnd,
                                   d.currentPeriodEnd,
                                   d.cancelAtPeriodEnd,
                                   d.canceledAt,
                                   d.delinquent,
                                   d.failedPaymentCount,
                                   d.lastPaymentAt,
                                   d.lifetimeValue,
                                   d.planUnmapped};
        QCOMPARE(defaults.join(QLatin1Char(',')),
                 QStringLiteral("email,stripe_customer_id,plan_name,plan_tier,plan_interval,mrr,currency,"
                                "subscription_status,trial_end,current_period_end,cancel_at_period_end,"
                                "canceled_at,delinquent,failed_payment_count,last_payment_at,lifetime_value,"
                                "plan_unmapped"));
    }

    void garbageNeverCrashes()
    {
        const QJsonObject weird{{QStringLiteral("items"), 3}, {QStringLiteral("status"), QJsonArray{}}};
        QCOMPARE(mrrOf(weird), 0.0);
        const QJsonObject a = subscriptionAttributes(weird, {});
        QVERIFY(a.value(QStringLiteral("plan_name")).isNull());
        QCOMPARE(a.value(QStringLiteral("plan_unmapped")).toBool(), true);
        QVERIFY(customerAttributes({}).value(QStringLiteral("email")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestProfileAttributes)
#include "tst_profileattributes.moc"
