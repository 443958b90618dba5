#include "clicommon.h"
#include "store/auditexport.h"
#include "store/auditlog.h"
#include "store/database.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>

namespace billbridge::cli {

namespace {

const char* kAuditUsage = R"(usage: billbridge-cli audit <action> [options]

Actions:
  list            list recorded operator actions, newest first (filter by action, actor, text, time)
  show ID         print one entry in full, with its before/after values and hashes
  verify          check the hash chain; exits 0 when intact and 1 naming the first entry found wrong
  export FILE     write entries with their hashes as JSON lines or CSV, for an auditor to re-check

Every entry is chained to the one before it by a SHA-256 hash, so that editing, deleting or inserting
an entry afterwards is detected by 'verify'. Run 'billbridge-cli audit <action> --help' for options.
)";

QString isoTimeMs(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString cell(const QString& text, int width)
{
    const QString flat = text.simplified();
    return flat.size() <= width ? flat : flat.left(width - 1) + QChar(0x2026);
}

// Reading never creates a store: a mistyped --db would otherwise "verify" a fresh, empty file.
store::AuditLog openForReading(const QString& path)
{
    requireStore(path);
    return store::AuditLog::openForReading(path);
}

void addAuditFilterOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("action"),
                      QStringLiteral("Only actions starting with this, e.g. mappings. or queue.retry."),
                      QStringLiteral("prefix")});
    parser.addOption(
        {QStringLiteral("actor"), QStringLiteral("Only actions of this account."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("text"),
                      QStringLiteral("Only entries whose subject or details contain this."),
                      QStringLiteral("text")});
    addTimeRangeOptions(parser, QStringLiteral("entries"));
}

std::optional<int> readAuditFilter(const QCommandLineParser& parser, store::AuditFilter& filter)
{
    filter.actionPrefix = parser.value(QStringLiteral("action")).trimmed();
    filter.actor = parser.value(QStringLiteral("actor")).trimmed();
    filter.text = parser.value(QStringLiteral("text"));
    TimeRange range;
    if (const auto exit = readTimeRange(parser, range))
        return *exit;
    filter.fromMs = range.sinceMs();
    filter.untilMs = range.untilMs();
    return std::nullopt;
}

QJsonObject entryJson(const store::AuditEntry& entry)
{
    return QJsonDocument::fromJson(store::AuditExport::jsonLine(entry)).object();
}

