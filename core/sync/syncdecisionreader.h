#pragma once

#include "store/jobrecord.h"
#include "sync/syncplanner.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace billbridge::store {
class SqliteConnection;
}

namespace billbridge::sync {

// One job the sync engine (or a rule it ran) made for the event.
struct SyncDecisionJob {
    std::int64_t id = 0;
    QString operation;
    store::JobState state = store::JobState::Pending;
    QString ruleId; // empty: the built-in sync made it
    int ruleVersion = 0;
    QString idempotencyKey;
};

// What Billbridge did with one stored Stripe event: the engine's decision (sync_events) and the jobs that
// name the event.
struct SyncDecision {
    // False when no decision was recorded: the event was stored while sync was off (BILLBRIDGE_SYNC=off,
    // or before the store knew about sync). Jobs may still name the event (a later replay, say).
    bool planned = false;
    std::optional<Verdict> verdict; // none for a verdict this version does not know (see verdictName)
    QString verdictName;            // as stored: "applied", "stale", "history", "ignored", "malformed"
    QString reason;
    QString customerId;
    int plannedJobs = 0; // how many jobs the decision made, as recorded with it
    std::int64_t plannedAtMs = 0;
    std::vector<SyncDecisionJob> jobs; // oldest first
};

// Reads the decision for an event on the caller's connection (a read connection is enough). This is the
// only reader of sync_events outside the engine: a change of that table's key changes this one place.
class SyncDecisionReader final {
public:
    // Throws StoreError when the store cannot be read.
    static SyncDecision read(store::SqliteConnection& connection, const QString& eventId);
};

} // namespace billbridge::sync
