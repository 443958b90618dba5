#pragma once

#include "home/receiverprobe.h"

#include <QGroupBox>

class QLabel;

namespace billbridge::widgets {

// Whether the webhook receiver answers, what it reports about itself, and how to start it when it does not.
class ReceiverPanel final : public QGroupBox {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiverPanel)

public:
    explicit ReceiverPanel(QWidget* parent = nullptr);

    void setStatus(const ReceiverStatus& status);

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    ReceiverStatus m_status;
    QLabel* m_indicator = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_details = nullptr;
};

} // namespace billbridge::widgets
