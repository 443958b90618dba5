#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <cstdint>
#include <utility>
#include <vector>

namespace billbridge::widgets {

// Moves a fixed list of jobs back into the queue in chunks, each its own short transaction on the thread
// pool: the intake writer and the workers are never locked out for long, progress can be shown, and the
// operator can stop half-way with the rest left as it was.
class BulkRetry final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkRetry)

public:
    BulkRetry(QString storePath, std::vector<std::int64_t> ids, int chunkSize, QObject* parent = nullptr);
    // Waits for the chunk in flight: it must not outlive the store path it was given.
    ~BulkRetry() override;

    void start();
    // Takes effect after the chunk in flight.
    void cancel() { m_cancelled = true; }

    int total() const { return int(m_ids.size()); }
    int done() const { return int(m_offset); }
    int moved() const { return m_moved; }
    bool wasCancelled() const { return m_cancelled && m_offset < m_ids.size(); }
    // Why a chunk failed; empty when none did.
    QString error() const { return m_error; }

signals:
    void progressed(int done, int total);
    void finished();

private:
    using ChunkResult = std::pair<int, QString>; // jobs moved, error

    void runNext();
    void onChunkDone();

    QString m_path;
    std::vector<std::int64_t> m_ids;
    int m_chunkSize;
    std::size_t m_offset = 0;
    std::size_t m_chunkEnd = 0;
    int m_moved = 0;
    bool m_cancelled = false;
    QString m_error;
    QFutureWatcher<ChunkResult> m_watcher;
};

} // namespace billbridge::widgets
