#include "rules/rule.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace billbridge::rules {

namespace {

// Customer.io's published limits (reference/customerio.md, section 4 "Limits summary", from the Track and
// App API specifications): event name 100 bytes and event data 100,000 bytes; attribute name 150 bytes,
// attribute value 1000 bytes, 300 attributes per identify call; transactional payload 1 MB; broadcast
// trigger `data` 50,000 bytes. Only literals can be checked here; derived and path values are checked
// again when a job is made.
constexpr int kMaxEventNameBytes = 100;
constexpr int kMaxEventDataBytes = 100000;
constexpr int kMaxAttributeNameBytes = 150;
constexpr int kMaxAttributeValueBytes = 1000;
constexpr int kMaxAttributes = 300;
constexpr int kMaxTransactionalBytes = 1000000;
constexpr int kMaxBroadcastDataBytes = 50000;
constexpr int kMaxNameLength = 200;
constexpr int kMaxDescriptionLength = 2000;
constexpr int kMaxSlackTextLength = 3000;

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

bool isSlug(const QString& text)
{
    static const QRegularExpression slug(QStringLiteral("^[a-z0-9_-]{1,64}$"));
    return slug.match(text).hasMatch();
}

bool isPath(const QString& text)
{
    static const QRegularExpression path(QStringLiteral("^data(\\.[A-Za-z0-9_-]+)+$"));
    return path.match(text).hasMatch();
}

bool isMetadataField(const QString& text)
{
    static const QRegularExpression metadata(QStringLiteral("^customer\\.metadata\\.[A-Za-z0-9_.-]{1,40}$"));
    return metadata.match(text).hasMatch();
}

int jsonBytes(const QJsonValue& value)
{
    if (value.isObject())
        return int(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact).size());
    if (value.isArray())
        return int(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact).size());
    if (value.isString())
        return int(value.toString().toUtf8().size()) + 2;
    return 8;
}

QJsonObject dataToJson(const DataFields& fields)
{
    QJsonObject object;
    for (const auto& [key, source] : fields)
        object.insert(key, source.toJson());
    return object;
}

// Collects problems of one rule with paths relative to it.
class Checker {
public:
    Checker(QString ruleId, QList<RuleProblem>* out)
        : m_ruleId(std::move(ruleId))
        , m_out(out)
    {}
    void error(const QString& path, const QString& message)
    {
        add(RuleProblem::Severity::Error, path, message);
    }
    void warning(const QString& path, const QString& message)
    {
        add(RuleProblem::Severity::Warning, path, message);
    }
    bool failed() const { return m_errors > 0; }

private:
    void add(RuleProblem::Severity severity, const QString& path, const QString& message)
    {
        if (severity == RuleProblem::Severity::Error)
            ++m_errors;
        if (m_out)
            m_out->append(RuleProblem{severity, m_ruleId, path, message});
    }
    QString m_ruleId;
    QList<RuleProblem>* m_out;
    int m_errors = 0;
};

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

void checkSources(const DataFields& fields, const QString& path, Checker& check)
{
    for (const auto& [key, source] : fields) {
        const QString where = path + QLatin1Char('.') + key;
        if (key.isEmpty())
            check.error(where, QStringLiteral("a field needs a name"));
        if (source.kind == ValueSource::Kind::Path && !isPath(source.name)) {
            check.error(where + QStringLiteral(".path"),
                        QStringLiteral("'%1' is not a path into the event; write it like "
                                       "\"data.object.hosted_invoice_url\"")
                            .arg(source.name));
        }
        if (source.kind == ValueSource::Kind::Derived && !derivedValueNames().contains(source.name)) {
            check.error(where + QStringLiteral(".derived"),
                        QStringLiteral("unknown derived value '%1'; use one of %2")
                            .arg(source.name, derivedValueNames().join(QStringLiteral(", "))));
        }
    }
}

int literalBytes(const DataFields& fields)
{
    int bytes = 2;
    for (const auto& [key, source] : fields) {
        bytes += int(key.toUtf8().size()) + 4;
        if (source.kind == ValueSource::Kind::Literal)
            bytes += jsonBytes(source.literal);
    }
    return bytes;
}

