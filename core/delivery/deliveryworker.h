#pragma once

#include "delivery/deliveryservice.h"
#include "delivery/jobrequest.h"
#include "delivery/retrypolicy.h"
#include "delivery/tokenbucket.h"
#include "store/jobqueue.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QString>

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

class QTimer;

namespace billbridge::slack {
class SlackClient;
} // namespace billbridge::slack

namespace billbridge::delivery {

// The delivering half of DeliveryService, living on the service's thread: it owns its own queue
// connection and Customer.io client, so nothing of it is shared with the thread that made the service
// except the statistics. Everything but stats() runs on its own thread.
class DeliveryWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryWorker)

public:
    explicit DeliveryWorker(DeliveryConfig config);
    ~DeliveryWorker() override;

    // Opens the store, recovers what a crashed worker left in flight and starts polling. False with
    // `error` when the store cannot be used. The caller holds the delivery lock.
    bool open(QString* error);
    void wake();
    void setCredentials(const customerio::CustomerIoCredentials& credentials);
    // Stops claiming, lets requests in flight finish for up to `grace`, aborts the rest, recovers their
    // jobs and quits the thread.
    void shutdown(std::chrono::milliseconds grace);

    // Any thread.
    DeliveryStats stats() const;

signals:
    void jobsChanged();
    void queuePaused(const QString& reason);
    void queueResumed();
    void idle();

private:
    // What an answer's handler needs of its job.
    struct Sent {
        std::int64_t id = 0;
        QString operation;
        QJsonObject payload;
        int attempts = 0;
        int rateLimitedAttempts = 0;
        DeliveryLane lane = DeliveryLane::Track;
        std::int64_t startedAtMs = 0;
        QString requestExcerpt;
    };

    std::int64_t wallNow() const;
    std::int64_t monotonicNow() const;

    void poll();
    // Records the answers collected so far and claims what the lanes' tokens and the free slots allow,
    // in one transaction.
    void pump();
    void send(const store::Job& job);
    // Slack jobs: the webhook is looked up by name, the body posted as it is stored.
    void sendToSlack(const store::Job& job);
    void onAnswer(const Sent& sent, const customerio::CustomerIoResult& result);
    void settle(std::int64_t jobId, const RetryDecision& decision, std::optional<store::JobAttempt> attempt,
                DeliveryLane lane, QByteArray answer = {});
    void scheduleFlush();
    void refreshPause();
    void markChanged();
    void updateIdle();
    void finish();
    template <typename Change>
    void countStats(Change change);

    DeliveryConfig m_config;
    RetryPolicy m_policy;
    std::optional<store::JobQueue> m_queue;
    customerio::CustomerIoClient* m_client = nullptr;
    slack::SlackClient* m_slack = nullptr;
    std::array<TokenBucket, kDeliveryLaneCount> m_buckets;
    QElapsedTimer m_monotonic;

    QTimer* m_pollTimer = nullptr;
    QTimer* m_flushTimer = nullptr;
    QTimer* m_tokenTimer = nullptr;
    QTimer* m_changedTimer = nullptr;
    QTimer* m_graceTimer = nullptr;

    std::vector<store::Completion> m_completions;
    int m_inFlight = 0;
    std::int64_t m_dataVersion = -1;
    std::optional<std::int64_t> m_nextDueMs;
    bool m_paused = false;
    QString m_pauseToWrite; // this worker paused the queue; the flag is written with the next flush
    bool m_stopping = false;
    bool m_aborting = false;
    bool m_finished = false;
    bool m_idle = false;
    bool m_changedPending = false;

    mutable QMutex m_statsMutex;
    DeliveryStats m_stats;
};

} // namespace billbridge::delivery
