#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace billbridge::store {

// pending → in_flight → succeeded | retry_scheduled | dead | needs_review; operators move dead, needs_review
// and discarded jobs back to pending, discard what should never be sent, and resolve needs_review by hand.
enum class JobState { Pending, InFlight, Succeeded, RetryScheduled, Dead, NeedsReview, Discarded };
inline constexpr int kJobStateCount = 7;

QString jobStateName(JobState state);
std::optional<JobState> jobStateFromName(const QString& name);

// What the sync engine asks to be sent. The API ("track", "app" or "slack") is the operation's prefix.
struct NewJob {
    QString operation; // a request builder's name: track.identify, track.track, app.sendEmail,
                       // app.triggerBroadcast …
    QString customerId;
    QString idempotencyKey;       // one job per key, however often the causing event is delivered or replayed
    QJsonObject payload;          // the request, as delivery::payloadOf writes it
    QString eventId;              // the Stripe event that caused it; empty for operator-made jobs
    std::int64_t notBeforeMs = 0; // 0: due at once
    QString ruleId;               // the rule whose action made the job; empty for the built-in sync
    int ruleVersion = 0;
    // A delayed rule action's exits, compact JSON (rules::JobExits):
    // {"on":["invoice.paid","invoice.voided"],"invoice":"in_1","subscription":"sub_1"}. An event of a listed
    // type about the same invoice / subscription (or customer.deleted) discards the job while it waits.
    QString exits;
    // The idempotency key of a job that must finish before this one may go (an identity lookup). While
    // that job is pending, in flight or waiting for a retry, this one is held (JobQueue::kHeldNotBeforeMs).
    QString heldByKey;
};

struct Enqueued {
    std::int64_t id = 0;
    bool created = false; // false: a job with that idempotency key already existed
};

// One HTTP exchange with Customer.io. Excerpts are capped (JobQueue::kExcerptLimitBytes) when stored.
struct JobAttempt {
    std::int64_t id = 0;
    std::int64_t jobId = 0;
    std::int64_t startedAtMs = 0;
    std::int64_t durationMs = 0;
    std::optional<int> httpStatus; // none when no response arrived (timeout, connection refused)
    QString errorClass;            // empty on success
    QString responseExcerpt;
    QString requestExcerpt;
};

struct Job {
    std::int64_t id = 0;
    QString operation;
    QString api;
    QString customerId;
    QString idempotencyKey;
    QJsonObject payload;
    QString eventId;
    JobState state = JobState::Pending;
    std::int64_t notBeforeMs = 0;
    int attempts = 0;
    QString lastErrorClass;
    QString lastError;
    std::int64_t createdAtMs = 0;
    std::int64_t updatedAtMs = 0;
    QString discardReason;
    QString ruleId;
    int ruleVersion = 0;
    QString exits;
    std::int64_t heldBy = 0;            // the job this one waits for; 0: none
    std::vector<JobAttempt> attemptLog; // filled by JobQueue::find only, oldest first
    // Earlier attempts answered 429, which do not count against the failure budget; filled by the
    // filtered JobQueue::claimDue only.
    int rateLimitedAttempts = 0;
};

// The error class of an attempt answered 429 (customerio::toString(CustomerIoErrorKind::RateLimited)).
inline constexpr char kRateLimitedErrorClass[] = "rate-limited";

// Which due jobs a worker claims: the API ("track", "app"; empty for both) and operation lists (empty for
// no restriction). A worker claims one rate-limit lane at a time, so that a job waiting for its lane's
// token stays pending in the store instead of sitting in flight.
struct ClaimFilter {
    QString api;
    std::vector<QString> operationsIn;
    std::vector<QString> operationsNotIn;
};

struct ClaimRequest {
    int limit = 0;
    ClaimFilter filter;
};

// The outcome of one answered (or unsendable) claimed job, applied by JobQueue::complete together with
// the others of its batch in one transaction. `to` is Succeeded, RetryScheduled, Dead, NeedsReview or
// Pending (back in the queue, due at notBeforeMs, e.g. when the queue was paused by this answer).
struct Completion {
    std::int64_t jobId = 0;
    std::optional<JobAttempt> attempt; // none when nothing was sent (an unreadable payload)
    JobState to = JobState::Succeeded;
    std::int64_t notBeforeMs = 0; // RetryScheduled and Pending only
    QString errorClass;
    QString error;
    // The whole answer body, not stored: for JobQueue's settled-job hook (an identity lookup's people).
    QByteArray answer;
};

// Empty members match everything; the time range applies to updated_at_ms, both ends inclusive.
struct JobFilter {
    std::vector<JobState> states;
    QString operation;
    QString customerId;
    QString errorClass;
    std::optional<std::int64_t> fromMs;
    std::optional<std::int64_t> toMs;
    std::vector<std::int64_t> ids; // only these jobs (what one operator action made)
};

// Where the next page of JobQueue::list starts: just after the last job of the previous one.
struct JobCursor {
    std::int64_t updatedAtMs = 0;
    std::int64_t id = 0;
};

struct JobPage {
    std::vector<Job> jobs;
    std::optional<JobCursor> next;
};

struct RecoveryResult {
    int requeued = 0;    // safe to send again: Customer.io deduplicates them
    int needsReview = 0; // may already have been sent; an operator decides
};

struct RetrySelection {
    int count = 0;
    std::vector<std::int64_t> ids;
};

struct PauseState {
    bool paused = false;
    QString reason;
    std::int64_t changedAtMs = 0;
};

} // namespace billbridge::store
