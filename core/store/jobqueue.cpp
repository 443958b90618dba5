#include "store/jobqueue.h"

#include "store/database.h"

#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>
#include <array>
#include <sqlite3.h>
#include <string>
#include <variant>

namespace billbridge::store {

namespace {

constexpr std::array<const char*, kJobStateCount> kStateNames = {
    "pending", "in_flight", "succeeded", "retry_scheduled", "dead", "needs_review", "discarded"};

constexpr const char* kJobColumns =
    "id, operation, api, customer_id, idempotency_key, payload, event_id, state, not_before_ms, attempts, "
    "last_error_class, last_error, created_at_ms, updated_at_ms, discard_reason, rule_id, rule_version, "
    "exits, "
    "held_by";

Job readJob(const SqliteStatement& row)
{
    Job job;
    job.id = row.int64(0);
    job.operation = row.text(1);
    job.api = row.text(2);
    job.customerId = row.text(3);
    job.idempotencyKey = row.text(4);
    job.payload = QJsonDocument::fromJson(row.text(5).toUtf8()).object();
    job.eventId = row.text(6);
    job.state = jobStateFromName(row.text(7)).value_or(JobState::Pending);
    job.notBeforeMs = row.int64(8);
    job.attempts = static_cast<int>(row.int64(9));
    job.lastErrorClass = row.text(10);
    job.lastError = row.text(11);
    job.createdAtMs = row.int64(12);
    job.updatedAtMs = row.int64(13);
    job.discardReason = row.text(14);
    job.ruleId = row.text(15);
    job.ruleVersion = static_cast<int>(row.int64(16));
    job.exits = row.text(17);
    job.heldBy = row.int64(18);
    return job;
}

// Cut at a character boundary, so that the stored text stays valid UTF-8.
QString capped(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= JobQueue::kExcerptLimitBytes)
        return text;
    qsizetype end = JobQueue::kExcerptLimitBytes;
    while (end > 0 && (static_cast<unsigned char>(utf8.at(end)) & 0xc0) == 0x80)
        --end;
    return QString::fromUtf8(utf8.left(end));
}

QString apiOf(const QString& operation)
{
    const QString prefix = operation.section(QLatin1Char('.'), 0, 0);
    if (prefix == QLatin1String("track") || prefix == QLatin1String("app") ||
        prefix == QLatin1String("slack"))
        return prefix;
    return {};
}

using Binding = std::variant<std::int64_t, QString>;

// A WHERE clause over jobs built from a filter, with its numbered parameters.
struct Condition {
    std::string sql = "1";
    std::vector<Binding> bindings;

    void add(const std::string& clause, Binding value)
    {
        bindings.push_back(std::move(value));
        std::string numbered = clause;
        numbered.replace(numbered.find('?'), 1, "?" + std::to_string(bindings.size()));
        sql += " AND " + numbered;
    }
    void addStates(const std::vector<JobState>& states)
    {
        if (states.empty())
            return;
        std::string list;
        for (JobState state : states) {
            bindings.push_back(jobStateName(state));
            list += (list.empty() ? "?" : ", ?") + std::to_string(bindings.size());
        }
        sql += " AND state IN (" + list + ")";
    }
    void bindTo(SqliteStatement& statement) const
    {
        for (std::size_t i = 0; i < bindings.size(); ++i) {
            const int index = static_cast<int>(i + 1);
            if (const auto* number = std::get_if<std::int64_t>(&bindings[i]))
                statement.bind(index, *number);
            else
                statement.bind(index, std::get<QString>(bindings[i]));
        }
    }
};

Condition conditionFor(const JobFilter& filter)
{
    Condition condition;
    condition.addStates(filter.states);
    if (!filter.operation.isEmpty())
        condition.add("operation = ?", filter.operation);
    if (!filter.customerId.isEmpty())
        condition.add("customer_id = ?", filter.customerId);
    if (!filter.errorClass.isEmpty())
        condition.add("last_error_class = ?", filter.errorClass);
    if (filter.fromMs)
        condition.add("updated_at_ms >= ?", *filter.fromMs);
    if (filter.toMs)
        condition.add("updated_at_ms <= ?", *filter.toMs);
    if (!filter.ids.empty()) {
        // One JSON array instead of a parameter per id: a list of any length stays one statement.
        QString list;
        for (std::int64_t id : filter.ids)
            list += (list.isEmpty() ? QStringLiteral("[") : QStringLiteral(",")) + QString::number(id);
        condition.add("id IN (SELECT value FROM json_each(?))", QString(list + QLatin1Char(']')));
    }
    return condition;
}

const std::vector<JobState> kRetryable = {JobState::Dead, JobState::NeedsReview, JobState::Discarded};

} // namespace

