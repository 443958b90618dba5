#include "rules/rule.h"

#include "rules/rulechecker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace billbridge::rules {

namespace {

using detail::Checker;
using detail::isSlug;

const QList<QPair<Operator, QString>>& operatorNames()
{
    static const QList<QPair<Operator, QString>> names = {
        {Operator::Eq, QStringLiteral("eq")},
        {Operator::Ne, QStringLiteral("ne")},
        {Operator::Gt, QStringLiteral("gt")},
        {Operator::Gte, QStringLiteral("gte")},
        {Operator::Lt, QStringLiteral("lt")},
        {Operator::Lte, QStringLiteral("lte")},
        {Operator::In, QStringLiteral("in")},
        {Operator::NotIn, QStringLiteral("not_in")},
        {Operator::Exists, QStringLiteral("exists")},
        {Operator::NotExists, QStringLiteral("not_exists")},
        {Operator::Contains, QStringLiteral("contains")},
    };
    return names;
}

const QList<QPair<ActionType, QString>>& actionTypeNames()
{
    static const QList<QPair<ActionType, QString>> names = {
        {ActionType::TrackEvent, QStringLiteral("track_event")},
        {ActionType::SendTransactional, QStringLiteral("send_transactional")},
        {ActionType::TriggerBroadcast, QStringLiteral("trigger_broadcast")},
        {ActionType::SetAttributes, QStringLiteral("set_attributes")},
        {ActionType::Slack, QStringLiteral("slack")},
    };
    return names;
}

QStringList operatorList()
{
    QStringList names;
    for (const auto& [op, name] : operatorNames())
        names.append(name);
    return names;
}

QStringList actionTypeList()
{
    QStringList names;
    for (const auto& [type, name] : actionTypeNames())
        names.append(name);
    return names;
}

QJsonObject dataToJson(const DataFields& fields)
{
    QJsonObject object;
    for (const auto& [key, source] : fields)
        object.insert(key, source.toJson());
    return object;
}

void rejectUnknownKeys(const QJsonObject& object, const QStringList& allowed, const QString& path,
                       Checker& check)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            check.error(path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(),
                        QStringLiteral("unknown key '%1'; allowed here: %2")
                            .arg(it.key(), allowed.join(QStringLiteral(", "))));
        }
    }
}

std::optional<ValueSource> sourceFromJson(const QJsonValue& json, const QString& path, Checker& check)
{
    const QJsonObject object = json.toObject();
    if (!json.isObject() || object.size() != 1) {
        check.error(path, QStringLiteral("expected a value source: {\"path\": \"data.object.…\"}, "
                                         "{\"derived\": \"plan_name\"} or {\"literal\": …}"));
        return std::nullopt;
    }
    const QString kind = object.begin().key();
    const QJsonValue value = object.begin().value();
    if (kind == QLatin1String("literal"))
        return ValueSource::constant(value);
    if (kind == QLatin1String("path")) {
        if (!value.isString()) {
            check.error(path + QStringLiteral(".path"),
                        QStringLiteral("a path is a string like \"data.object.id\""));
            return std::nullopt;
        }
        return ValueSource::path(value.toString());
    }
    if (kind == QLatin1String("derived")) {
        if (!value.isString()) {
            check.error(path + QStringLiteral(".derived"),
                        QStringLiteral("a derived value is named by a string, one of %1")
                            .arg(derivedValueNames().join(QStringLiteral(", "))));
            return std::nullopt;
        }
        return ValueSource::derived(value.toString());
    }
    check.error(path + QLatin1Char('.') + kind,
                QStringLiteral("unknown value source '%1'; use path, derived or literal").arg(kind));
    return std::nullopt;
}

std::optional<DataFields> dataFromJson(const QJsonValue& json, const QString& path, Checker& check)
{
    if (json.isUndefined())
        return DataFields{};
    if (!json.isObject()) {
        check.error(path, QStringLiteral("expected an object of field name -> value source"));
        return std::nullopt;
    }
    DataFields fields;
    bool ok = true;
    const QJsonObject object = json.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        std::optional<ValueSource> source =
            sourceFromJson(it.value(), path + QLatin1Char('.') + it.key(), check);
        if (source)
            fields.append({it.key(), *source});
        else
            ok = false;
    }
    if (!ok)
        return std::nullopt;
    return fields;
}
} // namespace

