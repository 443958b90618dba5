#include "customers/attributechangemodel.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

namespace billbridge::widgets {

namespace {

// Whole arrays can run to kilobytes; the cell shows the start and the tooltip the rest.
constexpr int kMaxCellCharacters = 160;

} // namespace

AttributeChangeModel::AttributeChangeModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void AttributeChangeModel::setChanges(std::vector<customers::AttributeChange> changes)
{
    beginResetModel();
    m_changes = std::move(changes);
    endResetModel();
}

void AttributeChangeModel::clear()
{
    setChanges({});
}

int AttributeChangeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_changes.size());
}

int AttributeChangeModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttributeChangeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const customers::AttributeChange& change = m_changes[static_cast<std::size_t>(index.row())];
    const QJsonValue* value = nullptr;
    if (index.column() == Before)
        value = &change.before;
    else if (index.column() == After)
        value = &change.after;

    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        if (!value)
            return change.path;
        const QString text = customers::attributeValueText(*value);
        if (text.isEmpty())
            return tr("(none)");
        if (role == Qt::DisplayRole && text.size() > kMaxCellCharacters)
            return QString(text.left(kMaxCellCharacters) + QChar(0x2026));
        return text;
    }
    case Qt::ForegroundRole:
        if (value && customers::attributeValueText(*value).isEmpty())
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case RawValueRole:
        if (!value)
            return change.path;
        return QVariant::fromValue(*value);
    case KindRole:
        return static_cast<int>(change.kind);
    default:
        return {};
    }
}

QVariant AttributeChangeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Field:
        return tr("Field");
    case Before:
        return tr("Before");
    case After:
        return tr("After");
    default:
        return {};
    }
}

} // namespace billbridge::widgets
