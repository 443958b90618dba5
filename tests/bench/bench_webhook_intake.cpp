// Webhook intake benchmark: N signed Stripe events of 3–6 KB are posted over loopback by several
// keep-alive clients to the real receiver (HttpServer + SignatureVerifier + EventWriter with
// synchronous=FULL). It prints the durable acknowledgement rate, p50/p99 latency, and, in the same run,
// the bare SQLite insert rate of the same payloads into the same schema.
//
//   bench_webhook_intake [--events N] [--clients C] [--io-threads T] [--with-indexer 0|1] [--sync 0|1] [--dir
//   PATH]

#include "store/database.h"
#include "store/eventstore.h"
#include "store/eventwriter.h"
#include "store/fulltextindexer.h"
#include "stripe/signatureverifier.h"
#include "stripe/stripeevent.h"
#include "stripe/webhookreceiver.h"
#include "support/rawhttpclient.h"
#include "support/syntheticevents.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace billbridge;

namespace {

const QByteArray kSecret = "whsec_benchmarkSecretForLoopbackOnly0001";

struct ClientResult {
    std::vector<double> latenciesMs;
    int failures = 0;
};

void runClient(quint16 port, const std::vector<QByteArray>* requests, size_t first, size_t step,
               ClientResult* result)
{
    test::RawHttpClient client;
    if (!client.connectTo(port)) {
        result->failures = static_cast<int>(requests->size());
        return;
    }
    for (size_t i = first; i < requests->size(); i += step) {
        QElapsedTimer timer;
        timer.start();
        if (client.request((*requests)[i]).status != 200) {
            ++result->failures;
            continue;
        }
        result->latenciesMs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
}

// User + system time of the whole process (receiver and clients together).
double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double percentile(std::vector<double>& values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1,
                           static_cast<size_t>(fraction * static_cast<double>(values.size())))];
}

