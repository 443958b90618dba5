#pragma once

#include "delivery/deliveryservice.h"
#include "store/eventfilter.h"

#include <QCommandLineParser>
#include <QJsonObject>
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
// One compact JSON object as one line on stdout: what --json prints.
void printJson(const QJsonObject& object);

// Adds the options every command accepts (--db).
void addCommonOptions(QCommandLineParser& parser);
// Parses `arguments` (argv without the command words); on failure prints the reason and returns the
// exit code to leave with.
std::optional<int> parseOrExit(QCommandLineParser& parser, const QStringList& arguments);
QString databasePath(const QCommandLineParser& parser);
// "there is no store at PATH; check --db or BILLBRIDGE_DB"
QString noStoreMessage(const QString& path);
// Changes (and reads that must not create a file) never create a store: a mistyped --db would otherwise act
// on a fresh, empty file. Throws StoreError with noStoreMessage() when there is no file at `path`.
void requireStore(const QString& path);

// The readers below print what is wrong with a value and return nullopt (or the exit code to leave with).

// --json; `perLine` for commands that print one object per listed item. `note` ends the help text, e.g.
// "with the hashes".
void addJsonOption(QCommandLineParser& parser, bool perLine, const QString& note = {});
bool jsonRequested(const QCommandLineParser& parser);

// --limit N, "At most this many <what> (default N)."
void addLimitOption(QCommandLineParser& parser, const QString& what, int defaultLimit);
std::optional<int> readLimit(const QCommandLineParser& parser);
// The value of --<option> as a whole number of at least 1.
std::optional<int> readPositiveNumber(const QCommandLineParser& parser, const QString& option);

// --since and --until, as 30d, 12h, 45m (ago) or a date; `what` names the rows, e.g. "jobs changed".
void addTimeRangeOptions(QCommandLineParser& parser, const QString& what);
// Unix seconds; unset options stay nullopt.
struct TimeRange {
    std::optional<qint64> since;
    std::optional<qint64> until;

    std::optional<qint64> sinceMs() const
    {
        return since ? std::optional<qint64>(*since * 1000) : std::nullopt;
    }
    std::optional<qint64> untilMs() const
    {
        return until ? std::optional<qint64>(*until * 1000) : std::nullopt;
    }
};
std::optional<int> readTimeRange(const QCommandLineParser& parser, TimeRange& range);

// Repeatable, comma-separated values ("--state dead,needs_review --state pending", "12,13 14"): the trimmed,
// non-empty parts in order.
QStringList listValues(const QStringList& values);

// Whether standard input is a terminal that can answer a question. Never on systems without isatty: there,
// answers and secrets come from standard input only.
bool stdinIsTerminal();

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
