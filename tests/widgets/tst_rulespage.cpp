// The console's Dunning Rules page over a real store: installing templates, editing and saving versions,
// refusing invalid rules, reordering, enabling, importing, and trying rules on stored events (tester and
// what-if), with events written through the real EventWriter and sync engine; editing actions in the form
// in step with the JSON, and switching the language at run time.

#include "common/timeformat.h"
#include "common/translations.h"
#include "rules/actionseditor.h"
#include "rules/ruleeditor.h"
#include "rules/ruleimportdialog.h"
#include "rules/rulelistmodel.h"
#include "rules/rulespage.h"
#include "rules/rulestore.h"
#include "rules/ruletemplates.h"
#include "rules/ruletesterpanel.h"
#include "rules/whatifpanel.h"
#include "store/eventwriter.h"
#include "support/fixtures.h"
#include "support/tempstore.h"
#include "sync/syncengine.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

#include <memory>

using namespace billbridge;
using billbridge::test::Fixtures;
using billbridge::test::TempStore;
using widgets::ActionsEditor;
using widgets::RuleListModel;
using widgets::RulesPage;
using Source = widgets::ActionsEditor::SourceChoice;

namespace {

constexpr std::int64_t kLastFixtureEvent = 1795019714; // maren's dispute, the newest fixture event
constexpr std::int64_t kJustAfterTheStoriesMs = (kLastFixtureEvent + 1) * 1000;
constexpr std::int64_t kTenYearsMs = 10LL * 365 * 24 * 3600 * 1000;
const QString kFirstFailure = QStringLiteral("maren-10-invoice.payment_failed");
const QString kMaren = QStringLiteral("cus_T3stAaIU7yYiYe");

QString idOf(const QString& fixture)
{
    return TempStore::incoming(Fixtures::load(fixture)).fields.id;
}

std::int64_t createdOf(const QString& fixture)
{
    return TempStore::incoming(Fixtures::load(fixture)).fields.created;
}

// Every fixture event, one request each as webhooks arrive, through the writer with the sync engine.
bool storeStories(const QString& path)
{
    store::EventWriter writer(path);
    sync::SyncOptions options;
    options.horizonMs = kTenYearsMs;
    sync::SyncEngine::install(writer, options, [] { return kJustAfterTheStoriesMs; });
    writer.start();
    for (const QString& name : Fixtures::names()) {
        store::WriteRequest request;
        request.events.push_back(TempStore::incoming(Fixtures::load(name)));
        if (!writer.write(std::move(request)).committed)
            return false;
    }
    writer.stop();
    return true;
}

struct Page {
    explicit Page(const QString& path)
        : page(path)
        , tester(page.model())
    {
        page.setConfirm([this](QWidget*, const QString&, const QString& text) {
            questions.append(text);
            return answer;
        });
        page.resize(1200, 800);
        page.show();
    }

    RulesPage page;
    QAbstractItemModelTester tester;
    QStringList questions;
    bool answer = true;
};

bool idle(RulesPage& page)
{
    return QTest::qWaitFor([&] { return !page.isBusy(); }, 20000);
}

bool install(RulesPage& page, const QString& templateId)
{
    page.setTemplateChooser([templateId](QWidget*, const QList<rules::Rule>&) { return templateId; });
    page.newFromTemplate();
    return idle(page);
}

std::optional<rules::Rule> stored(const QString& path, const QString& id)
{
    rules::RuleStore store = rules::RuleStore::open(path);
    return store.find(id);
}

QStringList storedIds(const QString& path)
{
    rules::RuleStore store = rules::RuleStore::open(path);
    QStringList ids;
    for (const rules::Rule& rule : store.list())
        ids.append(rule.id);
    return ids;
}

QStringList problemTexts(const widgets::RuleEditor* editor)
{
    QStringList texts;
    for (int row = 0; row < editor->problemList()->count(); ++row)
        texts.append(editor->problemList()->item(row)->text());
    return texts;
}

// Through the Add button's menu, as an operator picks the type.
bool addAction(ActionsEditor* form, rules::ActionType type)
{
    for (QAction* action : form->addButton()->menu()->actions()) {
        if (action->data().toInt() == int(type)) {
            action->trigger();
            return true;
        }
    }
    return false;
}

// A data row through the table's own widgets: Add, the name cell, the source combo, the value cell or combo.
bool addDataRow(ActionsEditor* form, const QString& key, Source source, const QString& value)
{
    QTableWidget* table = form->dataTable();
    QTest::mouseClick(form->findChild<QPushButton*>(QStringLiteral("addDataField")), Qt::LeftButton);
    const int row = table->rowCount() - 1;
    if (row < 0)
        return false;
    table->item(row, ActionsEditor::KeyColumn)->setText(key);
    auto* sourceChoice = qobject_cast<QComboBox*>(table->cellWidget(row, ActionsEditor::SourceColumn));
    if (!sourceChoice)
        return false;
    sourceChoice->setCurrentIndex(sourceChoice->findData(int(source)));
    if (source == Source::Derived) {
        auto* names = qobject_cast<QComboBox*>(table->cellWidget(row, ActionsEditor::ValueColumn));
        if (!names || names->findData(value) < 0)
            return false;
        names->setCurrentIndex(names->findData(value));
    } else {
        if (table->cellWidget(row, ActionsEditor::ValueColumn))
            return false; // a leftover derived-value combo would hide the text
        table->item(row, ActionsEditor::ValueColumn)->setText(value);
    }
    return true;
}

QJsonObject parseObject(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

// Every action type with every kind of value source, including what the form can only keep: an object
// literal, and a message id written as text that looks like a number.
const QByteArray kEveryActionType = R"({
  "id": "every-action", "name": "Every action", "trigger": ["invoice.payment_failed"],
  "conditions": [{"field": "attempt_count", "op": "eq", "value": 1}],
  "delay_seconds": 3600, "exits": ["invoice.paid"], "fire_on_history": false,
  "actions": [
    {"type": "track_event", "name": "dunning_attempt_1", "data": {
      "amount_due": {"path": "data.object.amount_due"}, "context": {"literal": {"source": "stripe", "n": [1, 2]}},
      "plan": {"derived": "plan_name"}, "ratio": {"literal": 4.5}, "unset": {"literal": null}}},
    {"type": "send_transactional", "transactional_message_id": "12", "data": {
      "invoice_url": {"derived": "hosted_invoice_url"}, "greeting": {"literal": "Hello"}}},
    {"type": "send_transactional", "transactional_message_id": 101},
    {"type": "trigger_broadcast", "broadcast_id": "201", "data": {"tier": {"derived": "plan_tier"}}},
    {"type": "set_attributes", "attributes": {"churn_risk": {"literal": true},
      "last_failed_invoice": {"path": "data.object.id"}}},
    {"type": "slack", "webhook": "billing-alerts", "text": "{{customer_name}} failed {{attempt_count}}x"}
  ]
})";

