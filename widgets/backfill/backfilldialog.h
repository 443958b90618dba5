#pragma once

#include "connections/connectionservices.h"
#include "stripe/backfill.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>
#include <optional>

class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QThread;

namespace billbridge::store {
class EventWriter;
}

namespace billbridge::widgets {

class BackfillRunner;

// What the dialog needs from the console.
struct BackfillServices {
    QString storePath;
    // Where the Stripe API key is read from (keychain, then the values kept for this session).
    ConnectionServices connections;
    // The writer of the console's own intake when it runs (IntakeService::sharedWriter()): sharing it keeps
    // one writer per store file. Null: the dialog opens a writer of its own for each run.
    std::shared_ptr<store::EventWriter> writer;
    int pageSize = stripe::EventListParams::kMaxLimit;
};

// Imports Stripe's event history (the last 30 days at most) into the store, with progress, a rate and an
// estimate of the time left. The import runs on a thread of its own and can be stopped at any page: its
// position stays in the store, so the dialog (now, or when opened again later) offers to resume it.
class BackfillDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackfillDialog)

public:
    enum class Phase { Loading, Ready, Running, Stopping, Finished };
    Q_ENUM(Phase)

    explicit BackfillDialog(BackfillServices services, QWidget* parent = nullptr);
    ~BackfillDialog() override;

    Phase phase() const { return m_phase; }
    // The unfinished backfill found in the store (or left by the last run), if any.
    const std::optional<stripe::BackfillState>& resumable() const { return m_resumable; }
    std::optional<stripe::BackfillOutcome> lastOutcome() const { return m_lastOutcome; }

    // Starts a backfill with what the form says, or continues the unfinished one.
    void startBackfill();
    void resumeBackfill();
    // Stops after the page in flight is stored; the position is kept.
    void cancelBackfill();

    void reject() override;

signals:
    // The state of the store was read and the form is ready (a resumable backfill may have been found).
    void loaded();
    void phaseChanged(billbridge::widgets::BackfillDialog::Phase phase);
    void progressed(const billbridge::stripe::BackfillProgress& progress);
    void finished(const billbridge::stripe::BackfillResult& result);
    // The operator asked to fix the credentials.
    void openConnectionsRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void readSavedState();
    void onSavedState();
    void run(const stripe::BackfillOptions& options);
    void runWithKey(const stripe::BackfillOptions& options, const QString& apiKey);
    void onProgress(const stripe::BackfillProgress& progress);
    void onFinished(const stripe::BackfillResult& result);
    void showProblem(const QString& text, bool offerConnections);
    void setPhase(Phase phase);
    void updateControls();
    void updateResumeText();
    std::optional<stripe::BackfillOptions> optionsFromForm(QString* problem) const;
    void finishThread();

    BackfillServices m_services;
    Phase m_phase = Phase::Loading;
    std::optional<stripe::BackfillState> m_resumable;
    std::optional<stripe::BackfillOutcome> m_lastOutcome;
    bool m_closeWhenFinished = false;
    QFutureWatcher<std::optional<stripe::BackfillState>> m_stateWatcher;
    QThread* m_thread = nullptr;
    BackfillRunner* m_runner = nullptr;

    QLabel* m_intro = nullptr;
    QRadioButton* m_lastThirtyDays = nullptr;
    QRadioButton* m_sinceDate = nullptr;
    QDateEdit* m_date = nullptr;
    QLabel* m_typesCaption = nullptr;
    QLineEdit* m_types = nullptr;
    QLabel* m_resumeText = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QLabel* m_progressText = nullptr;
    QLabel* m_outcome = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_resumeButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_connectionsButton = nullptr;
    QPushButton* m_closeButton = nullptr;
};

} // namespace billbridge::widgets
