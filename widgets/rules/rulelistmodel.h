#pragma once

#include "rules/rulesbackend.h"

#include <QAbstractTableModel>
#include <QList>

namespace billbridge::widgets {

// The stored rules in evaluation order. The Enabled column is checkable; a toggle is not applied here but
// reported through enabledToggled, so that the page writes it to the store (which audits it) and reloads.
class RuleListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleListModel)

public:
    enum Column { Position, Enabled, Name, Triggers, Actions, Version, Changed, ColumnCount };
    enum Role { RuleIdRole = Qt::UserRole, RawValueRole };

    explicit RuleListModel(QObject* parent = nullptr);

    void setRows(const QList<RuleRow>& rows);
    const QList<RuleRow>& rows() const { return m_rows; }
    // -1 when no rule has this id.
    int rowOf(const QString& ruleId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // "send_transactional 12, slack billing-alerts"
    static QString actionsSummary(const rules::Rule& rule);

signals:
    void enabledToggled(const QString& ruleId, bool enabled);

private:
    QList<RuleRow> m_rows;
};

} // namespace billbridge::widgets
