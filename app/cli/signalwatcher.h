#pragma once

#include <QObject>

class QSocketNotifier;

namespace billbridge::cli {

// Turns SIGINT/SIGTERM into a queued Qt signal, so shutdown runs on the event loop and not inside a
// signal handler (which may only write to a pipe).
class SignalWatcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

    int signalsReceived() const { return m_received; }

signals:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier* m_notifier = nullptr;
    int m_received = 0;
};

} // namespace billbridge::cli
