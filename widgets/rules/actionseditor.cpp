#include "rules/actionseditor.h"

#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <optional>

namespace billbridge::widgets {

namespace {

using rules::ActionType;
const QColor kProblemColor(0xb0, 0x20, 0x20);

const QList<ActionType>& actionTypes()
{
    static const QList<ActionType> types = {ActionType::TrackEvent, ActionType::SendTransactional,
                                            ActionType::TriggerBroadcast, ActionType::SetAttributes,
                                            ActionType::Slack};
    return types;
}

QString messageIdText(const QJsonValue& id)
{
    if (id.isUndefined() || id.isNull())
        return {};
    return id.isString() ? id.toString() : DataFieldsTable::jsonText(id);
}

// A whole number is the message's id, anything else its trigger name. What was loaded stays as it was (the
// text "12" stays text) until the operator changes it.
QJsonValue messageIdFrom(const QString& text, const QJsonValue& loaded)
{
    if (!loaded.isUndefined() && text == messageIdText(loaded))
        return loaded;
    if (text.trimmed().isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    bool ok = false;
    const qint64 number = text.trimmed().toLongLong(&ok);
    if (ok && number >= 1 && number < (qint64(1) << 53))
        return QJsonValue(double(number));
    return text;
}

QString actionDetail(const rules::Action& action)
{
    switch (action.type) {
    case ActionType::TrackEvent:
        return action.name;
    case ActionType::SendTransactional:
        return messageIdText(action.transactionalMessageId);
    case ActionType::TriggerBroadcast:
        return action.broadcastId;
    case ActionType::SetAttributes: {
        QStringList names;
        for (const auto& field : action.data)
            names.append(field.first);
        return names.join(QLatin1Char('/'));
    }
    case ActionType::Slack:
        return action.webhook;
    }
    return {};
}

QString pathOf(int index)
{
    return QStringLiteral("actions[%1]").arg(index);
}

QString dataPathOf(ActionType type, int index)
{
    return pathOf(index) +
           (type == ActionType::SetAttributes ? QStringLiteral(".attributes") : QStringLiteral(".data"));
}

} // namespace

ActionsEditor::ActionsEditor(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("ruleActions"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* listBox = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listBox);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(listBox);
    m_list->setObjectName(QStringLiteral("actionList"));
    m_list->setMinimumHeight(90);
    listLayout->addWidget(withProblemLabel(m_list, m_list, QStringLiteral("actions")), 1);
    auto* addRemove = new QHBoxLayout;
    m_add = new QPushButton(listBox);
    m_add->setObjectName(QStringLiteral("addAction"));
    auto* menu = new QMenu(m_add);
    for (const ActionType type : actionTypes()) {
        QAction* add = menu->addAction(QString(), this, [this, type] { addAction(type); });
        add->setData(int(type));
    }
    m_add->setMenu(menu);
    m_remove = new QPushButton(listBox);
    m_remove->setObjectName(QStringLiteral("removeAction"));
    addRemove->addWidget(m_add);
    addRemove->addWidget(m_remove);
    listLayout->addLayout(addRemove);
    auto* moves = new QHBoxLayout;
    m_up = new QPushButton(listBox);
    m_up->setObjectName(QStringLiteral("moveActionUp"));
    m_down = new QPushButton(listBox);
    m_down->setObjectName(QStringLiteral("moveActionDown"));
    moves->addWidget(m_up);
    moves->addWidget(m_down);
    listLayout->addLayout(moves);
    layout->addWidget(listBox, 2);
    layout->addWidget(createDetail(), 5);

    connect(m_remove, &QPushButton::clicked, this, &ActionsEditor::removeCurrent);
    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_updating || row == m_current)
            return;
        m_current = row;
        showCurrent();
    });
    retranslate();
    setActions({});
}

