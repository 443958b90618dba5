// `billbridge-cli events export`, run as the real binary against a real store.

#include "store/auditlog.h"
#include "support/clirun.h"
#include "support/fixtures.h"
#include "support/tempstore.h"
#include "support/textfiles.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace billbridge::test {

namespace {

using Run = CliRun;

} // namespace

class TestExportCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(QStringLiteral(BILLBRIDGE_CLI_PATH)).isExecutable(), BILLBRIDGE_CLI_PATH);
        QVERIFY(m_home.isValid());
        QVERIFY(m_output.isValid());
        m_store = std::make_unique<TempStore>();
        QVERIFY(m_store->addAllFixtures().committed);
        m_store->stopWriter();
    }

    void cleanupTestCase() { m_store.reset(); }

    void maskedJsonLinesByDefault()
    {
        const QString path = m_output.filePath(QStringLiteral("all.jsonl"));
        const Run result = runOnStore(
            {QStringLiteral("events"), QStringLiteral("export"), QStringLiteral("--output"), path});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.contains(
                     QStringLiteral("exported %1 events to").arg(Fixtures::names().size()).toUtf8()),
                 result.err.constData());
        QVERIFY(result.err.contains("masked"));
        const QByteArray contents = readAll(path);
        const QList<QByteArray> lines = linesOf(contents);
        QCOMPARE(lines.size(), Fixtures::names().size());
        for (const QByteArray& line : lines)
            QVERIFY(!QJsonDocument::fromJson(line).isNull());
        for (const char* personal :
             {"maren.holloway@example.com", "Maren Holloway", "ines.carvalho@example.com", "Tobias Okafor",
              "418 Alder Court", "+1 415 555 0142"})
            QVERIFY2(!contents.contains(personal), personal);
        QVERIFY(store::AuditLog::open(m_store->path()).list().empty());
    }

    void csvWithTheListFilters()
    {
        const QString path = m_output.filePath(QStringLiteral("invoices.csv"));
        const Run result =
            runOnStore({QStringLiteral("events"), QStringLiteral("export"), QStringLiteral("--type"),
                        QStringLiteral("invoice.*"), QStringLiteral("--email"),
                        QStringLiteral("maren.holloway@example.com"), QStringLiteral("-o"), path});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        const QList<QByteArray> rows = readAll(path).split('\n');
        QVERIFY(rows.first().startsWith("id,type,created,livemode,customer,email,amount,currency,status"));
        int invoices = 0;
        for (const QString& name : Fixtures::names())
            if (name.startsWith(QLatin1String("maren")) &&
                Fixtures::typeOf(name).startsWith(QLatin1String("invoice.")))
                ++invoices;
        QCOMPARE(rows.size() - 2, invoices); // header, rows, and the empty piece after the last CRLF
        for (const QByteArray& row : rows.mid(1, invoices)) {
            QVERIFY(row.contains(",invoice."));
            QVERIFY(!row.contains("maren.holloway@example.com"));
        }
    }

    void selectionById()
    {
        const QString first =
            QJsonDocument::fromJson(Fixtures::load(QStringLiteral("maren-01-customer.created")))
                .object()
                .value(QLatin1String("id"))
                .toString();
        const QString second =
            QJsonDocument::fromJson(Fixtures::load(QStringLiteral("tobias-01-customer.created")))
                .object()
                .value(QLatin1String("id"))
                .toString();
        const QString path = m_output.filePath(QStringLiteral("two.jsonl"));
        const Run result = runOnStore(
            {QStringLiteral("events"), QStringLiteral("export"), QStringLiteral("--id"),
             first + QLatin1Char(',') + second, QStringLiteral("--id"), QStringLiteral("evt_Unknown"),
             QStringLiteral("--format"), QStringLiteral("jsonl"), QStringLiteral("-o"), path});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.err.contains("1 of the given ids are not in the store"));
        QCOMPARE(linesOf(readAll(path)).size(), 2);
    }

    void unmaskedIsAuditedAndKeepsThePayload()
    {
        const QString path = m_output.filePath(QStringLiteral("unmasked.jsonl"));
        const Run result =
            runOnStore({QStringLiteral("events"), QStringLiteral("export"), QStringLiteral("--unmask"),
                        QStringLiteral("--email"), QStringLiteral("maren.holloway@example.com"),
                        QStringLiteral("-o"), path},
                       {{QStringLiteral("USER"), QStringLiteral("ops-grace")}});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.err.contains("audit log"));
        const QByteArray contents = readAll(path);
        QVERIFY(contents.contains("maren.holloway@example.com"));
        QVERIFY(contents.contains("\"name\":\"Maren Holloway\""));
        const auto entries = store::AuditLog::open(m_store->path()).list();
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries[0].actor, QStringLiteral("ops-grace"));
        QCOMPARE(entries[0].action, QStringLiteral("export.unmasked"));
        QCOMPARE(entries[0].subject, QFileInfo(path).absoluteFilePath());
        QCOMPARE(entries[0].details.value(QLatin1String("count")).toInteger(), linesOf(contents).size());
        QCOMPARE(entries[0].details.value(QLatin1String("format")).toString(), QStringLiteral("jsonl"));
        QVERIFY(!QJsonDocument(entries[0].details).toJson().contains("holloway"));
    }

    void existingFileNeedsForce()
    {
        const QString path = m_output.filePath(QStringLiteral("existing.csv"));
        QVERIFY(writeFile(path, "keep me"));
        Run result =
            runOnStore({QStringLiteral("events"), QStringLiteral("export"), QStringLiteral("-o"), path});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("already exists") && result.err.contains("--force"),
                 result.err.constData());
        QCOMPARE(readAll(path), QByteArray("keep me"));

        result = runOnStore({QStringLiteral("events"), QStringLiteral("export"), QStringLiteral("-o"), path,
                             QStringLiteral("--force")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(readAll(path).startsWith("id,type,"));
    }

    void usageErrors()
    {
        const QString path = m_output.filePath(QStringLiteral("never.out"));
        Run result =
            runOnStore({QStringLiteral("events"), QStringLiteral("export"), QStringLiteral("--format"),
                        QStringLiteral("xml"), QStringLiteral("-o"), path});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("unknown format 'xml'"));
        result = runOnStore({QStringLiteral("events"), QStringLiteral("export"), QStringLiteral("-o"), path});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("--format jsonl or --format csv"));
        result = runOnStore({QStringLiteral("events"), QStringLiteral("export")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("--output"));
        result =
            runOnStore({QStringLiteral("events"), QStringLiteral("export"), QStringLiteral("--type"),
                        QStringLiteral("invoice paid"), QStringLiteral("-o"), path + QStringLiteral(".csv")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(!QFile::exists(path) && !QFile::exists(path + QStringLiteral(".csv")));
    }

    void missingStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.jsonl"));
        const Run result = run({QStringLiteral("events"), QStringLiteral("export"), QStringLiteral("--db"),
                                dir.filePath(QStringLiteral("absent.sqlite")), QStringLiteral("-o"), path});
        QCOMPARE(result.exitCode, 5);
        QVERIFY(result.err.contains("no store at"));
        QVERIFY(!QFile::exists(path));
    }

    void unwritableFolder()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a-file"))));
        const QString path = dir.filePath(QStringLiteral("a-file/out.jsonl"));
        const Run result =
            runOnStore({QStringLiteral("events"), QStringLiteral("export"), QStringLiteral("-o"), path});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("Could not write") && result.err.contains("Choose a folder"),
                 result.err.constData());
    }

private:
    Run run(const QStringList& arguments, const QHash<QString, QString>& environment = {}) const
    {
        return runCli(arguments, m_home.filePath(QStringLiteral("xdg-data")), environment);
    }

    Run runOnStore(QStringList arguments, const QHash<QString, QString>& environment = {}) const
    {
        arguments << QStringLiteral("--db") << m_store->path();
        return run(arguments, environment);
    }

    std::unique_ptr<TempStore> m_store;
    QTemporaryDir m_home;
    QTemporaryDir m_output;
};

} // namespace billbridge::test

QTEST_GUILESS_MAIN(billbridge::test::TestExportCli)
#include "tst_exportcli.moc"
