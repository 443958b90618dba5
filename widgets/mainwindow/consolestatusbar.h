#pragma once

#include "home/receiverprobe.h"
#include "home/storesummary.h"
#include "mainwindow/eventrate.h"

#include <QStatusBar>

class QLabel;

namespace billbridge::widgets {

class ModeBadge;

// The main window's bottom line: receiver address and state, stored events and their rate, the poller's
// last run, and the TEST / LIVE badge, so that they stay in view on every page.
class ConsoleStatusBar final : public QStatusBar {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleStatusBar)

public:
    explicit ConsoleStatusBar(QWidget* parent = nullptr);

    void setSnapshot(const StoreSnapshot& snapshot);
    void setReceiverStatus(const ReceiverStatus& status);
    // What intake inside the console is doing; empty hides it (intake is not run here).
    void setIntakeStatus(const QString& text);
    // What delivery to Customer.io inside the console is doing; empty hides it.
    void setDeliveryStatus(const QString& text);
    ModeBadge* badge() const { return m_badge; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    StoreSnapshot m_snapshot;
    ReceiverStatus m_receiver;
    EventRate m_rate;
    QLabel* m_receiverLabel = nullptr;
    QLabel* m_eventsLabel = nullptr;
    QLabel* m_pollLabel = nullptr;
    QLabel* m_intakeLabel = nullptr;
    QLabel* m_deliveryLabel = nullptr;
    ModeBadge* m_badge = nullptr;
};

} // namespace billbridge::widgets
