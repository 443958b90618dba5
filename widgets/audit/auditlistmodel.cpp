#include "audit/auditlistmodel.h"

#include "common/timeformat.h"

#include <QMetaObject>

#include <algorithm>
#include <limits>
#include <utility>

namespace billbridge::widgets {

AuditListModel::AuditListModel(QString storePath, QObject* parent)
    : QAbstractTableModel(parent)
    , m_storePath(std::move(storePath))
{
    AuditReader::registerMetaTypes();
    m_reader = new AuditReader(m_storePath);
    m_reader->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("AuditReader"));
    connect(&m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
    connect(m_reader, &AuditReader::snapshotRead, this, &AuditListModel::onSnapshot);
    connect(m_reader, &AuditReader::readFailed, this, &AuditListModel::onReadFailed);
    m_thread.start();

    m_pollTimer.setInterval(kDefaultLiveInterval);
    connect(&m_pollTimer, &QTimer::timeout, this, &AuditListModel::poll);
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

AuditListModel::~AuditListModel()
{
    m_reader->setCurrentGeneration(std::numeric_limits<quint64>::max());
    m_thread.quit();
    m_thread.wait();
}

int AuditListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditListModel::cellText(const store::AuditEntry& entry, int column) const
{
    switch (column) {
    case Time:
        return formatTableTime(entry.atMs / 1000);
    case Actor:
        return entry.actor;
    case Action:
        return entry.action;
    case Subject:
        return entry.subject;
    case EntryId:
        return QString::number(entry.id);
    default:
        return {};
    }
}

QVariant AuditListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const store::AuditEntry& entry = m_rows.at(std::size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return cellText(entry, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == EntryId)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case EntryIdRole:
        return QVariant::fromValue<qint64>(entry.id);
    case ActionRole:
        return entry.action;
    case SortValueRole:
        if (index.column() == Time)
            return QVariant::fromValue<qint64>(entry.atMs);
        if (index.column() == EntryId)
            return QVariant::fromValue<qint64>(entry.id);
        return cellText(entry, index.column());
    default:
        return {};
    }
}

QVariant AuditListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Actor:
        return tr("OS user");
    case Action:
        return tr("Action");
    case Subject:
        return tr("Subject");
    case EntryId:
        return tr("Entry");
    default:
        return {};
    }
}

bool AuditListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_more && !m_busy && !m_rows.empty();
}

void AuditListModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_busy = true;
    AuditReader* reader = m_reader;
    QMetaObject::invokeMethod(
        reader,
        [reader, generation = m_generation, filter = m_filter, beforeId = m_rows.back().id,
         limit = m_pageSize] { reader->readOlder(generation, filter, beforeId, limit); },
        Qt::QueuedConnection);
}

void AuditListModel::setFilter(const store::AuditFilter& filter)
{
    m_filter = filter;
    restart();
}

void AuditListModel::setPageSize(int rows)
{
    m_pageSize = std::max(rows, 1);
}

void AuditListModel::setLiveUpdates(bool enabled)
{
    if (enabled) {
        if (!m_pollTimer.isActive())
            m_pollTimer.start();
        poll();
    } else {
        m_pollTimer.stop();
    }
}

int AuditListModel::rowOfEntry(std::int64_t id) const
{
    for (std::size_t row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].id == id)
            return int(row);
    return -1;
}

void AuditListModel::refreshNow()
{
    if (m_generation == 0)
        return;
    if (m_busy) {
        m_refreshAgain = true;
        return;
    }
    requestRefresh(false);
}

void AuditListModel::poll()
{
    if (m_generation == 0 || m_busy)
        return;
    requestRefresh(false);
}

void AuditListModel::restart()
{
    ++m_generation;
    m_reader->setCurrentGeneration(m_generation);
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_more = false;
    m_firstSeen = false;
    m_refreshAgain = false;
    m_lastError.clear();
    // Whatever was in flight belongs to the old generation and is dropped when it comes back.
    m_busy = false;
    requestRefresh(true);
}

void AuditListModel::requestRefresh(bool force)
{
    m_busy = true;
    m_refreshAgain = false;
    // The rows already loaded are read again as a whole; never fewer than one page.
    const int limit = std::max(m_pageSize, int(m_rows.size()));
    AuditReader* reader = m_reader;
    QMetaObject::invokeMethod(
        reader,
        [reader, generation = m_generation, filter = m_filter, limit, force] {
            reader->refresh(generation, filter, limit, force);
        },
        Qt::QueuedConnection);
}

void AuditListModel::onSnapshot(const AuditSnapshot& snapshot)
{
    if (snapshot.generation != m_generation)
        return;
    m_busy = false;
    if (m_storeMissing != snapshot.storeMissing) {
        m_storeMissing = snapshot.storeMissing;
        emit storeMissingChanged(m_storeMissing);
    }
    m_lastError.clear();
    if (snapshot.kind == AuditSnapshot::Kind::Older) {
        appendOlder(snapshot.entries);
        m_more = snapshot.more;
    } else if (snapshot.changed) {
        merge(snapshot.entries, !snapshot.more);
        m_more = snapshot.more;
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

void AuditListModel::onReadFailed(quint64 generation, const QString& message)
{
    if (generation != m_generation)
        return;
    m_busy = false;
    // A poll that keeps failing for the same reason is reported once, not four times a second.
    if (message == m_lastError)
        return;
    m_lastError = message;
    emit errorOccurred(message);
}

void AuditListModel::merge(std::vector<store::AuditEntry> fresh, bool complete)
{
    const std::int64_t topId = m_rows.empty() ? 0 : m_rows.front().id;
    std::size_t added = 0;
    while (added < fresh.size() && fresh[added].id > topId)
        ++added;
    // What was already shown must come back unchanged below the new rows; otherwise start over.
    bool sameBelow = true;
    for (std::size_t i = added, row = 0; i < fresh.size(); ++i, ++row) {
        if (row >= m_rows.size() || m_rows[row].id != fresh[i].id || m_rows[row].hash != fresh[i].hash) {
            sameBelow = false;
            break;
        }
    }
    // A read that reached the oldest row must also account for every row shown.
    if (!sameBelow || (complete && fresh.size() - added != m_rows.size())) {
        beginResetModel();
        m_rows = std::move(fresh);
        endResetModel();
        return;
    }
    if (added == 0)
        return;
    beginInsertRows({}, 0, int(added) - 1);
    m_rows.insert(m_rows.begin(), std::make_move_iterator(fresh.begin()),
                  std::make_move_iterator(fresh.begin() + std::ptrdiff_t(added)));
    endInsertRows();
}

void AuditListModel::appendOlder(std::vector<store::AuditEntry> older)
{
    const std::int64_t bottomId =
        m_rows.empty() ? std::numeric_limits<std::int64_t>::max() : m_rows.back().id;
    std::vector<store::AuditEntry> rows;
    for (store::AuditEntry& entry : older)
        if (entry.id < bottomId)
            rows.push_back(std::move(entry));
    if (rows.empty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows.insert(m_rows.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    endInsertRows();
}

} // namespace billbridge::widgets
