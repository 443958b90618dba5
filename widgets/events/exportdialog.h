#pragma once

#include "store/eventexporter.h"
#include "store/eventfilter.h"
#include "store/eventquery.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace billbridge::widgets {

// Exports the selected events, or every event matching the browser's filter, to a JSON lines or CSV file.
// Personal data is masked unless the operator asks otherwise, confirms, and so leaves a row in the audit
// log. The export runs on the thread pool with its own read connection; the window stays responsive and the
// export can be cancelled, which leaves no file behind and any earlier file of that name untouched.
class ExportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    // Asks where to save; an empty string when the operator cancels.
    using FileChooser =
        std::function<QString(QWidget* parent, const QString& suggestedPath, store::ExportFormat format)>;
    // Asks whether to include unmasked personal data.
    using UnmaskConfirmation = std::function<bool(QWidget* parent)>;

    ExportDialog(QString storePath, store::EventFilter filter, QStringList selectedIds,
                 QWidget* parent = nullptr);
    ~ExportDialog() override;

    void setFileChooser(FileChooser chooser);
    void setUnmaskConfirmation(UnmaskConfirmation confirmation);

    QString outputPath() const { return m_outputPath; }
    void setOutputPath(const QString& path);
    bool isRunning() const { return m_job != nullptr; }
    // The last export's outcome in words; empty before the first one.
    QString resultText() const;

    // Starts with the chosen options, asking for a file first when none is chosen yet.
    void startExport();
    void cancelExport();

    void reject() override;

signals:
    void exportFinished(bool completed);

private:
    struct Job;

    void chooseFile();
    void onUnmaskToggled(bool checked);
    void onFormatChanged();
    void onCountFinished();
    void onExportFinished();
    void showProgress();
    void updateControls();
    store::ExportFormat format() const;
    static QString defaultChooser(QWidget* parent, const QString& suggestedPath, store::ExportFormat format);
    static bool defaultConfirmation(QWidget* parent);

    const QString m_storePath;
    const store::EventFilter m_filter;
    const QStringList m_selectedIds;
    QString m_outputPath;
    FileChooser m_fileChooser;
    UnmaskConfirmation m_unmaskConfirmation;

    QRadioButton* m_selectionScope = nullptr;
    QRadioButton* m_filterScope = nullptr;
    QRadioButton* m_jsonLines = nullptr;
    QRadioButton* m_csv = nullptr;
    QLineEdit* m_pathEdit = nullptr;
    QPushButton* m_chooseButton = nullptr;
    QCheckBox* m_unmask = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_exportButton = nullptr;

    QFutureWatcher<std::optional<store::EventCount>> m_countWatcher;
    QFutureWatcher<store::ExportResult> m_exportWatcher;
    std::shared_ptr<Job> m_job;
    store::ExportMasking m_runningMasking = store::ExportMasking::Masked;
    QTimer m_progressTimer;
};

} // namespace billbridge::widgets
