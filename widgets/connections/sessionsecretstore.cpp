#include "connections/sessionsecretstore.h"

#include <QCoreApplication>

namespace billbridge::widgets {

QString SessionSecretStore::backendName() const
{
    return QCoreApplication::translate("billbridge::widgets::SessionSecretStore", "this session only");
}

void SessionSecretStore::read(const QString& key, Callback done, QObject* context)
{
    const auto found = m_values.constFind(key);
    deliverLater(std::move(done), context,
                 found == m_values.cend() ? secrets::SecretResult::notFound()
                                          : secrets::SecretResult::found(*found));
}

void SessionSecretStore::write(const QString& key, const QByteArray& value, Callback done, QObject* context)
{
    m_values.insert(key, value);
    deliverLater(std::move(done), context, secrets::SecretResult::done());
}

void SessionSecretStore::remove(const QString& key, Callback done, QObject* context)
{
    m_values.remove(key);
    deliverLater(std::move(done), context, secrets::SecretResult::done());
}

} // namespace billbridge::widgets
