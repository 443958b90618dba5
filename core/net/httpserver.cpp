#include "net/httpserver.h"

#include "net/httpioworker.h"

#include <QThread>

#include <utility>

namespace billbridge::net {

HttpResponder::HttpResponder(std::weak_ptr<HttpIoWorker> worker, std::uint64_t connectionId,
                             std::uint64_t requestSerial)
    : m_worker(std::move(worker))
    , m_connectionId(connectionId)
    , m_requestSerial(requestSerial)
{}

void HttpResponder::send(HttpResponse response) const
{
    // Holding the worker while posting keeps shutdown from deleting it in between; an event posted to a
    // worker that is then deleted is discarded with it.
    const std::shared_ptr<HttpIoWorker> alive = m_worker.lock();
    if (!alive)
        return;
    HttpIoWorker* worker = alive.get();
    if (QThread::currentThread() == worker->thread()) {
        worker->deliver(m_connectionId, m_requestSerial, std::move(response));
        return;
    }
    QMetaObject::invokeMethod(
        worker,
        [worker, connectionId = m_connectionId, serial = m_requestSerial,
         response = std::move(response)]() mutable {
            worker->deliver(connectionId, serial, std::move(response));
        },
        Qt::QueuedConnection);
}

HttpServer::HttpServer(Handler handler, HttpLimits limits, int ioThreads, QObject* parent)
    : QTcpServer(parent)
    , m_handler(std::move(handler))
    , m_limits(limits)
    , m_ioThreadCount(std::max(1, ioThreads))
{}

void HttpServer::setRejectionObserver(RejectionObserver observer)
{
    m_rejectionObserver = std::move(observer);
}

HttpServer::~HttpServer()
{
    shutdown();
}

bool HttpServer::start(const QHostAddress& address, quint16 port)
{
    if (m_workers.empty()) {
        for (int i = 0; i < m_ioThreadCount; ++i) {
            auto* thread = new QThread;
            thread->setObjectName(QStringLiteral("http-io-%1").arg(i));
            auto worker = std::make_shared<HttpIoWorker>(m_handler, m_rejectionObserver, m_limits);
            worker->setSelf(worker);
            worker->moveToThread(thread);
            thread->start();
            m_threads.push_back(thread);
            m_workers.push_back(worker);
        }
    }
    return listen(address, port);
}

void HttpServer::incomingConnection(qintptr socketDescriptor)
{
    HttpIoWorker* worker = m_workers[m_nextWorker++ % m_workers.size()].get();
    QMetaObject::invokeMethod(
        worker, [worker, socketDescriptor] { worker->adopt(socketDescriptor); }, Qt::QueuedConnection);
}

void HttpServer::shutdown()
{
    close();
    for (std::size_t i = 0; i < m_workers.size(); ++i) {
        HttpIoWorker* worker = m_workers[i].get();
        // Queued behind any answers already posted to this thread, so those are written first.
        QMetaObject::invokeMethod(
            worker, [worker] { worker->closeAll(); }, Qt::BlockingQueuedConnection);
        m_threads[i]->quit();
        m_threads[i]->wait();
        m_workers[i].reset(); // deleted here unless an answer is being posted to it right now
        delete m_threads[i];
    }
    m_workers.clear();
    m_threads.clear();
}

} // namespace billbridge::net
