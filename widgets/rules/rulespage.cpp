#include "rules/rulespage.h"

#include "common/messagelabel.h"
#include "common/timeformat.h"
#include "rules/ruleeditor.h"
#include "rules/ruleimportdialog.h"
#include "rules/rulelistmodel.h"
#include "rules/ruletemplates.h"
#include "rules/ruletesterpanel.h"
#include "rules/whatifpanel.h"
#include "slack/slackwebhooks.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace billbridge::widgets {

namespace {

bool askQuestion(QWidget* parent, const QString& title, const QString& text)
{
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
}

std::optional<QString> askTemplate(QWidget* parent, const QList<rules::Rule>& templates)
{
    QStringList items;
    for (const rules::Rule& rule : templates)
        items.append(RulesPage::tr("%1 (%2)").arg(rule.name, rule.id));
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(parent, RulesPage::tr("New Rule from Template"),
                              RulesPage::tr("Template (installed disabled):"), items, 0, false, &ok);
    const qsizetype index = items.indexOf(chosen);
    if (!ok || index < 0)
        return std::nullopt;
    return templates.at(index).id;
}

QString askOpenFile(QWidget* parent, const QString& suggestion)
{
    return QFileDialog::getOpenFileName(parent, RulesPage::tr("Import Rules"), suggestion,
                                        RulesPage::tr("Rule files (*.json);;All files (*)"));
}

QString askSaveFile(QWidget* parent, const QString& suggestion)
{
    return QFileDialog::getSaveFileName(parent, RulesPage::tr("Export Rules"), suggestion,
                                        RulesPage::tr("Rule files (*.json)"));
}

} // namespace

RulesPage::RulesPage(QString storePath, QWidget* parent)
    : QWidget(parent)
    , m_storePath(std::move(storePath))
    , m_confirm(askQuestion)
    , m_chooseTemplate(askTemplate)
    , m_chooseOpenFile(askOpenFile)
    , m_chooseSaveFile(askSaveFile)
{
    setObjectName(QStringLiteral("dunning-rulesPage"));
    qRegisterMetaType<RulesResult>();
    // One change after another, in the order the operator made them.
    m_writes = new QThreadPool(this);
    m_writes->setMaxThreadCount(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("brokenRulesBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8a1c13; padding: 6px; "
                                           "border: 1px solid #e8b4ae; border-radius: 3px; }"));
    m_banner->hide();
    layout->addWidget(m_banner);

    // The list, the editor and the panels need more width than a small screen has; scrolling the page
    // keeps the main window's minimum size (the largest page's) usable on a laptop.
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* splitter = new QSplitter(Qt::Horizontal, scroll);
    splitter->addWidget(createListPane());

    m_tabs = new QTabWidget(splitter);
    m_editor = new RuleEditor(m_tabs);
    m_tabs->addTab(m_editor, QString());
    m_tabs->addTab(createVersionsTab(), QString());
    const RuleSource source = [this](RuleScope scope) { return rulesFor(scope); };
    m_tester = new RuleTesterPanel(m_storePath, source, m_tabs);
    m_tabs->addTab(m_tester, QString());
    m_whatIf = new WhatIfPanel(m_storePath, source, m_tabs);
    m_tabs->addTab(m_whatIf, QString());
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    scroll->setWidget(splitter);
    layout->addWidget(scroll, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("rulesStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    layout->addWidget(m_status);

    connect(m_editor, &RuleEditor::saveRequested, this, &RulesPage::saveEdited);
    connect(m_whatIf, &WhatIfPanel::eventRequested, this, &RulesPage::eventRequested);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_tester)
            m_tester->refreshRecentEvents();
    });
    connect(m_model, &RuleListModel::enabledToggled, this, [this](const QString& id, bool enabled) {
        const QString path = m_storePath;
        start([path, id, enabled] { return rulesbackend::setEnabled(path, id, enabled); }, currentRuleId(),
              [this, id, enabled](const RulesResult& result) {
                  if (result.ok)
                      report(enabled ? tr("Rule '%1' is enabled: new events can fire it.").arg(id)
                                     : tr("Rule '%1' is disabled: it fires no more.").arg(id),
                             false);
              });
    });
    QStringList webhookNames;
    for (const auto& [name, webhook] :
         slack::loadSlackWebhooks(nullptr, QProcessEnvironment::systemEnvironment()).webhooks)
        webhookNames.append(name);
    m_editor->setWebhookNames(webhookNames);
    retranslate();
    updateActions();
    reload();
}

