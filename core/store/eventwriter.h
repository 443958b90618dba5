#pragma once

#include "store/eventrecord.h"
#include "store/jobrecord.h"

#include <QString>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

struct sqlite3;

namespace billbridge::store {

class SqliteConnection;

enum class InsertOutcome { Stored, Duplicate };

// What goes into the store atomically: events and the intake cursors that describe how far a poller or
// backfill got, so that a cursor never runs ahead of the events it covers.
struct WriteRequest {
    std::vector<IncomingEvent> events;
    std::vector<std::pair<QString, QString>> stateUpdates;
};

struct WriteResult {
    bool committed = false;
    QString error;
    std::vector<InsertOutcome> outcomes; // one per event, in request order
    std::int64_t lastSeq = 0;            // highest local sequence number after the commit
};

// The store's single writer. Requests from any thread are queued and applied by one thread in grouped
// transactions (group commit): each commit is fsynced (synchronous=FULL) before any completion of its
// group runs, so a completion is a promise that the data survives a crash or power loss. One request that
// fails rolls back alone (savepoint) without failing its neighbours.
class EventWriter final {
public:
    using Completion = std::function<void(const WriteResult&)>;
    using CommitObserver = std::function<void(std::int64_t lastSeq, int storedCount)>;
    // Turns a newly stored event into the Customer.io jobs it causes. Runs on the writer thread inside the
    // transaction that stores the event, so the event and its jobs are committed together or not at all; a
    // repeated delivery of a stored event is not planned again. A StoreError thrown by the planner fails the
    // event's request like any storage error (the sender is told, and Stripe delivers it again). The
    // connection is the writer's, inside that transaction: the planner keeps its own state there (what it
    // last told Customer.io about a customer), so that state and jobs can never disagree after a crash.
    using JobPlanner =
        std::function<std::vector<NewJob>(SqliteConnection& connection, const IncomingEvent& event)>;

    explicit EventWriter(QString databasePath);
    ~EventWriter();
    EventWriter(const EventWriter&) = delete;
    EventWriter& operator=(const EventWriter&) = delete;

    // Opens the store (migrating it) on the writer thread. Throws StoreError when that fails.
    void start();
    // Applies everything already submitted, then stops. Safe to call twice.
    void stop();

    // `done` runs on the writer thread once the request's transaction committed or failed.
    void submit(WriteRequest request, Completion done);
    // Blocks the caller until committed; for paths that are not latency-critical (pages of the Events API).
    WriteResult write(WriteRequest request);
    // Rejected requests leave only a count behind; increments are folded into the next commit.
    void addToCounter(const QString& name, std::int64_t delta = 1);

    // Runs on the writer thread after each commit that stored new events.
    void setCommitObserver(CommitObserver observer);
    // Set before start(); none by default (events are stored without jobs).
    void setJobPlanner(JobPlanner planner);

    // Figures for monitoring and benchmarks.
    std::int64_t commitCount() const;

private:
    struct Pending {
        WriteRequest request;
        Completion done;
    };
    void run(std::promise<void>* started);
    void runCheckpoints();
    static int onWalCommit(void* self, ::sqlite3* db, const char* name, int pages);
    void applyBatch(std::vector<Pending>& batch, std::map<QString, std::int64_t>& counters);
    void enqueuePlannedJobs(SqliteConnection& connection, const IncomingEvent& event, std::int64_t nowMs);

    QString m_path;
    std::thread m_thread;
    // Checkpoints copy the WAL into the main file and fsync it; on their own thread and connection they
    // never hold up the next commit (and the acknowledgements waiting for it).
    std::thread m_checkpointThread;
    std::condition_variable m_checkpointWake;
    int m_walPages = 0;
    bool m_checkpointStopping = false;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Pending> m_queue;
    std::map<QString, std::int64_t> m_counters;
    CommitObserver m_observer;
    JobPlanner m_planner;
    bool m_stopping = false;
    bool m_running = false;
    std::int64_t m_commits = 0;
    struct Statements;
    Statements* m_statements = nullptr;
};

} // namespace billbridge::store
