#include "queue/joblistmodel.h"

#include "common/timeformat.h"
#include "queue/jobtext.h"

#include <QColor>
#include <QHash>
#include <QMetaObject>
#include <QSet>

#include <algorithm>
#include <limits>
#include <utility>

namespace billbridge::widgets {

JobListModel::JobListModel(QString storePath, QObject* parent)
    : QAbstractTableModel(parent)
    , m_storePath(std::move(storePath))
{
    JobReader::registerMetaTypes();
    m_reader = new JobReader(m_storePath);
    m_reader->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("JobReader"));
    connect(&m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
    connect(m_reader, &JobReader::snapshotRead, this, &JobListModel::onSnapshot);
    connect(m_reader, &JobReader::readFailed, this, &JobListModel::onReadFailed);
    connect(m_reader, &JobReader::jobRead, this, &JobListModel::jobLoaded);
    connect(m_reader, &JobReader::jobNotFound, this, &JobListModel::jobLoadFailed);
    m_thread.start();

    m_pollTimer.setInterval(kDefaultLiveInterval);
    connect(&m_pollTimer, &QTimer::timeout, this, &JobListModel::poll);
    m_pollTimer.start();
    // Deferred so that a filter or page size set right after construction applies to the first read.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_generation == 0)
                restart();
        },
        Qt::QueuedConnection);
}

JobListModel::~JobListModel()
{
    m_reader->setCurrentGeneration(std::numeric_limits<quint64>::max());
    m_thread.quit();
    m_thread.wait();
}

int JobListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JobListModel::timeText(std::int64_t ms)
{
    return ms > 0 ? formatTableTime(ms / 1000) : QString();
}

QString JobListModel::cellText(const store::Job& job, int column) const
{
    switch (column) {
    case Updated:
        return timeText(job.updatedAtMs);
    case State:
        return jobStateTitle(job.state);
    case Operation:
        return operationTitle(job.operation);
    case Customer:
        return job.customerId;
    case Attempts:
        return QString::number(job.attempts);
    case LastError:
        return lastErrorText(job);
    case NextAttempt:
        // Only a job still waiting to be sent has a next attempt.
        if (job.heldBy != 0)
            return tr("after job %1").arg(job.heldBy);
        if (job.state == store::JobState::Pending || job.state == store::JobState::RetryScheduled)
            return timeText(job.notBeforeMs);
        return {};
    case EventId:
        return job.eventId;
    case JobId:
        return QString::number(job.id);
    default:
        return {};
    }
}

QVariant JobListModel::sortValue(const store::Job& job, int column) const
{
    switch (column) {
    case Updated:
        return QVariant::fromValue<qint64>(job.updatedAtMs);
    case State:
        return static_cast<int>(job.state);
    case Operation:
        return job.operation;
    case Attempts:
        return job.attempts;
    case NextAttempt:
        return QVariant::fromValue<qint64>(job.notBeforeMs);
    case JobId:
        return QVariant::fromValue<qint64>(job.id);
    default:
        return cellText(job, column);
    }
}

QVariant JobListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const store::Job& job = m_rows.at(std::size_t(index.row()));
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return cellText(job, column);
    case Qt::ToolTipRole:
        if (column == Operation)
            return job.operation;
        if (column == State)
            return jobStateExplanation(job.state);
        if (column == LastError)
            return cellText(job, column);
        return {};
    case Qt::TextAlignmentRole:
        if (column == Attempts || column == JobId)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ForegroundRole:
        if (column != State)
            return {};
        switch (job.state) {
        case store::JobState::Dead:
            return QColor(0xb7, 0x1c, 0x1c);
        case store::JobState::NeedsReview:
            return QColor(0xb2, 0x5e, 0x00);
        case store::JobState::Succeeded:
            return QColor(0x1b, 0x7f, 0x3b);
        default:
            return {};
        }
    case JobIdRole:
        return QVariant::fromValue<qint64>(job.id);
    case StateRole:
        return static_cast<int>(job.state);
    case OperationRole:
        return job.operation;
    case EventIdRole:
        return job.eventId;
    case SortValueRole:
        return sortValue(job, column);
    default:
        return {};
    }
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Updated:
        return tr("Updated");
    case State:
        return tr("State");
    case Operation:
        return tr("Operation");
    case Customer:
        return tr("Customer");
    case Attempts:
        return tr("Attempts");
    case LastError:
        return tr("Last error");
    case NextAttempt:
        return tr("Next attempt");
    case EventId:
        return tr("Event ID");
    case JobId:
        return tr("Job ID");
    default:
        return {};
    }
}

bool JobListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_next.has_value() && !m_busy;
}

void JobListModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    setBusy(true);
    JobReader* reader = m_reader;
    QMetaObject::invokeMethod(
        reader,
        [reader, generation = m_generation, filter = m_filter, cursor = *m_next, limit = m_pageSize] {
            reader->readOlder(generation, filter, cursor, limit);
        },
        Qt::QueuedConnection);
}

void JobListModel::setFilter(const store::JobFilter& filter)
{
    m_filter = filter;
    restart();
}

void JobListModel::setPageSize(int rows)
{
    m_pageSize = std::max(rows, 1);
}

void JobListModel::setLiveUpdates(bool enabled)
{
    if (enabled) {
        if (!m_pollTimer.isActive())
            m_pollTimer.start();
        poll();
    } else {
        m_pollTimer.stop();
    }
}