void RulesPage::setWebhookNames(const QStringList& names)
{
    m_editor->setWebhookNames(names);
}

void RulesPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RulesPage::retranslate()
{
    m_tabs->setTabText(int(Tab::Editor), tr("Editor"));
    m_tabs->setTabText(int(Tab::Versions), tr("Versions"));
    m_tabs->setTabText(int(Tab::Tester), tr("Test on an Event"));
    m_tabs->setTabText(int(Tab::WhatIf), tr("What If"));
    m_new->setText(tr("New Rule"));
    m_newBlank->setText(tr("Blank Rule"));
    m_newFromTemplate->setText(tr("From Template…"));
    m_duplicate->setText(tr("Duplicate"));
    m_delete->setText(tr("Delete…"));
    m_up->setText(tr("Move Up"));
    m_down->setText(tr("Move Down"));
    m_import->setText(tr("Import…"));
    m_export->setText(tr("Export…"));
    m_versionText->setPlaceholderText(tr("Select a version to see its definition."));
    m_restore->setText(tr("Open in Editor"));
    m_restore->setToolTip(tr("Puts this version into the editor; saving it makes it the newest version"));
    // The list's header and its on/off column are the model's words.
    emit m_model->headerDataChanged(Qt::Horizontal, 0, RuleListModel::ColumnCount - 1);
    if (m_model->rowCount() > 0)
        emit m_model->dataChanged(m_model->index(0, 0),
                                  m_model->index(m_model->rowCount() - 1, RuleListModel::ColumnCount - 1),
                                  {Qt::DisplayRole});
    showBrokenRules();
    showVersionList();
}

RulesPage::~RulesPage()
{
    m_whatIf->cancel();
    // Changes already handed to the store finish; their answers have nowhere to go.
    m_writes->waitForDone();
}

QWidget* RulesPage::createListPane()
{
    auto* pane = new QWidget(this);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    m_model = new RuleListModel(this);
    m_list = new QTableView(pane);
    m_list->setObjectName(QStringLiteral("rulesList"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->setWordWrap(false);
    layout->addWidget(m_list, 1);

    auto* row = new QHBoxLayout;
    m_new = new QPushButton(pane);
    auto* newMenu = new QMenu(m_new);
    m_newBlank = newMenu->addAction(QString(), this, &RulesPage::newBlankRule);
    m_newFromTemplate = newMenu->addAction(QString(), this, &RulesPage::newFromTemplate);
    m_new->setMenu(newMenu);
    m_duplicate = new QPushButton(pane);
    m_delete = new QPushButton(pane);
    m_up = new QPushButton(pane);
    m_down = new QPushButton(pane);
    for (QPushButton* button : {m_new, m_duplicate, m_delete, m_up, m_down})
        row->addWidget(button);
    row->addStretch(1);
    layout->addLayout(row);
    auto* fileRow = new QHBoxLayout;
    m_import = new QPushButton(pane);
    m_export = new QPushButton(pane);
    fileRow->addWidget(m_import);
    fileRow->addWidget(m_export);
    fileRow->addStretch(1);
    layout->addLayout(fileRow);

    connect(m_duplicate, &QPushButton::clicked, this, &RulesPage::duplicateSelected);
    connect(m_delete, &QPushButton::clicked, this, &RulesPage::deleteSelected);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(1); });
    connect(m_import, &QPushButton::clicked, this, &RulesPage::importRules);
    connect(m_export, &QPushButton::clicked, this, &RulesPage::exportRules);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RulesPage::onSelectionChanged);
    return pane;
}

