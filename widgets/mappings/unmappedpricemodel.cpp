#include "mappings/unmappedpricemodel.h"

#include <QDateTime>

namespace billbridge::widgets {

UnmappedPriceModel::UnmappedPriceModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void UnmappedPriceModel::setPrices(std::vector<store::UnmappedPrice> prices)
{
    beginResetModel();
    m_prices = std::move(prices);
    endResetModel();
}

int UnmappedPriceModel::rowOf(const QString& priceId) const
{
    for (std::size_t row = 0; row < m_prices.size(); ++row)
        if (m_prices[row].priceId == priceId)
            return int(row);
    return -1;
}

int UnmappedPriceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_prices.size());
}

int UnmappedPriceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnmappedPriceModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const store::UnmappedPrice& price = m_prices.at(std::size_t(index.row()));
    if (role == RawValueRole) {
        if (index.column() == Events)
            return qint64(price.events);
        if (index.column() == LastSeen)
            return qint64(price.lastSeen);
        return data(index, Qt::DisplayRole);
    }
    if (role == Qt::ToolTipRole && index.column() == PriceId && !price.productId.isEmpty())
        return tr("Product %1").arg(price.productId);
    if (role == Qt::TextAlignmentRole && index.column() == Events)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case PriceId:
        return price.priceId;
    case Nickname:
        if (!price.nickname.isEmpty() && !price.lookupKey.isEmpty())
            return QStringLiteral("%1 / %2").arg(price.nickname, price.lookupKey);
        return price.nickname.isEmpty() ? price.lookupKey : price.nickname;
    case Events:
        return QString::number(price.events);
    case LastSeen:
        return QDateTime::fromSecsSinceEpoch(price.lastSeen).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    default:
        return {};
    }
}

QVariant UnmappedPriceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PriceId:
        return tr("Price");
    case Nickname:
        return tr("Nickname / Lookup Key");
    case Events:
        return tr("Events");
    case LastSeen:
        return tr("Last Seen");
    default:
        return {};
    }
}

} // namespace billbridge::widgets