QTreeWidgetItem* topItem(QTreeWidget* tree, const QString& text)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == text)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestRulesPage : public QObject {
    Q_OBJECT

private slots:
    void installedTemplateIsDisabledAtVersionOne()
    {
        TempStore store;
        Page fixture(store.path());
        RulesPage& page = fixture.page;
        QVERIFY(idle(page));
        QCOMPARE(page.model()->rowCount(), 0);

        QVERIFY(install(page, QStringLiteral("dunning-attempt-1")));
        QCOMPARE(page.model()->rowCount(), 1);
        const QModelIndex enabled = page.model()->index(0, RuleListModel::Enabled);
        QCOMPARE(enabled.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QCOMPARE(page.model()->index(0, RuleListModel::Version).data().toInt(), 1);
        QCOMPARE(page.model()->index(0, RuleListModel::Position).data().toInt(), 1);
        QVERIFY(page.model()
                    ->index(0, RuleListModel::Actions)
                    .data()
                    .toString()
                    .contains(QLatin1String("send_transactional 101")));
        QVERIFY(!page.model()->index(0, RuleListModel::Changed).data().toString().isEmpty());
        QCOMPARE(page.currentRuleId(), QStringLiteral("dunning-attempt-1"));
        QVERIFY(page.editor()->versionLabel()->text().contains(QLatin1String("version 1")));

        const auto rule = stored(store.path(), QStringLiteral("dunning-attempt-1"));
        QVERIFY(rule);
        QVERIFY(!rule->enabled);
        QCOMPARE(rule->version, 1);

        // A second install of the same template gets an id of its own instead of overwriting the first.
        QVERIFY(install(page, QStringLiteral("dunning-attempt-1")));
        QCOMPARE(storedIds(store.path()),
                 QStringList({QStringLiteral("dunning-attempt-1"), QStringLiteral("dunning-attempt-1-2")}));
    }

    void editedConditionSavesVersionTwo()
    {
        TempStore store;
        Page fixture(store.path());
        RulesPage& page = fixture.page;
        QVERIFY(idle(page));
        QVERIFY(install(page, QStringLiteral("dunning-attempt-1")));
        widgets::RuleEditor* editor = page.editor();
        QVERIFY(!editor->saveButton()->isEnabled()); // nothing changed yet

        QTableWidget* conditions = editor->conditionsTable();
        QCOMPARE(conditions->rowCount(), 1);
        QCOMPARE(conditions->item(0, 0)->text(), QStringLiteral("attempt_count"));
        conditions->item(0, 2)->setText(QStringLiteral("2"));
        QVERIFY(editor->isModified());
        QVERIFY(editor->jsonEdit()->toPlainText().contains(QLatin1String("\"value\": 2")));
        QVERIFY(editor->saveButton()->isEnabled());
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QVERIFY(idle(page));

        const auto rule = stored(store.path(), QStringLiteral("dunning-attempt-1"));
        QVERIFY(rule);
        QCOMPARE(rule->version, 2);
        QCOMPARE(rule->conditions.value(0).value.toInt(), 2);
        QVERIFY(editor->versionLabel()->text().contains(QLatin1String("version 2")));
        QCOMPARE(page.model()->index(0, RuleListModel::Version).data().toInt(), 2);
        QVERIFY(!editor->isModified());
        QTRY_COMPARE(page.versionList()->count(), 2);
        QVERIFY(page.versionList()->item(0)->text().startsWith(QLatin1String("version 2")));

        // The earlier version can be viewed and brought back as the newest one.
        page.versionList()->setCurrentRow(1);
        QVERIFY(page.versionText()->toPlainText().contains(QLatin1String("\"value\": 1")));
        page.restoreSelectedVersion();
        QCOMPARE(conditions->item(0, 2)->text(), QStringLiteral("1"));
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QVERIFY(idle(page));
        QCOMPARE(stored(store.path(), QStringLiteral("dunning-attempt-1"))->version, 3);
        QCOMPARE(stored(store.path(), QStringLiteral("dunning-attempt-1"))->conditions.value(0).value.toInt(),
                 1);
    }

    void invalidRuleShowsTheProblemAndStoresNothing()
    {
        TempStore store;
        Page fixture(store.path());
        RulesPage& page = fixture.page;
        QVERIFY(idle(page));
        page.newBlankRule();
        widgets::RuleEditor* editor = page.editor();
        QVERIFY(editor->isNew());
        QTest::keyClicks(editor->idEdit(), QStringLiteral("-bad"));
        // No trigger and no action: errors, and Save stays off.
        QVERIFY(editor->hasErrors());
        QVERIFY(!editor->saveButton()->isEnabled());
        QVERIFY(problemTexts(editor).join(QLatin1Char('\n')).contains(QLatin1String("trigger")));

        editor->addTrigger(QStringLiteral("invoice.payment_failed"));
        // A bad operator typed into the definition is reported with its path.
        QJsonObject json = QJsonDocument::fromJson(editor->jsonEdit()->toPlainText().toUtf8()).object();
        json[QStringLiteral("conditions")] =
            QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("attempt_count")},
                                   {QStringLiteral("op"), QStringLiteral("equals")},
                                   {QStringLiteral("value"), 1}}};
        json[QStringLiteral("actions")] =
            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("track_event")},
                                   {QStringLiteral("name"), QStringLiteral("failed")}}};
        editor->jsonEdit()->setPlainText(QString::fromUtf8(QJsonDocument(json).toJson()));
        QTRY_VERIFY(problemTexts(editor).join(QLatin1Char('\n')).contains(QLatin1String("conditions[0].op")));
        QVERIFY(!editor->jsonReadable());
        QVERIFY(editor->hasErrors());
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QVERIFY(idle(page));

        // JSON that does not parse at all says where.
        editor->jsonEdit()->setPlainText(QStringLiteral("{\"id\": "));
        QTRY_VERIFY(problemTexts(editor).join(QLatin1Char('\n')).contains(QLatin1String("does not parse")));
        QVERIFY(!editor->saveButton()->isEnabled());
        QVERIFY(storedIds(store.path()).isEmpty());

        // Corrected, the same rule saves.
        json[QStringLiteral("conditions")] =
            QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("attempt_count")},
                                   {QStringLiteral("op"), QStringLiteral("eq")},
                                   {QStringLiteral("value"), 1}}};
        editor->jsonEdit()->setPlainText(QString::fromUtf8(QJsonDocument(json).toJson()));
        QTRY_VERIFY(editor->jsonReadable() && !editor->hasErrors());
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QVERIFY(idle(page));
        QCOMPARE(storedIds(store.path()), QStringList{QStringLiteral("new-rule-bad")});
        QVERIFY(!stored(store.path(), QStringLiteral("new-rule-bad"))->enabled);
    }

    void rulesMoveUpAndDown()
    {
        TempStore store;
        Page fixture(store.path());
        RulesPage& page = fixture.page;
        QVERIFY(idle(page));
        QVERIFY(install(page, QStringLiteral("dunning-attempt-1")));
        QVERIFY(install(page, QStringLiteral("dunning-attempt-2")));
        QVERIFY(install(page, QStringLiteral("trial-ending")));
        QCOMPARE(storedIds(store.path()),
                 QStringList({QStringLiteral("dunning-attempt-1"), QStringLiteral("dunning-attempt-2"),
                              QStringLiteral("trial-ending")}));
        QVERIFY(page.selectRule(QStringLiteral("trial-ending")));
        page.moveSelected(-1);
        QVERIFY(idle(page));
        page.moveSelected(-1);
        QVERIFY(idle(page));
        QCOMPARE(storedIds(store.path()),
                 QStringList({QStringLiteral("trial-ending"), QStringLiteral("dunning-attempt-1"),
                              QStringLiteral("dunning-attempt-2")}));
        QCOMPARE(page.model()->index(0, RuleListModel::Position).data().toInt(), 1);
        QCOMPARE(page.model()->index(0, RuleListModel::Name).data(RuleListModel::RuleIdRole).toString(),
                 QStringLiteral("trial-ending"));
        QCOMPARE(page.currentRuleId(), QStringLiteral("trial-ending"));
        page.moveSelected(-1); // already first: nothing happens
        QVERIFY(idle(page));
        page.moveSelected(1);
        QVERIFY(idle(page));
        QCOMPARE(storedIds(store.path()).value(1), QStringLiteral("trial-ending"));
    }

    void enableTogglePersistsAndDeleteAsks()
    {
        TempStore store;
        {
            Page fixture(store.path());
            RulesPage& page = fixture.page;
            QVERIFY(idle(page));
            QVERIFY(install(page, QStringLiteral("trial-ending")));
            const QModelIndex enabled = page.model()->index(0, RuleListModel::Enabled);
            QVERIFY(page.model()->setData(enabled, Qt::Checked, Qt::CheckStateRole));
            QVERIFY(idle(page));
            QVERIFY(fixture.questions.isEmpty()); // toggling asks nothing
            QVERIFY(stored(store.path(), QStringLiteral("trial-ending"))->enabled);
            QVERIFY(page.statusLabel()->text().contains(QLatin1String("enabled")));
        }
        Page fixture(store.path());
        RulesPage& page = fixture.page;
        QVERIFY(idle(page));
        QCOMPARE(page.model()->index(0, RuleListModel::Enabled).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));

        // Saving an edit keeps the rule enabled.
        QVERIFY(page.selectRule(QStringLiteral("trial-ending")));
        page.editor()->nameEdit()->setText(QString());
        QTest::keyClicks(page.editor()->nameEdit(), QStringLiteral("Trial ends soon"));
        QTest::mouseClick(page.editor()->saveButton(), Qt::LeftButton);
        QVERIFY(idle(page));
        const auto rule = stored(store.path(), QStringLiteral("trial-ending"));
        QCOMPARE(rule->name, QStringLiteral("Trial ends soon"));
        QVERIFY(rule->enabled);

        fixture.answer = false;
        page.deleteSelected();
        QVERIFY(idle(page));
        QCOMPARE(fixture.questions.size(), 1);
        QCOMPARE(storedIds(store.path()).size(), 1);
        fixture.answer = true;
        page.deleteSelected();
        QVERIFY(idle(page));
        QVERIFY(storedIds(store.path()).isEmpty());
        QCOMPARE(page.model()->rowCount(), 0);
        QVERIFY(!page.editor()->hasRule());
    }

    void importWithAnErrorAppliesNothing()
    {
        TempStore store;
        QTemporaryDir dir;
        Page fixture(store.path());
        RulesPage& page = fixture.page;
        QVERIFY(idle(page));

        QJsonObject good = rules::ruleTemplate(QStringLiteral("trial-ending"))->toJson();
        QJsonObject bad = rules::ruleTemplate(QStringLiteral("dunning-attempt-1"))->toJson();
        bad[QStringLiteral("trigger")] = QJsonArray{};
        const QString path = dir.filePath(QStringLiteral("rules.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("rules"), QJsonArray{good, bad}}}).toJson());
        file.close();

        page.setOpenFileChooser([path](QWidget*, const QString&) { return path; });
        page.importRules();
        widgets::RuleImportDialog* dialog = page.importDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->preview().has_value());
        QVERIFY(!dialog->preview()->ok());
        QVERIFY(!dialog->applyButton()->isEnabled());
        const QString preview = dialog->previewText()->toPlainText();
        QVERIFY(preview.contains(QLatin1String("Error")));
        QVERIFY(preview.contains(QLatin1String("dunning-attempt-1")));
        dialog->apply(); // refused
        QVERIFY(QTest::qWaitFor([&] { return !dialog->isBusy(); }));
        QVERIFY(storedIds(store.path()).isEmpty());
        dialog->reject();

        // The corrected file previews what it adds and applies it.
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("rules"), QJsonArray{good}}}).toJson());
        file.close();
        page.importRules();
        dialog = page.importDialog();
        QTRY_VERIFY(dialog->preview().has_value() && !dialog->isBusy());
        QVERIFY(dialog->preview()->ok());
        QCOMPARE(dialog->preview()->added, QStringList{QStringLiteral("trial-ending")});
        QVERIFY(dialog->applyButton()->isEnabled());
        QSignalSpy finished(&page, &RulesPage::actionFinished);
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QCOMPARE(storedIds(store.path()), QStringList{QStringLiteral("trial-ending")});

        // Export writes a file that imports as unchanged.
        const QString exported = dir.filePath(QStringLiteral("export.json"));
        page.setSaveFileChooser([exported](QWidget*, const QString&) { return exported; });
        page.exportRules();
        QVERIFY(idle(page));
        QFile written(exported);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().contains("trial-ending"));
    }

    void brokenStoredRulesAreNamed()
    {
        TempStore store;
        {
            rules::RuleStore ruleStore = rules::RuleStore::open(store.path());
            ruleStore.save(*rules::ruleTemplate(QStringLiteral("trial-ending")));
        }
        {
            auto connection =
                store::SqliteConnection::open(store.path(), store::SqliteConnection::Access::ReadWrite);
            connection.exec("UPDATE rules SET definition = '{\"broken\": true}'");
        }
        Page fixture(store.path());
        QVERIFY(idle(fixture.page));
        QVERIFY(fixture.page.brokenBanner()->isVisible());
        QVERIFY(fixture.page.brokenBanner()->text().contains(QLatin1String("trial-ending")));
        QCOMPARE(fixture.page.model()->rowCount(), 0);
    }

    void testerShowsTheFailedPaymentRuleFiring()
    {
        TempStore store;
        QVERIFY(storeStories(store.path()));
        Page fixture(store.path());
        RulesPage& page = fixture.page;
        QVERIFY(idle(page));
        QVERIFY(install(page, QStringLiteral("dunning-attempt-1")));
        QVERIFY(install(page, QStringLiteral("dunning-attempt-2")));

        widgets::RuleTesterPanel* tester = page.tester();
        page.showTab(RulesPage::Tab::Tester);
        // The picker offers recent events of the trigger types only.
        QTRY_VERIFY(tester->recentEvents()->count() > 1);
        for (int i = 1; i < tester->recentEvents()->count(); ++i)
            QVERIFY(tester->recentEvents()->itemText(i).contains(QLatin1String("invoice.payment_failed")));

        const QString eventId = idOf(kFirstFailure);
        tester->eventIdEdit()->setText(eventId);
        QSignalSpy finished(tester, &widgets::RuleTesterPanel::finished);
        tester->run();
        QVERIFY(finished.wait(20000));

        QTreeWidgetItem* first = topItem(tester->results(), QStringLiteral("dunning-attempt-1"));
        QTreeWidgetItem* second = topItem(tester->results(), QStringLiteral("dunning-attempt-2"));
        QVERIFY(first && second);
        QCOMPARE(first->text(1), QStringLiteral("fires"));
        QCOMPARE(second->text(1), QStringLiteral("does not fire"));
        QVERIFY(second->text(2).contains(QLatin1String("attempt_count")));
        QCOMPARE(first->childCount(), 2);

        QTreeWidgetItem* email = first->child(0);
        QCOMPARE(email->text(0), QStringLiteral("app.sendEmail"));
        const QString due = widgets::formatTableTime(createdOf(kFirstFailure) + 3600);
        QCOMPARE(email->text(1), QStringLiteral("due ") + due);
        tester->results()->setCurrentItem(email);
        const QString detail = tester->jobDetail()->toPlainText();
        QVERIFY(detail.contains(QLatin1String("Operation: app.sendEmail")));
        QVERIFY(detail.contains(QLatin1String("Due: ") + due));
        QVERIFY(detail.contains(QLatin1String("invoice.paid")));
        QVERIFY(detail.contains(eventId + QLatin1String(":rule:dunning-attempt-1:0")));
        QVERIFY(detail.contains(QLatin1String("\"transactional_message_id\": 101")));
        QVERIFY(detail.contains(kMaren));
        QCOMPARE(first->child(1)->text(0), QStringLiteral("track.track"));
        QVERIFY(tester->statusLabel()->text().contains(eventId));

        // An unknown event says so.
        tester->eventIdEdit()->setText(QStringLiteral("evt_NotStoredHere"));
        tester->run();
        QVERIFY(finished.wait(20000));
        QCOMPARE(tester->results()->topLevelItemCount(), 0);
        QVERIFY(!tester->statusLabel()->text().isEmpty());

        // Only the edited (unsaved) rule: a changed condition makes the same event miss.
        QVERIFY(page.selectRule(QStringLiteral("dunning-attempt-1")));
        page.editor()->conditionsTable()->item(0, 2)->setText(QStringLiteral("3"));
        tester->scopeChoice()->setCurrentIndex(1);
        tester->eventIdEdit()->setText(eventId);
        tester->run();
        QVERIFY(finished.wait(20000));
        QCOMPARE(tester->results()->topLevelItemCount(), 1);
        QCOMPARE(tester->results()->topLevelItem(0)->text(1), QStringLiteral("does not fire"));
    }

    void whatIfCountsPerRule()
    {
        TempStore store;
        QVERIFY(storeStories(store.path()));
        Page fixture(store.path());
        RulesPage& page = fixture.page;
        QVERIFY(idle(page));
        QVERIFY(install(page, QStringLiteral("dunning-attempt-1")));
        QVERIFY(install(page, QStringLiteral("dunning-attempt-2")));

        widgets::WhatIfPanel* whatIf = page.whatIf();
        QCOMPARE(whatIf->daysEdit()->value(), 30);
        whatIf->setClock([] { return kJustAfterTheStoriesMs; });
        whatIf->daysEdit()->setValue(3650);
        QSignalSpy finished(whatIf, &widgets::WhatIfPanel::finished);
        QSignalSpy requested(&page, &RulesPage::eventRequested);
        QTest::mouseClick(whatIf->runButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), false);

        QTreeWidgetItem* first = topItem(whatIf->results(), QStringLiteral("dunning-attempt-1"));
        QTreeWidgetItem* second = topItem(whatIf->results(), QStringLiteral("dunning-attempt-2"));
        QVERIFY(first && second);
        // maren's first failure and her second. tobias failed once too, but he was deleted since, and
        // what-if answers with each customer's current state: nothing is sent to a deleted customer.
        QCOMPARE(first->text(1), QStringLiteral("1"));
        QCOMPARE(first->text(2), QStringLiteral("1"));
        QCOMPARE(first->text(3), QStringLiteral("send_transactional: 1, track_event: 1"));
        QCOMPARE(second->text(1), QStringLiteral("1"));
        QCOMPARE(second->text(2), QStringLiteral("1"));
        QCOMPARE(second->childCount(), 1);
        QCOMPARE(second->child(0)->text(0), idOf(QStringLiteral("maren-12-invoice.payment_failed")));

        emit whatIf->results()->itemActivated(second->child(0), 0);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(),
                 idOf(QStringLiteral("maren-12-invoice.payment_failed")));
        QVERIFY(whatIf->runButton()->isEnabled());
        QVERIFY(!whatIf->cancelButton()->isEnabled());

        // A window with none of these events counts nothing.
        whatIf->setClock([] { return 1000LL * 1000000000; });
        whatIf->daysEdit()->setValue(1);
        whatIf->run();
        QVERIFY(finished.wait(30000));
        QCOMPARE(topItem(whatIf->results(), QStringLiteral("dunning-attempt-1"))->text(1),
                 QStringLiteral("0"));
    }

    void whatIfCanBeCanceled()
    {
        TempStore store;
        QVERIFY(storeStories(store.path()));
        Page fixture(store.path());
        RulesPage& page = fixture.page;
        QVERIFY(idle(page));
        QVERIFY(install(page, QStringLiteral("dunning-attempt-1")));
        widgets::WhatIfPanel* whatIf = page.whatIf();
        whatIf->setClock([] { return kJustAfterTheStoriesMs; });
        whatIf->daysEdit()->setValue(3650);
        QSignalSpy finished(whatIf, &widgets::WhatIfPanel::finished);
        whatIf->run();
        QVERIFY(whatIf->isRunning());
        QVERIFY(whatIf->cancelButton()->isEnabled());
        QVERIFY(!whatIf->runButton()->isEnabled());
        QTest::mouseClick(whatIf->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(whatIf->results()->topLevelItemCount(), 0);
        QVERIFY(whatIf->statusLabel()->text().contains(QLatin1String("Canceled")));
        QVERIFY(whatIf->runButton()->isEnabled());
        QVERIFY(!whatIf->isRunning());

        // With nothing to try, the run is refused with a reason.
        page.editor()->clear();
        whatIf->scopeChoice()->setCurrentIndex(1);
        whatIf->run();
        QVERIFY(!whatIf->isRunning());
        QVERIFY(whatIf->statusLabel()->text().contains(QLatin1String("no rule")));
    }

    void everyActionTypeMadeInTheFormIsStored()
    {
        TempStore store;
        std::optional<rules::Rule> reloaded;
        QJsonObject expected;
        {
            Page fixture(store.path());
            RulesPage& page = fixture.page;
            QVERIFY(idle(page));
            page.newBlankRule();
            widgets::RuleEditor* editor = page.editor();
            ActionsEditor* form = editor->actionsEditor();
            editor->idEdit()->setText(QString());
            QTest::keyClicks(editor->idEdit(), QStringLiteral("made-in-form"));
            editor->addTrigger(QStringLiteral("invoice.payment_failed"));
            QCOMPARE(form->actionList()->count(), 0);
            QVERIFY(problemTexts(editor)
                        .join(QLatin1Char('\n'))
                        .contains(QLatin1String("add at least one action")));

            QVERIFY(addAction(form, rules::ActionType::TrackEvent));
            QVERIFY(form->isFieldShown(QStringLiteral("name")));
            QVERIFY(!form->isFieldShown(QStringLiteral("webhook")));
            QTest::keyClicks(form->eventNameEdit(), QStringLiteral("dunning_attempt_1"));
            QVERIFY(addDataRow(form, QStringLiteral("plan"), Source::Derived, QStringLiteral("plan_name")));
            QVERIFY(addDataRow(form, QStringLiteral("amount_due"), Source::EventField,
                               QStringLiteral("data.object.amount_due")));

            QVERIFY(addAction(form, rules::ActionType::SendTransactional));
            QVERIFY(form->isFieldShown(QStringLiteral("to")));
            QVERIFY(form->recipientLabel()->text().contains(QLatin1String("customer_email")));
            QCOMPARE(form->dataTable()->rowCount(), 0); // each action has rows of its own
            QTest::keyClicks(form->messageIdEdit(), QStringLiteral("12"));
            QVERIFY(addDataRow(form, QStringLiteral("invoice_url"), Source::Derived,
                               QStringLiteral("hosted_invoice_url")));

            QVERIFY(addAction(form, rules::ActionType::TriggerBroadcast));
            QTest::keyClicks(form->broadcastIdEdit(), QStringLiteral("201"));
            QVERIFY(addDataRow(form, QStringLiteral("note"), Source::Text, QStringLiteral("1")));

            QVERIFY(addAction(form, rules::ActionType::SetAttributes));
            QVERIFY(
                addDataRow(form, QStringLiteral("churn_risk"), Source::JsonValue, QStringLiteral("true")));
            QVERIFY(addDataRow(form, QStringLiteral("dunning_stage"), Source::Text, QStringLiteral("first")));

            QVERIFY(addAction(form, rules::ActionType::Slack));
            QVERIFY(!form->isFieldShown(QStringLiteral("data")));
            form->setWebhookNames({QStringLiteral("billing-alerts"), QStringLiteral("ops")});
            QCOMPARE(form->webhookChoice()->count(), 2);
            form->webhookChoice()->setCurrentIndex(0);
            QTest::keyClicks(form->textEdit(), QStringLiteral("{{customer_name}} failed"));

            QCOMPARE(form->actionList()->count(), 5);
            QVERIFY2(!editor->hasErrors(), qPrintable(problemTexts(editor).join(QLatin1Char('\n'))));
            expected = parseObject(R"({
              "id": "made-in-form", "name": "New rule", "trigger": ["invoice.payment_failed"], "conditions": [],
              "delay_seconds": 0, "exits": [], "fire_on_history": false,
              "actions": [
                {"type": "track_event", "name": "dunning_attempt_1", "data": {
                  "plan": {"derived": "plan_name"}, "amount_due": {"path": "data.object.amount_due"}}},
                {"type": "send_transactional", "transactional_message_id": 12, "data": {
                  "invoice_url": {"derived": "hosted_invoice_url"}}},
                {"type": "trigger_broadcast", "broadcast_id": "201", "data": {"note": {"literal": "1"}}},
                {"type": "set_attributes", "attributes": {
                  "churn_risk": {"literal": true}, "dunning_stage": {"literal": "first"}}},
                {"type": "slack", "webhook": "billing-alerts", "text": "{{customer_name}} failed"}
              ]})");
            QCOMPARE(parseObject(editor->jsonEdit()->toPlainText().toUtf8()), expected);

            // Moved, the broadcast comes first; moved back, the order is as made.
            form->setCurrentIndex(2);
            QTest::mouseClick(form->upButton(), Qt::LeftButton);
            QTest::mouseClick(form->upButton(), Qt::LeftButton);
            QCOMPARE(int(editor->rule().actions.first().type), int(rules::ActionType::TriggerBroadcast));
            QVERIFY(!form->upButton()->isEnabled());
            QTest::mouseClick(form->downButton(), Qt::LeftButton);
            QTest::mouseClick(form->downButton(), Qt::LeftButton);
            QCOMPARE(editor->rule().toJson(false), expected);

            QVERIFY(editor->saveButton()->isEnabled());
            QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
            QVERIFY(idle(page));
            reloaded = stored(store.path(), QStringLiteral("made-in-form"));
            QVERIFY(reloaded);
            QCOMPARE(reloaded->toJson(false), expected);
        }

        // A new page reads it back into the same form.
        Page fixture(store.path());
        RulesPage& page = fixture.page;
        QVERIFY(idle(page));
        QVERIFY(page.selectRule(QStringLiteral("made-in-form")));
        ActionsEditor* form = page.editor()->actionsEditor();
        QCOMPARE(form->actionList()->count(), 5);
        QCOMPARE(form->actions(), reloaded->actions);
        form->setCurrentIndex(1);
        QCOMPARE(form->typeChoice()->currentData().toInt(), int(rules::ActionType::SendTransactional));
        QCOMPARE(form->messageIdEdit()->text(), QStringLiteral("12"));
        form->setCurrentIndex(4);
        QCOMPARE(form->webhookChoice()->currentText(), QStringLiteral("billing-alerts"));
        QCOMPARE(form->textEdit()->toPlainText(), QStringLiteral("{{customer_name}} failed"));
        QVERIFY(!page.editor()->isModified());

        // Removing an action through the form is saved as such.
        form->setCurrentIndex(2);
        QTest::mouseClick(form->removeButton(), Qt::LeftButton);
        QCOMPARE(form->actionList()->count(), 4);
        QTest::mouseClick(page.editor()->saveButton(), Qt::LeftButton);
        QVERIFY(idle(page));
        const auto afterRemove = stored(store.path(), QStringLiteral("made-in-form"));
        QCOMPARE(afterRemove->actions.size(), 4);
        QCOMPARE(int(afterRemove->actions.at(2).type), int(rules::ActionType::SetAttributes));
        QCOMPARE(afterRemove->version, 2);
    }

    void everyActionTypeRoundTripsThroughTheForm()
    {
        TempStore store;
        Page fixture(store.path());
        RulesPage& page = fixture.page;
        QVERIFY(idle(page));
        QList<rules::RuleProblem> problems;
        const std::optional<rules::Rule> given =
            rules::ruleFromJson(parseObject(kEveryActionType), &problems);
        QVERIFY2(given, qPrintable(problems.isEmpty() ? QString() : problems.first().text()));

        page.newBlankRule();
        widgets::RuleEditor* editor = page.editor();
        editor->jsonEdit()->setPlainText(QString::fromUtf8(kEveryActionType));
        QTRY_VERIFY(editor->jsonReadable() && editor->rule().id == QLatin1String("every-action"));
        ActionsEditor* form = editor->actionsEditor();
        QCOMPARE(form->actionList()->count(), 6);
        QCOMPARE(form->actions(), given->actions);

        // The object literal is shown, kept, and said to be edited in JSON.
        form->setCurrentIndex(0);
        QVERIFY(form->jsonOnlyNote()->isVisible());
        QVERIFY(form->jsonOnlyNote()->text().contains(QLatin1String("edited in JSON")));
        QTableWidget* table = form->dataTable();
        QCOMPARE(table->item(1, ActionsEditor::KeyColumn)->text(), QStringLiteral("context"));
        QVERIFY(!(table->item(1, ActionsEditor::ValueColumn)->flags() & Qt::ItemIsEditable));
        QVERIFY(!table->cellWidget(1, ActionsEditor::SourceColumn)->isEnabled());
        form->setCurrentIndex(1);
        QVERIFY(!form->jsonOnlyNote()->isVisible());

        // Every action read back from its widgets (a row added and removed again rewrites it) is the same.
        for (int i = 0; i < form->actionList()->count(); ++i) {
            form->setCurrentIndex(i);
            QTest::mouseClick(form->findChild<QPushButton*>(QStringLiteral("addDataField")), Qt::LeftButton);
            QTest::mouseClick(form->findChild<QPushButton*>(QStringLiteral("removeDataField")),
                              Qt::LeftButton);
        }
        // "12" stays the text "12" through an edit that comes back to it; a typed number is a number.
        form->setCurrentIndex(1);
        QTest::keyClick(form->messageIdEdit(), Qt::Key_3);
        QCOMPARE(editor->rule().actions.at(1).transactionalMessageId, QJsonValue(123));
        QTest::keyClick(form->messageIdEdit(), Qt::Key_Backspace);
        QCOMPARE(editor->rule().actions.at(1).transactionalMessageId, QJsonValue(QStringLiteral("12")));

        QCOMPARE(editor->rule().actions, given->actions);
        QCOMPARE(editor->rule().toJson(false), given->toJson(false));
        const std::optional<rules::Rule> fromPane =
            rules::ruleFromJson(parseObject(editor->jsonEdit()->toPlainText().toUtf8()), nullptr);
        QVERIFY(fromPane);
        QCOMPARE(fromPane->actions, given->actions);
        QVERIFY(!editor->hasErrors());

        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QVERIFY(idle(page));
        const auto saved = stored(store.path(), QStringLiteral("every-action"));
        QVERIFY(saved);
        QCOMPARE(saved->toJson(false), given->toJson(false));
        QCOMPARE(saved->actions, given->actions);

        // Every template the page installs reads into the form and back unchanged.
        for (const rules::Rule& rule : rules::ruleTemplates()) {
            editor->setRule(rule, true);
            QCOMPARE(form->actions(), rule.actions);
        }
    }

    void formAndJsonPaneFollowEachOther()
    {
        TempStore store;
        Page fixture(store.path());
        RulesPage& page = fixture.page;
        QVERIFY(idle(page));
        QVERIFY(install(page, QStringLiteral("dunning-attempt-1")));
        widgets::RuleEditor* editor = page.editor();
        ActionsEditor* form = editor->actionsEditor();
        QCOMPARE(form->actionList()->count(), 2);

        // Form → JSON: the track event's name.
        form->setCurrentIndex(1);
        QCOMPARE(form->eventNameEdit()->text(), QStringLiteral("dunning_attempt_1"));
        form->eventNameEdit()->selectAll();
        QTest::keyClicks(form->eventNameEdit(), QStringLiteral("first_failure"));
        QVERIFY(editor->jsonEdit()->toPlainText().contains(QLatin1String("\"name\": \"first_failure\"")));
        QVERIFY(form->actionList()->item(1)->text().contains(QLatin1String("first_failure")));
        QVERIFY(editor->isModified());

        // JSON → form: another message id and one more action.
        QJsonObject json = parseObject(editor->jsonEdit()->toPlainText().toUtf8());
        QJsonArray actions = json.value(QStringLiteral("actions")).toArray();
        QJsonObject email = actions.at(0).toObject();
        email[QStringLiteral("transactional_message_id")] = 555;
        actions[0] = email;
        actions.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("slack")},
                                   {QStringLiteral("webhook"), QStringLiteral("billing-alerts")},
                                   {QStringLiteral("text"), QStringLiteral("{{customer_name}} failed")}});
        json[QStringLiteral("actions")] = actions;
        editor->jsonEdit()->setPlainText(QString::fromUtf8(QJsonDocument(json).toJson()));
        QTRY_COMPARE(form->actionList()->count(), 3);
        QCOMPARE(form->currentIndex(), 1); // the selected action stays selected
        form->setCurrentIndex(0);
        QCOMPARE(form->messageIdEdit()->text(), QStringLiteral("555"));
        form->setCurrentIndex(2);
        QCOMPARE(form->typeChoice()->currentData().toInt(), int(rules::ActionType::Slack));
        QCOMPARE(form->webhookChoice()->currentText(), QStringLiteral("billing-alerts"));

        // A type changed in the form rewrites the action in the JSON.
        form->setCurrentIndex(1);
        form->typeChoice()->setCurrentIndex(
            form->typeChoice()->findData(int(rules::ActionType::SetAttributes)));
        QVERIFY(form->isFieldShown(QStringLiteral("data")));
        QVERIFY(!form->isFieldShown(QStringLiteral("name")));
        const QJsonObject changed = parseObject(editor->jsonEdit()->toPlainText().toUtf8())
                                        .value(QStringLiteral("actions"))
                                        .toArray()
                                        .at(1)
                                        .toObject();
        QCOMPARE(changed.value(QStringLiteral("type")).toString(), QStringLiteral("set_attributes"));
        QVERIFY(
            changed.value(QStringLiteral("attributes")).toObject().contains(QStringLiteral("invoice_id")));
        QVERIFY(!changed.contains(QStringLiteral("name")));

        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QVERIFY(idle(page));
        const auto saved = stored(store.path(), QStringLiteral("dunning-attempt-1"));
        QCOMPARE(saved->actions.size(), 3);
        QCOMPARE(saved->actions.at(0).transactionalMessageId.toInt(), 555);
        QCOMPARE(int(saved->actions.at(1).type), int(rules::ActionType::SetAttributes));
        QCOMPARE(saved->actions.at(2).webhook, QStringLiteral("billing-alerts"));
    }

    void actionProblemsAreShownBesideTheirField()
    {
        TempStore store;
        Page fixture(store.path());
        RulesPage& page = fixture.page;
        QVERIFY(idle(page));
        page.newBlankRule();
        widgets::RuleEditor* editor = page.editor();
        ActionsEditor* form = editor->actionsEditor();
        editor->addTrigger(QStringLiteral("invoice.payment_failed"));

        // No action at all is shown under the list.
        QVERIFY(form->problemLabel(QStringLiteral("actions"))->isVisible());

        // A webhook URL instead of a name: beside the webhook field, and Save stays off.
        QVERIFY(addAction(form, rules::ActionType::Slack));
        QVERIFY(!form->problemLabel(QStringLiteral("actions"))->isVisible());
        form->webhookChoice()->setEditText(QStringLiteral("https://hooks.slack.com/services/T0/B0/secret"));
        QTest::keyClicks(form->textEdit(), QStringLiteral("{{customer_name}} failed"));
        QLabel* webhookProblem = form->problemLabel(QStringLiteral("webhook"));
        QVERIFY(webhookProblem->isVisible());
        QVERIFY(webhookProblem->text().contains(QLatin1String("never its URL")));
        QVERIFY(!form->problemLabel(QStringLiteral("text"))->isVisible());
        QVERIFY(!editor->saveButton()->isEnabled());
        QVERIFY(problemTexts(editor).join(QLatin1Char('\n')).contains(QLatin1String("actions[0].webhook")));
        // An unknown placeholder is the text's problem.
        QTest::keyClicks(form->textEdit(), QStringLiteral(" {{colour}}"));
        QVERIFY(form->problemLabel(QStringLiteral("text"))->text().contains(QLatin1String("{{colour}}")));
        form->textEdit()->setPlainText(QStringLiteral("{{customer_name}} failed"));
        QVERIFY(!form->problemLabel(QStringLiteral("text"))->isVisible());
        form->webhookChoice()->setEditText(QStringLiteral("billing-alerts"));
        QVERIFY(!webhookProblem->isVisible());

        // A bad path in a data row names the row; the action's list entry is marked too.
        QVERIFY(addAction(form, rules::ActionType::TrackEvent));
        QTest::keyClicks(form->eventNameEdit(), QStringLiteral("failed"));
        QVERIFY(
            addDataRow(form, QStringLiteral("amount"), Source::EventField, QStringLiteral("object.amount")));
        QLabel* dataProblem = form->problemLabel(QStringLiteral("data"));
        QVERIFY(dataProblem->isVisible());
        QVERIFY(dataProblem->text().startsWith(QLatin1String("'amount': ")));
        QVERIFY(dataProblem->text().contains(QLatin1String("not a path")));
        QVERIFY(form->dataTable()
                    ->item(0, ActionsEditor::KeyColumn)
                    ->toolTip()
                    .contains(QLatin1String("not a path")));
        QVERIFY(form->dataTable()->item(0, ActionsEditor::KeyColumn)->background().style() != Qt::NoBrush);
        form->dataTable()->item(0, ActionsEditor::ValueColumn)->setText(QStringLiteral("data.object.amount"));
        QVERIFY(!dataProblem->isVisible());

        // What only the form can get wrong: a name used twice, a value that is not JSON.
        QVERIFY(addDataRow(form, QStringLiteral("amount"), Source::Text, QStringLiteral("x")));
        QVERIFY(dataProblem->text().contains(QLatin1String("more than one row")));
        QVERIFY(!editor->saveButton()->isEnabled());
        form->dataTable()->item(1, ActionsEditor::KeyColumn)->setText(QStringLiteral("count"));
        form->setSourceChoice(1, Source::JsonValue);
        form->dataTable()->item(1, ActionsEditor::ValueColumn)->setText(QStringLiteral("three"));
        QVERIFY(dataProblem->text().contains(QLatin1String("not a number")));
        QVERIFY(!editor->saveButton()->isEnabled());
        form->dataTable()->item(1, ActionsEditor::ValueColumn)->setText(QStringLiteral("3"));
        QVERIFY(!dataProblem->isVisible());

        // A problem of an action not shown marks its list entry only.
        form->setCurrentIndex(0);
        form->webhookChoice()->setEditText(QStringLiteral("Billing Alerts"));
        form->setCurrentIndex(1);
        QVERIFY(!webhookProblem->isVisible());
        QVERIFY(form->actionList()->item(0)->toolTip().contains(QLatin1String("webhook name")));
        QVERIFY(form->actionList()->item(1)->toolTip().isEmpty());
        form->setCurrentIndex(0);
        QVERIFY(webhookProblem->isVisible());
        form->webhookChoice()->setEditText(QStringLiteral("billing-alerts"));

        QVERIFY2(!editor->hasErrors(), qPrintable(problemTexts(editor).join(QLatin1Char('\n'))));
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QVERIFY(idle(page));
        const auto saved = stored(store.path(), QStringLiteral("new-rule"));
        QVERIFY(saved);
        QCOMPARE(saved->actions.at(1).data.size(), 2);
        QCOMPARE(saved->actions.at(1).data.at(1).second, rules::ValueSource::constant(3));
    }

    void pageFollowsTheLanguage()
    {
        TempStore store;
        Page fixture(store.path());
        RulesPage& page = fixture.page;
        QVERIFY(idle(page));
        QVERIFY(install(page, QStringLiteral("dunning-attempt-1")));
        auto* tabs = page.findChild<QTabWidget*>();
        QVERIFY(tabs);
        QCOMPARE(page.editor()->saveButton()->text(), QStringLiteral("Save"));

        QVERIFY(widgets::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)));
        QTRY_COMPARE(page.editor()->saveButton()->text(), QStringLiteral("Speichern"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Versionen"));
        QCOMPARE(tabs->tabText(2), QStringLiteral("An einem Ereignis testen"));
        QCOMPARE(page.whatIf()->runButton()->text(), QStringLiteral("Ausführen"));
        QCOMPARE(page.model()->headerData(RuleListModel::Enabled, Qt::Horizontal).toString(),
                 QStringLiteral("Aktiviert"));
        QVERIFY(page.editor()->versionLabel()->text().startsWith(QLatin1String("Version 1")));

        QVERIFY(!widgets::installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
        QTRY_COMPARE(page.editor()->saveButton()->text(), QStringLiteral("Save"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Versions"));
        QCOMPARE(page.whatIf()->runButton()->text(), QStringLiteral("Run"));
        QVERIFY(page.editor()->versionLabel()->text().startsWith(QLatin1String("version 1")));
    }

    void everyPanelAsksForItsWordsAgain()
    {
        // Words the German file does not hold yet: a translator that marks every word it is asked for
        // shows which ones each panel asks for again on a language change.
        class MarkingTranslator final : public QTranslator {
        public:
            QString translate(const char* context, const char* source, const char*, int) const override
            {
                if (!QByteArray(context).startsWith("billbridge::widgets::"))
                    return {};
                return QStringLiteral("«%1»").arg(QString::fromUtf8(source));
            }
            bool isEmpty() const override { return false; }
        };
        TempStore store;
        QTemporaryDir dir;
        Page fixture(store.path());
        RulesPage& page = fixture.page;
        QVERIFY(idle(page));
        QVERIFY(install(page, QStringLiteral("churn-risk-failures")));
        ActionsEditor* form = page.editor()->actionsEditor();
        const QString path = dir.filePath(QStringLiteral("rules.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(rules::rulesToJson({*rules::ruleTemplate(QStringLiteral("trial-ending"))}));
        file.close();
        page.setOpenFileChooser([path](QWidget*, const QString&) { return path; });
        page.importRules();
        widgets::RuleImportDialog* dialog = page.importDialog();
        QTRY_VERIFY(dialog->preview().has_value() && !dialog->isBusy());

        MarkingTranslator marking;
        QVERIFY(QCoreApplication::installTranslator(&marking));
        QTRY_COMPARE(form->addButton()->text(), QStringLiteral("«Add»"));
        QCOMPARE(form->typeChoice()->currentText(), QStringLiteral("«Set attributes»"));
        QVERIFY2(form->actionList()->item(0)->text().contains(QStringLiteral("«Set attributes»")),
                 qPrintable(form->actionList()->item(0)->text()));
        QCOMPARE(form->dataTable()->horizontalHeaderItem(0)->text(), QStringLiteral("«Attribute»"));
        auto* source =
            qobject_cast<QComboBox*>(form->dataTable()->cellWidget(0, ActionsEditor::SourceColumn));
        QVERIFY(source->currentText().startsWith(QStringLiteral("«")));
        QCOMPARE(page.tester()->runButton()->text(), QStringLiteral("«Test»"));
        QCOMPARE(page.tester()->scopeChoice()->itemText(1), QStringLiteral("«Only the rule being edited»"));
        QCOMPARE(page.whatIf()->cancelButton()->text(), QStringLiteral("«Cancel»"));
        QVERIFY(page.whatIf()->statusLabel()->text().startsWith(QStringLiteral("«Nothing is sent")));
        QCOMPARE(dialog->applyButton()->text(), QStringLiteral("«Apply»"));
        QVERIFY(dialog->previewText()->toPlainText().startsWith(QStringLiteral("«Added:»")));
        QVERIFY(page.versionList()->count() == 0 ||
                page.versionList()->item(0)->text().startsWith(QStringLiteral("«version")));

        QVERIFY(QCoreApplication::removeTranslator(&marking));
        QTRY_COMPARE(form->addButton()->text(), QStringLiteral("Add"));
        QCOMPARE(dialog->applyButton()->text(), QStringLiteral("Apply"));
        dialog->reject();
    }
};

QTEST_MAIN(TestRulesPage)
#include "tst_rulespage.moc"
