#include "store/database.h"
#include "store/eventstore.h"
#include "support/fixtures.h"
#include "support/syntheticevents.h"
#include "support/tempstore.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

using billbridge::store::Database;
using billbridge::store::EventFilter;
using billbridge::store::EventSource;
using billbridge::store::EventStore;
using billbridge::store::IncomingEvent;
using billbridge::store::StoredEvent;
using billbridge::store::StoreStats;

namespace billbridge::test {

namespace {

const QString kMaren = QStringLiteral("cus_T3stAaIU7yYiYe");
const QString kTobias = QStringLiteral("cus_T3st9APTPXIe34");
const QString kInes = QStringLiteral("cus_T3st5pFKTX3LE7");

struct Expected {
    QString id;
    QString type;
    std::int64_t created = 0;
    QString customerId;
    EventSource source = EventSource::Webhook;
};

// How the suite's store is filled: Maren's events arrived by webhook, Tobias's were polled from the
// Events API, Inês's came in with a backfill.
EventSource sourceFor(const QString& name)
{
    if (name.startsWith(QLatin1String("tobias")))
        return EventSource::Poll;
    if (name.startsWith(QLatin1String("ines")))
        return EventSource::Backfill;
    return EventSource::Webhook;
}

QStringList ids(const std::vector<StoredEvent>& events)
{
    QStringList result;
    for (const StoredEvent& event : events)
        result << event.fields.id;
    return result;
}

// The same query answered from the fixtures themselves, newest first (ties: stored last first).
QStringList expectedIds(const QList<Expected>& all, const std::function<bool(const Expected&)>& keep,
                        int limit = 1000)
{
    QList<Expected> kept;
    for (const Expected& e : all) {
        if (keep(e))
            kept << e;
    }
    std::stable_sort(kept.begin(), kept.end(),
                     [](const Expected& a, const Expected& b) { return a.created > b.created; });
    QStringList result;
    for (const Expected& e : kept.mid(0, limit))
        result << e.id;
    return result;
}

// A live-mode copy of a fixture under another id, for the livemode filter.
QByteArray liveCopy(const QString& name, std::int64_t number)
{
    QByteArray raw = Fixtures::withEventId(Fixtures::load(name), Fixtures::syntheticEventId(number));
    // The envelope's own "livemode" is the last one at two spaces of indentation.
    const QByteArray envelopeFlag("\n  \"livemode\": false");
    const qsizetype at = raw.lastIndexOf(envelopeFlag);
    return raw.replace(at, envelopeFlag.size(), "\n  \"livemode\": true");
}

} // namespace

class TestEventStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void countAndDefaultOrder();
    void typeExact();
    void typeWildcard();
    void severalTypes();
    void typeMatchingIsExact();
    void customerFilter();
    void createdRange();
    void sourceFilter();
    void livemodeFilter();
    void limit();
    void combinedFilters();
    void findReturnsExactBytes();
    void findWithoutRaw();
    void findUnknown();
    void newest();
    void newestTieGoesToLastStored();
    void stats();
    void totalsAreKeptByTheWriter();
    void totalsOfAStoreFromBeforeTheyWereKept();
    void statsOfEmptyStore();
    void stateAndCounters();
    void readerSeesLaterCommits();
    void validTypePatterns_data();
    void validTypePatterns();

private:
    std::unique_ptr<TempStore> m_store;
    std::optional<EventStore> m_reader;
    QList<Expected> m_expected;
};

void TestEventStore::initTestCase()
{
    m_store = std::make_unique<TempStore>();
    QVERIFY(m_store->isValid());
    std::vector<IncomingEvent> events;
    for (const QString& name : Fixtures::names()) {
        const IncomingEvent event = TempStore::incoming(Fixtures::load(name), sourceFor(name));
        m_expected << Expected{event.fields.id, event.fields.type, event.fields.created,
                               event.fields.customerId, event.source};
        events.push_back(event);
    }
    // Stored in story order rather than name order, as a live endpoint would receive them.
    std::stable_sort(events.begin(), events.end(), [](const IncomingEvent& a, const IncomingEvent& b) {
        return a.fields.created < b.fields.created;
    });
    QVERIFY(m_store->add(std::move(events)).committed);
    m_reader.emplace(m_store->reader());
}

void TestEventStore::cleanupTestCase()
{
    m_reader.reset();
    m_store.reset();
}

