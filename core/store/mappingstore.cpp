#include "store/mappingstore.h"

#include "store/auditlog.h"
#include "store/database.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace billbridge::store {

namespace {

constexpr const char* kColumns = "stripe_id, kind, plan_name, tier, interval_label, note, updated_at_ms";

PlanMapping readMapping(const SqliteStatement& row)
{
    PlanMapping mapping;
    mapping.stripeId = row.text(0);
    mapping.kind = row.text(1) == QLatin1String("product") ? MappingKind::Product : MappingKind::Price;
    mapping.planName = row.text(2);
    mapping.tier = row.isNull(3) ? QString() : row.text(3);
    mapping.intervalLabel = row.isNull(4) ? QString() : row.text(4);
    mapping.note = row.isNull(5) ? QString() : row.text(5);
    mapping.updatedAtMs = row.int64(6);
    return mapping;
}

QString optionalText(const QString& text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? QString() : trimmed;
}

// Prices named by the newest `?2` subscription and invoice events. Subscription items carry the whole price
// object; invoice lines name it under pricing.price_details (API 2025-03 and later) or carry it as `price`
// (earlier versions). The scan is bounded by sequence number so that only rows in range are parsed, and
// every JSON function sees valid JSON: a damaged payload reads as an empty object instead of failing the
// whole query.
constexpr const char* kUnmappedSql = R"sql(
WITH bounds AS (
    SELECT coalesce(min(seq), 0) AS from_seq FROM (
        SELECT seq FROM events WHERE object_type IN ('subscription', 'invoice') ORDER BY seq DESC LIMIT ?2)
),
bodies AS (
    SELECT seq, created, object_type,
           CASE WHEN json_valid(CAST(raw AS TEXT)) THEN CAST(raw AS TEXT) ELSE '{}' END AS body
    FROM events
    WHERE seq >= (SELECT from_seq FROM bounds) AND object_type IN ('subscription', 'invoice')
),
seen AS (
    SELECT b.seq, b.created,
           json_extract(item.value, '$.price.id') AS price_id,
           CASE json_type(item.value, '$.price.product')
               WHEN 'text' THEN json_extract(item.value, '$.price.product')
               WHEN 'object' THEN json_extract(item.value, '$.price.product.id') END AS product_id,
           json_extract(item.value, '$.price.nickname') AS nickname,
           json_extract(item.value, '$.price.lookup_key') AS lookup_key,
           json_extract(item.value, '$.price.recurring.interval') AS interval
    FROM bodies b, json_each(b.body, '$.data.object.items.data') item
    WHERE b.object_type = 'subscription' AND item.type = 'object'
    UNION ALL
    SELECT b.seq, b.created,
           CASE WHEN json_type(line.value, '$.pricing.price_details.price') = 'text'
                    THEN json_extract(line.value, '$.pricing.price_details.price')
                WHEN json_type(line.value, '$.price') = 'object' THEN json_extract(line.value, '$.price.id')
                WHEN json_type(line.value, '$.price') = 'text' THEN json_extract(line.value, '$.price') END,
           CASE WHEN json_type(line.value, '$.pricing.price_details.product') = 'text'
                    THEN json_extract(line.value, '$.pricing.price_details.product')
                WHEN json_type(line.value, '$.price.product') = 'text'
                    THEN json_extract(line.value, '$.price.product')
                WHEN json_type(line.value, '$.price.product') = 'object'
                    THEN json_extract(line.value, '$.price.product.id') END,
           CASE WHEN json_type(line.value, '$.price') = 'object'
                THEN json_extract(line.value, '$.price.nickname') END,
           CASE WHEN json_type(line.value, '$.price') = 'object'
                THEN json_extract(line.value, '$.price.lookup_key') END,
           CASE WHEN json_type(line.value, '$.price') = 'object'
                THEN json_extract(line.value, '$.price.recurring.interval') END
    FROM bodies b, json_each(b.body, '$.data.object.lines.data') line
    WHERE b.object_type = 'invoice' AND line.type = 'object'
),
prices AS (
    SELECT price_id, max(product_id) AS product_id, max(nickname) AS nickname, max(lookup_key) AS lookup_key,
           max(interval) AS interval, count(DISTINCT seq) AS events, max(created) AS last_seen
    FROM seen
    WHERE typeof(price_id) = 'text' AND price_id LIKE 'price\_%' ESCAPE '\'
    GROUP BY price_id
)
SELECT price_id, product_id, nickname, lookup_key, interval, events, last_seen FROM prices p
WHERE NOT EXISTS (SELECT 1 FROM plan_mappings m WHERE m.stripe_id = p.price_id)
  AND (p.product_id IS NULL OR NOT EXISTS (SELECT 1 FROM plan_mappings m WHERE m.stripe_id = p.product_id))
ORDER BY events DESC, last_seen DESC, price_id
LIMIT ?1
)sql";

