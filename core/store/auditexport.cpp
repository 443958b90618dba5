#include "store/auditexport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace billbridge::store {

namespace {

constexpr int kPageSize = 500;

QString isoTime(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QByteArray csvField(const QString& value)
{
    QByteArray bytes = value.toUtf8();
    bytes.replace('"', "\"\"");
    return '"' + bytes + '"';
}

QString translate(const char* text)
{
    return QCoreApplication::translate("billbridge::store::AuditExport", text);
}

} // namespace

AuditExportFormat AuditExport::formatForPath(const QString& path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0
               ? AuditExportFormat::Csv
               : AuditExportFormat::JsonLines;
}

std::optional<AuditExportFormat> AuditExport::formatNamed(const QString& name)
{
    if (name.compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0)
        return AuditExportFormat::Csv;
    if (name.compare(QLatin1String("jsonl"), Qt::CaseInsensitive) == 0 ||
        name.compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        return AuditExportFormat::JsonLines;
    return std::nullopt;
}

QByteArray AuditExport::jsonLine(const AuditEntry& entry)
{
    const QJsonObject object{
        {QStringLiteral("id"), qint64(entry.id)},      {QStringLiteral("at_ms"), qint64(entry.atMs)},
        {QStringLiteral("at"), isoTime(entry.atMs)},   {QStringLiteral("actor"), entry.actor},
        {QStringLiteral("action"), entry.action},      {QStringLiteral("subject"), entry.subject},
        {QStringLiteral("details"), entry.details},    {QStringLiteral("details_json"), entry.detailsJson},
        {QStringLiteral("prev_hash"), entry.prevHash}, {QStringLiteral("hash"), entry.hash}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<AuditEntry> AuditExport::entryFromJsonLine(const QByteArray& line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    AuditEntry entry;
    entry.id = object.value(QLatin1String("id")).toInteger();
    entry.atMs = object.value(QLatin1String("at_ms")).toInteger();
    entry.actor = object.value(QLatin1String("actor")).toString();
    entry.action = object.value(QLatin1String("action")).toString();
    entry.subject = object.value(QLatin1String("subject")).toString();
    entry.detailsJson = object.value(QLatin1String("details_json")).toString();
    entry.details = object.value(QLatin1String("details")).toObject();
    entry.prevHash = object.value(QLatin1String("prev_hash")).toString();
    entry.hash = object.value(QLatin1String("hash")).toString();
    return entry;
}

QByteArray AuditExport::csvHeader()
{
    return "id,at_ms,at,actor,action,subject,details,prev_hash,hash\r\n";
}

QByteArray AuditExport::csvLine(const AuditEntry& entry)
{
    return QByteArray::number(entry.id) + ',' + QByteArray::number(entry.atMs) + ',' +
           isoTime(entry.atMs).toUtf8() + ',' + csvField(entry.actor) + ',' + csvField(entry.action) + ',' +
           csvField(entry.subject) + ',' + csvField(entry.detailsJson) + ',' + entry.prevHash.toLatin1() +
           ',' + entry.hash.toLatin1() + "\r\n";
}

AuditExport::Result AuditExport::write(AuditLog& log, const AuditFilter& filter, AuditExportFormat format,
                                       QIODevice& device, const AuditLog::Progress& progress)
{
    Result result;
    const std::int64_t total = log.count();
    if (format == AuditExportFormat::Csv && device.write(csvHeader()) < 0) {
        result.error = device.errorString();
        return result;
    }
    std::int64_t afterId = 0;
    while (true) {
        const std::vector<AuditEntry> page = log.listAscending(filter, kPageSize, afterId);
        for (const AuditEntry& entry : page) {
            const QByteArray line = format == AuditExportFormat::Csv ? csvLine(entry) : jsonLine(entry);
            if (device.write(line) != line.size()) {
                result.error = device.errorString();
                return result;
            }
            ++result.rows;
        }
        if (page.empty())
            break;
        afterId = page.back().id;
        // Progress counts rows walked, not rows written: a narrow filter still moves the bar.
        if (progress && !progress(std::min(afterId, total), total)) {
            result.cancelled = true;
            return result;
        }
        if (int(page.size()) < kPageSize)
            break;
    }
    return result;
}

AuditExport::Result AuditExport::writeFile(const QString& storePath, const AuditFilter& filter,
                                           AuditExportFormat format, const QString& path,
                                           const AuditLog::Progress& progress)
{
    Result result;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = translate("%1 cannot be written (%2). Choose a folder you can write to.")
                           .arg(QDir::toNativeSeparators(path), file.errorString());
        return result;
    }
    try {
        AuditLog log = AuditLog::openForReading(storePath);
        result = write(log, filter, format, file, progress);
    } catch (const StoreError& error) {
        result.error = translate("The audit log could not be read: %1").arg(error.message());
    }
    if (!result.error.isEmpty() || result.cancelled) {
        file.cancelWriting();
        return result;
    }
    if (!file.commit())
        result.error = translate("%1 could not be saved (%2). Check the free space and try again.")
                           .arg(QDir::toNativeSeparators(path), file.errorString());
    return result;
}

} // namespace billbridge::store
