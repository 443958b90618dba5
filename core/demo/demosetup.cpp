#include "demo/demosetup.h"

#include "store/database.h"
#include "store/fulltextindexer.h"
#include "store/sqlite.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace billbridge::demo {

namespace {

// Large enough to finish a few hundred customers in a handful of transactions, small enough that each
// one holds the write lock only briefly.
constexpr int kIndexBatchSize = 1024;

} // namespace

QString defaultDemoStorePath()
{
    return QFileInfo(store::Database::defaultPath()).dir().filePath(QStringLiteral("demo.sqlite"));
}

DemoSetupResult createIndexedDemoStore(const QString& path, DemoOptions options, bool replace,
                                       std::int64_t nowMs)
{
    if (options.endTime == 0)
        options.endTime = nowMs / 1000;
    DemoSetupResult result;
    DemoHistory history = DemoHistory::generate(options);
    result.store = DemoStore::write(path, history, replace, nowMs);
    if (result.store.status != DemoStoreResult::Status::Written)
        return result;
    QStringList problems;
    try {
        result.queue = DemoQueue::write(path, history, nowMs);
        result.queued = true;
    } catch (const store::StoreError& error) {
        problems << QStringLiteral(
                        "the demo events are stored, but making their Customer.io queue failed: %1")
                        .arg(error.message());
    }
    result.history = std::move(history);
    try {
        store::SqliteConnection connection = store::Database::openForWriting(path);
        while (store::FullTextIndexer::indexBatch(connection, kIndexBatchSize) > 0) {
        }
        result.indexed = true;
    } catch (const store::StoreError& error) {
        problems << QStringLiteral("the demo events are stored, but indexing them for search failed: %1")
                        .arg(error.message());
    }
    if (!problems.isEmpty())
        result.store.message = problems.join(QStringLiteral("; "));
    return result;
}

} // namespace billbridge::demo
