#include "delivery/deliveryworker.h"

#include "delivery/deliverylogging.h"
#include "slack/slackclient.h"
#include "slack/slackpost.h"
#include "slack/slackwebhooks.h"
#include "store/sqlite.h"
#include "sync/identityresolution.h"
#include "util/redact.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace billbridge::delivery {

namespace {

// Claiming more than this at once only makes the first answers wait for a longer transaction.
constexpr int kClaimBatch = 256;
constexpr int kRequestBodyExcerptBytes = 1024;
constexpr auto kChangedInterval = std::chrono::milliseconds(100);
constexpr auto kAbortWait = std::chrono::seconds(2);

const std::array<DeliveryLane, kDeliveryLaneCount> kLanes = {DeliveryLane::Track, DeliveryLane::App,
                                                             DeliveryLane::Transactional,
                                                             DeliveryLane::Broadcast, DeliveryLane::Slack};

const QString kSendEmail = QStringLiteral("app.sendEmail");
const QString kTriggerBroadcast = QStringLiteral("app.triggerBroadcast");

store::ClaimFilter filterOf(DeliveryLane lane)
{
    store::ClaimFilter filter;
    switch (lane) {
    case DeliveryLane::Track:
        filter.api = QStringLiteral("track");
        break;
    case DeliveryLane::App:
        filter.api = QStringLiteral("app");
        filter.operationsNotIn = {kSendEmail, kTriggerBroadcast};
        break;
    case DeliveryLane::Transactional:
        filter.operationsIn = {kSendEmail};
        break;
    case DeliveryLane::Broadcast:
        filter.operationsIn = {kTriggerBroadcast};
        break;
    case DeliveryLane::Slack:
        filter.api = QStringLiteral("slack");
        break;
    }
    return filter;
}

double rateOf(const DeliveryLimits& limits, DeliveryLane lane)
{
    switch (lane) {
    case DeliveryLane::Track:
        return limits.trackPerSecond;
    case DeliveryLane::App:
        return limits.appPerSecond;
    case DeliveryLane::Transactional:
        return limits.transactionalPerSecond;
    case DeliveryLane::Broadcast:
        return limits.broadcastPerSecond;
    case DeliveryLane::Slack:
        return limits.slackPerSecond;
    }
    return 1.0;
}

std::size_t indexOf(DeliveryLane lane)
{
    return static_cast<std::size_t>(lane);
}

// "POST /customers/cus_1/events" and the start of the body: enough for an operator to recognise the call.
QString requestExcerptOf(const customerio::CustomerIoRequest& request)
{
    QByteArray excerpt = request.verb + ' ' + request.relativeTarget();
    if (request.hasBody())
        excerpt += '\n' + request.body.left(kRequestBodyExcerptBytes);
    return QString::fromUtf8(excerpt);
}

// "POST slack webhook "alerts" (hooks.slack.com/services/•••)" and the start of the body: the URL's path is
// the webhook's credential and never reaches the attempt history.
QString slackExcerptOf(const slack::SlackPost& post, const QUrl& url)
{
    return QStringLiteral("POST slack webhook \"%1\" (%2)\n%3")
        .arg(post.webhook, slack::maskedWebhookUrl(url),
             QString::fromUtf8(post.body.left(kRequestBodyExcerptBytes)));
}

double randomUnit()
{
    return QRandomGenerator::global()->generateDouble();
}

} // namespace

DeliveryWorker::DeliveryWorker(DeliveryConfig config)
    : m_config(std::move(config))
    , m_policy(m_config.retry)
{
    m_monotonic.start();
    for (DeliveryLane lane : kLanes)
        m_buckets[indexOf(lane)] = TokenBucket(rateOf(m_config.limits, lane), 0);
}

DeliveryWorker::~DeliveryWorker() = default;

std::int64_t DeliveryWorker::wallNow() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::int64_t DeliveryWorker::monotonicNow() const
{
    return m_monotonic.elapsed();
}

