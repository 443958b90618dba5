#include "events/eventreader.h"

#include "store/database.h"
#include "store/sqlite.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>

#include <algorithm>
#include <exception>
#include <utility>

namespace billbridge::widgets {

namespace {

Q_LOGGING_CATEGORY(lcReader, "billbridge.widgets.events")

QString readFailure(const QString& reason)
{
    return QCoreApplication::translate("billbridge::widgets::EventReader",
                                       "The event list could not be read from the store: %1")
        .arg(reason);
}

} // namespace

EventReader::EventReader(QString storePath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(storePath))
{
    registerMetaTypes();
}

EventReader::~EventReader() = default;

void EventReader::registerMetaTypes()
{
    qRegisterMetaType<billbridge::widgets::EventReadResult>();
    qRegisterMetaType<billbridge::store::EventCount>();
    qRegisterMetaType<billbridge::store::StoredEvent>();
    qRegisterMetaType<billbridge::sync::SyncDecision>();
}

bool EventReader::ensureOpen(bool& missing)
{
    missing = false;
    if (m_store)
        return true;
    // Checked here so that a store that does not exist yet is a state rather than an error; opening for
    // reading never creates the file.
    if (!QFileInfo::exists(m_path)) {
        missing = true;
        m_sawMissing = true;
        m_creationGrace.reset();
        return false;
    }
    try {
        m_store.emplace(store::EventStore::openForReading(m_path));
    } catch (const store::StoreError&) {
        // A store that has only just appeared may still be half-way through its first migrations (each
        // commits on its own): give its creator a moment before calling it broken.
        if (m_sawMissing) {
            if (!m_creationGrace)
                m_creationGrace = QDeadlineTimer(kCreationGrace);
            if (!m_creationGrace->hasExpired()) {
                missing = true;
                return false;
            }
        }
        throw;
    }
    m_sawMissing = false;
    m_creationGrace.reset();
    return true;
}

void EventReader::close()
{
    m_store.reset();
    m_decisions.close();
}

std::int64_t EventReader::liveStart(store::EventQuery& query, const store::EventFilter& filter)
{
    const std::int64_t latest = query.latestSeq();
    if (store::EventQuery::fullTextQuery(filter.text).isEmpty())
        return latest;
    // Rows past the index's progress cannot match a text filter yet; newerThan() finds them later.
    return std::min(latest, query.fullTextIndexedSeq());
}

template <typename Work>
void EventReader::guarded(quint64 generation, Request request, Work&& work)
{
    try {
        work();
    } catch (const store::StoreError& error) {
        // A connection that failed once (file replaced, disk gone) is opened afresh on the next request.
        close();
        qCWarning(lcReader) << "read failed:" << error.message();
        emit readFailed(generation, request, readFailure(error.message()));
    } catch (const std::exception& error) {
        close();
        emit readFailed(generation, request, readFailure(QString::fromLocal8Bit(error.what())));
    }
}

void EventReader::readPage(quint64 generation, EventReadResult::Kind kind, const store::EventFilter& filter,
                           std::optional<store::EventCursor> cursor, int limit)
{
    if (isStale(generation))
        return;
    guarded(generation, Request::Page, [&] {
        EventReadResult result;
        result.generation = generation;
        result.kind = kind;
        bool missing = false;
        if (!ensureOpen(missing)) {
            result.availability = StoreAvailability::Missing;
            emit pageRead(result);
            return;
        }
        store::EventQuery query = m_store->query();
        // Read before the page so that live updates starting after it can only overlap the page, never
        // leave a gap; the model drops the overlap.
        result.throughSeq = liveStart(query, filter);
        store::EventPage page;
        switch (kind) {
        case EventReadResult::Kind::First:
            page = query.page(filter, std::nullopt, limit);
            break;
        case EventReadResult::Kind::Older:
            page = query.page(filter, cursor, limit);
            break;
        case EventReadResult::Kind::Newer:
            page = query.pageBefore(filter, cursor, limit);
            break;
        case EventReadResult::Kind::Oldest:
            page = query.pageBefore(filter, std::nullopt, limit);
            break;
        case EventReadResult::Kind::Live:
            Q_ASSERT_X(false, "EventReader::readPage", "live rows are read by readNewerThan");
            break;
        }
        result.events = std::move(page.events);
        result.hasMore = page.hasMore;
        emit pageRead(result);
    });
}

void EventReader::readNewerThan(quint64 generation, std::int64_t seq, const store::EventFilter& filter,
                                int limit)
{
    if (isStale(generation))
        return;
    guarded(generation, Request::Live, [&] {
        EventReadResult result;
        result.generation = generation;
        result.kind = EventReadResult::Kind::Live;
        result.throughSeq = seq;
        bool missing = false;
        if (!ensureOpen(missing)) {
            result.availability = StoreAvailability::Missing;
            emit pageRead(result);
            return;
        }
        store::LiveUpdate update = m_store->query().newerThan(seq, filter, limit);
        result.events = std::move(update.events);
        result.throughSeq = update.throughSeq;
        result.hasMore = int(result.events.size()) >= limit;
        emit pageRead(result);
    });
}

void EventReader::readCount(quint64 generation, const store::EventFilter& filter, std::int64_t cap)
{
    if (isStale(generation))
        return;
    guarded(generation, Request::Count, [&] {
        bool missing = false;
        if (!ensureOpen(missing)) {
            emit countRead(generation, store::EventCount{}, 0);
            return;
        }
        store::EventQuery query = m_store->query();
        const std::int64_t throughSeq = liveStart(query, filter);
        emit countRead(generation, query.count(filter, cap), throughSeq);
    });
}

void EventReader::readEvent(const QString& eventId)
{
    try {
        bool missing = false;
        if (!ensureOpen(missing)) {
            emit eventNotFound(eventId, QCoreApplication::translate(
                                            "billbridge::widgets::EventReader",
                                            "There is no event store yet. Start receiving or import events, "
                                            "then select the event again."));
            return;
        }
        if (std::optional<store::StoredEvent> event = m_store->find(eventId, true)) {
            emit eventRead(*event);
            return;
        }
        emit eventNotFound(
            eventId, QCoreApplication::translate("billbridge::widgets::EventReader",
                                                 "The event %1 is no longer in the store. Refresh the list.")
                         .arg(eventId));
    } catch (const store::StoreError& error) {
        close();
        emit eventNotFound(eventId, readFailure(error.message()));
    } catch (const std::exception& error) {
        close();
        emit eventNotFound(eventId, readFailure(QString::fromLocal8Bit(error.what())));
    }
}

void EventReader::readSyncDecision(const QString& eventId)
{
    try {
        bool missing = false;
        if (!ensureOpen(missing)) {
            emit syncDecisionFailed(
                eventId, QCoreApplication::translate("billbridge::widgets::EventReader",
                                                     "There is no event store yet, so nothing was planned."));
            return;
        }
        if (!m_decisions.isOpen())
            m_decisions = store::Database::openForReading(m_path);
        emit syncDecisionRead(eventId, sync::SyncDecisionReader::read(m_decisions, eventId));
    } catch (const store::StoreError& error) {
        close();
        emit syncDecisionFailed(eventId,
                                QCoreApplication::translate("billbridge::widgets::EventReader",
                                                            "What Billbridge did with the event could "
                                                            "not be read from the store: %1")
                                    .arg(error.message()));
    }
}

} // namespace billbridge::widgets
