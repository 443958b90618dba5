#pragma once

#include "store/jobqueue.h"
#include "store/jobrecord.h"
#include "store/sqlite.h"

#include <QDeadlineTimer>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace billbridge::widgets {

// What the reader saw of the queue for one request.
struct JobSnapshot {
    enum class Kind {
        Refresh, // the first rows of the list, the counts and the pause flag, read afresh
        Older,   // the rows after a cursor (further down the list)
    };

    quint64 generation = 0;
    Kind kind = Kind::Refresh;
    bool storeMissing = false;
    // Refresh: false when nothing was committed since the reader last looked; nothing else is filled then.
    bool changed = true;
    std::vector<store::Job> jobs; // newest update first
    std::optional<store::JobCursor> next;
    std::map<store::JobState, std::int64_t> counts; // Refresh only
    store::PauseState pause;                        // Refresh only
};

// Reads the job list for JobListModel on its own thread and its own read connections, opened lazily on that
// thread (the store may not exist yet when the console starts). A second connection only watches PRAGMA
// data_version, which changes whenever another connection commits: a refresh that finds it unchanged costs
// one pragma instead of a list and a count. Answers carry the model's generation back so that answers to
// an outdated filter are dropped; requests already outdated when they come up are skipped.
class JobReader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobReader)

public:
    explicit JobReader(QString storePath, QObject* parent = nullptr);
    ~JobReader() override;

    // Thread-safe.
    void setCurrentGeneration(quint64 generation) { m_currentGeneration.store(generation); }

    // Run on the reader's thread (queued calls). `force` reads even when nothing was committed since.
    void refresh(quint64 generation, const billbridge::store::JobFilter& filter, int limit, bool force);
    void readOlder(quint64 generation, const billbridge::store::JobFilter& filter,
                   billbridge::store::JobCursor cursor, int limit);
    void readJob(std::int64_t jobId);

    static void registerMetaTypes();

signals:
    void snapshotRead(const billbridge::widgets::JobSnapshot& snapshot);
    void readFailed(quint64 generation, const QString& message);
    void jobRead(const billbridge::store::Job& job);
    void jobNotFound(std::int64_t jobId, const QString& message);

private:
    // False when there is no store file yet (or it is still being created). Throws StoreError when it
    // cannot be opened as a store.
    bool ensureOpen();
    bool isStale(quint64 generation) const { return generation < m_currentGeneration.load(); }

    QString m_path;
    std::optional<store::JobQueue> m_queue;
    store::SqliteConnection m_watch;
    std::optional<std::int64_t> m_seenVersion;
    bool m_sawMissing = false;
    std::optional<QDeadlineTimer> m_creationGrace;
    std::atomic<quint64> m_currentGeneration{0};
};

} // namespace billbridge::widgets

Q_DECLARE_METATYPE(billbridge::widgets::JobSnapshot)
Q_DECLARE_METATYPE(billbridge::store::Job)
