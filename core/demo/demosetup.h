#pragma once

#include "demo/demohistory.h"
#include "demo/demostore.h"

#include <QString>

#include <cstdint>

namespace billbridge::demo {

struct DemoSetupResult {
    // Written also when only the indexing failed: the events are stored and browsable, and `message`
    // then says that searching them will not find anything yet.
    DemoStoreResult store;
    bool indexed = false;
    // What was generated, for reports; empty when nothing was written.
    DemoHistory history;
};

// Beside the real store, never the real store itself: $BILLBRIDGE_DB is deliberately ignored.
QString defaultDemoStorePath();

// Generates the history, writes it into its own labelled store and indexes it for full-text search,
// so that searching works in the console and the CLI without a running receiver. An `options.endTime`
// of 0 ends the history at `nowMs`. Blocks on disk I/O: call it off the UI thread.
DemoSetupResult createIndexedDemoStore(const QString& path, DemoOptions options, bool replace,
                                       std::int64_t nowMs);

} // namespace billbridge::demo