QString toString(Operator op)
{
    for (const auto& [candidate, name] : operatorNames()) {
        if (candidate == op)
            return name;
    }
    return {};
}

std::optional<Operator> operatorFromString(const QString& text)
{
    for (const auto& [op, name] : operatorNames()) {
        if (name == text)
            return op;
    }
    return std::nullopt;
}

QString toString(ActionType type)
{
    for (const auto& [candidate, name] : actionTypeNames()) {
        if (candidate == type)
            return name;
    }
    return {};
}

std::optional<ActionType> actionTypeFromString(const QString& text)
{
    for (const auto& [type, name] : actionTypeNames()) {
        if (name == text)
            return type;
    }
    return std::nullopt;
}

QJsonObject Condition::toJson() const
{
    QJsonObject object{{QStringLiteral("field"), field}, {QStringLiteral("op"), toString(op)}};
    if (!value.isUndefined())
        object.insert(QStringLiteral("value"), value);
    return object;
}

QJsonObject ValueSource::toJson() const
{
    switch (kind) {
    case Kind::Path:
        return {{QStringLiteral("path"), name}};
    case Kind::Derived:
        return {{QStringLiteral("derived"), name}};
    case Kind::Literal:
        break;
    }
    return {{QStringLiteral("literal"), literal}};
}

QJsonObject Action::toJson() const
{
    QJsonObject object{{QStringLiteral("type"), rules::toString(type)}};
    switch (type) {
    case ActionType::TrackEvent:
        object.insert(QStringLiteral("name"), name);
        break;
    case ActionType::SendTransactional:
        object.insert(QStringLiteral("transactional_message_id"), transactionalMessageId);
        break;
    case ActionType::TriggerBroadcast:
        object.insert(QStringLiteral("broadcast_id"), broadcastId);
        break;
    case ActionType::SetAttributes:
        object.insert(QStringLiteral("attributes"), dataToJson(data));
        return object;
    case ActionType::Slack:
        object.insert(QStringLiteral("webhook"), webhook);
        object.insert(QStringLiteral("text"), text);
        return object;
    }
    if (!data.isEmpty())
        object.insert(QStringLiteral("data"), dataToJson(data));
    return object;
}

QStringList exitEventTypes()
{
    return {QStringLiteral("invoice.paid"), QStringLiteral("invoice.payment_succeeded"),
            QStringLiteral("invoice.voided"), QStringLiteral("customer.subscription.deleted"),
            QStringLiteral("customer.deleted")};
}

QStringList derivedValueNames()
{
    return {QStringLiteral("plan_name"),
            QStringLiteral("plan_tier"),
            QStringLiteral("mrr"),
            QStringLiteral("currency"),
            QStringLiteral("amount"),
            QStringLiteral("attempt_count"),
            QStringLiteral("next_payment_attempt"),
            QStringLiteral("hosted_invoice_url"),
            QStringLiteral("invoice_id"),
            QStringLiteral("subscription_id"),
            QStringLiteral("subscription_status"),
            QStringLiteral("customer_email"),
            QStringLiteral("customer_name"),
            QStringLiteral("failed_payment_count"),
            QStringLiteral("lifetime_value"),
            QStringLiteral("event_type"),
            QStringLiteral("event_id")};
}

