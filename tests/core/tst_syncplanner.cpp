// The sync planner: Stripe events + per-customer sync state -> Customer.io identify calls and custom
// events, pinned over the project's fixture stories, plus the ordering properties a webhook stream needs.

#include "customerio/ulid.h"
#include "delivery/jobrequest.h"
#include "sync/syncplanner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace billbridge;
using namespace billbridge::sync;

namespace {

const QString kTeamPrice = QStringLiteral("price_1T3stpfhcHutDrDxWIhMkSrM");
constexpr std::int64_t kLastFixtureEvent = 1795019714; // maren's dispute, the newest fixture event

struct StoryEvent {
    QString file;
    QByteArray raw;
};

QList<StoryEvent> story(const QString& person)
{
    QDir dir(QStringLiteral(BILLBRIDGE_TEST_DATA_DIR "/events"));
    QList<StoryEvent> out;
    const QStringList files = dir.entryList({person + QStringLiteral("-*.json")}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            out.append({name, file.readAll()});
    }
    return out;
}

// Team is mapped; Business is not, so the fallback to the price nickname is exercised too.
std::optional<PlanInfo> lookup(const QString& priceId, const QString&)
{
    if (priceId == kTeamPrice)
        return PlanInfo{QStringLiteral("Team"), QStringLiteral("team"), QStringLiteral("monthly")};
    return std::nullopt;
}

SyncOptions liveOptions()
{
    SyncOptions options;
    options.nowMs = kLastFixtureEvent * 1000 + 1000;
    options.horizonMs = 3650LL * 24 * 3600 * 1000; // every fixture event counts as live news
    return options;
}

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// One line per operation: "identify <changed attributes>" and "event <name> <data>".
QStringList describe(const SyncPlan& plan)
{
    QStringList lines;
    if (plan.hasIdentify())
        lines << QStringLiteral("identify ") + compact(plan.changedAttributes);
    for (const CustomEvent& event : plan.events)
        lines << QStringLiteral("event ") + event.name + QLatin1Char(' ') + compact(event.data);
    return lines;
}

struct Run {
    SyncState state;
    QList<SyncPlan> plans;
    QSet<QString> eventIds;
};

Run runEvents(const QList<StoryEvent>& events, const SyncOptions& options = liveOptions())
{
    Run run;
    for (const StoryEvent& event : events) {
        SyncPlan p = plan(event.raw, run.state, lookup, options);
        run.state = p.state;
        for (const CustomEvent& custom : p.events)
            run.eventIds.insert(custom.id);
        run.plans.append(p);
    }
    return run;
}

struct Golden {
    QString file;
    Verdict verdict;
    QStringList operations;
};

const QList<Golden>
    kMarenGolden =
        {
            {QStringLiteral("maren-01-customer.created.json"),
             Verdict::Applied,
             {QString::fromUtf8(
                 R"_(identify {"delinquent":false,"email":"maren.holloway@example.com","failed_payment_count":0,"stripe_customer_id":"cus_T3stAaIU7yYiYe"})_")}},
            {QStringLiteral("maren-02-customer.subscription.created.json"),
             Verdict::Applied,
             {QString::fromUtf8(
                  R"_(identify {"cancel_at_period_end":false,"currency":"usd","current_period_end":1789463654,"mrr":0,"plan_interval":"monthly","plan_name":"Team","plan_tier":"team","plan_unmapped":false,"subscription_status":"trialing","trial_end":1789463654})_"),
              QString::fromUtf8(
                  R"_(event subscription_started {"currency":"usd","monthly_amount":49,"plan_name":"Team","status":"trialing","subscription_id":"sub_1T3std5tqcpnmpRYafcEdNB6","trial_end":1789463654})_")}},
            {QStringLiteral("maren-03-invoice.paid.json"), Verdict::Applied, {}},
            {QStringLiteral("maren-04-checkout.session.completed.json"),
             Verdict::Applied,
             {QString::fromUtf8(
                 R"_(event checkout_completed {"amount":0,"currency":"usd","mode":"subscription","payment_status":"no_payment_required","session_id":"cs_test_a1T3stOBt61r5OhtdSyqrqgHCXd7AaLGTVYmeitAAvLaKPEMclXeLcfPF7X0","subscription_id":"sub_1T3std5tqcpnmpRYafcEdNB6"})_")}},
            {QStringLiteral("maren-05-invoice.upcoming.json"), Verdict::Ignored, {}},
            {QStringLiteral("maren-06-customer.subscription.updated.json"),
             Verdict::Applied,
             {QString::fromUtf8(
                 R"_(identify {"current_period_end":1792055654,"mrr":49,"subscription_status":"active"})_")}},
            {QStringLiteral("maren-07-invoice.paid.json"),
             Verdict::Applied,
             {QString::fromUtf8(R"_(identify {"last_payment_at":1789467289,"lifetime_value":49})_"),
              QString::fromUtf8(
                  R"_(event payment_succeeded {"amount":49,"billing_reason":"subscription_cycle","currency":"usd","hosted_invoice_url":"https://invoice.stripe.com/i/acct_1T3stLarkspur0/test_T3st0shkhpajGSIjDkmLZbinTPZPr2F2iD8ZlKlGxGyK","invoice_id":"in_1T3stxES2hzxoZoAQmyDNYB2","invoice_number":"LRKMH7QA-0002","subscription_id":"sub_1T3std5tqcpnmpRYafcEdNB6"})_")}},
            {QStringLiteral("maren-08-customer.subscription.updated.json"),
             Verdict::Applied,
             {QString::fromUtf8(
                  R"_(identify {"mrr":149,"plan_interval":"month","plan_name":"Business monthly","plan_tier":null,"plan_unmapped":true})_"),
              QString::fromUtf8(
                  R"_(event subscription_upgraded {"currency":"usd","monthly_amount":149,"plan_name":"Business monthly","previous_monthly_amount":49,"previous_plan_name":"Team","status":"active","subscription_id":"sub_1T3std5tqcpnmpRYafcEdNB6"})_")}},
            {QStringLiteral("maren-09-customer.subscription.updated.json"),
             Verdict::Applied,
             {QString::fromUtf8(R"_(identify {"current_period_end":1794734054})_")}},
            {QStringLiteral("maren-10-invoice.payment_failed.json"),
             Verdict::Applied,
             {QString::fromUtf8(R"_(identify {"failed_payment_count":1})_"), QString::fromUtf8(
                                                                                 R"_(event payment_failed {"amount":149,"attempt_count":1,"currency":"usd","hosted_invoice_url":"https://invoice.stripe.com/i/acct_1T3stLarkspur0/test_T3stgEqIatr1icdsf9lpECUtOIxo4sD5UOf5CZNmgVD4","invoice_id":"in_1T3stkNdLtwvW0MZgenQjjJ1","next_payment_attempt":1792326341,"subscription_id":"sub_1T3std5tqcpnmpRYafcEdNB6"})_")}},
            {QStringLiteral("maren-11-customer.subscription.updated.json"),
             Verdict::Applied,
             {QString::fromUtf8(R"_(identify {"subscription_status":"past_due"})_")}},
            {QStringLiteral("maren-12-invoice.payment_failed.json"),
             Verdict::Applied,
             {QString::fromUtf8(R"_(identify {"failed_payment_count":2})_"),
              QString::fromUtf8(
                  R"_(event payment_failed {"amount":149,"attempt_count":2,"currency":"usd","hosted_invoice_url":"https://invoice.stripe.com/i/acct_1T3stLarkspur0/test_T3stgEqIatr1icdsf9lpECUtOIxo4sD5UOf5CZNmgVD4","invoice_id":"in_1T3stkNdLtwvW0MZgenQjjJ1","next_payment_attempt":1792690121,"subscription_id":"sub_1T3std5tqcpnmpRYafcEdNB6"})_")}},
            {QStringLiteral("maren-13-invoice.paid.json"),
             Verdict::Applied,
             {QString::fromUtf8(
                  R"_(identify {"failed_payment_count":0,"last_payment_at":1792690122,"lifetime_value":198})_"),
              QString::fromUtf8(
                  R"_(event payment_succeeded {"amount":149,"billing_reason":"subscription_cycle","currency":"usd","hosted_invoice_url":"https://invoice.stripe.com/i/acct_1T3stLarkspur0/test_T3stgEqIatr1icdsf9lpECUtOIxo4sD5UOf5CZNmgVD4","invoice_id":"in_1T3stkNdLtwvW0MZgenQjjJ1","invoice_number":"LRKMH7QA-0003","subscription_id":"sub_1T3std5tqcpnmpRYafcEdNB6"})_"),
              QString::fromUtf8(
                  R"_(event payment_recovered {"amount":149,"attempt_count":3,"currency":"usd","invoice_id":"in_1T3stkNdLtwvW0MZgenQjjJ1","subscription_id":"sub_1T3std5tqcpnmpRYafcEdNB6"})_")}},
            {QStringLiteral("maren-14-customer.subscription.updated.json"),
             Verdict::Applied,
             {QString::fromUtf8(R"_(identify {"subscription_status":"active"})_")}},
            {QStringLiteral("maren-15-charge.refunded.json"),
             Verdict::Applied,
             {QString::fromUtf8(R"_(identify {"lifetime_value":178})_"),
              QString::fromUtf8(
                  R"_(event refund_issued {"amount":20,"amount_refunded_total":20,"charge_id":"ch_3T3stxebRPbGSUojFEPOcLtj","currency":"usd","fully_refunded":false})_")}},
            {QStringLiteral("maren-16-customer.subscription.updated.json"),
             Verdict::Applied,
             {QString::fromUtf8(R"_(identify {"cancel_at_period_end":true,"canceled_at":1793675561})_"),
              QString::fromUtf8(R"_(event cancellation_scheduled {"cancel_at":1794734054,"comment":"We are consolidating tools for the new year","feedback":"switched_service","plan_name":"Business monthly","reason":"cancellation_requested","status":"active","subscription_id":"sub_1T3std5tqcpnmpRYafcEdNB6"})_")}},
            {QStringLiteral("maren-17-customer.subscription.deleted.json"),
             Verdict::Applied,
             {QString::fromUtf8(R"_(identify {"mrr":0,"subscription_status":"canceled"})_"),
              QString::fromUtf8(
                  R"_(event subscription_canceled {"canceled_at":1793675561,"ended_at":1794734054,"feedback":"switched_service","plan_name":"Business monthly","reason":"cancellation_requested","status":"canceled","subscription_id":"sub_1T3std5tqcpnmpRYafcEdNB6"})_")}},
            {QStringLiteral("maren-18-charge.dispute.created.json"),
             Verdict::Applied,
             {QString::fromUtf8(
                 R"_(event dispute_opened {"amount":49,"charge_id":"ch_3T3stzlNbLXqmtECERsfZ3A1","currency":"usd","dispute_id":"du_1T3stHgQpLO1WwmcLoBMSzjZ","reason":"subscription_canceled","status":"needs_response"})_")}},
};
const QList<Golden> kTobiasGolden = {
    {QStringLiteral("tobias-01-customer.created.json"),
     Verdict::Applied,
     {QString::fromUtf8(
         R"_(identify {"delinquent":false,"email":"tobias.okafor@example.com","failed_payment_count":0,"stripe_customer_id":"cus_T3st9APTPXIe34"})_")}},
    {QStringLiteral("tobias-02-customer.subscription.created.json"),
     Verdict::Applied,
     {QString::fromUtf8(
          R"_(identify {"cancel_at_period_end":false,"currency":"usd","current_period_end":1789144998,"mrr":0,"plan_interval":"monthly","plan_name":"Team","plan_tier":"team","plan_unmapped":false,"subscription_status":"trialing","trial_end":1789144998})_"),
      QString::fromUtf8(
          R"_(event subscription_started {"currency":"usd","monthly_amount":49,"plan_name":"Team","status":"trialing","subscription_id":"sub_1T3sttVgZ4CmFoBM1ed2uRCe","trial_end":1789144998})_")}},
    {QStringLiteral("tobias-03-customer.subscription.updated.json"),
     Verdict::Applied,
     {QString::fromUtf8(
         R"_(identify {"current_period_end":1791736998,"mrr":49,"subscription_status":"active"})_")}},
    {QStringLiteral("tobias-04-invoice.payment_failed.json"),
     Verdict::Applied,
     {QString::fromUtf8(R"_(identify {"failed_payment_count":1})_"),
      QString::fromUtf8(
          R"_(event payment_failed {"amount":49,"attempt_count":1,"currency":"usd","hosted_invoice_url":"https://invoice.stripe.com/i/acct_1T3stLarkspur0/test_T3stGA1JboEpDaSnZYM8kmlmNkejJ2NC2qJ2oBmeXIO9","invoice_id":"in_1T3stdCpKlj1GaqNDSFv7CfJ","next_payment_attempt":1789389810,"subscription_id":"sub_1T3sttVgZ4CmFoBM1ed2uRCe"})_")}},
    {QStringLiteral("tobias-05-customer.subscription.updated.json"),
     Verdict::Applied,
     {QString::fromUtf8(R"_(identify {"subscription_status":"past_due"})_")}},
    {QStringLiteral("tobias-06-invoice.payment_failed.json"),
     Verdict::Applied,
     {QString::fromUtf8(R"_(identify {"failed_payment_count":4})_"),
      QString::fromUtf8(
          R"_(event payment_failed {"amount":49,"attempt_count":4,"currency":"usd","hosted_invoice_url":"https://invoice.stripe.com/i/acct_1T3stLarkspur0/test_T3stGA1JboEpDaSnZYM8kmlmNkejJ2NC2qJ2oBmeXIO9","invoice_id":"in_1T3stdCpKlj1GaqNDSFv7CfJ","next_payment_attempt":null,"subscription_id":"sub_1T3sttVgZ4CmFoBM1ed2uRCe"})_")}},
    {QStringLiteral("tobias-07-customer.subscription.deleted.json"),
     Verdict::Applied,
     {QString::fromUtf8(R"_(identify {"canceled_at":1789933413,"mrr":0,"subscription_status":"canceled"})_"),
      QString::fromUtf8(
          R"_(event subscription_canceled {"canceled_at":1789933413,"ended_at":1789933413,"feedback":null,"plan_name":"Team","reason":"payment_failed","status":"canceled","subscription_id":"sub_1T3sttVgZ4CmFoBM1ed2uRCe"})_")}},
    {QStringLiteral("tobias-08-customer.deleted.json"),
     Verdict::Applied,
     {QString::fromUtf8(R"_(event customer_deleted {"stripe_customer_id":"cus_T3st9APTPXIe34"})_")}},
};

const QString kDowngradeIdentify = QString::fromUtf8(
    R"_(identify {"current_period_end":1792055654,"mrr":49,"plan_interval":"monthly","plan_name":"Team","plan_tier":"team","plan_unmapped":false})_");
const QString kDowngradeEvent = QString::fromUtf8(
    R"_(event subscription_downgraded {"currency":"usd","monthly_amount":49,"plan_name":"Team","previous_monthly_amount":149,"previous_plan_name":"Business monthly","status":"active","subscription_id":"sub_1T3std5tqcpnmpRYafcEdNB6"})_");
const QString kActionRequiredData = QString::fromUtf8(
    R"_({"amount":149,"currency":"usd","hosted_invoice_url":"https://invoice.stripe.com/i/acct_1T3stLarkspur0/test_T3stgEqIatr1icdsf9lpECUtOIxo4sD5UOf5CZNmgVD4","invoice_id":"in_1T3stkNdLtwvW0MZgenQjjJ1","subscription_id":"sub_1T3std5tqcpnmpRYafcEdNB6"})_");

void checkGolden(const QList<StoryEvent>& events, const QList<Golden>& golden)
{
    QCOMPARE(events.size(), golden.size());
    const Run run = runEvents(events);
    for (int i = 0; i < events.size(); ++i) {
        const SyncPlan& p = run.plans.at(i);
        QCOMPARE(events[i].file, golden[i].file);
        QVERIFY2(p.verdict == golden[i].verdict,
                 qPrintable(events[i].file + QLatin1Char(' ') + toString(p.verdict)));
        QCOMPARE(describe(p), golden[i].operations);
        // Every custom event carries the Stripe event's own time and its derived id.
        for (const CustomEvent& event : p.events) {
            QCOMPARE(event.timestamp, p.created);
            QCOMPARE(event.id, derivedEventId(p.eventId, event.name, p.created));
        }
    }
}

} // namespace

class TestSyncPlanner : public QObject {
    Q_OBJECT

private slots:
    void marenFullLife() { checkGolden(story(QStringLiteral("maren")), kMarenGolden); }

    void marenFinalProfile()
    {
        const Run run = runEvents(story(QStringLiteral("maren")));
        const SyncState& s = run.state;
        QCOMPARE(s.failedPaymentCount, 0);
        QVERIFY(s.failedInvoices.isEmpty());
        // 49 + 149 paid, 20 refunded; the $0 trial invoice and the dispute do not count.
        QCOMPARE(s.lifetimeValueMinor(), (QMap<QString, std::int64_t>{{QStringLiteral("usd"), 17800}}));
        QCOMPARE(s.attributes.value(QStringLiteral("lifetime_value")).toDouble(), 178.0);
        QCOMPARE(s.attributes.value(QStringLiteral("subscription_status")).toString(),
                 QStringLiteral("canceled"));
        QCOMPARE(s.attributes.value(QStringLiteral("last_payment_at")).toInteger(), 1792690122);
        QVERIFY(!s.deleted);
    }

    void tobiasFailedPaymentsAndDeletion()
    {
        const QList<StoryEvent> events = story(QStringLiteral("tobias"));
        checkGolden(events, kTobiasGolden);
        const Run run = runEvents(events);
        QVERIFY(run.state.deleted);
        QVERIFY(run.plans.last().customerDeleted);
        QCOMPARE(run.state.failedInvoices.value(QStringLiteral("in_1T3stdCpKlj1GaqNDSFv7CfJ")), 4);
        // Nothing may reach a deleted person, not even an event Stripe delivers late.
        const SyncPlan late = plan(events.at(3).raw, run.state, lookup, liveOptions());
        QVERIFY(late.verdict == Verdict::Ignored);
        QVERIFY(late.events.isEmpty());
        QVERIFY(!late.hasIdentify());
        QCOMPARE(late.state, run.state);
    }

    void requestsAndJobs()
    {
        const QList<StoryEvent> events = story(QStringLiteral("maren"));
        const Run run = runEvents(events);
        const SyncPlan& recovered = run.plans.at(12); // maren-13: identify + two events
        const QList<customerio::CustomerIoRequest> requests = recovered.requests(QStringLiteral("usr_20931"));
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests[0].operation, QStringLiteral("track.identify"));
        const QJsonObject body = QJsonDocument::fromJson(requests[0].body).object();
        QCOMPARE(body.value(QStringLiteral("_timestamp")).toInteger(), 1792690124);
        QCOMPARE(body.value(QStringLiteral("lifetime_value")).toDouble(), 198.0);
        QVERIFY(!body.contains(QStringLiteral("email"))); // unchanged attributes are not resent
        QCOMPARE(requests[1].idempotencyId, recovered.events[0].id);

        const QList<store::NewJob> jobs = toJobs(recovered, QStringLiteral("usr_20931"), recovered.eventId);
        QCOMPARE(jobs.size(), 3);
        QCOMPARE(jobs[0].idempotencyKey, QStringLiteral("evt_1T3stNlsZgRQHdf1OJO1QlIJ:identify"));
        QCOMPARE(jobs[1].idempotencyKey,
                 QStringLiteral("evt_1T3stNlsZgRQHdf1OJO1QlIJ:event:payment_succeeded"));
        QCOMPARE(jobs[2].idempotencyKey,
                 QStringLiteral("evt_1T3stNlsZgRQHdf1OJO1QlIJ:event:payment_recovered"));
        for (const store::NewJob& job : jobs) {
            QCOMPARE(job.customerId, QStringLiteral("usr_20931"));
            QCOMPARE(job.eventId, QStringLiteral("evt_1T3stNlsZgRQHdf1OJO1QlIJ"));
            QVERIFY(delivery::requestOf(job.operation, job.payload).has_value());
        }
        // A plan with nothing to say makes no jobs.
        QVERIFY(toJobs(run.plans.at(2), QStringLiteral("usr_20931"), run.plans.at(2).eventId).isEmpty());
    }

    // Types the fixture stories do not contain, made from their events.
    void eventsOutsideTheStories()
    {
        const QList<StoryEvent> events = story(QStringLiteral("maren"));
        auto variant = [&](int index, const QString& type,
                           const std::function<void(QJsonObject&)>& edit = {}) {
            QJsonObject root = QJsonDocument::fromJson(events.at(index).raw).object();
            root.insert(QStringLiteral("type"), type);
            root.insert(QStringLiteral("id"),
                        QString(root.value(QStringLiteral("id")).toString() + QLatin1Char('x')));
            if (edit)
                edit(root);
            return QJsonDocument(root).toJson();
        };
        const Run upTo = runEvents(events.mid(0, 9)); // through maren-09, on Business monthly

        // The upgrade the other way round is a downgrade.
        const QByteArray downgrade =
            variant(7, QStringLiteral("customer.subscription.updated"), [](QJsonObject& root) {
                QJsonObject data = root.value(QStringLiteral("data")).toObject();
                QJsonObject object = data.value(QStringLiteral("object")).toObject();
                QJsonObject previous = data.value(QStringLiteral("previous_attributes")).toObject();
                const QJsonValue newItems = object.value(QStringLiteral("items"));
                QJsonObject oldItems = object.value(QStringLiteral("items")).toObject();
                oldItems.insert(
                    QStringLiteral("data"),
                    previous.value(QStringLiteral("items")).toObject().value(QStringLiteral("data")));
                object.insert(QStringLiteral("items"), oldItems);
                previous.insert(QStringLiteral("items"), newItems);
                data.insert(QStringLiteral("object"), object);
                data.insert(QStringLiteral("previous_attributes"), previous);
                root.insert(QStringLiteral("data"), data);
                root.insert(QStringLiteral("created"), 1792055700);
            });
        SyncPlan p = plan(downgrade, upTo.state, lookup, liveOptions());
        QVERIFY(p.verdict == Verdict::Applied);
        QCOMPARE(describe(p), QStringList({kDowngradeIdentify, kDowngradeEvent}));

        p = plan(variant(9, QStringLiteral("invoice.payment_action_required")), upTo.state, lookup,
                 liveOptions());
        QCOMPARE(p.events.size(), 1);
        QCOMPARE(compact(p.events[0].data), kActionRequiredData);
        QCOMPARE(p.events[0].name, QStringLiteral("payment_action_required"));
        QVERIFY(!p.hasIdentify()); // needing action is not a failed payment

        const Run start = runEvents(events.mid(0, 2));
        for (const auto& [type, name] : {std::pair{QStringLiteral("customer.subscription.trial_will_end"),
                                                   QStringLiteral("trial_will_end")},
                                         std::pair{QStringLiteral("customer.subscription.paused"),
                                                   QStringLiteral("subscription_paused")},
                                         std::pair{QStringLiteral("customer.subscription.resumed"),
                                                   QStringLiteral("subscription_resumed")}}) {
            p = plan(variant(1, type), start.state, lookup, liveOptions());
            QCOMPARE(p.events.size(), 1);
            QCOMPARE(p.events[0].name, name);
            QCOMPARE(p.events[0].data.value(QStringLiteral("subscription_id")).toString(),
                     QStringLiteral("sub_1T3std5tqcpnmpRYafcEdNB6"));
        }
        // invoice.payment_succeeded accompanies invoice.paid: following both would report a payment twice.
        QVERIFY(
            plan(variant(6, QStringLiteral("invoice.payment_succeeded")), start.state, lookup, liveOptions())
                .verdict == Verdict::Ignored);
    }

    void derivedIdsAreDeterministicUlids()
    {
        const QString id =
            derivedEventId(QStringLiteral("evt_1"), QStringLiteral("payment_failed"), 1792059283);
        QCOMPARE(id, derivedEventId(QStringLiteral("evt_1"), QStringLiteral("payment_failed"), 1792059283));
        QVERIFY(customerio::UlidGenerator::isValid(id));
        QCOMPARE(customerio::UlidGenerator::timeOf(id), std::uint64_t{1792059283000});
        QVERIFY(id !=
                derivedEventId(QStringLiteral("evt_1"), QStringLiteral("payment_recovered"), 1792059283));
        QVERIFY(id != derivedEventId(QStringLiteral("evt_2"), QStringLiteral("payment_failed"), 1792059283));
        // The random part is the SHA-256 prefix of "evt_1:payment_failed".
        const QByteArray digest =
            QCryptographicHash::hash(QByteArrayLiteral("evt_1:payment_failed"), QCryptographicHash::Sha256);
        std::array<std::uint8_t, 10> random{};
        for (int i = 0; i < 10; ++i)
            random[i] = static_cast<std::uint8_t>(digest.at(i));
        QCOMPARE(id, customerio::UlidGenerator::encode(1792059283000, random));
    }

    // Any delivery order, with duplicates, ends in the profile of the in-order run and names the same
    // custom events: out-of-order news never overwrites newer attributes, and every event is described
    // by an id derived from itself.
    void permutationsWithDuplicatesConverge()
    {
        const QList<StoryEvent> events = story(QStringLiteral("maren"));
        const Run inOrder = runEvents(events);
        QVERIFY(!inOrder.eventIds.isEmpty());
        QRandomGenerator random(20261122);
        for (int round = 0; round < 300; ++round) {
            QList<StoryEvent> shuffled = events;
            const int duplicates = random.bounded(0, 8);
            for (int d = 0; d < duplicates; ++d)
                shuffled.append(events.at(random.bounded(events.size())));
            std::shuffle(shuffled.begin(), shuffled.end(), random);
            const Run run = runEvents(shuffled);
            QVERIFY2(
                run.state.attributes == inOrder.state.attributes,
                qPrintable(QStringLiteral("round %1: %2").arg(round).arg(compact(run.state.attributes))));
            QCOMPARE(run.eventIds, inOrder.eventIds);
            QCOMPARE(run.state.lifetimeValueMinor(), inOrder.state.lifetimeValueMinor());
            QCOMPARE(run.state.failedPaymentCount, inOrder.state.failedPaymentCount);
            QCOMPARE(run.state.watermarks, inOrder.state.watermarks);
            // What was sent adds up to the final profile: replaying the identify calls in order gives it.
            QJsonObject sent;
            for (const SyncPlan& p : run.plans)
                for (auto it = p.changedAttributes.begin(); it != p.changedAttributes.end(); ++it)
                    sent.insert(it.key(), it.value());
            for (auto it = inOrder.state.attributes.begin(); it != inOrder.state.attributes.end(); ++it)
                QVERIFY(sent.value(it.key()) == it.value() ||
                        (it.value().isNull() && !sent.contains(it.key())));
        }
    }

    void staleEventsChangeNoAttributes()
    {
        const QList<StoryEvent> events = story(QStringLiteral("maren"));
        const Run run = runEvents(events);

        // maren-11 (past_due) after the subscription's later events.
        const SyncPlan late = plan(events.at(10).raw, run.state, lookup, liveOptions());
        QVERIFY(late.verdict == Verdict::Stale);
        QVERIFY(!late.hasIdentify());
        QCOMPARE(late.state, run.state);

        // maren-10 (payment_failed) after the invoice was paid: the profile keeps failed_payment_count 0,
        // the event itself is described again under its own id (the queue and Customer.io drop the repeat).
        const SyncPlan failed = plan(events.at(9).raw, run.state, lookup, liveOptions());
        QVERIFY(failed.verdict == Verdict::Stale);
        QVERIFY(!failed.hasIdentify());
        QCOMPARE(failed.state, run.state);
        QCOMPARE(failed.events.size(), 1);
        QCOMPARE(failed.events[0].id, run.plans.at(9).events[0].id);

        // An exact repeat of the newest applied event says nothing at all.
        const SyncPlan again = plan(events.last().raw, run.state, lookup, liveOptions());
        QVERIFY(again.verdict == Verdict::Stale);
        QVERIFY(again.events.isEmpty());
        QVERIFY(!again.hasIdentify());
        QCOMPARE(again.state, run.state);
    }

    void historyBeyondHorizonSetsAttributesOnly()
    {
        const QList<StoryEvent> events = story(QStringLiteral("maren"));
        SyncOptions options;
        options.nowMs = kLastFixtureEvent * 1000 + 1000; // default horizon: 72 hours
        const Run run = runEvents(events, options);
        for (int i = 0; i < events.size(); ++i) {
            const SyncPlan& p = run.plans.at(i);
            if (p.verdict == Verdict::History)
                QVERIFY2(p.events.isEmpty(), qPrintable(events[i].file));
        }
        QVERIFY(run.plans.at(16).verdict == Verdict::History); // maren-17, 3+ days before the dispute
        QVERIFY(run.plans.last().verdict == Verdict::Applied); // the dispute itself is news
        QCOMPARE(run.plans.last().events.size(), 1);
        QCOMPARE(run.state.attributes, runEvents(events).state.attributes);

        // The horizon boundary: exactly 72 h old is still news.
        SyncOptions edge;
        edge.nowMs = kLastFixtureEvent * 1000 + SyncOptions::kDefaultHorizonMs;
        QVERIFY(plan(events.last().raw, {}, lookup, edge).verdict == Verdict::Applied);
        edge.nowMs += 1;
        QVERIFY(plan(events.last().raw, {}, lookup, edge).verdict == Verdict::History);
    }

    void malformedAndUnknownInput_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<Verdict>("verdict");
        QTest::newRow("empty") << QByteArray() << Verdict::Malformed;
        QTest::newRow("garbage") << QByteArrayLiteral("\x00\xff{not json") << Verdict::Malformed;
        QTest::newRow("array") << QByteArrayLiteral("[1,2]") << Verdict::Malformed;
        QTest::newRow("no object") << QByteArrayLiteral(R"({"id":"evt_1","type":"invoice.paid","created":1})")
                                   << Verdict::Malformed;
        QTest::newRow("created as text")
            << QByteArrayLiteral(R"({"id":"evt_1","type":"invoice.paid","created":"1","data":{"object":{}}})")
            << Verdict::Malformed;
        QTest::newRow("object without id")
            << QByteArrayLiteral(R"({"id":"evt_1","type":"invoice.paid","created":1,"data":{"object":{}}})")
            << Verdict::Malformed;
        QTest::newRow("object of the wrong shape")
            << QByteArrayLiteral(
                   R"({"id":"evt_1","type":"customer.subscription.updated","created":1795019714,"data":{"object":{"id":"sub_1","items":7,"status":[]},"previous_attributes":"x"}})")
            << Verdict::Applied;
        QTest::newRow("unknown type")
            << QByteArrayLiteral(
                   R"({"id":"evt_1","type":"price.created","created":1,"data":{"object":{"id":"p"}}})")
            << Verdict::Ignored;
    }

    void malformedAndUnknownInput()
    {
        QFETCH(QByteArray, raw);
        QFETCH(Verdict, verdict);
        const Run before = runEvents(story(QStringLiteral("ines")));
        const SyncPlan p = plan(raw, before.state, lookup, liveOptions());
        QVERIFY2(p.verdict == verdict, qPrintable(toString(p.verdict)));
        QVERIFY(p.events.isEmpty());
        if (verdict != Verdict::Applied) {
            QVERIFY(!p.reason.isEmpty());
            QCOMPARE(p.state, before.state);
        }
    }

    void stateRoundTripsThroughJson()
    {
        for (const QString& person :
             {QStringLiteral("maren"), QStringLiteral("tobias"), QStringLiteral("ines")}) {
            const SyncState state = runEvents(story(person)).state;
            QString error;
            const std::optional<SyncState> back = SyncState::fromJson(state.toJson(), &error);
            QVERIFY2(back.has_value(), qPrintable(error));
            QCOMPARE(*back, state);
        }
        QCOMPARE(*SyncState::fromJson(SyncState().toJson()), SyncState());
    }

    void malformedStateIsAnError_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArrayLiteral("{oops");
        QTest::newRow("array") << QByteArrayLiteral("[]");
        QTest::newRow("no version") << QByteArrayLiteral(R"({"attrs":{}})");
        QTest::newRow("future version") << QByteArrayLiteral(R"({"v":2})");
        QTest::newRow("bad watermark") << QByteArrayLiteral(R"({"v":1,"wm":{"sub_1":[1]}})");
        QTest::newRow("bad amounts") << QByteArrayLiteral(R"({"v":1,"paid":{"in_1":["usd","12"]}})");
        QTest::newRow("bad attrs") << QByteArrayLiteral(R"({"v":1,"attrs":[]})");
        QTest::newRow("bad deleted") << QByteArrayLiteral(R"({"v":1,"deleted":"yes"})");
    }

    void malformedStateIsAnError()
    {
        QFETCH(QByteArray, json);
        QString error;
        QVERIFY(!SyncState::fromJson(json, &error).has_value());
        QVERIFY(!error.isEmpty());
    }

    void configurableNames()
    {
        SyncOptions options = liveOptions();
        options.attributes.planName = QStringLiteral("billing_plan");
        options.events.subscriptionStarted = QStringLiteral("trial_started");
        const QList<StoryEvent> events = story(QStringLiteral("maren"));
        const SyncPlan p = plan(events.at(1).raw, {}, lookup, options);
        QCOMPARE(p.changedAttributes.value(QStringLiteral("billing_plan")).toString(),
                 QStringLiteral("Team"));
        QVERIFY(!p.changedAttributes.contains(QStringLiteral("plan_name")));
        QCOMPARE(p.events.size(), 1);
        QCOMPARE(p.events[0].name, QStringLiteral("trial_started"));
    }
};

QTEST_GUILESS_MAIN(TestSyncPlanner)
#include "tst_syncplanner.moc"
