#include "stripe/backfill.h"

#include "store/eventstore.h"
#include "store/eventwriter.h"
#include "stripe/apieventbatch.h"
#include "stripe/stripeclient.h"
#include "util/logging.h"

#include <QDateTime>
#include <QTimer>

namespace billbridge::stripe {

namespace {

QString isoDate(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString typesText(const QStringList& types)
{
    return types.isEmpty() ? QStringLiteral("all event types") : types.join(QStringLiteral(", "));
}

QString pagesText(std::int64_t pages)
{
    return pages == 1 ? QStringLiteral("1 page") : QStringLiteral("%1 pages").arg(pages);
}

QString secondsText(std::chrono::milliseconds delay)
{
    return QString::number(static_cast<double>(delay.count()) / 1000.0, 'f', 1) + QStringLiteral(" s");
}

} // namespace

QString toString(BackfillOutcome outcome)
{
    switch (outcome) {
    case BackfillOutcome::Completed:
        return QStringLiteral("completed");
    case BackfillOutcome::Interrupted:
        return QStringLiteral("interrupted");
    case BackfillOutcome::GaveUp:
        return QStringLiteral("gave-up");
    case BackfillOutcome::CredentialsRejected:
        return QStringLiteral("credentials-rejected");
    case BackfillOutcome::RequestRejected:
        return QStringLiteral("request-rejected");
    case BackfillOutcome::StoreFailed:
        return QStringLiteral("store-failed");
    }
    return {};
}

Backfill::Backfill(StripeApiConfig config, store::EventWriter& writer, QString storePath,
                   BackfillOptions options, QObject* parent)
    : QObject(parent)
    , m_client(new StripeClient(std::move(config), this))
    , m_writer(writer)
    , m_storePath(std::move(storePath))
    , m_options(std::move(options))
    , m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &Backfill::requestPage);
}

Backfill::~Backfill() = default;

void Backfill::start()
{
    if (m_started)
        return;
    m_started = true;
    m_running = true;
    QTimer::singleShot(0, this, &Backfill::begin);
}

void Backfill::stop()
{
    if (!m_running)
        return;
    m_stopRequested = true;
    if (m_retryTimer->isActive()) {
        m_retryTimer->stop();
        finish(BackfillOutcome::Interrupted, {});
    }
}

void Backfill::abort()
{
    if (!m_running)
        return;
    m_stopRequested = true;
    if (m_client->requestsInFlight() > 0) {
        m_client->abortAll();
    } else if (m_retryTimer->isActive()) {
        m_retryTimer->stop();
        finish(BackfillOutcome::Interrupted, {});
    }
}

void Backfill::begin()
{
    if (!m_running)
        return;
    if (m_stopRequested) {
        finish(BackfillOutcome::Interrupted, {});
        return;
    }
    if (const QString problem = m_query.setTypeFilter(m_options.types); !problem.isEmpty()) {
        finish(BackfillOutcome::RequestRejected, problem + QLatin1Char('.'));
        return;
    }
    m_query.limit = m_options.pageSize;
    const QStringList types = BackfillState::normaliseTypes(m_options.types);

    std::optional<BackfillState> previous;
    try {
        store::EventStore reader = store::EventStore::openForReading(m_storePath);
        previous = BackfillState::fromJson(reader.state(BackfillState::key()));
    } catch (const store::StoreError& error) {
        finish(BackfillOutcome::StoreFailed, error.message());
        return;
    }

    if (previous && !previous->isComplete() &&
        previous->sameRequest(m_options.since, m_options.sinceLabel, types)) {
        m_state = *previous;
        m_resumed = true;
        emit notice(
            QStringLiteral("Resuming the backfill started %1 (events since %2, %3): %4 events fetched in "
                           "%5 so far; continuing after %6.")
                .arg(m_state.started.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                     isoDate(m_state.since), typesText(m_state.types))
                .arg(m_state.stored + m_state.duplicates + m_state.skipped)
                .arg(pagesText(m_state.pages),
                     m_state.cursor.isEmpty() ? QStringLiteral("the newest event") : m_state.cursor));
    } else {
        if (previous && !previous->isComplete())
            emit notice(
                QStringLiteral("An unfinished backfill with other parameters (events since %1, %2) is "
                               "replaced by this one.")
                    .arg(isoDate(previous->since), typesText(previous->types)));
        m_state = BackfillState();
        m_state.since = m_options.since;
        m_state.sinceLabel = m_options.sinceLabel;
        m_state.types = types;
        m_state.started = QDateTime::currentDateTimeUtc();
    }
    m_query.createdGte = m_state.since;
    m_fractionAtStart = m_state.fractionDone();
    m_clock.start();
    qCDebug(lcIntake).noquote() << (m_resumed ? "resuming backfill" : "starting backfill") << "since"
                                << isoDate(m_state.since) << "for" << typesText(m_state.types);
    requestPage();
}