double bareInsertRate(const QString& path, const std::vector<store::IncomingEvent>& events)
{
    store::SqliteConnection connection = store::Database::openForWriting(path);
    store::SqliteStatement insert = connection.prepare(
        "INSERT INTO events (id, type, created, livemode, api_version, account, object_type, object_id, "
        "customer_id, source, received_at_ms, signature, signature_header, raw) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) ON CONFLICT (id) DO NOTHING");
    const QString source = QStringLiteral("webhook");
    const QString verdict = QStringLiteral("verified");
    QElapsedTimer timer;
    timer.start();
    constexpr size_t kBatch = 1000;
    for (size_t begin = 0; begin < events.size(); begin += kBatch) {
        store::SqliteTransaction transaction(connection);
        for (size_t i = begin; i < std::min(events.size(), begin + kBatch); ++i) {
            const auto& f = events[i].fields;
            insert.bind(1, f.id).bind(2, f.type).bind(3, f.created).bind(4, f.livemode).bind(5, f.apiVersion);
            insert.bind(6, f.account).bind(7, f.objectType).bind(8, f.objectId).bind(9, f.customerId);
            insert.bind(10, source).bind(11, events[i].receivedAtMs).bind(12, verdict);
            insert.bind(13, QString::fromLatin1(events[i].signatureHeader)).bindBlob(14, events[i].raw);
            insert.step();
            insert.reset();
        }
        transaction.commit();
    }
    return static_cast<double>(events.size()) / (static_cast<double>(timer.nsecsElapsed()) / 1e9);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int eventCount = 20000;
    int clientCount = 32;
    int ioThreads = 2;
    // As in `serve`: the full-text indexer runs beside the receiver and competes for the write lock.
    bool withIndexer = true;
    // As in `serve`: each new event plans its Customer.io jobs inside the transaction that stores it.
    bool withSync = true;
    QString dir;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--events"))
            eventCount = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--clients"))
            clientCount = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--io-threads"))
            ioThreads = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--with-indexer"))
            withIndexer = args[i + 1] != QLatin1String("0");
        else if (args[i] == QLatin1String("--sync"))
            withSync = args[i + 1] != QLatin1String("0");
        else if (args[i] == QLatin1String("--dir"))
            dir = args[i + 1];
    }
    QTemporaryDir temporary(dir.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench-XXXXXX")
                                          : dir + QStringLiteral("/bench-XXXXXX"));

    QRandomGenerator random(20261122);
    std::vector<QByteArray> bodies;
    bodies.reserve(static_cast<size_t>(eventCount));
    qint64 totalBytes = 0;
    for (int i = 0; i < eventCount; ++i) {
        bodies.push_back(
            test::syntheticInvoicePaidEvent(random, i, 3072 + static_cast<int>(random.bounded(3072))));
        totalBytes += bodies.back().size();
    }

    store::EventWriter writer(temporary.filePath(QStringLiteral("intake.sqlite")));
    if (withSync)
        sync::SyncEngine::install(writer);
    writer.start();
    store::FullTextIndexer indexer(temporary.filePath(QStringLiteral("intake.sqlite")), 64);
    if (withIndexer) {
        indexer.start();
        writer.setCommitObserver([&indexer](std::int64_t, int) { indexer.wake(); });
    }
    stripe::WebhookReceiverConfig config;
    config.port = 0;
    config.secrets = {kSecret};
    config.ioThreads = ioThreads;
    stripe::WebhookReceiver receiver(config, writer);
    QString error;
    if (!receiver.start(&error)) {
        std::fprintf(stderr, "cannot start the receiver: %s\n", qPrintable(error));
        return 1;
    }

    // Signed just before sending, as Stripe does; signing is the sender's cost, not the receiver's.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    std::vector<QByteArray> requests;
    requests.reserve(bodies.size());
    for (const QByteArray& body : bodies) {
        requests.push_back(test::RawHttpClient::webhookRequest(
            body, stripe::SignatureVerifier::header({kSecret}, now, body)));
    }

    std::vector<ClientResult> results(static_cast<size_t>(clientCount));
    std::vector<std::thread> clients;
    const double cpuBefore = processCpuSeconds();
    QElapsedTimer wall;
    wall.start();
    std::atomic<int> running{clientCount};
    for (int c = 0; c < clientCount; ++c) {
        clients.emplace_back([&, c] {
            runClient(receiver.port(), &requests, static_cast<size_t>(c), static_cast<size_t>(clientCount),
                      &results[static_cast<size_t>(c)]);
            if (--running == 0)
                QMetaObject::invokeMethod(
                    &app, [] { QCoreApplication::quit(); }, Qt::QueuedConnection);
        });
    }
    app.exec();
    for (auto& client : clients)
        client.join();
    const double seconds = static_cast<double>(wall.nsecsElapsed()) / 1e9;
    const double cpuSeconds = processCpuSeconds() - cpuBefore;
    const std::int64_t commits = writer.commitCount();
    receiver.stopAccepting();
    writer.stop();
    receiver.stop();

    std::vector<double> latencies;
    int failures = 0;
    for (auto& result : results) {
        latencies.insert(latencies.end(), result.latenciesMs.begin(), result.latenciesMs.end());
        failures += result.failures;
    }
    const double acknowledged = static_cast<double>(latencies.size());
    const double rate = acknowledged / seconds;
    const double p50 = percentile(latencies, 0.50);
    const double p99 = percentile(latencies, 0.99);

    const auto stored =
        store::EventStore::openForReading(temporary.filePath(QStringLiteral("intake.sqlite"))).count();

    std::vector<store::IncomingEvent> events;
    events.reserve(bodies.size());
    for (const QByteArray& body : bodies) {
        store::IncomingEvent event;
        event.fields = *stripe::parseStripeEvent(body).fields;
        event.raw = body;
        event.signatureHeader = stripe::SignatureVerifier::header({kSecret}, now, body);
        event.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
        events.push_back(std::move(event));
    }
    // Per-event CPU of the receiver's own steps, single-threaded, for reading the figures above.
    const stripe::SignatureVerifier verifier({kSecret});
    QElapsedTimer stepTimer;
    stepTimer.start();
    int verified = 0;
    for (const auto& event : events)
        verified += verifier.verify(event.signatureHeader, event.raw, now).isValid();
    const double verifyMicros =
        static_cast<double>(stepTimer.nsecsElapsed()) / 1e3 / static_cast<double>(events.size());
    stepTimer.restart();
    int parsedOk = 0;
    for (const auto& event : events)
        parsedOk += stripe::parseStripeEvent(event.raw).fields.has_value();
    const double parseMicros =
        static_cast<double>(stepTimer.nsecsElapsed()) / 1e3 / static_cast<double>(events.size());
    const double bare = bareInsertRate(temporary.filePath(QStringLiteral("bare.sqlite")), events);

    std::printf("webhook intake benchmark: %d events (avg %.1f KB), %d keep-alive clients, %d I/O threads, "
                "full-text indexer %s, sync engine %s\n",
                eventCount, static_cast<double>(totalBytes) / eventCount / 1024.0, clientCount, ioThreads,
                withIndexer ? "running" : "off", withSync ? "planning jobs" : "off");
    std::printf("  acknowledged (durable, synchronous=FULL): %.0f events/s  (%d ok, %d failed, %.2f s)\n",
                rate, static_cast<int>(acknowledged), failures, seconds);
    std::printf("  acknowledgement latency: p50 %.2f ms, p99 %.2f ms\n", p50, p99);
    std::printf(
        "  CPU while receiving: %.0f us per event (user+system, clients included; %.2f of %u cores busy)\n",
        cpuSeconds * 1e6 / std::max(1.0, acknowledged), cpuSeconds / seconds,
        std::thread::hardware_concurrency());
    std::printf("  group commits: %lld (%.1f events per commit); rows in store: %lld\n",
                static_cast<long long>(commits),
                acknowledged / std::max<double>(1, static_cast<double>(commits)),
                static_cast<long long>(stored));
    std::printf("  bare SQLite insert rate, same payloads (1000 per transaction): %.0f events/s\n", bare);
    std::printf("  ratio acknowledged / bare: %.2f\n", rate / bare);
    std::printf("  receiver CPU per event (one thread): signature %.1f us, JSON parse %.1f us (%d/%d ok)\n",
                verifyMicros, parseMicros, std::min(verified, parsedOk), static_cast<int>(events.size()));
    const bool ok = failures == 0 && stored == eventCount;
    std::printf("  targets: >= 8000/s %s, >= 1/3 of bare %s, p99 < 50 ms %s\n",
                rate >= 8000 ? "met" : "MISSED", rate * 3 >= bare ? "met" : "MISSED",
                p99 < 50 ? "met" : "MISSED");
    return ok ? 0 : 1;
}
