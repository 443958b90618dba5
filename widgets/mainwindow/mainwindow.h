#pragma once

#include "connections/connectionservices.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QDialog;
class QLabel;
class QListWidget;
class QMenu;
class QSplitter;
class QStackedWidget;

namespace billbridge::widgets {

class ConnectionsDialog;
class ConsoleDelivery;
class ConsoleIntake;
class ConsoleStatusBar;
class CustomerPage;
class EventsPage;
class ManualCampaignDialog;
class ModeBadge;
class OverviewPage;
class QueuePage;
class ReceiverProbe;
class StoreSummary;

// The console's frame: a navigation list of screens beside the current one, the state line at the bottom,
// and the menus. It presents what StoreSummary and ReceiverProbe report (both belong to the caller) and
// hands the connection services to the Connections dialog.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Page { Overview, Events, Customers, Queue, PlanMappings, DunningRules, Audit, Count };

    MainWindow(StoreSummary* store, ReceiverProbe* receiver, ConnectionServices connections,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // Puts the window, the navigation width and the page back where the operator left them, and remembers
    // them when the window closes. Screenshots skip this to stay the same on every machine.
    void restoreSavedState();

    Page currentPage() const;
    void setCurrentPage(Page page);
    QWidget* page(Page page) const;
    bool isReady() const { return m_storeReported && m_receiverReported; }
    bool isDemo() const { return m_demo; }
    // The open Connections dialog, if any.
    ConnectionsDialog* connectionsDialog() const;

    ConnectionsDialog* openConnections();
    EventsPage* eventsPage() const { return m_events; }
    CustomerPage* customerPage() const { return m_customers; }
    QueuePage* queuePage() const { return m_queue; }
    // Shows the Customers page for this customer.
    void followCustomer(const QString& customerId);
    // Shows the Events page with this event selected.
    void followEvent(const QString& eventId);
    // Intake in this process (receiver, poller, indexer), owned by the caller. Without it the window only
    // watches a store written by `billbridge-cli serve`.
    void setConsoleIntake(ConsoleIntake* intake);
    ConsoleIntake* consoleIntake() const { return m_intake; }
    // Delivery to Customer.io in this process, owned by the caller. Without it the Queue page only shows
    // what another process (`billbridge-cli serve`) delivers.
    void setConsoleDelivery(ConsoleDelivery* delivery);
    ConsoleDelivery* consoleDelivery() const { return m_delivery; }
    // Opens the backfill dialog (one at a time).
    QDialog* openBackfill();
    // Opens a Send Message dialog for these customers (non-modal; several may be open).
    ManualCampaignDialog* openManualCampaign(const QStringList& customerIds);

signals:
    // Both the store and the receiver have reported at least once, so the window shows real figures.
    void ready();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QWidget* createHeader();
    void createPages();
    void createMenus();
    void retranslate();
    QString pageTitle(Page page) const;
    void onStoreUpdated();
    void onReceiverUpdated();
    void noteReported();
    void refreshNow();
    void showAbout();
    void saveState() const;

    StoreSummary* m_store;
    ReceiverProbe* m_receiver;
    ConnectionServices m_connections;
    bool m_storeReported = false;
    bool m_receiverReported = false;
    bool m_readyEmitted = false;
    bool m_rememberState = false;
    bool m_demo = false;

    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QLabel* m_demoLabel = nullptr;
    ModeBadge* m_badge = nullptr;
    QSplitter* m_splitter = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    OverviewPage* m_overview = nullptr;
    EventsPage* m_events = nullptr;
    CustomerPage* m_customers = nullptr;
    QueuePage* m_queue = nullptr;
    ConsoleStatusBar* m_statusBar = nullptr;
    QPointer<ConnectionsDialog> m_connectionsDialog;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_connectionsAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_runIntakeAction = nullptr;
    QAction* m_runDeliveryAction = nullptr;
    QAction* m_backfillAction = nullptr;
    ConsoleIntake* m_intake = nullptr;
    ConsoleDelivery* m_delivery = nullptr;
    QPointer<QDialog> m_backfillDialog;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
};

} // namespace billbridge::widgets
