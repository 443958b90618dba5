#pragma once

#include <QObject>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace billbridge::net {

// Why a reply ended. Only Answered means the reply holds whatever the server or the network said; the
// others mean Billbridge cut it off.
enum class ReplyEnd { Answered, TimedOut, TooLarge, Aborted };

// Sends requests (GET, and PUT/POST/DELETE with a body) with a hard deadline and a response size cap, over
// its own QNetworkAccessManager that never follows redirects (following one would carry the credentials to
// whatever address it names). Each handler runs exactly once, when its reply has ended, with the reply still
// readable; the reply is deleted later. Destroying the object aborts what is in flight and drops the
// handlers.
class BoundedGets final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoundedGets)

public:
    using Handler = std::function<void(QNetworkReply* reply, ReplyEnd end)>;

    explicit BoundedGets(QObject* parent = nullptr);
    ~BoundedGets() override;

    // Returns the reply so that callers can log or tag it; it belongs to this object.
    QNetworkReply* get(const QNetworkRequest& request, std::chrono::milliseconds timeout,
                       std::int64_t maxResponseBytes, Handler done);
    // Any verb with an optional body (an empty body sends none), under the same deadline and size cap.
    QNetworkReply* send(const QNetworkRequest& request, const QByteArray& verb, const QByteArray& body,
                        std::chrono::milliseconds timeout, std::int64_t maxResponseBytes, Handler done);
    // True once the whole request body went out or any part of the answer arrived: the server may then
    // have acted on the request even if the answer never completes. Readable inside the handler.
    static bool requestLeft(const QNetworkReply* reply);
    // Ends every reply in flight; their handlers receive ReplyEnd::Aborted.
    void abortAll();
    int inFlight() const { return static_cast<int>(m_pending.size()); }

private:
    struct Pending {
        Handler done;
        std::int64_t maxResponseBytes = 0;
        bool timedOut = false;
        bool tooLarge = false;
        bool aborted = false;
    };

    QNetworkReply* watch(QNetworkReply* reply, std::chrono::milliseconds timeout,
                         std::int64_t maxResponseBytes, Handler done);
    void guardSize(QNetworkReply* reply, qint64 bytes);
    void finish(QNetworkReply* reply);

    QNetworkAccessManager* m_network = nullptr;
    std::map<QNetworkReply*, Pending> m_pending;
};

} // namespace billbridge::net
