#include "events/eventlistmodel.h"
#include "store/database.h"
#include "store/eventquery.h"
#include "store/fulltextindexer.h"
#include "store/sqlite.h"
#include "support/syntheticevents.h"
#include "support/tempstore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

Q_DECLARE_METATYPE(billbridge::store::EventFilter)

using namespace billbridge;
using store::EventFilter;
using widgets::EventListModel;

namespace {

constexpr qint64 kCreated = 1790000000;

QByteArray eventId(int n)
{
    return "evt_List" + QByteArray::number(n).rightJustified(8, '0');
}

// `count` events; every third is customer.updated, the rest invoice.paid; customers alternate between two.
QList<QByteArray> mixedEvents(int first, int count, qint64 created, bool sameSecond)
{
    QList<QByteArray> raws;
    for (int n = first; n < first + count; ++n) {
        const QByteArray type = n % 3 == 0 ? "customer.updated" : "invoice.paid";
        const QByteArray customer = n % 2 == 0 ? "cus_ListEven" : "cus_ListOdd";
        raws << test::minimalEvent(eventId(n), type, customer, n % 5 == 0,
                                   sameSecond ? created : created + n);
    }
    return raws;
}

void indexEverything(const QString& path)
{
    store::SqliteConnection connection = store::Database::openForWriting(path);
    while (store::FullTextIndexer::indexBatch(connection, 64) > 0) {
    }
}

// The model, watched by QAbstractItemModelTester. The tester fetches every page it can as soon as rows
// arrive, so tests that check paging step by step use a model of their own without it (Observed::No).
enum class Observed { Yes, No };

struct Harness {
    explicit Harness(const QString& path, int pageSize = EventListModel::kDefaultPageSize,
                     Observed observed = Observed::Yes)
        : model(path)
        , firstPages(&model, &EventListModel::firstPageLoaded)
        , inserts(&model, &QAbstractItemModel::rowsInserted)
        , errors(&model, &EventListModel::errorOccurred)
    {
        model.setPageSize(pageSize);
        if (observed == Observed::Yes)
            tester.emplace(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    EventListModel model;
    std::optional<QAbstractItemModelTester> tester;
    QSignalSpy firstPages;
    QSignalSpy inserts;
    QSignalSpy errors;
};

bool waitForFirstPage(Harness& harness, int pagesSeen = 1)
{
    return QTest::qWaitFor(
        [&] { return harness.firstPages.size() >= pagesSeen && !harness.model.isLoading(); }, 10000);
}

bool fetchAllOlder(EventListModel& model)
{
    while (model.canFetchMore({})) {
        model.fetchMore({});
        if (!QTest::qWaitFor([&] { return !model.isLoading(); }, 10000))
            return false;
    }
    return true;
}

QStringList rowIds(const EventListModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.eventAt(row).fields.id;
    return ids;
}

// What the store itself answers for the filter, newest first: the reference the model must show.
QStringList expectedIds(const test::TempStore& temp, const EventFilter& filter)
{
    store::EventStore reader = temp.reader();
    QStringList ids;
    for (const auto& event : reader.query().page(filter, std::nullopt, 100000).events)
        ids << event.fields.id;
    return ids;
}

bool isNewestFirst(const EventListModel& model)
{
    for (int row = 1; row < model.rowCount(); ++row) {
        const auto& above = model.eventAt(row - 1);
        const auto& below = model.eventAt(row);
        if (std::pair(above.fields.created, above.seq) <= std::pair(below.fields.created, below.seq))
            return false;
    }
    return true;
}

} // namespace

class TestEventListModel final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void firstPageThenOlderPagesWithoutGapsOrDuplicates();
    void cellsRolesAndHeaders();
    void filtersMatchTheStore_data();
    void filtersMatchTheStore();
    void fullTextFilter();
    void jumpToEndThenFetchNewerReachesTheHead();
    void liveArrivalsWhileFilteredAreOneInsert();
    void liveArrivalsNeverDuplicateRowsShownByPages();
    void storeChangedReadsImmediately();
    void liveUpdatesOffAndAwayFromTheHead();
    void staleAnswersAreDropped();
    void missingStoreThenCreated();
    void foreignFileReportsTheStoresExplanation();
    void loadEventReturnsTheRawPayload();

private:
    std::unique_ptr<test::TempStore> m_store;
};

void TestEventListModel::init()
{
    m_store = std::make_unique<test::TempStore>();
    QVERIFY(m_store->isValid());
}

void TestEventListModel::firstPageThenOlderPagesWithoutGapsOrDuplicates()
{
    // 430 events in one second and 70 spread out: paging must walk ties by seq.
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(0, 430, kCreated, true)));
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(430, 70, kCreated - 1000, false)));

    Harness harness(m_store->path(), 64, Observed::No);
    QSignalSpy loading(&harness.model, &EventListModel::loadingChanged);
    QSignalSpy counted(&harness.model, &EventListModel::matchCountChanged);
    QVERIFY(waitForFirstPage(harness));
    QCOMPARE(harness.model.rowCount(), 64);
    QVERIFY(harness.model.isAtHead());
    QVERIFY(harness.model.canFetchMore({}));
    QVERIFY(loading.size() >= 1);
    QTRY_VERIFY(counted.size() >= 1);
    QCOMPARE(harness.model.matchCount().count, 500);
    QVERIFY(harness.model.matchCount().exact);

    QVERIFY(fetchAllOlder(harness.model));
    QCOMPARE(harness.model.rowCount(), 500);
    const QStringList ids = rowIds(harness.model);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 500);
    QCOMPARE(ids, expectedIds(*m_store, {}));
    QVERIFY(isNewestFirst(harness.model));
    QVERIFY(!harness.model.canFetchMore({}));
    QCOMPARE(harness.model.rowOfEvent(ids.at(123)), 123);
    QCOMPARE(harness.model.rowOfEvent(QStringLiteral("evt_NotThere")), -1);
    QVERIFY(harness.errors.isEmpty());

    // The same walk driven by the model tester, which fetches whenever it can.
    Harness observed(m_store->path(), 64);
    QTRY_COMPARE(observed.model.rowCount(), 500);
    QTRY_VERIFY(!observed.model.isLoading());
    QCOMPARE(rowIds(observed.model), ids);
}

