#pragma once

#include "store/eventfilter.h"
#include "store/eventquery.h"
#include "store/eventrecord.h"
#include "store/eventstore.h"
#include "store/sqlite.h"
#include "sync/syncdecisionreader.h"

#include <QDeadlineTimer>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace billbridge::widgets {

// What the reader found when it looked at the store for one request.
enum class StoreAvailability {
    Ready,
    Missing, // no file at the path yet: nothing received or imported; asked again on the next request
};

// One page of the event list, or one batch of live arrivals, as the reader answers it.
struct EventReadResult {
    enum class Kind {
        First,  // newest rows, the start of a fresh list
        Older,  // rows after a cursor (further down the list)
        Newer,  // rows before a cursor (further up the list)
        Oldest, // the oldest rows: "jump to the end"
        Live,   // rows stored after a seq, ascending seq
    };

    quint64 generation = 0;
    Kind kind = Kind::First;
    StoreAvailability availability = StoreAvailability::Ready;
    // Newest first for pages; ascending seq for Kind::Live.
    std::vector<store::StoredEvent> events;
    // Pages: more matching rows beyond this page in the direction asked for.
    bool hasMore = false;
    // Pages: the store's newest seq the live updates can start after (for text filters capped at the
    // full-text index's progress), read before the page itself. Live: pass to the next live request.
    std::int64_t throughSeq = 0;
};

// Reads the event list for EventListModel on its own thread and its own read connection, opened lazily
// on that thread: the store may not exist yet when the console starts. Requests are queued calls carrying
// the model's generation number; answers carry it back so that answers to an outdated filter are dropped.
// Requests older than the current generation are skipped without touching the store.
class EventReader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventReader)

public:
    // Which kind of request a failure answers.
    enum class Request { Page, Live, Count };
    Q_ENUM(Request)

    explicit EventReader(QString storePath, QObject* parent = nullptr);
    ~EventReader() override;

    QString storePath() const { return m_path; }

    // Thread-safe: requests of an older generation still waiting in the queue are then skipped.
    void setCurrentGeneration(quint64 generation) { m_currentGeneration.store(generation); }

    // All of these run on the reader's thread; call them through QMetaObject::invokeMethod with
    // Qt::QueuedConnection (or a queued signal).
    void readPage(quint64 generation, billbridge::widgets::EventReadResult::Kind kind,
                  const billbridge::store::EventFilter& filter,
                  std::optional<billbridge::store::EventCursor> cursor, int limit);
    void readNewerThan(quint64 generation, std::int64_t seq, const billbridge::store::EventFilter& filter,
                       int limit);
    void readCount(quint64 generation, const billbridge::store::EventFilter& filter, std::int64_t cap);
    void readEvent(const QString& eventId);
    // What the sync engine decided for the event and the jobs that name it.
    void readSyncDecision(const QString& eventId);
    // Closes the connection; the next request opens it again. Runs on the reader's thread.
    void close();

    static void registerMetaTypes();

signals:
    void pageRead(const billbridge::widgets::EventReadResult& result);
    // `throughSeq`: the store's newest seq when counting began (for text filters capped at the full-text
    // index's progress); rows above it were not counted.
    void countRead(quint64 generation, const billbridge::store::EventCount& count, std::int64_t throughSeq);
    void eventRead(const billbridge::store::StoredEvent& event);
    void eventNotFound(const QString& eventId, const QString& message);
    void syncDecisionRead(const QString& eventId, const billbridge::sync::SyncDecision& decision);
    void syncDecisionFailed(const QString& eventId, const QString& message);
    // A request could not be answered; `message` says what happened and what to do.
    void readFailed(quint64 generation, billbridge::widgets::EventReader::Request request,
                    const QString& message);

private:
    // Opens the connection if needed. False with `missing` set when there is no store file yet; throws
    // StoreError when the file cannot be opened as a store.
    bool ensureOpen(bool& missing);
    bool isStale(quint64 generation) const { return generation < m_currentGeneration.load(); }
    std::int64_t liveStart(store::EventQuery& query, const store::EventFilter& filter);
    template <typename Work>
    void guarded(quint64 generation, Request request, Work&& work);

    static constexpr std::chrono::seconds kCreationGrace{5};

    QString m_path;
    std::optional<store::EventStore> m_store;
    store::SqliteConnection m_decisions; // opened beside m_store, closed with it
    bool m_sawMissing = false;
    std::optional<QDeadlineTimer> m_creationGrace;
    std::atomic<quint64> m_currentGeneration{0};
};

} // namespace billbridge::widgets

Q_DECLARE_METATYPE(billbridge::widgets::EventReadResult)
Q_DECLARE_METATYPE(billbridge::store::EventCount)
Q_DECLARE_METATYPE(billbridge::store::StoredEvent)
Q_DECLARE_METATYPE(billbridge::sync::SyncDecision)
