#include "store/sqlite.h"

#include <sqlite3.h>
#include <string>
#include <unordered_map>
#include <utility>

namespace billbridge::store {

namespace {

QString describe(sqlite3* db, int code)
{
    const char* detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    return QString::fromUtf8(detail ? detail : sqlite3_errstr(code));
}

} // namespace

StoreError::StoreError(const QString& message, int sqliteCode)
    : std::runtime_error(message.toStdString())
    , m_message(message)
    , m_sqliteCode(sqliteCode)
{}

struct SqliteConnection::StatementCache {
    struct Entry {
        sqlite3_stmt* statement = nullptr;
        bool lent = false;
    };
    // Node-based: an entry's address stays put while statements borrowed from it are out.
    std::unordered_map<std::string, Entry> entries;
};

SqliteConnection::SqliteConnection() = default;

SqliteConnection::~SqliteConnection()
{
    close();
}

SqliteConnection::SqliteConnection(SqliteConnection&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_cache(std::move(other.m_cache))
{}

SqliteConnection& SqliteConnection::operator=(SqliteConnection&& other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_cache = std::move(other.m_cache);
    }
    return *this;
}

SqliteConnection SqliteConnection::open(const QString& path, Access access)
{
    SqliteConnection connection;
    const int flags =
        (access == Access::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX;
    const QByteArray nativePath = path.toUtf8();
    const int rc = sqlite3_open_v2(nativePath.constData(), &connection.m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString detail = describe(connection.m_db, rc);
        connection.close();
        throw StoreError(QStringLiteral("cannot open %1: %2").arg(path, detail), rc);
    }
    sqlite3_extended_result_codes(connection.m_db, 1);
    // Readers and the writer share the file; a short wait beats failing on a momentary lock.
    sqlite3_busy_timeout(connection.m_db, 5000);
    return connection;
}

void SqliteConnection::exec(const char* sql)
{
    char* error = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const QString detail = QString::fromUtf8(error ? error : sqlite3_errstr(rc));
        sqlite3_free(error);
        throw StoreError(detail, rc);
    }
}

SqliteStatement SqliteConnection::prepare(const char* sql) const
{
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
        throw StoreError(describe(m_db, rc), rc);
    return SqliteStatement(m_db, stmt);
}

SqliteStatement SqliteConnection::prepareCached(const char* sql)
{
    if (!m_cache)
        m_cache = std::make_unique<StatementCache>();
    StatementCache::Entry& entry = m_cache->entries[std::string(sql)];
    if (entry.lent)
        return prepare(sql);
    if (!entry.statement)
        entry.statement = prepare(sql).release();
    entry.lent = true;
    SqliteStatement statement(m_db, entry.statement);
    statement.m_lentFromCache = &entry.lent;
    return statement;
}

std::int64_t SqliteConnection::pragmaInt(const char* pragma)
{
    const std::string sql = std::string("PRAGMA ") + pragma;
    SqliteStatement statement = prepare(sql.c_str());
    return statement.step() ? statement.int64(0) : 0;
}

std::int64_t SqliteConnection::changes() const
{
    return sqlite3_changes64(m_db);
}

void SqliteConnection::close()
{
    if (m_cache) {
        for (auto& [sql, entry] : m_cache->entries)
            sqlite3_finalize(entry.statement);
        m_cache.reset();
    }
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

SqliteStatement::SqliteStatement(sqlite3* db, sqlite3_stmt* stmt)
    : m_db(db)
    , m_stmt(stmt)
{}

SqliteStatement::~SqliteStatement()
{
    finish();
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_lentFromCache(std::exchange(other.m_lentFromCache, nullptr))
{}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept
{
    if (this != &other) {
        finish();
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_lentFromCache = std::exchange(other.m_lentFromCache, nullptr);
    }
    return *this;
}

void SqliteStatement::finish()
{
    if (m_lentFromCache) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        *m_lentFromCache = false;
        m_lentFromCache = nullptr;
    } else {
        sqlite3_finalize(m_stmt);
    }
    m_stmt = nullptr;
}

sqlite3_stmt* SqliteStatement::release()
{
    return std::exchange(m_stmt, nullptr);
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const QString& value)
{
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement& SqliteStatement::bindBlob(int index, const QByteArray& value)
{
    // SQLITE_STATIC is safe: the caller's QByteArray outlives step(), which is where SQLite reads it.
    sqlite3_bind_blob64(m_stmt, index, value.constData(), static_cast<sqlite3_uint64>(value.size()),
                        SQLITE_STATIC);
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QString detail = describe(m_db, rc);
    sqlite3_reset(m_stmt);
    throw StoreError(detail, rc);
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString SqliteStatement::text(int column) const
{
    if (isNull(column))
        return {};
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray SqliteStatement::blob(int column) const
{
    const void* data = sqlite3_column_blob(m_stmt, column);
    return QByteArray(static_cast<const char*>(data), sqlite3_column_bytes(m_stmt, column));
}

SqliteTransaction::SqliteTransaction(SqliteConnection& connection)
    : m_connection(connection)
{
    m_connection.exec("BEGIN IMMEDIATE");
}

SqliteTransaction::~SqliteTransaction()
{
    if (m_open) {
        try {
            m_connection.exec("ROLLBACK");
        } catch (const StoreError&) {
            // The connection already rolled back (e.g. after SQLITE_FULL); nothing left to undo.
        }
    }
}

void SqliteTransaction::commit()
{
    m_connection.exec("COMMIT");
    m_open = false;
}

} // namespace billbridge::store
