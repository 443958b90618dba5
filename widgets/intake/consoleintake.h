#pragma once

#include "connections/connectionservices.h"
#include "intake/intakeservice.h"

#include <QObject>
#include <QString>

namespace billbridge::widgets {

// Reads `key` from the keychain; when the keychain has nothing or cannot be used, from the values the
// operator keeps for this session. `done` gets the session's value if it has one, otherwise the keychain's
// answer (so that a keychain problem is reported in its own words).
void readConnectionSecret(const ConnectionServices& services, const QString& key,
                          secrets::SecretStore::Callback done, QObject* context);

// The console's own intake: receives webhooks and polls Stripe inside the console process, so that an
// operator needs no separate `billbridge-cli serve`. Reads the credentials without blocking, remembers
// whether the operator wants intake in this window, and words its state for the status bar.
class ConsoleIntake final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleIntake)

public:
    static constexpr auto kRunInConsoleSetting = "intake/runInConsole";

    enum class State { Off, ReadingCredentials, Starting, Receiving, Stopping, Failed };
    Q_ENUM(State)

    // `options.storePath` names the store; the rest (address, port, polling) as the operator set them.
    ConsoleIntake(intake::IntakeOptions options, ConnectionServices connections, QObject* parent = nullptr);
    ~ConsoleIntake() override;

    // The remembered choice "run intake in this window"; off until the operator turns it on.
    bool runsInThisWindow() const;
    // Remembers the choice and starts or stops intake to match.
    void setRunInThisWindow(bool run);
    // Starts intake when the operator chose to run it here (call once the window is up).
    void startIfWanted();

    // Reads the credentials, then starts. Also retries after a failure (e.g. once the port is free).
    void start();
    void stop();

    State state() const { return m_state; }
    QString statusText() const;
    intake::IntakeError lastError() const { return m_error; }
    intake::IntakeService* service() { return &m_service; }
    const intake::IntakeOptions& options() const { return m_options; }
    void setOptions(const intake::IntakeOptions& options) { m_options = options; }

signals:
    void stateChanged(billbridge::widgets::ConsoleIntake::State state);
    // statusText() changed.
    void statusChanged(const QString& text);
    // Forwarded from the service: new events reached the store.
    void eventsStored(qint64 lastSeq, int count);

private:
    void readSecrets();
    void readApiKey(const QList<QByteArray>& webhookSecrets);
    void setState(State state);
    void failWith(const QString& message);

    intake::IntakeOptions m_options;
    ConnectionServices m_connections;
    intake::IntakeService m_service;
    State m_state = State::Off;
    intake::IntakeError m_error;
    QString m_pollProblem;
    // Bumped by stop(), so that credentials arriving for an abandoned start are ignored.
    int m_attempt = 0;
};

} // namespace billbridge::widgets
