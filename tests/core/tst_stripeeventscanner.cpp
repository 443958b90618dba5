// parseStripeEvent reads webhooks with its own single-pass JSON reader. This test holds it to Qt's JSON
// parser: on thousands of mutated events both must agree on what is valid and on every extracted field.

#include "stripe/stripeevent.h"
#include "support/syntheticevents.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <cmath>

using namespace billbridge;

namespace {

QString idOf(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return value.toObject().value(QLatin1String("id")).toString();
    return {};
}

// The reference: the same extraction done on a full QJsonDocument.
std::optional<stripe::StripeEventFields> reference(const QByteArray& raw)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(raw, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject event = document.object();
    if (event.value(QLatin1String("object")).toString() != QLatin1String("event"))
        return std::nullopt;
    stripe::StripeEventFields fields;
    fields.id = event.value(QLatin1String("id")).toString();
    fields.type = event.value(QLatin1String("type")).toString();
    if (!fields.id.startsWith(QLatin1String("evt_")) || fields.type.isEmpty() ||
        !event.value(QLatin1String("created")).isDouble())
        return std::nullopt;
    fields.created = static_cast<std::int64_t>(event.value(QLatin1String("created")).toDouble());
    fields.livemode = event.value(QLatin1String("livemode")).toBool();
    fields.apiVersion = event.value(QLatin1String("api_version")).toString();
    fields.account = event.value(QLatin1String("account")).toString();
    const QJsonObject object =
        event.value(QLatin1String("data")).toObject().value(QLatin1String("object")).toObject();
    fields.objectType = object.value(QLatin1String("object")).toString();
    fields.objectId = object.value(QLatin1String("id")).toString();
    fields.customerId = fields.objectType == QLatin1String("customer")
                            ? fields.objectId
                            : idOf(object.value(QLatin1String("customer")));
    auto text = [&](const QJsonObject& from, const char* key) {
        return from.value(QLatin1String(key)).toString();
    };
    const QJsonObject customerDetails = object.value(QLatin1String("customer_details")).toObject();
    const QJsonObject billingDetails = object.value(QLatin1String("billing_details")).toObject();
    if (fields.objectType == QLatin1String("customer"))
        fields.customerEmail = text(object, "email");
    else if (fields.objectType == QLatin1String("invoice"))
        fields.customerEmail = text(object, "customer_email");
    else if (fields.objectType == QLatin1String("checkout.session"))
        fields.customerEmail = text(object, "customer_email").isEmpty() ? text(customerDetails, "email")
                                                                        : text(object, "customer_email");
    else if (fields.objectType == QLatin1String("charge"))
        fields.customerEmail = text(object, "receipt_email").isEmpty() ? text(billingDetails, "email")
                                                                       : text(object, "receipt_email");
    return fields;
}

bool same(const stripe::StripeEventFields& a, const stripe::StripeEventFields& b)
{
    return a.id == b.id && a.type == b.type && a.created == b.created && a.livemode == b.livemode &&
           a.apiVersion == b.apiVersion && a.account == b.account && a.objectType == b.objectType &&
           a.objectId == b.objectId && a.customerId == b.customerId && a.customerEmail == b.customerEmail;
}

// Qt's parser lets escapes such as "\x", raw control characters in strings and broken UTF-8 through; RFC 8259
// does not, and neither does Billbridge.
bool qtIsLenientAbout(const QByteArray& raw)
{
    if (!raw.isValidUtf8())
        return true;
    bool inString = false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const auto c = static_cast<unsigned char>(raw[i]);
        if (inString && c < 0x20)
            return true; // Qt takes raw control characters inside strings
        if (inString && c == '\\')
            ++i;
        else if (c == '"')
            inString = !inString;
    }
    for (qsizetype i = 0; i + 1 < raw.size(); ++i) {
        if (raw[i] != '\\')
            continue;
        if (!QByteArrayView("\"\\/bfnrtu").contains(raw[i + 1]))
            return true;
        ++i;
    }
    return false;
}

// Numbers where Qt departs from RFC 8259 in either direction (".5" and "1." pass, "1e999" fails); the
// scanner follows the RFC grammar, so such inputs prove nothing about agreement.
bool hasDisputedNumber(const QByteArray& raw)
{
    static const QRegularExpression strict(
        QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"));
    bool inString = false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            continue;
        }
        if ((c >= '0' && c <= '9') || c == '-' || c == '.') {
            qsizetype end = i;
            while (end < raw.size() && QByteArrayView("0123456789+-.eE").contains(raw[end]))
                ++end;
            const QString token = QString::fromLatin1(raw.mid(i, end - i));
            bool finite = false;
            const double value = token.toDouble(&finite);
            if (!strict.match(token).hasMatch() || !std::isfinite(value) || !finite)
                return true;
            i = end - 1;
        }
    }
    return false;
}

