#include "store/eventwriter.h"

#include "store/database.h"
#include "store/jobqueue.h"
#include "store/sqlite.h"
#include "util/logging.h"

#include <QDateTime>

#include <future>
#include <pthread.h>
#include <sqlite3.h>

namespace billbridge::store {

namespace {
// Bounds one transaction so that a flood cannot delay the first completion of a group indefinitely.
constexpr std::size_t kMaxRequestsPerCommit = 4096;
// WAL size (in pages) that wakes the checkpointer early; it also runs on a timer when idle.
constexpr int kCheckpointPages = 2000;
constexpr auto kCheckpointInterval = std::chrono::seconds(1);
} // namespace

struct EventWriter::Statements {
    SqliteConnection connection;
    SqliteStatement insertEvent;
    SqliteStatement countDuplicate;
    SqliteStatement upsertState;
    SqliteStatement addCounter;
    SqliteStatement lastSeq;
    SqliteStatement savepoint;
    SqliteStatement release;
    SqliteStatement rollbackToSavepoint;

    explicit Statements(SqliteConnection&& opened)
        : connection(std::move(opened))
    {
        insertEvent = connection.prepare(
            "INSERT INTO events (id, type, created, livemode, api_version, account, object_type, object_id, "
            "customer_id, source, received_at_ms, signature, signature_header, raw, customer_email, amount, "
            "currency, object_status) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) "
            "ON CONFLICT (id) DO NOTHING");
        countDuplicate = connection.prepare("UPDATE events SET duplicate_count = duplicate_count + 1, "
                                            "last_duplicate_at_ms = ?2 WHERE id = ?1");
        upsertState =
            connection.prepare("INSERT INTO intake_state (key, value, updated_at_ms) VALUES (?1, ?2, ?3) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                               "updated_at_ms = excluded.updated_at_ms");
        addCounter = connection.prepare("INSERT INTO intake_counters (name, value) VALUES (?1, ?2) "
                                        "ON CONFLICT (name) DO UPDATE SET value = value + excluded.value");
        lastSeq = connection.prepare("SELECT coalesce(max(seq), 0) FROM events");
        savepoint = connection.prepare("SAVEPOINT request");
        release = connection.prepare("RELEASE request");
        rollbackToSavepoint = connection.prepare("ROLLBACK TO request");
    }

    static void run(SqliteStatement& statement)
    {
        statement.step();
        statement.reset();
    }
};

EventWriter::EventWriter(QString databasePath)
    : m_path(std::move(databasePath))
{}

EventWriter::~EventWriter()
{
    stop();
}

void EventWriter::start()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_running || m_thread.joinable())
            throw StoreError(QStringLiteral("the store writer is already running"));
        m_stopping = false;
    }
    std::promise<void> started;
    auto ready = started.get_future();
    m_thread = std::thread([this, &started] { run(&started); });
    try {
        ready.get();
    } catch (...) {
        m_thread.join();
        throw;
    }
}

void EventWriter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_running && !m_thread.joinable())
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void EventWriter::submit(WriteRequest request, Completion done)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_running) {
            WriteResult refused;
            refused.error = QStringLiteral("the store is not open for writing");
            if (done)
                done(refused);
            return;
        }
        m_queue.push_back({std::move(request), std::move(done)});
    }
    m_wake.notify_one();
}

WriteResult EventWriter::write(WriteRequest request)
{
    std::promise<WriteResult> promise;
    auto result = promise.get_future();
    submit(std::move(request), [&promise](const WriteResult& outcome) { promise.set_value(outcome); });
    return result.get();
}

void EventWriter::addToCounter(const QString& name, std::int64_t delta)
{
    {
        std::lock_guard lock(m_mutex);
        m_counters[name] += delta;
    }
    m_wake.notify_one();
}

void EventWriter::enqueuePlannedJobs(SqliteConnection& connection, const IncomingEvent& event,
                                     std::int64_t nowMs)
{
    std::vector<NewJob> jobs;
    try {
        jobs = m_planner(connection, event);
    } catch (const StoreError&) {
        throw;
    } catch (const std::exception& error) {
        // Storing the event without its jobs would lose the sync silently; refusing it keeps it at the
        // sender, which delivers it again, and the failure shows in the intake log.
        throw StoreError(QStringLiteral("planning the Customer.io jobs of %1 failed: %2")
                             .arg(event.fields.id, QString::fromUtf8(error.what())));
    }
    for (const NewJob& job : jobs)
        JobQueue::enqueueIn(connection, job, nowMs);
}

