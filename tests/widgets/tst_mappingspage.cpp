// The Plan Mappings page on a real store written with the sync engine, driven through its widgets.

// Attribute names and values are spelled as plain literals here: the assertions read like the JSON.
#undef QT_NO_CAST_FROM_ASCII

#include "mappings/mappingeditor.h"
#include "mappings/mappingimportdialog.h"
#include "mappings/mappinglistmodel.h"
#include "mappings/mappingspage.h"
#include "mappings/resyncdialog.h"
#include "mappings/unmappedpricemodel.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/mappingstore.h"
#include "store/sqlite.h"
#include "support/planstory.h"
#include "support/tempstore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace billbridge;
using billbridge::test::PlanStory;
using billbridge::test::TempStore;
using billbridge::widgets::MappingsPage;

namespace {

std::int64_t resyncJobCount(const QString& path)
{
    store::SqliteConnection connection = store::Database::openForReading(path);
    store::SqliteStatement select =
        connection.prepare("SELECT count(*) FROM jobs WHERE idempotency_key LIKE 'resync:%'");
    return select.step() ? select.int64(0) : -1;
}

void writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
}

} // namespace

class TestMappingsPage : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_store = std::make_unique<TempStore>();
        store::PlanMapping basic;
        basic.stripeId = PlanStory::basicPrice;
        basic.planName = QStringLiteral("Basic");
        store::MappingStore::open(m_store->path()).upsert(basic);
        QVERIFY(test::writeSyncedEvents(m_store->path(), PlanStory::events()));
        m_page = std::make_unique<MappingsPage>(m_store->path());
        m_page->resize(1000, 700);
        m_page->show();
        QSignalSpy loaded(m_page.get(), &MappingsPage::unmappedLoaded);
        QVERIFY(loaded.wait(10000));
        new QAbstractItemModelTester(m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     m_page.get());
        new QAbstractItemModelTester(m_page->unmappedModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
    }

    void cleanup()
    {
        m_page.reset();
        m_store.reset();
    }

    void listsAndSearches()
    {
        QCOMPARE(m_page->model()->rowCount(), 1);
        QCOMPARE(
            m_page->model()->data(m_page->model()->index(0, widgets::MappingListModel::PlanName)).toString(),
            QStringLiteral("Basic"));
        store::PlanMapping pro;
        pro.stripeId = PlanStory::proPrice;
        pro.planName = QStringLiteral("Professional");
        store::MappingStore::open(m_store->path()).upsert(pro);
        m_page->reload();
        QCOMPARE(m_page->model()->rowCount(), 2);
        QTest::keyClicks(m_page->searchEdit(), QStringLiteral("profess"));
        QCOMPARE(m_page->model()->rowCount(), 1);
        QCOMPARE(m_page->model()->mappingAt(0).stripeId, PlanStory::proPrice);
        m_page->searchEdit()->clear();
        QCOMPARE(m_page->model()->rowCount(), 2);
    }

    void malformedIdIsShownBesideTheFieldAndNothingStored()
    {
        QTest::mouseClick(m_page->findChild<QPushButton*>(QStringLiteral("addMappingButton")),
                          Qt::LeftButton);
        widgets::MappingEditor* editor = m_page->editor();
        QVERIFY(editor);
        editor->stripeIdEdit()->setText(QStringLiteral("price-not valid"));
        editor->planNameEdit()->setText(QStringLiteral("Broken"));
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        auto* problem = editor->findChild<QLabel*>(QStringLiteral("stripeIdProblem"));
        QVERIFY(problem && !problem->isHidden());
        QVERIFY(problem->text().contains(QLatin1String("price-not valid")));
        QVERIFY(editor->isVisible());
        QCOMPARE(store::MappingStore::open(m_store->path()).list().size(), std::size_t(1));

        // A missing plan name is shown beside the plan name.
        editor->stripeIdEdit()->setText(QStringLiteral("price_Fine"));
        editor->planNameEdit()->clear();
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QVERIFY(editor->findChild<QLabel*>(QStringLiteral("stripeIdProblem"))->isHidden());
        QVERIFY(!editor->findChild<QLabel*>(QStringLiteral("planNameProblem"))->isHidden());
        QCOMPARE(store::MappingStore::open(m_store->path()).list().size(), std::size_t(1));
    }

    void addEditDelete()
    {
        m_page->addMapping();
        QPointer<widgets::MappingEditor> editor = m_page->editor();
        editor->stripeIdEdit()->setText(QStringLiteral(" prod_Pro "));
        editor->planNameEdit()->setText(QStringLiteral("Professional"));
        editor->tierEdit()->setText(QStringLiteral("pro"));
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!editor);
        std::optional<store::PlanMapping> stored =
            store::MappingStore::open(m_store->path()).find("prod_Pro");
        QVERIFY(stored);
        QCOMPARE(stored->tier, QStringLiteral("pro"));
        QCOMPARE(m_page->model()->rowCount(), 2);

        QVERIFY(m_page->selectMapping(QStringLiteral("prod_Pro")));
        m_page->editSelected();
        editor = m_page->editor();
        QVERIFY(editor->stripeIdEdit()->isReadOnly());
        editor->planNameEdit()->setText(QStringLiteral("Pro"));
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!editor);
        QCOMPARE(store::MappingStore::open(m_store->path()).find("prod_Pro")->planName,
                 QStringLiteral("Pro"));

        // Deleting asks first; no is no.
        QVERIFY(m_page->selectMapping(QStringLiteral("prod_Pro")));
        m_page->setConfirm([](QWidget*, const QString&, const QString&) { return false; });
        m_page->deleteSelected();
        QVERIFY(store::MappingStore::open(m_store->path()).find("prod_Pro"));
        QString asked;
        m_page->setConfirm([&asked](QWidget*, const QString&, const QString& text) {
            asked = text;
            return true;
        });
        m_page->deleteSelected();
        QVERIFY(asked.contains(QLatin1String("prod_Pro")));
        QVERIFY(!store::MappingStore::open(m_store->path()).find("prod_Pro"));
        QCOMPARE(m_page->model()->rowCount(), 1);

        QStringList actions;
        for (const store::AuditEntry& entry : store::AuditLog::open(m_store->path()).list(10))
            actions << entry.action;
        QCOMPARE(actions, QStringList({"mappings.remove", "mappings.set", "mappings.set"}));
    }

    void csvImportPreviewsAndRefusesBadLines()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.csv"));
        writeFile(bad,
                  "stripe_id,plan_name,tier\nprice_Pro,Professional,pro\nnot_an_id,Oops,\nprice_Other,,\n");
        m_page->importFrom(bad);
        widgets::MappingImportDialog* dialog = m_page->importDialog();
        QVERIFY(dialog);
        QVERIFY(!dialog->applyButton()->isEnabled());
        QCOMPARE(dialog->changesView()->topLevelItemCount(), 2);
        QCOMPARE(dialog->changesView()->topLevelItem(0)->text(0), QStringLiteral("Line 3"));
        QCOMPARE(dialog->changesView()->topLevelItem(1)->text(0), QStringLiteral("Line 4"));
        QVERIFY(dialog->summaryLabel()->text().contains(QLatin1String("bad.csv")));
        dialog->close();
        QCOMPARE(store::MappingStore::open(m_store->path()).list().size(), std::size_t(1));

        const QString good = dir.filePath(QStringLiteral("good.csv"));
        writeFile(good,
                  "stripe_id,plan_name,tier\nprice_Basic,Starter,starter\nprice_Pro,Professional,pro\n");
        m_page->importFrom(good);
        QPointer<widgets::MappingImportDialog> importDialog = m_page->importDialog();
        QVERIFY(importDialog->applyButton()->isEnabled());
        QCOMPARE(importDialog->preview().added.size(), std::size_t(1));
        QCOMPARE(importDialog->preview().changed.size(), std::size_t(1));
        QVERIFY(importDialog->summaryLabel()->text().contains(QLatin1String("1 to add, 1 to change")));
        QTest::mouseClick(importDialog->applyButton(), Qt::LeftButton);
        QTRY_VERIFY(!importDialog);
        QCOMPARE(store::MappingStore::open(m_store->path()).find("price_Basic")->planName,
                 QStringLiteral("Starter"));
        QCOMPARE(m_page->model()->rowCount(), 2);
        QCOMPARE(m_page->changedIds(), QStringList({"price_Pro", "price_Basic"}));

        // Export writes what is stored.
        const QString exported = dir.filePath(QStringLiteral("out.csv"));
        QVERIFY(m_page->exportTo(exported));
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("price_Pro,Professional,pro"));
    }

    void unmappedPricesCanBeMapped()
    {
        // price_Pro and price_Other have no mapping; price_Basic has.
        QCOMPARE(m_page->unmappedModel()->rowCount(), 2);
        QVERIFY(m_page->unmappedModel()->rowOf(PlanStory::basicPrice) < 0);
        QVERIFY(m_page->selectUnmapped(PlanStory::proPrice));
        QTest::mouseClick(m_page->findChild<QPushButton*>(QStringLiteral("mapThisButton")), Qt::LeftButton);
        QPointer<widgets::MappingEditor> editor = m_page->editor();
        QVERIFY(editor);
        QCOMPARE(editor->stripeIdEdit()->text(), PlanStory::proPrice);
        QCOMPARE(editor->planNameEdit()->text(), QStringLiteral("pro-monthly"));
        editor->planNameEdit()->setText(QStringLiteral("Professional"));
        QSignalSpy reloaded(m_page.get(), &MappingsPage::unmappedLoaded);
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!editor);
        // The reload may finish while the editor closes: count what arrived rather than wait for a next one.
        QTRY_VERIFY_WITH_TIMEOUT(reloaded.count() > 0, 10000);
        QCOMPARE(m_page->unmappedModel()->rowCount(), 1);
        QVERIFY(m_page->unmappedModel()->rowOf(PlanStory::proPrice) < 0);
    }

    void aChangeOffersAResyncThatEnqueues()
    {
        QSignalSpy offered(m_page.get(), &MappingsPage::resyncOfferReady);
        QVERIFY(m_page->selectMapping(PlanStory::basicPrice));
        m_page->editSelected();
        QPointer<widgets::MappingEditor> editor = m_page->editor();
        editor->planNameEdit()->setText(QStringLiteral("Starter"));
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QVERIFY(offered.wait(10000));
        QCOMPARE(offered.takeFirst().at(0).toInt(), 2); // alice and carol; dave is deleted
        QVERIFY(m_page->resyncBanner()->isVisible());
        QVERIFY(m_page->resyncBannerLabel()->text().contains(QLatin1String("2 customer(s) are affected")));
        QCOMPARE(resyncJobCount(m_store->path()), 0);

        QTest::mouseClick(m_page->resyncButton(), Qt::LeftButton);
        QPointer<widgets::ResyncDialog> dialog = m_page->resyncDialog();
        QVERIFY(dialog);
        QSignalSpy shown(dialog.data(), &widgets::ResyncDialog::previewShown);
        QVERIFY(shown.wait(10000));
        QCOMPARE(shown.takeFirst().at(0).toInt(), 2);
        QCOMPARE(dialog->changesView()->topLevelItemCount(), 2);
        QTreeWidgetItem* alice = dialog->changesView()->topLevelItem(0);
        QCOMPARE(alice->text(0), PlanStory::alice);
        QCOMPARE(alice->child(0)->text(0), QStringLiteral("plan_name"));
        QCOMPARE(alice->child(0)->text(1), QStringLiteral("\"Basic\""));
        QCOMPARE(alice->child(0)->text(2), QStringLiteral("\"Starter\""));

        QSignalSpy enqueued(dialog.data(), &widgets::ResyncDialog::enqueued);
        QTest::mouseClick(dialog->enqueueButton(), Qt::LeftButton);
        QVERIFY(enqueued.wait(10000));
        QCOMPARE(enqueued.takeFirst().at(0).toInt(), 2);
        QCOMPARE(resyncJobCount(m_store->path()), 2);
        QVERIFY(m_page->changedIds().isEmpty());
        QVERIFY(!m_page->resyncBanner()->isVisible());
        QVERIFY(dialog->summaryLabel()->text().contains(QLatin1String("Enqueued 2 profile update(s)")));
    }

private:
    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<MappingsPage> m_page;
};

QTEST_MAIN(TestMappingsPage)
#include "tst_mappingspage.moc"
