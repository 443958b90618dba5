#include "clicommon.h"

#include "customerio/customeriocredentials.h"
#include "slack/slackwebhooks.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTimeZone>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace billbridge::cli {

void printError(const QString& message)
{
    std::fprintf(stderr, "billbridge-cli: error: %s\n", message.toLocal8Bit().constData());
    std::fflush(stderr);
}

void printInfo(const QString& message)
{
    std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
    std::fflush(stderr);
}

void printOut(const QString& line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
}

void printJson(const QJsonObject& object)
{
    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void addCommonOptions(QCommandLineParser& parser)
{
    parser.addHelpOption();
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("Store file to use (default: $BILLBRIDGE_DB, else %1).")
                          .arg(store::Database::defaultPath()),
                      QStringLiteral("path")});
}

std::optional<int> parseOrExit(QCommandLineParser& parser, const QStringList& arguments)
{
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("billbridge-cli"));
    if (!parser.parse(withProgram)) {
        printError(parser.errorText() + QStringLiteral(" (see --help)"));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitOk;
    }
    return std::nullopt;
}

QString databasePath(const QCommandLineParser& parser)
{
    return store::Database::resolvePath(parser.value(QStringLiteral("db")));
}

QString noStoreMessage(const QString& path)
{
    return QStringLiteral("there is no store at %1; check --db or BILLBRIDGE_DB")
        .arg(QDir::toNativeSeparators(path));
}

void requireStore(const QString& path)
{
    if (!QFileInfo::exists(path))
        throw store::StoreError(noStoreMessage(path));
}

void addJsonOption(QCommandLineParser& parser, bool perLine, const QString& note)
{
    QString help =
        perLine ? QStringLiteral("Print one JSON object per line") : QStringLiteral("Print one JSON object");
    if (!note.isEmpty())
        help += QStringLiteral(", ") + note;
    parser.addOption({QStringLiteral("json"), help + QLatin1Char('.')});
}

bool jsonRequested(const QCommandLineParser& parser)
{
    return parser.isSet(QStringLiteral("json"));
}

void addLimitOption(QCommandLineParser& parser, const QString& what, int defaultLimit)
{
    parser.addOption({QStringLiteral("limit"),
                      QStringLiteral("At most this many %1 (default %2).").arg(what).arg(defaultLimit),
                      QStringLiteral("n"), QString::number(defaultLimit)});
}

std::optional<int> readLimit(const QCommandLineParser& parser)
{
    return readPositiveNumber(parser, QStringLiteral("limit"));
}

std::optional<int> readPositiveNumber(const QCommandLineParser& parser, const QString& option)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < 1) {
        printError(QStringLiteral("--%1 takes a whole number of at least 1").arg(option));
        return std::nullopt;
    }
    return value;
}

void addTimeRangeOptions(QCommandLineParser& parser, const QString& what)
{
    parser.addOption({QStringLiteral("since"),
                      QStringLiteral("Only %1 since 30d, 12h, 45m ago or a date.").arg(what),
                      QStringLiteral("when")});
    parser.addOption({QStringLiteral("until"),
                      QStringLiteral("Only %1 before 30d, 12h, 45m ago or a date.").arg(what),
                      QStringLiteral("when")});
}

std::optional<int> readTimeRange(const QCommandLineParser& parser, TimeRange& range)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const char* name : {"since", "until"}) {
        const QString option = QLatin1String(name);
        if (!parser.isSet(option))
            continue;
        const auto seconds = parseSince(parser.value(option), now);
        if (!seconds) {
            printError(QStringLiteral("--%1 takes 30d, 12h, 45m or a date such as 2026-10-01").arg(option));
            return ExitUsage;
        }
        (option == QLatin1String("since") ? range.since : range.until) = *seconds;
    }
    return std::nullopt;
}

QStringList listValues(const QStringList& values)
{
    QStringList parts;
    for (const QString& value : values) {
        for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString trimmed = part.trimmed();
            if (!trimmed.isEmpty())
                parts.append(trimmed);
        }
    }
    return parts;
}

bool stdinIsTerminal()
{
#ifdef Q_OS_UNIX
    return ::isatty(STDIN_FILENO) == 1;
#else
    return false;
#endif
}

