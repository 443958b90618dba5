// Rules inside the real EventWriter and SyncEngine: fixture events stored in a temporary store become rule
// jobs (delayed, with exits) in the same transaction; exits discard only the matching pending jobs; an exit
// stored before its trigger (events out of order) pre-empts the delayed jobs; history, replays, rule versions
// and broken stored rules behave. The what-if over a generated store counts exactly what evaluating every
// event in order does.

#include "demo/demohistory.h"
#include "rules/eventprojection.h"
#include "rules/rule.h"
#include "rules/ruleengine.h"
#include "rules/rulestore.h"
#include "rules/ruletemplates.h"
#include "rules/ruletester.h"
#include "store/database.h"
#include "store/eventwriter.h"
#include "store/jobqueue.h"
#include "store/sqlite.h"
#include "support/fixtures.h"
#include "support/tempstore.h"
#include "sync/syncengine.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <atomic>
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

// maren-17-customer.subscription.deleted (which ends the subscription maren-10's invoice belongs to)
// re-dated and, when `subscriptionId` is given, about another subscription; a new event id so that it is
// stored as a new event.
QByteArray subscriptionDeleted(std::int64_t created, const QString& eventId,
                               const QString& subscriptionId = {})
{
    QJsonObject event =
        QJsonDocument::fromJson(Fixtures::load(QStringLiteral("maren-17-customer.subscription.deleted")))
            .object();
    event.insert(QStringLiteral("id"), eventId);
    event.insert(QStringLiteral("created"), qint64(created));
    if (!subscriptionId.isEmpty()) {
        QJsonObject data = event.value(QStringLiteral("data")).toObject();
        QJsonObject subscription = data.value(QStringLiteral("object")).toObject();
        subscription.insert(QStringLiteral("id"), subscriptionId);
        data.insert(QStringLiteral("object"), subscription);
        event.insert(QStringLiteral("data"), data);
    }
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

// A reminder that stops when the subscription ends. Its exit is about another object than its trigger, so
// the sync engine's per-object ordering does not make the trigger stale when the exit is stored first.
const QByteArray kReminderUntilCanceled = R"({"id":"reminder","name":"R","enabled":true,
  "trigger":["invoice.payment_failed"],"conditions":[{"field":"attempt_count","op":"eq","value":1}],
  "delay_seconds":86400,"exits":["customer.subscription.deleted"],
  "actions":[{"type":"track_event","name":"reminder"}]})";

bool deliverRaw(store::EventWriter& writer, const QByteArray& raw)
{
    store::WriteRequest request;
    request.events.push_back(TempStore::incoming(raw));
    return writer.write(std::move(request)).committed;
}

// Rules beside the templates that read what the templates do not: array members, metadata, paths as action
// data, placeholders, the email, nested objects.
const QList<QByteArray> kWhatIfExtras = {
    R"({"id":"x-price","name":"x","trigger":["invoice.paid","invoice.payment_failed"],
        "conditions":[{"field":"data.object.lines.data.0.pricing.price_details.price","op":"exists"}],
        "actions":[{"type":"set_attributes","attributes":{"last_invoice":{"path":"data.object.number"},
                    "lines":{"path":"data.object.lines.data.0.amount"}}}]})",
    R"({"id":"x-metadata","name":"x","trigger":["customer.subscription.created","invoice.paid"],
        "conditions":[{"field":"customer.metadata.segment","op":"not_exists"},
                      {"field":"amount","op":"gt","value":20}],
        "actions":[{"type":"slack","webhook":"w","text":"{{customer_name}} {{amount}} {{plan_name}}"}]})",
    R"({"id":"x-email","name":"x","trigger":["invoice.paid","charge.succeeded"],
        "conditions":[{"field":"customer_email","op":"contains","value":"e"},
                      {"field":"currency","op":"in","value":["usd","eur"]}],
        "actions":[{"type":"send_transactional","transactional_message_id":7,
                    "data":{"items":{"path":"data.object.lines"},"who":{"derived":"customer_name"},
                            "sub":{"derived":"subscription_id"},"ltv":{"derived":"lifetime_value"}}}]})",
    R"({"id":"x-updated","name":"x","trigger":["customer.subscription.updated"],
        "conditions":[{"field":"data.previous_attributes","op":"exists"},
                      {"field":"subscription_status","op":"ne","value":"canceled"}],
        "delay_seconds":600,"exits":["customer.subscription.deleted"],
        "actions":[{"type":"trigger_broadcast","broadcast_id":"3","data":{"items":{"path":"data.object.items"},
                    "status":{"derived":"subscription_status"},"mrr":{"derived":"mrr"}}}]})",
};

