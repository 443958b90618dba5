#include "clicommon.h"
#include "delivery/deliveryservice.h"
#include "secrets/credentials.h"
#include "secrets/keychainsecretstore.h"
#include "signalwatcher.h"
#include "store/database.h"
#include "store/eventwriter.h"
#include "store/fulltextindexer.h"
#include "stripe/eventpoller.h"
#include "stripe/stripekeys.h"
#include "stripe/webhookreceiver.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTimer>

#include <memory>
#include <optional>

namespace billbridge::cli {

namespace {

constexpr quint16 kDefaultPort = 8787;

struct ListenAddress {
    QHostAddress address;
    quint16 port = kDefaultPort;
};

std::optional<ListenAddress> parseListen(const QString& text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    ListenAddress result;
    if (!ok || port > 65535 || !result.address.setAddress(host))
        return std::nullopt;
    result.port = static_cast<quint16>(port);
    return result;
}

} // namespace

int runServe(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Receive Stripe webhooks into the store. Each event is acknowledged only after it is on "
        "disk. Unless --no-worker is given, queued jobs are delivered to Customer.io as well (credentials "
        "from "
        "CUSTOMERIO_SITE_ID, CUSTOMERIO_TRACK_API_KEY and CUSTOMERIO_APP_API_KEY, else the keychain)."));
    addCommonOptions(parser);
    parser.addOption(
        {QStringLiteral("listen"),
         QStringLiteral("Address and port to listen on (default 127.0.0.1:%1).").arg(kDefaultPort),
         QStringLiteral("addr:port")});
    parser.addOption({QStringLiteral("allow-remote"),
                      QStringLiteral("Allow --listen on an address other machines can reach.")});
    parser.addOption(
        {QStringLiteral("tolerance"),
         QStringLiteral("Accepted age of a signature in seconds (default 300; 0 turns the check off)."),
         QStringLiteral("seconds"), QStringLiteral("300")});
    parser.addOption({QStringLiteral("max-body"),
                      QStringLiteral("Largest accepted webhook body in bytes (default 1048576)."),
                      QStringLiteral("bytes"), QStringLiteral("1048576")});
    parser.addOption({QStringLiteral("io-threads"), QStringLiteral("Network threads (default 2)."),
                      QStringLiteral("n"), QStringLiteral("2")});
    parser.addOption(
        {QStringLiteral("poll-interval"),
         QStringLiteral("Seconds between Events API polls that recover missed webhooks (default 10)."),
         QStringLiteral("seconds"), QStringLiteral("10")});
    parser.addOption(
        {QStringLiteral("no-poll"), QStringLiteral("Only receive webhooks; do not poll the Events API.")});
    parser.addOption({QStringLiteral("no-worker"),
                      QStringLiteral("Do not deliver queued jobs to Customer.io (another process runs "
                                     "'billbridge-cli queue work').")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;

    stripe::WebhookReceiverConfig config;
    if (parser.isSet(QStringLiteral("listen"))) {
        const auto listen = parseListen(parser.value(QStringLiteral("listen")));
        if (!listen) {
            printError(QStringLiteral("--listen takes ADDRESS:PORT, e.g. 127.0.0.1:8787 or [::1]:8787"));
            return ExitUsage;
        }
        config.address = listen->address;
        config.port = listen->port;
    }
    config.allowNonLoopback = parser.isSet(QStringLiteral("allow-remote"));
    bool ok = false;
    const int tolerance = parser.value(QStringLiteral("tolerance")).toInt(&ok);
    if (!ok || tolerance < 0) {
        printError(QStringLiteral("--tolerance takes a number of seconds, 0 or more"));
        return ExitUsage;
    }
    config.tolerance = std::chrono::seconds(tolerance);
    config.maxBodyBytes = parser.value(QStringLiteral("max-body")).toLongLong(&ok);
    if (!ok || config.maxBodyBytes < 1024) {
        printError(QStringLiteral("--max-body takes a number of bytes, at least 1024"));
        return ExitUsage;
    }
    config.ioThreads = parser.value(QStringLiteral("io-threads")).toInt(&ok);
    if (!ok || config.ioThreads < 1 || config.ioThreads > 64) {
        printError(QStringLiteral("--io-threads takes a number from 1 to 64"));
        return ExitUsage;
    }
    const bool poll = !parser.isSet(QStringLiteral("no-poll"));
    const int pollSeconds = parser.value(QStringLiteral("poll-interval")).toInt(&ok);
    if (!ok || pollSeconds < 1 || pollSeconds > 86400) {
        printError(QStringLiteral("--poll-interval takes a number of seconds from 1 to 86400"));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("poll-interval")) && !poll) {
        printError(QStringLiteral("--poll-interval and --no-poll contradict each other; choose one"));
        return ExitUsage;
    }

    secrets::KeychainSecretStore keychain;
    const secrets::StripeCredentialsLoad credentials =
        secrets::loadStripeCredentials(&keychain, {.apiKey = poll, .webhookSecrets = true});
    for (const QString& problem : credentials.problems)
        printError(problem);
    if (!credentials.credentials.hasWebhookSecrets()) {
        if (!credentials.webhookSecretsRejected && !credentials.keychainUnavailable)
            printError(secrets::missingWebhookSecretsMessage());
        return ExitConfiguration;
    }
    config.secrets = credentials.credentials.webhookSecrets;
    std::optional<stripe::StripeApiConfig> apiConfig;
    if (poll) {
        if (credentials.credentials.apiKey.isEmpty()) {
            if (credentials.apiKeyRejected)
                return ExitConfiguration;
            printInfo(
                QStringLiteral("warning: no Stripe API key, so events missed while the receiver is down will "
                               "not be recovered. Store one with 'billbridge-cli connections set stripe' or "
                               "export STRIPE_API_KEY; pass --no-poll to silence this."));
        } else {
            apiConfig = stripe::StripeApiConfig::resolve(credentials.credentials.apiKey);
            if (const QString problem = apiConfig->validate(); !problem.isEmpty()) {
                printError(problem);
                return ExitConfiguration;
            }
        }
    }
    if (tolerance == 0)
        printInfo(
            QStringLiteral("warning: --tolerance 0 turns off the signature age check; replayed requests will "
                           "be accepted."));

    const QString path = databasePath(parser);
    // Read before the receiver announces itself: asking the keychain runs a local event loop, and a stop
    // signal must not find the process inside it.
    std::optional<DeliverySetup> customerIo;
    if (!parser.isSet(QStringLiteral("no-worker")))
        customerIo = deliverySetup(path, &keychain);

    store::EventWriter writer(path);
    // Every stored event becomes its Customer.io jobs in the same transaction (BILLBRIDGE_SYNC=off: none).
    sync::SyncEngine::installUnlessDisabled(writer);
    try {
        writer.start();
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }

    // Full-text indexing runs behind the receiver on its own thread, so acknowledgements never wait for it.
    store::FullTextIndexer indexer(path, 64); // small batches keep its hold on the write lock short
    indexer.start();
    writer.setCommitObserver([&indexer](std::int64_t, int) { indexer.wake(); });

    stripe::WebhookReceiver receiver(config, writer);
    QString error;
    if (!receiver.start(&error)) {
        printError(error);
        writer.stop();
        return config.address.isLoopback() || config.allowNonLoopback ? ExitFailure : ExitUsage;
    }
    if (!config.address.isLoopback())
        printInfo(QStringLiteral(
                      "warning: listening on %1, reachable from other machines. Only requests signed with "
                      "your webhook secret are stored.")
                      .arg(receiver.listenAddress()));
    printInfo(QStringLiteral("store: %1").arg(path));
    printInfo(QStringLiteral("listening on http://%1%2 (%3 webhook secret%4 from %5)")
                  .arg(receiver.listenAddress(), QString::fromLatin1(config.path))
                  .arg(config.secrets.size())
                  .arg(config.secrets.size() == 1 ? QString() : QStringLiteral("s"),
                       credentials.credentials.webhookSecretsOrigin));
    printInfo(QStringLiteral("forward test events with: stripe listen --forward-to %1%2")
                  .arg(receiver.listenAddress(), QString::fromLatin1(config.path)));

    std::unique_ptr<stripe::EventPoller> poller;
    if (apiConfig) {
        poller = std::make_unique<stripe::EventPoller>(*apiConfig, writer, path,
                                                       std::chrono::seconds(pollSeconds));
        QObject::connect(
            poller.get(), &stripe::EventPoller::warning, poller.get(),
            [](const QString& message) { printInfo(QStringLiteral("poller: warning: ") + message); });
        QObject::connect(
            poller.get(), &stripe::EventPoller::errorOccurred, poller.get(),
            [](const QString& message, bool fatal) {
                printError(
                    QStringLiteral("poller: ") + message +
                    (fatal ? QStringLiteral(" Polling stopped; webhooks are still received.") : QString()));
            });
        QObject::connect(poller.get(), &stripe::EventPoller::runFinished, poller.get(),
                         [](const stripe::PollReport& report) {
                             if (report.newEvents > 0)
                                 printInfo(
                                     QStringLiteral("poller: recovered %1 event%2 missed by the receiver")
                                         .arg(report.newEvents)
                                         .arg(report.newEvents == 1 ? QString() : QStringLiteral("s")));
                         });
        printInfo(QStringLiteral("polling the Events API every %1 s with %2 (%3)")
                      .arg(pollSeconds)
                      .arg(stripe::describeKey(stripe::checkApiKey(apiConfig->apiKey)),
                           credentials.credentials.apiKeyOrigin));
        poller->start();
    }

    // Delivery is optional here: without Customer.io credentials serve still stores events, and the jobs wait
    // in the queue until a worker with credentials runs.
    std::unique_ptr<delivery::DeliveryService> deliveries;
    if (parser.isSet(QStringLiteral("no-worker"))) {
        printInfo(QStringLiteral("deliveries to Customer.io are off (--no-worker); jobs stay queued for "
                                 "'billbridge-cli queue work'"));
    } else {
        const DeliverySetup& setup = *customerIo;
        if (!setup.config) {
            printInfo(QStringLiteral("deliveries to Customer.io are off: %1 Jobs stay queued until a worker "
                                     "with credentials runs.")
                          .arg(setup.problems.join(QLatin1Char(' '))));
        } else {
            deliveries = std::make_unique<delivery::DeliveryService>(*setup.config);
            QObject::connect(deliveries.get(), &delivery::DeliveryService::queuePaused, deliveries.get(),
                             [](const QString& reason) {
                                 printInfo(
                                     QStringLiteral("ALERT: the Customer.io queue is paused: %1. Nothing is "
                                                    "sent until it is fixed and 'billbridge-cli queue "
                                                    "resume' is run.")
                                         .arg(reason.isEmpty() ? QStringLiteral("no reason given") : reason));
                             });
            if (!deliveries->start()) {
                printInfo(
                    QStringLiteral("deliveries to Customer.io are off: %1").arg(deliveries->errorString()));
                deliveries.reset();
            } else {
                printInfo(
                    QStringLiteral("delivering queued jobs to Customer.io (%1 region from %2; credentials "
                                   "from %3)")
                        .arg(customerio::shortName(setup.config->endpoints.region), setup.regionOrigin,
                             setup.credentialsOrigin));
            }
        }
    }

    SignalWatcher termination;
    QObject::connect(&termination, &SignalWatcher::terminationRequested, &receiver, [&](int) {
        if (termination.signalsReceived() > 1)
            return;
        printInfo(QStringLiteral("stopping: finishing events in flight…"));
        receiver.stopAccepting();
        if (poller)
            poller->stop();
        if (deliveries) {
            // The totals go with the worker when it stops.
            const delivery::DeliveryStats sent = deliveries->stats();
            deliveries->stop();
            printInfo(QStringLiteral("deliveries stopped: %1 delivered, %2 retry scheduled, %3 dead, %4 need "
                                     "review")
                          .arg(sent.succeeded)
                          .arg(sent.retryScheduled)
                          .arg(sent.dead)
                          .arg(sent.needsReview));
        }
        writer.stop();
        receiver.stop();
        indexer.stop();
        const auto figures = receiver.stats();
        printInfo(QStringLiteral("stopped: %1 stored, %2 duplicates, %3 rejected")
                      .arg(figures.stored)
                      .arg(figures.duplicates)
                      .arg(figures.rejected));
        QCoreApplication::exit(ExitOk);
    });

    QTimer summary;
    stripe::WebhookReceiverStats lastReported;
    QObject::connect(&summary, &QTimer::timeout, &receiver, [&] {
        const auto figures = receiver.stats();
        if (figures.stored == lastReported.stored && figures.rejected == lastReported.rejected &&
            figures.duplicates == lastReported.duplicates)
            return;
        lastReported = figures;
        printInfo(QStringLiteral("received: %1 stored, %2 duplicates, %3 rejected, %4 store failures")
                      .arg(figures.stored)
                      .arg(figures.duplicates)
                      .arg(figures.rejected)
                      .arg(figures.storeFailures));
    });
    summary.start(60'000);

    return QCoreApplication::exec();
}

} // namespace billbridge::cli
