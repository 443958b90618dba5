#include "rules/datafieldstable.h"

#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <optional>

namespace billbridge::widgets {

namespace {

using SourceChoice = DataFieldsTable::SourceChoice;

constexpr int kLoadedRole = Qt::UserRole;       // key item: the literal as it was given
constexpr int kJsonOnlyRole = Qt::UserRole + 1; // key item: an object or array literal
const QColor kProblemBackground(0xfd, 0xec, 0xea);

const QList<SourceChoice>& sourceChoices()
{
    static const QList<SourceChoice> choices = {SourceChoice::EventField, SourceChoice::Derived,
                                                SourceChoice::Text, SourceChoice::JsonValue};
    return choices;
}

QString sourceLabel(SourceChoice choice)
{
    switch (choice) {
    case SourceChoice::EventField:
        return DataFieldsTable::tr("Event field");
    case SourceChoice::Derived:
        return DataFieldsTable::tr("Derived value");
    case SourceChoice::Text:
        return DataFieldsTable::tr("Text");
    case SourceChoice::JsonValue:
        return DataFieldsTable::tr("Number, true/false or null");
    }
    return {};
}

QString valueToolTip(SourceChoice choice)
{
    switch (choice) {
    case SourceChoice::EventField:
        return DataFieldsTable::tr("A path into the Stripe event, like data.object.amount_due");
    case SourceChoice::Derived:
        return DataFieldsTable::tr("A value the sync engine works out for the customer");
    case SourceChoice::Text:
        return DataFieldsTable::tr("Sent exactly as written");
    case SourceChoice::JsonValue:
        return DataFieldsTable::tr("A number (12, 4.5), true, false or null");
    }
    return {};
}

std::optional<QJsonValue> parseJson(const QString& text)
{
    QJsonParseError error{};
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArrayLiteral("[") + text.toUtf8() + QByteArrayLiteral("]"), &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        return std::nullopt;
    return document.array().first();
}

} // namespace

DataFieldsTable::DataFieldsTable(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* tableRow = new QHBoxLayout;
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("actionData"));
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(KeyColumn, 140);
    m_table->setColumnWidth(SourceColumn, 150);
    m_table->verticalHeader()->hide();
    m_table->setMinimumHeight(110);
    tableRow->addWidget(m_table, 1);
    auto* buttons = new QVBoxLayout;
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("addDataField"));
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("removeDataField"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    tableRow->addLayout(buttons);
    layout->addLayout(tableRow);
    m_jsonOnly = new QLabel(this);
    m_jsonOnly->setObjectName(QStringLiteral("actionJsonOnly"));
    m_jsonOnly->setWordWrap(true);
    m_jsonOnly->hide();
    layout->addWidget(m_jsonOnly);

    connect(m_table, &QTableWidget::itemChanged, this, &DataFieldsTable::onEdited);
    connect(m_table, &QTableWidget::currentCellChanged, this,
            [this] { m_remove->setEnabled(m_table->currentRow() >= 0); });
    connect(m_add, &QPushButton::clicked, this, [this] {
        addRow(QString(), SourceChoice::Derived, QString());
        // Typing names the new row.
        m_table->setCurrentCell(m_table->rowCount() - 1, KeyColumn);
        m_table->setFocus();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_table->removeRow(row);
        onEdited();
    });
    m_remove->setEnabled(false);
    retranslate();
}

void DataFieldsTable::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DataFieldsTable::retranslate()
{
    m_add->setText(tr("Add"));
    m_remove->setText(tr("Remove"));
    m_jsonOnly->setText(tr("Rows shown greyed hold an object or array: they are edited in JSON, in the full "
                           "definition below, and kept as they are."));
    m_table->setHorizontalHeaderLabels(
        {m_attributes ? tr("Attribute") : tr("Field"), tr("Value from"), tr("Value")});
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (auto* source = qobject_cast<QComboBox*>(m_table->cellWidget(row, SourceColumn))) {
            for (int i = 0; i < source->count(); ++i)
                source->setItemText(i, sourceLabel(SourceChoice(source->itemData(i).toInt())));
        }
        if (auto* names = qobject_cast<QComboBox*>(m_table->cellWidget(row, ValueColumn))) {
            for (int i = 0; i < names->count(); ++i)
                names->setItemText(i, derivedLabel(names->itemData(i).toString()));
        }
    }
}

void DataFieldsTable::setAttributes(bool attributes)
{
    m_attributes = attributes;
    retranslate();
}

