// Event console benchmark: the event browser's list as the operator gets it — the real EventListModel in a
// QTableView on the offscreen platform, reading a big store built by bench_event_browser. It times what the
// operator waits for (first rows after opening the store, type / customer / email / full-text filters,
// jumping to the end), peak RSS, and the UI thread's longest stall while an EventWriter on another thread
// stores events at a steady rate into the same store with the list live.
//
//   bench_event_browser --store PATH --events N      (builds and indexes the store once)
//   bench_event_console --store PATH [--rate 2000] [--seconds 10] [--notify]
//
// --notify also wakes the list from the writer's commit observer, as in-process intake does; without it
// the list finds new rows by polling, as it does for a separate `billbridge-cli serve`.
// Targets: first rows < 300 ms, filters < 100 ms, full text < 300 ms, RSS < 300 MB, no stall > 50 ms.

#include "events/eventlistmodel.h"
#include "store/eventstore.h"
#include "store/eventwriter.h"
#include "support/syntheticevents.h"
#include "support/tempstore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHeaderView>
#include <QRandomGenerator>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace billbridge;
using widgets::EventListModel;

namespace {

double msSince(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

struct Row {
    QString name;
    double firstMs = 0;
    double medianMs = 0;
    int rows = 0;
    double target = 0;
    QString unit = QStringLiteral("ms");
};

// Time from a request to its first page being in the model and painted by the view.
double timeToFirstRows(QTableView& view, EventListModel& model, const std::function<void()>& request)
{
    int pages = 0;
    const QMetaObject::Connection counting =
        QObject::connect(&model, &EventListModel::firstPageLoaded, [&pages] { ++pages; });
    QElapsedTimer timer;
    timer.start();
    request();
    if (!QTest::qWaitFor([&] { return pages > 0; }, 60000))
        std::printf("  (timed out waiting for rows)\n");
    view.viewport()->repaint();
    const double ms = msSince(timer);
    QObject::disconnect(counting);
    return ms;
}

Row measure(const QString& name, double target, QTableView& view, EventListModel& model,
            const std::function<void()>& request)
{
    std::vector<double> times;
    for (int i = 0; i < 5; ++i) {
        times.push_back(timeToFirstRows(view, model, request));
        // Let the match count that follows every filter finish, so it does not queue ahead of the next one.
        QTest::qWait(i == 0 ? 200 : 50);
    }
    const double first = times.front();
    std::sort(times.begin(), times.end());
    return {name, first, times[times.size() / 2], model.rowCount(), target};
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    QString path;
    int rate = 2000;
    int seconds = 10;
    bool notify = arguments.contains(QStringLiteral("--notify"));
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--store"))
            path = arguments[i + 1];
        else if (arguments[i] == QLatin1String("--rate"))
            rate = arguments[i + 1].toInt();
        else if (arguments[i] == QLatin1String("--seconds"))
            seconds = arguments[i + 1].toInt();
    }
    if (path.isEmpty() || !QFileInfo::exists(path)) {
        std::fprintf(stderr, "usage: bench_event_console --store PATH [--rate N] [--seconds N] [--notify]\n"
                             "Build the store first: bench_event_browser --store PATH --events 100000\n");
        return 2;
    }

    // The store matches addresses case-insensitively for ASCII only (SQLite's NOCASE), as EventFilter says.
    const auto asciiUpper = [](QString text) {
        for (QChar& c : text)
            if (c.unicode() < 128)
                c = c.toUpper();
        return text;
    };
    // Setup, not measured: a customer from the middle of the store to filter by.
    store::EventFilter withCustomer;
    QString customerId, customerEmail;
    std::int64_t storedEvents = 0;
    {
        store::EventStore reader = store::EventStore::openForReading(path);
        storedEvents = reader.count();
        // From the oldest rows: the ones bench_event_browser built and indexed, not earlier ingest runs.
        for (const auto& event : reader.query().pageBefore({}, std::nullopt, 1000).events) {
            if (!event.fields.customerEmail.isEmpty() && event.seq % 7 == 0) {
                customerId = event.fields.customerId;
                customerEmail = event.fields.customerEmail;
                break;
            }
        }
    }
    std::printf("store %s: %lld events, %.0f MB\n", qPrintable(path), static_cast<long long>(storedEvents),
                double(QFileInfo(path).size()) / 1e6);

    QTableView view;
    view.resize(1400, 900);
    view.verticalHeader()->setDefaultSectionSize(22);
    view.show();

    std::vector<Row> rows;
    EventListModel* model = nullptr;
    {
        QElapsedTimer timer;
        timer.start();
        model = new EventListModel(path, &app);
        model->setLiveUpdates(false);
        bool loaded = false;
        const QMetaObject::Connection loading =
            QObject::connect(model, &EventListModel::firstPageLoaded, [&loaded] { loaded = true; });
        view.setModel(model);
        if (!QTest::qWaitFor([&] { return loaded; }, 60000))
            std::printf("  (timed out waiting for the first rows)\n");
        QObject::disconnect(loading);
        view.viewport()->repaint();
        rows.push_back({QStringLiteral("open store + first rows"), msSince(timer), msSince(timer),
                        model->rowCount(), 300});
    }
    QTest::qWait(300);
    auto filterBy = [&](store::EventFilter filter) { return [model, filter] { model->setFilter(filter); }; };
    rows.push_back(measure(QStringLiteral("no filter (reload)"), 300, view, *model, filterBy({})));
    rows.push_back(measure(QStringLiteral("type invoice.payment_failed"), 100, view, *model,
                           filterBy({.types = {QStringLiteral("invoice.payment_failed")}})));
    rows.push_back(measure(QStringLiteral("type invoice.*"), 100, view, *model,
                           filterBy({.types = {QStringLiteral("invoice.*")}})));
    rows.push_back(
        measure(QStringLiteral("customer id"), 100, view, *model, filterBy({.customerId = customerId})));
    rows.push_back(measure(QStringLiteral("customer email (other case)"), 100, view, *model,
                           filterBy({.customerEmail = asciiUpper(customerEmail)})));
    rows.push_back(measure(QStringLiteral("livemode live"), 100, view, *model, filterBy({.livemode = true})));
    rows.push_back(
        measure(QStringLiteral("full text: an email"), 300, view, *model, filterBy({.text = customerEmail})));
    rows.push_back(measure(QStringLiteral("full text: a customer id"), 300, view, *model,
                           filterBy({.text = customerId})));
    model->setFilter({});
    QTest::qWait(300);
    rows.push_back(
        measure(QStringLiteral("jump to end"), 100, view, *model, [model] { model->jumpToEnd(); }));
    rows.push_back(
        measure(QStringLiteral("jump to start"), 300, view, *model, [model] { model->jumpToStart(); }));
    {
        // Scrolling down as the view asks for pages: 20 pages of 200 rows.
        std::vector<double> times;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer timer;
            timer.start();
            const int before = model->rowCount();
            view.scrollToBottom();
            if (!QTest::qWaitFor([&] { return model->rowCount() > before; }, 10000))
                std::printf("  (timed out waiting for the next page)\n");
            view.viewport()->repaint();
            times.push_back(msSince(timer));
        }
        const double first = times.front();
        std::sort(times.begin(), times.end());
        rows.push_back(
            {QStringLiteral("scroll: next page"), first, times[times.size() / 2], model->rowCount(), 100});
    }
    const double rssBeforeIngest = peakRssMb();

