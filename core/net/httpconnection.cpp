#include "net/httpconnection.h"

#include "net/httpioworker.h"

#include <QDateTime>
#include <QTcpSocket>
#include <QTimer>

namespace billbridge::net {

namespace {

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (c <= 32 || c >= 127 || c == ':')
            return false;
    }
    return true;
}

QByteArray errorBody(const char* code, const char* message)
{
    return QByteArrayLiteral("{\"error\":{\"code\":\"") + code + QByteArrayLiteral("\",\"message\":\"") +
           message + QByteArrayLiteral("\"}}");
}

} // namespace

HttpConnection::HttpConnection(HttpIoWorker* worker, std::uint64_t id, qintptr socketDescriptor)
    : QObject(worker)
    , m_worker(worker)
    , m_id(id)
    , m_socket(new QTcpSocket(this))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    if (!m_socket->setSocketDescriptor(socketDescriptor))
        return;
    m_request.peer = m_socket->peerAddress();
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            finish();
    });
    connect(m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    m_timer->start(m_worker->limits().keepAliveTimeout);
}

HttpConnection::~HttpConnection()
{
    // The socket may report a disconnect while it is destroyed; this object must not react to it then.
    m_socket->disconnect(this);
}

bool HttpConnection::isValid() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::onReadyRead()
{
    const bool wasIdle = m_buffer.isEmpty() && m_state == State::Head;
    m_buffer += m_socket->readAll();
    const HttpLimits& limits = m_worker->limits();
    if (m_buffer.size() > limits.maxHeaderBytes + limits.maxBodyBytes + 4) {
        // Far more than one allowed request is queued behind the one being handled.
        closeNow();
        return;
    }
    if (wasIdle && !m_buffer.isEmpty())
        m_timer->start(limits.requestTimeout);
    if (m_state == State::Head || m_state == State::Body)
        processBuffer();
}

void HttpConnection::processBuffer()
{
    const HttpLimits& limits = m_worker->limits();
    if (m_state == State::Head) {
        while (m_buffer.startsWith("\r\n"))
            m_buffer.remove(0, 2);
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (m_buffer.size() > limits.maxHeaderBytes)
                reject(431, "headers_too_large", "The request headers are too large.");
            return;
        }
        if (headEnd + 4 > limits.maxHeaderBytes) {
            reject(431, "headers_too_large", "The request headers are too large.");
            return;
        }
        if (!parseHead(headEnd))
            return;
        m_buffer.remove(0, headEnd + 4);
        m_state = State::Body;
        if (m_buffer.size() < m_contentLength &&
            m_request.header("expect").compare(QByteArrayLiteral("100-continue"), Qt::CaseInsensitive) == 0)
            m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    }
    if (m_state == State::Body) {
        if (m_buffer.size() < m_contentLength)
            return;
        m_request.body = m_buffer.left(m_contentLength);
        m_buffer.remove(0, m_contentLength);
        m_request.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
        m_state = State::Handling;
        m_timer->stop();
        ++m_serial;
        HttpRequest request = std::move(m_request);
        m_request = HttpRequest{};
        m_request.peer = request.peer;
        m_worker->handler()(std::move(request), HttpResponder(m_worker->self(), m_id, m_serial));
    }
}

