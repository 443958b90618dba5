#pragma once

#include "store/jobrecord.h"
#include "store/sqlite.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace billbridge::store {

// The durable queue of Customer.io requests (tables jobs, job_attempts, queue_state). Each call is its own
// short BEGIN IMMEDIATE transaction on the queue's own connection, waiting out the intake writer's lock
// through the connection's busy timeout; several queues (worker threads, the console, the CLI) may share a
// store, and claiming is atomic across them. Throws StoreError.
class JobQueue final {
public:
    using Clock = std::function<std::int64_t()>; // milliseconds since the epoch

    static constexpr int kExcerptLimitBytes = 2048;

    explicit JobQueue(SqliteConnection connection, Clock clock = {});
    static JobQueue open(const QString& path, Clock clock = {});

    // Adds the job, or finds the one with the same idempotency key. Throws StoreError for a job without
    // an operation of the track or app API, or without a key.
    Enqueued enqueue(const NewJob& job);
    // The same inside the caller's open transaction (the event writer's): neither begins nor commits.
    static Enqueued enqueueIn(SqliteConnection& connection, const NewJob& job, std::int64_t nowMs);

    // Moves up to `limit` due pending or retry_scheduled jobs to in_flight, earliest not_before first, and
    // returns them in that order. An empty `api` claims from both APIs.
    std::vector<Job> claimDue(int limit, const QString& api = {});

    // Adds one attempt to an existing job and counts it.
    std::int64_t recordAttempt(std::int64_t jobId, const JobAttempt& attempt);
    // Transitions of a claimed (in_flight) job; false when the job is not in flight.
    bool succeed(std::int64_t jobId);
    bool scheduleRetry(std::int64_t jobId, std::int64_t notBeforeMs, const QString& errorClass,
                       const QString& error);
    bool markDead(std::int64_t jobId, const QString& errorClass, const QString& reason);
    bool markNeedsReview(std::int64_t jobId, const QString& reason);

    // After a crash nothing is really in flight. Jobs whose request Customer.io deduplicates go back to
    // pending; the others may have reached Customer.io already and wait for an operator.
    RecoveryResult recoverInFlight();
    static bool isSafeToResend(const QString& operation, const QJsonObject& payload);

    // Operator actions. retry: dead, needs_review and discarded jobs become pending and due now (their
    // attempt count is kept); returns how many changed.
    int retry(const std::vector<std::int64_t>& ids);
    // The jobs matching `filter` that retry() would move; with dryRun nothing changes.
    RetrySelection retryMatching(const JobFilter& filter, bool dryRun);
    // Pending, retry_scheduled, dead and needs_review jobs are never sent; returns how many changed.
    int discard(const std::vector<std::int64_t>& ids, const QString& reason);
    // The operator checked that a needs_review job did reach Customer.io.
    bool resolveSent(std::int64_t jobId);

    std::map<JobState, std::int64_t> counts();
    // Newest update first (keyset paging).
    JobPage list(const JobFilter& filter, std::optional<JobCursor> after = std::nullopt, int limit = 100);
    std::optional<Job> find(std::int64_t jobId);

    // Workers stop claiming while paused; the flag survives restarts.
    void pause(const QString& reason);
    void resume();
    PauseState pauseState();

private:
    std::int64_t now() const;
    bool transition(std::int64_t jobId, JobState to, std::optional<std::int64_t> notBeforeMs,
                    const QString& errorClass, const QString& error);

    SqliteConnection m_connection;
    Clock m_clock;
};

} // namespace billbridge::store
