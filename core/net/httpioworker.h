#pragma once

#include "net/httprequest.h"
#include "net/httpserver.h"

#include <QObject>

#include <cstdint>
#include <memory>
#include <unordered_map>

namespace billbridge::net {

class HttpConnection;

// Owns the connections of one I/O thread and routes late answers to them by id, so that an answer
// for a connection that closed meanwhile finds nothing instead of a dangling pointer.
class HttpIoWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpIoWorker)

public:
    HttpIoWorker(const HttpServer::Handler& handler, const HttpServer::RejectionObserver& rejectionObserver,
                 const HttpLimits& limits);
    ~HttpIoWorker() override;

    // The server owns workers through shared pointers; answers reach them through weak ones.
    void setSelf(const std::weak_ptr<HttpIoWorker>& self) { m_self = self; }
    const std::weak_ptr<HttpIoWorker>& self() const { return m_self; }

    void adopt(qintptr socketDescriptor);
    void deliver(std::uint64_t connectionId, std::uint64_t requestSerial, HttpResponse response);
    void closeAll();

    const HttpServer::Handler& handler() const { return m_handler; }
    const HttpLimits& limits() const { return m_limits; }
    void reportRejection(int status, const QByteArray& code, const QHostAddress& peer) const;
    void forget(std::uint64_t connectionId);

private:
    const HttpServer::Handler& m_handler;
    const HttpServer::RejectionObserver& m_rejectionObserver;
    HttpLimits m_limits;
    std::weak_ptr<HttpIoWorker> m_self;
    std::uint64_t m_nextId = 1;
    std::unordered_map<std::uint64_t, HttpConnection*> m_connections;
};

} // namespace billbridge::net
