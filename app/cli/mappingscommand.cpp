#include "clicommon.h"
#include "store/database.h"
#include "store/mappingcsv.h"
#include "store/mappingstore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>

namespace billbridge::cli {

namespace {

using store::MappingStore;
using store::PlanMapping;

MappingStore openForReading(const QString& path)
{
    return MappingStore(store::Database::openForReading(path));
}

// Changes never create a store: a mistyped --db would otherwise hold the operator's mappings in a fresh file
// that nothing reads.
MappingStore openForChanges(const QString& path)
{
    requireStore(path);
    return MappingStore::open(path);
}

QString orDash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

// "Business (pro, monthly)" for the preview and confirmations.
QString describe(const PlanMapping& mapping)
{
    QStringList extras;
    if (!mapping.tier.isEmpty())
        extras << QStringLiteral("tier %1").arg(mapping.tier);
    if (!mapping.intervalLabel.isEmpty())
        extras << QStringLiteral("interval %1").arg(mapping.intervalLabel);
    const QString name = QStringLiteral("\"%1\"").arg(mapping.planName);
    return extras.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, extras.join(QStringLiteral(", ")));
}

QString differences(const PlanMapping& before, const PlanMapping& after)
{
    QStringList parts;
    auto compare = [&](const char* label, const QString& from, const QString& to) {
        if (from != to)
            parts << QStringLiteral("%1 %2 -> %3")
                         .arg(QLatin1String(label),
                              from.isEmpty() ? QStringLiteral("(none)") : QStringLiteral("\"%1\"").arg(from),
                              to.isEmpty() ? QStringLiteral("(none)") : QStringLiteral("\"%1\"").arg(to));
    };
    compare("name", before.planName, after.planName);
    compare("tier", before.tier, after.tier);
    compare("interval", before.intervalLabel, after.intervalLabel);
    compare("note", before.note, after.note);
    return parts.join(QStringLiteral("; "));
}

int list(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List the plan mappings: which plan name, tier and interval label a Stripe price or "
                       "product stands for. A price's own mapping wins over its product's."));
    addCommonOptions(parser);
    parser.addOption(
        {QStringLiteral("search"),
         QStringLiteral("Only mappings whose id, plan name or tier contains this text (any case)."),
         QStringLiteral("text")});
    addJsonOption(parser, true);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("'mappings list' takes no arguments; to search, use --search TEXT"));
        return ExitUsage;
    }
    try {
        MappingStore mappings = openForReading(databasePath(parser));
        const auto found = mappings.list(parser.value(QStringLiteral("search")));
        if (jsonRequested(parser)) {
            for (const PlanMapping& mapping : found)
                printJson(mapping.toJson());
            return ExitOk;
        }
        if (found.empty()) {
            printInfo(
                parser.isSet(QStringLiteral("search"))
                    ? QStringLiteral("no mapping matches; 'mappings list' shows them all")
                    : QStringLiteral("no mappings yet; add one with 'mappings set' or 'mappings import', "
                                     "and see 'mappings unmapped' for the prices that need one"));
            return ExitOk;
        }
        printOut(QStringLiteral("%1  %2  %3  %4  %5  %6")
                     .arg(QStringLiteral("STRIPE_ID").leftJustified(32),
                          QStringLiteral("KIND").leftJustified(7), QStringLiteral("PLAN").leftJustified(28),
                          QStringLiteral("TIER").leftJustified(12),
                          QStringLiteral("INTERVAL").leftJustified(10), QStringLiteral("NOTE")));
        for (const PlanMapping& mapping : found)
            printOut(QStringLiteral("%1  %2  %3  %4  %5  %6")
                         .arg(mapping.stripeId.leftJustified(32), toString(mapping.kind).leftJustified(7),
                              mapping.planName.leftJustified(28), orDash(mapping.tier).leftJustified(12),
                              orDash(mapping.intervalLabel).leftJustified(10), orDash(mapping.note)));
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

int exportMappings(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write the plan mappings as CSV (stripe_id,plan_name,tier,interval_label,note), to "
                       "standard output or "
                       "to a file. 'mappings import' reads the same format."));
    addCommonOptions(parser);
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("The file to write (default: standard output)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("force"), QStringLiteral("Replace the output file if it exists.")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(
            QStringLiteral("'mappings export' takes no positional arguments; give the file with -o FILE"));
        return ExitUsage;
    }
    const QString outputPath = parser.value(QStringLiteral("output"));
    const QFileInfo output(outputPath);
    if (!outputPath.isEmpty()) {
        if (output.isDir()) {
            printError(QStringLiteral("%1 is a folder; give a file name such as %2")
                           .arg(outputPath, QDir(outputPath).filePath(QStringLiteral("mappings.csv"))));
            return ExitUsage;
        }
        if (output.exists() && !parser.isSet(QStringLiteral("force"))) {
            printError(QStringLiteral("%1 already exists; choose another file or add --force to replace it")
                           .arg(outputPath));
            return ExitUsage;
        }
    }
    QByteArray csv;
    std::size_t count = 0;
    try {
        MappingStore mappings = openForReading(databasePath(parser));
        // By id rather than by name, so that a file kept in version control shows a rename as one changed
        // line instead of a move.
        auto all = mappings.list();
        std::sort(all.begin(), all.end(),
                  [](const PlanMapping& a, const PlanMapping& b) { return a.stripeId < b.stripeId; });
        count = all.size();
        csv = store::MappingCsv::exportCsv(all);
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    if (outputPath.isEmpty()) {
        std::fwrite(csv.constData(), 1, static_cast<std::size_t>(csv.size()), stdout);
        std::fflush(stdout);
        return ExitOk;
    }
    // QSaveFile: an interrupted or failed write leaves no half file behind, and an existing one untouched.
    QSaveFile file(outputPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        printError(QStringLiteral("cannot write %1: %2").arg(outputPath, file.errorString()));
        return ExitFailure;
    }
    printInfo(QStringLiteral("exported %1 to %2")
                  .arg(count == 1 ? QStringLiteral("1 mapping") : QStringLiteral("%1 mappings").arg(count),
                       QDir::toNativeSeparators(output.absoluteFilePath())));
    return ExitOk;
}