QString DataFieldsTable::jsonText(const QJsonValue& value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString DataFieldsTable::derivedLabel(const QString& name)
{
    static const QHash<QString, const char*> labels = {
        {QStringLiteral("plan_name"), QT_TR_NOOP("Plan name")},
        {QStringLiteral("plan_tier"), QT_TR_NOOP("Plan tier")},
        {QStringLiteral("mrr"), QT_TR_NOOP("MRR (monthly recurring revenue)")},
        {QStringLiteral("currency"), QT_TR_NOOP("Currency")},
        {QStringLiteral("amount"), QT_TR_NOOP("Amount, in the currency's major unit")},
        {QStringLiteral("attempt_count"), QT_TR_NOOP("Payment attempt number")},
        {QStringLiteral("next_payment_attempt"), QT_TR_NOOP("Next payment attempt")},
        {QStringLiteral("hosted_invoice_url"), QT_TR_NOOP("Invoice page address")},
        {QStringLiteral("invoice_id"), QT_TR_NOOP("Invoice id")},
        {QStringLiteral("subscription_id"), QT_TR_NOOP("Subscription id")},
        {QStringLiteral("subscription_status"), QT_TR_NOOP("Subscription status")},
        {QStringLiteral("customer_email"), QT_TR_NOOP("Customer's email address")},
        {QStringLiteral("customer_name"), QT_TR_NOOP("Customer's name")},
        {QStringLiteral("failed_payment_count"), QT_TR_NOOP("Failed payments so far")},
        {QStringLiteral("lifetime_value"), QT_TR_NOOP("Lifetime value")},
        {QStringLiteral("event_type"), QT_TR_NOOP("Stripe event type")},
        {QStringLiteral("event_id"), QT_TR_NOOP("Stripe event id")},
    };
    const char* label = labels.value(name);
    return label ? tr("%1 (%2)").arg(tr(label), name) : name;
}

QList<DataFieldsTable::Row> DataFieldsTable::rowsOf(const rules::DataFields& fields)
{
    QList<Row> rows;
    for (const auto& [key, source] : fields) {
        Row row;
        row.key = key;
        switch (source.kind) {
        case rules::ValueSource::Kind::Path:
            row.choice = SourceChoice::EventField;
            row.text = source.name;
            break;
        case rules::ValueSource::Kind::Derived:
            row.choice = SourceChoice::Derived;
            row.text = source.name;
            break;
        case rules::ValueSource::Kind::Literal:
            row.loaded = source.literal;
            if (source.literal.isString()) {
                row.choice = SourceChoice::Text;
                row.text = source.literal.toString();
            } else {
                row.choice = SourceChoice::JsonValue;
                row.text = jsonText(source.literal);
                row.jsonOnly = source.literal.isArray() || source.literal.isObject();
            }
            break;
        }
        rows.append(row);
    }
    return rows;
}

rules::DataFields DataFieldsTable::fieldsOf(const QList<Row>& rows, const QString& path,
                                            QList<rules::RuleProblem>* problems)
{
    const auto problem = [&](const QString& key, const QString& message) {
        if (problems)
            problems->append(rules::RuleProblem{rules::RuleProblem::Severity::Error, QString(),
                                                path + QLatin1Char('.') + key, message});
    };
    rules::DataFields fields;
    QSet<QString> seen;
    for (const Row& row : rows) {
        // JSON keeps one value per name: a second row of the same name would be lost without a word.
        if (seen.contains(row.key))
            problem(
                row.key,
                tr("the name '%1' is on more than one row; give each row a name of its own").arg(row.key));
        seen.insert(row.key);
        rules::ValueSource source;
        switch (row.choice) {
        case SourceChoice::EventField:
            source = rules::ValueSource::path(row.text);
            break;
        case SourceChoice::Derived:
            source = rules::ValueSource::derived(row.text);
            break;
        case SourceChoice::Text:
            source = rules::ValueSource::constant(row.text);
            break;
        case SourceChoice::JsonValue:
            if (row.jsonOnly ||
                (!row.loaded.isUndefined() && !row.loaded.isString() && row.text == jsonText(row.loaded))) {
                source = rules::ValueSource::constant(row.loaded);
            } else if (const std::optional<QJsonValue> value = parseJson(row.text)) {
                source = rules::ValueSource::constant(*value);
            } else {
                source = rules::ValueSource::constant(row.text);
                problem(row.key, tr("'%1' is not a number, true, false or null; correct it, or choose Text "
                                    "to send it as text")
                                     .arg(row.text));
            }
            break;
        }
        fields.append({row.key, source});
    }
    return fields;
}

void DataFieldsTable::setRows(const QList<Row>& rows)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_table->setRowCount(0);
    bool jsonOnly = false;
    for (const Row& row : rows) {
        insertRow(row);
        jsonOnly = jsonOnly || row.jsonOnly;
    }
    m_jsonOnly->setVisible(jsonOnly);
    m_remove->setEnabled(m_table->currentRow() >= 0);
    m_updating = wasUpdating;
}

QList<DataFieldsTable::Row> DataFieldsTable::rows() const
{
    QList<Row> rows;
    for (int row = 0; row < m_table->rowCount(); ++row)
        rows.append(rowAt(row));
    return rows;
}

void DataFieldsTable::addRow(const QString& key, SourceChoice choice, const QString& value)
{
    Row row;
    row.key = key;
    row.choice = choice;
    row.text = value;
    insertRow(row);
    onEdited();
}