int JobListModel::rowOfJob(std::int64_t jobId) const
{
    for (std::size_t row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].id == jobId)
            return int(row);
    return -1;
}

std::int64_t JobListModel::count(store::JobState state) const
{
    const auto it = m_counts.find(state);
    return it == m_counts.end() ? 0 : it->second;
}

void JobListModel::loadJob(std::int64_t jobId)
{
    JobReader* reader = m_reader;
    QMetaObject::invokeMethod(
        reader, [reader, jobId] { reader->readJob(jobId); }, Qt::QueuedConnection);
}

void JobListModel::refreshNow()
{
    if (m_generation == 0)
        return;
    if (m_busy) {
        m_refreshAgain = true;
        return;
    }
    requestRefresh(false);
}

void JobListModel::poll()
{
    if (m_generation == 0 || m_busy)
        return;
    requestRefresh(false);
}

void JobListModel::restart()
{
    ++m_generation;
    m_reader->setCurrentGeneration(m_generation);
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_next.reset();
    m_firstSeen = false;
    m_refreshAgain = false;
    m_lastError.clear();
    // Whatever was in flight belongs to the old generation and is dropped when it comes back.
    m_busy = false;
    requestRefresh(true);
}

void JobListModel::requestRefresh(bool force)
{
    setBusy(true);
    m_refreshAgain = false;
    // The rows already loaded are read again as a whole, so that jobs that changed state anywhere among
    // them are seen; never fewer than one page.
    const int limit = std::max(m_pageSize, int(m_rows.size()));
    JobReader* reader = m_reader;
    QMetaObject::invokeMethod(
        reader,
        [reader, generation = m_generation, filter = m_filter, limit, force] {
            reader->refresh(generation, filter, limit, force);
        },
        Qt::QueuedConnection);
}

void JobListModel::onSnapshot(const JobSnapshot& snapshot)
{
    if (snapshot.generation != m_generation)
        return;
    setBusy(false);
    if (m_storeMissing != snapshot.storeMissing) {
        m_storeMissing = snapshot.storeMissing;
        emit storeMissingChanged(m_storeMissing);
    }
    m_lastError.clear();
    if (snapshot.kind == JobSnapshot::Kind::Older) {
        appendOlder(snapshot.jobs);
        m_next = snapshot.next;
    } else if (snapshot.changed) {
        merge(snapshot.jobs);
        m_next = snapshot.next;
        m_counts = snapshot.counts;
        m_pause = snapshot.pause;
        m_hasStatus = !snapshot.storeMissing;
        emit statusChanged();
        if (!m_firstSeen) {
            m_firstSeen = true;
            emit firstPageLoaded();
        } else {
            emit refreshed();
        }
    }
    if (m_refreshAgain)
        requestRefresh(false);
}

void JobListModel::onReadFailed(quint64 generation, const QString& message)
{
    if (generation != m_generation)
        return;
    setBusy(false);
    // A poll that keeps failing for the same reason is reported once, not four times a second.
    if (message == m_lastError)
        return;
    m_lastError = message;
    emit errorOccurred(message);
}

void JobListModel::merge(std::vector<store::Job> fresh)
{
    QHash<std::int64_t, int> freshRow;
    for (std::size_t i = 0; i < fresh.size(); ++i)
        freshRow.insert(fresh[i].id, int(i));

    // Rows gone from the list (no longer matching, or pushed past its end), in contiguous runs.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (freshRow.contains(m_rows[std::size_t(row)].id))
            continue;
        const int last = row;
        while (row > 0 && !freshRow.contains(m_rows[std::size_t(row - 1)].id))
            --row;
        beginRemoveRows({}, row, last);
        m_rows.erase(m_rows.begin() + row, m_rows.begin() + last + 1);
        endRemoveRows();
    }

    // Rows new to the list go at the end first; the move below puts them in place.
    QSet<std::int64_t> present;
    for (const store::Job& job : m_rows)
        present.insert(job.id);
    std::vector<store::Job> added;
    for (const store::Job& job : fresh)
        if (!present.contains(job.id))
            added.push_back(job);
    if (!added.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.insert(m_rows.end(), std::make_move_iterator(added.begin()),
                      std::make_move_iterator(added.end()));
        endInsertRows();
    }

    bool sameOrder = true;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id != fresh[i].id) {
            sameOrder = false;
            break;
        }
    }
    if (sameOrder) {
        m_rows = std::move(fresh);
        if (!m_rows.empty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    // Same rows, new order: persistent indexes (the selection, the current row) follow their job.
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex& old : from) {
        const std::int64_t id = m_rows[std::size_t(old.row())].id;
        to.append(createIndex(freshRow.value(id), old.column()));
    }
    m_rows = std::move(fresh);
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void JobListModel::appendOlder(std::vector<store::Job> older)
{
    QSet<std::int64_t> present;
    for (const store::Job& job : m_rows)
        present.insert(job.id);
    std::vector<store::Job> rows;
    for (store::Job& job : older)
        if (!present.contains(job.id))
            rows.push_back(std::move(job));
    if (rows.empty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows.insert(m_rows.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    endInsertRows();
}

void JobListModel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit loadingChanged(busy);
}

} // namespace billbridge::widgets
