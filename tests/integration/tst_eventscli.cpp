#include "store/database.h"
#include "support/clirun.h"
#include "support/fixtures.h"
#include "support/tempstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>

using billbridge::store::EventSource;
using billbridge::store::IncomingEvent;

namespace billbridge::test {

namespace {

using Run = CliRun;

struct Expected {
    QString id;
    QString type;
    std::int64_t created = 0;
    QString customerId;
    QString source;
};

EventSource sourceFor(const QString& name)
{
    if (name.startsWith(QLatin1String("tobias")))
        return EventSource::Poll;
    if (name.startsWith(QLatin1String("ines")))
        return EventSource::Backfill;
    return EventSource::Webhook;
}

QByteArray digest(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly)
               ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
               : QByteArray();
}

} // namespace

class TestEventsCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void listTable();
    void listJson();
    void listByTypePattern();
    void listSeveralTypes();
    void listByCustomer();
    void listSinceDate();
    void listSinceRelative();
    void listLimit();
    void listBySource();
    void showPrintsRawBytes_data();
    void showPrintsRawBytes();
    void showKeepsAFinalNewline();
    void showUnknownEvent();
    void badArguments_data();
    void badArguments();
    void statsText();
    void statsJson();
    void missingStore_data();
    void missingStore();
    void notAStore();
    void environmentVariable();
    void defaultPathFromXdgDataHome();
    void readingLeavesStoreUntouched();
    void readsWhileServeIsWriting();

private:
    Run run(const QStringList& arguments, const QHash<QString, QString>& environment = {}) const;
    Run runOnStore(QStringList arguments) const;
    QStringList expectedIds(const std::function<bool(const Expected&)>& keep, int limit = 1000) const;
    static QStringList idsFromJsonLines(const Run& result);

    std::unique_ptr<TempStore> m_store;
    QTemporaryDir m_home;
    QList<Expected> m_expected;
};

void TestEventsCli::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(BILLBRIDGE_CLI_PATH)).isExecutable(), BILLBRIDGE_CLI_PATH);
    QVERIFY(m_home.isValid());
    m_store = std::make_unique<TempStore>();
    std::vector<IncomingEvent> events;
    for (const QString& name : Fixtures::names()) {
        events.push_back(TempStore::incoming(Fixtures::load(name), sourceFor(name)));
        const IncomingEvent& e = events.back();
        m_expected << Expected{e.fields.id, e.fields.type, e.fields.created, e.fields.customerId,
                               store::toString(e.source)};
    }
    QVERIFY(m_store->add(std::move(events)).committed);
    m_store->stopWriter();
}

void TestEventsCli::cleanupTestCase()
{
    m_store.reset();
}

Run TestEventsCli::run(const QStringList& arguments, const QHash<QString, QString>& environment) const
{
    return runCli(arguments, m_home.filePath(QStringLiteral("xdg-data")), environment);
}

Run TestEventsCli::runOnStore(QStringList arguments) const
{
    arguments << QStringLiteral("--db") << m_store->path();
    return run(arguments);
}

QStringList TestEventsCli::expectedIds(const std::function<bool(const Expected&)>& keep, int limit) const
{
    QList<Expected> kept;
    for (const Expected& e : m_expected) {
        if (keep(e))
            kept << e;
    }
    // Newest first; the fixtures have no two events in the same second.
    std::sort(kept.begin(), kept.end(),
              [](const Expected& a, const Expected& b) { return a.created > b.created; });
    QStringList ids;
    for (const Expected& e : kept.mid(0, limit))
        ids << e.id;
    return ids;
}

QStringList TestEventsCli::idsFromJsonLines(const Run& result)
{
    QStringList ids;
    for (const QByteArray& line : result.lines()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            ids << QStringLiteral("<not a JSON object: %1>").arg(QString::fromUtf8(line));
            continue;
        }
        ids << document.object().value(QLatin1String("id")).toString();
    }
    return ids;
}

