#pragma once

#include "store/eventfilter.h"
#include "store/eventrecord.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>

namespace billbridge::store {

enum class ExportFormat { JsonLines, Csv };
enum class ExportMasking { Masked, Unmasked };

QString toString(ExportFormat format); // "jsonl", "csv"
std::optional<ExportFormat> exportFormatFromString(const QString& text);

struct ExportRequest {
    QString storePath;
    QString outputPath;
    // "All events matching the filter"; ignored when eventIds is set.
    EventFilter filter;
    // "The selection": exactly these events, in browser order; ids not in the store are counted as missing.
    std::optional<QStringList> eventIds;
    ExportFormat format = ExportFormat::JsonLines;
    ExportMasking masking = ExportMasking::Masked;
    // Who to name in the audit log for an unmasked export; the OS account when empty.
    QString actor;
    // Events read from the store per keyset page; memory stays bounded by this, never by the export's size.
    int pageSize = 500;
};

struct ExportProgress {
    std::int64_t written = 0;
    // Unknown when counting stopped at its cap.
    std::optional<std::int64_t> total;
};

struct ExportResult {
    enum class Status { Completed, Cancelled, Failed };
    // What failed: the store (missing, unreadable, audit log not writable), the output file, or a payload.
    enum class Failure { None, Store, Output, Payload };
    Status status = Status::Failed;
    Failure failure = Failure::None;
    std::int64_t written = 0;
    // Selected ids that are not in the store.
    std::int64_t missing = 0;
    // What went wrong and what to do, for the operator; empty unless Failed.
    QString error;
    // The audit_log row of an unmasked export.
    std::optional<std::int64_t> auditId;
};

// Writes stored events to a file, newest first as the browser shows them.
//
// JSON lines: each line is one event's payload exactly as Stripe sent it and the store kept it, so that the
// file can be replayed or compared with Stripe's own copies. A payload that spans several lines is compacted
// (whitespace outside strings removed) and nothing else changes. Billbridge's own metadata (source,
// signature verdict, receipt time) is only in the CSV form. Masked lines are rewritten token by token from
// the stored bytes: every member keeps its place and its spelling, only personal strings are replaced.
//
// CSV: RFC 4180 (comma, CRLF, fields quoted when they hold a comma, quote or line break, quotes doubled),
// UTF-8 without a byte-order mark, one header row. Text cells that a spreadsheet would run as a formula
// (starting with = + - @, a tab or a carriage return) get a leading apostrophe; numbers Billbridge formats
// itself (amount) are written as numbers.
//
// The file is written through QSaveFile: nothing appears under the output name, and an existing file of that
// name is left as it was, until the export completes. run() works on the calling thread; a console runs it
// on a worker.
class EventExporter final {
public:
    using ProgressCallback = std::function<void(const ExportProgress&)>;

    explicit EventExporter(ExportRequest request);

    // Checks `cancel` before every event; reports progress after every page.
    ExportResult run(const std::atomic<bool>* cancel = nullptr, const ProgressCallback& progress = {});

    // One JSON line (without the line break) for a stored payload; nullopt when the bytes are not JSON.
    static std::optional<QByteArray> jsonLine(const QByteArray& raw, ExportMasking masking);
    static QByteArray csvHeader();
    static QByteArray csvRow(const StoredEvent& event, ExportMasking masking);
    // Formula guard and RFC 4180 quoting of one text cell.
    static QString csvCell(const QString& text);

private:
    ExportRequest m_request;
};

} // namespace billbridge::store