// Throws StoreError when problemWith() finds something.
PlanMapping checkedMapping(const PlanMapping& mapping)
{
    PlanMapping checked = MappingStore::normalized(mapping);
    if (const QString problem = MappingStore::problemWith(checked); !problem.isEmpty())
        throw StoreError(problem);
    return checked;
}

} // namespace

MappingStore::MappingStore(SqliteConnection connection, Clock clock)
    : m_connection(std::move(connection))
    , m_clock(std::move(clock))
{}

MappingStore MappingStore::open(const QString& path, Clock clock)
{
    return MappingStore(Database::openForWriting(path), std::move(clock));
}

std::int64_t MappingStore::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

std::optional<MappingKind> MappingStore::kindOf(const QString& stripeId)
{
    static const QRegularExpression pattern(QStringLiteral("^(price|prod)_[A-Za-z0-9]+$"));
    const QRegularExpressionMatch match = pattern.match(stripeId);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1) == QLatin1String("price") ? MappingKind::Price : MappingKind::Product;
}

PlanMapping MappingStore::normalized(PlanMapping mapping)
{
    mapping.stripeId = mapping.stripeId.trimmed();
    mapping.planName = mapping.planName.trimmed();
    mapping.tier = optionalText(mapping.tier);
    mapping.intervalLabel = optionalText(mapping.intervalLabel);
    mapping.note = optionalText(mapping.note);
    if (const auto kind = kindOf(mapping.stripeId))
        mapping.kind = *kind;
    return mapping;
}

QString MappingStore::problemWith(const PlanMapping& mapping)
{
    if (mapping.stripeId.isEmpty())
        return QStringLiteral("a mapping needs a Stripe price id (price_…) or product id (prod_…)");
    if (!kindOf(mapping.stripeId))
        return QStringLiteral("'%1' is not a Stripe price id (price_…) or product id (prod_…); copy it from "
                              "the Stripe dashboard or 'mappings unmapped'")
            .arg(mapping.stripeId);
    if (mapping.planName.isEmpty())
        return QStringLiteral("%1 needs a plan name").arg(mapping.stripeId);
    if (mapping.planName.size() > kMaxPlanNameLength)
        return QStringLiteral("the plan name of %1 is %2 characters long; shorten it to %3 at most")
            .arg(mapping.stripeId)
            .arg(mapping.planName.size())
            .arg(kMaxPlanNameLength);
    if (mapping.tier.size() > kMaxLabelLength)
        return QStringLiteral("the tier of %1 is %2 characters long; shorten it to %3 at most")
            .arg(mapping.stripeId)
            .arg(mapping.tier.size())
            .arg(kMaxLabelLength);
    if (mapping.intervalLabel.size() > kMaxLabelLength)
        return QStringLiteral("the interval label of %1 is %2 characters long; shorten it to %3 at most")
            .arg(mapping.stripeId)
            .arg(mapping.intervalLabel.size())
            .arg(kMaxLabelLength);
    if (mapping.note.size() > kMaxNoteLength)
        return QStringLiteral("the note of %1 is %2 characters long; shorten it to %3 at most")
            .arg(mapping.stripeId)
            .arg(mapping.note.size())
            .arg(kMaxNoteLength);
    return {};
}

std::vector<PlanMapping> MappingStore::list(const QString& search)
{
    std::vector<PlanMapping> mappings;
    const QByteArray sql = QByteArray("SELECT ") + kColumns +
                           " FROM plan_mappings ORDER BY plan_name COLLATE NOCASE, plan_name, stripe_id";
    SqliteStatement rows = m_connection.prepare(sql.constData());
    // Filtered here rather than in SQL: the table holds hundreds of rows at most, and SQLite's lower()
    // folds ASCII only, so "Über" would not find "über".
    const QString needle = search.trimmed();
    while (rows.step()) {
        PlanMapping mapping = readMapping(rows);
        if (needle.isEmpty() || mapping.stripeId.contains(needle, Qt::CaseInsensitive) ||
            mapping.planName.contains(needle, Qt::CaseInsensitive) ||
            mapping.tier.contains(needle, Qt::CaseInsensitive))
            mappings.push_back(std::move(mapping));
    }
    return mappings;
}

std::optional<PlanMapping> MappingStore::find(const QString& stripeId)
{
    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM plan_mappings WHERE stripe_id = ?1";
    SqliteStatement row = m_connection.prepare(sql.constData());
    row.bind(1, stripeId.trimmed());
    if (!row.step())
        return std::nullopt;
    return readMapping(row);
}