void TestEventStore::countAndDefaultOrder()
{
    QCOMPARE(m_reader->count(), m_expected.size());
    const auto all = m_reader->list(EventFilter{});
    QCOMPARE(qsizetype(all.size()), m_expected.size());
    QCOMPARE(ids(all), expectedIds(m_expected, [](const Expected&) { return true; }));
    for (std::size_t i = 1; i < all.size(); ++i)
        QVERIFY(all[i - 1].fields.created >= all[i].fields.created);
    // Summaries do not carry the payload.
    QVERIFY(all.front().raw.isEmpty());
    QCOMPARE(all.front().fields.id, QStringLiteral("evt_1T3staveBa03sFLpRfF94mpm")); // Maren's dispute
    QCOMPARE(all.back().fields.id, QStringLiteral("evt_1T3stMWNEOwwUPEe65k1Jci6"));  // Maren signs up
}

void TestEventStore::typeExact()
{
    EventFilter filter;
    filter.types = {QStringLiteral("invoice.paid")};
    const auto events = m_reader->list(filter);
    QCOMPARE(ids(events), expectedIds(m_expected, [](const Expected& e) {
                 return e.type == QLatin1String("invoice.paid");
             }));
    QCOMPARE(events.size(), std::size_t(4));
}

void TestEventStore::typeWildcard()
{
    EventFilter filter;
    filter.types = {QStringLiteral("invoice.*")};
    const auto events = m_reader->list(filter);
    QCOMPARE(ids(events), expectedIds(m_expected, [](const Expected& e) {
                 return e.type.startsWith(QLatin1String("invoice."));
             }));
    QSet<QString> types;
    for (const StoredEvent& event : events)
        types.insert(event.fields.type);
    QCOMPARE(types, (QSet<QString>{QStringLiteral("invoice.paid"), QStringLiteral("invoice.payment_failed"),
                                   QStringLiteral("invoice.upcoming")}));

    filter.types = {QStringLiteral("customer.subscription.*")};
    QCOMPARE(ids(m_reader->list(filter)), expectedIds(m_expected, [](const Expected& e) {
                 return e.type.startsWith(QLatin1String("customer.subscription."));
             }));
    filter.types = {QStringLiteral("*")};
    QCOMPARE(qsizetype(m_reader->list(filter).size()), m_expected.size());
    filter.types = {QStringLiteral("*.deleted")};
    QCOMPARE(ids(m_reader->list(filter)), expectedIds(m_expected, [](const Expected& e) {
                 return e.type.endsWith(QLatin1String(".deleted"));
             }));
}

void TestEventStore::severalTypes()
{
    EventFilter filter;
    filter.types = {QStringLiteral("customer.deleted"), QStringLiteral("charge.*"),
                    QStringLiteral("invoice.upcoming")};
    const auto events = m_reader->list(filter);
    QCOMPARE(ids(events), expectedIds(m_expected, [](const Expected& e) {
                 return e.type == QLatin1String("customer.deleted") ||
                        e.type.startsWith(QLatin1String("charge.")) ||
                        e.type == QLatin1String("invoice.upcoming");
             }));
    QCOMPARE(events.size(), std::size_t(4));
}

void TestEventStore::typeMatchingIsExact()
{
    EventFilter filter;
    for (const QString& pattern :
         {QStringLiteral("invoice"), QStringLiteral("invoice."), QStringLiteral("Invoice.paid"),
          QStringLiteral("invoice.paid.extra"), QStringLiteral("nvoice.paid")}) {
        filter.types = {pattern};
        QVERIFY2(m_reader->list(filter).empty(), qPrintable(pattern));
    }
}

void TestEventStore::customerFilter()
{
    EventFilter filter;
    filter.customerId = kTobias;
    const auto events = m_reader->list(filter);
    QCOMPARE(ids(events), expectedIds(m_expected, [](const Expected& e) { return e.customerId == kTobias; }));
    QCOMPARE(events.size(), std::size_t(8));
    for (const StoredEvent& event : events)
        QCOMPARE(event.fields.customerId, kTobias);

    filter.customerId = QStringLiteral("cus_T3stNobodyHere");
    QVERIFY(m_reader->list(filter).empty());
}

