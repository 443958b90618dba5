#pragma once

#include <cstdint>

namespace billbridge::delivery {

// A token bucket over a monotonic clock that the caller reads (milliseconds; any origin). It refills at
// `ratePerSecond` up to a capacity of max(1, rate × 0.1 s) and starts full, so that in any window of T
// seconds at most rate × T + capacity requests start: short bursts are smoothed, never stored up.
class TokenBucket final {
public:
    explicit TokenBucket(double ratePerSecond = 1.0, std::int64_t nowMs = 0);

    double ratePerSecond() const { return m_rate; }
    double capacity() const { return m_capacity; }

    // 0 when a token was available (and is now taken); otherwise how many milliseconds until one will be,
    // and nothing is taken.
    std::int64_t take(std::int64_t nowMs);
    // How many milliseconds until take() would succeed; takes nothing.
    std::int64_t waitMs(std::int64_t nowMs) const;
    // Whole tokens available now, for claiming that many jobs at once.
    int available(std::int64_t nowMs) const;

    // Stops the lane until `untilMs` (a 429 with Retry-After): no token is handed out before, and the
    // bucket starts again with a single token, so the lane does not send a burst the moment the wait ends.
    void holdUntil(std::int64_t untilMs);
    std::int64_t heldUntilMs() const { return m_heldUntilMs; }

private:
    double tokensAt(std::int64_t nowMs) const;

    double m_rate;
    double m_capacity;
    double m_tokens;
    std::int64_t m_updatedMs;
    std::int64_t m_heldUntilMs = 0;
};

} // namespace billbridge::delivery
