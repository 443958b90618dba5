#pragma once

#include "store/planmapping.h"
#include "store/sqlite.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace billbridge::store {

// The operators' plan mappings (table plan_mappings): which plan name, tier and interval label a Stripe
// price or product stands for. The sync engine asks lookup() for every price it sends; the console and the
// CLI edit the table. Writes are rare and small, each in its own short transaction next to the intake
// writer's. An operator's change goes through the *Audited methods, which write the change and its audit
// entry in that one transaction: a change that cannot be audited is not made, and a crash cannot leave an
// unaudited change behind.
class MappingStore final {
public:
    using Clock = std::function<std::int64_t()>; // milliseconds since the epoch

    static constexpr int kMaxPlanNameLength = 200;
    static constexpr int kMaxLabelLength = 100; // tier and interval label
    static constexpr int kMaxNoteLength = 1000;
    static constexpr int kDefaultUnmappedScan = 20000;

    explicit MappingStore(SqliteConnection connection, Clock clock = {});
    // Opens for writing, creating and migrating the store when needed.
    static MappingStore open(const QString& path, Clock clock = {});

    // Price or product, from the id's prefix; nullopt unless the id is price_… or prod_… with letters and
    // digits only.
    static std::optional<MappingKind> kindOf(const QString& stripeId);
    // Trims every text, turns empty optional texts into null and derives the kind from the id.
    static PlanMapping normalized(PlanMapping mapping);
    // Empty when the (normalized) mapping may be stored; otherwise what is wrong, in words an operator can
    // act on.
    static QString problemWith(const PlanMapping& mapping);

    // Sorted by plan name (case-insensitively), then id. A search keeps the mappings whose id, plan name or
    // tier contains it, in any case.
    std::vector<PlanMapping> list(const QString& search = {});
    std::optional<PlanMapping> find(const QString& stripeId);
    // Creates or replaces the mapping of that id and returns it as stored. Throws StoreError when
    // problemWith() finds something. Not audited: for seeding a store; operators' edits use upsertAudited().
    PlanMapping upsert(const PlanMapping& mapping);
    bool remove(const QString& stripeId);
    // Writes `upserts` and deletes `removals` in one transaction: all of it or, on a throw, none.
    void apply(const std::vector<PlanMapping>& upserts, const QStringList& removals);

    // The same as an operator's change, audited in its transaction; an empty actor stands for the account
    // running Billbridge. upsertAudited() records "mappings.set" with the mapping "before" (null when it is
    // new) and "after"; a mapping that would not change is neither written nor recorded, and comes back as
    // stored. removeAudited() records "mappings.remove" with "before"; false, and nothing written, when
    // there is no such mapping. applyAudited() records one entry of `action` on `subject` with `details`.
    // When the audit entry cannot be written, nothing is changed and StoreError says so.
    PlanMapping upsertAudited(const PlanMapping& mapping, const QString& actor = {});
    bool removeAudited(const QString& stripeId, const QString& actor = {});
    void applyAudited(const std::vector<PlanMapping>& upserts, const QStringList& removals,
                      const QString& action, const QString& subject, const QJsonObject& details,
                      const QString& actor = {});

    // The sync engine's rule: the price's own mapping wins; without one, the product's; else nullopt.
    std::optional<PlanMapping> lookup(const QString& priceId, const QString& productId);

    // Prices that stored subscription and invoice events mention and that have no mapping, neither for the
    // price nor for its product; the most often seen first. Only the newest `scanEvents` such events are
    // read, so that the answer stays quick on a large store.
    // About 2 s for 20,000 events of the fixtures' size; every payload is parsed twice (validated, then
    // walked), so callers on a UI thread should run it elsewhere.
    std::vector<UnmappedPrice> unmappedPricesSeen(int limit = 100, int scanEvents = kDefaultUnmappedScan);

private:
    std::int64_t now() const;
    void write(const PlanMapping& mapping, std::int64_t at);
    void eraseIn(const QString& stripeId);
    void applyIn(const std::vector<PlanMapping>& upserts, const QStringList& removals, std::int64_t at);
    void auditIn(std::int64_t at, const QString& actor, const QString& action, const QString& subject,
                 const QJsonObject& details);

    SqliteConnection m_connection;
    Clock m_clock;
};

} // namespace billbridge::store
