#include "events/jsontreemodel.h"
#include "support/fixtures.h"
#include "support/syntheticevents.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>
#include <QTest>

#include <initializer_list>

using namespace billbridge;
using widgets::JsonTreeModel;

namespace {

QStringList keysAt(const JsonTreeModel& model, const QModelIndex& parent = {})
{
    QStringList keys;
    for (int row = 0; row < model.rowCount(parent); ++row)
        keys << model.index(row, JsonTreeModel::KeyColumn, parent).data().toString();
    return keys;
}

QStringList latin(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* item : items)
        list << QString::fromLatin1(item);
    return list;
}

QString cell(const JsonTreeModel& model, const char* path, int column, int role = Qt::DisplayRole)
{
    const QModelIndex index = model.indexForPath(QString::fromLatin1(path));
    return index.siblingAtColumn(column).data(role).toString();
}

} // namespace

class TestJsonTreeModel : public QObject {
    Q_OBJECT

private slots:
    void keepsKeyOrderAsSent();
    void keepsKeyOrderOfRealPayload();
    void pathsOfNestedArraysAndObjects();
    void keysThatAreNotNamesAreBracketed();
    void summarisesContainers();
    void decodesEscapesInStrings();
    void keepsNumbersAsSent();
    void scalarRoles();
    void timestampsShowLocalTime();
    void amountsShowMoneyInTheObjectsCurrency();
    void malformedPayloadBecomesOneRow_data();
    void malformedPayloadBecomesOneRow();
    void survivesDeepNesting();
    void scalarDocument();
    void passesModelTesterAcrossResets();
    void parsesLargePayloadQuickly();
};

void TestJsonTreeModel::keepsKeyOrderAsSent()
{
    JsonTreeModel model;
    model.setDocument(R"({"zeta":1,"alpha":2,"mid":{"b":true,"a":null},"beta":"x"})");
    QVERIFY(model.isValid());
    QCOMPARE(keysAt(model), latin({"zeta", "alpha", "mid", "beta"}));
    QCOMPARE(keysAt(model, model.indexForPath(QStringLiteral("mid"))), latin({"b", "a"}));
}

void TestJsonTreeModel::keepsKeyOrderOfRealPayload()
{
    JsonTreeModel model;
    model.setDocument(test::Fixtures::load(QStringLiteral("maren-03-invoice.paid")));
    QVERIFY2(model.isValid(), qPrintable(model.errorString()));
    const QStringList top = keysAt(model);
    QCOMPARE(top.mid(0, 5), latin({"id", "object", "api_version", "created", "data"}));
    const QStringList invoice = keysAt(model, model.indexForPath(QStringLiteral("data.object")));
    QCOMPARE(invoice.mid(0, 4), latin({"id", "object", "account_country", "account_name"}));
    // Alphabetical order would put account_country first.
    QVERIFY(invoice.indexOf(QStringLiteral("id")) < invoice.indexOf(QStringLiteral("account_country")));
}

void TestJsonTreeModel::pathsOfNestedArraysAndObjects()
{
    JsonTreeModel model;
    model.setDocument(R"({"data":{"object":{"lines":{"data":[{"price":{"id":"price_A"}},)"
                      R"({"price":{"id":"price_B"},"tags":[[1,2],[3]]}]}}}})");
    QVERIFY(model.isValid());
    const QString path = QStringLiteral("data.object.lines.data[1].price.id");
    const QModelIndex index = model.indexForPath(path);
    QVERIFY(index.isValid());
    QCOMPARE(index.data(JsonTreeModel::PathRole).toString(), path);
    QCOMPARE(index.data(JsonTreeModel::ValueTextRole).toString(), QStringLiteral("price_B"));
    QCOMPARE(model.pathOf(index), path);

    const QModelIndex nested = model.indexForPath(QStringLiteral("data.object.lines.data[1].tags[0][1]"));
    QVERIFY(nested.isValid());
    QCOMPARE(nested.data(JsonTreeModel::ValueTextRole).toString(), QStringLiteral("2"));
    QCOMPARE(nested.data().toString(), QStringLiteral("[1]"));
    QCOMPARE(model.indexForPath(QStringLiteral("data.object.lines.data[0].price.id"))
                 .data(JsonTreeModel::ValueTextRole)
                 .toString(),
             QStringLiteral("price_A"));

    QVERIFY(!model.indexForPath(QStringLiteral("data.object.lines.data[2]")).isValid());
    QVERIFY(!model.indexForPath(QStringLiteral("data.obj")).isValid());
    QVERIFY(!model.indexForPath(QString()).isValid());
}

