#include "store/database.h"
#include "store/migrations.h"
#include "store/sqlite.h"
#include "support/tempstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using billbridge::store::builtinMigrations;
using billbridge::store::Database;
using billbridge::store::Migration;
using billbridge::store::SqliteConnection;
using billbridge::store::SqliteStatement;
using billbridge::store::StoreError;

namespace billbridge::test {

namespace {

constexpr Migration kGoodHistory[] = {
    {1, "notes table",
     "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"
     "INSERT INTO notes (body) VALUES ('seeded by step one');"},
};

// Step 2 creates a table, then fails half-way: nothing of it may remain.
constexpr Migration kBrokenHistory[] = {
    kGoodHistory[0],
    {2, "tags for notes",
     "CREATE TABLE tags (note INTEGER, tag TEXT);"
     "INSERT INTO tags VALUES (1, 'first');"
     "ALTER TABLE notes ADD COLUMN tagged INTEGER;"
     "INSERT INTO no_such_table VALUES (1);"},
};

constexpr Migration kFixedHistory[] = {
    kGoodHistory[0],
    {2, "tags for notes", "CREATE TABLE tags (note INTEGER, tag TEXT);"},
};

QByteArray fileDigest(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QString textPragma(SqliteConnection& connection, const char* sql)
{
    SqliteStatement statement = connection.prepare(sql);
    return statement.step() ? statement.text(0) : QString();
}

// Schema and content, as text, to compare a file before and after.
QString dump(SqliteConnection& connection)
{
    QString text;
    SqliteStatement schema =
        connection.prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name");
    while (schema.step())
        text += schema.text(0) + QLatin1Char(' ') + schema.text(1) + QLatin1Char(' ') + schema.text(2) +
                QLatin1Char('\n');
    SqliteStatement tables =
        connection.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'notes'");
    if (tables.step()) {
        SqliteStatement rows = connection.prepare("SELECT * FROM notes ORDER BY id");
        while (rows.step())
            text += QString::number(rows.int64(0)) + QLatin1Char('|') + rows.text(1) + QLatin1Char('\n');
    }
    text += QStringLiteral("user_version=%1\n").arg(connection.pragmaInt("user_version"));
    text += QStringLiteral("application_id=%1\n").arg(connection.pragmaInt("application_id"));
    return text;
}

std::optional<QString> openError(const QString& path, std::span<const Migration> migrations = {})
{
    try {
        if (migrations.empty())
            Database::openForWriting(path);
        else
            Database::openForWriting(path, migrations);
    } catch (const StoreError& error) {
        return error.message();
    }
    return std::nullopt;
}

std::optional<QString> readError(const QString& path, std::span<const Migration> migrations = {})
{
    try {
        if (migrations.empty())
            Database::openForReading(path);
        else
            Database::openForReading(path, migrations);
    } catch (const StoreError& error) {
        return error.message();
    }
    return std::nullopt;
}

} // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void newFileIsAStore();
    void createsMissingFolders();
    void writerConnectionIsDurable();
    void reopeningIsIdempotent();
    void resolvePath();
    void defaultPathFollowsXdgDataHome();
    void newerSchemaIsRefusedUntouched();
    void notSqliteIsRefusedUntouched();
    void foreignSqliteIsRefusedUntouched_data();
    void foreignSqliteIsRefusedUntouched();
    void emptyFileBecomesAStore();
    void failingMigrationLeavesFileAsItWas();
    void failingMigrationOnFreshFileStopsAtLastGoodStep();
    void migrationResumesAfterFix();
    void rebuildingTheJobsTableKeepsJobsAndAttempts();
    void decisionsMoveToEventSeqAndChecksStayEnforced();
    void readingNeedsAnExistingCurrentStore();
    void readConnectionIsReadOnly();

private:
    std::optional<QTemporaryDir> m_dir;
    QString path(const QString& name = QStringLiteral("store.sqlite")) const { return m_dir->filePath(name); }
};

void TestDatabase::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
}

void TestDatabase::cleanup()
{
    m_dir.reset();
}

