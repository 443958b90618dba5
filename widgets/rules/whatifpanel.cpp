#include "rules/whatifpanel.h"

#include "common/messagelabel.h"
#include "common/timeformat.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace billbridge::widgets {

namespace {

enum Column { RuleColumn, MatchedColumn, CustomersColumn, ActionsColumn, ColumnCount };
constexpr int kEventIdRole = Qt::UserRole;

struct WhatIfAnswer {
    rules::WhatIfReport report;
    QString error;
};

} // namespace

WhatIfPanel::WhatIfPanel(QString storePath, RuleSource rules, QWidget* parent)
    : QWidget(parent)
    , m_storePath(std::move(storePath))
    , m_rules(std::move(rules))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    m_scopeLabel = new QLabel(this);
    row->addWidget(m_scopeLabel);
    m_scope = new QComboBox(this);
    m_scope->addItem(QString(), int(RuleScope::AllRules));
    m_scope->addItem(QString(), int(RuleScope::EditedRule));
    row->addWidget(m_scope, 1);
    m_daysLabel = new QLabel(this);
    row->addWidget(m_daysLabel);
    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("whatIfDays"));
    m_days->setRange(1, 3650);
    m_days->setValue(kDefaultDays);
    row->addWidget(m_days);
    m_run = new QPushButton(this);
    m_run->setObjectName(QStringLiteral("runWhatIf"));
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelWhatIf"));
    m_cancel->setEnabled(false);
    row->addWidget(m_run);
    row->addWidget(m_cancel);
    layout->addLayout(row);

    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_results = new QTreeWidget(this);
    m_results->setObjectName(QStringLiteral("whatIfResults"));
    m_results->setColumnCount(ColumnCount);
    m_results->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_results, 1);

    connect(m_run, &QPushButton::clicked, this, &WhatIfPanel::run);
    connect(m_cancel, &QPushButton::clicked, this, &WhatIfPanel::cancel);
    connect(m_results, &QTreeWidget::itemActivated, this, &WhatIfPanel::onItemActivated);
    retranslate();
}

void WhatIfPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

// Results and messages of a run stay in the language they were made in; the next run uses the new one.
void WhatIfPanel::retranslate()
{
    m_scopeLabel->setText(tr("Try:"));
    m_scope->setItemText(m_scope->findData(int(RuleScope::AllRules)),
                         tr("All rules (the edited one as edited)"));
    m_scope->setItemText(m_scope->findData(int(RuleScope::EditedRule)), tr("Only the rule being edited"));
    m_daysLabel->setText(tr("on the events of the last"));
    m_days->setSuffix(tr(" days"));
    m_run->setText(tr("Run"));
    m_cancel->setText(tr("Cancel"));
    m_results->setHeaderLabels(
        {tr("Rule / sample event"), tr("Events matched"), tr("Customers"), tr("Jobs by action")});
    m_results->setToolTip(tr("Double-click a sample event to open it on the Events page"));
    if (m_showingIntro)
        m_status->setText(tr("Nothing is sent or queued: the rules are only tried on stored events, with "
                             "each customer's current state."));
}

WhatIfPanel::~WhatIfPanel()
{
    // The worker holds its own copies; it only has to be told to stop early.
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

void WhatIfPanel::setScope(RuleScope scope)
{
    m_scope->setCurrentIndex(m_scope->findData(int(scope)));
}

void WhatIfPanel::run()
{
    if (m_running)
        return;
    const QList<rules::Rule> rules = m_rules(RuleScope(m_scope->currentData().toInt()));
    if (rules.isEmpty()) {
        m_showingIntro = false;
        showMessage(m_status, tr("There is no rule to try; select or make one first."), true);
        return;
    }
    m_running = true;
    m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_results->clear();
    m_showingIntro = false;
    showMessage(m_status, tr("Reading the events of the last %n day(s)…", nullptr, m_days->value()), false);

    auto* watcher = new QFutureWatcher<WhatIfAnswer>(this);
    connect(watcher, &QFutureWatcherBase::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    const std::shared_ptr<std::atomic_bool> flag = m_cancelFlag;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, flag] {
        watcher->deleteLater();
        if (flag != m_cancelFlag)
            return; // an older run, superseded
        const WhatIfAnswer answer = watcher->result();
        const bool canceled = flag->load() || answer.report.canceled;
        m_running = false;
        m_run->setEnabled(true);
        m_cancel->setEnabled(false);
        m_progress->setVisible(false);
        if (canceled) {
            m_results->clear();
            showMessage(m_status, tr("Canceled; no results are shown. Run again to see them."), false);
        } else {
            showReport(answer.report, answer.error);
        }
        emit finished(canceled);
    });
    const QString path = m_storePath;
    const int days = m_days->value();
    const std::int64_t nowMs = m_clock();
    watcher->setFuture(QtConcurrent::run([path, rules, days, nowMs, flag](QPromise<WhatIfAnswer>& promise) {
        WhatIfAnswer answer;
        int lastTotal = -1;
        const auto progress = [&promise, &lastTotal](int done, int total) {
            if (total != lastTotal) {
                promise.setProgressRange(0, total);
                lastTotal = total;
            }
            promise.setProgressValue(done);
        };
        answer.report = rulesbackend::whatIf(path, rules, days, nowMs, progress, flag.get(), &answer.error);
        promise.addResult(answer);
    }));
}

void WhatIfPanel::cancel()
{
    if (!m_running || !m_cancelFlag)
        return;
    m_cancelFlag->store(true);
    m_cancel->setEnabled(false);
    showMessage(m_status, tr("Canceling…"), false);
}

void WhatIfPanel::showReport(const rules::WhatIfReport& report, const QString& error)
{
    m_results->clear();
    if (!error.isEmpty()) {
        showMessage(m_status, error, true);
        return;
    }
    for (const rules::WhatIfRuleResult& result : report.rules) {
        auto* ruleItem = new QTreeWidgetItem(m_results);
        ruleItem->setText(RuleColumn, result.ruleId);
        ruleItem->setData(MatchedColumn, Qt::DisplayRole, result.matchedEvents);
        ruleItem->setData(CustomersColumn, Qt::DisplayRole, result.distinctCustomers);
        QStringList actions;
        for (auto it = result.actionsByType.cbegin(); it != result.actionsByType.cend(); ++it)
            actions.append(QStringLiteral("%1: %2").arg(it.key()).arg(it.value()));
        ruleItem->setText(ActionsColumn, actions.join(QStringLiteral(", ")));
        for (const rules::WhatIfSample& sample : result.samples) {
            auto* sampleItem = new QTreeWidgetItem(ruleItem);
            sampleItem->setText(RuleColumn, sample.eventId);
            sampleItem->setData(RuleColumn, kEventIdRole, sample.eventId);
            sampleItem->setText(MatchedColumn, sample.eventType);
            sampleItem->setText(CustomersColumn, sample.customerId);
            sampleItem->setText(ActionsColumn, formatTableTime(sample.created));
        }
        ruleItem->setExpanded(true);
    }
    showMessage(m_status,
                tr("%n event(s) of the rules' trigger types since %1 were tried; nothing was sent or queued.",
                   nullptr, report.eventsScanned)
                    .arg(formatTableTime(report.fromSeconds)),
                false);
}

void WhatIfPanel::onItemActivated(QTreeWidgetItem* item)
{
    const QString eventId = item ? item->data(RuleColumn, kEventIdRole).toString() : QString();
    if (!eventId.isEmpty())
        emit eventRequested(eventId);
}

} // namespace billbridge::widgets