void TestJsonTreeModel::keysThatAreNotNamesAreBracketed()
{
    JsonTreeModel model;
    model.setDocument(R"({"metadata":{"plan.tier":"gold","say \"hi\"":1,"ok_key-2":3}})");
    const QModelIndex dotted = model.indexForPath(QStringLiteral("metadata[\"plan.tier\"]"));
    QVERIFY(dotted.isValid());
    QCOMPARE(dotted.data(JsonTreeModel::ValueTextRole).toString(), QStringLiteral("gold"));
    const QModelIndex quoted = model.indexForPath(QStringLiteral(R"(metadata["say \"hi\""])"));
    QVERIFY(quoted.isValid());
    QCOMPARE(quoted.data(JsonTreeModel::PathRole).toString(), QStringLiteral(R"(metadata["say \"hi\""])"));
    QVERIFY(model.indexForPath(QStringLiteral("metadata.ok_key-2")).isValid());
}

void TestJsonTreeModel::summarisesContainers()
{
    JsonTreeModel model;
    model.setDocument(R"({"one":{"a":1},"two":{"a":1,"b":2},"list":[1,2,3],"single":["x"],"none":[]})");
    QCOMPARE(cell(model, "one", JsonTreeModel::ValueColumn), QStringLiteral("{1 field}"));
    QCOMPARE(cell(model, "two", JsonTreeModel::ValueColumn), QStringLiteral("{2 fields}"));
    QCOMPARE(cell(model, "list", JsonTreeModel::ValueColumn), QStringLiteral("[3 items]"));
    QCOMPARE(cell(model, "single", JsonTreeModel::ValueColumn), QStringLiteral("[1 item]"));
    QCOMPARE(cell(model, "none", JsonTreeModel::ValueColumn), QStringLiteral("[0 items]"));
    QCOMPARE(cell(model, "list", JsonTreeModel::TypeColumn), QStringLiteral("array"));
    QCOMPARE(cell(model, "one", JsonTreeModel::TypeColumn), QStringLiteral("object"));
    QCOMPARE(model.rowCount(model.indexForPath(QStringLiteral("list"))), 3);
}

void TestJsonTreeModel::decodesEscapesInStrings()
{
    JsonTreeModel model;
    model.setDocument(R"({"s":"caf\u00e9 \ud83d\ude00 \"quoted\" back\\slash\/ok","k\u00fcr":"x\ny"})");
    QVERIFY2(model.isValid(), qPrintable(model.errorString()));
    const QString expected = QStringLiteral("café ") + QString::fromUtf8("\xF0\x9F\x98\x80") +
                             QStringLiteral(" \"quoted\" back\\slash/ok");
    QCOMPARE(cell(model, "s", 0, JsonTreeModel::ValueTextRole), expected);
    QCOMPARE(cell(model, "s", JsonTreeModel::ValueColumn), QLatin1Char('"') + expected + QLatin1Char('"'));
    QCOMPARE(cell(model, "s", JsonTreeModel::TypeColumn), QStringLiteral("string"));
    // Keys are decoded too, and raw UTF-8 is read as UTF-8.
    QCOMPARE(keysAt(model).at(1), QStringLiteral("kür"));
    QCOMPARE(model.index(1, 0).data(JsonTreeModel::ValueTextRole).toString(), QStringLiteral("x\ny"));
    QCOMPARE(model.index(1, JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("\"x\\ny\""));

    model.setDocument(QByteArray("{\"name\":\"M\xC3\xBCller\"}"));
    QCOMPARE(cell(model, "name", 0, JsonTreeModel::ValueTextRole), QStringLiteral("Müller"));
}

