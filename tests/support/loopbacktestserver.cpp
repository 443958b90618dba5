#include "loopbacktestserver.h"

#include <QMetaEnum>
#include <QTcpServer>

namespace billbridge::test {

QByteArray RecordedRequest::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QList<QPair<QString, QString>> RecordedRequest::queryItems() const
{
    QList<QPair<QString, QString>> items;
    for (const QByteArray& pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        QByteArray key = equals < 0 ? pair : pair.left(equals);
        QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        items.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return items;
}

QString RecordedRequest::queryValue(const QString& key) const
{
    for (const auto& [name, value] : queryItems()) {
        if (name == key)
            return value.isNull() ? QStringLiteral("") : value;
    }
    return {};
}

bool RecordedRequest::hasQueryItem(const QString& key) const
{
    return !queryValue(key).isNull();
}

LoopbackTestServer::LoopbackTestServer(QObject* parent)
    : QObject(parent)
{}

LoopbackTestServer::~LoopbackTestServer() = default;

bool LoopbackTestServer::start()
{
    if (m_tcp)
        return m_tcp->isListening();
    m_tcp = new QTcpServer(&m_http);
    if (!m_tcp->listen(QHostAddress::LocalHost, 0))
        return false;
    m_http.bind(m_tcp);
    return true;
}

quint16 LoopbackTestServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QUrl LoopbackTestServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

RecordedRequest LoopbackTestServer::record(const QHttpServerRequest& request)
{
    RecordedRequest recorded;
    const QMetaEnum methods = QMetaEnum::fromType<QHttpServerRequest::Method>();
    recorded.method = QByteArray(methods.valueToKey(static_cast<int>(request.method()))).toUpper();
    const QUrl url = request.url();
    recorded.path = url.path(QUrl::FullyEncoded).toLatin1();
    recorded.query = url.query(QUrl::FullyEncoded).toLatin1();
    recorded.target = recorded.path + (url.hasQuery() ? "?" + recorded.query : QByteArray());
    recorded.headers = request.headers();
    recorded.body = request.body();
    m_requests.append(recorded);
    emit requestReceived(static_cast<int>(m_requests.size()) - 1);
    return recorded;
}

} // namespace billbridge::test
