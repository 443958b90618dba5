// Rules inside the real EventWriter and SyncEngine: fixture events stored in a temporary store become rule
// jobs (delayed, with exits) in the same transaction; exits discard only the matching pending jobs; history,
// replays, rule versions and broken stored rules behave.

#include "rules/rule.h"
#include "rules/ruleengine.h"
#include "rules/rulestore.h"
#include "store/database.h"
#include "store/eventwriter.h"
#include "store/jobqueue.h"
#include "store/sqlite.h"
#include "support/fixtures.h"
#include "support/tempstore.h"
#include "sync/syncengine.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <optional>

using namespace billbridge;
using billbridge::test::Fixtures;
using billbridge::test::TempStore;

namespace {

const QString kMaren = QStringLiteral("cus_T3stAaIU7yYiYe");
const QString kFailedInvoice = QStringLiteral("in_1T3stkNdLtwvW0MZgenQjjJ1");
constexpr std::int64_t kFirstFailureCreated = 1792059283;  // maren-10, attempt 1
constexpr std::int64_t kSecondFailureCreated = 1792326343; // maren-12, attempt 2
constexpr std::int64_t kNowMs = 1795019715LL * 1000;       // just after the newest fixture event
constexpr std::int64_t kTenYearsMs = 10LL * 365 * 24 * 3600 * 1000;
constexpr std::int64_t kDay = 24 * 3600;

struct RuleJob {
    QString key;
    QString operation;
    QString state;
    std::int64_t notBeforeMs = 0;
    QString ruleId;
    int ruleVersion = 0;
    QString exits;
    QString discardReason;
};

std::optional<RuleJob> jobWithKey(const QString& path, const QString& key)
{
    store::SqliteConnection connection = store::Database::openForReading(path);
    store::SqliteStatement select =
        connection.prepare("SELECT idempotency_key, operation, state, not_before_ms, rule_id, rule_version, "
                           "exits, discard_reason "
                           "FROM jobs WHERE idempotency_key = ?1");
    select.bind(1, key);
    if (!select.step())
        return std::nullopt;
    return RuleJob{select.text(0),
                   select.text(1),
                   select.text(2),
                   select.int64(3),
                   select.isNull(4) ? QString() : select.text(4),
                   select.isNull(5) ? 0 : int(select.int64(5)),
                   select.isNull(6) ? QString() : select.text(6),
                   select.isNull(7) ? QString() : select.text(7)};
}

std::int64_t count(const QString& path, const char* sql)
{
    store::SqliteConnection connection = store::Database::openForReading(path);
    store::SqliteStatement select = connection.prepare(sql);
    return select.step() ? select.int64(0) : -1;
}

QString reasonOf(const QString& path, const QString& eventId)
{
    store::SqliteConnection connection = store::Database::openForReading(path);
    store::SqliteStatement select = connection.prepare("SELECT reason FROM sync_events WHERE event_id = ?1");
    select.bind(1, eventId);
    return select.step() && !select.isNull(0) ? select.text(0) : QString();
}

QString idOf(const QString& fixture)
{
    return TempStore::incoming(Fixtures::load(fixture)).fields.id;
}

QStringList marenUpTo(int last)
{
    QStringList names;
    for (const QString& name : Fixtures::names()) {
        if (name.startsWith(QLatin1String("maren-")) && name.mid(6, 2).toInt() <= last)
            names.append(name);
    }
    return names;
}

std::unique_ptr<store::EventWriter> syncingWriter(const QString& path, std::int64_t horizonMs = kTenYearsMs)
{
    auto writer = std::make_unique<store::EventWriter>(path);
    sync::SyncOptions options;
    options.horizonMs = horizonMs;
    sync::SyncEngine::install(*writer, options, [] { return kNowMs; });
    writer->start();
    return writer;
}

bool deliverEach(store::EventWriter& writer, const QStringList& fixtures)
{
    for (const QString& name : fixtures) {
        store::WriteRequest request;
        request.events.push_back(TempStore::incoming(Fixtures::load(name)));
        if (!writer.write(std::move(request)).committed)
            return false;
    }
    return true;
}

rules::Rule rule(const QByteArray& json)
{
    QList<rules::RuleProblem> problems;
    std::optional<rules::Rule> parsed =
        rules::ruleFromJson(QJsonDocument::fromJson(json).object(), &problems);
    if (!parsed)
        qFatal("test rule does not parse: %s", qPrintable(problems.value(0).text()));
    return *parsed;
}

const QByteArray kFirstReminder = R"({"id":"first-reminder","name":"First","enabled":true,
  "trigger":["invoice.payment_failed"],"conditions":[{"field":"attempt_count","op":"eq","value":1}],
  "delay_seconds":86400,"exits":["invoice.paid","invoice.voided"],
  "actions":[{"type":"track_event","name":"first_reminder","data":{"url":{"derived":"hosted_invoice_url"}}}]})";
