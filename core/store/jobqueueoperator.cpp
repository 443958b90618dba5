#include "store/auditlog.h"
#include "store/jobqueue.h"

// The operator's actions on jobs and on the whole queue; each is one short transaction that carries its
// audit entry when it is given one.

namespace billbridge::store {

namespace {

void appendAudit(SqliteConnection& connection, const OperatorAudit* audit, std::int64_t atMs, int changed)
{
    if (audit == nullptr)
        return;
    QJsonObject details = audit->details;
    if (!audit->countKey.isEmpty())
        details.insert(audit->countKey, changed);
    AuditLog::appendIn(connection, atMs, QString(), audit->action, audit->subject, details);
}

} // namespace

int JobQueue::retry(const std::vector<std::int64_t>& ids, const OperatorAudit* audit)
{
    const std::int64_t at = now();
    int changed = 0;
    SqliteTransaction transaction(m_connection);
    SqliteStatement update = m_connection.prepare(
        "UPDATE jobs SET state = 'pending', not_before_ms = ?2, updated_at_ms = ?2, discard_reason = NULL "
        "WHERE id = ?1 AND state IN ('dead', 'needs_review', 'discarded')");
    for (std::int64_t id : ids) {
        update.reset();
        update.bind(1, id).bind(2, at);
        update.step();
        changed += static_cast<int>(m_connection.changes());
    }
    if (changed > 0)
        appendAudit(m_connection, audit, at, changed);
    transaction.commit();
    return changed;
}

int JobQueue::discard(const std::vector<std::int64_t>& ids, const QString& reason, const OperatorAudit* audit)
{
    const std::int64_t at = now();
    int changed = 0;
    SqliteTransaction transaction(m_connection);
    SqliteStatement update = m_connection.prepare(
        "UPDATE jobs SET state = 'discarded', updated_at_ms = ?2, discard_reason = ?3 WHERE id = ?1 AND "
        "state IN ('pending', 'retry_scheduled', 'dead', 'needs_review')");
    // A discarded identity lookup (key "identity:<customer>") will never answer: its customer's identity is
    // settled as skipped, and the jobs it held go out under the Stripe id.
    SqliteStatement skipIdentity = m_connection.prepare(
        "UPDATE sync_identities SET status = 'skipped', detail = 'the identity lookup was discarded by an "
        "operator; jobs went out under the Stripe customer id', updated_at_ms = ?2 "
        "WHERE status = 'pending' AND customer_id = (SELECT substr(idempotency_key, 10) FROM jobs "
        "WHERE id = ?1 AND idempotency_key LIKE 'identity:%')");
    for (std::int64_t id : ids) {
        update.reset();
        update.bind(1, id).bind(2, at).bind(3, reason.isEmpty() ? QString() : reason);
        update.step();
        const int discarded = static_cast<int>(m_connection.changes());
        changed += discarded;
        if (discarded == 0)
            continue;
        skipIdentity.reset();
        skipIdentity.bind(1, id).bind(2, at);
        skipIdentity.step();
        releaseHeldIn(m_connection, id, at);
    }
    if (changed > 0)
        appendAudit(m_connection, audit, at, changed);
    transaction.commit();
    return changed;
}

bool JobQueue::resolveSent(std::int64_t jobId, const OperatorAudit* audit)
{
    const std::int64_t at = now();
    SqliteTransaction transaction(m_connection);
    {
        SqliteStatement update = m_connection.prepare("UPDATE jobs SET state = 'succeeded', updated_at_ms = "
                                                      "?2 WHERE id = ?1 AND state = 'needs_review'");
        update.bind(1, jobId).bind(2, at);
        update.step();
    }
    const bool changed = m_connection.changes() > 0;
    if (changed)
        appendAudit(m_connection, audit, at, 1);
    transaction.commit();
    return changed;
}

void JobQueue::pause(const QString& reason, const OperatorAudit* audit)
{
    const std::int64_t at = now();
    SqliteTransaction transaction(m_connection);
    {
        SqliteStatement update = m_connection.prepare(
            "UPDATE queue_state SET paused = 1, reason = ?1, changed_at_ms = ?2 WHERE id = 1");
        update.bind(1, reason.isEmpty() ? QString() : reason).bind(2, at);
        update.step();
    }
    appendAudit(m_connection, audit, at, 0);
    transaction.commit();
}

void JobQueue::resume(const OperatorAudit* audit)
{
    const std::int64_t at = now();
    SqliteTransaction transaction(m_connection);
    {
        SqliteStatement update = m_connection.prepare(
            "UPDATE queue_state SET paused = 0, reason = NULL, changed_at_ms = ?1 WHERE id = 1");
        update.bind(1, at);
        update.step();
    }
    appendAudit(m_connection, audit, at, 0);
    transaction.commit();
}

PauseState JobQueue::pauseState()
{
    PauseState state;
    SqliteStatement row =
        m_connection.prepare("SELECT paused, reason, changed_at_ms FROM queue_state WHERE id = 1");
    if (row.step()) {
        state.paused = row.int64(0) != 0;
        state.reason = row.text(1);
        state.changedAtMs = row.int64(2);
    }
    return state;
}

} // namespace billbridge::store