void Backfill::requestPage()
{
    EventListParams params = m_query;
    params.startingAfter = m_state.cursor;
    params.createdLt = m_createdBefore;
    ++m_attempts;
    m_client->listEvents(params, [this](const EventListResult& result) { onPage(result); });
}

void Backfill::onPage(const EventListResult& result)
{
    if (!m_running)
        return;
    if (result.error) {
        onError(*result.error);
        return;
    }
    m_attempts = 0;
    const EventPage& page = *result.page;
    if (!storePage(page))
        return;
    emit progress(makeProgress());
    if (m_state.isComplete()) {
        finish(BackfillOutcome::Completed, {});
    } else if (m_stopRequested) {
        finish(BackfillOutcome::Interrupted, {});
    } else {
        requestPage();
    }
}

void Backfill::onError(const StripeError& error)
{
    if (error.kind == StripeErrorKind::Aborted) {
        finish(BackfillOutcome::Interrupted, {});
        return;
    }
    if (error.isMissingCursor() && !m_state.cursor.isEmpty() && !m_cursorFallbackUsed) {
        // Stripe forgets events after 30 days, and a cursor with them. The oldest `created` reached still
        // marks the position; events sharing that second come again and are counted as duplicates.
        m_cursorFallbackUsed = true;
        emit notice(
            QStringLiteral("Stripe no longer knows the saved position %1; continuing with events created "
                           "up to %2 instead.")
                .arg(m_state.cursor, isoDate(m_state.reachedCreated)));
        m_createdBefore = m_state.reachedCreated + 1;
        m_state.cursor.clear();
        m_attempts = 0;
        requestPage();
        return;
    }
    if (error.isCredentialProblem()) {
        finish(BackfillOutcome::CredentialsRejected, error.summary(), error);
        return;
    }
    const RetryPolicy::Decision decision = m_options.retry.decide(error, m_attempts);
    if (!decision.retry) {
        if (error.kind == StripeErrorKind::InvalidRequest) {
            finish(BackfillOutcome::RequestRejected, error.summary(), error);
        } else {
            finish(BackfillOutcome::GaveUp,
                   error.summary() + QStringLiteral(" Stopped: %1. %2").arg(decision.reason, positionText()),
                   error);
        }
        return;
    }
    if (m_stopRequested) {
        finish(BackfillOutcome::Interrupted, {});
        return;
    }
    // Waiting first, announcing second: a listener that calls stop() then ends the wait at once.
    m_retryTimer->start(decision.delay);
    emit retrying(QStringLiteral("%1 Retrying in %2 (%3).")
                      .arg(error.summary(), secondsText(decision.delay), decision.reason),
                  decision.delay);
}

