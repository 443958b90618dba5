// `billbridge-cli mappings`, run as the real binary against a real store filled with the fixture events.

#include "store/auditlog.h"
#include "store/mappingstore.h"
#include "support/clirun.h"
#include "support/tempstore.h"
#include "support/textfiles.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace billbridge::test {

namespace {

const QString kTeamMonthly = QStringLiteral("price_1T3stpfhcHutDrDxWIhMkSrM");
const QString kBusinessMonthly = QStringLiteral("price_1T3stOAIrLTwQNC3HKiScMac");
const QString kBusinessYearlyEur = QStringLiteral("price_1T3stRQ2nmsNYMasWYcVAcpc");
const QString kBusinessProduct = QStringLiteral("prod_T3stcnWj6MgDX6");

bool contains(const QByteArray& text, const QByteArray& part)
{
    return text.contains(part);
}

QStringList jsonField(const QList<QByteArray>& lines, const char* field)
{
    QStringList values;
    for (const QByteArray& line : lines)
        values << QJsonDocument::fromJson(line).object().value(QLatin1String(field)).toString();
    return values;
}

} // namespace

class TestMappingsCli : public QObject {
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
        QVERIFY(m_store->addAllFixtures().committed);
        m_store->stopWriter();
    }

    void cleanup() { m_store.reset(); }

    void setListRemoveAndUnmapped()
    {
        CliRun result =
            runOnStore({QStringLiteral("mappings"), QStringLiteral("unmapped"), QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QStringList unmapped = jsonField(result.lines(), "price_id");
        QCOMPARE(unmapped.size(), 3);
        QVERIFY(unmapped.contains(kBusinessYearlyEur));
        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("unmapped"),
                             QStringLiteral("--limit"), QStringLiteral("1")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QCOMPARE(result.lines().size(), 2); // header and one price
        QVERIFY(result.lines().first().startsWith("PRICE"));
        // Only the newest subscription or invoice event: Tobias's cancellation of the team plan.
        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("unmapped"), QStringLiteral("--scan"),
                             QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QCOMPARE(jsonField(result.lines(), "price_id"), QStringList{kTeamMonthly});
        QCOMPARE(runOnStore({QStringLiteral("mappings"), QStringLiteral("unmapped"), QStringLiteral("--scan"),
                             QStringLiteral("x")})
                     .exitCode,
                 2);
        QCOMPARE(runOnStore({QStringLiteral("mappings"), QStringLiteral("unmapped"),
                             QStringLiteral("--limit"), QStringLiteral("0")})
                     .exitCode,
                 2);

        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("set"), kBusinessProduct,
                             QStringLiteral("--name"), QStringLiteral("Business"), QStringLiteral("--tier"),
                             QStringLiteral("pro")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY2(result.err.contains("now maps to \"Business\""), result.err.constData());
        result =
            runOnStore({QStringLiteral("mappings"), QStringLiteral("unmapped"), QStringLiteral("--json")});
        QCOMPARE(jsonField(result.lines(), "price_id"), QStringList{kTeamMonthly});

        // Options left out keep their values.
        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("set"), kBusinessProduct,
                             QStringLiteral("--interval"), QStringLiteral("monthly")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("set"), kTeamMonthly,
                             QStringLiteral("--name"), QStringLiteral("Team")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));

        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QCOMPARE(result.lines().size(), 2);
        const QJsonObject business = QJsonDocument::fromJson(result.lines().first()).object();
        QCOMPARE(business.value(QLatin1String("stripe_id")).toString(), kBusinessProduct);
        QCOMPARE(business.value(QLatin1String("kind")).toString(), QStringLiteral("product"));
        QCOMPARE(business.value(QLatin1String("tier")).toString(), QStringLiteral("pro"));
        QCOMPARE(business.value(QLatin1String("interval_label")).toString(), QStringLiteral("monthly"));
        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("list"), QStringLiteral("--search"),
                             QStringLiteral("TEAM")});
        QCOMPARE(result.lines().size(), 2); // header and the match
        QVERIFY(result.lines().at(1).startsWith(kTeamMonthly.toUtf8()));
        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("unmapped")});
        QVERIFY2(result.exitCode == 0 && result.out.isEmpty(), qPrintable(result.diagnostics()));
        QVERIFY(result.err.contains("every price"));

        // Bad input changes nothing.
        for (const QStringList& bad :
             {QStringList{QStringLiteral("set"), QStringLiteral("sub_123"), QStringLiteral("--name"),
                          QStringLiteral("X")},
              QStringList{QStringLiteral("set"), kBusinessMonthly}, // new, no name
              QStringList{QStringLiteral("set"), kTeamMonthly, QStringLiteral("--name"), QStringLiteral(" ")},
              QStringList{QStringLiteral("set"), kTeamMonthly, QStringLiteral("--tier"), QString(101, u't')},
              QStringList{QStringLiteral("remove"), kBusinessMonthly}, QStringList{QStringLiteral("remove")},
              QStringList{QStringLiteral("frobnicate")}}) {
            result = runOnStore(QStringList{QStringLiteral("mappings")} + bad);
            QVERIFY2(result.exitCode == 2, qPrintable(bad.join(u' ') + result.diagnostics()));
        }
        QCOMPARE(store::AuditLog::open(m_store->path()).list().size(), std::size_t(3));

        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("remove"), kBusinessProduct});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(!store::MappingStore::open(m_store->path()).find(kBusinessProduct));

        const auto entries = store::AuditLog::open(m_store->path()).list();
        QCOMPARE(entries.size(), std::size_t(4));
        QCOMPARE(entries[0].action, QStringLiteral("mappings.remove"));
        QCOMPARE(entries[0].subject, kBusinessProduct);
        QCOMPARE(
            entries[0].details.value(QLatin1String("before")).toObject().value(QLatin1String("plan_name")),
            QStringLiteral("Business"));
        QCOMPARE(entries[2].action, QStringLiteral("mappings.set"));
        QCOMPARE(entries[2]
                     .details.value(QLatin1String("before"))
                     .toObject()
                     .value(QLatin1String("interval_label")),
                 QJsonValue());
        QCOMPARE(entries[2]
                     .details.value(QLatin1String("after"))
                     .toObject()
                     .value(QLatin1String("interval_label")),
                 QStringLiteral("monthly"));
        QVERIFY(entries[3].details.value(QLatin1String("before")).isNull());
        QVERIFY(!entries[3].actor.isEmpty());
    }

    void importDryRunThenForRealThenReplace()
    {
        const QString csv = m_home.filePath(QStringLiteral("plans.csv"));
        QVERIFY(writeFile(csv, "stripe_id,plan_name,tier,interval_label,note\r\n" +
                                   kBusinessProduct.toUtf8() + ",Business,pro,,\r\n" + kTeamMonthly.toUtf8() +
                                   ",Team,team,monthly,\"from finance, Q3\"\r\n"));
        CliRun result = runOnStore(
            {QStringLiteral("mappings"), QStringLiteral("import"), csv, QStringLiteral("--dry-run")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY2(contains(result.out, "add     " + kBusinessProduct.toUtf8()), result.out.constData());
        QVERIFY(result.out.contains("2 to add, 0 to change, 0 to remove, 0 unchanged"));
        QVERIFY(result.err.contains("dry run"));
        QVERIFY(store::MappingStore::open(m_store->path()).list().empty());
        QVERIFY(store::AuditLog::open(m_store->path()).list().empty());

        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("import"), csv});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QCOMPARE(store::MappingStore::open(m_store->path()).find(kTeamMonthly)->note,
                 QStringLiteral("from finance, Q3"));
        auto entries = store::AuditLog::open(m_store->path()).list();
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries[0].action, QStringLiteral("mappings.import"));
        QCOMPARE(entries[0].details.value(QLatin1String("added")).toArray().size(), 2);

        // The same file again changes nothing and records nothing.
        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("import"), csv});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.contains("0 to add, 0 to change, 0 to remove, 2 unchanged"));
        QCOMPARE(store::AuditLog::open(m_store->path()).list().size(), std::size_t(1));

        // Without --replace a mapping missing from the file stays; with it, it goes.
        QVERIFY(writeFile(csv, "stripe_id,plan_name,tier\n" + kTeamMonthly.toUtf8() + ",Team Plus,team\n" +
                                   kBusinessYearlyEur.toUtf8() + ",Business EUR,pro\n"));
        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("import"), csv,
                             QStringLiteral("--replace"), QStringLiteral("--dry-run")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY2(result.out.contains("1 to add, 1 to change, 1 to remove, 0 unchanged"),
                 result.out.constData());
        QVERIFY(contains(result.out, "remove  " + kBusinessProduct.toUtf8()));
        QVERIFY(result.out.contains("name \"Team\" -> \"Team Plus\""));
        QVERIFY(store::MappingStore::open(m_store->path()).find(kBusinessProduct));

        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("import"), csv});
        QVERIFY(result.out.contains("1 to add, 1 to change, 0 to remove, 0 unchanged"));
        QVERIFY(store::MappingStore::open(m_store->path()).find(kBusinessProduct));
        result = runOnStore(
            {QStringLiteral("mappings"), QStringLiteral("import"), csv, QStringLiteral("--replace")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.contains("0 to add, 0 to change, 1 to remove, 2 unchanged"));
        QVERIFY(!store::MappingStore::open(m_store->path()).find(kBusinessProduct));
        entries = store::AuditLog::open(m_store->path()).list();
        QCOMPARE(entries.size(), std::size_t(3));
        QCOMPARE(entries[0].details.value(QLatin1String("removed")).toArray().size(), 1);
        QCOMPARE(entries[0].details.value(QLatin1String("replace")).toBool(), true);
        const QJsonObject change =
            entries[1].details.value(QLatin1String("changed")).toArray().first().toObject();
        QCOMPARE(change.value(QLatin1String("before")).toObject().value(QLatin1String("plan_name")),
                 QStringLiteral("Team"));
        QCOMPARE(change.value(QLatin1String("after")).toObject().value(QLatin1String("plan_name")),
                 QStringLiteral("Team Plus"));
    }

    void badCsvChangesNothing()
    {
        store::MappingStore::open(m_store->path())
            .upsert(store::MappingStore::normalized(
                {kTeamMonthly, store::MappingKind::Price, QStringLiteral("Team")}));
        const QString csv = m_home.filePath(QStringLiteral("bad.csv"));
        QVERIFY(writeFile(csv, "stripe_id,plan_name\n" + kBusinessProduct.toUtf8() + ",Business\n" +
                                   "price_oops-1,Broken\n" + kTeamMonthly.toUtf8() + ",\n" +
                                   kBusinessProduct.toUtf8() + ",Twice\n"));
        for (const QStringList& extra : {QStringList{}, QStringList{QStringLiteral("--replace")}}) {
            const CliRun result =
                runOnStore(QStringList{QStringLiteral("mappings"), QStringLiteral("import"), csv} + extra);
            QCOMPARE(result.exitCode, 2);
            QVERIFY2(contains(result.err, csv.toUtf8() + ":3: 'price_oops-1'"), result.err.constData());
            QVERIFY(
                contains(result.err, csv.toUtf8() + ":4: " + kTeamMonthly.toUtf8() + " needs a plan name"));
            QVERIFY(contains(result.err, csv.toUtf8() + ":5: " + kBusinessProduct.toUtf8() +
                                             " is already mapped on line 2"));
            QVERIFY(result.err.contains("3 bad lines"));
            QVERIFY(result.out.isEmpty());
        }
        const auto stored = store::MappingStore::open(m_store->path()).list();
        QCOMPARE(stored.size(), std::size_t(1));
        QCOMPARE(stored.front().stripeId, kTeamMonthly);
        QVERIFY(store::AuditLog::open(m_store->path()).list().empty());

        const CliRun missing = runOnStore({QStringLiteral("mappings"), QStringLiteral("import"),
                                           m_home.filePath(QStringLiteral("nope.csv"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("cannot read"));
    }

    void exportToFileAndStandardOutput()
    {
        {
            store::MappingStore mappings = store::MappingStore::open(m_store->path());
            mappings.upsert(
                store::MappingStore::normalized({kTeamMonthly, store::MappingKind::Price,
                                                 QStringLiteral("=Team"), QStringLiteral("team, small")}));
            mappings.upsert(store::MappingStore::normalized(
                {kBusinessProduct, store::MappingKind::Product, QStringLiteral("Business")}));
        }
        CliRun result = runOnStore({QStringLiteral("mappings"), QStringLiteral("export")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        // Ordered by id, so that a file kept in version control shows renames as one-line changes.
        const QByteArray expected = "stripe_id,plan_name,tier,interval_label,note\r\n" +
                                    kTeamMonthly.toUtf8() + ",'=Team,\"team, small\",,\r\n" +
                                    kBusinessProduct.toUtf8() + ",Business,,,\r\n";
        QCOMPARE(result.out, expected);

        const QString path = m_home.filePath(QStringLiteral("export.csv"));
        result =
            runOnStore({QStringLiteral("mappings"), QStringLiteral("export"), QStringLiteral("-o"), path});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.err.contains("exported 2 mappings"));
        QVERIFY(result.out.isEmpty());
        QCOMPARE(readAll(path), expected);

        // An existing file is kept unless --force.
        QVERIFY(writeFile(path, "keep me"));
        result =
            runOnStore({QStringLiteral("mappings"), QStringLiteral("export"), QStringLiteral("-o"), path});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("--force"));
        QCOMPARE(readAll(path), QByteArray("keep me"));
        result = runOnStore({QStringLiteral("mappings"), QStringLiteral("export"), QStringLiteral("-o"), path,
                             QStringLiteral("--force")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(readAll(path).startsWith("stripe_id,plan_name"));

        // What was exported imports as "nothing to change".
        result = runOnStore(
            {QStringLiteral("mappings"), QStringLiteral("import"), path, QStringLiteral("--replace")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY2(result.out.contains("0 to add, 0 to change, 0 to remove, 2 unchanged"),
                 result.out.constData());
    }

    void neverCreatesAStoreAtAMistypedPath()
    {
        const QString csv = m_home.filePath(QStringLiteral("one.csv"));
        QVERIFY(writeFile(csv, "stripe_id,plan_name\nprice_A1,Team\n"));
        const QString typo = m_home.filePath(QStringLiteral("typo.sqlite"));
        for (const QStringList& arguments :
             {QStringList{QStringLiteral("set"), kTeamMonthly, QStringLiteral("--name"),
                          QStringLiteral("Team")},
              QStringList{QStringLiteral("remove"), kTeamMonthly}, QStringList{QStringLiteral("import"), csv},
              QStringList{QStringLiteral("import"), csv, QStringLiteral("--dry-run")},
              QStringList{QStringLiteral("list")}, QStringList{QStringLiteral("unmapped")},
              QStringList{QStringLiteral("export")}}) {
            const CliRun result = run(QStringList{QStringLiteral("mappings")} + arguments +
                                      QStringList{QStringLiteral("--db"), typo});
            QVERIFY2(result.exitCode == 5, qPrintable(arguments.join(u' ') + result.diagnostics()));
            QVERIFY(!QFileInfo::exists(typo));
        }
    }

private:
    CliRun run(const QStringList& arguments) const
    {
        return runCli(arguments, m_home.filePath(QStringLiteral("xdg-data")));
    }

    CliRun runOnStore(QStringList arguments) const
    {
        arguments << QStringLiteral("--db") << m_store->path();
        return run(arguments);
    }

    std::unique_ptr<TempStore> m_store;
    QTemporaryDir m_home;
};

} // namespace billbridge::test

QTEST_GUILESS_MAIN(billbridge::test::TestMappingsCli)
#include "tst_mappingscli.moc"
