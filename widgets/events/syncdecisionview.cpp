#include "events/syncdecisionview.h"

#include "common/messagelabel.h"
#include "common/timeformat.h"
#include "queue/jobtext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace billbridge::widgets {

namespace {

QLabel* makeLabel(const char* name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

SyncDecisionView::SyncDecisionView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("syncDecisionView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(6);
    m_summary = makeLabel("syncVerdict", this);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_reason = makeLabel("syncReason", this);
    m_jobCount = makeLabel("syncJobCount", this);
    layout->addWidget(m_summary);
    layout->addWidget(m_reason);
    layout->addWidget(m_jobCount);

    m_jobs = new QTreeWidget(this);
    m_jobs->setObjectName(QStringLiteral("syncJobs"));
    m_jobs->setColumnCount(ColumnCount);
    m_jobs->setRootIsDecorated(false);
    m_jobs->setUniformRowHeights(true);
    m_jobs->setAlternatingRowColors(true);
    m_jobs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_jobs->header()->setStretchLastSection(true);
    m_jobs->setColumnWidth(JobColumn, 70);
    m_jobs->setColumnWidth(OperationColumn, 180);
    m_jobs->setColumnWidth(StateColumn, 110);
    layout->addWidget(m_jobs, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_showInQueue = new QPushButton(this);
    m_showInQueue->setObjectName(QStringLiteral("showInQueueButton"));
    buttons->addWidget(m_showInQueue);
    layout->addLayout(buttons);

    connect(m_showInQueue, &QPushButton::clicked, this, &SyncDecisionView::showCurrentJobInQueue);
    connect(m_jobs, &QTreeWidget::itemActivated, this, &SyncDecisionView::request);
    connect(m_jobs, &QTreeWidget::currentItemChanged, this, &SyncDecisionView::updateButton);

    retranslate();
    clear();
}

SyncDecisionView::~SyncDecisionView() = default;

void SyncDecisionView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SyncDecisionView::retranslate()
{
    m_jobs->setHeaderLabels({tr("Job"), tr("Operation"), tr("State"), tr("Made by")});
    m_showInQueue->setText(tr("Show in Queue"));
    m_showInQueue->setToolTip(tr("Open the Queue page with this event's jobs, the selected one in view"));
    fill();
}

void SyncDecisionView::setLoading(const QString& eventId)
{
    m_eventId = eventId;
    m_hasDecision = false;
    m_decision = {};
    fill();
    showMessage(m_summary, tr("Reading what Billbridge did with this event…"), false);
}

void SyncDecisionView::setDecision(const QString& eventId, const sync::SyncDecision& decision)
{
    m_eventId = eventId;
    m_decision = decision;
    m_hasDecision = true;
    fill();
}

void SyncDecisionView::setFailed(const QString& eventId, const QString& message)
{
    m_eventId = eventId;
    m_hasDecision = false;
    m_decision = {};
    fill();
    showMessage(m_summary, message, true);
}

void SyncDecisionView::clear()
{
    m_eventId.clear();
    m_hasDecision = false;
    m_decision = {};
    fill();
}

QString SyncDecisionView::summaryText() const
{
    return m_summary->text();
}

QString SyncDecisionView::reasonText() const
{
    return m_reason->text();
}

QString SyncDecisionView::verdictText(const sync::SyncDecision& decision)
{
    if (!decision.planned)
        return tr("Not planned: sync was off when this event was stored (BILLBRIDGE_SYNC=off), so Billbridge "
                  "decided nothing for Customer.io. Replay the event with sync on to plan it.");
    if (!decision.verdict)
        return tr("Decided “%1” (a decision this version of Billbridge does not know).")
            .arg(decision.verdictName);
    switch (*decision.verdict) {
    case sync::Verdict::Applied:
        return tr("Applied: the newest news about its object, so the customer's profile and events were sent "
                  "to Customer.io.");
    case sync::Verdict::Stale:
        return tr("Stale: newer news about the same object had already been applied, so the profile was left "
                  "as it was.");
    case sync::Verdict::History:
        return tr("History: older than the sync horizon, so only the profile was updated; no custom events "
                  "were sent, so no campaign starts from old news.");
    case sync::Verdict::Ignored:
        return tr("Ignored: nothing was sent to Customer.io for this event.");
    case sync::Verdict::Malformed:
        return tr("Unreadable: this is not a Stripe event Billbridge can read, so nothing was sent.");
    }
    return {};
}

void SyncDecisionView::fill()
{
    m_jobs->clear();
    if (!m_hasDecision) {
        showMessage(m_summary,
                    m_eventId.isEmpty() ? tr("Select an event to see what Billbridge did with it")
                                        : QString(),
                    false);
        showMessage(m_reason, {}, false);
        showMessage(m_jobCount, {}, false);
        m_jobs->hide();
        updateButton();
        return;
    }
    showMessage(m_summary, verdictText(m_decision), false);
    QStringList reason;
    if (!m_decision.reason.isEmpty())
        reason << tr("Reason: %1").arg(m_decision.reason);
    if (m_decision.planned && m_decision.plannedAtMs > 0)
        reason << tr("Planned %1").arg(formatTableTime(m_decision.plannedAtMs / 1000));
    showMessage(m_reason, reason.join(QLatin1Char('\n')), false);
    const int count = int(m_decision.jobs.size());
    showMessage(m_jobCount, count == 0 ? tr("No jobs were created.") : tr("%1 job(s) created").arg(count),
                false);
    for (const sync::SyncDecisionJob& job : m_decision.jobs) {
        auto* item = new QTreeWidgetItem(m_jobs);
        item->setText(JobColumn, QString::number(job.id));
        item->setData(JobColumn, JobIdRole, QVariant::fromValue<qlonglong>(job.id));
        item->setText(OperationColumn, operationTitle(job.operation));
        item->setToolTip(OperationColumn, job.operation);
        item->setText(StateColumn, jobStateTitle(job.state));
        item->setToolTip(StateColumn, jobStateExplanation(job.state));
        item->setText(RuleColumn, job.ruleId.isEmpty()
                                      ? tr("Built-in sync")
                                      : tr("Rule %1, version %2").arg(job.ruleId).arg(job.ruleVersion));
        item->setToolTip(RuleColumn, job.idempotencyKey);
    }
    m_jobs->setVisible(count > 0);
    if (count > 0)
        m_jobs->setCurrentItem(m_jobs->topLevelItem(0));
    updateButton();
}

void SyncDecisionView::updateButton()
{
    m_showInQueue->setVisible(m_hasDecision && !m_decision.jobs.empty());
    m_showInQueue->setEnabled(m_jobs->topLevelItemCount() > 0);
}

void SyncDecisionView::showCurrentJobInQueue()
{
    QTreeWidgetItem* item = m_jobs->currentItem();
    if (item == nullptr)
        item = m_jobs->topLevelItem(0);
    request(item);
}

void SyncDecisionView::request(QTreeWidgetItem* item)
{
    if (item == nullptr)
        return;
    QList<qint64> ids;
    for (const sync::SyncDecisionJob& job : m_decision.jobs)
        ids.append(job.id);
    emit jobRequested(item->data(JobColumn, JobIdRole).toLongLong(), ids);
}

} // namespace billbridge::widgets
