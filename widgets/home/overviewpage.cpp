#include "home/overviewpage.h"

#include "home/demolauncher.h"
#include "home/gettingstartedpanel.h"
#include "home/receiverpanel.h"
#include "home/storepanel.h"

#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace billbridge::widgets {

OverviewPage::OverviewPage(const QString& receiverAddress, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("overviewPage"));
    // The first steps make the page tall; scrolling keeps them from setting the window's smallest size.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("overviewScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(12);
    m_storePanel = new StorePanel(this);
    layout->addWidget(m_storePanel);
    m_receiverPanel = new ReceiverPanel(this);
    layout->addWidget(m_receiverPanel);
    m_gettingStarted = new GettingStartedPanel(this);
    m_gettingStarted->setReceiverAddress(receiverAddress);
    m_gettingStarted->hide();
    layout->addWidget(m_gettingStarted);
    connect(m_gettingStarted, &GettingStartedPanel::connectionsRequested, this,
            &OverviewPage::connectionsRequested);
    connect(m_gettingStarted, &GettingStartedPanel::receiveHereRequested, this,
            &OverviewPage::receiveHereRequested);
    connect(m_gettingStarted, &GettingStartedPanel::backfillRequested, this,
            &OverviewPage::backfillRequested);

    m_demoLauncher = new DemoLauncher(this);
    connect(m_gettingStarted, &GettingStartedPanel::demoRequested, m_demoLauncher, &DemoLauncher::open);
    connect(m_demoLauncher, &DemoLauncher::busyChanged, m_gettingStarted, &GettingStartedPanel::setDemoBusy);
    connect(m_demoLauncher, &DemoLauncher::failed, m_gettingStarted, &GettingStartedPanel::setDemoMessage);
    connect(m_demoLauncher, &DemoLauncher::opened, this, [this](const QString& path) {
        m_gettingStarted->setDemoMessage(tr("The demo data opens in a second window, marked DEMO (%1).")
                                             .arg(QDir::toNativeSeparators(path)));
    });

    auto* buttons = new QHBoxLayout;
    m_connections = new QPushButton(this);
    m_connections->setObjectName(QStringLiteral("connectionsButton"));
    connect(m_connections, &QPushButton::clicked, this, &OverviewPage::connectionsRequested);
    buttons->addWidget(m_connections);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(1);
    retranslate();
}

void OverviewPage::setSnapshot(const StoreSnapshot& snapshot)
{
    m_storePanel->setSnapshot(snapshot);
    const bool ready = snapshot.state == StoreSnapshot::State::Ready;
    const bool welcome = snapshot.state == StoreSnapshot::State::Missing || (ready && snapshot.events == 0);
    m_gettingStarted->setVisible(welcome);
    // The welcome panel has its own Connections button, first among the ways to get going.
    m_connections->setVisible(!welcome);
}

void OverviewPage::setReceiverStatus(const ReceiverStatus& status)
{
    m_receiverPanel->setStatus(status);
}

void OverviewPage::setReceiveHereAvailable(bool available)
{
    m_gettingStarted->setReceiveHereAvailable(available);
}

void OverviewPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void OverviewPage::retranslate()
{
    m_connections->setText(tr("Connections…"));
    m_connections->setToolTip(tr("Stripe and Customer.io credentials and addresses"));
}

} // namespace billbridge::widgets
