// `billbridge-cli rules`, run as the real binary against a real store filled with the fixture events.

#include "support/clirun.h"
#include "support/fixtures.h"
#include "support/tempstore.h"
#include "support/textfiles.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace billbridge::test {

namespace {

const QByteArray kTwoRules = R"json({"rules": [
  {"id": "first-failure", "name": "First failure", "enabled": true,
   "trigger": ["invoice.payment_failed"],
   "conditions": [{"field": "attempt_count", "op": "eq", "value": 1}],
   "actions": [{"type": "track_event", "name": "first_failure",
                "data": {"amount": {"derived": "amount"}, "invoice": {"derived": "invoice_id"}}},
               {"type": "slack", "webhook": "billing-alerts", "text": "{{customer_name}} failed once"}]},
  {"id": "trial-note", "name": "Trial note",
   "trigger": ["customer.subscription.trial_will_end"],
   "actions": [{"type": "track_event", "name": "trial_note"}]}
]})json";

// One good rule and one with a mistake: nothing of it may be imported.
const QByteArray kOneBad = R"json([
  {"id": "fine", "name": "Fine", "trigger": ["invoice.paid"], "actions": [{"type": "track_event", "name": "x"}]},
  {"id": "bad", "name": "Bad", "trigger": ["invoice.paid"], "colour": "red",
   "actions": [{"type": "track_event", "name": "x"}]}
])json";

QString idOf(const QString& fixture)
{
    return TempStore::incoming(Fixtures::load(fixture)).fields.id;
}

} // namespace

class TestRulesCli : public QObject {
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