void TestEventsCli::listTable()
{
    const Run result = runOnStore({QStringLiteral("events"), QStringLiteral("list")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    const QList<QByteArray> lines = result.lines();
    QCOMPARE(lines.size(), m_expected.size()); // under the default limit of 50

    static const QRegularExpression row(
        QStringLiteral("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ)  (evt_\\w+) +([a-z_.]+) +(cus_\\w+|-) "
                       "+(webhook|poll|backfill) +(TEST|LIVE)$"));
    const QStringList expected = expectedIds([](const Expected&) { return true; });
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto match = row.match(QString::fromUtf8(lines[i]));
        QVERIFY2(match.hasMatch(), lines[i].constData());
        QCOMPARE(match.captured(2), expected[i]);
        const auto e = std::find_if(m_expected.begin(), m_expected.end(),
                                    [&](const Expected& x) { return x.id == expected[i]; });
        QCOMPARE(match.captured(1), QDateTime::fromSecsSinceEpoch(e->created, Qt::UTC).toString(Qt::ISODate));
        QCOMPARE(match.captured(3), e->type);
        QCOMPARE(match.captured(4), e->customerId.isEmpty() ? QStringLiteral("-") : e->customerId);
        QCOMPARE(match.captured(5), e->source);
        QCOMPARE(match.captured(6), QStringLiteral("TEST"));
    }
    QVERIFY(lines.first().startsWith("2026-11-18T16:35:14Z  evt_1T3staveBa03sFLpRfF94mpm"));
}

void TestEventsCli::listJson()
{
    const Run result =
        runOnStore({QStringLiteral("events"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
    const QList<QByteArray> lines = result.lines();
    QCOMPARE(lines.size(), m_expected.size());
    QCOMPARE(idsFromJsonLines(result), expectedIds([](const Expected&) { return true; }));
    for (const QByteArray& line : lines) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        const QString id = object.value(QLatin1String("id")).toString();
        const auto e =
            std::find_if(m_expected.begin(), m_expected.end(), [&](const Expected& x) { return x.id == id; });
        QVERIFY(e != m_expected.end());
        QCOMPARE(object.value(QLatin1String("type")).toString(), e->type);
        QCOMPARE(object.value(QLatin1String("created")).toInteger(), e->created);
        QCOMPARE(object.value(QLatin1String("customer_id")).toString(), e->customerId);
        QCOMPARE(object.value(QLatin1String("source")).toString(), e->source);
        QCOMPARE(object.value(QLatin1String("signature")).toString(),
                 e->source == QLatin1String("webhook") ? QStringLiteral("verified") : QStringLiteral("api"));
        QCOMPARE(object.value(QLatin1String("livemode")).toBool(true), false);
        QCOMPARE(object.value(QLatin1String("api_version")).toString(), QStringLiteral("2026-07-29.dahlia"));
        QCOMPARE(object.value(QLatin1String("duplicates")).toInteger(-1), 0);
        QCOMPARE(object.value(QLatin1String("received_at_ms")).toInteger(), e->created * 1000 + 1500);
        QVERIFY(object.contains(QLatin1String("object_type")));
        QVERIFY(object.contains(QLatin1String("object_id")));
        // A listing never carries the payload (personal data stays in `events show`).
        QVERIFY(!line.contains("@example.com"));
    }
}

void TestEventsCli::listByTypePattern()
{
    const Run result = runOnStore({QStringLiteral("events"), QStringLiteral("list"), QStringLiteral("--json"),
                                   QStringLiteral("--type"), QStringLiteral("invoice.*")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
    const QStringList expected =
        expectedIds([](const Expected& e) { return e.type.startsWith(QLatin1String("invoice.")); });
    QCOMPARE(expected.size(), 9);
    QCOMPARE(idsFromJsonLines(result), expected);
}

void TestEventsCli::listSeveralTypes()
{
    const QStringList expected = expectedIds([](const Expected& e) {
        return e.type == QLatin1String("invoice.paid") || e.type == QLatin1String("charge.refunded");
    });
    QCOMPARE(expected.size(), 5);
    const Run commaSeparated =
        runOnStore({QStringLiteral("events"), QStringLiteral("list"), QStringLiteral("--json"),
                    QStringLiteral("--type"), QStringLiteral("invoice.paid,charge.refunded")});
    QVERIFY2(commaSeparated.exitCode == 0, qPrintable(commaSeparated.diagnostics()));
    QCOMPARE(idsFromJsonLines(commaSeparated), expected);
    const Run repeated = runOnStore(
        {QStringLiteral("events"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--type"),
         QStringLiteral("invoice.paid"), QStringLiteral("--type"), QStringLiteral("charge.refunded")});
    QCOMPARE(idsFromJsonLines(repeated), expected);
}

void TestEventsCli::listByCustomer()
{
    const QString tobias = QStringLiteral("cus_T3st9APTPXIe34");
    const Run result = runOnStore({QStringLiteral("events"), QStringLiteral("list"), QStringLiteral("--json"),
                                   QStringLiteral("--customer"), tobias});
    QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
    QCOMPARE(idsFromJsonLines(result),
             expectedIds([&](const Expected& e) { return e.customerId == tobias; }));
    QCOMPARE(result.lines().size(), 8);

    const Run nobody = runOnStore({QStringLiteral("events"), QStringLiteral("list"),
                                   QStringLiteral("--customer"), QStringLiteral("cus_T3stNobodyHere")});
    QCOMPARE(nobody.exitCode, 0);
    QVERIFY(nobody.out.isEmpty());
}

void TestEventsCli::listSinceDate()
{
    // A date alone means midnight UTC.
    const std::int64_t midnight = 1792022400; // 2026-10-15T00:00:00Z
    const Run byDate = runOnStore({QStringLiteral("events"), QStringLiteral("list"), QStringLiteral("--json"),
                                   QStringLiteral("--since"), QStringLiteral("2026-10-15")});
    QVERIFY2(byDate.exitCode == 0, qPrintable(byDate.diagnostics()));
    QCOMPARE(idsFromJsonLines(byDate), expectedIds([&](const Expected& e) { return e.created >= midnight; }));
    QCOMPARE(byDate.lines().size(), 10);

    // A timestamp is inclusive to the second.
    const Run byTime = runOnStore({QStringLiteral("events"), QStringLiteral("list"), QStringLiteral("--json"),
                                   QStringLiteral("--since"), QStringLiteral("2026-10-15T10:14:44Z")});
    QVERIFY2(byTime.exitCode == 0, qPrintable(byTime.diagnostics()));
    QCOMPARE(idsFromJsonLines(byTime),
             expectedIds([](const Expected& e) { return e.created >= 1792059284; }));
    QCOMPARE(idsFromJsonLines(byTime).last(), QStringLiteral("evt_1T3stSRBAYxq62n5xqki4re8"));
}

void TestEventsCli::listSinceRelative()
{
    // Relative to the real clock: whichever side of the fixtures' dates today is, the answer must agree.
    const std::int64_t threshold = QDateTime::currentSecsSinceEpoch() - 30 * 86400;
    const Run result = runOnStore({QStringLiteral("events"), QStringLiteral("list"), QStringLiteral("--json"),
                                   QStringLiteral("--since"), QStringLiteral("30d")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
    QCOMPARE(idsFromJsonLines(result),
             expectedIds([&](const Expected& e) { return e.created >= threshold; }));
    const Run hours = runOnStore(
        {QStringLiteral("events"), QStringLiteral("list"), QStringLiteral("--since"), QStringLiteral("12h")});
    QCOMPARE(hours.exitCode, 0);
}

void TestEventsCli::listLimit()
{
    const Run result = runOnStore({QStringLiteral("events"), QStringLiteral("list"), QStringLiteral("--json"),
                                   QStringLiteral("--limit"), QStringLiteral("3")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
    QCOMPARE(idsFromJsonLines(result), expectedIds([](const Expected&) { return true; }, 3));
    const Run one = runOnStore({QStringLiteral("events"), QStringLiteral("list"), QStringLiteral("--limit"),
                                QStringLiteral("1"), QStringLiteral("--type"), QStringLiteral("customer.*")});
    QCOMPARE(one.lines().size(), 1);
    QVERIFY(one.out.contains("evt_1T3stg8h5ZdyfuJgz7REEI4s")); // Maren's subscription ends
}

void TestEventsCli::listBySource()
{
    const Run result = runOnStore({QStringLiteral("events"), QStringLiteral("list"), QStringLiteral("--json"),
                                   QStringLiteral("--source"), QStringLiteral("backfill")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
    QCOMPARE(idsFromJsonLines(result),
             expectedIds([](const Expected& e) { return e.source == QLatin1String("backfill"); }));
    QCOMPARE(result.lines().size(), 4);
}

void TestEventsCli::showPrintsRawBytes_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("webhook invoice") << QStringLiteral("maren-13-invoice.paid");
    QTest::newRow("non-ascii payload") << QStringLiteral("ines-03-invoice.paid");
    QTest::newRow("upcoming invoice") << QStringLiteral("maren-05-invoice.upcoming");
    QTest::newRow("polled deletion") << QStringLiteral("tobias-08-customer.deleted");
}

void TestEventsCli::showPrintsRawBytes()
{
    QFETCH(QString, name);
    const QByteArray raw = Fixtures::load(name);
    QVERIFY(!raw.endsWith('\n'));
    const QString id = TempStore::incoming(raw).fields.id;
    const Run result = runOnStore({QStringLiteral("events"), QStringLiteral("show"), id});
    QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
    QVERIFY(result.err.isEmpty());
    // Byte for byte, plus the newline a terminal needs; nothing re-encoded or re-indented.
    QCOMPARE(result.out, raw + '\n');
}

void TestEventsCli::showKeepsAFinalNewline()
{
    TempStore store;
    const QByteArray raw = Fixtures::withEventId(Fixtures::load(QStringLiteral("maren-01-customer.created")),
                                                 Fixtures::syntheticEventId(7)) +
                           "\n";
    QVERIFY(store.addRaw({raw}).committed);
    store.stopWriter();
    const Run result = run({QStringLiteral("events"), QStringLiteral("show"), Fixtures::syntheticEventId(7),
                            QStringLiteral("--db"), store.path()});
    QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
    QCOMPARE(result.out, raw);
}

void TestEventsCli::showUnknownEvent()
{
    const QString id = QStringLiteral("evt_1T3stNotInThisStore00001");
    const Run result = runOnStore({QStringLiteral("events"), QStringLiteral("show"), id});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.startsWith(QLatin1String("billbridge-cli: error:")), qPrintable(err));
    QVERIFY2(err.contains(id), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("no event")), qPrintable(err));
    // It says what to do next.
    QVERIFY2(err.contains(QLatin1String("backfill")), qPrintable(err));
}

void TestEventsCli::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    const QString events = QStringLiteral("events");
    const QString list = QStringLiteral("list");
    QTest::newRow("type with space") << QStringList{events, list, QStringLiteral("--type"),
                                                    QStringLiteral("invoice paid")}
                                     << QStringLiteral("invoice paid");
    QTest::newRow("type with glob class")
        << QStringList{events, list, QStringLiteral("--type"), QStringLiteral("invoice.[p]aid")}
        << QStringLiteral("invoice.[p]aid");
    QTest::newRow("one bad type among good ones")
        << QStringList{events, list, QStringLiteral("--type"), QStringLiteral("invoice.paid,in voice")}
        << QStringLiteral("in voice");
    QTest::newRow("since words") << QStringList{events, list, QStringLiteral("--since"),
                                                QStringLiteral("yesterday")}
                                 << QStringLiteral("--since");
    QTest::newRow("since unit") << QStringList{events, list, QStringLiteral("--since"), QStringLiteral("3w")}
                                << QStringLiteral("--since");
    QTest::newRow("since empty") << QStringList{events, list, QStringLiteral("--since"), QString()}
                                 << QStringLiteral("--since");
    QTest::newRow("limit zero") << QStringList{events, list, QStringLiteral("--limit"), QStringLiteral("0")}
                                << QStringLiteral("--limit");
    QTest::newRow("limit negative") << QStringList{events, list, QStringLiteral("--limit"),
                                                   QStringLiteral("-5")}
                                    << QStringLiteral("--limit");
    QTest::newRow("limit words") << QStringList{events, list, QStringLiteral("--limit"),
                                                QStringLiteral("ten")}
                                 << QStringLiteral("--limit");
    QTest::newRow("source") << QStringList{events, list, QStringLiteral("--source"), QStringLiteral("email")}
                            << QStringLiteral("--source");
    QTest::newRow("unknown option") << QStringList{events, list, QStringLiteral("--colour")}
                                    << QStringLiteral("colour");
    QTest::newRow("missing value") << QStringList{events, list, QStringLiteral("--limit")}
                                   << QStringLiteral("limit");
    QTest::newRow("show without id") << QStringList{events, QStringLiteral("show")}
                                     << QStringLiteral("event id");
    QTest::newRow("show two ids") << QStringList{events, QStringLiteral("show"), QStringLiteral("evt_1"),
                                                 QStringLiteral("evt_2")}
                                  << QStringLiteral("exactly one");
    QTest::newRow("events alone") << QStringList{events} << QStringLiteral("list");
    QTest::newRow("events unknown") << QStringList{events, QStringLiteral("tail")} << QStringLiteral("list");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("evnets")} << QStringLiteral("evnets");
}

void TestEventsCli::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    // Usage errors are found before the store is opened: a missing store must not mask them.
    const QString missing = m_home.filePath(QStringLiteral("absent/store.sqlite"));
    for (const QString& db : {m_store->path(), missing}) {
        QStringList withDb = arguments;
        if (arguments.size() > 1)
            withDb << QStringLiteral("--db") << db;
        const Run result = run(withDb);
        QVERIFY2(result.exitCode == 2, qPrintable(result.diagnostics()));
        QVERIFY(result.out.isEmpty());
        const QString err = QString::fromUtf8(result.err);
        QVERIFY2(err.startsWith(QLatin1String("billbridge-cli: error:")), qPrintable(err));
        QVERIFY2(err.contains(mentions), qPrintable(err));
    }
    QVERIFY(!QFileInfo::exists(missing));
}

void TestEventsCli::statsText()
{
    const Run result = runOnStore({QStringLiteral("stats")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
    const QString out = QString::fromUtf8(result.out);
    QVERIFY2(out.contains(QStringLiteral("store            %1 (schema %2)")
                              .arg(m_store->path())
                              .arg(store::Database::latestSchemaVersion())),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("events           30 (30 test, 0 live)")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("duplicates seen  0")), qPrintable(out));
    QVERIFY2(
        out.contains(QStringLiteral("newest           2026-11-18T16:35:14Z (evt_1T3staveBa03sFLpRfF94mpm)")),
        qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("oldest           2026-09-01T09:14:05Z")), qPrintable(out));
    static const QRegularExpression source(QStringLiteral("^source (\\w+) +(\\d+)$"),
                                           QRegularExpression::MultilineOption);
    QHash<QString, int> sources;
    for (auto it = source.globalMatch(out); it.hasNext();) {
        const auto match = it.next();
        sources.insert(match.captured(1), match.captured(2).toInt());
    }
    QCOMPARE(sources, (QHash<QString, int>{{QStringLiteral("webhook"), 18},
                                           {QStringLiteral("poll"), 8},
                                           {QStringLiteral("backfill"), 4}}));
    static const QRegularExpression type(QStringLiteral("^type customer\\.subscription\\.updated +8$"),
                                         QRegularExpression::MultilineOption);
    QVERIFY2(type.match(out).hasMatch(), qPrintable(out));
}

void TestEventsCli::statsJson()
{
    const Run result = runOnStore({QStringLiteral("stats"), QStringLiteral("--json")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.diagnostics()));
    QCOMPARE(result.lines().size(), 1);
    QJsonParseError error;
    const QJsonObject stats = QJsonDocument::fromJson(result.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(stats.value(QLatin1String("store")).toString(), m_store->path());
    QCOMPARE(stats.value(QLatin1String("schema_version")).toInt(), store::Database::latestSchemaVersion());
    QCOMPARE(stats.value(QLatin1String("events")).toInteger(), 30);
    QCOMPARE(stats.value(QLatin1String("test_events")).toInteger(), 30);
    QCOMPARE(stats.value(QLatin1String("live_events")).toInteger(), 0);
    QCOMPARE(stats.value(QLatin1String("duplicates_seen")).toInteger(), 0);
    QCOMPARE(stats.value(QLatin1String("newest_event")).toString(),
             QStringLiteral("evt_1T3staveBa03sFLpRfF94mpm"));
    const QJsonObject bySource = stats.value(QLatin1String("by_source")).toObject();
    QCOMPARE(bySource.value(QLatin1String("webhook")).toInteger(), 18);
    QCOMPARE(bySource.value(QLatin1String("poll")).toInteger(), 8);
    QCOMPARE(bySource.value(QLatin1String("backfill")).toInteger(), 4);
    const QJsonObject byType = stats.value(QLatin1String("by_type")).toObject();
    std::int64_t total = 0;
    for (auto it = byType.begin(); it != byType.end(); ++it)
        total += it.value().toInteger();
    QCOMPARE(total, 30);
    QCOMPARE(byType.value(QLatin1String("invoice.upcoming")).toInteger(), 1);
    QCOMPARE(byType.value(QLatin1String("customer.subscription.updated")).toInteger(), 8);
    QVERIFY(stats.value(QLatin1String("counters")).isObject());
}

void TestEventsCli::missingStore_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("list") << QStringList{QStringLiteral("events"), QStringLiteral("list")};
    QTest::newRow("list json") << QStringList{QStringLiteral("events"), QStringLiteral("list"),
                                              QStringLiteral("--json")};
    QTest::newRow("show") << QStringList{QStringLiteral("events"), QStringLiteral("show"),
                                         QStringLiteral("evt_1T3stMWNEOwwUPEe65k1Jci6")};
    QTest::newRow("stats") << QStringList{QStringLiteral("stats")};
    QTest::newRow("stats json") << QStringList{QStringLiteral("stats"), QStringLiteral("--json")};
}

void TestEventsCli::missingStore()
{
    QFETCH(QStringList, arguments);
    const QString missing = m_home.filePath(QStringLiteral("nowhere/billbridge.sqlite"));
    const Run result = run(arguments << QStringLiteral("--db") << missing);
    QCOMPARE(result.exitCode, 5);
    QVERIFY(result.out.isEmpty());
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.contains(QStringLiteral("no store at %1").arg(missing)), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("--db")), qPrintable(err));
    // Looking must not create anything.
    QVERIFY(!QFileInfo::exists(missing));
    QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("nowhere"))));
}

void TestEventsCli::notAStore()
{
    const QString path = m_home.filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(2048, 'n'));
    file.close();
    const QByteArray before = digest(path);
    for (const QStringList& arguments : {QStringList{QStringLiteral("stats")},
                                         QStringList{QStringLiteral("events"), QStringLiteral("list")}}) {
        const Run result = run(QStringList(arguments) << QStringLiteral("--db") << path);
        QCOMPARE(result.exitCode, 5);
        QVERIFY2(result.err.contains("not a Billbridge store"), result.err.constData());
    }
    QCOMPARE(digest(path), before);
}

