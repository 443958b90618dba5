#include "home/gettingstartedpanel.h"

#include "home/receiverprobe.h"

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <array>
#include <utility>

namespace billbridge::widgets {

namespace {

constexpr int kStepCount = 4;

} // namespace

GettingStartedPanel::GettingStartedPanel(QWidget* parent)
    : QGroupBox(parent)
    , m_receiverAddress(QString::fromLatin1(ReceiverProbe::kDefaultAddress))
{
    setObjectName(QStringLiteral("gettingStarted"));
    auto* outer = new QVBoxLayout(this);
    outer->setSpacing(6);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("gettingStartedIntro"));
    m_intro->setWordWrap(true);
    outer->addWidget(m_intro);

    // The buttons come first: they are what a new user at this window can do without a terminal. Two by
    // two, so that they never make the window wider than the rest of the page needs.
    auto* buttons = new QGridLayout;
    buttons->setColumnStretch(2, 1);
    int buttonCount = 0;
    const auto addButton = [this, buttons, &buttonCount](const char* name,
                                                         void (GettingStartedPanel::*requested)()) {
        auto* button = new QPushButton(this);
        button->setObjectName(QLatin1String(name));
        connect(button, &QPushButton::clicked, this, requested);
        buttons->addWidget(button, buttonCount / 2, buttonCount % 2);
        ++buttonCount;
        return button;
    };
    m_connections = addButton("gettingStartedConnections", &GettingStartedPanel::connectionsRequested);
    m_receiveHere = addButton("gettingStartedReceiveHere", &GettingStartedPanel::receiveHereRequested);
    m_backfill = addButton("gettingStartedBackfill", &GettingStartedPanel::backfillRequested);
    m_demo = addButton("gettingStartedDemo", &GettingStartedPanel::demoRequested);
    outer->addLayout(buttons);
    m_demoStatus = new QLabel(this);
    m_demoStatus->setObjectName(QStringLiteral("gettingStartedDemoStatus"));
    m_demoStatus->setWordWrap(true);
    m_demoStatus->setTextFormat(Qt::PlainText);
    m_demoStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_demoStatus->hide();
    outer->addWidget(m_demoStatus);

    m_terminalIntro = new QLabel(this);
    m_terminalIntro->setObjectName(QStringLiteral("gettingStartedTerminalIntro"));
    m_terminalIntro->setWordWrap(true);
    outer->addSpacing(6);
    outer->addWidget(m_terminalIntro);
    auto* layout = new QGridLayout;
    outer->addLayout(layout);
    // Number, command, its copy button, then free space: the button stays next to its command.
    layout->setColumnStretch(3, 1);
    layout->setVerticalSpacing(4);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int index = 0; index < kStepCount; ++index) {
        const int row = index * 2;
        auto* number = new QLabel(QStringLiteral("%1.").arg(index + 1), this);
        number->setAlignment(Qt::AlignRight | Qt::AlignTop);
        Step step;
        step.text = new QLabel(this);
        step.text->setWordWrap(true);
        // Commands are shown whole, never wrapped: a line break inside one reads like part of it.
        step.command = new QLabel(this);
        step.command->setObjectName(QStringLiteral("gettingStartedCommand%1").arg(index + 1));
        step.command->setTextFormat(Qt::PlainText);
        step.command->setTextInteractionFlags(Qt::TextSelectableByMouse);
        step.command->setFont(fixed);
        step.command->setStyleSheet(
            QStringLiteral("QLabel { background: palette(base); border: 1px solid "
                           "palette(midlight); border-radius: 3px; padding: 2px 6px; }"));
        step.copy = new QToolButton(this);
        step.copy->setObjectName(QStringLiteral("gettingStartedCopy%1").arg(index + 1));
        step.copy->setAutoRaise(true);
        connect(step.copy, &QToolButton::clicked, this,
                [label = step.command] { QGuiApplication::clipboard()->setText(label->text()); });
        layout->addWidget(number, row, 0);
        layout->addWidget(step.text, row, 1, 1, 3);
        layout->addWidget(step.command, row + 1, 1);
        layout->addWidget(step.copy, row + 1, 2);
        layout->setRowMinimumHeight(row + 1, step.copy->sizeHint().height());
        m_steps.append(step);
    }
    render();
}