    void importDryRunAndRefusedFiles()
    {
        const QString good = m_home.filePath(QStringLiteral("good.json"));
        QVERIFY(writeFile(good, kTwoRules));
        CliRun result = runOnStore(
            {QStringLiteral("rules"), QStringLiteral("import"), good, QStringLiteral("--dry-run")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.contains("added (2): first-failure, trial-note"));
        QVERIFY(result.err.contains("dry run"));
        QVERIFY(runOnStore({QStringLiteral("rules"), QStringLiteral("list"), QStringLiteral("--json")})
                    .lines()
                    .isEmpty());

        result = runOnStore({QStringLiteral("rules"), QStringLiteral("import"), good});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.contains("added (2)"));
        result = runOnStore({QStringLiteral("rules"), QStringLiteral("list")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QCOMPARE(result.lines().size(), 3);
        QVERIFY(result.lines().at(1).contains("first-failure") && result.lines().at(1).contains("enabled"));
        QVERIFY(result.lines().at(2).contains("trial-note") && result.lines().at(2).contains("disabled"));
        const QByteArray before = runOnStore({QStringLiteral("rules"), QStringLiteral("export")}).out;

        const QString bad = m_home.filePath(QStringLiteral("bad.json"));
        QVERIFY(writeFile(bad, kOneBad));
        for (const QStringList& extra : {QStringList{}, QStringList{QStringLiteral("--replace")}}) {
            result = runOnStore(QStringList{QStringLiteral("rules"), QStringLiteral("import"), bad} + extra);
            QCOMPARE(result.exitCode, 1);
            QVERIFY2(result.err.contains("rule 'bad' at colour: unknown key 'colour'"),
                     result.err.constData());
            QVERIFY(result.err.contains("nothing was imported"));
            QCOMPARE(runOnStore({QStringLiteral("rules"), QStringLiteral("export")}).out, before);
        }
        const QString broken = m_home.filePath(QStringLiteral("broken.json"));
        QVERIFY(writeFile(broken, "{\"rules\": [ {\"id\": "));
        result = runOnStore({QStringLiteral("rules"), QStringLiteral("import"), broken});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("not valid JSON"));
        QCOMPARE(runOnStore({QStringLiteral("rules"), QStringLiteral("export")}).out, before);
    }

    void exportRoundTripAndChanges()
    {
        const QString good = m_home.filePath(QStringLiteral("good.json"));
        QVERIFY(writeFile(good, kTwoRules));
        QCOMPARE(runOnStore({QStringLiteral("rules"), QStringLiteral("import"), good}).exitCode, 0);
        const QString exported = m_home.filePath(QStringLiteral("exported.json"));
        CliRun result = runOnStore({QStringLiteral("rules"), QStringLiteral("export"), exported});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QCOMPARE(readAll(exported), runOnStore({QStringLiteral("rules"), QStringLiteral("export")}).out);

        result = runOnStore(
            {QStringLiteral("rules"), QStringLiteral("import"), exported, QStringLiteral("--replace")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QCOMPARE(result.lines(), QList<QByteArray>{"unchanged (2): first-failure, trial-note"});
        QVERIFY(result.err.contains("nothing to change"));

        QCOMPARE(runOnStore({QStringLiteral("rules"), QStringLiteral("enable"), QStringLiteral("trial-note")})
                     .exitCode,
                 0);
        result = runOnStore({QStringLiteral("rules"), QStringLiteral("show"), QStringLiteral("trial-note"),
                             QStringLiteral("--versions")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QCOMPARE(result.lines().size(), 2);
        QVERIFY(result.lines().at(0).startsWith("version 2") && result.lines().at(0).contains("enabled"));
        result = runOnStore({QStringLiteral("rules"), QStringLiteral("show"), QStringLiteral("trial-note")});
        QCOMPARE(QJsonDocument::fromJson(result.out).object().value(QLatin1String("enabled")).toBool(), true);

        // Replacing with a file of one rule removes the other.
        const QString one = m_home.filePath(QStringLiteral("one.json"));
        QVERIFY(writeFile(
            one,
            R"json([{"id":"trial-note","name":"Trial note","trigger":["customer.subscription.trial_will_end"],
            "actions":[{"type":"track_event","name":"trial_note"}]}])json"));
        result =
            runOnStore({QStringLiteral("rules"), QStringLiteral("import"), one, QStringLiteral("--replace")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.contains("changed (1): trial-note")); // disabled again
        QVERIFY(result.out.contains("removed (1): first-failure"));

        QCOMPARE(runOnStore({QStringLiteral("rules"), QStringLiteral("remove"), QStringLiteral("trial-note")})
                     .exitCode,
                 0);
        result =
            runOnStore({QStringLiteral("rules"), QStringLiteral("remove"), QStringLiteral("trial-note")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("there is no rule 'trial-note'"));
        QCOMPARE(runOnStore({QStringLiteral("rules"), QStringLiteral("frobnicate")}).exitCode, 2);
    }

    void templatesInstallDisabled()
    {
        CliRun result = runOnStore({QStringLiteral("rules"), QStringLiteral("templates")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.contains("dunning-attempt-1"));
        result = runOnStore({QStringLiteral("rules"), QStringLiteral("templates"),
                             QStringLiteral("--install"), QStringLiteral("dunning-attempt-1"),
                             QStringLiteral("--install"), QStringLiteral("win-back")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        result = runOnStore({QStringLiteral("rules"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(result.lines().size(), 2);
        for (const QByteArray& line : result.lines())
            QCOMPARE(QJsonDocument::fromJson(line).object().value(QLatin1String("enabled")).toBool(), false);
        result = runOnStore({QStringLiteral("rules"), QStringLiteral("templates"),
                             QStringLiteral("--install"), QStringLiteral("win-back")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("already exists"));
        QCOMPARE(runOnStore({QStringLiteral("rules"), QStringLiteral("templates"),
                             QStringLiteral("--install"), QStringLiteral("no-such")})
                     .exitCode,
                 2);
    }

    void testAndWhatIf()
    {
        const QString good = m_home.filePath(QStringLiteral("good.json"));
        QVERIFY(writeFile(good, kTwoRules));
        QCOMPARE(runOnStore({QStringLiteral("rules"), QStringLiteral("import"), good}).exitCode, 0);

        const QString firstFailure = idOf(QStringLiteral("maren-10-invoice.payment_failed"));
        CliRun result = runOnStore({QStringLiteral("rules"), QStringLiteral("test"), firstFailure});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.contains("rule first-failure: fires, 2 job(s)"));
        QVERIFY(result.out.contains("track.track POST /customers/cus_T3stAaIU7yYiYe/events"));
        QVERIFY(result.out.contains(QByteArray(firstFailure.toUtf8() + ":rule:first-failure:0")));
        QVERIFY(result.out.contains("\"name\":\"first_failure\""));
        QVERIFY(result.out.contains("\"amount\":149"));
        QVERIFY(result.out.contains("slack.post POST slack webhook 'billing-alerts'"));
        QVERIFY(result.out.contains("{\"text\":\"Maren Holloway failed once\"}"));
        QVERIFY(result.out.contains("rule trial-note: does not fire: invoice.payment_failed is not one of"));

        result = runOnStore({QStringLiteral("rules"), QStringLiteral("test"),
                             idOf(QStringLiteral("maren-12-invoice.payment_failed")),
                             QStringLiteral("--rule"), QStringLiteral("first-failure")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY(result.out.contains(
            "rule first-failure: does not fire: condition 1: attempt_count is 2; needs eq 1"));
        QVERIFY(!result.out.contains("trial-note"));

        QCOMPARE(runOnStore({QStringLiteral("rules"), QStringLiteral("test"), QStringLiteral("evt_Missing")})
                     .exitCode,
                 1);
        QCOMPARE(runOnStore({QStringLiteral("rules"), QStringLiteral("test"), firstFailure,
                             QStringLiteral("--rule"), QStringLiteral("nope")})
                     .exitCode,
                 2);

        // Maren's and Tobias's first failures; Tobias's later one is attempt 4.
        result = runOnStore({QStringLiteral("rules"), QStringLiteral("whatif"), QStringLiteral("--days"),
                             QStringLiteral("3650")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY2(result.out.contains("rule first-failure: 2 event(s), 2 customer(s); slack 2, track_event 2"),
                 result.out.constData());
        QVERIFY(result.out.contains("rule trial-note: 0 event(s), 0 customer(s)"));
        QVERIFY(result.out.contains(QByteArray("e.g. " + firstFailure.toUtf8())));
        QCOMPARE(runOnStore({QStringLiteral("rules"), QStringLiteral("whatif")}).exitCode, 2);

        // Unsaved rules from a file.
        const QString draft = m_home.filePath(QStringLiteral("draft.json"));
        QVERIFY(
            writeFile(draft, R"json([{"id":"any-failure","name":"Any","trigger":["invoice.payment_failed"],
            "actions":[{"type":"set_attributes","attributes":{"at_risk":{"literal":true}}}]}])json"));
        result = runOnStore({QStringLiteral("rules"), QStringLiteral("whatif"), QStringLiteral("--days"),
                             QStringLiteral("3650"), QStringLiteral("--file"), draft});
        QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
        QVERIFY2(result.out.contains("rule any-failure: 4 event(s), 2 customer(s); set_attributes 4"),
                 result.out.constData());
    }

private:
    CliRun runOnStore(QStringList arguments) const
    {
        arguments << QStringLiteral("--db") << m_store->path();
        return runCli(arguments, m_home.filePath(QStringLiteral("xdg-data")));
    }

    std::unique_ptr<TempStore> m_store;
    QTemporaryDir m_home;
};

} // namespace billbridge::test

QTEST_GUILESS_MAIN(billbridge::test::TestRulesCli)
#include "tst_rulescli.moc"
