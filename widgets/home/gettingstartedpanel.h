#pragma once

#include <QGroupBox>
#include <QList>

class QLabel;
class QPushButton;
class QToolButton;

namespace billbridge::widgets {

// The first steps from an empty store to events on screen: buttons for what the console does itself,
// then the same steps as commands ready to copy, for machines without a display.
class GettingStartedPanel final : public QGroupBox {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GettingStartedPanel)

public:
    explicit GettingStartedPanel(QWidget* parent = nullptr);

    // The Stripe CLI must forward to the address the receiver really listens on.
    void setReceiverAddress(const QString& address);
    QStringList commands() const;

    // Off when this process cannot run intake itself; the button then stays visible but disabled.
    void setReceiveHereAvailable(bool available);
    // While the demo is being generated its button is disabled and the progress is shown beside it.
    void setDemoBusy(bool busy);
    // The outcome of the last attempt (a failure or where the demo opened), shown under the buttons;
    // empty hides it.
    void setDemoMessage(const QString& message);

signals:
    void connectionsRequested();
    void receiveHereRequested();
    void backfillRequested();
    void demoRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Step {
        QLabel* text = nullptr;
        QLabel* command = nullptr;
        QToolButton* copy = nullptr;
    };

    void render();
    void renderDemoStatus();

    QString m_receiverAddress;
    QLabel* m_intro = nullptr;
    QPushButton* m_connections = nullptr;
    QPushButton* m_receiveHere = nullptr;
    QPushButton* m_backfill = nullptr;
    QPushButton* m_demo = nullptr;
    QLabel* m_demoStatus = nullptr;
    QLabel* m_terminalIntro = nullptr;
    bool m_receiveHereAvailable = true;
    bool m_demoBusy = false;
    QString m_demoMessage;
    QList<Step> m_steps;
};

} // namespace billbridge::widgets