int list(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List recorded operator actions, newest first."));
    addCommonOptions(parser);
    addAuditFilterOptions(parser);
    addLimitOption(parser, QStringLiteral("entries"), 50);
    addJsonOption(parser, true, QStringLiteral("with the hashes"));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(
            QStringLiteral("'audit list' takes no positional arguments; filter with --action, --actor, "
                           "--text, --since and --until"));
        return ExitUsage;
    }
    store::AuditFilter filter;
    if (const auto exit = readAuditFilter(parser, filter))
        return *exit;
    const std::optional<int> limit = readLimit(parser);
    if (!limit)
        return ExitUsage;
    const bool json = jsonRequested(parser);
    try {
        store::AuditLog audit = openForReading(databasePath(parser));
        const std::vector<store::AuditEntry> entries = audit.list(filter, *limit + 1);
        if (!json)
            printOut(QStringLiteral("%1  %2  %3  %4  %5  %6")
                         .arg(QStringLiteral("ID").rightJustified(6), QStringLiteral("AT").leftJustified(24),
                              QStringLiteral("ACTOR").leftJustified(14),
                              QStringLiteral("ACTION").leftJustified(20),
                              QStringLiteral("SUBJECT").leftJustified(24), QStringLiteral("DETAILS")));
        const std::size_t shown = std::min(entries.size(), std::size_t(*limit));
        for (std::size_t i = 0; i < shown; ++i) {
            const store::AuditEntry& entry = entries[i];
            if (json) {
                printJson(entryJson(entry));
                continue;
            }
            printOut(
                QStringLiteral("%1  %2  %3  %4  %5  %6")
                    .arg(QString::number(entry.id).rightJustified(6), isoTimeMs(entry.atMs).leftJustified(24),
                         cell(entry.actor, 14).leftJustified(14), cell(entry.action, 20).leftJustified(20),
                         cell(entry.subject.isEmpty() ? QStringLiteral("-") : entry.subject, 24)
                             .leftJustified(24),
                         cell(entry.detailsJson, 80)));
        }
        if (!json && entries.size() > shown)
            printInfo(QStringLiteral("more entries match; raise --limit (now %1) or narrow the filter")
                          .arg(*limit));
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

int show(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show one audit entry in full."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The entry's id (see 'audit list')."));
    addJsonOption(parser, false);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    bool ok = false;
    const qint64 id =
        parser.positionalArguments().size() == 1 ? parser.positionalArguments().first().toLongLong(&ok) : 0;
    if (!ok || id < 1) {
        printError(
            QStringLiteral("'audit show' takes exactly one entry id, a whole number (see 'audit list')"));
        return ExitUsage;
    }
    try {
        store::AuditLog audit = openForReading(databasePath(parser));
        const std::optional<store::AuditEntry> entry = audit.find(id);
        if (!entry) {
            printError(
                QStringLiteral("no audit entry %1; 'billbridge-cli audit list' shows the entries there are")
                    .arg(id));
            return ExitFailure;
        }
        if (jsonRequested(parser)) {
            printJson(entryJson(*entry));
            return ExitOk;
        }
        const auto line = [](const char* label, const QString& value) {
            printOut(QStringLiteral("%1 %2").arg(QString::fromLatin1(label).leftJustified(10), value));
        };
        line("entry", QString::number(entry->id));
        line("at", isoTimeMs(entry->atMs));
        line("actor", entry->actor);
        line("action", entry->action);
        line("subject", entry->subject.isEmpty() ? QStringLiteral("-") : entry->subject);
        line("prev hash", entry->prevHash.isEmpty() ? QStringLiteral("- (not sealed yet)") : entry->prevHash);
        line("hash", entry->hash.isEmpty() ? QStringLiteral("- (not sealed yet)") : entry->hash);
        printOut(QString());
        printOut(QStringLiteral("details"));
        const QString pretty =
            QString::fromUtf8(QJsonDocument(entry->details).toJson(QJsonDocument::Indented));
        for (const QString& detail : pretty.trimmed().split(QLatin1Char('\n')))
            printOut(QStringLiteral("  ") + detail);
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

int verify(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check that no audit entry was changed, deleted or inserted since it was written. Exits 0 when the "
        "chain is intact, 1 when it is not (naming the first entry found wrong)."));
    addCommonOptions(parser);
    addJsonOption(parser, false);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("'audit verify' takes no arguments"));
        return ExitUsage;
    }
    try {
        store::AuditLog audit = openForReading(databasePath(parser));
        std::int64_t reported = 0;
        const store::AuditVerification result =
            audit.verify([&reported](std::int64_t done, std::int64_t total) {
                // Large logs take a while; say how far the check is every tenth.
                if (total >= 50000 && done - reported >= total / 10 && done < total) {
                    reported = done;
                    printInfo(QStringLiteral("checked %1 of %2 entries").arg(done).arg(total));
                }
                return true;
            });
        if (jsonRequested(parser)) {
            static const std::map<store::AuditVerification::Problem, QString> names = {
                {store::AuditVerification::Problem::None, QStringLiteral("none")},
                {store::AuditVerification::Problem::Edited, QStringLiteral("edited")},
                {store::AuditVerification::Problem::Relinked, QStringLiteral("deleted_or_inserted")},
                {store::AuditVerification::Problem::Unsealed, QStringLiteral("unsealed")}};
            QJsonObject object{{QStringLiteral("intact"), result.isIntact()},
                               {QStringLiteral("verified"), qint64(result.verified)},
                               {QStringLiteral("unsealed"), qint64(result.unsealed)},
                               {QStringLiteral("problem"), names.at(result.problem)},
                               {QStringLiteral("head_hash"), result.headHash},
                               {QStringLiteral("message"), result.explanation()}};
            if (!result.isIntact())
                object.insert(QStringLiteral("bad_id"), qint64(result.badId));
            printJson(object);
        } else if (result.isIntact()) {
            printOut(result.explanation());
            if (!result.headHash.isEmpty())
                printOut(
                    QStringLiteral("head hash %1 (keep it elsewhere to detect later that the newest entries "
                                   "were cut off)")
                        .arg(result.headHash));
        } else {
            printError(
                result.explanation() +
                QStringLiteral(" The audit log was altered outside Billbridge: keep a copy of the store "
                               "file as evidence, and compare with an earlier export or backup ('audit "
                               "show %1' prints the entry).")
                    .arg(result.badId));
        }
        return result.isIntact() ? ExitOk : ExitFailure;
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
}

