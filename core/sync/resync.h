#pragma once

#include "store/sqlite.h"
#include "sync/syncplanner.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace billbridge::store {
class AuditLog;
}

namespace billbridge::sync {

// Whose Customer.io profiles a re-sync looks at: one customer, or everyone whose stored subscription or
// invoice events name one of the Stripe price or product ids (after a mapping of those ids changed).
struct ResyncScope {
    QString customerId;    // cus_…; when set, the ids are not used
    QStringList stripeIds; // price_… and prod_…

    static ResyncScope customer(const QString& customerId) { return {customerId.trimmed(), {}}; }
    static ResyncScope ids(const QStringList& stripeIds);

    // Empty when the scope can be searched; otherwise what is wrong, in words an operator can act on.
    QString problem() const;
    // "cus_…" or "price_A, prod_B" for messages and the audit log.
    QString describe() const;
};

struct AttributeChange {
    QString name;
    QJsonValue before; // undefined: never sent
    QJsonValue after;
};

// One customer whose profile no longer says what the stored events and current mappings mean.
struct CustomerResync {
    QString customerId;
    QJsonObject changed; // the attributes to send, with their new values
    QJsonObject before;  // the same attributes as last sent (absent: never sent)

    std::vector<AttributeChange> changes() const;
};

struct ResyncPreview {
    int candidates = 0;     // customers the scope names
    int unchanged = 0;      // whose profile already says what it should
    int deleted = 0;        // deleted in Stripe: never sent anything again
    int neverSynced = 0;    // no profile was ever sent for them (sync off when their events came)
    int unreadable = 0;     // stored sync state damaged: the customer's next event rebuilds it
    bool cancelled = false; // stopped before every candidate was looked at
    std::vector<CustomerResync> customers; // those that would get an identify, in customer id order
};

struct ResyncResult {
    int candidates = 0;
    int jobsEnqueued = 0; // one identify per changed customer
    bool cancelled = false;
    std::vector<CustomerResync> customers; // what was sent, in customer id order
};

// Brings Customer.io profiles in line with the current plan mappings (or with anything else that changed
// how stored events read). For each customer in scope, their stored events are replayed through plan()
// from an empty state, oldest first, all as history (attributes only, no custom events), and the
// resulting attributes are compared with what was last sent (sync_customers). Only the difference is sent,
// as one identify; an unchanged profile gets nothing.
//
// Replaying rather than patching plan names keeps one source of truth for what an event means: whatever
// plan() does at intake, a re-sync does too.
class Resync final {
public:
    using Clock = std::function<std::int64_t()>; // milliseconds since the epoch
    // Called after each customer; returning false stops the work after the chunk in hand.
    using Progress = std::function<bool(int done, int total)>;

    static constexpr int kDefaultChunkSize = 50;

    explicit Resync(store::SqliteConnection connection, SyncOptions options = {}, Clock clock = {});
    static Resync openForReading(const QString& path);
    static Resync openForWriting(const QString& path, Clock clock = {});

    // The customers the scope names that have stored events, sorted. Throws StoreError.
    QStringList candidates(const ResyncScope& scope);
    // What apply() would send, without changing anything. Throws StoreError.
    ResyncPreview preview(const ResyncScope& scope, const Progress& progress = {});
    // Enqueues one track.identify per changed customer and records the sent attributes in their sync
    // state, so that the next event does not send them again; each chunk of customers is one
    // transaction, checked again inside it. One audit entry describes the run (also a cancelled or failed
    // one, for the chunks that were committed). Throws StoreError after recording what was committed.
    ResyncResult apply(const ResyncScope& scope, store::AuditLog& audit, const Progress& progress = {},
                       int chunkSize = kDefaultChunkSize);

    // The attributes the customer's stored events and the current mappings give. nullopt when they have
    // no stored events or were deleted in Stripe.
    std::optional<QJsonObject> recomputedAttributes(const QString& customerId);

    // "resync:<customer>:<first 12 hex digits of SHA-256 over the attributes>".
    static QString idempotencyKey(const QString& customerId, const QJsonObject& changed);

private:
    enum class Outcome { Changed, Unchanged, Deleted, NeverSynced, Unreadable, NoEvents };
    struct Examined {
        Outcome outcome = Outcome::NoEvents;
        CustomerResync resync;
        QByteArray storedState;
    };

    Examined examine(const QString& customerId);
    std::int64_t now() const;

    store::SqliteConnection m_connection;
    SyncOptions m_options;
    Clock m_clock;
};

} // namespace billbridge::sync
