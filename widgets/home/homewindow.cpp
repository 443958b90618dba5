#include "home/homewindow.h"

#include "common/richtext.h"
#include "home/gettingstartedpanel.h"
#include "home/modebadge.h"
#include "home/receiverpanel.h"
#include "home/receiverprobe.h"
#include "home/storepanel.h"
#include "home/storesummary.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QVBoxLayout>

namespace billbridge::widgets {

namespace {

constexpr auto kGeometryKey = "home/geometry";

} // namespace

HomeWindow::HomeWindow(StoreSummary* store, ReceiverProbe* receiver, QWidget* parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_receiver(receiver)
{
    setObjectName(QStringLiteral("homeWindow"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(18, 14, 18, 14);
    layout->setSpacing(12);
    layout->addWidget(createHeader());
    m_storePanel = new StorePanel(central);
    layout->addWidget(m_storePanel);
    m_receiverPanel = new ReceiverPanel(central);
    layout->addWidget(m_receiverPanel);
    m_gettingStarted = new GettingStartedPanel(central);
    m_gettingStarted->setReceiverAddress(m_receiver->address());
    m_gettingStarted->hide();
    layout->addWidget(m_gettingStarted);
    layout->addStretch(1);
    setCentralWidget(central);

    m_updated = new QLabel(this);
    m_updated->setObjectName(QStringLiteral("lastUpdated"));
    statusBar()->addWidget(m_updated);

    createMenus();
    retranslate();
    resize(760, 580);

    connect(m_store, &StoreSummary::updated, this, &HomeWindow::onStoreUpdated);
    connect(m_receiver, &ReceiverProbe::updated, this, &HomeWindow::onReceiverUpdated);
    m_storePanel->setSnapshot(m_store->snapshot());
    m_receiverPanel->setStatus(m_receiver->status());
    if (m_store->hasResult())
        onStoreUpdated();
    if (m_receiver->hasResult())
        onReceiverUpdated();
}

QWidget* HomeWindow::createHeader()
{
    auto* header = new QWidget(this);
    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    const QIcon icon = windowIcon();
    if (!icon.isNull()) {
        auto* logo = new QLabel(header);
        logo->setPixmap(icon.pixmap(48, 48));
        layout->addWidget(logo, 0, Qt::AlignTop);
    }
    auto* titles = new QVBoxLayout;
    titles->setSpacing(2);
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("title"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(header);
    m_subtitle->setObjectName(QStringLiteral("subtitle"));
    m_subtitle->setWordWrap(true);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    layout->addLayout(titles, 1);
    m_badge = new ModeBadge(header);
    layout->addWidget(m_badge, 0, Qt::AlignTop | Qt::AlignRight);
    return header;
}

void HomeWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_refreshAction = m_fileMenu->addAction(QString(), this, &HomeWindow::refreshNow);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, &HomeWindow::showAbout);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
}

void HomeWindow::retranslate()
{
    setWindowTitle(tr("Billbridge"));
    m_title->setText(tr("Billbridge"));
    m_subtitle->setText(tr("Stripe billing events, stored locally on their way to Customer.io"));
    m_fileMenu->setTitle(tr("&File"));
    m_refreshAction->setText(tr("&Refresh Now"));
    m_quitAction->setText(tr("&Quit"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About Billbridge"));
    if (m_store->hasResult())
        m_updated->setText(
            tr("Updated %1").arg(m_store->snapshot().readAt.toString(QStringLiteral("HH:mm:ss"))));
}

void HomeWindow::restoreSavedGeometry()
{
    m_rememberGeometry = true;
    const QByteArray geometry = QSettings().value(QLatin1String(kGeometryKey)).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
}

void HomeWindow::closeEvent(QCloseEvent* event)
{
    if (m_rememberGeometry)
        QSettings().setValue(QLatin1String(kGeometryKey), saveGeometry());
    QMainWindow::closeEvent(event);
}

void HomeWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void HomeWindow::onStoreUpdated()
{
    const StoreSnapshot snapshot = m_store->snapshot();
    m_storePanel->setSnapshot(snapshot);
    const bool ready = snapshot.state == StoreSnapshot::State::Ready;
    m_badge->setCounts(ready ? snapshot.liveEvents : 0, ready ? snapshot.testEvents : 0);
    m_gettingStarted->setVisible(snapshot.state == StoreSnapshot::State::Missing ||
                                 (ready && snapshot.events == 0));
    m_updated->setText(tr("Updated %1").arg(snapshot.readAt.toString(QStringLiteral("HH:mm:ss"))));
    m_storeReported = true;
    noteReported();
}

void HomeWindow::onReceiverUpdated()
{
    m_receiverPanel->setStatus(m_receiver->status());
    m_receiverReported = true;
    noteReported();
}

void HomeWindow::noteReported()
{
    // Emitted once: the first moment the window shows real figures for both.
    if (isReady() && !m_readyEmitted) {
        m_readyEmitted = true;
        emit ready();
    }
}

void HomeWindow::refreshNow()
{
    m_store->refresh();
    m_receiver->probe();
}

void HomeWindow::showAbout()
{
    auto* box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About Billbridge"));
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setText(QStringLiteral("<h3>") + tr("Billbridge %1").arg(QStringLiteral(BILLBRIDGE_VERSION)) +
                 QStringLiteral("</h3><p>") +
                 tr("An operations console for Stripe billing events on their way to Customer.io.") +
                 QStringLiteral("</p><p>") +
                 tr("Store: %1").arg(escaped(QDir::toNativeSeparators(m_store->path()))) +
                 QStringLiteral("<br/>") + tr("Receiver: %1").arg(escaped(m_receiver->address())) +
                 QStringLiteral("</p><p>") +
                 tr("Built with Qt %1, running on Qt %2.")
                     .arg(QLatin1String(QT_VERSION_STR), QLatin1String(qVersion())) +
                 QStringLiteral("</p>"));
    box->setStandardButtons(QMessageBox::Close);
    box->open();
}

} // namespace billbridge::widgets
