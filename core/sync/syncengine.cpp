#include "sync/syncengine.h"

#include "store/sqlite.h"
#include "sync/identityresolution.h"
#include "sync/syncsettings.h"
#include "util/logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>
#include <optional>
#include <utility>

namespace billbridge::sync {

namespace {

std::optional<PlanInfo> planInfoOf(store::SqliteConnection& connection, const QString& stripeId)
{
    if (stripeId.isEmpty())
        return std::nullopt;
    store::SqliteStatement select = connection.prepareCached(
        "SELECT plan_name, tier, interval_label FROM plan_mappings WHERE stripe_id = ?1");
    select.bind(1, stripeId);
    if (!select.step())
        return std::nullopt;
    return PlanInfo{select.text(0), select.isNull(1) ? QString() : select.text(1),
                    select.isNull(2) ? QString() : select.text(2)};
}

// A dispute names its charge but not the customer; a stored event about that charge (charge.succeeded,
// charge.refunded …) does. Without one the dispute cannot be attributed and is recorded as ignored.
QString customerOfDisputedCharge(store::SqliteConnection& connection, const QByteArray& raw)
{
    const QJsonValue charge = QJsonDocument::fromJson(raw)
                                  .object()
                                  .value(QStringLiteral("data"))
                                  .toObject()
                                  .value(QStringLiteral("object"))
                                  .toObject()
                                  .value(QStringLiteral("charge"));
    const QString chargeId =
        charge.isObject() ? charge.toObject().value(QStringLiteral("id")).toString() : charge.toString();
    if (chargeId.isEmpty())
        return {};
    store::SqliteStatement select = connection.prepareCached(
        "SELECT customer_id FROM events WHERE object_type = 'charge' AND object_id = ?1 "
        "AND customer_id IS NOT NULL ORDER BY created DESC LIMIT 1");
    select.bind(1, chargeId);
    return select.step() ? select.text(0) : QString();
}

void recordDecision(store::SqliteConnection& connection, const QString& eventId, const QString& customerId,
                    Verdict verdict, const QString& reason, int jobs, std::int64_t nowMs)
{
    // Keyed by the event's seq, so that each decision is appended. An event planned without being stored
    // (a tester's dry run) has no seq and leaves no decision.
    store::SqliteStatement seqOf = connection.prepareCached("SELECT seq FROM events WHERE id = ?1");
    seqOf.bind(1, eventId);
    if (!seqOf.step())
        return;
    const std::int64_t seq = seqOf.int64(0);
    // A replayed event (removed and stored again) is decided again; the newest decision is what counts.
    store::SqliteStatement insert = connection.prepareCached(
        "INSERT INTO sync_decisions (event_seq, customer_id, verdict, reason, jobs, planned_at_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (event_seq) DO UPDATE SET customer_id = "
        "excluded.customer_id, verdict = excluded.verdict, reason = excluded.reason, jobs = excluded.jobs, "
        "planned_at_ms = excluded.planned_at_ms");
    insert.bind(1, seq)
        .bind(2, customerId.isEmpty() ? QString() : customerId)
        .bind(3, toString(verdict))
        .bind(4, reason.isEmpty() ? QString() : reason)
        .bind(5, jobs)
        .bind(6, nowMs);
    insert.step();
}

// The operators' rules run after the built-in plan, on the state it produced: exits first (a payment
// cancels the pending reminders about it), then the enabled rules. A broken rule is skipped and named in
// the decision; it never refuses the event. Returns those notes.
QStringList planRules(rules::RuleEngine& engine, store::SqliteConnection& connection,
                      const store::IncomingEvent& event, const QJsonObject& parsed, const SyncPlan& plan,
                      const QString& customerId, const SyncOptions& options, std::int64_t nowMs,
                      std::vector<store::NewJob>& jobs)
{
    if (plan.verdict == Verdict::Malformed || !engine.mayAct(connection, event.fields.type))
        return {};
    rules::RuleInput input;
    input.event = parsed;
    input.customerId = customerId;
    input.state = plan.state;
    input.verdict = plan.verdict;
    input.attributes = options.attributes;
    input.customerLookup = [&connection](const QString& id) {
        store::SqliteStatement select =
            connection.prepareCached("SELECT raw FROM events WHERE customer_id = ?1 AND object_type = "
                                     "'customer' ORDER BY created DESC "
                                     "LIMIT 1");
        select.bind(1, id);
        if (!select.step())
            return QJsonObject();
        return QJsonDocument::fromJson(select.blob(0))
            .object()
            .value(QStringLiteral("data"))
            .toObject()
            .value(QStringLiteral("object"))
            .toObject();
    };
    rules::RuleEngine::Planned planned = engine.planIn(connection, input, nowMs);
    for (store::NewJob& job : planned.jobs)
        jobs.push_back(std::move(job));
    return planned.notes;
}

} // namespace

SyncEngine::SyncEngine(SyncOptions options, Clock clock)
    : m_options(std::move(options))
    , m_clock(std::move(clock))
{}

std::int64_t SyncEngine::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

std::vector<store::NewJob> SyncEngine::planEvent(store::SqliteConnection& connection,
                                                 const store::IncomingEvent& event)
{
    const std::int64_t nowMs = now();
    // Intake reads the customer with the planner's rule (the object itself for customer events, else its
    // `customer` reference), so the state can be loaded before planning.
    QString customerId = event.fields.customerId;
    if (customerId.isEmpty() && event.fields.objectType == QLatin1String("dispute"))
        customerId = customerOfDisputedCharge(connection, event.raw);
    if (customerId.isEmpty()) {
        recordDecision(connection, event.fields.id, {}, Verdict::Ignored, QStringLiteral("no customer"), 0,
                       nowMs);
        return {};
    }

    SyncState state;
    QString stateProblem;
    {
        store::SqliteStatement select =
            connection.prepareCached("SELECT state FROM sync_customers WHERE customer_id = ?1");
        select.bind(1, customerId);
        if (select.step()) {
            QString error;
            if (std::optional<SyncState> stored = SyncState::fromJson(select.blob(0), &error)) {
                state = std::move(*stored);
            } else {
                // Refusing every event of this customer forever would be worse than resending what the
                // profile should say: the identify carries all attributes again and the derived event ids
                // let Customer.io drop repeats.
                qCWarning(lcStore) << "sync state of customer" << customerId
                                   << "is unreadable, starting afresh:" << error;
                stateProblem = QStringLiteral("stored sync state unreadable (%1); started afresh").arg(error);
            }
        }
    }

    const PlanLookup lookup = [&connection](const QString& priceId,
                                            const QString& productId) -> std::optional<PlanInfo> {
        if (std::optional<PlanInfo> byPrice = planInfoOf(connection, priceId))
            return byPrice;
        return planInfoOf(connection, productId);
    };
    SyncOptions options = m_options;
    options.nowMs = nowMs;
    // Parsed once here for the plan, the rules and identity: parsing is the largest share of planning.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(event.raw, &parseError);
    const QJsonObject parsed = document.object();
    const SyncPlan plan = parseError.error == QJsonParseError::NoError && document.isObject()
                              ? sync::plan(parsed, state, lookup, options)
                              : sync::plan(event.raw, state, lookup, options);

    if (plan.state != state || !stateProblem.isEmpty()) {
        store::SqliteStatement upsert = connection.prepareCached(
            "INSERT INTO sync_customers (customer_id, state, updated_at_ms) VALUES (?1, ?2, ?3) "
            "ON CONFLICT (customer_id) DO UPDATE SET state = excluded.state, updated_at_ms = "
            "excluded.updated_at_ms");
        upsert.bind(1, customerId).bind(2, QString::fromUtf8(plan.state.toJson())).bind(3, nowMs);
        upsert.step();
    }

    // The person's Customer.io id: the Stripe id, or with emailAsId the email (when the event tells it).
    const QString email = identity::emailOf(parsed, plan, options);
    const bool byEmail = options.emailAsId && !email.isEmpty();
    QList<store::NewJob> builtInJobs = toJobs(plan, byEmail ? email : customerId, event.fields.id);
    for (store::NewJob& job : builtInJobs)
        job.customerId = customerId;
    std::vector<store::NewJob> jobs(builtInJobs.begin(), builtInJobs.end());
    QString reason = plan.reason;
    if (!stateProblem.isEmpty())
        reason = reason.isEmpty() ? stateProblem : reason + QStringLiteral("; ") + stateProblem;
    for (const QString& note :
         planRules(m_rules, connection, event, parsed, plan, customerId, options, nowMs, jobs))
        reason = reason.isEmpty() ? note : reason + QStringLiteral("; ") + note;
    if (options.lookUpIdentities && !options.emailAsId && plan.verdict != Verdict::Malformed)
        identity::holdBehindLookup(connection, customerId, email, event.fields.id, nowMs, jobs);
    recordDecision(connection, event.fields.id, customerId, plan.verdict, reason, int(jobs.size()), nowMs);
    return jobs;
}

void SyncEngine::install(store::EventWriter& writer, SyncOptions options, Clock clock)
{
    // Shared so that the writer's copies of the planner all use the one engine.
    auto engine = std::make_shared<SyncEngine>(std::move(options), std::move(clock));
    writer.setJobPlanner([engine](store::SqliteConnection& connection, const store::IncomingEvent& event) {
        return engine->planEvent(connection, event);
    });
}

bool SyncEngine::disabledByEnvironment()
{
    return qEnvironmentVariable("BILLBRIDGE_SYNC")
               .trimmed()
               .compare(QLatin1String("off"), Qt::CaseInsensitive) == 0;
}

bool SyncEngine::installUnlessDisabled(store::EventWriter& writer)
{
    if (disabledByEnvironment()) {
        qCInfo(lcStore) << "BILLBRIDGE_SYNC=off: events are stored without Customer.io jobs";
        return false;
    }
    SyncSettings settings = SyncSettings::read();
    for (const QString& problem : std::as_const(settings.problems))
        qCWarning(lcStore).noquote() << "settings:" << problem;
    install(writer, std::move(settings.options));
    return true;
}

} // namespace billbridge::sync
