#include "events/eventlistmodel.h"

#include "common/timeformat.h"
#include "util/money.h"

#include <QColor>
#include <QLocale>
#include <QMetaObject>

#include <algorithm>
#include <limits>
#include <utility>

namespace billbridge::widgets {

namespace {

// Live rows read per request; a longer burst is read in several requests, inserted in one go per turn.
constexpr int kLiveBatch = 5000;

} // namespace

EventListModel::EventListModel(QString storePath, QObject* parent)
    : QAbstractTableModel(parent)
    , m_storePath(std::move(storePath))
{
    EventReader::registerMetaTypes();
    m_reader = new EventReader(m_storePath);
    m_reader->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("EventReader"));
    connect(&m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
    connect(m_reader, &EventReader::pageRead, this, &EventListModel::onPageRead);
    connect(m_reader, &EventReader::countRead, this, &EventListModel::onCountRead);
    connect(m_reader, &EventReader::readFailed, this, &EventListModel::onReadFailed);
    connect(m_reader, &EventReader::eventRead, this, &EventListModel::eventLoaded);
    connect(m_reader, &EventReader::eventNotFound, this, &EventListModel::eventLoadFailed);
    connect(m_reader, &EventReader::syncDecisionRead, this, &EventListModel::syncDecisionLoaded);
    connect(m_reader, &EventReader::syncDecisionFailed, this, &EventListModel::syncDecisionLoadFailed);
    m_thread.start();

    // Counting a broad filter reads up to kCountCap index entries; on a thread of its own it never holds up
    // the next page.
    m_countReader = new EventReader(m_storePath);
    m_countReader->moveToThread(&m_countThread);
    m_countThread.setObjectName(QStringLiteral("EventCounter"));
    connect(&m_countThread, &QThread::finished, m_countReader, &QObject::deleteLater);
    connect(m_countReader, &EventReader::countRead, this, &EventListModel::onCountRead);
    connect(m_countReader, &EventReader::readFailed, this, &EventListModel::onReadFailed);
    m_countThread.start();

    m_pollTimer.setInterval(kDefaultLiveInterval);
    connect(&m_pollTimer, &QTimer::timeout, this, &EventListModel::pollLive);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &EventListModel::flushLive);

    // Deferred so that a page size or filter set right after construction applies to the first read.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_generation == 0)
                restart(Kind::First);
        },
        Qt::QueuedConnection);
}

EventListModel::~EventListModel()
{
    // Whatever is still queued for the reader is skipped; a read in progress is one bounded page.
    m_reader->setCurrentGeneration(std::numeric_limits<quint64>::max());
    m_countReader->setCurrentGeneration(std::numeric_limits<quint64>::max());
    m_thread.quit();
    m_countThread.quit();
    m_thread.wait();
    m_countThread.wait();
}

int EventListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventListModel::amountText(const store::StoredEvent& event)
{
    if (!event.fields.amount || event.fields.currency.isEmpty())
        return {};
    return util::formatMoney(*event.fields.amount, event.fields.currency);
}

QString EventListModel::statusText(const store::StoredEvent& event)
{
    return event.fields.status;
}

QString EventListModel::cellText(const store::StoredEvent& event, int column) const
{
    switch (column) {
    case Time:
        return formatTableTime(event.fields.created);
    case Type:
        return event.fields.type;
    case Customer:
        return event.fields.customerId;
    case Email:
        return event.fields.customerEmail;
    case Amount:
        return amountText(event);
    case Status:
        return statusText(event);
    case Source:
        switch (event.source) {
        case store::EventSource::Webhook:
            return tr("Webhook");
        case store::EventSource::Poll:
            return tr("Poll");
        case store::EventSource::Backfill:
            return tr("Backfill");
        }
        return {};
    case Signature:
        return event.verdict == store::SignatureVerdict::Verified ? tr("Verified") : tr("API");
    case Mode:
        return event.fields.livemode ? tr("Live") : tr("Test");
    case EventId:
        return event.fields.id;
    default:
        return {};
    }
}

