#include "events/eventdetailview.h"
#include "events/jsontreemodel.h"
#include "events/rawbodyview.h"
#include "events/valuefilter.h"
#include "stripe/stripeevent.h"
#include "support/fixtures.h"
#include "support/syntheticevents.h"
#include "support/tempstore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTest>
#include <QTreeView>

#include <optional>

using namespace billbridge;
using widgets::EventDetailView;
using widgets::JsonTreeModel;
using widgets::RawBodyView;

namespace {

QString latin(const char* text)
{
    return QString::fromLatin1(text);
}

// The id inside a fixture, read the way intake reads it.
QString idOf(const QString& fixture)
{
    return QJsonDocument::fromJson(test::Fixtures::load(fixture))
        .object()
        .value(QLatin1String("id"))
        .toString();
}

// Whitespace outside strings removed: two texts with equal compact forms hold the same keys in the same
// order with the same spelling of every value.
QByteArray compacted(const QByteArray& json)
{
    QByteArray out;
    bool inString = false;
    bool escaped = false;
    for (const char c : json) {
        if (inString) {
            escaped = !escaped && c == '\\';
            if (c == '"' && !escaped && out.size() > 0 && out.back() != '\\')
                inString = false;
            out += c;
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        if (c == '"')
            inString = true;
        out += c;
    }
    return out;
}

} // namespace

class TestEventDetailView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void showsHintUntilAnEventIsSet();
    void headerSummarisesTheEvent();
    void headerCountsDuplicatesAndApiOrigin();
    void expandsDataObjectByDefault();
    void remembersExpansionPerEventType();
    void expandAndCollapseAll();
    void copiesValuePathAndJson();
    void copyValueShortcut();
    void filtersOnValue_data();
    void filtersOnValue();
    void noFilterForContainersOrNull();
    void showsMalformedPayload();
    void modelTesterOnTheViewsModel();

    void valueFilterMapping();

    void rawViewShowsExactBytesAndSignature();
    void rawViewForApiEvents();
    void prettyPrintKeepsOrderAndIsValidJson();
    void prettyPrintOfFixtures();
    void wrapAndCopyBody();
    void largeBodyDoesNotFreeze();

private:
    store::StoredEvent stored(const QString& fixture);

    test::TempStore m_store;
};

void TestEventDetailView::initTestCase()
{
    QVERIFY(m_store.isValid());
    QVERIFY(m_store.addAllFixtures().committed);
}

store::StoredEvent TestEventDetailView::stored(const QString& fixture)
{
    std::optional<store::StoredEvent> event = m_store.reader().find(idOf(fixture), true);
    if (!event)
        qFatal("fixture %s is not in the store", qPrintable(fixture));
    return *event;
}

void TestEventDetailView::showsHintUntilAnEventIsSet()
{
    EventDetailView view;
    view.show();
    auto* hint = view.findChild<QLabel*>(latin("detailHint"));
    QVERIFY(hint);
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), latin("Select an event to see what Stripe sent"));
    QVERIFY(!view.treeView()->isVisible());

    view.setEvent(stored(latin("maren-03-invoice.paid")));
    QVERIFY(view.hasEvent());
    QVERIFY(!hint->isVisible());
    QVERIFY(view.treeView()->isVisible());

    view.clear();
    QVERIFY(hint->isVisible());
    QCOMPARE(view.model()->rowCount(), 0);
}

void TestEventDetailView::headerSummarisesTheEvent()
{
    EventDetailView view;
    const store::StoredEvent event = stored(latin("maren-03-invoice.paid"));
    view.setEvent(event);
    const QString header = view.headerText();
    QVERIFY2(header.contains(event.fields.id), qPrintable(header));
    QVERIFY(header.contains(latin("invoice.paid")));
    QVERIFY(header.contains(latin("TEST")));
    QVERIFY(header.contains(latin("webhook, signature verified")));
    QVERIFY(header.contains(
        QDateTime::fromSecsSinceEpoch(event.fields.created).toString(latin("yyyy-MM-dd HH:mm:ss"))));
    QVERIFY(header.contains(
        latin("received ") +
        QDateTime::fromMSecsSinceEpoch(event.receivedAtMs).toString(latin("yyyy-MM-dd HH:mm:ss"))));
    QVERIFY(!header.contains(latin("duplicate")));
    // The amount and status the store read from the invoice.
    QVERIFY(event.fields.amount.has_value());
    QVERIFY(header.contains(JsonTreeModel::formatMoney(*event.fields.amount, latin("usd"))));
    QVERIFY(header.contains(QStringLiteral(" · paid")));
}

