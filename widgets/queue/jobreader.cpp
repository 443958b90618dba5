#include "queue/jobreader.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>

#include <exception>
#include <utility>

namespace billbridge::widgets {

namespace {

Q_LOGGING_CATEGORY(lcJobReader, "billbridge.widgets.queue")

QString readFailure(const QString& reason)
{
    return QCoreApplication::translate("billbridge::widgets::JobReader",
                                       "The job queue could not be read from the store: %1. Check that the "
                                       "disk is available; the list tries again by itself.")
        .arg(reason);
}

} // namespace

JobReader::JobReader(QString storePath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(storePath))
{
    registerMetaTypes();
}

JobReader::~JobReader() = default;

void JobReader::registerMetaTypes()
{
    qRegisterMetaType<billbridge::widgets::JobSnapshot>();
    qRegisterMetaType<billbridge::store::Job>();
}

bool JobReader::ensureOpen()
{
    if (m_queue)
        return true;
    // Opening for reading never creates the file: a store that does not exist yet is a state, not an error.
    if (!QFileInfo::exists(m_path)) {
        m_sawMissing = true;
        m_creationGrace.reset();
        return false;
    }
    try {
        store::SqliteConnection watch = store::Database::openForReading(m_path);
        m_queue.emplace(store::Database::openForReading(m_path));
        m_watch = std::move(watch);
    } catch (const store::StoreError&) {
        // A store that has only just appeared may still be half-way through its migrations (each commits on
        // its own): give its creator a moment before calling it broken.
        if (m_sawMissing) {
            if (!m_creationGrace)
                m_creationGrace = QDeadlineTimer(std::chrono::seconds(5));
            if (!m_creationGrace->hasExpired())
                return false;
        }
        throw;
    }
    m_sawMissing = false;
    m_creationGrace.reset();
    m_seenVersion.reset();
    return true;
}

void JobReader::refresh(quint64 generation, const store::JobFilter& filter, int limit, bool force)
{
    if (isStale(generation))
        return;
    try {
        JobSnapshot snapshot;
        snapshot.generation = generation;
        snapshot.kind = JobSnapshot::Kind::Refresh;
        if (!ensureOpen()) {
            snapshot.storeMissing = true;
            emit snapshotRead(snapshot);
            return;
        }
        // Read before the rows, so that a commit in between is seen by the next refresh rather than lost.
        const std::int64_t version = m_watch.pragmaInt("data_version");
        if (!force && m_seenVersion == version) {
            snapshot.changed = false;
            emit snapshotRead(snapshot);
            return;
        }
        m_seenVersion = version;
        snapshot.counts = m_queue->counts();
        snapshot.pause = m_queue->pauseState();
        store::JobPage page = m_queue->list(filter, std::nullopt, limit);
        snapshot.jobs = std::move(page.jobs);
        snapshot.next = page.next;
        emit snapshotRead(snapshot);
    } catch (const store::StoreError& error) {
        // A connection that failed once (file replaced, disk gone) is opened afresh on the next request.
        m_queue.reset();
        m_watch.close();
        qCWarning(lcJobReader) << "refresh failed:" << error.message();
        emit readFailed(generation, readFailure(error.message()));
    } catch (const std::exception& error) {
        m_queue.reset();
        m_watch.close();
        emit readFailed(generation, readFailure(QString::fromLocal8Bit(error.what())));
    }
}

void JobReader::readOlder(quint64 generation, const store::JobFilter& filter, store::JobCursor cursor,
                          int limit)
{
    if (isStale(generation))
        return;
    try {
        JobSnapshot snapshot;
        snapshot.generation = generation;
        snapshot.kind = JobSnapshot::Kind::Older;
        if (!ensureOpen()) {
            snapshot.storeMissing = true;
            emit snapshotRead(snapshot);
            return;
        }
        store::JobPage page = m_queue->list(filter, cursor, limit);
        snapshot.jobs = std::move(page.jobs);
        snapshot.next = page.next;
        emit snapshotRead(snapshot);
    } catch (const std::exception& error) {
        m_queue.reset();
        m_watch.close();
        const auto* storeError = dynamic_cast<const store::StoreError*>(&error);
        emit readFailed(generation, readFailure(storeError ? storeError->message()
                                                           : QString::fromLocal8Bit(error.what())));
    }
}

void JobReader::readJob(std::int64_t jobId)
{
    try {
        if (!ensureOpen()) {
            emit jobNotFound(jobId,
                             QCoreApplication::translate("billbridge::widgets::JobReader",
                                                         "There is no store yet, so there are no jobs."));
            return;
        }
        if (std::optional<store::Job> job = m_queue->find(jobId)) {
            emit jobRead(*job);
            return;
        }
        emit jobNotFound(jobId, QCoreApplication::translate("billbridge::widgets::JobReader",
                                                            "Job %1 is no longer in the store.")
                                    .arg(jobId));
    } catch (const std::exception& error) {
        m_queue.reset();
        m_watch.close();
        const auto* storeError = dynamic_cast<const store::StoreError*>(&error);
        emit jobNotFound(
            jobId, readFailure(storeError ? storeError->message() : QString::fromLocal8Bit(error.what())));
    }
}

} // namespace billbridge::widgets
