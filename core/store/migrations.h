#pragma once

#include <span>

namespace billbridge::store {

// One step of the schema's history. Steps are append-only: a released step is never edited, so every
// store reaches the same schema whatever version it started from.
struct Migration {
    int version;
    const char* description;
    const char* sql;
};

std::span<const Migration> builtinMigrations();

} // namespace billbridge::store