bool DeliveryWorker::open(QString* error)
{
    try {
        m_queue.emplace(store::JobQueue::open(m_config.databasePath));
        // A settled identity lookup is acted on in the transaction that records its answer.
        m_queue->setSettledHook(&sync::identity::settleLookup);
        const store::RecoveryResult recovered = m_queue->recoverInFlight();
        if (recovered.requeued + recovered.needsReview > 0)
            qCInfo(lcDelivery) << "recovered jobs left in flight:" << recovered.requeued << "requeued,"
                               << recovered.needsReview << "need review";
        m_dataVersion = m_queue->dataVersion();
        const store::PauseState pause = m_queue->pauseState();
        m_paused = pause.paused;
        if (m_paused) {
            qCInfo(lcDelivery).noquote() << "the queue is paused:" << util::maskEmailsIn(pause.reason);
            emit queuePaused(pause.reason);
        }
    } catch (const store::StoreError& e) {
        if (error)
            *error = e.message();
        m_queue.reset();
        return false;
    }

    m_client = new customerio::CustomerIoClient(m_config.endpoints, this);
    m_client->setCredentials(m_config.credentials);
    m_client->setTimeout(m_config.requestTimeout);
    m_slack = new slack::SlackClient(this);
    m_slack->setTimeout(m_config.requestTimeout);

    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(std::max(m_config.pollInterval, std::chrono::milliseconds(1)));
    connect(m_pollTimer, &QTimer::timeout, this, &DeliveryWorker::poll);
    m_flushTimer = new QTimer(this);
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(0);
    connect(m_flushTimer, &QTimer::timeout, this, &DeliveryWorker::pump);
    m_tokenTimer = new QTimer(this);
    m_tokenTimer->setSingleShot(true);
    m_tokenTimer->setTimerType(Qt::PreciseTimer);
    connect(m_tokenTimer, &QTimer::timeout, this, &DeliveryWorker::pump);
    m_changedTimer = new QTimer(this);
    m_changedTimer->setSingleShot(true);
    m_changedTimer->setInterval(kChangedInterval);
    connect(m_changedTimer, &QTimer::timeout, this, [this] {
        if (!m_changedPending)
            return;
        m_changedPending = false;
        m_changedTimer->start();
        emit jobsChanged();
    });
    m_graceTimer = new QTimer(this);
    m_graceTimer->setSingleShot(true);
    connect(m_graceTimer, &QTimer::timeout, this, &DeliveryWorker::finish);

    m_pollTimer->start();
    QTimer::singleShot(0, this, &DeliveryWorker::pump);
    return true;
}

void DeliveryWorker::wake()
{
    if (m_queue && !m_stopping && !m_paused)
        pump();
}

void DeliveryWorker::setCredentials(const customerio::CustomerIoCredentials& credentials)
{
    m_config.credentials = credentials;
    if (m_client)
        m_client->setCredentials(credentials);
}

DeliveryStats DeliveryWorker::stats() const
{
    QMutexLocker locker(&m_statsMutex);
    return m_stats;
}

template <typename Change>
void DeliveryWorker::countStats(Change change)
{
    QMutexLocker locker(&m_statsMutex);
    change(m_stats);
    m_stats.inFlight = m_inFlight;
}

void DeliveryWorker::poll()
{
    if (!m_queue || m_stopping)
        return;
    try {
        const std::int64_t version = m_queue->dataVersion();
        bool changed = false;
        if (version != m_dataVersion) {
            m_dataVersion = version;
            changed = true;
            refreshPause();
        }
        if (m_paused)
            return;
        if (changed || (m_nextDueMs && *m_nextDueMs <= wallNow()))
            pump();
    } catch (const store::StoreError& e) {
        qCWarning(lcDelivery).noquote() << "looking for work failed:" << e.message();
    }
}

void DeliveryWorker::refreshPause()
{
    // Our own pause is not in the store yet: the next flush writes it.
    if (!m_pauseToWrite.isEmpty())
        return;
    const store::PauseState state = m_queue->pauseState();
    if (state.paused && !m_paused) {
        m_paused = true;
        qCInfo(lcDelivery).noquote() << "the queue was paused:" << util::maskEmailsIn(state.reason);
        emit queuePaused(state.reason);
        updateIdle();
    } else if (!state.paused && m_paused) {
        m_paused = false;
        m_idle = false;
        qCInfo(lcDelivery) << "the queue was resumed";
        emit queueResumed();
    }
}

