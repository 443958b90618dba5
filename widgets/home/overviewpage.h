#pragma once

#include "home/receiverprobe.h"
#include "home/storesummary.h"

#include <QWidget>

class QPushButton;

namespace billbridge::widgets {

class DemoLauncher;
class GettingStartedPanel;
class ReceiverPanel;
class StorePanel;

// The main window's first page: the store, the receiver and, while there is nothing to show yet, the steps
// to get going. It only presents what it is given; the window feeds it the snapshots.
class OverviewPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPage)

public:
    explicit OverviewPage(const QString& receiverAddress, QWidget* parent = nullptr);

    void setSnapshot(const StoreSnapshot& snapshot);
    void setReceiverStatus(const ReceiverStatus& status);

    // Whether this process can receive events itself (see GettingStartedPanel::setReceiveHereAvailable).
    void setReceiveHereAvailable(bool available);

    // Opens the demo data from the first steps; exposed so its store path and launch can be replaced.
    DemoLauncher* demoLauncher() const { return m_demoLauncher; }

signals:
    void connectionsRequested();
    void receiveHereRequested();
    void backfillRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    StorePanel* m_storePanel = nullptr;
    ReceiverPanel* m_receiverPanel = nullptr;
    GettingStartedPanel* m_gettingStarted = nullptr;
    DemoLauncher* m_demoLauncher = nullptr;
    QPushButton* m_connections = nullptr;
};

} // namespace billbridge::widgets