void checkAction(const Action& action, const QString& path, Checker& check)
{
    const QString dataPath = path + (action.type == ActionType::SetAttributes ? QStringLiteral(".attributes")
                                                                              : QStringLiteral(".data"));
    checkSources(action.data, dataPath, check);
    switch (action.type) {
    case ActionType::TrackEvent:
        if (action.name.trimmed().isEmpty())
            check.error(path + QStringLiteral(".name"), QStringLiteral("give the Customer.io event a name"));
        else if (action.name.toUtf8().size() > kMaxEventNameBytes)
            check.error(path + QStringLiteral(".name"),
                        QStringLiteral("Customer.io event names are at most %1 bytes; shorten it")
                            .arg(kMaxEventNameBytes));
        if (literalBytes(action.data) > kMaxEventDataBytes)
            check.error(dataPath, QStringLiteral("Customer.io accepts at most %1 bytes of event data; "
                                                 "send less")
                                      .arg(kMaxEventDataBytes));
        break;
    case ActionType::SendTransactional: {
        const QJsonValue id = action.transactionalMessageId;
        const bool number = id.isDouble() && id.toDouble() >= 1 && std::floor(id.toDouble()) == id.toDouble();
        const bool name = id.isString() && !id.toString().trimmed().isEmpty();
        if (!number && !name)
            check.error(path + QStringLiteral(".transactional_message_id"),
                        QStringLiteral("set the transactional message's id (a number) or its trigger name"));
        if (literalBytes(action.data) > kMaxTransactionalBytes)
            check.error(dataPath, QStringLiteral("transactional payloads are at most 1 MB; send less"));
        break;
    }
    case ActionType::TriggerBroadcast:
        if (action.broadcastId.isEmpty() || !std::all_of(action.broadcastId.begin(), action.broadcastId.end(),
                                                         [](QChar c) { return c.isDigit(); }))
            check.error(path + QStringLiteral(".broadcast_id"),
                        QStringLiteral("set the API-triggered broadcast's id (a number from Customer.io)"));
        if (literalBytes(action.data) > kMaxBroadcastDataBytes)
            check.error(dataPath, QStringLiteral("broadcast trigger data is at most %1 bytes; send less")
                                      .arg(kMaxBroadcastDataBytes));
        break;
    case ActionType::SetAttributes:
        if (action.data.isEmpty())
            check.error(dataPath, QStringLiteral("name at least one attribute to set"));
        if (action.data.size() > kMaxAttributes)
            check.error(
                dataPath,
                QStringLiteral("Customer.io takes at most %1 attributes per call").arg(kMaxAttributes));
        for (const auto& [key, source] : action.data) {
            if (key.toUtf8().size() > kMaxAttributeNameBytes)
                check.error(
                    dataPath + QLatin1Char('.') + key,
                    QStringLiteral("attribute names are at most %1 bytes").arg(kMaxAttributeNameBytes));
            if (source.kind == ValueSource::Kind::Literal &&
                jsonBytes(source.literal) > kMaxAttributeValueBytes)
                check.error(
                    dataPath + QLatin1Char('.') + key,
                    QStringLiteral("attribute values are at most %1 bytes").arg(kMaxAttributeValueBytes));
        }
        break;
    case ActionType::Slack: {
        const QString webhook = action.webhook.trimmed();
        if (webhook.contains(QLatin1String("://")) || webhook.startsWith(QLatin1String("hooks.")))
            check.error(
                path + QStringLiteral(".webhook"),
                QStringLiteral("name the stored Slack webhook (e.g. \"billing-alerts\"), never its URL: "
                               "the URL is a secret"));
        else if (!isSlug(webhook))
            check.error(path + QStringLiteral(".webhook"),
                        QStringLiteral("a webhook name is 1-64 of a-z, 0-9, '_' and '-'"));
        if (action.text.trimmed().isEmpty())
            check.error(path + QStringLiteral(".text"), QStringLiteral("write the message text"));
        if (action.text.size() > kMaxSlackTextLength)
            check.error(path + QStringLiteral(".text"),
                        QStringLiteral("keep the text under %1 characters").arg(kMaxSlackTextLength));
        static const QRegularExpression anyPlaceholder(QStringLiteral("\\{\\{\\s*([^}]*)\\s*\\}\\}"));
        for (auto it = anyPlaceholder.globalMatch(action.text); it.hasNext();) {
            const QString name = it.next().captured(1).trimmed();
            if (!derivedValueNames().contains(name))
                check.error(path + QStringLiteral(".text"),
                            QStringLiteral("unknown placeholder {{%1}}; use derived values only: %2")
                                .arg(name, derivedValueNames().join(QStringLiteral(", "))));
        }
        if (!action.data.isEmpty())
            check.error(dataPath,
                        QStringLiteral("a Slack action has no data; use {{placeholders}} in the text"));
        break;
    }
    }
}