void TestDatabase::newFileIsAStore()
{
    QVERIFY(!QFileInfo::exists(path()));
    SqliteConnection connection = Database::openForWriting(path());
    QVERIFY(connection.isOpen());
    QVERIFY(QFileInfo::exists(path()));
    QCOMPARE(textPragma(connection, "PRAGMA journal_mode"), QStringLiteral("wal"));
    QCOMPARE(connection.pragmaInt("application_id"), Database::kApplicationId);
    QCOMPARE(connection.pragmaInt("user_version"), Database::latestSchemaVersion());
    QVERIFY(Database::latestSchemaVersion() >= 1);
    for (const char* table : {"events", "intake_state", "intake_counters"}) {
        SqliteStatement statement = connection.prepare("SELECT count(*) FROM sqlite_schema WHERE name = ?1");
        statement.bind(1, QString::fromLatin1(table));
        QVERIFY(statement.step());
        QVERIFY2(statement.int64(0) == 1, table);
    }
    // The header carries the stamp, so other tools (and `file`) can tell what the file is.
    connection.close();
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.read(100);
    QVERIFY(header.startsWith("SQLite format 3"));
    QCOMPARE(header.mid(68, 4), QByteArray("BILB"));
}

void TestDatabase::createsMissingFolders()
{
    const QString nested = m_dir->filePath(QStringLiteral("a/b/c/store.sqlite"));
    SqliteConnection connection = Database::openForWriting(nested);
    QVERIFY(QFileInfo(nested).isFile());

    // A folder that cannot be created is reported with the folder's name and a way out.
    QFile blocker(m_dir->filePath(QStringLiteral("file-not-folder")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const auto error = openError(m_dir->filePath(QStringLiteral("file-not-folder/store.sqlite")));
    QVERIFY(error);
    QVERIFY2(error->contains(QStringLiteral("file-not-folder")), qPrintable(*error));
    QVERIFY2(error->contains(QStringLiteral("--db")), qPrintable(*error));
}

void TestDatabase::writerConnectionIsDurable()
{
    SqliteConnection connection = Database::openForWriting(path());
    QCOMPARE(connection.pragmaInt("synchronous"), 2); // FULL
    QCOMPARE(connection.pragmaInt("foreign_keys"), 1);
    // Also on a second open of an existing, current store (no migration runs then).
    connection.close();
    SqliteConnection again = Database::openForWriting(path());
    QCOMPARE(again.pragmaInt("synchronous"), 2);
    QCOMPARE(textPragma(again, "PRAGMA journal_mode"), QStringLiteral("wal"));
}

void TestDatabase::reopeningIsIdempotent()
{
    QString before;
    {
        SqliteConnection connection = Database::openForWriting(path());
        connection.exec("INSERT INTO intake_state (key, value, updated_at_ms) VALUES ('cursor', 'evt_1', 1)");
        before = dump(connection);
    }
    for (int i = 0; i < 3; ++i) {
        SqliteConnection connection = Database::openForWriting(path());
        QCOMPARE(dump(connection), before);
        SqliteStatement value = connection.prepare("SELECT value FROM intake_state WHERE key = 'cursor'");
        QVERIFY(value.step());
        QCOMPARE(value.text(0), QStringLiteral("evt_1"));
    }
}

void TestDatabase::resolvePath()
{
    const QByteArray saved = qgetenv("BILLBRIDGE_DB");
    const bool wasSet = qEnvironmentVariableIsSet("BILLBRIDGE_DB");
    auto restore = qScopeGuard([&] {
        if (wasSet)
            qputenv("BILLBRIDGE_DB", saved);
        else
            qunsetenv("BILLBRIDGE_DB");
    });

    qunsetenv("BILLBRIDGE_DB");
    QCOMPARE(Database::resolvePath(QString()), Database::defaultPath());
    QCOMPARE(Database::resolvePath(QStringLiteral("/srv/explicit.sqlite")),
             QStringLiteral("/srv/explicit.sqlite"));

    qputenv("BILLBRIDGE_DB", "/srv/from-environment.sqlite");
    QCOMPARE(Database::resolvePath(QString()), QStringLiteral("/srv/from-environment.sqlite"));
    // --db wins over the environment.
    QCOMPARE(Database::resolvePath(QStringLiteral("/srv/explicit.sqlite")),
             QStringLiteral("/srv/explicit.sqlite"));

    // An empty variable counts as unset.
    qputenv("BILLBRIDGE_DB", "");
    QCOMPARE(Database::resolvePath(QString()), Database::defaultPath());
}

void TestDatabase::defaultPathFollowsXdgDataHome()
{
    const QByteArray saved = qgetenv("XDG_DATA_HOME");
    const bool wasSet = qEnvironmentVariableIsSet("XDG_DATA_HOME");
    auto restore = qScopeGuard([&] {
        if (wasSet)
            qputenv("XDG_DATA_HOME", saved);
        else
            qunsetenv("XDG_DATA_HOME");
    });
    qputenv("XDG_DATA_HOME", m_dir->path().toUtf8());
    QCOMPARE(Database::defaultPath(), m_dir->path() + QStringLiteral("/Billbridge/billbridge.sqlite"));
}

void TestDatabase::newerSchemaIsRefusedUntouched()
{
    {
        SqliteConnection connection = Database::openForWriting(path());
        connection.exec(
            "INSERT INTO intake_counters (name, value) VALUES ('kept', 7); PRAGMA user_version = 99;");
    }
    const QByteArray before = fileDigest(path());
    QVERIFY(!before.isEmpty());

    const auto error = openError(path());
    QVERIFY(error);
    QVERIFY2(error->contains(path()), qPrintable(*error));
    QVERIFY2(error->contains(QStringLiteral("99")), qPrintable(*error));
    QVERIFY2(error->contains(QStringLiteral("up to %1").arg(Database::latestSchemaVersion())),
             qPrintable(*error));
    QVERIFY2(error->contains(QStringLiteral("newer Billbridge")), qPrintable(*error));
    QCOMPARE(fileDigest(path()), before);

    const auto readingError = readError(path());
    QVERIFY(readingError);
    QVERIFY2(readingError->contains(QStringLiteral("99")), qPrintable(*readingError));
    QCOMPARE(fileDigest(path()), before);
}

void TestDatabase::notSqliteIsRefusedUntouched()
{
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < 200; ++i)
        file.write("id,type,created\nevt_1T3st,invoice.paid,1788254045\n");
    file.close();
    const QByteArray before = fileDigest(path());

    const auto error = openError(path());
    QVERIFY(error);
    QVERIFY2(error->contains(path()), qPrintable(*error));
    QVERIFY2(error->contains(QStringLiteral("not an SQLite database")), qPrintable(*error));
    QVERIFY2(error->contains(QStringLiteral("--db")), qPrintable(*error));
    QCOMPARE(fileDigest(path()), before);
    QVERIFY(!QFileInfo::exists(path() + QStringLiteral("-wal")));

    QVERIFY(readError(path()));
    QCOMPARE(fileDigest(path()), before);
}

void TestDatabase::foreignSqliteIsRefusedUntouched_data()
{
    QTest::addColumn<QByteArray>("setup");
    QTest::newRow("another application's tables")
        << QByteArray("CREATE TABLE bookmarks (url TEXT);"
                      "INSERT INTO bookmarks VALUES ('https://example.com');");
    QTest::newRow("another application id") << QByteArray("PRAGMA application_id = 1234;");
    QTest::newRow("another id and tables") << QByteArray(
        "PRAGMA application_id = 1234; CREATE TABLE events (id TEXT); PRAGMA user_version = 1;");
}

void TestDatabase::foreignSqliteIsRefusedUntouched()
{
    QFETCH(QByteArray, setup);
    {
        SqliteConnection foreign = SqliteConnection::open(path(), SqliteConnection::Access::ReadWrite);
        foreign.exec(setup.constData());
    }
    const QByteArray before = fileDigest(path());
    QVERIFY(!before.isEmpty());

    const auto error = openError(path());
    QVERIFY(error);
    QVERIFY2(error->contains(QStringLiteral("not a Billbridge store")), qPrintable(*error));
    QVERIFY2(error->contains(path()), qPrintable(*error));
    QCOMPARE(fileDigest(path()), before);
    // Not even switched to WAL.
    SqliteConnection check = SqliteConnection::open(path(), SqliteConnection::Access::ReadOnly);
    QCOMPARE(textPragma(check, "PRAGMA journal_mode"), QStringLiteral("delete"));

    QVERIFY(readError(path()));
    QCOMPARE(fileDigest(path()), before);
}

void TestDatabase::emptyFileBecomesAStore()
{
    // A zero-byte file (e.g. made by `touch`) is an empty SQLite database: nothing to lose.
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    SqliteConnection connection = Database::openForWriting(path());
    QCOMPARE(connection.pragmaInt("user_version"), Database::latestSchemaVersion());
}

void TestDatabase::failingMigrationLeavesFileAsItWas()
{
    QString before;
    {
        SqliteConnection connection = Database::openForWriting(path(), kGoodHistory);
        QCOMPARE(connection.pragmaInt("user_version"), 1);
        before = dump(connection);
    }
    QVERIFY(before.contains(QStringLiteral("seeded by step one")));

    const auto error = openError(path(), kBrokenHistory);
    QVERIFY(error);
    QVERIFY2(error->contains(QStringLiteral("schema version 2")), qPrintable(*error));
    QVERIFY2(error->contains(QStringLiteral("tags for notes")), qPrintable(*error));
    QVERIFY2(error->contains(QStringLiteral("no_such_table")), qPrintable(*error));
    QVERIFY2(error->contains(QStringLiteral("at version 1")), qPrintable(*error));
    QVERIFY2(error->contains(path()), qPrintable(*error));

    SqliteConnection connection = SqliteConnection::open(path(), SqliteConnection::Access::ReadWrite);
    QCOMPARE(dump(connection), before);
}

void TestDatabase::failingMigrationOnFreshFileStopsAtLastGoodStep()
{
    QString reference;
    {
        SqliteConnection connection =
            Database::openForWriting(path(QStringLiteral("reference.sqlite")), kGoodHistory);
        reference = dump(connection);
    }
    const auto error = openError(path(), kBrokenHistory);
    QVERIFY(error);
    QVERIFY2(error->contains(QStringLiteral("schema version 2")), qPrintable(*error));
    SqliteConnection connection = SqliteConnection::open(path(), SqliteConnection::Access::ReadWrite);
    QCOMPARE(connection.pragmaInt("user_version"), 1);
    QCOMPARE(dump(connection), reference);
}

void TestDatabase::migrationResumesAfterFix()
{
    QVERIFY(openError(path(), kBrokenHistory));
    SqliteConnection connection = Database::openForWriting(path(), kFixedHistory);
    QCOMPARE(connection.pragmaInt("user_version"), 2);
    QVERIFY(dump(connection).contains(QStringLiteral("CREATE TABLE tags")));
    QVERIFY(dump(connection).contains(QStringLiteral("seeded by step one")));
}

void TestDatabase::rebuildingTheJobsTableKeepsJobsAndAttempts()
{
    const auto all = builtinMigrations();
    const auto upToSeven = all.first(7);
    {
        SqliteConnection connection = Database::openForWriting(path(), upToSeven);
        connection.exec("INSERT INTO jobs (id, operation, api, customer_id, idempotency_key, payload, state, "
                        "not_before_ms, attempts, created_at_ms, updated_at_ms) VALUES (7, 'track.identify', "
                        "'track', 'cus_1', 'evt_1:identify', '{}', 'dead', 5, 2, 1, 9)");
        connection.exec("INSERT INTO job_attempts (job_id, started_at_ms, duration_ms, http_status) VALUES "
                        "(7, 3, 4, 500), (7, 6, 7, 500)");
    }
    SqliteConnection connection = Database::openForWriting(path(), all);
    QCOMPARE(connection.pragmaInt("user_version"), all.back().version);
    QCOMPARE(connection.pragmaInt("foreign_keys"), 1);
    SqliteStatement job = connection.prepare("SELECT idempotency_key, state, attempts, rule_id FROM jobs");
    QVERIFY(job.step());
    QCOMPARE(job.text(0), QStringLiteral("evt_1:identify"));
    QCOMPARE(job.text(1), QStringLiteral("dead"));
    QCOMPARE(job.int64(2), 2);
    QVERIFY(job.isNull(3));
    SqliteStatement attempts = connection.prepare("SELECT count(*) FROM job_attempts WHERE job_id = 7");
    QVERIFY(attempts.step());
    QCOMPARE(attempts.int64(0), 2);
    // The rebuilt table still cascades deletes to its attempts and accepts Slack jobs.
    connection.exec("DELETE FROM jobs WHERE id = 7");
    SqliteStatement left = connection.prepare("SELECT count(*) FROM job_attempts");
    QVERIFY(left.step());
    QCOMPARE(left.int64(0), 0);
    connection.exec(
        "INSERT INTO jobs (operation, api, idempotency_key, payload, state, not_before_ms, "
        "created_at_ms, updated_at_ms) VALUES ('slack.post', 'slack', 'k', '{}', 'pending', 1, 1, 1)");
}

void TestDatabase::decisionsMoveToEventSeqAndChecksStayEnforced()
{
    const auto all = builtinMigrations();
    {
        SqliteConnection connection = Database::openForWriting(path(), all.first(8));
        connection.exec(
            "INSERT INTO events (seq, id, type, created, livemode, source, received_at_ms, signature, "
            "raw) VALUES (41, 'evt_a', 'invoice.paid', 10, 0, 'webhook', 11, 'verified', '{}'), "
            "(42, 'evt_b', 'invoice.paid', 12, 0, 'poll', 13, 'api', '{}')");
        connection.exec(
            "INSERT INTO sync_events (event_id, customer_id, verdict, reason, jobs, planned_at_ms) "
            "VALUES ('evt_b', 'cus_1', 'stale', 'older than the newest', 0, 99)");
        connection.exec(
            "INSERT INTO jobs (operation, api, customer_id, idempotency_key, payload, event_id, "
            "state, not_before_ms, created_at_ms, updated_at_ms) VALUES ('track.identify', 'track', "
            "'cus_1', 'evt_b:identify', '{}', 'evt_b', 'retry_scheduled', 5, 1, 9)");
    }
    SqliteConnection connection = Database::openForWriting(path(), all);
    QCOMPARE(connection.pragmaInt("user_version"), all.back().version);

    // The old decision is kept, keyed by the event's seq, and still readable by event id.
    SqliteStatement decision = connection.prepare("SELECT event_seq, verdict, reason FROM sync_decisions");
    QVERIFY(decision.step());
    QCOMPARE(decision.int64(0), 42);
    QCOMPARE(decision.text(1), QStringLiteral("stale"));
    QVERIFY(!decision.step());
    SqliteStatement byId = connection.prepare(
        "SELECT verdict, customer_id, planned_at_ms FROM sync_events WHERE event_id = 'evt_b'");
    QVERIFY(byId.step());
    QCOMPARE(byId.text(0), QStringLiteral("stale"));
    QCOMPARE(byId.text(1), QStringLiteral("cus_1"));
    QCOMPARE(byId.int64(2), 99);
    QCOMPARE(textPragma(connection, "SELECT count(*) FROM sqlite_schema WHERE name = 'jobs_by_event'"),
             QStringLiteral("0"));

    // The constraints now read as equalities and still refuse what they refused before.
    const QString jobsSql = textPragma(connection, "SELECT sql FROM sqlite_schema WHERE name = 'jobs'");
    QVERIFY2(jobsSql.contains(QStringLiteral("state = 'pending' OR")), qPrintable(jobsSql));
    QVERIFY(!jobsSql.contains(QStringLiteral("IN (")));
    const QString eventsSql = textPragma(connection, "SELECT sql FROM sqlite_schema WHERE name = 'events'");
    QVERIFY2(eventsSql.contains(QStringLiteral("source = 'webhook' OR")), qPrintable(eventsSql));
    QVERIFY_THROWS_EXCEPTION(StoreError, connection.exec("UPDATE jobs SET state = 'lost'"));
    QVERIFY_THROWS_EXCEPTION(StoreError, connection.exec("UPDATE jobs SET api = 'mail'"));
    QVERIFY_THROWS_EXCEPTION(StoreError,
                             connection.exec("UPDATE events SET source = 'email' WHERE seq = 41"));
    connection.exec("UPDATE jobs SET state = 'discarded'");
    for (const char* insert :
         {"EXPLAIN INSERT INTO jobs (operation, api, idempotency_key, payload, state, not_before_ms, "
          "created_at_ms, updated_at_ms) VALUES ('slack.post', 'slack', 'k', '{}', 'pending', 1, 1, 1)",
          "EXPLAIN INSERT INTO events (id, type, created, livemode, source, received_at_ms, signature, raw) "
          "VALUES ('evt_c', 't', 1, 0, 'backfill', 1, 'api', '{}')"}) {
        SqliteStatement program = connection.prepare(insert);
        while (program.step())
            QVERIFY2(program.text(1) != QLatin1String("OpenEphemeral"), insert);
    }
    // A store opened again is not edited twice, and another connection reads the same constraints.
    connection = SqliteConnection();
    SqliteConnection reopened = Database::openForWriting(path(), all);
    QCOMPARE(textPragma(reopened, "SELECT sql FROM sqlite_schema WHERE name = 'jobs'"), jobsSql);
    QVERIFY_THROWS_EXCEPTION(StoreError, reopened.exec("UPDATE jobs SET state = 'lost'"));

    // A decision goes with its event.
    reopened.exec("DELETE FROM events WHERE seq = 42");
    QCOMPARE(textPragma(reopened, "SELECT count(*) FROM sync_decisions"), QStringLiteral("0"));
}

void TestDatabase::readingNeedsAnExistingCurrentStore()
{
    const QString missing = path(QStringLiteral("missing/store.sqlite"));
    const auto error = readError(missing);
    QVERIFY(error);
    QVERIFY2(error->contains(QStringLiteral("no store at")), qPrintable(*error));
    QVERIFY2(error->contains(missing), qPrintable(*error));
    // Reading never creates anything.
    QVERIFY(!QFileInfo::exists(missing));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("missing"))));

    // An older schema is not upgraded by a reader; it says how to upgrade.
    {
        SqliteConnection old = Database::openForWriting(path(), kGoodHistory);
    }
    const QByteArray before = fileDigest(path());
    const auto oldError = readError(path(), kFixedHistory);
    QVERIFY(oldError);
    QVERIFY2(oldError->contains(QStringLiteral("schema version 1")), qPrintable(*oldError));
    QVERIFY2(oldError->contains(QStringLiteral("needs 2")), qPrintable(*oldError));
    QVERIFY2(oldError->contains(QStringLiteral("serve")), qPrintable(*oldError));
    QCOMPARE(fileDigest(path()), before);
}

void TestDatabase::readConnectionIsReadOnly()
{
    {
        SqliteConnection writer = Database::openForWriting(path());
    }
    SqliteConnection reader = Database::openForReading(path());
    QCOMPARE(reader.pragmaInt("query_only"), 1);
    QVERIFY_THROWS_EXCEPTION(StoreError,
                             reader.exec("INSERT INTO intake_counters (name, value) VALUES ('nope', 1)"));
    SqliteStatement count = reader.prepare("SELECT count(*) FROM intake_counters WHERE name = 'nope'");
    QVERIFY(count.step());
    QCOMPARE(count.int64(0), 0);
}

} // namespace billbridge::test

QTEST_GUILESS_MAIN(billbridge::test::TestDatabase)
#include "tst_database.moc"
