#include "rules/ruletesterpanel.h"

#include "common/messagelabel.h"
#include "common/timeformat.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace billbridge::widgets {

namespace {

enum ResultColumn { RuleColumn, OutcomeColumn, DetailColumn };

QString prettyBody(const QByteArray& body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return QString::fromUtf8(body);
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

QString dueText(std::int64_t notBeforeMs)
{
    return notBeforeMs > 0 ? formatTableTime(notBeforeMs / 1000) : RuleTesterPanel::tr("at once");
}

QString jobText(const rules::JobPreview& job)
{
    QStringList lines;
    lines << RuleTesterPanel::tr("Operation: %1").arg(job.operation);
    // For Slack the path names the stored webhook; its URL never leaves the keychain.
    lines << RuleTesterPanel::tr("Request: %1 %2").arg(job.verb, job.path).trimmed();
    lines << RuleTesterPanel::tr("Due: %1").arg(dueText(job.notBeforeMs));
    lines << RuleTesterPanel::tr("Exits: %1")
                 .arg(job.exits.isEmpty() ? RuleTesterPanel::tr("none (sent at once)") : job.exits);
    lines << RuleTesterPanel::tr("Idempotency key: %1").arg(job.idempotencyKey);
    lines << QString() << RuleTesterPanel::tr("Body:") << prettyBody(job.body);
    return lines.join(QLatin1Char('\n'));
}

QStringList triggersOf(const QList<rules::Rule>& rules)
{
    QStringList types;
    for (const rules::Rule& rule : rules) {
        for (const QString& type : rule.triggers) {
            if (!types.contains(type))
                types.append(type);
        }
    }
    return types;
}

} // namespace

RuleTesterPanel::RuleTesterPanel(QString storePath, RuleSource rules, QWidget* parent)
    : QWidget(parent)
    , m_storePath(std::move(storePath))
    , m_rules(std::move(rules))
{
    auto* layout = new QVBoxLayout(this);

    auto* scopeRow = new QHBoxLayout;
    m_scopeLabel = new QLabel(this);
    scopeRow->addWidget(m_scopeLabel);
    m_scope = new QComboBox(this);
    m_scope->addItem(QString(), int(RuleScope::AllRules));
    m_scope->addItem(QString(), int(RuleScope::EditedRule));
    scopeRow->addWidget(m_scope, 1);
    layout->addLayout(scopeRow);

    auto* eventRow = new QHBoxLayout;
    m_eventLabel = new QLabel(this);
    eventRow->addWidget(m_eventLabel);
    m_eventId = new QLineEdit(this);
    m_eventId->setObjectName(QStringLiteral("testerEventId"));
    m_eventId->setClearButtonEnabled(true);
    eventRow->addWidget(m_eventId, 1);
    m_recent = new QComboBox(this);
    m_recent->setObjectName(QStringLiteral("testerRecentEvents"));
    m_recent->setMinimumContentsLength(28);
    eventRow->addWidget(m_recent, 1);
    m_refresh = new QPushButton(this);
    eventRow->addWidget(m_refresh);
    m_run = new QPushButton(this);
    m_run->setObjectName(QStringLiteral("runTester"));
    eventRow->addWidget(m_run);
    layout->addLayout(eventRow);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_results = new QTreeWidget(splitter);
    m_results->setObjectName(QStringLiteral("testerResults"));
    m_results->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_detail = new QPlainTextEdit(splitter);
    m_detail->setObjectName(QStringLiteral("testerJobDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    splitter->addWidget(m_results);
    splitter->addWidget(m_detail);
    layout->addWidget(splitter, 1);

    connect(m_refresh, &QPushButton::clicked, this, &RuleTesterPanel::refreshRecentEvents);
    connect(m_run, &QPushButton::clicked, this, &RuleTesterPanel::run);
    connect(m_eventId, &QLineEdit::returnPressed, this, &RuleTesterPanel::run);
    connect(m_recent, &QComboBox::activated, this, [this](int index) {
        const QString id = m_recent->itemData(index).toString();
        if (!id.isEmpty())
            m_eventId->setText(id);
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, &RuleTesterPanel::refreshRecentEvents);
    connect(m_results, &QTreeWidget::currentItemChanged, this, &RuleTesterPanel::showJob);
    retranslate();
}

void RuleTesterPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

// Results and messages already shown stay in the language they were made in; the next test uses the new one.
void RuleTesterPanel::retranslate()
{
    m_scopeLabel->setText(tr("Try:"));
    m_scope->setItemText(m_scope->findData(int(RuleScope::AllRules)),
                         tr("All rules (the edited one as edited)"));
    m_scope->setItemText(m_scope->findData(int(RuleScope::EditedRule)), tr("Only the rule being edited"));
    m_eventLabel->setText(tr("Event:"));
    m_eventId->setPlaceholderText(tr("evt_… (a stored event)"));
    m_recent->setToolTip(tr("The newest stored events of the rules' trigger types"));
    m_refresh->setText(tr("Refresh"));
    m_run->setText(tr("Test"));
    m_results->setHeaderLabels({tr("Rule / job"), tr("Outcome"), tr("Details")});
    m_detail->setPlaceholderText(tr("Select a job to see the exact request it would send."));
}

RuleScope RuleTesterPanel::scope() const
{
    return RuleScope(m_scope->currentData().toInt());
}

void RuleTesterPanel::setScope(RuleScope scope)
{
    m_scope->setCurrentIndex(m_scope->findData(int(scope)));
}

void RuleTesterPanel::refreshRecentEvents()
{
    const QStringList types = triggersOf(m_rules(scope()));
    auto* watcher = new QFutureWatcher<std::pair<std::vector<RecentEvent>, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const auto [events, error] = watcher->result();
        const QString typed = m_eventId->text();
        m_recent->clear();
        m_recent->addItem(events.empty()
                              ? tr("no recent events of these types")
                              : tr("pick one of %n recent event(s)…", nullptr, int(events.size())));
        for (const RecentEvent& event : events)
            m_recent->addItem(
                QStringLiteral("%1  %2  %3  %4")
                    .arg(formatTableTime(event.created), event.type, event.customerId, event.id),
                event.id);
        if (!error.isEmpty())
            showMessage(m_status, error, true);
        emit recentEventsLoaded();
    });
    const QString path = m_storePath;
    watcher->setFuture(QtConcurrent::run([path, types] {
        QString error;
        std::vector<RecentEvent> events;
        if (!types.isEmpty())
            events = rulesbackend::recentEvents(path, types, kRecentEvents, &error);
        return std::make_pair(events, error);
    }));
}

void RuleTesterPanel::run()
{
    const QString eventId = m_eventId->text().trimmed();
    if (m_running)
        return;
    if (eventId.isEmpty()) {
        showMessage(m_status, tr("Enter the id of a stored event, or pick one of the recent events."), true);
        return;
    }
    const QList<rules::Rule> rules = m_rules(scope());
    if (rules.isEmpty()) {
        showMessage(m_status,
                    scope() == RuleScope::EditedRule
                        ? tr("No rule is being edited; select one or try all rules.")
                        : tr("There are no rules to try yet; make one or install a template."),
                    true);
        return;
    }
    m_running = true;
    m_run->setEnabled(false);
    showMessage(m_status, tr("Testing %1…").arg(eventId), false);
    using Answer = std::pair<std::optional<rules::EventTestReport>, QString>;
    auto* watcher = new QFutureWatcher<Answer>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Answer answer = watcher->result();
        m_running = false;
        m_run->setEnabled(true);
        showReport(answer.first, answer.second);
        emit finished();
    });
    const QString path = m_storePath;
    watcher->setFuture(QtConcurrent::run([path, eventId, rules] {
        QString error;
        auto report = rulesbackend::test(path, eventId, rules, &error);
        return Answer(std::move(report), error);
    }));
}

