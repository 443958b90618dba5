#include "stripe/stripeerror.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>

namespace billbridge::stripe {

namespace {

// "<lead> (HTTP n): <Stripe's message>." — always one finished sentence, whatever Stripe's punctuation.
QString withStripeMessage(const QString& lead, const StripeError& error)
{
    QString text = lead;
    if (error.httpStatus > 0)
        text += QStringLiteral(" (HTTP %1)").arg(error.httpStatus);
    const QString said = !error.message.isEmpty() ? error.message.trimmed() : error.detail.trimmed();
    if (!said.isEmpty())
        text += QStringLiteral(": ") + said;
    if (!text.endsWith(QLatin1Char('.')) && !text.endsWith(QLatin1Char('!')) &&
        !text.endsWith(QLatin1Char('?')))
        text += QLatin1Char('.');
    return text;
}

std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray& header)
{
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    if (ok && seconds >= 0)
        return std::chrono::seconds(seconds);
    // The other form HTTP allows is a date.
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return std::chrono::seconds(std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when)));
}

} // namespace

QString toString(StripeErrorKind kind)
{
    switch (kind) {
    case StripeErrorKind::KeyRejected:
        return QStringLiteral("key-rejected");
    case StripeErrorKind::PermissionDenied:
        return QStringLiteral("permission-denied");
    case StripeErrorKind::RateLimited:
        return QStringLiteral("rate-limited");
    case StripeErrorKind::Server:
        return QStringLiteral("server");
    case StripeErrorKind::Network:
        return QStringLiteral("network");
    case StripeErrorKind::Timeout:
        return QStringLiteral("timeout");
    case StripeErrorKind::BadResponse:
        return QStringLiteral("bad-response");
    case StripeErrorKind::InvalidRequest:
        return QStringLiteral("invalid-request");
    case StripeErrorKind::Aborted:
        return QStringLiteral("aborted");
    }
    return {};
}

QString StripeError::summary() const
{
    switch (kind) {
    case StripeErrorKind::KeyRejected:
        return withStripeMessage(QStringLiteral("Stripe rejected the API key"), *this) +
               QStringLiteral(
                   " Check that the whole key was copied and that it has not been rolled or deleted "
                   "(Stripe Dashboard → Developers → API keys).");
    case StripeErrorKind::PermissionDenied:
        // Stripe's message names the permission the restricted key lacks (e.g. rak_event_read).
        return withStripeMessage(
                   QStringLiteral("Stripe refused the request because the key lacks a permission"), *this) +
               QStringLiteral(
                   " Give the restricted key read access to the resource named above, or use another "
                   "key.");
    case StripeErrorKind::RateLimited:
        return withStripeMessage(QStringLiteral("Stripe is limiting the request rate"), *this) +
               (shouldRetry == false
                    ? QStringLiteral(" Stripe says retrying will not help right now; try again "
                                     "later.")
                    : QStringLiteral(" Billbridge backs off and retries."));
    case StripeErrorKind::Server:
        return withStripeMessage(QStringLiteral("Stripe had an internal error"), *this) +
               QStringLiteral(" This is usually brief; try again in a few minutes and check "
                              "https://status.stripe.com if it persists.");
    case StripeErrorKind::Network:
        return withStripeMessage(QStringLiteral("Stripe could not be reached"), *this) +
               QStringLiteral(" Check the network connection, proxy and firewall.");
    case StripeErrorKind::Timeout:
        return withStripeMessage(QStringLiteral("Stripe did not answer in time"), *this) +
               QStringLiteral(" Check the network connection; Billbridge retries reads on its own.");
    case StripeErrorKind::BadResponse:
        return withStripeMessage(QStringLiteral("Stripe's answer could not be read"), *this) +
               QStringLiteral(" A proxy between Billbridge and Stripe may be rewriting answers.");
    case StripeErrorKind::InvalidRequest:
        // Without an HTTP status the parameters were refused locally and nothing was sent.
        return withStripeMessage(httpStatus > 0 ? QStringLiteral("Stripe refused the request")
                                                : QStringLiteral("The request to Stripe was not sent"),
                                 *this);
    case StripeErrorKind::Aborted:
        return QStringLiteral("the request to Stripe was cancelled.");
    }
    return {};
}

bool StripeError::isMissingCursor() const
{
    return kind == StripeErrorKind::InvalidRequest && code == QLatin1String("resource_missing") &&
           (param.isEmpty() || param == QLatin1String("starting_after") ||
            param == QLatin1String("ending_before"));
}

StripeError StripeError::fromHttp(int status, const QByteArray& body, const QByteArray& shouldRetryHeader,
                                  const QByteArray& retryAfterHeader, const QByteArray& requestId)
{
    StripeError error;
    error.httpStatus = status;
    error.requestId = QString::fromLatin1(requestId.trimmed());
    const QByteArray shouldRetry = shouldRetryHeader.trimmed().toLower();
    if (shouldRetry == "true")
        error.shouldRetry = true;
    else if (shouldRetry == "false")
        error.shouldRetry = false;
    error.retryAfter = parseRetryAfter(retryAfterHeader);

    const QJsonObject envelope =
        QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    error.type = envelope.value(QLatin1String("type")).toString();
    error.code = envelope.value(QLatin1String("code")).toString();
    error.param = envelope.value(QLatin1String("param")).toString();
    error.message = envelope.value(QLatin1String("message")).toString();
    if (envelope.isEmpty())
        error.detail = QStringLiteral("no Stripe error details in the answer");

    if (status == 401)
        error.kind = StripeErrorKind::KeyRejected;
    else if (status == 403)
        error.kind = StripeErrorKind::PermissionDenied;
    else if (status == 429 || error.code == QLatin1String("rate_limit"))
        error.kind = StripeErrorKind::RateLimited;
    else if (status >= 500)
        error.kind = StripeErrorKind::Server;
    else if (status >= 400)
        error.kind = StripeErrorKind::InvalidRequest;
    else {
        error.kind = StripeErrorKind::BadResponse;
        error.detail = QStringLiteral("unexpected HTTP status %1").arg(status);
    }
    return error;
}

StripeError StripeError::local(StripeErrorKind kind, const QString& detail)
{
    StripeError error;
    error.kind = kind;
    error.detail = detail;
    return error;
}

} // namespace billbridge::stripe
