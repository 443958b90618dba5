#include "home/gettingstartedpanel.h"

#include "home/receiverprobe.h"

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QToolButton>

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
    auto* layout = new QGridLayout(this);
    // Number, command, its copy button, then free space: the button stays next to its command.
    layout->setColumnStretch(3, 1);
    layout->setVerticalSpacing(4);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("gettingStartedIntro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro, 0, 0, 1, 4);
    layout->setRowMinimumHeight(0, m_intro->sizeHint().height() + 6);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int index = 0; index < kStepCount; ++index) {
        const int row = 1 + index * 2;
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

void GettingStartedPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QGroupBox::changeEvent(event);
}

void GettingStartedPanel::render()
{
    setTitle(tr("Getting started"));
    m_intro->setText(tr("No events have arrived yet. To start receiving them:"));
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

} // namespace billbridge::widgets