QWidget* ActionsEditor::createDetail()
{
    m_detail = new QWidget(this);
    auto* outer = new QVBoxLayout(m_detail);
    outer->setContentsMargins(0, 0, 0, 0);
    m_empty = new QLabel(m_detail);
    m_empty->setWordWrap(true);
    outer->addWidget(m_empty);

    auto* formBox = new QWidget(m_detail);
    formBox->setObjectName(QStringLiteral("actionForm"));
    m_form = new QFormLayout(formBox);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const auto addRow = [this, formBox](const QString& key, QWidget* field) {
        m_fieldRows.insert(key, field);
        m_form->addRow(new QLabel(formBox), field);
    };

    m_type = new QComboBox(formBox);
    m_type->setObjectName(QStringLiteral("actionType"));
    for (const ActionType type : actionTypes())
        m_type->addItem(QString(), int(type));
    addRow(QStringLiteral("type"), withProblemLabel(m_type, m_type, QStringLiteral("type")));
    m_eventName = new QLineEdit(formBox);
    m_eventName->setObjectName(QStringLiteral("actionEventName"));
    addRow(QStringLiteral("name"), withProblemLabel(m_eventName, m_eventName, QStringLiteral("name")));
    m_messageId = new QLineEdit(formBox);
    m_messageId->setObjectName(QStringLiteral("actionMessageId"));
    addRow(QStringLiteral("transactional_message_id"),
           withProblemLabel(m_messageId, m_messageId, QStringLiteral("transactional_message_id")));
    m_recipient = new QLabel(formBox);
    m_recipient->setObjectName(QStringLiteral("actionRecipient"));
    m_recipient->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    addRow(QStringLiteral("to"), m_recipient);
    m_broadcastId = new QLineEdit(formBox);
    m_broadcastId->setObjectName(QStringLiteral("actionBroadcastId"));
    addRow(QStringLiteral("broadcast_id"),
           withProblemLabel(m_broadcastId, m_broadcastId, QStringLiteral("broadcast_id")));
    m_webhook = new QComboBox(formBox);
    m_webhook->setObjectName(QStringLiteral("actionWebhook"));
    m_webhook->setEditable(true);
    m_webhook->setInsertPolicy(QComboBox::NoInsert);
    addRow(QStringLiteral("webhook"), withProblemLabel(m_webhook, m_webhook, QStringLiteral("webhook")));

    auto* textBox = new QWidget(formBox);
    auto* textLayout = new QVBoxLayout(textBox);
    textLayout->setContentsMargins(0, 0, 0, 0);
    m_text = new QPlainTextEdit(textBox);
    m_text->setObjectName(QStringLiteral("actionText"));
    m_text->setMaximumHeight(80);
    m_placeholder = new QComboBox(textBox);
    m_placeholder->setObjectName(QStringLiteral("actionPlaceholder"));
    m_placeholder->addItem(QString());
    for (const QString& name : rules::derivedValueNames())
        m_placeholder->addItem(QString(), name);
    textLayout->addWidget(m_text);
    textLayout->addWidget(m_placeholder);
    addRow(QStringLiteral("text"), withProblemLabel(textBox, m_text, QStringLiteral("text")));

    m_fields = new DataFieldsTable(formBox);
    QWidget* dataRow = withProblemLabel(m_fields, m_fields->table(), QStringLiteral("data"));
    addRow(QStringLiteral("data"), dataRow);
    m_dataLabel = qobject_cast<QLabel*>(m_form->labelForField(dataRow));
    outer->addWidget(formBox);
    outer->addStretch(1);

    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating || m_current < 0)
            return;
        m_states[m_current].action.type = ActionType(m_type->currentData().toInt());
        showCurrent();
        updateListItem(m_current);
        emit changed();
    });
    for (QLineEdit* edit : {m_eventName, m_messageId, m_broadcastId})
        connect(edit, &QLineEdit::textChanged, this, &ActionsEditor::storeCurrent);
    connect(m_webhook, &QComboBox::editTextChanged, this, &ActionsEditor::storeCurrent);
    connect(m_text, &QPlainTextEdit::textChanged, this, &ActionsEditor::storeCurrent);
    connect(m_placeholder, &QComboBox::activated, this, [this](int index) {
        const QString name = m_placeholder->itemData(index).toString();
        m_placeholder->setCurrentIndex(0);
        if (!name.isEmpty()) {
            m_text->insertPlainText(QStringLiteral("{{%1}}").arg(name));
            m_text->setFocus();
        }
    });
    connect(m_fields, &DataFieldsTable::edited, this, &ActionsEditor::storeCurrent);
    return m_detail;
}