void EventWriter::setJobPlanner(JobPlanner planner)
{
    std::lock_guard lock(m_mutex);
    m_planner = std::move(planner);
}

void EventWriter::setCommitObserver(CommitObserver observer)
{
    std::lock_guard lock(m_mutex);
    m_observer = std::move(observer);
}

std::int64_t EventWriter::commitCount() const
{
    std::lock_guard lock(m_mutex);
    return m_commits;
}

void EventWriter::run(std::promise<void>* started)
{
    pthread_setname_np(pthread_self(), "store-writer");
    try {
        m_statements = new Statements(Database::openForWriting(m_path));
    } catch (...) {
        started->set_exception(std::current_exception());
        return;
    }
    // A planning writer touches the job, sync and index pages of many customers per commit; with SQLite's
    // default 2 MB cache it spills dirty pages into the log mid-transaction and writes them twice.
    m_statements->connection.exec("PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864; "
                                  "PRAGMA cache_size = -65536;");
    sqlite3_wal_hook(m_statements->connection.handle(), &EventWriter::onWalCommit, this);
    {
        std::lock_guard lock(m_mutex);
        m_running = true;
        m_checkpointStopping = false;
    }
    m_checkpointThread = std::thread([this] { runCheckpoints(); });
    started->set_value();

    std::vector<Pending> batch;
    std::map<QString, std::int64_t> counters;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty() || !m_counters.empty(); });
            if (m_queue.empty() && m_counters.empty() && m_stopping) {
                m_running = false;
                break;
            }
            while (!m_queue.empty() && batch.size() < kMaxRequestsPerCommit) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            counters.swap(m_counters);
        }
        applyBatch(batch, counters);
        batch.clear();
        counters.clear();
    }
    {
        std::lock_guard lock(m_mutex);
        m_checkpointStopping = true;
    }
    m_checkpointWake.notify_all();
    m_checkpointThread.join();
    try {
        // Leave a compact file behind: fold the WAL in while nothing else writes.
        m_statements->connection.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const StoreError& error) {
        qCWarning(lcStore) << "final checkpoint failed:" << error.message();
    }
    delete m_statements;
    m_statements = nullptr;
}

int EventWriter::onWalCommit(void* self, ::sqlite3*, const char*, int pages)
{
    auto* writer = static_cast<EventWriter*>(self);
    bool wake = false;
    {
        std::lock_guard lock(writer->m_mutex);
        writer->m_walPages = pages;
        wake = pages >= kCheckpointPages;
    }
    if (wake)
        writer->m_checkpointWake.notify_one();
    return SQLITE_OK;
}

void EventWriter::runCheckpoints()
{
    pthread_setname_np(pthread_self(), "store-checkpoint");
    SqliteConnection connection;
    try {
        connection = SqliteConnection::open(m_path, SqliteConnection::Access::ReadWrite);
        connection.exec("PRAGMA synchronous = FULL");
    } catch (const StoreError& error) {
        qCWarning(lcStore) << "checkpoints run on the writer instead:" << error.message();
        sqlite3_wal_autocheckpoint(m_statements->connection.handle(), 1000);
        return;
    }
    std::unique_lock lock(m_mutex);
    while (!m_checkpointStopping) {
        m_checkpointWake.wait_for(lock, kCheckpointInterval,
                                  [this] { return m_checkpointStopping || m_walPages >= kCheckpointPages; });
        if (m_checkpointStopping)
            break;
        if (m_walPages == 0)
            continue;
        m_walPages = 0;
        lock.unlock();
        int logFrames = 0;
        int checkpointed = 0;
        const int rc = sqlite3_wal_checkpoint_v2(connection.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                                 &logFrames, &checkpointed);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcStore) << "checkpoint failed:" << sqlite3_errstr(rc);
        lock.lock();
    }
}

