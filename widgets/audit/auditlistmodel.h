#pragma once

#include "audit/auditreader.h"
#include "store/auditlog.h"

#include <QAbstractTableModel>
#include <QString>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <cstdint>
#include <vector>

namespace billbridge::widgets {

// The Audit page's list, newest first, read by keyset pages on an AuditReader thread. While it is live it
// looks for commits every 250 ms (PRAGMA data_version); the log only grows, so new rows are inserted at the
// top and the view keeps its selection. Rows that vanished or changed order (someone altered the table) make
// it start over.
class AuditListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditListModel)

public:
    enum Column { Time, Actor, Action, Subject, EntryId, ColumnCount };
    enum Role {
        EntryIdRole = Qt::UserRole,
        ActionRole,
        SortValueRole, // the cell's raw value: milliseconds, id or text
    };

    static constexpr int kDefaultPageSize = 200;
    static constexpr std::chrono::milliseconds kDefaultLiveInterval{250};

    explicit AuditListModel(QString storePath, QObject* parent = nullptr);
    ~AuditListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    void setFilter(const store::AuditFilter& filter);
    store::AuditFilter filter() const { return m_filter; }
    void setPageSize(int rows);
    void setLiveInterval(std::chrono::milliseconds interval) { m_pollTimer.setInterval(interval); }
    // Polling stops while the page is hidden; refreshNow() still works.
    void setLiveUpdates(bool enabled);

    const store::AuditEntry& entryAt(int row) const { return m_rows.at(std::size_t(row)); }
    int rowOfEntry(std::int64_t id) const;
    bool isStoreMissing() const { return m_storeMissing; }
    bool hasLoaded() const { return m_firstSeen; }

public slots:
    void refreshNow();

signals:
    void firstPageLoaded();
    // A refresh found commits and the rows now show them.
    void refreshed();
    void storeMissingChanged(bool missing);
    void errorOccurred(const QString& message);

private:
    void restart();
    void requestRefresh(bool force);
    void poll();
    void onSnapshot(const AuditSnapshot& snapshot);
    void onReadFailed(quint64 generation, const QString& message);
    void merge(std::vector<store::AuditEntry> fresh, bool complete);
    void appendOlder(std::vector<store::AuditEntry> older);
    QString cellText(const store::AuditEntry& entry, int column) const;

    QString m_storePath;
    QThread m_thread;
    AuditReader* m_reader = nullptr; // lives on m_thread, deleted when it finishes
    store::AuditFilter m_filter;
    int m_pageSize = kDefaultPageSize;
    std::vector<store::AuditEntry> m_rows;
    quint64 m_generation = 0;
    bool m_more = false;
    bool m_busy = false;
    bool m_refreshAgain = false;
    bool m_firstSeen = false;
    bool m_storeMissing = false;
    QString m_lastError;
    QTimer m_pollTimer;
};

} // namespace billbridge::widgets