    // Live ingest: the writer on its own thread, a feeder submitting every 10 ms, the list live at the head.
    model->jumpToStart();
    QTest::qWait(300);
    model->setLiveInterval(EventListModel::kDefaultLiveInterval);
    model->setLiveUpdates(true);
    QElapsedTimer insertTimer;
    double insertMsTotal = 0, insertMsMax = 0;
    int inserts = 0, arrived = 0;
    QObject::connect(model, &QAbstractItemModel::rowsAboutToBeInserted, [&] { insertTimer.start(); });
    QObject::connect(model, &QAbstractItemModel::rowsInserted, [&](const QModelIndex&, int first, int last) {
        const double ms = msSince(insertTimer);
        insertMsTotal += ms;
        insertMsMax = std::max(insertMsMax, ms);
        ++inserts;
        arrived += last - first + 1;
    });

    store::EventWriter writer(path);
    writer.start();
    if (notify) {
        writer.setCommitObserver([model](std::int64_t, int) {
            QMetaObject::invokeMethod(model, &EventListModel::storeChanged, Qt::QueuedConnection);
        });
    }
    std::atomic<bool> feeding{true};
    std::atomic<int> submitted{0};
    std::thread feeder([&] {
        // Fresh ids on every run: events repeated from an earlier run would be stored as duplicates.
        QRandomGenerator random = QRandomGenerator::securelySeeded();
        const int perTick = std::max(rate / 100, 1);
        auto next = std::chrono::steady_clock::now();
        int index = 0;
        while (feeding.load()) {
            store::WriteRequest request;
            for (int i = 0; i < perTick; ++i)
                request.events.push_back(test::TempStore::incoming(
                    test::syntheticInvoicePaidEvent(random, 5000000 + index++, 3000)));
            writer.submit(std::move(request), [](const store::WriteResult&) {});
            submitted += perTick;
            next += std::chrono::milliseconds(10);
            std::this_thread::sleep_until(next);
        }
    });

    QElapsedTimer tick;
    tick.start();
    qint64 lastTick = tick.nsecsElapsed();
    double longestGapMs = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = tick.nsecsElapsed();
        longestGapMs = std::max(longestGapMs, double(now - lastTick) / 1e6);
        lastTick = now;
    });
    probe.start();
    QTest::qWait(seconds * 1000);
    probe.stop();
    feeding = false;
    feeder.join();
    writer.stop();
    QTest::qWait(500);

    std::printf("\n%-34s %10s %10s %8s %8s\n", "measure", "first", "median", "rows", "target");
    for (const Row& row : rows)
        std::printf("%-34s %8.1f %s %8.1f %s %8d %6.0f %s %s\n", qPrintable(row.name), row.firstMs,
                    qPrintable(row.unit), row.medianMs, qPrintable(row.unit), row.rows, row.target,
                    qPrintable(row.unit), row.firstMs <= row.target ? "ok" : "SLOW");
    std::printf("%-34s %8.1f MB %37.0f MB %s\n", "peak RSS before ingest", rssBeforeIngest, 300.0,
                rssBeforeIngest <= 300 ? "ok" : "HIGH");
    std::printf("\nlive ingest: %d events/s for %d s (%s), %d submitted, %d arrived in %d inserts\n", rate,
                seconds, notify ? "commit notification + polling" : "polling", submitted.load(), arrived,
                inserts);
    std::printf("%-34s %8.1f ms %37.0f ms %s\n", "longest UI-thread stall", longestGapMs, 50.0,
                longestGapMs <= 50 ? "ok" : "SLOW");
    std::printf("%-34s %8.2f ms (max %.2f ms, total %.1f ms)\n", "model insert, mean",
                inserts ? insertMsTotal / inserts : 0.0, insertMsMax, insertMsTotal);
    std::printf("%-34s %8.1f MB %37.0f MB %s\n", "peak RSS after ingest", peakRssMb(), 300.0,
                peakRssMb() <= 300 ? "ok" : "HIGH");
    view.setModel(nullptr);
    delete model;
    return 0;
}
