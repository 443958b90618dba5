#include "slack/slackclient.h"

#include "net/boundedgets.h"
#include "slack/slackwebhooks.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace billbridge::slack {

namespace {

Q_LOGGING_CATEGORY(lcSlack, "billbridge.core.slack")

using customerio::CustomerIoError;
using customerio::CustomerIoErrorKind;
using customerio::CustomerIoResult;

CustomerIoResult failure(CustomerIoErrorKind kind, const QString& detail)
{
    CustomerIoResult result;
    result.error = CustomerIoError::local(kind, detail);
    return result;
}

// Slack's error answers are one word ("invalid_payload"); anything longer is cut to a line.
QString slackWords(const QByteArray& body)
{
    return QString::fromUtf8(body.left(200)).simplified();
}

CustomerIoErrorKind kindOf(int status)
{
    if (status == 429)
        return CustomerIoErrorKind::RateLimited;
    if (status >= 500 || status == 408)
        return CustomerIoErrorKind::ServerError;
    if (status >= 400)
        return CustomerIoErrorKind::BadRequest;
    return CustomerIoErrorKind::UnexpectedAnswer;
}

} // namespace

SlackClient::SlackClient(QObject* parent)
    : QObject(parent)
    , m_requests(new net::BoundedGets(this))
{}

SlackClient::~SlackClient()
{
    // Before the members go, while the handlers' captures are still alive.
    delete m_requests;
}

void SlackClient::post(const QUrl& webhook, const QByteArray& body, Handler done)
{
    if (!webhook.isValid() || m_timeout.count() <= 0) {
        QMetaObject::invokeMethod(
            this,
            [done = std::move(done)] {
                done(failure(CustomerIoErrorKind::NotSent,
                             QStringLiteral("The webhook address is not usable.")));
            },
            Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(webhook);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("User-Agent", customerio::CustomerIoClient::defaultUserAgent());
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    QElapsedTimer elapsed;
    elapsed.start();
    m_requests->send(
        request, QByteArrayLiteral("POST"), body, m_timeout, kMaxResponseBytes,
        [this, done = std::move(done), elapsed, webhook](QNetworkReply* reply, net::ReplyEnd end) {
            CustomerIoResult result = readResult(reply, end, webhook);
            result.duration = std::chrono::milliseconds(elapsed.elapsed());
            qCDebug(lcSlack).noquote() << "slack post to" << maskedWebhookUrl(webhook) << result.httpStatus
                                       << (result.ok() ? QStringLiteral("ok") : result.error->summary());
            done(result);
        });
}

CustomerIoResult SlackClient::readResult(QNetworkReply* reply, net::ReplyEnd end, const QUrl& webhook) const
{
    if (end == net::ReplyEnd::Aborted)
        return failure(CustomerIoErrorKind::Aborted, QStringLiteral("The request was cancelled."));
    if (end == net::ReplyEnd::TimedOut) {
        // Once the body left, Slack may have posted the message: sending it again could post it twice.
        const bool mayHavePosted = net::BoundedGets::requestLeft(reply);
        return failure(mayHavePosted ? CustomerIoErrorKind::Ambiguous : CustomerIoErrorKind::Timeout,
                       QStringLiteral("No complete answer from Slack within %1 seconds.")
                           .arg(static_cast<double>(m_timeout.count()) / 1000.0));
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (end == net::ReplyEnd::TooLarge) {
        CustomerIoResult result = failure(
            CustomerIoErrorKind::UnexpectedAnswer,
            QStringLiteral("The answer exceeded %1 bytes; that is not Slack.").arg(kMaxResponseBytes));
        result.httpStatus = status;
        return result;
    }
    if (status == 0)
        return failure(CustomerIoErrorKind::Network, withoutWebhookUrl(reply->errorString(), webhook));

    CustomerIoResult result;
    result.httpStatus = status;
    result.body = reply->readAll();
    result.excerpt =
        withoutWebhookUrl(QString::fromUtf8(result.body.left(kStoredExcerptBytes)), webhook).toUtf8();
    if (status >= 200 && status < 300)
        return result;

    CustomerIoError error;
    error.kind = kindOf(status);
    error.httpStatus = status;
    if (const QString words = withoutWebhookUrl(slackWords(result.body), webhook); !words.isEmpty())
        error.messages = {words};
    if (status == 429)
        error.retryAfter = CustomerIoError::parseRetryAfter(reply->rawHeader("Retry-After"), m_clock());
    if (error.kind == CustomerIoErrorKind::UnexpectedAnswer)
        error.detail =
            QStringLiteral("Slack answered with a redirect or status it does not use for webhooks.");
    result.error = error;
    return result;
}

void SlackClient::abortAll()
{
    m_requests->abortAll();
}

} // namespace billbridge::slack
