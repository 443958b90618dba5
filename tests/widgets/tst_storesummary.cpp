#include "home/storesummary.h"
#include "store/database.h"
#include "store/eventwriter.h"
#include "store/sqlite.h"
#include "stripe/stripeevent.h"
#include "support/syntheticevents.h"
#include "support/tempstore.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace billbridge;
using widgets::StoreSnapshot;
using widgets::StoreSummary;

namespace {

void setSchemaVersion(const QString& path, int version)
{
    store::SqliteConnection connection =
        store::SqliteConnection::open(path, store::SqliteConnection::Access::ReadWrite);
    connection.exec(QStringLiteral("PRAGMA user_version = %1").arg(version).toUtf8().constData());
}

} // namespace

class TestStoreSummary final : public QObject {
    Q_OBJECT

private slots:
    void missingStoreIsReportedAndNotCreated();
    void countsModesAndNewest();
    void emptyStoreIsReady();
    void newerSchemaIsAFailureWithTheStoresExplanation();
    void foreignFileIsAFailure();
    void olderSchemaAsksForAnUpgrade();
    void startReadsOffTheUiThreadAndKeepsRefreshing();
    void refreshesRequestedDuringAReadAreFolded();
    void storeAppearingLaterIsPickedUp();
    void demoFlagAndPollCursorAreReported();
};

void TestStoreSummary::missingStoreIsReportedAndNotCreated()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sub/billbridge.sqlite"));
    const StoreSnapshot snapshot = StoreSummary::read(path);
    QCOMPARE(snapshot.state, StoreSnapshot::State::Missing);
    QCOMPARE(snapshot.path, path);
    QCOMPARE(snapshot.events, 0);
    QVERIFY(snapshot.readAt.isValid());
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("sub"))));
}

void TestStoreSummary::countsModesAndNewest()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    QVERIFY(test::writeEvents(path,
                              {test::minimalEvent("evt_1", "invoice.created", "cus_1", false, 1700000000),
                               test::minimalEvent("evt_2", "invoice.paid", "cus_1", true, 1700000500),
                               test::minimalEvent("evt_3", "customer.updated", "cus_1", false, 1700000100)}));
    const StoreSnapshot snapshot = StoreSummary::read(path);
    QCOMPARE(snapshot.state, StoreSnapshot::State::Ready);
    QVERIFY(snapshot.error.isEmpty());
    QCOMPARE(snapshot.events, 3);
    QCOMPARE(snapshot.testEvents, 2);
    QCOMPARE(snapshot.liveEvents, 1);
    QVERIFY(snapshot.newestCreated);
    QCOMPARE(*snapshot.newestCreated, std::int64_t(1700000500));
    QCOMPARE(snapshot.newestType, QStringLiteral("invoice.paid"));
}

void TestStoreSummary::emptyStoreIsReady()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    store::Database::openForWriting(path).close();
    const StoreSnapshot snapshot = StoreSummary::read(path);
    QCOMPARE(snapshot.state, StoreSnapshot::State::Ready);
    QCOMPARE(snapshot.events, 0);
    QVERIFY(!snapshot.newestCreated);
    QVERIFY(snapshot.newestType.isEmpty());
}

void TestStoreSummary::newerSchemaIsAFailureWithTheStoresExplanation()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    QVERIFY(
        test::writeEvents(path, {test::minimalEvent("evt_1", "invoice.paid", "cus_1", false, 1700000000)}));
    setSchemaVersion(path, 99);
    const StoreSnapshot snapshot = StoreSummary::read(path);
    QCOMPARE(snapshot.state, StoreSnapshot::State::Failed);
    QVERIFY2(snapshot.error.contains(QLatin1String("newer Billbridge")), qPrintable(snapshot.error));
    QVERIFY2(snapshot.error.contains(QLatin1String("99")), qPrintable(snapshot.error));
    QCOMPARE(snapshot.events, 0);
}

void TestStoreSummary::foreignFileIsAFailure()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    const StoreSnapshot snapshot = StoreSummary::read(path);
    QCOMPARE(snapshot.state, StoreSnapshot::State::Failed);
    QVERIFY2(snapshot.error.contains(QLatin1String("not a Billbridge store")), qPrintable(snapshot.error));
}

void TestStoreSummary::olderSchemaAsksForAnUpgrade()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    {
        // A store stamped by Billbridge but not migrated yet, as a crash between creation and migration
        // leaves it.
        store::SqliteConnection connection =
            store::SqliteConnection::open(path, store::SqliteConnection::Access::ReadWrite);
        connection.exec(QStringLiteral("PRAGMA application_id = %1")
                            .arg(store::Database::kApplicationId)
                            .toUtf8()
                            .constData());
    }
    const StoreSnapshot snapshot = StoreSummary::read(path);
    QCOMPARE(snapshot.state, StoreSnapshot::State::Failed);
    QVERIFY2(snapshot.error.contains(QLatin1String("billbridge-cli serve")), qPrintable(snapshot.error));
}

