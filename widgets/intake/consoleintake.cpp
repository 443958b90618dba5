#include "intake/consoleintake.h"

#include "secrets/credentials.h"

#include <QPointer>
#include <QSettings>

namespace billbridge::widgets {

void readConnectionSecret(const ConnectionServices& services, const QString& key,
                          secrets::SecretStore::Callback done, QObject* context)
{
    if (services.secrets == nullptr) {
        done(secrets::SecretResult::notFound());
        return;
    }
    secrets::SecretStore* session = services.sessionSecrets;
    services.secrets->read(
        key,
        [session, key, done, context](const secrets::SecretResult& fromKeychain) {
            if (fromKeychain.isOk() || session == nullptr) {
                done(fromKeychain);
                return;
            }
            session->read(
                key,
                [fromKeychain, done](const secrets::SecretResult& fromSession) {
                    done(fromSession.isOk() ? fromSession : fromKeychain);
                },
                context);
        },
        context);
}

ConsoleIntake::ConsoleIntake(intake::IntakeOptions options, ConnectionServices connections, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_connections(std::move(connections))
{
    connect(&m_service, &intake::IntakeService::eventsStored, this, &ConsoleIntake::eventsStored);
    connect(&m_service, &intake::IntakeService::listening, this, [this] {
        m_error = {};
        setState(State::Receiving);
    });
    connect(&m_service, &intake::IntakeService::startFailed, this, [this](const intake::IntakeError& error) {
        m_error = error;
        setState(State::Failed);
    });
    connect(&m_service, &intake::IntakeService::stopped, this, [this] {
        if (m_state == State::Stopping || m_state == State::Receiving)
            setState(State::Off);
    });
    connect(&m_service, &intake::IntakeService::pollFailed, this, [this](const QString& message, bool fatal) {
        if (!fatal)
            return;
        m_pollProblem = message;
        emit statusChanged(statusText());
    });
    connect(&m_service, &intake::IntakeService::pollFinished, this, [this](const stripe::PollReport& report) {
        if (!report.ok || m_pollProblem.isEmpty())
            return;
        m_pollProblem.clear();
        emit statusChanged(statusText());
    });
}

ConsoleIntake::~ConsoleIntake() = default;

bool ConsoleIntake::runsInThisWindow() const
{
    return QSettings().value(QLatin1String(kRunInConsoleSetting), false).toBool();
}

void ConsoleIntake::setRunInThisWindow(bool run)
{
    QSettings().setValue(QLatin1String(kRunInConsoleSetting), run);
    if (run)
        start();
    else
        stop();
}

void ConsoleIntake::startIfWanted()
{
    if (runsInThisWindow())
        start();
}

void ConsoleIntake::start()
{
    if (m_state == State::ReadingCredentials || m_state == State::Starting || m_state == State::Receiving)
        return;
    if (m_state == State::Stopping) {
        // The previous run is still settling its commits; start again once it has.
        connect(
            &m_service, &intake::IntakeService::stopped, this, [this] { start(); }, Qt::SingleShotConnection);
        return;
    }
    m_error = {};
    m_pollProblem.clear();
    setState(State::ReadingCredentials);
    readSecrets();
}

void ConsoleIntake::readSecrets()
{
    const int attempt = ++m_attempt;
    readConnectionSecret(
        m_connections, secrets::keys::kStripeWebhookSecrets,
        [this, attempt](const secrets::SecretResult& result) {
            if (attempt != m_attempt || m_state != State::ReadingCredentials)
                return;
            if (!result.isOk() && result.status != secrets::SecretResult::Status::NotFound) {
                failWith(tr("The webhook signing secret could not be read: %1").arg(result.error));
                return;
            }
            readApiKey(secrets::splitWebhookSecrets(result.value));
        },
        this);
}

void ConsoleIntake::readApiKey(const QList<QByteArray>& webhookSecrets)
{
    const int attempt = m_attempt;
    readConnectionSecret(
        m_connections, secrets::keys::kStripeApiKey,
        [this, attempt, webhookSecrets](const secrets::SecretResult& result) {
            if (attempt != m_attempt || m_state != State::ReadingCredentials)
                return;
            // Without an API key intake still receives webhooks; the service says that polling is off.
            intake::IntakeCredentials credentials;
            credentials.webhookSecrets = webhookSecrets;
            if (result.isOk())
                credentials.apiKey = QString::fromUtf8(result.value).trimmed();
            setState(State::Starting);
            const intake::IntakeError error = m_service.start(m_options, credentials);
            if (error.isError()) {
                m_error = error;
                setState(State::Failed);
            }
        },
        this);
}

void ConsoleIntake::stop()
{
    ++m_attempt;
    switch (m_state) {
    case State::ReadingCredentials:
    case State::Failed:
        setState(State::Off);
        break;
    case State::Starting:
    case State::Receiving:
        setState(State::Stopping);
        m_service.stop();
        break;
    case State::Off:
    case State::Stopping:
        break;
    }
}

QString ConsoleIntake::statusText() const
{
    switch (m_state) {
    case State::Off:
        return tr("Not receiving — intake is off in this window. Turn on File → Receive Events in This "
                  "Window, or run `billbridge-cli serve`.");
    case State::ReadingCredentials:
        return tr("Starting intake — reading the Stripe credentials…");
    case State::Starting:
        return tr("Starting intake…");
    case State::Receiving:
        if (!m_pollProblem.isEmpty())
            return tr("Receiving on %1 — but missed events are not recovered: %2")
                .arg(m_service.listenAddress(), m_pollProblem);
        return tr("Receiving on %1").arg(m_service.listenAddress());
    case State::Stopping:
        return tr("Stopping intake — finishing events in flight…");
    case State::Failed:
        return tr("Not receiving — %1").arg(m_error.message);
    }
    return {};
}

void ConsoleIntake::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
    emit statusChanged(statusText());
}

void ConsoleIntake::failWith(const QString& message)
{
    m_error = {intake::IntakeError::Kind::None, message};
    setState(State::Failed);
}

} // namespace billbridge::widgets
