// The rule model: JSON in and out, validation messages, every condition operator, value sources, Slack
// placeholders and the shipped templates.

#include "customerio/customeriorequest.h"
#include "delivery/jobrequest.h"
#include "rules/rule.h"
#include "rules/ruleengine.h"
#include "rules/ruletemplates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace billbridge;
using namespace billbridge::rules;

namespace {

const QString kCustomer = QStringLiteral("cus_RuleTest1");

// A failed invoice payment as Stripe sends it, trimmed to the members rules read.
QJsonObject failedInvoiceEvent(int attemptCount = 2)
{
    const QByteArray json = R"json({
      "id": "evt_RuleTest1", "type": "invoice.payment_failed", "created": 1790000000,
      "data": {"object": {"object": "invoice", "id": "in_RuleTest1", "customer": "cus_RuleTest1",
        "attempt_count": 2, "amount_due": 4900, "currency": "usd", "customer_name": "Ada Lovelace",
        "customer_email": "ada@example.com", "hosted_invoice_url": "https:\/\/invoice.stripe.com\/i\/x",
        "next_payment_attempt": 1790086400, "tags": ["vip", "eu"],
        "parent": {"subscription_details": {"subscription": "sub_RuleTest1"}}}}})json";
    QJsonObject event = QJsonDocument::fromJson(json).object();
    QJsonObject data = event.value(QStringLiteral("data")).toObject();
    QJsonObject object = data.value(QStringLiteral("object")).toObject();
    object.insert(QStringLiteral("attempt_count"), attemptCount);
    data.insert(QStringLiteral("object"), object);
    event.insert(QStringLiteral("data"), data);
    return event;
}

RuleInput inputFor(const QJsonObject& event)
{
    RuleInput input;
    input.event = event;
    input.customerId = kCustomer;
    input.state.failedPaymentCount = 2;
    input.state.attributes = QJsonObject{{QStringLiteral("plan_name"), QStringLiteral("Business")},
                                         {QStringLiteral("plan_tier"), QStringLiteral("business")},
                                         {QStringLiteral("mrr"), 49.0},
                                         {QStringLiteral("email"), QStringLiteral("ada@example.com")}};
    input.customerLookup = [](const QString&) {
        return QJsonObject{
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("segment"), QStringLiteral("smb")},
                                                     {QStringLiteral("seats"), QStringLiteral("12")}}}};
    };
    return input;
}

Rule ruleWith(const QList<Condition>& conditions, const QList<Action>& actions = {})
{
    Rule rule;
    rule.id = QStringLiteral("test-rule");
    rule.name = QStringLiteral("Test rule");
    rule.version = 3;
    rule.triggers = {QStringLiteral("invoice.payment_failed")};
    rule.conditions = conditions;
    Action track;
    track.type = ActionType::TrackEvent;
    track.name = QStringLiteral("test_event");
    rule.actions = actions.isEmpty() ? QList<Action>{track} : actions;
    return rule;
}

QStringList problemTexts(const QByteArray& json)
{
    QList<RuleProblem> problems;
    rulesFromJson(json, &problems);
    QStringList texts;
    for (const RuleProblem& problem : problems)
        texts.append(problem.text());
    return texts;
}

bool anyContains(const QStringList& texts, const QString& part)
{
    for (const QString& text : texts) {
        if (text.contains(part))
            return true;
    }
    return false;
}

QJsonObject bodyOf(const store::NewJob& job)
{
    const std::optional<customerio::CustomerIoRequest> request =
        delivery::requestOf(job.operation, job.payload);
    return request ? QJsonDocument::fromJson(request->body).object() : QJsonObject();
}

} // namespace

class TestRules : public QObject {
    Q_OBJECT

private slots:
    void templatesAreValidDisabledAndRoundTrip()
    {
        const QList<Rule> templates = ruleTemplates();
        QCOMPARE(templates.size(), 10);
        for (const Rule& rule : templates) {
            QVERIFY2(!hasErrors(validate(rule)), qPrintable(rule.id));
            QVERIFY(!rule.enabled);
            QList<RuleProblem> problems;
            const std::optional<Rule> back = ruleFromJson(rule.toJson(), &problems);
            QVERIFY2(back, qPrintable(rule.id));
            QVERIFY(back->sameContent(rule));
        }
        QVERIFY(ruleTemplate(QStringLiteral("win-back")));
        QCOMPARE(ruleTemplate(QStringLiteral("win-back"))->delaySeconds, 14 * 24 * 3600);
        QVERIFY(!ruleTemplate(QStringLiteral("nope")));

        QList<RuleProblem> problems;
        const std::optional<QList<Rule>> again = rulesFromJson(rulesToJson(templates), &problems);
        QVERIFY(again);
        QCOMPARE(again->size(), templates.size());
        for (int i = 0; i < templates.size(); ++i) {
            QCOMPARE(again->at(i).position, i);
            QVERIFY(again->at(i).sameContent(templates.at(i)));
        }
        // Stable text: exporting what was read gives the same bytes.
        QCOMPARE(rulesToJson(*again), rulesToJson(templates));
    }