QWidget* RulesPage::createVersionsTab()
{
    auto* tab = new QWidget(this);
    auto* layout = new QVBoxLayout(tab);
    auto* splitter = new QSplitter(Qt::Vertical, tab);
    m_versions = new QListWidget(splitter);
    m_versions->setObjectName(QStringLiteral("ruleVersions"));
    m_versionText = new QPlainTextEdit(splitter);
    m_versionText->setReadOnly(true);
    m_versionText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    splitter->addWidget(m_versions);
    splitter->addWidget(m_versionText);
    layout->addWidget(splitter, 1);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    m_restore = new QPushButton(tab);
    m_restore->setEnabled(false);
    row->addWidget(m_restore);
    layout->addLayout(row);
    connect(m_versions, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= int(m_loadedVersions.size())) {
            m_versionText->clear();
            m_restore->setEnabled(false);
            return;
        }
        const rules::RuleVersion& version = m_loadedVersions.at(row);
        const QJsonDocument document = QJsonDocument::fromJson(version.definition);
        m_versionText->setPlainText(document.isNull()
                                        ? QString::fromUtf8(version.definition)
                                        : QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
        m_restore->setEnabled(version.rule.has_value() && m_editor->hasRule() && !m_editor->isNew());
    });
    connect(m_restore, &QPushButton::clicked, this, &RulesPage::restoreSelectedVersion);
    return tab;
}

RuleImportDialog* RulesPage::importDialog() const
{
    return m_importDialog;
}

void RulesPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void RulesPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Another console or the command line may have changed the rules meanwhile.
    if (!isBusy() && !m_editor->isModified())
        reload();
}

QList<rules::Rule> RulesPage::rulesFor(RuleScope scope) const
{
    const bool editedUsable = m_editor->hasRule() && !m_editor->hasErrors();
    const rules::Rule edited = m_editor->rule();
    if (scope == RuleScope::EditedRule)
        return editedUsable ? QList<rules::Rule>{edited} : QList<rules::Rule>{};
    QList<rules::Rule> rules;
    bool editedPlaced = false;
    for (const RuleRow& row : m_model->rows()) {
        if (editedUsable && !m_editor->isNew() && row.rule.id == m_editedId) {
            rules.append(edited);
            editedPlaced = true;
        } else {
            rules.append(row.rule);
        }
    }
    if (editedUsable && !editedPlaced)
        rules.append(edited);
    return rules;
}

void RulesPage::start(const std::function<RulesResult()>& call, const QString& selectAfter,
                      const std::function<void(const RulesResult&)>& then)
{
    ++m_pending;
    updateActions();
    auto* watcher = new QFutureWatcher<RulesResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, selectAfter, then] {
        watcher->deleteLater();
        --m_pending;
        const RulesResult result = watcher->result();
        if (result.snapshot)
            applySnapshot(*result.snapshot, selectAfter);
        if (!result.error.isEmpty())
            report(result.error, true);
        if (then)
            then(result);
        updateActions();
        emit actionFinished();
    });
    watcher->setFuture(QtConcurrent::run(m_writes, call));
}

void RulesPage::reload()
{
    const QString path = m_storePath;
    start(
        [path] {
            if (!QFileInfo::exists(path)) {
                RulesResult result;
                result.ok = true;
                result.snapshot = RulesSnapshot{};
                return result;
            }
            return rulesbackend::load(path);
        },
        currentRuleId());
}

void RulesPage::applySnapshot(const RulesSnapshot& snapshot, const QString& selectId)
{
    m_selecting = true;
    m_model->setRows(snapshot.rows);
    m_selecting = false;

    m_broken = snapshot.broken;
    showBrokenRules();

    const bool keepEdits = m_editor->isModified();
    if (!selectId.isEmpty() && m_model->rowOf(selectId) >= 0) {
        selectRowQuietly(m_model->rowOf(selectId));
        if (const auto row = rowOf(selectId); row && (!keepEdits || m_editedId != selectId)) {
            m_editedId = selectId;
            m_editor->setRule(row->rule, false);
            loadVersions(selectId);
        }
    } else if (!m_editor->isNew()) {
        if (!m_editedId.isEmpty() && m_model->rowOf(m_editedId) < 0) {
            m_editedId.clear();
            m_editor->clear();
            m_versions->clear();
            m_loadedVersions.clear();
        }
    }
    updateActions();
}