const QByteArray kSecondReminder = R"({"id":"second-reminder","name":"Second","enabled":true,
  "trigger":["invoice.payment_failed"],"conditions":[{"field":"attempt_count","op":"eq","value":2}],
  "delay_seconds":864000,"exits":["invoice.paid"],
  "actions":[{"type":"track_event","name":"second_reminder"},
             {"type":"slack","webhook":"billing-alerts","text":"{{customer_name}}: attempt {{attempt_count}}"}]})";
const QByteArray kImmediateAlert = R"({"id":"failure-alert","name":"Alert","enabled":true,
  "trigger":["invoice.payment_failed"],
  "actions":[{"type":"set_attributes","attributes":{"churn_risk":{"literal":true}}}]})";

} // namespace

class TestRuleEngine : public QObject {
    Q_OBJECT

private slots:
    void delayedRemindersAndTheirExits()
    {
        TempStore store;
        store.writer(); // creates and migrates the store
        store.stopWriter();
        {
            rules::RuleStore rules = rules::RuleStore::open(store.path(), [] { return kNowMs; });
            rules.save(rule(kFirstReminder));
            rules.save(rule(kSecondReminder));
            rules.save(rule(kImmediateAlert));
            rules.save(rule(
                R"({"id":"disabled-one","name":"Off","enabled":false,"trigger":["invoice.payment_failed"],
                             "actions":[{"type":"track_event","name":"never"}]})"));
        }
        auto writer = syncingWriter(store.path());
        QVERIFY(deliverEach(*writer, marenUpTo(12)));

        const QString first = idOf(QStringLiteral("maren-10-invoice.payment_failed"));
        const QString second = idOf(QStringLiteral("maren-12-invoice.payment_failed"));
        const std::optional<RuleJob> reminder1 =
            jobWithKey(store.path(), first + QStringLiteral(":rule:first-reminder:0"));
        QVERIFY(reminder1);
        QCOMPARE(reminder1->operation, QStringLiteral("track.track"));
        QCOMPARE(reminder1->state, QStringLiteral("pending"));
        QCOMPARE(reminder1->notBeforeMs, (kFirstFailureCreated + kDay) * 1000);
        QCOMPARE(reminder1->ruleId, QStringLiteral("first-reminder"));
        QCOMPARE(reminder1->ruleVersion, 1);
        QVERIFY(reminder1->exits.contains(kFailedInvoice));
        // The condition picks the attempt: no first reminder for the second failure, and the reverse.
        QVERIFY(!jobWithKey(store.path(), second + QStringLiteral(":rule:first-reminder:0")));
        QVERIFY(!jobWithKey(store.path(), first + QStringLiteral(":rule:second-reminder:0")));
        const std::optional<RuleJob> reminder2 =
            jobWithKey(store.path(), second + QStringLiteral(":rule:second-reminder:0"));
        QVERIFY(reminder2);
        QCOMPARE(reminder2->notBeforeMs, (kSecondFailureCreated + 10 * kDay) * 1000);
        const std::optional<RuleJob> slack =
            jobWithKey(store.path(), second + QStringLiteral(":rule:second-reminder:1"));
        QVERIFY(slack);
        QCOMPARE(slack->operation, QStringLiteral("slack.post"));
        const std::optional<RuleJob> alert =
            jobWithKey(store.path(), first + QStringLiteral(":rule:failure-alert:0"));
        QVERIFY(alert);
        QCOMPARE(alert->operation, QStringLiteral("track.identify"));
        QVERIFY(alert->exits.isEmpty());
        QCOMPARE(count(store.path(), "SELECT count(*) FROM jobs WHERE rule_id = 'disabled-one'"), 0);
        QVERIFY(reasonOf(store.path(), second)
                    .contains(QLatin1String("rules fired: second-reminder, failure-alert")));

        // Jobs the invoice payment must leave alone: another invoice's reminder, and one without exits.
        {
            store::JobQueue queue = store::JobQueue::open(store.path(), [] { return kNowMs; });
            store::NewJob other;
            other.operation = QStringLiteral("track.track");
            other.customerId = kMaren;
            other.idempotencyKey = QStringLiteral("other-invoice-reminder");
            other.payload = QJsonObject{{QStringLiteral("verb"), QStringLiteral("POST")}};
            other.ruleId = QStringLiteral("first-reminder");
            other.ruleVersion = 1;
            other.notBeforeMs = kNowMs + 1000;
            other.exits = QStringLiteral(R"({"on":["invoice.paid"],"invoice":"in_SomeOtherInvoice"})");
            QVERIFY(queue.enqueue(other).created);
        }

        // Recovery: the invoice is paid.
        QVERIFY(deliverEach(*writer, {QStringLiteral("maren-13-invoice.paid")}));
        writer->stop();
        for (const QString& key : {first + QStringLiteral(":rule:first-reminder:0"),
                                   second + QStringLiteral(":rule:second-reminder:0"),
                                   second + QStringLiteral(":rule:second-reminder:1")}) {
            const std::optional<RuleJob> job = jobWithKey(store.path(), key);
            QVERIFY(job);
            QCOMPARE(job->state, QStringLiteral("discarded"));
            QVERIFY2(job->discardReason.contains(QLatin1String("invoice.paid")),
                     qPrintable(job->discardReason));
            QVERIFY(job->discardReason.contains(idOf(QStringLiteral("maren-13-invoice.paid"))));
        }
        QCOMPARE(jobWithKey(store.path(), QStringLiteral("other-invoice-reminder"))->state,
                 QStringLiteral("pending"));
        QCOMPARE(alert->state, QStringLiteral("pending"));
        QCOMPARE(jobWithKey(store.path(), alert->key)->state, QStringLiteral("pending"));
        QVERIFY(reasonOf(store.path(), idOf(QStringLiteral("maren-13-invoice.paid")))
                    .contains(QLatin1String("rule exits discarded 3 job(s)")));
    }

