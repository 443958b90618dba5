#pragma once

#include "store/planmapping.h"

#include <QAbstractTableModel>

#include <vector>

namespace billbridge::widgets {

// Prices that stored events mention and that no mapping covers (MappingStore::unmappedPricesSeen).
class UnmappedPriceModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnmappedPriceModel)

public:
    enum Column { PriceId, Nickname, Events, LastSeen, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole };

    explicit UnmappedPriceModel(QObject* parent = nullptr);

    void setPrices(std::vector<store::UnmappedPrice> prices);
    const store::UnmappedPrice& priceAt(int row) const { return m_prices.at(std::size_t(row)); }
    int rowOf(const QString& priceId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<store::UnmappedPrice> m_prices;
};

} // namespace billbridge::widgets