bool Backfill::storePage(const EventPage& page)
{
    ApiEventBatch batch = ApiEventBatch::fromPage(page, store::EventSource::Backfill);
    BackfillState next = m_state;
    if (!page.isEmpty()) {
        ++next.pages;
        next.cursor = page.oldestId();
        next.skipped += batch.skipped;
        if (next.newestCreated == 0 && batch.newestCreated)
            next.newestCreated = *batch.newestCreated;
        if (batch.oldestCreated)
            next.reachedCreated = *batch.oldestCreated;
    }
    if (!page.hasMore)
        next.completed = QDateTime::currentDateTimeUtc();

    store::WriteRequest request;
    request.events = std::move(batch.events);
    request.stateUpdates.emplace_back(BackfillState::key(), next.toJson());
    const store::WriteResult written = m_writer.write(std::move(request));
    if (!written.committed) {
        finish(BackfillOutcome::StoreFailed,
               QStringLiteral("the store refused a page of %1 events (%2). None of that page was kept. %3")
                   .arg(page.events.size())
                   .arg(written.error, positionText()));
        return false;
    }
    for (store::InsertOutcome outcome : written.outcomes) {
        if (outcome == store::InsertOutcome::Stored)
            ++next.stored;
        else
            ++next.duplicates;
    }
    m_fetchedThisRun += static_cast<std::int64_t>(page.events.size());
    m_state = std::move(next);
    return true;
}

BackfillProgress Backfill::makeProgress() const
{
    BackfillProgress progress;
    progress.state = m_state;
    progress.fetchedThisRun = m_fetchedThisRun;
    const double elapsed = static_cast<double>(m_clock.elapsed()) / 1000.0;
    if (elapsed > 0)
        progress.eventsPerSecond = static_cast<double>(m_fetchedThisRun) / elapsed;
    const double fraction = m_state.fractionDone();
    const double gained = fraction - m_fractionAtStart;
    if (m_state.isComplete())
        progress.eta = std::chrono::seconds(0);
    else if (gained > 0 && elapsed > 0)
        progress.eta =
            std::chrono::seconds(static_cast<std::int64_t>(elapsed * (1.0 - fraction) / gained + 0.5));
    return progress;
}

QString Backfill::positionText() const
{
    if (m_state.pages == 0)
        return QStringLiteral("Nothing was stored yet; run the same command again to start over.");
    return QStringLiteral(
               "The position (after %1, created %2) is saved; run the same command again to continue "
               "from there.")
        .arg(m_state.cursor.isEmpty() ? QStringLiteral("the newest event") : m_state.cursor,
             isoDate(m_state.reachedCreated));
}

void Backfill::finish(BackfillOutcome outcome, const QString& message, std::optional<StripeError> error)
{
    if (!m_running)
        return;
    m_running = false;
    m_retryTimer->stop();

    // The page writes carry the stored/duplicate split one page late; this makes the saved totals exact.
    // After a store failure it is tried all the same: a page can fail where a small update succeeds.
    if (m_state.pages > 0) {
        store::WriteRequest request;
        request.stateUpdates.emplace_back(BackfillState::key(), m_state.toJson());
        const store::WriteResult written = m_writer.write(std::move(request));
        if (!written.committed)
            qCWarning(lcIntake).noquote() << "could not save the backfill totals:" << written.error;
    }

    BackfillResult result;
    result.outcome = outcome;
    result.error = std::move(error);
    result.state = m_state;
    result.resumed = m_resumed;
    result.message = message;
    if (result.message.isEmpty()) {
        const std::int64_t fetched = m_state.stored + m_state.duplicates + m_state.skipped;
        if (outcome == BackfillOutcome::Completed)
            result.message =
                QStringLiteral("Backfill complete: %1 new events stored, %2 already in the store, "
                               "%3, back to %4.")
                    .arg(m_state.stored)
                    .arg(m_state.duplicates)
                    .arg(pagesText(m_state.pages), isoDate(m_state.since));
        else
            result.message = QStringLiteral("Backfill stopped: %1 events fetched so far. %2")
                                 .arg(fetched)
                                 .arg(positionText());
    }
    qCDebug(lcIntake).noquote() << "backfill" << toString(outcome) << "after" << m_state.pages << "pages";
    emit finished(result);
}

} // namespace billbridge::stripe
