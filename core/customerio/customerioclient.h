#pragma once

#include "customerio/customerioerror.h"
#include "customerio/customerioregion.h"
#include "customerio/customeriorequest.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>

class QNetworkReply;

namespace billbridge::net {
class BoundedGets;
enum class ReplyEnd;
} // namespace billbridge::net

namespace billbridge::customerio {

// The outcome of one attempt, as a value the job history can store.
struct CustomerIoResult {
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QByteArray body;    // the whole answer (bounded by the client's size cap), for lookups
    QByteArray excerpt; // the start of the answer, small enough to keep with every attempt
    std::optional<CustomerIoError> error;
    std::chrono::milliseconds duration{0};

    bool ok() const { return !error.has_value(); }
};

// Workspace credentials. Track uses HTTP Basic site_id:track_key, App uses Bearer app_key.
struct CustomerIoCredentials {
    QString siteId;
    QString trackApiKey;
    QString appApiKey;
};

// Sends CustomerIoRequests to the Track and App APIs. Lives on one thread with its own network access; each
// handler runs later on that thread, exactly once, never inside execute(). Every request has a deadline and a
// response size cap, and redirects are never followed (they would carry the credentials). Destroying the
// object aborts what is in flight and drops the handlers.
class CustomerIoClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerIoClient)

public:
    using Handler = std::function<void(const CustomerIoResult&)>;
    using Clock = std::function<QDateTime()>;

    static constexpr std::chrono::milliseconds kDefaultTimeout{10'000}; // the Node client's default
    static constexpr std::int64_t kDefaultMaxResponseBytes = 8 * 1024 * 1024;
    static constexpr int kStoredExcerptBytes = 2048;

    explicit CustomerIoClient(const CustomerIoEndpoints& endpoints, QObject* parent = nullptr);
    ~CustomerIoClient() override;

    void setEndpoints(const CustomerIoEndpoints& endpoints) { m_endpoints = endpoints; }
    const CustomerIoEndpoints& endpoints() const { return m_endpoints; }
    void setCredentials(const CustomerIoCredentials& credentials) { m_credentials = credentials; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setMaxResponseBytes(std::int64_t bytes) { m_maxResponseBytes = bytes; }
    void setUserAgent(const QByteArray& userAgent) { m_userAgent = userAgent; }
    QByteArray userAgent() const { return m_userAgent; }
    // Reads "now" for HTTP-date Retry-After values.
    void setClock(Clock clock) { m_clock = std::move(clock); }

    void execute(const CustomerIoRequest& request, Handler done);

    void abortAll();
    int requestsInFlight() const;

    // "Billbridge/<version>".
    static QByteArray defaultUserAgent();

private:
    void deliverLater(Handler done, CustomerIoResult result);
    CustomerIoResult readResult(QNetworkReply* reply, net::ReplyEnd end, bool hasBody) const;

    net::BoundedGets* m_requests = nullptr;
    CustomerIoEndpoints m_endpoints;
    CustomerIoCredentials m_credentials;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    std::int64_t m_maxResponseBytes = kDefaultMaxResponseBytes;
    QByteArray m_userAgent = defaultUserAgent();
    Clock m_clock = [] { return QDateTime::currentDateTimeUtc(); };
};

} // namespace billbridge::customerio
