#include "rules/ruleeditor.h"

#include "rules/actionseditor.h"

#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QEvent>
#include <QFont>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace billbridge::widgets {

namespace {

enum ConditionColumn { FieldColumn, OperatorColumn, ValueColumn, ConditionColumnCount };

const QStringList& operatorNames()
{
    static const QStringList names = [] {
        QStringList list;
        for (const auto op :
             {rules::Operator::Eq, rules::Operator::Ne, rules::Operator::Gt, rules::Operator::Gte,
              rules::Operator::Lt, rules::Operator::Lte, rules::Operator::In, rules::Operator::NotIn,
              rules::Operator::Exists, rules::Operator::NotExists, rules::Operator::Contains})
            list.append(rules::toString(op));
        return list;
    }();
    return names;
}

QString valueText(const QJsonValue& value)
{
    if (value.isUndefined())
        return {};
    if (value.isString())
        return value.toString();
    // Wrapped in an array so that scalars serialise too.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

// Numbers, booleans, null, arrays and objects as JSON; anything else is the text itself.
QJsonValue valueFrom(const QString& text)
{
    if (text.trimmed().isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    QJsonParseError error{};
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArrayLiteral("[") + text.toUtf8() + QByteArrayLiteral("]"), &error);
    if (error.error == QJsonParseError::NoError && document.array().size() == 1)
        return document.array().first();
    return text;
}

QString humanDelay(int seconds)
{
    if (seconds == 0)
        return RuleEditor::tr("immediately");
    if (seconds % 86400 == 0)
        return RuleEditor::tr("%n day(s)", nullptr, seconds / 86400);
    if (seconds % 3600 == 0)
        return RuleEditor::tr("%n hour(s)", nullptr, seconds / 3600);
    if (seconds % 60 == 0)
        return RuleEditor::tr("%n minute(s)", nullptr, seconds / 60);
    return RuleEditor::tr("%n second(s)", nullptr, seconds);
}

} // namespace

RuleEditor::RuleEditor(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    // The form with its actions is taller than the space the JSON pane leaves it.
    auto* formScroll = new QScrollArea(splitter);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setWidget(createForm());
    splitter->addWidget(formScroll);

    auto* jsonBox = new QWidget(splitter);
    auto* jsonLayout = new QVBoxLayout(jsonBox);
    jsonLayout->setContentsMargins(0, 0, 0, 0);
    m_jsonTitle = new QLabel(jsonBox);
    m_jsonTitle->setWordWrap(true);
    jsonLayout->addWidget(m_jsonTitle);
    m_json = new QPlainTextEdit(jsonBox);
    m_json->setObjectName(QStringLiteral("ruleJson"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    jsonLayout->addWidget(m_json);
    splitter->addWidget(jsonBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    m_problemList = new QListWidget(this);
    m_problemList->setObjectName(QStringLiteral("ruleProblems"));
    m_problemList->setMaximumHeight(110);
    m_problemList->setWordWrap(true);
    layout->addWidget(m_problemList);

    auto* buttons = new QHBoxLayout;
    m_version = new QLabel(this);
    m_version->setObjectName(QStringLiteral("ruleVersion"));
    buttons->addWidget(m_version);
    buttons->addStretch(1);
    m_revert = new QPushButton(this);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveRule"));
    m_save->setDefault(true);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);

    m_jsonTimer = new QTimer(this);
    m_jsonTimer->setSingleShot(true);
    m_jsonTimer->setInterval(300);
    connect(m_jsonTimer, &QTimer::timeout, this, &RuleEditor::readJson);
    connect(m_json, &QPlainTextEdit::textChanged, this, &RuleEditor::onJsonEdited);
    connect(m_save, &QPushButton::clicked, this, [this] {
        // Text typed in the last moments must count.
        if (m_jsonTimer->isActive()) {
            m_jsonTimer->stop();
            readJson();
        }
        if (canSave())
            emit saveRequested(m_rule);
    });
    connect(m_revert, &QPushButton::clicked, this, [this] { setRule(m_original, m_isNew); });
    retranslate();
    clear();
}

void RuleEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RuleEditor::retranslate()
{
    m_jsonTitle->setText(tr("Full definition (JSON). It follows the form; values the form marks \"edited in "
                            "JSON\" are changed here."));
    m_revert->setText(tr("Revert"));
    m_revert->setToolTip(tr("Throw away the changes and show the rule as stored"));
    m_save->setText(tr("Save"));
    auto* form = qobject_cast<QFormLayout*>(m_form->layout());
    const auto label = [form](QWidget* field, const QString& text) {
        if (auto* rowLabel = qobject_cast<QLabel*>(form->labelForField(field)))
            rowLabel->setText(text);
    };
    m_id->setPlaceholderText(tr("lower-case letters, digits, - and _"));
    label(m_id, tr("Id:"));
    label(m_name, tr("Name:"));
    label(m_description, tr("Description:"));
    m_triggerChoice->setToolTip(
        tr("A Stripe event type; types Billbridge does not know are only warned about"));
    m_addTrigger->setText(tr("Add"));
    m_removeTrigger->setText(tr("Remove"));
    label(m_triggers->parentWidget(), tr("Trigger events:"));
    m_conditions->setHorizontalHeaderLabels({tr("Field"), tr("Operator"), tr("Value")});
    m_conditions->setToolTip(tr("Fields: %1, customer.metadata.<key> or a data.… path. Values are JSON "
                                "(1, \"usd\", [\"a\",\"b\"]) or plain text.")
                                 .arg(rules::derivedValueNames().join(QStringLiteral(", "))));
    m_addCondition->setText(tr("Add"));
    m_removeCondition->setText(tr("Remove"));
    label(m_conditions->parentWidget(), tr("Conditions (all must hold):"));
    m_delay->setSuffix(tr(" s"));
    showDelayText();
    label(m_delay->parentWidget(), tr("Delay:"));
    label(m_exits.first()->parentWidget(), tr("Cancel delayed jobs on:"));
    m_history->setText(tr("Also fire for events older than the history horizon (backfills)"));
    m_actionsTitle->setText(tr("Actions:"));
    showProblems();
    if (m_hasRule)
        updateButtons();
    else
        m_version->setText(tr("Select a rule, or make a new one."));
}

void RuleEditor::showDelayText()
{
    m_delayText->setText(tr("after the event: %1").arg(humanDelay(m_delay->value())));
}

void RuleEditor::setWebhookNames(const QStringList& names)
{
    m_actionsForm->setWebhookNames(names);
}

QWidget* RuleEditor::createForm()
{
    auto* form = new QWidget(this);
    m_form = form;
    auto* layout = new QFormLayout(form);
    layout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_id = new QLineEdit(form);
    m_id->setObjectName(QStringLiteral("ruleId"));
    layout->addRow(QString(), m_id);
    m_name = new QLineEdit(form);
    m_name->setObjectName(QStringLiteral("ruleName"));
    layout->addRow(QString(), m_name);
    m_description = new QLineEdit(form);
    layout->addRow(QString(), m_description);

    auto* triggerBox = new QWidget(form);
    auto* triggerLayout = new QHBoxLayout(triggerBox);
    triggerLayout->setContentsMargins(0, 0, 0, 0);
    m_triggers = new QListWidget(triggerBox);
    m_triggers->setObjectName(QStringLiteral("ruleTriggers"));
    m_triggers->setMaximumHeight(70);
    triggerLayout->addWidget(m_triggers, 1);
    auto* triggerButtons = new QVBoxLayout;
    m_triggerChoice = new QComboBox(triggerBox);
    m_triggerChoice->setEditable(true);
    m_triggerChoice->addItems(rules::knownEventTypes());
    m_addTrigger = new QPushButton(triggerBox);
    m_removeTrigger = new QPushButton(triggerBox);
    triggerButtons->addWidget(m_triggerChoice);
    auto* triggerButtonRow = new QHBoxLayout;
    triggerButtonRow->addWidget(m_addTrigger);
    triggerButtonRow->addWidget(m_removeTrigger);
    triggerButtons->addLayout(triggerButtonRow);
    triggerLayout->addLayout(triggerButtons);
    layout->addRow(QString(), triggerBox);
    connect(m_addTrigger, &QPushButton::clicked, this,
            [this] { this->addTrigger(m_triggerChoice->currentText()); });
    connect(m_removeTrigger, &QPushButton::clicked, this, [this] {
        delete m_triggers->currentItem();
        onFormChanged();
    });

    auto* conditionBox = new QWidget(form);
    auto* conditionLayout = new QHBoxLayout(conditionBox);
    conditionLayout->setContentsMargins(0, 0, 0, 0);
    m_conditions = new QTableWidget(0, ConditionColumnCount, conditionBox);
    m_conditions->setObjectName(QStringLiteral("ruleConditions"));
    m_conditions->horizontalHeader()->setStretchLastSection(true);
    m_conditions->verticalHeader()->hide();
    m_conditions->setMaximumHeight(120);
    conditionLayout->addWidget(m_conditions, 1);
    auto* conditionButtons = new QVBoxLayout;
    m_addCondition = new QPushButton(conditionBox);
    m_removeCondition = new QPushButton(conditionBox);
    conditionButtons->addWidget(m_addCondition);
    conditionButtons->addWidget(m_removeCondition);
    conditionButtons->addStretch(1);
    conditionLayout->addLayout(conditionButtons);
    layout->addRow(QString(), conditionBox);
    connect(m_addCondition, &QPushButton::clicked, this, [this] {
        this->addCondition(rules::derivedValueNames().value(0), QStringLiteral("eq"), QString());
    });
    connect(m_removeCondition, &QPushButton::clicked, this, [this] {
        if (m_conditions->currentRow() >= 0) {
            m_conditions->removeRow(m_conditions->currentRow());
            onFormChanged();
        }
    });
    connect(m_conditions, &QTableWidget::itemChanged, this, &RuleEditor::onFormChanged);

    auto* delayBox = new QWidget(form);
    auto* delayLayout = new QHBoxLayout(delayBox);
    delayLayout->setContentsMargins(0, 0, 0, 0);
    m_delay = new QSpinBox(delayBox);
    m_delay->setObjectName(QStringLiteral("ruleDelay"));
    m_delay->setRange(0, int(rules::Rule::kMaxDelaySeconds));
    m_delay->setSingleStep(3600);
    m_delayText = new QLabel(delayBox);
    delayLayout->addWidget(m_delay);
    delayLayout->addWidget(m_delayText, 1);
    layout->addRow(QString(), delayBox);
    connect(m_delay, &QSpinBox::valueChanged, this, [this] {
        showDelayText();
        onFormChanged();
    });

    auto* exitBox = new QWidget(form);
    auto* exitLayout = new QVBoxLayout(exitBox);
    exitLayout->setContentsMargins(0, 0, 0, 0);
    exitLayout->setSpacing(0);
    for (const QString& type : rules::exitEventTypes()) {
        auto* box = new QCheckBox(type, exitBox);
        box->setObjectName(QStringLiteral("exit:") + type);
        exitLayout->addWidget(box);
        m_exits.append(box);
        connect(box, &QCheckBox::toggled, this, &RuleEditor::onFormChanged);
    }
    layout->addRow(QString(), exitBox);

    m_history = new QCheckBox(form);
    layout->addRow(QString(), m_history);
    connect(m_history, &QCheckBox::toggled, this, &RuleEditor::onFormChanged);

    m_actionsTitle = new QLabel(form);
    QFont bold = m_actionsTitle->font();
    bold.setBold(true);
    m_actionsTitle->setFont(bold);
    layout->addRow(m_actionsTitle);
    m_actionsForm = new ActionsEditor(form);
    layout->addRow(m_actionsForm);
    connect(m_actionsForm, &ActionsEditor::changed, this, &RuleEditor::onFormChanged);

    for (QLineEdit* edit : {m_id, m_name, m_description})
        connect(edit, &QLineEdit::textEdited, this, &RuleEditor::onFormChanged);
    return form;
}

void RuleEditor::setRule(const rules::Rule& rule, bool isNew)
{
    m_rule = rule;
    m_original = rule;
    m_hasRule = true;
    m_isNew = isNew;
    m_jsonReadable = true;
    m_jsonTimer->stop();
    setEnabled(true);
    fillForm();
    writeJson();
    revalidate();
}

void RuleEditor::editFrom(const rules::Rule& content)
{
    if (!m_hasRule)
        return;
    rules::Rule rule = content;
    rule.id = m_original.id;
    rule.enabled = m_original.enabled;
    rule.position = m_original.position;
    rule.version = m_original.version;
    m_rule = rule;
    m_jsonTimer->stop();
    fillForm();
    writeJson();
    revalidate();
}

void RuleEditor::clear()
{
    m_hasRule = false;
    m_rule = {};
    m_original = {};
    m_updating = true;
    m_json->clear();
    m_updating = false;
    m_problems.clear();
    fillForm();
    showProblems();
    m_version->setText(tr("Select a rule, or make a new one."));
    setEnabled(false);
}

QCheckBox* RuleEditor::exitBox(const QString& eventType) const
{
    for (QCheckBox* box : m_exits) {
        if (box->text() == eventType)
            return box;
    }
    return nullptr;
}

void RuleEditor::addTrigger(const QString& eventType)
{
    const QString type = eventType.trimmed();
    if (type.isEmpty() || !m_triggers->findItems(type, Qt::MatchExactly).isEmpty())
        return;
    m_triggers->addItem(type);
    onFormChanged();
}

void RuleEditor::addCondition(const QString& field, const QString& op, const QString& value)
{
    rules::Condition condition;
    condition.field = field;
    condition.op = rules::operatorFromString(op).value_or(rules::Operator::Eq);
    condition.value = valueFrom(value);
    const bool wasUpdating = m_updating;
    m_updating = true;
    addConditionRow(condition);
    m_updating = wasUpdating;
    onFormChanged();
}

void RuleEditor::addConditionRow(const rules::Condition& condition)
{
    const int row = m_conditions->rowCount();
    m_conditions->insertRow(row);
    m_conditions->setItem(row, FieldColumn, new QTableWidgetItem(condition.field));
    auto* op = new QComboBox(m_conditions);
    op->addItems(operatorNames());
    op->setCurrentText(rules::toString(condition.op));
    m_conditions->setCellWidget(row, OperatorColumn, op);
    connect(op, &QComboBox::currentTextChanged, this, &RuleEditor::onFormChanged);
    m_conditions->setItem(row, ValueColumn, new QTableWidgetItem(valueText(condition.value)));
}

rules::Condition RuleEditor::conditionAt(int row) const
{
    rules::Condition condition;
    if (const QTableWidgetItem* field = m_conditions->item(row, FieldColumn))
        condition.field = field->text().trimmed();
    if (const auto* op = qobject_cast<QComboBox*>(m_conditions->cellWidget(row, OperatorColumn)))
        condition.op = rules::operatorFromString(op->currentText()).value_or(rules::Operator::Eq);
    if (const QTableWidgetItem* value = m_conditions->item(row, ValueColumn))
        condition.value = valueFrom(value->text());
    return condition;
}

void RuleEditor::fillForm()
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_id->setText(m_rule.id);
    m_id->setReadOnly(!m_isNew);
    m_name->setText(m_rule.name);
    m_description->setText(m_rule.description);
    m_triggers->clear();
    m_triggers->addItems(m_rule.triggers);
    m_conditions->setRowCount(0);
    for (const rules::Condition& condition : m_rule.conditions)
        addConditionRow(condition);
    m_delay->setValue(int(m_rule.delaySeconds));
    for (QCheckBox* box : m_exits)
        box->setChecked(m_rule.exits.contains(box->text()));
    m_history->setChecked(m_rule.fireOnHistory);
    m_actionsForm->setActions(m_rule.actions);
    m_updating = wasUpdating;
}

void RuleEditor::onFormChanged()
{
    if (m_updating || !m_hasRule)
        return;
    if (!m_jsonReadable) {
        // The JSON holds the operator's unfinished text; the form must not overwrite it silently.
        readJson();
        if (!m_jsonReadable)
            return;
    }
    if (m_isNew)
        m_rule.id = m_id->text().trimmed();
    m_rule.name = m_name->text();
    m_rule.description = m_description->text();
    m_rule.triggers.clear();
    for (int row = 0; row < m_triggers->count(); ++row)
        m_rule.triggers.append(m_triggers->item(row)->text());
    m_rule.conditions.clear();
    for (int row = 0; row < m_conditions->rowCount(); ++row)
        m_rule.conditions.append(conditionAt(row));
    m_rule.delaySeconds = m_delay->value();
    m_rule.exits.clear();
    for (QCheckBox* box : m_exits) {
        if (box->isChecked())
            m_rule.exits.append(box->text());
    }
    m_rule.fireOnHistory = m_history->isChecked();
    m_rule.actions = m_actionsForm->actions();
    writeJson();
    revalidate();
}

void RuleEditor::onJsonEdited()
{
    if (m_updating || !m_hasRule)
        return;
    m_jsonTimer->start();
    updateButtons(); // no saving of text not yet read
}

void RuleEditor::readJson()
{
    m_jsonTimer->stop();
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(m_json->toPlainText().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        m_jsonReadable = false;
        rules::RuleProblem problem;
        problem.ruleId = m_rule.id;
        problem.message = error.error != QJsonParseError::NoError
                              ? tr("the JSON does not parse at character %1: %2; correct the text")
                                    .arg(error.offset)
                                    .arg(error.errorString())
                              : tr("the definition must be one JSON object { … }");
        m_problems = {problem};
        showProblems();
        updateButtons();
        return;
    }
    QList<rules::RuleProblem> problems;
    const std::optional<rules::Rule> read = rules::ruleFromJson(document.object(), &problems);
    if (!read) {
        m_jsonReadable = false;
        m_problems = problems;
        showProblems();
        updateButtons();
        return;
    }
    rules::Rule rule = *read;
    // Kept by the store beside the definition, not by the text.
    rule.enabled = m_rule.enabled;
    rule.position = m_rule.position;
    rule.version = m_rule.version;
    if (!m_isNew)
        rule.id = m_original.id;
    m_rule = rule;
    m_jsonReadable = true;
    fillForm();
    revalidate(problems);
}

void RuleEditor::writeJson()
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_json->setPlainText(
        QString::fromUtf8(QJsonDocument(m_rule.toJson(false)).toJson(QJsonDocument::Indented)));
    m_updating = wasUpdating;
    m_jsonReadable = true;
}

void RuleEditor::revalidate(const QList<rules::RuleProblem>& readProblems)
{
    m_problems = rules::validate(m_rule);
    for (rules::RuleProblem problem : m_actionsForm->formProblems()) {
        problem.ruleId = m_rule.id;
        m_problems.append(problem);
    }
    QStringList seen;
    for (const rules::RuleProblem& problem : std::as_const(m_problems))
        seen.append(problem.text());
    for (const rules::RuleProblem& problem : readProblems) {
        if (!seen.contains(problem.text()))
            m_problems.append(problem);
    }
    showProblems();
    updateButtons();
    emit changed();
}

void RuleEditor::showStoreProblems(const QList<rules::RuleProblem>& problems)
{
    m_problems = problems;
    showProblems();
    updateButtons();
}

void RuleEditor::showProblems()
{
    m_problemList->clear();
    for (const rules::RuleProblem& problem : m_problems) {
        auto* item = new QListWidgetItem(
            (problem.isError() ? tr("Error: %1") : tr("Warning: %1")).arg(problem.text()), m_problemList);
        item->setForeground(problem.isError() ? QColor(0xb0, 0x20, 0x20) : QColor(0x9a, 0x6a, 0x00));
        item->setData(Qt::UserRole, problem.path);
    }
    m_problemList->setVisible(!m_problems.isEmpty());
    m_actionsForm->showProblems(m_problems);
}

bool RuleEditor::hasErrors() const
{
    return !m_jsonReadable || rules::hasErrors(m_problems);
}

bool RuleEditor::isModified() const
{
    return m_hasRule && (m_isNew || m_rule.toJson(false) != m_original.toJson(false) || !m_jsonReadable ||
                         m_jsonTimer->isActive());
}

bool RuleEditor::canSave() const
{
    return m_hasRule && !m_busy && !hasErrors() && isModified();
}

void RuleEditor::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void RuleEditor::updateButtons()
{
    // While the JSON is being typed, Save reads it first (see the click handler).
    const bool pendingText = m_jsonTimer->isActive();
    m_save->setEnabled(m_hasRule && !m_busy && (pendingText || canSave()));
    m_revert->setEnabled(m_hasRule && !m_busy && isModified() && !m_isNew);
    if (!m_hasRule)
        return;
    QString text = m_isNew ? tr("new rule, not saved yet") : tr("version %1").arg(m_original.version);
    if (!m_isNew && isModified())
        text += tr(" — changed, not saved");
    if (hasErrors())
        text += tr(" — fix the errors below to save");
    m_version->setText(text);
}

} // namespace billbridge::widgets
