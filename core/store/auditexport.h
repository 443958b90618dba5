#pragma once

#include "store/auditlog.h"

#include <QString>

#include <cstdint>
#include <optional>

class QIODevice;

namespace billbridge::store {

enum class AuditExportFormat { JsonLines, Csv };

// Writes the audit rows a filter selects, oldest first, with their hashes, so that an auditor can re-check
// them outside Billbridge (see the recipe in auditlog.h). JSON Lines: one object per row with id, at_ms, at
// (ISO 8601, UTC), actor, action, subject, details (the object), details_json (the exact text hashed),
// prev_hash and hash. CSV: the same columns, details being the exact text, with a header line. Each row's
// hash can be recomputed from its line alone; the links between rows can be followed when the export is a
// contiguous range (a time range without other filters).
class AuditExport final {
public:
    struct Result {
        std::int64_t rows = 0;
        bool cancelled = false;
        QString error; // empty on success
    };

    // From the extension: ".csv" is CSV, anything else JSON Lines.
    static AuditExportFormat formatForPath(const QString& path);
    static std::optional<AuditExportFormat> formatNamed(const QString& name); // "jsonl", "csv"

    // Writes to `device`, which must be open for writing. Throws StoreError when the store cannot be read.
    static Result write(AuditLog& log, const AuditFilter& filter, AuditExportFormat format, QIODevice& device,
                        const AuditLog::Progress& progress = {});
    // Writes to a new file at `path` (replaced atomically only when complete). Never throws.
    static Result writeFile(const QString& storePath, const AuditFilter& filter, AuditExportFormat format,
                            const QString& path, const AuditLog::Progress& progress = {});

    static QByteArray jsonLine(const AuditEntry& entry);
    static QByteArray csvHeader();
    static QByteArray csvLine(const AuditEntry& entry);
    // Reads one JSON line back (for re-checking); nullopt when it is not one.
    static std::optional<AuditEntry> entryFromJsonLine(const QByteArray& line);
};

} // namespace billbridge::store