QByteArray mutate(QByteArray raw, QRandomGenerator& random)
{
    static const char significant[] = "{}[]\":,\\ 0-.eEtfnu\x01\xc3\xff";
    const int edits = 1 + static_cast<int>(random.bounded(3));
    for (int i = 0; i < edits && !raw.isEmpty(); ++i) {
        const qsizetype at = random.bounded(raw.size());
        const char c = significant[random.bounded(int(sizeof significant - 1))];
        switch (random.bounded(4)) {
        case 0:
            raw[at] = c;
            break;
        case 1:
            raw.insert(at, c);
            break;
        case 2:
            raw.remove(at, 1 + random.bounded(3));
            break;
        default:
            raw.truncate(at);
            break;
        }
    }
    return raw;
}

} // namespace

class TestStripeEventScanner : public QObject {
    Q_OBJECT

private slots:
    void agreesWithQtOnHandWrittenCases_data()
    {
        QTest::addColumn<QByteArray>("raw");
        const QByteArray base = test::minimalEvent("evt_Base", "invoice.paid", "cus_Base");
        QTest::newRow("minimal") << base;
        QTest::newRow("escapes in strings") << QByteArray(
            "{\"id\":\"evt_\\u0041\\\"q\\\\\\/\",\"object\":\"event\",\"type\":\"a\\nb\",\"created\":1,"
            "\"data\":{\"object\":{\"id\":\"x\\u00e9\\ud83d\\ude00\",\"object\":\"customer\"}}}");
        QTest::newRow("expanded customer") << QByteArray(
            R"({"id":"evt_E","object":"event","type":"charge.succeeded","created":2,"data":{"object":{"object":"charge","customer":{"id":"cus_Exp","object":"customer","customer":"cus_Wrong"}}}})");
        QTest::newRow("null customer") << QByteArray(
            R"({"id":"evt_N","object":"event","type":"x","created":3,"data":{"object":{"customer":null}}})");
        QTest::newRow("nested object key does not leak to the top") << QByteArray(
            R"({"object":{"id":"evt_Inner","object":"event"},"id":"evt_Outer","type":"t","created":4})");
        QTest::newRow("object is not event")
            << QByteArray(R"({"id":"evt_1","object":"invoice","type":"t","created":1})");
        QTest::newRow("created as string")
            << QByteArray(R"({"id":"evt_1","object":"event","type":"t","created":"1"})");
        QTest::newRow("created as float")
            << QByteArray(R"({"id":"evt_1","object":"event","type":"t","created":1.5e3})");
        QTest::newRow("array at top") << QByteArray("[1,2]");
        QTest::newRow("scalar at top") << QByteArray("42");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("leading zero")
            << QByteArray(R"({"id":"evt_1","object":"event","type":"t","created":01})");
        QTest::newRow("trailing comma")
            << QByteArray(R"({"id":"evt_1","object":"event","type":"t","created":1,})");
        QTest::newRow("garbage after") << (base + "x");
        QTest::newRow("whitespace around") << (" \n\t" + base + "\r\n ");
        QTest::newRow("control char in string") << QByteArray("{\"id\":\"evt_\x01\",\"object\":\"event\"}");
        QTest::newRow("invalid utf8")
            << QByteArray("{\"id\":\"evt_\xff\",\"object\":\"event\",\"type\":\"t\",\"created\":1}");
        QTest::newRow("bad escape") << QByteArray(
            "{\"id\":\"evt_\\x\",\"object\":\"event\",\"type\":\"t\",\"created\":1}");
        QTest::newRow("deep nesting") << ("{\"a\":" + QByteArray(100, '[') + QByteArray(100, ']') + "}");
        QTest::newRow("customer email") << QByteArray(
            R"({"id":"evt_C","object":"event","type":"customer.updated","created":1,"data":{"object":{"id":"cus_1","object":"customer","email":"a\u0040b.example","customer_email":"wrong@x"}}})");
        QTest::newRow("invoice email") << QByteArray(
            R"({"id":"evt_I","object":"event","type":"invoice.paid","created":1,"data":{"object":{"object":"invoice","email":"wrong@x","customer_email":"inv@example.com"}}})");
        QTest::newRow("checkout prefilled email") << QByteArray(
            R"({"id":"evt_K","object":"event","type":"checkout.session.completed","created":1,"data":{"object":{"object":"checkout.session","customer_email":"pre@example.com","customer_details":{"email":"det@example.com"}}}})");
        QTest::newRow("checkout details email") << QByteArray(
            R"({"id":"evt_K","object":"event","type":"checkout.session.completed","created":1,"data":{"object":{"object":"checkout.session","customer_email":null,"customer_details":{"name":"x","email":"det@example.com"}}}})");
        QTest::newRow("charge receipt email") << QByteArray(
            R"({"id":"evt_Ch","object":"event","type":"charge.succeeded","created":1,"data":{"object":{"object":"charge","billing_details":{"email":"bill@example.com"},"receipt_email":"rec@example.com"}}})");
        QTest::newRow("charge billing email") << QByteArray(
            R"({"id":"evt_Ch","object":"event","type":"charge.succeeded","created":1,"data":{"object":{"object":"charge","billing_details":{"email":"bill@example.com","address":{"email":"no"}},"receipt_email":""}}})");
        QTest::newRow("nested email does not count") << QByteArray(
            R"({"id":"evt_Ch","object":"event","type":"charge.succeeded","created":1,"data":{"object":{"object":"charge","metadata":{"receipt_email":"no@x"},"billing_details":{"email":7}}}})");
        QTest::newRow("email of another object type") << QByteArray(
            R"({"id":"evt_S","object":"event","type":"customer.subscription.updated","created":1,"data":{"object":{"object":"subscription","customer_email":"no@x","email":"no@y"}}})");
        QTest::newRow("livemode true")
            << QByteArray(R"({"id":"evt_L","object":"event","type":"t","created":1,"livemode":true})");
    }

