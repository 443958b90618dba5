#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace billbridge::store {

// Every failure of the storage layer surfaces as this; callers at service boundaries turn it into a
// value that an operator can read.
class StoreError : public std::runtime_error {
public:
    explicit StoreError(const QString& message, int sqliteCode = 0);
    QString message() const { return m_message; }
    int sqliteCode() const { return m_sqliteCode; }

private:
    QString m_message;
    int m_sqliteCode = 0;
};

class SqliteStatement;

// A thin RAII owner of one sqlite3 connection. One connection belongs to one thread at a time.
class SqliteConnection {
public:
    enum class Access { ReadWrite, ReadOnly };

    SqliteConnection();
    ~SqliteConnection();
    SqliteConnection(SqliteConnection&& other) noexcept;
    SqliteConnection& operator=(SqliteConnection&& other) noexcept;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    static SqliteConnection open(const QString& path, Access access);

    bool isOpen() const { return m_db != nullptr; }
    sqlite3* handle() const { return m_db; }
    void exec(const char* sql);
    SqliteStatement prepare(const char* sql) const;
    // The same, from a per-connection cache: compiling a statement costs more than running a small one,
    // and the writer runs the same few statements for every event. The statement returns to the cache
    // (reset, bindings cleared) when the returned object is destroyed; while it is out, the same SQL
    // prepares a fresh statement, so nesting is safe.
    SqliteStatement prepareCached(const char* sql);
    std::int64_t pragmaInt(const char* pragma);
    std::int64_t changes() const;
    void close();

private:
    struct StatementCache;

    sqlite3* m_db = nullptr;
    std::unique_ptr<StatementCache> m_cache;
};

class SqliteStatement {
public:
    SqliteStatement() = default;
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt);
    ~SqliteStatement();
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int index, std::int64_t value);
    SqliteStatement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    SqliteStatement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value)); }
    SqliteStatement& bind(int index, double value);
    // Text is bound as UTF-8; a null QString binds SQL NULL.
    SqliteStatement& bind(int index, const QString& value);
    SqliteStatement& bindBlob(int index, const QByteArray& value);
    SqliteStatement& bindNull(int index);

    // Returns true while a row is available; false when done. Throws on error.
    bool step();
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;

private:
    friend class SqliteConnection;
    void finish();
    sqlite3_stmt* release();

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    bool* m_lentFromCache = nullptr; // set while borrowed from a connection's cache
};

// BEGIN IMMEDIATE on construction, ROLLBACK unless commit() was called.
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteConnection& connection);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;
    void commit();

private:
    SqliteConnection& m_connection;
    bool m_open = true;
};

} // namespace billbridge::store
