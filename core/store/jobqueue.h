#pragma once

#include "store/jobrecord.h"
#include "store/sqlite.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <vector>

namespace billbridge::store {

// An operator's action, written to the audit log in the transaction that makes the change, so that a change
// is never made without its entry (nor the entry without the change).
struct OperatorAudit {
    QString action;  // "queue.retry"
    QString subject; // "jobs", a job id
    QJsonObject details;
    QString countKey; // when set, how many jobs changed goes into the details under this key
};

// The durable queue of Customer.io requests (tables jobs, job_attempts, queue_state). Each call is its own
// short BEGIN IMMEDIATE transaction on the queue's own connection, waiting out the intake writer's lock
// through the connection's busy timeout; several queues (worker threads, the console, the CLI) may share a
// store, and claiming is atomic across them. Throws StoreError.
class JobQueue final {
public:
    using Clock = std::function<std::int64_t()>; // milliseconds since the epoch

    static constexpr int kExcerptLimitBytes = 2048;
    // The not_before_ms of a job held by another (NewJob::heldByKey): never due until released.
    static constexpr std::int64_t kHeldNotBeforeMs = std::numeric_limits<std::int64_t>::max();

    // Runs inside complete()'s transaction for each job it moves to succeeded or dead, before the jobs held
    // by that one are released (a hook may hand them on to a job of its own by pointing their held_by at it).
    // The identity resolution (sync::IdentityResolution) uses it to act on a lookup's answer.
    using SettledHook = std::function<void(SqliteConnection& connection, const Job& job,
                                           const Completion& completion, std::int64_t nowMs)>;

    explicit JobQueue(SqliteConnection connection, Clock clock = {});
    static JobQueue open(const QString& path, Clock clock = {});

    // Adds the job, or finds the one with the same idempotency key. Throws StoreError for a job without
    // an operation of the track or app API, or without a key.
    Enqueued enqueue(const NewJob& job);
    // The same inside the caller's open transaction (the event writer's): neither begins nor commits.
    static Enqueued enqueueIn(SqliteConnection& connection, const NewJob& job, std::int64_t nowMs);
    // Lets the jobs held by `holderId` go: due now, no longer held. Inside the caller's transaction;
    // returns how many were released.
    static int releaseHeldIn(SqliteConnection& connection, std::int64_t holderId, std::int64_t nowMs);

    // Moves up to `limit` due pending or retry_scheduled jobs to in_flight, earliest not_before first, and
    // returns them in that order. An empty `api` claims from both APIs.
    std::vector<Job> claimDue(int limit, const QString& api = {});
    // The same for the jobs `filter` selects; each claimed job also says how many of its attempts were
    // answered 429 (Job::rateLimitedAttempts).
    std::vector<Job> claimDueIn(int limit, const ClaimFilter& filter);
    // When the earliest pending or retry_scheduled job `filter` selects is due; nullopt when none waits.
    std::optional<std::int64_t> nextDueMs(const ClaimFilter& filter = {});
    // Changes whenever another connection commits to the store: a cheap "anything new?" for pollers.
    std::int64_t dataVersion();

    // Adds one attempt to an existing job and counts it.
    std::int64_t recordAttempt(std::int64_t jobId, const JobAttempt& attempt);
    // Transitions of a claimed (in_flight) job; false when the job is not in flight.
    bool succeed(std::int64_t jobId);
    bool scheduleRetry(std::int64_t jobId, std::int64_t notBeforeMs, const QString& errorClass,
                       const QString& error);
    bool markDead(std::int64_t jobId, const QString& errorClass, const QString& reason);
    bool markNeedsReview(std::int64_t jobId, const QString& reason);
    // Records the attempts and applies the transitions of many claimed jobs in one transaction (one
    // durable commit for all answers a worker received at once). Transitions of jobs no longer in flight
    // are skipped, their attempts still recorded. Returns how many jobs changed state.
    int complete(const std::vector<Completion>& completions);
    // complete() and then claimDueIn() for each request in order, at most `budget` jobs in all, in ONE
    // transaction: a busy worker pays one durable commit per turn. Returns the claimed jobs per request.
    std::vector<std::vector<Job>> completeAndClaim(const std::vector<Completion>& completions,
                                                   const std::vector<ClaimRequest>& claims, int budget);

    // After a crash nothing is really in flight. Jobs whose request Customer.io deduplicates go back to
    // pending; the others may have reached Customer.io already and wait for an operator.
    RecoveryResult recoverInFlight();
    static bool isSafeToResend(const QString& operation, const QJsonObject& payload);

    // Operator actions. retry: dead, needs_review and discarded jobs become pending and due now (their
    // attempt count is kept); returns how many changed.
    // With `audit`, the entry is appended in the same transaction when anything changed (pause and resume:
    // always).
    int retry(const std::vector<std::int64_t>& ids, const OperatorAudit* audit = nullptr);
    // The jobs matching `filter` that retry() would move; with dryRun nothing changes.
    RetrySelection retryMatching(const JobFilter& filter, bool dryRun);
    // Pending, retry_scheduled, dead and needs_review jobs are never sent; returns how many changed.
    int discard(const std::vector<std::int64_t>& ids, const QString& reason,
                const OperatorAudit* audit = nullptr);
    // The operator checked that a needs_review job did reach Customer.io.
    bool resolveSent(std::int64_t jobId, const OperatorAudit* audit = nullptr);

    std::map<JobState, std::int64_t> counts();
    // Newest update first (keyset paging).
    JobPage list(const JobFilter& filter, std::optional<JobCursor> after = std::nullopt, int limit = 100);
    std::optional<Job> find(std::int64_t jobId);

    void setSettledHook(SettledHook hook) { m_settledHook = std::move(hook); }

    // Workers stop claiming while paused; the flag survives restarts.
    void pause(const QString& reason, const OperatorAudit* audit = nullptr);
    void resume(const OperatorAudit* audit = nullptr);
    PauseState pauseState();

private:
    std::int64_t now() const;
    std::vector<Job> claimIn(int limit, const ClaimFilter& filter, std::int64_t at);
    int completeIn(const std::vector<Completion>& completions, std::int64_t at);
    bool transition(std::int64_t jobId, JobState to, std::optional<std::int64_t> notBeforeMs,
                    const QString& errorClass, const QString& error);

    SqliteConnection m_connection;
    Clock m_clock;
    SettledHook m_settledHook;
};

} // namespace billbridge::store
