#include "support/rawhttpclient.h"

#include <QElapsedTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace billbridge::test {

QByteArray RawHttpResponse::header(QByteArrayView lowerCaseName) const
{
    for (const auto& [name, value] : headers) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

RawHttpClient::~RawHttpClient()
{
    close();
}

bool RawHttpClient::connectTo(quint16 port, int timeoutMs)
{
    close();
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return false;
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    timeval timeout{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        close();
        return false;
    }
    return true;
}

bool RawHttpClient::sendRaw(const QByteArray& bytes)
{
    const char* data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0 && m_fd >= 0) {
        const ssize_t sent = ::send(m_fd, data, static_cast<size_t>(left), MSG_NOSIGNAL);
        if (sent <= 0)
            return false;
        data += sent;
        left -= sent;
    }
    return left == 0;
}

RawHttpResponse RawHttpClient::readResponse(int timeoutMs)
{
    RawHttpResponse response;
    QElapsedTimer timer;
    timer.start();
    char chunk[16384];
    while (m_fd >= 0) {
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
            const QByteArray statusLine = lines.value(0).trimmed();
            if (statusLine.startsWith("HTTP/1.1 100")) {
                m_buffer.remove(0, headEnd + 4);
                continue;
            }
            qsizetype length = 0;
            QList<QPair<QByteArray, QByteArray>> headers;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = lines[i].left(colon).trimmed().toLower();
                const QByteArray value = lines[i].mid(colon + 1).trimmed();
                if (name == "content-length")
                    length = value.toLongLong();
                headers.append({name, value});
            }
            if (m_buffer.size() >= headEnd + 4 + length) {
                response.status = statusLine.mid(9, 3).toInt();
                response.headers = headers;
                response.body = m_buffer.mid(headEnd + 4, length);
                m_buffer.remove(0, headEnd + 4 + length);
                return response;
            }
        }
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0)
            return response;
        pollfd waitFor{m_fd, POLLIN, 0};
        if (::poll(&waitFor, 1, static_cast<int>(left)) <= 0)
            return response;
        const ssize_t got = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (got <= 0) {
            close();
            return response;
        }
        m_buffer.append(chunk, got);
    }
    return response;
}

RawHttpResponse RawHttpClient::request(const QByteArray& bytes, int timeoutMs)
{
    if (!sendRaw(bytes))
        return {};
    return readResponse(timeoutMs);
}

void RawHttpClient::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_buffer.clear();
}

QByteArray RawHttpClient::webhookRequest(const QByteArray& body, const QByteArray& signatureHeader,
                                         const QByteArray& path)
{
    QByteArray request = "POST " + path +
                         " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         "User-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)\r\n"
                         "Content-Type: application/json; charset=utf-8\r\n";
    if (!signatureHeader.isNull())
        request += "Stripe-Signature: " + signatureHeader + "\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return request;
}

} // namespace billbridge::test
