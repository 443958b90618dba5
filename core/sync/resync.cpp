#include "sync/resync.h"

#include "customerio/customeriorequest.h"
#include "delivery/jobrequest.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/jobqueue.h"
#include "store/mappingstore.h"
#include "sync/syncstate.h"
#include "util/logging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>

namespace billbridge::sync {

namespace {

// The audit entry lists at most this many customers; the count says how many there were in all.
constexpr int kAuditedCustomers = 500;

// Everyone whose stored subscription or invoice events name the id: subscription items (price id or its
// product) and invoice lines (pricing.price_details since API 2025-03, the price object or id before).
// instr() on the quoted id skips the JSON work for the many events that cannot match; the JSON test then
// makes sure that the id is where a price is named and not, say, in metadata.
constexpr const char* kCustomersNamingSql = R"sql(
WITH bodies AS (
    SELECT customer_id, object_type,
           CASE WHEN json_valid(CAST(raw AS TEXT)) THEN CAST(raw AS TEXT) ELSE '{}' END AS body
    FROM events
    WHERE customer_id IS NOT NULL AND object_type IN ('subscription', 'invoice')
      AND instr(CAST(raw AS TEXT), ?2) > 0
)
SELECT DISTINCT customer_id FROM bodies b
WHERE (b.object_type = 'subscription' AND EXISTS (
          SELECT 1 FROM json_each(b.body, '$.data.object.items.data') item
          WHERE item.type = 'object' AND (
              json_extract(item.value, '$.price.id') = ?1 OR json_extract(item.value, '$.plan.id') = ?1 OR
              (json_type(item.value, '$.price.product') = 'text' AND json_extract(item.value, '$.price.product') = ?1) OR
              (json_type(item.value, '$.price.product') = 'object' AND json_extract(item.value, '$.price.product.id') = ?1))))
   OR (b.object_type = 'invoice' AND EXISTS (
          SELECT 1 FROM json_each(b.body, '$.data.object.lines.data') line
          WHERE line.type = 'object' AND (
              json_extract(line.value, '$.pricing.price_details.price') = ?1 OR
              json_extract(line.value, '$.pricing.price_details.product') = ?1 OR
              (json_type(line.value, '$.price') = 'text' AND json_extract(line.value, '$.price') = ?1) OR
              (json_type(line.value, '$.price') = 'object' AND (
                  json_extract(line.value, '$.price.id') = ?1 OR
                  (json_type(line.value, '$.price.product') = 'text' AND json_extract(line.value, '$.price.product') = ?1) OR
                  (json_type(line.value, '$.price.product') = 'object' AND json_extract(line.value, '$.price.product.id') = ?1))))))
)sql";

std::optional<PlanInfo> planInfoOf(const store::SqliteConnection& connection, const QString& stripeId)
{
    if (stripeId.isEmpty())
        return std::nullopt;
    store::SqliteStatement select =
        connection.prepare("SELECT plan_name, tier, interval_label FROM plan_mappings WHERE stripe_id = ?1");
    select.bind(1, stripeId);
    if (!select.step())
        return std::nullopt;
    return PlanInfo{select.text(0), select.isNull(1) ? QString() : select.text(1),
                    select.isNull(2) ? QString() : select.text(2)};
}

bool isCustomerId(const QString& id)
{
    static const QRegularExpression pattern(QStringLiteral("^cus_[A-Za-z0-9]+$"));
    return pattern.match(id).hasMatch();
}

QJsonObject auditSummary(const std::vector<CustomerResync>& customers)
{
    QJsonObject out;
    int listed = 0;
    for (const CustomerResync& customer : customers) {
        if (++listed > kAuditedCustomers)
            break;
        QJsonObject changes;
        for (const AttributeChange& change : customer.changes())
            changes.insert(change.name, QJsonArray{change.before.isUndefined() ? QJsonValue() : change.before,
                                                   change.after});
        out.insert(customer.customerId, changes);
    }
    return out;
}

} // namespace

ResyncScope ResyncScope::ids(const QStringList& stripeIds)
{
    ResyncScope scope;
    for (const QString& id : stripeIds) {
        const QString trimmed = id.trimmed();
        if (!trimmed.isEmpty() && !scope.stripeIds.contains(trimmed))
            scope.stripeIds << trimmed;
    }
    return scope;
}

QString ResyncScope::problem() const
{
    if (!customerId.isEmpty())
        return isCustomerId(customerId)
                   ? QString()
                   : QStringLiteral("'%1' is not a Stripe customer id (cus_…); copy it from the Stripe "
                                    "dashboard or 'events list'")
                         .arg(customerId);
    if (stripeIds.isEmpty())
        return QStringLiteral("name a customer (cus_…), or a price (price_…) or product (prod_…) whose "
                              "customers to re-sync");
    for (const QString& id : stripeIds)
        if (!store::MappingStore::kindOf(id))
            return QStringLiteral("'%1' is not a Stripe price id (price_…) or product id (prod_…)").arg(id);
    return {};
}

