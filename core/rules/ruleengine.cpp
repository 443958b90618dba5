#include "rules/ruleengine.h"

#include "customerio/customeriorequest.h"
#include "delivery/jobrequest.h"
#include "rules/rulestore.h"
#include "store/sqlite.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <exception>
#include <utility>

namespace billbridge::rules {

namespace {

// Limits checked again on the values a job really carries (see rule.cpp for their source).
constexpr int kMaxEventDataBytes = 100000;
constexpr int kMaxAttributeValueBytes = 1000;
constexpr int kMaxBroadcastDataBytes = 50000;
constexpr int kMaxTransactionalBytes = 1000000;

int compactBytes(const QJsonObject& object)
{
    return int(QJsonDocument(object).toJson(QJsonDocument::Compact).size());
}

std::optional<double> numberOf(const QJsonValue& value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double number = value.toString().trimmed().toDouble(&ok);
        if (ok)
            return number;
    }
    return std::nullopt;
}

bool sameValue(const QJsonValue& actual, const QJsonValue& expected)
{
    if (actual.isDouble() || expected.isDouble()) {
        const std::optional<double> a = numberOf(actual);
        const std::optional<double> b = numberOf(expected);
        return a && b && *a == *b;
    }
    if (actual.isUndefined())
        return expected.isNull();
    return actual == expected;
}

// -1, 0, 1; nullopt when the two cannot be ordered.
std::optional<int> order(const QJsonValue& actual, const QJsonValue& expected)
{
    const std::optional<double> a = numberOf(actual);
    const std::optional<double> b = numberOf(expected);
    if (a && b)
        return *a < *b ? -1 : (*a > *b ? 1 : 0);
    if (actual.isString() && expected.isString()) {
        const int c = QString::compare(actual.toString(), expected.toString());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    return std::nullopt;
}

bool present(const QJsonValue& value)
{
    return !value.isUndefined() && !value.isNull();
}

bool holds(const Condition& condition, const QJsonValue& actual)
{
    const QJsonValue& expected = condition.value;
    switch (condition.op) {
    case Operator::Exists:
        return present(actual);
    case Operator::NotExists:
        return !present(actual);
    case Operator::Eq:
        return sameValue(actual, expected);
    case Operator::Ne:
        return !sameValue(actual, expected);
    case Operator::Gt:
    case Operator::Gte:
    case Operator::Lt:
    case Operator::Lte: {
        if (!present(actual))
            return false;
        const std::optional<int> c = order(actual, expected);
        if (!c)
            return false;
        if (condition.op == Operator::Gt)
            return *c > 0;
        if (condition.op == Operator::Gte)
            return *c >= 0;
        if (condition.op == Operator::Lt)
            return *c < 0;
        return *c <= 0;
    }
    case Operator::In:
    case Operator::NotIn: {
        bool found = false;
        for (const QJsonValue& candidate : expected.toArray())
            found = found || (present(actual) && sameValue(actual, candidate));
        return condition.op == Operator::In ? found : !found;
    }
    case Operator::Contains:
        if (actual.isString())
            return actual.toString().contains(expected.isString() ? expected.toString()
                                                                  : expected.toVariant().toString());
        if (actual.isArray()) {
            for (const QJsonValue& member : actual.toArray()) {
                if (sameValue(member, expected))
                    return true;
            }
        }
        return false;
    }
    return false;
}

QString describe(const QJsonValue& value)
{
    if (value.isUndefined())
        return QStringLiteral("absent");
    if (value.isString())
        return QLatin1Char('"') + value.toString().left(80) + QLatin1Char('"');
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)).left(80);
    if (value.isObject())
        return QStringLiteral("an object");
    if (value.isNull())
        return QStringLiteral("null");
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::number(value.toDouble(), 'g', 15);
}

// Placeholder text for Slack: plain, never JSON-quoted.
QString plainText(const QJsonValue& value)
{
    if (!present(value))
        return QStringLiteral("(none)");
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return describe(value);
}

QJsonValue resolve(const ValueSource& source, const RuleInput& input)
{
    switch (source.kind) {
    case ValueSource::Kind::Path:
        return input.path(source.name);
    case ValueSource::Kind::Derived:
        return input.derived(source.name);
    case ValueSource::Kind::Literal:
        break;
    }
    return source.literal;
}

