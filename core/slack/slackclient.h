#pragma once

#include "customerio/customerioclient.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <cstdint>
#include <functional>

namespace billbridge::net {
class BoundedGets;
enum class ReplyEnd;
} // namespace billbridge::net

namespace billbridge::slack {

// Posts messages to Slack incoming webhooks. The answer comes back in the delivery worker's own result type
// (customerio::CustomerIoResult), sorted into the same kinds so that the queue's bookkeeping is shared:
//
//   2xx "ok"                             success
//   429 (Retry-After seconds)            RateLimited
//   5xx, 408                             ServerError
//   400 invalid_payload, 403 invalid_token / action_prohibited, 404 no_service / channel_not_found,
//   410 channel_is_archived, other 4xx   BadRequest, with Slack's words as the message
//   no answer in time                    Ambiguous once the body left (the message may be posted), else
//   Timeout
//
// No result, log line or error text ever contains the webhook URL: the path is the credential.
// Lives on one thread; each handler runs later on that thread, exactly once.
class SlackClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlackClient)

public:
    using Handler = std::function<void(const customerio::CustomerIoResult&)>;
    using Clock = std::function<QDateTime()>;

    static constexpr std::chrono::milliseconds kDefaultTimeout{10'000};
    // Slack answers a word or two; anything large is not Slack.
    static constexpr std::int64_t kMaxResponseBytes = 64 * 1024;
    static constexpr int kStoredExcerptBytes = 512;

    explicit SlackClient(QObject* parent = nullptr);
    ~SlackClient() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setClock(Clock clock) { m_clock = std::move(clock); }

    // POSTs `body` as application/json to `webhook`.
    void post(const QUrl& webhook, const QByteArray& body, Handler done);
    void abortAll();

private:
    customerio::CustomerIoResult readResult(QNetworkReply* reply, net::ReplyEnd end,
                                            const QUrl& webhook) const;

    net::BoundedGets* m_requests = nullptr;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    Clock m_clock = [] { return QDateTime::currentDateTimeUtc(); };
};

} // namespace billbridge::slack
