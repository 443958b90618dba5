// Kills a receiving `billbridge-cli serve` with SIGKILL at random moments and checks that every event it
// acknowledged with a 2xx is in the store after the restart.

#include "store/eventstore.h"
#include "store/sqlite.h"
#include "stripe/signatureverifier.h"
#include "support/clirun.h"
#include "support/rawhttpclient.h"
#include "support/syntheticevents.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace billbridge;
using billbridge::test::RawHttpClient;

namespace {

const QByteArray kSecret = "whsec_crashTestSecret00000000000000001";

} // namespace

class TestCrashRecovery : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Starts `serve` on an ephemeral port and returns the port, or 0.
    static quint16 startServe(QProcess& process, const QString& db)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("STRIPE_WEBHOOK_SECRET"), QString::fromLatin1(kSecret));
        environment.insert(QStringLiteral("BILLBRIDGE_KEYCHAIN_SERVICE"),
                           QStringLiteral("Billbridge-test-crash"));
        return test::startServe(process, db, {QStringLiteral("--no-poll")}, environment);
    }

private slots:
    void acknowledgedEventsSurviveSigkill()
    {
        const QString db = m_dir.filePath(QStringLiteral("crash.sqlite"));
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo() << "random seed" << seed;
        QRandomGenerator random(seed);
        std::set<QString> acknowledged;
        int round = 0;
        constexpr int kRounds = 6;
        constexpr int kClients = 4;

        for (round = 0; round < kRounds; ++round) {
            QProcess serve;
            const quint16 port = startServe(serve, db);
            QVERIFY2(port != 0, "billbridge-cli serve did not start");

            std::atomic<bool> stop{false};
            std::mutex mutex;
            std::vector<std::thread> clients;
            for (int c = 0; c < kClients; ++c) {
                const quint32 clientSeed = random.generate();
                clients.emplace_back([&, c, clientSeed] {
                    QRandomGenerator clientRandom(clientSeed);
                    RawHttpClient client;
                    if (!client.connectTo(port))
                        return;
                    for (int i = 0; !stop; ++i) {
                        const QByteArray body =
                            test::syntheticInvoicePaidEvent(clientRandom, round * 100000 + c * 10000 + i,
                                                            2000 + int(clientRandom.bounded(4000)));
                        const QByteArray header = stripe::SignatureVerifier::header(
                            {kSecret}, QDateTime::currentSecsSinceEpoch(), body);
                        const auto response =
                            client.request(RawHttpClient::webhookRequest(body, header), 5000);
                        if (response.status == -1)
                            return; // the server died; whatever was not answered was not promised
                        if (response.status == 200) {
                            const QString id = QJsonDocument::fromJson(response.body)
                                                   .object()
                                                   .value(QLatin1String("id"))
                                                   .toString();
                            std::lock_guard lock(mutex);
                            acknowledged.insert(id);
                        }
                    }
                });
            }
            const int killAfterMs = 80 + int(random.bounded(500));
            QTest::qWait(killAfterMs);
            serve.kill(); // SIGKILL: no handler runs, nothing is flushed on the way out
            QVERIFY(serve.waitForFinished(10000));
            stop = true;
            for (auto& client : clients)
                client.join();

            auto store = store::EventStore::openForReading(db);
            std::size_t missing = 0;
            for (const QString& id : acknowledged) {
                if (!store.find(id, false))
                    ++missing;
            }
            qInfo() << "round" << round << "killed after" << killAfterMs << "ms;" << acknowledged.size()
                    << "acknowledged so far," << store.count() << "stored";
            QCOMPARE(missing, std::size_t(0));
            QVERIFY(store.count() >= static_cast<std::int64_t>(acknowledged.size()));
        }
        QVERIFY2(acknowledged.size() > 50, "too few events were acknowledged for the test to mean anything");

        auto check = store::SqliteConnection::open(db, store::SqliteConnection::Access::ReadWrite);
        auto integrity = check.prepare("PRAGMA integrity_check");
        QVERIFY(integrity.step());
        QCOMPARE(integrity.text(0), QStringLiteral("ok"));

        // After all that, a clean start still works and recognises an acknowledged event as a duplicate.
        QProcess serve;
        const quint16 port = startServe(serve, db);
        QVERIFY(port != 0);
        auto events = store::EventStore::openForReading(db);
        const auto any = events.find(*acknowledged.begin());
        QVERIFY(any.has_value());
        const QByteArray raw = any->raw;
        RawHttpClient client;
        QVERIFY(client.connectTo(port));
        const auto answer = client.request(RawHttpClient::webhookRequest(
            raw, stripe::SignatureVerifier::header({kSecret}, QDateTime::currentSecsSinceEpoch(), raw)));
        QCOMPARE(answer.status, 200);
        QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(QLatin1String("duplicate")).toBool(),
                 true);
        serve.terminate(); // SIGTERM: a clean stop exits 0
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
