#include "campaigns/campaigncatalog.h"
#include "campaigns/manualsend.h"
#include "clicommon.h"
#include "customerio/customeriocredentials.h"
#include "secrets/keychainsecretstore.h"
#include "store/sqlite.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <string>

namespace billbridge::cli {

namespace {

using campaigns::ManualSend;

// A data file larger than the largest payload Customer.io takes (a broadcast trigger, 25 MB) cannot be sent
// whatever it holds; reading stops there rather than filling memory.
constexpr qint64 kMaxDataFileBytes = campaigns::limits::kBroadcastPayloadBytes + 1;

QString isoDate(std::int64_t unixSeconds)
{
    if (unixSeconds <= 0)
        return QStringLiteral("-");
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(Qt::ISODate);
}

QJsonArray entriesJson(const QList<campaigns::CatalogEntry>& entries)
{
    QJsonArray array;
    for (const campaigns::CatalogEntry& entry : entries) {
        QJsonObject object{{QStringLiteral("id"), entry.id}, {QStringLiteral("name"), entry.name}};
        if (!entry.description.isEmpty())
            object.insert(QStringLiteral("description"), entry.description);
        if (entry.updatedAt > 0)
            object.insert(QStringLiteral("updated_at"), qint64(entry.updatedAt));
        array.append(object);
    }
    return array;
}

int exitCodeFor(const customerio::CustomerIoError& error)
{
    switch (error.kind) {
    case customerio::CustomerIoErrorKind::Unauthorized:
    case customerio::CustomerIoErrorKind::WrongRegion:
        return ExitAuthentication;
    case customerio::CustomerIoErrorKind::NotSent:
        return ExitConfiguration;
    default:
        return ExitFailure;
    }
}

int list(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List the workspace's transactional messages and broadcasts (App API). Credentials "
                       "come from CUSTOMERIO_APP_API_KEY, else the keychain; the region from "
                       "CUSTOMERIO_REGION, else the Connections setting."));
    addCommonOptions(parser);
    addJsonOption(parser, false);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("'campaign list' takes no arguments"));
        return ExitUsage;
    }

    secrets::KeychainSecretStore keychain;
    const customerio::CustomerIoCredentialsLoad load = customerio::loadCustomerIoCredentials(&keychain);
    for (const QString& problem : load.problems)
        printError(problem);
    if (load.credentials.appApiKey.trimmed().isEmpty()) {
        printError(
            QStringLiteral("no Customer.io App API key: set CUSTOMERIO_APP_API_KEY or add the App API key "
                           "in the console's Connections dialog"));
        return ExitConfiguration;
    }
    if (!load.problems.isEmpty())
        return ExitConfiguration;
    const customerio::CustomerIoEndpoints endpoints = customerio::CustomerIoEndpoints::resolve(load.region);
    if (const QString problem = endpoints.validateApp(); !problem.isEmpty()) {
        printError(problem);
        return ExitConfiguration;
    }

    campaigns::CampaignCatalogLoader loader(endpoints, load.credentials);
    QEventLoop loop;
    QObject::connect(&loader, &campaigns::CampaignCatalogLoader::finished, &loop, &QEventLoop::quit);
    loader.load();
    loop.exec();
    const campaigns::CampaignCatalog catalog = loader.catalog();

    int exitCode = ExitOk;
    for (const campaigns::CatalogList* failed : {&catalog.transactional, &catalog.broadcasts}) {
        if (failed->ok())
            continue;
        printError(QStringLiteral("%1: %2").arg(failed == &catalog.transactional
                                                    ? QStringLiteral("transactional messages")
                                                    : QStringLiteral("broadcasts"),
                                                failed->message));
        if (exitCode == ExitOk)
            exitCode = exitCodeFor(*failed->error);
    }

    if (jsonRequested(parser)) {
        QJsonObject object{{QStringLiteral("transactional"), entriesJson(catalog.transactional.entries)},
                           {QStringLiteral("broadcasts"), entriesJson(catalog.broadcasts.entries)}};
        QJsonObject errors;
        if (!catalog.transactional.ok())
            errors.insert(QStringLiteral("transactional"), catalog.transactional.message);
        if (!catalog.broadcasts.ok())
            errors.insert(QStringLiteral("broadcasts"), catalog.broadcasts.message);
        if (!errors.isEmpty())
            object.insert(QStringLiteral("errors"), errors);
        printJson(object);
        return exitCode;
    }

    const QString row = QStringLiteral("%1  %2  %3  %4");
    printOut(row.arg(QStringLiteral("KIND"), -13)
                 .arg(QStringLiteral("ID"), -8)
                 .arg(QStringLiteral("UPDATED"), -20)
                 .arg(QStringLiteral("NAME")));
    const auto print = [&row](const QString& kind, const campaigns::CatalogList& list) {
        for (const campaigns::CatalogEntry& entry : list.entries)
            printOut(row.arg(kind, -13).arg(entry.id, -8).arg(isoDate(entry.updatedAt), -20).arg(entry.name));
    };
    print(QStringLiteral("transactional"), catalog.transactional);
    print(QStringLiteral("broadcast"), catalog.broadcasts);
    if (catalog.transactional.entries.isEmpty() && catalog.broadcasts.entries.isEmpty() && catalog.ok())
        printInfo(QStringLiteral("The workspace has no transactional messages or broadcasts yet."));
    return exitCode;
}

