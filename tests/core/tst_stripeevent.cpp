#include "stripe/stripeevent.h"
#include "support/fixtures.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using billbridge::stripe::parseStripeEvent;
using billbridge::stripe::StripeEventFields;
using billbridge::stripe::StripeEventParse;

namespace billbridge::test {

namespace {

// A minimal snapshot event around `object`; `extra` is merged into the envelope, `without` removed from it.
QByteArray makeEvent(const QJsonObject& object, const QJsonObject& extra = {},
                     const QStringList& without = {})
{
    QJsonObject envelope{
        {QStringLiteral("id"), QStringLiteral("evt_1T3stParseCase000000001")},
        {QStringLiteral("object"), QStringLiteral("event")},
        {QStringLiteral("api_version"), QStringLiteral("2026-07-29.dahlia")},
        {QStringLiteral("created"), 1788254045},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("object"), object}}},
        {QStringLiteral("livemode"), false},
        {QStringLiteral("pending_webhooks"), 1},
        {QStringLiteral("type"), QStringLiteral("invoice.paid")},
    };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        envelope.insert(it.key(), it.value());
    for (const QString& key : without)
        envelope.remove(key);
    return QJsonDocument(envelope).toJson(QJsonDocument::Indented);
}

QJsonObject invoice(const QJsonValue& customer)
{
    return {{QStringLiteral("id"), QStringLiteral("in_1T3stParseInvoice0000001")},
            {QStringLiteral("object"), QStringLiteral("invoice")},
            {QStringLiteral("customer"), customer},
            {QStringLiteral("customer_email"), QStringLiteral("private.person@example.com")}};
}

StripeEventFields parsed(const QByteArray& raw)
{
    const StripeEventParse result = parseStripeEvent(raw);
    if (!result.fields)
        qWarning("unexpected parse failure: %s", qUtf8Printable(result.error));
    return result.fields.value_or(StripeEventFields{});
}

} // namespace

class TestStripeEvent : public QObject {
    Q_OBJECT

private slots:
    void fixturesFollowTheRules();
    void everyFixtureParses_data();
    void everyFixtureParses();
    void customerCreated();
    void invoiceRefersToCustomerById();
    void upcomingInvoiceHasNoId();
    void checkoutSession();
    void disputeHasNoCustomer();
    void deletedCustomer();
    void expandedCustomerObject();
    void missingOrNullCustomer();
    void connectAccountAndLivemode();
    void amountCurrencyAndStatus();
    void amountNeedsAnInteger();
    void optionalEnvelopeFields();
    void malformed_data();
    void malformed();
    void reasonsNeverEchoThePayload();
};

