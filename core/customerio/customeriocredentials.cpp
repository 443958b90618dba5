#include "customerio/customeriocredentials.h"

#include "secrets/envsecretstore.h"
#include "secrets/secretstore.h"
#include "util/logging.h"

#include <QSettings>

#include <algorithm>

namespace billbridge::customerio {

namespace {

QString environmentOrigin(const QString& key)
{
    return QStringLiteral("environment (%1)").arg(secrets::EnvSecretStore::variableFor(key));
}

// A credential travels in an HTTP header, where blanks or control characters would break the request or
// be cut off silently.
bool isUsable(const QString& value)
{
    return !value.isEmpty() && std::all_of(value.cbegin(), value.cend(),
                                           [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
}

struct Entry {
    QLatin1String key;
    QString CustomerIoCredentials::*value;
    QString CustomerIoCredentialsLoad::*origin;
    const char* label;
};

} // namespace

bool CustomerIoCredentialsLoad::isComplete() const
{
    return problems.isEmpty() && !credentials.siteId.isEmpty() && !credentials.trackApiKey.isEmpty() &&
           !credentials.appApiKey.isEmpty();
}

QStringList CustomerIoCredentialsLoad::missing() const
{
    QStringList names;
    if (credentials.siteId.isEmpty())
        names << secrets::EnvSecretStore::variableFor(secrets::keys::kCustomerIoSiteId);
    if (credentials.trackApiKey.isEmpty())
        names << secrets::EnvSecretStore::variableFor(secrets::keys::kCustomerIoTrackApiKey);
    if (credentials.appApiKey.isEmpty())
        names << secrets::EnvSecretStore::variableFor(secrets::keys::kCustomerIoAppApiKey);
    return names;
}

namespace {

CustomerIoCredentialsLoad loadFrom(secrets::SecretStore* keychainOrNull,
                                   const secrets::EnvSecretStore& environment, const QString& regionText);

} // namespace

CustomerIoCredentialsLoad loadCustomerIoCredentials(secrets::SecretStore* keychainOrNull)
{
    return loadFrom(keychainOrNull, secrets::EnvSecretStore(),
                    qEnvironmentVariable(CustomerIoCredentialsLoad::kRegionEnvironment));
}

CustomerIoCredentialsLoad loadCustomerIoCredentials(secrets::SecretStore* keychainOrNull,
                                                    const secrets::EnvSecretStore& environment)
{
    return loadFrom(keychainOrNull, environment,
                    qEnvironmentVariable(CustomerIoCredentialsLoad::kRegionEnvironment));
}

CustomerIoCredentialsLoad loadCustomerIoCredentials(secrets::SecretStore* keychainOrNull,
                                                    const QProcessEnvironment& environment)
{
    return loadFrom(keychainOrNull, secrets::EnvSecretStore(environment),
                    environment.value(QString::fromLatin1(CustomerIoCredentialsLoad::kRegionEnvironment)));
}

namespace {

CustomerIoCredentialsLoad loadFrom(secrets::SecretStore* keychainOrNull,
                                   const secrets::EnvSecretStore& environment, const QString& regionText)
{
    CustomerIoCredentialsLoad load;
    const Entry entries[] = {
        {secrets::keys::kCustomerIoSiteId, &CustomerIoCredentials::siteId,
         &CustomerIoCredentialsLoad::siteIdOrigin, "site ID"},
        {secrets::keys::kCustomerIoTrackApiKey, &CustomerIoCredentials::trackApiKey,
         &CustomerIoCredentialsLoad::trackApiKeyOrigin, "Track API key"},
        {secrets::keys::kCustomerIoAppApiKey, &CustomerIoCredentials::appApiKey,
         &CustomerIoCredentialsLoad::appApiKeyOrigin, "App API key"},
    };
    for (const Entry& entry : entries) {
        const QString key = entry.key;
        const QString variable = secrets::EnvSecretStore::variableFor(key);
        if (const secrets::SecretResult fromEnvironment = environment.lookup(key); fromEnvironment.isOk()) {
            const QString value = QString::fromUtf8(fromEnvironment.value).trimmed();
            if (isUsable(value)) {
                load.credentials.*entry.value = value;
                load.*entry.origin = environmentOrigin(key);
            } else {
                load.problems.append(
                    QStringLiteral("%1 is set but is not a usable Customer.io %2: it contains "
                                   "blanks or characters other than printable ASCII. Fix or "
                                   "unset the variable; while it is set it overrides the "
                                   "keychain.")
                        .arg(variable, QLatin1String(entry.label)));
            }
            continue;
        }
        if (!keychainOrNull || load.keychainUnavailable)
            continue;
        const secrets::SecretResult stored = keychainOrNull->readBlocking(key);
        switch (stored.status) {
        case secrets::SecretResult::Status::Ok: {
            const QString value = QString::fromUtf8(stored.value).trimmed();
            if (isUsable(value)) {
                load.credentials.*entry.value = value;
                load.*entry.origin = QStringLiteral("keychain");
            } else {
                load.problems.append(
                    QStringLiteral("The Customer.io %1 stored in the keychain is not usable. Store it again "
                                   "in the console's Connections dialog, or set %2.")
                        .arg(QLatin1String(entry.label), variable));
            }
            break;
        }
        case secrets::SecretResult::Status::NotFound:
            break;
        case secrets::SecretResult::Status::Unavailable:
            // One report is enough however many entries were wanted.
            load.keychainUnavailable = true;
            load.problems.append(stored.error);
            break;
        case secrets::SecretResult::Status::ReadOnly:
        case secrets::SecretResult::Status::Failed:
            load.problems.append(stored.error);
            break;
        }
    }

    const QString variable = QString::fromLatin1(CustomerIoCredentialsLoad::kRegionEnvironment);
    load.region = Region::Us;
    load.regionOrigin = QStringLiteral("the default");
    if (!regionText.trimmed().isEmpty()) {
        if (const auto region = parseRegion(regionText)) {
            load.region = *region;
            load.regionOrigin = QStringLiteral("environment (%1)").arg(variable);
        } else {
            load.problems.append(
                QStringLiteral("%1 is set to \"%2\", which is not a Customer.io region; use us "
                               "or eu, or unset the variable to use the console's setting.")
                    .arg(variable, regionText.trimmed().left(20)));
        }
    } else {
        const QString setting = QString::fromLatin1(CustomerIoCredentialsLoad::kRegionSetting);
        const QString stored = QSettings().value(setting).toString();
        if (const auto region = parseRegion(stored)) {
            load.region = *region;
            load.regionOrigin = QStringLiteral("the setting %1").arg(setting);
        }
    }

    qCDebug(lcSecrets).noquote() << "Customer.io credentials: site ID from"
                                 << (load.siteIdOrigin.isEmpty() ? QStringLiteral("nowhere")
                                                                 : load.siteIdOrigin)
                                 << "/ region" << toString(load.region) << "from" << load.regionOrigin << "/"
                                 << load.problems.size() << "problem(s)";
    return load;
}

} // namespace

QString missingCustomerIoCredentialsMessage(const CustomerIoCredentialsLoad& load)
{
    return QStringLiteral("Customer.io credentials are not configured (missing: %1). Store them in the "
                          "console's Connections dialog, or set CUSTOMERIO_SITE_ID, CUSTOMERIO_TRACK_API_KEY "
                          "and CUSTOMERIO_APP_API_KEY (and CUSTOMERIO_REGION=eu for an EU workspace) for "
                          "headless use.")
        .arg(load.missing().join(QStringLiteral(", ")));
}

} // namespace billbridge::customerio
