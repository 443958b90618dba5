#pragma once

#include <QString>

#include <cstdint>

namespace billbridge::demo {

class DemoHistory;

struct DemoStoreResult {
    enum class Status {
        Written,
        RefusedRealStore,    // the file holds events that are not demo data
        RefusedExistingDemo, // the file already holds demo data and replacing was not asked for
        Failed,              // the store could not be opened or written
    };
    Status status = Status::Failed;
    // For operators: what happened and what to do next.
    QString message;
    std::int64_t stored = 0;
};

// Writes a generated history into a store of its own, labelled as demo data in intake_state so the
// console and the CLI can say so. Demo events must never mix with real ones: a store that already
// holds other events is refused.
class DemoStore final {
public:
    static QString markerKey() { return QStringLiteral("store.demo"); }
    static QString seedKey() { return QStringLiteral("store.demo.seed"); }
    static QString generatedAtKey() { return QStringLiteral("store.demo.generated_at"); }

    // True when the file exists, is a store and carries the demo marker. Never throws.
    static bool isDemoStore(const QString& path);

    // `replace` removes an existing demo store (never any other file) before writing.
    static DemoStoreResult write(const QString& path, const DemoHistory& history, bool replace,
                                 std::int64_t generatedAtMs);
};

} // namespace billbridge::demo
