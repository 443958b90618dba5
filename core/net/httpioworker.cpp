#include "net/httpioworker.h"

#include "net/httpconnection.h"

#include <utility>
#include <vector>

namespace billbridge::net {

HttpIoWorker::HttpIoWorker(const HttpServer::Handler& handler,
                           const HttpServer::RejectionObserver& rejectionObserver, const HttpLimits& limits)
    : m_handler(handler)
    , m_rejectionObserver(rejectionObserver)
    , m_limits(limits)
{}

HttpIoWorker::~HttpIoWorker()
{
    // Delete connections while the id map still exists; QObject would delete them only after it is gone.
    const auto connections = std::exchange(m_connections, {});
    for (const auto& [id, connection] : connections)
        delete connection;
}

void HttpIoWorker::adopt(qintptr socketDescriptor)
{
    const std::uint64_t id = m_nextId++;
    auto* connection = new HttpConnection(this, id, socketDescriptor);
    if (!connection->isValid()) {
        delete connection;
        return;
    }
    m_connections.emplace(id, connection);
}

void HttpIoWorker::deliver(std::uint64_t connectionId, std::uint64_t requestSerial, HttpResponse response)
{
    const auto found = m_connections.find(connectionId);
    if (found != m_connections.end())
        found->second->respond(requestSerial, response);
}

void HttpIoWorker::closeAll()
{
    std::vector<HttpConnection*> open;
    open.reserve(m_connections.size());
    for (const auto& [id, connection] : m_connections)
        open.push_back(connection);
    for (HttpConnection* connection : open)
        connection->closeNow();
}

void HttpIoWorker::reportRejection(int status, const QByteArray& code, const QHostAddress& peer) const
{
    if (m_rejectionObserver)
        m_rejectionObserver(status, code, peer);
}

void HttpIoWorker::forget(std::uint64_t connectionId)
{
    m_connections.erase(connectionId);
}

} // namespace billbridge::net
