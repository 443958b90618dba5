#include "store/database.h"

#include "store/migrationsteps.h"
#include "util/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QStandardPaths>

#include <algorithm>
#include <sqlite3.h>
#include <string>

namespace billbridge::store {

namespace {

std::int64_t readHeaderInt(SqliteConnection& connection, const char* pragma, const QString& path)
{
    try {
        return connection.pragmaInt(pragma);
    } catch (const StoreError& error) {
        if ((error.sqliteCode() & 0xff) == SQLITE_NOTADB)
            throw StoreError(QStringLiteral("%1 is not a Billbridge store (it is not an SQLite database). "
                                            "Point --db or BILLBRIDGE_DB at another file.")
                                 .arg(path),
                             error.sqliteCode());
        throw;
    }
}

bool hasUserTables(SqliteConnection& connection)
{
    SqliteStatement statement = connection.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
    return statement.step() && statement.int64(0) > 0;
}

// Refuses files that belong to something else or to a newer Billbridge before anything is written.
int checkCompatible(SqliteConnection& connection, const QString& path, int latest)
{
    const auto applicationId = readHeaderInt(connection, "application_id", path);
    const auto version = static_cast<int>(readHeaderInt(connection, "user_version", path));
    if (applicationId != Database::kApplicationId && (applicationId != 0 || hasUserTables(connection)))
        throw StoreError(QStringLiteral("%1 is an SQLite database but not a Billbridge store. "
                                        "Point --db or BILLBRIDGE_DB at a Billbridge store or a new file.")
                             .arg(path));
    if (version > latest)
        throw StoreError(
            QStringLiteral("%1 was written by a newer Billbridge (schema version %2; this build "
                           "understands up to %3). Install the newer Billbridge, or open another "
                           "store with --db.")
                .arg(path)
                .arg(version)
                .arg(latest));
    return version;
}

void applyConnectionPragmas(SqliteConnection& connection)
{
    // FULL: a commit is on disk before we acknowledge anything to Stripe.
    connection.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;");
}

} // namespace

QString Database::defaultPath()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (folder.isEmpty())
        folder = QDir::homePath() + QStringLiteral("/.local/share");
    return folder + QStringLiteral("/Billbridge/billbridge.sqlite");
}

QString Database::resolvePath(const QString& explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString fromEnvironment = qEnvironmentVariable("BILLBRIDGE_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return defaultPath();
}

int Database::latestSchemaVersion(std::span<const Migration> migrations)
{
    int latest = 0;
    for (const Migration& migration : migrations)
        latest = std::max(latest, migration.version);
    return latest;
}

SqliteConnection Database::openForWriting(const QString& path, std::span<const Migration> migrations)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        throw StoreError(QStringLiteral("cannot create the folder %1 for the store. Check its permissions or "
                                        "choose another location with --db.")
                             .arg(info.absolutePath()));

    SqliteConnection connection = SqliteConnection::open(path, SqliteConnection::Access::ReadWrite);
    const int latest = latestSchemaVersion(migrations);
    int version = checkCompatible(connection, path, latest);

    const QString mode = [&] {
        SqliteStatement statement = connection.prepare("PRAGMA journal_mode = WAL");
        return statement.step() ? statement.text(0) : QString();
    }();
    if (mode.compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        throw StoreError(
            QStringLiteral("%1 cannot use write-ahead logging (journal mode stays '%2'). Keep the "
                           "store on a local disk, not a network share.")
                .arg(path, mode));
    applyConnectionPragmas(connection);

    for (const Migration& migration : migrations) {
        if (migration.version <= version)
            continue;
        // PRAGMA foreign_keys is a no-op inside a transaction, so it is switched before the step begins.
        if (migration.rebuildsTables)
            connection.exec("PRAGMA foreign_keys = OFF");
        auto restoreForeignKeys = qScopeGuard([&] {
            if (migration.rebuildsTables)
                connection.exec("PRAGMA foreign_keys = ON");
        });
        try {
            SqliteTransaction transaction(connection);
            // Re-read inside the write lock: another process may have migrated meanwhile.
            const auto current = static_cast<int>(connection.pragmaInt("user_version"));
            if (current >= migration.version) {
                version = current;
                continue;
            }
            connection.exec(migration.sql);
            if (migrations.data() == builtinMigrations().data())
                applySchemaTextSteps(connection, migration.version);
            if (migration.rebuildsTables) {
                SqliteStatement check = connection.prepare("PRAGMA foreign_key_check");
                if (check.step())
                    throw StoreError(QStringLiteral("a row of %1 refers to a missing row of %2")
                                         .arg(check.text(0), check.text(2)));
            }
            const std::string stamp = "PRAGMA application_id = " + std::to_string(kApplicationId) +
                                      "; PRAGMA user_version = " + std::to_string(migration.version) + ";";
            connection.exec(stamp.c_str());
            transaction.commit();
            version = migration.version;
            qCInfo(lcStore) << "store migrated to schema version" << version << "-" << migration.description;
        } catch (const StoreError& error) {
            throw StoreError(
                QStringLiteral("upgrading %1 to schema version %2 (%3) failed: %4. The file was left "
                               "unchanged at version %5; report this with the message above.")
                    .arg(path)
                    .arg(migration.version)
                    .arg(QString::fromUtf8(migration.description), error.message())
                    .arg(version),
                error.sqliteCode());
        }
    }
    return connection;
}

SqliteConnection Database::openForReading(const QString& path, std::span<const Migration> migrations)
{
    if (!QFileInfo::exists(path))
        throw StoreError(
            QStringLiteral("no store at %1. Start 'billbridge-cli serve' or 'backfill' to create "
                           "one, or point --db at an existing store.")
                .arg(path));
    // Read-write open: WAL readers need to be able to create the -shm file; query_only keeps it read-only.
    SqliteConnection connection = SqliteConnection::open(path, SqliteConnection::Access::ReadWrite);
    const int latest = latestSchemaVersion(migrations);
    const int version = checkCompatible(connection, path, latest);
    if (version < latest)
        throw StoreError(QStringLiteral("%1 has schema version %2 but this build needs %3. Run "
                                        "'billbridge-cli serve' once to upgrade it.")
                             .arg(path)
                             .arg(version)
                             .arg(latest));
    applyConnectionPragmas(connection);
    connection.exec("PRAGMA query_only = ON");
    return connection;
}

} // namespace billbridge::store