void RuleTesterPanel::showReport(const std::optional<rules::EventTestReport>& report, const QString& error)
{
    m_results->clear();
    m_detail->clear();
    if (!report) {
        showMessage(m_status, error.isEmpty() ? tr("The event could not be tested; check its id.") : error,
                    true);
        return;
    }
    int fired = 0;
    for (const rules::RuleTestResult& result : report->rules) {
        auto* ruleItem = new QTreeWidgetItem(m_results);
        ruleItem->setText(RuleColumn, result.ruleId);
        ruleItem->setData(RuleColumn, Qt::UserRole, result.ruleId);
        ruleItem->setText(OutcomeColumn, result.fired ? tr("fires") : tr("does not fire"));
        ruleItem->setText(DetailColumn,
                          result.fired ? tr("%n job(s)", nullptr, int(result.jobs.size())) : result.reason);
        if (result.fired) {
            ++fired;
            QFont font = ruleItem->font(OutcomeColumn);
            font.setBold(true);
            ruleItem->setFont(OutcomeColumn, font);
        }
        for (const rules::JobPreview& job : result.jobs) {
            auto* jobItem = new QTreeWidgetItem(ruleItem);
            jobItem->setText(RuleColumn, job.operation);
            jobItem->setText(OutcomeColumn, tr("due %1").arg(dueText(job.notBeforeMs)));
            jobItem->setText(DetailColumn, QString(job.verb + QLatin1Char(' ') + job.path).trimmed());
            jobItem->setData(RuleColumn, Qt::UserRole + 1, jobText(job));
        }
        ruleItem->setExpanded(true);
    }
    showMessage(m_status,
                tr("%1 (%2, customer %3, recorded verdict %4): %n rule(s) fire.", nullptr, fired)
                    .arg(report->eventId, report->eventType,
                         report->customerId.isEmpty() ? tr("none") : report->customerId, report->verdict),
                false);
}

void RuleTesterPanel::showJob()
{
    const QTreeWidgetItem* item = m_results->currentItem();
    m_detail->setPlainText(item ? item->data(RuleColumn, Qt::UserRole + 1).toString() : QString());
}

} // namespace billbridge::widgets
