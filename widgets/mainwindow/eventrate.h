#pragma once

#include <QDateTime>

#include <cstdint>
#include <deque>
#include <optional>

namespace billbridge::widgets {

// Events per minute from successive store counts. The store keeps no arrival history the console could ask
// cheaply, so the rate is the growth of the count over the last minute of snapshots.
class EventRate final {
public:
    static constexpr std::int64_t kWindowMs = 60'000;

    void add(const QDateTime& at, std::int64_t events);
    void clear() { m_samples.clear(); }
    // Empty until two snapshots some seconds apart are known.
    std::optional<double> perMinute() const;

private:
    struct Sample {
        std::int64_t atMs = 0;
        std::int64_t events = 0;
    };
    std::deque<Sample> m_samples;
};

} // namespace billbridge::widgets
