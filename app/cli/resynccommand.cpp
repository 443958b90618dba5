#include "clicommon.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "sync/resync.h"
#include "util/redact.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace billbridge::cli {

namespace {

// Long runs say how far they are, at most every two seconds, on stderr so that stdout stays the answer.
sync::Resync::Progress progressPrinter(const char* verb)
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    return [timer, verb](int done, int total) {
        if (timer->elapsed() >= 2000 && done < total) {
            printInfo(QStringLiteral("%1 %2 of %3 customers").arg(QLatin1String(verb)).arg(done).arg(total));
            timer->restart();
        }
        return true;
    };
}

// Attribute values can hold an email address; the console's logs and the CLI's output never show one whole.
QJsonValue masked(const QJsonValue& value)
{
    return value.isString() ? QJsonValue(util::maskEmailsIn(value.toString())) : value;
}

QString shown(const QJsonValue& value)
{
    if (value.isUndefined())
        return QStringLiteral("(not sent)");
    if (value.isNull())
        return QStringLiteral("null");
    if (value.isString())
        return QStringLiteral("\"%1\"").arg(util::maskEmailsIn(value.toString()));
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

QJsonObject customerJson(const sync::CustomerResync& customer)
{
    QJsonObject changes;
    for (const sync::AttributeChange& change : customer.changes())
        changes.insert(change.name,
                       QJsonObject{{QStringLiteral("before"),
                                    masked(change.before.isUndefined() ? QJsonValue() : change.before)},
                                   {QStringLiteral("after"), masked(change.after)}});
    return QJsonObject{{QStringLiteral("customer"), customer.customerId},
                       {QStringLiteral("changes"), changes}};
}

void printCustomers(const std::vector<sync::CustomerResync>& customers)
{
    for (const sync::CustomerResync& customer : customers) {
        printOut(customer.customerId);
        for (const sync::AttributeChange& change : customer.changes())
            printOut(
                QStringLiteral("  %1: %2 -> %3").arg(change.name, shown(change.before), shown(change.after)));
    }
}

QString customersText(int count)
{
    return count == 1 ? QStringLiteral("1 customer") : QStringLiteral("%1 customers").arg(count);
}

} // namespace