void DeliveryWorker::pump()
{
    if (!m_queue)
        return;
    std::vector<store::Completion> batch;
    batch.swap(m_completions);
    std::vector<store::ClaimRequest> claims;
    std::vector<DeliveryLane> claimLanes;
    const std::int64_t monotonic = monotonicNow();
    std::int64_t tokenWait = std::numeric_limits<std::int64_t>::max();
    const int budget = std::min(kClaimBatch, m_config.limits.concurrency - m_inFlight);
    if (!m_stopping && !m_paused && budget > 0) {
        for (DeliveryLane lane : kLanes) {
            int wanted = budget;
            if (!m_config.limits.unlimited) {
                // Jobs are claimed only with a token in hand, so that a job waiting for its lane stays
                // pending (and visible as such) instead of in flight.
                const TokenBucket& bucket = m_buckets[indexOf(lane)];
                wanted = std::min(wanted, bucket.available(monotonic));
                if (wanted == 0) {
                    tokenWait = std::min(tokenWait, bucket.waitMs(monotonic));
                    continue;
                }
            }
            claims.push_back({wanted, filterOf(lane)});
            claimLanes.push_back(lane);
        }
    }

    std::vector<std::vector<store::Job>> claimed;
    try {
        // The answers of this turn and the next claims share one commit.
        claimed = m_queue->completeAndClaim(batch, claims, budget);
    } catch (const store::StoreError& e) {
        // Answered jobs stay in flight in the store and are recovered on the next start.
        qCWarning(lcDelivery).noquote()
            << "recording" << batch.size() << "answers and claiming failed:" << e.message();
    }
    if (!batch.empty())
        markChanged();
    if (!m_pauseToWrite.isEmpty()) {
        const QString reason = m_pauseToWrite;
        m_pauseToWrite.clear();
        try {
            m_queue->pause(reason);
        } catch (const store::StoreError& e) {
            qCWarning(lcDelivery).noquote() << "pausing the queue failed:" << e.message();
        }
        qCWarning(lcDelivery).noquote() << "the queue is paused:" << util::maskEmailsIn(reason);
        emit queuePaused(reason);
    }

    for (std::size_t i = 0; i < claimed.size(); ++i) {
        TokenBucket& bucket = m_buckets[indexOf(claimLanes[i])];
        for (const store::Job& job : claimed[i]) {
            if (!m_config.limits.unlimited)
                bucket.take(monotonic);
            send(job);
        }
    }
    if (!m_stopping && tokenWait != std::numeric_limits<std::int64_t>::max() &&
        (!m_tokenTimer->isActive() || m_tokenTimer->remainingTime() > tokenWait))
        m_tokenTimer->start(static_cast<int>(std::min<std::int64_t>(tokenWait, 3'600'000)));
    try {
        m_nextDueMs = m_queue->nextDueMs();
    } catch (const store::StoreError& e) {
        qCWarning(lcDelivery).noquote() << "looking for due jobs failed:" << e.message();
    }
    updateIdle();
}

void DeliveryWorker::send(const store::Job& job)
{
    m_idle = false;
    const DeliveryLane lane = laneOf(job.operation);
    if (lane == DeliveryLane::Slack)
        return sendToSlack(job);
    QString unreadable;
    const std::optional<customerio::CustomerIoRequest> request = requestOf(job, &unreadable);
    if (!request) {
        RetryInput input;
        input.operation = job.operation;
        input.payload = job.payload;
        input.attempt = job.attempts + 1;
        input.rateLimitedBefore = job.rateLimitedAttempts;
        input.unreadableReason = unreadable;
        input.nowMs = wallNow();
        settle(job.id, m_policy.decide(input, randomUnit), std::nullopt, lane);
        return;
    }
    Sent sent;
    sent.id = job.id;
    sent.operation = job.operation;
    sent.payload = job.payload;
    sent.attempts = job.attempts;
    sent.rateLimitedAttempts = job.rateLimitedAttempts;
    sent.lane = lane;
    sent.startedAtMs = wallNow();
    sent.requestExcerpt = requestExcerptOf(*request);
    ++m_inFlight;
    countStats([](DeliveryStats& stats) { ++stats.attempts; });
    m_client->execute(*request,
                      [this, sent](const customerio::CustomerIoResult& result) { onAnswer(sent, result); });
}