QWidget* ActionsEditor::withProblemLabel(QWidget* content, QWidget* framed, const QString& key)
{
    auto* box = new QWidget(content->parentWidget());
    // Fields of a form layout keep their size hint unless they expand; a narrow field wraps its problem
    // into a sliver.
    box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    content->setParent(box);
    layout->addWidget(content);
    auto* label = new QLabel(box);
    label->setObjectName(QStringLiteral("actionProblem:") + key);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(QStringLiteral("QLabel { color: #b02020; }"));
    label->hide();
    layout->addWidget(label);
    m_problemLabels.insert(key, label);
    m_problemFields.insert(key, framed);
    return box;
}

void ActionsEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ActionsEditor::retranslate()
{
    m_add->setText(tr("Add"));
    m_add->setToolTip(tr("Add an action of the chosen type at the end"));
    for (QAction* add : m_add->menu()->actions())
        add->setText(typeLabel(ActionType(add->data().toInt())));
    m_remove->setText(tr("Remove"));
    m_up->setText(tr("Move Up"));
    m_down->setText(tr("Move Down"));
    m_up->setToolTip(tr("Actions run in list order"));
    m_down->setToolTip(m_up->toolTip());
    m_empty->setText(tr("No actions yet. Add one: without an action the rule does nothing."));
    for (int i = 0; i < m_type->count(); ++i)
        m_type->setItemText(i, typeLabel(ActionType(m_type->itemData(i).toInt())));
    m_eventName->setPlaceholderText(tr("the Customer.io event name, e.g. dunning_attempt_1"));
    m_messageId->setPlaceholderText(tr("the transactional message's id (a number) or its trigger name"));
    m_recipient->setText(tr("the customer's email address (customer_email), always"));
    m_recipient->setToolTip(tr("Billbridge sends transactional emails only to the address Customer.io and "
                               "Stripe know for the customer, never to an address written in a rule."));
    m_broadcastId->setPlaceholderText(tr("the API-triggered broadcast's id, a number"));
    m_webhook->setToolTip(tr("The name of a stored Slack webhook (billbridge-cli connections set slack "
                             "<name>), never its URL"));
    m_text->setPlaceholderText(tr("{{customer_name}} failed payment {{attempt_count}}"));
    m_placeholder->setItemText(0, tr("Insert a placeholder…"));
    for (int i = 1; i < m_placeholder->count(); ++i)
        m_placeholder->setItemText(i, DataFieldsTable::derivedLabel(m_placeholder->itemData(i).toString()));
    const QHash<QString, QString> labels = {
        {QStringLiteral("type"), tr("Type:")},
        {QStringLiteral("name"), tr("Event name:")},
        {QStringLiteral("transactional_message_id"), tr("Transactional message:")},
        {QStringLiteral("to"), tr("To:")},
        {QStringLiteral("broadcast_id"), tr("Broadcast id:")},
        {QStringLiteral("webhook"), tr("Slack webhook:")},
        {QStringLiteral("text"), tr("Message:")},
    };
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(m_fieldRows.value(it.key()))))
            label->setText(it.value());
    }
    for (int i = 0; i < m_list->count(); ++i)
        updateListItem(i);
    updateTypeRows();
}