void TestEventDetailView::headerCountsDuplicatesAndApiOrigin()
{
    EventDetailView view;
    store::StoredEvent event;
    event.raw = test::minimalEvent("evt_Dup1", "invoice.paid", "cus_Dup", true);
    event.fields = *stripe::parseStripeEvent(event.raw).fields;
    event.source = store::EventSource::Poll;
    event.verdict = store::SignatureVerdict::Api;
    event.duplicateCount = 3;
    view.setEvent(event);
    QVERIFY2(view.headerText().contains(latin("seen 3 duplicate deliveries")), qPrintable(view.headerText()));
    QVERIFY(view.headerText().contains(latin("LIVE")));
    QVERIFY(view.headerText().contains(latin("polled from the Stripe API")));
    QVERIFY(!view.headerText().contains(latin("signature verified")));

    event.duplicateCount = 1;
    view.setEvent(event);
    QVERIFY(view.headerText().contains(latin("seen 1 duplicate delivery")));
}

void TestEventDetailView::expandsDataObjectByDefault()
{
    EventDetailView view;
    view.setEvent(stored(latin("maren-03-invoice.paid")));
    QCOMPARE(view.expandedPaths(), (QStringList{latin("data"), latin("data.object")}));
    QVERIFY(view.treeView()->isExpanded(view.model()->indexForPath(latin("data.object"))));
}

void TestEventDetailView::remembersExpansionPerEventType()
{
    EventDetailView view;
    view.show();
    view.setEvent(stored(latin("maren-03-invoice.paid")));
    const QModelIndex lines = view.model()->indexForPath(latin("data.object.lines"));
    QVERIFY(lines.isValid());
    view.treeView()->expand(lines);
    view.treeView()->setCurrentIndex(view.model()->indexForPath(latin("data.object.customer_email")));
    const QStringList invoicePaths = {latin("data"), latin("data.object"), latin("data.object.lines")};
    QCOMPARE(view.expandedPaths(), invoicePaths);

    // Another type starts from the default.
    view.setEvent(stored(latin("maren-01-customer.created")));
    QCOMPARE(view.expandedPaths(), (QStringList{latin("data"), latin("data.object")}));
    QVERIFY(!view.treeView()->currentIndex().isValid());

    // The next invoice.paid opens where the operator left the last one, on the same row.
    view.setEvent(stored(latin("maren-07-invoice.paid")));
    QCOMPARE(view.expandedPaths(), invoicePaths);
    QCOMPARE(view.model()->pathOf(view.treeView()->currentIndex()), latin("data.object.customer_email"));

    // A closed parent stays closed, its open children stay open inside it, and the remembered row is not
    // forced into view.
    view.treeView()->collapse(view.model()->indexForPath(latin("data")));
    view.clear();
    view.setEvent(stored(latin("maren-13-invoice.paid")));
    QCOMPARE(view.expandedPaths(), (QStringList{latin("data.object"), latin("data.object.lines")}));
    QVERIFY(!view.treeView()->isExpanded(view.model()->indexForPath(latin("data"))));
}

void TestEventDetailView::expandAndCollapseAll()
{
    EventDetailView view;
    view.setEvent(stored(latin("maren-03-invoice.paid")));
    view.expandAll();
    const QStringList all = view.expandedPaths();
    QVERIFY(all.contains(latin("data.object.lines.data[0].period")));
    QVERIFY(all.contains(latin("data.object.customer_address")));
    view.collapseAll();
    QVERIFY(view.expandedPaths().isEmpty());
}

