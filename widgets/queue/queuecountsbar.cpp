#include "queue/queuecountsbar.h"

#include "queue/jobtext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLocale>
#include <QToolButton>

#include <algorithm>

namespace billbridge::widgets {

namespace {

// Left to right in the order a job normally moves, the states that need an operator last.
constexpr std::array<store::JobState, store::kJobStateCount> kOrder = {
    store::JobState::Pending,  store::JobState::InFlight,    store::JobState::RetryScheduled,
    store::JobState::Dead,     store::JobState::NeedsReview, store::JobState::Succeeded,
    store::JobState::Discarded};

} // namespace

QueueCountsBar::QueueCountsBar(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("queueCountsBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    for (store::JobState state : kOrder) {
        auto* button = new QToolButton(this);
        button->setObjectName(QStringLiteral("count_") + store::jobStateName(state));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        connect(button, &QToolButton::clicked, this, [this, button, state] {
            // The marks follow the filter, not the click.
            button->setChecked(!button->isChecked());
            emit stateClicked(state);
        });
        m_buttons[std::size_t(state)] = button;
        layout->addWidget(button);
    }
    retranslate();
}

QueueCountsBar::~QueueCountsBar() = default;

void QueueCountsBar::setCounts(const std::map<store::JobState, std::int64_t>& counts)
{
    m_counts = counts;
    retranslate();
}

void QueueCountsBar::setSelectedStates(const std::vector<store::JobState>& states)
{
    for (int i = 0; i < store::kJobStateCount; ++i) {
        const auto state = static_cast<store::JobState>(i);
        m_buttons[std::size_t(i)]->setChecked(std::find(states.begin(), states.end(), state) != states.end());
    }
}

void QueueCountsBar::retranslate()
{
    const QLocale locale;
    for (int i = 0; i < store::kJobStateCount; ++i) {
        const auto state = static_cast<store::JobState>(i);
        const auto it = m_counts.find(state);
        const std::int64_t count = it == m_counts.end() ? 0 : it->second;
        QToolButton* button = m_buttons[std::size_t(i)];
        button->setText(tr("%1\n%2").arg(locale.toString(qlonglong(count)), jobStateTitle(state)));
        button->setToolTip(jobStateExplanation(state) + QLatin1Char(' ') +
                           tr("Click to show only these jobs."));
        const bool attention =
            count > 0 && (state == store::JobState::Dead || state == store::JobState::NeedsReview);
        button->setStyleSheet(attention ? QStringLiteral("QToolButton { color: #b71c1c; font-weight: bold; }")
                                        : QString());
    }
}

void QueueCountsBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace billbridge::widgets
