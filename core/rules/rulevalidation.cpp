// Rule validation: what validate() checks beyond the shape ruleFromJson() reads, and how problems read.

#include "rules/rule.h"
#include "rules/rulechecker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace billbridge::rules {

namespace detail {

bool isSlug(const QString& text)
{
    static const QRegularExpression slug(QStringLiteral("^[a-z0-9_-]{1,64}$"));
    return slug.match(text).hasMatch();
}

} // namespace detail

namespace {

using detail::Checker;
using detail::isSlug;

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

} // namespace billbridge::rules