void RulesPage::showBrokenRules()
{
    if (m_broken.empty()) {
        m_banner->hide();
        return;
    }
    QStringList lines;
    for (const rules::BrokenRule& broken : m_broken)
        lines.append(tr("• '%1' (version %2): %3").arg(broken.id).arg(broken.version).arg(broken.problem));
    m_banner->setText(tr("%n stored rule(s) cannot be read and are skipped when events arrive:", nullptr,
                         int(m_broken.size())) +
                      QLatin1Char('\n') + lines.join(QLatin1Char('\n')) + QLatin1Char('\n') +
                      tr("Import a corrected definition with the same id (Import…), or restore an earlier "
                         "version with billbridge-cli, to bring the rule back."));
    m_banner->show();
}

std::optional<RuleRow> RulesPage::rowOf(const QString& ruleId) const
{
    const int row = m_model->rowOf(ruleId);
    if (row < 0)
        return std::nullopt;
    return m_model->rows().at(row);
}

QString RulesPage::selectedRuleId() const
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    return current.isValid() ? current.data(RuleListModel::RuleIdRole).toString() : QString();
}

QString RulesPage::currentRuleId() const
{
    return m_editor->isNew() ? QString() : m_editedId;
}

void RulesPage::selectRowQuietly(int row)
{
    m_selecting = true;
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row, RuleListModel::Name));
    else
        m_list->selectionModel()->clear();
    m_selecting = false;
}

bool RulesPage::selectRule(const QString& ruleId)
{
    const int row = m_model->rowOf(ruleId);
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_model->index(row, RuleListModel::Name));
    return m_editedId == ruleId;
}

void RulesPage::onSelectionChanged()
{
    if (m_selecting)
        return;
    const QString id = selectedRuleId();
    if (id.isEmpty() || (id == m_editedId && !m_editor->isNew()))
        return;
    if (m_editor->isModified() &&
        !m_confirm(this, tr("Discard Changes"),
                   tr("The rule in the editor has changes that are not saved. Discard them?"))) {
        selectRowQuietly(m_model->rowOf(m_editedId));
        return;
    }
    const auto row = rowOf(id);
    if (!row)
        return;
    m_editedId = id;
    m_editor->setRule(row->rule, false);
    loadVersions(id);
    updateActions();
}

void RulesPage::loadVersions(const QString& ruleId)
{
    m_versions->clear();
    m_loadedVersions.clear();
    m_versionText->clear();
    auto* watcher = new QFutureWatcher<RulesResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, ruleId] {
        watcher->deleteLater();
        if (ruleId != m_editedId)
            return;
        const RulesResult result = watcher->result();
        m_loadedVersions = result.versions;
        m_versions->clear();
        for (int i = 0; i < int(m_loadedVersions.size()); ++i)
            m_versions->addItem(QString());
        showVersionList();
        if (!result.error.isEmpty())
            report(result.error, true);
        emit versionsLoaded();
    });
    const QString path = m_storePath;
    watcher->setFuture(
        QtConcurrent::run(m_writes, [path, ruleId] { return rulesbackend::versions(path, ruleId); }));
}

void RulesPage::showVersionList()
{
    for (int row = 0; row < m_versions->count() && row < int(m_loadedVersions.size()); ++row) {
        const rules::RuleVersion& version = m_loadedVersions.at(row);
        QString text = tr("version %1 — %2 by %3, %4")
                           .arg(version.version)
                           .arg(formatTableTime(version.savedAtMs / 1000),
                                version.savedBy.isEmpty() ? tr("unknown") : version.savedBy,
                                version.enabled ? tr("enabled") : tr("disabled"));
        if (!version.rule)
            text += tr(" (no longer readable)");
        m_versions->item(row)->setText(text);
    }
}

QString RulesPage::freeId(const QString& base) const
{
    QString id = base.left(60);
    for (int n = 2; m_model->rowOf(id) >= 0; ++n)
        id = base.left(60) + QLatin1Char('-') + QString::number(n);
    return id;
}

