#pragma once

#include "store/eventrecord.h"
#include "store/eventstore.h"
#include "store/eventwriter.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace billbridge::test {

// A Billbridge store in its own temporary folder, filled through the real EventWriter. The folder and
// everything in it disappear with the object.
class TempStore final {
public:
    TempStore();
    ~TempStore();
    TempStore(const TempStore&) = delete;
    TempStore& operator=(const TempStore&) = delete;

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_path; }
    QString directory() const { return m_dir.path(); }

    // The store's writer, started (creating and migrating the file) on first use. Throws StoreError.
    store::EventWriter& writer();
    // Applies everything submitted and closes the writer's connection; writer() starts a new one.
    void stopWriter();

    // One write request through the writer, waited for. Check `committed` of the result.
    store::WriteResult add(std::vector<store::IncomingEvent> events,
                           std::vector<std::pair<QString, QString>> stateUpdates = {});
    store::WriteResult addRaw(const QList<QByteArray>& bodies,
                              store::EventSource source = store::EventSource::Webhook);
    store::WriteResult addFixtures(const QStringList& names,
                                   store::EventSource source = store::EventSource::Webhook);
    store::WriteResult addAllFixtures(store::EventSource source = store::EventSource::Webhook);

    // A fresh read connection, as the CLI and the console open it.
    store::EventStore reader() const;

    // An event as intake hands it to the writer: fields parsed from the bytes (throws std::runtime_error
    // when they do not parse); webhook events are "verified" and carry a Stripe-Signature header made
    // with Fixtures::webhookSecret(), poll and backfill events are "api". A zero receivedAtMs becomes
    // 1.5 s after the event's creation, so that stores built from fixtures are reproducible.
    static store::IncomingEvent incoming(const QByteArray& raw,
                                         store::EventSource source = store::EventSource::Webhook,
                                         std::int64_t receivedAtMs = 0);

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<store::EventWriter> m_writer;
};

// Writes the events to the store at `path` (creating and migrating it) through the real writer, then closes
// it; for tests that need the store at a path of their own. False, with a warning, when anything fails.
bool writeEvents(const QString& path, const QList<QByteArray>& raws);

} // namespace billbridge::test
