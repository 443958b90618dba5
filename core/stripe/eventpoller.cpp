#include "stripe/eventpoller.h"

#include "store/eventstore.h"
#include "store/eventwriter.h"
#include "stripe/apieventbatch.h"
#include "stripe/stripeclient.h"
#include "util/logging.h"

#include <QTimer>

namespace billbridge::stripe {

EventPoller::EventPoller(StripeApiConfig config, store::EventWriter& writer, QString storePath,
                         std::chrono::milliseconds interval, QObject* parent)
    : QObject(parent)
    , m_client(new StripeClient(std::move(config), this))
    , m_writer(writer)
    , m_storePath(std::move(storePath))
    , m_interval(interval)
    , m_intervalTimer(new QTimer(this))
    , m_retryTimer(new QTimer(this))
{
    m_intervalTimer->setSingleShot(true);
    m_retryTimer->setSingleShot(true);
    connect(m_intervalTimer, &QTimer::timeout, this, &EventPoller::runOnce);
    connect(m_retryTimer, &QTimer::timeout, this, &EventPoller::request);
}

EventPoller::~EventPoller() = default;

void EventPoller::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void EventPoller::start()
{
    if (m_state == State::Waiting || m_state == State::Polling)
        return;
    m_lastError.clear();
    setState(State::Waiting);
    m_intervalTimer->start(0);
}

void EventPoller::stop()
{
    m_intervalTimer->stop();
    m_retryTimer->stop();
    if (m_state == State::Stopped)
        return;
    setState(State::Stopped);
    // The handler sees state Stopped and lets the answer go: nothing of it was stored, the cursor stays.
    m_client->abortAll();
}

void EventPoller::pollNow()
{
    if (m_state != State::Waiting)
        return;
    m_intervalTimer->stop();
    runOnce();
}

void EventPoller::runOnce()
{
    if (m_state != State::Waiting)
        return;
    setState(State::Polling);
    m_report = PollReport();
    m_attempts = 0;
    m_fellBackThisRun = false;
    if (m_cursor.isEmpty()) {
        QString saved;
        QString newest;
        try {
            if (!m_reader)
                m_reader =
                    std::make_unique<store::EventStore>(store::EventStore::openForReading(m_storePath));
            saved = m_reader->state(cursorKey());
            if (saved.isEmpty()) {
                if (const auto newestEvent = m_reader->newest())
                    newest = newestEvent->fields.id;
            }
        } catch (const store::StoreError& error) {
            m_reader.reset();
            m_lastError = QStringLiteral("polling could not read the store: %1").arg(error.message());
            emit errorOccurred(m_lastError, false);
            endRun(false);
            return;
        }
        if (!saved.isEmpty()) {
            m_cursor = saved;
        } else if (!newest.isEmpty()) {
            // Saved at once: by the next start, webhooks may have stored newer events, and starting from
            // those would skip whatever came in between.
            if (!saveCursorOnly(newest))
                return;
        }
    }
    m_step = m_cursor.isEmpty() ? Step::Establish : Step::Forward;
    request();
}

void EventPoller::request()
{
    if (m_state != State::Polling)
        return;
    EventListParams params;
    if (m_step == Step::Establish) {
        // Only the newest event is needed to know where "now" is; an account that had none at all gets a
        // full page next time, since everything that appeared meanwhile is new.
        params.limit = m_accountWasEmpty ? m_pageSize : 1;
    } else {
        params.limit = m_pageSize;
        params.endingBefore = m_cursor;
    }
    ++m_attempts;
    m_client->listEvents(params, [this](const EventListResult& result) { onPage(result); });
}

void EventPoller::onPage(const EventListResult& result)
{
    if (m_state != State::Polling)
        return;
    if (result.error) {
        onError(*result.error);
        return;
    }
    m_attempts = 0;
    const EventPage& page = *result.page;
    if (page.isEmpty()) {
        if (m_step == Step::Establish)
            m_accountWasEmpty = true;
        endRun(true);
        return;
    }
    if (!storePage(page))
        return;
    if (m_step == Step::Establish) {
        if (m_accountWasEmpty && page.hasMore)
            emit warning(
                QStringLiteral("More than %1 events appeared at once while the Stripe account had none; "
                               "polling continues from the newest. Run 'billbridge-cli backfill' to "
                               "import the rest.")
                    .arg(page.events.size()));
        m_accountWasEmpty = false;
        m_step = Step::Forward;
        endRun(true);
    } else if (page.hasMore) {
        request();
    } else {
        endRun(true);
    }
}

void EventPoller::onError(const StripeError& error)
{
    if (error.kind == StripeErrorKind::Aborted)
        return;
    if (error.isMissingCursor() && m_step == Step::Forward) {
        const QString lost = m_cursor;
        if (!m_fellBackThisRun) {
            m_fellBackThisRun = true;
            const QString newest = newestStoredId();
            if (!newest.isEmpty() && newest != lost) {
                emit warning(
                    QStringLiteral("Stripe no longer knows the poll position %1 (it keeps events for 30 "
                                   "days); polling continues from the newest stored event %2.")
                        .arg(lost, newest));
                if (!saveCursorOnly(newest))
                    return;
                m_attempts = 0;
                request();
                return;
            }
        }
        emit warning(
            QStringLiteral("Stripe no longer knows the poll position %1 and no stored event is left to "
                           "continue from; polling restarts at Stripe's newest event. Events in between "
                           "may be missing: run 'billbridge-cli backfill' to fill the gap.")
                .arg(lost));
        m_cursor.clear();
        m_step = Step::Establish;
        m_attempts = 0;
        request();
        return;
    }
    if (error.isCredentialProblem()) {
        m_lastError =
            error.summary() + QStringLiteral(" Polling stopped; start it again once the key is fixed.");
        m_intervalTimer->stop();
        setState(State::Failed);
        emit errorOccurred(m_lastError, true);
        return;
    }
    const RetryPolicy::Decision decision = m_retry.decide(error, m_attempts);
    if (decision.retry) {
        qCInfo(lcIntake).noquote() << "poll: retrying in" << decision.delay.count()
                                   << "ms:" << toString(error.kind);
        m_retryTimer->start(decision.delay);
        return;
    }
    m_lastError =
        error.summary() +
        QStringLiteral(" Polling tries again in %1 s.").arg(static_cast<double>(m_interval.count()) / 1000.0);
    emit errorOccurred(m_lastError, false);
    endRun(false);
}

bool EventPoller::storePage(const EventPage& page)
{
    ApiEventBatch batch = ApiEventBatch::fromPage(page, store::EventSource::Poll);
    const QString nextCursor = page.newestId();
    store::WriteRequest request;
    request.events = std::move(batch.events);
    request.stateUpdates.emplace_back(cursorKey(), nextCursor);
    const store::WriteResult written = m_writer.write(std::move(request));
    if (!written.committed) {
        m_lastError =
            QStringLiteral("the store refused %1 polled events (%2); the poll position stays at %3 and "
                           "the page is fetched again next time.")
                .arg(page.events.size())
                .arg(written.error, m_cursor.isEmpty() ? QStringLiteral("the start") : m_cursor);
        emit errorOccurred(m_lastError, false);
        endRun(false);
        return false;
    }
    for (store::InsertOutcome outcome : written.outcomes) {
        if (outcome == store::InsertOutcome::Stored)
            ++m_report.newEvents;
        else
            ++m_report.duplicates;
    }
    m_report.skipped += batch.skipped;
    ++m_report.pages;
    m_cursor = nextCursor;
    return true;
}

void EventPoller::endRun(bool ok)
{
    m_report.ok = ok;
    m_report.cursor = m_cursor;
    m_report.finishedAt = QDateTime::currentDateTimeUtc();
    m_lastRunAt = m_report.finishedAt;
    m_totalNew += m_report.newEvents;
    m_totalDuplicates += m_report.duplicates;
    if (m_report.newEvents > 0 || m_report.duplicates > 0)
        qCInfo(lcIntake).noquote() << "poll:" << m_report.newEvents << "new events," << m_report.duplicates
                                   << "already stored";
    // Recorded in the store so that a console watching it can tell whether and when `serve` last polled.
    store::WriteRequest record;
    record.stateUpdates.emplace_back(lastRunKey(), ok ? QStringLiteral("ok") : QStringLiteral("failed"));
    m_writer.submit(std::move(record), {});
    if (m_state == State::Polling) {
        setState(State::Waiting);
        m_intervalTimer->start(m_interval);
    }
    emit runFinished(m_report);
}

QString EventPoller::newestStoredId()
{
    try {
        if (!m_reader)
            m_reader = std::make_unique<store::EventStore>(store::EventStore::openForReading(m_storePath));
        if (const auto newest = m_reader->newest())
            return newest->fields.id;
    } catch (const store::StoreError& error) {
        m_reader.reset();
        qCWarning(lcIntake).noquote() << "poll: could not read the newest stored event:" << error.message();
    }
    return {};
}

bool EventPoller::saveCursorOnly(const QString& cursor)
{
    store::WriteRequest request;
    request.stateUpdates.emplace_back(cursorKey(), cursor);
    const store::WriteResult written = m_writer.write(std::move(request));
    if (!written.committed) {
        m_lastError = QStringLiteral("the store refused the new poll position (%1).").arg(written.error);
        emit errorOccurred(m_lastError, false);
        endRun(false);
        return false;
    }
    m_cursor = cursor;
    return true;
}

} // namespace billbridge::stripe
