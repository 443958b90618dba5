#pragma once

#include <QGroupBox>
#include <QList>

class QLabel;
class QToolButton;

namespace billbridge::widgets {

// The first steps from an empty store to events on screen, each with its command ready to copy.
class GettingStartedPanel final : public QGroupBox {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GettingStartedPanel)

public:
    explicit GettingStartedPanel(QWidget* parent = nullptr);

    // The Stripe CLI must forward to the address the receiver really listens on.
    void setReceiverAddress(const QString& address);
    QStringList commands() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Step {
        QLabel* text = nullptr;
        QLabel* command = nullptr;
        QToolButton* copy = nullptr;
    };

    void render();

    QString m_receiverAddress;
    QLabel* m_intro = nullptr;
    QList<Step> m_steps;
};

} // namespace billbridge::widgets