void GettingStartedPanel::setReceiverAddress(const QString& address)
{
    // An address the probe cannot use would only produce a command that fails; keep the default then.
    const auto url = ReceiverProbe::healthUrl(address);
    m_receiverAddress = url ? url->authority() : QString::fromLatin1(ReceiverProbe::kDefaultAddress);
    render();
}

QStringList GettingStartedPanel::commands() const
{
    QStringList commands;
    for (const Step& step : m_steps)
        commands << step.command->text();
    return commands;
}

void GettingStartedPanel::setReceiveHereAvailable(bool available)
{
    m_receiveHereAvailable = available;
    render();
}

void GettingStartedPanel::setDemoBusy(bool busy)
{
    m_demoBusy = busy;
    if (busy)
        m_demoMessage.clear();
    renderDemoStatus();
}

void GettingStartedPanel::setDemoMessage(const QString& message)
{
    m_demoMessage = message;
    renderDemoStatus();
}

void GettingStartedPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QGroupBox::changeEvent(event);
}

void GettingStartedPanel::render()
{
    setTitle(tr("Getting started"));
    m_intro->setText(tr("No events have arrived yet. Connect Stripe and receive or import its events here, "
                        "or look around with made-up demo data first:"));
    m_connections->setText(tr("Connections…"));
    m_connections->setToolTip(tr("Enter your Stripe and Customer.io credentials"));
    m_receiveHere->setText(tr("Receive Events in This Window"));
    m_receiveHere->setEnabled(m_receiveHereAvailable);
    m_receiveHere->setToolTip(m_receiveHereAvailable
                                  ? tr("Listen for Stripe webhooks in this window, without a separate "
                                       "billbridge-cli serve")
                                  : tr("This console was started without its own receiver; use "
                                       "billbridge-cli serve instead"));
    m_backfill->setText(tr("Backfill from Stripe…"));
    m_backfill->setToolTip(tr("Import the events Stripe still keeps (up to 30 days)"));
    m_demo->setText(tr("Open Demo Data"));
    m_demo->setToolTip(tr("Open a separate DEMO store with a made-up Stripe history in a second window; "
                          "your own store is not touched"));
    m_terminalIntro->setText(tr("Or from a terminal, for example on a server without a display:"));
    renderDemoStatus();
    const std::array<std::pair<QString, QString>, kStepCount> steps = {{
        {tr("Store your Stripe credentials:"), QStringLiteral("billbridge-cli connections set stripe")},
        {tr("Start the receiver, which also creates the store:"), QStringLiteral("billbridge-cli serve")},
        {tr("Forward test-mode webhooks to it with the Stripe CLI:"),
         QStringLiteral("stripe listen --forward-to %1/stripe/webhook").arg(m_receiverAddress)},
        {tr("Optionally, import the last 30 days of events:"), QStringLiteral("billbridge-cli backfill")},
    }};
    for (int index = 0; index < kStepCount; ++index) {
        const Step& step = m_steps.at(index);
        step.text->setText(steps[index].first);
        step.command->setText(steps[index].second);
        step.copy->setText(tr("Copy"));
        step.copy->setToolTip(tr("Copy this command to the clipboard"));
    }
}

void GettingStartedPanel::renderDemoStatus()
{
    m_demo->setEnabled(!m_demoBusy);
    const QString text = m_demoBusy ? tr("Generating demo data…") : m_demoMessage;
    m_demoStatus->setText(text);
    m_demoStatus->setVisible(!text.isEmpty());
}

} // namespace billbridge::widgets
