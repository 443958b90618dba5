#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace billbridge::customerio {

// What went wrong with a call to Customer.io, sorted by what the caller should do about it.
enum class CustomerIoErrorKind {
    BadRequest,   // 400/404/409/413/422 and other 4xx: the request itself is refused; retrying cannot help
    Unauthorized, // 401/403: credentials or permissions; pause the queue until the operator fixes them
    WrongRegion,  // 301 "wrong datacenter" (or a redirect to the other region's host)
    RateLimited,  // 429, optionally with Retry-After
    ServerError,  // 5xx and 408
    Timeout,      // no answer in time, and the request may not have reached Customer.io
    Network,      // no HTTP answer: refused, reset, DNS, TLS
    Ambiguous,    // no answer in time after the request left: it may have been applied
    UnexpectedAnswer, // an answer the API does not promise: another redirect, an oversized answer
    NotSent,          // refused before sending: missing credentials, an unusable base address
    Aborted,          // cancelled by Billbridge itself
};

QString toString(CustomerIoErrorKind kind);

// What a queue should do with a job whose attempt failed this way.
enum class CustomerIoDisposition { Retry, Pause, Permanent };

struct CustomerIoError {
    CustomerIoErrorKind kind = CustomerIoErrorKind::Network;
    int httpStatus = 0;    // 0 when no HTTP answer arrived
    QStringList messages;  // what Customer.io said, from whichever envelope it used
    QByteArray rawExcerpt; // the start of a body that had no readable envelope
    std::optional<std::chrono::seconds> retryAfter;
    QString location; // the Location header of a redirect
    QString detail;   // Billbridge's own words when Customer.io said nothing (transport errors)

    CustomerIoDisposition disposition() const;
    // One line for the attempt history: the kind, the status and what was said. Holds no credentials.
    QString summary() const;

    // Classifies a non-2xx HTTP answer; `now` turns an HTTP-date Retry-After into seconds.
    static CustomerIoError fromHttp(int status, const QByteArray& body, const QByteArray& retryAfterHeader,
                                    const QByteArray& locationHeader, const QDateTime& now);
    static CustomerIoError local(CustomerIoErrorKind kind, const QString& detail);

    // Every envelope Customer.io uses (reference §5): meta.error, meta.errors[], errors[].detail / message /
    // field / reason (with batch_index when present). Empty when the body is not one of them.
    static QStringList parseMessages(const QByteArray& body);
    // Delta seconds or an HTTP-date (IMF-fixdate, RFC 850, asctime); a date in the past means zero.
    static std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray& header,
                                                               const QDateTime& now);
    static constexpr int kRawExcerptBytes = 512;
};

} // namespace billbridge::customerio
