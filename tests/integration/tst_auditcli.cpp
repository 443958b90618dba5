// `billbridge-cli audit`, run as the real binary: listing what operators did (recorded by other real
// commands), verifying the chain after the table was tampered with by raw SQL, and exports that re-check.

#include "store/auditexport.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "support/clirun.h"
#include "support/tempstore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace billbridge::test {

class TestAuditCli : public QObject {
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
        m_store->writer();
        m_store->stopWriter();
    }

    void cleanup() { m_store.reset(); }

    void actionsOfOtherCommandsAreListedAndVerified()
    {
        CliRun result = runOnStore({QStringLiteral("queue"), QStringLiteral("pause"),
                                    QStringLiteral("--reason"), QStringLiteral("maintenance window")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("set"), QStringLiteral("price_1"),
                             QStringLiteral("--name"), QStringLiteral("Pro")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("set"), QStringLiteral("price_1"),
                             QStringLiteral("--name"), QStringLiteral("Gold")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));

        result = runOnStore({QStringLiteral("audit"), QStringLiteral("list")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QCOMPARE(result.lines().size(), 4); // header and three entries, newest first
        QVERIFY(result.lines().at(1).contains("mappings.set"));
        QVERIFY(result.lines().at(3).contains("queue.pause"));

        result = runOnStore({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"),
                             QStringLiteral("mappings."), QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QCOMPARE(result.lines().size(), 2);
        const QJsonObject newest = QJsonDocument::fromJson(result.lines().first()).object();
        QCOMPARE(newest.value(QLatin1String("action")).toString(), QStringLiteral("mappings.set"));
        QCOMPARE(newest.value(QLatin1String("hash")).toString().size(), 64);
        QCOMPARE(newest.value(QLatin1String("details"))
                     .toObject()
                     .value(QLatin1String("before"))
                     .toObject()
                     .value(QLatin1String("plan_name"))
                     .toString()
                     .isEmpty(),
                 false);

        result = runOnStore({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--limit"),
                             QStringLiteral("1")});
        QCOMPARE(result.lines().size(), 2);
        QVERIFY(result.err.contains("raise --limit"));

        result = runOnStore({QStringLiteral("audit"), QStringLiteral("show"), QStringLiteral("3")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.contains("Gold"));
        QVERIFY(result.out.contains("prev hash"));
        QCOMPARE(runOnStore({QStringLiteral("audit"), QStringLiteral("show"), QStringLiteral("99")}).exitCode,
                 1);
        QCOMPARE(runOnStore({QStringLiteral("audit"), QStringLiteral("show"), QStringLiteral("x")}).exitCode,
                 2);

        result = runOnStore({QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.contains("Chain intact — 3 entries verified."));
    }

    void verifyFailsNamingTheTamperedRow()
    {
        record(4);
        tamper("UPDATE audit_log SET actor = 'someone-else' WHERE id = 2");
        CliRun result = runOnStore({QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("Entry 2 was changed after it was written."),
                 qPrintable(result.diagnostics()));

        result = runOnStore({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 1);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(json.value(QLatin1String("intact")).toBool(), false);
        QCOMPARE(json.value(QLatin1String("bad_id")).toInteger(), 2);
        QCOMPARE(json.value(QLatin1String("problem")).toString(), QStringLiteral("edited"));
    }

    void verifyFailsWhenARowIsDeleted()
    {
        record(4);
        tamper("DELETE FROM audit_log WHERE id = 3");
        const CliRun result = runOnStore({QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("Entry 4 does not follow"), qPrintable(result.diagnostics()));
    }

    void verifyOnAMissingStoreIsAStoreError()
    {
        const CliRun result =
            runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"),
                    m_home.filePath(QStringLiteral("nowhere.sqlite"))},
                   m_home.path());
        QCOMPARE(result.exitCode, 5);
        QVERIFY(result.err.contains("there is no store"));
        QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("nowhere.sqlite"))));
    }

    void exportWritesReCheckableFiles()
    {
        record(3);
        QTemporaryDir dir;
        const QString jsonl = dir.filePath(QStringLiteral("audit.jsonl"));
        CliRun result = runOnStore({QStringLiteral("audit"), QStringLiteral("export"), jsonl});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.err.contains("wrote 3 entries"));
        QFile file(jsonl);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString previous = QLatin1String(store::AuditLog::kGenesisHash);
        int rows = 0;
        while (!file.atEnd()) {
            const auto entry = store::AuditExport::entryFromJsonLine(file.readLine());
            QVERIFY(entry);
            QCOMPARE(entry->prevHash, previous);
            QCOMPARE(store::AuditLog::hashOf(*entry), entry->hash);
            previous = entry->hash;
            ++rows;
        }
        QCOMPARE(rows, 3);

        const QString csv = dir.filePath(QStringLiteral("audit.txt"));
        result =
            runOnStore({QStringLiteral("audit"), QStringLiteral("export"), csv, QStringLiteral("--format"),
                        QStringLiteral("csv"), QStringLiteral("--since"), QStringLiteral("1d")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        QVERIFY(csvFile.readLine().startsWith("id,at_ms,at,actor,action"));

        QCOMPARE(runOnStore({QStringLiteral("audit"), QStringLiteral("export"), csv,
                             QStringLiteral("--format"), QStringLiteral("xml")})
                     .exitCode,
                 2);
        result = runOnStore({QStringLiteral("audit"), QStringLiteral("export"),
                             dir.filePath(QStringLiteral("no/such/folder/a.jsonl"))});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("cannot be written"));
    }

    void unknownActionIsAUsageError()
    {
        QCOMPARE(runOnStore({QStringLiteral("audit"), QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("audit")}, m_home.path()).exitCode, 2);
    }

private:
    CliRun runOnStore(QStringList arguments)
    {
        arguments << QStringLiteral("--db") << m_store->path();
        return runCli(arguments, m_home.path());
    }

    void record(int count)
    {
        store::AuditLog audit = store::AuditLog::open(m_store->path());
        for (int i = 0; i < count; ++i)
            audit.record(QStringLiteral("ada"), QStringLiteral("queue.retry"), QString::number(i), {});
    }

    void tamper(const char* sql)
    {
        store::SqliteConnection raw = store::Database::openForWriting(m_store->path());
        raw.exec(sql);
    }

    QTemporaryDir m_home;
    std::unique_ptr<TempStore> m_store;
};

} // namespace billbridge::test

QTEST_GUILESS_MAIN(billbridge::test::TestAuditCli)
#include "tst_auditcli.moc"
