#include "clicommon.h"
#include "secrets/credentials.h"
#include "secrets/keychainsecretstore.h"
#include "signalwatcher.h"
#include "store/eventwriter.h"
#include "store/sqlite.h"
#include "stripe/backfill.h"
#include "stripe/stripeapiconfig.h"
#include "sync/syncengine.h"
#include "util/redact.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>

#include <chrono>
#include <optional>

namespace billbridge::cli {

namespace {

constexpr qint64 kStripeRetentionSeconds = 30 * 86400;
// Progress is for people watching a terminal; more than two lines a second is noise.
constexpr qint64 kProgressIntervalMs = 500;

// The one place the CLI learns the Stripe key, so that the keychain-backed credentials loader can take over.
// The key from STRIPE_API_KEY or the keychain; problems are printed. Empty when there is none to use.
QString lookupStripeApiKey()
{
    secrets::KeychainSecretStore keychain;
    const secrets::StripeCredentialsLoad load =
        secrets::loadStripeCredentials(&keychain, {.apiKey = true, .webhookSecrets = false});
    for (const QString& problem : load.problems)
        printError(problem);
    if (load.credentials.apiKey.isEmpty() && !load.apiKeyRejected && !load.keychainUnavailable)
        printError(secrets::missingApiKeyMessage());
    return load.credentials.apiKey;
}

QString number(qint64 value)
{
    return QLocale(QLocale::English).toString(value);
}

QString dateText(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString durationText(std::chrono::seconds duration)
{
    const qint64 total = duration.count();
    if (total >= 3600)
        return QStringLiteral("%1 h %2 min")
            .arg(total / 3600)
            .arg((total % 3600) / 60, 2, 10, QLatin1Char('0'));
    if (total >= 60)
        return QStringLiteral("%1 min %2 s").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 s").arg(total);
}

QString progressLine(const stripe::BackfillProgress& progress)
{
    const stripe::BackfillState& state = progress.state;
    QString line = QStringLiteral("backfill: %1 events stored, %2 already present, %3 %4, %5 events/s")
                       .arg(number(state.stored), number(state.duplicates), number(state.pages),
                            state.pages == 1 ? QStringLiteral("page") : QStringLiteral("pages"))
                       .arg(progress.eventsPerSecond, 0, 'f', 0);
    if (state.reachedCreated > 0)
        line += QStringLiteral(", back to %1").arg(dateText(state.reachedCreated));
    line += progress.eta ? QStringLiteral(", ETA %1").arg(durationText(*progress.eta))
                         : QStringLiteral(", ETA unknown");
    return line;
}

QString resumeCommand(const QCommandLineParser& parser)
{
    QString command =
        QStringLiteral("billbridge-cli backfill --since %1").arg(parser.value(QStringLiteral("since")));
    if (parser.isSet(QStringLiteral("types")))
        command +=
            QStringLiteral(" --types %1").arg(parser.values(QStringLiteral("types")).join(QLatin1Char(',')));
    if (parser.isSet(QStringLiteral("db")))
        command += QStringLiteral(" --db %1").arg(parser.value(QStringLiteral("db")));
    return command;
}

int exitCodeFor(stripe::BackfillOutcome outcome)
{
    switch (outcome) {
    case stripe::BackfillOutcome::Completed:
        return ExitOk;
    case stripe::BackfillOutcome::Interrupted:
        return ExitInterrupted;
    case stripe::BackfillOutcome::GaveUp:
    case stripe::BackfillOutcome::RequestRejected:
        return ExitFailure;
    case stripe::BackfillOutcome::CredentialsRejected:
        return ExitAuthentication;
    case stripe::BackfillOutcome::StoreFailed:
        return ExitStore;
    }
    return ExitFailure;
}

} // namespace

int runBackfill(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import event history from Stripe's Events API into the store, newest first. An interrupted "
        "run is resumed by running the same command again."));
    addCommonOptions(parser);
    parser.addOption(
        {QStringLiteral("since"),
         QStringLiteral("How far back: 30d (default), 12h, 45m or a date such as 2026-10-01. Stripe "
                        "keeps events for 30 days."),
         QStringLiteral("when"), QStringLiteral("30d")});
    parser.addOption(
        {QStringLiteral("types"),
         QStringLiteral("Only these event types: up to 20 exact names, comma-separated "
                        "(invoice.paid,invoice.payment_failed), or one pattern such as invoice.*."),
         QStringLiteral("list")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("'backfill' takes no arguments besides its options (see --help)"));
        return ExitUsage;
    }

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString sinceText = parser.value(QStringLiteral("since")).trimmed();
    const auto since = parseSince(sinceText, now);
    if (!since) {
        printError(QStringLiteral("--since takes 30d, 12h, 45m or a date such as 2026-10-01"));
        return ExitUsage;
    }
    if (*since >= now) {
        printError(QStringLiteral("--since %1 lies in the future; give a time in the past such as 7d")
                       .arg(sinceText));
        return ExitUsage;
    }

