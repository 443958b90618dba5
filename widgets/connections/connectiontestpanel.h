#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace billbridge::widgets {

// The *Test Connection* button of a connection tab, with its busy bar, its Cancel button and the line that
// reports the verdict. The tab sets the texts and decides when a test may start.
class ConnectionTestPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTestPanel)

public:
    // Child object names start with `namePrefix` ("stripe" gives stripeTestButton, stripeCancelTestButton,
    // stripeTestBusy, stripeTestResult).
    explicit ConnectionTestPanel(const QString& namePrefix, QWidget* parent = nullptr);

    QPushButton* testButton() const { return m_test; }
    QPushButton* cancelButton() const { return m_cancel; }
    QLabel* resultLabel() const { return m_result; }

    // While busy the Cancel button and the busy bar show; the test button is enabled when `canTest`.
    void setBusy(bool busy, bool canTest);
    void showResult(const QString& text, bool problem);

private:
    QPushButton* m_test = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace billbridge::widgets
