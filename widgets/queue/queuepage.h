#pragma once

#include "queue/queueactions.h"
#include "store/jobrecord.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QSettings;
class QSplitter;
class QTableView;

namespace billbridge::widgets {

class BulkRetry;
class JobDetailView;
class JobFilterBar;
class JobListModel;
class QueueCountsBar;

// The delivery queue: counts per state, the pause banner, the filter line, the jobs (live) and the one
// selected in full, and the operator's actions on them — retry, retry everything matching after a dry run,
// send again or mark as sent what may have reached Customer.io, discard with a reason, pause and resume.
// Every store call runs off the UI thread; questions go through replaceable functions (tests answer them).
class QueuePage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueuePage)

public:
    using RetryPreview = widgets::RetryPreview;

    using Confirm = std::function<bool(QWidget* parent, const QString& title, const QString& text)>;
    // nullopt when the operator cancels.
    using ReasonPrompt =
        std::function<std::optional<QString>(QWidget* parent, const QString& title, const QString& label)>;
    using RetryAllConfirm = std::function<bool(QWidget* parent, const RetryPreview& preview)>;

    static constexpr int kPreviewLimit = QueueActions::kPreviewLimit;
    static constexpr int kDefaultChunkSize = 500;

    explicit QueuePage(QString storePath, QWidget* parent = nullptr);
    ~QueuePage() override;

    JobListModel* model() const { return m_model; }
    QTableView* list() const { return m_list; }
    JobFilterBar* filterBar() const { return m_filterBar; }
    JobDetailView* detailView() const { return m_detail; }
    QueueCountsBar* countsBar() const { return m_counts; }
    QWidget* pauseBanner() const { return m_banner; }
    QLabel* statusLabel() const { return m_status; }

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setReasonPrompt(ReasonPrompt prompt) { m_reasonPrompt = std::move(prompt); }
    void setRetryAllConfirm(RetryAllConfirm confirm) { m_retryAllConfirm = std::move(confirm); }
    void setRetryChunkSize(int ids) { m_chunkSize = std::max(ids, 1); }

    std::vector<std::int64_t> selectedJobIds() const;
    // Selects the job when it is among the rows loaded; false otherwise.
    bool showJob(std::int64_t jobId);
    // Selects the job when it is among the rows loaded; otherwise shows its details with no row selected
    // (the list may be filtered or paged past it).
    void openJob(std::int64_t jobId);
    // Narrows the list to these jobs (those one action made), named by `description` in the filter line's
    // chip, and selects `current` (or the first of them) once listed.
    void showOnlyJobs(const std::vector<std::int64_t>& ids, const QString& description,
                      std::int64_t current = 0);
    // The job whose details the pane shows or is loading; 0 for none.
    std::int64_t shownJobId() const { return m_shownJobId; }
    // A change of the queue is being written.
    bool isBusy() const;

    // The actions, as the buttons run them.
    void retrySelected();
    void sendAgainSelected();
    void markSelectedSent();
    void discardSelected();
    void retryAllMatching();
    void cancelBulkRetry();
    void pauseQueue();
    void resumeQueue();

    void saveState(QSettings& settings) const;
    void restoreState(const QSettings& settings);

signals:
    // The operator wants the Stripe event that caused a job.
    void eventRequested(const QString& eventId);
    // The details of the shown job arrived.
    void jobShown(std::int64_t jobId);
    // An action finished (or was refused); statusLabel() says how.
    void actionFinished();
    void bulkRetryProgressed(int done, int total);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* createBanner();
    QWidget* createToolRow();
    void retranslate();
    void onActionFinished(const QString& message, bool problem);
    // An action that ended before it reached the store (declined, or refused with `message`).
    void refuse(const QString& message, bool problem);
    void start(const std::function<void()>& action);
    void onPreviewReady(const RetryPreview& preview);
    void report(const QString& message, bool problem);
    void updateActions();
    void updateBanner();
    void onCurrentRowChanged();
    void onRefreshed();
    void onCountClicked(store::JobState state);
    void startBulkRetry(const RetryPreview& preview);
    void finishBulkRetry();
    std::vector<store::Job> selectedJobs() const;
    static std::vector<std::int64_t> idsIn(const std::vector<store::Job>& jobs,
                                           std::initializer_list<store::JobState> states);

    QString m_storePath;
    JobListModel* m_model = nullptr;
    QueueCountsBar* m_counts = nullptr;
    QWidget* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    QPushButton* m_resume = nullptr;
    JobFilterBar* m_filterBar = nullptr;
    QTableView* m_list = nullptr;
    JobDetailView* m_detail = nullptr;
    QSplitter* m_splitter = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_sendAgain = nullptr;
    QPushButton* m_markSent = nullptr;
    QPushButton* m_discard = nullptr;
    QPushButton* m_retryAll = nullptr;
    QPushButton* m_pause = nullptr;
    QLabel* m_status = nullptr;
    std::int64_t m_shownJobId = 0;

    QueueActions* m_actions = nullptr;

    BulkRetry* m_bulk = nullptr; // the retry of everything matching, while it runs
    int m_chunkSize = kDefaultChunkSize;

    Confirm m_confirm;
    ReasonPrompt m_reasonPrompt;
    RetryAllConfirm m_retryAllConfirm;
};

} // namespace billbridge::widgets
