#pragma once

#include "demo/demoevent.h"
#include "demo/storykind.h"

#include <array>
#include <cstdint>
#include <vector>

namespace billbridge::demo {

struct DemoOptions {
    int customers = 300;
    int days = 90;
    std::uint64_t seed = 1;
    // The end of the window in Unix seconds; events are never later. Same seed and same end: the same
    // bytes.
    std::int64_t endTime = 0;
};

// A made-up but schema-faithful Stripe billing history (test mode, API version 2026-07-29.dahlia) for
// a fictional SaaS: customers sign up across the window and live through the stories in StoryKind.
class DemoHistory final {
public:
    static DemoHistory generate(const DemoOptions& options);

    const DemoOptions& options() const { return m_options; }
    // In creation order; events of one second keep the order their story emitted them in.
    const std::vector<DemoEvent>& events() const { return m_events; }
    // How many events complete a story of this kind.
    int storyCount(StoryKind kind) const { return m_storyCounts[static_cast<std::size_t>(kind)]; }

private:
    DemoOptions m_options;
    std::vector<DemoEvent> m_events;
    std::array<int, kStoryKindCount> m_storyCounts{};
};

} // namespace billbridge::demo