// Unknown values are sent as null so that a message template can test for them.
QJsonObject resolveData(const DataFields& fields, const RuleInput& input)
{
    QJsonObject data;
    for (const auto& [key, source] : fields) {
        const QJsonValue value = resolve(source, input);
        data.insert(key, value.isUndefined() ? QJsonValue(QJsonValue::Null) : value);
    }
    return data;
}

QString fillPlaceholders(const QString& text, const RuleInput& input)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{\\s*([a-z_]+)\\s*\\}\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += text.mid(last, match.capturedStart() - last);
        const QString name = match.captured(1);
        out += derivedValueNames().contains(name) ? plainText(input.derived(name)) : match.captured(0);
        last = match.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

bool isCustomerIoAction(const Action& action)
{
    return action.type != ActionType::Slack;
}

} // namespace

RuleEngine::RuleEngine(Clock clock)
    : m_clock(std::move(clock))
{}

namespace {

using StoredExit = std::function<QString(const JobExits&, std::int64_t)>;

// One body for evaluate() (kJobs: reasons and the exact jobs) and decide() (neither): the same checks in
// the same order, so that a what-if counts exactly what the sync engine would enqueue. Returns whether the
// rule fired; `outcome.reason` / `outcome.jobs` are only filled with kJobs, `jobsMade` always.
template <bool kJobs>
bool evaluateRule(const Rule& rule, const RuleInput& input, const StoredExit& storedExit,
                  RuleOutcome& outcome, int& jobsMade)
{
    const auto refuse = [&outcome](auto&& reason) {
        if constexpr (kJobs)
            outcome.reason = reason();
        return false;
    };
    const QString type = input.eventType();
    if (!rule.triggers.contains(type))
        return refuse([&] { return QStringLiteral("%1 is not one of the rule's triggers").arg(type); });
    if (input.customerId.isEmpty())
        return refuse([] { return QStringLiteral("the event names no customer"); });
    switch (input.verdict) {
    case sync::Verdict::Applied:
        break;
    case sync::Verdict::History:
        if (!rule.fireOnHistory) {
            return refuse([] {
                return QStringLiteral("the event is history (older than the sync horizon) and the rule "
                                      "does not fire on history");
            });
        }
        break;
    case sync::Verdict::Stale:
    case sync::Verdict::Ignored:
    case sync::Verdict::Malformed:
        return refuse([&] {
            return QStringLiteral("the sync engine found the event %1").arg(sync::toString(input.verdict));
        });
    }
    for (int i = 0; i < rule.conditions.size(); ++i) {
        const Condition& condition = rule.conditions.at(i);
        const QJsonValue actual = input.field(condition.field);
        if (!holds(condition, actual)) {
            return refuse([&] {
                return QStringLiteral("condition %1: %2 is %3; needs %4%5")
                    .arg(i + 1)
                    .arg(condition.field, describe(actual), toString(condition.op),
                         condition.value.isUndefined() ? QString()
                                                       : QLatin1Char(' ') + describe(condition.value));
            });
        }
    }
    const bool onlySlack = std::all_of(rule.actions.begin(), rule.actions.end(),
                                       [](const Action& action) { return !isCustomerIoAction(action); });
    if (input.currentState().deleted && !onlySlack) {
        return refuse([] {
            return QStringLiteral("the customer was deleted in Stripe; nothing more is sent to Customer.io");
        });
    }

    const std::int64_t created = input.createdSeconds();
    const std::int64_t notBeforeMs = rule.delaySeconds > 0 ? (created + rule.delaySeconds) * 1000 : 0;
    QString exits;
    if (rule.delaySeconds > 0 && !rule.exits.isEmpty() && (kJobs || storedExit)) {
        JobExits jobExits;
        jobExits.on = rule.exits;
        jobExits.invoiceId = input.derived(QStringLiteral("invoice_id")).toString();
        jobExits.subscriptionId = input.derived(QStringLiteral("subscription_id")).toString();
        if (storedExit) {
            const QString exitEvent = storedExit(jobExits, created);
            if (!exitEvent.isEmpty()) {
                outcome.preemptedBy = exitEvent;
                return refuse([&] {
                    return QStringLiteral("%1 was already stored, created at or after this event; the rule's "
                                          "delayed job(s) would only be discarded, so none are made")
                        .arg(exitEvent);
                });
            }
        }
        if constexpr (kJobs)
            exits = jobExits.toJson();
    }

    const QString eventId = kJobs ? input.eventId() : QString();
    std::vector<store::NewJob> jobs;
    for (int i = 0; i < rule.actions.size(); ++i) {
        const Action& action = rule.actions.at(i);
        const auto where = [i] { return QStringLiteral("actions[%1]").arg(i); };
        store::NewJob job;
        switch (action.type) {
        case ActionType::TrackEvent: {
            const QJsonObject data = resolveData(action.data, input);
            const int bytes = compactBytes(data);
            if (bytes > kMaxEventDataBytes) {
                return refuse([&] {
                    return QStringLiteral("%1: the event data would be %2 bytes, over Customer.io's %3")
                        .arg(where())
                        .arg(bytes)
                        .arg(kMaxEventDataBytes);
                });
            }
            if constexpr (kJobs) {
                customerio::TrackEvent event;
                event.name = action.name;
                event.ulid =
                    sync::derivedEventId(eventId, QStringLiteral("rule:%1:%2").arg(rule.id).arg(i), created);
                // A delayed event happens when it is sent; an immediate one when Stripe's event did.
                if (rule.delaySeconds == 0)
                    event.timestamp = created;
                event.data = data;
                job = delivery::jobFor(customerio::requests::trackEvent(input.customerId, event),
                                       input.customerId, QString(), eventId, notBeforeMs);
            }
            break;
        }
        case ActionType::SendTransactional: {
            const QString email = input.derived(QStringLiteral("customer_email")).toString();
            if (email.isEmpty()) {
                return refuse([&] {
                    return QStringLiteral("%1: no email address is known for the customer, and a "
                                          "transactional email needs one")
                        .arg(where());
                });
            }
            const QJsonObject messageData = resolveData(action.data, input);
            if (compactBytes(messageData) > kMaxTransactionalBytes) {
                return refuse([&] {
                    return QStringLiteral("%1: the message data is over Customer.io's 1 MB").arg(where());
                });
            }
            if constexpr (kJobs) {
                customerio::TransactionalEmail message;
                message.to = email;
                message.identifierType = customerio::IdentifierType::Id;
                message.identifier = input.customerId;
                message.transactionalMessageId = action.transactionalMessageId;
                message.messageData = messageData;
                job = delivery::jobFor(customerio::requests::sendEmail(message), input.customerId, QString(),
                                       eventId, notBeforeMs);
            }
            break;
        }
        case ActionType::TriggerBroadcast: {
            const QJsonObject data = resolveData(action.data, input);
            const int bytes = compactBytes(data);
            if (bytes > kMaxBroadcastDataBytes) {
                return refuse([&] {
                    return QStringLiteral("%1: the broadcast data would be %2 bytes, over Customer.io's %3")
                        .arg(where())
                        .arg(bytes)
                        .arg(kMaxBroadcastDataBytes);
                });
            }
            if constexpr (kJobs) {
                customerio::BroadcastAudience audience;
                audience.kind = customerio::BroadcastAudience::Kind::Ids;
                audience.people = {input.customerId};
                job = delivery::jobFor(
                    customerio::requests::triggerBroadcast(action.broadcastId, data, audience),
                    input.customerId, QString(), eventId, notBeforeMs);
            }
            break;
        }
        case ActionType::SetAttributes: {
            customerio::IdentifyAttributes attributes;
            for (const auto& [name, source] : action.data) {
                QJsonValue value = resolve(source, input);
                if (value.isUndefined())
                    value = QJsonValue::Null;
                const int bytes = value.isString() ? int(value.toString().toUtf8().size()) : 0;
                if (bytes > kMaxAttributeValueBytes) {
                    return refuse([&] {
                        return QStringLiteral("%1: attribute %2 would be %3 bytes, over Customer.io's %4")
                            .arg(where(), name)
                            .arg(bytes)
                            .arg(kMaxAttributeValueBytes);
                    });
                }
                if constexpr (kJobs)
                    attributes.attributes.append({name, value});
            }
            if constexpr (kJobs) {
                attributes.changedAt = created;
                job = delivery::jobFor(customerio::requests::identify(input.customerId, attributes),
                                       input.customerId, QString(), eventId, notBeforeMs);
            }
            break;
        }
        case ActionType::Slack: {
            if constexpr (kJobs) {
                const QJsonObject body{{QStringLiteral("text"), fillPlaceholders(action.text, input)}};
                job.operation = QStringLiteral("slack.post");
                job.customerId = input.customerId;
                job.payload =
                    QJsonObject{{QStringLiteral("webhook"), action.webhook},
                                {QStringLiteral("body"),
                                 QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact))}};
                job.eventId = eventId;
                job.notBeforeMs = notBeforeMs;
            }
            break;
        }
        }
        if constexpr (kJobs) {
            job.idempotencyKey = QStringLiteral("%1:rule:%2:%3").arg(eventId, rule.id).arg(i);
            job.ruleId = rule.id;
            job.ruleVersion = rule.version;
            job.exits = exits;
            jobs.push_back(std::move(job));
        }
    }
    jobsMade = int(rule.actions.size());
    if constexpr (kJobs)
        outcome.jobs = std::move(jobs);
    return true;
}