void TestEventDetailView::copiesValuePathAndJson()
{
    EventDetailView view;
    view.setEvent(stored(latin("maren-03-invoice.paid")));
    QClipboard* clipboard = QGuiApplication::clipboard();

    view.treeView()->setCurrentIndex(view.model()
                                         ->indexForPath(latin("data.object.customer"))
                                         .siblingAtColumn(JsonTreeModel::ValueColumn));
    view.copyValueAction()->trigger();
    QCOMPARE(clipboard->text(), latin("cus_T3stAaIU7yYiYe"));
    view.copyPathAction()->trigger();
    QCOMPARE(clipboard->text(), latin("data.object.customer"));

    const QString pricePath = latin("data.object.lines.data[0].period.start");
    view.treeView()->setCurrentIndex(view.model()->indexForPath(pricePath));
    view.copyPathAction()->trigger();
    QCOMPARE(clipboard->text(), pricePath);

    view.treeView()->setCurrentIndex(view.model()->indexForPath(latin("data.object.customer_address")));
    view.copyJsonAction()->trigger();
    QJsonParseError error;
    const QJsonDocument address = QJsonDocument::fromJson(clipboard->text().toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(address.object().value(latin("city")).toString(), latin("Oakland"));
    // Key order as sent: city before country before line1.
    QVERIFY(clipboard->text().indexOf(latin("\"city\"")) < clipboard->text().indexOf(latin("\"country\"")));
    QVERIFY(clipboard->text().startsWith(latin("{\n  \"city\": \"Oakland\"")));

    // A number is copied as sent.
    view.treeView()->setCurrentIndex(view.model()->indexForPath(latin("data.object.created")));
    view.copyValueAction()->trigger();
    QCOMPARE(clipboard->text(), latin("1788254054"));
}

void TestEventDetailView::copyValueShortcut()
{
    EventDetailView view;
    view.setEvent(stored(latin("maren-03-invoice.paid")));
    view.show();
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.treeView()->setFocus();
    view.treeView()->setCurrentIndex(view.model()->indexForPath(latin("data.object.customer_email")));
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(view.treeView(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), latin("maren.holloway@example.com"));
    QTest::keyClick(view.treeView(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), latin("data.object.customer_email"));
}

void TestEventDetailView::filtersOnValue_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("path");
    QTest::addColumn<store::EventFilter>("expected");

    store::EventFilter type;
    type.types = QStringList{latin("invoice.paid")};
    QTest::newRow("type") << latin("maren-03-invoice.paid") << latin("type") << type;

    store::EventFilter customer;
    customer.customerId = latin("cus_T3stAaIU7yYiYe");
    QTest::newRow("customer") << latin("maren-03-invoice.paid") << latin("data.object.customer") << customer;

    store::EventFilter customerObject;
    customerObject.customerId =
        QJsonDocument::fromJson(test::Fixtures::load(latin("maren-01-customer.created")))
            .object()[latin("data")]
            .toObject()[latin("object")]
            .toObject()[latin("id")]
            .toString();
    QTest::newRow("customer object id")
        << latin("maren-01-customer.created") << latin("data.object.id") << customerObject;

    store::EventFilter email;
    email.customerEmail = latin("maren.holloway@example.com");
    QTest::newRow("customer_email") << latin("maren-03-invoice.paid") << latin("data.object.customer_email")
                                    << email;
    QTest::newRow("email") << latin("maren-01-customer.created") << latin("data.object.email") << email;

    store::EventFilter live;
    live.livemode = false;
    QTest::newRow("livemode") << latin("maren-03-invoice.paid") << latin("livemode") << live;

    store::EventFilter day;
    const QDate date = QDateTime::fromSecsSinceEpoch(1788254054).date();
    day.createdFrom = date.startOfDay().toSecsSinceEpoch();
    day.createdTo = date.addDays(1).startOfDay().toSecsSinceEpoch();
    QTest::newRow("created") << latin("maren-03-invoice.paid") << latin("data.object.created") << day;

    store::EventFilter text;
    text.text = latin("in_1T3st235Lc8cwUvlNKSdSjVk");
    QTest::newRow("invoice id") << latin("maren-03-invoice.paid") << latin("data.object.id") << text;
}

void TestEventDetailView::filtersOnValue()
{
    QFETCH(QString, fixture);
    QFETCH(QString, path);
    QFETCH(store::EventFilter, expected);

    EventDetailView view;
    view.setEvent(stored(fixture));
    std::vector<store::EventFilter> emitted;
    connect(&view, &EventDetailView::filterRequested, &view,
            [&emitted](const store::EventFilter& filter) { emitted.push_back(filter); });
    const QModelIndex index = view.model()->indexForPath(path);
    QVERIFY2(index.isValid(), qPrintable(path));
    view.treeView()->setCurrentIndex(index);
    QVERIFY(view.filterAction()->isEnabled());
    view.filterAction()->trigger();
    QCOMPARE(emitted.size(), std::size_t(1));
    QCOMPARE(emitted.front().toJson(), expected.toJson());
    QVERIFY(emitted.front() == expected);
}

void TestEventDetailView::noFilterForContainersOrNull()
{
    EventDetailView view;
    view.setEvent(stored(latin("maren-03-invoice.paid")));
    int emitted = 0;
    connect(&view, &EventDetailView::filterRequested, &view, [&emitted] { ++emitted; });
    for (const char* path :
         {"data.object", "data.object.lines.data", "data.object.description", "data.object.amount_due"}) {
        view.treeView()->setCurrentIndex(view.model()->indexForPath(latin(path)));
        QVERIFY2(view.treeView()->currentIndex().isValid(), path);
        QVERIFY2(!view.filterAction()->isEnabled(), path);
        view.filterOnValue();
    }
    QCOMPARE(emitted, 0);
}

