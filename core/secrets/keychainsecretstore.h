#pragma once

#include "secrets/secretstore.h"

namespace billbridge::secrets {

// The desktop keychain through QtKeychain: Secret Service (GNOME Keyring, KWallet) on Linux, Keychain on
// macOS, Credential Manager on Windows. Entries are stored under `service` with the entry key as account.
// QtKeychain's insecure plain-text fallback stays off: without a keychain, operations report Unavailable.
// Values are stored as text (UTF-8), so keychain managers show them as ordinary passwords.
//
// Use it from the thread that runs the application's event loop.
class KeychainSecretStore final : public SecretStore {
public:
    static constexpr QLatin1String kDefaultService{"Billbridge"};

    // The service name: BILLBRIDGE_KEYCHAIN_SERVICE when set (separate credential sets, e.g. staging and
    // production, or tests that must never touch a person's real entries), else "Billbridge".
    static QString defaultService();

    explicit KeychainSecretStore(QString service = defaultService());

    QString service() const { return m_service; }

    QString backendName() const override;
    // A locked Secret Service keyring answers reads with "not found"; before reporting NotFound the store
    // checks that it can write (and then removes) a small marker entry, and reports Unavailable if not.
    void read(const QString& key, Callback done, QObject* context = nullptr) override;
    void write(const QString& key, const QByteArray& value, Callback done,
               QObject* context = nullptr) override;
    // A locked keyring also claims success for deletes, so success is confirmed the same way.
    void remove(const QString& key, Callback done, QObject* context = nullptr) override;

private:
    QString m_service;
};

} // namespace billbridge::secrets
