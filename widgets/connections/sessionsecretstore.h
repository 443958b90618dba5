#pragma once

#include "secrets/secretstore.h"

#include <QHash>

namespace billbridge::widgets {

// Credentials held in this process's memory only, for an operator whose keychain cannot be used right now.
// They are gone when the console quits; nothing is written anywhere.
class SessionSecretStore final : public secrets::SecretStore {
public:
    SessionSecretStore() = default;

    QString backendName() const override;
    void read(const QString& key, Callback done, QObject* context = nullptr) override;
    void write(const QString& key, const QByteArray& value, Callback done,
               QObject* context = nullptr) override;
    void remove(const QString& key, Callback done, QObject* context = nullptr) override;

    bool isEmpty() const { return m_values.isEmpty(); }

private:
    QHash<QString, QByteArray> m_values;
};

} // namespace billbridge::widgets
