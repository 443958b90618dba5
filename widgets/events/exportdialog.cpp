#include "events/exportdialog.h"

#include "store/eventstore.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <climits>

namespace billbridge::widgets {

// Shared with the worker, which may outlive the dialog after a cancel: it only ever touches this.
struct ExportDialog::Job {
    std::atomic<bool> cancel = false;
    std::atomic<std::int64_t> written = 0;
    std::atomic<std::int64_t> total = -1;
};

namespace {

std::optional<store::EventCount> countMatching(const QString& path, const store::EventFilter& filter)
{
    try {
        store::EventStore events = store::EventStore::openForReading(path);
        return events.query().count(filter);
    } catch (const std::exception&) {
        // The export itself reports what is wrong with the store, in words; the count just stays unknown.
        return std::nullopt;
    }
}

QString withSuffix(const QString& path, store::ExportFormat format)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (suffix != QLatin1String("csv") && suffix != QLatin1String("jsonl"))
        return path;
    return info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + store::toString(format));
}

} // namespace

ExportDialog::ExportDialog(QString storePath, store::EventFilter filter, QStringList selectedIds,
                           QWidget* parent)
    : QDialog(parent)
    , m_storePath(std::move(storePath))
    , m_filter(std::move(filter))
    , m_selectedIds(std::move(selectedIds))
    , m_fileChooser(&ExportDialog::defaultChooser)
    , m_unmaskConfirmation(&ExportDialog::defaultConfirmation)
{
    setWindowTitle(tr("Export events"));

    auto* scopeBox = new QGroupBox(tr("Events"), this);
    m_selectionScope = new QRadioButton(
        tr("Selected events (%1)").arg(QLocale().toString(qint64(m_selectedIds.size()))), scopeBox);
    m_selectionScope->setObjectName(QStringLiteral("selectionScope"));
    m_filterScope = new QRadioButton(tr("All events matching the current filter (counting…)"), scopeBox);
    m_filterScope->setObjectName(QStringLiteral("filterScope"));
    auto* scopeLayout = new QVBoxLayout(scopeBox);
    scopeLayout->addWidget(m_selectionScope);
    scopeLayout->addWidget(m_filterScope);
    m_selectionScope->setEnabled(!m_selectedIds.isEmpty());
    (m_selectedIds.isEmpty() ? m_filterScope : m_selectionScope)->setChecked(true);

    auto* formatBox = new QGroupBox(tr("Format"), this);
    m_jsonLines = new QRadioButton(tr("JSON lines: each event's payload as Stripe sent it"), formatBox);
    m_jsonLines->setObjectName(QStringLiteral("jsonLinesFormat"));
    m_csv = new QRadioButton(tr("CSV: one row per event, for spreadsheets"), formatBox);
    m_csv->setObjectName(QStringLiteral("csvFormat"));
    m_jsonLines->setChecked(true);
    auto* formatLayout = new QVBoxLayout(formatBox);
    formatLayout->addWidget(m_jsonLines);
    formatLayout->addWidget(m_csv);
    connect(m_jsonLines, &QRadioButton::toggled, this, &ExportDialog::onFormatChanged);

    m_pathEdit = new QLineEdit(this);
    m_pathEdit->setObjectName(QStringLiteral("outputPath"));
    m_pathEdit->setReadOnly(true);
    m_pathEdit->setPlaceholderText(tr("Choose where to save the file"));
    m_chooseButton = new QPushButton(tr("Choose…"), this);
    m_chooseButton->setObjectName(QStringLiteral("chooseFile"));
    connect(m_chooseButton, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_pathEdit, 1);
    fileRow->addWidget(m_chooseButton);

    m_unmask = new QCheckBox(tr("Include email addresses and names unmasked"), this);
    m_unmask->setObjectName(QStringLiteral("unmask"));
    auto* unmaskNote =
        new QLabel(tr("Without this, emails, names, phone numbers and postal addresses are "
                      "masked (a***@e***.com). An unmasked export is recorded in the audit log "
                      "with your user name, the file and the filter."),
                   this);
    unmaskNote->setWordWrap(true);
    connect(m_unmask, &QCheckBox::toggled, this, &ExportDialog::onUnmaskToggled);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_exportButton = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scopeBox);
    layout->addWidget(formatBox);
    auto* fileForm = new QFormLayout;
    fileForm->addRow(tr("File:"), fileRow);
    layout->addLayout(fileForm);
    layout->addWidget(m_unmask);
    layout->addWidget(unmaskNote);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, &ExportDialog::showProgress);
    connect(&m_countWatcher, &QFutureWatcherBase::finished, this, &ExportDialog::onCountFinished);
    connect(&m_exportWatcher, &QFutureWatcherBase::finished, this, &ExportDialog::onExportFinished);
    m_countWatcher.setFuture(QtConcurrent::run(&countMatching, m_storePath, m_filter));
    updateControls();
}