void TestEventsCli::environmentVariable()
{
    const QString missing = m_home.filePath(QStringLiteral("env-missing.sqlite"));
    const Run fromEnvironment = run({QStringLiteral("stats"), QStringLiteral("--json")},
                                    {{QStringLiteral("BILLBRIDGE_DB"), m_store->path()}});
    QVERIFY2(fromEnvironment.exitCode == 0, qPrintable(fromEnvironment.diagnostics()));
    QCOMPARE(QJsonDocument::fromJson(fromEnvironment.out).object().value(QLatin1String("store")).toString(),
             m_store->path());

    const Run listed = run(
        {QStringLiteral("events"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("2")},
        {{QStringLiteral("BILLBRIDGE_DB"), m_store->path()}});
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.lines().size(), 2);

    // --db wins over the environment, in both directions.
    const Run dbWins = run({QStringLiteral("stats"), QStringLiteral("--db"), m_store->path()},
                           {{QStringLiteral("BILLBRIDGE_DB"), missing}});
    QVERIFY2(dbWins.exitCode == 0, qPrintable(dbWins.diagnostics()));
    const Run dbWinsMissing = run({QStringLiteral("stats"), QStringLiteral("--db"), missing},
                                  {{QStringLiteral("BILLBRIDGE_DB"), m_store->path()}});
    QCOMPARE(dbWinsMissing.exitCode, 5);
    QVERIFY(dbWinsMissing.err.contains(missing.toUtf8()));
}

