#pragma once

#include "stripe/eventlistparams.h"
#include "stripe/retrypolicy.h"
#include "stripe/stripeapiconfig.h"
#include "stripe/stripeerror.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <chrono>
#include <cstdint>
#include <memory>

class QTimer;

namespace billbridge::store {
class EventStore;
class EventWriter;
} // namespace billbridge::store

namespace billbridge::stripe {

class StripeClient;
struct EventListResult;
struct EventPage;

// What one polling run did.
struct PollReport {
    QDateTime finishedAt;
    int newEvents = 0;
    int duplicates = 0; // already stored, usually by the webhook receiver: normal, not an error
    int skipped = 0;    // listed entries that are not snapshot events Billbridge can read
    int pages = 0;
    QString cursor; // newest event id seen (poll.cursor)
    bool ok = true; // false when the run ended on an error (see EventPoller::errorOccurred)
};

// Reconciles the store with Stripe's Events API while `serve` runs, so that events whose webhook never
// arrived (listener down, endpoint misconfigured) still reach the store.
//
// Every `interval` it walks forward from its cursor: GET /v1/events?ending_before=<cursor>, pages newest
// first, the next cursor being the page's newest id; has_more repeats at once. Each page is stored with
// source=poll and SignatureVerdict::Api in one write together with the new cursor (intake_state key
// "poll.cursor"), so the cursor never runs ahead of stored events.
//
// Where it starts: the saved cursor; else the newest stored event (by `created`), saved as the cursor at
// once; on an empty store it asks Stripe for its newest event (limit=1), stores it and polls forward from
// there. Older history is the backfill's job. When Stripe says the cursor no longer exists (events expire
// after 30 days) it continues from the newest stored event and says so through warning().
//
// Failures: a rejected key or missing permission (401/403) stops polling (state Failed, fatal error);
// anything else is retried a few times within the run and otherwise reported and tried again next
// interval.
//
// Usage (the writer must already be started; `storePath` is the same store, opened here for reads):
//     EventPoller poller(config, writer, storePath, std::chrono::seconds(10));
//     poller.start(); … poller.stop();
// All of it runs on the thread that owns the object; a page write blocks that thread for one commit.
class EventPoller final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventPoller)

public:
    enum class State {
        Stopped, // not started, or stop() called
        Waiting, // between runs
        Polling, // a run is talking to Stripe or storing a page
        Failed,  // stopped by a 401/403; start() again after fixing the key
    };
    Q_ENUM(State)

    static constexpr std::chrono::milliseconds kDefaultInterval{10'000};
    static QString cursorKey() { return QStringLiteral("poll.cursor"); }
    // "ok" or "failed"; its update time is when the last run ended.
    static QString lastRunKey() { return QStringLiteral("poll.last_run"); }

    EventPoller(StripeApiConfig config, store::EventWriter& writer, QString storePath,
                std::chrono::milliseconds interval = kDefaultInterval, QObject* parent = nullptr);
    ~EventPoller() override;

    // Runs once at once, then every interval after the previous run ended.
    void start();
    // Cancels a request in flight (nothing is half-stored) and stops the timer.
    void stop();
    // Starts a run now when waiting between runs.
    void pollNow();

    // Retries inside one run; default 3 attempts, 1 s doubling to 5 s.
    void setRetryPolicy(const RetryPolicy& policy) { m_retry = policy; }
    // Events per request (1–100, default 100).
    void setPageSize(int pageSize) { m_pageSize = pageSize; }

    State state() const { return m_state; }
    std::chrono::milliseconds interval() const { return m_interval; }
    QDateTime lastRunAt() const { return m_lastRunAt; }
    QString cursor() const { return m_cursor; }
    std::int64_t totalNewEvents() const { return m_totalNew; }
    std::int64_t totalDuplicates() const { return m_totalDuplicates; }
    QString lastError() const { return m_lastError; }

signals:
    void stateChanged(billbridge::stripe::EventPoller::State state);
    void runFinished(const billbridge::stripe::PollReport& report);
    void warning(const QString& message);
    void errorOccurred(const QString& message, bool fatal);

private:
    enum class Step { Forward, Establish };

    void setState(State state);
    void runOnce();
    void request();
    void onPage(const EventListResult& result);
    void onError(const StripeError& error);
    bool storePage(const EventPage& page);
    void endRun(bool ok);
    QString newestStoredId();
    bool saveCursorOnly(const QString& cursor);

    StripeClient* m_client = nullptr;
    store::EventWriter& m_writer;
    QString m_storePath;
    std::unique_ptr<store::EventStore> m_reader;
    std::chrono::milliseconds m_interval;
    RetryPolicy m_retry{3, std::chrono::milliseconds(1000), std::chrono::milliseconds(5000)};
    int m_pageSize = EventListParams::kMaxLimit;
    QTimer* m_intervalTimer = nullptr;
    QTimer* m_retryTimer = nullptr;

    State m_state = State::Stopped;
    Step m_step = Step::Forward;
    QString m_cursor;
    PollReport m_report;
    int m_attempts = 0;
    bool m_fellBackThisRun = false;
    bool m_accountWasEmpty = false;
    QDateTime m_lastRunAt;
    std::int64_t m_totalNew = 0;
    std::int64_t m_totalDuplicates = 0;
    QString m_lastError;
};

} // namespace billbridge::stripe

Q_DECLARE_METATYPE(billbridge::stripe::PollReport)