QString ActionsEditor::typeLabel(ActionType type)
{
    switch (type) {
    case ActionType::TrackEvent:
        return tr("Track event");
    case ActionType::SendTransactional:
        return tr("Transactional email");
    case ActionType::TriggerBroadcast:
        return tr("Trigger broadcast");
    case ActionType::SetAttributes:
        return tr("Set attributes");
    case ActionType::Slack:
        return tr("Slack post");
    }
    return {};
}

QStringList ActionsEditor::fieldsOf(ActionType type)
{
    QStringList fields{QStringLiteral("type")};
    switch (type) {
    case ActionType::TrackEvent:
        fields << QStringLiteral("name") << QStringLiteral("data");
        break;
    case ActionType::SendTransactional:
        fields << QStringLiteral("transactional_message_id") << QStringLiteral("to")
               << QStringLiteral("data");
        break;
    case ActionType::TriggerBroadcast:
        fields << QStringLiteral("broadcast_id") << QStringLiteral("data");
        break;
    case ActionType::SetAttributes:
        fields << QStringLiteral("data");
        break;
    case ActionType::Slack:
        fields << QStringLiteral("webhook") << QStringLiteral("text");
        break;
    }
    return fields;
}

bool ActionsEditor::isFieldShown(const QString& field) const
{
    return m_current >= 0 && fieldsOf(m_states.at(m_current).action.type).contains(field);
}

void ActionsEditor::updateTypeRows()
{
    const ActionType type = m_current >= 0 ? m_states.at(m_current).action.type : ActionType::TrackEvent;
    const QStringList shown = fieldsOf(type);
    for (auto it = m_fieldRows.cbegin(); it != m_fieldRows.cend(); ++it)
        m_form->setRowVisible(it.value(), shown.contains(it.key()));
    const bool attributes = type == ActionType::SetAttributes;
    switch (type) {
    case ActionType::SendTransactional:
        m_dataLabel->setText(tr("Message data:"));
        break;
    case ActionType::TriggerBroadcast:
        m_dataLabel->setText(tr("Broadcast data:"));
        break;
    case ActionType::SetAttributes:
        m_dataLabel->setText(tr("Attributes:"));
        break;
    default:
        m_dataLabel->setText(tr("Event data:"));
        break;
    }
    m_fields->setAttributes(attributes);
}

void ActionsEditor::setActions(const QList<rules::Action>& actions)
{
    const int keep = m_current;
    m_states.clear();
    for (const rules::Action& action : actions)
        m_states.append(stateOf(action));
    m_current = m_states.isEmpty() ? -1 : qBound(0, keep, int(m_states.size()) - 1);
    fillList();
    showCurrent();
}

QList<rules::Action> ActionsEditor::actions() const
{
    QList<rules::Action> result;
    for (int i = 0; i < m_states.size(); ++i)
        result.append(actionOf(m_states.at(i), nullptr, i));
    return result;
}

QList<rules::RuleProblem> ActionsEditor::formProblems() const
{
    QList<rules::RuleProblem> problems;
    for (int i = 0; i < m_states.size(); ++i)
        actionOf(m_states.at(i), &problems, i);
    return problems;
}

void ActionsEditor::setWebhookNames(const QStringList& names)
{
    m_webhookNames = names;
    const bool wasUpdating = m_updating;
    m_updating = true;
    const QString current = m_webhook->currentText();
    m_webhook->clear();
    m_webhook->addItems(names);
    m_webhook->setEditText(current);
    m_updating = wasUpdating;
}

ActionsEditor::ActionState ActionsEditor::stateOf(const rules::Action& action)
{
    ActionState state;
    state.action = action;
    state.loadedMessageId = action.transactionalMessageId;
    state.rows = DataFieldsTable::rowsOf(action.data);
    return state;
}

