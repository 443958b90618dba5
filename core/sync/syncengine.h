#pragma once

#include "rules/ruleengine.h"
#include "store/eventrecord.h"
#include "store/eventwriter.h"
#include "store/jobrecord.h"
#include "sync/profileattributes.h"
#include "sync/syncplanner.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace billbridge::store {
class SqliteConnection;
}

namespace billbridge::sync {

// Turns each newly stored Stripe event into Customer.io jobs, inside the writer's transaction: the
// customer's SyncState (sync_customers), the decision for the event (sync_decisions) and the jobs are
// committed together with the event or not at all. Everything is read from the connection it is handed,
// so plan mappings edited by operators apply from the next event on and nothing is cached between
// transactions. The Customer.io id is the Stripe customer id.
class SyncEngine final {
public:
    using Clock = std::function<std::int64_t()>; // milliseconds since the epoch

    // `options.nowMs` is ignored: the clock sets it for each event.
    explicit SyncEngine(SyncOptions options = {}, Clock clock = {});

    // The writer's JobPlanner. Throws StoreError when the store cannot be read or written, so that the
    // writer refuses the event and the sender delivers it again; a damaged stored state does not throw.
    std::vector<store::NewJob> planEvent(store::SqliteConnection& connection,
                                         const store::IncomingEvent& event);

    // Makes `writer` plan jobs with an engine of its own. Call before writer.start().
    static void install(store::EventWriter& writer, SyncOptions options = {}, Clock clock = {});
    // install() with the names and horizon of the settings (SyncSettings), unless the environment says
    // BILLBRIDGE_SYNC=off: operators who only want events recorded (no Customer.io jobs) set it for serve,
    // backfill and the console. Problems in the settings are logged as warnings. True when installed.
    static bool installUnlessDisabled(store::EventWriter& writer);
    static bool disabledByEnvironment();

private:
    std::int64_t now() const;

    SyncOptions m_options;
    Clock m_clock;
    rules::RuleEngine m_rules; // the operators' rules, run after the built-in plan
};

} // namespace billbridge::sync
