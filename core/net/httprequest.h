#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>

#include <cstdint>

namespace billbridge::net {

struct HttpRequest {
    QByteArray method;
    QByteArray target;                            // path and query as sent
    QByteArray path;                              // target without the query
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case, in arrival order
    QByteArray body;
    QHostAddress peer;
    std::int64_t receivedAtMs = 0; // when the last byte of the request arrived

    // First value of a header, by lower-case name.
    QByteArray header(QByteArrayView lowerCaseName) const;
};

struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool closeConnection = false;

    static HttpResponse json(int status, const QByteArray& body);
};

QByteArray reasonPhrase(int status);

} // namespace billbridge::net
