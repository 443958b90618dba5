#include "mainwindow/mainwindow.h"

#include "audit/auditpage.h"
#include "backfill/backfilldialog.h"
#include "campaigns/consolecatalogsource.h"
#include "campaigns/manualcampaigndialog.h"
#include "common/placeholderpage.h"
#include "common/richtext.h"
#include "connections/connectionsdialog.h"
#include "customers/customerpage.h"
#include "delivery/consoledelivery.h"
#include "events/eventlistmodel.h"
#include "events/eventspage.h"
#include "home/modebadge.h"
#include "home/overviewpage.h"
#include "home/receiverprobe.h"
#include "home/storesummary.h"
#include "intake/consoleintake.h"
#include "intake/intakeservice.h"
#include "mainwindow/consolestatusbar.h"
#include "mappings/mappingspage.h"
#include "queue/queuepage.h"
#include "rules/rulespage.h"
#include "slack/slackwebhooks.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace billbridge::widgets {

namespace {

constexpr auto kGeometryKey = "mainwindow/geometry";
constexpr auto kSplitterKey = "mainwindow/splitter";
constexpr auto kPageKey = "mainwindow/page";

// Stable names for the settings, so that a page is found again even if the list order changes.
constexpr const char* kPageNames[] = {"overview", "events",        "customers", "queue",
                                      "mappings", "dunning-rules", "audit"};
static_assert(std::size(kPageNames) == static_cast<std::size_t>(MainWindow::Page::Count));

} // namespace