void TestEventStore::createdRange()
{
    // From Maren's first failed renewal (inclusive) to the recovery (exclusive).
    const std::int64_t from = 1792059283;
    const std::int64_t to = 1792690124;
    EventFilter filter;
    filter.createdFrom = from;
    QCOMPARE(ids(m_reader->list(filter)),
             expectedIds(m_expected, [&](const Expected& e) { return e.created >= from; }));
    QCOMPARE(m_reader->list(filter).back().fields.created, from);
    filter.createdTo = to;
    const auto window = m_reader->list(filter);
    QCOMPARE(ids(window),
             expectedIds(m_expected, [&](const Expected& e) { return e.created >= from && e.created < to; }));
    QCOMPARE(window.size(), std::size_t(3));
    filter.createdFrom.reset();
    QCOMPARE(ids(m_reader->list(filter)),
             expectedIds(m_expected, [&](const Expected& e) { return e.created < to; }));
}

void TestEventStore::sourceFilter()
{
    EventFilter filter;
    for (EventSource source : {EventSource::Webhook, EventSource::Poll, EventSource::Backfill}) {
        filter.source = source;
        const auto events = m_reader->list(filter);
        QCOMPARE(ids(events), expectedIds(m_expected, [&](const Expected& e) { return e.source == source; }));
        QVERIFY(!events.empty());
        for (const StoredEvent& event : events) {
            QCOMPARE(store::toString(event.source), store::toString(source));
            QCOMPARE(store::toString(event.verdict),
                     source == EventSource::Webhook ? QStringLiteral("verified") : QStringLiteral("api"));
        }
    }
}

void TestEventStore::livemodeFilter()
{
    TempStore store;
    QVERIFY(
        store
            .addFixtures({QStringLiteral("ines-01-customer.created"), QStringLiteral("ines-03-invoice.paid")})
            .committed);
    QVERIFY(store.addRaw({liveCopy(QStringLiteral("ines-03-invoice.paid"), 1)}).committed);
    EventStore reader = store.reader();
    EventFilter filter;
    filter.livemode = true;
    const auto live = reader.list(filter);
    QCOMPARE(ids(live), QStringList{Fixtures::syntheticEventId(1)});
    QCOMPARE(live.front().fields.livemode, true);
    filter.livemode = false;
    QCOMPARE(reader.list(filter).size(), std::size_t(2));
    filter.livemode.reset();
    QCOMPARE(reader.list(filter).size(), std::size_t(3));
    const StoreStats stats = reader.stats();
    QCOMPARE(stats.liveEvents, 1);
    QCOMPARE(stats.testEvents, 2);
}

void TestEventStore::limit()
{
    EventFilter filter;
    filter.limit = 5;
    QCOMPARE(ids(m_reader->list(filter)), expectedIds(
                                              m_expected, [](const Expected&) { return true; }, 5));
    filter.limit = 1;
    QCOMPARE(m_reader->list(filter).size(), std::size_t(1));
    filter.limit = 10000;
    QCOMPARE(qsizetype(m_reader->list(filter).size()), m_expected.size());
    // The default is a bounded page, not the whole store.
    QCOMPARE(EventFilter{}.limit, 100);
}

void TestEventStore::combinedFilters()
{
    EventFilter filter;
    filter.types = {QStringLiteral("invoice.*"), QStringLiteral("customer.subscription.updated")};
    filter.customerId = kMaren;
    filter.createdFrom = 1792000000;
    filter.source = EventSource::Webhook;
    filter.limit = 4;
    const auto events = m_reader->list(filter);
    QCOMPARE(ids(events), expectedIds(
                              m_expected,
                              [](const Expected& e) {
                                  return (e.type.startsWith(QLatin1String("invoice.")) ||
                                          e.type == QLatin1String("customer.subscription.updated")) &&
                                         e.customerId == kMaren && e.created >= 1792000000;
                              },
                              4));
    QCOMPARE(events.size(), std::size_t(4));
    filter.customerId = kInes;
    QVERIFY(m_reader->list(filter).empty());
}