void TestEventListModel::cellsRolesAndHeaders()
{
    QVERIFY(m_store->addFixtures({QStringLiteral("maren-01-customer.created")}).committed);
    QVERIFY(m_store->addFixtures({QStringLiteral("maren-03-invoice.paid")}, store::EventSource::Backfill)
                .committed);
    Harness harness(m_store->path());
    QVERIFY(waitForFirstPage(harness));
    QCOMPARE(harness.model.rowCount(), 2);
    QCOMPARE(harness.model.columnCount(), int(EventListModel::ColumnCount));

    const int customerRow = harness.model.rowOfEvent(
        m_store->reader().list({.types = {QStringLiteral("customer.created")}}).front().fields.id);
    QVERIFY(customerRow >= 0);
    const store::StoredEvent& event = harness.model.eventAt(customerRow);
    auto cell = [&](int column, int role = Qt::DisplayRole) {
        return harness.model.data(harness.model.index(customerRow, column), role);
    };
    QCOMPARE(
        cell(EventListModel::Time).toString(),
        QDateTime::fromSecsSinceEpoch(event.fields.created).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QCOMPARE(cell(EventListModel::Type).toString(), QStringLiteral("customer.created"));
    QCOMPARE(cell(EventListModel::Email).toString(), QStringLiteral("maren.holloway@example.com"));
    QCOMPARE(cell(0, EventListModel::CustomerEmailRole).toString(),
             QStringLiteral("maren.holloway@example.com"));
    QCOMPARE(cell(EventListModel::Customer).toString(), event.fields.customerId);
    QCOMPARE(cell(0, EventListModel::CustomerIdRole).toString(), event.fields.customerId);
    QCOMPARE(cell(0, EventListModel::EventIdRole).toString(), event.fields.id);
    QCOMPARE(cell(EventListModel::EventId).toString(), event.fields.id);
    QCOMPARE(cell(0, EventListModel::SeqRole).toLongLong(), event.seq);
    QCOMPARE(cell(0, EventListModel::LivemodeRole).toBool(), event.fields.livemode);
    QCOMPARE(cell(EventListModel::Time, EventListModel::SortValueRole).toLongLong(), event.fields.created);
    QCOMPARE(cell(EventListModel::Source).toString(), QStringLiteral("Webhook"));
    QCOMPARE(cell(EventListModel::Signature).toString(), QStringLiteral("Verified"));
    QVERIFY(
        cell(EventListModel::Signature, Qt::ToolTipRole).toString().contains(QStringLiteral("signature")));
    QCOMPARE(cell(EventListModel::Mode).toString(),
             event.fields.livemode ? QStringLiteral("Live") : QStringLiteral("Test"));
    QVERIFY(cell(EventListModel::Mode, Qt::ForegroundRole).isValid());

    const int invoiceRow = 1 - customerRow;
    const QModelIndex backfilled = harness.model.index(invoiceRow, EventListModel::Signature);
    QCOMPARE(backfilled.data().toString(), QStringLiteral("API"));
    QVERIFY(backfilled.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Stripe API")));
    QCOMPARE(harness.model.index(invoiceRow, EventListModel::Source).data().toString(),
             QStringLiteral("Backfill"));
    const store::StoredEvent& invoice = harness.model.eventAt(invoiceRow);
    QVERIFY(invoice.fields.amount.has_value());
    const QString amount = harness.model.index(invoiceRow, EventListModel::Amount).data().toString();
    QVERIFY2(amount.contains(invoice.fields.currency.toUpper()), qPrintable(amount));
    QVERIFY2(amount.contains(QLocale().toString(double(*invoice.fields.amount) / 100.0, 'f', 2)),
             qPrintable(amount));
    QCOMPARE(harness.model.index(invoiceRow, EventListModel::Amount)
                 .data(EventListModel::SortValueRole)
                 .toLongLong(),
             *invoice.fields.amount);
    QCOMPARE(harness.model.index(invoiceRow, EventListModel::Status).data().toString(),
             invoice.fields.status);
    QVERIFY(!invoice.fields.status.isEmpty());
    QVERIFY(harness.model.index(customerRow, EventListModel::Amount).data().toString().isEmpty());

    QCOMPARE(harness.model.headerData(EventListModel::Time, Qt::Horizontal).toString(),
             QStringLiteral("Time"));
    QCOMPARE(harness.model.headerData(EventListModel::EventId, Qt::Horizontal).toString(),
             QStringLiteral("Event ID"));
    QCOMPARE(harness.model.headerData(EventListModel::Amount, Qt::Horizontal).toString(),
             QStringLiteral("Amount"));
}

void TestEventListModel::filtersMatchTheStore_data()
{
    QTest::addColumn<EventFilter>("filter");
    QTest::addColumn<int>("minimumRows");
    QTest::newRow("type pattern") << EventFilter{.types = {QStringLiteral("invoice.*")}} << 5;
    QTest::newRow("exact types") << EventFilter{.types = {QStringLiteral("charge.refunded"),
                                                          QStringLiteral("customer.updated")}}
                                 << 40;
    QTest::newRow("customer") << EventFilter{.customerId = QStringLiteral("cus_ListOdd")} << 60;
    QTest::newRow("email, any case") << EventFilter{.customerEmail =
                                                        QStringLiteral("MAREN.Holloway@example.com")}
                                     << 2;
    QTest::newRow("live only") << EventFilter{.livemode = true} << 20;
    QTest::newRow("backfill source") << EventFilter{.source = store::EventSource::Backfill} << 30;
    QTest::newRow("no type matches") << EventFilter{.types = {QStringLiteral("payout.*")}} << 0;
}

void TestEventListModel::filtersMatchTheStore()
{
    QFETCH(EventFilter, filter);
    QFETCH(int, minimumRows);
    QVERIFY(m_store->addAllFixtures().committed);
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(0, 120, kCreated, false)));
    std::vector<store::IncomingEvent> backfilled;
    for (const QByteArray& raw : mixedEvents(1000, 30, kCreated - 50000, false))
        backfilled.push_back(test::TempStore::incoming(raw, store::EventSource::Backfill));
    QVERIFY(m_store->add(std::move(backfilled)).committed);

    Harness harness(m_store->path(), 16);
    harness.model.setFilter(filter);
    QCOMPARE(harness.model.filter(), filter);
    QVERIFY(waitForFirstPage(harness, 1));
    QTRY_COMPARE(harness.firstPages.size(), 1);
    QVERIFY(fetchAllOlder(harness.model));
    const QStringList expected = expectedIds(*m_store, filter);
    QVERIFY(expected.size() >= minimumRows);
    QCOMPARE(rowIds(harness.model), expected);
    QTRY_COMPARE(harness.model.matchCount().count, expected.size());
    for (int row = 0; row < harness.model.rowCount(); ++row) {
        const store::StoredEvent& event = harness.model.eventAt(row);
        if (!filter.customerEmail.isEmpty())
            QCOMPARE(event.fields.customerEmail.toLower(), filter.customerEmail.toLower());
        if (filter.livemode)
            QCOMPARE(event.fields.livemode, *filter.livemode);
        if (filter.types == QStringList{QStringLiteral("invoice.*")})
            QVERIFY(event.fields.type.startsWith(QLatin1String("invoice.")));
    }
    QVERIFY(harness.errors.isEmpty());
}

