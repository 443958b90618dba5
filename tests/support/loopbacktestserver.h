#pragma once

#include <QByteArray>
#include <QHttpServer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

class QTcpServer;

namespace billbridge::test {

// One request as a test server received it.
struct RecordedRequest {
    QByteArray method;
    QByteArray target; // path and query as sent, percent-encoding untouched
    QByteArray path;
    QByteArray query; // raw, without '?'
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // First value of a header, name compared case-insensitively; empty when absent.
    QByteArray header(const QByteArray& name) const;
    // Query pairs decoded ('+' and %XX), in order.
    QList<QPair<QString, QString>> queryItems() const;
    // First decoded value of a query parameter; null when absent.
    QString queryValue(const QString& key) const;
    bool hasQueryItem(const QString& key) const;
};

// What the local stand-ins for remote APIs share: a QHttpServer on 127.0.0.1 with a port chosen by the
// system, and a record of every request in arrival order. Subclasses add the routes and the answers.
class LoopbackTestServer : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackTestServer)

public:
    ~LoopbackTestServer() override;

    bool start();
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:<port>

    const QList<RecordedRequest>& requests() const { return m_requests; }
    int requestCount() const { return static_cast<int>(m_requests.size()); }
    void clearRequests() { m_requests.clear(); }

    // QHttpServer 6.4: route() works before or after start().
    QHttpServer& http() { return m_http; }

signals:
    void requestReceived(int index);

protected:
    explicit LoopbackTestServer(QObject* parent = nullptr);

    // Appends the request to requests() and announces it.
    RecordedRequest record(const QHttpServerRequest& request);

    QHttpServer m_http;

private:
    QTcpServer* m_tcp = nullptr;
    QList<RecordedRequest> m_requests;
};

} // namespace billbridge::test
