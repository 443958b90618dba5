#include "customerio/customerioerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>
#include <QUrl>

namespace billbridge::customerio {

namespace {

QString valueText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    return {};
}

bool saysWrongDatacenter(const QStringList& messages)
{
    for (const QString& message : messages) {
        if (message.contains(QLatin1String("wrong datacenter"), Qt::CaseInsensitive) ||
            message.contains(QLatin1String("wrong data center"), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool isCustomerIoHost(const QString& host)
{
    return host == QLatin1String("customer.io") || host.endsWith(QLatin1String(".customer.io"));
}

} // namespace

QString toString(CustomerIoErrorKind kind)
{
    switch (kind) {
    case CustomerIoErrorKind::BadRequest:
        return QStringLiteral("bad-request");
    case CustomerIoErrorKind::Unauthorized:
        return QStringLiteral("unauthorized");
    case CustomerIoErrorKind::WrongRegion:
        return QStringLiteral("wrong-region");
    case CustomerIoErrorKind::RateLimited:
        return QStringLiteral("rate-limited");
    case CustomerIoErrorKind::ServerError:
        return QStringLiteral("server-error");
    case CustomerIoErrorKind::Timeout:
        return QStringLiteral("timeout");
    case CustomerIoErrorKind::Network:
        return QStringLiteral("network");
    case CustomerIoErrorKind::Ambiguous:
        return QStringLiteral("ambiguous");
    case CustomerIoErrorKind::UnexpectedAnswer:
        return QStringLiteral("unexpected-answer");
    case CustomerIoErrorKind::NotSent:
        return QStringLiteral("not-sent");
    case CustomerIoErrorKind::Aborted:
        return QStringLiteral("aborted");
    }
    return QStringLiteral("unknown");
}

CustomerIoDisposition CustomerIoError::disposition() const
{
    switch (kind) {
    case CustomerIoErrorKind::BadRequest:
        return CustomerIoDisposition::Permanent;
    // Nothing sent later can succeed until the operator fixes credentials, region or addresses.
    case CustomerIoErrorKind::Unauthorized:
    case CustomerIoErrorKind::WrongRegion:
    case CustomerIoErrorKind::UnexpectedAnswer:
    case CustomerIoErrorKind::NotSent:
        return CustomerIoDisposition::Pause;
    case CustomerIoErrorKind::RateLimited:
    case CustomerIoErrorKind::ServerError:
    case CustomerIoErrorKind::Timeout:
    case CustomerIoErrorKind::Network:
    case CustomerIoErrorKind::Ambiguous:
    case CustomerIoErrorKind::Aborted:
        return CustomerIoDisposition::Retry;
    }
    return CustomerIoDisposition::Retry;
}

QString CustomerIoError::summary() const
{
    QString text = toString(kind);
    if (httpStatus != 0)
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    if (!messages.isEmpty())
        text += QStringLiteral(": ") + messages.join(QStringLiteral("; "));
    else if (!rawExcerpt.isEmpty())
        text += QStringLiteral(": ") + QString::fromUtf8(rawExcerpt).simplified();
    else if (!detail.isEmpty())
        text += QStringLiteral(": ") + detail;
    if (retryAfter)
        text += QStringLiteral(" (retry after %1 s)").arg(retryAfter->count());
    return text;
}

CustomerIoError CustomerIoError::local(CustomerIoErrorKind kind, const QString& detail)
{
    CustomerIoError error;
    error.kind = kind;
    error.detail = detail;
    return error;
}

QStringList CustomerIoError::parseMessages(const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return {};
    const QJsonObject root = document.object();
    QStringList messages;
    const QJsonObject meta = root.value(QLatin1String("meta")).toObject();
    if (const QString error = valueText(meta.value(QLatin1String("error"))); !error.isEmpty())
        messages << error;
    for (const QJsonValue& error : meta.value(QLatin1String("errors")).toArray()) {
        if (const QString text = valueText(error); !text.isEmpty())
            messages << text;
    }
    for (const QJsonValue& value : root.value(QLatin1String("errors")).toArray()) {
        if (value.isString()) {
            messages << value.toString();
            continue;
        }
        const QJsonObject error = value.toObject();
        QString text;
        for (const char* key : {"detail", "message", "reason"}) {
            text = valueText(error.value(QLatin1String(key)));
            if (!text.isEmpty())
                break;
        }
        if (text.isEmpty())
            continue;
        if (const QString field = valueText(error.value(QLatin1String("field"))); !field.isEmpty())
            text = field + QStringLiteral(": ") + text;
        if (const QJsonValue index = error.value(QLatin1String("batch_index")); index.isDouble())
            text = QStringLiteral("batch item %1: ").arg(index.toInteger()) + text;
        messages << text;
    }
    return messages;
}

std::optional<std::chrono::seconds> CustomerIoError::parseRetryAfter(const QByteArray& header,
                                                                     const QDateTime& now)
{
    const QByteArray text = header.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qlonglong seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional(std::chrono::seconds(seconds));

    // HTTP-date: IMF-fixdate, then the two obsolete forms RFC 9110 still asks recipients to accept. The
    // weekday is dropped first: it adds nothing, and Qt would check it against a two-digit year's 19xx date.
    QString date = QString::fromLatin1(text).simplified();
    date = date.mid(date.indexOf(QLatin1Char(' ')) + 1);
    const QLocale c = QLocale::c();
    QDateTime when;
    for (const QString& format :
         {QStringLiteral("dd MMM yyyy HH:mm:ss 'GMT'"), QStringLiteral("dd-MMM-yy HH:mm:ss 'GMT'"),
          QStringLiteral("MMM d HH:mm:ss yyyy")}) {
        when = c.toDateTime(date, format);
        if (when.isValid())
            break;
    }
    if (!when.isValid())
        return std::nullopt;
    // Two-digit RFC 850 years are read as 19xx by Qt; HTTP says they are within 50 years from now.
    if (when.date().year() < 1970)
        when = when.addYears(100);
    when.setTimeZone(QTimeZone::utc());
    const qint64 delta = now.secsTo(when);
    return std::chrono::seconds(std::max<qint64>(0, delta));
}

CustomerIoError CustomerIoError::fromHttp(int status, const QByteArray& body,
                                          const QByteArray& retryAfterHeader,
                                          const QByteArray& locationHeader, const QDateTime& now)
{
    CustomerIoError error;
    error.httpStatus = status;
    error.messages = parseMessages(body);
    if (error.messages.isEmpty())
        error.rawExcerpt = body.left(kRawExcerptBytes);
    error.location = QString::fromLatin1(locationHeader.trimmed());

    if (status == 401 || status == 403) {
        error.kind = CustomerIoErrorKind::Unauthorized;
    } else if (status == 429) {
        error.kind = CustomerIoErrorKind::RateLimited;
        error.retryAfter = parseRetryAfter(retryAfterHeader, now);
    } else if (status == 408 || status >= 500) {
        error.kind = CustomerIoErrorKind::ServerError;
        error.retryAfter = parseRetryAfter(retryAfterHeader, now);
    } else if (status >= 300 && status < 400) {
        // Customer.io answers a key from the other data centre with 301 "wrong datacenter"; a redirect to
        // another Customer.io host means the same. Any other redirect is not followed: it could carry the
        // credentials elsewhere.
        const QUrl location(error.location);
        const bool toCustomerIo = location.isValid() && isCustomerIoHost(location.host());
        error.kind = saysWrongDatacenter(error.messages) || toCustomerIo
                         ? CustomerIoErrorKind::WrongRegion
                         : CustomerIoErrorKind::UnexpectedAnswer;
    } else if (status >= 400 && status < 500) {
        error.kind = CustomerIoErrorKind::BadRequest;
    } else {
        error.kind = CustomerIoErrorKind::UnexpectedAnswer;
    }
    return error;
}

} // namespace billbridge::customerio
