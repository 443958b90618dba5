#include "store/savedfilterstore.h"

#include "store/database.h"

#include <QDateTime>
#include <QJsonDocument>

#include <sqlite3.h>

namespace billbridge::store {

namespace {

SavedFilter readFilter(const SqliteStatement& row)
{
    SavedFilter saved;
    saved.id = row.int64(0);
    saved.name = row.text(1);
    // A damaged or foreign JSON text reads as an empty filter rather than hiding the entry.
    saved.filter = EventFilter::fromJson(QJsonDocument::fromJson(row.text(2).toUtf8()).object());
    saved.createdAtMs = row.int64(3);
    saved.updatedAtMs = row.int64(4);
    return saved;
}

QString serialise(const EventFilter& filter)
{
    return QString::fromUtf8(QJsonDocument(filter.toJson()).toJson(QJsonDocument::Compact));
}

} // namespace

SavedFilterStore::SavedFilterStore(SqliteConnection connection, Clock clock)
    : m_connection(std::move(connection))
    , m_clock(std::move(clock))
{}

SavedFilterStore SavedFilterStore::open(const QString& path, Clock clock)
{
    return SavedFilterStore(Database::openForWriting(path), std::move(clock));
}

std::int64_t SavedFilterStore::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

QString SavedFilterStore::checkedName(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw StoreError(QStringLiteral("a saved filter needs a name; type one and save again"));
    return trimmed;
}

std::vector<SavedFilter> SavedFilterStore::list()
{
    std::vector<SavedFilter> filters;
    SqliteStatement rows = m_connection.prepare(
        "SELECT id, name, filter, created_at_ms, updated_at_ms FROM saved_filters ORDER BY name COLLATE "
        "NOCASE, name");
    while (rows.step())
        filters.push_back(readFilter(rows));
    return filters;
}

std::optional<SavedFilter> SavedFilterStore::find(const QString& name)
{
    SqliteStatement row = m_connection.prepare(
        "SELECT id, name, filter, created_at_ms, updated_at_ms FROM saved_filters WHERE name = ?1");
    row.bind(1, name.trimmed());
    if (!row.step())
        return std::nullopt;
    return readFilter(row);
}

SavedFilter SavedFilterStore::save(const QString& name, const EventFilter& filter)
{
    const QString checked = checkedName(name);
    const std::int64_t at = now();
    {
        SqliteStatement upsert = m_connection.prepare(
            "INSERT INTO saved_filters (name, filter, created_at_ms, updated_at_ms) VALUES (?1, ?2, ?3, ?3) "
            "ON CONFLICT (name) DO UPDATE SET filter = excluded.filter, updated_at_ms = "
            "excluded.updated_at_ms");
        upsert.bind(1, checked).bind(2, serialise(filter)).bind(3, at);
        upsert.step();
    }
    return *find(checked);
}

bool SavedFilterStore::rename(const QString& from, const QString& to)
{
    const QString target = checkedName(to);
    if (target != from.trimmed() && find(target))
        throw StoreError(QStringLiteral("a saved filter named '%1' already exists; choose another name or "
                                        "delete that one first")
                             .arg(target));
    SqliteStatement update =
        m_connection.prepare("UPDATE saved_filters SET name = ?2, updated_at_ms = ?3 WHERE name = ?1");
    update.bind(1, from.trimmed()).bind(2, target).bind(3, now());
    update.step();
    return m_connection.changes() > 0;
}

bool SavedFilterStore::remove(const QString& name)
{
    SqliteStatement erase = m_connection.prepare("DELETE FROM saved_filters WHERE name = ?1");
    erase.bind(1, name.trimmed());
    erase.step();
    return m_connection.changes() > 0;
}

} // namespace billbridge::store
