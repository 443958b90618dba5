#pragma once

#include "store/sqlite.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace billbridge::store {

// Keeps the full-text index (events_fts) up to date behind the intake, on its own thread and connection.
// Tokenising a 5 KB payload costs more than storing it, and the webhook receiver must acknowledge
// thousands of events per second, so intake never touches events_fts: this indexer follows events by
// seq from a high-water mark (fulltext_progress.indexed_seq) that is committed together with each
// batch, so after a crash or restart it resumes exactly where it stopped, neither losing nor doubling.
//
// What is indexed: the string values of the payload — ids, emails, names, invoice numbers, descriptions,
// URLs, statuses — each distinct value once per event. Member names, numbers, booleans and punctuation are
// not, since nobody searches for "amount_due" or "4900" and they would double the index. The tokenizer
// is unicode61 with diacritics folded and '_' kept inside tokens, so "cus_Q1w2" is one token, an email
// splits into its words ("ada", "lovelace", "example", "com") and EventQuery searches it as a phrase.
class FullTextIndexer final {
public:
    struct Progress {
        std::int64_t indexedSeq = 0;
        std::int64_t latestSeq = 0;
        std::int64_t pending() const { return latestSeq > indexedSeq ? latestSeq - indexedSeq : 0; }
    };

    // `batchSize` bounds one transaction, and with it how long the indexer holds the store's write lock.
    explicit FullTextIndexer(QString databasePath, int batchSize = 256);
    ~FullTextIndexer();
    FullTextIndexer(const FullTextIndexer&) = delete;
    FullTextIndexer& operator=(const FullTextIndexer&) = delete;

    // Opens the store (migrating it) and starts the thread. Throws StoreError when opening fails.
    void start();
    // Finishes the batch in hand and stops; the next start() continues from the committed mark.
    void stop();
    // Asks for a look at new events now rather than at the next poll (e.g. from a commit observer).
    void wake();

    // Highest seq indexed, as last committed by this indexer (0 until its first look).
    std::int64_t indexedSeq() const { return m_indexedSeq.load(); }
    // Blocks until everything up to `seq` is indexed or `timeout` passes; for tests and tools.
    bool waitUntilIndexed(std::int64_t seq, std::chrono::milliseconds timeout);

    // How far behind the index is, read on any connection to the store.
    static Progress progress(SqliteConnection& connection);
    // Indexes up to `batchSize` events past the mark in one transaction. Returns how many (0: caught up).
    static int indexBatch(SqliteConnection& connection, int batchSize);
    // The text that goes into the index for one raw event (see the class comment).
    static QString indexableText(const QByteArray& raw);

private:
    void run();

    QString m_path;
    int m_batchSize;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_progressed;
    bool m_stopping = false;
    bool m_woken = false;
    std::atomic<std::int64_t> m_indexedSeq{0};
    SqliteConnection m_connection;
};

} // namespace billbridge::store
