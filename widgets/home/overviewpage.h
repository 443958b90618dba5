#pragma once

#include "home/receiverprobe.h"
#include "home/storesummary.h"

#include <QWidget>

class QPushButton;

namespace billbridge::widgets {

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

signals:
    void connectionsRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    StorePanel* m_storePanel = nullptr;
    ReceiverPanel* m_receiverPanel = nullptr;
    GettingStartedPanel* m_gettingStarted = nullptr;
    QPushButton* m_connections = nullptr;
};

} // namespace billbridge::widgets
