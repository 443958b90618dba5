// Job queue drain benchmark: the real DeliveryService delivers a temporary store's jobs over loopback to the
// local Customer.io stand-in (running on a thread of its own). Three figures:
//   (a) Track API limited to --rate requests/s (default 100): achieved rate / limit, over --limited-jobs
//   jobs; (b) no limits at all (DeliveryLimits::unlimited), default concurrency: jobs delivered per second
//   over
//       --jobs jobs;
//   (c) an idle service: enqueue-to-arrival latency of --samples single jobs enqueued one by one from another
//       connection (p50, p99, max).
//
//   bench_queue_drain [--jobs N] [--limited-jobs N] [--rate R] [--samples N] [--only a|b|c] [--dir PATH]

#include "customerio/customeriorequest.h"
#include "customerio/ulid.h"
#include "delivery/deliveryservice.h"
#include "delivery/jobrequest.h"
#include "store/database.h"
#include "store/jobqueue.h"
#include "support/customeriotestserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

using namespace billbridge;

namespace {

QElapsedTimer g_clock; // one time base for every thread

double nowMs()
{
    return static_cast<double>(g_clock.nsecsElapsed()) / 1e6;
}

// The stand-in on its own thread, so that answering requests does not compete with the measuring thread.
// Arrival times of Track events are kept by their id.
class ServerThread final {
public:
    ServerThread()
    {
        m_thread.setObjectName(QStringLiteral("cio-stand-in"));
        m_thread.start();
        m_context.moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                m_server = new test::CustomerIoTestServer;
                m_started = m_server->start();
                m_base = m_server->baseUrl();
                QObject::connect(
                    m_server, &test::CustomerIoTestServer::requestReceived, m_server, [this](int index) {
                        const QByteArray body = m_server->requests().at(index).body;
                        const double at = nowMs();
                        const QString id =
                            QJsonDocument::fromJson(body).object().value(QLatin1String("id")).toString();
                        QMutexLocker lock(&m_mutex);
                        ++m_received;
                        if (!id.isEmpty())
                            m_arrivals.insert(id, at);
                        m_lastArrival = at;
                        // The record of every request is not needed here and would grow with every job.
                        if (m_server->requestCount() > 1000)
                            m_server->clearRequests();
                    });
            },
            Qt::BlockingQueuedConnection);
    }
    ~ServerThread()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    bool started() const { return m_started; }
    QUrl baseUrl() const { return m_base; }
    std::optional<double> arrival(const QString& id)
    {
        QMutexLocker lock(&m_mutex);
        const auto found = m_arrivals.constFind(id);
        return found == m_arrivals.constEnd() ? std::nullopt : std::optional<double>(*found);
    }
    double lastArrival()
    {
        QMutexLocker lock(&m_mutex);
        return m_lastArrival;
    }
    std::int64_t received()
    {
        QMutexLocker lock(&m_mutex);
        return m_received;
    }

private:
    QThread m_thread;
    QObject m_context;
    test::CustomerIoTestServer* m_server = nullptr;
    bool m_started = false;
    QUrl m_base;
    QMutex m_mutex;
    QHash<QString, double> m_arrivals;
    double m_lastArrival = 0;
    std::int64_t m_received = 0;
};

customerio::UlidGenerator& ulids()
{
    static customerio::UlidGenerator generator;
    return generator;
}

store::NewJob trackJob(int i, QString* ulidOut = nullptr)
{
    const QString customer = QStringLiteral("cus_%1").arg(i % 5000);
    customerio::CustomerIoRequest request;
    if (i % 2 == 0) {
        customerio::IdentifyAttributes attributes;
        attributes.email = QStringLiteral("person%1@example.com").arg(i);
        attributes.changedAt = 1760000000 + i;
        request = customerio::requests::identify(customer, attributes);
    } else {
        customerio::TrackEvent event;
        event.name = QStringLiteral("invoice_paid");
        event.ulid = ulids().next();
        event.timestamp = 1760000000 + i;
        event.data = QJsonObject{{QStringLiteral("amount"), 1000 + i}};
        request = customerio::requests::trackEvent(customer, event);
        if (ulidOut)
            *ulidOut = event.ulid;
    }
    return delivery::jobFor(request, customer, QStringLiteral("bench_%1:%2").arg(i).arg(request.operation));
}

