#pragma once

#include "events/eventreader.h"
#include "store/eventfilter.h"
#include "store/eventquery.h"
#include "store/eventrecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QString>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace billbridge::widgets {

// The event browser's list: a window onto a store of up to millions of events that never loads the whole
// table. Pages are read newest first by keyset on an EventReader thread; scrolling down fetches older
// pages, jumpToEnd() shows the oldest and fetchNewer() climbs back up. While the list holds the newest
// rows, events stored later (by this process or by a separate `billbridge-cli serve`) are polled for and
// inserted on top, all arrivals of one event-loop turn in a single insert. Rows hold summaries only: the
// raw payload of one event is loaded on request (loadEvent()).
class EventListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventListModel)

public:
    enum Column {
        Time,
        Type,
        Customer,
        Email,
        Amount,
        Status,
        Source,
        Signature,
        Mode,
        EventId,
        ColumnCount
    };
    enum Role {
        EventIdRole = Qt::UserRole,
        SeqRole,
        CustomerIdRole,
        CustomerEmailRole, // as stored, unmasked
        LivemodeRole,
        SortValueRole, // the cell's raw value: seconds, smallest currency unit, bool or text
    };

    static constexpr int kDefaultPageSize = 200;
    static constexpr std::chrono::milliseconds kDefaultLiveInterval{250};
    static constexpr std::int64_t kCountCap = 100000;

    explicit EventListModel(QString storePath, QObject* parent = nullptr);
    ~EventListModel() override;

    QString storePath() const { return m_storePath; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // Starts over with the newest matching rows; firstPageLoaded() follows, then matchCountChanged().
    void setFilter(const store::EventFilter& filter);
    store::EventFilter filter() const { return m_filter; }

    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }

    // Replaces the list with the oldest matching rows; fetchNewer() then climbs towards the newest.
    void jumpToEnd();
    // Back to the newest rows (and live updates, when on).
    void jumpToStart();
    bool canFetchNewer() const;
    void fetchNewer();
    // The list starts at the newest matching row; only then do live arrivals go on top.
    bool isAtHead() const { return m_atHead; }

    void setLiveUpdates(bool enabled);
    bool liveUpdates() const { return m_live; }
    void setLiveInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds liveInterval() const { return m_pollTimer.intervalAsDuration(); }

    const store::StoredEvent& eventAt(int row) const { return m_rows.at(row); }
    // -1 when the event is not among the rows loaded.
    int rowOfEvent(const QString& eventId) const;
    bool isLoading() const { return m_pageInFlight.has_value(); }
    // True while there is no store file at the path (nothing received or imported yet).
    bool isStoreMissing() const { return m_storeMissing; }
    // Matching rows in the store (capped at kCountCap), as counted after the last filter change and
    // increased by live arrivals since.
    store::EventCount matchCount() const { return m_matchCount; }

    // Loads one event with its raw payload on the reader thread; eventLoaded() or eventLoadFailed() follow.
    void loadEvent(const QString& eventId);
    // Reads what the sync engine did with one event on the reader thread; syncDecisionLoaded() or
    // syncDecisionLoadFailed() follow.
    void loadSyncDecision(const QString& eventId);

    // Display text of a cell, as data() shows it.
    static QString amountText(const store::StoredEvent& event);
    static QString statusText(const store::StoredEvent& event);

public slots:
    // Something was stored: look for new rows now rather than at the next poll.
    void storeChanged();

signals:
    void loadingChanged(bool loading);
    void firstPageLoaded();
    void rowsArrivedLive(int count);
    void errorOccurred(const QString& message);
    void matchCountChanged();
    void storeMissingChanged(bool missing);
    void eventLoaded(const billbridge::store::StoredEvent& event);
    void eventLoadFailed(const QString& eventId, const QString& message);
    void syncDecisionLoaded(const QString& eventId, const billbridge::sync::SyncDecision& decision);
    void syncDecisionLoadFailed(const QString& eventId, const QString& message);

private:
    using Kind = EventReadResult::Kind;

    void restart(Kind kind);
    void requestPage(Kind kind, std::optional<store::EventCursor> cursor);
    void requestCount();
    void pollLive();
    void onPageRead(const EventReadResult& result);
    void onLiveRead(const EventReadResult& result);
    void onCountRead(quint64 generation, const store::EventCount& count, std::int64_t throughSeq);
    void onReadFailed(quint64 generation, EventReader::Request request, const QString& message);
    void becomeHead(std::int64_t throughSeq);
    void flushLive();
    void setPageInFlight(std::optional<Kind> kind);
    void setStoreMissing(bool missing);
    void updatePolling();
    void reportError(const QString& message);
    // False for an event already among the rows (arrived live and now met again by a page, or the
    // other way round); records it otherwise.
    bool admit(const store::StoredEvent& event);
    QString cellText(const store::StoredEvent& event, int column) const;
    QVariant sortValue(const store::StoredEvent& event, int column) const;

    QString m_storePath;
    QThread m_thread;
    EventReader* m_reader = nullptr; // lives on m_thread, deleted when it finishes
    QThread m_countThread;
    EventReader* m_countReader = nullptr; // lives on m_countThread
    store::EventFilter m_filter;
    int m_pageSize = kDefaultPageSize;

    // Newest first. Summaries only: raw is never kept.
    QList<store::StoredEvent> m_rows;
    quint64 m_generation = 0;
    std::optional<Kind> m_pageInFlight;
    std::optional<store::EventCursor> m_olderCursor; // last row of the last page further down
    std::optional<store::EventCursor> m_newerCursor; // first row of the last page further up
    bool m_hasOlder = false;
    bool m_hasNewer = false;
    bool m_atHead = true;
    bool m_firstPageSeen = false;
    bool m_storeMissing = false;

    // Live rows are those with seq above m_liveBase: m_liveSeen holds the ones already among the rows, so
    // that neither a live poll nor a page can show one twice.
    std::int64_t m_liveBase = 0;
    std::int64_t m_liveThrough = 0;
    bool m_liveReady = false; // m_liveThrough is known (the first page arrived)
    QSet<std::int64_t> m_liveSeen;
    bool m_live = true;
    bool m_liveInFlight = false;
    bool m_pollAgain = false;
    QTimer m_pollTimer;
    QTimer m_flushTimer;
    std::vector<store::StoredEvent> m_pendingLive;

    store::EventCount m_matchCount;
    std::optional<std::int64_t> m_countThrough; // the count covers rows up to this seq
    QString m_lastError;
};

} // namespace billbridge::widgets