void TestJsonTreeModel::keepsNumbersAsSent()
{
    JsonTreeModel model;
    model.setDocument(R"({"big":12345678901234567890,"fraction":1.50,"exp":1E+3,"negative":-0.0,"zero":0})");
    QVERIFY(model.isValid());
    QCOMPARE(cell(model, "big", 0, JsonTreeModel::ValueTextRole), QStringLiteral("12345678901234567890"));
    QCOMPARE(cell(model, "big", JsonTreeModel::ValueColumn), QStringLiteral("12345678901234567890"));
    QCOMPARE(cell(model, "fraction", 0, JsonTreeModel::ValueTextRole), QStringLiteral("1.50"));
    QCOMPARE(cell(model, "exp", 0, JsonTreeModel::ValueTextRole), QStringLiteral("1E+3"));
    QCOMPARE(cell(model, "negative", 0, JsonTreeModel::ValueTextRole), QStringLiteral("-0.0"));
    QCOMPARE(cell(model, "zero", JsonTreeModel::TypeColumn), QStringLiteral("number"));
}

void TestJsonTreeModel::scalarRoles()
{
    JsonTreeModel model;
    model.setDocument(R"({"t":true,"f":false,"n":null,"o":{"x":1}})");
    QCOMPARE(cell(model, "t", JsonTreeModel::ValueColumn), QStringLiteral("true"));
    QCOMPARE(cell(model, "f", JsonTreeModel::TypeColumn), QStringLiteral("boolean"));
    QCOMPARE(cell(model, "n", JsonTreeModel::ValueColumn), QStringLiteral("null"));
    QVERIFY(model.indexForPath(QStringLiteral("n")).data(JsonTreeModel::IsScalarRole).toBool());
    QVERIFY(!model.indexForPath(QStringLiteral("o")).data(JsonTreeModel::IsScalarRole).toBool());
    QCOMPARE(cell(model, "o", 0, JsonTreeModel::ValueTextRole), QString());
    QCOMPARE(cell(model, "o", 0, JsonTreeModel::RawJsonRole), QStringLiteral(R"({"x":1})"));
}

void TestJsonTreeModel::timestampsShowLocalTime()
{
    JsonTreeModel model;
    model.setDocument(R"({"created":1788254054,"current_period_end":1790846054,"trial_end":null,)"
                      R"("quantity":1788254054,"period_end":3})");
    const QDateTime created = QDateTime::fromSecsSinceEpoch(1788254054);
    QCOMPARE(cell(model, "created", JsonTreeModel::ValueColumn),
             QStringLiteral("1788254054 (%1)").arg(created.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    QVERIFY(cell(model, "created", JsonTreeModel::ValueColumn, Qt::ToolTipRole)
                .contains(QLocale().toString(created, QLocale::LongFormat)));
    QVERIFY(!cell(model, "current_period_end", JsonTreeModel::ValueColumn, Qt::ToolTipRole).isEmpty());
    // The copyable value stays the number.
    QCOMPARE(cell(model, "created", 0, JsonTreeModel::ValueTextRole), QStringLiteral("1788254054"));
    // Neither a quantity nor an implausibly small number is taken for a time.
    QCOMPARE(cell(model, "quantity", JsonTreeModel::ValueColumn), QStringLiteral("1788254054"));
    QVERIFY(cell(model, "quantity", JsonTreeModel::ValueColumn, Qt::ToolTipRole).isEmpty());
    QCOMPARE(cell(model, "period_end", JsonTreeModel::ValueColumn), QStringLiteral("3"));
    QCOMPARE(cell(model, "trial_end", JsonTreeModel::ValueColumn), QStringLiteral("null"));
}

void TestJsonTreeModel::amountsShowMoneyInTheObjectsCurrency()
{
    JsonTreeModel model;
    model.setDocument(R"({"amount_due":1999,"currency":"usd","lines":{"data":[{"price":{"unit_amount":500,)"
                      R"("currency":"jpy"},"amount":700}]},"plain":{"total":5}})");
    QCOMPARE(cell(model, "amount_due", JsonTreeModel::ValueColumn, Qt::ToolTipRole),
             QStringLiteral("19.99 USD"));
    QCOMPARE(cell(model, "lines.data[0].price.unit_amount", JsonTreeModel::ValueColumn, Qt::ToolTipRole),
             QStringLiteral("500 JPY"));
    // A line without its own currency uses the invoice's.
    QCOMPARE(cell(model, "lines.data[0].amount", JsonTreeModel::ValueColumn, Qt::ToolTipRole),
             QStringLiteral("7.00 USD"));

    model.setDocument(R"({"total":5})");
    QVERIFY(cell(model, "total", JsonTreeModel::ValueColumn, Qt::ToolTipRole).contains(QLatin1String("5")));
}

void TestJsonTreeModel::malformedPayloadBecomesOneRow_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("where");
    QTest::newRow("missing value") << QByteArray("{\n  \"id\": \"evt_1\",\n  \"x\": }") << 26
                                   << QStringLiteral("line 3, column 8");
    QTest::newRow("truncated") << QByteArray(R"({"id":"evt_1","data":{"object":)") << 31
                               << QStringLiteral("line 1, column 32");
    QTest::newRow("unterminated string")
        << QByteArray(R"({"id":"evt_1)") << 12 << QStringLiteral("line 1, column 13");
    QTest::newRow("trailing garbage")
        << QByteArray(R"({"id":1} x)") << 9 << QStringLiteral("line 1, column 10");
    QTest::newRow("bad escape") << QByteArray(R"({"id":"a\qb"})") << 8 << QStringLiteral("line 1, column 9");
    QTest::newRow("bad number") << QByteArray(R"({"n":-})") << 6 << QStringLiteral("line 1, column 7");
    QTest::newRow("empty") << QByteArray() << 0 << QStringLiteral("line 1, column 1");
    QTest::newRow("html") << QByteArray("<html>502</html>") << 0 << QStringLiteral("line 1, column 1");
}

void TestJsonTreeModel::malformedPayloadBecomesOneRow()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, offset);
    QFETCH(QString, where);
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(raw);
    QVERIFY(!model.isValid());
    QCOMPARE(model.errorOffset(), qsizetype(offset));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(model.index(0, JsonTreeModel::KeyColumn).data().toString(), QStringLiteral("Not valid JSON"));
    const QString message = model.index(0, JsonTreeModel::ValueColumn).data().toString();
    QVERIFY2(message.contains(QLatin1String("not valid JSON")), qPrintable(message));
    QVERIFY2(message.contains(where), qPrintable(message));
    QVERIFY(!model.index(0, 0).data(JsonTreeModel::IsScalarRole).toBool());
    QVERIFY(!model.indexForPath(QStringLiteral("id")).isValid());
}

