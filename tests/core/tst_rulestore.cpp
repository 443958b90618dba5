// The rule set in a real store: versions, audit trail, order, all-or-nothing imports.

#include "rules/rulestore.h"
#include "rules/ruletemplates.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "support/refusedaudit.h"
#include "support/tempstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace billbridge;
using namespace billbridge::rules;
using billbridge::test::TempStore;

namespace {

constexpr std::int64_t kNowMs = 1790000000000;

QStringList idsOf(const QList<Rule>& rules)
{
    QStringList ids;
    for (const Rule& rule : rules)
        ids.append(rule.id);
    return ids;
}

} // namespace

class TestRuleStore : public QObject {
    Q_OBJECT

private slots:
    void saveVersionsAndAudit()
    {
        TempStore store;
        RuleStore rules = RuleStore::open(store.path(), [] { return kNowMs; });
        Rule rule = *ruleTemplate(QStringLiteral("trial-ending"));
        QCOMPARE(rules.save(rule, QStringLiteral("alice")).version, 1);
        QCOMPARE(rules.save(rule, QStringLiteral("alice")).version, 1); // nothing changed: no new version
        rule.name = QStringLiteral("Trial ends soon");
        QCOMPARE(rules.save(rule, QStringLiteral("bob")).version, 2);
        QVERIFY(rules.setEnabled(rule.id, true, QStringLiteral("bob")));
        QCOMPARE(rules.find(rule.id)->version, 3);
        QVERIFY(rules.find(rule.id)->enabled);

        const std::vector<RuleVersion> versions = rules.versions(rule.id);
        QCOMPARE(versions.size(), size_t(3));
        QCOMPARE(versions.front().version, 3);
        QCOMPARE(versions.back().savedBy, QStringLiteral("alice"));
        QCOMPARE(versions.at(1).rule->name, QStringLiteral("Trial ends soon"));
        QCOMPARE(versions.back().savedAtMs, kNowMs);

        const std::vector<store::AuditEntry> audit = store::AuditLog::open(store.path()).list();
        QCOMPARE(audit.size(), size_t(3));
        QCOMPARE(audit.front().action, QStringLiteral("rule.enable"));
        QCOMPARE(audit.at(1).action, QStringLiteral("rule.save"));
        QCOMPARE(audit.at(1).actor, QStringLiteral("bob"));
        QCOMPARE(audit.at(1)
                     .details.value(QLatin1String("before"))
                     .toObject()
                     .value(QLatin1String("name"))
                     .toString(),
                 QStringLiteral("Trial ending"));
        QCOMPARE(audit.at(1)
                     .details.value(QLatin1String("after"))
                     .toObject()
                     .value(QLatin1String("name"))
                     .toString(),
                 QStringLiteral("Trial ends soon"));

        // Re-created after removal: versions keep counting.
        QVERIFY(rules.remove(rule.id));
        QVERIFY(!rules.find(rule.id));
        QCOMPARE(rules.save(rule).version, 4);
    }

    void invalidRulesAreRefused()
    {
        TempStore store;
        RuleStore rules = RuleStore::open(store.path());
        Rule rule = *ruleTemplate(QStringLiteral("trial-ending"));
        rule.id = QStringLiteral("Not A Slug");
        QVERIFY_THROWS_EXCEPTION(RuleValidationError, rules.save(rule));
        QVERIFY(rules.list().isEmpty());
    }

    void orderAndMoves()
    {
        TempStore store;
        RuleStore rules = RuleStore::open(store.path());
        for (const QString& id : {QStringLiteral("trial-ending"), QStringLiteral("win-back"),
                                  QStringLiteral("churn-risk-refund")})
            rules.save(*ruleTemplate(id));
        QCOMPARE(idsOf(rules.list()), (QStringList{QStringLiteral("trial-ending"), QStringLiteral("win-back"),
                                                   QStringLiteral("churn-risk-refund")}));
        QVERIFY(rules.move(QStringLiteral("churn-risk-refund"), 0));
        QCOMPARE(idsOf(rules.list()),
                 (QStringList{QStringLiteral("churn-risk-refund"), QStringLiteral("trial-ending"),
                              QStringLiteral("win-back")}));
        QVERIFY(rules.move(QStringLiteral("churn-risk-refund"), 99));
        QCOMPARE(rules.list().last().id, QStringLiteral("churn-risk-refund"));
        QCOMPARE(rules.list().last().position, 2);
        QVERIFY(!rules.move(QStringLiteral("nope"), 0));
        QVERIFY(rules.remove(QStringLiteral("trial-ending")));
        QCOMPARE(rules.list().first().position, 0);
    }

