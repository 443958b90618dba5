#include "stripe/stripeclient.h"

#include "util/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <vector>

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
    , m_network(new QNetworkAccessManager(this))
{
    // Redirects are not part of the API; following one would carry the key to another address.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

StripeClient::~StripeClient()
{
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto& [reply, state] : pending) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
    }
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

    QNetworkReply* reply = m_network->get(request);
    m_pending.emplace(reply, Pending{std::move(done)});
    qCDebug(lcStripe).noquote()
        << QStringLiteral("GET /v1/events?%1").arg(QString::fromLatin1(params.toQuery()));

    // transferTimeout only measures silence; an answer that trickles in must still end on time.
    auto* deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, reply] {
        if (auto found = m_pending.find(reply); found != m_pending.end()) {
            found->second.timedOut = true;
            reply->abort();
        }
    });
    deadline->start(m_config.timeout);

    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            guardSize(reply, length.toLongLong());
    });
    connect(reply, &QNetworkReply::downloadProgress, this,
            [this, reply](qint64 received, qint64 total) { guardSize(reply, std::max(received, total)); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
}

void StripeClient::guardSize(QNetworkReply* reply, qint64 bytes)
{
    if (bytes <= m_config.maxResponseBytes)
        return;
    if (auto found = m_pending.find(reply); found != m_pending.end() && !found->second.tooLarge) {
        found->second.tooLarge = true;
        reply->abort();
    }
}

void StripeClient::abortAll()
{
    std::vector<QPointer<QNetworkReply>> replies;
    for (auto& [reply, state] : m_pending) {
        state.aborted = true;
        replies.emplace_back(reply);
    }
    for (const QPointer<QNetworkReply>& reply : replies) {
        if (reply)
            reply->abort();
    }
}

void StripeClient::finish(QNetworkReply* reply)
{
    const auto found = m_pending.find(reply);
    if (found == m_pending.end())
        return;
    Pending pending = std::move(found->second);
    m_pending.erase(found);
    reply->deleteLater();

    const EventListResult result = readResult(reply, pending);
    if (result.error)
        qCDebug(lcStripe).noquote() << "GET /v1/events failed:" << toString(result.error->kind)
                                    << result.error->httpStatus << result.requestId;
    pending.done(result);
}

EventListResult StripeClient::readResult(QNetworkReply* reply, const Pending& pending) const
{
    EventListResult result;
    result.requestId = QString::fromLatin1(reply->rawHeader("Request-Id"));
    if (pending.aborted) {
        result.error = StripeError::local(StripeErrorKind::Aborted, QStringLiteral("cancelled"));
        return result;
    }
    if (pending.timedOut) {
        result.error = StripeError::local(StripeErrorKind::Timeout,
                                          QStringLiteral("no complete answer within %1 s")
                                              .arg(static_cast<double>(m_config.timeout.count()) / 1000.0));
        return result;
    }
    if (pending.tooLarge) {
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