int exportEntries(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write audit entries, oldest first, with their hashes, so that an auditor can re-check them without "
        "Billbridge (the recipe is in the README, 'Audit log')."));
    addCommonOptions(parser);
    addAuditFilterOptions(parser);
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Where to write; replaced if it exists."));
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("jsonl or csv (default: from the file name, else jsonl)."),
                      QStringLiteral("format")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("'audit export' takes exactly one file to write"));
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().first();
    store::AuditExportFormat format = store::AuditExport::formatForPath(path);
    if (parser.isSet(QStringLiteral("format"))) {
        const auto named = store::AuditExport::formatNamed(parser.value(QStringLiteral("format")));
        if (!named) {
            printError(QStringLiteral("--format takes jsonl or csv"));
            return ExitUsage;
        }
        format = *named;
    }
    store::AuditFilter filter;
    if (const auto exit = readAuditFilter(parser, filter))
        return *exit;
    const QString storePath = databasePath(parser);
    if (!QFileInfo::exists(storePath)) {
        printError(noStoreMessage(storePath));
        return ExitStore;
    }
    const store::AuditExport::Result result = store::AuditExport::writeFile(storePath, filter, format, path);
    if (!result.error.isEmpty()) {
        printError(result.error);
        return ExitFailure;
    }
    printInfo(QStringLiteral("wrote %1 entr%2 to %3")
                  .arg(result.rows)
                  .arg(result.rows == 1 ? QStringLiteral("y") : QStringLiteral("ies"),
                       QDir::toNativeSeparators(path)));
    if (!filter.isEmpty() &&
        (!filter.actionPrefix.isEmpty() || !filter.actor.isEmpty() || !filter.text.isEmpty()))
        printInfo(
            QStringLiteral("each entry's hash can be re-checked; the links between entries only where no "
                           "entry was filtered out in between"));
    return ExitOk;
}

} // namespace

int runAudit(const QStringList& arguments)
{
    static const std::map<QString, std::function<int(const QStringList&)>> actions = {
        {QStringLiteral("list"), list},
        {QStringLiteral("show"), show},
        {QStringLiteral("verify"), verify},
        {QStringLiteral("export"), exportEntries},
    };
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") ||
        arguments.first() == QLatin1String("-h")) {
        std::fputs(kAuditUsage, arguments.isEmpty() ? stderr : stdout);
        return arguments.isEmpty() ? ExitUsage : ExitOk;
    }
    const auto found = actions.find(arguments.first());
    if (found == actions.end()) {
        printError(
            QStringLiteral("unknown action 'audit %1'. Run 'billbridge-cli audit --help' for the list.")
                .arg(arguments.first()));
        return ExitUsage;
    }
    return found->second(arguments.mid(1));
}

} // namespace billbridge::cli
