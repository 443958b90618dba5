#pragma once

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <cstdint>
#include <optional>

namespace billbridge::widgets {

// What the console knows about the store at one moment.
struct StoreSnapshot {
    enum class State {
        Unknown, // not read yet
        Missing, // no file at the path: nothing has been received or imported yet
        Ready,
        Failed, // the file exists but cannot be read; `error` says why
    };

    State state = State::Unknown;
    QString path;
    std::int64_t events = 0;
    std::int64_t liveEvents = 0;
    std::int64_t testEvents = 0;
    std::optional<std::int64_t> newestCreated; // Unix seconds, Stripe's `created`
    QString newestType;
    QString error; // the store's own explanation, which already names what to do
    // The store was filled by the demo-data generator (intake_state `store.demo` = `true`): its events are
    // made up, and every screen says so.
    bool demo = false;
    // The poller has recorded a position (intake_state `poll.cursor`), and when its last run ended
    // (`poll.last_run`), if `serve` has polled this store.
    bool pollCursorKnown = false;
    std::optional<QDateTime> pollLastRun;
    QDateTime readAt;
};

// Keeps a StoreSnapshot of one store fresh. Each read runs on the thread pool with its own read
// connection, so a slow disk or a busy writer never freezes the window; a read that is due while the
// previous one is still running is folded into one follow-up read.
class StoreSummary final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreSummary)

public:
    static constexpr std::chrono::milliseconds kDefaultInterval{2000};

    explicit StoreSummary(QString path, QObject* parent = nullptr);
    ~StoreSummary() override;

    QString path() const { return m_path; }
    StoreSnapshot snapshot() const { return m_snapshot; }
    bool hasResult() const { return m_snapshot.state != StoreSnapshot::State::Unknown; }

    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const;

    // Reads now and then every interval.
    void start();
    void stop();
    // Reads as soon as possible, without waiting for the next tick.
    void refresh();

    // Blocking; safe on any thread. Never throws: every problem becomes State::Failed.
    static StoreSnapshot read(const QString& path);

signals:
    // A read finished; snapshot() holds its result.
    void updated();

private:
    void onReadFinished();

    QString m_path;
    StoreSnapshot m_snapshot;
    QTimer m_timer;
    QFutureWatcher<StoreSnapshot> m_watcher;
    bool m_reading = false;
    bool m_readAgain = false;
};

} // namespace billbridge::widgets
