// AuditLog: rows appended in their own transactions, listed newest first, personal data kept out; the hash
// chain sealing them, verify() finding edited, deleted and inserted rows, filters and exports.

#include "store/auditexport.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "support/tempstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <thread>

using namespace billbridge;

namespace {

void recordSome(store::AuditLog& audit, int count)
{
    for (int i = 0; i < count; ++i)
        audit.record(QStringLiteral("ada"), QStringLiteral("queue.retry"), QString::number(i),
                     {{QStringLiteral("n"), i}});
}

void execRaw(const QString& path, const char* sql)
{
    store::SqliteConnection raw = store::Database::openForWriting(path);
    raw.exec(sql);
}

} // namespace

class TestAuditLog : public QObject {
    Q_OBJECT

private slots:
    void recordAndListNewestFirst()
    {
        test::TempStore temp;
        std::int64_t clock = 5000;
        store::AuditLog audit = store::AuditLog::open(temp.path(), [&] { return clock; });
        QVERIFY(audit.list().empty());

        const std::int64_t first = audit.record(QStringLiteral("ada"), QStringLiteral("export.unmasked"),
                                                QStringLiteral("/tmp/a.csv"), {{QStringLiteral("count"), 3}});
        clock = 6000;
        const std::int64_t second =
            audit.record(QStringLiteral("grace"), QStringLiteral("replay"), QString(), {});
        clock = 7000;
        const std::int64_t third =
            audit.record(QStringLiteral("ada"), QStringLiteral("export.unmasked"),
                         QStringLiteral("/tmp/b.jsonl"), {{QStringLiteral("count"), 9}});
        QVERIFY(first < second && second < third);

        const auto all = audit.list();
        QCOMPARE(all.size(), std::size_t(3));
        QCOMPARE(all[0].id, third);
        QCOMPARE(all[0].atMs, 7000);
        QCOMPARE(all[0].actor, QStringLiteral("ada"));
        QCOMPARE(all[0].action, QStringLiteral("export.unmasked"));
        QCOMPARE(all[0].subject, QStringLiteral("/tmp/b.jsonl"));
        QCOMPARE(all[0].details.value(QLatin1String("count")).toInt(), 9);
        QCOMPARE(all[1].id, second);
        QVERIFY(all[1].subject.isEmpty());
        QVERIFY(all[1].details.isEmpty());
        QCOMPARE(all[2].id, first);

        // Pages: at most `limit`, older than `beforeId`.
        const auto newest = audit.list(1);
        QCOMPARE(newest.size(), std::size_t(1));
        QCOMPARE(newest[0].id, third);
        const auto older = audit.list(10, third);
        QCOMPARE(older.size(), std::size_t(2));
        QCOMPARE(older[0].id, second);
        QVERIFY(audit.list(10, first).empty());
    }

    void survivesReopening()
    {
        test::TempStore temp;
        {
            store::AuditLog audit = store::AuditLog::open(temp.path());
            audit.record(QStringLiteral("ada"), QStringLiteral("export.unmasked"), QStringLiteral("f"), {});
        }
        store::AuditLog reopened = store::AuditLog::open(temp.path());
        QCOMPARE(reopened.list().size(), std::size_t(1));
    }

    void actorDefaultsToTheAccount()
    {
        const QByteArray previousUser = qgetenv("USER");
        qputenv("USER", "operator-7");
        test::TempStore temp;
        store::AuditLog audit = store::AuditLog::open(temp.path());
        audit.record(QString(), QStringLiteral("export.unmasked"), QStringLiteral("x.csv"), {});
        audit.record(QStringLiteral("  "), QStringLiteral("export.unmasked"), QStringLiteral("x.csv"), {});
        QCOMPARE(store::AuditLog::currentActor(), QStringLiteral("operator-7"));
        for (const store::AuditEntry& entry : audit.list())
            QCOMPARE(entry.actor, QStringLiteral("operator-7"));
        qputenv("USER", previousUser);
    }