void EventWriter::applyBatch(std::vector<Pending>& batch, std::map<QString, std::int64_t>& counters)
{
    Statements& s = *m_statements;
    std::vector<WriteResult> results(batch.size());
    int stored = 0;
    int storedLive = 0;
    std::int64_t lastSeq = 0;
    QString batchError;
    const std::int64_t nowMs = QDateTime::currentMSecsSinceEpoch();

    try {
        SqliteTransaction transaction(s.connection);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const WriteRequest& request = batch[i].request;
            WriteResult& result = results[i];
            int storedHere = 0;
            int liveHere = 0;
            Statements::run(s.savepoint);
            try {
                for (const IncomingEvent& event : request.events) {
                    const stripe::StripeEventFields& f = event.fields;
                    s.insertEvent.bind(1, f.id)
                        .bind(2, f.type)
                        .bind(3, f.created)
                        .bind(4, f.livemode)
                        .bind(5, f.apiVersion)
                        .bind(6, f.account)
                        .bind(7, f.objectType)
                        .bind(8, f.objectId)
                        .bind(9, f.customerId)
                        .bind(10, toString(event.source))
                        .bind(11, event.receivedAtMs)
                        .bind(12, toString(event.verdict))
                        .bind(13, event.signatureHeader.isEmpty()
                                      ? QString()
                                      : QString::fromLatin1(event.signatureHeader))
                        .bindBlob(14, event.raw)
                        .bind(15, f.customerEmail.isEmpty() ? QString() : f.customerEmail)
                        .bind(17, f.currency.isEmpty() ? QString() : f.currency)
                        .bind(18, f.status.isEmpty() ? QString() : f.status);
                    if (f.amount)
                        s.insertEvent.bind(16, *f.amount);
                    else
                        s.insertEvent.bindNull(16);
                    s.insertEvent.step();
                    s.insertEvent.reset();
                    if (s.connection.changes() == 1) {
                        result.outcomes.push_back(InsertOutcome::Stored);
                        if (m_planner)
                            enqueuePlannedJobs(s.connection, event, nowMs);
                        ++storedHere;
                        liveHere += f.livemode ? 1 : 0;
                    } else {
                        s.countDuplicate.bind(1, f.id).bind(2, nowMs);
                        s.countDuplicate.step();
                        s.countDuplicate.reset();
                        result.outcomes.push_back(InsertOutcome::Duplicate);
                    }
                }
                for (const auto& [key, value] : request.stateUpdates) {
                    s.upsertState.bind(1, key).bind(2, value).bind(3, nowMs);
                    s.upsertState.step();
                    s.upsertState.reset();
                }
                Statements::run(s.release);
                result.committed = true;
                stored += storedHere;
                storedLive += liveHere;
            } catch (const StoreError& error) {
                s.insertEvent.reset();
                s.countDuplicate.reset();
                s.upsertState.reset();
                Statements::run(s.rollbackToSavepoint);
                Statements::run(s.release);
                result.outcomes.clear();
                result.error = error.message();
            }
        }
        for (const auto& [name, delta] : counters) {
            s.addCounter.bind(1, name).bind(2, delta);
            s.addCounter.step();
            s.addCounter.reset();
        }
        // Totals by mode, kept in the same transaction, so that a summary never has to count the table.
        for (const auto& [name, delta] : {std::pair{kLiveEventsCounter, storedLive},
                                          std::pair{kTestEventsCounter, stored - storedLive}}) {
            if (delta == 0)
                continue;
            s.addCounter.bind(1, QString::fromLatin1(name)).bind(2, std::int64_t(delta));
            s.addCounter.step();
            s.addCounter.reset();
        }
        if (s.lastSeq.step())
            lastSeq = s.lastSeq.int64(0);
        s.lastSeq.reset();
        transaction.commit();
    } catch (const StoreError& error) {
        batchError = error.message();
        qCWarning(lcStore) << "commit failed:" << batchError;
    }

    CommitObserver observer;
    {
        std::lock_guard lock(m_mutex);
        ++m_commits;
        observer = m_observer;
        if (!batchError.isEmpty()) {
            // The counts were not written; keep them for the next commit rather than losing them.
            for (const auto& [name, delta] : counters)
                m_counters[name] += delta;
        }
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        WriteResult& result = results[i];
        if (!batchError.isEmpty()) {
            result.committed = false;
            result.outcomes.clear();
            result.error = batchError;
        }
        result.lastSeq = lastSeq;
        if (batch[i].done)
            batch[i].done(result);
    }
    if (batchError.isEmpty() && stored > 0 && observer)
        observer(lastSeq, stored);
}

} // namespace billbridge::store