int runResync(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Bring Customer.io profiles in line with the current plan mappings: replay the stored events of the "
        "customers in scope, compare the attributes they give with what was last sent, and enqueue one "
        "identify per customer whose profile differs. Deleted customers are left alone."));
    addCommonOptions(parser);
    parser.addOption(
        {QStringLiteral("customer"), QStringLiteral("Re-sync this customer."), QStringLiteral("cus_…")});
    parser.addOption(
        {QStringLiteral("price"),
         QStringLiteral("Re-sync every customer whose stored events name this price (repeatable)."),
         QStringLiteral("price_…")});
    parser.addOption(
        {QStringLiteral("product"),
         QStringLiteral("Re-sync every customer whose stored events name this product (repeatable)."),
         QStringLiteral("prod_…")});
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Show what would be sent; change nothing.")});
    addJsonOption(parser, false);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(
            QStringLiteral("'resync' takes no arguments; name whom with --customer, --price or --product"));
        return ExitUsage;
    }
    const bool byCustomer = parser.isSet(QStringLiteral("customer"));
    const QStringList ids = parser.values(QStringLiteral("price")) + parser.values(QStringLiteral("product"));
    if (byCustomer == !ids.isEmpty()) {
        printError(QStringLiteral("name either one customer (--customer cus_…) or prices and products "
                                  "(--price price_…, --product prod_…)"));
        return ExitUsage;
    }
    const sync::ResyncScope scope =
        byCustomer ? sync::ResyncScope::customer(parser.value(QStringLiteral("customer")))
                   : sync::ResyncScope::ids(ids);
    for (const QString& price : parser.values(QStringLiteral("price")))
        if (!price.trimmed().startsWith(QLatin1String("price_"))) {
            printError(QStringLiteral("--price takes a price id (price_…), not '%1'").arg(price));
            return ExitUsage;
        }
    for (const QString& product : parser.values(QStringLiteral("product")))
        if (!product.trimmed().startsWith(QLatin1String("prod_"))) {
            printError(QStringLiteral("--product takes a product id (prod_…), not '%1'").arg(product));
            return ExitUsage;
        }
    if (const QString problem = scope.problem(); !problem.isEmpty()) {
        printError(problem);
        return ExitUsage;
    }

    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const bool json = jsonRequested(parser);
    const QString path = databasePath(parser);
    if (!QFileInfo::exists(path)) {
        printError(noStoreMessage(path));
        return ExitStore;
    }
    try {
        if (dryRun) {
            sync::Resync resync = sync::Resync::openForReading(path);
            const sync::ResyncPreview preview = resync.preview(scope, progressPrinter("looked at"));
            if (json) {
                QJsonArray customers;
                for (const sync::CustomerResync& customer : preview.customers)
                    customers.append(customerJson(customer));
                printJson({{QStringLiteral("scope"), scope.describe()},
                           {QStringLiteral("candidates"), preview.candidates},
                           {QStringLiteral("changed"), int(preview.customers.size())},
                           {QStringLiteral("unchanged"), preview.unchanged},
                           {QStringLiteral("deleted"), preview.deleted},
                           {QStringLiteral("never_synced"), preview.neverSynced},
                           {QStringLiteral("unreadable"), preview.unreadable},
                           {QStringLiteral("customers"), customers}});
            } else {
                printCustomers(preview.customers);
                printOut(QStringLiteral("%1 to re-sync, %2 unchanged, %3 deleted (skipped), %4 never synced")
                             .arg(customersText(int(preview.customers.size())))
                             .arg(preview.unchanged)
                             .arg(preview.deleted)
                             .arg(preview.neverSynced));
            }
            if (preview.candidates == 0)
                printInfo(byCustomer ? QStringLiteral("no stored events for %1; check the id with 'events "
                                                      "list --customer'")
                                           .arg(scope.customerId)
                                     : QStringLiteral("no stored subscription or invoice event names %1")
                                           .arg(scope.describe()));
            printInfo(QStringLiteral("dry run: nothing was enqueued"));
            return ExitOk;
        }

        sync::Resync resync = sync::Resync::openForWriting(path);
        store::AuditLog audit = store::AuditLog::open(path);
        const sync::ResyncResult result = resync.apply(scope, audit, progressPrinter("re-synced"));
        if (json) {
            QJsonArray customers;
            for (const sync::CustomerResync& customer : result.customers)
                customers.append(customerJson(customer));
            printJson({{QStringLiteral("scope"), scope.describe()},
                       {QStringLiteral("candidates"), result.candidates},
                       {QStringLiteral("jobs"), result.jobsEnqueued},
                       {QStringLiteral("customers"), customers}});
        } else {
            printCustomers(result.customers);
            printOut(QStringLiteral("enqueued %1 identify %2 (%3 looked at)")
                         .arg(result.jobsEnqueued)
                         .arg(result.jobsEnqueued == 1 ? QStringLiteral("job") : QStringLiteral("jobs"))
                         .arg(customersText(result.candidates)));
        }
        if (result.candidates == 0)
            printInfo(byCustomer ? QStringLiteral(
                                       "no stored events for %1; check the id with 'events list --customer'")
                                       .arg(scope.customerId)
                                 : QStringLiteral("no stored subscription or invoice event names %1")
                                       .arg(scope.describe()));
        else if (result.jobsEnqueued == 0)
            printInfo(QStringLiteral("every profile already says what it should; nothing was enqueued"));
    } catch (const store::StoreError& error) {
        printError(
            QStringLiteral("%1; nothing more was enqueued. Run the command again once the store can be "
                           "written.")
                .arg(error.message()));
        return ExitStore;
    }
    return ExitOk;
}

} // namespace billbridge::cli
