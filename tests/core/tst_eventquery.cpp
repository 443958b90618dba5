// EventQuery: filters, keyset paging in both directions, live updates, counts and query plans, on real
// stores filled with the project's fixtures and synthetic events.

#include "store/database.h"
#include "store/eventquery.h"
#include "store/eventstore.h"
#include "store/fulltextindexer.h"
#include "store/migrations.h"
#include "support/fixtures.h"
#include "support/syntheticevents.h"
#include "support/tempstore.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace billbridge;
using store::EventCursor;
using store::EventFilter;
using store::EventQuery;

namespace {

void indexEverything(const QString& path)
{
    store::SqliteConnection connection = store::Database::openForWriting(path);
    while (store::FullTextIndexer::indexBatch(connection, 7) > 0) {
    }
}

QList<std::int64_t> seqs(const std::vector<store::StoredEvent>& events)
{
    QList<std::int64_t> out;
    for (const auto& event : events)
        out << event.seq;
    return out;
}

// The expected order, computed independently of EventQuery's SQL.
QList<std::int64_t> expectedOrder(std::vector<store::StoredEvent> all)
{
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return a.fields.created != b.fields.created ? a.fields.created > b.fields.created : a.seq > b.seq;
    });
    return seqs(all);
}

QList<std::int64_t> walkForward(EventQuery& query, const EventFilter& filter, int limit)
{
    QList<std::int64_t> out;
    std::optional<EventCursor> cursor;
    for (int guard = 0; guard < 10000; ++guard) {
        const store::EventPage page = query.page(filter, cursor, limit);
        out << seqs(page.events);
        if (!page.hasMore || page.events.empty())
            break;
        cursor = EventCursor::of(page.events.back());
    }
    return out;
}

QList<std::int64_t> walkBackward(EventQuery& query, const EventFilter& filter, int limit)
{
    QList<std::int64_t> out;
    std::optional<EventCursor> cursor;
    for (int guard = 0; guard < 10000; ++guard) {
        const store::EventPage page = query.pageBefore(filter, cursor, limit);
        out = seqs(page.events) + out;
        if (!page.hasMore || page.events.empty())
            break;
        cursor = EventCursor::of(page.events.front());
    }
    return out;
}

} // namespace

class TestEventQuery : public QObject {
    Q_OBJECT

private:
    // Fixtures, plus synthetic invoices and many minimal events that share one `created` second.
    void fillMixed(test::TempStore& temp)
    {
        QVERIFY(temp.addAllFixtures().committed);
        QRandomGenerator random(7);
        QList<QByteArray> bodies;
        for (int i = 0; i < 60; ++i)
            bodies << test::syntheticInvoicePaidEvent(random, i % 20, 1500);
        static const char* types[] = {"invoice.paid", "invoice.payment_failed", "invoiceitem.created",
                                      "customer.updated", "charge.succeeded"};
        for (int i = 0; i < 150; ++i)
            bodies << test::minimalEvent("evt_Tie" + QByteArray::number(i), types[i % 5],
                                         i % 3 ? "cus_TieA" : "cus_TieB", i % 4 == 0);
        QVERIFY(temp.addRaw(bodies).committed);
        QVERIFY(temp.addRaw({test::minimalEvent("evt_Polled1")}, store::EventSource::Poll).committed);
    }

    std::vector<store::StoredEvent> everything(store::EventStore& events)
    {
        EventFilter all;
        all.limit = 1000000;
        return events.list(all);
    }

private slots:
    void emailIsExtractedAtIntake()
    {
        test::TempStore temp;
        QVERIFY(temp.addAllFixtures().committed);
        store::EventStore events = temp.reader();
        const QString maren = QStringLiteral("maren.holloway@example.com");
        for (const QString& name :
             {QStringLiteral("maren-01-customer.created"),
              QStringLiteral("maren-04-checkout.session.completed"),
              QStringLiteral("maren-15-charge.refunded"), QStringLiteral("maren-07-invoice.paid")}) {
            const auto fields = temp.incoming(test::Fixtures::load(name)).fields;
            QCOMPARE(fields.customerEmail, maren);
            QCOMPARE(events.find(fields.id)->fields.customerEmail, maren);
        }
        const auto subscription =
            temp.incoming(test::Fixtures::load(QStringLiteral("maren-06-customer.subscription.updated")))
                .fields;
        QVERIFY(subscription.customerEmail.isEmpty());
    }