    void importIsAllOrNothing()
    {
        TempStore store;
        RuleStore rules = RuleStore::open(store.path());
        rules.save(*ruleTemplate(QStringLiteral("win-back")));
        const QByteArray before = rules.exportJson();

        const QByteArray mixed = R"json([
          {"id":"new-one","name":"New","trigger":["invoice.paid"],"actions":[{"type":"track_event","name":"x"}]},
          {"id":"win-back","name":"W","trigger":["invoice.paid"],"actions":[{"type":"track_event","name":"x"}],
           "delay_seconds":-5}])json";
        ImportPreview preview = rules.import(mixed, false, false);
        QVERIFY(!preview.ok());
        QVERIFY(!preview.applied);
        QCOMPARE(rules.exportJson(), before);

        const QByteArray good = R"json([
          {"id":"new-one","name":"New","trigger":["invoice.paid"],"actions":[{"type":"track_event","name":"x"}]}])json";
        preview = rules.import(good, true, true);
        QVERIFY(preview.ok());
        QCOMPARE(preview.added, QStringList{QStringLiteral("new-one")});
        QCOMPARE(preview.removed, QStringList{QStringLiteral("win-back")});
        QVERIFY(!preview.applied);
        QCOMPARE(rules.exportJson(), before);

        preview = rules.import(good, false, false);
        QVERIFY(preview.applied);
        QCOMPARE(idsOf(rules.list()), (QStringList{QStringLiteral("win-back"), QStringLiteral("new-one")}));
        preview = rules.import(rules.exportJson(), true, false);
        QCOMPARE(preview.unchanged.size(), 2);
        QVERIFY(!preview.applied);
    }

    void everyChangeWritesExactlyOneAuditEntry()
    {
        TempStore store;
        RuleStore rules = RuleStore::open(store.path(), [] { return kNowMs; });
        store::AuditLog audit = store::AuditLog::open(store.path());
        const QString id = QStringLiteral("trial-ending");
        Rule rule = *ruleTemplate(id);
        auto newest = [&] { return audit.list(1).front(); };

        rules.save(rule, QStringLiteral("alice"));
        QCOMPARE(int(audit.count()), 1);
        QCOMPARE(newest().action, QStringLiteral("rule.save"));
        QCOMPARE(newest().atMs, kNowMs);
        QVERIFY(!newest().details.contains(QLatin1String("before")));
        QCOMPARE(
            newest().details.value(QLatin1String("after")).toObject().value(QLatin1String("id")).toString(),
            id);

        rules.save(*ruleTemplate(QStringLiteral("win-back")));
        QCOMPARE(int(audit.count()), 2);
        QVERIFY(rules.move(id, 1, QStringLiteral("bob")));
        QCOMPARE(int(audit.count()), 3);
        QCOMPARE(newest().action, QStringLiteral("rule.move"));
        QCOMPARE(newest().details.value(QLatin1String("to")).toInt(), 1);
        QVERIFY(rules.move(id, 1)); // already there: nothing to record
        QVERIFY(rules.setEnabled(id, false));
        QCOMPARE(int(audit.count()), 3);

        QVERIFY(rules.setEnabled(id, true, QStringLiteral("carol")));
        QCOMPARE(int(audit.count()), 4);
        QCOMPARE(newest().action, QStringLiteral("rule.enable"));
        QCOMPARE(newest().actor, QStringLiteral("carol"));
        QCOMPARE(newest().details.value(QLatin1String("before")).toObject().value(QLatin1String("enabled")),
                 QJsonValue(false));
        QCOMPARE(newest().details.value(QLatin1String("after")).toObject().value(QLatin1String("enabled")),
                 QJsonValue(true));

        QVERIFY(rules.remove(id));
        QCOMPARE(int(audit.count()), 5);
        QCOMPARE(newest().action, QStringLiteral("rule.remove"));
        QCOMPARE(newest().details.value(QLatin1String("before")).toObject().value(QLatin1String("name")),
                 QJsonValue(rule.name));
        QVERIFY(!rules.remove(id));
        QCOMPARE(int(audit.count()), 5);

        const ImportPreview imported = rules.import(rules.exportJson().replace("Win", "Won"), false, false);
        QVERIFY(imported.applied);
        QCOMPARE(int(audit.count()), 6);
        QCOMPARE(newest().action, QStringLiteral("rule.import"));
        QCOMPARE(newest().details.value(QLatin1String("changed")).toArray().size(), 1);
        QVERIFY(
            newest().details.value(QLatin1String("before")).toObject().contains(QLatin1String("win-back")));
        QVERIFY(
            newest().details.value(QLatin1String("after")).toObject().contains(QLatin1String("win-back")));
        QVERIFY(audit.verify().isIntact());
    }

    void aChangeThatCannotBeAuditedIsNotMade()
    {
        TempStore store;
        RuleStore rules = RuleStore::open(store.path(), [] { return kNowMs; });
        const QString id = QStringLiteral("trial-ending");
        rules.save(*ruleTemplate(id));
        rules.save(*ruleTemplate(QStringLiteral("win-back")));
        const QByteArray exported = rules.exportJson();
        const std::size_t versions = rules.versions(id).size();
        store::AuditLog audit = store::AuditLog::open(store.path());
        QCOMPARE(int(audit.count()), 2);

        Rule renamed = *ruleTemplate(id);
        renamed.name = QStringLiteral("Renamed");
        Rule added = *ruleTemplate(QStringLiteral("churn-risk-refund"));
        {
            test::RefusedAudit refused(store.path());
            const QList<std::function<void()>> changes{
                [&] { rules.save(renamed); },
                [&] { rules.save(added); },
                [&] { rules.setEnabled(id, true); },
                [&] { rules.move(id, 1); },
                [&] { rules.remove(id); },
                [&] { rules.import(QByteArray(exported).replace("Trial", "Changed"), true, false); },
            };
            for (qsizetype i = 0; i < changes.size(); ++i) {
                const QString problem = test::notRefusedForTheAudit(changes.at(i));
                QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("change %1: %2").arg(i).arg(problem)));
                QCOMPARE(rules.exportJson(), exported);
                QCOMPARE(rules.versions(id).size(), versions);
                QVERIFY(!rules.find(QStringLiteral("churn-risk-refund")));
            }
        }
        QCOMPARE(int(audit.count()), 2);
        QCOMPARE(rules.versions(QStringLiteral("churn-risk-refund")).size(), std::size_t(0));

        // Nothing was left half-open: the same change goes through once the log takes entries again.
        QCOMPARE(rules.save(renamed).name, QStringLiteral("Renamed"));
        QCOMPARE(int(audit.count()), 3);
        QVERIFY(audit.verify().isIntact());
    }
};

QTEST_GUILESS_MAIN(TestRuleStore)
#include "tst_rulestore.moc"