    void agreesWithQtOnHandWrittenCases()
    {
        QFETCH(QByteArray, raw);
        const auto expected = qtIsLenientAbout(raw) ? std::nullopt : reference(raw);
        const auto parsed = stripe::parseStripeEvent(raw);
        QCOMPARE(parsed.fields.has_value(), expected.has_value());
        if (expected) {
            QVERIFY(same(*parsed.fields, *expected));
            QVERIFY(parsed.error.isEmpty());
        } else {
            QVERIFY(!parsed.error.isEmpty());
        }
    }

    void agreesWithQtOnMutatedEvents()
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        int valid = 0;
        for (int round = 0; round < 4000; ++round) {
            const QByteArray original = round % 2 ? test::syntheticInvoicePaidEvent(random, round, 1500)
                                                  : test::minimalEvent("evt_M" + QByteArray::number(round),
                                                                       "customer.updated", "cus_M");
            const QByteArray raw = mutate(original, random);
            if (hasDisputedNumber(raw))
                continue;
            const auto expected = qtIsLenientAbout(raw) ? std::nullopt : reference(raw);
            const auto parsed = stripe::parseStripeEvent(raw);
            if (parsed.fields.has_value() != expected.has_value() ||
                (expected && !same(*parsed.fields, *expected)))
                QFAIL(qPrintable(
                    QStringLiteral("seed %1, round %2: scanner %3 (%4), Qt %5, on: %6")
                        .arg(seed)
                        .arg(round)
                        .arg(parsed.fields ? QStringLiteral("accepts") : QStringLiteral("rejects"),
                             parsed.error, expected ? QStringLiteral("accepts") : QStringLiteral("rejects"),
                             QString::fromLatin1(raw.simplified().toPercentEncoding(" {}[]\":,_.-")))));
            valid += expected.has_value();
        }
        // Both outcomes must be exercised for the comparison to mean something.
        QVERIFY(valid > 200);
        QVERIFY(valid < 3800);
    }

    void errorsNeverQuoteThePayload()
    {
        const QByteArray raw = R"({"id":"evt_1","object":"event","email":"ada@example.com","type":)";
        const auto parsed = stripe::parseStripeEvent(raw);
        QVERIFY(!parsed.fields);
        QVERIFY(parsed.error.startsWith(QLatin1String("malformed JSON at byte")));
        QVERIFY(!parsed.error.contains(QLatin1String("ada")));
    }
};

QTEST_GUILESS_MAIN(TestStripeEventScanner)
#include "tst_stripeeventscanner.moc"
