#pragma once

#include "store/migrations.h"
#include "store/sqlite.h"

#include <QString>

#include <span>

namespace billbridge::store {

// Where the store lives and how a connection to it is opened. Opening for writing also brings the
// schema up to date; each migration runs in its own transaction, so a failure leaves the file as it was.
class Database final {
public:
    // Stamped into the file header so that a stray SQLite file is not mistaken for a store.
    static constexpr int kApplicationId = 0x42494c42; // "BILB"

    // The platform's app-data folder, e.g. ~/.local/share/Billbridge/billbridge.sqlite.
    static QString defaultPath();
    // --db wins, then BILLBRIDGE_DB, then defaultPath().
    static QString resolvePath(const QString& explicitPath);

    static int latestSchemaVersion(std::span<const Migration> migrations = builtinMigrations());

    // Opens (creating the file and its folder when missing) and migrates. Throws StoreError whose
    // message tells the operator what to do.
    static SqliteConnection openForWriting(const QString& path,
                                           std::span<const Migration> migrations = builtinMigrations());
    // Opens an existing, current store for reading on the calling thread.
    static SqliteConnection openForReading(const QString& path,
                                           std::span<const Migration> migrations = builtinMigrations());
};

} // namespace billbridge::store