// A running export holds its own copies of everything it needs; it is told to stop and finishes unobserved,
// removing its temporary file, rather than holding up the window.
ExportDialog::~ExportDialog()
{
    if (m_job)
        m_job->cancel = true;
}

void ExportDialog::setFileChooser(FileChooser chooser)
{
    m_fileChooser = std::move(chooser);
}

void ExportDialog::setUnmaskConfirmation(UnmaskConfirmation confirmation)
{
    m_unmaskConfirmation = std::move(confirmation);
}

void ExportDialog::setOutputPath(const QString& path)
{
    m_outputPath = path;
    m_pathEdit->setText(QDir::toNativeSeparators(path));
    updateControls();
}

QString ExportDialog::resultText() const
{
    return m_status->text();
}

store::ExportFormat ExportDialog::format() const
{
    return m_csv->isChecked() ? store::ExportFormat::Csv : store::ExportFormat::JsonLines;
}

void ExportDialog::chooseFile()
{
    QString suggested = m_outputPath;
    if (suggested.isEmpty()) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        suggested = QDir(folder).filePath(
            QStringLiteral("billbridge-events-%1.%2")
                .arg(QDate::currentDate().toString(Qt::ISODate), store::toString(format())));
    }
    const QString chosen = m_fileChooser(this, suggested, format());
    if (!chosen.isEmpty())
        setOutputPath(chosen);
}

void ExportDialog::onUnmaskToggled(bool checked)
{
    if (checked && !m_unmaskConfirmation(this)) {
        const QSignalBlocker blocker(m_unmask);
        m_unmask->setChecked(false);
    }
}

void ExportDialog::onFormatChanged()
{
    if (!m_outputPath.isEmpty())
        setOutputPath(withSuffix(m_outputPath, format()));
}

void ExportDialog::onCountFinished()
{
    const std::optional<store::EventCount> count = m_countWatcher.result();
    if (!count) {
        m_filterScope->setText(tr("All events matching the current filter"));
        return;
    }
    const QString number = QLocale().toString(qint64(count->count));
    m_filterScope->setText(count->exact
                               ? tr("All events matching the current filter (%1)").arg(number)
                               : tr("All events matching the current filter (%1 or more)").arg(number));
}

void ExportDialog::startExport()
{
    if (m_job)
        return;
    if (m_outputPath.isEmpty()) {
        chooseFile();
        if (m_outputPath.isEmpty())
            return;
    }
    store::ExportRequest request;
    request.storePath = m_storePath;
    request.outputPath = m_outputPath;
    request.filter = m_filter;
    if (m_selectionScope->isChecked())
        request.eventIds = m_selectedIds;
    request.format = format();
    request.masking = m_unmask->isChecked() ? store::ExportMasking::Unmasked : store::ExportMasking::Masked;
    m_runningMasking = request.masking;

    auto job = std::make_shared<Job>();
    m_job = job;
    m_status->setText(tr("Exporting…"));
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_progressTimer.start();
    updateControls();
    m_exportWatcher.setFuture(QtConcurrent::run([request = std::move(request), job] {
        return store::EventExporter(request).run(&job->cancel, [&job](const store::ExportProgress& progress) {
            job->written = progress.written;
            job->total = progress.total.value_or(-1);
        });
    }));
}