void printPreview(const store::MappingImportPreview& preview)
{
    for (const PlanMapping& mapping : preview.added)
        printOut(QStringLiteral("add     %1  %2").arg(mapping.stripeId, describe(mapping)));
    for (const store::MappingChange& change : preview.changed)
        printOut(QStringLiteral("change  %1  %2")
                     .arg(change.after.stripeId, differences(change.before, change.after)));
    for (const PlanMapping& mapping : preview.removed)
        printOut(QStringLiteral("remove  %1  %2").arg(mapping.stripeId, describe(mapping)));
    printOut(QStringLiteral("%1 to add, %2 to change, %3 to remove, %4 unchanged")
                 .arg(preview.added.size())
                 .arg(preview.changed.size())
                 .arg(preview.removed.size())
                 .arg(preview.unchanged.size()));
}

int importMappings(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Add or update plan mappings from a CSV file with the header stripe_id,plan_name,tier,interval_label,"
        "note (only stripe_id and plan_name are required). Prints what would be added, changed and removed; "
        "a file with any bad line changes nothing."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The CSV file to read."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Show what would change; change nothing.")});
    parser.addOption(
        {QStringLiteral("replace"), QStringLiteral("Also remove the mappings that the file does not list.")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("'mappings import' needs exactly one CSV file"));
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        return ExitUsage;
    }
    const store::MappingCsvParse parsed = store::MappingCsv::parse(file.readAll());
    if (!parsed.ok()) {
        for (const store::MappingCsvError& error : parsed.errors)
            printError(error.line > 0
                           ? QStringLiteral("%1:%2: %3").arg(path, QString::number(error.line), error.message)
                           : QStringLiteral("%1: %2").arg(path, error.message));
        printError(QStringLiteral("%1 in %2; nothing was imported. Fix them and import again.")
                       .arg(parsed.errors.size() == 1
                                ? QStringLiteral("1 bad line")
                                : QStringLiteral("%1 bad lines").arg(parsed.errors.size()))
                       .arg(path));
        return ExitUsage;
    }
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const bool replace = parser.isSet(QStringLiteral("replace"));
    const QString storePath = databasePath(parser);
    try {
        MappingStore mappings = dryRun ? openForReading(storePath) : openForChanges(storePath);
        const store::MappingImportPreview preview =
            store::MappingCsv::previewImport(mappings.list(), parsed.mappings, replace);
        printPreview(preview);
        if (dryRun) {
            printInfo(QStringLiteral("dry run: nothing was changed"));
            return ExitOk;
        }
        if (!preview.hasChanges()) {
            printInfo(QStringLiteral("the store already holds these mappings; nothing to change"));
            return ExitOk;
        }
        // Mappings decide what plan Customer.io is told a customer is on: the import and its audit entry are
        // written together or not at all.
        store::MappingCsv::applyImport(mappings, preview, {path, replace, QString()});
        printInfo(
            QStringLiteral("imported %1").arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

int unmapped(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the prices that stored subscription and invoice events mention but that have no mapping, "
        "neither for the price nor for its product; the most often seen first."));
    addCommonOptions(parser);
    addJsonOption(parser, true);
    addLimitOption(parser, QStringLiteral("prices"), 50);
    parser.addOption({QStringLiteral("scan"),
                      QStringLiteral("Read at most this many of the newest subscription and invoice events "
                                     "(default %1).")
                          .arg(MappingStore::kDefaultUnmappedScan),
                      QStringLiteral("n"), QString::number(MappingStore::kDefaultUnmappedScan)});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("'mappings unmapped' takes no arguments"));
        return ExitUsage;
    }
    const std::optional<int> limit = readLimit(parser);
    if (!limit)
        return ExitUsage;
    const std::optional<int> scan = readPositiveNumber(parser, QStringLiteral("scan"));
    if (!scan)
        return ExitUsage;
    try {
        MappingStore mappings = openForReading(databasePath(parser));
        const auto prices = mappings.unmappedPricesSeen(*limit, *scan);
        if (jsonRequested(parser)) {
            for (const store::UnmappedPrice& price : prices)
                printJson(price.toJson());
            return ExitOk;
        }
        if (prices.empty()) {
            printInfo(QStringLiteral("every price in the stored events has a mapping"));
            return ExitOk;
        }
        printOut(QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                     .arg(QStringLiteral("PRICE").leftJustified(32),
                          QStringLiteral("PRODUCT").leftJustified(24),
                          QStringLiteral("NICKNAME").leftJustified(24),
                          QStringLiteral("LOOKUP_KEY").leftJustified(24),
                          QStringLiteral("INTERVAL").leftJustified(8),
                          QStringLiteral("EVENTS").rightJustified(6), QStringLiteral("LAST_SEEN")));
        for (const store::UnmappedPrice& price : prices)
            printOut(QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                         .arg(price.priceId.leftJustified(32), orDash(price.productId).leftJustified(24),
                              orDash(price.nickname).leftJustified(24),
                              orDash(price.lookupKey).leftJustified(24),
                              orDash(price.interval).leftJustified(8),
                              QString::number(price.events).rightJustified(6),
                              QDateTime::fromSecsSinceEpoch(price.lastSeen, Qt::UTC).toString(Qt::ISODate)));
        printInfo(QStringLiteral("map them with 'mappings set PRICE_OR_PRODUCT_ID --name NAME' or 'mappings "
                                 "import FILE.csv'"));
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

int set(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Map a Stripe price (price_…) or product (prod_…) to a "
                                                    "plan. On an existing mapping, options left out "
                                                    "keep their values and an empty value clears them."));
    parser.addPositionalArgument(QStringLiteral("stripe_id"), QStringLiteral("price_… or prod_…"));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("name"), QStringLiteral("The plan name (required for a new mapping)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("tier"), QStringLiteral("The tier, e.g. pro."), QStringLiteral("tier")});
    parser.addOption({QStringLiteral("interval"), QStringLiteral("The interval label, e.g. monthly."),
                      QStringLiteral("label")});
    parser.addOption(
        {QStringLiteral("note"), QStringLiteral("A note for other operators."), QStringLiteral("text")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("'mappings set' needs one Stripe id (price_… or prod_…) and --name NAME"));
        return ExitUsage;
    }
    const QString stripeId = parser.positionalArguments().first().trimmed();
    if (!MappingStore::kindOf(stripeId)) {
        printError(
            QStringLiteral("'%1' is not a Stripe price id (price_…) or product id (prod_…)").arg(stripeId));
        return ExitUsage;
    }
    const QString storePath = databasePath(parser);
    try {
        MappingStore mappings = openForChanges(storePath);
        const std::optional<PlanMapping> before = mappings.find(stripeId);
        if (!before && !parser.isSet(QStringLiteral("name"))) {
            printError(
                QStringLiteral("%1 has no mapping yet; give its plan name with --name NAME").arg(stripeId));
            return ExitUsage;
        }
        PlanMapping wanted = before.value_or(PlanMapping{});
        wanted.stripeId = stripeId;
        if (parser.isSet(QStringLiteral("name")))
            wanted.planName = parser.value(QStringLiteral("name"));
        if (parser.isSet(QStringLiteral("tier")))
            wanted.tier = parser.value(QStringLiteral("tier"));
        if (parser.isSet(QStringLiteral("interval")))
            wanted.intervalLabel = parser.value(QStringLiteral("interval"));
        if (parser.isSet(QStringLiteral("note")))
            wanted.note = parser.value(QStringLiteral("note"));
        wanted = MappingStore::normalized(wanted);
        if (const QString problem = MappingStore::problemWith(wanted); !problem.isEmpty()) {
            printError(problem);
            return ExitUsage;
        }
        if (before && before->sameContent(wanted)) {
            printInfo(QStringLiteral("%1 is already mapped to %2; nothing changed")
                          .arg(stripeId, describe(*before)));
            return ExitOk;
        }
        const PlanMapping after = mappings.upsertAudited(wanted);
        printInfo(before ? QStringLiteral("%1: %2").arg(stripeId, differences(*before, after))
                         : QStringLiteral("%1 (%2) now maps to %3")
                               .arg(stripeId, toString(after.kind), describe(after)));
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

int remove(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Remove the mapping of a Stripe price or product."));
    parser.addPositionalArgument(QStringLiteral("stripe_id"), QStringLiteral("price_… or prod_…"));
    addCommonOptions(parser);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("'mappings remove' needs one Stripe id (price_… or prod_…)"));
        return ExitUsage;
    }
    const QString stripeId = parser.positionalArguments().first().trimmed();
    const QString storePath = databasePath(parser);
    try {
        MappingStore mappings = openForChanges(storePath);
        const std::optional<PlanMapping> before = mappings.find(stripeId);
        if (!before || !mappings.removeAudited(stripeId)) {
            printError(
                QStringLiteral("there is no mapping for %1; 'mappings list' shows them").arg(stripeId));
            return ExitUsage;
        }
        printInfo(QStringLiteral("removed the mapping of %1 to %2").arg(stripeId, describe(*before)));
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

} // namespace

int runMappings(const QStringList& arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QLatin1String("list"))
        return list(rest);
    if (sub == QLatin1String("import"))
        return importMappings(rest);
    if (sub == QLatin1String("export"))
        return exportMappings(rest);
    if (sub == QLatin1String("unmapped"))
        return unmapped(rest);
    if (sub == QLatin1String("set"))
        return set(rest);
    if (sub == QLatin1String("remove"))
        return remove(rest);
    printError(QStringLiteral("'mappings' needs one of list, import, export, unmapped, set or remove (see "
                              "'billbridge-cli mappings list --help')"));
    return ExitUsage;
}

} // namespace billbridge::cli
