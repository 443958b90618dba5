#include "stripe/stripeclient.h"

#include "net/boundedgets.h"
#include "util/logging.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace billbridge::stripe {

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

StripeClient::StripeClient(StripeApiConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_requests(new net::BoundedGets(this))
{}

StripeClient::~StripeClient()
{
    // Ends the requests now, while the handlers' captures are still alive, rather than with the children.
    delete m_requests;
}

void StripeClient::deliverLater(ListHandler done, EventListResult result)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}

void StripeClient::listEvents(const EventListParams& params, ListHandler done)
{
    if (const QString problem = m_config.validate(); !problem.isEmpty()) {
        deliverLater(std::move(done),
                     {std::nullopt, StripeError::local(StripeErrorKind::InvalidRequest, problem), {}});
        return;
    }
    if (const QString problem = params.validate(); !problem.isEmpty()) {
        deliverLater(std::move(done),
                     {std::nullopt, StripeError::local(StripeErrorKind::InvalidRequest, problem), {}});
        return;
    }

    QUrl url = m_config.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + QStringLiteral("/v1/events"));
    url.setQuery(QString::fromLatin1(params.toQuery()), QUrl::TolerantMode);

    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_config.apiKey.toUtf8());
    request.setRawHeader("Stripe-Version", kStripeApiVersion);
    request.setRawHeader("User-Agent", m_config.userAgent);
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    m_requests->get(request, m_config.timeout, m_config.maxResponseBytes,
                    [this, done = std::move(done)](QNetworkReply* reply, net::ReplyEnd end) {
                        const EventListResult result = readResult(reply, end);
                        if (result.error)
                            qCDebug(lcStripe).noquote()
                                << "GET /v1/events failed:" << toString(result.error->kind)
                                << result.error->httpStatus << result.requestId;
                        done(result);
                    });
    qCDebug(lcStripe).noquote()
        << QStringLiteral("GET /v1/events?%1").arg(QString::fromLatin1(params.toQuery()));
}

void StripeClient::abortAll()
{
    m_requests->abortAll();
}

int StripeClient::requestsInFlight() const
{
    return m_requests->inFlight();
}

EventListResult StripeClient::readResult(QNetworkReply* reply, net::ReplyEnd end) const
{
    EventListResult result;
    result.requestId = QString::fromLatin1(reply->rawHeader("Request-Id"));
    if (end == net::ReplyEnd::Aborted) {
        result.error = StripeError::local(StripeErrorKind::Aborted, QStringLiteral("cancelled"));
        return result;
    }
    if (end == net::ReplyEnd::TimedOut) {
        result.error = StripeError::local(StripeErrorKind::Timeout,
                                          QStringLiteral("no complete answer within %1 s")
                                              .arg(static_cast<double>(m_config.timeout.count()) / 1000.0));
        return result;
    }
    if (end == net::ReplyEnd::TooLarge) {
        result.error =
            StripeError::local(StripeErrorKind::BadResponse,
                               QStringLiteral("the answer is larger than the %1 MB Billbridge accepts")
                                   .arg(megabytes(m_config.maxResponseBytes)));
        return result;
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        result.error = StripeError::local(StripeErrorKind::Network, reply->errorString());
        return result;
    }
    const QByteArray body = reply->readAll();
    if (body.size() > m_config.maxResponseBytes) {
        result.error =
            StripeError::local(StripeErrorKind::BadResponse,
                               QStringLiteral("the answer is larger than the %1 MB Billbridge accepts")
                                   .arg(megabytes(m_config.maxResponseBytes)));
        return result;
    }
    if (status >= 200 && status < 300) {
        if (reply->error() != QNetworkReply::NoError) {
            // The status line arrived but the body did not: the connection broke mid-answer.
            result.error = StripeError::local(StripeErrorKind::Network, reply->errorString());
            return result;
        }
        EventPageParse parsed = parseEventPage(body);
        if (!parsed.page) {
            result.error = StripeError::local(StripeErrorKind::BadResponse, parsed.error);
            result.error->httpStatus = status;
            return result;
        }
        result.page = std::move(parsed.page);
        return result;
    }
    result.error = StripeError::fromHttp(status, body, reply->rawHeader("Stripe-Should-Retry"),
                                         reply->rawHeader("Retry-After"), reply->rawHeader("Request-Id"));
    return result;
}

void StripeClient::checkCredentials(CredentialHandler done)
{
    EventListParams params;
    params.limit = 1;
    const QString key = m_config.apiKey;
    listEvents(params, [done = std::move(done), key](const EventListResult& result) {
        CredentialCheck check;
        check.key = classifyKey(key);
        if (result.ok()) {
            check.accepted = true;
            check.verdict =
                QStringLiteral("Stripe accepted the %1 %2 (%3 mode); it can read events.")
                    .arg(kindLabel(check.key.kind), check.key.masked,
                         check.key.mode == KeyMode::Live ? QStringLiteral("live") : QStringLiteral("test"));
        } else {
            check.error = result.error;
            check.verdict = result.error->summary();
        }
        done(check);
    });
}

} // namespace billbridge::stripe
