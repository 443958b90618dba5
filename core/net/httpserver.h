#pragma once

#include "net/httprequest.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QTcpServer>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace billbridge::net {

class HttpIoWorker;

struct HttpLimits {
    qsizetype maxHeaderBytes = 16 * 1024;
    qsizetype maxBodyBytes = 1024 * 1024;
    // A request must arrive whole within this time; it stops slow senders from holding connections.
    std::chrono::milliseconds requestTimeout{10'000};
    std::chrono::milliseconds keepAliveTimeout{75'000};
};

// Lets a handler answer later and from any thread, e.g. once a database commit is durable. Answering
// a request whose connection has gone, or whose server has shut down, is a harmless no-op.
class HttpResponder final {
public:
    HttpResponder() = default;
    HttpResponder(std::weak_ptr<HttpIoWorker> worker, std::uint64_t connectionId,
                  std::uint64_t requestSerial);
    void send(HttpResponse response) const;

private:
    std::weak_ptr<HttpIoWorker> m_worker;
    std::uint64_t m_connectionId = 0;
    std::uint64_t m_requestSerial = 0;
};

// A small HTTP/1.1 server for the webhook receiver: Content-Length bodies with a hard size cap checked
// before the body is read, keep-alive, 100-continue, per-request deadlines, and several I/O threads.
// Handlers run on an I/O thread and must be thread-safe.
class HttpServer final : public QTcpServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using Handler = std::function<void(HttpRequest&& request, HttpResponder responder)>;
    // Told about requests the server answers itself (oversized, malformed, too slow); called on an I/O
    // thread.
    using RejectionObserver =
        std::function<void(int status, const QByteArray& code, const QHostAddress& peer)>;

    explicit HttpServer(Handler handler, HttpLimits limits = {}, int ioThreads = 2,
                        QObject* parent = nullptr);
    // Set before start().
    void setRejectionObserver(RejectionObserver observer);
    ~HttpServer() override;

    // Starts the I/O threads and listens. Returns false with errorString() set when the address is taken.
    bool start(const QHostAddress& address, quint16 port);
    // Stops accepting, writes every answer already given, closes all connections and ends the I/O
    // threads. Answers given after this are dropped, so settle pending work first.
    void shutdown();

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    Handler m_handler;
    RejectionObserver m_rejectionObserver;
    HttpLimits m_limits;
    int m_ioThreadCount;
    std::vector<QThread*> m_threads;
    std::vector<std::shared_ptr<HttpIoWorker>> m_workers;
    std::size_t m_nextWorker = 0;
};

} // namespace billbridge::net
