// Event browser benchmark: builds (or reuses) a store of N realistic events — synthetic invoices and the
// project's fixtures, spread over many customers, types, emails, sources and both modes — lets the
// FullTextIndexer index it, then times what the browser does through EventStore/EventQuery: the first
// page after opening, type, customer, email, livemode and full-text filters, jumping to the oldest page,
// scrolling, live updates and capped counts. Page-cache state: warm (the store was just built or read).
//
//   bench_event_browser [--store PATH] [--events N]
//
// Targets for the console: first rows < 300 ms, filters < 100 ms, full text < 300 ms.

#include "store/database.h"
#include "store/eventquery.h"
#include "store/eventstore.h"
#include "store/fulltextindexer.h"
#include "stripe/stripeevent.h"
#include "support/fixtures.h"
#include "support/syntheticevents.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace billbridge;

namespace {

constexpr std::int64_t kFirstCreated = 1760000000;

struct Customer {
    QByteArray id;
    QByteArray email;
    QByteArray name;
};

Customer customerNumber(int n)
{
    static const char* first[] = {"Ada",    "Grace", "Linus", "Margaret", "Alan",  "Barbara",
                                  "Jürgen", "Chidi", "Sofia", "Kenji",    "Amara", "Lena",
                                  "Mateo",  "Priya", "Ole",   "Zoë"};
    static const char* last[] = {"Lovelace", "Hopper",  "Torvalds", "Hamilton", "Turing",
                                 "Liskov",   "Müller",  "Okafor",   "Rossi",    "Tanaka",
                                 "Nwosu",    "Schmidt", "García",   "Iyer",     "Berg"};
    const QByteArray given = first[n % 16], family = last[(n / 16) % 15];
    QRandomGenerator random(quint32(n) * 2654435761u);
    return {test::randomId(random, "cus_", 14),
            given.toLower() + '.' + family.toLower() + QByteArray::number(n) + "@example.com",
            given + ' ' + family + ' ' + QByteArray::number(n)};
}

double msSince(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

long peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

void resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

// Setup, not measured: one connection, big transactions, no fsync.
void buildStore(const QString& path, std::int64_t events)
{
    store::SqliteConnection connection = store::Database::openForWriting(path);
    connection.exec("PRAGMA synchronous = OFF");
    std::int64_t have = 0;
    {
        store::SqliteStatement count = connection.prepare("SELECT count(*) FROM events");
        have = count.step() ? count.int64(0) : 0;
    }
    if (have >= events) {
        std::printf("reusing %s with %lld events\n", qPrintable(path), static_cast<long long>(have));
        return;
    }
    const int customers = int(std::max<std::int64_t>(events / 20, 50));
    std::printf("building %lld events for %d customers into %s ...\n", static_cast<long long>(events - have),
                customers, qPrintable(path));
    std::fflush(stdout);

    const QStringList fixtureNames = test::Fixtures::names();
    std::vector<QByteArray> fixtures;
    std::vector<stripe::StripeEventFields> fixtureFields;
    for (const QString& name : fixtureNames) {
        fixtures.push_back(test::Fixtures::load(name));
        fixtureFields.push_back(*stripe::parseStripeEvent(fixtures.back()).fields);
    }
    static const char* invoiceTypes[] = {
        "invoice.paid",           "invoice.paid",     "invoice.finalized", "invoice.created",
        "invoice.payment_failed", "invoice.upcoming", "invoice.updated",   "invoice.payment_succeeded"};
    static const char* sources[] = {"webhook", "poll", "backfill"};
    store::SqliteStatement insert = connection.prepare(
        "INSERT INTO events (id, type, created, livemode, api_version, account, object_type, object_id, "
        "customer_id, source, received_at_ms, signature, raw, customer_email) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    QRandomGenerator random(20261122);
    QElapsedTimer timer;
    timer.start();
    constexpr int kPerTransaction = 20000;
    for (std::int64_t i = have; i < events;) {
        store::SqliteTransaction transaction(connection);
        for (int n = 0; n < kPerTransaction && i < events; ++n, ++i) {
            const Customer customer = customerNumber(int(random.bounded(customers)));
            QByteArray raw;
            if (random.bounded(100) < 60) {
                raw = test::syntheticInvoicePaidEvent(random, int(i), 2000 + int(random.bounded(3500)));
                const auto fields = *stripe::parseStripeEvent(raw).fields;
                raw.replace(fields.customerId.toUtf8(), customer.id);
                raw.replace(fields.customerEmail.toUtf8(), customer.email);
                raw.replace(QByteArray("Customer Number " + QByteArray::number(i)), customer.name);
                raw.replace("\"type\": \"invoice.paid\"",
                            QByteArray(QByteArray("\"type\": \"") + invoiceTypes[random.bounded(8)] + '"'));
            } else {
                const auto which = random.bounded(int(fixtures.size()));
                const auto& fields = fixtureFields[std::size_t(which)];
                raw = test::Fixtures::withEventId(fixtures[std::size_t(which)],
                                                  test::Fixtures::syntheticEventId(i));
                if (!fields.customerId.isEmpty())
                    raw.replace(fields.customerId.toUtf8(), customer.id);
                if (!fields.customerEmail.isEmpty())
                    raw.replace(fields.customerEmail.toUtf8(), customer.email);
            }
            if (random.bounded(100) < 3)
                raw.replace("\"livemode\": false", "\"livemode\": true");
            const auto parsed = stripe::parseStripeEvent(raw);
            if (!parsed.fields)
                qFatal("generated an invalid event: %s", qPrintable(parsed.error));
            const auto& f = *parsed.fields;
            // Two events per second on the timeline, so pages cross many equal `created` values.
            const std::int64_t created = kFirstCreated + i / 2;
            const int sourceRoll = int(random.bounded(100));
            insert.bind(1, f.id)
                .bind(2, f.type)
                .bind(3, created)
                .bind(4, f.livemode)
                .bind(5, f.apiVersion)
                .bind(6, f.account)
                .bind(7, f.objectType)
                .bind(8, f.objectId)
                .bind(9, f.customerId)
                .bind(10, QString::fromLatin1(sources[sourceRoll < 90   ? 0
                                                      : sourceRoll < 98 ? 1
                                                                        : 2]))
                .bind(11, created * 1000 + 800)
                .bind(12, QStringLiteral("api"))
                .bindBlob(13, raw)
                .bind(14, f.customerEmail.isEmpty() ? QString() : f.customerEmail);
            insert.step();
            insert.reset();
        }
        transaction.commit();
        std::printf("  %lld events, %.0f events/s\n", static_cast<long long>(i),
                    double(i - have) / (msSince(timer) / 1000.0));
        std::fflush(stdout);
    }
    connection.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    connection.exec("ANALYZE");
    std::printf("built in %.1f s\n", msSince(timer) / 1000.0);
}

void indexStore(const QString& path)
{
    store::SqliteConnection connection = store::Database::openForReading(path);
    const auto before = store::FullTextIndexer::progress(connection);
    if (before.pending() == 0) {
        std::printf("full-text index up to date (seq %lld)\n", static_cast<long long>(before.indexedSeq));
        return;
    }
    std::printf("full-text indexing %lld events ...\n", static_cast<long long>(before.pending()));
    std::fflush(stdout);
    QElapsedTimer timer;
    timer.start();
    store::FullTextIndexer indexer(path, 1000);
    indexer.start();
    while (!indexer.waitUntilIndexed(before.latestSeq, std::chrono::seconds(30)))
        std::printf("  indexed up to seq %lld after %.0f s\n", static_cast<long long>(indexer.indexedSeq()),
                    msSince(timer) / 1000.0);
    indexer.stop();
    const double seconds = msSince(timer) / 1000.0;
    std::printf("full-text index built in %.1f s (%.0f events/s)\n", seconds,
                double(before.pending()) / seconds);
}

struct Measure {
    QString name;
    double firstMs = 0;
    double medianMs = 0;
    std::size_t rows = 0;
    double targetMs = 0;
};

Measure measure(const QString& name, double targetMs, const std::function<std::size_t()>& run)
{
    std::vector<double> times;
    std::size_t rows = 0;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer timer;
        timer.start();
        rows = run();
        times.push_back(msSince(timer));
    }
    const double first = times.front();
    std::sort(times.begin(), times.end());
    return {name, first, times[times.size() / 2], rows, targetMs};
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    std::int64_t events = 100000;
    QString path;
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--events"))
            events = arguments[i + 1].toLongLong();
        else if (arguments[i] == QLatin1String("--store"))
            path = arguments[i + 1];
    }
    if (path.isEmpty())
        path = QStringLiteral("/tmp/billbridge-bench-browser-%1.sqlite").arg(events);

    buildStore(path, events);
    indexStore(path);
    std::printf("store file %.0f MB\n", double(QFileInfo(path).size()) / 1e6);

    resetPeakRss();
    std::vector<Measure> results;
    // Opening is part of the first page: a console starting up pays for both.
    {
        QElapsedTimer timer;
        timer.start();
        store::EventStore opened = store::EventStore::openForReading(path);
        const auto page = opened.query().page(store::EventFilter{}, std::nullopt, 100);
        results.push_back(
            {QStringLiteral("open + first page"), msSince(timer), msSince(timer), page.events.size(), 300});
    }
    store::EventStore store = store::EventStore::openForReading(path);
    store::EventQuery query = store.query();
    const Customer someone = customerNumber(int(std::max<std::int64_t>(events / 20, 50) / 3));
    auto pageOf = [&](store::EventFilter filter) {
        return [&query, filter] { return query.page(filter, std::nullopt, 100).events.size(); };
    };
    store::EventFilter filter;
    results.push_back(measure(QStringLiteral("first page (open store)"), 300, pageOf(filter)));
    filter.types = {QStringLiteral("invoice.payment_failed")};
    results.push_back(measure(QStringLiteral("type invoice.payment_failed"), 100, pageOf(filter)));
    filter.types = {QStringLiteral("invoice.*")};
    results.push_back(measure(QStringLiteral("type invoice.*"), 100, pageOf(filter)));
    filter.types = {QStringLiteral("charge.dispute.created"), QStringLiteral("customer.deleted")};
    results.push_back(measure(QStringLiteral("two rare types"), 100, pageOf(filter)));
    filter = {};
    filter.customerId = QString::fromLatin1(someone.id);
    results.push_back(measure(QStringLiteral("customer id"), 100, pageOf(filter)));
    filter = {};
    // Matching ignores ASCII case only: upper-case the ASCII letters, as a user retyping an address would.
    filter.customerEmail = QString::fromUtf8(someone.email);
    for (QChar& c : filter.customerEmail)
        if (c.unicode() < 0x80)
            c = c.toUpper();
    results.push_back(measure(QStringLiteral("customer email"), 100, pageOf(filter)));
    filter = {};
    filter.livemode = true;
    results.push_back(measure(QStringLiteral("livemode live (3%)"), 100, pageOf(filter)));
    filter = {};
    filter.source = store::EventSource::Backfill;
    filter.types = {QStringLiteral("invoice.paid")};
    results.push_back(measure(QStringLiteral("source backfill + invoice.paid"), 100, pageOf(filter)));
    filter = {};
    filter.text = QString::fromUtf8(someone.email);
    results.push_back(measure(QStringLiteral("full text: an email"), 300, pageOf(filter)));
    filter.text = QString::fromUtf8(someone.name);
    results.push_back(measure(QStringLiteral("full text: a name"), 300, pageOf(filter)));
    filter.text = QStringLiteral("A1B2C3D4-%1").arg(1000 + events / 2);
    results.push_back(measure(QStringLiteral("full text: an invoice number"), 300, pageOf(filter)));
    filter.text = QString::fromLatin1(someone.id);
    results.push_back(measure(QStringLiteral("full text: a customer id"), 300, pageOf(filter)));
    filter.text = QStringLiteral("Hopper");
    results.push_back(measure(QStringLiteral("full text: a common surname"), 300, pageOf(filter)));
    filter = {};
    results.push_back(measure(QStringLiteral("jump to end (oldest page)"), 100,
                              [&] { return query.pageBefore(filter, std::nullopt, 100).events.size(); }));
    results.push_back(measure(QStringLiteral("scroll 50 pages from the top"), 300, [&] {
        std::optional<store::EventCursor> cursor;
        std::size_t rows = 0;
        for (int i = 0; i < 50; ++i) {
            const auto page = query.page(filter, cursor, 100);
            rows += page.events.size();
            cursor = store::EventCursor::of(page.events.back());
        }
        return rows;
    }));
    const std::int64_t latest = query.latestSeq();
    filter.types = {QStringLiteral("invoice.*")};
    results.push_back(measure(QStringLiteral("newerThan(latest-1000), invoice.*"), 100,
                              [&] { return query.newerThan(latest - 1000, filter, 500).events.size(); }));
    results.push_back(measure(QStringLiteral("count invoice.* (cap 100k)"), 100,
                              [&] { return std::size_t(query.count(filter).count); }));
    filter = {};
    filter.customerEmail = QString::fromUtf8(someone.email);
    results.push_back(measure(QStringLiteral("count by email"), 100,
                              [&] { return std::size_t(query.count(filter).count); }));

    std::printf("\n%-40s %10s %10s %7s %8s\n", "measure", "first ms", "median ms", "rows", "target");
    for (const Measure& m : results)
        std::printf("%-40s %10.2f %10.2f %7zu %6.0f %s\n", qPrintable(m.name), m.firstMs, m.medianMs, m.rows,
                    m.targetMs, m.firstMs <= m.targetMs ? "ok" : "SLOW");
    std::printf("peak RSS while measuring: %.1f MB\n", double(peakRssKb()) / 1024.0);
    return 0;
}