void TestStoreSummary::startReadsOffTheUiThreadAndKeepsRefreshing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    QVERIFY(
        test::writeEvents(path, {test::minimalEvent("evt_1", "invoice.paid", "cus_1", false, 1700000000)}));

    StoreSummary summary(path);
    QCOMPARE(summary.interval(), StoreSummary::kDefaultInterval);
    QVERIFY(!summary.hasResult());
    summary.setInterval(std::chrono::milliseconds(50));
    QSignalSpy updates(&summary, &StoreSummary::updated);
    summary.start();
    // The read runs on the thread pool: nothing is known until the event loop delivers it.
    QCOMPARE(updates.count(), 0);
    QVERIFY(updates.wait());
    QCOMPARE(summary.snapshot().events, 1);

    QVERIFY(
        test::writeEvents(path, {test::minimalEvent("evt_2", "invoice.created", "cus_1", true, 1700000900)}));
    QTRY_COMPARE(summary.snapshot().events, 2);
    QCOMPARE(summary.snapshot().liveEvents, 1);
    QCOMPARE(summary.snapshot().newestType, QStringLiteral("invoice.created"));

    summary.stop();
    QTest::qWait(150); // let a tick that was already due arrive
    const int afterStop = updates.count();
    QTest::qWait(300);
    QCOMPARE(updates.count(), afterStop);
}

void TestStoreSummary::refreshesRequestedDuringAReadAreFolded()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    QVERIFY(
        test::writeEvents(path, {test::minimalEvent("evt_1", "invoice.paid", "cus_1", false, 1700000000)}));
    StoreSummary summary(path);
    QSignalSpy updates(&summary, &StoreSummary::updated);
    summary.refresh();
    summary.refresh();
    summary.refresh();
    // One read in flight plus exactly one follow-up for the two requests made meanwhile.
    QTRY_COMPARE(updates.count(), 2);
    QTest::qWait(200);
    QCOMPARE(updates.count(), 2);
    QCOMPARE(summary.snapshot().state, StoreSnapshot::State::Ready);
}

void TestStoreSummary::storeAppearingLaterIsPickedUp()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    StoreSummary summary(path);
    summary.setInterval(std::chrono::milliseconds(50));
    summary.start();
    QTRY_COMPARE(summary.snapshot().state, StoreSnapshot::State::Missing);
    QVERIFY(test::writeEvents(path,
                              {test::minimalEvent("evt_9", "charge.succeeded", "cus_1", true, 1700000000)}));
    QTRY_COMPARE(summary.snapshot().state, StoreSnapshot::State::Ready);
    QCOMPARE(summary.snapshot().events, 1);
}

void TestStoreSummary::demoFlagAndPollCursorAreReported()
{
    test::TempStore store;
    QVERIFY(store.add({}, {}).committed);
    store.stopWriter();
    StoreSnapshot snapshot = StoreSummary::read(store.path());
    QCOMPARE(snapshot.state, StoreSnapshot::State::Ready);
    QVERIFY(!snapshot.demo);
    QVERIFY(!snapshot.pollCursorKnown);
    QVERIFY(!snapshot.pollLastRun);

    QVERIFY(store
                .add({}, {{QStringLiteral("store.demo"), QStringLiteral("true")},
                          {QStringLiteral("poll.cursor"), QStringLiteral("evt_1")}})
                .committed);
    store.stopWriter();
    snapshot = StoreSummary::read(store.path());
    QVERIFY(snapshot.demo);
    QVERIFY(snapshot.pollCursorKnown);
    QVERIFY(!snapshot.pollLastRun);

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(store.add({}, {{QStringLiteral("poll.last_run"), QStringLiteral("ok")}}).committed);
    store.stopWriter();
    snapshot = StoreSummary::read(store.path());
    QVERIFY(snapshot.pollLastRun.has_value());
    QVERIFY(snapshot.pollLastRun->toMSecsSinceEpoch() >= before);

    // Only the exact value counts: a store is not a demo because a key says something else.
    QVERIFY(store.add({}, {{QStringLiteral("store.demo"), QStringLiteral("false")}}).committed);
    store.stopWriter();
    QVERIFY(!StoreSummary::read(store.path()).demo);
}

QTEST_GUILESS_MAIN(TestStoreSummary)
#include "tst_storesummary.moc"