void DeliveryWorker::sendToSlack(const store::Job& job)
{
    RetryInput input;
    input.operation = job.operation;
    input.payload = job.payload;
    input.attempt = job.attempts + 1;
    input.rateLimitedBefore = job.rateLimitedAttempts;
    input.nowMs = wallNow();
    QString unreadable = QStringLiteral("\"%1\" is no Slack operation Billbridge knows").arg(job.operation);
    std::optional<slack::SlackPost> post;
    if (job.operation == slack::kPostOperation)
        post = slack::slackPostOf(job.payload, &unreadable);
    if (!post) {
        input.unreadableReason = unreadable;
        settle(job.id, m_policy.decide(input, randomUnit), std::nullopt, DeliveryLane::Slack);
        return;
    }
    QString problem;
    const std::optional<QUrl> url = slack::findWebhookUrl(post->webhook, m_config.slackWebhooks,
                                                          QProcessEnvironment::systemEnvironment(), &problem);
    if (!url) {
        // Nothing was sent: the job is dead with the fix in its error, and the other lanes go on.
        customerio::CustomerIoResult missing;
        missing.error = customerio::CustomerIoError::local(
            customerio::CustomerIoErrorKind::NotSent,
            problem.isEmpty() ? slack::missingWebhookMessage(post->webhook)
                              : problem + QStringLiteral(" Fix it, restart delivery, then retry this job."));
        input.result = missing;
        settle(job.id, m_policy.decide(input, randomUnit), std::nullopt, DeliveryLane::Slack);
        return;
    }
    Sent sent;
    sent.id = job.id;
    sent.operation = job.operation;
    sent.payload = job.payload;
    sent.attempts = job.attempts;
    sent.rateLimitedAttempts = job.rateLimitedAttempts;
    sent.lane = DeliveryLane::Slack;
    sent.startedAtMs = wallNow();
    sent.requestExcerpt = slackExcerptOf(*post, *url);
    ++m_inFlight;
    countStats([](DeliveryStats& stats) { ++stats.attempts; });
    m_slack->post(*url, post->body,
                  [this, sent](const customerio::CustomerIoResult& result) { onAnswer(sent, result); });
}

void DeliveryWorker::onAnswer(const Sent& sent, const customerio::CustomerIoResult& result)
{
    --m_inFlight;
    countStats([](DeliveryStats&) {});
    if (m_aborting && result.error && result.error->kind == customerio::CustomerIoErrorKind::Aborted) {
        if (m_inFlight == 0)
            finish();
        return;
    }
    RetryInput input;
    input.operation = sent.operation;
    input.payload = sent.payload;
    input.attempt = sent.attempts + 1;
    input.rateLimitedBefore = sent.rateLimitedAttempts;
    input.result = result;
    input.nowMs = wallNow();

    store::JobAttempt attempt;
    attempt.jobId = sent.id;
    attempt.startedAtMs = sent.startedAtMs;
    attempt.durationMs = result.duration.count();
    if (result.httpStatus != 0)
        attempt.httpStatus = result.httpStatus;
    attempt.requestExcerpt = sent.requestExcerpt;
    attempt.responseExcerpt = QString::fromUtf8(result.excerpt);
    if (result.error) {
        attempt.errorClass = customerio::toString(result.error->kind);
        if (attempt.responseExcerpt.isEmpty())
            attempt.responseExcerpt = result.error->summary();
    }
    settle(sent.id, m_policy.decide(input, randomUnit), attempt, sent.lane, result.body);
    if (m_stopping && m_inFlight == 0)
        finish();
}

void DeliveryWorker::settle(std::int64_t jobId, const RetryDecision& decision,
                            std::optional<store::JobAttempt> attempt, DeliveryLane lane, QByteArray answer)
{
    store::Completion completion;
    completion.jobId = jobId;
    completion.answer = std::move(answer);
    completion.attempt = std::move(attempt);
    completion.errorClass = decision.errorClass;
    completion.error = decision.message;
    switch (decision.verdict) {
    case RetryVerdict::Succeeded:
        completion.to = store::JobState::Succeeded;
        countStats([](DeliveryStats& stats) { ++stats.succeeded; });
        break;
    case RetryVerdict::RetryAt:
        completion.to = store::JobState::RetryScheduled;
        completion.notBeforeMs = decision.retryAtMs;
        countStats([](DeliveryStats& stats) { ++stats.retryScheduled; });
        if (decision.holdLaneUntilMs > 0) {
            // The lane's bucket runs on the monotonic clock; the decision speaks wall time.
            const std::int64_t wait = std::max<std::int64_t>(0, decision.holdLaneUntilMs - wallNow());
            m_buckets[indexOf(lane)].holdUntil(monotonicNow() + wait);
            qCInfo(lcDelivery).noquote() << (lane == DeliveryLane::Slack ? "Slack" : "Customer.io")
                                         << "asked the" << toString(lane) << "lane to wait" << wait << "ms";
        }
        break;
    case RetryVerdict::Dead:
        completion.to = store::JobState::Dead;
        countStats([](DeliveryStats& stats) { ++stats.dead; });
        qCInfo(lcDelivery).noquote() << "job" << jobId << "is dead:" << util::maskEmailsIn(decision.message);
        break;
    case RetryVerdict::NeedsReview:
        completion.to = store::JobState::NeedsReview;
        countStats([](DeliveryStats& stats) { ++stats.needsReview; });
        qCInfo(lcDelivery).noquote() << "job" << jobId
                                     << "needs review:" << util::maskEmailsIn(decision.message);
        break;
    case RetryVerdict::PauseQueue:
        // Back in line, due now: the job itself was fine and goes out once the operator fixed the cause.
        completion.to = store::JobState::Pending;
        completion.notBeforeMs = wallNow();
        if (!m_paused) {
            m_paused = true;
            m_pauseToWrite = decision.message;
        }
        break;
    }
    m_completions.push_back(std::move(completion));
    scheduleFlush();
}