QVariant EventListModel::sortValue(const store::StoredEvent& event, int column) const
{
    switch (column) {
    case Time:
        return QVariant::fromValue<qint64>(event.fields.created);
    case Amount:
        if (const auto amount = event.fields.amount)
            return QVariant::fromValue<qint64>(*amount);
        return {};
    case Mode:
        return event.fields.livemode;
    case Source:
        return store::toString(event.source);
    case Signature:
        return store::toString(event.verdict);
    default:
        return cellText(event, column);
    }
}

QVariant EventListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const store::StoredEvent& event = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return cellText(event, column);
    case Qt::ToolTipRole:
        if (column == Signature) {
            return event.verdict == store::SignatureVerdict::Verified
                       ? tr("Verified webhook signature: Stripe signed this delivery and Billbridge checked "
                            "the signature before storing it.")
                       : tr("Fetched from the Stripe API by Billbridge over an authenticated connection; "
                            "such events carry no webhook signature.");
        }
        if (column == Mode) {
            return event.fields.livemode ? tr("Live mode: a real payment event.")
                                         : tr("Test mode: made with test keys; no real money moved.");
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == Amount)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ForegroundRole:
        // Only the mode cell is tinted: enough to tell the modes apart without fighting the theme.
        if (column == Mode)
            return event.fields.livemode ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb2, 0x5e, 0x00);
        return {};
    case EventIdRole:
        return event.fields.id;
    case SeqRole:
        return QVariant::fromValue<qint64>(event.seq);
    case CustomerIdRole:
        return event.fields.customerId;
    case CustomerEmailRole:
        return event.fields.customerEmail;
    case LivemodeRole:
        return event.fields.livemode;
    case SortValueRole:
        return sortValue(event, column);
    default:
        return {};
    }
}

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Type:
        return tr("Type");
    case Customer:
        return tr("Customer");
    case Email:
        return tr("Email");
    case Amount:
        return tr("Amount");
    case Status:
        return tr("Status");
    case Source:
        return tr("Source");
    case Signature:
        return tr("Signature");
    case Mode:
        return tr("Mode");
    case EventId:
        return tr("Event ID");
    default:
        return {};
    }
}

bool EventListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_hasOlder && m_olderCursor && !m_pageInFlight;
}

void EventListModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        requestPage(Kind::Older, m_olderCursor);
}

bool EventListModel::canFetchNewer() const
{
    return !m_atHead && m_hasNewer && m_newerCursor && !m_pageInFlight;
}

void EventListModel::fetchNewer()
{
    if (canFetchNewer())
        requestPage(Kind::Newer, m_newerCursor);
}

void EventListModel::setFilter(const store::EventFilter& filter)
{
    m_filter = filter;
    restart(Kind::First);
}

void EventListModel::setPageSize(int rows)
{
    m_pageSize = std::max(rows, 1);
}

void EventListModel::jumpToEnd()
{
    restart(Kind::Oldest);
}

void EventListModel::jumpToStart()
{
    restart(Kind::First);
}

void EventListModel::setLiveUpdates(bool enabled)
{
    m_live = enabled;
    updatePolling();
    if (enabled)
        pollLive();
}

void EventListModel::setLiveInterval(std::chrono::milliseconds interval)
{
    m_pollTimer.setInterval(interval);
}

int EventListModel::rowOfEvent(const QString& eventId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).fields.id == eventId)
            return int(row);
    }
    return -1;
}

void EventListModel::loadEvent(const QString& eventId)
{
    EventReader* reader = m_reader;
    QMetaObject::invokeMethod(
        reader, [reader, eventId] { reader->readEvent(eventId); }, Qt::QueuedConnection);
}

void EventListModel::loadSyncDecision(const QString& eventId)
{
    EventReader* reader = m_reader;
    QMetaObject::invokeMethod(
        reader, [reader, eventId] { reader->readSyncDecision(eventId); }, Qt::QueuedConnection);
}

void EventListModel::storeChanged()
{
    pollLive();
}