void TestEventsCli::defaultPathFromXdgDataHome()
{
    // Without --db and BILLBRIDGE_DB the store is looked for in the platform's data folder.
    const Run result = run({QStringLiteral("stats")});
    QCOMPARE(result.exitCode, 5);
    const QString expected = m_home.filePath(QStringLiteral("xdg-data/Billbridge/billbridge.sqlite"));
    QVERIFY2(result.err.contains(expected.toUtf8()), result.err.constData());
    QVERIFY(!QFileInfo::exists(expected));
}

void TestEventsCli::readingLeavesStoreUntouched()
{
    const QByteArray before = digest(m_store->path());
    QVERIFY(!before.isEmpty());
    QCOMPARE(runOnStore({QStringLiteral("events"), QStringLiteral("list")}).exitCode, 0);
    QCOMPARE(runOnStore({QStringLiteral("events"), QStringLiteral("show"),
                         QStringLiteral("evt_1T3stMWNEOwwUPEe65k1Jci6")})
                 .exitCode,
             0);
    QCOMPARE(runOnStore({QStringLiteral("stats")}).exitCode, 0);
    QCOMPARE(digest(m_store->path()), before);
}

void TestEventsCli::readsWhileServeIsWriting()
{
    // The CLI reads on its own connection while a writer (as in `serve`) holds the store open.
    TempStore store;
    QVERIFY(store.addFixtures({QStringLiteral("ines-01-customer.created")}).committed);
    const Run first =
        run({QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--db"), store.path()});
    QVERIFY2(first.exitCode == 0, qPrintable(first.diagnostics()));
    QCOMPARE(QJsonDocument::fromJson(first.out).object().value(QLatin1String("events")).toInteger(), 1);
    QVERIFY(store.addFixtures({QStringLiteral("ines-02-customer.subscription.created")}).committed);
    const Run second =
        run({QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--db"), store.path()});
    QCOMPARE(QJsonDocument::fromJson(second.out).object().value(QLatin1String("events")).toInteger(), 2);
    QVERIFY(store.add({}).committed); // the writer is still usable after the readers left
}

} // namespace billbridge::test

QTEST_GUILESS_MAIN(billbridge::test::TestEventsCli)
#include "tst_eventscli.moc"
