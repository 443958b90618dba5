#include "demo/demohistory.h"

#include "demo/customerstory.h"
#include "demo/democatalog.h"
#include "demo/demoeventsink.h"
#include "demo/demopeople.h"
#include "demo/demorandom.h"

#include <algorithm>

namespace billbridge::demo {

DemoHistory DemoHistory::generate(const DemoOptions& options)
{
    DemoHistory history;
    history.m_options = options;
    const std::int64_t end = options.endTime;
    const std::int64_t window = std::int64_t(std::max(1, options.days)) * 86400;
    const std::int64_t start = end - window;

    DemoRandom catalogRandom = DemoRandom::forStream(options.seed, 0);
    // The catalogue predates the history, as a live account's prices do.
    const DemoCatalog catalog(catalogRandom, start - 200 * 86400);
    DemoPeople people;

    std::vector<DemoEvent> events;
    events.reserve(std::size_t(std::max(0, options.customers)) * 16);
    for (int i = 0; i < options.customers; ++i) {
        DemoRandom random = DemoRandom::forStream(options.seed, std::uint64_t(i) + 1);
        DemoEventSink sink(random, events);
        // Sign-ups leave a little room at the end so the newest customers still have a few events.
        const std::int64_t signup = start + random.between(0, window - window / 50);
        const std::size_t first = events.size();
        CustomerStory story(catalog, people, random, sink, signup, end);
        story.play();
        // The story plays past the window's end; what would happen later has not happened yet.
        events.erase(std::remove_if(events.begin() + std::ptrdiff_t(first), events.end(),
                                    [end](const DemoEvent& event) { return event.created > end; }),
                     events.end());
    }
    // Stable: a customer's events of the same second stay in the order the story emitted them.
    std::stable_sort(events.begin(), events.end(),
                     [](const DemoEvent& a, const DemoEvent& b) { return a.created < b.created; });
    for (const DemoEvent& event : events) {
        for (int kind = 0; kind < kStoryKindCount; ++kind) {
            if (event.stories & (1u << unsigned(kind)))
                ++history.m_storyCounts[std::size_t(kind)];
        }
    }
    history.m_events = std::move(events);
    return history;
}

} // namespace billbridge::demo
