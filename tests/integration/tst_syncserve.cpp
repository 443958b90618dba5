// A real `billbridge-cli serve` turns a signed webhook into Customer.io jobs in the store, and records the
// event alone when BILLBRIDGE_SYNC=off.

#include "store/sqlite.h"
#include "support/clirun.h"
#include "support/fixtures.h"
#include "support/rawhttpclient.h"
#include "support/tempstore.h"

#include <QDateTime>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace billbridge;
using billbridge::test::Fixtures;
using billbridge::test::RawHttpClient;

namespace {

QSet<QString> jobKeysOfEvent(const QString& db, const QString& eventId)
{
    store::SqliteConnection connection =
        store::SqliteConnection::open(db, store::SqliteConnection::Access::ReadOnly);
    store::SqliteStatement select =
        connection.prepare("SELECT idempotency_key, customer_id FROM jobs WHERE event_id = ?1");
    select.bind(1, eventId);
    QSet<QString> keys;
    while (select.step())
        keys.insert(select.text(0) + QLatin1Char('|') + select.text(1));
    return keys;
}

} // namespace

class TestSyncServe : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Starts `serve` on an ephemeral port, without poller and delivery worker, and returns the port, or 0.
    quint16 startServe(QProcess& process, const QString& db, bool syncOff)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("STRIPE_WEBHOOK_SECRET"),
                           QString::fromLatin1(Fixtures::webhookSecret()));
        environment.insert(QStringLiteral("BILLBRIDGE_KEYCHAIN_SERVICE"),
                           QStringLiteral("Billbridge-test-syncserve"));
        if (syncOff)
            environment.insert(QStringLiteral("BILLBRIDGE_SYNC"), QStringLiteral("off"));
        else
            environment.remove(QStringLiteral("BILLBRIDGE_SYNC"));
        return test::startServe(process, db, {QStringLiteral("--no-poll"), QStringLiteral("--no-worker")},
                                environment);
    }

    // Posts the fixture as Stripe would and returns the HTTP status.
    static int post(quint16 port, const QByteArray& body)
    {
        RawHttpClient client;
        if (!client.connectTo(port))
            return -1;
        const QByteArray header = Fixtures::signatureHeader(body, QDateTime::currentSecsSinceEpoch());
        return client.request(RawHttpClient::webhookRequest(body, header)).status;
    }

    static void stop(QProcess* process)
    {
        if (process->state() == QProcess::NotRunning)
            return;
        process->terminate();
        if (!process->waitForFinished(20000)) {
            process->kill();
            process->waitForFinished(5000);
        }
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void webhookBecomesJobs()
    {
        const QString db = m_dir.filePath(QStringLiteral("sync.sqlite"));
        QProcess serve;
        const quint16 port = startServe(serve, db, false);
        auto stopper = std::unique_ptr<QProcess, void (*)(QProcess*)>(&serve, &stop);
        QVERIFY2(port != 0, "billbridge-cli serve did not start");

        const QString fixture = QStringLiteral("maren-02-customer.subscription.created");
        const QByteArray body = Fixtures::load(fixture);
        const QString eventId = test::TempStore::incoming(body).fields.id;
        QCOMPARE(post(port, body), 200);
        // A 2xx promises the commit, and the jobs are part of it. The fixture is older than the 72-hour
        // horizon, so it updates the profile without starting a campaign (no subscription_started).
        QCOMPARE(jobKeysOfEvent(db, eventId),
                 QSet<QString>({eventId + QStringLiteral(":identify|cus_T3stAaIU7yYiYe")}));
    }

    void syncOffStoresEventsOnly()
    {
        const QString db = m_dir.filePath(QStringLiteral("nosync.sqlite"));
        QProcess serve;
        const quint16 port = startServe(serve, db, true);
        auto stopper = std::unique_ptr<QProcess, void (*)(QProcess*)>(&serve, &stop);
        QVERIFY2(port != 0, "billbridge-cli serve did not start");

        const QByteArray body = Fixtures::load(QStringLiteral("maren-01-customer.created"));
        const QString eventId = test::TempStore::incoming(body).fields.id;
        QCOMPARE(post(port, body), 200);
        stopper.reset();

        store::SqliteConnection connection =
            store::SqliteConnection::open(db, store::SqliteConnection::Access::ReadOnly);
        store::SqliteStatement stored = connection.prepare("SELECT count(*) FROM events WHERE id = ?1");
        stored.bind(1, eventId);
        QVERIFY(stored.step());
        QCOMPARE(stored.int64(0), 1);
        QVERIFY(jobKeysOfEvent(db, eventId).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncServe)
#include "tst_syncserve.moc"
