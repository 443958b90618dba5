#include "demo/demohistory.h"
#include "stripe/stripeevent.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace billbridge::demo;

namespace {

DemoOptions defaults(std::uint64_t seed = 7)
{
    DemoOptions options;
    options.seed = seed;
    options.endTime = 1795000000;
    return options;
}

QJsonObject object(const DemoEvent& event)
{
    return QJsonDocument::fromJson(event.raw)
        .object()
        .value(QStringLiteral("data"))
        .toObject()
        .value(QStringLiteral("object"))
        .toObject();
}

} // namespace

class TestDemoHistory : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { m_history = DemoHistory::generate(defaults()); }
    void sameSeedSameBytes();
    void differentSeedDifferentBytes();
    void envelopesParseAndNameTheCustomer();
    void idsAreUniqueAndStripeShaped();
    void eventsStayInsideTheWindowInOrder();
    void invoiceLifecycleIsConsistent();
    void subscriptionStatusTransitionsAreValid();
    void everyStoryKindAppears();
    void fastEnough();

private:
    DemoHistory m_history;
};

void TestDemoHistory::sameSeedSameBytes()
{
    const DemoHistory again = DemoHistory::generate(defaults());
    QCOMPARE(again.events().size(), m_history.events().size());
    for (std::size_t i = 0; i < again.events().size(); ++i)
        QCOMPARE(again.events()[i].raw, m_history.events()[i].raw);
}

void TestDemoHistory::differentSeedDifferentBytes()
{
    const DemoHistory other = DemoHistory::generate(defaults(8));
    QVERIFY(!other.events().empty());
    QVERIFY(other.events().front().raw != m_history.events().front().raw);
}

void TestDemoHistory::envelopesParseAndNameTheCustomer()
{
    for (const DemoEvent& event : m_history.events()) {
        const auto parsed = billbridge::stripe::parseStripeEvent(event.raw);
        QVERIFY2(parsed.fields, qPrintable(parsed.error));
        QCOMPARE(parsed.fields->type, event.type);
        QCOMPARE(parsed.fields->created, event.created);
        QCOMPARE(parsed.fields->apiVersion, QStringLiteral("2026-07-29.dahlia"));
        QVERIFY(!parsed.fields->livemode);
        // Disputes are the one object here that names no customer, as with Stripe.
        if (event.type == QLatin1String("charge.dispute.created"))
            QVERIFY(parsed.fields->customerId.isEmpty());
        else
            QCOMPARE(parsed.fields->customerId, event.customerId);
        const QJsonObject root = QJsonDocument::fromJson(event.raw).object();
        QCOMPARE(root.value(QStringLiteral("object")).toString(), QStringLiteral("event"));
        QVERIFY(root.value(QStringLiteral("request")).isObject());
        QCOMPARE(root.value(QStringLiteral("pending_webhooks")).toInt(), 1);
        QVERIFY(event.raw.startsWith("{\n  \"id\": \"evt_"));
        // The upcoming invoice is a preview: Stripe sends it without an id.
        if (event.type == QLatin1String("invoice.upcoming"))
            QVERIFY(!object(event).contains(QStringLiteral("id")));
    }
}

void TestDemoHistory::idsAreUniqueAndStripeShaped()
{
    QSet<QString> eventIds;
    QHash<QString, QString> objectPrefix = {{QStringLiteral("customer"), QStringLiteral("cus_")},
                                            {QStringLiteral("subscription"), QStringLiteral("sub_")},
                                            {QStringLiteral("invoice"), QStringLiteral("in_")},
                                            {QStringLiteral("charge"), QStringLiteral("ch_")},
                                            {QStringLiteral("dispute"), QStringLiteral("du_")},
                                            {QStringLiteral("checkout.session"), QStringLiteral("cs_test_")}};
    QSet<QString> chargeIds;
    for (const DemoEvent& event : m_history.events()) {
        const auto fields = *billbridge::stripe::parseStripeEvent(event.raw).fields;
        QVERIFY(fields.id.startsWith(QLatin1String("evt_1Demo")));
        QVERIFY2(!eventIds.contains(fields.id), qPrintable(fields.id));
        eventIds.insert(fields.id);
        if (!fields.objectId.isEmpty())
            QVERIFY2(fields.objectId.startsWith(objectPrefix.value(fields.objectType)),
                     qPrintable(fields.objectId));
        if (event.type == QLatin1String("charge.succeeded") || event.type == QLatin1String("charge.failed")) {
            QVERIFY(!chargeIds.contains(fields.objectId));
            chargeIds.insert(fields.objectId);
        }
    }
}

void TestDemoHistory::eventsStayInsideTheWindowInOrder()
{
    const DemoOptions options = defaults();
    std::int64_t previous = 0;
    for (const DemoEvent& event : m_history.events()) {
        QVERIFY(event.created >= previous);
        QVERIFY(event.created <= options.endTime);
        QVERIFY(event.created >= options.endTime - options.days * 86400);
        previous = event.created;
    }
}