void TestEventStore::findReturnsExactBytes()
{
    for (const QString& name : Fixtures::names()) {
        const QByteArray raw = Fixtures::load(name);
        const IncomingEvent incoming = TempStore::incoming(raw, sourceFor(name));
        const auto found = m_reader->find(incoming.fields.id);
        QVERIFY2(found, qPrintable(name));
        QCOMPARE(found->raw, raw);
        QCOMPARE(found->fields.type, incoming.fields.type);
        QCOMPARE(found->fields.created, incoming.fields.created);
        QCOMPARE(found->fields.apiVersion, QStringLiteral("2026-07-29.dahlia"));
        QCOMPARE(found->fields.objectType, incoming.fields.objectType);
        QCOMPARE(found->fields.objectId, incoming.fields.objectId);
        QCOMPARE(found->fields.customerId, incoming.fields.customerId);
        QVERIFY(found->fields.account.isEmpty());
        QCOMPARE(found->receivedAtMs, incoming.fields.created * 1000 + 1500);
        QCOMPARE(found->signatureHeader, incoming.signatureHeader);
        QCOMPARE(found->duplicateCount, 0);
        QVERIFY(found->seq > 0);
    }
    // Optional fields come back empty, not as the text "null".
    const auto upcoming = m_reader->find(QStringLiteral("evt_1T3steHryig91xeIvOCISZXt"));
    QVERIFY(upcoming);
    QVERIFY(upcoming->fields.objectId.isEmpty());
    const auto polled = m_reader->find(QStringLiteral("evt_1T3stMNUeWhuknnYSpRsK7QE"));
    QVERIFY(polled);
    QVERIFY(polled->signatureHeader.isEmpty());
}

void TestEventStore::findWithoutRaw()
{
    const auto found = m_reader->find(QStringLiteral("evt_1T3stNlsZgRQHdf1OJO1QlIJ"), false);
    QVERIFY(found);
    QVERIFY(found->raw.isEmpty());
    QCOMPARE(found->fields.type, QStringLiteral("invoice.paid"));
    QCOMPARE(found->fields.customerId, kMaren);
}

void TestEventStore::findUnknown()
{
    QVERIFY(!m_reader->find(QStringLiteral("evt_1T3stDoesNotExist0000000")));
    QVERIFY(!m_reader->find(QString()));
    // Ids are matched exactly, never as patterns.
    QVERIFY(!m_reader->find(QStringLiteral("evt_%")));
    QVERIFY(!m_reader->find(QStringLiteral("evt_1T3stNlsZgRQHdf1OJO1QlI*")));
}

void TestEventStore::newest()
{
    const auto newest = m_reader->newest();
    QVERIFY(newest);
    QCOMPARE(newest->fields.id, QStringLiteral("evt_1T3staveBa03sFLpRfF94mpm"));
    QCOMPARE(newest->fields.created, 1795019714);

    TempStore empty;
    QVERIFY(empty.add({}).committed);
    QVERIFY(!empty.reader().newest());
}

void TestEventStore::newestTieGoesToLastStored()
{
    TempStore store;
    // Two events in the same second, stored in this order; then an older one arriving late.
    const QByteArray first = Fixtures::withEventId(
        Fixtures::load(QStringLiteral("maren-10-invoice.payment_failed")), Fixtures::syntheticEventId(2));
    const QByteArray second = Fixtures::withEventId(
        Fixtures::load(QStringLiteral("maren-10-invoice.payment_failed")), Fixtures::syntheticEventId(1));
    QVERIFY(store.addRaw({first}).committed);
    QVERIFY(store.addRaw({second}).committed);
    QVERIFY(store.addFixtures({QStringLiteral("maren-01-customer.created")}).committed);
    EventStore reader = store.reader();
    QCOMPARE(reader.newest()->fields.id, Fixtures::syntheticEventId(1));
    QCOMPARE(ids(reader.list({})), (QStringList{Fixtures::syntheticEventId(1), Fixtures::syntheticEventId(2),
                                                QStringLiteral("evt_1T3stMWNEOwwUPEe65k1Jci6")}));
}

void TestEventStore::totalsAreKeptByTheWriter()
{
    TempStore store;
    QVERIFY(store.addAllFixtures().committed);
    QVERIFY(store.addFixtures({QStringLiteral("maren-13-invoice.paid")}, EventSource::Poll)
                .committed); // duplicate
    QVERIFY(store
                .add({TempStore::incoming(
                    test::minimalEvent("evt_LiveTotal1", "invoice.paid", "cus_LiveTotal", true),
                    EventSource::Webhook)})
                .committed);
    store.stopWriter();

    EventStore reader = store.reader();
    const auto totals = reader.totals();
    const StoreStats stats = reader.stats();
    QCOMPARE(totals.events, stats.events);
    QCOMPARE(totals.liveEvents, 1);
    QCOMPARE(totals.testEvents, stats.testEvents);
    QCOMPARE(totals.events, std::int64_t(Fixtures::names().size()) + 1);
    QVERIFY(totals.newest.has_value());
    QCOMPARE(totals.newest->fields.id, reader.newest()->fields.id);
    // The totals are bookkeeping, not something an operator counts.
    for (const auto& [name, value] : stats.counters)
        QVERIFY2(!name.startsWith(QLatin1String("events.")), qPrintable(name));
}

