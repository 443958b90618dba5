#include "mappings/mappinglistmodel.h"

#include <QDateTime>

namespace billbridge::widgets {

MappingListModel::MappingListModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void MappingListModel::setMappings(std::vector<store::PlanMapping> mappings)
{
    beginResetModel();
    m_mappings = std::move(mappings);
    endResetModel();
}

int MappingListModel::rowOf(const QString& stripeId) const
{
    for (std::size_t row = 0; row < m_mappings.size(); ++row)
        if (m_mappings[row].stripeId == stripeId)
            return int(row);
    return -1;
}

int MappingListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_mappings.size());
}

int MappingListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MappingListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const store::PlanMapping& mapping = m_mappings.at(std::size_t(index.row()));
    if (role == RawValueRole) {
        if (index.column() == Updated)
            return qint64(mapping.updatedAtMs);
        return data(index, Qt::DisplayRole);
    }
    if (role == Qt::ToolTipRole && index.column() == Note)
        return mapping.note;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case StripeId:
        return mapping.stripeId;
    case Kind:
        return mapping.kind == store::MappingKind::Price ? tr("Price") : tr("Product");
    case PlanName:
        return mapping.planName;
    case Tier:
        return mapping.tier;
    case Interval:
        return mapping.intervalLabel;
    case Note:
        return mapping.note.section(QLatin1Char('\n'), 0, 0);
    case Updated:
        return mapping.updatedAtMs > 0 ? QDateTime::fromMSecsSinceEpoch(mapping.updatedAtMs)
                                             .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                       : QString();
    default:
        return {};
    }
}

QVariant MappingListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StripeId:
        return tr("Stripe ID");
    case Kind:
        return tr("Kind");
    case PlanName:
        return tr("Plan Name");
    case Tier:
        return tr("Tier");
    case Interval:
        return tr("Interval");
    case Note:
        return tr("Note");
    case Updated:
        return tr("Updated");
    default:
        return {};
    }
}

} // namespace billbridge::widgets
