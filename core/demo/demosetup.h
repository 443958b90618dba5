#pragma once

#include "demo/demohistory.h"
#include "demo/demoqueue.h"
#include "demo/demostore.h"

#include <QString>

#include <cstdint>

namespace billbridge::demo {

struct DemoSetupResult {
    // Written also when only the indexing failed: the events are stored and browsable, and `message`
    // then says that searching them will not find anything yet.
    DemoStoreResult store;
    bool indexed = false;
    // The Customer.io queue made from the events. Like indexing, its failure leaves the events usable
    // and `message` says what is missing.
    bool queued = false;
    DemoQueueSummary queue;
    // What was generated, for reports; empty when nothing was written.
    DemoHistory history;
};

// Beside the real store, never the real store itself: $BILLBRIDGE_DB is deliberately ignored.
QString defaultDemoStorePath();

// Generates the history, writes it into its own labelled store with the Customer.io job queue its events
// would have caused (paused, see DemoQueue), and indexes it for full-text search, so that searching works
// in the console and the CLI without a running receiver. An `options.endTime`
// of 0 ends the history at `nowMs`. Blocks on disk I/O: call it off the UI thread.
DemoSetupResult createIndexedDemoStore(const QString& path, DemoOptions options, bool replace,
                                       std::int64_t nowMs);

} // namespace billbridge::demo
