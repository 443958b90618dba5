#include "queue/jobdetailview.h"

#include "common/richtext.h"
#include "delivery/jobrequest.h"
#include "queue/joblistmodel.h"
#include "queue/jobtext.h"
#include "slack/slackpost.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace billbridge::widgets {

namespace {

enum AttemptColumn { Started, Duration, HttpStatus, ErrorClass, Response, AttemptColumnCount };

// An excerpt is whatever came back; should it echo an Authorization header, the key stays hidden.
QString withoutAuthorization(const QString& excerpt)
{
    static const QRegularExpression authorization(
        QStringLiteral("(?i)(authorization\\s*[:=]\\s*\"?)[^\"\\r\\n]*"));
    QString result = excerpt;
    result.replace(authorization, QStringLiteral("\\1•••"));
    return result;
}

} // namespace

JobDetailView::JobDetailView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("jobDetailView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto* top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("jobSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_showEvent = new QPushButton(this);
    m_showEvent->setObjectName(QStringLiteral("showStripeEventButton"));
    m_showEvent->setEnabled(false);
    top->addWidget(m_summary, 1);
    top->addWidget(m_showEvent, 0, Qt::AlignTop);
    layout->addLayout(top);
    m_keys = new QLabel(this);
    m_keys->setObjectName(QStringLiteral("jobKeys"));
    m_keys->setWordWrap(true);
    m_keys->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_keys);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("jobDetailSplitter"));
    split->setChildrenCollapsible(false);
    auto* requestPane = new QWidget(split);
    auto* requestLayout = new QVBoxLayout(requestPane);
    requestLayout->setContentsMargins(0, 0, 0, 0);
    m_requestTitle = new QLabel(requestPane);
    m_request = new QPlainTextEdit(requestPane);
    m_request->setObjectName(QStringLiteral("jobRequestView"));
    m_request->setReadOnly(true);
    m_request->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_request->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    requestLayout->addWidget(m_requestTitle);
    requestLayout->addWidget(m_request, 1);
    auto* attemptsPane = new QWidget(split);
    auto* attemptsLayout = new QVBoxLayout(attemptsPane);
    attemptsLayout->setContentsMargins(0, 0, 0, 0);
    m_attemptsTitle = new QLabel(attemptsPane);
    m_attempts = new QTableWidget(0, AttemptColumnCount, attemptsPane);
    m_attempts->setObjectName(QStringLiteral("jobAttemptsTable"));
    m_attempts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attempts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_attempts->setWordWrap(false);
    m_attempts->verticalHeader()->hide();
    m_attempts->horizontalHeader()->setStretchLastSection(true);
    m_attempts->horizontalHeader()->resizeSection(Started, 140);
    m_attempts->horizontalHeader()->resizeSection(Duration, 70);
    m_attempts->horizontalHeader()->resizeSection(HttpStatus, 50);
    attemptsLayout->addWidget(m_attemptsTitle);
    attemptsLayout->addWidget(m_attempts, 1);
    split->addWidget(requestPane);
    split->addWidget(attemptsPane);
    split->setSizes({450, 450});
    layout->addWidget(split, 1);

    connect(m_showEvent, &QPushButton::clicked, this, [this] {
        if (m_job && !m_job->eventId.isEmpty())
            emit eventRequested(m_job->eventId);
    });
    retranslate();
}

JobDetailView::~JobDetailView() = default;

QString JobDetailView::requestText(const store::Job& job)
{
    QString error;
    if (job.api == QLatin1String("slack")) {
        const std::optional<slack::SlackPost> post = slack::slackPostOf(job.payload, &error);
        if (!post)
            return tr("This job's stored Slack post cannot be read (%1), so it cannot be sent. Discard it.")
                .arg(error);
        // The webhook's address is a secret kept in the keychain; the job only names it.
        return tr("POST to the Slack webhook \"%1\" (hooks.slack.com/services/•••)").arg(post->webhook) +
               QStringLiteral("\nContent-Type: application/json\n\n") + indentJson(post->body) +
               QLatin1Char('\n');
    }
    const std::optional<customerio::CustomerIoRequest> request = delivery::requestOf(job, &error);
    if (!request)
        return tr("This job's stored request cannot be read (%1), so it cannot be sent. Discard it; if the "
                  "causing event still matters, replay the event.")
            .arg(error);
    QString text = QString::fromLatin1(request->verb) + QLatin1Char(' ') +
                   QString::fromLatin1(request->wireTarget()) + QLatin1Char('\n');
    for (const auto& [name, value] : customerio::CustomerIoRequest::standardHeaders({})) {
        if (value.isEmpty())
            continue;
        text +=
            QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromLatin1(value) + QLatin1Char('\n');
    }
    // The key lives in the keychain and is added when the request goes out; a job never holds it.
    const bool track = request->api == customerio::CustomerIoApi::Track;
    text += QStringLiteral("Authorization: ") + (track ? QStringLiteral("Basic") : QStringLiteral("Bearer")) +
            QStringLiteral(" •••\n");
    if (request->hasBody())
        text += QLatin1Char('\n') + indentJson(request->body) + QLatin1Char('\n');
    return text;
}

