// The console's Dunning Rules page over a real store: installing templates, editing and saving versions,
// refusing invalid rules, reordering, enabling, importing, and trying rules on stored events (tester and
// what-if), with events written through the real EventWriter and sync engine.

#include "common/timeformat.h"
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
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace billbridge;
using billbridge::test::Fixtures;
using billbridge::test::TempStore;
using widgets::RuleListModel;
using widgets::RulesPage;

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
};

QTEST_MAIN(TestRulesPage)
#include "tst_rulespage.moc"