    void emailsInDetailsAreMasked()
    {
        test::TempStore temp;
        store::AuditLog audit = store::AuditLog::open(temp.path());
        const QJsonObject details{
            {QStringLiteral("filter"),
             QJsonObject{{QStringLiteral("customer_email"), QStringLiteral("maren.holloway@example.com")}}},
            {QStringLiteral("notes"), QJsonArray{QStringLiteral("asked by ines.carvalho@example.com today")}},
            {QStringLiteral("count"), 2}};
        audit.record(QStringLiteral("ada"), QStringLiteral("export.unmasked"),
                     QStringLiteral("for tobias.okafor@example.com.csv"), details);
        const store::AuditEntry entry = audit.list().front();
        const QByteArray stored = QJsonDocument(entry.details).toJson() + entry.subject.toUtf8();
        QVERIFY2(!stored.contains("maren.holloway"), stored.constData());
        QVERIFY2(!stored.contains("ines.carvalho"), stored.constData());
        QVERIFY2(!stored.contains("tobias.okafor"), stored.constData());
        QCOMPARE(entry.details.value(QLatin1String("filter"))
                     .toObject()
                     .value(QLatin1String("customer_email"))
                     .toString(),
                 QStringLiteral("m***@e***.com"));
        QCOMPARE(entry.details.value(QLatin1String("count")).toInt(), 2);
    }

    void waitsForTheWriterLock()
    {
        test::TempStore temp;
        store::AuditLog audit = store::AuditLog::open(temp.path());
        store::SqliteConnection writer = store::Database::openForWriting(temp.path());
        writer.exec("BEGIN IMMEDIATE");
        std::thread release([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            writer.exec("COMMIT");
        });
        const auto started = std::chrono::steady_clock::now();
        std::int64_t id = 0;
        try {
            id = audit.record(QStringLiteral("ada"), QStringLiteral("export.unmasked"), QStringLiteral("f"),
                              {});
        } catch (const store::StoreError& error) {
            release.join();
            QFAIL(qPrintable(error.message()));
        }
        release.join();
        QVERIFY(id > 0);
        QVERIFY(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(250));
        QCOMPARE(audit.list().size(), std::size_t(1));
    }

    void everyRowIsChainedToTheOneBefore()
    {
        test::TempStore temp;
        store::AuditLog audit = store::AuditLog::open(temp.path());
        recordSome(audit, 3);
        const auto rows = audit.list(); // newest first
        QCOMPARE(rows.size(), std::size_t(3));
        QCOMPARE(rows[2].prevHash, QLatin1String(store::AuditLog::kGenesisHash));
        QCOMPARE(rows[1].prevHash, rows[2].hash);
        QCOMPARE(rows[0].prevHash, rows[1].hash);
        for (const store::AuditEntry& row : rows) {
            QCOMPARE(row.hash.size(), 64);
            QCOMPARE(store::AuditLog::hashOf(row), row.hash);
        }
        const store::AuditVerification result = audit.verify();
        QVERIFY2(result.isIntact(), qPrintable(result.explanation()));
        QCOMPARE(result.verified, 3);
        QCOMPARE(result.headHash, rows[0].hash);
        QCOMPARE(result.explanation(), QStringLiteral("Chain intact — 3 entries verified."));
    }

