#pragma once

#include "rules/rule.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace billbridge::widgets {

class ActionsEditor;

// One rule as a form (name, triggers, conditions, delay, exits, history and the actions with their data
// sources) beside the full definition as JSON. Both stay in step: a form change rewrites the JSON, JSON
// that reads as a rule refills the form. The core's validation runs on every
// change; its problems (rule id, JSON path, what to do) are listed below and Save stays off while any is an
// error. The editor does not write anything: saveRequested hands the rule to the page.
class RuleEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleEditor)

public:
    explicit RuleEditor(QWidget* parent = nullptr);

    // Starts editing `rule`; `isNew` lets the operator choose its id (stored rules keep theirs).
    void setRule(const rules::Rule& rule, bool isNew);
    void clear();
    // Puts another definition (an earlier version) into the editor as an unsaved change of the stored rule.
    void editFrom(const rules::Rule& content);
    // The rule as edited (meaningful while jsonReadable()).
    rules::Rule rule() const { return m_rule; }
    bool hasRule() const { return m_hasRule; }
    bool isNew() const { return m_isNew; }
    bool isModified() const;
    bool jsonReadable() const { return m_jsonReadable; }
    QList<rules::RuleProblem> problems() const { return m_problems; }
    bool hasErrors() const;
    bool canSave() const;
    // Problems the store reported for a refused save, shown until the next change.
    void showStoreProblems(const QList<rules::RuleProblem>& problems);
    void setBusy(bool busy);

    QLineEdit* idEdit() const { return m_id; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* descriptionEdit() const { return m_description; }
    QListWidget* triggerList() const { return m_triggers; }
    QComboBox* triggerChoice() const { return m_triggerChoice; }
    QTableWidget* conditionsTable() const { return m_conditions; }
    QSpinBox* delayEdit() const { return m_delay; }
    QCheckBox* exitBox(const QString& eventType) const;
    QCheckBox* historyBox() const { return m_history; }
    QPlainTextEdit* jsonEdit() const { return m_json; }
    QListWidget* problemList() const { return m_problemList; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* revertButton() const { return m_revert; }
    QLabel* versionLabel() const { return m_version; }
    ActionsEditor* actionsEditor() const { return m_actionsForm; }
    // The Slack webhook names the actions form offers.
    void setWebhookNames(const QStringList& names);

    // Condition rows as the table edits them; value is JSON text or a plain string.
    void addCondition(const QString& field, const QString& op, const QString& value);
    void addTrigger(const QString& eventType);

signals:
    void saveRequested(const billbridge::rules::Rule& rule);
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createForm();
    void retranslate();
    void showDelayText();
    void fillForm();
    void onFormChanged();
    void onJsonEdited();
    void readJson();
    void writeJson();
    void revalidate(const QList<rules::RuleProblem>& readProblems = {});
    void showProblems();
    void updateButtons();
    void addConditionRow(const rules::Condition& condition);
    rules::Condition conditionAt(int row) const;

    rules::Rule m_rule;
    rules::Rule m_original;
    bool m_hasRule = false;
    bool m_isNew = false;
    bool m_updating = false;
    bool m_jsonReadable = true;
    bool m_busy = false;
    QList<rules::RuleProblem> m_problems;

    QLineEdit* m_id = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_description = nullptr;
    QListWidget* m_triggers = nullptr;
    QComboBox* m_triggerChoice = nullptr;
    QTableWidget* m_conditions = nullptr;
    QSpinBox* m_delay = nullptr;
    QList<QCheckBox*> m_exits;
    QCheckBox* m_history = nullptr;
    QLabel* m_delayText = nullptr;
    QPushButton* m_addTrigger = nullptr;
    QPushButton* m_removeTrigger = nullptr;
    QPushButton* m_addCondition = nullptr;
    QPushButton* m_removeCondition = nullptr;
    ActionsEditor* m_actionsForm = nullptr;
    QLabel* m_actionsTitle = nullptr;
    QLabel* m_jsonTitle = nullptr;
    QWidget* m_form = nullptr;
    QPlainTextEdit* m_json = nullptr;
    QTimer* m_jsonTimer = nullptr;
    QListWidget* m_problemList = nullptr;
    QLabel* m_version = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
};

} // namespace billbridge::widgets
