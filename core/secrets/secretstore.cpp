#include "secrets/secretstore.h"

#include "util/logging.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace billbridge::secrets {

SecretStore::~SecretStore() = default;

SecretStore::Callback SecretStore::guarded(Callback done, QObject* context)
{
    if (!context)
        return done;
    return [watched = QPointer<QObject>(context), done = std::move(done)](const SecretResult& result) {
        if (watched)
            done(result);
    };
}

void SecretStore::deliverLater(Callback done, QObject* context, SecretResult result)
{
    auto deliver = [done = std::move(done), result = std::move(result)] { done(result); };
    // With a context the queued call is dropped by Qt when the context dies first.
    if (context)
        QTimer::singleShot(0, context, std::move(deliver));
    else
        QTimer::singleShot(0, std::move(deliver));
}

SecretResult SecretStore::readBlocking(const QString& key, std::chrono::milliseconds timeout)
{
    return waitFor([this, key](Callback done) { read(key, std::move(done)); }, timeout);
}

SecretResult SecretStore::writeBlocking(const QString& key, const QByteArray& value,
                                        std::chrono::milliseconds timeout)
{
    return waitFor([this, key, value](Callback done) { write(key, value, std::move(done)); }, timeout);
}

SecretResult SecretStore::removeBlocking(const QString& key, std::chrono::milliseconds timeout)
{
    return waitFor([this, key](Callback done) { remove(key, std::move(done)); }, timeout);
}

SecretResult SecretStore::waitFor(const std::function<void(Callback)>& start,
                                  std::chrono::milliseconds timeout)
{
    if (!QCoreApplication::instance()) {
        qCWarning(lcSecrets) << "blocking secret store call without a QCoreApplication";
        return SecretResult::failed(QStringLiteral("Internal error: the %1 was used before the application "
                                                   "started. Please report this.")
                                        .arg(backendName()));
    }

    // Shared with the callback, which may still arrive after a timeout has ended the wait.
    struct Waiter {
        bool finished = false;
        SecretResult result;
        QEventLoop* loop = nullptr;
    };
    auto waiter = std::make_shared<Waiter>();
    QEventLoop loop;
    waiter->loop = &loop;
    start([waiter](const SecretResult& result) {
        waiter->finished = true;
        waiter->result = result;
        if (waiter->loop)
            waiter->loop->quit();
    });
    if (!waiter->finished) {
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        timer.start(timeout);
        loop.exec();
    }
    waiter->loop = nullptr;
    if (waiter->finished)
        return waiter->result;

    qCWarning(lcSecrets) << "no answer from" << backendName() << "within" << timeout.count() << "ms";
    return SecretResult::unavailable(
        QStringLiteral(
            "The %1 did not answer within %2 seconds. If it is showing an unlock prompt, answer it "
            "and try again; for headless use set the environment variables STRIPE_API_KEY and "
            "STRIPE_WEBHOOK_SECRET instead.")
            .arg(backendName())
            .arg((timeout.count() + 999) / 1000));
}

} // namespace billbridge::secrets