    void emailFilterIsCaseInsensitive()
    {
        test::TempStore temp;
        QVERIFY(temp.addAllFixtures().committed);
        store::EventStore events = temp.reader();
        EventQuery query = events.query();
        EventFilter filter;
        filter.customerEmail = QStringLiteral("  Maren.HOLLOWAY@example.com ");
        const auto page = query.page(filter, std::nullopt, 100);
        QVERIFY(page.events.size() >= 8);
        for (const auto& event : page.events)
            QCOMPARE(event.fields.customerEmail.toLower(), QStringLiteral("maren.holloway@example.com"));
        filter.customerEmail = QStringLiteral("nobody@example.com");
        QVERIFY(query.page(filter, std::nullopt, 100).events.empty());
    }

    void pagingNeverSkipsOrRepeats_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("limit");
        for (int limit : {1, 7, 50}) {
            QTest::addRow("all, %d", limit) << 0 << limit;
            QTest::addRow("one type, %d", limit) << 1 << limit;
            QTest::addRow("wildcard types, %d", limit) << 2 << limit;
            QTest::addRow("customer and type, %d", limit) << 3 << limit;
            QTest::addRow("livemode, %d", limit) << 4 << limit;
            QTest::addRow("text, %d", limit) << 5 << limit;
        }
    }

    void pagingNeverSkipsOrRepeats()
    {
        QFETCH(int, kind);
        QFETCH(int, limit);
        test::TempStore temp;
        fillMixed(temp);
        indexEverything(temp.path());
        store::EventStore events = temp.reader();
        EventQuery query = events.query();

        EventFilter filter;
        std::function<bool(const store::StoredEvent&)> keep = [](const auto&) { return true; };
        switch (kind) {
        case 1:
            filter.types = {QStringLiteral("invoice.paid")};
            keep = [](const auto& e) { return e.fields.type == QLatin1String("invoice.paid"); };
            break;
        case 2:
            filter.types = {QStringLiteral("invoice.*"), QStringLiteral("charge.succeeded")};
            keep = [](const auto& e) {
                return e.fields.type.startsWith(QLatin1String("invoice.")) ||
                       e.fields.type == QLatin1String("charge.succeeded");
            };
            break;
        case 3:
            filter.types = {QStringLiteral("invoice*")};
            filter.customerId = QStringLiteral("cus_TieA");
            keep = [](const auto& e) {
                return e.fields.type.startsWith(QLatin1String("invoice")) &&
                       e.fields.customerId == QLatin1String("cus_TieA");
            };
            break;
        case 4:
            filter.livemode = true;
            keep = [](const auto& e) { return e.fields.livemode; };
            break;
        case 5:
            filter.text = QStringLiteral("cus_TieB");
            keep = [](const auto& e) { return e.fields.customerId == QLatin1String("cus_TieB"); };
            break;
        }
        std::vector<store::StoredEvent> matching;
        for (const auto& event : everything(events))
            if (keep(event))
                matching.push_back(event);
        const QList<std::int64_t> expected = expectedOrder(matching);
        QVERIFY(expected.size() > 3);

        QCOMPARE(walkForward(query, filter, limit), expected);
        QCOMPARE(walkBackward(query, filter, limit), expected);
        const store::EventCount counted = query.count(filter);
        QCOMPARE(counted.count, expected.size());
        QVERIFY(counted.exact);
        QCOMPARE(query.count(filter, 3).count, 3);
        QVERIFY(!query.count(filter, 3).exact);

        // The oldest page ("jump to the end") ends with the oldest row and is newest first.
        const auto oldest = query.pageBefore(filter, std::nullopt, limit);
        QCOMPARE(seqs(oldest.events),
                 expected.mid(expected.size() - std::min<qsizetype>(limit, expected.size())));
    }

    void typePatterns_data()
    {
        QTest::addColumn<QStringList>("patterns");
        QTest::addColumn<QStringList>("expectedTypes");
        const QString paid = QStringLiteral("invoice.paid"),
                      failed = QStringLiteral("invoice.payment_failed"),
                      item = QStringLiteral("invoiceitem.created"),
                      customer = QStringLiteral("customer.updated"),
                      charge = QStringLiteral("charge.succeeded");
        QTest::newRow("exact") << QStringList{paid} << QStringList{paid};
        QTest::newRow("prefix with dot")
            << QStringList{QStringLiteral("invoice.*")} << QStringList{paid, failed};
        QTest::newRow("prefix without dot")
            << QStringList{QStringLiteral("invoice*")} << QStringList{paid, failed, item};
        QTest::newRow("suffix") << QStringList{QStringLiteral("*.paid")} << QStringList{paid};
        QTest::newRow("middle") << QStringList{QStringLiteral("in*d")} << QStringList{paid, failed, item};
        QTest::newRow("star alone") << QStringList{QStringLiteral("*")}
                                    << QStringList{charge, customer, paid, failed, item};
        QTest::newRow("several") << QStringList{paid, QStringLiteral("charge.*")}
                                 << QStringList{charge, paid};
        QTest::newRow("no partial match") << QStringList{QStringLiteral("invoice")} << QStringList{};
        QTest::newRow("glob characters are literal")
            << QStringList{QStringLiteral("invoice.pai?"), QStringLiteral("[i]nvoice.paid")} << QStringList{};
        QTest::newRow("unknown") << QStringList{QStringLiteral("nothing.here")} << QStringList{};
        QTest::newRow("case matters") << QStringList{QStringLiteral("INVOICE.*")} << QStringList{};
    }

    void typePatterns()
    {
        QFETCH(QStringList, patterns);
        QFETCH(QStringList, expectedTypes);
        test::TempStore temp;
        static const char* types[] = {"invoice.paid", "invoice.payment_failed", "invoiceitem.created",
                                      "customer.updated", "charge.succeeded"};
        QList<QByteArray> bodies;
        for (int i = 0; i < 25; ++i)
            bodies << test::minimalEvent("evt_Pat" + QByteArray::number(i), types[i % 5]);
        QVERIFY(temp.addRaw(bodies).committed);
        store::EventStore events = temp.reader();
        EventQuery query = events.query();
        QStringList sortedExpected = expectedTypes;
        sortedExpected.sort();
        QCOMPARE(query.expandTypes(patterns), sortedExpected);
        EventFilter filter;
        filter.types = patterns;
        QSet<QString> seen;
        const auto page = query.page(filter, std::nullopt, 100);
        for (const auto& event : page.events)
            seen.insert(event.fields.type);
        QCOMPARE(seen, QSet<QString>(expectedTypes.cbegin(), expectedTypes.cend()));
        QCOMPARE(page.events.size(), std::size_t(expectedTypes.size() * 5));
        // The same patterns checked row by row (live updates) agree with the index-driven pages.
        QCOMPARE(query.newerThan(0, filter, 100).events.size(), page.events.size());
    }

    void fullTextInputIsAlwaysAValidQuery_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected"); // -1: anything, as long as it does not fail
        QTest::newRow("email") << QStringLiteral("maren.holloway@example.com") << 1;
        QTest::newRow("name") << QStringLiteral("Tobias Okafor") << 1;
        QTest::newRow("invoice number") << QStringLiteral("LRKMH7QA-0002") << 1;
        QTest::newRow("customer id") << QStringLiteral("cus_TieB") << 1;
        QTest::newRow("prefix") << QStringLiteral("holl*") << 1;
        QTest::newRow("double quote") << QStringLiteral("\"maren") << 1;
        QTest::newRow("unbalanced quotes") << QStringLiteral("ma\"ren\" \"") << 0;
        QTest::newRow("star alone") << QStringLiteral("*") << 2;
        QTest::newRow("stars") << QStringLiteral("** * ***") << 2;
        QTest::newRow("minus") << QStringLiteral("-maren") << 1;
        QTest::newRow("dash alone") << QStringLiteral("- -- maren") << 1;
        QTest::newRow("OR keyword") << QStringLiteral("maren OR tobias") << 0;
        QTest::newRow("AND NOT NEAR") << QStringLiteral("AND NOT NEAR(maren tobias) ^maren") << 0;
        QTest::newRow("column filter") << QStringLiteral("body:maren {body}: maren") << -1;
        QTest::newRow("parentheses") << QStringLiteral("(maren") << 1;
        QTest::newRow("sql") << QStringLiteral("'); DROP TABLE events; --") << 0;
        QTest::newRow("unicode") << QStringLiteral("Jürgen Müller") << 1;
        QTest::newRow("unicode folded") << QStringLiteral("jurgen MULLER") << 1;
        QTest::newRow("emoji and cjk") << QStringLiteral("\U0001F600 東京") << 0;
        QTest::newRow("nul and control") << QString::fromUtf16(u"mar\u0000en\u0001") << 0;
        QTest::newRow("empty") << QString() << 2;
        QTest::newRow("nothing matches") << QStringLiteral("zzzznotthere") << 0;
    }

    void fullTextInputIsAlwaysAValidQuery()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        test::TempStore temp;
        QVERIFY(temp.addAllFixtures().committed);
        QVERIFY(temp.addRaw({test::minimalEvent("evt_Tie1", "invoice.paid", "cus_TieB"),
                             QByteArray(R"({"id":"evt_Unicode1","object":"event","type":"customer.updated",)"
                                        R"("created":1790000001,"data":{"object":{"id":"cus_U1","object":)"
                                        R"("customer","name":"J\u00fcrgen M\u00fcller"}}})")})
                    .committed);
        indexEverything(temp.path());
        store::EventStore events = temp.reader();
        EventQuery query = events.query();
        EventFilter filter;
        filter.text = text;
        const auto page = query.page(filter, std::nullopt, 1000);
        const auto total = query.count(EventFilter{}).count;
        if (expected == 0)
            QVERIFY(page.events.empty());
        else if (expected == 1)
            QVERIFY(!page.events.empty() && std::int64_t(page.events.size()) < total);
        else if (expected == 2)
            QCOMPARE(std::int64_t(page.events.size()), total); // no searchable word: no condition
        QVERIFY(query.count(filter).exact);
        query.newerThan(0, filter, 10);
    }

    void fullTextQueryQuotesEveryTerm()
    {
        QCOMPARE(EventQuery::fullTextQuery(QStringLiteral("a\"b OR c*")),
                 QStringLiteral("\"a\"\"b\" \"OR\" \"c\" *"));
        QCOMPARE(EventQuery::fullTextQuery(QStringLiteral(" - * ")), QString());
    }

    void newerThanFollowsIntakeAndTheIndex()
    {
        test::TempStore temp;
        QVERIFY(temp.addAllFixtures().committed);
        store::EventStore events = temp.reader();
        EventQuery query = events.query();
        EventFilter filter;
        filter.types = {QStringLiteral("invoice.*")};
        const std::int64_t start = query.latestSeq();
        QVERIFY(query.newerThan(start, filter, 10).events.empty());

        QList<QByteArray> bodies;
        for (int i = 0; i < 5; ++i)
            bodies << test::minimalEvent("evt_Live" + QByteArray::number(i),
                                         i % 2 ? "invoice.paid" : "customer.updated", "cus_Live");
        QVERIFY(temp.addRaw(bodies).committed);
        auto update = query.newerThan(start, filter, 10);
        QCOMPARE(update.events.size(), std::size_t(2));
        QVERIFY(update.events.front().seq < update.events.back().seq);
        QCOMPARE(update.throughSeq, query.latestSeq());
        // A small limit hands out the rest on the next call.
        update = query.newerThan(start, EventFilter{}, 3);
        QCOMPARE(update.events.size(), std::size_t(3));
        QCOMPARE(update.throughSeq, update.events.back().seq);
        QCOMPARE(query.newerThan(update.throughSeq, EventFilter{}, 10).events.size(), std::size_t(2));

        // Text conditions only see indexed rows; throughSeq stops where the index stops.
        EventFilter text;
        text.text = QStringLiteral("cus_Live");
        update = query.newerThan(start, text, 10);
        QVERIFY(update.events.empty());
        QCOMPARE(update.throughSeq, start);
        indexEverything(temp.path());
        update = query.newerThan(start, text, 10);
        QCOMPARE(update.events.size(), std::size_t(5));
        QCOMPARE(update.throughSeq, query.latestSeq());
    }

    void everyFilterKindUsesAnIndex_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("sortAllowed");
        QTest::newRow("none") << 0 << false;
        QTest::newRow("one type") << 1 << false;
        QTest::newRow("wildcard") << 2 << true; // sorts only the few rows of the merged per-type pages
        QTest::newRow("customer") << 3 << false;
        QTest::newRow("email") << 4 << false;
        QTest::newRow("created range") << 5 << false;
        QTest::newRow("text") << 6 << true; // sorts the matches, found through the full-text index
        QTest::newRow("customer and wildcard") << 7 << false;
        QTest::newRow("source and livemode") << 8 << false;
        QTest::newRow("livemode") << 9 << false;
    }

    void everyFilterKindUsesAnIndex()
    {
        QFETCH(int, kind);
        QFETCH(bool, sortAllowed);
        test::TempStore temp;
        fillMixed(temp);
        store::EventStore events = temp.reader();
        EventQuery query = events.query();
        EventFilter filter;
        switch (kind) {
        case 1:
            filter.types = {QStringLiteral("invoice.paid")};
            break;
        case 2:
            filter.types = {QStringLiteral("invoice.*")};
            break;
        case 3:
            filter.customerId = QStringLiteral("cus_TieA");
            break;
        case 4:
            filter.customerEmail = QStringLiteral("maren.holloway@example.com");
            break;
        case 5:
            filter.createdFrom = 1788865432;
            filter.createdTo = 1790000000;
            break;
        case 6:
            filter.text = QStringLiteral("maren");
            break;
        case 7:
            filter.customerId = QStringLiteral("cus_TieA");
            filter.types = {QStringLiteral("invoice.*")};
            break;
        case 8:
            filter.source = store::EventSource::Poll;
            filter.livemode = false;
            break;
        case 9:
            filter.livemode = true;
            break;
        }
        for (const std::optional<EventCursor>& cursor :
             {std::optional<EventCursor>{}, std::optional<EventCursor>{EventCursor{1790000000, 100}}}) {
            for (bool backward : {false, true}) {
                const QStringList plan = query.explain(filter, cursor, 100, backward);
                QVERIFY(!plan.isEmpty());
                // One mode among millions of the other: walked from the mode's own index, not filtered out.
                if (kind == 9)
                    QVERIFY2(plan.join(QLatin1Char(' ')).contains(QLatin1String("events_by_mode")),
                             qPrintable(plan.join(QLatin1String(" | "))));
                for (const QString& line : plan) {
                    if (line.startsWith(QLatin1String("SCAN events")) ||
                        line.startsWith(QLatin1String("SEARCH events")))
                        QVERIFY2(line.contains(QLatin1String("INDEX")) ||
                                     line.contains(QLatin1String("INTEGER PRIMARY KEY")),
                                 qPrintable(plan.join(QLatin1String(" | "))));
                    if (!sortAllowed)
                        QVERIFY2(!line.contains(QLatin1String("TEMP B-TREE")),
                                 qPrintable(plan.join(QLatin1String(" | "))));
                }
            }
        }
    }

    void migratesAVersionOneStoreWithData()
    {
        test::TempStore temp;
        const auto all = store::builtinMigrations();
        {
            store::SqliteConnection v1 = store::Database::openForWriting(temp.path(), all.first(1));
            store::SqliteStatement insert = v1.prepare("INSERT INTO events (id, type, created, livemode, "
                                                       "object_type, object_id, customer_id, source, "
                                                       "received_at_ms, signature, raw) VALUES (?1, ?2, ?3, "
                                                       "0, ?4, ?5, ?6, 'webhook', 0, 'verified', "
                                                       "?7)");
            for (const QString& name : test::Fixtures::names()) {
                const QByteArray raw = test::Fixtures::load(name);
                const auto fields = temp.incoming(raw).fields;
                insert.bind(1, fields.id)
                    .bind(2, fields.type)
                    .bind(3, fields.created)
                    .bind(4, fields.objectType)
                    .bind(5, fields.objectId)
                    .bind(6, fields.customerId)
                    .bindBlob(7, raw);
                insert.step();
                insert.reset();
            }
            QCOMPARE(v1.pragmaInt("user_version"), 1);
        }
        store::SqliteConnection upgraded = store::Database::openForWriting(temp.path());
        QCOMPARE(upgraded.pragmaInt("user_version"), std::int64_t(store::Database::latestSchemaVersion()));
        store::EventStore events = temp.reader();
        int withEmail = 0;
        int withAmount = 0;
        for (const QString& name : test::Fixtures::names()) {
            const auto fields = temp.incoming(test::Fixtures::load(name)).fields;
            const auto stored = events.find(fields.id, false);
            QVERIFY(stored);
            QCOMPARE(stored->fields.customerEmail, fields.customerEmail); // backfill agrees with intake
            QCOMPARE(stored->fields.amount, fields.amount);
            QCOMPARE(stored->fields.currency, fields.currency);
            QCOMPARE(stored->fields.status, fields.status);
            withEmail += !fields.customerEmail.isEmpty();
            withAmount += fields.amount.has_value();
        }
        QVERIFY(withEmail >= 10);
        QVERIFY(withAmount >= 10);
        EventQuery query = events.query();
        QCOMPARE(query.fullTextIndexedSeq(), 0);
        indexEverything(temp.path());
        EventFilter filter;
        filter.text = QStringLiteral("Tobias");
        QVERIFY(!query.page(filter, std::nullopt, 10).events.empty());
    }
};

QTEST_GUILESS_MAIN(TestEventQuery)
#include "tst_eventquery.moc"
