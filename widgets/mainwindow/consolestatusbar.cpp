#include "mainwindow/consolestatusbar.h"

#include "home/modebadge.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>

namespace billbridge::widgets {

ConsoleStatusBar::ConsoleStatusBar(QWidget* parent)
    : QStatusBar(parent)
{
    setObjectName(QStringLiteral("consoleStatusBar"));
    const auto field = [this](const char* name) {
        auto* label = new QLabel(this);
        label->setObjectName(QLatin1String(name));
        label->setTextFormat(Qt::PlainText);
        addPermanentWidget(label);
        return label;
    };
    m_intakeLabel = field("statusIntake");
    m_intakeLabel->hide();
    m_deliveryLabel = field("statusDelivery");
    m_deliveryLabel->hide();
    m_receiverLabel = field("statusReceiver");
    m_eventsLabel = field("statusEvents");
    m_pollLabel = field("statusPoll");
    m_badge = new ModeBadge(this);
    m_badge->setObjectName(QStringLiteral("statusModeBadge"));
    addPermanentWidget(m_badge);
    render();
}

namespace {

// The whole explanation is in the tooltip; the line itself must leave room for the other fields.
void showShortened(QLabel* label, const QString& text)
{
    constexpr int kShownCharacters = 60;
    label->setText(text.size() > kShownCharacters ? text.left(kShownCharacters - 1) + QChar(0x2026) : text);
    label->setToolTip(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

void ConsoleStatusBar::setIntakeStatus(const QString& text)
{
    showShortened(m_intakeLabel, text);
}

void ConsoleStatusBar::setDeliveryStatus(const QString& text)
{
    showShortened(m_deliveryLabel, text);
}

void ConsoleStatusBar::setSnapshot(const StoreSnapshot& snapshot)
{
    if (snapshot.path != m_snapshot.path)
        m_rate.clear();
    m_snapshot = snapshot;
    if (snapshot.state == StoreSnapshot::State::Ready)
        m_rate.add(snapshot.readAt, snapshot.events);
    const bool ready = snapshot.state == StoreSnapshot::State::Ready;
    m_badge->setCounts(ready ? snapshot.liveEvents : 0, ready ? snapshot.testEvents : 0);
    render();
}

void ConsoleStatusBar::setReceiverStatus(const ReceiverStatus& status)
{
    m_receiver = status;
    render();
}

void ConsoleStatusBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QStatusBar::changeEvent(event);
}

void ConsoleStatusBar::render()
{
    using State = ReceiverStatus::State;
    QString state;
    switch (m_receiver.state) {
    case State::Checking:
        state = tr("checking");
        break;
    case State::Running:
        state = tr("running");
        break;
    case State::NotReachable:
        state = tr("not running");
        break;
    case State::UnexpectedAnswer:
        state = tr("unexpected answer");
        break;
    case State::InvalidAddress:
        state = tr("invalid address");
        break;
    }
    m_receiverLabel->setText(tr("Receiver %1: %2").arg(m_receiver.address, state));
    m_receiverLabel->setToolTip(m_receiver.detail);

    const QLocale locale;
    switch (m_snapshot.state) {
    case StoreSnapshot::State::Unknown:
        m_eventsLabel->setText(tr("Events: reading…"));
        break;
    case StoreSnapshot::State::Missing:
        m_eventsLabel->setText(tr("Events: none yet"));
        break;
    case StoreSnapshot::State::Failed:
        m_eventsLabel->setText(tr("Events: store unreadable"));
        break;
    case StoreSnapshot::State::Ready: {
        const auto rate = m_rate.perMinute();
        const QString count = locale.toString(static_cast<qlonglong>(m_snapshot.events));
        m_eventsLabel->setText(rate ? tr("Events: %1 (%2/min)").arg(count, locale.toString(*rate, 'f', 1))
                                    : tr("Events: %1").arg(count));
        break;
    }
    }
    m_eventsLabel->setToolTip(m_snapshot.error);

    if (m_snapshot.pollLastRun)
        m_pollLabel->setText(
            tr("Last poll: %1")
                .arg(locale.toString(m_snapshot.pollLastRun->toLocalTime().time(), QLocale::ShortFormat)));
    else
        m_pollLabel->setText(tr("Last poll: —"));
    m_pollLabel->setToolTip(m_snapshot.pollCursorKnown
                                ? tr("The poller has recorded its position; the time of its last run is "
                                     "not shown yet.")
                                : tr("The poller has not run on this store yet."));
}

} // namespace billbridge::widgets