void TestEventStore::totalsOfAStoreFromBeforeTheyWereKept()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v2.sqlite"));
    {
        // A store at schema 2 with events written before the writer kept totals.
        auto connection = Database::openForWriting(path, store::builtinMigrations().first(2));
        connection.exec(
            "INSERT INTO events (id, type, created, livemode, source, received_at_ms, signature, raw) "
            "VALUES ('evt_Old1', 'invoice.paid', 1, 0, 'webhook', 1, 'verified', x'7b7d'), "
            "('evt_Old2', 'invoice.paid', 2, 1, 'webhook', 1, 'verified', x'7b7d'), "
            "('evt_Old3', 'customer.created', 3, 0, 'poll', 1, 'api', x'7b7d')");
    }
    {
        auto upgraded = Database::openForWriting(path);
    }
    EventStore reader = EventStore::openForReading(path);
    const auto totals = reader.totals();
    QCOMPARE(totals.events, 3);
    QCOMPARE(totals.liveEvents, 1);
    QCOMPARE(totals.testEvents, 2);
    QCOMPARE(totals.newest->fields.id, QStringLiteral("evt_Old3"));
}

void TestEventStore::stats()
{
    TempStore store;
    QVERIFY(store.addAllFixtures().committed);
    // Two re-deliveries of one event and one of another.
    QVERIFY(
        store
            .addFixtures({QStringLiteral("maren-13-invoice.paid"), QStringLiteral("maren-13-invoice.paid")},
                         EventSource::Poll)
            .committed);
    QVERIFY(store.addFixtures({QStringLiteral("tobias-08-customer.deleted")}).committed);
    store.writer().addToCounter(QStringLiteral("webhook.rejected.signature_mismatch"), 4);
    store.writer().addToCounter(QStringLiteral("poll.pages"), 2);
    store.stopWriter();

    const StoreStats stats = store.reader().stats();
    QCOMPARE(stats.events, m_expected.size());
    QCOMPARE(stats.duplicatesSeen, 3);
    QCOMPARE(stats.liveEvents, 0);
    QCOMPARE(stats.testEvents, m_expected.size());
    QCOMPARE(stats.bySource.size(), std::size_t(1));
    QCOMPARE(stats.bySource[0].first, QStringLiteral("webhook"));
    QCOMPARE(stats.bySource[0].second, m_expected.size());

    // Most frequent first, ties by name.
    QVERIFY(!stats.byType.empty());
    QCOMPARE(stats.byType[0],
             (std::pair<QString, std::int64_t>(QStringLiteral("customer.subscription.updated"), 8)));
    QCOMPARE(stats.byType[1], (std::pair<QString, std::int64_t>(QStringLiteral("invoice.paid"), 4)));
    QCOMPARE(stats.byType[2],
             (std::pair<QString, std::int64_t>(QStringLiteral("invoice.payment_failed"), 4)));
    std::int64_t total = 0;
    for (std::size_t i = 0; i < stats.byType.size(); ++i) {
        total += stats.byType[i].second;
        if (i > 0) {
            const auto& previous = stats.byType[i - 1];
            QVERIFY(previous.second > stats.byType[i].second ||
                    (previous.second == stats.byType[i].second && previous.first < stats.byType[i].first));
        }
    }
    QCOMPARE(total, stats.events);
    QSet<QString> distinctTypes;
    for (const Expected& e : std::as_const(m_expected))
        distinctTypes.insert(e.type);
    QCOMPARE(qsizetype(stats.byType.size()), distinctTypes.size());

    QCOMPARE(stats.counters.size(), std::size_t(2));
    QCOMPARE(stats.counters[0], (std::pair<QString, std::int64_t>(QStringLiteral("poll.pages"), 2)));
    QCOMPARE(stats.counters[1],
             (std::pair<QString, std::int64_t>(QStringLiteral("webhook.rejected.signature_mismatch"), 4)));
    QCOMPARE(stats.newestCreated.value_or(0), 1795019714);
    QCOMPARE(stats.oldestCreated.value_or(0), 1788254045);
    QCOMPARE(stats.newestEventId, QStringLiteral("evt_1T3staveBa03sFLpRfF94mpm"));
    QCOMPARE(stats.schemaVersion, Database::latestSchemaVersion());
}