QString jobStateName(JobState state)
{
    return QString::fromLatin1(kStateNames[static_cast<std::size_t>(state)]);
}

std::optional<JobState> jobStateFromName(const QString& name)
{
    for (std::size_t i = 0; i < kStateNames.size(); ++i)
        if (name == QLatin1String(kStateNames[i]))
            return static_cast<JobState>(i);
    return std::nullopt;
}

JobQueue::JobQueue(SqliteConnection connection, Clock clock)
    : m_connection(std::move(connection))
    , m_clock(std::move(clock))
{}

JobQueue JobQueue::open(const QString& path, Clock clock)
{
    return JobQueue(Database::openForWriting(path), std::move(clock));
}

std::int64_t JobQueue::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

Enqueued JobQueue::enqueue(const NewJob& job)
{
    SqliteTransaction transaction(m_connection);
    const Enqueued result = enqueueIn(m_connection, job, now());
    transaction.commit();
    return result;
}

Enqueued JobQueue::enqueueIn(SqliteConnection& connection, const NewJob& job, std::int64_t nowMs)
{
    const QString api = apiOf(job.operation);
    if (api.isEmpty())
        throw StoreError(QStringLiteral("job operation '%1' belongs to none of the track, app and slack APIs")
                             .arg(job.operation));
    if (job.idempotencyKey.isEmpty())
        throw StoreError(QStringLiteral("job %1 has no idempotency key").arg(job.operation));
    std::int64_t heldBy = 0;
    if (!job.heldByKey.isEmpty()) {
        SqliteStatement holder = connection.prepareCached(
            "SELECT id FROM jobs WHERE idempotency_key = ?1 AND state IN ('pending', 'in_flight', "
            "'retry_scheduled')");
        holder.bind(1, job.heldByKey);
        if (holder.step())
            heldBy = holder.int64(0);
    }
    std::int64_t notBeforeMs = job.notBeforeMs > 0 ? job.notBeforeMs : nowMs;
    if (heldBy != 0)
        notBeforeMs = kHeldNotBeforeMs;
    {
        SqliteStatement insert = connection.prepareCached(
            "INSERT INTO jobs (operation, api, customer_id, idempotency_key, payload, event_id, state, "
            "not_before_ms, created_at_ms, updated_at_ms, rule_id, rule_version, exits, held_by) VALUES (?1, "
            "?2, ?3, ?4, ?5, ?6, 'pending', ?7, ?8, ?8, ?9, ?10, ?11, ?12) "
            "ON CONFLICT (idempotency_key) DO NOTHING");
        insert.bind(1, job.operation)
            .bind(2, api)
            .bind(3, job.customerId.isEmpty() ? QString() : job.customerId)
            .bind(4, job.idempotencyKey)
            .bind(5, QString::fromUtf8(QJsonDocument(job.payload).toJson(QJsonDocument::Compact)))
            .bind(6, job.eventId.isEmpty() ? QString() : job.eventId)
            .bind(7, notBeforeMs)
            .bind(8, nowMs)
            .bind(9, job.ruleId.isEmpty() ? QString() : job.ruleId);
        if (job.ruleId.isEmpty())
            insert.bindNull(10);
        else
            insert.bind(10, job.ruleVersion);
        insert.bind(11, job.exits.isEmpty() ? QString() : job.exits);
        if (heldBy == 0)
            insert.bindNull(12);
        else
            insert.bind(12, heldBy);
        insert.step();
    }
    const bool created = connection.changes() > 0;
    if (created)
        return {sqlite3_last_insert_rowid(connection.handle()), true};
    SqliteStatement existing = connection.prepareCached("SELECT id FROM jobs WHERE idempotency_key = ?1");
    existing.bind(1, job.idempotencyKey);
    if (!existing.step())
        throw StoreError(QStringLiteral("job %1 vanished while it was enqueued").arg(job.idempotencyKey));
    return {existing.int64(0), created};
}