rules::Action ActionsEditor::actionOf(const ActionState& state, QList<rules::RuleProblem>* problems,
                                      int index)
{
    const rules::Action& edited = state.action;
    rules::Action action;
    action.type = edited.type;
    switch (edited.type) {
    case ActionType::TrackEvent:
        action.name = edited.name;
        break;
    case ActionType::SendTransactional:
        action.transactionalMessageId = edited.transactionalMessageId;
        break;
    case ActionType::TriggerBroadcast:
        action.broadcastId = edited.broadcastId;
        break;
    case ActionType::SetAttributes:
        break;
    case ActionType::Slack:
        action.webhook = edited.webhook;
        action.text = edited.text;
        return action; // a Slack post has no data
    }
    action.data = DataFieldsTable::fieldsOf(state.rows, dataPathOf(edited.type, index), problems);
    return action;
}

void ActionsEditor::fillList()
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_list->clear();
    for (int i = 0; i < m_states.size(); ++i) {
        m_list->addItem(QString());
        updateListItem(i);
    }
    m_list->setCurrentRow(m_current);
    m_updating = wasUpdating;
}

void ActionsEditor::updateListItem(int index)
{
    QListWidgetItem* item = m_list->item(index);
    if (!item || index >= m_states.size())
        return;
    const rules::Action& action = m_states.at(index).action;
    const QString detail = actionDetail(action);
    item->setText(detail.isEmpty() ? tr("%1. %2").arg(index + 1).arg(typeLabel(action.type))
                                   : tr("%1. %2: %3").arg(index + 1).arg(typeLabel(action.type), detail));
}

void ActionsEditor::setCurrentIndex(int index)
{
    if (index < -1 || index >= m_states.size())
        return;
    m_list->setCurrentRow(index);
}

void ActionsEditor::showCurrent()
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    const bool has = m_current >= 0 && m_current < m_states.size();
    m_empty->setVisible(m_states.isEmpty());
    m_form->parentWidget()->setVisible(has);
    if (has) {
        const ActionState& state = m_states.at(m_current);
        const rules::Action& action = state.action;
        m_type->setCurrentIndex(m_type->findData(int(action.type)));
        m_eventName->setText(action.name);
        m_messageId->setText(messageIdText(action.transactionalMessageId));
        m_broadcastId->setText(action.broadcastId);
        m_webhook->setEditText(action.webhook);
        m_text->setPlainText(action.text);
        m_fields->setRows(state.rows);
    }
    if (m_list->currentRow() != m_current)
        m_list->setCurrentRow(m_current);
    updateTypeRows();
    m_updating = wasUpdating;
    updateButtons();
    showProblems(m_problems);
}

void ActionsEditor::addDataRow(const QString& key, SourceChoice choice, const QString& value)
{
    if (m_current >= 0)
        m_fields->addRow(key, choice, value);
}

void ActionsEditor::setSourceChoice(int row, SourceChoice choice)
{
    m_fields->setSourceChoice(row, choice);
}

void ActionsEditor::storeCurrent()
{
    if (m_updating || m_current < 0)
        return;
    ActionState& state = m_states[m_current];
    state.action.name = m_eventName->text();
    state.action.transactionalMessageId = messageIdFrom(m_messageId->text(), state.loadedMessageId);
    state.action.broadcastId = m_broadcastId->text();
    state.action.webhook = m_webhook->currentText();
    state.action.text = m_text->toPlainText();
    state.rows = m_fields->rows();
    // Attribute names are the summary of a set_attributes action.
    state.action.data = actionOf(state, nullptr, m_current).data;
    updateListItem(m_current);
    updateButtons();
    emit changed();
}

void ActionsEditor::addAction(ActionType type)
{
    ActionState state;
    state.action.type = type;
    m_states.append(state);
    m_current = int(m_states.size()) - 1;
    fillList();
    showCurrent();
    emit changed();
}

void ActionsEditor::removeCurrent()
{
    if (m_current < 0)
        return;
    m_states.removeAt(m_current);
    m_current = qMin(m_current, int(m_states.size()) - 1);
    fillList();
    showCurrent();
    emit changed();
}