void TestEventStore::statsOfEmptyStore()
{
    TempStore store;
    QVERIFY(store.add({}).committed);
    const StoreStats stats = store.reader().stats();
    QCOMPARE(stats.events, 0);
    QCOMPARE(stats.duplicatesSeen, 0);
    QVERIFY(stats.bySource.empty());
    QVERIFY(stats.byType.empty());
    QVERIFY(stats.counters.empty());
    QVERIFY(!stats.newestCreated);
    QVERIFY(!stats.oldestCreated);
    QVERIFY(stats.newestEventId.isEmpty());
    QCOMPARE(stats.schemaVersion, Database::latestSchemaVersion());
}

void TestEventStore::stateAndCounters()
{
    TempStore store;
    QVERIFY(store
                .add({}, {{QStringLiteral("poll.newest_seen"), QStringLiteral("evt_1T3stA")},
                          {QStringLiteral("empty.value"), QString(QLatin1String(""))}})
                .committed);
    QVERIFY(store.add({}, {{QStringLiteral("poll.newest_seen"), QStringLiteral("evt_1T3stB")}}).committed);
    store.writer().addToCounter(QStringLiteral("webhook.stored"), 41);
    store.writer().addToCounter(QStringLiteral("webhook.stored"));
    store.stopWriter();

    EventStore reader = store.reader();
    QCOMPARE(reader.state(QStringLiteral("poll.newest_seen")), QStringLiteral("evt_1T3stB"));
    QVERIFY(reader.state(QStringLiteral("never.set")).isNull());
    QCOMPARE(reader.counter(QStringLiteral("webhook.stored")), 42);
    QCOMPARE(reader.counter(QStringLiteral("never.counted")), 0);
}

void TestEventStore::readerSeesLaterCommits()
{
    TempStore store;
    QVERIFY(store.addFixtures({QStringLiteral("ines-01-customer.created")}).committed);
    // A long-lived reader (the console keeps one open) sees what the writer commits afterwards.
    EventStore reader = store.reader();
    QCOMPARE(reader.count(), 1);
    QVERIFY(store.addFixtures({QStringLiteral("ines-02-customer.subscription.created")}).committed);
    QCOMPARE(reader.count(), 2);
    QCOMPARE(reader.newest()->fields.type, QStringLiteral("customer.subscription.created"));
}

void TestEventStore::validTypePatterns_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("valid");
    QTest::newRow("exact") << QStringLiteral("invoice.paid") << true;
    QTest::newRow("wildcard") << QStringLiteral("invoice.*") << true;
    QTest::newRow("everything") << QStringLiteral("*") << true;
    QTest::newRow("nested") << QStringLiteral("customer.subscription.trial_will_end") << true;
    QTest::newRow("digits") << QStringLiteral("v1.billing.meter.error_report_triggered") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << QStringLiteral("invoice paid") << false;
    QTest::newRow("surrounding space") << QStringLiteral(" invoice.paid") << false;
    QTest::newRow("glob class") << QStringLiteral("invoice.[pv]aid") << false;
    QTest::newRow("glob any char") << QStringLiteral("invoice.?aid") << false;
    QTest::newRow("sql") << QStringLiteral("x' OR '1'='1") << false;
    QTest::newRow("comma") << QStringLiteral("invoice.paid,charge.refunded") << false;
    QTest::newRow("slash") << QStringLiteral("invoice/paid") << false;
    QTest::newRow("non-ascii") << QStringLiteral("invoice.bezahlt\u00fc") << false;
    QTest::newRow("newline") << QStringLiteral("invoice.paid\n") << false;
}

void TestEventStore::validTypePatterns()
{
    QFETCH(QString, pattern);
    QFETCH(bool, valid);
    QCOMPARE(EventStore::isValidTypePattern(pattern), valid);
}

} // namespace billbridge::test

QTEST_GUILESS_MAIN(billbridge::test::TestEventStore)
#include "tst_eventstore.moc"