    void historyFiresOnlyWhenTheRuleSaysSo()
    {
        TempStore store;
        store.writer();
        store.stopWriter();
        {
            rules::RuleStore rules = rules::RuleStore::open(store.path());
            rules.save(rule(kImmediateAlert));
            rules.save(rule(R"({"id":"also-history","name":"H","enabled":true,"fire_on_history":true,
                             "trigger":["invoice.payment_failed"],"actions":[{"type":"track_event","name":"h"}]})"));
        }
        // The default 72 h horizon: every fixture event is long past, so history.
        auto writer = syncingWriter(store.path(), sync::SyncOptions::kDefaultHorizonMs);
        QVERIFY(deliverEach(*writer, marenUpTo(10)));
        writer->stop();
        const QString failure = idOf(QStringLiteral("maren-10-invoice.payment_failed"));
        QVERIFY(!jobWithKey(store.path(), failure + QStringLiteral(":rule:failure-alert:0")));
        QVERIFY(jobWithKey(store.path(), failure + QStringLiteral(":rule:also-history:0")));
    }

    void replayNeverDoublesAndJobsRecordTheRuleVersion()
    {
        TempStore store;
        store.writer();
        store.stopWriter();
        {
            rules::RuleStore rules = rules::RuleStore::open(store.path());
            rules.save(rule(kImmediateAlert));
            rules::Rule changed = rule(kImmediateAlert);
            changed.name = QStringLiteral("Alert, renamed");
            QCOMPARE(rules.save(changed).version, 2);
        }
        const store::IncomingEvent event =
            TempStore::incoming(Fixtures::load(QStringLiteral("maren-10-invoice.payment_failed")));
        sync::SyncOptions options;
        options.horizonMs = kTenYearsMs;
        sync::SyncEngine engine(options, [] { return kNowMs; });
        store::SqliteConnection connection = store::Database::openForWriting(store.path());
        int created = 0;
        for (int round = 0; round < 2; ++round) {
            store::SqliteTransaction transaction(connection);
            for (const store::NewJob& job : engine.planEvent(connection, event)) {
                if (store::JobQueue::enqueueIn(connection, job, kNowMs).created)
                    ++created;
            }
            transaction.commit();
        }
        const std::optional<RuleJob> job =
            jobWithKey(store.path(), event.fields.id + QStringLiteral(":rule:failure-alert:0"));
        QVERIFY(job);
        QCOMPARE(job->ruleVersion, 2);
        QCOMPARE(count(store.path(), "SELECT count(*) FROM jobs WHERE rule_id = 'failure-alert'"), 1);
        QCOMPARE(created, int(count(store.path(), "SELECT count(*) FROM jobs")));
    }

