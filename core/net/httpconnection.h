#pragma once

#include "net/httprequest.h"

#include <QByteArray>
#include <QObject>

#include <cstdint>

class QTcpSocket;
class QTimer;

namespace billbridge::net {

class HttpIoWorker;

// One client connection: parses requests one at a time (later pipelined bytes wait in the buffer) and
// writes each answer when the handler gives it.
class HttpConnection final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    HttpConnection(HttpIoWorker* worker, std::uint64_t id, qintptr socketDescriptor);
    ~HttpConnection() override;

    bool isValid() const;
    void respond(std::uint64_t requestSerial, const HttpResponse& response);
    void closeNow();

private:
    enum class State { Head, Body, Handling, Closing };

    void onReadyRead();
    void processBuffer();
    void processQueued();
    bool parseHead(qsizetype headEnd);
    void reject(int status, const char* code, const char* message);
    void writeResponse(const HttpResponse& response, bool close);
    void onTimeout();
    void finish();

    HttpIoWorker* m_worker;
    std::uint64_t m_id;
    QTcpSocket* m_socket;
    QTimer* m_timer;
    QByteArray m_buffer;
    State m_state = State::Head;
    HttpRequest m_request;
    qsizetype m_contentLength = 0;
    bool m_keepAlive = true;
    std::uint64_t m_serial = 0;
    bool m_finished = false;
};

} // namespace billbridge::net
