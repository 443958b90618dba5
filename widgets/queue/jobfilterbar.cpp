#include "queue/jobfilterbar.h"

#include "queue/jobtext.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace billbridge::widgets {

namespace {

constexpr int kTypingPauseMs = 400;
constexpr std::int64_t kHourMs = 3600 * 1000;

} // namespace

JobFilterBar::JobFilterBar(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("jobFilterBar"));
    createFields();
    retranslate();
    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(kTypingPauseMs);
    connect(&m_typingPause, &QTimer::timeout, this, &JobFilterBar::apply);
}

JobFilterBar::~JobFilterBar() = default;

void JobFilterBar::createFields()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto* row = new QHBoxLayout;
    row->setSpacing(4);

    m_chip = new QFrame(this);
    m_chip->setObjectName(QStringLiteral("jobChoiceChip"));
    m_chip->setStyleSheet(QStringLiteral("#jobChoiceChip { background: #e3f2fd; border: 1px solid #64b5f6; "
                                         "border-radius: 10px; } #jobChoiceChip QLabel { color: #0d47a1; }"));
    auto* chipLayout = new QHBoxLayout(m_chip);
    chipLayout->setContentsMargins(8, 1, 2, 1);
    chipLayout->setSpacing(2);
    m_chipLabel = new QLabel(m_chip);
    m_chipLabel->setObjectName(QStringLiteral("jobChoiceLabel"));
    m_chipLabel->setTextFormat(Qt::PlainText);
    m_chipClear = new QToolButton(m_chip);
    m_chipClear->setObjectName(QStringLiteral("jobChoiceClearButton"));
    m_chipClear->setAutoRaise(true);
    m_chipClear->setText(QStringLiteral("✕"));
    chipLayout->addWidget(m_chipLabel);
    chipLayout->addWidget(m_chipClear);
    m_chip->hide();
    row->addWidget(m_chip);
    connect(m_chipClear, &QToolButton::clicked, this, &JobFilterBar::clearJobChoice);

    m_stateButton = new QToolButton(this);
    m_stateButton->setObjectName(QStringLiteral("jobStateButton"));
    m_stateButton->setPopupMode(QToolButton::InstantPopup);
    m_stateMenu = new QMenu(m_stateButton);
    m_stateMenu->setObjectName(QStringLiteral("jobStateMenu"));
    for (int i = 0; i < store::kJobStateCount; ++i) {
        QAction* action = m_stateMenu->addAction(QString());
        action->setCheckable(true);
        action->setData(i);
        connect(action, &QAction::toggled, this, [this] {
            updateStateButton();
            if (!m_showing)
                apply();
        });
    }
    m_stateButton->setMenu(m_stateMenu);

    m_operation = new QComboBox(this);
    m_operation->setObjectName(QStringLiteral("jobOperationBox"));
    m_operation->addItem(QString());
    for (const QString& operation : knownOperations())
        m_operation->addItem(QString(), operation);
    m_operation->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_operation->setMinimumContentsLength(10);

    m_customer = new QLineEdit(this);
    m_customer->setObjectName(QStringLiteral("jobCustomerField"));
    m_customer->setClearButtonEnabled(true);
    m_errorClass = new QLineEdit(this);
    m_errorClass->setObjectName(QStringLiteral("jobErrorClassField"));
    m_errorClass->setClearButtonEnabled(true);
    for (QLineEdit* field : {m_customer, m_errorClass})
        field->setMinimumWidth(80);

    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("jobPeriodBox"));
    for (int i = 0; i <= static_cast<int>(Period::Between); ++i)
        m_period->addItem(QString(), i);
    m_from = new QDateTimeEdit(this);
    m_from->setObjectName(QStringLiteral("jobFromEdit"));
    m_to = new QDateTimeEdit(this);
    m_to->setObjectName(QStringLiteral("jobToEdit"));
    for (QDateTimeEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setVisible(false);
    }
    m_from->setDateTime(QDateTime::currentDateTime().addDays(-1));
    m_to->setDateTime(QDateTime::currentDateTime().addSecs(3600));
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("jobClearFilterButton"));

    row->addWidget(m_stateButton);
    row->addWidget(m_operation, 2);
    row->addWidget(m_customer, 2);
    row->addWidget(m_errorClass, 2);
    row->addWidget(m_period);
    row->addWidget(m_from);
    row->addWidget(m_to);
    row->addWidget(m_clear);
    layout->addLayout(row);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("jobFilterProblem"));
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; }"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);

    for (QLineEdit* field : {m_customer, m_errorClass}) {
        connect(field, &QLineEdit::textEdited, this, [this] { m_typingPause.start(); });
        connect(field, &QLineEdit::returnPressed, this, &JobFilterBar::apply);
        connect(field, &QLineEdit::textChanged, this, [this](const QString& text) {
            if (text.isEmpty() && !m_showing)
                m_typingPause.start();
        });
    }
    connect(m_operation, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_showing)
            apply();
    });
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        const bool between = m_period->currentIndex() == static_cast<int>(Period::Between);
        m_from->setVisible(between);
        m_to->setVisible(between);
        if (!m_showing)
            apply();
    });
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, [this] { m_typingPause.start(); });
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, [this] { m_typingPause.start(); });
    connect(m_clear, &QPushButton::clicked, this, &JobFilterBar::clear);
}