RuleOutcome evaluateWith(const Rule& rule, const RuleInput& input, const StoredExit& storedExit)
{
    RuleOutcome outcome;
    outcome.ruleId = rule.id;
    outcome.ruleVersion = rule.version;
    int jobsMade = 0;
    outcome.fired = evaluateRule<true>(rule, input, storedExit, outcome, jobsMade);
    return outcome;
}

} // namespace

RuleOutcome RuleEngine::evaluate(const Rule& rule, const RuleInput& input)
{
    return evaluateWith(rule, input, input.storedExit);
}

RuleDecision RuleEngine::decide(const Rule& rule, const RuleInput& input)
{
    RuleOutcome unused;
    RuleDecision decision;
    decision.fired = evaluateRule<false>(rule, input, input.storedExit, unused, decision.jobs);
    if (!decision.fired)
        decision.jobs = 0;
    return decision;
}

std::function<QString(const JobExits&, std::int64_t)>
RuleEngine::storedExitLookup(store::SqliteConnection& connection, const QString& customerId,
                             const QString& eventId)
{
    return [&connection, customerId, eventId](const JobExits& exits, std::int64_t createdSeconds) {
        if (customerId.isEmpty())
            return QString();
        // events_by_customer (customer_id, created DESC, seq DESC): the range of this customer's events
        // since the trigger, of those stored before it (an exit stored after it is applyExits' business, and
        // the tester replaying a stored event must not see it). An event not stored (a dry run) sees all.
        // The payload is read only for rows of an exit type.
        store::SqliteStatement select = connection.prepareCached(
            "SELECT id, type, raw FROM events WHERE customer_id = ?1 AND created >= ?2 "
            "AND seq < coalesce((SELECT seq FROM events WHERE id = ?3), 9223372036854775807) "
            "ORDER BY created, seq");
        select.bind(1, customerId).bind(2, createdSeconds).bind(3, eventId);
        while (select.step()) {
            const QString type = select.text(1);
            if (!exits.on.contains(type))
                continue;
            const QString id = select.text(0);
            if (id == eventId)
                continue;
            if (exits.matches(QJsonDocument::fromJson(select.blob(2)).object()))
                return QStringLiteral("%1 %2").arg(type, id);
        }
        return QString();
    };
}

