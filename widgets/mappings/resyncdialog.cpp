#include "mappings/resyncdialog.h"

#include "common/messagelabel.h"
#include "mappings/resynctask.h"
#include "util/redact.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace billbridge::widgets {

namespace {

// Only the first customers are listed: the count says how many there are, and thousands of rows would tell
// an operator nothing more.
constexpr int kListedCustomers = 1000;

QString shown(const QJsonValue& value)
{
    if (value.isUndefined())
        return ResyncDialog::tr("(not sent)");
    if (value.isNull())
        return ResyncDialog::tr("(empty)");
    if (value.isString())
        return QStringLiteral("\"%1\"").arg(util::maskEmailsIn(value.toString()));
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

} // namespace

ResyncDialog::ResyncDialog(const QString& storePath, const sync::ResyncScope& scope, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("resyncDialog"));
    setWindowTitle(tr("Re-sync Customer.io Profiles"));
    m_task = new ResyncTask(storePath, scope, this);
    auto* layout = new QVBoxLayout(this);
    auto* scopeLabel = new QLabel(tr("Customers whose stored events name %1.").arg(scope.describe()), this);
    scopeLabel->setWordWrap(true);
    layout->addWidget(scopeLabel);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("resyncSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    auto* progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("resyncProgress"));
    progressRow->addWidget(m_progress, 1);
    m_cancelButton = new QPushButton(tr("&Stop"), this);
    m_cancelButton->setObjectName(QStringLiteral("resyncCancelButton"));
    progressRow->addWidget(m_cancelButton);
    layout->addLayout(progressRow);
    m_changes = new QTreeWidget(this);
    m_changes->setObjectName(QStringLiteral("resyncChanges"));
    m_changes->setHeaderLabels({tr("Customer / Attribute"), tr("Last sent"), tr("Would send")});
    m_changes->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_changes, 1);
    auto* buttons = new QDialogButtonBox(this);
    m_enqueueButton = buttons->addButton(tr("&Enqueue Updates"), QDialogButtonBox::AcceptRole);
    m_enqueueButton->setObjectName(QStringLiteral("resyncEnqueueButton"));
    m_enqueueButton->setEnabled(false);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    resize(760, 480);

    connect(m_cancelButton, &QPushButton::clicked, m_task, &ResyncTask::cancel);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_enqueueButton, &QPushButton::clicked, this, [this] {
        setBusy(true);
        showMessage(m_summary, tr("Enqueueing profile updates…"), false);
        m_task->startApply();
    });
    connect(m_task, &ResyncTask::progressed, this, [this](int done, int total) {
        m_progress->setMaximum(std::max(total, 1));
        m_progress->setValue(done);
    });
    connect(m_task, &ResyncTask::previewReady, this, &ResyncDialog::showPreview);
    connect(m_task, &ResyncTask::applied, this, &ResyncDialog::showApplied);
    connect(m_task, &ResyncTask::failed, this, &ResyncDialog::showFailure);
}

void ResyncDialog::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_cancelButton->setVisible(busy);
    m_progress->setRange(0, 0);
    m_enqueueButton->setEnabled(false);
}

void ResyncDialog::startPreview()
{
    setBusy(true);
    m_changes->clear();
    showMessage(m_summary, tr("Looking at the customers' stored events…"), false);
    m_task->startPreview();
}

void ResyncDialog::showPreview()
{
    setBusy(false);
    const sync::ResyncPreview& preview = m_task->previewResult();
    m_changes->clear();
    int listed = 0;
    for (const sync::CustomerResync& customer : preview.customers) {
        if (++listed > kListedCustomers)
            break;
        auto* top = new QTreeWidgetItem(m_changes, {customer.customerId});
        for (const sync::AttributeChange& change : customer.changes())
            new QTreeWidgetItem(top, {change.name, shown(change.before), shown(change.after)});
    }
    if (preview.customers.size() <= 20)
        m_changes->expandAll();
    QString text = preview.customers.empty()
                       ? tr("No profile needs an update: %n customer(s) looked at.", "", preview.candidates)
                       : tr("%n customer(s) are affected: their Customer.io profile would get the attributes "
                            "below in one update each.",
                            "", int(preview.customers.size()));
    QStringList skipped;
    if (preview.deleted > 0)
        skipped << tr("%n deleted in Stripe", "", preview.deleted);
    if (preview.neverSynced > 0)
        skipped << tr("%n never synced", "", preview.neverSynced);
    if (preview.unreadable > 0)
        skipped << tr("%n with a damaged sync state (their next event repairs it)", "", preview.unreadable);
    if (!skipped.isEmpty())
        text += QLatin1Char(' ') + tr("Left alone: %1.").arg(skipped.join(QStringLiteral(", ")));
    if (preview.cancelled)
        text += QLatin1Char(' ') + tr("Stopped before every customer was looked at.");
    showMessage(m_summary, text, false);
    m_enqueueButton->setEnabled(!preview.customers.empty());
    emit previewShown(int(preview.customers.size()));
}

void ResyncDialog::showApplied()
{
    setBusy(false);
    const sync::ResyncResult& result = m_task->applyResult();
    QString text = tr("Enqueued %n profile update(s); the delivery queue sends them to Customer.io.", "",
                      result.jobsEnqueued);
    if (result.cancelled)
        text += QLatin1Char(' ') + tr("Stopped early: run the re-sync again for the rest.");
    showMessage(m_summary, text, false);
    emit enqueued(result.jobsEnqueued);
}

void ResyncDialog::showFailure(const QString& message)
{
    setBusy(false);
    showMessage(m_summary,
                tr("The re-sync stopped: %1. Updates already enqueued stay in the queue; try again once the "
                   "store can be written.")
                    .arg(message),
                true);
    if (m_task->applyResult().jobsEnqueued > 0)
        emit enqueued(m_task->applyResult().jobsEnqueued);
}

} // namespace billbridge::widgets
