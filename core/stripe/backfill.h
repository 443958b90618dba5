#pragma once

#include "stripe/backfillstate.h"
#include "stripe/eventlistparams.h"
#include "stripe/retrypolicy.h"
#include "stripe/stripeapiconfig.h"
#include "stripe/stripeerror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <cstdint>
#include <optional>

class QTimer;

namespace billbridge::store {
class EventWriter;
struct WriteRequest;
} // namespace billbridge::store

namespace billbridge::stripe {

class StripeClient;
struct EventListResult;
struct EventPage;

struct BackfillOptions {
    std::int64_t since = 0; // Unix seconds; Stripe keeps events for 30 days
    QString sinceLabel;     // the --since text as typed, so that repeating "30d" later resumes
    QStringList types;      // exact names (up to 20) or one pattern such as invoice.*; empty for all
    int pageSize = EventListParams::kMaxLimit;
    RetryPolicy retry;
};

enum class BackfillOutcome {
    Completed,   // every event since `since` is in the store
    Interrupted, // stop() or abort(); resumable
    GaveUp,      // transient failures outlasted the retry policy (or Stripe said not to retry); resumable
    CredentialsRejected, // 401/403
    RequestRejected,     // Stripe (or the parameter check) refused the request, e.g. an unknown event type
    StoreFailed,         // the store could not be read or written; resumable once fixed
};

struct BackfillProgress {
    BackfillState state; // totals across every run of this backfill
    std::int64_t fetchedThisRun = 0;
    double eventsPerSecond = 0; // this run
    // Estimated from how fast `created` moves from the newest event back towards `since`.
    std::optional<std::chrono::seconds> eta;
};

struct BackfillResult {
    BackfillOutcome outcome = BackfillOutcome::Completed;
    QString message; // what happened and what to do next
    std::optional<StripeError> error;
    BackfillState state;
    bool resumed = false;
};

// Imports event history from GET /v1/events, newest first, walking back in time with
// starting_after=<oldest id of the previous page> and created[gte]=since. Events are stored with
// source=backfill and SignatureVerdict::Api.
//
// Each page and the resulting BackfillState (key "backfill.state") go into the store in one write, so the
// saved cursor never runs ahead of the stored events. The stored/duplicate split is only known once that
// write committed, so the state written with a page carries the split up to the previous page; the state
// written when the run ends is exact.
//
// A run with the same types and --since as an unfinished one resumes from its cursor (notice() says so);
// other parameters, or a completed previous run, start afresh. If Stripe no longer knows the cursor, the
// walk continues below the oldest `created` reached instead.
//
// Usage: construct (the writer must be started), connect, start(); finished() is emitted exactly once.
class Backfill final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Backfill)

public:
    Backfill(StripeApiConfig config, store::EventWriter& writer, QString storePath, BackfillOptions options,
             QObject* parent = nullptr);
    ~Backfill() override;

    // Begins on the next turn of the event loop.
    void start();
    // Finishes after the page in flight is stored (at once while waiting to retry). Result: Interrupted.
    void stop();
    // Cancels the request in flight; nothing half-stored, the cursor stays at the last stored page.
    void abort();

    bool isRunning() const { return m_running; }
    const BackfillState& state() const { return m_state; }

signals:
    // Informational sentences: resuming, replacing an unfinished run, cursor fallback.
    void notice(const QString& message);
    void progress(const billbridge::stripe::BackfillProgress& progress);
    // A transient failure; the page is requested again after `delay`.
    void retrying(const QString& message, std::chrono::milliseconds delay);
    void finished(const billbridge::stripe::BackfillResult& result);

private:
    void begin();
    void requestPage();
    void onPage(const EventListResult& result);
    void onError(const StripeError& error);
    bool storePage(const EventPage& page);
    void finish(BackfillOutcome outcome, const QString& message, std::optional<StripeError> error = {});
    BackfillProgress makeProgress() const;
    QString positionText() const;

    StripeClient* m_client = nullptr;
    store::EventWriter& m_writer;
    QString m_storePath;
    BackfillOptions m_options;
    EventListParams m_query;
    BackfillState m_state;
    QTimer* m_retryTimer = nullptr;
    QElapsedTimer m_clock;
    std::optional<std::int64_t> m_createdBefore; // set when the cursor was lost
    std::int64_t m_fetchedThisRun = 0;
    double m_fractionAtStart = 0;
    int m_attempts = 0;
    bool m_running = false;
    bool m_started = false;
    bool m_stopRequested = false;
    bool m_resumed = false;
    bool m_cursorFallbackUsed = false;
};

QString toString(BackfillOutcome outcome);

} // namespace billbridge::stripe

Q_DECLARE_METATYPE(billbridge::stripe::BackfillProgress)
Q_DECLARE_METATYPE(billbridge::stripe::BackfillResult)
