#include "rules/rulelistmodel.h"

#include "common/timeformat.h"

namespace billbridge::widgets {

RuleListModel::RuleListModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void RuleListModel::setRows(const QList<RuleRow>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int RuleListModel::rowOf(const QString& ruleId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).rule.id == ruleId)
            return row;
    }
    return -1;
}

int RuleListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RuleListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RuleListModel::actionsSummary(const rules::Rule& rule)
{
    QStringList parts;
    for (const rules::Action& action : rule.actions) {
        QString detail;
        switch (action.type) {
        case rules::ActionType::TrackEvent:
            detail = action.name;
            break;
        case rules::ActionType::SendTransactional:
            detail = action.transactionalMessageId.isDouble()
                         ? QString::number(action.transactionalMessageId.toInteger())
                         : action.transactionalMessageId.toString();
            break;
        case rules::ActionType::TriggerBroadcast:
            detail = action.broadcastId;
            break;
        case rules::ActionType::SetAttributes: {
            QStringList names;
            for (const auto& field : action.data)
                names.append(field.first);
            detail = names.join(QLatin1Char('/'));
            break;
        }
        case rules::ActionType::Slack:
            detail = action.webhook; // a name, never the URL behind it
            break;
        }
        parts.append(detail.isEmpty() ? rules::toString(action.type)
                                      : rules::toString(action.type) + QLatin1Char(' ') + detail);
    }
    return parts.join(QStringLiteral(", "));
}

QVariant RuleListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const RuleRow& row = m_rows.at(index.row());
    const rules::Rule& rule = row.rule;
    if (role == RuleIdRole)
        return rule.id;
    if (role == Qt::CheckStateRole && index.column() == Enabled)
        return rule.enabled ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ToolTipRole && index.column() == Name)
        return rule.description.isEmpty() ? rule.id : rule.id + QLatin1Char('\n') + rule.description;
    if (role == RawValueRole) {
        switch (index.column()) {
        case Position:
            return rule.position;
        case Enabled:
            return rule.enabled;
        case Version:
            return rule.version;
        case Changed:
            return qint64(row.changedAtMs);
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Position:
        return rule.position + 1;
    case Enabled:
        return rule.enabled ? tr("on") : tr("off");
    case Name:
        return rule.name.isEmpty() ? rule.id : rule.name;
    case Triggers:
        return rule.triggers.join(QStringLiteral(", "));
    case Actions:
        return actionsSummary(rule);
    case Version:
        return rule.version;
    case Changed:
        if (!row.changedAtMs)
            return QString();
        return row.changedBy.isEmpty()
                   ? formatTableTime(row.changedAtMs / 1000)
                   : tr("%1 by %2").arg(formatTableTime(row.changedAtMs / 1000), row.changedBy);
    default:
        return {};
    }
}

QVariant RuleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Position:
        return tr("#");
    case Enabled:
        return tr("Enabled");
    case Name:
        return tr("Name");
    case Triggers:
        return tr("Triggers");
    case Actions:
        return tr("Actions");
    case Version:
        return tr("Version");
    case Changed:
        return tr("Last changed");
    default:
        return {};
    }
}

Qt::ItemFlags RuleListModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Enabled)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

bool RuleListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.column() != Enabled || role != Qt::CheckStateRole)
        return false;
    const bool enabled = value.toInt() == Qt::Checked;
    const QString id = m_rows.at(index.row()).rule.id;
    if (m_rows.at(index.row()).rule.enabled == enabled)
        return false;
    // Shown at once; the store's answer (a reload) settles it either way.
    m_rows[index.row()].rule.enabled = enabled;
    emit dataChanged(index, index, {Qt::CheckStateRole, Qt::DisplayRole});
    emit enabledToggled(id, enabled);
    return true;
}

} // namespace billbridge::widgets
