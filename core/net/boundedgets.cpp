#include "net/boundedgets.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace billbridge::net {

BoundedGets::BoundedGets(QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

BoundedGets::~BoundedGets()
{
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto& [reply, state] : pending) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

namespace {

constexpr char kRequestLeftProperty[] = "billbridge_requestLeft";

void markRequestLeft(QNetworkReply* reply)
{
    reply->setProperty(kRequestLeftProperty, true);
}

} // namespace

QNetworkReply* BoundedGets::get(const QNetworkRequest& request, std::chrono::milliseconds timeout,
                                std::int64_t maxResponseBytes, Handler done)
{
    return watch(m_network->get(request), timeout, maxResponseBytes, std::move(done));
}

QNetworkReply* BoundedGets::send(const QNetworkRequest& request, const QByteArray& verb,
                                 const QByteArray& body, std::chrono::milliseconds timeout,
                                 std::int64_t maxResponseBytes, Handler done)
{
    QNetworkReply* reply = verb == "GET" && body.isEmpty()
                               ? m_network->get(request)
                               : m_network->sendCustomRequest(request, verb, body);
    connect(reply, &QNetworkReply::uploadProgress, this, [reply](qint64 sent, qint64 total) {
        if (total > 0 && sent >= total)
            markRequestLeft(reply);
    });
    return watch(reply, timeout, maxResponseBytes, std::move(done));
}

bool BoundedGets::requestLeft(const QNetworkReply* reply)
{
    return reply && reply->property(kRequestLeftProperty).toBool();
}

QNetworkReply* BoundedGets::watch(QNetworkReply* reply, std::chrono::milliseconds timeout,
                                  std::int64_t maxResponseBytes, Handler done)
{
    m_pending.emplace(reply, Pending{std::move(done), maxResponseBytes});

    // transferTimeout only measures silence; an answer that trickles in must still end on time.
    auto* deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, reply] {
        if (auto found = m_pending.find(reply); found != m_pending.end()) {
            found->second.timedOut = true;
            reply->abort();
        }
    });
    deadline->start(timeout);

    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        markRequestLeft(reply);
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            guardSize(reply, length.toLongLong());
    });
    connect(reply, &QNetworkReply::downloadProgress, this,
            [this, reply](qint64 received, qint64 total) { guardSize(reply, std::max(received, total)); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
    return reply;
}

void BoundedGets::guardSize(QNetworkReply* reply, qint64 bytes)
{
    const auto found = m_pending.find(reply);
    if (found == m_pending.end() || bytes <= found->second.maxResponseBytes || found->second.tooLarge)
        return;
    found->second.tooLarge = true;
    reply->abort();
}

void BoundedGets::abortAll()
{
    std::vector<QPointer<QNetworkReply>> replies;
    for (auto& [reply, state] : m_pending) {
        state.aborted = true;
        replies.emplace_back(reply);
    }
    for (const QPointer<QNetworkReply>& reply : replies) {
        if (reply)
            reply->abort();
    }
}

void BoundedGets::finish(QNetworkReply* reply)
{
    const auto found = m_pending.find(reply);
    if (found == m_pending.end())
        return;
    Pending pending = std::move(found->second);
    m_pending.erase(found);
    reply->deleteLater();

    // An abort can follow a deadline or the size cap; what the caller asked for comes first.
    const ReplyEnd end = pending.aborted    ? ReplyEnd::Aborted
                         : pending.timedOut ? ReplyEnd::TimedOut
                         : pending.tooLarge ? ReplyEnd::TooLarge
                                            : ReplyEnd::Answered;
    pending.done(reply, end);
}

} // namespace billbridge::net