void JobDetailView::setJob(const store::Job& job)
{
    m_job = job;
    m_message.clear();
    fill();
}

void JobDetailView::clear(const QString& message)
{
    m_job.reset();
    m_message = message;
    fill();
}

void JobDetailView::retranslate()
{
    m_showEvent->setText(tr("Show Stripe Event"));
    m_showEvent->setToolTip(tr("Open the Stripe event that caused this job on the Events page"));
    m_requestTitle->setText(tr("Request"));
    m_attemptsTitle->setText(tr("Attempts"));
    m_attempts->setHorizontalHeaderLabels(
        {tr("Started"), tr("Duration"), tr("HTTP"), tr("Error class"), tr("Response")});
    fill();
}

void JobDetailView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void JobDetailView::fill()
{
    m_attempts->setRowCount(0);
    if (!m_job) {
        m_summary->setText(m_message.isEmpty() ? tr("Select a job to see the request it sends and every "
                                                    "attempt to send it.")
                                               : m_message);
        m_summary->setStyleSheet(m_message.isEmpty() ? QString()
                                                     : QStringLiteral("QLabel { color: #b71c1c; }"));
        m_summary->setToolTip({});
        m_keys->clear();
        m_request->clear();
        m_showEvent->setEnabled(false);
        return;
    }
    const store::Job& job = *m_job;
    m_summary->setStyleSheet({});
    QString summary = QStringLiteral("<b>") + escaped(operationTitle(job.operation)) +
                      QStringLiteral("</b> — ") + escaped(jobStateTitle(job.state)) +
                      QStringLiteral("<br/>") + escaped(jobStateExplanation(job.state));
    if (!job.lastError.isEmpty() || !job.lastErrorClass.isEmpty())
        summary += QStringLiteral("<br/>") + tr("Last error: %1").arg(escaped(lastErrorText(job)));
    if (job.state == store::JobState::Discarded && !job.discardReason.isEmpty())
        summary += QStringLiteral("<br/>") + tr("Discarded because: %1").arg(escaped(job.discardReason));
    m_summary->setText(summary);
    m_summary->setToolTip(job.operation);

    const QString cioId = job.payload.value(QLatin1String("idempotency_id")).toString();
    QStringList keys;
    keys << tr("Job %1, customer %2")
                .arg(job.id)
                .arg(job.customerId.isEmpty() ? tr("(none)") : job.customerId);
    keys << tr("Idempotency key: %1").arg(job.idempotencyKey);
    keys << tr("Customer.io event id: %1")
                .arg(cioId.isEmpty() ? tr("(none: Customer.io cannot drop a repeat)") : cioId);
    keys << tr("Stripe event: %1")
                .arg(job.eventId.isEmpty() ? tr("(none: made by an operator)") : job.eventId);
    keys << tr("Created %1, updated %2")
                .arg(JobListModel::timeText(job.createdAtMs), JobListModel::timeText(job.updatedAtMs));
    if (!job.ruleId.isEmpty())
        keys << tr("Made by rule %1, version %2").arg(job.ruleId).arg(job.ruleVersion);
    if (job.heldBy != 0)
        keys << tr("Waits for job %1 (the person's Customer.io identity is looked up first)").arg(job.heldBy);
    else if (job.state == store::JobState::Pending || job.state == store::JobState::RetryScheduled)
        keys << tr("Next attempt not before %1").arg(JobListModel::timeText(job.notBeforeMs));
    m_keys->setText(keys.join(QLatin1Char('\n')));
    m_request->setPlainText(requestText(job));
    m_showEvent->setEnabled(!job.eventId.isEmpty());

    m_attempts->setRowCount(int(job.attemptLog.size()));
    for (std::size_t i = 0; i < job.attemptLog.size(); ++i) {
        const store::JobAttempt& attempt = job.attemptLog[i];
        const int row = int(i);
        const auto set = [this, row](int column, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(text);
            m_attempts->setItem(row, column, item);
        };
        set(Started, JobListModel::timeText(attempt.startedAtMs));
        set(Duration, tr("%1 ms").arg(attempt.durationMs));
        set(HttpStatus, attempt.httpStatus ? QString::number(*attempt.httpStatus) : tr("none"));
        set(ErrorClass, attempt.errorClass);
        set(Response, withoutAuthorization(attempt.responseExcerpt).simplified());
    }
}

} // namespace billbridge::widgets
