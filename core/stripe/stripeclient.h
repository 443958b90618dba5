#pragma once

#include "stripe/eventlistparams.h"
#include "stripe/eventpage.h"
#include "stripe/stripeapiconfig.h"
#include "stripe/stripeerror.h"
#include "stripe/stripekeys.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QNetworkReply;

namespace billbridge::net {
class BoundedGets;
enum class ReplyEnd;
} // namespace billbridge::net

namespace billbridge::stripe {

// The outcome of one GET /v1/events: a page or an error, never both.
struct EventListResult {
    std::optional<EventPage> page;
    std::optional<StripeError> error;
    QString requestId; // Stripe's Request-Id (req_…), also on success

    bool ok() const { return page.has_value(); }
};

// The answer of checkCredentials(), worded for an operator.
struct CredentialCheck {
    bool accepted = false;
    KeyCheck key;    // kind, test/live mode and masked form of the key that was tried
    QString verdict; // one sentence: accepted (mode, kind) or what went wrong and what to do
    std::optional<StripeError> error;
};

// Reads Stripe's REST API. Lives on one thread with its own QNetworkAccessManager; every call is
// asynchronous and answers through a handler that runs later on that thread, exactly once, never from
// inside the call that started it (aborted requests included). Each request carries Authorization: Bearer,
// the pinned Stripe-Version and Billbridge's User-Agent, ends after config().timeout however slowly the
// answer trickles in, and is cut off when its body exceeds config().maxResponseBytes.
// The client does not retry; callers decide with RetryPolicy, so that they can stop between attempts.
class StripeClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StripeClient)

public:
    using ListHandler = std::function<void(const EventListResult&)>;
    using CredentialHandler = std::function<void(const CredentialCheck&)>;

    explicit StripeClient(StripeApiConfig config, QObject* parent = nullptr);
    ~StripeClient() override; // drops outstanding handlers without calling them

    const StripeApiConfig& config() const { return m_config; }

    // GET /v1/events. Parameters Stripe would refuse are answered with InvalidRequest without a request.
    void listEvents(const EventListParams& params, ListHandler done);
    // GET /v1/events?limit=1: the cheapest call that proves the key can read events.
    void checkCredentials(CredentialHandler done);

    // Cancels every request in flight; their handlers receive StripeErrorKind::Aborted.
    void abortAll();
    int requestsInFlight() const;

private:
    void deliverLater(ListHandler done, EventListResult result);
    EventListResult readResult(QNetworkReply* reply, net::ReplyEnd end) const;

    StripeApiConfig m_config;
    net::BoundedGets* m_requests = nullptr;
};

} // namespace billbridge::stripe
