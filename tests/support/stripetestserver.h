#pragma once

#include "loopbacktestserver.h"

#include <QByteArray>
#include <QHttpServer>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace billbridge::test {

// A local stand-in for api.stripe.com on 127.0.0.1 (ephemeral port), speaking the Events API wire format
// closely enough that a client passing against it passes against Stripe:
//
//   GET /v1/events        newest first (created desc; events added later win ties), with limit (1–100,
//                         default 10), starting_after / ending_before (exclusive cursors, never both; a
//                         cursor the server does not hold answers 400 resource_missing), type (one name or
//                         pattern with '*'), types[n] or types[] (up to 20 exact names, never with type),
//                         created / created[gt|gte|lt|lte], delivery_success and expand[] (accepted, no
//                         effect); any other parameter answers 400 like Stripe. Events are served as the
//                         exact bytes given to addEvent(), inside Stripe's list envelope.
//   GET /v1/events/<id>   one event, or 404 resource_missing.
//   anything else         404 with Stripe's "Unrecognized request URL" envelope.
//
// Every API request must carry `Authorization: Bearer <apiKey()>` (HTTP Basic with the key as user name is
// accepted too, as Stripe does); otherwise 401 with Stripe's error envelope and WWW-Authenticate. Answers
// carry Request-Id (req_…) and Stripe-Version headers.
//
// Tests script failures with failNext(): each fault answers one of the next API requests, after the key
// check, in the order queued. Every request is recorded (method, path and query as sent, headers, body);
// requestReceived() is emitted as each one arrives.
//
// Other routes can be added through http() (QHttpServer 6.4: route() before or after start()).
class StripeTestServer final : public LoopbackTestServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StripeTestServer)

public:
    // A fake test-mode key; the server accepts exactly this unless setApiKey() says otherwise.
    static constexpr char kDefaultApiKey[] = "sk_test_51BbFixtureKeyForLocalTestsOnly0000";
    static constexpr char kAccountId[] = "acct_1BbLocalTestAccount";

    using Request = RecordedRequest;

    // One scripted answer. A fault with status 0 answers normally (after `delay`).
    struct Fault {
        int status = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        std::chrono::milliseconds delay{0};
        QString permission;         // permissionDenied(): names the missing permission with the request's key
        bool missingCursor = false; // cursorGone(): 400 resource_missing about the request's cursor
        bool dropConnection = false; // close the connection without any answer

        // 429 with Stripe's rate-limit envelope; Stripe-Should-Retry and Retry-After only when given.
        static Fault rateLimited(std::optional<bool> shouldRetry = std::nullopt,
                                 std::optional<int> retryAfterSeconds = std::nullopt);
        // 5xx with an api_error envelope.
        static Fault serverError(int status = 500, std::optional<bool> shouldRetry = std::nullopt);
        // 403 as Stripe answers a restricted key that lacks `permission`.
        static Fault permissionDenied(const QString& permission = QStringLiteral("rak_event_read"));
        // 200 with a body that is not JSON.
        static Fault malformedJson();
        // The normal answer, after `delay` (longer than a client's timeout to test it).
        static Fault delayed(std::chrono::milliseconds delay);
        // 400 resource_missing about the cursor the request sends, as if Stripe had forgotten the event.
        static Fault cursorGone();
        static Fault connectionDropped();
        // Any Stripe error envelope.
        static Fault stripeError(int status, const QString& type, const QString& message,
                                 const QString& code = {}, const QString& param = {});
    };

    explicit StripeTestServer(QObject* parent = nullptr);
    ~StripeTestServer() override;

    void setApiKey(const QByteArray& key) { m_apiKey = key; }
    QByteArray apiKey() const { return m_apiKey; }

    // `raw` must be a JSON object with a string "id" and a numeric "created"; false otherwise.
    bool addEvent(const QByteArray& raw);
    // Forgets an event: cursors naming it become unknown, as for events Stripe no longer keeps.
    void removeEvent(const QString& id);
    void clearEvents();
    int eventCount() const { return static_cast<int>(m_events.size()); }
    QStringList eventIds() const; // newest first
    QByteArray eventRaw(const QString& id) const;

    void failNext(const Fault& fault, int times = 1);
    int pendingFaults() const { return static_cast<int>(m_faults.size()); }
    void clearFaults() { m_faults.clear(); }

    // A small snapshot event in Stripe's layout ("id", "object", then alphabetical; two-space indentation)
    // whose data.object is the resource `type` names (the customer itself for customer.*, otherwise an
    // object of that kind carrying `customerId`). All values are fake.
    static QByteArray makeEvent(const QString& id, const QString& type, std::int64_t created,
                                const QString& customerId = QStringLiteral("cus_BbTestCustomer01"),
                                bool livemode = false);
    // The bytes of tests/data/<relativePath>; empty (and a test warning) when missing.
    static QByteArray readDataFile(const QString& relativePath);

private:
    struct HeldEvent {
        QString id;
        QString type;
        std::int64_t created = 0;
        std::int64_t sequence = 0;
        QByteArray raw;
    };
    struct Answer {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    struct Parked; // an answer waiting for its delay

    std::optional<Answer> checkKey(const Request& request) const;
    Answer listEvents(const Request& request) const;
    Answer retrieveEvent(const QString& id) const;
    Answer faultAnswer(const Fault& fault, const Request& request) const;
    void serveApi(const QHttpServerRequest& request, QHttpServerResponder&& responder,
                  const std::function<Answer(const Request&)>& handler);
    void send(QHttpServerResponder&& responder, const Answer& answer, std::chrono::milliseconds delay);

    QByteArray m_apiKey = kDefaultApiKey;
    std::vector<HeldEvent> m_events; // newest first
    std::int64_t m_nextSequence = 0;
    std::deque<Fault> m_faults;
    std::int64_t m_nextRequestId = 1;
    std::vector<std::shared_ptr<Parked>> m_parked;
};

} // namespace billbridge::test