void ActionsEditor::moveCurrent(int delta)
{
    const int target = m_current + delta;
    if (m_current < 0 || target < 0 || target >= m_states.size())
        return;
    m_states.swapItemsAt(m_current, target);
    m_current = target;
    fillList();
    showCurrent();
    emit changed();
}

void ActionsEditor::updateButtons()
{
    m_remove->setEnabled(m_current >= 0);
    m_up->setEnabled(m_current > 0);
    m_down->setEnabled(m_current >= 0 && m_current + 1 < m_states.size());
}

void ActionsEditor::clearProblemMarks()
{
    for (QLabel* label : std::as_const(m_problemLabels)) {
        label->clear();
        label->hide();
    }
    for (QWidget* field : std::as_const(m_problemFields))
        field->setStyleSheet(QString());
    for (int i = 0; i < m_list->count(); ++i) {
        m_list->item(i)->setForeground(QBrush());
        m_list->item(i)->setToolTip(QString());
    }
    m_fields->clearMarks();
}

int ActionsEditor::showProblems(const QList<rules::RuleProblem>& problems)
{
    m_problems = problems;
    const bool wasUpdating = m_updating;
    m_updating = true; // marking rows changes items
    clearProblemMarks();
    QHash<QString, QStringList> messages; // by field
    const auto mark = [&](const QString& field, const QString& message) { messages[field].append(message); };
    int placed = 0;
    for (const rules::RuleProblem& problem : problems) {
        if (problem.path == QLatin1String("actions")) {
            mark(QStringLiteral("actions"), problem.message);
            continue;
        }
        for (int i = 0; i < m_states.size(); ++i) {
            const QString base = pathOf(i);
            if (problem.path != base && !problem.path.startsWith(base + QLatin1Char('.')))
                continue;
            QListWidgetItem* item = m_list->item(i);
            if (item) {
                item->setForeground(kProblemColor);
                item->setToolTip(
                    (item->toolTip().isEmpty() ? QString() : item->toolTip() + QLatin1Char('\n')) +
                    problem.message);
            }
            if (i != m_current)
                break;
            const QString rest = problem.path.mid(base.size());
            const QString dataPath = dataPathOf(m_states.at(i).action.type, i).mid(base.size());
            if (rest.startsWith(dataPath) &&
                (rest.size() == dataPath.size() || rest.at(dataPath.size()) == QLatin1Char('.'))) {
                QString text = problem.message;
                // "actions[0].data.plan.derived" names the row "plan"; a key may hold dots itself.
                const bool rowLevel = rest.size() > dataPath.size();
                const int row =
                    rowLevel ? m_fields->markRow(rest.mid(dataPath.size() + 1), problem.message) : -1;
                if (row >= 0) {
                    const QString name = m_fields->rows().at(row).key;
                    text = name.isEmpty() ? tr("row %1: %2").arg(row + 1).arg(problem.message)
                                          : tr("'%1': %2").arg(name, problem.message);
                }
                mark(QStringLiteral("data"), text);
                ++placed;
                break;
            }
            const QString field = rest.mid(1);
            if (m_problemLabels.contains(field) && field != QLatin1String("actions") &&
                field != QLatin1String("data")) {
                mark(field, problem.message);
                ++placed;
            }
            break;
        }
    }
    for (auto it = messages.cbegin(); it != messages.cend(); ++it) {
        QLabel* label = m_problemLabels.value(it.key());
        QWidget* field = m_problemFields.value(it.key());
        if (!label || !field)
            continue;
        label->setText(it.value().join(QLatin1Char('\n')));
        label->show();
        field->setStyleSheet(QStringLiteral("#%1 { border: 1px solid #b02020; }").arg(field->objectName()));
    }
    m_updating = wasUpdating;
    return placed;
}

} // namespace billbridge::widgets
