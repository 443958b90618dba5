// The receiver's HTTP/1.1 server on its own: framing, limits, deadlines and late answers.

#include "net/httpserver.h"
#include "support/offthread.h"
#include "support/rawhttpclient.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace billbridge;
using billbridge::test::offThread;
using billbridge::test::RawHttpClient;
using billbridge::test::RawHttpResponse;

class TestHttpServer : public QObject {
    Q_OBJECT

private:
    // Echoes the method, path and body; "/slow" answers from another thread after 50 ms.
    static void echo(net::HttpRequest&& request, net::HttpResponder responder)
    {
        net::HttpResponse response;
        response.body = request.method + ' ' + request.path + ' ' + request.body;
        if (request.path == "/slow") {
            std::thread([responder, response] {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                responder.send(response);
            }).detach();
            return;
        }
        responder.send(response);
    }

    std::unique_ptr<net::HttpServer> start(net::HttpLimits limits = {})
    {
        auto server = std::make_unique<net::HttpServer>(&TestHttpServer::echo, limits, 2);
        if (!server->start(QHostAddress::LocalHost, 0))
            return nullptr;
        return server;
    }

    RawHttpResponse exchange(quint16 port, const QByteArray& bytes, int timeoutMs = 5000)
    {
        return offThread([port, bytes, timeoutMs] {
            RawHttpClient client;
            client.connectTo(port);
            return client.request(bytes, timeoutMs);
        });
    }

private slots:
    void answersAndKeepsAlive()
    {
        auto server = start();
        QVERIFY(server);
        const quint16 port = server->serverPort();
        const QList<QByteArray> bodies = offThread([port] {
            RawHttpClient client;
            client.connectTo(port);
            QList<QByteArray> answers;
            for (int i = 0; i < 3; ++i)
                answers << client
                               .request("POST /a HTTP/1.1\r\nContent-Length: 1\r\n\r\n" +
                                        QByteArray::number(i))
                               .body;
            return answers;
        });
        QCOMPARE(bodies, (QList<QByteArray>{"POST /a 0", "POST /a 1", "POST /a 2"}));
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        auto server = start();
        const quint16 port = server->serverPort();
        const QList<QByteArray> bodies = offThread([port] {
            RawHttpClient client;
            client.connectTo(port);
            client.sendRaw("POST /slow HTTP/1.1\r\nContent-Length: 1\r\n\r\nAGET /fast HTTP/1.1\r\n\r\n");
            return QList<QByteArray>{client.readResponse().body, client.readResponse().body};
        });
        QCOMPARE(bodies, (QList<QByteArray>{"POST /slow A", "GET /fast "}));
    }

    void manyPipelinedRequestsDoNotExhaustTheStack()
    {
        auto server = start();
        const quint16 port = server->serverPort();
        // Tiny requests answered at once, all in one write: handling them must not nest.
        const int answered = offThread(
            [port] {
                RawHttpClient client;
                client.connectTo(port);
                QByteArray burst;
                constexpr int kRequests = 20000;
                for (int i = 0; i < kRequests; ++i)
                    burst += "GET /p HTTP/1.1\r\n\r\n";
                std::thread writer([&client, burst] { client.sendRaw(burst); });
                int ok = 0;
                for (int i = 0; i < kRequests; ++i)
                    ok += client.readResponse(10000).status == 200;
                writer.join();
                return ok;
            },
            120000);
        QCOMPARE(answered, 20000);
    }

    void expectContinueIsHonoured()
    {
        auto server = start();
        const quint16 port = server->serverPort();
        const RawHttpResponse response = offThread([port] {
            RawHttpClient client;
            client.connectTo(port);
            client.sendRaw("POST /b HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
            // Our client skips the interim 100 itself; the body follows it as a real sender would.
            QThread::msleep(20);
            client.sendRaw("xyz");
            return client.readResponse();
        });
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, QByteArray("POST /b xyz"));
    }

