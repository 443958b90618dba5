#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace billbridge::test {

struct RawHttpResponse {
    int status = -1; // -1: no answer (connection closed or timed out)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView lowerCaseName) const;
};

// One keep-alive HTTP/1.1 connection on a plain blocking socket, usable from any thread without an event
// loop. Tests and benchmarks use it to send exactly the bytes they mean to send.
class RawHttpClient final {
public:
    RawHttpClient() = default;
    ~RawHttpClient();
    RawHttpClient(const RawHttpClient&) = delete;
    RawHttpClient& operator=(const RawHttpClient&) = delete;

    bool connectTo(quint16 port, int timeoutMs = 5000);
    bool isConnected() const { return m_fd >= 0; }
    bool sendRaw(const QByteArray& bytes);
    RawHttpResponse readResponse(int timeoutMs = 10000);
    RawHttpResponse request(const QByteArray& bytes, int timeoutMs = 10000);
    void close();

    static QByteArray webhookRequest(const QByteArray& body, const QByteArray& signatureHeader,
                                     const QByteArray& path = QByteArrayLiteral("/stripe/webhook"));

private:
    int m_fd = -1;
    QByteArray m_buffer;
};

} // namespace billbridge::test
