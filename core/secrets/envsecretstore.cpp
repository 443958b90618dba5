#include "secrets/envsecretstore.h"

#include <array>
#include <utility>

namespace billbridge::secrets {

namespace {

constexpr std::array<std::pair<QLatin1String, QLatin1String>, 5> kVariables{{
    {keys::kStripeApiKey, QLatin1String("STRIPE_API_KEY")},
    {keys::kStripeWebhookSecrets, QLatin1String("STRIPE_WEBHOOK_SECRET")},
    {keys::kCustomerIoSiteId, QLatin1String("CUSTOMERIO_SITE_ID")},
    {keys::kCustomerIoTrackApiKey, QLatin1String("CUSTOMERIO_TRACK_API_KEY")},
    {keys::kCustomerIoAppApiKey, QLatin1String("CUSTOMERIO_APP_API_KEY")},
}};

} // namespace

EnvSecretStore::EnvSecretStore(QProcessEnvironment environment)
    : m_environment(std::move(environment))
{}

QString EnvSecretStore::variableFor(const QString& key)
{
    for (const auto& [entry, variable] : kVariables) {
        if (key == entry)
            return variable;
    }
    return {};
}

QString EnvSecretStore::backendName() const
{
    return QStringLiteral("environment");
}

SecretResult EnvSecretStore::lookup(const QString& key) const
{
    const QString variable = variableFor(key);
    if (variable.isEmpty())
        return SecretResult::notFound();
    const QString value = m_environment.value(variable);
    if (value.isEmpty())
        return SecretResult::notFound();
    return SecretResult::found(value.toUtf8());
}

void EnvSecretStore::read(const QString& key, Callback done, QObject* context)
{
    deliverLater(std::move(done), context, lookup(key));
}

SecretResult EnvSecretStore::readOnlyAnswer(const QString& key) const
{
    const QString variable = variableFor(key);
    if (variable.isEmpty())
        return SecretResult::readOnly(
            QStringLiteral("Environment values cannot be changed from here, and '%1' "
                           "has no environment variable.")
                .arg(key));
    return SecretResult::readOnly(QStringLiteral("Environment values cannot be changed from here. Change or "
                                                 "unset %1 where the process is started (shell profile, "
                                                 "service unit, CI settings).")
                                      .arg(variable));
}

void EnvSecretStore::write(const QString& key, const QByteArray& value, Callback done, QObject* context)
{
    Q_UNUSED(value);
    deliverLater(std::move(done), context, readOnlyAnswer(key));
}

void EnvSecretStore::remove(const QString& key, Callback done, QObject* context)
{
    deliverLater(std::move(done), context, readOnlyAnswer(key));
}

} // namespace billbridge::secrets
