#include "home/overviewpage.h"

#include "home/gettingstartedpanel.h"
#include "home/receiverpanel.h"
#include "home/storepanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace billbridge::widgets {

OverviewPage::OverviewPage(const QString& receiverAddress, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("overviewPage"));
    auto* layout = new QVBoxLayout(this);
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
    m_gettingStarted->setVisible(snapshot.state == StoreSnapshot::State::Missing ||
                                 (ready && snapshot.events == 0));
}

void OverviewPage::setReceiverStatus(const ReceiverStatus& status)
{
    m_receiverPanel->setStatus(status);
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
