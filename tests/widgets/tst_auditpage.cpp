// The console's Audit page over a real store: entries recorded by another connection appear live, filters,
// the before/after detail, the chain status after raw-SQL tampering, and the export; also its place in the
// real main window.

#include "audit/auditdetailview.h"
#include "audit/auditlistmodel.h"
#include "audit/auditpage.h"
#include "connections/sessionsecretstore.h"
#include "home/receiverprobe.h"
#include "home/storesummary.h"
#include "mainwindow/mainwindow.h"
#include "store/auditexport.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "support/tempstore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <memory>

using namespace billbridge;
using widgets::AuditListModel;
using widgets::AuditPage;

namespace {

QJsonObject mappingChange(const QString& before, const QString& after)
{
    return {{QStringLiteral("before"), QJsonObject{{QStringLiteral("plan_name"), before},
                                                   {QStringLiteral("tier"), QStringLiteral("pro")}}},
            {QStringLiteral("after"), QJsonObject{{QStringLiteral("plan_name"), after},
                                                  {QStringLiteral("tier"), QStringLiteral("pro")}}}};
}

} // namespace

class TestAuditPage final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BillbridgeTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_auditpage"));
    }

    void init()
    {
        m_store = std::make_unique<test::TempStore>();
        m_store->writer();
        m_store->stopWriter();
        m_audit = std::make_unique<store::AuditLog>(store::AuditLog::open(m_store->path()));
    }

    void cleanup()
    {
        m_audit.reset();
        m_store.reset();
    }

    void rowsAppearLiveNewestFirst()
    {
        m_audit->record(QStringLiteral("ada"), QStringLiteral("queue.pause"), QString(), {});
        AuditPage page(m_store->path());
        page.model()->setLiveInterval(std::chrono::milliseconds(50));
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.show();
        QTRY_COMPARE(page.model()->rowCount(), 1);
        page.list()->selectRow(0);

        // Another connection (as billbridge-cli would) records while the page is open.
        store::AuditLog other = store::AuditLog::open(m_store->path());
        other.record(QStringLiteral("grace"), QStringLiteral("mappings.set"), QStringLiteral("price_1"),
                     mappingChange(QStringLiteral("Pro"), QStringLiteral("Gold")));
        QTRY_COMPARE(page.model()->rowCount(), 2);
        QCOMPARE(page.model()->entryAt(0).action, QStringLiteral("mappings.set"));
        QCOMPARE(page.model()->index(0, AuditListModel::Actor).data().toString(), QStringLiteral("grace"));
        // The selection followed its entry down.
        QCOMPARE(page.list()->currentIndex().row(), 1);
        QCOMPARE(page.detailView()->entry()->action, QStringLiteral("queue.pause"));
    }

    void filtersNarrowTheList()
    {
        m_audit->record(QStringLiteral("ada"), QStringLiteral("mappings.set"), QStringLiteral("price_1"), {});
        m_audit->record(QStringLiteral("grace"), QStringLiteral("mappings.remove"), QStringLiteral("price_2"),
                        {});
        m_audit->record(QStringLiteral("ada"), QStringLiteral("queue.retry"), QStringLiteral("jobs"),
                        {{QStringLiteral("reason"), QStringLiteral("customer.io outage")}});
        AuditPage page(m_store->path());
        page.show();
        QTRY_COMPARE(page.model()->rowCount(), 3);

        page.actionFilter()->setText(QStringLiteral("mappings."));
        QTRY_COMPARE(page.model()->rowCount(), 2);
        page.actorFilter()->setText(QStringLiteral("grace"));
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QCOMPARE(page.model()->entryAt(0).subject, QStringLiteral("price_2"));
        page.actionFilter()->clear();
        page.actorFilter()->clear();
        page.textFilter()->setText(QStringLiteral("OUTAGE"));
        // Typing is applied once it pauses; until then the previous filter still shows one row.
        QTRY_VERIFY(page.model()->rowCount() == 1 &&
                    page.model()->entryAt(0).action == QLatin1String("queue.retry"));
        page.textFilter()->clear();
        page.timeFilter()->setCurrentIndex(1); // the last hour
        QTRY_COMPARE(page.model()->rowCount(), 3);
    }

    void detailShowsTheChangeWithChangedKeysHighlighted()
    {
        m_audit->record(QStringLiteral("ada"), QStringLiteral("mappings.set"), QStringLiteral("price_1"),
                        mappingChange(QStringLiteral("Pro"), QStringLiteral("Gold")));
        AuditPage page(m_store->path());
        page.show();
        QTRY_COMPARE(page.model()->rowCount(), 1);
        page.list()->selectRow(0);
        const widgets::AuditDetailView* detail = page.detailView();
        QVERIFY(detail->entry());
        QCOMPARE(detail->changedKeys(), QStringList{QStringLiteral("plan_name")});
        const QString text = detail->toPlainText();
        QVERIFY2(text.contains(QLatin1String("ada")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("mappings.set")));
        QVERIFY(text.contains(QLatin1String("price_1")));
        QVERIFY(text.contains(QLatin1String("Pro")));
        QVERIFY(text.contains(QLatin1String("Gold")));
        QVERIFY(detail->toHtml().contains(QLatin1String("#fff3c4")));
        QCOMPARE(
            widgets::AuditDetailView::changedKeys({{QStringLiteral("a"), 1}}, {{QStringLiteral("b"), 1}}),
            (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }

    void verifyReportsIntactThenTampering()
    {
        for (int i = 0; i < 3; ++i)
            m_audit->record(QStringLiteral("ada"), QStringLiteral("queue.retry"), QString::number(i), {});
        AuditPage page(m_store->path());
        QSignalSpy verified(&page, &AuditPage::verifyFinished);
        page.show(); // the first look verifies by itself
        QVERIFY(verified.wait());
        QCOMPARE(verified.takeFirst().at(0).toBool(), true);
        QCOMPARE(page.chainStatus()->text(), QStringLiteral("Chain intact — 3 entries verified."));

        {
            store::SqliteConnection raw = store::Database::openForWriting(m_store->path());
            raw.exec("UPDATE audit_log SET subject = 'nothing to see' WHERE id = 2");
        }
        QTRY_COMPARE(page.model()->rowCount(), 3);
        QTest::mouseClick(page.verifyButton(), Qt::LeftButton);
        QVERIFY(verified.wait());
        QCOMPARE(verified.takeFirst().at(0).toBool(), false);
        QVERIFY2(
            page.chainStatus()->text().startsWith(QLatin1String("Entry 2 was changed after it was written.")),
            qPrintable(page.chainStatus()->text()));
        QTRY_VERIFY(page.detailView()->entry() && page.detailView()->entry()->id == 2);
    }

    void exportWritesTheFilteredEntries()
    {
        m_audit->record(QStringLiteral("ada"), QStringLiteral("mappings.set"), QStringLiteral("price_1"), {});
        m_audit->record(QStringLiteral("ada"), QStringLiteral("queue.retry"), QStringLiteral("jobs"), {});
        AuditPage page(m_store->path());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.csv"));
        page.setExportPrompt([&](QWidget*) {
            return AuditPage::ExportTarget{path, store::AuditExportFormat::Csv};
        });
        page.show();
        QTRY_COMPARE(page.model()->rowCount(), 2);
        page.actionFilter()->setText(QStringLiteral("queue."));
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QSignalSpy exported(&page, &AuditPage::exportFinished);
        QTest::mouseClick(page.exportButton(), Qt::LeftButton);
        QVERIFY(exported.wait());
        QCOMPARE(exported.takeFirst().at(0).toBool(), true);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 3); // header, one entry, the final line break
        QVERIFY(lines.at(1).contains("queue.retry"));
        QVERIFY(lines.at(1).contains(m_audit->find(2)->hash.toLatin1()));
        QVERIFY(page.statusLabel()->text().contains(QLatin1String("1 entry written")));

        // A place that cannot be written is reported, and nothing claims success.
        page.setExportPrompt([&](QWidget*) {
            return AuditPage::ExportTarget{dir.filePath(QStringLiteral("no/such/dir/a.jsonl")),
                                           store::AuditExportFormat::JsonLines};
        });
        QTest::mouseClick(page.exportButton(), Qt::LeftButton);
        QVERIFY(exported.wait());
        QCOMPARE(exported.takeFirst().at(0).toBool(), false);
        QVERIFY(page.statusLabel()->text().startsWith(QLatin1String("Nothing was exported")));
    }

    void missingStoreIsExplained()
    {
        QTemporaryDir dir;
        AuditPage page(dir.filePath(QStringLiteral("none.sqlite")));
        page.show();
        QTRY_VERIFY(page.model()->isStoreMissing());
        QVERIFY(!page.verifyButton()->isEnabled());
        QVERIFY(page.statusLabel()->text().contains(QLatin1String("no store yet")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.sqlite"))));
    }

    void theMainWindowShowsThePage()
    {
        m_audit->record(QStringLiteral("ada"), QStringLiteral("queue.pause"), QString(), {});
        widgets::SessionSecretStore secrets;
        widgets::StoreSummary summary(m_store->path());
        widgets::ReceiverProbe receiver(QStringLiteral("127.0.0.1:9"));
        widgets::ConnectionServices services;
        services.secrets = &secrets;
        widgets::MainWindow window(&summary, &receiver, services);
        window.setCurrentPage(widgets::MainWindow::Page::Audit);
        window.show();
        auto* page = qobject_cast<AuditPage*>(window.page(widgets::MainWindow::Page::Audit));
        QVERIFY(page);
        QVERIFY(page->isVisible());
        QTRY_COMPARE(page->model()->rowCount(), 1);
    }

private:
    QTemporaryDir m_config;
    std::unique_ptr<test::TempStore> m_store;
    std::unique_ptr<store::AuditLog> m_audit;
};

QTEST_MAIN(TestAuditPage)
#include "tst_auditpage.moc"