void TestStripeEvent::fixturesFollowTheRules()
{
    // tests/data/README.md promises these properties; other suites (signatures, byte-exact storage,
    // sync) rely on them.
    const QStringList names = Fixtures::names();
    QCOMPARE(names.size(), 30);
    QSet<QString> types;
    for (const QString& name : names)
        types.insert(Fixtures::typeOf(name));
    for (const char* required :
         {"customer.created", "customer.subscription.created", "invoice.paid", "checkout.session.completed",
          "customer.subscription.updated", "invoice.payment_failed", "charge.refunded",
          "customer.subscription.deleted", "charge.dispute.created", "customer.deleted", "invoice.upcoming"})
        QVERIFY2(types.contains(QString::fromLatin1(required)), required);
    QCOMPARE(Fixtures::namesOfType(QStringLiteral("invoice.upcoming")),
             QStringList{QStringLiteral("maren-05-invoice.upcoming")});

    static const QRegularExpression topLevelKey(QStringLiteral("^  \"(\\w+)\":"),
                                                QRegularExpression::MultilineOption);
    static const QRegularExpression email(QStringLiteral("[\\w.+-]+@([\\w.-]+)"));
    const QStringList envelope = {QStringLiteral("id"),
                                  QStringLiteral("object"),
                                  QStringLiteral("api_version"),
                                  QStringLiteral("created"),
                                  QStringLiteral("data"),
                                  QStringLiteral("livemode"),
                                  QStringLiteral("pending_webhooks"),
                                  QStringLiteral("request"),
                                  QStringLiteral("type")};
    for (const QString& name : names) {
        const QByteArray raw = Fixtures::load(name);
        const QByteArray labelBytes = name.toUtf8();
        const char* label = labelBytes.constData();
        QVERIFY2(!raw.endsWith('\n'), label);
        QVERIFY2(raw.size() > 1000 && raw.size() < 8000, label);
        QVERIFY2(QString::fromUtf8(raw).toUtf8() == raw, label); // valid UTF-8
        QVERIFY2(raw.startsWith("{\n  \"id\": \"evt_1T3st"), label);
        QStringList keys;
        for (auto it = topLevelKey.globalMatch(QString::fromUtf8(raw)); it.hasNext();)
            keys << it.next().captured(1);
        QCOMPARE(keys, envelope);
        for (auto it = email.globalMatch(QString::fromUtf8(raw)); it.hasNext();)
            QCOMPARE(it.next().captured(1), QStringLiteral("example.com"));

        const QJsonObject event = QJsonDocument::fromJson(raw).object();
        QCOMPARE(event.value(QLatin1String("livemode")).toBool(true), false);
        const QJsonObject object =
            event.value(QLatin1String("data")).toObject().value(QLatin1String("object")).toObject();
        QCOMPARE(object.value(QLatin1String("livemode")).toBool(true), false);
        const QString objectType = object.value(QLatin1String("object")).toString();
        if (objectType == QLatin1String("invoice")) {
            // Basil and later: the subscription is reached through the invoice's parent.
            QVERIFY2(!object.contains(QLatin1String("subscription")), label);
            QVERIFY2(!object.contains(QLatin1String("paid")), label);
            const QString subscription = object.value(QLatin1String("parent"))
                                             .toObject()
                                             .value(QLatin1String("subscription_details"))
                                             .toObject()
                                             .value(QLatin1String("subscription"))
                                             .toString();
            QVERIFY2(subscription.startsWith(QLatin1String("sub_1T3st")), label);
        } else if (objectType == QLatin1String("subscription")) {
            QVERIFY2(!object.contains(QLatin1String("current_period_end")), label);
            const QJsonObject item = object.value(QLatin1String("items"))
                                         .toObject()
                                         .value(QLatin1String("data"))
                                         .toArray()
                                         .first()
                                         .toObject();
            QVERIFY2(item.value(QLatin1String("current_period_end")).toInteger() >
                         item.value(QLatin1String("current_period_start")).toInteger(),
                     label);
        }
        if (Fixtures::typeOf(name).endsWith(QLatin1String(".updated")))
            QVERIFY2(
                event.value(QLatin1String("data")).toObject().contains(QLatin1String("previous_attributes")),
                label);
    }
}

void TestStripeEvent::everyFixtureParses_data()
{
    QTest::addColumn<QString>("name");
    for (const QString& name : Fixtures::names())
        QTest::newRow(qPrintable(name)) << name;
}

