// MappingCsv: plan mappings to and from CSV; quoting, formula guard, parse errors with line numbers and the
// import preview, and an import applied to a store together with its audit entry.

#include "store/auditlog.h"
#include "store/mappingcsv.h"
#include "store/mappingstore.h"
#include "support/refusedaudit.h"
#include "support/tempstore.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace billbridge;

namespace {

store::PlanMapping mapping(const QString& id, const QString& name, const QString& tier = {},
                           const QString& interval = {}, const QString& note = {})
{
    store::PlanMapping result;
    result.stripeId = id;
    result.planName = name;
    result.tier = tier;
    result.intervalLabel = interval;
    result.note = note;
    return store::MappingStore::normalized(result);
}

QString errorsOf(const store::MappingCsvParse& parsed)
{
    QStringList lines;
    for (const store::MappingCsvError& error : parsed.errors)
        lines << QStringLiteral("%1: %2").arg(error.line).arg(error.message);
    return lines.join(u'\n');
}

bool hasError(const store::MappingCsvParse& parsed, int line, const QString& part)
{
    for (const store::MappingCsvError& error : parsed.errors)
        if (error.line == line && error.message.contains(part))
            return true;
    return false;
}

QStringList idsOf(const std::vector<store::PlanMapping>& mappings)
{
    QStringList ids;
    for (const store::PlanMapping& mapping : mappings)
        ids << mapping.stripeId;
    return ids;
}

} // namespace

class TestMappingCsv : public QObject {
    Q_OBJECT

private slots:
    void roundTripWithQuotingAndFormulaGuard()
    {
        const std::vector<store::PlanMapping> mappings{
            mapping(QStringLiteral("price_A1"), QStringLiteral("Team, monthly"), QStringLiteral("team"),
                    QStringLiteral("monthly"), QStringLiteral("said \"hi\"\nsecond line")),
            mapping(QStringLiteral("prod_B2"), QStringLiteral("=HYPERLINK(\"http://x\")"),
                    QStringLiteral("+1"), QStringLiteral("-monthly"), QStringLiteral("@admin")),
            mapping(QStringLiteral("price_C3"), QString::fromUtf8("Über Plan")),
        };
        const QByteArray csv = store::MappingCsv::exportCsv(mappings);
        QVERIFY(csv.startsWith("stripe_id,plan_name,tier,interval_label,note\r\n"));
        QVERIFY(csv.contains("price_A1,\"Team, monthly\",team,monthly,\"said \"\"hi\"\"\nsecond line\"\r\n"));
        // No cell may start a formula in a spreadsheet.
        QVERIFY2(csv.contains("prod_B2,\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-monthly,'@admin\r\n"),
                 csv.constData());
        QVERIFY(csv.contains("price_C3,\xC3\x9C"
                             "ber Plan,,,\r\n"));

        const store::MappingCsvParse parsed = store::MappingCsv::parse(csv);
        QVERIFY2(parsed.ok(), qPrintable(errorsOf(parsed)));
        QCOMPARE(parsed.mappings.size(), mappings.size());
        for (std::size_t i = 0; i < mappings.size(); ++i)
            QVERIFY2(parsed.mappings[i].sameContent(mappings[i]), qPrintable(parsed.mappings[i].stripeId));
        QVERIFY(parsed.mappings[1].kind == store::MappingKind::Product);
        QVERIFY(parsed.mappings[2].tier.isNull());
    }

    void bomCrlfBlankLinesAndColumnOrder()
    {
        const QByteArray csv = "\xEF\xBB\xBFplan_name , STRIPE_ID\r\n"
                               "\r\n"
                               "  Team  ,price_A1\r\n"
                               "Business,prod_B2"; // no final line break
        const store::MappingCsvParse parsed = store::MappingCsv::parse(csv);
        QVERIFY2(parsed.ok(), qPrintable(errorsOf(parsed)));
        QCOMPARE(idsOf(parsed.mappings),
                 (QStringList{QStringLiteral("price_A1"), QStringLiteral("prod_B2")}));
        QCOMPARE(parsed.mappings[0].planName, QStringLiteral("Team"));
        QVERIFY(parsed.mappings[0].note.isNull());
        // LF only works as well.
        QVERIFY(store::MappingCsv::parse("stripe_id,plan_name\nprice_A1,Team\n").ok());
    }

