#include "mainwindow/eventrate.h"

namespace billbridge::widgets {

namespace {

// Below this span a single burst would read as an absurd rate.
constexpr std::int64_t kMinimumSpanMs = 1'000;

} // namespace

void EventRate::add(const QDateTime& at, std::int64_t events)
{
    const std::int64_t atMs = at.toMSecsSinceEpoch();
    // A smaller count means another store or a cleared one: the old samples say nothing about it.
    if (!m_samples.empty() && (events < m_samples.back().events || atMs < m_samples.back().atMs))
        m_samples.clear();
    m_samples.push_back({atMs, events});
    while (m_samples.size() > 2 && atMs - m_samples.front().atMs > kWindowMs)
        m_samples.pop_front();
}

std::optional<double> EventRate::perMinute() const
{
    if (m_samples.size() < 2)
        return std::nullopt;
    const std::int64_t span = m_samples.back().atMs - m_samples.front().atMs;
    if (span < kMinimumSpanMs)
        return std::nullopt;
    const auto grown = static_cast<double>(m_samples.back().events - m_samples.front().events);
    return grown * 60'000.0 / static_cast<double>(span);
}

} // namespace billbridge::widgets
