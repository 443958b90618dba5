#pragma once

#include "customerio/customerioclient.h"
#include "customerio/customerioregion.h"
#include "delivery/retrypolicy.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>

class QLockFile;
class QThread;

namespace billbridge::delivery {

class DeliveryWorker;

// How fast Billbridge may talk to Customer.io. The defaults are Customer.io's published limits; an operator
// lowers them for a workspace that shares its limits with other senders.
struct DeliveryLimits {
    static constexpr auto kSettingsGroup = "delivery";

    double trackPerSecond = 100.0;         // Track API
    double appPerSecond = 10.0;            // App API, other than the two below
    double transactionalPerSecond = 100.0; // POST /v1/send/email
    double broadcastPerSecond = 0.1;       // POST /v1/campaigns/{id}/triggers: one per 10 s
    // Slack posts, all webhooks together: Slack allows about one message a second per webhook, so one lane
    // at that rate never overruns any of them.
    double slackPerSecond = 1.0;
    int concurrency = 32;   // requests in flight at once, all APIs together
    int maxAttempts = 8;    // failures (5xx, timeouts, network) before a job is dead
    bool unlimited = false; // benchmarks only: no token buckets at all

    // delivery/trackPerSecond, …/appPerSecond, …/transactionalPerSecond, …/broadcastPerSecond,
    // …/slackPerSecond, …/concurrency, …/maxAttempts in QSettings; unusable values fall back to the defaults.
    static DeliveryLimits fromSettings();
    // Empty when usable; otherwise what is wrong, in words an operator can act on.
    QString validate() const;
};

struct DeliveryConfig {
    QString databasePath;
    customerio::CustomerIoEndpoints endpoints;
    customerio::CustomerIoCredentials credentials;
    DeliveryLimits limits;
    std::chrono::milliseconds requestTimeout{10'000};
    // How often the worker looks for work enqueued by other connections or processes (PRAGMA data_version).
    std::chrono::milliseconds pollInterval{20};
    // When failed requests are tried again; limits.maxAttempts overrides retry.maxAttempts.
    RetrySchedule retry;
    // Slack incoming webhooks by name (slack::loadSlackWebhooks at start-up). The worker also looks for
    // BILLBRIDGE_SLACK_WEBHOOK_<NAME> in the environment at each post, so a headless setup needs no restart.
    std::map<QString, QUrl> slackWebhooks;
};

// Running totals since start(), for status lines and benchmarks.
struct DeliveryStats {
    std::int64_t attempts = 0;
    std::int64_t succeeded = 0;
    std::int64_t retryScheduled = 0;
    std::int64_t dead = 0;
    std::int64_t needsReview = 0;
    int inFlight = 0;
};

// Delivers the job queue to Customer.io on a thread of its own: claims due jobs, sends each through the
// lane's token bucket, records every attempt and moves the job on by the retry policy. One process at a
// time delivers from a store (a lock file beside it); start() in a second one fails with a message that
// names the holder. Signals arrive on the thread that created the service.
class DeliveryService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryService)

public:
    explicit DeliveryService(DeliveryConfig config, QObject* parent = nullptr);
    ~DeliveryService() override; // stop()

    // Takes the store's delivery lock, recovers jobs a crashed worker left in flight, and starts
    // delivering. False with errorString() when the store cannot be opened or another process delivers.
    bool start();
    // Lets requests in flight finish for up to `grace`, aborts the rest (their jobs are recovered as after a
    // crash) and releases the lock. Safe to call twice.
    void stop(std::chrono::milliseconds grace = std::chrono::seconds(5));
    bool isRunning() const;
    QString errorString() const;

    // Looks for due work now instead of at the next poll (after an enqueue in this process).
    void wake();
    // Replaces the credentials (after the operator fixed them); the queue stays paused until resumed.
    void setCredentials(const customerio::CustomerIoCredentials& credentials);
    // Totals of the running delivery, or of the last one after stop().
    DeliveryStats stats() const;

    // "<databasePath>.delivery.lock": held by the process that delivers from that store.
    static QString lockFilePath(const QString& databasePath);

signals:
    // Jobs changed state (coalesced: at most every 100 ms).
    void jobsChanged();
    // 401/403, a wrong region or missing credentials paused the queue; `reason` says what to fix.
    void queuePaused(const QString& reason);
    // Someone (this or another process) resumed a paused queue; delivery goes on.
    void queueResumed();
    // Nothing due (or the queue paused) and nothing in flight; emitted once each time delivery comes to rest.
    void idle();

private:
    DeliveryConfig m_config;
    QThread* m_thread = nullptr;
    DeliveryWorker* m_worker = nullptr;
    QString m_error;
    DeliveryStats m_finalStats; // what the last run did, for reports after stop()
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace billbridge::delivery