void TestEventListModel::fullTextFilter()
{
    QVERIFY(m_store->addAllFixtures().committed);
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(0, 50, kCreated, false)));
    indexEverything(m_store->path());

    Harness harness(m_store->path());
    const EventFilter filter{.text = QStringLiteral("maren holloway")};
    harness.model.setFilter(filter);
    QVERIFY(waitForFirstPage(harness));
    const QStringList expected = expectedIds(*m_store, filter);
    QVERIFY(expected.size() >= 2);
    QCOMPARE(rowIds(harness.model), expected);
    for (const QString& id : rowIds(harness.model))
        QVERIFY(id.startsWith(QLatin1String("evt_")) && !id.startsWith(QLatin1String("evt_List")));

    // New rows are only shown once the index covers them, and then they do arrive live.
    harness.model.setLiveInterval(std::chrono::milliseconds(10));
    QByteArray raw = test::minimalEvent("evt_TextLive0001", "invoice.paid", "cus_MarenHolloway");
    raw.replace("\"pending_webhooks\"", "\"note\":\"for maren holloway\",\"pending_webhooks\"");
    QVERIFY(test::writeEvents(m_store->path(), {raw}));
    QTest::qWait(100);
    QCOMPARE(harness.model.rowOfEvent(QStringLiteral("evt_TextLive0001")), -1);
    indexEverything(m_store->path());
    QTRY_COMPARE(harness.model.rowOfEvent(QStringLiteral("evt_TextLive0001")), 0);
}

