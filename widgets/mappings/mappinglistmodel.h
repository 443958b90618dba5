#pragma once

#include "store/planmapping.h"

#include <QAbstractTableModel>

#include <vector>

namespace billbridge::widgets {

// The plan mappings as a table. The table holds hundreds of rows at most, so the page hands it the whole
// list after each change.
class MappingListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MappingListModel)

public:
    enum Column { StripeId, Kind, PlanName, Tier, Interval, Note, Updated, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole };

    explicit MappingListModel(QObject* parent = nullptr);

    void setMappings(std::vector<store::PlanMapping> mappings);
    const store::PlanMapping& mappingAt(int row) const { return m_mappings.at(std::size_t(row)); }
    // -1 when the id is not listed.
    int rowOf(const QString& stripeId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<store::PlanMapping> m_mappings;
};

} // namespace billbridge::widgets
