#include "store/fulltextindexer.h"

#include "store/database.h"
#include "util/hexdigits.h"
#include "util/logging.h"

#include <QSet>

#include <algorithm>
#include <pthread.h>
#include <vector>

namespace billbridge::store {

namespace {

// Idle poll: new events are picked up within this even without wake().
constexpr auto kPollInterval = std::chrono::milliseconds(500);
constexpr auto kRetryAfterError = std::chrono::seconds(2);
// Bounds one event's share of the index; payloads are 3–6 KB, this only stops pathological ones.
constexpr qsizetype kMaxTextBytes = 64 * 1024;

// Intake validated the escapes; a stray non-hex digit counts as 0 rather than stopping the indexer.
int hexDigit(char c)
{
    return std::max(util::hexDigitValue(c), 0);
}

// Decodes a JSON string body (between the quotes) that contains escapes. The payload was validated at
// intake, so the escapes are well formed.
QByteArray decodeEscaped(const char* at, const char* end)
{
    QString text;
    while (at < end) {
        if (*at != '\\') {
            const char* run = at;
            while (at < end && *at != '\\')
                ++at;
            text += QString::fromUtf8(run, at - run);
            continue;
        }
        ++at;
        if (at == end)
            break;
        const char e = *at++;
        if (e == 'u' && end - at >= 4) {
            const auto unit = char16_t(hexDigit(at[0]) << 12 | hexDigit(at[1]) << 8 | hexDigit(at[2]) << 4 |
                                       hexDigit(at[3]));
            at += 4;
            text += QChar(unit);
        } else if (e == '"' || e == '\\' || e == '/') {
            text += QLatin1Char(e);
        } else {
            text += QLatin1Char(' '); // \n, \t and friends separate words
        }
    }
    return text.toUtf8();
}

} // namespace

FullTextIndexer::FullTextIndexer(QString databasePath, int batchSize)
    : m_path(std::move(databasePath))
    , m_batchSize(std::max(batchSize, 1))
{}

FullTextIndexer::~FullTextIndexer()
{
    stop();
}

void FullTextIndexer::start()
{
    if (m_thread.joinable())
        throw StoreError(QStringLiteral("the full-text indexer is already running"));
    m_connection = Database::openForWriting(m_path);
    // The index is rebuilt from the mark after a crash, so its commits need not wait for the disk.
    m_connection.exec("PRAGMA synchronous = NORMAL");
    // FTS5 merges its segments on every commit; with SQLite's default 2 MB cache a million-event index
    // rereads them from the file each time and indexing slows to under a thousand events per second.
    m_connection.exec("PRAGMA cache_size = -65536");
    m_indexedSeq = progress(m_connection).indexedSeq;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    m_thread = std::thread([this] { run(); });
}

void FullTextIndexer::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    m_connection.close();
}

void FullTextIndexer::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wake.notify_all();
}

bool FullTextIndexer::waitUntilIndexed(std::int64_t seq, std::chrono::milliseconds timeout)
{
    wake();
    std::unique_lock lock(m_mutex);
    return m_progressed.wait_for(lock, timeout, [&] { return m_indexedSeq.load() >= seq; });
}

void FullTextIndexer::run()
{
    pthread_setname_np(pthread_self(), "bb-fulltext");
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        int indexed = 0;
        bool failed = false;
        try {
            indexed = indexBatch(m_connection, m_batchSize);
            if (indexed > 0)
                m_indexedSeq = progress(m_connection).indexedSeq;
        } catch (const StoreError& error) {
            qCWarning(lcStore) << "full-text indexing paused:" << error.message();
            failed = true;
        }
        lock.lock();
        m_progressed.notify_all();
        if (indexed > 0)
            continue;
        m_wake.wait_for(lock, failed ? std::chrono::milliseconds(kRetryAfterError) : kPollInterval,
                        [this] { return m_stopping || m_woken; });
        m_woken = false;
    }
}

FullTextIndexer::Progress FullTextIndexer::progress(SqliteConnection& connection)
{
    Progress progress;
    SqliteStatement statement =
        connection.prepare("SELECT (SELECT indexed_seq FROM fulltext_progress WHERE id = 1), "
                           "(SELECT coalesce(max(seq), 0) FROM events)");
    if (statement.step()) {
        progress.indexedSeq = statement.isNull(0) ? 0 : statement.int64(0);
        progress.latestSeq = statement.int64(1);
    }
    return progress;
}

int FullTextIndexer::indexBatch(SqliteConnection& connection, int batchSize)
{
    // Reading and extracting happen before the write lock is taken, so intake waits only for the inserts.
    std::vector<std::pair<std::int64_t, QString>> documents;
    std::int64_t from = progress(connection).indexedSeq;
    {
        SqliteStatement rows =
            connection.prepare("SELECT seq, raw FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2");
        rows.bind(1, from).bind(2, batchSize);
        while (rows.step())
            documents.emplace_back(rows.int64(0), indexableText(rows.blob(1)));
    }
    if (documents.empty())
        return 0;

    SqliteTransaction transaction(connection);
    // Another indexer on the same store may have moved the mark meanwhile; never index a row twice.
    const std::int64_t current = progress(connection).indexedSeq;
    SqliteStatement insert = connection.prepare("INSERT INTO events_fts (rowid, body) VALUES (?1, ?2)");
    int indexed = 0;
    for (const auto& [seq, text] : documents) {
        if (seq <= current)
            continue;
        insert.bind(1, seq).bind(2, text);
        insert.step();
        insert.reset();
        ++indexed;
    }
    SqliteStatement mark =
        connection.prepare("UPDATE fulltext_progress SET indexed_seq = max(indexed_seq, ?1) WHERE id = 1");
    mark.bind(1, documents.back().first);
    mark.step();
    transaction.commit();
    return std::max(indexed, 1);
}

QString FullTextIndexer::indexableText(const QByteArray& raw)
{
    QByteArray text;
    text.reserve(raw.size() / 2);
    QSet<QByteArray> seen;
    const char* at = raw.constData();
    const char* const end = at + raw.size();
    while (at < end && text.size() < kMaxTextBytes) {
        if (*at != '"') {
            ++at;
            continue;
        }
        const char* start = ++at;
        bool escaped = false;
        while (at < end && *at != '"') {
            if (*at == '\\') {
                escaped = true;
                ++at;
            }
            ++at;
        }
        const char* stop = std::min(at, end);
        ++at;
        const char* next = at;
        while (next < end && (*next == ' ' || *next == '\n' || *next == '\r' || *next == '\t'))
            ++next;
        if (next < end && *next == ':')
            continue; // a member name
        QByteArray value = escaped ? decodeEscaped(start, stop) : QByteArray(start, stop - start);
        if (value.isEmpty() || seen.contains(value))
            continue;
        text += value;
        text += '\n';
        seen.insert(std::move(value));
    }
    return QString::fromUtf8(text);
}

} // namespace billbridge::store