QStringList knownEventTypes()
{
    return {QStringLiteral("customer.created"),
            QStringLiteral("customer.updated"),
            QStringLiteral("customer.deleted"),
            QStringLiteral("customer.subscription.created"),
            QStringLiteral("customer.subscription.updated"),
            QStringLiteral("customer.subscription.deleted"),
            QStringLiteral("customer.subscription.trial_will_end"),
            QStringLiteral("customer.subscription.paused"),
            QStringLiteral("customer.subscription.resumed"),
            QStringLiteral("customer.subscription.pending_update_applied"),
            QStringLiteral("customer.subscription.pending_update_expired"),
            QStringLiteral("invoice.created"),
            QStringLiteral("invoice.finalized"),
            QStringLiteral("invoice.paid"),
            QStringLiteral("invoice.payment_succeeded"),
            QStringLiteral("invoice.payment_failed"),
            QStringLiteral("invoice.payment_action_required"),
            QStringLiteral("invoice.upcoming"),
            QStringLiteral("invoice.voided"),
            QStringLiteral("invoice.marked_uncollectible"),
            QStringLiteral("invoice.overdue"),
            QStringLiteral("invoice.will_be_due"),
            QStringLiteral("charge.succeeded"),
            QStringLiteral("charge.failed"),
            QStringLiteral("charge.refunded"),
            QStringLiteral("charge.dispute.created"),
            QStringLiteral("charge.dispute.closed"),
            QStringLiteral("checkout.session.completed"),
            QStringLiteral("checkout.session.expired"),
            QStringLiteral("payment_intent.succeeded"),
            QStringLiteral("payment_intent.payment_failed"),
            QStringLiteral("refund.created"),
            QStringLiteral("refund.updated")};
}

QJsonObject Rule::toJson(bool withEnabled) const
{
    QJsonArray triggerArray;
    for (const QString& trigger : triggers)
        triggerArray.append(trigger);
    QJsonArray conditionArray;
    for (const Condition& condition : conditions)
        conditionArray.append(condition.toJson());
    QJsonArray actionArray;
    for (const Action& action : actions)
        actionArray.append(action.toJson());
    QJsonArray exitArray;
    for (const QString& exit : exits)
        exitArray.append(exit);
    QJsonObject object{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("trigger"), triggerArray},
                       {QStringLiteral("conditions"), conditionArray},
                       {QStringLiteral("delay_seconds"), double(delaySeconds)},
                       {QStringLiteral("actions"), actionArray},
                       {QStringLiteral("exits"), exitArray},
                       {QStringLiteral("fire_on_history"), fireOnHistory}};
    if (!description.isEmpty())
        object.insert(QStringLiteral("description"), description);
    if (withEnabled)
        object.insert(QStringLiteral("enabled"), enabled);
    return object;
}

bool Rule::sameContent(const Rule& other) const
{
    return toJson(true) == other.toJson(true);
}

QStringList placeholdersIn(const QString& text)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{\\s*([a-z_]+)\\s*\\}\\}"));
    QStringList names;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

