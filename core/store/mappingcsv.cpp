#include "store/mappingcsv.h"

#include "store/mappingstore.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>

#include <map>

namespace billbridge::store {

namespace {

const QStringList kColumnNames{QStringLiteral("stripe_id"), QStringLiteral("plan_name"),
                               QStringLiteral("tier"), QStringLiteral("interval_label"),
                               QStringLiteral("note")};

bool startsLikeFormula(QStringView text)
{
    return !text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.at(0));
}

// Takes off the apostrophe that csvCell() put in front of a formula-like cell.
QString unguarded(const QString& cell)
{
    if (cell.size() > 1 && cell.at(0) == QLatin1Char('\'') && startsLikeFormula(QStringView(cell).mid(1)))
        return cell.mid(1);
    return cell;
}

struct Record {
    int line = 0;
    QStringList cells;
};

struct Records {
    std::vector<Record> records;
    int unterminatedLine = 0; // where a quoted cell began that never ends
};

// RFC 4180 records with the line each one starts on; a quoted cell may span lines. Blank lines are dropped.
Records splitRecords(const QString& text)
{
    Records result;
    const qsizetype size = text.size();
    qsizetype i = 0;
    int line = 1;
    while (i < size) {
        Record record;
        record.line = line;
        QString cell;
        bool endOfRecord = false;
        while (!endOfRecord) {
            if (i < size && text.at(i) == QLatin1Char('"') && cell.isEmpty()) {
                const int quoteLine = line;
                ++i;
                bool closed = false;
                while (i < size) {
                    const QChar c = text.at(i);
                    if (c == QLatin1Char('"')) {
                        if (i + 1 < size && text.at(i + 1) == QLatin1Char('"')) {
                            cell += QLatin1Char('"');
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == QLatin1Char('\n'))
                        ++line;
                    cell += c;
                    ++i;
                }
                if (!closed) {
                    result.unterminatedLine = quoteLine;
                    return result;
                }
            }
            while (i < size && text.at(i) != QLatin1Char(',') && text.at(i) != QLatin1Char('\r') &&
                   text.at(i) != QLatin1Char('\n'))
                cell += text.at(i++);
            record.cells << cell;
            cell.clear();
            if (i >= size) {
                endOfRecord = true;
            } else if (text.at(i) == QLatin1Char(',')) {
                ++i;
            } else {
                if (text.at(i) == QLatin1Char('\r') && i + 1 < size && text.at(i + 1) == QLatin1Char('\n'))
                    ++i;
                ++i;
                ++line;
                endOfRecord = true;
            }
        }
        const bool blank = record.cells.size() == 1 && record.cells.first().trimmed().isEmpty();
        if (!blank)
            result.records.push_back(std::move(record));
    }
    return result;
}

} // namespace

QByteArray MappingCsv::header()
{
    return kColumnNames.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

QString MappingCsv::csvCell(const QString& text)
{
    QString cell = text;
    if (startsLikeFormula(cell))
        cell.prepend(QLatin1Char('\''));
    if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) ||
        cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r'))) {
        cell.replace(QLatin1Char('"'), QLatin1String("\"\""));
        cell = QLatin1Char('"') + cell + QLatin1Char('"');
    }
    return cell;
}

