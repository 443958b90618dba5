// ExportDialog: scope, format, masking with confirmation, progress, cancel and errors, driven on a real
// store with the export running on the thread pool.

#include "events/exportdialog.h"
#include "store/auditlog.h"
#include "support/fixtures.h"
#include "support/syntheticevents.h"
#include "support/tempstore.h"
#include "support/textfiles.h"

#include <QCheckBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace billbridge;
using test::linesOf;
using test::readAll;
using test::writeFile;
using widgets::ExportDialog;

namespace {

template <typename T>
T* child(const ExportDialog& dialog, const char* name)
{
    T* found = dialog.findChild<T*>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

} // namespace

class TestExportDialog final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_output.isValid());
        m_store = std::make_unique<test::TempStore>();
        QVERIFY(m_store->addAllFixtures().committed);
        m_store->stopWriter();
    }

    void cleanupTestCase() { m_store.reset(); }

    void exportsTheFilteredSetMasked()
    {
        store::EventFilter filter;
        filter.types = {QStringLiteral("invoice.*")};
        const auto expected = m_store->reader().query().page(filter, std::nullopt, 1000).events;
        ExportDialog dialog(m_store->path(), filter, {});
        const QString path = m_output.filePath(QStringLiteral("invoices.jsonl"));
        int chooserCalls = 0;
        dialog.setFileChooser([&](QWidget*, const QString& suggested, store::ExportFormat format) {
            ++chooserCalls;
            [&] {
                QVERIFY(suggested.endsWith(QLatin1String(".jsonl")));
                QVERIFY(format == store::ExportFormat::JsonLines);
            }();
            return path;
        });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // Nothing selected: only the filter scope is possible, and its size is counted off the UI thread.
        QVERIFY(!child<QRadioButton>(dialog, "selectionScope")->isEnabled());
        QVERIFY(child<QRadioButton>(dialog, "filterScope")->isChecked());
        QTRY_VERIFY(child<QRadioButton>(dialog, "filterScope")
                        ->text()
                        .contains(QStringLiteral("(%1)").arg(expected.size())));

        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        QTest::mouseClick(child<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
        QCOMPARE(chooserCalls, 1);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(!dialog.isRunning());
        QVERIFY2(dialog.resultText().contains(QStringLiteral("Exported %1 events to").arg(expected.size())),
                 qPrintable(dialog.resultText()));
        const QByteArray contents = readAll(path);
        QCOMPARE(linesOf(contents).size(), qsizetype(expected.size()));
        QVERIFY(!contents.contains("@example.com"));
        QVERIFY(store::AuditLog::open(m_store->path()).list().empty());
    }

    void exportsTheSelectionAsCsv()
    {
        const auto all = m_store->reader().query().page({}, std::nullopt, 1000).events;
        const QStringList selected{all[7].fields.id, all[1].fields.id};
        ExportDialog dialog(m_store->path(), {}, selected);
        dialog.setOutputPath(m_output.filePath(QStringLiteral("selection.jsonl")));
        QVERIFY(child<QRadioButton>(dialog, "selectionScope")->isChecked());
        QVERIFY(child<QRadioButton>(dialog, "selectionScope")->text().contains(QLatin1String("(2)")));
        child<QRadioButton>(dialog, "csvFormat")->click();
        // The file name follows the format.
        QCOMPARE(dialog.outputPath(), m_output.filePath(QStringLiteral("selection.csv")));

        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.startExport();
        QTRY_COMPARE(finished.size(), 1);
        const QList<QByteArray> rows = readAll(dialog.outputPath()).split('\n');
        QCOMPARE(rows.size(), 4); // header, two rows, the empty piece after the last CRLF
        QVERIFY(rows[0].startsWith("id,type,"));
        QVERIFY(rows[1].startsWith(QByteArray(all[1].fields.id.toUtf8() + ',')));
        QVERIFY(rows[2].startsWith(QByteArray(all[7].fields.id.toUtf8() + ',')));
    }

    void unmaskingNeedsConfirmationAndIsAudited()
    {
        test::TempStore temp;
        QVERIFY(temp.addAllFixtures().committed);
        temp.stopWriter();
        ExportDialog dialog(temp.path(), {}, {});
        bool answer = false;
        int asked = 0;
        dialog.setUnmaskConfirmation([&](QWidget*) {
            ++asked;
            return answer;
        });
        auto* unmask = child<QCheckBox>(dialog, "unmask");
        unmask->click();
        QCOMPARE(asked, 1);
        QVERIFY(!unmask->isChecked());
        answer = true;
        unmask->click();
        QCOMPARE(asked, 2);
        QVERIFY(unmask->isChecked());
        // Unticking needs no confirmation.
        unmask->click();
        QCOMPARE(asked, 2);
        unmask->click();
        QVERIFY(unmask->isChecked());

        const QString path = m_output.filePath(QStringLiteral("unmasked.jsonl"));
        dialog.setOutputPath(path);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.startExport();
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY2(dialog.resultText().contains(QLatin1String("audit log")), qPrintable(dialog.resultText()));
        QVERIFY(readAll(path).contains("maren.holloway@example.com"));
        const auto entries = store::AuditLog::open(temp.path()).list();
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries[0].action, QStringLiteral("export.unmasked"));
        QCOMPARE(entries[0].details.value(QLatin1String("count")).toInteger(),
                 test::Fixtures::names().size());
    }

    void cancelKeepsTheExistingFile()
    {
        test::TempStore temp;
        QList<QByteArray> bodies;
        for (int i = 0; i < 5000; ++i)
            bodies << test::minimalEvent(test::Fixtures::syntheticEventId(i).toUtf8());
        QVERIFY(temp.addRaw(bodies).committed);
        temp.stopWriter();
        const QString path = m_output.filePath(QStringLiteral("keep.jsonl"));
        QVERIFY(writeFile(path, "earlier export\n"));

        ExportDialog dialog(temp.path(), {}, {});
        dialog.setOutputPath(path);
        dialog.show();
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.startExport();
        QVERIFY(dialog.isRunning());
        auto* close = child<QPushButton>(dialog, "closeButton");
        QCOMPARE(close->text(), QStringLiteral("Cancel"));
        QVERIFY(!child<QPushButton>(dialog, "exportButton")->isEnabled());
        close->click();
        QVERIFY(dialog.isVisible());
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(dialog.resultText().contains(QLatin1String("cancelled")), qPrintable(dialog.resultText()));
        QCOMPARE(readAll(path), QByteArray("earlier export\n"));
        QCOMPARE(close->text(), QStringLiteral("Close"));
        close->click();
        QVERIFY(!dialog.isVisible());
    }

    void unwritableFolderShowsWhatToDo()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a-file"))));
        ExportDialog dialog(m_store->path(), {}, {});
        dialog.setOutputPath(dir.filePath(QStringLiteral("a-file/out.jsonl")));
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.startExport();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(dialog.resultText().contains(QLatin1String("Choose a folder")),
                 qPrintable(dialog.resultText()));
        QVERIFY(!dialog.isRunning());
        QVERIFY(child<QPushButton>(dialog, "exportButton")->isEnabled());
    }

    void cancellingTheFileChooserStartsNothing()
    {
        ExportDialog dialog(m_store->path(), {}, {});
        dialog.setFileChooser([](QWidget*, const QString&, store::ExportFormat) { return QString(); });
        dialog.startExport();
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.outputPath().isEmpty());
    }

    void missingStoreIsExplained()
    {
        QTemporaryDir dir;
        ExportDialog dialog(dir.filePath(QStringLiteral("absent.sqlite")), {}, {});
        QTRY_COMPARE(child<QRadioButton>(dialog, "filterScope")->text(),
                     QStringLiteral("All events matching the current filter"));
        dialog.setOutputPath(dir.filePath(QStringLiteral("out.jsonl")));
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.startExport();
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY2(dialog.resultText().contains(QLatin1String("no store at")), qPrintable(dialog.resultText()));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out.jsonl"))));
    }

private:
    std::unique_ptr<test::TempStore> m_store;
    QTemporaryDir m_output;
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
