#pragma once

#include "rules/rule.h"
#include "rules/ruleengine.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace billbridge::store {
class SqliteConnection;
}

namespace billbridge::rules {

// One job a rule would create, spelled out for an operator.
struct JobPreview {
    QString operation; // track.track, app.sendEmail, slack.post …
    QString idempotencyKey;
    std::int64_t notBeforeMs = 0;
    QString exits;   // JobExits JSON; empty for immediate jobs
    QString verb;    // POST, PUT; empty for slack.post
    QString path;    // request path ("/customers/cus_1/events"); the webhook name for slack.post
    QByteArray body; // the exact request body
};
std::vector<JobPreview> previewsOf(const std::vector<store::NewJob>& jobs);

struct RuleTestResult {
    QString ruleId;
    bool fired = false;
    QString reason;
    std::vector<JobPreview> jobs;
};

struct EventTestReport {
    QString eventId;
    QString eventType;
    QString customerId;
    QString verdict; // the sync engine's recorded verdict for the event, "applied" when none is recorded
    std::vector<RuleTestResult> rules;
};

struct WhatIfSample {
    QString eventId;
    QString eventType;
    QString customerId;
    std::int64_t created = 0; // Unix seconds
};

struct WhatIfRuleResult {
    QString ruleId;
    int matchedEvents = 0;
    int distinctCustomers = 0;
    QMap<QString, int> actionsByType; // action type name -> jobs it would make
    QList<WhatIfSample> samples;      // the newest few matches
};

struct WhatIfReport {
    std::int64_t fromSeconds = 0; // events created at or after this were read
    int eventsScanned = 0;        // events of trigger types in the window
    bool canceled = false;
    std::vector<WhatIfRuleResult> rules; // one per rule, in the given order
};

// Tries rules against stored events without enqueueing anything: read-only, any connection.
//
// Derived values come from the customer's CURRENT sync state (what Billbridge last told Customer.io), not
// the state at the event's time, and every event is treated as live news (the history horizon is not
// applied), so the answer says what a rule does with events like these today.
class RuleTester final {
public:
    static constexpr int kSamplesPerRule = 5;

    using Progress = std::function<void(int done, int total)>;

    // nullopt with `error` set when the event is not stored.
    static std::optional<EventTestReport> test(store::SqliteConnection& connection, const QString& eventId,
                                               const QList<Rule>& rules, QString* error = nullptr);
    // Over stored events created in the last `days` days (before `nowMs`) whose type is a trigger of any
    // rule. Only those events are read, and of each only what the rules can look at; each customer's state
    // at most once per reader, and only when a rule needs it. The window is cut into pieces (trigger type by
    // time slice) that the calling thread and up to three more read in parallel, each of those on its own
    // read-only connection to the same file (a WAL store lets readers run side by side); the tallies are
    // merged in one scan's order, so the answer, samples included, is what one reader would find. Counts
    // are RuleEngine::decide's (the checks of evaluate(), without building the jobs). Exits stored before
    // an event (RuleInput::storedExit) are not looked up: the what-if counts the events a rule matches.
    // `progress` (may be empty) is called now and then, only on the calling thread; setting `cancel` stops
    // early with `canceled` set.
    static WhatIfReport whatIf(store::SqliteConnection& connection, const QList<Rule>& rules, int days,
                               std::int64_t nowMs, const Progress& progress = {},
                               const std::atomic_bool* cancel = nullptr);
};

} // namespace billbridge::rules