void MappingStore::write(const PlanMapping& mapping, std::int64_t at)
{
    SqliteStatement upsert = m_connection.prepare(
        "INSERT INTO plan_mappings (stripe_id, kind, plan_name, tier, interval_label, note, updated_at_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (stripe_id) DO UPDATE SET kind = excluded.kind, "
        "plan_name = excluded.plan_name, tier = excluded.tier, interval_label = excluded.interval_label, "
        "note = excluded.note, updated_at_ms = excluded.updated_at_ms");
    upsert.bind(1, mapping.stripeId)
        .bind(2, toString(mapping.kind))
        .bind(3, mapping.planName)
        .bind(4, mapping.tier)
        .bind(5, mapping.intervalLabel)
        .bind(6, mapping.note)
        .bind(7, at);
    upsert.step();
}

void MappingStore::eraseIn(const QString& stripeId)
{
    SqliteStatement erase = m_connection.prepare("DELETE FROM plan_mappings WHERE stripe_id = ?1");
    erase.bind(1, stripeId.trimmed());
    erase.step();
}

void MappingStore::auditIn(std::int64_t at, const QString& actor, const QString& action,
                           const QString& subject, const QJsonObject& details)
{
    try {
        AuditLog::appendIn(m_connection, at, actor, action, subject, details);
    } catch (const StoreError& error) {
        throw StoreError(QStringLiteral("the mappings were not changed because the audit log could not be "
                                        "written (%1); check that the store is writable and not full, then "
                                        "try again")
                             .arg(error.message()),
                         error.sqliteCode());
    }
}

PlanMapping MappingStore::upsert(const PlanMapping& mapping)
{
    const PlanMapping checked = checkedMapping(mapping);
    write(checked, now());
    return *find(checked.stripeId);
}

PlanMapping MappingStore::upsertAudited(const PlanMapping& mapping, const QString& actor)
{
    const PlanMapping checked = checkedMapping(mapping);
    const std::int64_t at = now();
    SqliteTransaction transaction(m_connection);
    const std::optional<PlanMapping> before = find(checked.stripeId);
    if (before && before->sameContent(checked))
        return *before;
    write(checked, at);
    const PlanMapping after = *find(checked.stripeId);
    auditIn(at, actor, QStringLiteral("mappings.set"), after.stripeId,
            {{QStringLiteral("before"), before ? QJsonValue(before->toJson()) : QJsonValue()},
             {QStringLiteral("after"), after.toJson()}});
    transaction.commit();
    return after;
}

bool MappingStore::remove(const QString& stripeId)
{
    eraseIn(stripeId);
    return m_connection.changes() > 0;
}

bool MappingStore::removeAudited(const QString& stripeId, const QString& actor)
{
    SqliteTransaction transaction(m_connection);
    const std::optional<PlanMapping> before = find(stripeId);
    if (!before)
        return false;
    eraseIn(before->stripeId);
    auditIn(now(), actor, QStringLiteral("mappings.remove"), before->stripeId,
            {{QStringLiteral("before"), before->toJson()}});
    transaction.commit();
    return true;
}

void MappingStore::applyIn(const std::vector<PlanMapping>& upserts, const QStringList& removals,
                           std::int64_t at)
{
    for (const PlanMapping& mapping : upserts)
        write(checkedMapping(mapping), at);
    for (const QString& stripeId : removals)
        eraseIn(stripeId);
}

void MappingStore::apply(const std::vector<PlanMapping>& upserts, const QStringList& removals)
{
    SqliteTransaction transaction(m_connection);
    applyIn(upserts, removals, now());
    transaction.commit();
}

void MappingStore::applyAudited(const std::vector<PlanMapping>& upserts, const QStringList& removals,
                                const QString& action, const QString& subject, const QJsonObject& details,
                                const QString& actor)
{
    const std::int64_t at = now();
    SqliteTransaction transaction(m_connection);
    applyIn(upserts, removals, at);
    auditIn(at, actor, action, subject, details);
    transaction.commit();
}

std::optional<PlanMapping> MappingStore::lookup(const QString& priceId, const QString& productId)
{
    if (!priceId.isEmpty())
        if (auto price = find(priceId))
            return price;
    if (!productId.isEmpty())
        return find(productId);
    return std::nullopt;
}

std::vector<UnmappedPrice> MappingStore::unmappedPricesSeen(int limit, int scanEvents)
{
    std::vector<UnmappedPrice> prices;
    SqliteStatement rows = m_connection.prepare(kUnmappedSql);
    rows.bind(1, std::max(limit, 0)).bind(2, std::max(scanEvents, 0));
    auto text = [&](int column) { return rows.isNull(column) ? QString() : rows.text(column); };
    while (rows.step()) {
        UnmappedPrice price;
        price.priceId = rows.text(0);
        price.productId = text(1);
        price.nickname = text(2);
        price.lookupKey = text(3);
        price.interval = text(4);
        price.events = rows.int64(5);
        price.lastSeen = rows.int64(6);
        prices.push_back(std::move(price));
    }
    return prices;
}

} // namespace billbridge::store