QByteArray MappingCsv::exportCsv(const std::vector<PlanMapping>& mappings)
{
    QByteArray csv = header();
    for (const PlanMapping& mapping : mappings) {
        const QStringList cells{csvCell(mapping.stripeId), csvCell(mapping.planName), csvCell(mapping.tier),
                                csvCell(mapping.intervalLabel), csvCell(mapping.note)};
        csv += cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    return csv;
}

MappingCsvParse MappingCsv::parse(const QByteArray& contents)
{
    MappingCsvParse result;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(contents.startsWith("\xEF\xBB\xBF") ? contents.mid(3) : contents);
    if (decoder.hasError()) {
        result.errors.push_back({0, QStringLiteral("the file is not UTF-8 text; save it as \"CSV UTF-8\"")});
        return result;
    }
    const Records split = splitRecords(text);
    if (split.records.empty()) {
        if (split.unterminatedLine > 0)
            result.errors.push_back(
                {split.unterminatedLine, QStringLiteral("a quoted cell is never closed")});
        else
            result.errors.push_back({0, QStringLiteral("the file is empty; it needs the header line %1")
                                            .arg(QString::fromUtf8(header().trimmed()))});
        return result;
    }

    // Which column holds what; -1 for a column the file leaves out.
    const Record& head = split.records.front();
    std::map<QString, int> columnOf;
    for (int index = 0; index < head.cells.size(); ++index) {
        const QString name = unguarded(head.cells.at(index)).trimmed().toLower();
        if (!kColumnNames.contains(name)) {
            result.errors.push_back({head.line, QStringLiteral("unknown column '%1'; the columns are %2")
                                                    .arg(head.cells.at(index).trimmed(),
                                                         kColumnNames.join(QStringLiteral(", ")))});
            continue;
        }
        if (columnOf.count(name) > 0) {
            result.errors.push_back({head.line, QStringLiteral("the column %1 appears twice").arg(name)});
            continue;
        }
        columnOf[name] = index;
    }
    for (const char* required : {"stripe_id", "plan_name"})
        if (columnOf.count(QLatin1String(required)) == 0)
            result.errors.push_back(
                {head.line,
                 QStringLiteral("the header has no %1 column; the first line must name the columns, "
                                "e.g. %2")
                     .arg(QLatin1String(required), QString::fromUtf8(header().trimmed()))});
    if (!result.errors.empty())
        return result;

    auto cellOf = [&](const Record& record, const char* column) {
        const auto found = columnOf.find(QLatin1String(column));
        return found == columnOf.end() ? QString() : unguarded(record.cells.at(found->second));
    };
    QHash<QString, int> lineOf;
    for (std::size_t index = 1; index < split.records.size(); ++index) {
        const Record& record = split.records[index];
        if (record.cells.size() != head.cells.size()) {
            result.errors.push_back({record.line, QStringLiteral("%1 cells, but the header names %2 columns")
                                                      .arg(record.cells.size())
                                                      .arg(head.cells.size())});
            continue;
        }
        PlanMapping mapping;
        mapping.stripeId = cellOf(record, "stripe_id");
        mapping.planName = cellOf(record, "plan_name");
        mapping.tier = cellOf(record, "tier");
        mapping.intervalLabel = cellOf(record, "interval_label");
        mapping.note = cellOf(record, "note");
        mapping = MappingStore::normalized(mapping);
        if (const QString problem = MappingStore::problemWith(mapping); !problem.isEmpty()) {
            result.errors.push_back({record.line, problem});
            continue;
        }
        if (const auto earlier = lineOf.constFind(mapping.stripeId); earlier != lineOf.constEnd()) {
            result.errors.push_back({record.line, QStringLiteral("%1 is already mapped on line %2; keep one "
                                                                 "of the two rows")
                                                      .arg(mapping.stripeId)
                                                      .arg(*earlier)});
            continue;
        }
        lineOf.insert(mapping.stripeId, record.line);
        result.mappings.push_back(std::move(mapping));
    }
    if (split.unterminatedLine > 0)
        result.errors.push_back({split.unterminatedLine, QStringLiteral("a quoted cell is never closed")});
    return result;
}

MappingImportPreview MappingCsv::previewImport(const std::vector<PlanMapping>& current,
                                               const std::vector<PlanMapping>& parsed, bool replace)
{
    MappingImportPreview preview;
    QHash<QString, const PlanMapping*> stored;
    for (const PlanMapping& mapping : current)
        stored.insert(mapping.stripeId, &mapping);
    QHash<QString, bool> inFile;
    for (const PlanMapping& mapping : parsed) {
        inFile.insert(mapping.stripeId, true);
        const auto found = stored.constFind(mapping.stripeId);
        if (found == stored.constEnd())
            preview.added.push_back(mapping);
        else if ((*found)->sameContent(mapping))
            preview.unchanged.push_back(**found);
        else
            preview.changed.push_back({**found, mapping});
    }
    if (replace)
        for (const PlanMapping& mapping : current)
            if (!inFile.contains(mapping.stripeId))
                preview.removed.push_back(mapping);
    return preview;
}

void MappingCsv::applyImport(MappingStore& store, const MappingImportPreview& preview,
                             const MappingImportSource& source)
{
    if (!preview.hasChanges())
        return;
    std::vector<PlanMapping> upserts = preview.added;
    QJsonArray added;
    for (const PlanMapping& mapping : preview.added)
        added.append(mapping.toJson());
    QJsonArray changed;
    for (const MappingChange& change : preview.changed) {
        upserts.push_back(change.after);
        changed.append(QJsonObject{{QStringLiteral("before"), change.before.toJson()},
                                   {QStringLiteral("after"), change.after.toJson()}});
    }
    QStringList removals;
    QJsonArray removed;
    for (const PlanMapping& mapping : preview.removed) {
        removals << mapping.stripeId;
        removed.append(mapping.toJson());
    }
    const QFileInfo file(source.filePath);
    store.applyAudited(upserts, removals, QStringLiteral("mappings.import"), file.fileName(),
                       QJsonObject{{QStringLiteral("added"), added},
                                   {QStringLiteral("changed"), changed},
                                   {QStringLiteral("removed"), removed},
                                   {QStringLiteral("file"), file.absoluteFilePath()},
                                   {QStringLiteral("replace"), source.replace}},
                       source.actor);
}

} // namespace billbridge::store
