#pragma once

#include "rules/datafieldstable.h"
#include "rules/rule.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace billbridge::widgets {

// A rule's actions as a form, for people who do not write JSON: the ordered list (add, remove, move) and,
// for the selected action, the fields of its type. Data fields (and the attributes an action sets) are rows
// of name → value source: a field of the Stripe event, a value the sync engine derives, fixed text, or a
// fixed JSON value (number, true/false, null). A fixed object or array cannot be edited here; it is kept as
// it is and marked "edited in JSON".
//
// The form gives back exactly what it was given until the operator changes something: a message id stored
// as the text "12" stays text, rows keep their order. Problems the core reports for a JSON path inside
// `actions` are shown beside the field they name.
class ActionsEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionsEditor)

public:
    using SourceChoice = DataFieldsTable::SourceChoice;
    static constexpr int KeyColumn = DataFieldsTable::KeyColumn;
    static constexpr int SourceColumn = DataFieldsTable::SourceColumn;
    static constexpr int ValueColumn = DataFieldsTable::ValueColumn;

    explicit ActionsEditor(QWidget* parent = nullptr);

    // Shows `actions`, keeping the selected position when there still is one there.
    void setActions(const QList<rules::Action>& actions);
    // The actions as edited, with only the members their type uses.
    QList<rules::Action> actions() const;
    // What only the form can get wrong (one name on two rows, a JSON value that does not parse), with paths
    // like the core's ("actions[1].data.plan").
    QList<rules::RuleProblem> formProblems() const;
    // Marks the fields that `problems` name; returns how many problems found a field of the selected action.
    int showProblems(const QList<rules::RuleProblem>& problems);
    // The configured Slack webhook names offered by the webhook field (any other name can be typed).
    void setWebhookNames(const QStringList& names);
    QStringList webhookNames() const { return m_webhookNames; }

    void addAction(rules::ActionType type);
    void removeCurrent();
    void moveCurrent(int delta);
    int currentIndex() const { return m_current; }
    void setCurrentIndex(int index);
    void addDataRow(const QString& key, SourceChoice choice, const QString& value);
    void setSourceChoice(int row, SourceChoice choice);

    QListWidget* actionList() const { return m_list; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* removeButton() const { return m_remove; }
    QPushButton* upButton() const { return m_up; }
    QPushButton* downButton() const { return m_down; }
    QComboBox* typeChoice() const { return m_type; }
    QLineEdit* eventNameEdit() const { return m_eventName; }
    QLineEdit* messageIdEdit() const { return m_messageId; }
    QLabel* recipientLabel() const { return m_recipient; }
    QLineEdit* broadcastIdEdit() const { return m_broadcastId; }
    QComboBox* webhookChoice() const { return m_webhook; }
    QPlainTextEdit* textEdit() const { return m_text; }
    QTableWidget* dataTable() const { return m_fields->table(); }
    QLabel* jsonOnlyNote() const { return m_fields->jsonOnlyNote(); }
    // The label beside a field that shows its problem: "type", "name", "transactional_message_id",
    // "broadcast_id", "webhook", "text" or "data" (also for attributes).
    QLabel* problemLabel(const QString& field) const { return m_problemLabels.value(field); }
    // Whether the row of `field` is shown for the selected action's type.
    bool isFieldShown(const QString& field) const;

    static QString typeLabel(rules::ActionType type);

signals:
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct ActionState {
        rules::Action action;
        QJsonValue loadedMessageId{QJsonValue::Undefined};
        QList<DataFieldsTable::Row> rows;
    };

    QWidget* createDetail();
    QWidget* withProblemLabel(QWidget* content, QWidget* framed, const QString& key);
    void retranslate();
    void fillList();
    void updateListItem(int index);
    void showCurrent();
    void storeCurrent();
    void updateTypeRows();
    void updateButtons();
    void clearProblemMarks();

    static ActionState stateOf(const rules::Action& action);
    static rules::Action actionOf(const ActionState& state, QList<rules::RuleProblem>* problems, int index);
    static QStringList fieldsOf(rules::ActionType type);

    QList<ActionState> m_states;
    int m_current = -1;
    bool m_updating = false;
    QStringList m_webhookNames;

    QListWidget* m_list = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_up = nullptr;
    QPushButton* m_down = nullptr;
    QWidget* m_detail = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_empty = nullptr;
    QComboBox* m_type = nullptr;
    QLineEdit* m_eventName = nullptr;
    QLineEdit* m_messageId = nullptr;
    QLabel* m_recipient = nullptr;
    QLineEdit* m_broadcastId = nullptr;
    QComboBox* m_webhook = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QComboBox* m_placeholder = nullptr;
    DataFieldsTable* m_fields = nullptr;
    QLabel* m_dataLabel = nullptr;
    QHash<QString, QLabel*> m_problemLabels;
    QHash<QString, QWidget*> m_problemFields; // the widget framed in red, by field name
    QHash<QString, QWidget*> m_fieldRows;     // the widget of each form row, by field name
    QList<rules::RuleProblem> m_problems;     // the last ones shown, marked again on another action
};

} // namespace billbridge::widgets
