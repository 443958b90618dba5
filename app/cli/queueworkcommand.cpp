#include "clicommon.h"
#include "customerio/customerioregion.h"
#include "delivery/deliveryservice.h"
#include "secrets/keychainsecretstore.h"
#include "signalwatcher.h"
#include "store/database.h"
#include "store/jobqueue.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimer>

namespace billbridge::cli {

namespace {

QString number(std::int64_t value)
{
    return QLocale::system().toString(qint64(value));
}

store::JobQueue openForReading(const QString& path)
{
    return store::JobQueue(store::Database::openForReading(path));
}

} // namespace

int runQueueWork(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Deliver queued jobs to Customer.io until stopped "
                                                    "(Ctrl-C finishes the requests in flight). Credentials "
                                                    "come from CUSTOMERIO_SITE_ID, CUSTOMERIO_TRACK_API_KEY "
                                                    "and CUSTOMERIO_APP_API_KEY, else the keychain; "
                                                    "the region from CUSTOMERIO_REGION, else the console's "
                                                    "setting. Only one process delivers from a store "
                                                    "at a time."));
    addCommonOptions(parser);
    parser.addOption(
        {QStringLiteral("until-idle"),
         QStringLiteral("Exit once nothing is due (jobs scheduled for a later retry stay queued).")});
    parser.addOption(
        {QStringLiteral("concurrency"),
         QStringLiteral("Requests in flight at once, all APIs together (default 32 or the setting)."),
         QStringLiteral("n")});
    parser.addOption({QStringLiteral("track-rate"),
                      QStringLiteral("Track API requests per second (default 100 or the setting)."),
                      QStringLiteral("r")});
    parser.addOption(
        {QStringLiteral("app-rate"),
         QStringLiteral("App API requests per second, other than emails and broadcasts (default 10)."),
         QStringLiteral("r")});
    parser.addOption({QStringLiteral("transactional-rate"),
                      QStringLiteral("Transactional emails per second (default 100)."), QStringLiteral("r")});
    parser.addOption({QStringLiteral("broadcast-rate"),
                      QStringLiteral("Broadcast triggers per second (default 0.1: one per 10 s)."),
                      QStringLiteral("r")});
    parser.addOption({QStringLiteral("max-attempts"),
                      QStringLiteral("Failed attempts before a job is dead (default 8)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("Seconds to wait for Customer.io's answer to one request (default 10)."),
                      QStringLiteral("seconds")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("'queue work' takes no positional arguments"));
        return ExitUsage;
    }

    const QString path = databasePath(parser);
    secrets::KeychainSecretStore keychain;
    DeliverySetup setup = deliverySetup(path, &keychain);
    for (const QString& problem : setup.problems)
        printError(problem);
    if (!setup.config)
        return setup.exitCode;
    delivery::DeliveryConfig config = *setup.config;

    const auto rateOption = [&parser](const char* name, double& target) {
        const QString option = QLatin1String(name);
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        target = parser.value(option).toDouble(&ok);
        if (!ok) {
            printError(
                QStringLiteral("--%1 takes a number of requests per second, such as 50 or 0.5").arg(option));
            return false;
        }
        return true;
    };
    const auto countOption = [&parser](const char* name, int& target) {
        const QString option = QLatin1String(name);
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        target = parser.value(option).toInt(&ok);
        if (!ok) {
            printError(QStringLiteral("--%1 takes a whole number").arg(option));
            return false;
        }
        return true;
    };
    if (!rateOption("track-rate", config.limits.trackPerSecond) ||
        !rateOption("app-rate", config.limits.appPerSecond) ||
        !rateOption("transactional-rate", config.limits.transactionalPerSecond) ||
        !rateOption("broadcast-rate", config.limits.broadcastPerSecond) ||
        !countOption("concurrency", config.limits.concurrency) ||
        !countOption("max-attempts", config.limits.maxAttempts))
        return ExitUsage;
    if (const QString problem = config.limits.validate(); !problem.isEmpty()) {
        printError(problem + QLatin1Char('.'));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || seconds < 0.1 || seconds > 600) {
            printError(QStringLiteral("--timeout takes a number of seconds from 0.1 to 600"));
            return ExitUsage;
        }
        config.requestTimeout = std::chrono::milliseconds(static_cast<qint64>(seconds * 1000));
    }

    const bool untilIdle = parser.isSet(QStringLiteral("until-idle"));
    delivery::DeliveryService service(config);
    bool paused = false;
    QString pauseReason;
    int exitCode = ExitOk;
    bool finished = false;
    const auto summary = [&service] {
        const delivery::DeliveryStats figures = service.stats();
        return QStringLiteral("%1 delivered, %2 retry scheduled, %3 dead, %4 need review, %5 in flight")
            .arg(number(figures.succeeded), number(figures.retryScheduled), number(figures.dead),
                 number(figures.needsReview))
            .arg(figures.inFlight);
    };
    const auto finish = [&](int code, const QString& message) {
        if (finished)
            return;
        finished = true;
        exitCode = code;
        // The totals go with the worker when it stops.
        const QString totals = summary();
        service.stop();
        printInfo(message + QStringLiteral(": ") + totals);
        QCoreApplication::exit(code);
    };
    QObject::connect(&service, &delivery::DeliveryService::queuePaused, &service, [&](const QString& reason) {
        paused = true;
        pauseReason = reason;
        printInfo(QStringLiteral("ALERT: the queue is paused: %1. Nothing is sent until it is fixed and "
                                 "'billbridge-cli queue resume' is run.")
                      .arg(reason.isEmpty() ? QStringLiteral("no reason given") : reason));
        // Nothing more will be sent, so a run that should end when the work is done ends now, unsuccessfully.
        if (untilIdle)
            finish(ExitFailure, QStringLiteral("stopped: the queue is paused"));
    });
    QObject::connect(&service, &delivery::DeliveryService::idle, &service, [&] {
        if (!untilIdle)
            return;
        // The pause may have been lifted by another process since the alert; the store has the last word.
        try {
            const store::PauseState state = openForReading(path).pauseState();
            paused = state.paused;
            pauseReason = state.reason;
        } catch (const store::StoreError&) {
        }
        if (paused) {
            finish(ExitFailure, QStringLiteral("stopped: the queue is paused (%1)").arg(pauseReason));
            return;
        }
        finish(ExitOk, QStringLiteral("idle: nothing is due"));
    });

    if (!service.start()) {
        printError(service.errorString());
        return ExitFailure;
    }
    printInfo(QStringLiteral("store: %1").arg(path));
    printInfo(
        QStringLiteral("delivering to Customer.io (%1 region from %2; credentials from %3): Track %4/s, "
                       "App %5/s, emails %6/s, broadcasts %7/s, %8 in flight at most")
            .arg(customerio::shortName(config.endpoints.region), setup.regionOrigin, setup.credentialsOrigin)
            .arg(config.limits.trackPerSecond)
            .arg(config.limits.appPerSecond)
            .arg(config.limits.transactionalPerSecond)
            .arg(config.limits.broadcastPerSecond)
            .arg(config.limits.concurrency));
    if (config.endpoints.trackOverridden || config.endpoints.appOverridden)
        printInfo(QStringLiteral("Track API at %1 (from %2), App API at %3 (from %4)")
                      .arg(config.endpoints.trackBase.toString(), config.endpoints.trackSource,
                           config.endpoints.appBase.toString(), config.endpoints.appSource));

    SignalWatcher termination;
    QObject::connect(&termination, &SignalWatcher::terminationRequested, &service, [&](int) {
        if (termination.signalsReceived() > 1)
            return;
        printInfo(QStringLiteral("stopping: finishing requests in flight…"));
        finish(untilIdle ? ExitInterrupted : ExitOk, QStringLiteral("stopped"));
    });

    QTimer progress;
    QString lastLine;
    QObject::connect(&progress, &QTimer::timeout, &service, [&] {
        const QString line = summary();
        if (line == lastLine)
            return;
        lastLine = line;
        printInfo(QStringLiteral("progress: ") + line);
    });
    progress.start(::isatty(STDERR_FILENO) ? 1000 : 5000);

    const int code = QCoreApplication::exec();
    service.stop();
    return finished ? exitCode : code;
}

} // namespace billbridge::cli