void EventListModel::restart(Kind kind)
{
    ++m_generation;
    m_reader->setCurrentGeneration(m_generation);
    m_countReader->setCurrentGeneration(m_generation);
    beginResetModel();
    m_rows.clear();
    m_rows.squeeze();
    endResetModel();
    m_pendingLive.clear();
    m_liveSeen.clear();
    m_olderCursor.reset();
    m_newerCursor.reset();
    m_hasOlder = false;
    m_hasNewer = false;
    m_atHead = kind == Kind::First;
    m_liveReady = false;
    m_liveInFlight = false;
    m_pollAgain = false;
    m_liveBase = 0;
    m_liveThrough = 0;
    m_pageInFlight.reset();
    m_countThrough.reset();
    // A new request deserves its own answer, even when it fails for the same reason as the last one.
    m_lastError.clear();
    requestPage(kind, std::nullopt);
    requestCount();
    updatePolling();
}

void EventListModel::requestPage(Kind kind, std::optional<store::EventCursor> cursor)
{
    setPageInFlight(kind);
    EventReader* reader = m_reader;
    QMetaObject::invokeMethod(
        reader,
        [reader, generation = m_generation, kind, filter = m_filter, cursor, limit = m_pageSize] {
            reader->readPage(generation, kind, filter, cursor, limit);
        },
        Qt::QueuedConnection);
}

void EventListModel::requestCount()
{
    EventReader* reader = m_countReader;
    QMetaObject::invokeMethod(
        reader,
        [reader, generation = m_generation, filter = m_filter] {
            reader->readCount(generation, filter, kCountCap);
        },
        Qt::QueuedConnection);
}

void EventListModel::pollLive()
{
    if (!m_live || !m_atHead || !m_liveReady)
        return;
    if (m_liveInFlight) {
        m_pollAgain = true;
        return;
    }
    m_liveInFlight = true;
    m_pollAgain = false;
    EventReader* reader = m_reader;
    QMetaObject::invokeMethod(
        reader,
        [reader, generation = m_generation, seq = m_liveThrough, filter = m_filter] {
            reader->readNewerThan(generation, seq, filter, kLiveBatch);
        },
        Qt::QueuedConnection);
}

void EventListModel::updatePolling()
{
    if (m_live && m_atHead) {
        if (!m_pollTimer.isActive())
            m_pollTimer.start();
    } else {
        m_pollTimer.stop();
    }
}

bool EventListModel::admit(const store::StoredEvent& event)
{
    if (!m_liveReady || event.seq <= m_liveBase)
        return true;
    if (m_liveSeen.contains(event.seq))
        return false;
    m_liveSeen.insert(event.seq);
    return true;
}

void EventListModel::becomeHead(std::int64_t throughSeq)
{
    m_atHead = true;
    m_liveBase = throughSeq;
    m_liveThrough = throughSeq;
    m_liveReady = true;
    m_liveSeen.clear();
    updatePolling();
}

void EventListModel::onPageRead(const EventReadResult& result)
{
    if (result.generation != m_generation)
        return;
    if (result.kind == Kind::Live) {
        onLiveRead(result);
        return;
    }
    setPageInFlight(std::nullopt);
    m_lastError.clear();
    setStoreMissing(result.availability == StoreAvailability::Missing);

    std::vector<store::StoredEvent> rows;
    rows.reserve(result.events.size());
    switch (result.kind) {
    case Kind::First:
        m_liveBase = result.throughSeq;
        m_liveThrough = result.throughSeq;
        m_liveReady = true;
        [[fallthrough]];
    case Kind::Older:
        for (const store::StoredEvent& event : result.events) {
            if (admit(event))
                rows.push_back(event);
        }
        if (!result.events.empty())
            m_olderCursor = store::EventCursor::of(result.events.back());
        m_hasOlder = result.hasMore;
        if (!rows.empty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(rows.size()) - 1);
            for (store::StoredEvent& event : rows)
                m_rows.append(std::move(event));
            endInsertRows();
        }
        break;
    case Kind::Oldest:
    case Kind::Newer:
        for (const store::StoredEvent& event : result.events) {
            if (admit(event))
                rows.push_back(event);
        }
        if (!result.events.empty())
            m_newerCursor = store::EventCursor::of(result.events.front());
        if (result.kind == Kind::Oldest) {
            if (!result.events.empty())
                m_olderCursor = store::EventCursor::of(result.events.back());
            m_hasOlder = false;
        }
        m_hasNewer = result.hasMore;
        if (!rows.empty()) {
            beginInsertRows({}, 0, int(rows.size()) - 1);
            for (auto it = rows.rbegin(); it != rows.rend(); ++it)
                m_rows.prepend(std::move(*it));
            endInsertRows();
        }
        if (!result.hasMore)
            becomeHead(result.throughSeq);
        break;
    case Kind::Live:
        break;
    }
    if (result.kind == Kind::First || result.kind == Kind::Oldest)
        emit firstPageLoaded();
}

