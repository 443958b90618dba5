#include "clicommon.h"

#include "customerio/customeriocredentials.h"
#include "slack/slackwebhooks.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QDateTime>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTimeZone>

#include <cstdio>

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
    parser.addOption({QStringLiteral("since"),
                      QStringLiteral("Only events created since 30d, 12h or a date."),
                      QStringLiteral("when")});
    parser.addOption({QStringLiteral("until"),
                      QStringLiteral("Only events created before 30d, 12h ago or a date."),
                      QStringLiteral("when")});
    parser.addOption(
        {QStringLiteral("source"), QStringLiteral("webhook, poll or backfill."), QStringLiteral("source")});
}

std::optional<int> readFilterOptions(const QCommandLineParser& parser, store::EventFilter& filter)
{
    for (const QString& value : parser.values(QStringLiteral("type"))) {
        for (const QString& pattern : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!store::EventStore::isValidTypePattern(pattern.trimmed())) {
                printError(
                    QStringLiteral("'%1' is not an event type or pattern; use names like invoice.paid or "
                                   "invoice.*")
                        .arg(pattern));
                return ExitUsage;
            }
            filter.types << pattern.trimmed();
        }
    }
    filter.customerId = parser.value(QStringLiteral("customer"));
    if (parser.isSet(QStringLiteral("since"))) {
        const auto since =
            parseSince(parser.value(QStringLiteral("since")), QDateTime::currentSecsSinceEpoch());
        if (!since) {
            printError(QStringLiteral("--since takes 30d, 12h, 45m or a date such as 2026-10-01"));
            return ExitUsage;
        }
        filter.createdFrom = *since;
    }
    if (parser.isSet(QStringLiteral("until"))) {
        const auto until =
            parseSince(parser.value(QStringLiteral("until")), QDateTime::currentSecsSinceEpoch());
        if (!until) {
            printError(QStringLiteral("--until takes 30d, 12h, 45m or a date such as 2026-10-01"));
            return ExitUsage;
        }
        filter.createdTo = *until;
    }
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
