#include "queue/queuepage.h"

#include "queue/bulkretry.h"
#include "queue/jobdetailview.h"
#include "queue/jobfilterbar.h"
#include "queue/joblistmodel.h"
#include "queue/jobtext.h"
#include "queue/queueactions.h"
#include "queue/queuecountsbar.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace billbridge::widgets {

namespace {

constexpr auto kHeaderKey = "queue/header";
constexpr auto kSplitterKey = "queue/splitter";

bool contains(std::initializer_list<store::JobState> states, store::JobState state)
{
    return std::find(states.begin(), states.end(), state) != states.end();
}

bool defaultRetryAllConfirm(QWidget* parent, const RetryPreview& preview)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("retryAllDialog"));
    dialog.setWindowTitle(QueuePage::tr("Retry All Matching"));
    auto* layout = new QVBoxLayout(&dialog);
    QString text = preview.count == 1
                       ? QueuePage::tr("1 job matching the filter will be sent again.")
                       : QueuePage::tr("%1 jobs matching the filter will be sent again.").arg(preview.count);
    if (preview.count > int(preview.requests.size()))
        text += QLatin1Char(' ') + QueuePage::tr("The first %1 requests:").arg(preview.requests.size());
    if (preview.mayDuplicate)
        text +=
            QStringLiteral("\n\n") +
            QueuePage::tr("Some of them need review: they may already have reached Customer.io, and sending "
                          "them again can deliver a duplicate email or broadcast.");
    auto* label = new QLabel(text, &dialog);
    label->setWordWrap(true);
    layout->addWidget(label);
    auto* requests = new QListWidget(&dialog);
    requests->addItems(preview.requests);
    layout->addWidget(requests, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(QueuePage::tr("Send Again"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(620, 420);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace

QueuePage::QueuePage(QString storePath, QWidget* parent)
    : QWidget(parent)
    , m_storePath(std::move(storePath))
{
    setObjectName(QStringLiteral("queuePage"));
    m_confirm = [](QWidget* parent, const QString& title, const QString& text) {
        return QMessageBox::question(parent, title, text) == QMessageBox::Yes;
    };
    m_reasonPrompt = [](QWidget* parent, const QString& title,
                        const QString& label) -> std::optional<QString> {
        bool ok = false;
        const QString reason = QInputDialog::getText(parent, title, label, QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return std::nullopt;
        return reason;
    };
    m_retryAllConfirm = defaultRetryAllConfirm;
    m_model = new JobListModel(m_storePath, this);
    m_actions = new QueueActions(m_storePath, this);
    // Polling starts when the page is shown; the first read happens regardless.
    m_model->setLiveUpdates(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_counts = new QueueCountsBar(this);
    layout->addWidget(m_counts);
    layout->addWidget(createBanner());
    m_filterBar = new JobFilterBar(this);
    layout->addWidget(m_filterBar);
    layout->addWidget(createToolRow());

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("queueSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_list = new QTableView(m_splitter);
    m_list->setObjectName(QStringLiteral("jobList"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_list->setShowGrid(false);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    QHeaderView* header = m_list->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->resizeSection(JobListModel::Updated, 150);
    header->resizeSection(JobListModel::State, 110);
    header->resizeSection(JobListModel::Operation, 150);
    header->resizeSection(JobListModel::Customer, 150);
    header->resizeSection(JobListModel::Attempts, 70);
    header->resizeSection(JobListModel::LastError, 240);
    header->resizeSection(JobListModel::NextAttempt, 150);
    header->resizeSection(JobListModel::EventId, 200);
    m_detail = new JobDetailView(m_splitter);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    // The request and its attempts need room as much as the list does.
    m_splitter->setSizes({300, 380});
    layout->addWidget(m_splitter, 1);

    connect(m_filterBar, &JobFilterBar::filterChanged, this, [this](const store::JobFilter& filter) {
        m_counts->setSelectedStates(filter.states);
        m_model->setFilter(filter);
        updateActions();
    });
    connect(m_counts, &QueueCountsBar::stateClicked, this, &QueuePage::onCountClicked);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &QueuePage::onCurrentRowChanged);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QueuePage::updateActions);
    connect(m_model, &JobListModel::refreshed, this, &QueuePage::onRefreshed);
    connect(m_model, &JobListModel::firstPageLoaded, this, [this] {
        // A new filter that still matches the job being looked at keeps it selected.
        if (m_shownJobId != 0)
            showJob(m_shownJobId);
        onRefreshed();
    });
    // A reset drops the selection without a selectionChanged signal.
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueuePage::updateActions);
    connect(m_model, &JobListModel::errorOccurred, this,
            [this](const QString& message) { report(message, true); });
    connect(m_model, &JobListModel::storeMissingChanged, this, [this](bool missing) {
        if (missing)
            report(tr("There is no store yet, so nothing waits to be sent. Jobs appear here once events "
                      "are received."),
                   false);
        updateActions();
    });
    connect(m_model, &JobListModel::jobLoaded, this, [this](const store::Job& job) {
        if (job.id != m_shownJobId)
            return;
        m_detail->setJob(job);
        emit jobShown(job.id);
    });
    connect(m_model, &JobListModel::jobLoadFailed, this, [this](std::int64_t id, const QString& message) {
        if (id == m_shownJobId)
            m_detail->clear(message);
    });
    connect(m_detail, &JobDetailView::eventRequested, this, &QueuePage::eventRequested);
    connect(m_actions, &QueueActions::finished, this, &QueuePage::onActionFinished);
    connect(m_actions, &QueueActions::previewReady, this, &QueuePage::onPreviewReady);

    retranslate();
    updateActions();
}

QueuePage::~QueuePage() = default;

QWidget* QueuePage::createBanner()
{
    auto* banner = new QFrame(this);
    banner->setObjectName(QStringLiteral("pauseBanner"));
    banner->setFrameShape(QFrame::StyledPanel);
    banner->setStyleSheet(
        QStringLiteral("QFrame#pauseBanner { background: #fff3e0; border: 1px solid #ef6c00; "
                       "border-radius: 4px; } QLabel { color: #5d3200; }"));
    auto* layout = new QHBoxLayout(banner);
    layout->setContentsMargins(10, 6, 10, 6);
    m_bannerText = new QLabel(banner);
    m_bannerText->setObjectName(QStringLiteral("pauseReason"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resume = new QPushButton(banner);
    m_resume->setObjectName(QStringLiteral("resumeButton"));
    layout->addWidget(m_bannerText, 1);
    layout->addWidget(m_resume);
    connect(m_resume, &QPushButton::clicked, this, &QueuePage::resumeQueue);
    banner->hide();
    m_banner = banner;
    return banner;
}

QWidget* QueuePage::createToolRow()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    const auto button = [row](const char* name) {
        auto* result = new QPushButton(row);
        result->setObjectName(QLatin1String(name));
        return result;
    };
    m_retry = button("retryButton");
    m_sendAgain = button("sendAgainButton");
    m_markSent = button("markSentButton");
    m_discard = button("discardButton");
    m_retryAll = button("retryAllButton");
    m_pause = button("pauseButton");
    m_status = new QLabel(row);
    m_status->setObjectName(QStringLiteral("queueStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_retry);
    layout->addWidget(m_sendAgain);
    layout->addWidget(m_markSent);
    layout->addWidget(m_discard);
    layout->addSpacing(12);
    layout->addWidget(m_retryAll);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_pause);
    connect(m_retry, &QPushButton::clicked, this, &QueuePage::retrySelected);
    connect(m_sendAgain, &QPushButton::clicked, this, &QueuePage::sendAgainSelected);
    connect(m_markSent, &QPushButton::clicked, this, &QueuePage::markSelectedSent);
    connect(m_discard, &QPushButton::clicked, this, &QueuePage::discardSelected);
    connect(m_retryAll, &QPushButton::clicked, this, &QueuePage::retryAllMatching);
    connect(m_pause, &QPushButton::clicked, this, &QueuePage::pauseQueue);
    return row;
}

void QueuePage::retranslate()
{
    m_retry->setText(tr("Retry"));
    m_retry->setToolTip(tr("Send the selected dead or discarded jobs again, now"));
    m_sendAgain->setText(tr("Send Again…"));
    m_sendAgain->setToolTip(tr("Send the selected jobs that need review again, after checking Customer.io"));
    m_markSent->setText(tr("Mark as Sent…"));
    m_markSent->setToolTip(
        tr("You checked in Customer.io that the selected jobs that need review did arrive"));
    m_discard->setText(tr("Discard…"));
    m_discard->setToolTip(tr("Never send the selected jobs; you give the reason"));
    m_retryAll->setText(tr("Retry All Matching…"));
    m_retryAll->setToolTip(
        tr("Send again every dead, needs-review or discarded job the filter shows, after a "
           "dry run that lists what would go out"));
    m_pause->setText(tr("Pause Sending…"));
    m_pause->setToolTip(
        tr("Stop every worker from sending until you resume; the reason is shown to everyone"));
    m_resume->setText(tr("Resume Sending"));
    updateBanner();
}

void QueuePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void QueuePage::showEvent(QShowEvent* event)
{
    m_model->setLiveUpdates(true);
    QWidget::showEvent(event);
}

void QueuePage::hideEvent(QHideEvent* event)
{
    // A hidden page has nobody to show changes to.
    m_model->setLiveUpdates(false);
    QWidget::hideEvent(event);
}

std::vector<store::Job> QueuePage::selectedJobs() const
{
    std::vector<store::Job> jobs;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    jobs.reserve(std::size_t(rows.size()));
    for (const QModelIndex& index : rows)
        jobs.push_back(m_model->jobAt(index.row()));
    return jobs;
}

std::vector<std::int64_t> QueuePage::selectedJobIds() const
{
    std::vector<std::int64_t> ids;
    for (const store::Job& job : selectedJobs())
        ids.push_back(job.id);
    return ids;
}

std::vector<std::int64_t> QueuePage::idsIn(const std::vector<store::Job>& jobs,
                                           std::initializer_list<store::JobState> states)
{
    std::vector<std::int64_t> ids;
    for (const store::Job& job : jobs)
        if (contains(states, job.state))
            ids.push_back(job.id);
    return ids;
}

bool QueuePage::showJob(std::int64_t jobId)
{
    const int row = m_model->rowOfJob(jobId);
    if (row < 0)
        return false;
    m_list->selectRow(row);
    m_list->scrollTo(m_model->index(row, 0));
    return true;
}

void QueuePage::openJob(std::int64_t jobId)
{
    if (jobId <= 0 || showJob(jobId))
        return;
    m_list->selectionModel()->clear();
    m_shownJobId = jobId;
    m_model->loadJob(jobId);
}

void QueuePage::showOnlyJobs(const std::vector<std::int64_t>& ids, const QString& description,
                             std::int64_t current)
{
    if (ids.empty())
        return;
    // Selected when the narrowed list arrives (firstPageLoaded), or shown in the pane until then.
    openJob(current > 0 ? current : ids.front());
    m_filterBar->showOnlyJobs(ids, description);
}

void QueuePage::updateActions()
{
    const std::vector<store::Job> jobs = selectedJobs();
    const bool idle = !isBusy() && !m_model->isStoreMissing();
    m_retry->setEnabled(idle && !idsIn(jobs, {store::JobState::Dead, store::JobState::Discarded}).empty());
    const bool review = !idsIn(jobs, {store::JobState::NeedsReview}).empty();
    m_sendAgain->setEnabled(idle && review);
    m_markSent->setEnabled(idle && review);
    m_discard->setEnabled(idle && !idsIn(jobs, {store::JobState::Pending, store::JobState::RetryScheduled,
                                                store::JobState::Dead, store::JobState::NeedsReview})
                                       .empty());
    m_retryAll->setEnabled(idle);
    m_pause->setEnabled(idle && m_model->hasStatus());
    m_resume->setEnabled(!isBusy());
}

void QueuePage::updateBanner()
{
    const store::PauseState pause = m_model->pauseState();
    m_banner->setVisible(pause.paused);
    m_pause->setVisible(!pause.paused);
    if (!pause.paused)
        return;
    const QString since = JobListModel::timeText(pause.changedAtMs);
    const QString reason = pause.reason.isEmpty() ? tr("no reason was given") : pause.reason;
    m_bannerText->setText(tr("Sending is paused since %1: %2. No job is sent to Customer.io until someone "
                             "resumes; jobs keep queuing up meanwhile.")
                              .arg(since, reason));
}

void QueuePage::onCurrentRowChanged()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) {
        m_shownJobId = 0;
        m_detail->clear();
        return;
    }
    const store::Job& job = m_model->jobAt(current.row());
    if (job.id == m_shownJobId)
        return;
    m_shownJobId = job.id;
    m_model->loadJob(job.id);
}

void QueuePage::onRefreshed()
{
    m_counts->setCounts([this] {
        std::map<store::JobState, std::int64_t> counts;
        for (int i = 0; i < store::kJobStateCount; ++i)
            counts[static_cast<store::JobState>(i)] = m_model->count(static_cast<store::JobState>(i));
        return counts;
    }());
    updateBanner();
    updateActions();
    // The shown job changed (a worker tried it, an operator moved it): show what it is now.
    if (m_shownJobId != 0) {
        const int row = m_model->rowOfJob(m_shownJobId);
        const std::optional<store::Job> shown = m_detail->job();
        if (row >= 0 && shown && shown->id == m_shownJobId &&
            (m_model->jobAt(row).updatedAtMs != shown->updatedAtMs ||
             m_model->jobAt(row).state != shown->state))
            m_model->loadJob(m_shownJobId);
    }
}

void QueuePage::onCountClicked(store::JobState state)
{
    const std::vector<store::JobState> states = m_filterBar->filter().states;
    // A second click on the only state shown shows every state again.
    if (states.size() == 1 && states.front() == state)
        m_filterBar->setStates({});
    else
        m_filterBar->setStates({state});
    m_counts->setSelectedStates(m_filterBar->filter().states);
}

void QueuePage::report(const QString& message, bool problem)
{
    m_status->setText(message);
    m_status->setStyleSheet(problem ? QStringLiteral("QLabel { color: #b71c1c; }") : QString());
}

void QueuePage::onActionFinished(const QString& message, bool problem)
{
    report(message, problem);
    updateActions();
    // What changed is on screen now, not at the next poll.
    m_model->refreshNow();
    emit actionFinished();
}

void QueuePage::refuse(const QString& message, bool problem)
{
    if (!message.isEmpty())
        report(message, problem);
    emit actionFinished();
}

bool QueuePage::isBusy() const
{
    return m_actions->isBusy() || m_bulk != nullptr;
}

void QueuePage::start(const std::function<void()>& action)
{
    action();
    updateActions();
}

void QueuePage::retrySelected()
{
    const std::vector<std::int64_t> ids =
        idsIn(selectedJobs(), {store::JobState::Dead, store::JobState::Discarded});
    if (isBusy() || ids.empty())
        return;
    start([this, ids] { m_actions->retry(ids); });
}

void QueuePage::sendAgainSelected()
{
    const std::vector<std::int64_t> ids = idsIn(selectedJobs(), {store::JobState::NeedsReview});
    if (isBusy() || ids.empty())
        return;
    const QString risk = tr(
        "If a request did arrive, sending it again delivers it twice — a customer may get the same email "
        "twice, or a broadcast may go out again.\n\nCheck the person's activity in Customer.io first. Send "
        "again?");
    const QString text =
        (ids.size() == 1 ? tr("Billbridge cannot tell whether this request reached "
                              "Customer.io: it stopped or lost the connection while sending.")
                         : tr("Billbridge cannot tell whether these %1 requests reached "
                              "Customer.io: it stopped or lost the connection while sending.")
                               .arg(ids.size())) +
        QLatin1Char(' ') + risk;
    if (!m_confirm(this, tr("Send Again"), text)) {
        refuse(tr("Nothing was sent again."), false);
        return;
    }
    start([this, ids] { m_actions->retry(ids); });
}

void QueuePage::markSelectedSent()
{
    const std::vector<std::int64_t> ids = idsIn(selectedJobs(), {store::JobState::NeedsReview});
    if (isBusy() || ids.empty())
        return;
    const QString text =
        (ids.size() == 1 ? tr("Mark this job as sent?") : tr("Mark these %1 jobs as sent?").arg(ids.size())) +
        QLatin1Char(' ') +
        tr("Do this only when you saw in Customer.io that the request arrived; Billbridge will never send it "
           "again.");
    if (!m_confirm(this, tr("Mark as Sent"), text)) {
        refuse(tr("Nothing was marked as sent."), false);
        return;
    }
    start([this, ids] { m_actions->markSent(ids); });
}

void QueuePage::discardSelected()
{
    const std::vector<std::int64_t> ids =
        idsIn(selectedJobs(), {store::JobState::Pending, store::JobState::RetryScheduled,
                               store::JobState::Dead, store::JobState::NeedsReview});
    if (isBusy() || ids.empty())
        return;
    const std::optional<QString> reason =
        m_reasonPrompt(this, tr("Discard Jobs"),
                       (ids.size() == 1 ? tr("Why should this job never be sent?")
                                        : tr("Why should these %1 jobs never be sent?").arg(ids.size())) +
                           QLatin1Char(' ') + tr("The reason is kept with each job."));
    if (!reason) {
        refuse(tr("Nothing was discarded."), false);
        return;
    }
    if (reason->trimmed().isEmpty()) {
        refuse(tr("Nothing was discarded: a reason is required, so that whoever looks at these jobs later "
                  "knows why they were not sent. Choose Discard… again and give one."),
               true);
        return;
    }
    start([this, ids, text = reason->trimmed()] { m_actions->discard(ids, text); });
}

void QueuePage::retryAllMatching()
{
    if (isBusy())
        return;
    start([this, filter = m_filterBar->filter()] { m_actions->previewRetryMatching(filter); });
}

void QueuePage::onPreviewReady(const RetryPreview& preview)
{
    if (!m_retryAllConfirm(this, preview)) {
        refuse(tr("Nothing was sent again."), false);
        updateActions();
        return;
    }
    startBulkRetry(preview);
}

void QueuePage::startBulkRetry(const RetryPreview& preview)
{
    auto* bulk = new BulkRetry(m_storePath, preview.ids, m_chunkSize, this);
    auto* progress = new QProgressDialog(this);
    progress->setObjectName(QStringLiteral("retryAllProgress"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowTitle(tr("Retry All Matching"));
    progress->setLabelText(tr("Moving %1 jobs back into the queue…").arg(bulk->total()));
    progress->setRange(0, bulk->total());
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, bulk, &BulkRetry::cancel);
    connect(bulk, &BulkRetry::progressed, this,
            [this, progress = QPointer<QProgressDialog>(progress)](int done, int total) {
                if (progress)
                    progress->setValue(done);
                emit bulkRetryProgressed(done, total);
            });
    connect(bulk, &BulkRetry::finished, this, [this, progress = QPointer<QProgressDialog>(progress)] {
        if (progress)
            progress->close();
        finishBulkRetry();
    });
    m_bulk = bulk;
    progress->open();
    updateActions();
    bulk->start();
}

void QueuePage::cancelBulkRetry()
{
    if (m_bulk)
        m_bulk->cancel();
}

void QueuePage::finishBulkRetry()
{
    BulkRetry* bulk = m_bulk;
    m_bulk = nullptr;
    if (!bulk->error().isEmpty())
        report(tr("%1 of %2 jobs were moved back into the queue, then the rest failed: %3. Choose Retry All "
                  "Matching… again to retry the rest.")
                   .arg(bulk->moved())
                   .arg(bulk->total())
                   .arg(bulk->error()),
               true);
    else if (bulk->wasCancelled())
        report(tr("Cancelled: %1 of %2 jobs will be sent again; the others were left as they are.")
                   .arg(bulk->moved())
                   .arg(bulk->total()),
               false);
    else
        report(QueueActions::sentAgainText(bulk->moved()), false);
    // Called from its own signal.
    bulk->deleteLater();
    updateActions();
    m_model->refreshNow();
    emit actionFinished();
}

void QueuePage::pauseQueue()
{
    if (isBusy())
        return;
    const std::optional<QString> reason =
        m_reasonPrompt(this, tr("Pause Sending"),
                       tr("Why are you pausing? Everyone who opens the console sees the reason until sending "
                          "resumes."));
    if (!reason) {
        refuse(QString(), false);
        return;
    }
    if (reason->trimmed().isEmpty()) {
        refuse(tr("Sending was not paused: say why, so that others know when it is safe to resume. Choose "
                  "Pause Sending… again and give a reason."),
               true);
        return;
    }
    start([this, text = reason->trimmed()] { m_actions->pause(text); });
}

void QueuePage::resumeQueue()
{
    if (isBusy())
        return;
    start([this] { m_actions->resume(); });
}

void QueuePage::saveState(QSettings& settings) const
{
    settings.setValue(QLatin1String(kHeaderKey), m_list->horizontalHeader()->saveState());
    settings.setValue(QLatin1String(kSplitterKey), m_splitter->saveState());
}

void QueuePage::restoreState(const QSettings& settings)
{
    const QByteArray header = settings.value(QLatin1String(kHeaderKey)).toByteArray();
    if (!header.isEmpty())
        m_list->horizontalHeader()->restoreState(header);
    const QByteArray splitter = settings.value(QLatin1String(kSplitterKey)).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
}

} // namespace billbridge::widgets
