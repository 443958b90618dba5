#pragma once

#include "rules/rulesbackend.h"
#include "rules/rulescope.h"

#include <QPointer>
#include <QString>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QThreadPool;

namespace billbridge::widgets {

class RuleEditor;
class RuleImportDialog;
class RuleListModel;
class RuleTesterPanel;
class WhatIfPanel;

// The dunning and lifecycle rules: the ordered list (enable, reorder, new from a template, duplicate,
// delete, import, export, and a banner naming stored rules that no longer read), the editor of the selected
// rule with its versions, the tester on one stored event and the what-if over recent events. Every store
// call runs on a worker thread, one change after another; questions go through replaceable functions so
// that tests answer them.
class RulesPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesPage)

public:
    using Confirm = std::function<bool(QWidget* parent, const QString& title, const QString& text)>;
    // The chosen template's id; nullopt when the operator cancels.
    using TemplateChooser =
        std::function<std::optional<QString>(QWidget* parent, const QList<rules::Rule>& templates)>;
    // A file name; empty when the operator cancels.
    using FileChooser = std::function<QString(QWidget* parent, const QString& suggestion)>;

    enum class Tab { Editor, Versions, Tester, WhatIf };

    explicit RulesPage(QString storePath, QWidget* parent = nullptr);
    ~RulesPage() override;

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setTemplateChooser(TemplateChooser chooser) { m_chooseTemplate = std::move(chooser); }
    void setOpenFileChooser(FileChooser chooser) { m_chooseOpenFile = std::move(chooser); }
    void setSaveFileChooser(FileChooser chooser) { m_chooseSaveFile = std::move(chooser); }
    // The Slack webhook names Slack actions offer; by default those the environment configures
    // (BILLBRIDGE_SLACK_WEBHOOK_<NAME>), since the keychain's list needs a secret store the page does not
    // have.
    void setWebhookNames(const QStringList& names);

    RuleListModel* model() const { return m_model; }
    QTableView* list() const { return m_list; }
    RuleEditor* editor() const { return m_editor; }
    RuleTesterPanel* tester() const { return m_tester; }
    WhatIfPanel* whatIf() const { return m_whatIf; }
    QListWidget* versionList() const { return m_versions; }
    QPlainTextEdit* versionText() const { return m_versionText; }
    QLabel* brokenBanner() const { return m_banner; }
    QLabel* statusLabel() const { return m_status; }
    RuleImportDialog* importDialog() const;
    void showTab(Tab tab);

    // A store call is under way.
    bool isBusy() const { return m_pending > 0; }
    // The id of the rule in the editor (empty for none or a new, unsaved rule).
    QString currentRuleId() const;
    bool selectRule(const QString& ruleId);

    // The actions, as the buttons run them.
    void reload();
    void newBlankRule();
    void newFromTemplate();
    void duplicateSelected();
    void deleteSelected();
    void moveSelected(int delta);
    void importRules();
    void exportRules();
    void restoreSelectedVersion();

signals:
    // The operator wants to see a stored event (a what-if sample).
    void eventRequested(const QString& eventId);
    // The rule set was read or a change finished (or was refused); statusLabel() says how.
    void actionFinished();
    void versionsLoaded();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslate();
    void showBrokenRules();
    void showVersionList();
    QWidget* createListPane();
    QWidget* createVersionsTab();
    QList<rules::Rule> rulesFor(RuleScope scope) const;
    void start(const std::function<RulesResult()>& call, const QString& selectAfter,
               const std::function<void(const RulesResult&)>& then = {});
    void applySnapshot(const RulesSnapshot& snapshot, const QString& selectId);
    void onSelectionChanged();
    void loadVersions(const QString& ruleId);
    void saveEdited(const rules::Rule& rule);
    void report(const QString& message, bool problem);
    void updateActions();
    QString selectedRuleId() const;
    void selectRowQuietly(int row);
    QString freeId(const QString& base) const;
    std::optional<RuleRow> rowOf(const QString& ruleId) const;

    QString m_storePath;
    QThreadPool* m_writes = nullptr;
    int m_pending = 0;
    bool m_selecting = false;
    QString m_editedId; // stored rule in the editor

    RuleListModel* m_model = nullptr;
    QTableView* m_list = nullptr;
    QLabel* m_banner = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_new = nullptr;
    QAction* m_newBlank = nullptr;
    QAction* m_newFromTemplate = nullptr;
    QPushButton* m_duplicate = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_up = nullptr;
    QPushButton* m_down = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_export = nullptr;
    QTabWidget* m_tabs = nullptr;
    RuleEditor* m_editor = nullptr;
    QListWidget* m_versions = nullptr;
    QPlainTextEdit* m_versionText = nullptr;
    QPushButton* m_restore = nullptr;
    std::vector<rules::RuleVersion> m_loadedVersions;
    std::vector<rules::BrokenRule> m_broken;
    RuleTesterPanel* m_tester = nullptr;
    WhatIfPanel* m_whatIf = nullptr;
    QPointer<RuleImportDialog> m_importDialog;

    Confirm m_confirm;
    TemplateChooser m_chooseTemplate;
    FileChooser m_chooseOpenFile;
    FileChooser m_chooseSaveFile;
};

} // namespace billbridge::widgets
