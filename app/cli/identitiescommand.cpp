#include "clicommon.h"
#include "store/database.h"
#include "sync/identityresolution.h"
#include "util/redact.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace billbridge::cli {

namespace {

const char* kIdentitiesUsage =
    R"(usage: billbridge-cli identities list [--conflicts] [--json] [--limit N] [--db PATH]

Lists how each Stripe customer was matched to a person in Customer.io (identity resolution):
  pending   the email lookup has not been answered yet; the customer's jobs wait for it
  new       nobody in Customer.io had the email: the person is created under the Stripe id
  merged    a lead with the email was given the Stripe id (or already had it)
  conflict  the email belongs to another person or to several: nothing was merged, jobs went out under
            the Stripe id. Settle these in Customer.io (merge or fix the people), they are never guessed.
  skipped   the lookup failed or was discarded; jobs went out under the Stripe id

Emails are masked in the table; --json prints them in full.
)";

QString when(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

int list(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromLatin1(kIdentitiesUsage));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("conflicts"), QStringLiteral("Only the customers in conflict.")});
    addJsonOption(parser, true, QStringLiteral("emails unmasked"));
    addLimitOption(parser, QStringLiteral("customers"), 200);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("'identities list' takes no positional arguments (see --help)."));
        return ExitUsage;
    }
    const std::optional<int> limit = readLimit(parser);
    if (!limit)
        return ExitUsage;
    const QString path = databasePath(parser);
    if (!QFileInfo::exists(path)) {
        printError(
            QStringLiteral("no store at %1; receive events first ('billbridge-cli serve') or pass --db")
                .arg(path));
        return ExitStore;
    }
    const bool json = jsonRequested(parser);
    try {
        store::SqliteConnection connection = store::Database::openForReading(path);
        const std::vector<sync::identity::IdentityRecord> records =
            sync::identity::listIdentities(connection, parser.isSet(QStringLiteral("conflicts")), *limit);
        if (!json)
            printOut(QStringLiteral("%1 %2 %3 %4 %5")
                         .arg(QStringLiteral("CUSTOMER"), -22)
                         .arg(QStringLiteral("STATUS"), -9)
                         .arg(QStringLiteral("EMAIL"), -24)
                         .arg(QStringLiteral("UPDATED"), -20)
                         .arg(QStringLiteral("DETAIL")));
        for (const sync::identity::IdentityRecord& record : records) {
            if (json) {
                QJsonObject object{{QStringLiteral("customer_id"), record.customerId},
                                   {QStringLiteral("email"), record.email},
                                   {QStringLiteral("status"), record.status},
                                   {QStringLiteral("updated_at"), when(record.updatedAtMs)}};
                if (!record.cioId.isEmpty())
                    object.insert(QStringLiteral("cio_id"), record.cioId);
                if (!record.detail.isEmpty())
                    object.insert(QStringLiteral("detail"), record.detail);
                printJson(object);
                continue;
            }
            printOut(QStringLiteral("%1 %2 %3 %4 %5")
                         .arg(record.customerId, -22)
                         .arg(record.status, -9)
                         .arg(util::maskEmail(record.email), -24)
                         .arg(when(record.updatedAtMs), -20)
                         .arg(record.detail));
        }
        if (!json && records.empty())
            printInfo(parser.isSet(QStringLiteral("conflicts"))
                          ? QStringLiteral("no identity conflicts")
                          : QStringLiteral("no identities resolved yet"));
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

} // namespace

int runIdentities(const QStringList& arguments)
{
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") ||
        arguments.first() == QLatin1String("-h") || arguments.first() == QLatin1String("help")) {
        std::fputs(kIdentitiesUsage, arguments.isEmpty() ? stderr : stdout);
        return arguments.isEmpty() ? ExitUsage : ExitOk;
    }
    QStringList rest = arguments;
    const QString action = rest.takeFirst();
    if (action == QLatin1String("list"))
        return list(rest);
    printError(QStringLiteral("unknown action for 'identities'; the only one is 'list'."));
    return ExitUsage;
}

} // namespace billbridge::cli