QString ResyncScope::describe() const
{
    return customerId.isEmpty() ? stripeIds.join(QStringLiteral(", ")) : customerId;
}

std::vector<AttributeChange> CustomerResync::changes() const
{
    std::vector<AttributeChange> out;
    for (auto it = changed.begin(); it != changed.end(); ++it)
        out.push_back({it.key(), before.value(it.key()), it.value()});
    return out;
}

Resync::Resync(store::SqliteConnection connection, SyncOptions options, Clock clock)
    : m_connection(std::move(connection))
    , m_options(std::move(options))
    , m_clock(std::move(clock))
{
    // Every stored event is history to a re-sync: it restates attributes, it never replays campaigns.
    m_options.nowMs = std::numeric_limits<std::int64_t>::max() / 4;
    m_options.horizonMs = 0;
}

Resync Resync::openForReading(const QString& path)
{
    return Resync(store::Database::openForReading(path));
}

Resync Resync::openForWriting(const QString& path, Clock clock)
{
    return Resync(store::Database::openForWriting(path), {}, std::move(clock));
}

std::int64_t Resync::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

QString Resync::idempotencyKey(const QString& customerId, const QJsonObject& changed)
{
    const QByteArray digest = QCryptographicHash::hash(QJsonDocument(changed).toJson(QJsonDocument::Compact),
                                                       QCryptographicHash::Sha256);
    return QStringLiteral("resync:%1:%2").arg(customerId, QString::fromLatin1(digest.toHex().left(12)));
}

QStringList Resync::candidates(const ResyncScope& scope)
{
    if (const QString problem = scope.problem(); !problem.isEmpty())
        throw store::StoreError(problem);
    QSet<QString> found;
    if (!scope.customerId.isEmpty()) {
        store::SqliteStatement select =
            m_connection.prepare("SELECT 1 FROM events WHERE customer_id = ?1 LIMIT 1");
        select.bind(1, scope.customerId);
        if (select.step())
            found.insert(scope.customerId);
    } else {
        for (const QString& id : scope.stripeIds) {
            store::SqliteStatement select = m_connection.prepare(kCustomersNamingSql);
            select.bind(1, id).bind(2, QLatin1Char('"') + id + QLatin1Char('"'));
            while (select.step())
                found.insert(select.text(0));
        }
    }
    QStringList sorted(found.begin(), found.end());
    sorted.sort();
    return sorted;
}

std::optional<QJsonObject> Resync::recomputedAttributes(const QString& customerId)
{
    const PlanLookup lookup = [this](const QString& priceId,
                                     const QString& productId) -> std::optional<PlanInfo> {
        if (std::optional<PlanInfo> byPrice = planInfoOf(m_connection, priceId))
            return byPrice;
        return planInfoOf(m_connection, productId);
    };
    store::SqliteStatement select =
        m_connection.prepare("SELECT raw FROM events WHERE customer_id = ?1 ORDER BY created, seq");
    select.bind(1, customerId);
    SyncState state;
    bool any = false;
    while (select.step()) {
        any = true;
        state = plan(select.blob(0), state, lookup, m_options).state;
    }
    if (!any || state.deleted)
        return std::nullopt;
    return state.attributes;
}

Resync::Examined Resync::examine(const QString& customerId)
{
    Examined examined;
    examined.resync.customerId = customerId;
    store::SqliteStatement select =
        m_connection.prepare("SELECT state FROM sync_customers WHERE customer_id = ?1");
    select.bind(1, customerId);
    if (!select.step()) {
        store::SqliteStatement anyEvent =
            m_connection.prepare("SELECT 1 FROM events WHERE customer_id = ?1 LIMIT 1");
        anyEvent.bind(1, customerId);
        examined.outcome = anyEvent.step() ? Outcome::NeverSynced : Outcome::NoEvents;
        return examined;
    }
    examined.storedState = select.blob(0);
    const std::optional<SyncState> stored = SyncState::fromJson(examined.storedState);
    if (!stored) {
        examined.outcome = Outcome::Unreadable;
        return examined;
    }
    if (stored->deleted) {
        examined.outcome = Outcome::Deleted;
        return examined;
    }
    const std::optional<QJsonObject> wanted = recomputedAttributes(customerId);
    if (!wanted) {
        examined.outcome = Outcome::Deleted;
        return examined;
    }
    for (auto it = wanted->begin(); it != wanted->end(); ++it) {
        const QJsonValue before = stored->attributes.value(it.key());
        // The planner's rule: a null for something never sent says nothing new.
        if (before == it.value() || (before.isUndefined() && it.value().isNull()))
            continue;
        examined.resync.changed.insert(it.key(), it.value());
        if (!before.isUndefined())
            examined.resync.before.insert(it.key(), before);
    }
    examined.outcome = examined.resync.changed.isEmpty() ? Outcome::Unchanged : Outcome::Changed;
    return examined;
}

