#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;

namespace billbridge::widgets {

class GettingStartedPanel;
class ModeBadge;
class ReceiverPanel;
class ReceiverProbe;
class StorePanel;
class StoreSummary;

// The console's first screen: the state of the store and of the receiver, and what to do next. It only
// presents what StoreSummary and ReceiverProbe report; both belong to the caller.
class HomeWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HomeWindow)

public:
    HomeWindow(StoreSummary* store, ReceiverProbe* receiver, QWidget* parent = nullptr);

    // Puts the window where the operator left it and remembers its geometry when it closes. Screenshots
    // skip this to stay the same on every machine.
    void restoreSavedGeometry();
    bool isReady() const { return m_storeReported && m_receiverReported; }

signals:
    // Both the store and the receiver have reported at least once, so the window shows real figures.
    void ready();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QWidget* createHeader();
    void createMenus();
    void retranslate();
    void onStoreUpdated();
    void onReceiverUpdated();
    void noteReported();
    void refreshNow();
    void showAbout();

    StoreSummary* m_store;
    ReceiverProbe* m_receiver;
    bool m_storeReported = false;
    bool m_receiverReported = false;
    bool m_readyEmitted = false;
    bool m_rememberGeometry = false;

    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    ModeBadge* m_badge = nullptr;
    StorePanel* m_storePanel = nullptr;
    ReceiverPanel* m_receiverPanel = nullptr;
    GettingStartedPanel* m_gettingStarted = nullptr;
    QLabel* m_updated = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
};

} // namespace billbridge::widgets