void checkCondition(const Condition& condition, const QString& path, Checker& check)
{
    if (!derivedValueNames().contains(condition.field) && !isMetadataField(condition.field) &&
        !isPath(condition.field)) {
        check.error(
            path + QStringLiteral(".field"),
            QStringLiteral("unknown field '%1'; use a derived value (%2), customer.metadata.<key> or a "
                           "path like data.object.amount_due")
                .arg(condition.field, derivedValueNames().join(QStringLiteral(", "))));
    }
    const QJsonValue& value = condition.value;
    switch (condition.op) {
    case Operator::Exists:
    case Operator::NotExists:
        if (!value.isUndefined())
            check.error(path + QStringLiteral(".value"),
                        QStringLiteral("%1 takes no value; remove it").arg(toString(condition.op)));
        break;
    case Operator::In:
    case Operator::NotIn:
        if (!value.isArray() || value.toArray().isEmpty())
            check.error(path + QStringLiteral(".value"),
                        QStringLiteral("%1 needs a non-empty array of values").arg(toString(condition.op)));
        break;
    case Operator::Gt:
    case Operator::Gte:
    case Operator::Lt:
    case Operator::Lte:
        if (!value.isDouble() && !value.isString())
            check.error(path + QStringLiteral(".value"),
                        QStringLiteral("%1 compares with a number or a string").arg(toString(condition.op)));
        break;
    case Operator::Eq:
    case Operator::Ne:
    case Operator::Contains:
        if (value.isUndefined() || value.isArray() || value.isObject())
            check.error(path + QStringLiteral(".value"),
                        QStringLiteral("%1 needs a single value (string, number, boolean or null)")
                            .arg(toString(condition.op)));
        break;
    }
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

QString RuleProblem::text() const
{
    QString where;
    if (!ruleId.isEmpty())
        where = QStringLiteral("rule '%1'").arg(ruleId);
    if (!path.isEmpty())
        where += (where.isEmpty() ? QString() : QStringLiteral(" ")) + QStringLiteral("at ") + path;
    const QString prefix = severity == Severity::Warning ? QStringLiteral("warning: ") : QString();
    if (where.isEmpty())
        return prefix + message;
    return prefix + where + QStringLiteral(": ") + message;
}

bool hasErrors(const QList<RuleProblem>& problems)
{
    return std::any_of(problems.begin(), problems.end(), [](const RuleProblem& p) { return p.isError(); });
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

QList<RuleProblem> validate(const Rule& rule)
{
    QList<RuleProblem> problems;
    Checker check(rule.id, &problems);
    if (!isSlug(rule.id))
        check.error(QStringLiteral("id"),
                    QStringLiteral("'%1' is not a valid id; use 1-64 of a-z, 0-9, '_' and '-'").arg(rule.id));
    if (rule.name.trimmed().isEmpty())
        check.error(QStringLiteral("name"), QStringLiteral("give the rule a name"));
    else if (rule.name.size() > kMaxNameLength)
        check.error(QStringLiteral("name"),
                    QStringLiteral("keep the name under %1 characters").arg(kMaxNameLength));
    if (rule.description.size() > kMaxDescriptionLength)
        check.error(QStringLiteral("description"),
                    QStringLiteral("keep the description under %1 characters").arg(kMaxDescriptionLength));
    if (rule.triggers.isEmpty())
        check.error(QStringLiteral("trigger"),
                    QStringLiteral("name at least one Stripe event type that triggers "
                                   "the rule, e.g. \"invoice.payment_failed\""));
    static const QRegularExpression eventType(QStringLiteral("^[a-z_]+(\\.[a-z_]+)+$"));
    for (int i = 0; i < rule.triggers.size(); ++i) {
        const QString path = QStringLiteral("trigger[%1]").arg(i);
        if (!eventType.match(rule.triggers.at(i)).hasMatch())
            check.error(path, QStringLiteral("'%1' is not a Stripe event type").arg(rule.triggers.at(i)));
        else if (!knownEventTypes().contains(rule.triggers.at(i)))
            check.warning(path,
                          QStringLiteral("'%1' is not an event type Billbridge knows; check the spelling")
                              .arg(rule.triggers.at(i)));
    }
    for (int i = 0; i < rule.conditions.size(); ++i)
        checkCondition(rule.conditions.at(i), QStringLiteral("conditions[%1]").arg(i), check);
    if (rule.delaySeconds < 0 || rule.delaySeconds > Rule::kMaxDelaySeconds)
        check.error(
            QStringLiteral("delay_seconds"),
            QStringLiteral("the delay is between 0 and %1 seconds (90 days)").arg(Rule::kMaxDelaySeconds));
    if (rule.actions.isEmpty())
        check.error(QStringLiteral("actions"), QStringLiteral("add at least one action"));
    for (int i = 0; i < rule.actions.size(); ++i)
        checkAction(rule.actions.at(i), QStringLiteral("actions[%1]").arg(i), check);
    for (int i = 0; i < rule.exits.size(); ++i) {
        if (!exitEventTypes().contains(rule.exits.at(i)))
            check.error(QStringLiteral("exits[%1]").arg(i),
                        QStringLiteral("'%1' cannot be an exit; use one of %2")
                            .arg(rule.exits.at(i), exitEventTypes().join(QStringLiteral(", "))));
    }
    if (!rule.exits.isEmpty() && rule.delaySeconds == 0)
        check.warning(QStringLiteral("exits"),
                      QStringLiteral("exits only cancel delayed actions; with no delay they have no effect"));
    return problems;
}

QList<RuleProblem> validate(const QList<Rule>& rules)
{
    QList<RuleProblem> problems;
    QSet<QString> seen;
    for (const Rule& rule : rules) {
        problems.append(validate(rule));
        if (seen.contains(rule.id))
            problems.append(
                RuleProblem{RuleProblem::Severity::Error, rule.id, QStringLiteral("id"),
                            QStringLiteral("the id is used by more than one rule; ids must be unique")});
        seen.insert(rule.id);
    }
    return problems;
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
