#include "stripe/retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace billbridge::stripe {

RetryPolicy::RetryPolicy(int maxAttempts, std::chrono::milliseconds baseDelay,
                         std::chrono::milliseconds maxDelay)
    : m_maxAttempts(std::max(1, maxAttempts))
    , m_baseDelay(std::max(baseDelay, std::chrono::milliseconds(0)))
    , m_maxDelay(std::max(maxDelay, baseDelay))
{}

std::chrono::milliseconds RetryPolicy::backoff(int attemptsMade) const
{
    const int exponent = std::clamp(attemptsMade - 1, 0, 30);
    const double uncapped = static_cast<double>(m_baseDelay.count()) * std::pow(2.0, exponent);
    const double capped = std::min(uncapped, static_cast<double>(m_maxDelay.count()));
    const double random =
        m_random ? std::clamp(m_random(), 0.0, 1.0) : QRandomGenerator::global()->generateDouble();
    return std::chrono::milliseconds(static_cast<std::int64_t>(capped * (0.5 + 0.5 * random)));
}

RetryPolicy::Decision RetryPolicy::decide(const StripeError& error, int attemptsMade) const
{
    Decision decision;
    switch (error.kind) {
    case StripeErrorKind::KeyRejected:
    case StripeErrorKind::PermissionDenied:
    case StripeErrorKind::InvalidRequest:
        decision.reason = QStringLiteral("retrying cannot change this answer");
        return decision;
    case StripeErrorKind::Aborted:
        decision.reason = QStringLiteral("the request was cancelled");
        return decision;
    case StripeErrorKind::RateLimited:
    case StripeErrorKind::Server:
        if (error.shouldRetry == false) {
            decision.reason = QStringLiteral("Stripe answered Stripe-Should-Retry: false");
            return decision;
        }
        break;
    case StripeErrorKind::Network:
    case StripeErrorKind::Timeout:
    case StripeErrorKind::BadResponse:
        break;
    }
    if (attemptsMade >= m_maxAttempts) {
        decision.reason = QStringLiteral("gave up after %1 attempts").arg(attemptsMade);
        return decision;
    }
    decision.retry = true;
    decision.delay = backoff(attemptsMade);
    if (error.retryAfter) {
        const auto asked = std::chrono::duration_cast<std::chrono::milliseconds>(*error.retryAfter);
        decision.delay = std::max(decision.delay, std::min(asked, m_maxDelay));
    }
    decision.reason = QStringLiteral("attempt %1 of %2").arg(attemptsMade + 1).arg(m_maxAttempts);
    return decision;
}

} // namespace billbridge::stripe