void RulesPage::newBlankRule()
{
    if (m_editor->isModified() &&
        !m_confirm(this, tr("Discard Changes"),
                   tr("The rule in the editor has changes that are not saved. Discard them?")))
        return;
    rules::Rule rule;
    rule.id = freeId(QStringLiteral("new-rule"));
    rule.name = tr("New rule");
    m_editedId.clear();
    m_list->selectionModel()->clear();
    m_versions->clear();
    m_loadedVersions.clear();
    m_editor->setRule(rule, true);
    showTab(Tab::Editor);
    m_editor->idEdit()->setFocus();
    report(tr("Give the rule an id, triggers and actions, then save it. New rules start disabled."), false);
}

void RulesPage::newFromTemplate()
{
    if (m_editor->isModified() &&
        !m_confirm(this, tr("Discard Changes"),
                   tr("The rule in the editor has changes that are not saved. Discard them?")))
        return;
    const QList<rules::Rule> templates = rules::ruleTemplates();
    const std::optional<QString> chosen = m_chooseTemplate(this, templates);
    if (!chosen)
        return;
    std::optional<rules::Rule> rule = rules::ruleTemplate(*chosen);
    if (!rule) {
        report(tr("There is no template '%1'.").arg(*chosen), true);
        return;
    }
    rule->id = freeId(rule->id);
    rule->enabled = false; // installed for review; the operator enables it
    const QString path = m_storePath;
    const rules::Rule toSave = *rule;
    start([path, toSave] { return rulesbackend::save(path, toSave); }, toSave.id,
          [this, toSave](const RulesResult& result) {
              if (result.ok)
                  report(tr("Template installed as '%1', disabled. Adjust message ids, webhook names and "
                            "delays, save, then enable it.")
                             .arg(toSave.id),
                         false);
          });
    showTab(Tab::Editor);
}

void RulesPage::duplicateSelected()
{
    const auto row = rowOf(selectedRuleId());
    if (!row)
        return;
    if (m_editor->isModified() &&
        !m_confirm(this, tr("Discard Changes"),
                   tr("The rule in the editor has changes that are not saved. Discard them?")))
        return;
    rules::Rule copy = row->rule;
    copy.id = freeId(copy.id + QStringLiteral("-copy"));
    copy.name = tr("%1 (copy)").arg(copy.name);
    copy.enabled = false;
    copy.version = 0;
    m_editedId.clear();
    m_list->selectionModel()->clear();
    m_versions->clear();
    m_loadedVersions.clear();
    m_editor->setRule(copy, true);
    showTab(Tab::Editor);
    report(tr("The copy is not saved yet; adjust it and save."), false);
}

void RulesPage::deleteSelected()
{
    const QString id = selectedRuleId();
    if (id.isEmpty())
        return;
    if (!m_confirm(this, tr("Delete Rule"),
                   tr("Delete rule '%1'? Jobs it already queued stay in the queue; its versions stay in "
                      "the audit log.")
                       .arg(id)))
        return;
    const QString path = m_storePath;
    if (m_editedId == id) {
        m_editedId.clear();
        m_editor->clear();
    }
    start([path, id] { return rulesbackend::remove(path, id); }, QString(),
          [this, id](const RulesResult& result) {
              if (result.ok)
                  report(tr("Rule '%1' was deleted.").arg(id), false);
          });
}

void RulesPage::moveSelected(int delta)
{
    const auto row = rowOf(selectedRuleId());
    if (!row)
        return;
    const int target = row->rule.position + delta;
    if (target < 0 || target >= m_model->rowCount())
        return;
    const QString path = m_storePath;
    const QString id = row->rule.id;
    start([path, id, target] { return rulesbackend::move(path, id, target); }, id);
}

