#pragma once

#include "customers/customerhistory.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace billbridge::customers {

// One row of a customer's timeline. The raw bytes are read, digested and dropped, so that a long history
// stays small in memory.
struct TimelineEntry {
    QString eventId;
    QString type;
    std::int64_t created = 0; // Unix seconds
    std::int64_t seq = 0;
    EventDigest digest;

    bool isUpdate() const { return type.endsWith(QLatin1String(".updated")); }
};

struct CustomerTimeline {
    enum class Outcome {
        Loaded,
        NoEvents,     // the store holds no event for this customer
        UnknownEmail, // no stored event carries this address
        StoreMissing, // there is no store file at the path yet
        StoreFailed,  // the store could not be read; storeError says why
    };

    Outcome outcome = Outcome::NoEvents;
    // What was asked for, as typed.
    QString query;
    QString customerId;
    // Oldest first by (created, seq).
    std::vector<TimelineEntry> entries;
    CustomerState state;
    // More events exist than the cap: only the newest `cap` are in entries and state.
    bool truncated = false;
    QString storeError;
};

// Reads one customer's history from a store file. Blocking, on a read connection of its own: call it on
// a worker thread. Never throws.
class CustomerTimelineLoader final {
public:
    static constexpr int kDefaultCap = 10000;

    // `query` is a customer id (cus_…) or an email address; an address is resolved to the customer of the
    // newest event that carries it.
    static CustomerTimeline load(const QString& storePath, const QString& query, int cap = kDefaultCap);

    static bool looksLikeEmail(const QString& query);
};

} // namespace billbridge::customers