std::vector<RuleOutcome> RuleEngine::evaluate(const QList<Rule>& rules, const RuleInput& input)
{
    std::vector<RuleOutcome> outcomes;
    outcomes.reserve(rules.size());
    for (const Rule& rule : rules)
        outcomes.push_back(evaluate(rule, input));
    return outcomes;
}

int RuleEngine::applyExits(store::SqliteConnection& connection, const QString& customerId,
                           const QJsonObject& event, std::int64_t nowMs)
{
    const QString type = event.value(QStringLiteral("type")).toString();
    if (customerId.isEmpty() || !exitEventTypes().contains(type))
        return 0;
    std::vector<std::int64_t> matching;
    {
        store::SqliteStatement select = connection.prepareCached(
            "SELECT id, exits FROM jobs WHERE customer_id = ?1 AND exits IS NOT NULL "
            "AND state IN ('pending', 'retry_scheduled')");
        select.bind(1, customerId);
        while (select.step()) {
            const std::optional<JobExits> exits = JobExits::fromJson(select.text(1));
            if (exits && exits->matches(event))
                matching.push_back(select.int64(0));
        }
    }
    if (matching.empty())
        return 0;
    const QString reason =
        QStringLiteral("rule exit: %1 (%2)").arg(type, event.value(QStringLiteral("id")).toString());
    store::SqliteStatement update = connection.prepareCached(
        "UPDATE jobs SET state = 'discarded', discard_reason = ?1, updated_at_ms = ?2 "
        "WHERE id = ?3 AND state IN ('pending', 'retry_scheduled')");
    int discarded = 0;
    for (const std::int64_t id : matching) {
        update.reset();
        update.bind(1, reason).bind(2, nowMs).bind(3, id);
        update.step();
        discarded += int(connection.changes());
    }
    return discarded;
}

