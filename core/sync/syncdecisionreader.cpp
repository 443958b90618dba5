#include "sync/syncdecisionreader.h"

#include "store/sqlite.h"

namespace billbridge::sync {

namespace {

std::optional<Verdict> verdictFromName(const QString& name)
{
    for (const Verdict verdict :
         {Verdict::Applied, Verdict::Stale, Verdict::History, Verdict::Ignored, Verdict::Malformed}) {
        if (toString(verdict) == name)
            return verdict;
    }
    return std::nullopt;
}

} // namespace

SyncDecision SyncDecisionReader::read(store::SqliteConnection& connection, const QString& eventId)
{
    SyncDecision decision;
    {
        store::SqliteStatement select = connection.prepareCached(
            "SELECT verdict, reason, customer_id, jobs, planned_at_ms FROM sync_events WHERE event_id = ?1");
        select.bind(1, eventId);
        if (select.step()) {
            decision.planned = true;
            decision.verdictName = select.text(0);
            decision.verdict = verdictFromName(decision.verdictName);
            decision.reason = select.isNull(1) ? QString() : select.text(1);
            decision.customerId = select.isNull(2) ? QString() : select.text(2);
            decision.plannedJobs = int(select.int64(3));
            decision.plannedAtMs = select.int64(4);
        }
    }
    store::SqliteStatement jobs = connection.prepareCached(
        "SELECT id, operation, state, rule_id, rule_version, idempotency_key FROM jobs "
        "WHERE idempotency_key > ?1 || ':' AND idempotency_key < ?1 || ';' AND event_id = ?1 ORDER BY id");
    jobs.bind(1, eventId);
    while (jobs.step()) {
        SyncDecisionJob job;
        job.id = jobs.int64(0);
        job.operation = jobs.text(1);
        job.state = store::jobStateFromName(jobs.text(2)).value_or(store::JobState::Pending);
        job.ruleId = jobs.isNull(3) ? QString() : jobs.text(3);
        job.ruleVersion = jobs.isNull(4) ? 0 : int(jobs.int64(4));
        job.idempotencyKey = jobs.text(5);
        decision.jobs.push_back(std::move(job));
    }
    return decision;
}

} // namespace billbridge::sync