ResyncPreview Resync::preview(const ResyncScope& scope, const Progress& progress)
{
    ResyncPreview preview;
    const QStringList customers = candidates(scope);
    preview.candidates = int(customers.size());
    // One read transaction, so that the whole preview sees one state of the store.
    m_connection.exec("BEGIN");
    try {
        int done = 0;
        for (const QString& customerId : customers) {
            Examined examined = examine(customerId);
            switch (examined.outcome) {
            case Outcome::Changed:
                preview.customers.push_back(std::move(examined.resync));
                break;
            case Outcome::Unchanged:
                ++preview.unchanged;
                break;
            case Outcome::Deleted:
                ++preview.deleted;
                break;
            case Outcome::NeverSynced:
                ++preview.neverSynced;
                break;
            case Outcome::Unreadable:
                ++preview.unreadable;
                break;
            case Outcome::NoEvents:
                break;
            }
            ++done;
            if (progress && !progress(done, preview.candidates) && done < preview.candidates) {
                preview.cancelled = true;
                break;
            }
        }
    } catch (...) {
        m_connection.exec("ROLLBACK");
        throw;
    }
    m_connection.exec("COMMIT");
    return preview;
}

ResyncResult Resync::apply(const ResyncScope& scope, store::AuditLog& audit, const Progress& progress,
                           int chunkSize)
{
    ResyncResult result;
    const QStringList customers = candidates(scope);
    result.candidates = int(customers.size());
    chunkSize = std::max(chunkSize, 1);

    auto recordAudit = [&](const QString& failure) {
        if (result.customers.empty() && failure.isEmpty() && !result.cancelled)
            return; // nothing changed, nothing to account for
        QJsonObject details{{QStringLiteral("scope"), scope.describe()},
                            {QStringLiteral("candidates"), result.candidates},
                            {QStringLiteral("jobs"), result.jobsEnqueued},
                            {QStringLiteral("customers"), auditSummary(result.customers)}};
        if (result.cancelled)
            details.insert(QStringLiteral("cancelled"), true);
        if (!failure.isEmpty())
            details.insert(QStringLiteral("failed"), failure);
        audit.record(QString(), QStringLiteral("sync.resync"), scope.describe(), details);
    };

    int done = 0;
    try {
        for (qsizetype start = 0; start < customers.size() && !result.cancelled; start += chunkSize) {
            std::vector<CustomerResync> sent;
            const std::int64_t nowMs = now();
            store::SqliteTransaction transaction(m_connection);
            const qsizetype end = std::min<qsizetype>(customers.size(), start + chunkSize);
            for (qsizetype index = start; index < end; ++index) {
                // Examined again inside the transaction: the intake writer may have moved the state on
                // since the preview.
                Examined examined = examine(customers.at(index));
                if (examined.outcome == Outcome::Changed) {
                    const QString& customerId = examined.resync.customerId;
                    SyncState state = *SyncState::fromJson(examined.storedState);
                    customerio::IdentifyAttributes identify;
                    for (auto it = examined.resync.changed.begin(); it != examined.resync.changed.end();
                         ++it) {
                        identify.attributes.append({it.key(), it.value()});
                        state.attributes.insert(it.key(), it.value());
                    }
                    identify.changedAt = nowMs / 1000;
                    store::NewJob job =
                        delivery::jobFor(customerio::requests::identify(customerId, identify), customerId,
                                         idempotencyKey(customerId, examined.resync.changed));
                    // The same change made again later (a mapping changed and changed back) must still go
                    // out: the key of the earlier job is taken, so this one gets the time as well.
                    if (!store::JobQueue::enqueueIn(m_connection, job, nowMs).created) {
                        job.idempotencyKey += QLatin1Char(':') + QString::number(nowMs);
                        store::JobQueue::enqueueIn(m_connection, job, nowMs);
                    }
                    store::SqliteStatement update = m_connection.prepare(
                        "UPDATE sync_customers SET state = ?2, updated_at_ms = ?3 WHERE customer_id = ?1");
                    update.bind(1, customerId).bind(2, QString::fromUtf8(state.toJson())).bind(3, nowMs);
                    update.step();
                    sent.push_back(std::move(examined.resync));
                }
                ++done;
                if (progress && !progress(done, result.candidates) && done < result.candidates)
                    result.cancelled = true;
            }
            transaction.commit();
            result.jobsEnqueued += int(sent.size());
            for (CustomerResync& customer : sent)
                result.customers.push_back(std::move(customer));
        }
    } catch (const store::StoreError& error) {
        qCWarning(lcStore) << "re-sync of" << scope.describe() << "stopped after" << result.jobsEnqueued
                           << "identify jobs:" << error.message();
        try {
            recordAudit(error.message());
        } catch (const store::StoreError&) {
            // The first failure is the one worth reporting.
        }
        throw;
    }
    qCInfo(lcStore) << "re-sync of" << scope.describe() << "enqueued" << result.jobsEnqueued
                    << "identify jobs for" << result.candidates << "customers looked at";
    recordAudit(QString());
    return result;
}

} // namespace billbridge::sync