void TestEventListModel::jumpToEndThenFetchNewerReachesTheHead()
{
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(0, 130, kCreated, true)));
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(130, 50, kCreated, false)));
    Harness harness(m_store->path(), 25, Observed::No);
    harness.model.setLiveInterval(std::chrono::milliseconds(10));
    QVERIFY(waitForFirstPage(harness));
    const QStringList all = expectedIds(*m_store, {});
    QCOMPARE(all.size(), 180);

    harness.model.jumpToEnd();
    QVERIFY(!harness.model.isAtHead());
    QVERIFY(waitForFirstPage(harness, 2));
    QCOMPARE(rowIds(harness.model), all.mid(all.size() - 25));
    QVERIFY(!harness.model.canFetchMore({}));
    QVERIFY(harness.model.canFetchNewer());

    // Not at the head: arrivals wait until the list is back at the top.
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(500, 3, kCreated + 100000, false)));
    QTest::qWait(60);
    QCOMPARE(harness.model.rowCount(), 25);

    while (harness.model.canFetchNewer()) {
        harness.model.fetchNewer();
        QTRY_VERIFY(!harness.model.isLoading());
    }
    QVERIFY(harness.model.isAtHead());
    QCOMPARE(rowIds(harness.model), expectedIds(*m_store, {}));
    QVERIFY(isNewestFirst(harness.model));

    harness.model.jumpToStart();
    QVERIFY(waitForFirstPage(harness, 3));
    QVERIFY(harness.model.isAtHead());
    QCOMPARE(harness.model.rowCount(), 25);
    QCOMPARE(harness.model.eventAt(0).fields.id, QString::fromLatin1(eventId(502)));

    Harness observed(m_store->path(), 25);
    QVERIFY(waitForFirstPage(observed));
    observed.model.jumpToEnd();
    QVERIFY(waitForFirstPage(observed, 2));
    while (!observed.model.isAtHead()) {
        QTRY_VERIFY(observed.model.canFetchNewer());
        observed.model.fetchNewer();
        QTRY_VERIFY(!observed.model.isLoading());
    }
    QCOMPARE(rowIds(observed.model), expectedIds(*m_store, {}));
}

