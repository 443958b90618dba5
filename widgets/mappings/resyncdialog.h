#pragma once

#include "sync/resync.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace billbridge::widgets {

class ResyncTask;

// "N customers are affected": which Customer.io profiles a mapping change makes wrong, attribute by
// attribute (before → after), and the button that enqueues one identify per customer. Both steps run off
// the UI thread with progress and can be cancelled.
class ResyncDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResyncDialog)

public:
    ResyncDialog(const QString& storePath, const sync::ResyncScope& scope, QWidget* parent = nullptr);

    // Looks at the customers (again) and lists what would change.
    void startPreview();

    QLabel* summaryLabel() const { return m_summary; }
    QTreeWidget* changesView() const { return m_changes; }
    QPushButton* enqueueButton() const { return m_enqueueButton; }
    QPushButton* cancelButton() const { return m_cancelButton; }
    QProgressBar* progressBar() const { return m_progress; }
    ResyncTask* task() const { return m_task; }

signals:
    void previewShown(int customers);
    // After an apply, also one that failed half-way (`jobs` is what was committed).
    void enqueued(int jobs);

private:
    void showPreview();
    void showApplied();
    void showFailure(const QString& message);
    void setBusy(bool busy);

    ResyncTask* m_task = nullptr;
    QLabel* m_summary = nullptr;
    QProgressBar* m_progress = nullptr;
    QTreeWidget* m_changes = nullptr;
    QPushButton* m_enqueueButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_closeButton = nullptr;
};

} // namespace billbridge::widgets