MainWindow::MainWindow(StoreSummary* store, ReceiverProbe* receiver, ConnectionServices connections,
                       QWidget* parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_receiver(receiver)
    , m_connections(std::move(connections))
{
    setObjectName(QStringLiteral("mainWindow"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->setSpacing(10);
    layout->addWidget(createHeader());
    m_splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter->setObjectName(QStringLiteral("navigationSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_navigation = new QListWidget(m_splitter);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setMinimumWidth(140);
    m_pages = new QStackedWidget(m_splitter);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({170, 700});
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    createPages();
    connect(m_customers, &CustomerPage::sendMessageRequested, this, &MainWindow::openManualCampaign);
    connect(m_events, &EventsPage::sendMessageRequested, this, &MainWindow::openManualCampaign);

    m_statusBar = new ConsoleStatusBar(this);
    setStatusBar(m_statusBar);
    createMenus();
    retranslate();
    resize(1180, 760);

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_store, &StoreSummary::updated, this, &MainWindow::onStoreUpdated);
    connect(m_receiver, &ReceiverProbe::updated, this, &MainWindow::onReceiverUpdated);
    m_navigation->setCurrentRow(0);
    m_overview->setSnapshot(m_store->snapshot());
    m_overview->setReceiverStatus(m_receiver->status());
    m_statusBar->setReceiverStatus(m_receiver->status());
    if (m_store->hasResult())
        onStoreUpdated();
    if (m_receiver->hasResult())
        onReceiverUpdated();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::createHeader()
{
    auto* header = new QWidget(this);
    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    const QIcon icon = windowIcon();
    if (!icon.isNull()) {
        auto* logo = new QLabel(header);
        logo->setPixmap(icon.pixmap(40, 40));
        layout->addWidget(logo, 0, Qt::AlignTop);
    }
    auto* titles = new QVBoxLayout;
    titles->setSpacing(2);
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("title"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(header);
    m_subtitle->setObjectName(QStringLiteral("subtitle"));
    m_subtitle->setWordWrap(true);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    layout->addLayout(titles, 1);
    // Made-up data must never be mistaken for real customers: the label sits beside the mode badge.
    m_demoLabel = new QLabel(header);
    m_demoLabel->setObjectName(QStringLiteral("demoLabel"));
    m_demoLabel->setStyleSheet(QStringLiteral("QLabel { background: #2e7d32; color: #ffffff; border-radius: "
                                              "4px; padding: 3px 10px; font-weight: bold; }"));
    m_demoLabel->hide();
    layout->addWidget(m_demoLabel, 0, Qt::AlignTop | Qt::AlignRight);
    m_badge = new ModeBadge(header);
    layout->addWidget(m_badge, 0, Qt::AlignTop | Qt::AlignRight);
    return header;
}

void MainWindow::createPages()
{
    m_overview = new OverviewPage(m_receiver->address(), m_pages);
    connect(m_overview, &OverviewPage::connectionsRequested, this, &MainWindow::openConnections);
    connect(m_overview, &OverviewPage::backfillRequested, this, &MainWindow::openBackfill);
    connect(m_overview, &OverviewPage::receiveHereRequested, this, [this] {
        if (m_runIntakeAction->isEnabled())
            m_runIntakeAction->setChecked(true);
    });
    m_overview->setReceiveHereAvailable(false);
    m_pages->addWidget(m_overview);
    m_navigation->addItem(QString());
    m_events = new EventsPage(m_store->path(), m_pages);
    m_pages->addWidget(m_events);
    m_navigation->addItem(QString());
    m_customers = new CustomerPage(m_store->path(), m_pages);
    m_pages->addWidget(m_customers);
    m_navigation->addItem(QString());
    m_queue = new QueuePage(m_store->path(), m_pages);
    m_pages->addWidget(m_queue);
    m_navigation->addItem(QString());
    connect(m_events, &EventsPage::followCustomerRequested, this, &MainWindow::followCustomer);
    connect(m_customers, &CustomerPage::eventActivated, this, &MainWindow::followEvent);
    connect(m_queue, &QueuePage::eventRequested, this, &MainWindow::followEvent);
    connect(m_events, &EventsPage::jobRequested, this,
            [this](std::int64_t jobId, const QList<qint64>& eventJobIds, const QString& eventId) {
                setCurrentPage(Page::Queue);
                const std::vector<std::int64_t> ids(eventJobIds.begin(), eventJobIds.end());
                m_queue->showOnlyJobs(
                    ids, tr("The %n job(s) of event %1", nullptr, int(ids.size())).arg(eventId), jobId);
            });
    m_pages->addWidget(new MappingsPage(m_store->path(), m_pages));
    m_navigation->addItem(QString());
    auto* rules = new RulesPage(m_store->path(), m_pages);
    m_pages->addWidget(rules);
    m_navigation->addItem(QString());
    connect(rules, &RulesPage::eventRequested, this, &MainWindow::followEvent);
    // Slack actions offer the webhooks kept in the keychain too. Read when the page is first opened, not at
    // start: a keychain may ask the person at the desktop to unlock it.
    connect(m_navigation, &QListWidget::currentRowChanged, rules,
            [this, rules, asked = false](int row) mutable {
                if (asked || row != int(Page::DunningRules) || m_connections.secrets == nullptr)
                    return;
                asked = true;
                m_connections.secrets->read(
                    slack::kWebhookNamesKey,
                    [rules](const secrets::SecretResult& result) {
                        const slack::SlackWebhooksLoad fromEnvironment =
                            slack::loadSlackWebhooks(nullptr, QProcessEnvironment::systemEnvironment());
                        QStringList names;
                        for (const auto& [name, webhook] : fromEnvironment.webhooks)
                            names.append(name);
                        if (result.isOk()) {
                            const QString listed = QString::fromUtf8(result.value);
                            for (const QString& line : listed.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                                const QString name = line.trimmed();
                                if (slack::isValidWebhookName(name) && !names.contains(name))
                                    names.append(name);
                            }
                        }
                        names.sort();
                        rules->setWebhookNames(names);
                    },
                    rules);
            });
    m_pages->addWidget(new AuditPage(m_store->path(), m_pages));
    m_navigation->addItem(QString());
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_connectionsAction = m_fileMenu->addAction(QString(), this, &MainWindow::openConnections);
    m_connectionsAction->setObjectName(QStringLiteral("connectionsAction"));
    m_connectionsAction->setEnabled(m_connections.isUsable());
    m_connectionsAction->setMenuRole(QAction::PreferencesRole);
    m_backfillAction = m_fileMenu->addAction(QString(), this, &MainWindow::openBackfill);
    m_backfillAction->setObjectName(QStringLiteral("backfillAction"));
    m_runIntakeAction = m_fileMenu->addAction(QString());
    m_runIntakeAction->setObjectName(QStringLiteral("runIntakeAction"));
    m_runIntakeAction->setCheckable(true);
    m_runIntakeAction->setEnabled(false);
    m_runDeliveryAction = m_fileMenu->addAction(QString());
    m_runDeliveryAction->setObjectName(QStringLiteral("runDeliveryAction"));
    m_runDeliveryAction->setCheckable(true);
    m_runDeliveryAction->setEnabled(false);
    m_fileMenu->addSeparator();
    m_refreshAction = m_fileMenu->addAction(QString(), this, &MainWindow::refreshNow);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
}

QString MainWindow::pageTitle(Page page) const
{
    switch (page) {
    case Page::Overview:
        return tr("Overview");
    case Page::Events:
        return tr("Events");
    case Page::Customers:
        return tr("Customers");
    case Page::Queue:
        return tr("Queue");
    case Page::PlanMappings:
        return tr("Plan Mappings");
    case Page::DunningRules:
        return tr("Dunning Rules");
    case Page::Audit:
        return tr("Audit");
    case Page::Count:
        break;
    }
    return {};
}

void MainWindow::retranslate()
{
    setWindowTitle(m_demo ? tr("Billbridge — DEMO data") : tr("Billbridge"));
    m_title->setText(tr("Billbridge"));
    m_subtitle->setText(tr("Stripe billing events, stored locally on their way to Customer.io"));
    m_demoLabel->setText(tr("DEMO"));
    m_demoLabel->setToolTip(tr("This store was filled with made-up demo data, not events from Stripe."));
    for (int i = 0; i < static_cast<int>(Page::Count); ++i) {
        const QString title = pageTitle(static_cast<Page>(i));
        m_navigation->item(i)->setText(title);
        if (auto* placeholder = qobject_cast<PlaceholderPage*>(m_pages->widget(i)))
            placeholder->setTitle(title);
    }
    m_fileMenu->setTitle(tr("&File"));
    m_connectionsAction->setText(tr("&Connections…"));
    m_refreshAction->setText(tr("&Refresh Now"));
    m_backfillAction->setText(tr("&Backfill from Stripe…"));
    m_backfillAction->setToolTip(tr("Import the events of the last 30 days from Stripe's Events API"));
    m_runIntakeAction->setText(tr("Receive Events in This &Window"));
    m_runIntakeAction->setToolTip(tr("Run the webhook receiver and the Events API poller inside the console "
                                     "instead of 'billbridge-cli serve'"));
    m_runDeliveryAction->setText(tr("&Deliver to Customer.io from This Window"));
    m_runDeliveryAction->setToolTip(tr("Send the job queue to Customer.io from the console instead of "
                                       "'billbridge-cli serve'"));
    m_quitAction->setText(tr("&Quit"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About Billbridge"));
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(qMax(0, m_pages->currentIndex()));
}

void MainWindow::setCurrentPage(Page page)
{
    if (page >= Page::Count)
        return;
    m_navigation->setCurrentRow(static_cast<int>(page));
}

QWidget* MainWindow::page(Page page) const
{
    return m_pages->widget(static_cast<int>(page));
}

ConnectionsDialog* MainWindow::connectionsDialog() const
{
    return m_connectionsDialog;
}

ConnectionsDialog* MainWindow::openConnections()
{
    if (!m_connections.isUsable())
        return nullptr;
    if (m_connectionsDialog) {
        m_connectionsDialog->raise();
        m_connectionsDialog->activateWindow();
        return m_connectionsDialog;
    }
    auto* dialog = new ConnectionsDialog(m_connections, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_connectionsDialog = dialog;
    dialog->open();
    return dialog;
}

void MainWindow::setConsoleIntake(ConsoleIntake* intake)
{
    m_intake = intake;
    m_runIntakeAction->setEnabled(intake != nullptr);
    m_overview->setReceiveHereAvailable(intake != nullptr);
    if (intake == nullptr)
        return;
    m_runIntakeAction->setChecked(intake->runsInThisWindow());
    connect(m_runIntakeAction, &QAction::toggled, intake, &ConsoleIntake::setRunInThisWindow);
    // While intake is off here the receiver field already tells whether a `serve` is receiving.
    const auto showStatus = [this, intake] {
        m_statusBar->setIntakeStatus(intake->state() == ConsoleIntake::State::Off ? QString()
                                                                                  : intake->statusText());
    };
    connect(intake, &ConsoleIntake::statusChanged, this, showStatus);
    showStatus();
    // Stored here means on screen now, not at the next poll of the store.
    connect(intake, &ConsoleIntake::eventsStored, m_events->model(), &EventListModel::storeChanged);
    connect(intake, &ConsoleIntake::eventsStored, m_store, &StoreSummary::refresh);
    connect(intake, &ConsoleIntake::stateChanged, this, [this] { m_receiver->probe(); });
}

void MainWindow::setConsoleDelivery(ConsoleDelivery* delivery)
{
    m_delivery = delivery;
    m_runDeliveryAction->setEnabled(delivery != nullptr);
    if (delivery == nullptr)
        return;
    m_runDeliveryAction->setChecked(delivery->runsInThisWindow());
    connect(m_runDeliveryAction, &QAction::toggled, delivery, &ConsoleDelivery::setRunInThisWindow);
    const auto showStatus = [this, delivery] {
        m_statusBar->setDeliveryStatus(
            delivery->state() == ConsoleDelivery::State::Off ? QString() : delivery->statusText());
    };
    connect(delivery, &ConsoleDelivery::statusChanged, this, showStatus);
    showStatus();
}

ManualCampaignDialog* MainWindow::openManualCampaign(const QStringList& customerIds)
{
    auto* dialog = new ManualCampaignDialog(m_store->path(), consoleCatalogSource(m_connections), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRecipients(customerIds);
    connect(dialog, &ManualCampaignDialog::showInQueueRequested, this, [this](const QList<qint64>& jobIds) {
        setCurrentPage(Page::Queue);
        const std::vector<std::int64_t> ids(jobIds.begin(), jobIds.end());
        m_queue->showOnlyJobs(ids, tr("The %n job(s) of this manual send", nullptr, int(ids.size())));
    });
    connect(dialog, &ManualCampaignDialog::jobsQueued, m_store, &StoreSummary::refresh);
    dialog->show();
    return dialog;
}

QDialog* MainWindow::openBackfill()
{
    if (m_backfillDialog) {
        m_backfillDialog->raise();
        m_backfillDialog->activateWindow();
        return m_backfillDialog;
    }
    BackfillServices services;
    services.storePath = m_store->path();
    services.connections = m_connections;
    // One writer per store file: while intake runs here, the backfill writes through the same one.
    if (m_intake != nullptr)
        services.writer = m_intake->service()->sharedWriter();
    auto* dialog = new BackfillDialog(services, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BackfillDialog::openConnectionsRequested, this, &MainWindow::openConnections);
    connect(dialog, &BackfillDialog::progressed, m_events->model(), &EventListModel::storeChanged);
    connect(dialog, &BackfillDialog::finished, m_store, &StoreSummary::refresh);
    m_backfillDialog = dialog;
    dialog->show();
    return dialog;
}

void MainWindow::followCustomer(const QString& customerId)
{
    setCurrentPage(Page::Customers);
    m_customers->showCustomer(customerId);
}

void MainWindow::followEvent(const QString& eventId)
{
    setCurrentPage(Page::Events);
    m_events->showEvent(eventId);
}

void MainWindow::restoreSavedState()
{
    m_rememberState = true;
    const QSettings settings;
    m_events->restoreState(settings);
    m_queue->restoreState(settings);
    const QByteArray geometry = settings.value(QLatin1String(kGeometryKey)).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray splitter = settings.value(QLatin1String(kSplitterKey)).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    const QString pageName = settings.value(QLatin1String(kPageKey)).toString();
    for (int i = 0; i < static_cast<int>(Page::Count); ++i) {
        if (pageName == QLatin1String(kPageNames[i]))
            setCurrentPage(static_cast<Page>(i));
    }
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(kSplitterKey), m_splitter->saveState());
    settings.setValue(QLatin1String(kPageKey), QLatin1String(kPageNames[static_cast<int>(currentPage())]));
    m_events->saveState(settings);
    m_queue->saveState(settings);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_rememberState)
        saveState();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::onStoreUpdated()
{
    const StoreSnapshot snapshot = m_store->snapshot();
    m_overview->setSnapshot(snapshot);
    m_statusBar->setSnapshot(snapshot);
    const bool ready = snapshot.state == StoreSnapshot::State::Ready;
    m_badge->setCounts(ready ? snapshot.liveEvents : 0, ready ? snapshot.testEvents : 0);
    const bool demo = ready && snapshot.demo;
    if (demo != m_demo) {
        m_demo = demo;
        m_demoLabel->setVisible(demo);
        retranslate();
    }
    m_storeReported = true;
    noteReported();
}

void MainWindow::onReceiverUpdated()
{
    m_overview->setReceiverStatus(m_receiver->status());
    m_statusBar->setReceiverStatus(m_receiver->status());
    m_receiverReported = true;
    noteReported();
}

void MainWindow::noteReported()
{
    // Emitted once: the first moment the window shows real figures for both.
    if (isReady() && !m_readyEmitted) {
        m_readyEmitted = true;
        emit ready();
    }
}

void MainWindow::refreshNow()
{
    m_store->refresh();
    m_receiver->probe();
}

void MainWindow::showAbout()
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
