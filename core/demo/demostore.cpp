#include "demo/demostore.h"

#include "demo/demohistory.h"
#include "store/eventstore.h"
#include "store/eventwriter.h"
#include "stripe/stripeevent.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace billbridge::demo {

namespace {

// Events per transaction: large enough to keep the number of fsyncs small, small enough that the
// writer's memory stays modest for big histories.
constexpr std::size_t kBatchSize = 500;

} // namespace

bool DemoStore::isDemoStore(const QString& path)
{
    if (!QFileInfo::exists(path))
        return false;
    try {
        store::EventStore events = store::EventStore::openForReading(path);
        return events.state(markerKey()) == QLatin1String("true");
    } catch (const store::StoreError&) {
        return false;
    }
}

DemoStoreResult DemoStore::write(const QString& path, const DemoHistory& history, bool replace,
                                 std::int64_t generatedAtMs)
{
    DemoStoreResult result;
    if (QFileInfo::exists(path)) {
        bool demo = false;
        std::int64_t existing = 0;
        try {
            store::EventStore events = store::EventStore::openForReading(path);
            existing = events.count();
            demo = events.state(markerKey()) == QLatin1String("true");
        } catch (const store::StoreError& error) {
            result.message = error.message();
            return result;
        }
        if (existing > 0 && !demo) {
            result.status = DemoStoreResult::Status::RefusedRealStore;
            result.message =
                QStringLiteral("%1 holds %2 events that are not demo data; demo data is never mixed "
                               "with real events. Choose another file with --db (the default is a "
                               "separate demo.sqlite).")
                    .arg(path)
                    .arg(existing);
            return result;
        }
        if (existing > 0 && !replace) {
            result.status = DemoStoreResult::Status::RefusedExistingDemo;
            result.message =
                QStringLiteral("%1 already holds %2 demo events. Add --replace to generate it anew, or "
                               "choose another file with --db.")
                    .arg(path)
                    .arg(existing);
            return result;
        }
        if (demo && replace) {
            for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
                if (QFileInfo::exists(path + suffix) && !QFile::remove(path + suffix)) {
                    result.message = QStringLiteral("cannot remove the old demo store %1; close the programs "
                                                    "that use it and try again.")
                                         .arg(path + suffix);
                    return result;
                }
            }
        }
    }

    const std::vector<DemoEvent>& events = history.events();
    try {
        store::EventWriter writer(path);
        writer.start();
        // The marker goes in with the first events so that a half-written store is still labelled.
        std::vector<std::pair<QString, QString>> marker = {
            {markerKey(), QStringLiteral("true")},
            {seedKey(), QString::number(history.options().seed)},
            {generatedAtKey(),
             QDateTime::fromMSecsSinceEpoch(generatedAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        };
        std::size_t next = 0;
        do {
            store::WriteRequest request;
            request.stateUpdates = std::move(marker);
            marker.clear();
            const std::size_t stop = std::min(events.size(), next + kBatchSize);
            request.events.reserve(stop - next);
            for (; next < stop; ++next) {
                const DemoEvent& event = events[next];
                stripe::StripeEventParse parsed = stripe::parseStripeEvent(event.raw);
                if (!parsed.fields) {
                    writer.stop();
                    result.message =
                        QStringLiteral("generated event %1 does not parse: %2").arg(next).arg(parsed.error);
                    return result;
                }
                store::IncomingEvent incoming;
                incoming.raw = event.raw;
                incoming.fields = *parsed.fields;
                incoming.source = store::EventSource::Backfill;
                incoming.verdict = store::SignatureVerdict::Api;
                incoming.receivedAtMs = generatedAtMs;
                request.events.push_back(std::move(incoming));
            }
            const store::WriteResult written = writer.write(std::move(request));
            if (!written.committed) {
                writer.stop();
                result.message = written.error;
                return result;
            }
            for (const store::InsertOutcome outcome : written.outcomes)
                result.stored += outcome == store::InsertOutcome::Stored ? 1 : 0;
        } while (next < events.size());
        writer.stop();
    } catch (const store::StoreError& error) {
        result.message = error.message();
        return result;
    }
    result.status = DemoStoreResult::Status::Written;
    return result;
}

} // namespace billbridge::demo
