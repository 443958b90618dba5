#pragma once

#include "store/auditexport.h"
#include "store/auditlog.h"

#include <QFutureWatcher>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;

namespace billbridge::widgets {

class AuditDetailView;
class AuditListModel;

// The audit log: every operator action, newest first and live, filtered by action, OS user, text and time;
// the selected entry in full with its before/after change; whether the hash chain is intact (Verify, run off
// the UI thread with progress); and an export of what the filter shows, with the hashes, for auditors.
class AuditPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditPage)

public:
    // Where to export to and in which format; an empty path when the operator cancels. Tests replace it.
    struct ExportTarget {
        QString path;
        store::AuditExportFormat format = store::AuditExportFormat::JsonLines;
    };
    using ExportPrompt = std::function<ExportTarget(QWidget* parent)>;

    // What a background verification or export brought back.
    struct VerifyOutcome {
        store::AuditVerification result;
        QString error;
    };

    explicit AuditPage(QString storePath, QWidget* parent = nullptr);
    ~AuditPage() override;

    AuditListModel* model() const { return m_model; }
    QTableView* list() const { return m_list; }
    AuditDetailView* detailView() const { return m_detail; }
    QLabel* chainStatus() const { return m_chainStatus; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* verifyButton() const { return m_verify; }
    QPushButton* exportButton() const { return m_export; }
    QLineEdit* actionFilter() const { return m_action; }
    QLineEdit* actorFilter() const { return m_actor; }
    QLineEdit* textFilter() const { return m_text; }
    QComboBox* timeFilter() const { return m_time; }

    void setExportPrompt(ExportPrompt prompt) { m_exportPrompt = std::move(prompt); }

    store::AuditFilter filter() const;
    bool showEntry(std::int64_t id);
    bool isVerifying() const { return m_verifyWatcher.isRunning(); }
    bool isExporting() const { return m_exportWatcher.isRunning(); }

    void verifyChain();
    void exportEntries();

signals:
    void verifyFinished(bool intact);
    void exportFinished(bool ok);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* createFilterRow();
    QWidget* createChainRow();
    void retranslate();
    void applyFilter();
    void onCurrentRowChanged();
    void onVerified();
    void onExported();
    void setChainStatus(const QString& text, bool problem);
    void report(const QString& message, bool problem);
    void updateButtons();

    QString m_storePath;
    AuditListModel* m_model = nullptr;
    QLineEdit* m_action = nullptr;
    QLineEdit* m_actor = nullptr;
    QLineEdit* m_text = nullptr;
    QComboBox* m_time = nullptr;
    QTableView* m_list = nullptr;
    AuditDetailView* m_detail = nullptr;
    QSplitter* m_splitter = nullptr;
    QLabel* m_chainStatus = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_verify = nullptr;
    QPushButton* m_export = nullptr;
    QLabel* m_status = nullptr;
    bool m_verifiedOnce = false;

    ExportPrompt m_exportPrompt;
    QFutureWatcher<VerifyOutcome> m_verifyWatcher;
    QFutureWatcher<store::AuditExport::Result> m_exportWatcher;
    QString m_exportPath;
};

} // namespace billbridge::widgets