void DataFieldsTable::setSourceChoice(int row, SourceChoice choice)
{
    if (auto* source = qobject_cast<QComboBox*>(m_table->cellWidget(row, SourceColumn)))
        source->setCurrentIndex(source->findData(int(choice)));
}

void DataFieldsTable::onEdited()
{
    if (!m_updating)
        emit edited();
}

void DataFieldsTable::insertRow(const Row& row)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    const int r = m_table->rowCount();
    m_table->insertRow(r);
    auto* key = new QTableWidgetItem(row.key);
    key->setData(kLoadedRole, QVariant::fromValue(row.loaded));
    key->setData(kJsonOnlyRole, row.jsonOnly);
    m_table->setItem(r, KeyColumn, key);
    auto* source = new QComboBox(m_table);
    for (const SourceChoice choice : sourceChoices())
        source->addItem(sourceLabel(choice), int(choice));
    source->setCurrentIndex(source->findData(int(row.choice)));
    source->setEnabled(!row.jsonOnly);
    m_table->setCellWidget(r, SourceColumn, source);
    connect(source, &QComboBox::currentIndexChanged, this, [this, source] { onSourceChanged(source); });
    setValueWidget(r, row.choice, row.text);
    if (row.jsonOnly) {
        QTableWidgetItem* value = m_table->item(r, ValueColumn);
        value->setFlags(value->flags() & ~Qt::ItemIsEditable);
        value->setForeground(QColor(0x70, 0x70, 0x70));
        value->setToolTip(tr("An object or array: edited in JSON"));
        source->setToolTip(value->toolTip());
    }
    m_updating = wasUpdating;
}

void DataFieldsTable::setValueWidget(int row, SourceChoice choice, const QString& text)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    QTableWidgetItem* item = m_table->item(row, ValueColumn);
    if (!item) {
        item = new QTableWidgetItem;
        m_table->setItem(row, ValueColumn, item);
    }
    item->setText(text);
    item->setToolTip(valueToolTip(choice));
    if (choice == SourceChoice::Derived) {
        auto* names = new QComboBox(m_table);
        for (const QString& name : rules::derivedValueNames())
            names->addItem(derivedLabel(name), name);
        // A name the engine does not know stays visible (and is reported) instead of being replaced.
        if (!text.isEmpty() && names->findData(text) < 0)
            names->addItem(text, text);
        names->setCurrentIndex(qMax(0, names->findData(text)));
        names->setToolTip(valueToolTip(choice));
        connect(names, &QComboBox::currentIndexChanged, this, &DataFieldsTable::onEdited);
        m_table->setCellWidget(row, ValueColumn, names);
    } else {
        m_table->removeCellWidget(row, ValueColumn);
    }
    m_updating = wasUpdating;
}

DataFieldsTable::Row DataFieldsTable::rowAt(int row) const
{
    Row result;
    if (const QTableWidgetItem* key = m_table->item(row, KeyColumn)) {
        result.key = key->text();
        result.loaded = key->data(kLoadedRole).value<QJsonValue>();
        result.jsonOnly = key->data(kJsonOnlyRole).toBool();
    }
    if (const auto* source = qobject_cast<QComboBox*>(m_table->cellWidget(row, SourceColumn)))
        result.choice = SourceChoice(source->currentData().toInt());
    if (const auto* names = qobject_cast<QComboBox*>(m_table->cellWidget(row, ValueColumn)))
        result.text = names->currentData().toString();
    else if (const QTableWidgetItem* value = m_table->item(row, ValueColumn))
        result.text = value->text();
    return result;
}

void DataFieldsTable::onSourceChanged(QComboBox* source)
{
    if (m_updating)
        return;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->cellWidget(row, SourceColumn) != source)
            continue;
        const auto choice = SourceChoice(source->currentData().toInt());
        const bool wasDerived = qobject_cast<QComboBox*>(m_table->cellWidget(row, ValueColumn)) != nullptr;
        // A derived value's name means nothing as a path or as text, and the other way round.
        const QString text = wasDerived || choice == SourceChoice::Derived
                                 ? QString()
                                 : m_table->item(row, ValueColumn)->text();
        setValueWidget(row, choice, text);
        break;
    }
    onEdited();
}

int DataFieldsTable::markRow(const QString& inner, const QString& message)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    int marked = -1;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem* key = m_table->item(row, KeyColumn);
        const QString name = key ? key->text() : QString();
        if (!key || (inner != name && inner != name + QLatin1String(".path") &&
                     inner != name + QLatin1String(".derived") && inner != name + QLatin1String(".literal")))
            continue;
        key->setBackground(kProblemBackground);
        key->setToolTip(message);
        marked = row;
        break;
    }
    m_updating = wasUpdating;
    return marked;
}

void DataFieldsTable::clearMarks()
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (QTableWidgetItem* key = m_table->item(row, KeyColumn)) {
            key->setBackground(QBrush());
            key->setToolTip(QString());
        }
    }
    m_updating = wasUpdating;
}

} // namespace billbridge::widgets