void TestEventDetailView::showsMalformedPayload()
{
    EventDetailView view;
    store::StoredEvent event;
    event.fields.id = latin("evt_Broken");
    event.fields.type = latin("invoice.paid");
    event.raw = "{\"id\":\"evt_Broken\",\"data\":";
    view.setEvent(event);
    QCOMPARE(view.model()->rowCount(), 1);
    QVERIFY(view.model()
                ->index(0, JsonTreeModel::ValueColumn)
                .data()
                .toString()
                .contains(latin("not valid JSON")));
    view.treeView()->setCurrentIndex(view.model()->index(0, 0));
    QVERIFY(!view.filterAction()->isEnabled());
    QVERIFY(!view.copyPathAction()->isEnabled());
    view.copyValueAction()->trigger();
    QVERIFY(QGuiApplication::clipboard()->text().contains(latin("byte 26")));
    // Moving on from a broken event does not forget the expansion of its type.
    view.setEvent(stored(latin("maren-03-invoice.paid")));
    QCOMPARE(view.expandedPaths(), (QStringList{latin("data"), latin("data.object")}));
}

void TestEventDetailView::modelTesterOnTheViewsModel()
{
    EventDetailView view;
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.setEvent(stored(latin("maren-03-invoice.paid")));
    view.expandAll();
    view.setEvent(stored(latin("maren-18-charge.dispute.created")));
    view.clear();
}

void TestEventDetailView::valueFilterMapping()
{
    using widgets::filterForValue;
    QVERIFY(!filterForValue(latin("data.object"), QString(), false));
    QVERIFY(!filterForValue(latin("data.object.description"), latin("null"), false));
    QVERIFY(!filterForValue(latin("data.object.amount_due"), latin("1999"), false));
    QVERIFY(!filterForValue(latin("data.object.paid"), latin("true"), false));
    QVERIFY(!filterForValue(latin("data.object.footer"), QString(), true));
    // data.object.type is not the event type.
    QCOMPARE(filterForValue(latin("data.object.type"), latin("card"), true)->text, latin("card"));
    QVERIFY(filterForValue(latin("data.object.type"), latin("card"), true)->types.isEmpty());
    QCOMPARE(filterForValue(latin("data.object.customer_details.email"), latin("a@example.com"), true)
                 ->customerEmail,
             latin("a@example.com"));
    QCOMPARE(filterForValue(latin("data.object.billing_details.email"), latin("b@example.com"), true)
                 ->customerEmail,
             latin("b@example.com"));
    QCOMPARE(filterForValue(latin("data.object.receipt_email"), latin("c@example.com"), true)->customerEmail,
             latin("c@example.com"));
    QCOMPARE(filterForValue(latin("data.object.livemode"), latin("true"), false)->livemode, true);
    // An id that is not a customer's is searched as text.
    QCOMPARE(filterForValue(latin("data.object.id"), latin("sub_1"), true, latin("subscription"))->text,
             latin("sub_1"));
    QCOMPARE(filterForValue(latin("data.object.id"), latin("cus_1"), true, latin("customer"))->customerId,
             latin("cus_1"));
    // A string that merely looks like a number or a boolean is still text.
    QCOMPARE(filterForValue(latin("data.object.metadata.livemode"), latin("true"), true)->text,
             latin("true"));
    const auto day = filterForValue(latin("created"), latin("1788254054"), false);
    QVERIFY(day && day->createdFrom && day->createdTo);
    QVERIFY(*day->createdFrom <= 1788254054 && 1788254054 < *day->createdTo);
    QVERIFY(*day->createdTo - *day->createdFrom >= 23 * 3600);
    QVERIFY(!filterForValue(latin("created"), latin("1.5"), false));
}

void TestEventDetailView::rawViewShowsExactBytesAndSignature()
{
    RawBodyView view;
    const store::StoredEvent event = stored(latin("maren-03-invoice.paid"));
    QVERIFY(!event.signatureHeader.isEmpty());
    view.setEvent(event);
    QCOMPARE(view.displayedText(), QString::fromUtf8(event.raw));
    QCOMPARE(view.findChild<QPlainTextEdit*>(latin("rawBody"))->toPlainText().toUtf8(), event.raw);
    QCOMPARE(view.findChild<QLabel*>(latin("signatureHeader"))->text(),
             latin("Stripe-Signature: ") + QString::fromLatin1(event.signatureHeader));
    QVERIFY(view.findChild<QLabel*>(latin("bodySize"))
                ->text()
                .startsWith(QLocale().toString(static_cast<int>(event.raw.size()))));
    QVERIFY(view.findChild<QPlainTextEdit*>(latin("rawBody"))->isReadOnly());

    view.clear();
    QVERIFY(view.displayedText().isEmpty());
    QVERIFY(!view.findChild<QPushButton*>(latin("copyBodyButton"))->isEnabled());
}