void addFilterOptions(QCommandLineParser& parser)
{
    parser.addOption(
        {QStringLiteral("type"),
         QStringLiteral("Event type or pattern such as invoice.* (repeatable, comma-separated)."),
         QStringLiteral("type")});
    parser.addOption({QStringLiteral("customer"), QStringLiteral("Only events of this customer (cus_…)."),
                      QStringLiteral("id")});
    parser.addOption({QStringLiteral("email"),
                      QStringLiteral("Only events of the customer with this email address (any case)."),
                      QStringLiteral("address")});
    parser.addOption({QStringLiteral("search"),
                      QStringLiteral("Only events whose payload text contains every word (a trailing * "
                                     "matches a prefix). Covers events the full-text index has reached."),
                      QStringLiteral("text")});
    addTimeRangeOptions(parser, QStringLiteral("events created"));
    parser.addOption(
        {QStringLiteral("source"), QStringLiteral("webhook, poll or backfill."), QStringLiteral("source")});
}

std::optional<int> readFilterOptions(const QCommandLineParser& parser, store::EventFilter& filter)
{
    for (const QString& pattern : listValues(parser.values(QStringLiteral("type")))) {
        if (!store::EventStore::isValidTypePattern(pattern)) {
            printError(QStringLiteral("'%1' is not an event type or pattern; use names like invoice.paid or "
                                      "invoice.*")
                           .arg(pattern));
            return ExitUsage;
        }
        filter.types << pattern;
    }
    filter.customerId = parser.value(QStringLiteral("customer"));
    TimeRange created;
    if (const auto exit = readTimeRange(parser, created))
        return *exit;
    filter.createdFrom = created.since;
    filter.createdTo = created.until;
    filter.customerEmail = parser.value(QStringLiteral("email")).trimmed();
    filter.text = parser.value(QStringLiteral("search"));
    if (parser.isSet(QStringLiteral("source"))) {
        filter.source = store::eventSourceFromString(parser.value(QStringLiteral("source")));
        if (!filter.source) {
            printError(QStringLiteral("--source takes webhook, poll or backfill"));
            return ExitUsage;
        }
    }
    return std::nullopt;
}

std::optional<qint64> parseSince(const QString& text, qint64 nowSeconds)
{
    static const QRegularExpression relative(QStringLiteral("^(\\d+)([dhm])$"));
    const auto match = relative.match(text.trimmed());
    if (match.hasMatch()) {
        const qint64 amount = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0);
        const qint64 scale = unit == QLatin1Char('d') ? 86400 : unit == QLatin1Char('h') ? 3600 : 60;
        return nowSeconds - amount * scale;
    }
    QDateTime when = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!when.isValid())
        return std::nullopt;
    if (when.timeSpec() == Qt::LocalTime && !text.contains(QLatin1Char('T')))
        when.setTimeZone(QTimeZone::utc());
    return when.toSecsSinceEpoch();
}

DeliverySetup deliverySetup(const QString& storePath, secrets::SecretStore* keychainOrNull)
{
    DeliverySetup setup;
    const customerio::CustomerIoCredentialsLoad load = customerio::loadCustomerIoCredentials(keychainOrNull);
    setup.problems = load.problems;
    setup.credentialsOrigin = load.siteIdOrigin;
    setup.regionOrigin = load.regionOrigin;
    if (!load.isComplete()) {
        if (!load.missing().isEmpty())
            setup.problems.append(customerio::missingCustomerIoCredentialsMessage(load));
        setup.exitCode = ExitConfiguration;
        return setup;
    }
    const customerio::CustomerIoEndpoints endpoints = customerio::CustomerIoEndpoints::resolve(load.region);
    for (const QString& problem : {endpoints.validateTrack(), endpoints.validateApp()})
        if (!problem.isEmpty())
            setup.problems.append(problem);
    if (!setup.problems.isEmpty()) {
        setup.exitCode = ExitConfiguration;
        return setup;
    }
    delivery::DeliveryConfig config;
    config.databasePath = storePath;
    config.endpoints = endpoints;
    config.credentials = load.credentials;
    config.limits = delivery::DeliveryLimits::fromSettings();
    // Slack webhooks are optional: a problem with one is reported here, and only the posts naming it fail.
    const slack::SlackWebhooksLoad slackWebhooks =
        slack::loadSlackWebhooks(keychainOrNull, QProcessEnvironment::systemEnvironment());
    config.slackWebhooks = slackWebhooks.urls();
    for (const QString& problem : slackWebhooks.problems)
        printInfo(QStringLiteral("Slack: ") + problem);
    setup.config = config;
    return setup;
}

} // namespace billbridge::cli