    const QStringList types = listValues(parser.values(QStringLiteral("types")));
    if (const QString problem = stripe::EventListParams().setTypeFilter(types); !problem.isEmpty()) {
        printError(QStringLiteral("--types: %1").arg(problem));
        return ExitUsage;
    }

    const QString key = lookupStripeApiKey();
    if (key.isEmpty())
        return ExitConfiguration;
    const stripe::StripeApiConfig config = stripe::StripeApiConfig::resolve(key);
    if (const QString problem = config.validate(); !problem.isEmpty()) {
        printError(problem);
        return ExitConfiguration;
    }

    const QString path = databasePath(parser);
    store::EventWriter writer(path);
    // Backfilled events are planned like webhooks; the horizon keeps old ones from firing campaigns.
    sync::SyncEngine::installUnlessDisabled(writer);
    try {
        writer.start();
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }

    if (now - *since > kStripeRetentionSeconds + 3600)
        printInfo(QStringLiteral("note: Stripe's Events API only returns events from the last 30 days; older "
                                 "events cannot be imported."));
    printInfo(QStringLiteral("Backfilling %1 since %2 from %3 with %4 into %5")
                  .arg(types.isEmpty() ? QStringLiteral("all events") : types.join(QStringLiteral(", ")),
                       dateText(*since), config.baseUrl.host(), util::maskSecret(config.apiKey), path));

    stripe::BackfillOptions options;
    options.since = *since;
    options.sinceLabel = sinceText;
    options.types = types;
    stripe::Backfill backfill(config, writer, path, options);
    SignalWatcher signalWatcher;

    QElapsedTimer sinceLastLine;
    QString pendingLine;
    QObject::connect(&backfill, &stripe::Backfill::notice,
                     [](const QString& message) { printInfo(message); });
    QObject::connect(&backfill, &stripe::Backfill::retrying,
                     [](const QString& message, std::chrono::milliseconds) { printInfo(message); });
    QObject::connect(&backfill, &stripe::Backfill::progress,
                     [&sinceLastLine, &pendingLine](const stripe::BackfillProgress& progress) {
                         pendingLine = progressLine(progress);
                         if (!sinceLastLine.isValid() || sinceLastLine.elapsed() >= kProgressIntervalMs) {
                             printInfo(pendingLine);
                             pendingLine.clear();
                             sinceLastLine.start();
                         }
                     });
    QObject::connect(&backfill, &stripe::Backfill::finished,
                     [&pendingLine, &parser](const stripe::BackfillResult& result) {
                         if (!pendingLine.isEmpty())
                             printInfo(pendingLine);
                         switch (result.outcome) {
                         case stripe::BackfillOutcome::Completed:
                             printInfo(result.message);
                             break;
                         case stripe::BackfillOutcome::Interrupted:
                             printInfo(result.message);
                             printInfo(QStringLiteral("To resume: %1").arg(resumeCommand(parser)));
                             break;
                         default:
                             printError(result.message);
                             break;
                         }
                         QCoreApplication::exit(exitCodeFor(result.outcome));
                     });
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, [&backfill, &signalWatcher](int) {
        if (signalWatcher.signalsReceived() == 1) {
            printInfo(
                QStringLiteral("Stopping after the page in progress is stored (interrupt again to stop at "
                               "once)…"));
            backfill.stop();
        } else {
            backfill.abort();
        }
    });

    backfill.start();
    const int code = QCoreApplication::exec();
    writer.stop();
    return code;
}

} // namespace billbridge::cli