void TestEventDetailView::rawViewForApiEvents()
{
    test::TempStore apiStore;
    QVERIFY(
        apiStore.addFixtures({latin("tobias-01-customer.created")}, store::EventSource::Backfill).committed);
    const auto event = apiStore.reader().find(idOf(latin("tobias-01-customer.created")), true);
    QVERIFY(event);
    RawBodyView view;
    view.setEvent(*event);
    QCOMPARE(view.findChild<QLabel*>(latin("signatureHeader"))->text(),
             QString::fromUtf8(
                 "Fetched from the Stripe API over an authenticated connection — no webhook signature"));
    QCOMPARE(view.displayedText().toUtf8(), event->raw);
}

void TestEventDetailView::prettyPrintKeepsOrderAndIsValidJson()
{
    const QByteArray raw = R"({"zeta":1,"alpha":{"b":[1,2,{"c":"x, y: {z}"}],"a":[],"e":{}},)"
                           R"("esc":"q\"uo\\te","big":12345678901234567890})";
    const QByteArray pretty = RawBodyView::prettyPrinted(raw);
    QJsonParseError error;
    QJsonDocument::fromJson(pretty, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(compacted(pretty), raw);
    QVERIFY(pretty.startsWith("{\n  \"zeta\": 1,\n  \"alpha\": {\n    \"b\": [\n      1,"));
    QVERIFY(pretty.contains("\"a\": [],"));
    QVERIFY(pretty.contains("\"c\": \"x, y: {z}\""));
    QVERIFY(pretty.contains("12345678901234567890"));

    RawBodyView view;
    store::StoredEvent event;
    event.raw = raw;
    event.signatureHeader = "t=1,v1=abc";
    view.setEvent(event);
    QCOMPARE(view.displayedText().toUtf8(), raw);
    view.findChild<QCheckBox*>(latin("prettyPrintToggle"))->click();
    QVERIFY(view.isPrettyPrinted());
    QCOMPARE(view.displayedText().toUtf8(), pretty);
    view.setPrettyPrinted(false);
    QCOMPARE(view.displayedText().toUtf8(), raw);

    // Broken input is still shown, indented as far as it goes.
    QVERIFY(!RawBodyView::prettyPrinted("}}{\"a\":").isEmpty());
}

void TestEventDetailView::prettyPrintOfFixtures()
{
    for (const QString& name : test::Fixtures::names()) {
        const QByteArray raw = test::Fixtures::load(name);
        const QByteArray pretty = RawBodyView::prettyPrinted(raw);
        QCOMPARE(compacted(pretty), compacted(raw));
        QVERIFY2(!QJsonDocument::fromJson(pretty).isNull(), qPrintable(name));
    }
}

void TestEventDetailView::wrapAndCopyBody()
{
    RawBodyView view;
    const store::StoredEvent event = stored(latin("maren-18-charge.dispute.created"));
    view.setEvent(event);
    auto* body = view.findChild<QPlainTextEdit*>(latin("rawBody"));
    QCOMPARE(body->lineWrapMode(), QPlainTextEdit::NoWrap);
    view.findChild<QCheckBox*>(latin("wrapLinesToggle"))->click();
    QVERIFY(view.wrapsLines());
    QCOMPARE(body->lineWrapMode(), QPlainTextEdit::WidgetWidth);

    QGuiApplication::clipboard()->clear();
    view.setPrettyPrinted(true);
    view.findChild<QPushButton*>(latin("copyBodyButton"))->click();
    // The exact bytes, not the indented view.
    QCOMPARE(QGuiApplication::clipboard()->text().toUtf8(), event.raw);
}

void TestEventDetailView::largeBodyDoesNotFreeze()
{
    QRandomGenerator random(11);
    store::StoredEvent event;
    event.raw = test::syntheticInvoicePaidEvent(random, 1, 1024 * 1024);
    QVERIFY(event.raw.size() >= 1024 * 1024);
    RawBodyView view;
    view.resize(800, 600);
    view.show();
    QElapsedTimer timer;
    timer.start();
    view.setEvent(event);
    QCoreApplication::processEvents();
    // Generous for Debug builds on a shared machine: the failure this guards against takes minutes.
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(view.displayedText().size(), QString::fromUtf8(event.raw).size());
}

QTEST_MAIN(TestEventDetailView)
#include "tst_eventdetailview.moc"
