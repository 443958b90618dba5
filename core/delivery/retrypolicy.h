#pragma once

#include "customerio/customerioclient.h"

#include <QJsonObject>
#include <QString>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace billbridge::delivery {

// When and how often failed requests are tried again. The defaults spread eight attempts over about a day;
// an installation (or a test) may use a shorter schedule.
struct RetrySchedule {
    int maxAttempts = 8; // failures other than 429 before a job is dead
    // Delay before the next attempt after the n-th failure (the last entry repeats); ± jitter.
    std::vector<std::chrono::milliseconds> backoff = {
        std::chrono::seconds(30), std::chrono::minutes(2), std::chrono::minutes(10), std::chrono::minutes(30),
        std::chrono::hours(1),    std::chrono::hours(3),   std::chrono::hours(6),    std::chrono::hours(12)};
    double jitter = 0.2;
    // 429 without Retry-After: base × 2^(n-1), at most the cap, ± jitter.
    std::chrono::milliseconds rateLimitBase = std::chrono::seconds(1);
    std::chrono::milliseconds rateLimitCap = std::chrono::minutes(5);
    std::chrono::seconds maxRetryAfter = std::chrono::hours(1);
    // 429s do not count against maxAttempts, but a job never gets more attempts than this in all.
    int attemptCap = 50;
};

enum class RetryVerdict { Succeeded, RetryAt, Dead, NeedsReview, PauseQueue };

struct RetryDecision {
    RetryVerdict verdict = RetryVerdict::Succeeded;
    std::int64_t retryAtMs = 0;       // RetryAt: when the job is due again
    std::int64_t holdLaneUntilMs = 0; // a 429: no request of the job's lane starts before this (0: none)
    QString errorClass;               // customerio::toString(kind), or "unreadable-payload"
    QString message;                  // the reason, for the job's last error and for the pause
};

// One answered attempt as the policy sees it.
struct RetryInput {
    QString operation;
    QJsonObject payload;
    int attempt = 1;           // this attempt's number, counting every attempt of the job
    int rateLimitedBefore = 0; // earlier attempts answered 429
    std::optional<customerio::CustomerIoResult> result; // none: the payload could not be read
    QString unreadableReason;                           // why requestOf failed, when it did
    std::int64_t nowMs = 0;
};

// Decides what happens to a job after an attempt: a pure function of its input and the random source
// (which returns numbers in [0, 1) and spreads retries so that failed jobs do not come back together).
class RetryPolicy final {
public:
    using Random = std::function<double()>;

    static constexpr auto kUnreadablePayload = "unreadable-payload";

    explicit RetryPolicy(RetrySchedule schedule = {});

    const RetrySchedule& schedule() const { return m_schedule; }
    RetryDecision decide(const RetryInput& input, const Random& random) const;

    // What an operator has to do for an error that pauses the queue; empty for the other errors.
    static QString pauseReason(const QString& operation, const customerio::CustomerIoError& error);
    // Why a request that may have been applied waits for an operator instead of being sent again.
    static QString unknownOutcomeReason(const customerio::CustomerIoError& error);

private:
    std::int64_t backoffMs(int failures, const Random& random) const;
    std::int64_t rateLimitMs(int rateLimited, const Random& random) const;
    std::int64_t jittered(double ms, const Random& random) const;

    RetrySchedule m_schedule;
};

} // namespace billbridge::delivery
