#pragma once

#include "delivery/deliveryservice.h"
#include "store/eventfilter.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace billbridge::secrets {
class SecretStore;
}

namespace billbridge::cli {

// Exit codes are part of the CLI's contract (README, "Exit codes").
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,        // the work failed at run time (network gave up, Stripe error)
    ExitUsage = 2,          // wrong arguments
    ExitConfiguration = 3,  // missing or malformed credentials, keychain unavailable
    ExitAuthentication = 4, // Stripe rejected the key or it lacks a permission
    ExitStore = 5,          // the store cannot be opened or written
    ExitInterrupted = 130,  // stopped by SIGINT/SIGTERM before the work was complete (resumable)
};

// Writes one line to stderr, prefixed so scripts can tell our messages from others.
void printError(const QString& message);
void printInfo(const QString& message);
void printOut(const QString& line);

// Adds the options every command accepts (--db).
void addCommonOptions(QCommandLineParser& parser);
// Parses `arguments` (argv without the command words); on failure prints the reason and returns the
// exit code to leave with.
std::optional<int> parseOrExit(QCommandLineParser& parser, const QStringList& arguments);
QString databasePath(const QCommandLineParser& parser);

// The event filter options shared by 'events list' and 'events export' (--type, --customer, --email,
// --search, --since, --until, --source).
void addFilterOptions(QCommandLineParser& parser);
// Fills `filter` from those options; on a bad value prints the reason and returns the exit code.
std::optional<int> readFilterOptions(const QCommandLineParser& parser, store::EventFilter& filter);

// "30d", "12h", "2026-10-01", "2026-10-01T12:00:00Z" -> Unix seconds; nullopt when unreadable.
std::optional<qint64> parseSince(const QString& text, qint64 nowSeconds);

// What a process needs to deliver the job queue at `storePath`: Customer.io credentials (environment over
// keychain), region and endpoints. On failure `config` is empty, `problems` say why in words an operator can
// act on (one per line) and `exitCode` is the code to leave with.
struct DeliverySetup {
    std::optional<delivery::DeliveryConfig> config;
    QStringList problems;
    int exitCode = 0;
    QString credentialsOrigin; // "environment (CUSTOMERIO_SITE_ID)", "keychain"
    QString regionOrigin;
};
DeliverySetup deliverySetup(const QString& storePath, secrets::SecretStore* keychainOrNull);

// A subcommand receives the arguments after its name.
int runServe(const QStringList& arguments);
int runBackfill(const QStringList& arguments);
int runEvents(const QStringList& arguments);
int runEventsExport(const QStringList& arguments);
int runStats(const QStringList& arguments);
int runConnections(const QStringList& arguments);
int runDemo(const QStringList& arguments);
int runQueue(const QStringList& arguments);
int runQueueWork(const QStringList& arguments);
int runMappings(const QStringList& arguments);
int runRules(const QStringList& arguments);
int runCampaign(const QStringList& arguments);
int runAudit(const QStringList& arguments);
int runResync(const QStringList& arguments);
int runIdentities(const QStringList& arguments);

} // namespace billbridge::cli
