#pragma once

#include "store/eventfilter.h"
#include "store/sqlite.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace billbridge::store {

struct SavedFilter {
    std::int64_t id = 0;
    QString name;
    EventFilter filter;
    std::int64_t createdAtMs = 0;
    std::int64_t updatedAtMs = 0;
};

// Named event filters kept in the store (table saved_filters, one JSON object per filter), so that the
// console and the CLI share them. Writes are rare and small; they take their own short transactions next
// to the intake writer's.
class SavedFilterStore final {
public:
    using Clock = std::function<std::int64_t()>; // milliseconds since the epoch

    explicit SavedFilterStore(SqliteConnection connection, Clock clock = {});
    static SavedFilterStore open(const QString& path, Clock clock = {});

    // Sorted by name, case-insensitively.
    std::vector<SavedFilter> list();
    std::optional<SavedFilter> find(const QString& name);
    // Creates the filter, or replaces the one of that name. Throws StoreError for an empty name.
    SavedFilter save(const QString& name, const EventFilter& filter);
    // False when `from` does not exist; throws StoreError when `to` is empty or taken.
    bool rename(const QString& from, const QString& to);
    bool remove(const QString& name);

private:
    std::int64_t now() const;
    static QString checkedName(const QString& name);

    SqliteConnection m_connection;
    Clock m_clock;
};

} // namespace billbridge::store