void RulesPage::saveEdited(const rules::Rule& edited)
{
    if (isBusy())
        return;
    rules::Rule rule = edited;
    // The enabled flag belongs to the list (audited on its own); a save keeps what is stored.
    const auto stored = rowOf(rule.id);
    if (m_editor->isNew() && stored) {
        m_editor->showStoreProblems(
            {rules::RuleProblem{rules::RuleProblem::Severity::Error, rule.id, QStringLiteral("id"),
                                tr("a rule with this id exists already; choose another id")}});
        report(tr("Not saved: rule '%1' exists already. Choose another id.").arg(rule.id), true);
        return;
    }
    rule.enabled = stored ? stored->rule.enabled : false;
    const QString path = m_storePath;
    m_editor->setBusy(true);
    start([path, rule] { return rulesbackend::save(path, rule); }, QString(),
          [this](const RulesResult& result) {
              m_editor->setBusy(false);
              if (!result.problems.isEmpty() && !result.saved) {
                  m_editor->showStoreProblems(result.problems);
                  return;
              }
              if (!result.saved)
                  return;
              m_editedId = result.saved->id;
              selectRowQuietly(m_model->rowOf(m_editedId));
              m_editor->setRule(*result.saved, false);
              loadVersions(m_editedId);
              report(tr("Rule '%1' saved as version %2.").arg(result.saved->id).arg(result.saved->version),
                     false);
          });
}

void RulesPage::restoreSelectedVersion()
{
    const int row = m_versions->currentRow();
    if (row < 0 || row >= int(m_loadedVersions.size()) || !m_loadedVersions.at(row).rule)
        return;
    m_editor->editFrom(*m_loadedVersions.at(row).rule);
    showTab(Tab::Editor);
    report(tr("Version %1 is in the editor; save it to make it the newest version.")
               .arg(m_loadedVersions.at(row).version),
           false);
}

void RulesPage::importRules()
{
    const QString fileName = m_chooseOpenFile(this, QString());
    if (fileName.isEmpty())
        return;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        report(tr("%1 could not be read: %2. Check the file name and permissions.")
                   .arg(QFileInfo(fileName).fileName(), file.errorString()),
               true);
        return;
    }
    const QByteArray json = file.readAll();
    if (m_importDialog)
        m_importDialog->deleteLater();
    m_importDialog = new RuleImportDialog(m_storePath, fileName, json, this);
    m_importDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_importDialog, &RuleImportDialog::imported, this, [this](const RulesResult& result) {
        if (result.snapshot)
            applySnapshot(*result.snapshot, currentRuleId());
        const rules::ImportPreview& preview = *result.import;
        report(tr("Imported: %1 added, %2 changed, %3 removed.")
                   .arg(preview.added.size())
                   .arg(preview.changed.size())
                   .arg(preview.removed.size()),
               false);
        emit actionFinished();
    });
    m_importDialog->open();
}

void RulesPage::exportRules()
{
    const QString fileName = m_chooseSaveFile(this, QStringLiteral("billbridge-rules.json"));
    if (fileName.isEmpty())
        return;
    const QString path = m_storePath;
    start([path] { return rulesbackend::exportAll(path); }, currentRuleId(),
          [this, fileName](const RulesResult& result) {
              if (!result.ok)
                  return;
              QSaveFile file(fileName);
              if (!file.open(QIODevice::WriteOnly) || file.write(result.exported) != result.exported.size() ||
                  !file.commit()) {
                  report(tr("The rules could not be written to %1: %2. Choose another place.")
                             .arg(QFileInfo(fileName).fileName(), file.errorString()),
                         true);
                  return;
              }
              report(tr("%n rule(s) exported to %1.", nullptr, m_model->rowCount())
                         .arg(QFileInfo(fileName).fileName()),
                     false);
          });
}

void RulesPage::report(const QString& message, bool problem)
{
    showMessage(m_status, message, problem);
}

void RulesPage::updateActions()
{
    const bool idle = !isBusy();
    const auto selected = rowOf(selectedRuleId());
    m_new->setEnabled(idle);
    m_duplicate->setEnabled(idle && selected.has_value());
    m_delete->setEnabled(idle && selected.has_value());
    m_up->setEnabled(idle && selected && selected->rule.position > 0);
    m_down->setEnabled(idle && selected && selected->rule.position + 1 < m_model->rowCount());
    m_import->setEnabled(idle);
    m_export->setEnabled(idle);
}

} // namespace billbridge::widgets
