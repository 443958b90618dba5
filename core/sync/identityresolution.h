#pragma once

#include "store/jobqueue.h"
#include "store/jobrecord.h"
#include "store/sqlite.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace billbridge::sync {

struct SyncOptions;
struct SyncPlan;

// Identity resolution: by default a customer's Customer.io id is the Stripe customer id. On first sight of a
// customer with an email, Billbridge asks Customer.io who has that email (GET /v1/customers?email=) before
// anything else about the customer goes out:
//
//   nobody                           → 'new': the customer's jobs create the person under the Stripe id
//   one person without an id (a lead) → 'merged': PUT /customers/cio_<cio_id> {"id":"cus_…"} gives the lead
//                                      the Stripe id, and the customer's jobs wait for that call
//   the person already has this id   → 'merged', nothing to send
//   a person with another id, or
//   several people                   → 'conflict': nothing is merged, jobs go out under the Stripe id, and
//                                      the customer is listed (billbridge-cli identities list --conflicts)
//   the lookup dies or is discarded  → 'skipped' with the reason; the held jobs go out under the Stripe id
//
// The state lives in sync_identities; the customer's Customer.io jobs are held (NewJob::heldByKey) by the
// lookup job "identity:<customer id>" until it settles, so nothing waits forever. With
// SyncOptions::emailAsId no lookup is made: the email itself is the person's id.
namespace identity {

inline constexpr QLatin1String kLookupKeyPrefix{"identity:"};

// "identity:cus_1".
QString lookupKey(const QString& customerId);
// "identity:cus_1:merge": the call that gives a lead the Stripe id.
QString mergeKey(const QString& customerId);

// The customer's email as this event tells it: the identify's email attribute, else the customer object's
// `email` or an invoice's `customer_email`. Empty when the event does not say.
QString emailOf(const QJsonObject& event, const SyncPlan& plan, const SyncOptions& options);

// Inside SyncEngine's transaction, after the event's jobs are planned: on first sight of a customer with an
// email, records the identity as pending and puts the lookup job first; while the identity is pending, the
// customer's Customer.io jobs (track.* and app.*, not Slack posts) are held behind the lookup.
void holdBehindLookup(store::SqliteConnection& connection, const QString& customerId, const QString& email,
                      const QString& eventId, std::int64_t nowMs, std::vector<store::NewJob>& jobs);

// JobQueue::SettledHook for the delivery worker: acts on a settled identity lookup (see above) in the
// transaction that records its answer. Other jobs are left alone.
void settleLookup(store::SqliteConnection& connection, const store::Job& job,
                  const store::Completion& completion, std::int64_t nowMs);

struct IdentityRecord {
    QString customerId;
    QString email;
    QString status; // pending, new, merged, conflict, skipped
    QString cioId;
    QString detail;
    std::int64_t updatedAtMs = 0;
};

// Newest change first; only conflicts when asked.
std::vector<IdentityRecord> listIdentities(store::SqliteConnection& connection, bool conflictsOnly,
                                           int limit);

} // namespace identity

} // namespace billbridge::sync