void TestJsonTreeModel::survivesDeepNesting()
{
    JsonTreeModel model;
    model.setDocument(QByteArray(200000, '['));
    QVERIFY(!model.isValid());
    QVERIFY(model.errorString().contains(QLatin1String("nested too deeply")));

    QByteArray deepButFine = QByteArray(100, '[') + QByteArray(100, ']');
    model.setDocument(deepButFine);
    QVERIFY2(model.isValid(), qPrintable(model.errorString()));
}

void TestJsonTreeModel::scalarDocument()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(" \"just text\" ");
    QVERIFY(model.isValid());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(JsonTreeModel::ValueTextRole).toString(), QStringLiteral("just text"));
}

void TestJsonTreeModel::passesModelTesterAcrossResets()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    for (const QString& name : test::Fixtures::names()) {
        model.setDocument(test::Fixtures::load(name));
        QVERIFY2(model.isValid(), qPrintable(name + QLatin1String(": ") + model.errorString()));
        // Every path leads back to its own row.
        const QModelIndex object = model.indexForPath(QStringLiteral("data.object"));
        QVERIFY(object.isValid());
        for (int row = 0; row < model.rowCount(object); ++row) {
            const QModelIndex child = model.index(row, 0, object);
            QCOMPARE(model.indexForPath(model.pathOf(child)), child);
        }
    }
    model.setDocument("{oops");
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestJsonTreeModel::parsesLargePayloadQuickly()
{
    QRandomGenerator random(7);
    const QByteArray raw = test::syntheticInvoicePaidEvent(random, 1, 50 * 1024);
    QVERIFY(raw.size() >= 50 * 1024);
    JsonTreeModel model;
    QElapsedTimer timer;
    timer.start();
    model.setDocument(raw);
    // Generous for a Debug build on a busy machine; the point is "not noticeable", not a benchmark.
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(model.isValid());
    QVERIFY(model.indexForPath(QStringLiteral("data.object.lines.data[0]")).isValid());
    QCOMPARE(QJsonDocument::fromJson(raw).object().keys().size(), model.rowCount());
}

QTEST_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
