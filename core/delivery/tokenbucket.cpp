#include "delivery/tokenbucket.h"

#include <algorithm>
#include <cmath>

namespace billbridge::delivery {

namespace {

constexpr double kBurstSeconds = 0.1;
constexpr double kMinimumRate = 1e-6;

} // namespace

TokenBucket::TokenBucket(double ratePerSecond, std::int64_t nowMs)
    : m_rate(std::max(ratePerSecond, kMinimumRate))
    , m_capacity(std::max(1.0, m_rate * kBurstSeconds))
    , m_tokens(m_capacity)
    , m_updatedMs(nowMs)
{}

double TokenBucket::tokensAt(std::int64_t nowMs) const
{
    const std::int64_t from = std::max(m_updatedMs, m_heldUntilMs);
    if (nowMs <= from)
        return nowMs < m_heldUntilMs ? 0.0 : m_tokens;
    return std::min(m_capacity, m_tokens + static_cast<double>(nowMs - from) * m_rate / 1000.0);
}

std::int64_t TokenBucket::waitMs(std::int64_t nowMs) const
{
    if (nowMs < m_heldUntilMs)
        return m_heldUntilMs - nowMs;
    const double tokens = tokensAt(nowMs);
    if (tokens >= 1.0)
        return 0;
    // Rounded up, so that the caller coming back after this wait finds a whole token.
    return std::max<std::int64_t>(
        1, static_cast<std::int64_t>(std::ceil((1.0 - tokens) * 1000.0 / m_rate - 1e-6)));
}

int TokenBucket::available(std::int64_t nowMs) const
{
    if (nowMs < m_heldUntilMs)
        return 0;
    return static_cast<int>(std::floor(tokensAt(nowMs)));
}

std::int64_t TokenBucket::take(std::int64_t nowMs)
{
    const std::int64_t wait = waitMs(nowMs);
    if (wait > 0)
        return wait;
    m_tokens = tokensAt(nowMs) - 1.0;
    m_updatedMs = std::max(nowMs, m_updatedMs);
    return 0;
}

void TokenBucket::holdUntil(std::int64_t untilMs)
{
    if (untilMs <= m_heldUntilMs)
        return;
    m_heldUntilMs = untilMs;
    m_tokens = std::min(1.0, m_capacity);
    m_updatedMs = std::max(m_updatedMs, untilMs);
}

} // namespace billbridge::delivery