int JobQueue::releaseHeldIn(SqliteConnection& connection, std::int64_t holderId, std::int64_t nowMs)
{
    SqliteStatement release = connection.prepare("UPDATE jobs SET held_by = NULL, not_before_ms = ?2, "
                                                 "updated_at_ms = ?2 WHERE held_by = ?1");
    release.bind(1, holderId).bind(2, nowMs);
    release.step();
    return static_cast<int>(connection.changes());
}

std::vector<Job> JobQueue::claimDue(int limit, const QString& api)
{
    std::vector<Job> claimed;
    if (limit <= 0)
        return claimed;
    const std::int64_t at = now();
    SqliteTransaction transaction(m_connection);
    {
        const std::string sql =
            std::string(
                "UPDATE jobs SET state = 'in_flight', updated_at_ms = ?1 WHERE id IN (SELECT id FROM "
                "jobs WHERE state IN ('pending', 'retry_scheduled') AND not_before_ms <= ?1 AND (?2 IS "
                "NULL OR api = ?2) ORDER BY not_before_ms, id LIMIT ?3) RETURNING ") +
            kJobColumns;
        SqliteStatement update = m_connection.prepare(sql.c_str());
        update.bind(1, at).bind(2, api.isEmpty() ? QString() : api).bind(3, limit);
        while (update.step())
            claimed.push_back(readJob(update));
    }
    transaction.commit();
    // RETURNING gives no order; workers send the earliest due first.
    std::sort(claimed.begin(), claimed.end(), [](const Job& a, const Job& b) {
        return a.notBeforeMs != b.notBeforeMs ? a.notBeforeMs < b.notBeforeMs : a.id < b.id;
    });
    return claimed;
}

namespace {

// The WHERE clause a ClaimFilter stands for over jobs waiting to be sent; its parameters are numbered after
// the caller's `leading` ones (given as bindings).
Condition dueCondition(const ClaimFilter& filter, std::vector<Binding> leading = {})
{
    Condition condition;
    condition.bindings = std::move(leading);
    condition.sql = "state IN ('pending', 'retry_scheduled')";
    if (!filter.api.isEmpty())
        condition.add("api = ?", filter.api);
    const auto addList = [&condition](const std::vector<QString>& operations, const char* op) {
        if (operations.empty())
            return;
        std::string list;
        for (const QString& operation : operations) {
            condition.bindings.emplace_back(operation);
            list += (list.empty() ? "?" : ", ?") + std::to_string(condition.bindings.size());
        }
        condition.sql += std::string(" AND operation ") + op + " (" + list + ")";
    };
    addList(filter.operationsIn, "IN");
    addList(filter.operationsNotIn, "NOT IN");
    return condition;
}

} // namespace

std::vector<Job> JobQueue::claimIn(int limit, const ClaimFilter& filter, std::int64_t at)
{
    std::vector<Job> claimed;
    if (limit <= 0)
        return claimed;
    // ?1 is now, ?2 the limit.
    const Condition condition = dueCondition(filter, {at, std::int64_t{limit}});
    {
        const std::string sql =
            std::string("UPDATE jobs SET state = 'in_flight', updated_at_ms = ?1 WHERE id "
                        "IN (SELECT id FROM jobs WHERE ") +
            condition.sql + " AND not_before_ms <= ?1 ORDER BY not_before_ms, id LIMIT ?2) " + "RETURNING " +
            kJobColumns;
        SqliteStatement update = m_connection.prepare(sql.c_str());
        condition.bindTo(update);
        while (update.step())
            claimed.push_back(readJob(update));
    }
    {
        SqliteStatement limited =
            m_connection.prepare("SELECT count(*) FROM job_attempts WHERE job_id = ?1 AND error_class = ?2");
        for (Job& job : claimed) {
            if (job.attempts == 0)
                continue;
            limited.reset();
            limited.bind(1, job.id).bind(2, QString::fromLatin1(kRateLimitedErrorClass));
            job.rateLimitedAttempts = limited.step() ? static_cast<int>(limited.int64(0)) : 0;
        }
    }
    std::sort(claimed.begin(), claimed.end(), [](const Job& x, const Job& y) {
        return x.notBeforeMs != y.notBeforeMs ? x.notBeforeMs < y.notBeforeMs : x.id < y.id;
    });
    return claimed;
}