void RuleEngine::refresh(store::SqliteConnection& connection)
{
    Fingerprint current;
    {
        store::SqliteStatement select =
            connection.prepareCached("SELECT count(*), total(version), max(updated_at_ms) FROM rules");
        select.step();
        current.count = select.int64(0);
        current.versions = select.real(1);
        current.newestUpdate = select.isNull(2) ? 0 : select.int64(2);
    }
    if (current == m_fingerprint)
        return;
    std::vector<BrokenRule> broken;
    const QList<Rule> all = RuleStore::loadIn(connection, &broken);
    m_enabled.clear();
    for (const Rule& rule : all) {
        if (rule.enabled)
            m_enabled.append(rule);
    }
    m_broken.clear();
    for (const BrokenRule& rule : broken)
        m_broken.append(QStringLiteral("rule '%1' skipped: %2").arg(rule.id, rule.problem));
    m_fingerprint = current;
}

bool RuleEngine::mayAct(store::SqliteConnection& connection, const QString& eventType)
{
    refresh(connection);
    const bool acts = !m_broken.isEmpty() || exitEventTypes().contains(eventType) ||
                      std::any_of(m_enabled.begin(), m_enabled.end(), [&eventType](const Rule& rule) {
                          return rule.triggers.contains(eventType);
                      });
    m_refreshedJustNow = acts ? &connection : nullptr;
    return acts;
}

RuleEngine::Planned RuleEngine::planIn(store::SqliteConnection& connection, const RuleInput& input)
{
    return planIn(connection, input, m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch());
}

RuleEngine::Planned RuleEngine::planIn(store::SqliteConnection& connection, const RuleInput& input,
                                       std::int64_t nowMs)
{
    Planned planned;
    if (m_refreshedJustNow != &connection)
        refresh(connection);
    m_refreshedJustNow = nullptr;
    planned.notes = m_broken;
    planned.discarded = applyExits(connection, input.customerId, input.event, nowMs);
    if (planned.discarded > 0)
        planned.notes.append(QStringLiteral("rule exits discarded %1 job(s)").arg(planned.discarded));
    QStringList fired;
    // Built lazily: the lookup runs only when a delayed rule with exits is about to fire.
    const StoredExit storedExit =
        input.storedExit
            ? input.storedExit
            : [&connection, &input](const JobExits& exits, std::int64_t created) {
                  return storedExitLookup(connection, input.customerId, input.eventId())(exits, created);
              };
    for (const Rule& rule : m_enabled) {
        try {
            RuleOutcome outcome = evaluateWith(rule, input, storedExit);
            if (!outcome.preemptedBy.isEmpty()) {
                planned.notes.append(QStringLiteral("rule '%1' made no delayed job(s): %2 was stored already")
                                         .arg(rule.id, outcome.preemptedBy));
            }
            if (!outcome.fired)
                continue;
            fired.append(rule.id);
            for (store::NewJob& job : outcome.jobs)
                planned.jobs.push_back(std::move(job));
        } catch (const store::StoreError&) {
            throw;
        } catch (const std::exception& error) {
            planned.notes.append(
                QStringLiteral("rule '%1' skipped: %2").arg(rule.id, QString::fromUtf8(error.what())));
        }
    }
    if (!fired.isEmpty())
        planned.notes.append(QStringLiteral("rules fired: %1").arg(fired.join(QStringLiteral(", "))));
    return planned;
}

} // namespace billbridge::rules
