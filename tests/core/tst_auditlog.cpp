// AuditLog: rows appended in their own transactions, listed newest first, personal data kept out.

#include "store/auditlog.h"
#include "store/database.h"
#include "support/tempstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <thread>

using namespace billbridge;

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
