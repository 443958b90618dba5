#pragma once

#include <span>

namespace billbridge::store {

// One step of the schema's history. Steps are append-only: a released step is never edited, so every
// store reaches the same schema whatever version it started from.
struct Migration {
    int version;
    const char* description;
    const char* sql;
    // A step that rebuilds a table others refer to (SQLite's way to change a column's CHECK): the runner
    // switches foreign keys off around it, so that dropping the old table cascades nothing, and checks
    // every reference before committing.
    bool rebuildsTables = false;
};

std::span<const Migration> builtinMigrations();

} // namespace billbridge::store