    void fileShapes()
    {
        const QByteArray rule =
            R"({"id":"a","name":"A","trigger":["invoice.paid"],"actions":[{"type":"track_event","name":"x"}]})";
        QList<RuleProblem> problems;
        QCOMPARE(rulesFromJson("[" + rule + "]", &problems)->size(), 1);
        QCOMPARE(rulesFromJson(R"({"rules":[)" + rule + "]}", &problems)->size(), 1);
        QVERIFY(rulesFromJson(R"({"rules":[)" + rule + R"(], "extra": 1})", &problems) == std::nullopt);
        QVERIFY(anyContains(problemTexts("{not json"), QStringLiteral("not valid JSON")));
        QVERIFY(anyContains(problemTexts("[" + rule + "," + rule + "]"), QStringLiteral("more than once")));
    }

    void validationNamesRulePathAndRemedy_data()
    {
        QTest::addColumn<QByteArray>("rule");
        QTest::addColumn<QString>("expected");
        const QByteArray base = R"("name":"N","trigger":["invoice.payment_failed"],)";
        QTest::newRow("unknown key") << QByteArray(
                                            R"({"id":"r1",)" + base +
                                            R"("actions":[{"type":"track_event","name":"x"}],"colour":1})")
                                     << QStringLiteral("rule 'r1' at colour: unknown key 'colour'");
        QTest::newRow("bad id") << QByteArray(R"({"id":"Bad Id",)" + base +
                                              R"("actions":[{"type":"track_event","name":"x"}]})")
                                << QStringLiteral("at id: 'Bad Id' is not a valid id; use 1-64 of");
        QTest::newRow("unknown operator")
            << QByteArray(R"({"id":"r1",)" + base +
                          R"("conditions":[{"field":"amount","op":"equals","value":1}],)" +
                          R"("actions":[{"type":"track_event","name":"x"}]})")
            << QStringLiteral("rule 'r1' at conditions[0].op: unknown operator 'equals'; use one of eq");
        QTest::newRow("unknown field")
            << QByteArray(R"({"id":"r1",)" + base +
                          R"("conditions":[{"field":"amout","op":"eq","value":1}],)" +
                          R"("actions":[{"type":"track_event","name":"x"}]})")
            << QStringLiteral("at conditions[0].field: unknown field 'amout'");
        QTest::newRow("in needs array")
            << QByteArray(R"({"id":"r1",)" + base +
                          R"("conditions":[{"field":"currency","op":"in","value":"usd"}],)" +
                          R"("actions":[{"type":"track_event","name":"x"}]})")
            << QStringLiteral("conditions[0].value: in needs a non-empty array");
        QTest::newRow("exists takes no value")
            << QByteArray(R"({"id":"r1",)" + base +
                          R"("conditions":[{"field":"currency","op":"exists","value":1}],)" +
                          R"("actions":[{"type":"track_event","name":"x"}]})")
            << QStringLiteral("exists takes no value");
        QTest::newRow("unknown action")
            << QByteArray(R"({"id":"r1",)" + base + R"("actions":[{"type":"email"}]})")
            << QStringLiteral("actions[0].type: unknown action type 'email'");
        QTest::newRow("unknown derived")
            << QByteArray(R"({"id":"r1",)" + base +
                          R"("actions":[{"type":"track_event","name":"x","data":{"p":{"derived":"plan"}}}]})")
            << QStringLiteral("actions[0].data.p.derived: unknown derived value 'plan'");
        QTest::newRow("bad path")
            << QByteArray(
                   R"({"id":"r1",)" + base +
                   R"("actions":[{"type":"track_event","name":"x","data":{"p":{"path":"object.id"}}}]})")
            << QStringLiteral("actions[0].data.p.path: 'object.id' is not a path into the event");
        QTest::newRow("code is not a source")
            << QByteArray(R"({"id":"r1",)" + base +
                          R"("actions":[{"type":"track_event","name":"x","data":{"p":{"eval":"1+1"}}}]})")
            << QStringLiteral("unknown value source 'eval'");
        QTest::newRow("webhook url")
            << QByteArray(
                   R"({"id":"r1",)" + base +
                   R"("actions":[{"type":"slack","webhook":"https:\/\/hooks.slack.com\/services\/T\/B\/x","text":"hi"}]})")
            << QStringLiteral("never its URL");
        QTest::newRow("unknown placeholder")
            << QByteArray(
                   R"({"id":"r1",)" + base +
                   R"("actions":[{"type":"slack","webhook":"alerts","text":"{{customer.email}} failed"}]})")
            << QStringLiteral("unknown placeholder {{customer.email}}");
        QTest::newRow("delay too long")
            << QByteArray(R"({"id":"r1",)" + base +
                          R"("delay_seconds":9999999,"actions":[{"type":"track_event","name":"x"}]})")
            << QStringLiteral("delay_seconds: the delay is between 0 and");
        QTest::newRow("bad exit")
            << QByteArray(
                   R"({"id":"r1",)" + base +
                   R"("delay_seconds":60,"exits":["invoice.created"],"actions":[{"type":"track_event","name":"x"}]})")
            << QStringLiteral("exits[0]: 'invoice.created' cannot be an exit");
        QTest::newRow("no message id")
            << QByteArray(R"({"id":"r1",)" + base + R"("actions":[{"type":"send_transactional"}]})")
            << QStringLiteral("transactional_message_id");
        QTest::newRow("event name too long")
            << QByteArray(R"({"id":"r1",)" + base + R"("actions":[{"type":"track_event","name":")" +
                          QByteArray(101, 'n') + R"("}]})")
            << QStringLiteral("at most 100 bytes");
        QTest::newRow("event data too big")
            << QByteArray(R"({"id":"r1",)" + base +
                          R"("actions":[{"type":"track_event","name":"x","data":{"blob":{"literal":")" +
                          QByteArray(100001, 'x') + R"("}}}]})")
            << QStringLiteral("at most 100000 bytes of event data");
        QTest::newRow("attribute value too big")
            << QByteArray(R"({"id":"r1",)" + base +
                          R"("actions":[{"type":"set_attributes","attributes":{"a":{"literal":")" +
                          QByteArray(1001, 'x') + R"("}}}]})")
            << QStringLiteral("attribute values are at most 1000 bytes");
        QTest::newRow("no actions") << QByteArray(R"({"id":"r1",)" + base + R"("actions":[]})")
                                    << QStringLiteral("add at least one action");
    }

    void validationNamesRulePathAndRemedy()
    {
        QFETCH(QByteArray, rule);
        QFETCH(QString, expected);
        const QStringList texts = problemTexts("[" + rule + "]");
        QVERIFY2(anyContains(texts, expected), qPrintable(texts.join(QLatin1Char('\n'))));
        QList<RuleProblem> problems;
        QVERIFY(!rulesFromJson("[" + rule + "]", &problems));
    }

    void unknownTriggerIsOnlyAWarning()
    {
        QList<RuleProblem> problems;
        const std::optional<QList<Rule>> rules = rulesFromJson(
            R"([{"id":"r1","name":"N","trigger":["invoice.payment_faild"],"actions":[{"type":"track_event","name":"x"}]}])",
            &problems);
        QVERIFY(rules);
        QCOMPARE(problems.size(), 1);
        QVERIFY(!problems.first().isError());
        QVERIFY(problems.first().text().startsWith(QLatin1String("warning: rule 'r1' at trigger[0]")));
    }

    void everyOperator_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("holds");
        const auto row = [](const char* name, const char* field, const char* op, const QJsonValue& value,
                            bool holds) {
            QTest::newRow(name) << QString::fromLatin1(field) << QString::fromLatin1(op) << value << holds;
        };
        row("eq number", "attempt_count", "eq", 2, true);
        row("eq number false", "attempt_count", "eq", 1, false);
        row("eq string", "currency", "eq", QStringLiteral("usd"), true);
        row("ne", "currency", "ne", QStringLiteral("eur"), true);
        row("ne same", "currency", "ne", QStringLiteral("usd"), false);
        row("ne missing", "data.object.nothing", "ne", 1, true);
        row("gt major amount", "amount", "gt", 48.99, true);
        row("gt equal", "amount", "gt", 49, false);
        row("gte", "amount", "gte", 49, true);
        row("lt", "attempt_count", "lt", 3, true);
        row("lte", "failed_payment_count", "lte", 1, false);
        row("lt missing", "data.object.nothing", "lt", 3, false);
        row("minor units by path", "data.object.amount_due", "eq", 4900, true);
        row("in", "plan_tier", "in", QJsonArray{QStringLiteral("team"), QStringLiteral("business")}, true);
        row("in not", "plan_tier", "in", QJsonArray{QStringLiteral("team")}, false);
        row("not_in", "plan_tier", "not_in", QJsonArray{QStringLiteral("team")}, true);
        row("not_in missing", "data.object.nothing", "not_in", QJsonArray{1}, true);
        row("exists", "hosted_invoice_url", "exists", QJsonValue(QJsonValue::Undefined), true);
        row("exists missing", "data.object.nothing", "exists", QJsonValue(QJsonValue::Undefined), false);
        row("not_exists", "data.object.nothing", "not_exists", QJsonValue(QJsonValue::Undefined), true);
        row("not_exists present", "invoice_id", "not_exists", QJsonValue(QJsonValue::Undefined), false);
        row("contains text", "customer_name", "contains", QStringLiteral("Love"), true);
        row("contains text false", "customer_name", "contains", QStringLiteral("Babbage"), false);
        row("contains array", "data.object.tags", "contains", QStringLiteral("vip"), true);
        row("array index path", "data.object.tags.1", "eq", QStringLiteral("eu"), true);
        row("metadata", "customer.metadata.segment", "eq", QStringLiteral("smb"), true);
        row("metadata number text", "customer.metadata.seats", "gte", 10, true);
        row("subscription id", "subscription_id", "eq", QStringLiteral("sub_RuleTest1"), true);
    }

    void everyOperator()
    {
        QFETCH(QString, field);
        QFETCH(QString, op);
        QFETCH(QJsonValue, value);
        QFETCH(bool, holds);
        const Rule rule = ruleWith({Condition{field, *operatorFromString(op), value}});
        QVERIFY2(!hasErrors(validate(rule)), qPrintable(validate(rule).value(0).text()));
        const RuleOutcome outcome = RuleEngine::evaluate(rule, inputFor(failedInvoiceEvent()));
        QVERIFY2(outcome.fired == holds, qPrintable(outcome.reason));
        if (!holds)
            QVERIFY(outcome.reason.startsWith(QLatin1String("condition 1: ") + field));
    }

    void firstFailingConditionIsTheReason()
    {
        const Rule rule =
            ruleWith({Condition{QStringLiteral("currency"), Operator::Eq, QStringLiteral("usd")},
                      Condition{QStringLiteral("attempt_count"), Operator::Eq, 1},
                      Condition{QStringLiteral("plan_tier"), Operator::Eq, QStringLiteral("team")}});
        const RuleOutcome outcome = RuleEngine::evaluate(rule, inputFor(failedInvoiceEvent()));
        QVERIFY(!outcome.fired);
        QCOMPARE(outcome.reason, QStringLiteral("condition 2: attempt_count is 2; needs eq 1"));
        QVERIFY(outcome.jobs.empty());

        QJsonObject other = failedInvoiceEvent();
        other.insert(QStringLiteral("type"), QStringLiteral("invoice.paid"));
        QCOMPARE(RuleEngine::evaluate(rule, inputFor(other)).reason,
                 QStringLiteral("invoice.paid is not one of the rule's triggers"));
    }

    void valueSourcesFillTheEventData()
    {
        Action track;
        track.type = ActionType::TrackEvent;
        track.name = QStringLiteral("dunning_step");
        track.data = {
            {QStringLiteral("url"), ValueSource::path(QStringLiteral("data.object.hosted_invoice_url"))},
            {QStringLiteral("plan"), ValueSource::derived(QStringLiteral("plan_name"))},
            {QStringLiteral("amount"), ValueSource::derived(QStringLiteral("amount"))},
            {QStringLiteral("ltv"), ValueSource::derived(QStringLiteral("lifetime_value"))},
            {QStringLiteral("step"), ValueSource::constant(2)},
            {QStringLiteral("missing"), ValueSource::path(QStringLiteral("data.object.nothing"))}};
        const RuleOutcome outcome =
            RuleEngine::evaluate(ruleWith({}, {track}), inputFor(failedInvoiceEvent()));
        QVERIFY(outcome.fired);
        QCOMPARE(outcome.jobs.size(), size_t(1));
        const store::NewJob& job = outcome.jobs.front();
        QCOMPARE(job.operation, QStringLiteral("track.track"));
        QCOMPARE(job.idempotencyKey, QStringLiteral("evt_RuleTest1:rule:test-rule:0"));
        QCOMPARE(job.ruleId, QStringLiteral("test-rule"));
        QCOMPARE(job.ruleVersion, 3);
        QCOMPARE(job.notBeforeMs, 0);
        QVERIFY(job.exits.isEmpty());
        const QJsonObject body = bodyOf(job);
        QCOMPARE(body.value(QLatin1String("name")).toString(), QStringLiteral("dunning_step"));
        QCOMPARE(body.value(QLatin1String("timestamp")).toInteger(), 1790000000);
        const QJsonObject data = body.value(QLatin1String("data")).toObject();
        QCOMPARE(data.value(QLatin1String("url")).toString(),
                 QStringLiteral("https://invoice.stripe.com/i/x"));
        QCOMPARE(data.value(QLatin1String("plan")).toString(), QStringLiteral("Business"));
        QCOMPARE(data.value(QLatin1String("amount")).toDouble(), 49.0);
        QCOMPARE(data.value(QLatin1String("ltv")).toDouble(), 0.0);
        QCOMPARE(data.value(QLatin1String("step")).toInt(), 2);
        QVERIFY(data.value(QLatin1String("missing")).isNull());
    }

    void everyActionTypeMakesItsRequest()
    {
        Action email;
        email.type = ActionType::SendTransactional;
        email.transactionalMessageId = 12;
        email.data = {{QStringLiteral("url"), ValueSource::derived(QStringLiteral("hosted_invoice_url"))}};
        Action broadcast;
        broadcast.type = ActionType::TriggerBroadcast;
        broadcast.broadcastId = QStringLiteral("7");
        broadcast.data = {{QStringLiteral("tier"), ValueSource::derived(QStringLiteral("plan_tier"))}};
        Action attributes;
        attributes.type = ActionType::SetAttributes;
        attributes.data = {{QStringLiteral("churn_risk"), ValueSource::constant(true)}};
        Action slack;
        slack.type = ActionType::Slack;
        slack.webhook = QStringLiteral("billing-alerts");
        slack.text = QStringLiteral(
            "{{customer_name}} failed {{ attempt_count }}x on {{plan_name}} ({{next_payment_attempt}}, "
            "{{subscription_status}})");
        Rule rule = ruleWith({}, {email, broadcast, attributes, slack});
        rule.delaySeconds = 3600;
        rule.exits = {QStringLiteral("invoice.paid")};
        QVERIFY(!hasErrors(validate(rule)));
        const RuleOutcome outcome = RuleEngine::evaluate(rule, inputFor(failedInvoiceEvent()));
        QVERIFY2(outcome.fired, qPrintable(outcome.reason));
        QCOMPARE(outcome.jobs.size(), size_t(4));
        const QString kExpectedExits = QString::fromLatin1(
            R"json({"invoice":"in_RuleTest1","on":["invoice.paid"],"subscription":"sub_RuleTest1"})json");
        for (int i = 0; i < 4; ++i) {
            const store::NewJob& job = outcome.jobs.at(i);
            QCOMPARE(job.idempotencyKey, QStringLiteral("evt_RuleTest1:rule:test-rule:%1").arg(i));
            QCOMPARE(job.notBeforeMs, (1790000000LL + 3600) * 1000);
            QCOMPARE(job.exits, kExpectedExits);
            QCOMPARE(job.customerId, kCustomer);
            QCOMPARE(job.eventId, QStringLiteral("evt_RuleTest1"));
        }
        QCOMPARE(outcome.jobs.at(0).operation, QStringLiteral("app.sendEmail"));
        const QJsonObject emailBody = bodyOf(outcome.jobs.at(0));
        QCOMPARE(emailBody.value(QLatin1String("transactional_message_id")).toInt(), 12);
        QCOMPARE(emailBody.value(QLatin1String("to")).toString(), QStringLiteral("ada@example.com"));
        QCOMPARE(
            emailBody.value(QLatin1String("message_data")).toObject().value(QLatin1String("url")).toString(),
            QStringLiteral("https://invoice.stripe.com/i/x"));
        QCOMPARE(outcome.jobs.at(1).operation, QStringLiteral("app.triggerBroadcast"));
        QVERIFY(bodyOf(outcome.jobs.at(1)).value(QLatin1String("ids")).toArray().contains(kCustomer));
        QCOMPARE(outcome.jobs.at(2).operation, QStringLiteral("track.identify"));
        QCOMPARE(bodyOf(outcome.jobs.at(2)).value(QLatin1String("churn_risk")), QJsonValue(true));
        const store::NewJob& post = outcome.jobs.at(3);
        QCOMPARE(post.operation, QStringLiteral("slack.post"));
        QCOMPARE(post.payload.keys(), (QStringList{QStringLiteral("body"), QStringLiteral("webhook")}));
        QCOMPARE(post.payload.value(QLatin1String("webhook")).toString(), QStringLiteral("billing-alerts"));
        const QString expectedBody = QString::fromLatin1(
            R"json({"text":"Ada Lovelace failed 2x on Business (1790086400, (none))"})json");
        QCOMPARE(post.payload.value(QLatin1String("body")).toString(), expectedBody);
    }

    void transactionalNeedsAnEmail()
    {
        Action email;
        email.type = ActionType::SendTransactional;
        email.transactionalMessageId = QStringLiteral("payment-failed");
        RuleInput input = inputFor(failedInvoiceEvent());
        input.state.attributes.remove(QStringLiteral("email"));
        QJsonObject event = input.event;
        QJsonObject data = event.value(QStringLiteral("data")).toObject();
        QJsonObject object = data.value(QStringLiteral("object")).toObject();
        object.remove(QStringLiteral("customer_email"));
        data.insert(QStringLiteral("object"), object);
        event.insert(QStringLiteral("data"), data);
        input.event = event;
        const RuleOutcome outcome = RuleEngine::evaluate(ruleWith({}, {email}), input);
        QVERIFY(!outcome.fired);
        QVERIFY(outcome.reason.contains(QLatin1String("no email address")));
    }

    void verdictsGateFiring()
    {
        Rule rule = ruleWith({});
        RuleInput input = inputFor(failedInvoiceEvent());
        input.verdict = sync::Verdict::History;
        QVERIFY(!RuleEngine::evaluate(rule, input).fired);
        QVERIFY(RuleEngine::evaluate(rule, input).reason.contains(QLatin1String("history")));
        rule.fireOnHistory = true;
        QVERIFY(RuleEngine::evaluate(rule, input).fired);
        for (const sync::Verdict verdict :
             {sync::Verdict::Stale, sync::Verdict::Ignored, sync::Verdict::Malformed}) {
            input.verdict = verdict;
            QVERIFY(!RuleEngine::evaluate(rule, input).fired);
        }
        input.verdict = sync::Verdict::Applied;
        input.customerId.clear();
        QVERIFY(!RuleEngine::evaluate(rule, input).fired);
    }

    void exitsMatchTheirObject()
    {
        JobExits exits;
        exits.on = {QStringLiteral("invoice.paid"), QStringLiteral("customer.subscription.deleted"),
                    QStringLiteral("customer.deleted")};
        exits.invoiceId = QStringLiteral("in_1");
        exits.subscriptionId = QStringLiteral("sub_1");
        QCOMPARE(JobExits::fromJson(exits.toJson())->toJson(), exits.toJson());
        QVERIFY(!JobExits::fromJson(QStringLiteral("[1]")));
        const auto event = [](const char* type, const char* object, const char* id) {
            return QJsonObject{{QStringLiteral("type"), QLatin1String(type)},
                               {QStringLiteral("data"),
                                QJsonObject{{QStringLiteral("object"),
                                             QJsonObject{{QStringLiteral("object"), QLatin1String(object)},
                                                         {QStringLiteral("id"), QLatin1String(id)}}}}}};
        };
        QVERIFY(exits.matches(event("invoice.paid", "invoice", "in_1")));
        QVERIFY(!exits.matches(event("invoice.paid", "invoice", "in_2")));
        QVERIFY(!exits.matches(event("invoice.voided", "invoice", "in_1"))); // not listed
        QVERIFY(exits.matches(event("customer.subscription.deleted", "subscription", "sub_1")));
        QVERIFY(!exits.matches(event("customer.subscription.deleted", "subscription", "sub_2")));
        QVERIFY(exits.matches(event("customer.deleted", "customer", "cus_1")));
    }
};

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