    void framingErrors_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("chunked")
            << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n") << 411;
        QTest::newRow("bad version") << QByteArray("GET /a HTTP/2.0\r\n\r\n") << 505;
        QTest::newRow("bad request line") << QByteArray("GARBAGE\r\n\r\n") << 400;
        QTest::newRow("bad header") << QByteArray("GET /a HTTP/1.1\r\nno colon here\r\n\r\n") << 400;
        QTest::newRow("bad length") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: -5\r\n\r\n") << 400;
        QTest::newRow("conflicting lengths")
            << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") << 400;
        QTest::newRow("body too large")
            << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 2000\r\n\r\n") << 413;
        QTest::newRow("headers too large")
            << ("GET /a HTTP/1.1\r\nX-Filler: " + QByteArray(3000, 'x') + "\r\n\r\n") << 431;
    }

    void framingErrors()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        net::HttpLimits limits;
        limits.maxBodyBytes = 1024;
        limits.maxHeaderBytes = 2048;
        auto server = start(limits);
        const RawHttpResponse response = exchange(server->serverPort(), request);
        QCOMPARE(response.status, status);
        QCOMPARE(response.header("connection"), QByteArray("close"));
        QVERIFY(response.body.contains("\"error\""));
    }

    void slowSenderTimesOut()
    {
        net::HttpLimits limits;
        limits.requestTimeout = std::chrono::milliseconds(200);
        auto server = start(limits);
        const quint16 port = server->serverPort();
        const RawHttpResponse response = offThread([port] {
            RawHttpClient client;
            client.connectTo(port);
            client.sendRaw("POST /a HTTP/1.1\r\nContent-Length: 10\r\n\r\nonly");
            return client.readResponse(3000);
        });
        QCOMPARE(response.status, 408);
    }

    void idleConnectionIsClosed()
    {
        net::HttpLimits limits;
        limits.keepAliveTimeout = std::chrono::milliseconds(150);
        auto server = start(limits);
        const quint16 port = server->serverPort();
        const bool closedByServer = offThread([port] {
            RawHttpClient client;
            client.connectTo(port);
            client.request("GET /a HTTP/1.1\r\n\r\n");
            const RawHttpResponse none = client.readResponse(2000);
            return none.status == -1 && !client.isConnected();
        });
        QVERIFY(closedByServer);
    }

    void answerAfterClientLeftIsHarmless()
    {
        auto server = start();
        const quint16 port = server->serverPort();
        offThread([port] {
            RawHttpClient client;
            client.connectTo(port);
            client.sendRaw("GET /slow HTTP/1.1\r\n\r\n");
            client.close();
            return 0;
        });
        QTest::qWait(150); // the late answer arrives for a connection that no longer exists
        QCOMPARE(exchange(port, "GET /after HTTP/1.1\r\n\r\n").body, QByteArray("GET /after "));
    }

    void rejectionsAreReported()
    {
        net::HttpLimits limits;
        limits.maxBodyBytes = 10;
        net::HttpServer server(&TestHttpServer::echo, limits, 1);
        std::atomic<int> reported{0};
        QByteArray reportedCode;
        server.setRejectionObserver([&](int status, const QByteArray& code, const QHostAddress& peer) {
            if (status == 413 && peer.isLoopback())
                reportedCode = code;
            ++reported;
        });
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QCOMPARE(exchange(server.serverPort(), "POST /a HTTP/1.1\r\nContent-Length: 11\r\n\r\n").status, 413);
        QTRY_COMPARE(reported.load(), 1);
        QCOMPARE(reportedCode, QByteArray("body_too_large"));
    }

    void shutdownClosesConnections()
    {
        auto server = start();
        const quint16 port = server->serverPort();
        RawHttpClient client;
        QVERIFY(client.connectTo(port));
        QTest::qWait(50);
        server->shutdown();
        QCOMPARE(client.request("GET /a HTTP/1.1\r\n\r\n", 1000).status, -1);
        RawHttpClient late;
        QVERIFY(!late.connectTo(port, 500));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