std::vector<Job> JobQueue::claimDueIn(int limit, const ClaimFilter& filter)
{
    if (limit <= 0)
        return {};
    SqliteTransaction transaction(m_connection);
    std::vector<Job> claimed = claimIn(limit, filter, now());
    transaction.commit();
    return claimed;
}

std::vector<std::vector<Job>> JobQueue::completeAndClaim(const std::vector<Completion>& completions,
                                                         const std::vector<ClaimRequest>& claims, int budget)
{
    std::vector<std::vector<Job>> claimed(claims.size());
    const bool claiming =
        budget > 0 &&
        std::any_of(claims.begin(), claims.end(), [](const ClaimRequest& claim) { return claim.limit > 0; });
    if (completions.empty() && !claiming)
        return claimed;
    const std::int64_t at = now();
    SqliteTransaction transaction(m_connection);
    completeIn(completions, at);
    for (std::size_t i = 0; i < claims.size() && budget > 0; ++i) {
        claimed[i] = claimIn(std::min(claims[i].limit, budget), claims[i].filter, at);
        budget -= static_cast<int>(claimed[i].size());
    }
    transaction.commit();
    return claimed;
}

std::optional<std::int64_t> JobQueue::nextDueMs(const ClaimFilter& filter)
{
    const Condition condition = dueCondition(filter);
    const std::string sql = "SELECT min(not_before_ms) FROM jobs WHERE " + condition.sql;
    SqliteStatement row = m_connection.prepare(sql.c_str());
    condition.bindTo(row);
    if (!row.step() || row.isNull(0))
        return std::nullopt;
    return row.int64(0);
}

std::int64_t JobQueue::dataVersion()
{
    return m_connection.pragmaInt("data_version");
}