void DeliveryWorker::scheduleFlush()
{
    // Everything answered in this turn of the event loop is committed together.
    if (m_flushTimer && !m_flushTimer->isActive())
        m_flushTimer->start();
}

void DeliveryWorker::markChanged()
{
    if (!m_changedTimer)
        return;
    if (m_changedTimer->isActive()) {
        m_changedPending = true;
        return;
    }
    emit jobsChanged();
    m_changedTimer->start();
}

void DeliveryWorker::updateIdle()
{
    if (m_inFlight > 0 || !m_completions.empty() || m_stopping)
        return;
    const bool nothingDue = m_paused || !m_nextDueMs || *m_nextDueMs > wallNow();
    if (!nothingDue || m_idle)
        return;
    m_idle = true;
    emit idle();
}

void DeliveryWorker::shutdown(std::chrono::milliseconds grace)
{
    if (m_finished || !m_queue) {
        QThread::currentThread()->quit();
        return;
    }
    m_stopping = true;
    m_pollTimer->stop();
    m_tokenTimer->stop();
    if (m_inFlight == 0) {
        finish();
        return;
    }
    qCInfo(lcDelivery) << "waiting up to" << grace.count() << "ms for" << m_inFlight << "requests";
    m_graceTimer->start(grace);
}

void DeliveryWorker::finish()
{
    if (m_finished)
        return;
    m_graceTimer->stop();
    if (m_inFlight > 0 && !m_aborting) {
        // Aborted requests still answer (later, on this thread); the client goes once they all did, so that
        // no network reply is destroyed while it is being worked on. Should answers not come, the timer
        // ends it anyway.
        m_aborting = true;
        qCInfo(lcDelivery) << "aborting" << m_inFlight << "requests still in flight";
        // Started first: the answers of aborted requests may finish() before abortAll() returns.
        m_graceTimer->start(kAbortWait);
        m_client->abortAll();
        // The answers to abortAll() may already have finished the worker, which lets go of both clients.
        if (m_slack)
            m_slack->abortAll();
        return;
    }
    m_finished = true;
    m_graceTimer->stop();
    m_flushTimer->stop();
    pump(); // records the last answers; claims nothing while stopping
    // Aborted jobs are still in flight in the store and are recovered below, as after a crash.
    customerio::CustomerIoClient* client = m_client;
    m_client = nullptr;
    // Deleted before the Customer.io client (deferred deletes run in order), whose end quits the thread.
    m_slack->deleteLater();
    m_slack = nullptr;
    m_inFlight = 0;
    try {
        const store::RecoveryResult recovered = m_queue->recoverInFlight();
        if (recovered.requeued + recovered.needsReview > 0)
            qCInfo(lcDelivery) << "aborted jobs:" << recovered.requeued << "requeued,"
                               << recovered.needsReview << "need review";
    } catch (const store::StoreError& e) {
        qCWarning(lcDelivery).noquote() << "recovering aborted jobs failed:" << e.message();
    }
    countStats([](DeliveryStats&) {});
    m_queue.reset();
    emit jobsChanged();
    // Timers can only be stopped on their own thread, and the worker is deleted on another one.
    for (QTimer* timer : {m_pollTimer, m_flushTimer, m_tokenTimer, m_changedTimer, m_graceTimer})
        timer->stop();
    // finish() may run inside one of the client's own handlers, so the client goes on the next turn of
    // this thread's loop, and the loop ends once it is gone: nothing of it is left to another thread.
    connect(client, &QObject::destroyed, this, [] { QThread::currentThread()->quit(); });
    client->deleteLater();
}

} // namespace billbridge::delivery
