#include "customerio/customerioclient.h"

#include "net/boundedgets.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace billbridge::customerio {

namespace {

Q_LOGGING_CATEGORY(lcCustomerIoClient, "billbridge.core.customerio.client")

CustomerIoResult failure(CustomerIoErrorKind kind, const QString& detail)
{
    CustomerIoResult result;
    result.error = CustomerIoError::local(kind, detail);
    return result;
}

} // namespace

CustomerIoClient::CustomerIoClient(const CustomerIoEndpoints& endpoints, QObject* parent)
    : QObject(parent)
    , m_requests(new net::BoundedGets(this))
    , m_endpoints(endpoints)
{}

CustomerIoClient::~CustomerIoClient()
{
    // Before the members go, while the handlers' captures are still alive.
    delete m_requests;
}

QByteArray CustomerIoClient::defaultUserAgent()
{
    return QByteArrayLiteral("Billbridge/") + QByteArrayLiteral(BILLBRIDGE_VERSION);
}

void CustomerIoClient::deliverLater(Handler done, CustomerIoResult result)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}

void CustomerIoClient::execute(const CustomerIoRequest& request, Handler done)
{
    const bool track = request.api == CustomerIoApi::Track;
    if (const QString problem = track ? m_endpoints.validateTrack() : m_endpoints.validateApp();
        !problem.isEmpty())
        return deliverLater(std::move(done), failure(CustomerIoErrorKind::NotSent, problem));
    QByteArray authorization;
    if (track) {
        if (m_credentials.siteId.trimmed().isEmpty() || m_credentials.trackApiKey.trimmed().isEmpty())
            return deliverLater(std::move(done),
                                failure(CustomerIoErrorKind::NotSent,
                                        tr("The Track API needs both the site ID and the Track API key.")));
        const QByteArray credentials =
            (m_credentials.siteId.trimmed() + QLatin1Char(':') + m_credentials.trackApiKey.trimmed())
                .toUtf8();
        authorization = "Basic " + credentials.toBase64();
    } else {
        if (m_credentials.appApiKey.trimmed().isEmpty())
            return deliverLater(std::move(done), failure(CustomerIoErrorKind::NotSent,
                                                         tr("The App API needs the App API key.")));
        authorization = "Bearer " + m_credentials.appApiKey.trimmed().toUtf8();
    }
    if (m_timeout.count() <= 0)
        return deliverLater(std::move(done), failure(CustomerIoErrorKind::NotSent,
                                                     tr("The request timeout must be positive.")));

    // The request's path and query are already percent-encoded as the Node client encodes them; they are
    // joined to the base as bytes so that QUrl does not re-encode or decode them.
    const QUrl base = track ? m_endpoints.trackBase : m_endpoints.appBase;
    QByteArray baseBytes = base.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment);
    while (baseBytes.endsWith('/'))
        baseBytes.chop(1);
    const QUrl url = QUrl::fromEncoded(baseBytes + request.relativeTarget(), QUrl::StrictMode);
    if (!url.isValid())
        return deliverLater(std::move(done), failure(CustomerIoErrorKind::NotSent,
                                                     tr("The request address is not a valid URL.")));

    QNetworkRequest networkRequest(url);
    networkRequest.setRawHeader("Authorization", authorization);
    for (const auto& [name, value] : CustomerIoRequest::standardHeaders(m_userAgent))
        networkRequest.setRawHeader(name, value);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    QElapsedTimer elapsed;
    elapsed.start();
    const bool hasBody = request.hasBody();
    const QString operation = request.operation;
    m_requests->send(
        networkRequest, request.verb, request.body, m_timeout, m_maxResponseBytes,
        [this, done = std::move(done), elapsed, hasBody, operation](QNetworkReply* reply, net::ReplyEnd end) {
            CustomerIoResult result = readResult(reply, end, hasBody);
            result.duration = std::chrono::milliseconds(elapsed.elapsed());
            qCDebug(lcCustomerIoClient).noquote()
                << operation << result.httpStatus
                << (result.ok() ? QStringLiteral("ok") : result.error->summary());
            done(result);
        });
    // Only the verb, the operation and the base: paths and bodies carry emails and other personal data.
    qCDebug(lcCustomerIoClient).noquote()
        << request.verb << operation << "to" << base.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}

CustomerIoResult CustomerIoClient::readResult(QNetworkReply* reply, net::ReplyEnd end, bool hasBody) const
{
    if (end == net::ReplyEnd::Aborted)
        return failure(CustomerIoErrorKind::Aborted, tr("The request was cancelled."));
    if (end == net::ReplyEnd::TimedOut) {
        // Once the whole request went out, Customer.io may have applied it; a bodiless call that timed out
        // may never have been read. A DELETE or GET is safe to repeat either way.
        const bool mayHaveApplied = hasBody && net::BoundedGets::requestLeft(reply);
        return failure(
            mayHaveApplied ? CustomerIoErrorKind::Ambiguous : CustomerIoErrorKind::Timeout,
            tr("No complete answer within %1 seconds.").arg(static_cast<double>(m_timeout.count()) / 1000.0));
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (end == net::ReplyEnd::TooLarge) {
        CustomerIoResult result = failure(CustomerIoErrorKind::UnexpectedAnswer,
                                          tr("The answer exceeded %1 bytes.").arg(m_maxResponseBytes));
        result.httpStatus = status;
        return result;
    }
    if (status == 0)
        return failure(CustomerIoErrorKind::Network, reply->errorString());

    CustomerIoResult result;
    result.httpStatus = status;
    result.body = reply->readAll();
    result.excerpt = result.body.left(kStoredExcerptBytes);
    if (status >= 200 && status < 300) {
        if (reply->error() != QNetworkReply::NoError) {
            // The status arrived but the body broke off: the call may have been applied.
            result.error = CustomerIoError::local(hasBody ? CustomerIoErrorKind::Ambiguous
                                                          : CustomerIoErrorKind::Network,
                                                  reply->errorString());
            result.error->httpStatus = status;
        }
        return result;
    }
    result.error = CustomerIoError::fromHttp(status, result.body, reply->rawHeader("Retry-After"),
                                             reply->rawHeader("Location"), m_clock());
    return result;
}

void CustomerIoClient::abortAll()
{
    m_requests->abortAll();
}

int CustomerIoClient::requestsInFlight() const
{
    return m_requests->inFlight();
}

} // namespace billbridge::customerio
