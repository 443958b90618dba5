#include "home/receiverpanel.h"

#include "common/richtext.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

namespace billbridge::widgets {

ReceiverPanel::ReceiverPanel(QWidget* parent)
    : QGroupBox(parent)
{
    setObjectName(QStringLiteral("receiverPanel"));
    auto* layout = new QGridLayout(this);
    m_indicator = new QLabel(this);
    m_indicator->setTextFormat(Qt::RichText);
    m_indicator->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("receiverState"));
    m_state->setTextFormat(Qt::RichText);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setWordWrap(true);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("receiverDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);
    layout->addWidget(m_indicator, 0, 0, 2, 1);
    layout->addWidget(m_state, 0, 1);
    layout->addWidget(m_details, 1, 1);
    layout->setColumnStretch(1, 1);
    render();
}

void ReceiverPanel::setStatus(const ReceiverStatus& status)
{
    m_status = status;
    render();
}

void ReceiverPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QGroupBox::changeEvent(event);
}

void ReceiverPanel::render()
{
    setTitle(tr("Webhook receiver"));
    const QString address = escaped(m_status.address);
    const QString serve = commandHtml(QStringLiteral("billbridge-cli serve"));
    QString colour = QStringLiteral("#9e9e9e");
    QString state;
    QStringList details;
    switch (m_status.state) {
    case ReceiverStatus::State::Checking:
        state = tr("Checking %1…").arg(address);
        break;
    case ReceiverStatus::State::Running: {
        colour = QStringLiteral("#2e7d32");
        state = tr("<b>Running</b> at %1").arg(address);
        const QLocale locale;
        if (!m_status.mode.isEmpty())
            details << tr("mode: %1").arg(m_status.mode);
        if (m_status.eventsStored)
            details << tr("events stored: %1")
                           .arg(locale.toString(static_cast<qlonglong>(*m_status.eventsStored)));
        if (!m_status.listen.isEmpty())
            details << tr("listening on %1").arg(m_status.listen);
        if (!m_status.version.isEmpty())
            details << tr("version %1").arg(m_status.version);
        break;
    }
    case ReceiverStatus::State::NotReachable:
        colour = QStringLiteral("#c62828");
        state = tr("<b>Not reachable</b> at %1 — start it with %2.").arg(address, serve);
        if (!m_status.detail.isEmpty())
            details << tr("Last check: %1").arg(m_status.detail);
        break;
    case ReceiverStatus::State::UnexpectedAnswer:
        colour = QStringLiteral("#ef6c00");
        state =
            tr("<b>Unexpected answer</b> at %1: another program may be using this address.<br/>Stop it, or "
               "start %2 on another port and open the console with %3.")
                .arg(address, serve, commandHtml(QStringLiteral("--receiver")));
        if (!m_status.detail.isEmpty())
            details << tr("The health check got %1.").arg(m_status.detail);
        break;
    case ReceiverStatus::State::InvalidAddress:
        colour = QStringLiteral("#c62828");
        state = tr("<b>Invalid address</b> “%1”.<br/>Give the receiver as HOST:PORT, for example %2, with %3 "
                   "or %4.")
                    .arg(address, commandHtml(QString::fromLatin1(ReceiverProbe::kDefaultAddress)),
                         commandHtml(QStringLiteral("--receiver")),
                         commandHtml(QStringLiteral("BILLBRIDGE_RECEIVER")));
        break;
    }
    m_indicator->setText(
        QStringLiteral("<span style=\"color:%1; font-size:large\">&#x25CF;</span>").arg(colour));
    m_state->setText(state);
    m_details->setText(details.join(QStringLiteral(" · ")));
    m_details->setVisible(!details.isEmpty());
}

} // namespace billbridge::widgets