void TestEventListModel::liveArrivalsWhileFilteredAreOneInsert()
{
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(0, 30, kCreated, false)));
    Harness harness(m_store->path());
    harness.model.setLiveInterval(std::chrono::milliseconds(20));
    harness.model.setFilter(
        {.types = {QStringLiteral("invoice.*")}, .customerId = QStringLiteral("cus_ListEven")});
    QVERIFY(waitForFirstPage(harness));
    const int before = harness.model.rowCount();
    QCOMPARE(rowIds(harness.model), expectedIds(*m_store, harness.model.filter()));
    QTRY_COMPARE(harness.model.matchCount().count, before);
    QSignalSpy arrived(&harness.model, &EventListModel::rowsArrivedLive);
    harness.inserts.clear();

    // One write of 1,500 events from another writer: 500 match, and they arrive as one insert.
    QList<QByteArray> burst;
    for (int n = 0; n < 1500; ++n) {
        const bool matching = n % 3 == 0;
        burst << test::minimalEvent(eventId(10000 + n),
                                    matching ? "invoice.payment_failed" : "customer.updated",
                                    matching ? "cus_ListEven" : "cus_ListOdd", false, kCreated + 5000 + n);
    }
    QVERIFY(test::writeEvents(m_store->path(), burst));
    QTRY_COMPARE(harness.model.rowCount(), before + 500);
    QCOMPARE(harness.inserts.size(), 1);
    QCOMPARE(harness.inserts.at(0).at(1).toInt(), 0);
    QCOMPARE(harness.inserts.at(0).at(2).toInt(), 499);
    QCOMPARE(arrived.size(), 1);
    QCOMPARE(arrived.at(0).at(0).toInt(), 500);
    QCOMPARE(harness.model.eventAt(0).fields.id, QString::fromLatin1(eventId(10000 + 1497)));
    QVERIFY(isNewestFirst(harness.model));
    for (int row = 0; row < harness.model.rowCount(); ++row)
        QCOMPARE(harness.model.eventAt(row).fields.customerId, QStringLiteral("cus_ListEven"));
    QCOMPARE(harness.model.matchCount().count, before + 500);

    // A later arrival goes on top as its own insert.
    QVERIFY(test::writeEvents(
        m_store->path(),
        {test::minimalEvent("evt_LiveLater", "invoice.paid", "cus_ListEven", false, kCreated + 99999)}));
    QTRY_COMPARE(harness.inserts.size(), 2);
    QCOMPARE(harness.model.eventAt(0).fields.id, QStringLiteral("evt_LiveLater"));
    QCOMPARE(harness.model.rowCount(), before + 501);
}

void TestEventListModel::liveArrivalsNeverDuplicateRowsShownByPages()
{
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(0, 40, kCreated, false)));
    Harness harness(m_store->path(), 10, Observed::No);
    harness.model.setLiveInterval(std::chrono::milliseconds(10));
    QVERIFY(waitForFirstPage(harness));

    // Backfilled history: stored now, created long ago. It arrives live on top, and later pages that
    // reach its time must not show it again.
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(700, 5, kCreated - 100000, false)));
    QTRY_COMPARE(harness.model.rowCount(), 15);
    QVERIFY(fetchAllOlder(harness.model));
    const QStringList ids = rowIds(harness.model);
    QCOMPARE(ids.size(), 45);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 45);
}

void TestEventListModel::storeChangedReadsImmediately()
{
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(0, 5, kCreated, false)));
    Harness harness(m_store->path());
    harness.model.setLiveInterval(std::chrono::hours(1));
    QVERIFY(waitForFirstPage(harness));
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(5, 2, kCreated, false)));
    QTest::qWait(50);
    QCOMPARE(harness.model.rowCount(), 5);
    harness.model.storeChanged();
    QTRY_COMPARE_WITH_TIMEOUT(harness.model.rowCount(), 7, 2000);
}

void TestEventListModel::liveUpdatesOffAndAwayFromTheHead()
{
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(0, 5, kCreated, false)));
    Harness harness(m_store->path());
    harness.model.setLiveInterval(std::chrono::milliseconds(10));
    harness.model.setLiveUpdates(false);
    QVERIFY(!harness.model.liveUpdates());
    QVERIFY(waitForFirstPage(harness));
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(5, 2, kCreated, false)));
    harness.model.storeChanged();
    QTest::qWait(80);
    QCOMPARE(harness.model.rowCount(), 5);
    harness.model.setLiveUpdates(true);
    QTRY_COMPARE(harness.model.rowCount(), 7);
}

