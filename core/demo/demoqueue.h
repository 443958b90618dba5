#pragma once

#include "store/jobrecord.h"

#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>

namespace billbridge::demo {

class DemoHistory;

struct DemoQueueSummary {
    std::array<int, store::kJobStateCount> byState{};
    int total = 0;

    int count(store::JobState state) const { return byState[static_cast<std::size_t>(state)]; }
};

// The Customer.io requests the sync engine would have made from a demo history, with the lives they led
// in the delivery queue: most delivered at once, some after a rate limit or an outage, a few dead, a few
// transactional emails whose fate is unknown, the newest still waiting. The jobs are made by the real
// request builders and moved through the real queue, so the console shows them exactly as it would show
// real ones. The same history and `nowMs` give the same queue.
class DemoQueue final {
public:
    // Why the demo queue is paused: its made-up requests must never reach a real workspace, even when
    // an operator turns delivery on while looking at the demo.
    static QString pauseReason();

    // Adds the jobs to the store at `path`, which holds `history` already, and pauses its queue.
    // Throws store::StoreError.
    static DemoQueueSummary write(const QString& path, const DemoHistory& history, std::int64_t nowMs);
};

} // namespace billbridge::demo