    void theRecipeIsTheDocumentedOne()
    {
        store::AuditEntry entry;
        entry.id = 7;
        entry.atMs = 1700000000000;
        entry.actor = QStringLiteral("ada");
        entry.action = QStringLiteral("mappings.set");
        entry.subject = QStringLiteral("price_1");
        entry.detailsJson = QStringLiteral("{\"after\":{\"plan\":\"Pro\"}}");
        entry.prevHash = QLatin1String(store::AuditLog::kGenesisHash);
        const QByteArray input =
            "billbridge-audit-v1\n1:7\n13:1700000000000\n3:ada\n12:mappings.set\n7:price_1\n"
            "24:{\"after\":{\"plan\":\"Pro\"}}\n64:" +
            QByteArray(store::AuditLog::kGenesisHash) + "\n";
        QCOMPARE(store::AuditLog::hashOf(entry),
                 QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex()));
        // The length prefixes keep shifted field boundaries apart.
        store::AuditEntry shifted = entry;
        shifted.actor = QStringLiteral("ad");
        shifted.action = QStringLiteral("amappings.set");
        QVERIFY(store::AuditLog::hashOf(shifted) != store::AuditLog::hashOf(entry));
    }

    void twoConnectionsAppendingAtOnceKeepOneChain()
    {
        test::TempStore temp;
        store::AuditLog::open(temp.path()); // creates the store before the race
        const auto writeMany = [path = temp.path()](const QString& actor) {
            store::AuditLog audit = store::AuditLog::open(path);
            for (int i = 0; i < 40; ++i)
                audit.record(actor, QStringLiteral("queue.retry"), QString::number(i), {});
        };
        std::thread first([&] { writeMany(QStringLiteral("ada")); });
        std::thread second([&] { writeMany(QStringLiteral("grace")); });
        first.join();
        second.join();
        store::AuditLog audit = store::AuditLog::openForReading(temp.path());
        QCOMPARE(audit.count(), 80);
        const store::AuditVerification result = audit.verify();
        QVERIFY2(result.isIntact(), qPrintable(result.explanation()));
        QCOMPARE(result.verified, 80);
        store::AuditFilter grace;
        grace.actor = QStringLiteral("grace");
        QCOMPARE(audit.list(grace, 100).size(), std::size_t(40));
    }

    void rowsFromBeforeTheChainAreSealedByTheFirstAppend()
    {
        test::TempStore temp;
        store::AuditLog audit = store::AuditLog::open(temp.path());
        execRaw(temp.path(), "INSERT INTO audit_log (at_ms, actor, action, subject, details) VALUES "
                             "(1000, 'ada', 'export.unmasked', 'a.csv', '{\"count\":3}'), "
                             "(2000, 'grace', 'mappings.set', NULL, '{}')");
        store::AuditVerification before = audit.verify();
        QVERIFY(before.isIntact());
        QCOMPARE(before.unsealed, 2);
        QCOMPARE(before.verified, 0);
        QVERIFY(before.explanation().contains(QLatin1String("2 older entries")));

        audit.record(QStringLiteral("ada"), QStringLiteral("queue.pause"), QString(), {});
        const auto rows = audit.list();
        QCOMPARE(rows.size(), std::size_t(3));
        for (const store::AuditEntry& row : rows)
            QVERIFY(row.isSealed());
        QCOMPARE(rows[2].prevHash, QLatin1String(store::AuditLog::kGenesisHash));
        QCOMPARE(rows[1].prevHash, rows[2].hash);
        QCOMPARE(rows[0].prevHash, rows[1].hash);
        const store::AuditVerification after = audit.verify();
        QVERIFY2(after.isIntact(), qPrintable(after.explanation()));
        QCOMPARE(after.verified, 3);
        QCOMPARE(after.unsealed, 0);
    }

    void verifyFindsAnEditedRow()
    {
        test::TempStore temp;
        store::AuditLog audit = store::AuditLog::open(temp.path());
        recordSome(audit, 5);
        execRaw(temp.path(), "UPDATE audit_log SET details = '{\"n\":99}' WHERE id = 3");
        const store::AuditVerification result = audit.verify();
        QVERIFY(!result.isIntact());
        QCOMPARE(result.problem, store::AuditVerification::Problem::Edited);
        QCOMPARE(result.badId, 3);
        QCOMPARE(result.verified, 2);
        QCOMPARE(result.explanation(), QStringLiteral("Entry 3 was changed after it was written."));
    }

    void verifyFindsADeletedRow()
    {
        test::TempStore temp;
        store::AuditLog audit = store::AuditLog::open(temp.path());
        recordSome(audit, 5);
        execRaw(temp.path(), "DELETE FROM audit_log WHERE id = 2");
        const store::AuditVerification result = audit.verify();
        QCOMPARE(result.problem, store::AuditVerification::Problem::Relinked);
        QCOMPARE(result.badId, 3);
        QVERIFY(result.explanation().contains(QLatin1String("deleted")));
    }

    void verifyFindsInsertedRows()
    {
        test::TempStore temp;
        store::AuditLog audit = store::AuditLog::open(temp.path());
        recordSome(audit, 3);
        // Without a seal, after sealed rows.
        execRaw(temp.path(), "INSERT INTO audit_log (id, at_ms, actor, action, details) "
                             "VALUES (10, 5, 'mallory', 'queue.retry', '{}')");
        store::AuditVerification result = audit.verify();
        QCOMPARE(result.problem, store::AuditVerification::Problem::Unsealed);
        QCOMPARE(result.badId, 10);

        // An append goes on from the last sealed row and leaves the stray row to be reported.
        audit.record(QStringLiteral("ada"), QStringLiteral("queue.pause"), QString(), {});
        QCOMPARE(audit.list(1).front().id, 11);
        QCOMPARE(audit.verify().badId, 10);

        // With a made-up seal: it does not follow the row before it.
        execRaw(temp.path(), "DELETE FROM audit_log WHERE id >= 10");
        QVERIFY(audit.verify().isIntact());
        store::AuditEntry forged = audit.list(1).front();
        forged.id = 20;
        forged.actor = QStringLiteral("mallory");
        forged.prevHash = QString(64, QLatin1Char('a'));
        forged.hash = store::AuditLog::hashOf(forged);
        store::SqliteConnection raw = store::Database::openForWriting(temp.path());
        store::SqliteStatement insert =
            raw.prepare("INSERT INTO audit_log (id, at_ms, actor, action, subject, details, prev_hash, hash) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        insert.bind(1, forged.id)
            .bind(2, forged.atMs)
            .bind(3, forged.actor)
            .bind(4, forged.action)
            .bind(5, forged.subject)
            .bind(6, forged.detailsJson)
            .bind(7, forged.prevHash)
            .bind(8, forged.hash);
        insert.step();
        result = audit.verify();
        QCOMPARE(result.problem, store::AuditVerification::Problem::Relinked);
        QCOMPARE(result.badId, 20);
    }

    void appendInJoinsTheCallersTransaction()
    {
        test::TempStore temp;
        store::AuditLog audit = store::AuditLog::open(temp.path());
        recordSome(audit, 1);
        store::SqliteConnection connection = store::Database::openForWriting(temp.path());
        {
            store::SqliteTransaction transaction(connection);
            store::AuditLog::appendIn(connection, 42, QStringLiteral("ada"), QStringLiteral("rules.edit"),
                                      QStringLiteral("r1"), {});
            // Rolled back with the caller's change: no row, no gap in the chain.
        }
        QCOMPARE(audit.count(), 1);
        {
            store::SqliteTransaction transaction(connection);
            const std::int64_t id =
                store::AuditLog::appendIn(connection, 42, QStringLiteral("ada"), QStringLiteral("rules.edit"),
                                          QStringLiteral("r1"), {});
            QCOMPARE(id, 2);
            transaction.commit();
        }
        QVERIFY(audit.verify().isIntact());
        QCOMPARE(audit.find(2)->action, QStringLiteral("rules.edit"));
        QVERIFY(!audit.find(3));
    }

    void listFilters()
    {
        test::TempStore temp;
        std::int64_t clock = 1000;
        store::AuditLog audit = store::AuditLog::open(temp.path(), [&] { return clock; });
        audit.record(
            QStringLiteral("ada"), QStringLiteral("mappings.set"), QStringLiteral("price_A"),
            {{QStringLiteral("after"), QJsonObject{{QStringLiteral("plan"), QStringLiteral("Gold")}}}});
        clock = 2000;
        audit.record(QStringLiteral("grace"), QStringLiteral("mappings.remove"), QStringLiteral("price_B"),
                     {});
        clock = 3000;
        audit.record(QStringLiteral("ada"), QStringLiteral("queue.retry"), QStringLiteral("jobs"), {});

        store::AuditFilter filter;
        filter.actionPrefix = QStringLiteral("mappings.");
        QCOMPARE(audit.list(filter, 10).size(), std::size_t(2));
        filter.actor = QStringLiteral("ada");
        QCOMPARE(audit.list(filter, 10).size(), std::size_t(1));
        filter = {};
        filter.text = QStringLiteral("gold"); // in the details, any case
        QCOMPARE(audit.list(filter, 10).front().subject, QStringLiteral("price_A"));
        filter.text = QStringLiteral("PRICE_B"); // in the subject
        QCOMPARE(audit.list(filter, 10).front().action, QStringLiteral("mappings.remove"));
        filter = {};
        filter.fromMs = 2000;
        filter.untilMs = 3000;
        const auto middle = audit.list(filter, 10);
        QCOMPARE(middle.size(), std::size_t(1));
        QCOMPARE(middle.front().atMs, 2000);
        filter = {};
        filter.actionPrefix = QStringLiteral("nothing.");
        QVERIFY(audit.list(filter, 10).empty());
        // Keyset pages with a filter.
        filter = {};
        filter.actor = QStringLiteral("ada");
        const auto page = audit.list(filter, 1);
        QCOMPARE(page.front().id, 3);
        QCOMPARE(audit.list(filter, 1, page.front().id).front().id, 1);
        QCOMPARE(audit.listAscending(filter, 10, 1).front().id, 3);
    }

    void exportRoundTripCanBeRechecked()
    {
        test::TempStore temp;
        store::AuditLog audit = store::AuditLog::open(temp.path());
        audit.record(
            QStringLiteral("ada"), QStringLiteral("mappings.set"), QStringLiteral("price, \"quoted\""),
            {{QStringLiteral("before"), QJsonValue()},
             {QStringLiteral("after"), QJsonObject{{QStringLiteral("plan"), QStringLiteral("Grün")}}}});
        recordSome(audit, 3);
        QTemporaryDir dir;
        const QString jsonl = dir.filePath(QStringLiteral("audit.jsonl"));
        const store::AuditExport::Result written =
            store::AuditExport::writeFile(temp.path(), {}, store::AuditExportFormat::JsonLines, jsonl);
        QVERIFY2(written.error.isEmpty(), qPrintable(written.error));
        QCOMPARE(written.rows, 4);

        QFile file(jsonl);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString previous = QLatin1String(store::AuditLog::kGenesisHash);
        int lines = 0;
        while (!file.atEnd()) {
            const auto entry = store::AuditExport::entryFromJsonLine(file.readLine());
            QVERIFY(entry);
            QCOMPARE(entry->prevHash, previous);
            QCOMPARE(store::AuditLog::hashOf(*entry), entry->hash);
            previous = entry->hash;
            ++lines;
        }
        QCOMPARE(lines, 4);
        QCOMPARE(previous, audit.verify().headHash);

        const QString csv = dir.filePath(QStringLiteral("audit.csv"));
        store::AuditFilter filter;
        filter.actionPrefix = QStringLiteral("mappings.");
        QCOMPARE(store::AuditExport::writeFile(temp.path(), filter, store::AuditExportFormat::Csv, csv).rows,
                 1);
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray content = csvFile.readAll();
        QVERIFY(content.startsWith(store::AuditExport::csvHeader()));
        QVERIFY(content.contains("\"price, \"\"quoted\"\"\""));
        QVERIFY(content.contains(audit.find(1)->hash.toLatin1()));
    }

    void exportToAnUnwritablePlaceSaysSo()
    {
        test::TempStore temp;
        store::AuditLog audit = store::AuditLog::open(temp.path());
        recordSome(audit, 1);
        const store::AuditExport::Result result = store::AuditExport::writeFile(
            temp.path(), {}, store::AuditExportFormat::Csv, QStringLiteral("/proc/no/such/folder/a.csv"));
        QVERIFY(!result.error.isEmpty());
        QCOMPARE(result.rows, 0);
    }

    void unwritableStoreThrows()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("not-a-folder")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY_THROWS_EXCEPTION(
            store::StoreError, store::AuditLog::open(dir.filePath(QStringLiteral("not-a-folder/s.sqlite"))));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