// The JSON object in FILE, or on standard input for "-". nullopt, with the reason printed, otherwise.
std::optional<QJsonObject> readData(const QString& source)
{
    QFile file;
    const bool standardInput = source == QLatin1String("-");
    const QString name = standardInput ? QStringLiteral("standard input") : QDir::toNativeSeparators(source);
    if (standardInput) {
        if (!file.open(stdin, QIODevice::ReadOnly)) {
            printError(QStringLiteral("cannot read the data from standard input"));
            return std::nullopt;
        }
    } else {
        file.setFileName(source);
        if (!file.open(QIODevice::ReadOnly)) {
            printError(QStringLiteral("cannot read the data file %1: %2").arg(name, file.errorString()));
            return std::nullopt;
        }
    }
    const QByteArray bytes = file.read(kMaxDataFileBytes);
    if (bytes.size() >= kMaxDataFileBytes) {
        printError(QStringLiteral("the data in %1 is larger than %2 bytes, more than any Customer.io message "
                                  "accepts; make it smaller")
                       .arg(name)
                       .arg(kMaxDataFileBytes - 1));
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        printError(QStringLiteral("the data in %1 is not valid JSON: %2 at byte %3")
                       .arg(name, error.errorString())
                       .arg(error.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        printError(QStringLiteral("the data in %1 must be a JSON object such as {\"coupon\":\"SPRING\"}, not "
                                  "a list or a single value")
                       .arg(name));
        return std::nullopt;
    }
    return document.object();
}

// Prints the requests exactly as they will be queued.
void printPreview(const ManualSend& send)
{
    const QList<campaigns::PreviewRequest> preview = send.preview();
    for (int i = 0; i < preview.size(); ++i) {
        const campaigns::PreviewRequest& request = preview.at(i);
        printOut(QStringLiteral("# %1 of %2%3")
                     .arg(i + 1)
                     .arg(preview.size())
                     .arg(request.customerId.isEmpty()
                              ? QString()
                              : QStringLiteral(" (customer %1)").arg(request.customerId)));
        printOut(QStringLiteral("%1 %2").arg(request.method, request.target));
        printOut(request.prettyBody);
    }
}

int sendOrTrigger(const QStringList& arguments, ManualSend::Kind kind)
{
    const bool broadcast = kind == ManualSend::Kind::Broadcast;
    const QString command = broadcast ? QStringLiteral("campaign trigger") : QStringLiteral("campaign send");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        broadcast
            ? QStringLiteral("Queue one trigger of an API-triggered broadcast. With --customer, only those "
                             "customers (by id) receive it; without, the audience set up in Customer.io.")
            : QStringLiteral("Queue a transactional message, one job per customer. The address is the "
                             "customer's email as the store knows it, unless --to gives one."));
    addCommonOptions(parser);
    if (broadcast)
        parser.addOption(
            {QStringLiteral("broadcast"), QStringLiteral("The broadcast's id."), QStringLiteral("id")});
    else
        parser.addOption({QStringLiteral("transactional"),
                          QStringLiteral("The transactional message's id or trigger name."),
                          QStringLiteral("id")});
    parser.addOption(
        {QStringLiteral("customer"),
         QStringLiteral("A Stripe customer id (cus_…), which is the Customer.io id; repeatable."),
         QStringLiteral("id")});
    if (!broadcast)
        parser.addOption({QStringLiteral("to"),
                          QStringLiteral("Send to this address instead of each customer's own."),
                          QStringLiteral("email")});
    parser.addOption({QStringLiteral("data"),
                      broadcast
                          ? QStringLiteral("A JSON object file for the trigger's data ('-': standard input).")
                          : QStringLiteral("A JSON object file for message_data ('-': standard input)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Print the exact requests; queue nothing.")});
    parser.addOption({QStringLiteral("yes"), QStringLiteral("Queue without asking.")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("'%1' takes no arguments besides its options").arg(command));
        return ExitUsage;
    }

    ManualSend send;
    send.kind = kind;
    send.messageId = parser.value(broadcast ? QStringLiteral("broadcast") : QStringLiteral("transactional"));
    if (send.messageId.trimmed().isEmpty()) {
        printError(broadcast ? QStringLiteral("say which broadcast with --broadcast ID (see 'billbridge-cli "
                                              "campaign list')")
                             : QStringLiteral("say which message with --transactional ID (see "
                                              "'billbridge-cli campaign list')"));
        return ExitUsage;
    }
    const QStringList customers = listValues(parser.values(QStringLiteral("customer")));
    if (!broadcast && customers.isEmpty()) {
        printError(QStringLiteral("say who gets the message with --customer cus_… (repeatable)"));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("data"))) {
        const auto data = readData(parser.value(QStringLiteral("data")));
        if (!data)
            return ExitUsage;
        send.data = *data;
    }
    if (!broadcast)
        send.toOverride = parser.value(QStringLiteral("to")).trimmed();

    const QString path = databasePath(parser);
    const bool storeExists = QFileInfo::exists(path);
    // Addresses come from the store; a broadcast addresses people by id only.
    if (!broadcast && send.toOverride.isEmpty() && storeExists)
        send.recipients = campaigns::resolveRecipients(path, customers);
    else
        send.recipients = campaigns::resolveRecipients(QString(), customers);

    const QStringList problems = send.problems();
    if (!problems.isEmpty()) {
        for (const QString& problem : problems)
            printError(problem);
        return ExitUsage;
    }

    if (parser.isSet(QStringLiteral("dry-run"))) {
        printPreview(send);
        printInfo(QStringLiteral("Dry run: nothing was queued (%1).").arg(send.summary()));
        return ExitOk;
    }
    if (!storeExists) {
        printError(noStoreMessage(path));
        return ExitStore;
    }

    if (!parser.isSet(QStringLiteral("yes"))) {
        if (!stdinIsTerminal()) {
            printError(QStringLiteral("not asking for confirmation without a terminal: add --yes to queue %1")
                           .arg(send.summary()));
            return ExitUsage;
        }
        const int jobs = int(send.requests().size());
        std::fprintf(stderr, "%s",
                     QStringLiteral("Queue %1 (%2 job(s))? [y/N] ")
                         .arg(send.summary())
                         .arg(jobs)
                         .toLocal8Bit()
                         .constData());
        std::fflush(stderr);
        std::string answer;
        if (!std::getline(std::cin, answer) ||
            !QString::fromLocal8Bit(answer.data(), qsizetype(answer.size()))
                 .trimmed()
                 .startsWith(u'y', Qt::CaseInsensitive)) {
            printInfo(QStringLiteral("Nothing was queued."));
            return ExitFailure;
        }
    }

    try {
        const campaigns::EnqueuedSend result = send.enqueue(path);
        QStringList ids;
        for (std::int64_t id : result.jobIds)
            ids.append(QString::number(id));
        printOut(QStringLiteral("Queued %1: job %2").arg(send.summary(), ids.join(QStringLiteral(", "))));
        printInfo(
            QStringLiteral("'billbridge-cli queue work' or 'serve' sends them; 'billbridge-cli queue show "
                           "ID' shows each one."));
        return ExitOk;
    } catch (const store::StoreError& error) {
        printError(QStringLiteral("nothing was queued: %1").arg(error.message()));
        return ExitStore;
    } catch (const std::invalid_argument& error) {
        printError(QString::fromStdString(error.what()));
        return ExitUsage;
    }
}

} // namespace

int runCampaign(const QStringList& arguments)
{
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") ||
        arguments.first() == QLatin1String("-h")) {
        const QString usage =
            QStringLiteral("usage: billbridge-cli campaign list [--json]\n"
                           "       billbridge-cli campaign send --transactional ID --customer cus_… "
                           "[--customer …] [--to EMAIL] [--data FILE.json|-] [--dry-run] [--yes]\n"
                           "       billbridge-cli campaign trigger --broadcast ID [--customer …] "
                           "[--data FILE.json|-] [--dry-run] [--yes]");
        if (arguments.isEmpty()) {
            printError(usage);
            return ExitUsage;
        }
        printOut(usage);
        return ExitOk;
    }
    QStringList rest = arguments;
    const QString sub = rest.takeFirst();
    if (sub == QLatin1String("list"))
        return list(rest);
    if (sub == QLatin1String("send"))
        return sendOrTrigger(rest, ManualSend::Kind::Transactional);
    if (sub == QLatin1String("trigger"))
        return sendOrTrigger(rest, ManualSend::Kind::Broadcast);
    printError(QStringLiteral("unknown 'campaign' command '%1'; use list, send or trigger").arg(sub));
    return ExitUsage;
}

} // namespace billbridge::cli
