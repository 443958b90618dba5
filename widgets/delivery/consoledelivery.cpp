#include "delivery/consoledelivery.h"

#include "customerio/customerioregion.h"
#include "delivery/deliveryservice.h"
#include "intake/consoleintake.h"
#include "secrets/secretstore.h"

#include <QSettings>

namespace billbridge::widgets {

namespace {

// Read one after the other; the App key is optional (without it App jobs pause the queue with a clear
// reason, while profile updates and events still go out).
const QLatin1String kSecretOrder[] = {secrets::keys::kCustomerIoSiteId, secrets::keys::kCustomerIoTrackApiKey,
                                      secrets::keys::kCustomerIoAppApiKey};

} // namespace

ConsoleDelivery::ConsoleDelivery(QString storePath, ConnectionServices connections, QObject* parent)
    : QObject(parent)
    , m_storePath(std::move(storePath))
    , m_connections(std::move(connections))
{}

ConsoleDelivery::~ConsoleDelivery()
{
    if (m_service)
        m_service->stop();
}

bool ConsoleDelivery::runsInThisWindow() const
{
    return QSettings().value(QLatin1String(kRunInConsoleSetting), false).toBool();
}

void ConsoleDelivery::setRunInThisWindow(bool run)
{
    QSettings().setValue(QLatin1String(kRunInConsoleSetting), run);
    if (run)
        start();
    else
        stop();
}

void ConsoleDelivery::startIfWanted()
{
    if (runsInThisWindow())
        start();
}

void ConsoleDelivery::start()
{
    if (m_state == State::ReadingCredentials || m_state == State::Delivering || m_state == State::Paused)
        return;
    m_error.clear();
    m_pauseReason.clear();
    setState(State::ReadingCredentials);
    ++m_attempt;
    readNext(0, {});
}

void ConsoleDelivery::readNext(int index, customerio::CustomerIoCredentials credentials)
{
    if (index == int(std::size(kSecretOrder))) {
        startService(credentials);
        return;
    }
    const int attempt = m_attempt;
    readConnectionSecret(
        m_connections, kSecretOrder[index],
        [this, attempt, index, credentials](const secrets::SecretResult& result) mutable {
            if (attempt != m_attempt || m_state != State::ReadingCredentials)
                return;
            if (!result.isOk() && result.status != secrets::SecretResult::Status::NotFound) {
                failWith(tr("The Customer.io credentials could not be read: %1").arg(result.error));
                return;
            }
            const QString value = QString::fromUtf8(result.value).trimmed();
            if (index == 0)
                credentials.siteId = value;
            else if (index == 1)
                credentials.trackApiKey = value;
            else
                credentials.appApiKey = value;
            readNext(index + 1, credentials);
        },
        this);
}

void ConsoleDelivery::startService(const customerio::CustomerIoCredentials& credentials)
{
    if (credentials.siteId.isEmpty() || credentials.trackApiKey.isEmpty()) {
        failWith(tr("Customer.io is not connected: enter the site id and the Track API key in Connections, "
                    "then turn delivery on again."));
        return;
    }
    const customerio::Region region =
        customerio::parseRegion(QSettings().value(QLatin1String(kRegionSetting)).toString())
            .value_or(customerio::Region::Us);
    m_regionName = customerio::shortName(region);

    delivery::DeliveryConfig config;
    config.databasePath = m_storePath;
    config.endpoints = customerio::CustomerIoEndpoints::resolve(region);
    config.credentials = credentials;
    config.limits = delivery::DeliveryLimits::fromSettings();
    for (const QString& problem :
         {config.endpoints.validateTrack(), config.endpoints.validateApp(), config.limits.validate()}) {
        if (!problem.isEmpty()) {
            failWith(problem);
            return;
        }
    }
    m_service = std::make_unique<delivery::DeliveryService>(config);
    connect(m_service.get(), &delivery::DeliveryService::jobsChanged, this, &ConsoleDelivery::jobsChanged);
    connect(m_service.get(), &delivery::DeliveryService::queuePaused, this, [this](const QString& reason) {
        m_pauseReason = reason;
        setState(State::Paused);
        emit statusChanged(statusText());
    });
    connect(m_service.get(), &delivery::DeliveryService::queueResumed, this, &ConsoleDelivery::noteResumed);
    if (!m_service->start()) {
        const QString error = m_service->errorString();
        m_service.reset();
        failWith(error);
        return;
    }
    setState(State::Delivering);
}

void ConsoleDelivery::stop()
{
    ++m_attempt;
    if (m_service) {
        m_service->stop();
        m_service.reset();
    }
    setState(State::Off);
}

void ConsoleDelivery::noteResumed()
{
    if (m_state != State::Paused)
        return;
    m_pauseReason.clear();
    setState(State::Delivering);
}

QString ConsoleDelivery::statusText() const
{
    switch (m_state) {
    case State::Off:
        return tr("Not delivering — turn on File → Deliver to Customer.io from This Window, or run "
                  "`billbridge-cli serve`.");
    case State::ReadingCredentials:
        return tr("Starting delivery — reading the Customer.io credentials…");
    case State::Delivering:
        return tr("Delivering to Customer.io (%1)").arg(m_regionName);
    case State::Paused:
        return tr("Delivery paused — %1").arg(m_pauseReason);
    case State::Failed:
        return tr("Not delivering — %1").arg(m_error);
    }
    return {};
}

void ConsoleDelivery::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
    emit statusChanged(statusText());
}

void ConsoleDelivery::failWith(const QString& message)
{
    m_error = message;
    setState(State::Failed);
}

} // namespace billbridge::widgets