bool HttpConnection::parseHead(qsizetype headEnd)
{
    const QByteArrayView head(m_buffer.constData(), headEnd);
    qsizetype lineEnd = head.indexOf(QByteArrayView("\r\n"));
    if (lineEnd < 0)
        lineEnd = head.size();
    const QByteArrayView requestLine = head.first(lineEnd);
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1) {
        reject(400, "malformed_request", "The request line is malformed.");
        return false;
    }
    m_request.method = requestLine.first(firstSpace).toByteArray();
    m_request.target = requestLine.sliced(firstSpace + 1, lastSpace - firstSpace - 1).toByteArray();
    const QByteArrayView version = requestLine.sliced(lastSpace + 1);
    if (!isToken(m_request.method) || !m_request.target.startsWith('/')) {
        reject(400, "malformed_request", "The request line is malformed.");
        return false;
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        reject(505, "http_version_not_supported", "Only HTTP/1.0 and HTTP/1.1 are supported.");
        return false;
    }
    const qsizetype query = m_request.target.indexOf('?');
    m_request.path = query < 0 ? m_request.target : m_request.target.left(query);

    m_request.headers.clear();
    qsizetype position = lineEnd + 2;
    bool haveLength = false;
    m_contentLength = 0;
    while (position < head.size()) {
        qsizetype next = head.indexOf(QByteArrayView("\r\n"), position);
        if (next < 0)
            next = head.size();
        const QByteArrayView line = head.sliced(position, next - position);
        position = next + 2;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon))) {
            reject(400, "malformed_header", "A request header is malformed.");
            return false;
        }
        QByteArray name = line.first(colon).toByteArray().toLower();
        QByteArray value = line.sliced(colon + 1).toByteArray().trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qlonglong length = value.toLongLong(&ok);
            if (!ok || length < 0 || (haveLength && length != m_contentLength)) {
                reject(400, "malformed_content_length", "The Content-Length header is invalid.");
                return false;
            }
            haveLength = true;
            m_contentLength = static_cast<qsizetype>(std::min<qlonglong>(length, 0x7fffffffLL));
        } else if (name == "transfer-encoding") {
            reject(411, "length_required", "Send the body with a Content-Length header.");
            return false;
        }
        m_request.headers.append({std::move(name), std::move(value)});
    }
    if (m_contentLength > m_worker->limits().maxBodyBytes) {
        reject(413, "body_too_large", "The request body is larger than the receiver accepts.");
        return false;
    }
    const QByteArray connection = m_request.header("connection").toLower();
    m_keepAlive = version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive");
    return true;
}

void HttpConnection::respond(std::uint64_t requestSerial, const HttpResponse& response)
{
    if (requestSerial != m_serial || m_state != State::Handling)
        return;
    const bool close = response.closeConnection || !m_keepAlive;
    writeResponse(response, close);
    if (close)
        return;
    m_state = State::Head;
    m_timer->start(m_buffer.isEmpty() ? m_worker->limits().keepAliveTimeout
                                      : m_worker->limits().requestTimeout);
    // Queued, not called: a handler that answers at once would otherwise recurse once per pipelined
    // request, and a client could pipeline enough tiny requests to exhaust the stack.
    if (!m_buffer.isEmpty())
        QMetaObject::invokeMethod(this, &HttpConnection::processQueued, Qt::QueuedConnection);
}

void HttpConnection::processQueued()
{
    if (m_state == State::Head && !m_buffer.isEmpty())
        processBuffer();
}

void HttpConnection::reject(int status, const char* code, const char* message)
{
    m_worker->reportRejection(status, QByteArray(code), m_request.peer);
    HttpResponse response = HttpResponse::json(status, errorBody(code, message));
    writeResponse(response, true);
}

void HttpConnection::writeResponse(const HttpResponse& response, bool close)
{
    QByteArray out;
    out.reserve(160 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto& [name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += response.body;
    m_socket->write(out);
    if (close) {
        m_state = State::Closing;
        m_timer->stop();
        m_socket->disconnectFromHost();
    }
}

void HttpConnection::onTimeout()
{
    if (m_state == State::Head && m_buffer.isEmpty()) {
        closeNow();
        return;
    }
    if (m_state == State::Head || m_state == State::Body)
        reject(408, "request_timeout", "The request did not arrive in time.");
}

void HttpConnection::closeNow()
{
    m_state = State::Closing;
    m_timer->stop();
    m_socket->flush();
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        finish();
}

void HttpConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer->stop();
    m_worker->forget(m_id);
    deleteLater();
}

} // namespace billbridge::net
