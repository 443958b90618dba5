#pragma once

#include "customerio/customerioclient.h"
#include "customerio/customerioregion.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace billbridge::secrets {
class EnvSecretStore;
class SecretStore;
} // namespace billbridge::secrets

namespace billbridge::customerio {

// The Customer.io workspace as a headless process finds it: credentials from the environment or the
// keychain, the region from the environment or the settings the Connections dialog writes.
struct CustomerIoCredentialsLoad {
    static constexpr auto kRegionSetting = "customerio/region";
    static constexpr auto kRegionEnvironment = "CUSTOMERIO_REGION";

    CustomerIoCredentials credentials;
    Region region = Region::Us;
    // "environment (CUSTOMERIO_REGION)", "the setting customerio/region" or "the default".
    QString regionOrigin;
    // Where each credential came from ("environment (CUSTOMERIO_SITE_ID)", "keychain"); empty when unset.
    QString siteIdOrigin;
    QString trackApiKeyOrigin;
    QString appApiKeyOrigin;
    // Plain-words problems (malformed values, an invalid region, keychain errors). They name variables and
    // entries, never a secret value. A value that is simply not configured is not a problem: see missing().
    QStringList problems;
    // The keychain was needed but could not be used.
    bool keychainUnavailable = false;

    // Every credential present and nothing wrong with any of them.
    bool isComplete() const;
    // The environment variables of the credentials that are not configured, e.g. {"CUSTOMERIO_APP_API_KEY"}.
    QStringList missing() const;
};

// CUSTOMERIO_SITE_ID, CUSTOMERIO_TRACK_API_KEY and CUSTOMERIO_APP_API_KEY override the keychain entry by
// entry; CUSTOMERIO_REGION (us or eu, any case) overrides the setting customerio/region (default us). A
// variable set to something unusable is reported, not skipped in favour of the keychain: the operator asked
// for that value. `keychainOrNull` may be null (environment only). Blocking when the keychain is asked (see
// SecretStore), so call it from the CLI or at start-up.
CustomerIoCredentialsLoad loadCustomerIoCredentials(secrets::SecretStore* keychainOrNull);
// The credentials from `environment`; CUSTOMERIO_REGION from the process environment, since EnvSecretStore
// only answers for secrets.
CustomerIoCredentialsLoad loadCustomerIoCredentials(secrets::SecretStore* keychainOrNull,
                                                    const secrets::EnvSecretStore& environment);
// Everything, CUSTOMERIO_REGION included, from `environment` (tests).
CustomerIoCredentialsLoad loadCustomerIoCredentials(secrets::SecretStore* keychainOrNull,
                                                    const QProcessEnvironment& environment);

// What to tell an operator when credentials are missing.
QString missingCustomerIoCredentialsMessage(const CustomerIoCredentialsLoad& load);

} // namespace billbridge::customerio
