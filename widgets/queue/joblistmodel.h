#pragma once

#include "queue/jobreader.h"
#include "store/jobrecord.h"

#include <QAbstractTableModel>
#include <QString>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace billbridge::widgets {

// The queue page's list of jobs, newest update first, read by keyset pages on a JobReader thread. While it
// is shown it looks for commits every 250 ms (PRAGMA data_version) and then reads the rows it holds afresh,
// together with the counts per state and the pause flag; rows are merged by job id (removed, inserted,
// moved, updated), so that the view keeps its selection and scroll position while jobs change state.
class JobListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobListModel)

public:
    enum Column {
        Updated,
        State,
        Operation,
        Customer,
        Attempts,
        LastError,
        NextAttempt,
        EventId,
        JobId,
        ColumnCount
    };
    enum Role {
        JobIdRole = Qt::UserRole,
        StateRole,     // store::JobState as int
        OperationRole, // the raw operation name
        EventIdRole,
        SortValueRole, // the cell's raw value: milliseconds, counts or text
    };

    static constexpr int kDefaultPageSize = 200;
    static constexpr std::chrono::milliseconds kDefaultLiveInterval{250};

    explicit JobListModel(QString storePath, QObject* parent = nullptr);
    ~JobListModel() override;

    QString storePath() const { return m_storePath; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // Starts over with the newest matching jobs; firstPageLoaded() follows.
    void setFilter(const store::JobFilter& filter);
    store::JobFilter filter() const { return m_filter; }
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    void setLiveInterval(std::chrono::milliseconds interval) { m_pollTimer.setInterval(interval); }
    // Polling stops while the page is hidden; refreshNow() still works.
    void setLiveUpdates(bool enabled);

    const store::Job& jobAt(int row) const { return m_rows.at(std::size_t(row)); }
    // -1 when the job is not among the rows loaded.
    int rowOfJob(std::int64_t jobId) const;
    bool isLoading() const { return m_busy; }
    bool isStoreMissing() const { return m_storeMissing; }
    bool hasStatus() const { return m_hasStatus; }
    std::int64_t count(store::JobState state) const;
    store::PauseState pauseState() const { return m_pause; }

    // Loads one job with its attempts on the reader thread; jobLoaded() or jobLoadFailed() follow.
    void loadJob(std::int64_t jobId);

    static QString timeText(std::int64_t ms);

public slots:
    // Something was written: look now rather than at the next poll.
    void refreshNow();

signals:
    void firstPageLoaded();
    // A refresh found commits and the rows, counts and pause flag now show them.
    void refreshed();
    void statusChanged();
    void loadingChanged(bool loading);
    void storeMissingChanged(bool missing);
    void errorOccurred(const QString& message);
    void jobLoaded(const billbridge::store::Job& job);
    void jobLoadFailed(std::int64_t jobId, const QString& message);

private:
    void restart();
    void requestRefresh(bool force);
    void poll();
    void onSnapshot(const JobSnapshot& snapshot);
    void onReadFailed(quint64 generation, const QString& message);
    void merge(std::vector<store::Job> fresh);
    void appendOlder(std::vector<store::Job> older);
    void setBusy(bool busy);
    QString cellText(const store::Job& job, int column) const;
    QVariant sortValue(const store::Job& job, int column) const;

    QString m_storePath;
    QThread m_thread;
    JobReader* m_reader = nullptr; // lives on m_thread, deleted when it finishes
    store::JobFilter m_filter;
    int m_pageSize = kDefaultPageSize;
    std::vector<store::Job> m_rows;
    quint64 m_generation = 0;
    std::optional<store::JobCursor> m_next;
    bool m_busy = false;
    bool m_refreshAgain = false;
    bool m_firstSeen = false;
    bool m_storeMissing = false;
    bool m_hasStatus = false;
    std::map<store::JobState, std::int64_t> m_counts;
    store::PauseState m_pause;
    QString m_lastError;
    QTimer m_pollTimer;
};

} // namespace billbridge::widgets