std::int64_t JobQueue::recordAttempt(std::int64_t jobId, const JobAttempt& attempt)
{
    SqliteTransaction transaction(m_connection);
    {
        SqliteStatement insert = m_connection.prepare(
            "INSERT INTO job_attempts (job_id, started_at_ms, duration_ms, http_status, error_class, "
            "response_excerpt, request_excerpt) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        insert.bind(1, jobId).bind(2, attempt.startedAtMs).bind(3, attempt.durationMs);
        if (attempt.httpStatus)
            insert.bind(4, *attempt.httpStatus);
        else
            insert.bindNull(4);
        insert.bind(5, attempt.errorClass.isEmpty() ? QString() : attempt.errorClass)
            .bind(6, capped(attempt.responseExcerpt))
            .bind(7, capped(attempt.requestExcerpt));
        insert.step();
    }
    SqliteStatement id = m_connection.prepare("SELECT last_insert_rowid()");
    const std::int64_t recorded = id.step() ? id.int64(0) : 0;
    {
        SqliteStatement count =
            m_connection.prepare("UPDATE jobs SET attempts = attempts + 1, updated_at_ms = ?2 WHERE id = ?1");
        count.bind(1, jobId).bind(2, now());
        count.step();
    }
    transaction.commit();
    return recorded;
}

int JobQueue::complete(const std::vector<Completion>& completions)
{
    if (completions.empty())
        return 0;
    SqliteTransaction transaction(m_connection);
    const int changed = completeIn(completions, now());
    transaction.commit();
    return changed;
}

int JobQueue::completeIn(const std::vector<Completion>& completions, std::int64_t at)
{
    int changed = 0;
    {
        SqliteStatement insert = m_connection.prepare(
            "INSERT INTO job_attempts (job_id, started_at_ms, duration_ms, http_status, error_class, "
            "response_excerpt, request_excerpt) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        SqliteStatement update = m_connection.prepare(
            "UPDATE jobs SET state = ?2, updated_at_ms = ?3, not_before_ms = coalesce(?4, not_before_ms), "
            "attempts = attempts + ?8, "
            "last_error_class = CASE WHEN ?7 THEN NULL ELSE coalesce(?5, last_error_class) END, "
            "last_error = CASE WHEN ?7 THEN NULL ELSE coalesce(?6, last_error) END "
            "WHERE id = ?1 AND state = 'in_flight'");
        SqliteStatement count =
            m_connection.prepare("UPDATE jobs SET attempts = attempts + 1, updated_at_ms = ?2 WHERE id = ?1");
        for (const Completion& completion : completions) {
            if (completion.attempt) {
                const JobAttempt& attempt = *completion.attempt;
                insert.reset();
                insert.bind(1, completion.jobId).bind(2, attempt.startedAtMs).bind(3, attempt.durationMs);
                if (attempt.httpStatus)
                    insert.bind(4, *attempt.httpStatus);
                else
                    insert.bindNull(4);
                insert.bind(5, attempt.errorClass.isEmpty() ? QString() : attempt.errorClass)
                    .bind(6, capped(attempt.responseExcerpt))
                    .bind(7, capped(attempt.requestExcerpt));
                insert.step();
            }
            const bool movesOn =
                completion.to == JobState::RetryScheduled || completion.to == JobState::Pending;
            update.reset();
            update.bind(1, completion.jobId).bind(2, jobStateName(completion.to)).bind(3, at);
            if (movesOn)
                update.bind(4, completion.notBeforeMs);
            else
                update.bindNull(4);
            update.bind(5, completion.errorClass.isEmpty() ? QString() : completion.errorClass)
                .bind(6, completion.error.isEmpty() ? QString() : completion.error)
                .bind(7, completion.to == JobState::Succeeded)
                .bind(8, completion.attempt ? 1 : 0);
            update.step();
            const bool moved = m_connection.changes() > 0;
            changed += moved ? 1 : 0;
            // A finished job lets the jobs it held go, whatever its outcome: nothing stays held forever.
            if (moved && (completion.to == JobState::Succeeded || completion.to == JobState::Dead)) {
                if (m_settledHook) {
                    const std::string sql = std::string("SELECT ") + kJobColumns + " FROM jobs WHERE id = ?1";
                    SqliteStatement row = m_connection.prepare(sql.c_str());
                    row.bind(1, completion.jobId);
                    if (row.step()) {
                        const Job settled = readJob(row);
                        m_settledHook(m_connection, settled, completion, at);
                    }
                }
                releaseHeldIn(m_connection, completion.jobId, at);
            }
            // The attempt happened even when an operator moved the job meanwhile: count it all the same.
            if (!moved && completion.attempt) {
                count.reset();
                count.bind(1, completion.jobId).bind(2, at);
                count.step();
            }
        }
    }
    return changed;
}

bool JobQueue::transition(std::int64_t jobId, JobState to, std::optional<std::int64_t> notBeforeMs,
                          const QString& errorClass, const QString& error)
{
    const bool clearsError = to == JobState::Succeeded;
    SqliteTransaction transaction(m_connection);
    {
        SqliteStatement update = m_connection.prepare(
            "UPDATE jobs SET state = ?2, updated_at_ms = ?3, not_before_ms = coalesce(?4, not_before_ms), "
            "last_error_class = CASE WHEN ?7 THEN NULL ELSE coalesce(?5, last_error_class) END, "
            "last_error = CASE WHEN ?7 THEN NULL ELSE coalesce(?6, last_error) END "
            "WHERE id = ?1 AND state = 'in_flight'");
        update.bind(1, jobId).bind(2, jobStateName(to)).bind(3, now());
        if (notBeforeMs)
            update.bind(4, *notBeforeMs);
        else
            update.bindNull(4);
        update.bind(5, errorClass.isEmpty() ? QString() : errorClass)
            .bind(6, error.isEmpty() ? QString() : error)
            .bind(7, clearsError);
        update.step();
    }
    const bool changed = m_connection.changes() > 0;
    transaction.commit();
    return changed;
}

bool JobQueue::succeed(std::int64_t jobId)
{
    return transition(jobId, JobState::Succeeded, std::nullopt, {}, {});
}

bool JobQueue::scheduleRetry(std::int64_t jobId, std::int64_t notBeforeMs, const QString& errorClass,
                             const QString& error)
{
    return transition(jobId, JobState::RetryScheduled, notBeforeMs, errorClass, error);
}

bool JobQueue::markDead(std::int64_t jobId, const QString& errorClass, const QString& reason)
{
    return transition(jobId, JobState::Dead, std::nullopt, errorClass, reason);
}

bool JobQueue::markNeedsReview(std::int64_t jobId, const QString& reason)
{
    return transition(jobId, JobState::NeedsReview, std::nullopt, {}, reason);
}

bool JobQueue::isSafeToResend(const QString& operation, const QJsonObject& payload)
{
    // Customer.io treats these as "set the state to X": sending twice ends in the same state. The names are
    // the request builders' (customerio::requests), which follow the Node client's method names.
    static const QStringList idempotent = {
        QStringLiteral("track.identify"),
        QStringLiteral("track.destroy"),
        QStringLiteral("track.suppress"),
        QStringLiteral("track.unsuppress"),
        QStringLiteral("track.addCustomersToSegment"),
        QStringLiteral("track.removeCustomersFromSegment"),
        QStringLiteral("app.getCustomersByEmail"),
        QStringLiteral("app.listBroadcasts"),
        QStringLiteral("app.listTransactionalMessages"),
        QStringLiteral("app.listSegments"),
    };
    if (idempotent.contains(operation))
        return true;
    // Events are deduplicated only by their id; without one a resend shows up twice in the profile.
    if (operation == QLatin1String("track.track"))
        return !payload.value(QLatin1String("idempotency_id")).toString().isEmpty();
    // Emails, broadcasts and anything unknown might already have gone out.
    return false;
}

RecoveryResult JobQueue::recoverInFlight()
{
    RecoveryResult result;
    const std::int64_t at = now();
    SqliteTransaction transaction(m_connection);
    std::vector<std::pair<std::int64_t, bool>> decisions;
    {
        SqliteStatement rows =
            m_connection.prepare("SELECT id, operation, payload FROM jobs WHERE state = 'in_flight'");
        while (rows.step())
            decisions.emplace_back(
                rows.int64(0),
                isSafeToResend(rows.text(1), QJsonDocument::fromJson(rows.text(2).toUtf8()).object()));
    }
    SqliteStatement requeue = m_connection.prepare(
        "UPDATE jobs SET state = 'pending', not_before_ms = ?2, updated_at_ms = ?2 WHERE id = ?1");
    SqliteStatement review = m_connection.prepare(
        "UPDATE jobs SET state = 'needs_review', updated_at_ms = ?2, last_error_class = 'interrupted', "
        "last_error = 'Billbridge stopped while this request was being sent; check in Customer.io whether "
        "it arrived, then resolve it as sent or retry it' WHERE id = ?1");
    for (const auto& [id, safe] : decisions) {
        SqliteStatement& statement = safe ? requeue : review;
        statement.reset();
        statement.bind(1, id).bind(2, at);
        statement.step();
        ++(safe ? result.requeued : result.needsReview);
    }
    transaction.commit();
    return result;
}

RetrySelection JobQueue::retryMatching(const JobFilter& filter, bool dryRun)
{
    JobFilter retryable = filter;
    retryable.states.clear();
    for (JobState state : kRetryable)
        if (filter.states.empty() ||
            std::find(filter.states.begin(), filter.states.end(), state) != filter.states.end())
            retryable.states.push_back(state);
    RetrySelection selection;
    if (retryable.states.empty())
        return selection;
    const Condition condition = conditionFor(retryable);
    const std::string sql = "SELECT id FROM jobs WHERE " + condition.sql + " ORDER BY id";
    // The selection and the retry see the same rows: both run under one write lock.
    SqliteTransaction transaction(m_connection);
    {
        SqliteStatement rows = m_connection.prepare(sql.c_str());
        condition.bindTo(rows);
        while (rows.step())
            selection.ids.push_back(rows.int64(0));
    }
    selection.count = static_cast<int>(selection.ids.size());
    if (dryRun)
        return selection;
    const std::int64_t at = now();
    SqliteStatement update = m_connection.prepare(
        "UPDATE jobs SET state = 'pending', not_before_ms = ?2, updated_at_ms = ?2, discard_reason = NULL "
        "WHERE id = ?1");
    for (std::int64_t id : selection.ids) {
        update.reset();
        update.bind(1, id).bind(2, at);
        update.step();
    }
    transaction.commit();
    return selection;
}

std::map<JobState, std::int64_t> JobQueue::counts()
{
    std::map<JobState, std::int64_t> counts;
    for (int i = 0; i < kJobStateCount; ++i)
        counts[static_cast<JobState>(i)] = 0;
    SqliteStatement rows = m_connection.prepare("SELECT state, count(*) FROM jobs GROUP BY state");
    while (rows.step())
        if (const auto state = jobStateFromName(rows.text(0)))
            counts[*state] = rows.int64(1);
    return counts;
}

JobPage JobQueue::list(const JobFilter& filter, std::optional<JobCursor> after, int limit)
{
    Condition condition = conditionFor(filter);
    if (after) {
        condition.bindings.push_back(after->updatedAtMs);
        const std::string u = "?" + std::to_string(condition.bindings.size());
        condition.bindings.push_back(after->id);
        const std::string i = "?" + std::to_string(condition.bindings.size());
        condition.sql += " AND (updated_at_ms < " + u + " OR (updated_at_ms = " + u + " AND id < " + i + "))";
    }
    const int pageSize = std::max(limit, 1);
    // One row more than asked tells whether a next page exists.
    const std::string sql = std::string("SELECT ") + kJobColumns + " FROM jobs WHERE " + condition.sql +
                            " ORDER BY updated_at_ms DESC, id DESC LIMIT " + std::to_string(pageSize + 1);
    JobPage page;
    SqliteStatement rows = m_connection.prepare(sql.c_str());
    condition.bindTo(rows);
    while (rows.step())
        page.jobs.push_back(readJob(rows));
    if (static_cast<int>(page.jobs.size()) > pageSize) {
        page.jobs.pop_back();
        page.next = JobCursor{page.jobs.back().updatedAtMs, page.jobs.back().id};
    }
    return page;
}

std::optional<Job> JobQueue::find(std::int64_t jobId)
{
    const std::string sql = std::string("SELECT ") + kJobColumns + " FROM jobs WHERE id = ?1";
    SqliteStatement row = m_connection.prepare(sql.c_str());
    row.bind(1, jobId);
    if (!row.step())
        return std::nullopt;
    Job job = readJob(row);
    SqliteStatement attempts = m_connection.prepare(
        "SELECT id, job_id, started_at_ms, duration_ms, http_status, error_class, response_excerpt, "
        "request_excerpt FROM job_attempts WHERE job_id = ?1 ORDER BY id");
    attempts.bind(1, jobId);
    while (attempts.step()) {
        JobAttempt attempt;
        attempt.id = attempts.int64(0);
        attempt.jobId = attempts.int64(1);
        attempt.startedAtMs = attempts.int64(2);
        attempt.durationMs = attempts.int64(3);
        if (!attempts.isNull(4))
            attempt.httpStatus = static_cast<int>(attempts.int64(4));
        attempt.errorClass = attempts.text(5);
        attempt.responseExcerpt = attempts.text(6);
        attempt.requestExcerpt = attempts.text(7);
        job.attemptLog.push_back(std::move(attempt));
    }
    return job;
}

} // namespace billbridge::store