// One transaction for the whole fill: the benchmark measures draining, not enqueueing.
void fill(const QString& path, int count)
{
    store::SqliteConnection connection = store::Database::openForWriting(path);
    store::SqliteTransaction transaction(connection);
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < count; ++i)
        store::JobQueue::enqueueIn(connection, trackJob(i), now);
    transaction.commit();
}

delivery::DeliveryConfig configFor(const QString& path, const QUrl& base,
                                   const delivery::DeliveryLimits& limits)
{
    delivery::DeliveryConfig config;
    config.databasePath = path;
    config.endpoints = customerio::CustomerIoEndpoints::resolve(customerio::Region::Us,
                                                                base.toString() + QStringLiteral("/api/v1"),
                                                                base.toString() + QStringLiteral("/v1"));
    config.credentials = {QString::fromLatin1(test::CustomerIoTestServer::kDefaultSiteId),
                          QString::fromLatin1(test::CustomerIoTestServer::kDefaultTrackKey),
                          QString::fromLatin1(test::CustomerIoTestServer::kDefaultAppKey)};
    config.limits = limits;
    return config;
}

// Runs the event loop until `done` or `timeoutMs`; false on timeout. `done` is checked every `everyMs`, not
// in a busy loop: on a small machine spinning here would take CPU from the threads being measured.
bool waitUntil(const std::function<bool()>& done, int timeoutMs, int everyMs = 2)
{
    if (done())
        return true;
    QEventLoop loop;
    bool reached = false;
    QTimer check;
    check.setTimerType(Qt::PreciseTimer);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done()) {
            reached = true;
            loop.quit();
        }
    });
    check.start(everyMs);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return reached;
}

struct DrainResult {
    bool ok = false;
    std::int64_t delivered = 0;
    double seconds = 0;
    QString error;
};

