#pragma once

#include "customers/customerhistory.h"

#include <QAbstractTableModel>

#include <vector>

namespace billbridge::widgets {

// The fields one `*.updated` event changed: field, value before, value after.
class AttributeChangeModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttributeChangeModel)

public:
    enum Column { Field, Before, After, ColumnCount };
    enum Role {
        // The value as JSON (QJsonValue): undefined or null when there was none.
        RawValueRole = Qt::UserRole,
        KindRole, // customers::AttributeChange::Kind as int
    };

    explicit AttributeChangeModel(QObject* parent = nullptr);

    void setChanges(std::vector<customers::AttributeChange> changes);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<customers::AttributeChange> m_changes;
};

} // namespace billbridge::widgets
