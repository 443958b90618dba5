#pragma once

#include "store/jobrecord.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <vector>

namespace billbridge::store {
class JobQueue;
}

namespace billbridge::widgets {

// What a retry of everything matching would send, from a dry run.
struct RetryPreview {
    int count = 0;
    std::vector<std::int64_t> ids;
    QStringList requests;      // "Transactional email — POST /v1/send/email", the first kPreviewLimit
    bool mayDuplicate = false; // jobs needing review are among them
};

// The operator's changes to the queue, one at a time, each on the thread pool over a connection of its own
// (JobQueue blocks while the intake writer holds the lock). Outcomes come back worded for the operator:
// what happened and, when it failed, what to do.
class QueueActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueActions)

public:
    static constexpr int kPreviewLimit = 50;

    explicit QueueActions(QString storePath, QObject* parent = nullptr);
    // Waits for a change in flight, so that it never outlives the page that asked for it.
    ~QueueActions() override;

    bool isBusy() const { return m_busy; }

    void retry(const std::vector<std::int64_t>& ids);
    void markSent(const std::vector<std::int64_t>& ids);
    void discard(const std::vector<std::int64_t>& ids, const QString& reason);
    void pause(const QString& reason);
    void resume();
    // A dry run of JobQueue::retryMatching: previewReady() when something would be sent, finished() when
    // nothing would or the store could not be read.
    void previewRetryMatching(const store::JobFilter& filter);

    static QString sentAgainText(int count);

signals:
    void finished(const QString& message, bool problem);
    void previewReady(const billbridge::widgets::RetryPreview& preview);

private:
    struct Result {
        QString error;
        int changed = 0;
        RetryPreview preview;
    };
    using Work = std::function<Result(store::JobQueue& queue)>;
    using Done = std::function<void(const Result& result)>;

    void run(Work work, Done done);
    void onDone();
    // Reports a failure, or the message `success` makes of the result.
    void finish(const Result& result, const std::function<QString(const Result&)>& success);
    static QString storeFailure(const QString& reason);

    QString m_path;
    QFutureWatcher<Result> m_watcher;
    Done m_done;
    bool m_busy = false;
};

} // namespace billbridge::widgets