void TestStripeEvent::everyFixtureParses()
{
    QFETCH(QString, name);
    const QByteArray raw = Fixtures::load(name);
    const StripeEventParse result = parseStripeEvent(raw);
    QVERIFY2(result.fields, qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    const StripeEventFields& f = *result.fields;

    // Cross-check against an independent reading of the same bytes.
    const QJsonObject json = QJsonDocument::fromJson(raw).object();
    QCOMPARE(f.id, json.value(QLatin1String("id")).toString());
    QVERIFY(f.id.startsWith(QLatin1String("evt_1T3st")));
    QCOMPARE(f.type, Fixtures::typeOf(name));
    QCOMPARE(f.created, json.value(QLatin1String("created")).toInteger());
    QVERIFY(f.created > 1788000000); // September 2026 onwards
    QCOMPARE(f.apiVersion, QStringLiteral("2026-07-29.dahlia"));
    QCOMPARE(f.livemode, false);
    QVERIFY(f.account.isEmpty());
    const QJsonObject object =
        json.value(QLatin1String("data")).toObject().value(QLatin1String("object")).toObject();
    QCOMPARE(f.objectType, object.value(QLatin1String("object")).toString());
    QCOMPARE(f.objectId, object.value(QLatin1String("id")).toString());

    // Every fixture but the dispute names its customer; all of them belong to the three customers.
    const QString customerPrefix = name.section(QLatin1Char('-'), 0, 0);
    static const QHash<QString, QString> customers = {
        {QStringLiteral("maren"), QStringLiteral("cus_T3stAaIU7yYiYe")},
        {QStringLiteral("tobias"), QStringLiteral("cus_T3st9APTPXIe34")},
        {QStringLiteral("ines"), QStringLiteral("cus_T3st5pFKTX3LE7")},
    };
    if (f.type == QLatin1String("charge.dispute.created"))
        QVERIFY(f.customerId.isEmpty());
    else
        QCOMPARE(f.customerId, customers.value(customerPrefix));
}

void TestStripeEvent::customerCreated()
{
    const StripeEventFields f = parsed(Fixtures::load(QStringLiteral("maren-01-customer.created")));
    QCOMPARE(f.id, QStringLiteral("evt_1T3stMWNEOwwUPEe65k1Jci6"));
    QCOMPARE(f.type, QStringLiteral("customer.created"));
    QCOMPARE(f.created, 1788254045);
    QCOMPARE(f.objectType, QStringLiteral("customer"));
    // The customer object is its own customer.
    QCOMPARE(f.objectId, QStringLiteral("cus_T3stAaIU7yYiYe"));
    QCOMPARE(f.customerId, f.objectId);
}

void TestStripeEvent::invoiceRefersToCustomerById()
{
    const StripeEventFields f = parsed(Fixtures::load(QStringLiteral("maren-13-invoice.paid")));
    QCOMPARE(f.type, QStringLiteral("invoice.paid"));
    QCOMPARE(f.objectType, QStringLiteral("invoice"));
    QVERIFY(f.objectId.startsWith(QLatin1String("in_1T3st")));
    QCOMPARE(f.customerId, QStringLiteral("cus_T3stAaIU7yYiYe"));
}

void TestStripeEvent::upcomingInvoiceHasNoId()
{
    const StripeEventFields f = parsed(Fixtures::load(QStringLiteral("maren-05-invoice.upcoming")));
    QCOMPARE(f.type, QStringLiteral("invoice.upcoming"));
    QCOMPARE(f.objectType, QStringLiteral("invoice"));
    QVERIFY(f.objectId.isEmpty());
    QCOMPARE(f.customerId, QStringLiteral("cus_T3stAaIU7yYiYe"));
}

void TestStripeEvent::checkoutSession()
{
    const StripeEventFields f = parsed(Fixtures::load(QStringLiteral("ines-04-checkout.session.completed")));
    QCOMPARE(f.objectType, QStringLiteral("checkout.session"));
    QVERIFY(f.objectId.startsWith(QLatin1String("cs_test_")));
    QCOMPARE(f.customerId, QStringLiteral("cus_T3st5pFKTX3LE7"));
}

void TestStripeEvent::disputeHasNoCustomer()
{
    // A Dispute names its charge, not a customer; the store leaves customer_id empty rather than guessing.
    const StripeEventFields f = parsed(Fixtures::load(QStringLiteral("maren-18-charge.dispute.created")));
    QCOMPARE(f.objectType, QStringLiteral("dispute"));
    QVERIFY(f.objectId.startsWith(QLatin1String("du_")));
    QVERIFY(f.customerId.isEmpty());
}

void TestStripeEvent::deletedCustomer()
{
    const StripeEventFields f = parsed(Fixtures::load(QStringLiteral("tobias-08-customer.deleted")));
    QCOMPARE(f.type, QStringLiteral("customer.deleted"));
    QCOMPARE(f.customerId, QStringLiteral("cus_T3st9APTPXIe34"));
    QCOMPARE(f.objectId, f.customerId);
}

void TestStripeEvent::expandedCustomerObject()
{
    const QJsonObject expanded{{QStringLiteral("id"), QStringLiteral("cus_T3stExpanded001")},
                               {QStringLiteral("object"), QStringLiteral("customer")},
                               {QStringLiteral("email"), QStringLiteral("someone@example.com")}};
    const StripeEventFields f = parsed(makeEvent(invoice(expanded)));
    QCOMPARE(f.customerId, QStringLiteral("cus_T3stExpanded001"));
    QCOMPARE(f.objectId, QStringLiteral("in_1T3stParseInvoice0000001"));
}

void TestStripeEvent::missingOrNullCustomer()
{
    QVERIFY(parsed(makeEvent(invoice(QJsonValue::Null))).customerId.isEmpty());
    QJsonObject withoutCustomer = invoice(QJsonValue::Null);
    withoutCustomer.remove(QStringLiteral("customer"));
    const StripeEventFields f = parsed(makeEvent(withoutCustomer));
    QVERIFY(f.customerId.isEmpty());
    QCOMPARE(f.objectType, QStringLiteral("invoice"));
    // Neither a number nor an object without id is mistaken for a customer id.
    QVERIFY(parsed(makeEvent(invoice(42))).customerId.isEmpty());
    QVERIFY(parsed(makeEvent(invoice(QJsonObject{{QStringLiteral("object"), QStringLiteral("customer")}})))
                .customerId.isEmpty());
}

void TestStripeEvent::connectAccountAndLivemode()
{
    const QByteArray raw = makeEvent(invoice(QStringLiteral("cus_T3stConnected01")),
                                     {{QStringLiteral("account"), QStringLiteral("acct_1T3stConnected0")},
                                      {QStringLiteral("livemode"), true}});
    const StripeEventFields f = parsed(raw);
    QCOMPARE(f.account, QStringLiteral("acct_1T3stConnected0"));
    QCOMPARE(f.livemode, true);
    QCOMPARE(f.customerId, QStringLiteral("cus_T3stConnected01"));
}

void TestStripeEvent::amountCurrencyAndStatus()
{
    // Invoices are billed by amount_due (a failed payment still shows what was asked for), checkout
    // sessions by amount_total, charges and disputes by amount; subscriptions have no amount of their own.
    const StripeEventFields failed =
        parsed(Fixtures::load(QStringLiteral("maren-10-invoice.payment_failed")));
    QCOMPARE(failed.amount, std::optional<std::int64_t>(14900));
    QCOMPARE(failed.currency, QStringLiteral("usd"));
    QCOMPARE(failed.status, QStringLiteral("open"));
    const StripeEventFields refunded = parsed(Fixtures::load(QStringLiteral("maren-15-charge.refunded")));
    QCOMPARE(refunded.amount, std::optional<std::int64_t>(14900));
    QCOMPARE(refunded.status, QStringLiteral("succeeded"));
    const StripeEventFields checkout =
        parsed(Fixtures::load(QStringLiteral("maren-04-checkout.session.completed")));
    QCOMPARE(checkout.amount, std::optional<std::int64_t>(0));
    QCOMPARE(checkout.status, QStringLiteral("complete"));
    const StripeEventFields dispute =
        parsed(Fixtures::load(QStringLiteral("maren-18-charge.dispute.created")));
    QCOMPARE(dispute.amount, std::optional<std::int64_t>(4900));
    QCOMPARE(dispute.status, QStringLiteral("needs_response"));
    const StripeEventFields subscription =
        parsed(Fixtures::load(QStringLiteral("maren-06-customer.subscription.updated")));
    QVERIFY(!subscription.amount);
    QCOMPARE(subscription.status, QStringLiteral("active"));
    // Nested amounts (line items, prices) never stand in for the object's own.
    QJsonObject nested = invoice(QStringLiteral("cus_T3stNested000001"));
    nested.insert(QStringLiteral("lines"),
                  QJsonObject{{QStringLiteral("data"),
                               QJsonArray{QJsonObject{{QStringLiteral("amount"), 500},
                                                      {QStringLiteral("status"), QStringLiteral("x")}}}}});
    const StripeEventFields withLines = parsed(makeEvent(nested));
    QVERIFY(!withLines.amount);
    QVERIFY(withLines.status.isEmpty());
    QVERIFY(withLines.currency.isEmpty());
}

void TestStripeEvent::amountNeedsAnInteger()
{
    QJsonObject object = invoice(QStringLiteral("cus_T3stAmounts00001"));
    object.insert(QStringLiteral("amount_due"), 12.5);
    object.insert(QStringLiteral("amount"), QStringLiteral("700"));
    object.insert(QStringLiteral("total"), 900);
    object.insert(QStringLiteral("status"), 3);
    const StripeEventFields f = parsed(makeEvent(object));
    // A fraction or a string is not an amount in the smallest currency unit; the next candidate counts.
    QCOMPARE(f.amount, std::optional<std::int64_t>(900));
    QVERIFY(f.status.isEmpty());
}

void TestStripeEvent::optionalEnvelopeFields()
{
    // api_version is null for very old events; data may be missing in a hand-made request. Neither is
    // fatal: the identifying fields are still there.
    const QByteArray raw = makeEvent(invoice(QStringLiteral("cus_T3stOld00000001")),
                                     {{QStringLiteral("api_version"), QJsonValue::Null}},
                                     {QStringLiteral("data"), QStringLiteral("livemode")});
    const StripeEventParse result = parseStripeEvent(raw);
    QVERIFY2(result.fields, qPrintable(result.error));
    QVERIFY(result.fields->apiVersion.isEmpty());
    QVERIFY(result.fields->objectType.isEmpty());
    QVERIFY(result.fields->objectId.isEmpty());
    QVERIFY(result.fields->customerId.isEmpty());
    QCOMPARE(result.fields->livemode, false);
}

void TestStripeEvent::malformed_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("reasonContains");

    const QByteArray fixture = Fixtures::load(QStringLiteral("maren-01-customer.created"));
    const QJsonObject object = invoice(QStringLiteral("cus_T3stMalformed01"));
    QTest::newRow("empty") << QByteArray() << QStringLiteral("malformed JSON");
    QTest::newRow("truncated") << fixture.left(fixture.size() / 2) << QStringLiteral("malformed JSON");
    QTest::newRow("trailing garbage") << QByteArray(fixture + "}") << QStringLiteral("malformed JSON");
    QTest::newRow("form encoded") << QByteArray("id=evt_1&type=invoice.paid")
                                  << QStringLiteral("malformed JSON");
    QTest::newRow("array") << QByteArray("[{\"id\": \"evt_1T3stInArray\"}]")
                           << QStringLiteral("not an object");
    // Qt's parser rejects a scalar at the top level outright; either way the reason names JSON.
    QTest::newRow("string") << QByteArray("\"evt_1T3stJustAString\"") << QStringLiteral("JSON");
    QTest::newRow("number") << QByteArray("42") << QStringLiteral("JSON");
    QTest::newRow("null") << QByteArray("null") << QStringLiteral("JSON");
    QTest::newRow("an invoice, not an event")
        << QJsonDocument(object).toJson() << QStringLiteral("not a Stripe snapshot event");
    QTest::newRow("thin event") << makeEvent(object,
                                             {{QStringLiteral("object"), QStringLiteral("v2.core.event")}})
                                << QStringLiteral("not a Stripe snapshot event");
    QTest::newRow("no id") << makeEvent(object, {}, {QStringLiteral("id")}) << QStringLiteral("\"id\"");
    QTest::newRow("numeric id") << makeEvent(object, {{QStringLiteral("id"), 12345}})
                                << QStringLiteral("\"id\"");
    QTest::newRow("id without evt_") << makeEvent(object, {{QStringLiteral("id"),
                                                            QStringLiteral("in_1T3stNotAnEvent")}})
                                     << QStringLiteral("evt_");
    QTest::newRow("no type") << makeEvent(object, {}, {QStringLiteral("type")}) << QStringLiteral("\"type\"");
    QTest::newRow("empty type") << makeEvent(object, {{QStringLiteral("type"), QString()}})
                                << QStringLiteral("\"type\"");
    QTest::newRow("no created") << makeEvent(object, {}, {QStringLiteral("created")})
                                << QStringLiteral("\"created\"");
    QTest::newRow("created as text") << makeEvent(object,
                                                  {{QStringLiteral("created"), QStringLiteral("1788254045")}})
                                     << QStringLiteral("\"created\"");
}

