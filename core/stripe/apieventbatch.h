#pragma once

#include "store/eventrecord.h"
#include "stripe/eventpage.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace billbridge::stripe {

// A page of the Events API turned into store records, oldest first (so local sequence numbers follow
// Stripe's order). Entries that are not snapshot events Billbridge can index are left out and counted:
// one unreadable event must not hold back the cursor for all the others.
struct ApiEventBatch {
    std::vector<store::IncomingEvent> events;
    int skipped = 0;
    std::optional<std::int64_t> newestCreated;
    std::optional<std::int64_t> oldestCreated;

    static ApiEventBatch fromPage(const EventPage& page, store::EventSource source);
};

} // namespace billbridge::stripe
