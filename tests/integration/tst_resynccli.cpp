// `billbridge-cli resync`, run as the real binary against a store written with the sync engine.

// Attribute names and values are spelled as plain literals here: the assertions read like the JSON.
#undef QT_NO_CAST_FROM_ASCII

#include "store/database.h"
#include "store/mappingstore.h"
#include "store/sqlite.h"
#include "support/clirun.h"
#include "support/planstory.h"
#include "support/tempstore.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace billbridge::test {

namespace {

std::int64_t resyncJobCount(const QString& path)
{
    store::SqliteConnection connection = store::Database::openForReading(path);
    store::SqliteStatement select =
        connection.prepare("SELECT count(*) FROM jobs WHERE idempotency_key LIKE 'resync:%'");
    return select.step() ? select.int64(0) : -1;
}

} // namespace

class TestResyncCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(QStringLiteral(BILLBRIDGE_CLI_PATH)).isExecutable(), BILLBRIDGE_CLI_PATH);
        QVERIFY(m_home.isValid());
    }

    void init()
    {
        m_store = std::make_unique<TempStore>();
        store::PlanMapping basic;
        basic.stripeId = PlanStory::basicPrice;
        basic.planName = QStringLiteral("Basic");
        store::MappingStore::open(m_store->path()).upsert(basic);
        QVERIFY(writeSyncedEvents(m_store->path(), PlanStory::events()));
        basic.planName = QStringLiteral("Starter");
        store::MappingStore::open(m_store->path()).upsert(basic);
    }

    void cleanup() { m_store.reset(); }

    void dryRunShowsAndChangesNothing()
    {
        CliRun result =
            runOnStore({QStringLiteral("--price"), PlanStory::basicPrice, QStringLiteral("--dry-run")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.contains("cus_PlanAlice"));
        QVERIFY(result.out.contains("plan_name: \"Basic\" -> \"Starter\""));
        QVERIFY(result.out.contains("2 customers to re-sync, 1 unchanged, 1 deleted (skipped)"));
        QVERIFY(!result.out.contains("cus_PlanBob"));
        QVERIFY(result.err.contains("dry run"));
        QCOMPARE(resyncJobCount(m_store->path()), 0);

        result = runOnStore({QStringLiteral("--product"), PlanStory::basicProduct,
                             QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        const QJsonObject answer = QJsonDocument::fromJson(result.lines().value(0)).object();
        QCOMPARE(answer.value("changed").toInt(), 2);
        QCOMPARE(answer.value("deleted").toInt(), 1);
        const QJsonObject alice = answer.value("customers").toArray().at(0).toObject();
        QCOMPARE(alice.value("customer").toString(), PlanStory::alice);
        QCOMPARE(alice.value("changes").toObject().value("plan_name").toObject().value("after").toString(),
                 QStringLiteral("Starter"));
    }

    void applyEnqueuesOnce()
    {
        CliRun result = runOnStore({QStringLiteral("--price"), PlanStory::basicPrice});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.contains("enqueued 2 identify jobs (4 customers looked at)"));
        QCOMPARE(resyncJobCount(m_store->path()), 2);

        result = runOnStore({QStringLiteral("--price"), PlanStory::basicPrice, QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QCOMPARE(QJsonDocument::fromJson(result.lines().value(0)).object().value("jobs").toInt(), 0);
        QVERIFY(result.err.contains("nothing was enqueued"));
        QCOMPARE(resyncJobCount(m_store->path()), 2);

        result = runOnStore({QStringLiteral("--customer"), PlanStory::bob});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.contains("enqueued 0 identify jobs (1 customer looked at)"));
    }

    void badInputIsRefusedClearly_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no scope") << QStringList{} << QByteArray("name either one customer");
        QTest::newRow("two scopes") << QStringList{"--customer", "cus_A", "--price", "price_B"}
                                    << QByteArray("name either one customer");
        QTest::newRow("not a customer")
            << QStringList{"--customer", "alice@example.com"} << QByteArray("is not a Stripe customer id");
        QTest::newRow("product as price")
            << QStringList{"--price", "prod_Basic"} << QByteArray("--price takes a price id");
        QTest::newRow("malformed price")
            << QStringList{"--price", "price_Bad-Id"} << QByteArray("is not a Stripe price id");
        QTest::newRow("argument") << QStringList{"cus_A"} << QByteArray("takes no arguments");
    }

    void badInputIsRefusedClearly()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const CliRun result = runOnStore(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.diagnostics()));
        QCOMPARE(resyncJobCount(m_store->path()), 0);
    }

    void unknownCustomerAndMissingStoreSaySo()
    {
        CliRun result = runOnStore({QStringLiteral("--customer"), QStringLiteral("cus_Nobody")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.contains("no stored events for cus_Nobody"), qPrintable(result.diagnostics()));

        const QString missing = m_home.filePath(QStringLiteral("nowhere.sqlite"));
        result = run({QStringLiteral("resync"), QStringLiteral("--customer"), PlanStory::alice,
                      QStringLiteral("--db"), missing});
        QCOMPARE(result.exitCode, 5);
        QVERIFY(result.err.contains("there is no store"));
        QVERIFY(!QFileInfo::exists(missing));
    }

private:
    CliRun run(const QStringList& arguments) const { return runCli(arguments, m_home.path()); }

    CliRun runOnStore(QStringList arguments) const
    {
        arguments.prepend(QStringLiteral("resync"));
        arguments << QStringLiteral("--db") << m_store->path();
        return run(arguments);
    }

    std::unique_ptr<TempStore> m_store;
    QTemporaryDir m_home;
};

} // namespace billbridge::test

QTEST_GUILESS_MAIN(billbridge::test::TestResyncCli)
#include "tst_resynccli.moc"