void JobFilterBar::retranslate()
{
    for (QAction* action : m_stateMenu->actions()) {
        const auto state = static_cast<store::JobState>(action->data().toInt());
        action->setText(jobStateTitle(state));
        action->setToolTip(jobStateExplanation(state));
    }
    m_stateButton->setToolTip(tr("Show jobs in these states (any when none is ticked)"));
    m_operation->setItemText(0, tr("Any operation"));
    for (int i = 1; i < m_operation->count(); ++i) {
        const QString operation = m_operation->itemData(i).toString();
        m_operation->setItemText(i, operationTitle(operation));
        m_operation->setItemData(i, operation, Qt::ToolTipRole);
    }
    m_operation->setToolTip(tr("The kind of request sent to Customer.io"));
    m_customer->setPlaceholderText(tr("Customer id"));
    m_customer->setToolTip(tr("The Stripe customer id the job is for, e.g. cus_…"));
    m_errorClass->setPlaceholderText(tr("Error class"));
    m_errorClass->setToolTip(tr("The class of the last error, e.g. rate_limited, timeout or http_4xx"));
    m_period->setItemText(static_cast<int>(Period::Any), tr("Any time"));
    m_period->setItemText(static_cast<int>(Period::LastHour), tr("Last hour"));
    m_period->setItemText(static_cast<int>(Period::LastDay), tr("Last 24 hours"));
    m_period->setItemText(static_cast<int>(Period::LastWeek), tr("Last 7 days"));
    m_period->setItemText(static_cast<int>(Period::Between), tr("Between…"));
    m_period->setToolTip(tr("When the job last changed"));
    m_from->setToolTip(tr("From (inclusive)"));
    m_to->setToolTip(tr("Until (inclusive)"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Show every job"));
    m_chipClear->setToolTip(tr("Show every job the other conditions match, not only these"));
    m_chipClear->setAccessibleName(tr("Clear job choice"));
    updateStateButton();
    updateChip();
    if (!m_problemText.isEmpty())
        readFields();
}

void JobFilterBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

std::int64_t JobFilterBar::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void JobFilterBar::updateStateButton()
{
    QStringList titles;
    for (QAction* action : m_stateMenu->actions())
        if (action->isChecked())
            titles.append(action->text());
    if (titles.isEmpty())
        m_stateButton->setText(tr("Any state"));
    else if (titles.size() <= 2)
        m_stateButton->setText(titles.join(QStringLiteral(", ")));
    else
        m_stateButton->setText(tr("%n states", nullptr, int(titles.size())));
}

bool JobFilterBar::sameFilter(const store::JobFilter& a, const store::JobFilter& b)
{
    return a.states == b.states && a.operation == b.operation && a.customerId == b.customerId &&
           a.errorClass == b.errorClass && a.fromMs == b.fromMs && a.toMs == b.toMs && a.ids == b.ids;
}

std::optional<store::JobFilter> JobFilterBar::readFields()
{
    store::JobFilter filter;
    filter.ids = m_chosenIds;
    QStringList problems;
    for (QAction* action : m_stateMenu->actions())
        if (action->isChecked())
            filter.states.push_back(static_cast<store::JobState>(action->data().toInt()));
    filter.operation = m_operation->currentData().toString();

    const QString customer = m_customer->text().trimmed();
    if (customer.contains(QRegularExpression(QStringLiteral("\\s"))))
        problems.append(
            tr("“%1” is not a customer id: ids have no spaces. Type one id, such as cus_…").arg(customer));
    else
        filter.customerId = customer;

    const QString errorClass = m_errorClass->text().trimmed();
    static const QRegularExpression classPattern(QStringLiteral("^[A-Za-z0-9_.:-]*$"));
    if (!classPattern.match(errorClass).hasMatch())
        problems.append(tr("“%1” is not an error class: use the short name shown in the Last error column, "
                           "such as timeout or http_4xx.")
                            .arg(errorClass));
    else
        filter.errorClass = errorClass;

    const std::int64_t at = now();
    switch (static_cast<Period>(m_period->currentIndex())) {
    case Period::Any:
        break;
    case Period::LastHour:
        filter.fromMs = at - kHourMs;
        break;
    case Period::LastDay:
        filter.fromMs = at - 24 * kHourMs;
        break;
    case Period::LastWeek:
        filter.fromMs = at - 7 * 24 * kHourMs;
        break;
    case Period::Between:
        filter.fromMs = m_from->dateTime().toMSecsSinceEpoch();
        filter.toMs = m_to->dateTime().toMSecsSinceEpoch();
        if (*filter.toMs < *filter.fromMs)
            problems.append(tr("The period ends before it starts: choose an end after the beginning."));
        break;
    }
    setProblem(problems.join(QLatin1Char(' ')));
    if (!problems.isEmpty())
        return std::nullopt;
    return filter;
}

void JobFilterBar::setProblem(const QString& problem)
{
    m_problemText = problem;
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void JobFilterBar::apply()
{
    m_typingPause.stop();
    if (m_showing)
        return;
    const std::optional<store::JobFilter> filter = readFields();
    if (!filter || sameFilter(*filter, m_applied))
        return;
    m_applied = *filter;
    emit filterChanged(m_applied);
}

void JobFilterBar::showFields(const store::JobFilter& filter)
{
    m_showing = true;
    for (QAction* action : m_stateMenu->actions()) {
        const auto state = static_cast<store::JobState>(action->data().toInt());
        action->setChecked(std::find(filter.states.begin(), filter.states.end(), state) !=
                           filter.states.end());
    }
    const int operation = m_operation->findData(filter.operation);
    if (operation >= 0) {
        m_operation->setCurrentIndex(operation);
    } else if (!filter.operation.isEmpty()) {
        m_operation->addItem(operationTitle(filter.operation), filter.operation);
        m_operation->setCurrentIndex(m_operation->count() - 1);
    } else {
        m_operation->setCurrentIndex(0);
    }
    m_customer->setText(filter.customerId);
    m_errorClass->setText(filter.errorClass);
    if (filter.fromMs || filter.toMs) {
        m_period->setCurrentIndex(static_cast<int>(Period::Between));
        m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(filter.fromMs.value_or(0)));
        m_to->setDateTime(filter.toMs ? QDateTime::fromMSecsSinceEpoch(*filter.toMs)
                                      : QDateTime::currentDateTime().addYears(1));
    } else {
        m_period->setCurrentIndex(static_cast<int>(Period::Any));
    }
    if (filter.ids != m_chosenIds)
        m_chipDescription.clear();
    m_chosenIds = filter.ids;
    updateStateButton();
    updateChip();
    m_showing = false;
}

void JobFilterBar::setFilter(const store::JobFilter& filter)
{
    showFields(filter);
    apply();
}

void JobFilterBar::setStates(const std::vector<store::JobState>& states)
{
    store::JobFilter filter = m_applied;
    filter.states = states;
    setFilter(filter);
}

void JobFilterBar::clear()
{
    setFilter({});
}

void JobFilterBar::showOnlyJobs(const std::vector<std::int64_t>& ids, const QString& description)
{
    store::JobFilter filter;
    filter.ids = ids;
    showFields(filter);
    m_chipDescription = description;
    updateChip();
    apply();
}

void JobFilterBar::clearJobChoice()
{
    m_chosenIds.clear();
    m_chipDescription.clear();
    updateChip();
    apply();
}

void JobFilterBar::updateChip()
{
    if (m_chip == nullptr)
        return;
    const int count = static_cast<int>(m_chosenIds.size());
    m_chipLabel->setText(m_chipDescription.isEmpty() ? tr("Only %n chosen job(s)", nullptr, count)
                                                     : m_chipDescription);
    QStringList ids;
    for (std::size_t i = 0; i < m_chosenIds.size() && i < 20; ++i)
        ids.append(QString::number(m_chosenIds[i]));
    if (m_chosenIds.size() > 20)
        ids.append(QStringLiteral("…"));
    m_chip->setToolTip(tr("The list shows only job(s) %1. Clear this to see every job the other conditions "
                          "match.")
                           .arg(ids.join(QStringLiteral(", "))));
    m_chip->setVisible(count > 0);
}

} // namespace billbridge::widgets