    void everyBadLineIsReportedWithItsNumber()
    {
        const QByteArray csv = "stripe_id,plan_name,tier,interval_label,note\n" // 1
                               "price_ok1,Team,,,\n"                            // 2
                               "sub_123,Wrong kind,,,\n"                        // 3
                               "price_ok2,   ,,,\n"                             // 4
                               "price_ok1,Team again,,,\n"                      // 5
                               "price_ok3,Too few\n"                            // 6
                               "price_ok4,\"multi\nline\",,,\n"                 // 7-8
                               "price_bad-id,X,,,\n"                            // 9
                               "price_ok5," +
                               QByteArray(201, 'n') +
                               ",,,\n" // 10
                               "price_ok6,Y," +
                               QByteArray(101, 't') + ",,\n"; // 11
        const store::MappingCsvParse parsed = store::MappingCsv::parse(csv);
        QVERIFY(!parsed.ok());
        const QString all = errorsOf(parsed);
        QCOMPARE(parsed.errors.size(), std::size_t(7));
        QVERIFY2(hasError(parsed, 3, QStringLiteral("'sub_123' is not a Stripe price id")), qPrintable(all));
        QVERIFY2(hasError(parsed, 4, QStringLiteral("needs a plan name")), qPrintable(all));
        QVERIFY2(hasError(parsed, 5, QStringLiteral("already mapped on line 2")), qPrintable(all));
        QVERIFY2(hasError(parsed, 6, QStringLiteral("2 cells, but the header names 5 columns")),
                 qPrintable(all));
        QVERIFY2(hasError(parsed, 9, QStringLiteral("'price_bad-id'")), qPrintable(all));
        QVERIFY2(hasError(parsed, 10, QStringLiteral("200")), qPrintable(all));
        QVERIFY2(hasError(parsed, 11, QStringLiteral("tier")), qPrintable(all));
        // The good rows, the multi-line one included, are still read: the caller decides what to do.
        QCOMPARE(idsOf(parsed.mappings),
                 (QStringList{QStringLiteral("price_ok1"), QStringLiteral("price_ok4")}));
        QCOMPARE(parsed.mappings[1].planName, QStringLiteral("multi\nline"));
    }

    void headerProblems()
    {
        store::MappingCsvParse parsed = store::MappingCsv::parse("");
        QCOMPARE(parsed.errors.size(), std::size_t(1));
        QVERIFY(parsed.errors.front().message.contains(QStringLiteral("empty")));

        parsed = store::MappingCsv::parse("price_A1,Team\n");
        QVERIFY(hasError(parsed, 1, QStringLiteral("unknown column 'price_A1'")));
        QVERIFY(hasError(parsed, 1, QStringLiteral("no stripe_id column")));

        parsed = store::MappingCsv::parse("\n\nstripe_id,tier\nprice_A1,pro\n");
        QVERIFY2(hasError(parsed, 3, QStringLiteral("no plan_name column")), qPrintable(errorsOf(parsed)));
        QVERIFY(parsed.mappings.empty());

        parsed = store::MappingCsv::parse("stripe_id,plan_name,plan_name\n");
        QVERIFY(hasError(parsed, 1, QStringLiteral("plan_name appears twice")));

        parsed = store::MappingCsv::parse("stripe_id,plan_name\nprice_A1,\"Team\nprice_B2,Other\n");
        QVERIFY2(hasError(parsed, 2, QStringLiteral("never closed")), qPrintable(errorsOf(parsed)));

        parsed = store::MappingCsv::parse("stripe_id,plan_name\nprice_A1,\xff\xfe\n");
        QVERIFY(hasError(parsed, 0, QStringLiteral("UTF-8")));
    }

    void previewCategories()
    {
        const std::vector<store::PlanMapping> current{
            mapping(QStringLiteral("price_Same"), QStringLiteral("Same")),
            mapping(QStringLiteral("price_Renamed"), QStringLiteral("Old name"), QStringLiteral("pro")),
            mapping(QStringLiteral("prod_Gone"), QStringLiteral("Gone")),
        };
        const std::vector<store::PlanMapping> parsed{
            mapping(QStringLiteral("price_Same"), QStringLiteral("Same")),
            mapping(QStringLiteral("price_Renamed"), QStringLiteral("New name"), QStringLiteral("pro")),
            mapping(QStringLiteral("price_New"), QStringLiteral("New")),
        };
        const store::MappingImportPreview merge = store::MappingCsv::previewImport(current, parsed, false);
        QCOMPARE(idsOf(merge.added), QStringList{QStringLiteral("price_New")});
        QCOMPARE(merge.changed.size(), std::size_t(1));
        QCOMPARE(merge.changed.front().before.planName, QStringLiteral("Old name"));
        QCOMPARE(merge.changed.front().after.planName, QStringLiteral("New name"));
        QVERIFY(merge.removed.empty());
        QCOMPARE(idsOf(merge.unchanged), QStringList{QStringLiteral("price_Same")});
        QVERIFY(merge.hasChanges());

        const store::MappingImportPreview replace = store::MappingCsv::previewImport(current, parsed, true);
        QCOMPARE(idsOf(replace.removed), QStringList{QStringLiteral("prod_Gone")});
        QCOMPARE(replace.added.size(), std::size_t(1));

        QVERIFY(!store::MappingCsv::previewImport(current, current, true).hasChanges());
        // A cleared tier is a change.
        const auto cleared = store::MappingCsv::previewImport(
            current, {mapping(QStringLiteral("price_Renamed"), QStringLiteral("Old name"))}, false);
        QCOMPARE(cleared.changed.size(), std::size_t(1));
    }