void ExportDialog::cancelExport()
{
    if (!m_job)
        return;
    m_job->cancel = true;
    m_status->setText(tr("Cancelling…"));
}

void ExportDialog::reject()
{
    // Escape or Cancel during an export stops the export; the window stays to say how it ended.
    if (m_job) {
        cancelExport();
        return;
    }
    QDialog::reject();
}

void ExportDialog::showProgress()
{
    if (!m_job || m_job->cancel)
        return;
    const std::int64_t written = m_job->written;
    const std::int64_t total = m_job->total;
    const QLocale locale;
    if (total >= 0) {
        // QProgressBar counts in int; the ratio is what matters.
        const int scale = total > 1000000 ? int(total / 1000000 + 1) : 1;
        m_progress->setRange(0, int(total / scale));
        m_progress->setValue(int(written / scale));
        m_status->setText(tr("Exported %1 of %2 events…")
                              .arg(locale.toString(qint64(written)), locale.toString(qint64(total))));
    } else {
        m_progress->setRange(0, 0);
        m_status->setText(tr("Exported %1 events…").arg(locale.toString(qint64(written))));
    }
}

void ExportDialog::onExportFinished()
{
    m_progressTimer.stop();
    m_job.reset();
    m_progress->setVisible(false);
    const store::ExportResult result = m_exportWatcher.result();
    const QString file = QDir::toNativeSeparators(m_outputPath);
    switch (result.status) {
    case store::ExportResult::Status::Completed: {
        QString text = tr("Exported %1 events to %2.").arg(QLocale().toString(qint64(result.written)), file);
        if (result.missing > 0)
            text += QLatin1Char(' ') + tr("%n selected event(s) are no longer in the store.", nullptr,
                                          int(std::min<std::int64_t>(result.missing, INT_MAX)));
        if (m_runningMasking == store::ExportMasking::Unmasked)
            text += QLatin1Char(' ') + tr("The file holds unmasked personal data and the export is recorded "
                                          "in the audit log; keep it safe and delete it when done.");
        m_status->setText(text);
        break;
    }
    case store::ExportResult::Status::Cancelled:
        m_status->setText(
            tr("Export cancelled. Nothing was written, and an earlier file at %1 was left as it "
               "was.")
                .arg(file));
        break;
    case store::ExportResult::Status::Failed:
        m_status->setText(tr("The export failed: %1").arg(result.error));
        break;
    }
    updateControls();
    emit exportFinished(result.status == store::ExportResult::Status::Completed);
}

void ExportDialog::updateControls()
{
    const bool idle = !m_job;
    for (QWidget* widget :
         std::initializer_list<QWidget*>{m_filterScope, m_jsonLines, m_csv, m_chooseButton, m_unmask})
        widget->setEnabled(idle);
    m_selectionScope->setEnabled(idle && !m_selectedIds.isEmpty());
    m_exportButton->setEnabled(idle);
    m_buttons->button(QDialogButtonBox::Close)->setText(idle ? tr("Close") : tr("Cancel"));
}

QString ExportDialog::defaultChooser(QWidget* parent, const QString& suggestedPath,
                                     store::ExportFormat format)
{
    const QString filter =
        format == store::ExportFormat::Csv ? tr("CSV files (*.csv)") : tr("JSON lines files (*.jsonl)");
    return QFileDialog::getSaveFileName(parent, tr("Export events"), suggestedPath, filter);
}

bool ExportDialog::defaultConfirmation(QWidget* parent)
{
    return QMessageBox::question(
               parent, tr("Include personal data?"),
               tr("The file will contain customers' email addresses, names, phone numbers and postal "
                  "addresses "
                  "as Stripe sent them.\n\nThe export is recorded in the audit log with your user name, the "
                  "file and the filter. Keep the file safe and delete it when you no longer need it."),
               QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
}

} // namespace billbridge::widgets
