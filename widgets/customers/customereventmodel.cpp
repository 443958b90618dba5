#include "customers/customereventmodel.h"

#include "common/timeformat.h"
#include "util/money.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cstdlib>

namespace billbridge::widgets {

namespace {

constexpr int kSummaryChanges = 3;

bool isScalar(const QJsonValue& value)
{
    return !value.isArray() && !value.isObject();
}

} // namespace

CustomerEventModel::CustomerEventModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void CustomerEventModel::setEntries(std::vector<customers::TimelineEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void CustomerEventModel::clear()
{
    setEntries({});
}

const customers::TimelineEntry* CustomerEventModel::entry(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &m_entries[static_cast<std::size_t>(row)];
}

int CustomerEventModel::rowOf(const QString& eventId) const
{
    const auto found =
        std::find_if(m_entries.begin(), m_entries.end(),
                     [&eventId](const customers::TimelineEntry& e) { return e.eventId == eventId; });
    return found == m_entries.end() ? -1 : static_cast<int>(found - m_entries.begin());
}

int CustomerEventModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int CustomerEventModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerEventModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const customers::TimelineEntry& row = m_entries[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return formatTime(row.created);
        case Type:
            return row.type;
        case Summary:
            return summaryOf(row);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Summary)
            return summaryOf(row);
        if (index.column() == Type)
            return row.eventId;
        return {};
    case EventIdRole:
        return row.eventId;
    case RawValueRole:
        if (index.column() == Time)
            return QVariant::fromValue<qint64>(row.created);
        return data(index, Qt::DisplayRole);
    case IsUpdateRole:
        return row.isUpdate();
    default:
        return {};
    }
}

QVariant CustomerEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Type:
        return tr("Event");
    case Summary:
        return tr("What changed");
    default:
        return {};
    }
}

QString CustomerEventModel::formatAmount(std::int64_t minorUnits, const QString& currency)
{
    return util::formatMoney(minorUnits, currency);
}

QString CustomerEventModel::formatTime(std::int64_t unixSeconds)
{
    return formatTableTime(unixSeconds);
}

QString CustomerEventModel::summaryOf(const customers::TimelineEntry& entry) const
{
    const customers::EventDigest& digest = entry.digest;
    if (!digest.valid)
        return tr("The stored payload could not be read.");
    if (!digest.changes.empty()) {
        QStringList parts;
        const int shown = std::min<int>(kSummaryChanges, static_cast<int>(digest.changes.size()));
        for (int i = 0; i < shown; ++i) {
            const customers::AttributeChange& change = digest.changes[static_cast<std::size_t>(i)];
            if (!isScalar(change.before) || !isScalar(change.after)) {
                parts << tr("%1 changed").arg(change.path);
                continue;
            }
            const QString before = customers::attributeValueText(change.before);
            const QString after = customers::attributeValueText(change.after);
            parts << tr("%1: %2 → %3")
                         .arg(change.path, before.isEmpty() ? tr("(none)") : before,
                              after.isEmpty() ? tr("(none)") : after);
        }
        const int more = static_cast<int>(digest.changes.size()) - shown;
        if (more > 0)
            parts << tr("%n more", nullptr, more);
        return parts.join(QStringLiteral("; "));
    }
    QStringList parts;
    if (!digest.status.isEmpty())
        parts << digest.status;
    if (digest.amount && !digest.currency.isEmpty())
        parts << formatAmount(*digest.amount, digest.currency);
    if (digest.attemptCount && *digest.attemptCount > 0 && entry.type.startsWith(QLatin1String("invoice.")))
        parts << tr("attempt %1").arg(*digest.attemptCount);
    if (parts.isEmpty())
        return digest.objectId;
    return parts.join(QStringLiteral(" · "));
}

} // namespace billbridge::widgets