std::optional<Rule> ruleFromJson(const QJsonValue& json, QList<RuleProblem>* problems, const QString& where)
{
    const QJsonObject object = json.toObject();
    const QString idText = object.value(QStringLiteral("id")).toString();
    Checker check(isSlug(idText) ? idText : QString(), problems);
    const QString base = isSlug(idText) ? QString() : where;
    const auto at = [&base](const QString& path) {
        return base.isEmpty() ? path : base + QLatin1Char('.') + path;
    };
    if (!json.isObject()) {
        check.error(where, QStringLiteral("a rule is a JSON object"));
        return std::nullopt;
    }
    rejectUnknownKeys(object,
                      {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("description"),
                       QStringLiteral("enabled"), QStringLiteral("trigger"), QStringLiteral("conditions"),
                       QStringLiteral("delay_seconds"), QStringLiteral("actions"), QStringLiteral("exits"),
                       QStringLiteral("fire_on_history")},
                      base, check);

    Rule rule;
    rule.id = idText;
    if (!object.value(QStringLiteral("id")).isString())
        check.error(at(QStringLiteral("id")),
                    QStringLiteral("every rule needs an \"id\" (a-z, 0-9, '_', '-')"));
    rule.name = object.value(QStringLiteral("name")).toString();
    if (!object.value(QStringLiteral("name")).isString())
        check.error(at(QStringLiteral("name")), QStringLiteral("give the rule a \"name\" (text)"));
    const QJsonValue description = object.value(QStringLiteral("description"));
    if (!description.isUndefined() && !description.isString())
        check.error(at(QStringLiteral("description")), QStringLiteral("the description is text"));
    rule.description = description.toString();

    const auto readBool = [&](const QString& key, bool* out) {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return;
        if (!value.isBool())
            check.error(at(key), QStringLiteral("use true or false"));
        *out = value.toBool();
    };
    readBool(QStringLiteral("enabled"), &rule.enabled);
    readBool(QStringLiteral("fire_on_history"), &rule.fireOnHistory);

    const auto readStrings = [&](const QString& key, QStringList* out, bool required) {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() && !required)
            return;
        if (!value.isArray()) {
            check.error(at(key), QStringLiteral("expected an array of Stripe event types"));
            return;
        }
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString())
                check.error(at(QStringLiteral("%1[%2]").arg(key).arg(i)),
                            QStringLiteral("expected a string"));
            else
                out->append(array.at(i).toString());
        }
    };
    readStrings(QStringLiteral("trigger"), &rule.triggers, true);
    readStrings(QStringLiteral("exits"), &rule.exits, false);

    const QJsonValue delay = object.value(QStringLiteral("delay_seconds"));
    if (!delay.isUndefined()) {
        if (!delay.isDouble() || std::floor(delay.toDouble()) != delay.toDouble())
            check.error(at(QStringLiteral("delay_seconds")),
                        QStringLiteral("the delay is a whole number of seconds"));
        else
            rule.delaySeconds = std::int64_t(delay.toDouble());
    }

    const QJsonValue conditions = object.value(QStringLiteral("conditions"));
    if (!conditions.isUndefined() && !conditions.isArray())
        check.error(at(QStringLiteral("conditions")), QStringLiteral("expected an array of conditions"));
    const QJsonArray conditionArray = conditions.toArray();
    for (int i = 0; i < conditionArray.size(); ++i) {
        const QString path = at(QStringLiteral("conditions[%1]").arg(i));
        const QJsonObject c = conditionArray.at(i).toObject();
        if (!conditionArray.at(i).isObject()) {
            check.error(path, QStringLiteral("a condition is {\"field\": …, \"op\": …, \"value\": …}"));
            continue;
        }
        rejectUnknownKeys(c, {QStringLiteral("field"), QStringLiteral("op"), QStringLiteral("value")}, path,
                          check);
        Condition condition;
        condition.field = c.value(QStringLiteral("field")).toString();
        const std::optional<Operator> op = operatorFromString(c.value(QStringLiteral("op")).toString());
        if (!op) {
            check.error(path + QStringLiteral(".op"), QStringLiteral("unknown operator '%1'; use one of %2")
                                                          .arg(c.value(QStringLiteral("op")).toString(),
                                                               operatorList().join(QStringLiteral(", "))));
            continue;
        }
        condition.op = *op;
        condition.value = c.value(QStringLiteral("value"));
        rule.conditions.append(condition);
    }

    const QJsonValue actions = object.value(QStringLiteral("actions"));
    if (!actions.isArray())
        check.error(at(QStringLiteral("actions")), QStringLiteral("expected an array of actions"));
    const QJsonArray actionArray = actions.toArray();
    for (int i = 0; i < actionArray.size(); ++i) {
        const QString path = at(QStringLiteral("actions[%1]").arg(i));
        const QJsonObject a = actionArray.at(i).toObject();
        const std::optional<ActionType> type =
            actionTypeFromString(a.value(QStringLiteral("type")).toString());
        if (!actionArray.at(i).isObject() || !type) {
            check.error(path + QStringLiteral(".type"),
                        QStringLiteral("unknown action type '%1'; use one of %2")
                            .arg(a.value(QStringLiteral("type")).toString(),
                                 actionTypeList().join(QStringLiteral(", "))));
            continue;
        }
        Action action;
        action.type = *type;
        QStringList allowed{QStringLiteral("type")};
        std::optional<DataFields> data;
        switch (*type) {
        case ActionType::TrackEvent:
            allowed << QStringLiteral("name") << QStringLiteral("data");
            action.name = a.value(QStringLiteral("name")).toString();
            data = dataFromJson(a.value(QStringLiteral("data")), path + QStringLiteral(".data"), check);
            break;
        case ActionType::SendTransactional:
            allowed << QStringLiteral("transactional_message_id") << QStringLiteral("data");
            action.transactionalMessageId = a.value(QStringLiteral("transactional_message_id"));
            data = dataFromJson(a.value(QStringLiteral("data")), path + QStringLiteral(".data"), check);
            break;
        case ActionType::TriggerBroadcast: {
            allowed << QStringLiteral("broadcast_id") << QStringLiteral("data");
            const QJsonValue id = a.value(QStringLiteral("broadcast_id"));
            action.broadcastId = id.isDouble() ? QString::number(id.toInteger()) : id.toString();
            data = dataFromJson(a.value(QStringLiteral("data")), path + QStringLiteral(".data"), check);
            break;
        }
        case ActionType::SetAttributes:
            allowed << QStringLiteral("attributes");
            data = dataFromJson(a.value(QStringLiteral("attributes")), path + QStringLiteral(".attributes"),
                                check);
            break;
        case ActionType::Slack:
            allowed << QStringLiteral("webhook") << QStringLiteral("text");
            action.webhook = a.value(QStringLiteral("webhook")).toString();
            action.text = a.value(QStringLiteral("text")).toString();
            data = DataFields{};
            break;
        }
        rejectUnknownKeys(a, allowed, path, check);
        if (data)
            action.data = *data;
        rule.actions.append(action);
    }

    if (check.failed())
        return std::nullopt;
    const QList<RuleProblem> more = validate(rule);
    if (problems)
        problems->append(more);
    if (hasErrors(more))
        return std::nullopt;
    return rule;
}

