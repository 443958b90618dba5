#include "delivery/deliveryservice.h"

#include "delivery/deliverylogging.h"
#include "delivery/deliveryworker.h"

#include <QDeadlineTimer>
#include <QLockFile>
#include <QSettings>
#include <QThread>

#include <cmath>

namespace billbridge::delivery {

namespace {

constexpr double kMaxRate = 100'000.0;
constexpr int kMaxConcurrency = 1'000;
constexpr int kMaxAttempts = 50;

bool usableRate(double rate)
{
    return std::isfinite(rate) && rate > 0.0 && rate <= kMaxRate;
}

// Waiting past the grace gives the worker time to write down what it aborted.
constexpr auto kStopMargin = std::chrono::seconds(10);

} // namespace

DeliveryLimits DeliveryLimits::fromSettings()
{
    const DeliveryLimits defaults;
    DeliveryLimits limits;
    QSettings settings;
    settings.beginGroup(QLatin1String(kSettingsGroup));
    const auto rate = [&settings](const char* key, double fallback) {
        bool ok = false;
        const double value = settings.value(QLatin1String(key)).toDouble(&ok);
        return ok && usableRate(value) ? value : fallback;
    };
    const auto count = [&settings](const char* key, int fallback, int maximum) {
        bool ok = false;
        const int value = settings.value(QLatin1String(key)).toInt(&ok);
        return ok && value >= 1 && value <= maximum ? value : fallback;
    };
    limits.trackPerSecond = rate("trackPerSecond", defaults.trackPerSecond);
    limits.appPerSecond = rate("appPerSecond", defaults.appPerSecond);
    limits.transactionalPerSecond = rate("transactionalPerSecond", defaults.transactionalPerSecond);
    limits.broadcastPerSecond = rate("broadcastPerSecond", defaults.broadcastPerSecond);
    limits.slackPerSecond = rate("slackPerSecond", defaults.slackPerSecond);
    limits.concurrency = count("concurrency", defaults.concurrency, kMaxConcurrency);
    limits.maxAttempts = count("maxAttempts", defaults.maxAttempts, kMaxAttempts);
    settings.endGroup();
    return limits;
}

QString DeliveryLimits::validate() const
{
    const std::pair<const char*, double> rates[] = {{"Track API", trackPerSecond},
                                                    {"App API", appPerSecond},
                                                    {"transactional email", transactionalPerSecond},
                                                    {"broadcast trigger", broadcastPerSecond},
                                                    {"Slack post", slackPerSecond}};
    for (const auto& [name, value] : rates) {
        if (!usableRate(value))
            return QStringLiteral(
                       "The %1 rate must be more than 0 and at most %2 requests per second (it is %3)")
                .arg(QLatin1String(name))
                .arg(kMaxRate)
                .arg(value);
    }
    if (concurrency < 1 || concurrency > kMaxConcurrency)
        return QStringLiteral("Requests in flight must be between 1 and %1 (it is %2)")
            .arg(kMaxConcurrency)
            .arg(concurrency);
    if (maxAttempts < 1 || maxAttempts > kMaxAttempts)
        return QStringLiteral("Attempts per job must be between 1 and %1 (it is %2)")
            .arg(kMaxAttempts)
            .arg(maxAttempts);
    return {};
}

DeliveryService::DeliveryService(DeliveryConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_config.retry.maxAttempts = m_config.limits.maxAttempts;
}

DeliveryService::~DeliveryService()
{
    stop();
}

QString DeliveryService::lockFilePath(const QString& databasePath)
{
    return databasePath + QStringLiteral(".delivery.lock");
}

bool DeliveryService::start()
{
    if (isRunning())
        return true;
    m_error.clear();
    m_finalStats = {};
    if (const QString problem = m_config.limits.validate(); !problem.isEmpty()) {
        m_error = problem;
        return false;
    }
    if (m_config.databasePath.isEmpty()) {
        m_error = QStringLiteral("No store to deliver from");
        return false;
    }

    auto lock = std::make_unique<QLockFile>(lockFilePath(m_config.databasePath));
    // Only a lock whose process is gone is stale: a long-running delivery must never lose it to age.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        if (lock->error() == QLockFile::LockFailedError && lock->getLockInfo(&pid, &host, &application))
            m_error =
                QStringLiteral("Another Billbridge process (%1, pid %2 on %3) is delivering from this store; "
                               "stop it first, or leave delivery to it")
                    .arg(application.isEmpty() ? QStringLiteral("unknown program") : application)
                    .arg(pid)
                    .arg(host.isEmpty() ? QStringLiteral("an unknown host") : host);
        else
            m_error = QStringLiteral("Cannot take the delivery lock %1: check that its folder is writable")
                          .arg(lockFilePath(m_config.databasePath));
        return false;
    }

    auto* thread = new QThread;
    thread->setObjectName(QStringLiteral("delivery"));
    auto* worker = new DeliveryWorker(m_config);
    worker->moveToThread(thread);
    connect(worker, &DeliveryWorker::jobsChanged, this, &DeliveryService::jobsChanged);
    connect(worker, &DeliveryWorker::queuePaused, this, &DeliveryService::queuePaused);
    connect(worker, &DeliveryWorker::queueResumed, this, &DeliveryService::queueResumed);
    connect(worker, &DeliveryWorker::idle, this, &DeliveryService::idle);
    thread->start();

    bool opened = false;
    QString error;
    // Not a nested event loop: this thread blocks until the worker thread ran open().
    QMetaObject::invokeMethod(
        worker, [worker, &opened, &error] { opened = worker->open(&error); }, Qt::BlockingQueuedConnection);
    if (!opened) {
        thread->quit();
        thread->wait();
        delete worker;
        delete thread;
        m_error = QStringLiteral("Cannot open the store for delivery: %1").arg(error);
        return false;
    }
    m_lock = std::move(lock);
    m_thread = thread;
    m_worker = worker;
    qCInfo(lcDelivery) << "delivering from" << m_config.databasePath;
    return true;
}

void DeliveryService::stop(std::chrono::milliseconds grace)
{
    if (!m_thread)
        return;
    DeliveryWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, grace] { worker->shutdown(grace); }, Qt::QueuedConnection);
    // The worker finishes on its own thread's event loop and quits it; this thread only waits.
    if (!m_thread->wait(QDeadlineTimer(grace + kStopMargin))) {
        qCWarning(lcDelivery) << "delivery did not stop in time; still waiting";
        m_thread->wait();
    }
    m_finalStats = m_worker->stats();
    m_finalStats.inFlight = 0;
    delete m_worker;
    m_worker = nullptr;
    delete m_thread;
    m_thread = nullptr;
    m_lock.reset(); // unlocks
    qCInfo(lcDelivery) << "delivery stopped";
}

bool DeliveryService::isRunning() const
{
    return m_thread != nullptr;
}

QString DeliveryService::errorString() const
{
    return m_error;
}

void DeliveryService::wake()
{
    if (DeliveryWorker* worker = m_worker)
        QMetaObject::invokeMethod(
            worker, [worker] { worker->wake(); }, Qt::QueuedConnection);
}

void DeliveryService::setCredentials(const customerio::CustomerIoCredentials& credentials)
{
    m_config.credentials = credentials;
    if (DeliveryWorker* worker = m_worker)
        QMetaObject::invokeMethod(
            worker, [worker, credentials] { worker->setCredentials(credentials); }, Qt::QueuedConnection);
}

DeliveryStats DeliveryService::stats() const
{
    return m_worker ? m_worker->stats() : m_finalStats;
}

} // namespace billbridge::delivery