void TestStripeEvent::malformed()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, reasonContains);
    const StripeEventParse result = parseStripeEvent(raw);
    QVERIFY(!result.fields);
    QVERIFY2(result.error.contains(reasonContains), qPrintable(result.error));
}

void TestStripeEvent::reasonsNeverEchoThePayload()
{
    // Reasons go into logs and HTTP answers: they describe the problem, never quote the sender's bytes.
    const QStringList secrets = {QStringLiteral("private.person@example.com"),
                                 QStringLiteral("cus_T3stSecretive1"), QStringLiteral("in_1T3stNotAnEvent"),
                                 QStringLiteral("Maren"), QStringLiteral("maren.holloway")};
    QList<QByteArray> bodies;
    const QJsonObject object = invoice(QStringLiteral("cus_T3stSecretive1"));
    bodies << makeEvent(object, {{QStringLiteral("id"), QStringLiteral("in_1T3stNotAnEvent")}});
    bodies << makeEvent(object, {}, {QStringLiteral("type")});
    bodies << makeEvent(object, {{QStringLiteral("object"), QStringLiteral("private.person@example.com")}});
    bodies << makeEvent(object, {{QStringLiteral("created"), QStringLiteral("private.person@example.com")}});
    const QByteArray fixture = Fixtures::load(QStringLiteral("maren-01-customer.created"));
    for (qsizetype cut : {qsizetype(10), qsizetype(200), qsizetype(700), fixture.size() - 3})
        bodies << fixture.left(cut);
    QByteArray broken = fixture;
    broken.replace("\"email\": \"maren.holloway@example.com\"", "\"email\": maren.holloway@example.com");
    bodies << broken;

    for (const QByteArray& body : std::as_const(bodies)) {
        const StripeEventParse result = parseStripeEvent(body);
        QVERIFY(!result.fields);
        QVERIFY(!result.error.isEmpty());
        QVERIFY2(result.error.size() < 120, qPrintable(result.error));
        for (const QString& secret : secrets)
            QVERIFY2(!result.error.contains(secret, Qt::CaseInsensitive), qPrintable(result.error));
    }
}

} // namespace billbridge::test

QTEST_GUILESS_MAIN(billbridge::test::TestStripeEvent)
#include "tst_stripeevent.moc"
