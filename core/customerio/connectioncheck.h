#pragma once

#include "customerio/customerioregion.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <chrono>
#include <cstdint>
#include <functional>

class QNetworkReply;

namespace billbridge::net {
class BoundedGets;
enum class ReplyEnd;
} // namespace billbridge::net

namespace billbridge::customerio {

// The answer to one credentials check, worded for an operator.
struct CustomerIoCheckResult {
    enum class Verdict {
        Accepted,            // the credentials work in the chosen region
        CredentialsRejected, // 401: Track site id / key, or App key, is wrong
        PermissionMissing,   // 403: the App key is valid but may not read this
        WrongRegion,         // the credentials belong to a workspace in the other region
        RateLimited,         // 429
        ServiceError,        // 5xx
        Unreachable,         // no HTTP answer: refused, reset, DNS, TLS
        TimedOut,            // no complete answer in time
        UnexpectedAnswer,    // an answer the API does not promise (malformed JSON, odd status, too large)
        NotSent,             // the inputs or the address were refused before sending
        Cancelled,           // aborted by Billbridge
    };

    Verdict verdict = Verdict::UnexpectedAnswer;
    QString message;        // one or two plain sentences: what happened and what to do
    QString detectedRegion; // "us" / "eu" when Customer.io revealed the workspace's region
    QString workspace;      // Track: the environment (workspace) id; App: the workspace name(s)
    int httpStatus = 0;     // 0 when no HTTP answer arrived

    bool accepted() const { return verdict == Verdict::Accepted; }
};

QString toString(CustomerIoCheckResult::Verdict verdict);

// Asks Customer.io whether credentials work, once per call, without side effects on the workspace. Lives on
// one thread with its own QNetworkAccessManager; every handler runs later on that thread, exactly once, never
// inside the call that started it. Each request has a deadline and a response size cap; redirects are not
// followed, so credentials never go to another host. Destroying the object aborts what is in flight and
// drops the handlers.
class CustomerIoConnectionCheck final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerIoConnectionCheck)

public:
    using Handler = std::function<void(const CustomerIoCheckResult&)>;

    static constexpr std::chrono::milliseconds kDefaultTimeout{15'000};
    // The region and workspace answers are a few hundred bytes; a workspace list stays far below this.
    static constexpr std::int64_t kDefaultMaxResponseBytes = 1024 * 1024;

    explicit CustomerIoConnectionCheck(QObject* parent = nullptr);
    ~CustomerIoConnectionCheck() override;

    // Addresses as typed on the Advanced tab; empty means environment, settings, then the region's host
    // (CustomerIoEndpoints::resolve()).
    void setBaseOverrides(const QString& trackBase, const QString& appBase);
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setMaxResponseBytes(std::int64_t bytes) { m_maxResponseBytes = bytes; }
    void setUserAgent(const QByteArray& userAgent) { m_userAgent = userAgent; }
    QByteArray userAgent() const { return m_userAgent; }

    // GET {track}/accounts/region with HTTP Basic site_id:track_key: the documented credentials check,
    // which also names the workspace's region and id.
    void checkTrack(const QString& siteId, const QString& trackApiKey, Region region, Handler done);
    // GET {app}/workspaces with Bearer app_key (see the .cpp for why this call).
    void checkApp(const QString& appApiKey, Region region, Handler done);

    // Cancels every request in flight; their handlers receive Verdict::Cancelled.
    void abortAll();
    int requestsInFlight() const;

    // "Billbridge/<version>".
    static QByteArray defaultUserAgent();

private:
    enum class Api { Track, App };
    struct Pending {
        Api api = Api::Track;
        Region region = Region::Us;
        Handler done;
    };

    void deliverLater(Handler done, CustomerIoCheckResult result);
    void send(const QUrl& url, const QByteArray& authorization, Pending pending);
    CustomerIoCheckResult readResult(QNetworkReply* reply, net::ReplyEnd end, const Pending& pending) const;
    CustomerIoCheckResult readTrackSuccess(const QByteArray& body, Region chosen) const;
    CustomerIoCheckResult readAppSuccess(const QByteArray& body, Region chosen) const;
    CustomerIoCheckResult readRedirect(QNetworkReply* reply, const QByteArray& body, const Pending& pending,
                                       int status) const;
    CustomerIoCheckResult readFailure(const QByteArray& body, const Pending& pending, int status) const;

    net::BoundedGets* m_requests = nullptr;
    QString m_trackOverride;
    QString m_appOverride;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    std::int64_t m_maxResponseBytes = kDefaultMaxResponseBytes;
    QByteArray m_userAgent = defaultUserAgent();
};

} // namespace billbridge::customerio
