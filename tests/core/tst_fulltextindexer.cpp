// FullTextIndexer: what text goes into the index, catching up behind intake on its own thread, resuming
// from its committed mark after a restart, and reporting how far behind it is.

#include "store/database.h"
#include "store/eventquery.h"
#include "store/fulltextindexer.h"
#include "support/fixtures.h"
#include "support/syntheticevents.h"
#include "support/tempstore.h"

#include <QTest>

using namespace billbridge;
using namespace std::chrono_literals;

namespace {

std::int64_t ftsRows(const QString& path)
{
    store::SqliteConnection connection = store::Database::openForReading(path);
    store::SqliteStatement statement = connection.prepare("SELECT count(*) FROM events_fts");
    return statement.step() ? statement.int64(0) : -1;
}

std::int64_t matches(const QString& path, const QString& text)
{
    store::EventStore events = store::EventStore::openForReading(path);
    store::EventFilter filter;
    filter.text = text;
    return events.query().count(filter).count;
}

} // namespace

class TestFullTextIndexer : public QObject {
    Q_OBJECT

private slots:
    void indexesStringValuesOnly()
    {
        const QByteArray raw =
            "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"invoice.paid\",\"amount_due\":4900,"
            "\"livemode\":false,\"data\":{\"object\":{\"customer_email\":\"ada@example.com\","
            "\"name\":\"Ad\\u00e9 \\\"Lovelace\\\"\\nSmith\",\"note\":\"ada@example.com\",\"x\":null,"
            "\"list\":[\"in_1\", \"in_2\"] , \"key\" : \"value\"}}}";
        const QString text = store::FullTextIndexer::indexableText(raw);
        const QStringList values = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(values, (QStringList{QStringLiteral("evt_1"), QStringLiteral("event"),
                                      QStringLiteral("invoice.paid"), QStringLiteral("ada@example.com"),
                                      QString::fromUtf8("Adé \"Lovelace\" Smith"), QStringLiteral("in_1"),
                                      QStringLiteral("in_2"), QStringLiteral("value")}));
        QVERIFY(!text.contains(QLatin1String("amount_due")));
        QVERIFY(!text.contains(QLatin1String("4900")));
        // A realistic invoice shrinks to a fraction of its bytes.
        QRandomGenerator random(1);
        const QByteArray invoice = test::syntheticInvoicePaidEvent(random, 3, 5000);
        QVERIFY(store::FullTextIndexer::indexableText(invoice).toUtf8().size() < invoice.size() / 2);
    }

    void catchesUpBehindIntakeAndAfterRestart()
    {
        test::TempStore temp;
        QVERIFY(temp.addAllFixtures().committed);
        const std::int64_t fixtures = test::Fixtures::names().size();
        {
            store::FullTextIndexer indexer(temp.path(), 4);
            indexer.start();
            QVERIFY(indexer.waitUntilIndexed(fixtures, 10s));
            QCOMPARE(indexer.indexedSeq(), fixtures);
            QVERIFY(matches(temp.path(), QStringLiteral("Okafor")) > 0);

            // New events arrive while it runs: it picks them up by polling, without being told.
            QList<QByteArray> bodies;
            for (int i = 0; i < 20; ++i)
                bodies << test::minimalEvent("evt_Later" + QByteArray::number(i), "invoice.paid",
                                             "cus_Later");
            QVERIFY(temp.addRaw(bodies).committed);
            QTRY_COMPARE_WITH_TIMEOUT(indexer.indexedSeq(), fixtures + 20, 10000);
            QCOMPARE(matches(temp.path(), QStringLiteral("cus_Later")), 20);
            indexer.stop();
        }

        // Stopped: intake goes on and the index falls behind, which progress() reports.
        QList<QByteArray> bodies;
        for (int i = 0; i < 30; ++i)
            bodies << test::minimalEvent("evt_Offline" + QByteArray::number(i), "invoice.paid",
                                         "cus_Offline");
        QVERIFY(temp.addRaw(bodies).committed);
        {
            store::SqliteConnection connection = store::Database::openForReading(temp.path());
            const auto progress = store::FullTextIndexer::progress(connection);
            QCOMPARE(progress.indexedSeq, fixtures + 20);
            QCOMPARE(progress.pending(), 30);
        }
        QCOMPARE(matches(temp.path(), QStringLiteral("cus_Offline")), 0);

        // A new indexer resumes from the committed mark: nothing is indexed twice or missed.
        store::FullTextIndexer indexer(temp.path(), 8);
        indexer.start();
        QVERIFY(indexer.waitUntilIndexed(fixtures + 50, 10s));
        QCOMPARE(matches(temp.path(), QStringLiteral("cus_Offline")), 30);
        QCOMPARE(ftsRows(temp.path()), fixtures + 50);
        indexer.stop();
    }

    void runsNextToTheWriter()
    {
        test::TempStore temp;
        store::FullTextIndexer indexer(temp.path(), 16);
        temp.writer(); // creates the store
        indexer.start();
        QRandomGenerator random(5);
        for (int round = 0; round < 10; ++round) {
            QList<QByteArray> bodies;
            for (int i = 0; i < 50; ++i)
                bodies << test::syntheticInvoicePaidEvent(random, round * 50 + i, 3000);
            QVERIFY(temp.addRaw(bodies).committed);
            indexer.wake();
        }
        QVERIFY(indexer.waitUntilIndexed(500, 20s));
        QCOMPARE(ftsRows(temp.path()), 500);
        QCOMPARE(matches(temp.path(), QStringLiteral("customer123@example.com")), 1);
        QCOMPARE(matches(temp.path(), QStringLiteral("Customer Number 321")), 1);
        QCOMPARE(matches(temp.path(), QStringLiteral("example software")), 500);
    }

    void oneBatchCommitsTheMarkWithTheRows()
    {
        test::TempStore temp;
        QVERIFY(temp.addAllFixtures().committed);
        store::SqliteConnection connection = store::Database::openForWriting(temp.path());
        QCOMPARE(store::FullTextIndexer::indexBatch(connection, 10), 10);
        QCOMPARE(store::FullTextIndexer::progress(connection).indexedSeq, 10);
        int batches = 1;
        while (store::FullTextIndexer::indexBatch(connection, 10) > 0)
            ++batches;
        QCOMPARE(batches, 3);
        QCOMPARE(store::FullTextIndexer::progress(connection).pending(), 0);
        QCOMPARE(store::FullTextIndexer::indexBatch(connection, 10), 0);
    }
};

QTEST_GUILESS_MAIN(TestFullTextIndexer)
#include "tst_fulltextindexer.moc"
