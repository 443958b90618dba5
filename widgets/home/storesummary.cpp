#include "home/storesummary.h"

#include "store/eventstore.h"
#include "store/sqlite.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace billbridge::widgets {

StoreSummary::StoreSummary(QString path, QObject* parent)
    : QObject(parent)
    , m_path(std::move(path))
{
    m_snapshot.path = m_path;
    m_timer.setInterval(kDefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &StoreSummary::refresh);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &StoreSummary::onReadFinished);
}

// A read still in flight only holds its own copy of the path, so it may finish unobserved; waiting for it
// here would stall closing the window behind a slow disk.
StoreSummary::~StoreSummary() = default;

void StoreSummary::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

std::chrono::milliseconds StoreSummary::interval() const
{
    return m_timer.intervalAsDuration();
}

void StoreSummary::start()
{
    m_timer.start();
    refresh();
}

void StoreSummary::stop()
{
    m_timer.stop();
}

void StoreSummary::refresh()
{
    // Tracked here rather than asked of the watcher: its future can already be finished while the
    // finished() notification is still queued, and replacing the future then would drop that result.
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    m_readAgain = false;
    m_watcher.setFuture(QtConcurrent::run(&StoreSummary::read, m_path));
}

void StoreSummary::onReadFinished()
{
    m_reading = false;
    m_snapshot = m_watcher.result();
    emit updated();
    if (m_readAgain)
        refresh();
}

StoreSnapshot StoreSummary::read(const QString& path)
{
    StoreSnapshot snapshot;
    snapshot.path = path;
    snapshot.readAt = QDateTime::currentDateTime();
    // Checked here rather than left to the store so the console can explain the first-run case in its
    // own words; opening for reading never creates the file.
    if (!QFileInfo::exists(path)) {
        snapshot.state = StoreSnapshot::State::Missing;
        return snapshot;
    }
    try {
        store::EventStore events = store::EventStore::openForReading(path);
        // Constant time however large the store: this runs every couple of seconds.
        const store::EventTotals totals = events.totals();
        snapshot.events = totals.events;
        snapshot.liveEvents = totals.liveEvents;
        snapshot.testEvents = totals.testEvents;
        if (totals.newest) {
            snapshot.newestCreated = totals.newest->fields.created;
            snapshot.newestType = totals.newest->fields.type;
        }
        snapshot.demo = events.state(QStringLiteral("store.demo")) == QLatin1String("true");
        snapshot.pollCursorKnown = !events.state(QStringLiteral("poll.cursor")).isEmpty();
        if (const auto lastRun = events.stateUpdatedAt(QStringLiteral("poll.last_run")))
            snapshot.pollLastRun = QDateTime::fromMSecsSinceEpoch(*lastRun);
        snapshot.state = StoreSnapshot::State::Ready;
    } catch (const store::StoreError& error) {
        snapshot.state = StoreSnapshot::State::Failed;
        snapshot.error = error.message();
    } catch (const std::exception& error) {
        snapshot.state = StoreSnapshot::State::Failed;
        snapshot.error = QString::fromLocal8Bit(error.what());
    }
    return snapshot;
}

} // namespace billbridge::widgets
