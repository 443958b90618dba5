#include "demo/demostore.h"
#include "store/eventstore.h"
#include "support/tempstore.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using billbridge::demo::DemoStore;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(BILLBRIDGE_CLI_PATH), arguments);
    process.waitForFinished(120000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

class TestDemoCli : public QObject {
    Q_OBJECT

private slots:
    void createsALabelledDemoStore();
    void refusesARealStore();
    void refusesAnExistingDemoStoreUnlessReplacing();
    void badArguments();
};

void TestDemoCli::createsALabelledDemoStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
    const Run run = runCli({QStringLiteral("demo"), QStringLiteral("create"), QStringLiteral("--db"), path,
                            QStringLiteral("--customers"), QStringLiteral("40"), QStringLiteral("--seed"),
                            QStringLiteral("3")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("DEMO store"));
    QVERIFY(run.out.contains(QByteArray("billbridge-cli events list --db " + path.toUtf8())));
    billbridge::store::EventStore events = billbridge::store::EventStore::openForReading(path);
    const QByteArray line = run.out.mid(run.out.indexOf("events ")).split('\n').first();
    QVERIFY(events.count() > 40);
    QVERIFY2(line.contains(QByteArray(QByteArray::number(qint64(events.count())) + " stored")),
             line.constData());
    QCOMPARE(events.state(DemoStore::markerKey()), QStringLiteral("true"));
    QCOMPARE(events.state(DemoStore::seedKey()), QStringLiteral("3"));
    QVERIFY(!events.state(DemoStore::generatedAtKey()).isEmpty());
    QVERIFY(DemoStore::isDemoStore(path));
    const auto stats = events.stats();
    QCOMPARE(stats.bySource.size(), std::size_t(1));
    QCOMPARE(stats.bySource.front().first, QStringLiteral("backfill"));
}

void TestDemoCli::refusesARealStore()
{
    billbridge::test::TempStore store;
    QVERIFY(store.addAllFixtures().committed);
    store.stopWriter();
    const qint64 before = store.reader().count();
    const Run run = runCli({QStringLiteral("demo"), QStringLiteral("create"), QStringLiteral("--db"),
                            store.path(), QStringLiteral("--customers"), QStringLiteral("5")});
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains("not demo data"), run.err.constData());
    QCOMPARE(store.reader().count(), before);
    QVERIFY(store.reader().state(DemoStore::markerKey()).isEmpty());
}

void TestDemoCli::refusesAnExistingDemoStoreUnlessReplacing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
    const QStringList create = {QStringLiteral("demo"),        QStringLiteral("create"),
                                QStringLiteral("--db"),        path,
                                QStringLiteral("--customers"), QStringLiteral("5")};
    QCOMPARE(runCli(create).exitCode, 0);
    const Run again = runCli(create);
    QCOMPARE(again.exitCode, 5);
    QVERIFY(again.err.contains("--replace"));
    QCOMPARE(runCli(create + QStringList{QStringLiteral("--replace")}).exitCode, 0);
    QVERIFY(DemoStore::isDemoStore(path));
}

void TestDemoCli::badArguments()
{
    QCOMPARE(runCli({QStringLiteral("demo")}).exitCode, 2);
    QCOMPARE(runCli({QStringLiteral("demo"), QStringLiteral("create"), QStringLiteral("--customers"),
                     QStringLiteral("0")})
                 .exitCode,
             2);
}

QTEST_GUILESS_MAIN(TestDemoCli)
#include "tst_democli.moc"
