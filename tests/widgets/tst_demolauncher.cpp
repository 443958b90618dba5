// Opening the demo data from the console: generated once into a labelled, searchable store of its own,
// reused afterwards, never written over a real store, and opened in a second console process.
#include "demo/demostore.h"
#include "home/demolauncher.h"
#include "store/database.h"
#include "store/eventfilter.h"
#include "store/eventquery.h"
#include "store/eventstore.h"
#include "store/sqlite.h"
#include "support/tempstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace billbridge;
using demo::DemoStore;
using widgets::DemoLauncher;

namespace {

constexpr int kGenerationTimeoutMs = 120000;

struct Launch {
    QString program;
    QStringList arguments;
};

// A launcher on `path`, generating what the console generates, that records each start instead of
// starting anything.
struct RecordingLauncher {
    explicit RecordingLauncher(const QString& path, bool startSucceeds = true)
    {
        launcher.setPath(path);
        launcher.setStartProgram([this, startSucceeds](const QString& program, const QStringList& arguments) {
            launches.append({program, arguments});
            return startSucceeds;
        });
    }

    DemoLauncher launcher;
    QList<Launch> launches;
};

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

} // namespace

class TestDemoLauncher final : public QObject {
    Q_OBJECT

private slots:
    void defaultsMatchTheCommandLine();
    void generatesASearchableDemoStoreAndOpensIt();
    void reopeningReusesTheStore();
    void refusesAStoreWithRealEvents();
    void unwritableFolderIsExplained();
    void windowThatCannotStartIsExplained();
};

void TestDemoLauncher::defaultsMatchTheCommandLine()
{
    DemoLauncher launcher;
    QCOMPARE(launcher.options().customers, 300);
    QCOMPARE(launcher.options().days, 90);
    QCOMPARE(launcher.options().seed, std::uint64_t(1));
    QCOMPARE(QFileInfo(launcher.path()).fileName(), QStringLiteral("demo.sqlite"));
    // Beside the real store, never the real store itself.
    QCOMPARE(QFileInfo(launcher.path()).absolutePath(),
             QFileInfo(store::Database::defaultPath()).absolutePath());
    QVERIFY(launcher.path() != store::Database::defaultPath());
    QVERIFY(!launcher.isBusy());
}

void TestDemoLauncher::generatesASearchableDemoStoreAndOpensIt()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A folder that does not exist yet, as on a first run.
    const QString path = dir.filePath(QStringLiteral("data/demo.sqlite"));
    RecordingLauncher recording(path);
    DemoLauncher& launcher = recording.launcher;
    QSignalSpy started(&launcher, &DemoLauncher::started);
    QSignalSpy busy(&launcher, &DemoLauncher::busyChanged);
    QSignalSpy opened(&launcher, &DemoLauncher::opened);
    QSignalSpy failed(&launcher, &DemoLauncher::failed);

    launcher.open();
    QVERIFY(launcher.isBusy());
    // A second click while generating does not start another run.
    launcher.open();
    QCOMPARE(started.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() > 0, kGenerationTimeoutMs);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.first().first().toString(), path);
    QVERIFY(!launcher.isBusy());
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).first().toBool(), true);
    QCOMPARE(busy.at(1).first().toBool(), false);

    QCOMPARE(recording.launches.size(), 1);
    QCOMPARE(recording.launches.first().program, QCoreApplication::applicationFilePath());
    QCOMPARE(recording.launches.first().arguments, (QStringList{QStringLiteral("--db"), path}));

    QVERIFY(DemoStore::isDemoStore(path));
    store::EventStore events = store::EventStore::openForReading(path);
    QVERIFY(events.count() > 300);
    QCOMPARE(events.state(DemoStore::seedKey()), QStringLiteral("1"));
    store::EventFilter newest;
    newest.limit = 50;
    QString customerId;
    for (const store::StoredEvent& event : events.list(newest)) {
        if (!event.fields.customerId.isEmpty()) {
            customerId = event.fields.customerId;
            break;
        }
    }
    QVERIFY(!customerId.isEmpty());

    // Searchable at once, without a receiver running its indexer.
    store::SqliteConnection connection = store::Database::openForReading(path);
    store::EventQuery query(connection);
    QCOMPARE(query.fullTextIndexedSeq(), query.latestSeq());
    store::EventFilter byText;
    byText.text = customerId;
    QVERIFY(query.count(byText).count > 0);
    byText.text = QStringLiteral("zzqxnotinanydemoevent");
    QCOMPARE(query.count(byText).count, std::int64_t(0));
}

