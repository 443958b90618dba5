#pragma once

#include "store/sqlite.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace billbridge::store {

struct AuditEntry {
    std::int64_t id = 0;
    std::int64_t atMs = 0;
    QString actor;
    QString action;
    QString subject;
    // By convention a change puts the object as it was under "before" and as it became under "after"
    // (either missing when the object did not exist); the console shows the two side by side.
    QJsonObject details;
    // The details column exactly as stored: the text the hash covers.
    QString detailsJson;
    QString prevHash; // empty for rows written before the chain existed and not sealed yet
    QString hash;

    bool isSealed() const { return !hash.isEmpty(); }
};

// Which rows list() and export show. Empty members match everything.
struct AuditFilter {
    QString actionPrefix;                // "mappings." matches every mapping change
    QString actor;                       // exact account name
    QString text;                        // found in the subject or the details (case-insensitive)
    std::optional<std::int64_t> fromMs;  // at or after
    std::optional<std::int64_t> untilMs; // before

    bool isEmpty() const
    {
        return actionPrefix.isEmpty() && actor.isEmpty() && text.isEmpty() && !fromMs && !untilMs;
    }
};

// What verify() found.
struct AuditVerification {
    enum class Problem {
        None,
        Edited,   // the row's content no longer gives its hash: it was changed after it was written
        Relinked, // the row does not follow the one before it: a row was deleted here or this one inserted
        Unsealed, // a row without a hash after sealed rows: added outside Billbridge
    };

    Problem problem = Problem::None;
    std::int64_t badId = 0;    // the first row found wrong
    std::int64_t verified = 0; // sealed rows checked before the problem (all of them when intact)
    std::int64_t unsealed = 0; // rows from before the chain, still waiting to be sealed
    QString headHash;          // the newest row's hash: note it down to detect a cut-off tail later
    bool cancelled = false;

    bool isIntact() const { return problem == Problem::None && !cancelled; }
    // One sentence for operators, e.g. "Entry 123 was changed after it was written."
    QString explanation() const;
};

// The operators' trail of actions that touch personal data or change what Billbridge sends (table
// audit_log). Rows are only ever added, and each is chained to the one before it so that editing, deleting
// or slipping in a row afterwards is detected by verify().
//
// The hash recipe, for auditors re-checking an export outside Billbridge. For each row, in id order:
//   hash = lowercase hex SHA-256 of the UTF-8 text
//     "billbridge-audit-v1\n" + field(id) + field(at_ms) + field(actor) + field(action) + field(subject)
//                             + field(details) + field(prev_hash)
//   field(v) = <number of UTF-8 bytes of v, in decimal> ":" v "\n"
// id and at_ms are written in decimal; a missing subject counts as empty; details is the stored text (compact
// JSON, keys sorted, as Billbridge writes it); prev_hash is the hash of the row with the next lower id, or 64
// zeros (kGenesisHash) for the first row. The length prefixes make the encoding unambiguous whatever the
// fields contain.
//
// Appending reads the last hash inside the same BEGIN IMMEDIATE transaction as the insert, so two processes
// writing at once cannot fork the chain. Rows written before schema 8 have no hash; the first append after
// the upgrade seals them into the chain, oldest first, in its transaction. A hash chain cannot by itself
// detect that its newest rows were cut off: keep the head hash verify() reports somewhere else to check it.
class AuditLog final {
public:
    using Clock = std::function<std::int64_t()>; // milliseconds since the epoch
    // Called every few hundred rows; return false to stop.
    using Progress = std::function<bool(std::int64_t done, std::int64_t total)>;

    static constexpr const char* kGenesisHash =
        "0000000000000000000000000000000000000000000000000000000000000000";

    explicit AuditLog(SqliteConnection connection, Clock clock = {});
    static AuditLog open(const QString& path, Clock clock = {});
    // Read-only: list, find, verify and export, never append.
    static AuditLog openForReading(const QString& path);

    // The operating-system account running Billbridge; "unknown" when the environment does not say.
    static QString currentActor();

    // Appends one row in its own short transaction and returns its id. An empty actor stands for
    // currentActor(). Every email address in the details' strings is masked before it is stored, so that a
    // careless caller cannot turn the trail itself into a copy of the personal data it records access to.
    // Throws StoreError.
    std::int64_t record(const QString& actor, const QString& action, const QString& subject,
                        const QJsonObject& details);
    // The same inside the caller's open write transaction (BEGIN IMMEDIATE) on `connection`, for changes
    // that must be audited atomically with the change itself: neither begins nor commits.
    static std::int64_t appendIn(SqliteConnection& connection, std::int64_t atMs, const QString& actor,
                                 const QString& action, const QString& subject, const QJsonObject& details);

    // Newest first; with `beforeId`, only rows older than that one (the next page).
    std::vector<AuditEntry> list(int limit = 100, std::optional<std::int64_t> beforeId = std::nullopt);
    std::vector<AuditEntry> list(const AuditFilter& filter, int limit,
                                 std::optional<std::int64_t> beforeId = std::nullopt);
    // Oldest first, after `afterId` (exports walk the log this way).
    std::vector<AuditEntry> listAscending(const AuditFilter& filter, int limit, std::int64_t afterId = 0);
    std::optional<AuditEntry> find(std::int64_t id);
    std::int64_t count();

    // Walks the whole chain, oldest first. Throws StoreError when the store cannot be read.
    AuditVerification verify(const Progress& progress = {});

    static QString hashOf(const AuditEntry& entry);

private:
    std::int64_t now() const;

    SqliteConnection m_connection;
    Clock m_clock;
};

} // namespace billbridge::store
