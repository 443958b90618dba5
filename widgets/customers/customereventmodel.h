#pragma once

#include "customers/customertimelineloader.h"

#include <QAbstractTableModel>

#include <vector>

namespace billbridge::widgets {

// One customer's events, oldest first, as the Customer page lists them. The rows come whole from one load,
// so the model is replaced, never appended to.
class CustomerEventModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerEventModel)

public:
    enum Column { Time, Type, Summary, ColumnCount };
    enum Role {
        EventIdRole = Qt::UserRole,
        // The value a column sorts by: `created` for Time, the text otherwise.
        RawValueRole,
        // True for `*.updated` events, which carry a field-level diff.
        IsUpdateRole,
    };

    explicit CustomerEventModel(QObject* parent = nullptr);

    void setEntries(std::vector<customers::TimelineEntry> entries);
    void clear();
    const customers::TimelineEntry* entry(int row) const;
    int rowOf(const QString& eventId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "49.00 USD"; zero-decimal currencies (JPY, KRW, …) have no minor unit.
    static QString formatAmount(std::int64_t minorUnits, const QString& currency);
    static QString formatTime(std::int64_t unixSeconds);

private:
    QString summaryOf(const customers::TimelineEntry& entry) const;

    std::vector<customers::TimelineEntry> m_entries;
};

} // namespace billbridge::widgets