std::optional<QList<Rule>> rulesFromJson(const QByteArray& json, QList<RuleProblem>* problems)
{
    QList<RuleProblem> found;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    QJsonArray array;
    if (parseError.error != QJsonParseError::NoError) {
        found.append(RuleProblem{RuleProblem::Severity::Error,
                                 {},
                                 {},
                                 QStringLiteral("the file is not valid JSON (%1 at byte %2)")
                                     .arg(parseError.errorString())
                                     .arg(parseError.offset)});
    } else if (document.isArray()) {
        array = document.array();
    } else if (document.isObject() && document.object().value(QStringLiteral("rules")).isArray() &&
               document.object().size() == 1) {
        array = document.object().value(QStringLiteral("rules")).toArray();
    } else {
        found.append(RuleProblem{RuleProblem::Severity::Error,
                                 {},
                                 {},
                                 QStringLiteral("expected a JSON array of rules or {\"rules\": [...]}")});
    }
    QList<Rule> rules;
    QSet<QString> seen;
    for (int i = 0; i < array.size(); ++i) {
        std::optional<Rule> rule = ruleFromJson(array.at(i), &found, QStringLiteral("rules[%1]").arg(i));
        if (!rule)
            continue;
        if (seen.contains(rule->id))
            found.append(
                RuleProblem{RuleProblem::Severity::Error, rule->id, QStringLiteral("id"),
                            QStringLiteral("the id appears more than once in the file; ids must be unique")});
        seen.insert(rule->id);
        rule->position = i;
        rules.append(*rule);
    }
    if (problems)
        problems->append(found);
    if (hasErrors(found))
        return std::nullopt;
    return rules;
}

QByteArray rulesToJson(const QList<Rule>& rules)
{
    QList<Rule> ordered = rules;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Rule& a, const Rule& b) { return a.position < b.position; });
    QJsonArray array;
    for (const Rule& rule : ordered)
        array.append(rule.toJson(true));
    return QJsonDocument(QJsonObject{{QStringLiteral("rules"), array}}).toJson(QJsonDocument::Indented);
}

} // namespace billbridge::rules