void TestDemoHistory::invoiceLifecycleIsConsistent()
{
    QHash<QString, QString> stage; // invoice id -> last event type
    QHash<QString, int> attempts;
    QHash<QString, QString> subscriptionCurrency;
    for (const DemoEvent& event : m_history.events()) {
        const QJsonObject o = object(event);
        if (event.type == QLatin1String("customer.subscription.created"))
            subscriptionCurrency.insert(o.value(QStringLiteral("id")).toString(),
                                        o.value(QStringLiteral("currency")).toString());
        if (!event.type.startsWith(QLatin1String("invoice.")) ||
            event.type == QLatin1String("invoice.upcoming"))
            continue;
        const QString id = o.value(QStringLiteral("id")).toString();
        const QString sub = o.value(QStringLiteral("parent"))
                                .toObject()
                                .value(QStringLiteral("subscription_details"))
                                .toObject()
                                .value(QStringLiteral("subscription"))
                                .toString();
        QVERIFY(sub.startsWith(QLatin1String("sub_")));
        QCOMPARE(o.value(QStringLiteral("currency")).toString(), subscriptionCurrency.value(sub));
        const QJsonObject line = o.value(QStringLiteral("lines"))
                                     .toObject()
                                     .value(QStringLiteral("data"))
                                     .toArray()
                                     .first()
                                     .toObject();
        const qint64 unit = line.value(QStringLiteral("pricing"))
                                .toObject()
                                .value(QStringLiteral("unit_amount_decimal"))
                                .toString()
                                .toLongLong();
        const qint64 total = o.value(QStringLiteral("total")).toInteger();
        QVERIFY(total == 0 || total == unit * line.value(QStringLiteral("quantity")).toInteger());
        const qint64 created = o.value(QStringLiteral("created")).toInteger();
        QVERIFY(event.created >= created);
        if (event.type == QLatin1String("invoice.created")) {
            QVERIFY(!stage.contains(id));
        } else {
            QVERIFY2(stage.contains(id), qPrintable(event.type + QLatin1Char(' ') + id));
        }
        if (event.type == QLatin1String("invoice.payment_failed")) {
            const int count = o.value(QStringLiteral("attempt_count")).toInt();
            QVERIFY(count > attempts.value(id));
            attempts.insert(id, count);
            QCOMPARE(o.value(QStringLiteral("amount_paid")).toInteger(), 0);
        }
        if (event.type == QLatin1String("invoice.paid")) {
            QVERIFY(o.value(QStringLiteral("attempt_count")).toInt() > attempts.value(id) || total == 0);
            QVERIFY(o.value(QStringLiteral("next_payment_attempt")).isNull());
            QCOMPARE(o.value(QStringLiteral("amount_remaining")).toInteger(), 0);
            QVERIFY(o.value(QStringLiteral("status_transitions"))
                        .toObject()
                        .value(QStringLiteral("paid_at"))
                        .toInteger() >= created);
        }
        stage.insert(id, event.type);
    }
}

void TestDemoHistory::subscriptionStatusTransitionsAreValid()
{
    const QHash<QString, QStringList> allowed = {
        {QStringLiteral("trialing"),
         {QStringLiteral("trialing"), QStringLiteral("active"), QStringLiteral("paused"),
          QStringLiteral("canceled")}},
        {QStringLiteral("active"),
         {QStringLiteral("active"), QStringLiteral("past_due"), QStringLiteral("canceled")}},
        {QStringLiteral("past_due"),
         {QStringLiteral("past_due"), QStringLiteral("active"), QStringLiteral("canceled")}},
        {QStringLiteral("paused"), {QStringLiteral("paused")}},
        {QStringLiteral("canceled"), {}},
    };
    QHash<QString, QString> status;
    QSet<QString> deletedCustomers;
    for (const DemoEvent& event : m_history.events()) {
        QVERIFY2(!deletedCustomers.contains(event.customerId), qPrintable(event.type));
        if (event.type == QLatin1String("customer.deleted"))
            deletedCustomers.insert(event.customerId);
        if (!event.type.startsWith(QLatin1String("customer.subscription.")))
            continue;
        const QJsonObject o = object(event);
        const QString id = o.value(QStringLiteral("id")).toString();
        const QString now = o.value(QStringLiteral("status")).toString();
        if (event.type == QLatin1String("customer.subscription.created")) {
            QVERIFY(!status.contains(id));
        } else {
            QVERIFY2(allowed.value(status.value(id)).contains(now),
                     qPrintable(status.value(id) + QStringLiteral(" -> ") + now));
        }
        if (event.type == QLatin1String("customer.subscription.updated")) {
            const QJsonObject previous = QJsonDocument::fromJson(event.raw)
                                             .object()
                                             .value(QStringLiteral("data"))
                                             .toObject()
                                             .value(QStringLiteral("previous_attributes"))
                                             .toObject();
            QVERIFY(!previous.isEmpty());
            if (previous.contains(QStringLiteral("status")))
                QCOMPARE(previous.value(QStringLiteral("status")).toString(), status.value(id));
        }
        if (event.type == QLatin1String("customer.subscription.deleted"))
            QCOMPARE(now, QStringLiteral("canceled"));
        status.insert(id, now);
    }
}

void TestDemoHistory::everyStoryKindAppears()
{
    for (int kind = 0; kind < kStoryKindCount; ++kind)
        QVERIFY2(m_history.storyCount(StoryKind(kind)) > 0, qPrintable(storyKindName(StoryKind(kind))));
}

void TestDemoHistory::fastEnough()
{
    QElapsedTimer timer;
    timer.start();
    const DemoHistory history = DemoHistory::generate(defaults(99));
    QVERIFY(history.events().size() > 2000);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestDemoHistory)
#include "tst_demohistory.moc"