    void rulesChangedWhileRunningApplyToTheNextEvent()
    {
        TempStore store;
        auto writer = syncingWriter(store.path());
        QVERIFY(deliverEach(*writer, marenUpTo(9)));
        rules::RuleStore rules = rules::RuleStore::open(store.path());
        rules.save(rule(kImmediateAlert));
        QVERIFY(deliverEach(*writer, {QStringLiteral("maren-10-invoice.payment_failed")}));
        QVERIFY(rules.setEnabled(QStringLiteral("failure-alert"), false));
        QVERIFY(deliverEach(*writer, {QStringLiteral("maren-11-customer.subscription.updated"),
                                      QStringLiteral("maren-12-invoice.payment_failed")}));
        writer->stop();
        QVERIFY(jobWithKey(store.path(), idOf(QStringLiteral("maren-10-invoice.payment_failed")) +
                                             QStringLiteral(":rule:failure-alert:0")));
        QVERIFY(!jobWithKey(store.path(), idOf(QStringLiteral("maren-12-invoice.payment_failed")) +
                                              QStringLiteral(":rule:failure-alert:0")));
    }

    void brokenStoredRuleIsSkippedNotFatal()
    {
        TempStore store;
        store.writer();
        store.stopWriter();
        {
            rules::RuleStore rules = rules::RuleStore::open(store.path());
            rules.save(rule(kImmediateAlert));
            store::SqliteConnection connection = store::Database::openForWriting(store.path());
            connection.exec(
                "INSERT INTO rules (id, position, version, enabled, definition, updated_at_ms, updated_by) "
                "VALUES ('mangled', 0, 4, 1, '{\"id\":\"mangled\",\"trigger\":', 1, 'someone')");
            QCOMPARE(rules.list().size(), 1);
            QCOMPARE(rules.broken().size(), size_t(1));
        }
        auto writer = syncingWriter(store.path());
        QVERIFY(deliverEach(*writer, marenUpTo(10)));
        writer->stop();
        const QString failure = idOf(QStringLiteral("maren-10-invoice.payment_failed"));
        QVERIFY(jobWithKey(store.path(), failure + QStringLiteral(":rule:failure-alert:0")));
        QVERIFY2(reasonOf(store.path(), failure).contains(QLatin1String("rule 'mangled' skipped")),
                 qPrintable(reasonOf(store.path(), failure)));
        // The built-in plan still ran.
        QVERIFY(jobWithKey(store.path(), failure + QStringLiteral(":event:payment_failed")));
    }

    void deletedCustomerExitCancelsEverythingOfTheirs()
    {
        TempStore store;
        store.writer();
        store.stopWriter();
        {
            rules::RuleStore rules = rules::RuleStore::open(store.path());
            rules.save(rule(
                R"({"id":"win-back","name":"W","enabled":true,"trigger":["customer.subscription.deleted"],
                "delay_seconds":1209600,"exits":["customer.deleted"],"actions":[{"type":"track_event","name":"win_back"}]})"));
        }
        auto writer = syncingWriter(store.path());
        QStringList tobias;
        for (const QString& name : Fixtures::names()) {
            if (name.startsWith(QLatin1String("tobias-")) &&
                !name.endsWith(QLatin1String("customer.deleted")))
                tobias.append(name);
        }
        QVERIFY(deliverEach(*writer, tobias));
        const QString key = idOf(QStringLiteral("tobias-07-customer.subscription.deleted")) +
                            QStringLiteral(":rule:win-back:0");
        QCOMPARE(jobWithKey(store.path(), key)->state, QStringLiteral("pending"));
        QVERIFY(deliverEach(*writer, {QStringLiteral("tobias-08-customer.deleted")}));
        writer->stop();
        QCOMPARE(jobWithKey(store.path(), key)->state, QStringLiteral("discarded"));
    }
};

QTEST_GUILESS_MAIN(TestRuleEngine)
#include "tst_ruleengine.moc"
