#pragma once

#include "secrets/secretstore.h"

#include <QProcessEnvironment>

namespace billbridge::secrets {

// Credentials from environment variables, for headless use (CI, containers, services). Read-only: the
// variables belong to whoever started the process. A variable that is set but empty counts as unset, so
// `STRIPE_API_KEY= billbridge-cli …` switches the override off.
class EnvSecretStore final : public SecretStore {
public:
    // The environment is captured at construction; tests pass their own.
    explicit EnvSecretStore(QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());

    // "stripe/api_key" -> "STRIPE_API_KEY", "stripe/webhook_secrets" -> "STRIPE_WEBHOOK_SECRET"
    // (comma-separated), "customerio/site_id" -> "CUSTOMERIO_SITE_ID", …; empty for keys without one.
    static QString variableFor(const QString& key);

    QString backendName() const override;
    void read(const QString& key, Callback done, QObject* context = nullptr) override;
    void write(const QString& key, const QByteArray& value, Callback done,
               QObject* context = nullptr) override;
    void remove(const QString& key, Callback done, QObject* context = nullptr) override;

    // Synchronous lookup: the environment needs no waiting, and the credential loader uses this.
    SecretResult lookup(const QString& key) const;

private:
    SecretResult readOnlyAnswer(const QString& key) const;

    QProcessEnvironment m_environment;
};

} // namespace billbridge::secrets