DrainResult drain(const QString& directory, const QString& name, ServerThread& server, int jobs,
                  const delivery::DeliveryLimits& limits)
{
    DrainResult result;
    const QString path = QDir(directory).filePath(name);
    fill(path, jobs);
    delivery::DeliveryService service(configFor(path, server.baseUrl(), limits));
    const double start = nowMs();
    if (!service.start()) {
        result.error = service.errorString();
        return result;
    }
    // Generous: at the limited rate the drain takes jobs / rate seconds.
    const int timeoutMs = 60'000 + static_cast<int>(1000.0 * jobs / std::min(limits.trackPerSecond, 1000.0));
    const bool finished =
        waitUntil([&] { return service.stats().succeeded + service.stats().dead >= jobs; }, timeoutMs);
    const double end = nowMs();
    const delivery::DeliveryStats figures = service.stats();
    service.stop();
    result.delivered = figures.succeeded;
    result.seconds = (end - start) / 1000.0;
    result.ok = finished && result.delivered == jobs;
    if (!result.ok)
        result.error =
            QStringLiteral("%1 of %2 delivered, %3 dead").arg(result.delivered).arg(jobs).arg(figures.dead);
    return result;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(
        std::clamp(p * static_cast<double>(values.size()) - 1, 0.0, static_cast<double>(values.size() - 1)));
    return values[index];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    // One debug line per request would measure the terminal, not the queue (billbridge-cli turns them off
    // too).
    QLoggingCategory::setFilterRules(QStringLiteral("billbridge.*.debug=false\nbillbridge.*.info=false"));
    g_clock.start();
    int jobs = 50'000;
    int limitedJobs = 3'000;
    double rate = 100.0;
    int samples = 200;
    QString only;
    QString dir;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--jobs"))
            jobs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--limited-jobs"))
            limitedJobs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--rate"))
            rate = args[i + 1].toDouble();
        else if (args[i] == QLatin1String("--samples"))
            samples = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--only"))
            only = args[i + 1];
        else if (args[i] == QLatin1String("--dir"))
            dir = args[i + 1];
    }
    QTemporaryDir temporary(dir.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench-XXXXXX")
                                          : dir + QStringLiteral("/bench-XXXXXX"));
    if (!temporary.isValid()) {
        std::fprintf(stderr, "cannot make a temporary folder\n");
        return 1;
    }
    ServerThread server;
    if (!server.started()) {
        std::fprintf(stderr, "the Customer.io stand-in did not start\n");
        return 1;
    }

    struct Row {
        QString name;
        QString figure;
        QString target;
        bool met = false;
    };
    std::vector<Row> rows;
    bool failed = false;

    if (only.isEmpty() || only == QLatin1String("a")) {
        delivery::DeliveryLimits limits;
        limits.trackPerSecond = rate;
        std::fprintf(stderr, "(a) %d Track jobs at %.0f/s…\n", limitedJobs, rate);
        const DrainResult result =
            drain(temporary.path(), QStringLiteral("limited.sqlite"), server, limitedJobs, limits);
        if (!result.ok) {
            std::fprintf(stderr, "(a) failed: %s\n", qPrintable(result.error));
            failed = true;
        } else {
            const double achieved = static_cast<double>(result.delivered) / result.seconds;
            rows.push_back({QStringLiteral("(a) Track at %1/s, %2 jobs").arg(rate).arg(limitedJobs),
                            QStringLiteral("%1/s = %2 of the limit")
                                .arg(achieved, 0, 'f', 1)
                                .arg(achieved / rate, 0, 'f', 3),
                            QStringLiteral(">= 0.98"), achieved / rate >= 0.98});
        }
    }

    if (only.isEmpty() || only == QLatin1String("b")) {
        delivery::DeliveryLimits limits;
        limits.unlimited = true;
        std::fprintf(stderr, "(b) %d jobs, unlimited, concurrency %d…\n", jobs, limits.concurrency);
        const DrainResult result =
            drain(temporary.path(), QStringLiteral("unlimited.sqlite"), server, jobs, limits);
        if (!result.ok) {
            std::fprintf(stderr, "(b) failed: %s\n", qPrintable(result.error));
            failed = true;
        } else {
            const double perSecond = static_cast<double>(result.delivered) / result.seconds;
            rows.push_back(
                {QStringLiteral("(b) unlimited, %1 jobs").arg(jobs),
                 QStringLiteral("%1 jobs/s (%2 s)").arg(perSecond, 0, 'f', 0).arg(result.seconds, 0, 'f', 1),
                 QStringLiteral(">= 2000/s"), perSecond >= 2000});
        }
    }

    if (only.isEmpty() || only == QLatin1String("c")) {
        std::fprintf(stderr, "(c) %d single enqueues while idle…\n", samples);
        const QString path = temporary.filePath(QStringLiteral("idle.sqlite"));
        fill(path, 0);
        delivery::DeliveryService service(configFor(path, server.baseUrl(), delivery::DeliveryLimits()));
        if (!service.start()) {
            std::fprintf(stderr, "(c) failed: %s\n", qPrintable(service.errorString()));
            failed = true;
        } else {
            store::JobQueue producer = store::JobQueue::open(path); // another connection, as intake has
            QRandomGenerator random(20261122);
            std::vector<double> latencies;
            int lost = 0;
            for (int i = 0; i < samples; ++i) {
                waitUntil([] { return false; }, static_cast<int>(random.bounded(20, 60)),
                          1000); // let it go idle
                QString ulid;
                store::NewJob job = trackJob(2 * i + 1, &ulid);
                job.idempotencyKey = QStringLiteral("latency_%1").arg(i);
                const double enqueued = nowMs();
                producer.enqueue(job);
                if (!waitUntil([&] { return server.arrival(ulid).has_value(); }, 5000, 1)) {
                    ++lost;
                    continue;
                }
                latencies.push_back(*server.arrival(ulid) - enqueued);
            }
            service.stop();
            const double p99 = percentile(latencies, 0.99);
            rows.push_back(
                {QStringLiteral("(c) idle latency, %1 enqueues").arg(samples),
                 QStringLiteral("p50 %1 ms, p99 %2 ms, max %3 ms%4")
                     .arg(percentile(latencies, 0.5), 0, 'f', 1)
                     .arg(p99, 0, 'f', 1)
                     .arg(latencies.empty() ? 0.0 : *std::max_element(latencies.begin(), latencies.end()), 0,
                          'f', 1)
                     .arg(lost ? QStringLiteral(", %1 never arrived").arg(lost) : QString()),
                 QStringLiteral("p99 < 100 ms"), lost == 0 && p99 < 100});
        }
    }

    std::printf("%-34s  %-44s  %-14s  %s\n", "case", "measured", "target", "met");
    for (const Row& row : rows)
        std::printf("%-34s  %-44s  %-14s  %s\n", qPrintable(row.name), qPrintable(row.figure),
                    qPrintable(row.target), row.met ? "yes" : "NO");
    return failed ? 1 : 0;
}
