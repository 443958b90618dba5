#pragma once

#include <QByteArray>
#include <QString>

#include <chrono>
#include <functional>

class QObject;

namespace billbridge::secrets {

// Names of the entries Billbridge keeps. Keychain entries and environment variables are both looked up
// by these keys (EnvSecretStore::variableFor maps them to variable names).
namespace keys {
inline constexpr QLatin1String kStripeApiKey{"stripe/api_key"};
// Several secrets (test and live endpoints, or a rotation) in one entry, one per line.
inline constexpr QLatin1String kStripeWebhookSecrets{"stripe/webhook_secrets"};
inline constexpr QLatin1String kCustomerIoSiteId{"customerio/site_id"};
inline constexpr QLatin1String kCustomerIoTrackApiKey{"customerio/track_api_key"};
inline constexpr QLatin1String kCustomerIoAppApiKey{"customerio/app_api_key"};
} // namespace keys

struct SecretResult {
    enum class Status {
        Ok,          // read: value found; write/remove: done
        NotFound,    // read only: nothing stored under the key (and the store is known to work)
        Unavailable, // no keychain to talk to (no bus, no provider, locked); see `error`
        ReadOnly,    // the store cannot be changed (environment)
        Failed,      // the store answered but refused (access denied by the user, delete failed)
    };

    Status status = Status::Failed;
    // The secret for a successful read; empty otherwise.
    QByteArray value;
    // For anything but Ok/NotFound: what happened and what to do next, in plain words. Never contains a
    // secret value.
    QString error;

    bool isOk() const { return status == Status::Ok; }

    static SecretResult found(QByteArray value) { return {Status::Ok, std::move(value), {}}; }
    static SecretResult done() { return {Status::Ok, {}, {}}; }
    static SecretResult notFound() { return {Status::NotFound, {}, {}}; }
    static SecretResult unavailable(QString error) { return {Status::Unavailable, {}, std::move(error)}; }
    static SecretResult readOnly(QString error) { return {Status::ReadOnly, {}, std::move(error)}; }
    static SecretResult failed(QString error) { return {Status::Failed, {}, std::move(error)}; }
};

// Where Billbridge keeps credentials. Every operation is asynchronous: the callback runs later on the
// calling thread's event loop, never inside read()/write()/remove() itself, so callers can rely on one
// order of events. The GUI must use this form; the blocking helpers below are for the CLI.
class SecretStore {
public:
    using Callback = std::function<void(const SecretResult&)>;

    // How long the blocking helpers wait. A keychain may show an unlock prompt to the person at the
    // desktop, so this is generous.
    static constexpr std::chrono::milliseconds kDefaultBlockingTimeout{60000};

    SecretStore() = default;
    virtual ~SecretStore();
    SecretStore(const SecretStore&) = delete;
    SecretStore& operator=(const SecretStore&) = delete;

    // For messages and `connections show`: "keychain (Secret Service)", "environment".
    virtual QString backendName() const = 0;

    // When `context` is given and is destroyed before the operation finishes, `done` is not called.
    virtual void read(const QString& key, Callback done, QObject* context = nullptr) = 0;
    virtual void write(const QString& key, const QByteArray& value, Callback done,
                       QObject* context = nullptr) = 0;
    // Removing an entry that does not exist succeeds.
    virtual void remove(const QString& key, Callback done, QObject* context = nullptr) = 0;

    // Blocking forms: start the asynchronous operation and spin a local QEventLoop until it finishes or
    // `timeout` passes. They need a QCoreApplication and re-enter the event loop, so other queued events
    // run meanwhile: use them from the CLI before or outside its main loop, never from GUI code.
    SecretResult readBlocking(const QString& key,
                              std::chrono::milliseconds timeout = kDefaultBlockingTimeout);
    SecretResult writeBlocking(const QString& key, const QByteArray& value,
                               std::chrono::milliseconds timeout = kDefaultBlockingTimeout);
    SecretResult removeBlocking(const QString& key,
                                std::chrono::milliseconds timeout = kDefaultBlockingTimeout);

protected:
    // Runs `done(result)` from the event loop, unless `context` was given and has gone away by then.
    static void deliverLater(Callback done, QObject* context, SecretResult result);
    // Wraps `done` so that it is dropped once `context` (if any) is destroyed.
    static Callback guarded(Callback done, QObject* context);

private:
    SecretResult waitFor(const std::function<void(Callback)>& start, std::chrono::milliseconds timeout);
};

} // namespace billbridge::secrets