QList<rules::Rule> whatIfRules()
{
    QList<rules::Rule> all = rules::ruleTemplates();
    for (const QByteArray& json : kWhatIfExtras)
        all.append(rule(json));
    return all;
}

// The what-if as one plain pass does it: every event of a trigger type in the window, type by type in
// trigger order, newest first, fully parsed, with RuleEngine::evaluate.
rules::WhatIfReport whatIfOneByOne(store::SqliteConnection& connection, const QList<rules::Rule>& rules,
                                   int days, std::int64_t nowMs)
{
    rules::WhatIfReport report;
    const std::int64_t until = nowMs / 1000;
    report.fromSeconds = until - std::int64_t(days) * 24 * 3600;
    QStringList types;
    for (const rules::Rule& rule : rules) {
        report.rules.push_back({rule.id, 0, 0, {}, {}});
        for (const QString& type : rule.triggers) {
            if (!types.contains(type))
                types.append(type);
        }
    }
    std::vector<QSet<QString>> customers(rules.size());
    for (const QString& type : types) {
        store::SqliteStatement select =
            connection.prepare("SELECT id, customer_id, created, raw FROM events WHERE type = ?1 AND created "
                               ">= ?2 AND created <= ?3 "
                               "ORDER BY created DESC, seq DESC");
        select.bind(1, type).bind(2, report.fromSeconds).bind(3, until);
        while (select.step()) {
            ++report.eventsScanned;
            if (select.isNull(1))
                continue;
            rules::RuleInput input;
            input.customerId = select.text(1);
            input.event = QJsonDocument::fromJson(select.blob(3)).object();
            store::SqliteStatement state =
                connection.prepare("SELECT state FROM sync_customers WHERE customer_id = ?1");
            state.bind(1, input.customerId);
            if (state.step())
                input.state = sync::SyncState::fromJson(state.blob(0)).value_or(sync::SyncState{});
            for (int i = 0; i < rules.size(); ++i) {
                if (!rules.at(i).triggers.contains(type))
                    continue;
                const rules::RuleOutcome outcome = rules::RuleEngine::evaluate(rules.at(i), input);
                if (!outcome.fired)
                    continue;
                rules::WhatIfRuleResult& result = report.rules[std::size_t(i)];
                ++result.matchedEvents;
                customers[std::size_t(i)].insert(input.customerId);
                for (std::size_t a = 0; a < outcome.jobs.size(); ++a)
                    ++result.actionsByType[rules::toString(rules.at(i).actions.at(int(a)).type)];
                if (result.samples.size() < rules::RuleTester::kSamplesPerRule)
                    result.samples.append({select.text(0), type, input.customerId, select.int64(2)});
            }
        }
    }
    for (std::size_t i = 0; i < customers.size(); ++i)
        report.rules[i].distinctCustomers = int(customers[i].size());
    return report;
}

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
        // A QStringList, not a braced list: that would hold QStringBuilder temporaries past their life.
        const QStringList discardedKeys{first + QStringLiteral(":rule:first-reminder:0"),
                                        second + QStringLiteral(":rule:second-reminder:0"),
                                        second + QStringLiteral(":rule:second-reminder:1")};
        for (const QString& key : discardedKeys) {
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
        // Replayed in the tester, the first failure still makes its reminder: the payment was stored after
        // it, so it discarded the reminder rather than pre-empting it.
        store::SqliteConnection connection = store::Database::openForReading(store.path());
        const std::optional<rules::EventTestReport> tested =
            rules::RuleTester::test(connection, first, {rule(kFirstReminder)});
        QVERIFY(tested);
        QVERIFY2(tested->rules.at(0).fired, qPrintable(tested->rules.at(0).reason));
        QCOMPARE(tested->rules.at(0).jobs.size(), size_t(1));
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

    // Events out of order: the subscription's end is stored before the failed payment that starts a delayed
    // reminder. The reminder would only wait to be discarded, so it is never made; the immediate rule still
    // fires, and both the sync decision and the tester say why. (An exit about the trigger's own object, such
    // as the invoice's payment, already makes the late trigger stale.)
    void exitStoredBeforeItsTriggerPreemptsTheDelayedJobs_data()
    {
        QTest::addColumn<int>("secondsAfterFailure");
        QTest::addColumn<QString>("subscriptionId");
        QTest::addColumn<bool>("preempted");
        QTest::newRow("ended later") << 3600 << QString() << true;
        // Stripe's created has one-second resolution; an end in the same second as the failure is real.
        QTest::newRow("ended in the same second") << 0 << QString() << true;
        QTest::newRow("ended before the failure") << -1 << QString() << false;
        QTest::newRow("another subscription ended later") << 3600 << QStringLiteral("sub_SomeOther") << false;
    }
    void exitStoredBeforeItsTriggerPreemptsTheDelayedJobs()
    {
        QFETCH(int, secondsAfterFailure);
        QFETCH(QString, subscriptionId);
        QFETCH(bool, preempted);
        TempStore store;
        store.writer();
        store.stopWriter();
        {
            rules::RuleStore rules = rules::RuleStore::open(store.path(), [] { return kNowMs; });
            rules.save(rule(kReminderUntilCanceled));
            rules.save(rule(kImmediateAlert));
        }
        auto writer = syncingWriter(store.path());
        QVERIFY(deliverEach(*writer, marenUpTo(9)));
        const QString ended = QStringLiteral("evt_EndedOutOfOrder");
        QVERIFY(deliverRaw(
            *writer, subscriptionDeleted(kFirstFailureCreated + secondsAfterFailure, ended, subscriptionId)));
        QVERIFY(deliverEach(*writer, {QStringLiteral("maren-10-invoice.payment_failed")}));
        writer->stop();

        const QString failure = idOf(QStringLiteral("maren-10-invoice.payment_failed"));
        const QString reason = reasonOf(store.path(), failure);
        QVERIFY2(jobWithKey(store.path(), failure + QStringLiteral(":rule:failure-alert:0")),
                 qPrintable(reason));
        const std::optional<RuleJob> reminder =
            jobWithKey(store.path(), failure + QStringLiteral(":rule:reminder:0"));
        QCOMPARE(!reminder.has_value(), preempted);
        if (reminder)
            QCOMPARE(reminder->state, QStringLiteral("pending"));
        QCOMPARE(
            reason.contains(
                QStringLiteral("rule 'reminder' made no delayed job(s): customer.subscription.deleted %1")
                    .arg(ended)),
            preempted);
        QVERIFY2(reason.contains(preempted ? QLatin1String("rules fired: failure-alert")
                                           : QLatin1String("rules fired: reminder, failure-alert")),
                 qPrintable(reason));

        // The tester tells the same story about the stored failure.
        store::SqliteConnection connection = store::Database::openForReading(store.path());
        const std::optional<rules::EventTestReport> tested = rules::RuleTester::test(
            connection, failure, {rule(kReminderUntilCanceled), rule(kImmediateAlert)});
        QVERIFY(tested);
        QCOMPARE(tested->rules.at(0).fired, !preempted);
        QCOMPARE(tested->rules.at(0).reason.contains(ended), preempted);
        QCOMPARE(tested->rules.at(0).jobs.size(), preempted ? size_t(0) : size_t(1));
        QVERIFY(tested->rules.at(1).fired);
    }

    // Only the rule's own exit types count, and a delayed rule without exits looks nothing up.
    void onlyTheRulesOwnExitTypesPreempt()
    {
        TempStore store;
        store.writer();
        store.stopWriter();
        {
            rules::RuleStore rules = rules::RuleStore::open(store.path(), [] { return kNowMs; });
            rules.save(rule(R"({"id":"voided-only","name":"V","enabled":true,
                "trigger":["invoice.payment_failed"],"delay_seconds":3600,"exits":["invoice.voided"],
                "actions":[{"type":"track_event","name":"reminder"}]})"));
            rules.save(rule(R"({"id":"no-exits","name":"N","enabled":true,
                "trigger":["invoice.payment_failed"],"delay_seconds":3600,
                "actions":[{"type":"track_event","name":"reminder"}]})"));
        }
        auto writer = syncingWriter(store.path());
        QVERIFY(deliverEach(*writer, marenUpTo(9)));
        QVERIFY(deliverRaw(*writer,
                           subscriptionDeleted(kFirstFailureCreated + 60, QStringLiteral("evt_EndedEarly"))));
        QVERIFY(deliverEach(*writer, {QStringLiteral("maren-10-invoice.payment_failed")}));
        writer->stop();
        const QString failure = idOf(QStringLiteral("maren-10-invoice.payment_failed"));
        QVERIFY2(jobWithKey(store.path(), failure + QStringLiteral(":rule:voided-only:0")),
                 qPrintable(reasonOf(store.path(), failure)));
        QVERIFY(jobWithKey(store.path(), failure + QStringLiteral(":rule:no-exits:0")));
    }

    // The fast what-if (projected payloads, decisions without request bodies, several readers) against a
    // plain pass over a generated store: the same counts, customers, actions and samples.
    void whatIfCountsWhatEvaluatingEachEventDoes()
    {
        TempStore store;
        constexpr std::int64_t kEnd = kNowMs / 1000;
        {
            auto writer = syncingWriter(store.path());
            demo::DemoOptions options;
            options.customers = 160;
            options.days = 60;
            options.seed = 7;
            options.endTime = kEnd;
            const demo::DemoHistory history = demo::DemoHistory::generate(options);
            store::WriteRequest request;
            for (const demo::DemoEvent& event : history.events())
                request.events.push_back(TempStore::incoming(event.raw));
            QVERIFY(request.events.size() > 1000);
            QVERIFY(writer->write(std::move(request)).committed);
            writer->stop();
        }
        const QList<rules::Rule> rules = whatIfRules();
        store::SqliteConnection connection = store::Database::openForReading(store.path());
        for (const int days : {1, 30, 90}) {
            const rules::WhatIfReport expected = whatIfOneByOne(connection, rules, days, kNowMs);
            int lastDone = -1;
            int progressTotal = -1;
            const rules::WhatIfReport actual =
                rules::RuleTester::whatIf(connection, rules, days, kNowMs, [&](int done, int total) {
                    QVERIFY(done >= lastDone);
                    lastDone = done;
                    progressTotal = total;
                });
            QCOMPARE(actual.fromSeconds, expected.fromSeconds);
            QCOMPARE(actual.eventsScanned, expected.eventsScanned);
            QCOMPARE(lastDone, expected.eventsScanned);
            QCOMPARE(progressTotal, expected.eventsScanned);
            QVERIFY(!actual.canceled);
            QCOMPARE(actual.rules.size(), expected.rules.size());
            int matched = 0;
            for (std::size_t i = 0; i < expected.rules.size(); ++i) {
                const rules::WhatIfRuleResult& want = expected.rules[i];
                const rules::WhatIfRuleResult& got = actual.rules[i];
                QCOMPARE(got.ruleId, want.ruleId);
                QCOMPARE(got.matchedEvents, want.matchedEvents);
                QCOMPARE(got.distinctCustomers, want.distinctCustomers);
                QCOMPARE(got.actionsByType, want.actionsByType);
                QCOMPARE(got.samples.size(), want.samples.size());
                for (int s = 0; s < want.samples.size(); ++s) {
                    QCOMPARE(got.samples.at(s).eventId, want.samples.at(s).eventId);
                    QCOMPARE(got.samples.at(s).eventType, want.samples.at(s).eventType);
                    QCOMPARE(got.samples.at(s).customerId, want.samples.at(s).customerId);
                    QCOMPARE(got.samples.at(s).created, want.samples.at(s).created);
                }
                matched += want.matchedEvents;
            }
            if (days == 90) {
                // The comparison means something: most rules fire, and on more than one customer.
                QVERIFY2(matched > 300, qPrintable(QString::number(matched)));
                int firing = 0;
                for (const rules::WhatIfRuleResult& result : expected.rules)
                    firing += result.distinctCustomers > 1 ? 1 : 0;
                QVERIFY2(firing >= int(expected.rules.size()) - 3, qPrintable(QString::number(firing)));
            }
        }
    }

    // Every stored event, projected for the rules that trigger on it, gives each rule the same outcome
    // (reason and exact jobs) as the whole event.
    void projectedEventsEvaluateLikeWholeOnes()
    {
        TempStore store;
        store.addAllFixtures();
        const QList<rules::Rule> rules = whatIfRules();
        store::SqliteConnection connection = store::Database::openForReading(store.path());
        store::SqliteStatement select = connection.prepare("SELECT type, customer_id, raw FROM events");
        int compared = 0;
        while (select.step()) {
            QList<rules::Rule> triggered;
            for (const rules::Rule& candidate : rules) {
                if (candidate.triggers.contains(select.text(0)))
                    triggered.append(candidate);
            }
            const rules::EventProjection projection(triggered);
            rules::RuleInput whole;
            whole.customerId = select.isNull(1) ? QString() : select.text(1);
            whole.event = QJsonDocument::fromJson(select.blob(2)).object();
            rules::RuleInput projected = whole;
            projected.event = projection.project(select.blob(2));
            QVERIFY(projected.event.size() < whole.event.size() || triggered.isEmpty());
            // What is kept is kept exactly: same values, same types, same JSON.
            const auto json = [](const QJsonValue& value) {
                return QJsonDocument(QJsonArray{value}).toJson();
            };
            QCOMPARE(json(projected.event.value(QStringLiteral("created"))),
                     json(whole.event.value(QStringLiteral("created"))));
            const QJsonObject keptObject = projected.event.value(QStringLiteral("data"))
                                               .toObject()
                                               .value(QStringLiteral("object"))
                                               .toObject();
            const QJsonObject wholeObject = whole.event.value(QStringLiteral("data"))
                                                .toObject()
                                                .value(QStringLiteral("object"))
                                                .toObject();
            for (auto it = keptObject.begin(); it != keptObject.end(); ++it) {
                if (!it.value().isObject()) // objects on the way to a kept path are themselves trimmed
                    QCOMPARE(json(it.value()), json(wholeObject.value(it.key())));
            }
            for (const rules::Rule& candidate : triggered) {
                const rules::RuleOutcome want = rules::RuleEngine::evaluate(candidate, whole);
                const rules::RuleOutcome got = rules::RuleEngine::evaluate(candidate, projected);
                QCOMPARE(got.fired, want.fired);
                QCOMPARE(got.reason, want.reason);
                QCOMPARE(got.jobs.size(), want.jobs.size());
                for (std::size_t j = 0; j < want.jobs.size(); ++j)
                    QCOMPARE(got.jobs[j].payload, want.jobs[j].payload);
                const rules::RuleDecision decision = rules::RuleEngine::decide(candidate, projected);
                QCOMPARE(decision.fired, want.fired);
                QCOMPARE(decision.jobs, int(want.jobs.size()));
                ++compared;
            }
        }
        QVERIFY(compared > 20);
        // Not JSON, or not an object: what a full parse gives.
        const rules::EventProjection projection(rules);
        QVERIFY(projection.project("{\"id\":\"evt_1\",").isEmpty());
        QVERIFY(projection.project("[1,2]").isEmpty());
        QVERIFY(projection.project("").isEmpty());
        QCOMPARE(
            projection.project(R"({"id":"evt_\u0031","type":"x","data":{"object":{"object":"invoice"}}})"),
            QJsonDocument::fromJson(R"({"id":"evt_1","type":"x","data":{"object":{"object":"invoice"}}})")
                .object());
        // An escaped key could spell a wanted one: such an event is parsed whole.
        const QByteArray escapedKey = R"({"\u0069d":"evt_2","created":1.5e3,"other":[{"a":null}]})";
        QCOMPARE(projection.project(escapedKey), QJsonDocument::fromJson(escapedKey).object());
    }

    void whatIfStopsWhenCanceled()
    {
        TempStore store;
        store.addAllFixtures();
        store::SqliteConnection connection = store::Database::openForReading(store.path());
        const std::atomic_bool cancel{true};
        const rules::WhatIfReport report =
            rules::RuleTester::whatIf(connection, whatIfRules(), 3650, kNowMs, {}, &cancel);
        QVERIFY(report.canceled);
        QCOMPARE(report.eventsScanned, 0);
    }
};

QTEST_GUILESS_MAIN(TestRuleEngine)
#include "tst_ruleengine.moc"