void TestDemoLauncher::reopeningReusesTheStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
    RecordingLauncher recording(path);
    DemoLauncher& launcher = recording.launcher;
    QSignalSpy opened(&launcher, &DemoLauncher::opened);
    QSignalSpy failed(&launcher, &DemoLauncher::failed);
    launcher.open();
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() > 0, kGenerationTimeoutMs);
    QCOMPARE(opened.count(), 1);

    const QDateTime modified = QFileInfo(path).lastModified();
    std::int64_t count = 0;
    QString generatedAt;
    {
        store::EventStore events = store::EventStore::openForReading(path);
        count = events.count();
        generatedAt = events.state(DemoStore::generatedAtKey());
    }
    QVERIFY(!generatedAt.isEmpty());

    launcher.open();
    QTRY_COMPARE_WITH_TIMEOUT(opened.count() + failed.count(), 2, kGenerationTimeoutMs);
    QVERIFY(failed.isEmpty());
    QCOMPARE(recording.launches.size(), 2);
    QCOMPARE(recording.launches.last().arguments, (QStringList{QStringLiteral("--db"), path}));
    QCOMPARE(QFileInfo(path).lastModified(), modified);
    store::EventStore events = store::EventStore::openForReading(path);
    QCOMPARE(events.count(), count);
    QCOMPARE(events.state(DemoStore::generatedAtKey()), generatedAt);
}

void TestDemoLauncher::refusesAStoreWithRealEvents()
{
    test::TempStore real;
    QVERIFY(real.isValid());
    QVERIFY(real.addAllFixtures().committed);
    real.stopWriter();
    const std::int64_t before = real.reader().count();
    QVERIFY(before > 0);
    const QByteArray hash = fileHash(real.path());
    QVERIFY(!hash.isEmpty());

    RecordingLauncher recording(real.path());
    QSignalSpy opened(&recording.launcher, &DemoLauncher::opened);
    QSignalSpy failed(&recording.launcher, &DemoLauncher::failed);
    recording.launcher.open();
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() > 0, kGenerationTimeoutMs);
    QCOMPARE(opened.count(), 0);
    QCOMPARE(failed.count(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QLatin1String("not demo data")), qPrintable(message));
    QVERIFY2(message.contains(QDir::toNativeSeparators(real.path())), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Move or rename")), qPrintable(message));
    QVERIFY(recording.launches.isEmpty());
    QVERIFY(!recording.launcher.isBusy());

    QCOMPARE(fileHash(real.path()), hash);
    QCOMPARE(real.reader().count(), before);
    QVERIFY(real.reader().state(DemoStore::markerKey()).isEmpty());
    QVERIFY(!DemoStore::isDemoStore(real.path()));
}

void TestDemoLauncher::unwritableFolderIsExplained()
{
    QTemporaryDir dir;
    // A file where the folder should be: no folder can be made there, whatever the user's rights.
    const QString blocker = dir.filePath(QStringLiteral("not-a-folder"));
    {
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x");
    }
    const QString path = QDir(blocker).filePath(QStringLiteral("demo.sqlite"));
    RecordingLauncher recording(path);
    QSignalSpy opened(&recording.launcher, &DemoLauncher::opened);
    QSignalSpy failed(&recording.launcher, &DemoLauncher::failed);
    recording.launcher.open();
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() > 0, kGenerationTimeoutMs);
    QCOMPARE(opened.count(), 0);
    QCOMPARE(failed.count(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QLatin1String("could not be created")), qPrintable(message));
    QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
    // Why, and what to do about it.
    QVERIFY2(message.contains(QLatin1String("cannot create the folder")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Check")), qPrintable(message));
    QVERIFY(recording.launches.isEmpty());
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!recording.launcher.isBusy());
}

void TestDemoLauncher::windowThatCannotStartIsExplained()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
    RecordingLauncher recording(path, false);
    QSignalSpy opened(&recording.launcher, &DemoLauncher::opened);
    QSignalSpy failed(&recording.launcher, &DemoLauncher::failed);
    recording.launcher.open();
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() > 0, kGenerationTimeoutMs);
    QCOMPARE(opened.count(), 0);
    QCOMPARE(recording.launches.size(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QLatin1String("could not be started")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("--db %1").arg(QDir::toNativeSeparators(path))),
             qPrintable(message));
    // The data itself is ready for the next attempt.
    QVERIFY(DemoStore::isDemoStore(path));
}

QTEST_MAIN(TestDemoLauncher)
#include "tst_demolauncher.moc"
