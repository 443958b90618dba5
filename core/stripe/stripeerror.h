#pragma once

#include <QByteArray>
#include <QString>

#include <chrono>
#include <optional>

namespace billbridge::stripe {

// What went wrong with a call to Stripe, sorted by what the caller should do about it.
enum class StripeErrorKind {
    KeyRejected,      // 401: the key is wrong, rolled or deleted; retrying cannot help
    PermissionDenied, // 403: a restricted key lacks a permission; retrying cannot help
    RateLimited,      // 429
    Server,           // 5xx
    Network,          // no HTTP answer: refused, reset, DNS, TLS
    Timeout,          // no complete answer within the configured time
    BadResponse,      // an answer that is not what the API promises (malformed JSON, too large, 3xx)
    InvalidRequest,   // 400/404 (e.g. a cursor that no longer exists) or parameters refused before sending
    Aborted,          // cancelled by Billbridge itself (shutdown)
};

QString toString(StripeErrorKind kind);

struct StripeError {
    StripeErrorKind kind = StripeErrorKind::Network;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    // From Stripe's error envelope {"error": {"type", "code", "param", "message"}} when there is one.
    QString type;
    QString code; // e.g. "resource_missing"
    QString param;
    QString message;
    QString requestId; // Request-Id response header (req_…), for Stripe support
    // Stripe-Should-Retry: true/false when sent, nullopt when absent.
    std::optional<bool> shouldRetry;
    std::optional<std::chrono::seconds> retryAfter;
    // Billbridge's own description when Stripe said nothing (transport errors, unreadable bodies).
    QString detail;

    // The operator-facing sentence: what happened and what to do next. Never contains the API key.
    QString summary() const;
    // Key or permission problems: no amount of waiting fixes them.
    bool isCredentialProblem() const
    {
        return kind == StripeErrorKind::KeyRejected || kind == StripeErrorKind::PermissionDenied;
    }
    // Stripe's answer to a cursor (starting_after / ending_before) it no longer knows.
    bool isMissingCursor() const;

    // Classifies a non-2xx HTTP answer. `body` may be anything; Stripe's envelope is read when present.
    static StripeError fromHttp(int status, const QByteArray& body, const QByteArray& shouldRetryHeader,
                                const QByteArray& retryAfterHeader, const QByteArray& requestId);
    static StripeError local(StripeErrorKind kind, const QString& detail);
};

} // namespace billbridge::stripe