    void applyImportToAStore()
    {
        test::TempStore temp;
        store::MappingStore mappings = store::MappingStore::open(temp.path());
        mappings.upsert(mapping(QStringLiteral("price_Renamed"), QStringLiteral("Old name")));
        mappings.upsert(mapping(QStringLiteral("prod_Gone"), QStringLiteral("Gone")));

        const store::MappingCsvParse parsed = store::MappingCsv::parse(
            "stripe_id,plan_name,tier\nprice_Renamed,New name,pro\nprice_New,New,\n");
        QVERIFY(parsed.ok());
        const QString file = temp.directory() + QStringLiteral("/plans.csv");
        store::MappingCsv::applyImport(
            mappings, store::MappingCsv::previewImport(mappings.list(), parsed.mappings, true),
            {file, true, {}});
        QCOMPARE(idsOf(mappings.list()),
                 (QStringList{QStringLiteral("price_New"), QStringLiteral("price_Renamed")}));
        QCOMPARE(mappings.find(QStringLiteral("price_Renamed"))->tier, QStringLiteral("pro"));
        // What the store exports reads back as the same table: nothing to change.
        const store::MappingCsvParse again =
            store::MappingCsv::parse(store::MappingCsv::exportCsv(mappings.list()));
        QVERIFY(!store::MappingCsv::previewImport(mappings.list(), again.mappings, true).hasChanges());
    }

    void anImportIsAuditedInItsTransaction()
    {
        test::TempStore temp;
        store::MappingStore mappings = store::MappingStore::open(temp.path());
        mappings.upsert(mapping(QStringLiteral("price_Renamed"), QStringLiteral("Old name")));
        mappings.upsert(mapping(QStringLiteral("prod_Gone"), QStringLiteral("Gone")));
        const std::vector<store::PlanMapping> before = mappings.list();
        const store::MappingCsvParse parsed = store::MappingCsv::parse(
            "stripe_id,plan_name,tier\nprice_Renamed,New name,pro\nprice_New,New,\n");
        const store::MappingImportPreview preview =
            store::MappingCsv::previewImport(before, parsed.mappings, true);
        const QString file = temp.directory() + QStringLiteral("/plans.csv");
        store::AuditLog audit = store::AuditLog::open(temp.path());

        // The audit entry cannot be written: the mappings stay as they were.
        {
            test::RefusedAudit refused(temp.path());
            const QString problem = test::notRefusedForTheAudit([&] {
                store::MappingCsv::applyImport(mappings, preview, {file, true, {}});
            });
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QCOMPARE(idsOf(mappings.list()), idsOf(before));
            QCOMPARE(mappings.find(QStringLiteral("price_Renamed"))->planName, QStringLiteral("Old name"));
            QCOMPARE(int(audit.count()), 0);
        }
        store::MappingCsv::applyImport(mappings, preview, {file, true, QStringLiteral("dora")});
        QCOMPARE(idsOf(mappings.list()),
                 (QStringList{QStringLiteral("price_New"), QStringLiteral("price_Renamed")}));
        QCOMPARE(int(audit.count()), 1);
        const store::AuditEntry entry = audit.list(1).front();
        QCOMPARE(entry.action, QStringLiteral("mappings.import"));
        QCOMPARE(entry.subject, QStringLiteral("plans.csv"));
        QCOMPARE(entry.actor, QStringLiteral("dora"));
        QCOMPARE(entry.details.value(QLatin1String("file")).toString(), QFileInfo(file).absoluteFilePath());
        QCOMPARE(entry.details.value(QLatin1String("replace")), QJsonValue(true));
        QCOMPARE(entry.details.value(QLatin1String("added")).toArray().size(), 1);
        QCOMPARE(entry.details.value(QLatin1String("removed")).toArray().size(), 1);
        const QJsonObject change = entry.details.value(QLatin1String("changed")).toArray().first().toObject();
        QCOMPARE(change.value(QLatin1String("before")).toObject().value(QLatin1String("plan_name")),
                 QJsonValue(QStringLiteral("Old name")));
        QCOMPARE(change.value(QLatin1String("after")).toObject().value(QLatin1String("plan_name")),
                 QJsonValue(QStringLiteral("New name")));

        // A preview without changes writes and records nothing.
        store::MappingCsv::applyImport(
            mappings, store::MappingCsv::previewImport(mappings.list(), mappings.list(), true),
            {file, true, {}});
        QCOMPARE(int(audit.count()), 1);
    }
};

QTEST_GUILESS_MAIN(TestMappingCsv)
#include "tst_mappingcsv.moc"
