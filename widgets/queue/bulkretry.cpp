#include "queue/bulkretry.h"

#include "store/auditlog.h"
#include "store/jobqueue.h"

#include <QJsonArray>
#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>

namespace billbridge::widgets {

BulkRetry::BulkRetry(QString storePath, std::vector<std::int64_t> ids, int chunkSize, QObject* parent)
    : QObject(parent)
    , m_path(std::move(storePath))
    , m_ids(std::move(ids))
    , m_chunkSize(std::max(chunkSize, 1))
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &BulkRetry::onChunkDone);
}

BulkRetry::~BulkRetry()
{
    m_watcher.waitForFinished();
}

void BulkRetry::start()
{
    runNext();
}

void BulkRetry::runNext()
{
    if (m_cancelled || !m_error.isEmpty() || m_offset >= m_ids.size()) {
        emit finished();
        return;
    }
    m_chunkEnd = std::min(m_ids.size(), m_offset + std::size_t(m_chunkSize));
    std::vector<std::int64_t> chunk(m_ids.begin() + std::ptrdiff_t(m_offset),
                                    m_ids.begin() + std::ptrdiff_t(m_chunkEnd));
    m_watcher.setFuture(QtConcurrent::run([path = m_path, chunk = std::move(chunk)]() -> ChunkResult {
        try {
            store::JobQueue queue = store::JobQueue::open(path);
            // Recorded per slice, in the slice's own transaction: the trail matches what happened if a later
            // slice fails.
            QJsonArray ids;
            for (std::int64_t id : chunk)
                ids.append(qint64(id));
            const store::OperatorAudit audit{QStringLiteral("queue.retry"),
                                             QStringLiteral("filter"),
                                             {{QStringLiteral("ids"), ids}},
                                             QStringLiteral("retried")};
            const int moved = queue.retry(chunk, &audit);
            return {moved, QString()};
        } catch (const store::StoreError& error) {
            return {0, error.message()};
        } catch (const std::exception& error) {
            return {0, QString::fromLocal8Bit(error.what())};
        }
    }));
}

void BulkRetry::onChunkDone()
{
    const ChunkResult result = m_watcher.result();
    if (!result.second.isEmpty()) {
        // The chunk's transaction rolled back: nothing of it moved.
        m_error = result.second;
    } else {
        m_moved += result.first;
        m_offset = m_chunkEnd;
        emit progressed(done(), total());
    }
    // Queued, so that the watcher has finished reporting before it is given the next chunk.
    QMetaObject::invokeMethod(this, &BulkRetry::runNext, Qt::QueuedConnection);
}

} // namespace billbridge::widgets