void TestEventListModel::staleAnswersAreDropped()
{
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(0, 600, kCreated, false)));
    Harness harness(m_store->path(), 500, Observed::No);
    QVERIFY(waitForFirstPage(harness));
    harness.firstPages.clear();

    // Three filters in a row, without returning to the event loop: only the last one may show.
    harness.model.setFilter({.customerId = QStringLiteral("cus_ListOdd")});
    QVERIFY(harness.model.isLoading());
    harness.model.setFilter({.types = {QStringLiteral("customer.updated")}});
    const EventFilter last{.customerId = QStringLiteral("cus_ListEven"), .livemode = false};
    harness.model.setFilter(last);
    QVERIFY(waitForFirstPage(harness));
    QTest::qWait(100);
    QCOMPARE(harness.firstPages.size(), 1);
    QVERIFY(fetchAllOlder(harness.model));
    QCOMPARE(rowIds(harness.model), expectedIds(*m_store, last));
    QTRY_COMPARE(harness.model.matchCount().count, expectedIds(*m_store, last).size());

    // A page in flight when the filter changes is dropped too.
    harness.model.setFilter({});
    QVERIFY(waitForFirstPage(harness, 2));
    QVERIFY(harness.model.canFetchMore({}));
    harness.model.fetchMore({});
    QVERIFY(harness.model.isLoading());
    harness.model.setFilter({.types = {QStringLiteral("customer.updated")}});
    QVERIFY(waitForFirstPage(harness, 3));
    QTest::qWait(100);
    QVERIFY(fetchAllOlder(harness.model));
    QCOMPARE(rowIds(harness.model), expectedIds(*m_store, harness.model.filter()));
}

void TestEventListModel::missingStoreThenCreated()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("billbridge.sqlite"));
    Harness harness(path);
    QSignalSpy missing(&harness.model, &EventListModel::storeMissingChanged);
    harness.model.setLiveInterval(std::chrono::milliseconds(10));
    QVERIFY(waitForFirstPage(harness));
    QVERIFY(harness.model.isStoreMissing());
    QCOMPARE(harness.model.rowCount(), 0);
    QVERIFY(!harness.model.canFetchMore({}));
    QVERIFY(harness.errors.isEmpty());
    QVERIFY(!QFileInfo::exists(path));

    QVERIFY(test::writeEvents(path, mixedEvents(0, 12, kCreated, false)));
    QTRY_COMPARE(harness.model.rowCount(), 12);
    QVERIFY(!harness.model.isStoreMissing());
    QCOMPARE(missing.size(), 2);
    QTRY_COMPARE(harness.model.matchCount().count, 12);
    QVERIFY2(harness.errors.isEmpty(), qPrintable(harness.errors.value(0).value(0).toString()));
}

void TestEventListModel::foreignFileReportsTheStoresExplanation()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();

    Harness harness(path);
    harness.model.setLiveInterval(std::chrono::milliseconds(10));
    QTRY_VERIFY(!harness.errors.isEmpty());
    const QString message = harness.errors.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("not a Billbridge store")), qPrintable(message));
    QVERIFY(message.contains(path));
    QVERIFY(!harness.model.isLoading());
    QCOMPARE(harness.model.rowCount(), 0);
    QTest::qWait(80);
    QCOMPARE(harness.errors.size(), 1);

    // A new request tries again and reports again.
    harness.model.setFilter({.livemode = true});
    QTRY_COMPARE(harness.errors.size(), 2);
}

void TestEventListModel::loadEventReturnsTheRawPayload()
{
    QVERIFY(test::writeEvents(m_store->path(), mixedEvents(0, 3, kCreated, false)));
    Harness harness(m_store->path());
    QVERIFY(waitForFirstPage(harness));
    QVERIFY(harness.model.eventAt(0).raw.isEmpty());
    QSignalSpy loaded(&harness.model, &EventListModel::eventLoaded);
    QSignalSpy failed(&harness.model, &EventListModel::eventLoadFailed);
    harness.model.loadEvent(harness.model.eventAt(1).fields.id);
    QTRY_COMPARE(loaded.size(), 1);
    const auto event = loaded.first().first().value<store::StoredEvent>();
    QCOMPARE(event.fields.id, harness.model.eventAt(1).fields.id);
    QVERIFY(event.raw.contains(event.fields.id.toUtf8()));

    harness.model.loadEvent(QStringLiteral("evt_Gone"));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().toString(), QStringLiteral("evt_Gone"));
    QVERIFY(!failed.first().at(1).toString().isEmpty());
}

QTEST_MAIN(TestEventListModel)
#include "tst_eventlistmodel.moc"
