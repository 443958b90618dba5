#include "secrets/keychainsecretstore.h"

#include "util/logging.h"

#include <qt6keychain/keychain.h>

namespace billbridge::secrets {

namespace {

// Written and removed again to find out whether a "not found" came from a working keychain.
const QString kProbeKey = QStringLiteral("billbridge/availability_check");

QString backendLabel()
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("macOS Keychain");
#elif defined(Q_OS_WIN)
    return QStringLiteral("Windows Credential Manager");
#else
    return QStringLiteral("keychain (Secret Service)");
#endif
}

// QtKeychain reports most situations as OtherError with a backend message; the message tells them apart.
QString explainUnavailable(QKeychain::Error error, const QString& detail)
{
    const auto mentions = [&detail](const char* text) {
        return detail.contains(QLatin1String(text), Qt::CaseInsensitive);
    };
    if (error == QKeychain::AccessDenied || mentions("locked"))
        return QStringLiteral("the keyring is locked");
    if (mentions("autolaunch") || mentions("dbus-launch") || mentions("Could not connect") ||
        mentions("D-Bus is not running") || mentions("DBUS_SESSION_BUS_ADDRESS"))
        return QStringLiteral("there is no D-Bus session bus to reach it through");
    if (mentions("org.freedesktop.secrets") || mentions("No keychain service") ||
        mentions("No keyring daemon") || error == QKeychain::NoBackendAvailable)
        return QStringLiteral("no Secret Service provider is running in this session");
    if (mentions("collection/login") || mentions("No such keyring"))
        return QStringLiteral("the keyring has no default collection yet (it was never set up or unlocked "
                              "in this session)");
    if (error == QKeychain::NotImplemented)
        return QStringLiteral("this platform has no keychain support");
    if (detail == QLatin1String("Unknown error"))
        return QStringLiteral("the keychain library could not be used (on Linux, check that libsecret-1-0 is "
                              "installed)");
    return QStringLiteral("the keychain reported an error");
}

SecretResult mapFailure(QKeychain::Error error, const QString& detail)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretResult::done();
    case QKeychain::AccessDeniedByUser:
        return SecretResult::failed(
            QStringLiteral("Access to the keychain was refused at its prompt. Run the "
                           "command again and allow Billbridge to use the keychain, "
                           "or use the environment variables STRIPE_API_KEY and "
                           "STRIPE_WEBHOOK_SECRET for headless use."));
    case QKeychain::CouldNotDeleteEntry:
        return SecretResult::failed(QStringLiteral("The keychain could not delete the entry (%1). Remove it "
                                                   "with your keychain manager (for example Passwords and "
                                                   "Keys, or KWalletManager), then try again.")
                                        .arg(detail));
    default:
        break;
    }
    const QString shownDetail = detail.isEmpty() ? QStringLiteral("error %1").arg(int(error)) : detail;
    return SecretResult::unavailable(
        QStringLiteral("No keychain is available: %1 (%2). Start a Secret Service (GNOME Keyring or KWallet) "
                       "in your desktop session and make sure it is unlocked, or use the environment "
                       "variables STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET for headless use.")
            .arg(explainUnavailable(error, detail), shownDetail));
}

// Each job deletes itself after `finished`; connecting with the job as context keeps the handler's
// lifetime tied to it.
template <typename JobType, typename Handler>
void startJob(JobType* job, const QString& key, Handler handler)
{
    job->setKey(key);
    job->setInsecureFallback(false);
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [handler = std::move(handler)](QKeychain::Job* finished) {
                         handler(static_cast<JobType*>(finished));
                     });
    job->start();
}

// Answers Ok when the keychain accepts a write now, otherwise the reason it does not.
void confirmWritable(const QString& service, SecretStore::Callback done)
{
    auto* probe = new QKeychain::WritePasswordJob(service);
    probe->setTextData(QStringLiteral("1"));
    startJob(probe, kProbeKey, [service, done = std::move(done)](QKeychain::WritePasswordJob* job) {
        if (job->error() != QKeychain::NoError) {
            qCInfo(lcSecrets) << "keychain write check failed:" << int(job->error()) << job->errorString();
            done(mapFailure(job->error(), job->errorString()));
            return;
        }
        startJob(new QKeychain::DeletePasswordJob(service), kProbeKey,
                 [done](QKeychain::DeletePasswordJob* cleanup) {
                     if (cleanup->error() != QKeychain::NoError)
                         qCWarning(lcSecrets)
                             << "could not remove the keychain check entry:" << cleanup->errorString();
                     done(SecretResult::done());
                 });
    });
}

} // namespace

QString KeychainSecretStore::defaultService()
{
    const QString fromEnvironment = qEnvironmentVariable("BILLBRIDGE_KEYCHAIN_SERVICE").trimmed();
    return fromEnvironment.isEmpty() ? QString(kDefaultService) : fromEnvironment;
}

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{}

QString KeychainSecretStore::backendName() const
{
    return backendLabel();
}

void KeychainSecretStore::read(const QString& key, Callback done, QObject* context)
{
    Callback callback = guarded(std::move(done), context);
    startJob(new QKeychain::ReadPasswordJob(m_service), key,
             [service = m_service, key, callback](QKeychain::ReadPasswordJob* job) {
                 qCDebug(lcSecrets) << "keychain read" << key << "finished with" << int(job->error());
                 switch (job->error()) {
                 case QKeychain::NoError:
                     callback(SecretResult::found(job->binaryData()));
                     return;
                 case QKeychain::EntryNotFound:
                     confirmWritable(service, [callback](const SecretResult& check) {
                         callback(check.isOk() ? SecretResult::notFound() : check);
                     });
                     return;
                 default:
                     callback(mapFailure(job->error(), job->errorString()));
                     return;
                 }
             });
}

void KeychainSecretStore::write(const QString& key, const QByteArray& value, Callback done, QObject* context)
{
    Callback callback = guarded(std::move(done), context);
    auto* job = new QKeychain::WritePasswordJob(m_service);
    // Stored as text so that keychain managers show the entry as a readable password.
    job->setTextData(QString::fromUtf8(value));
    startJob(job, key, [key, callback](QKeychain::WritePasswordJob* finished) {
        qCDebug(lcSecrets) << "keychain write" << key << "finished with" << int(finished->error());
        callback(mapFailure(finished->error(), finished->errorString()));
    });
}

void KeychainSecretStore::remove(const QString& key, Callback done, QObject* context)
{
    Callback callback = guarded(std::move(done), context);
    startJob(new QKeychain::DeletePasswordJob(m_service), key,
             [service = m_service, key, callback](QKeychain::DeletePasswordJob* job) {
                 qCDebug(lcSecrets) << "keychain remove" << key << "finished with" << int(job->error());
                 if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
                     confirmWritable(service, callback);
                 else
                     callback(mapFailure(job->error(), job->errorString()));
             });
}

} // namespace billbridge::secrets
