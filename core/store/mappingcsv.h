#pragma once

#include "store/planmapping.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace billbridge::store {

class MappingStore;

struct MappingCsvError {
    int line = 0; // 1-based line of the file where the offending row starts; 0 for the file as a whole
    QString message;
};

struct MappingCsvParse {
    std::vector<PlanMapping> mappings; // normalized, in file order
    std::vector<MappingCsvError> errors;
    bool ok() const { return errors.empty(); }
};

struct MappingChange {
    PlanMapping before;
    PlanMapping after;
};

// What an import would do to the stored mappings.
struct MappingImportPreview {
    std::vector<PlanMapping> added;
    std::vector<MappingChange> changed;
    std::vector<PlanMapping> removed; // only when the import replaces the whole table
    std::vector<PlanMapping> unchanged;
    bool hasChanges() const { return !added.empty() || !changed.empty() || !removed.empty(); }
};

// Where an import came from, for its audit entry.
struct MappingImportSource {
    QString filePath;     // recorded as an absolute path; its file name is the entry's subject
    bool replace = false; // whether mappings missing from the file were removed
    QString actor;        // empty: the account running Billbridge
};

// Plan mappings as CSV, so that operators can keep them in a spreadsheet or in version control. The
// format is RFC 4180 with the header stripe_id,plan_name,tier,interval_label,note; only stripe_id and
// plan_name must be present, the other columns may be left out and come in any order.
class MappingCsv final {
public:
    static QByteArray header();
    // Header and one CRLF-terminated row per mapping. Cells that a spreadsheet would run as a formula get a
    // leading apostrophe, which parse() takes off again.
    static QByteArray exportCsv(const std::vector<PlanMapping>& mappings);
    // Reads the whole file and reports every bad row, not only the first. A UTF-8 byte order mark, CRLF
    // line ends and blank lines are accepted.
    static MappingCsvParse parse(const QByteArray& contents);
    // `current` as stored, `parsed` from the file. Without `replace`, mappings missing from the file stay;
    // with it, they are removed.
    static MappingImportPreview previewImport(const std::vector<PlanMapping>& current,
                                              const std::vector<PlanMapping>& parsed, bool replace);
    // Writes the preview's additions and changes, deletes its removals and records one "mappings.import"
    // audit entry (what was added, changed and removed, the file and `replace`) in one transaction: all or
    // nothing. A preview without changes writes nothing. Throws StoreError.
    static void applyImport(MappingStore& store, const MappingImportPreview& preview,
                            const MappingImportSource& source);

    // Formula guard and RFC 4180 quoting of one cell.
    static QString csvCell(const QString& text);
};

} // namespace billbridge::store
