#pragma once

#include "stripe/stripeerror.h"

#include <QString>

#include <chrono>
#include <functional>

namespace billbridge::stripe {

// When and how long to wait before repeating a failed read (GET) against Stripe. Reads have no side
// effects, so everything that may be transient is retried; what cannot change by waiting is not:
//   401, 403, 400/404           never (the key, a permission or the request itself is wrong)
//   429                         exponential backoff with jitter, unless Stripe-Should-Retry: false
//   5xx                         the same (Stripe-Should-Retry: false is respected here too)
//   network, timeout, unreadable the same
// A Retry-After from Stripe lengthens the wait, up to maxDelay.
class RetryPolicy final {
public:
    struct Decision {
        bool retry = false;
        std::chrono::milliseconds delay{0};
        QString reason; // why not, when retry is false; what is being waited for otherwise
    };

    // Defaults for a long, unattended run such as a backfill: 8 attempts, 1 s doubling up to 60 s.
    RetryPolicy() = default;
    RetryPolicy(int maxAttempts, std::chrono::milliseconds baseDelay, std::chrono::milliseconds maxDelay);

    // attemptsMade: how many requests were sent so far for this page (1 after the first failure).
    Decision decide(const StripeError& error, int attemptsMade) const;
    // The wait after `attemptsMade` failures: min(base·2^(n-1), max), then jittered to 50–100 %.
    std::chrono::milliseconds backoff(int attemptsMade) const;

    // Jitter spreads clients apart after a shared outage; tests pin it. Returns values in [0, 1).
    void setRandomSource(std::function<double()> random) { m_random = std::move(random); }

    int maxAttempts() const { return m_maxAttempts; }
    std::chrono::milliseconds baseDelay() const { return m_baseDelay; }
    std::chrono::milliseconds maxDelay() const { return m_maxDelay; }

private:
    int m_maxAttempts = 8;
    std::chrono::milliseconds m_baseDelay{1000};
    std::chrono::milliseconds m_maxDelay{60'000};
    std::function<double()> m_random;
};

} // namespace billbridge::stripe
