#pragma once

#include "connections/connectionservices.h"
#include "customerio/customerioclient.h"

#include <QObject>
#include <QString>

#include <memory>

namespace billbridge::delivery {
class DeliveryService;
}

namespace billbridge::widgets {

// The console's own delivery to Customer.io: runs the job queue's workers inside the console process, so
// that an operator needs no separate `billbridge-cli serve`. Reads the credentials without blocking,
// remembers whether the operator wants delivery in this window, and words its state for the status bar.
class ConsoleDelivery final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleDelivery)

public:
    static constexpr auto kRunInConsoleSetting = "delivery/runInConsole";
    static constexpr auto kRegionSetting = "customerio/region";

    enum class State { Off, ReadingCredentials, Delivering, Paused, Failed };
    Q_ENUM(State)

    ConsoleDelivery(QString storePath, ConnectionServices connections, QObject* parent = nullptr);
    ~ConsoleDelivery() override;

    bool runsInThisWindow() const;
    // Remembers the choice and starts or stops delivery to match.
    void setRunInThisWindow(bool run);
    // Starts delivery when the operator chose to run it here (call once the window is up).
    void startIfWanted();

    // Reads the credentials, then starts; also after a failure (e.g. once another process stopped).
    void start();
    void stop();
    // After the operator resumed a paused queue (the workers notice the flag themselves; this updates the
    // words at once).
    void noteResumed();

    State state() const { return m_state; }
    QString statusText() const;
    QString lastError() const { return m_error; }
    delivery::DeliveryService* service() { return m_service.get(); }

signals:
    void stateChanged(billbridge::widgets::ConsoleDelivery::State state);
    void statusChanged(const QString& text);
    // Forwarded from the service: jobs changed state.
    void jobsChanged();

private:
    void readNext(int index, customerio::CustomerIoCredentials credentials);
    void startService(const customerio::CustomerIoCredentials& credentials);
    void setState(State state);
    void failWith(const QString& message);

    QString m_storePath;
    ConnectionServices m_connections;
    std::unique_ptr<delivery::DeliveryService> m_service;
    State m_state = State::Off;
    QString m_error;
    QString m_pauseReason;
    QString m_regionName;
    // Bumped by stop(), so that credentials arriving for an abandoned start are ignored.
    int m_attempt = 0;
};

} // namespace billbridge::widgets