void EventListModel::onLiveRead(const EventReadResult& result)
{
    m_liveInFlight = false;
    if (result.availability == StoreAvailability::Missing) {
        setStoreMissing(true);
        return;
    }
    if (m_storeMissing) {
        // The store has just been created: read it from the top rather than streaming all of it as arrivals.
        setStoreMissing(false);
        restart(Kind::First);
        return;
    }
    m_lastError.clear();
    if (!m_atHead)
        return;
    m_liveThrough = std::max(m_liveThrough, result.throughSeq);
    if (!result.events.empty()) {
        m_pendingLive.insert(m_pendingLive.end(), result.events.begin(), result.events.end());
        if (!m_flushTimer.isActive())
            m_flushTimer.start();
    }
    if (result.hasMore || m_pollAgain)
        pollLive();
}

void EventListModel::flushLive()
{
    if (m_pendingLive.empty())
        return;
    std::vector<store::StoredEvent> arrivals;
    arrivals.reserve(m_pendingLive.size());
    for (store::StoredEvent& event : m_pendingLive) {
        if (admit(event))
            arrivals.push_back(std::move(event));
    }
    m_pendingLive.clear();
    if (arrivals.empty())
        return;
    const int count = int(arrivals.size());
    // Ascending seq in, so each prepend puts a newer row above the previous one.
    beginInsertRows({}, 0, count - 1);
    for (store::StoredEvent& event : arrivals)
        m_rows.prepend(std::move(event));
    endInsertRows();
    if (m_countThrough) {
        std::int64_t uncounted = 0;
        for (int row = 0; row < count; ++row)
            uncounted += m_rows.at(row).seq > *m_countThrough ? 1 : 0;
        if (uncounted > 0) {
            m_matchCount.count += uncounted;
            emit matchCountChanged();
        }
    }
    emit rowsArrivedLive(count);
}

void EventListModel::onCountRead(quint64 generation, const store::EventCount& count, std::int64_t throughSeq)
{
    if (generation != m_generation)
        return;
    m_matchCount = count;
    m_countThrough = throughSeq;
    // Rows already shown that the count's snapshot did not include.
    for (const std::int64_t seq : std::as_const(m_liveSeen)) {
        if (seq > throughSeq)
            ++m_matchCount.count;
    }
    emit matchCountChanged();
}

void EventListModel::onReadFailed(quint64 generation, EventReader::Request request, const QString& message)
{
    if (generation != m_generation)
        return;
    switch (request) {
    case EventReader::Request::Page:
        setPageInFlight(std::nullopt);
        break;
    case EventReader::Request::Live:
        m_liveInFlight = false;
        break;
    case EventReader::Request::Count:
        break;
    }
    reportError(message);
}

void EventListModel::reportError(const QString& message)
{
    // A poll that keeps failing for the same reason is reported once, not four times a second.
    if (message == m_lastError)
        return;
    m_lastError = message;
    emit errorOccurred(message);
}

void EventListModel::setPageInFlight(std::optional<Kind> kind)
{
    const bool wasLoading = m_pageInFlight.has_value();
    m_pageInFlight = kind;
    if (wasLoading != kind.has_value())
        emit loadingChanged(kind.has_value());
}

void EventListModel::setStoreMissing(bool missing)
{
    if (m_storeMissing == missing)
        return;
    m_storeMissing = missing;
    emit storeMissingChanged(missing);
}

} // namespace billbridge::widgets
