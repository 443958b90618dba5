#include "customerio/connectioncheck.h"

#include "net/boundedgets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace billbridge::customerio {

namespace {

Q_LOGGING_CATEGORY(lcCustomerIo, "billbridge.core.customerio")

using Verdict = CustomerIoCheckResult::Verdict;

CustomerIoCheckResult makeResult(Verdict verdict, const QString& message, int status = 0)
{
    CustomerIoCheckResult result;
    result.verdict = verdict;
    result.message = message;
    result.httpStatus = status;
    return result;
}

// Customer.io answers errors in several envelopes (reference §5): meta.error, meta.errors[] and
// errors[].detail / message / reason. Whatever it said, in one line; empty when it said nothing readable.
QString customerIoErrorText(const QByteArray& body)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    QStringList parts;
    const QJsonObject meta = root.value(QLatin1String("meta")).toObject();
    if (const QString error = meta.value(QLatin1String("error")).toString(); !error.isEmpty())
        parts << error;
    for (const QJsonValue& error : meta.value(QLatin1String("errors")).toArray()) {
        if (!error.toString().isEmpty())
            parts << error.toString();
    }
    for (const QJsonValue& value : root.value(QLatin1String("errors")).toArray()) {
        const QJsonObject error = value.toObject();
        for (const char* key : {"detail", "message", "reason"}) {
            if (const QString text = error.value(QLatin1String(key)).toString(); !text.isEmpty()) {
                parts << text;
                break;
            }
        }
    }
    QString text = parts.join(QStringLiteral("; ")).simplified();
    if (text.size() > 300)
        text = text.left(300) + QChar(0x2026);
    return text;
}

bool saysWrongDatacenter(const QByteArray& body)
{
    return customerIoErrorText(body).contains(QLatin1String("wrong datacenter"), Qt::CaseInsensitive);
}

// The region a Customer.io address belongs to, judged by its host (track-eu…, api-eu…).
std::optional<Region> regionOfHost(const QString& host)
{
    const QString lower = host.toLower();
    if (!lower.endsWith(QLatin1String(".customer.io")))
        return std::nullopt;
    const QString first = lower.section(QLatin1Char('.'), 0, 0);
    return first.endsWith(QLatin1String("-eu")) ? Region::Eu : Region::Us;
}

QString regionName(Region region)
{
    return region == Region::Eu ? CustomerIoConnectionCheck::tr("EU (European Union)")
                                : CustomerIoConnectionCheck::tr("US (United States)");
}

} // namespace

QString toString(CustomerIoCheckResult::Verdict verdict)
{
    switch (verdict) {
    case Verdict::Accepted:
        return QStringLiteral("accepted");
    case Verdict::CredentialsRejected:
        return QStringLiteral("credentials-rejected");
    case Verdict::PermissionMissing:
        return QStringLiteral("permission-missing");
    case Verdict::WrongRegion:
        return QStringLiteral("wrong-region");
    case Verdict::RateLimited:
        return QStringLiteral("rate-limited");
    case Verdict::ServiceError:
        return QStringLiteral("service-error");
    case Verdict::Unreachable:
        return QStringLiteral("unreachable");
    case Verdict::TimedOut:
        return QStringLiteral("timed-out");
    case Verdict::UnexpectedAnswer:
        return QStringLiteral("unexpected-answer");
    case Verdict::NotSent:
        return QStringLiteral("not-sent");
    case Verdict::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

CustomerIoConnectionCheck::CustomerIoConnectionCheck(QObject* parent)
    : QObject(parent)
    , m_requests(new net::BoundedGets(this))
{
    // BoundedGets follows no redirect: a wrong-region redirect is read as an answer (readRedirect).
}

CustomerIoConnectionCheck::~CustomerIoConnectionCheck()
{
    // Ends the requests now, while the handlers' captures are still alive, rather than with the children.
    delete m_requests;
}

QByteArray CustomerIoConnectionCheck::defaultUserAgent()
{
    return QByteArrayLiteral("Billbridge/") + QByteArrayLiteral(BILLBRIDGE_VERSION);
}

void CustomerIoConnectionCheck::setBaseOverrides(const QString& trackBase, const QString& appBase)
{
    m_trackOverride = trackBase;
    m_appOverride = appBase;
}

void CustomerIoConnectionCheck::deliverLater(Handler done, CustomerIoCheckResult result)
{
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}

void CustomerIoConnectionCheck::checkTrack(const QString& siteId, const QString& trackApiKey, Region region,
                                           Handler done)
{
    const CustomerIoEndpoints endpoints =
        CustomerIoEndpoints::resolve(region, m_trackOverride, m_appOverride);
    if (const QString problem = endpoints.validateTrack(); !problem.isEmpty())
        return deliverLater(std::move(done), makeResult(Verdict::NotSent, problem));
    if (siteId.trimmed().isEmpty() || trackApiKey.trimmed().isEmpty())
        return deliverLater(
            std::move(done),
            makeResult(Verdict::NotSent, tr("The Track API check needs both the site ID and the "
                                            "Track API key.")));
    if (m_timeout.count() <= 0)
        return deliverLater(std::move(done),
                            makeResult(Verdict::NotSent, tr("The request timeout must be positive.")));
    const QByteArray credentials = (siteId.trimmed() + QLatin1Char(':') + trackApiKey.trimmed()).toUtf8();
    send(endpoints.trackUrl(QStringLiteral("/accounts/region")), "Basic " + credentials.toBase64(),
         Pending{Api::Track, region, std::move(done)});
}

// GET /v1/workspaces (customerio-node 5.2.0 listWorkspaces; reference §2.10 and §9.5) rather than another
// read: the App API has no dedicated credentials check, this call needs no ids or parameters, reads no
// personal data, returns a small answer, and its 401 for a bad key is asserted by customerio-node's live
// tests. It also names the workspace, which helps the operator recognise the right key.
void CustomerIoConnectionCheck::checkApp(const QString& appApiKey, Region region, Handler done)
{
    const CustomerIoEndpoints endpoints =
        CustomerIoEndpoints::resolve(region, m_trackOverride, m_appOverride);
    if (const QString problem = endpoints.validateApp(); !problem.isEmpty())
        return deliverLater(std::move(done), makeResult(Verdict::NotSent, problem));
    if (appApiKey.trimmed().isEmpty())
        return deliverLater(std::move(done),
                            makeResult(Verdict::NotSent, tr("The App API check needs the App API key.")));
    if (m_timeout.count() <= 0)
        return deliverLater(std::move(done),
                            makeResult(Verdict::NotSent, tr("The request timeout must be positive.")));
    send(endpoints.appUrl(QStringLiteral("/workspaces")), "Bearer " + appApiKey.trimmed().toUtf8(),
         Pending{Api::App, region, std::move(done)});
}

void CustomerIoConnectionCheck::send(const QUrl& url, const QByteArray& authorization, Pending pending)
{
    QNetworkRequest request(url);
    // The same headers customerio-node 5.2.0 sends (reference capture), with Billbridge's own User-Agent and
    // an explicit JSON Accept instead of */*.
    request.setRawHeader("Authorization", authorization);
    request.setRawHeader("Content-Type", "application/json");
    request.setRawHeader("User-Agent", m_userAgent);
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    const Api api = pending.api;
    m_requests->get(request, m_timeout, m_maxResponseBytes,
                    [this, pending = std::move(pending)](QNetworkReply* reply, net::ReplyEnd end) {
                        const CustomerIoCheckResult result = readResult(reply, end, pending);
                        qCDebug(lcCustomerIo).noquote()
                            << (pending.api == Api::Track ? "Track check:" : "App check:")
                            << toString(result.verdict) << result.httpStatus;
                        pending.done(result);
                    });
    qCDebug(lcCustomerIo).noquote() << "GET" << url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)
                                    << (api == Api::Track ? "(Track check)" : "(App check)");
}

void CustomerIoConnectionCheck::abortAll()
{
    m_requests->abortAll();
}

int CustomerIoConnectionCheck::requestsInFlight() const
{
    return m_requests->inFlight();
}

CustomerIoCheckResult CustomerIoConnectionCheck::readResult(QNetworkReply* reply, net::ReplyEnd end,
                                                            const Pending& pending) const
{
    const QString api = pending.api == Api::Track ? tr("Track API") : tr("App API");
    if (end == net::ReplyEnd::Aborted)
        return makeResult(Verdict::Cancelled, tr("The %1 check was cancelled.").arg(api));
    if (end == net::ReplyEnd::TimedOut)
        return makeResult(
            Verdict::TimedOut,
            tr("Customer.io's %1 did not answer within %2 seconds. Check the network connection "
               "and proxy, then test again.")
                .arg(api)
                .arg(static_cast<double>(m_timeout.count()) / 1000.0));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (end == net::ReplyEnd::TooLarge)
        return makeResult(Verdict::UnexpectedAnswer,
                          tr("Customer.io's %1 sent an answer far larger than a credentials check returns. A "
                             "proxy may be answering in its place; check the addresses on the Advanced tab.")
                              .arg(api),
                          status);
    if (status == 0)
        return makeResult(
            Verdict::Unreachable,
            tr("Customer.io's %1 could not be reached (%2). Check the network connection, proxy "
               "and firewall, and the addresses on the Advanced tab.")
                .arg(api, reply->errorString()));

    const QByteArray body = reply->readAll();
    if (status >= 200 && status < 300) {
        if (reply->error() != QNetworkReply::NoError)
            return makeResult(
                Verdict::Unreachable,
                tr("The connection to Customer.io's %1 broke during the answer (%2). Test again.")
                    .arg(api, reply->errorString()),
                status);
        CustomerIoCheckResult result = pending.api == Api::Track ? readTrackSuccess(body, pending.region)
                                                                 : readAppSuccess(body, pending.region);
        result.httpStatus = status;
        return result;
    }
    if (status >= 300 && status < 400)
        return readRedirect(reply, body, pending, status);
    return readFailure(body, pending, status);
}

CustomerIoCheckResult CustomerIoConnectionCheck::readTrackSuccess(const QByteArray& body, Region chosen) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject answer = document.object();
    const std::optional<Region> region = parseRegion(answer.value(QLatin1String("region")).toString());
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || !region)
        return makeResult(Verdict::UnexpectedAnswer,
                          tr("Customer.io's Track API answered, but not with the workspace region it always "
                             "sends. A proxy may be answering in its place; check the addresses on the "
                             "Advanced tab."));

    CustomerIoCheckResult result;
    result.detectedRegion = toString(*region);
    const QJsonValue environment = answer.value(QLatin1String("environment_id"));
    if (environment.isDouble())
        result.workspace = QString::number(environment.toInteger());
    else
        result.workspace = environment.toString();
    const QString workspace =
        result.workspace.isEmpty() ? tr("the workspace") : tr("workspace %1").arg(result.workspace);
    if (*region != chosen) {
        result.verdict = Verdict::WrongRegion;
        result.message =
            tr("The site ID and Track API key are right, but this workspace is in the %1 region: "
               "choose %2 as the region.")
                .arg(shortName(*region), regionName(*region));
        return result;
    }
    result.verdict = Verdict::Accepted;
    result.message = tr("Customer.io accepted the site ID and Track API key (%1, %2 region).")
                         .arg(workspace, shortName(*region));
    return result;
}

CustomerIoCheckResult CustomerIoConnectionCheck::readAppSuccess(const QByteArray& body, Region chosen) const
{
    // The workspace list's shape is not in the reference; any JSON object counts, names are shown when found.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeResult(Verdict::UnexpectedAnswer,
                          tr("Customer.io's App API answered with something that is not JSON. A proxy may be "
                             "answering in its place; check the addresses on the Advanced tab."));
    QStringList names;
    for (const QJsonValue& value : document.object().value(QLatin1String("workspaces")).toArray()) {
        if (const QString name = value.toObject().value(QLatin1String("name")).toString(); !name.isEmpty())
            names << name;
    }
    CustomerIoCheckResult result;
    result.verdict = Verdict::Accepted;
    result.workspace = names.join(QStringLiteral(", "));
    result.message = result.workspace.isEmpty()
                         ? tr("Customer.io accepted the App API key (%1 region).").arg(shortName(chosen))
                         : tr("Customer.io accepted the App API key (workspace %1, %2 region).")
                               .arg(result.workspace, shortName(chosen));
    return result;
}

CustomerIoCheckResult CustomerIoConnectionCheck::readRedirect(QNetworkReply* reply, const QByteArray& body,
                                                              const Pending& pending, int status) const
{
    // An App key used in the wrong data centre gets 301 "wrong datacenter"; Track hosts redirect an EU
    // workspace. Either way the other region is the answer, confirmed by the Location host when present.
    const QUrl location = QUrl(QString::fromLatin1(reply->rawHeader("Location")));
    const std::optional<Region> locationRegion = regionOfHost(location.host());
    const bool wrongDatacenter = saysWrongDatacenter(body);
    if (!wrongDatacenter && (!locationRegion || *locationRegion == pending.region))
        return makeResult(Verdict::UnexpectedAnswer,
                          tr("Customer.io's %1 answered with a redirect (HTTP %2) that Billbridge does not "
                             "follow. Check the addresses on the Advanced tab.")
                              .arg(pending.api == Api::Track ? tr("Track API") : tr("App API"))
                              .arg(status),
                          status);
    const Region detected =
        locationRegion && *locationRegion != pending.region ? *locationRegion : otherRegion(pending.region);
    CustomerIoCheckResult result;
    result.verdict = Verdict::WrongRegion;
    result.httpStatus = status;
    result.detectedRegion = toString(detected);
    result.message = pending.api == Api::Track
                         ? tr("Customer.io says this workspace is in the %1 region: choose %2 as the region.")
                               .arg(shortName(detected), regionName(detected))
                         : tr("Customer.io says the App API key belongs to a workspace in the %1 region "
                              "(wrong data centre): choose %2 as the region.")
                               .arg(shortName(detected), regionName(detected));
    return result;
}

CustomerIoCheckResult CustomerIoConnectionCheck::readFailure(const QByteArray& body, const Pending& pending,
                                                             int status) const
{
    const bool track = pending.api == Api::Track;
    const QString api = track ? tr("Track API") : tr("App API");
    const QString said = customerIoErrorText(body);
    const QString saidSuffix = said.isEmpty() ? QString() : tr(" Customer.io said: %1").arg(said);
    if (status == 401)
        return makeResult(
            Verdict::CredentialsRejected,
            track ? tr("Customer.io rejected the Track credentials: the site ID or the Track API "
                       "key is wrong. Copy both again from Settings → Workspace Settings → API "
                       "Credentials → Track API Keys.")
                  : tr("Customer.io rejected the App API key. Check that it is an App API key (not "
                       "a Track API key) and copy it again from Settings → Workspace Settings → "
                       "API Credentials → App API Keys."),
            status);
    if (status == 403)
        return makeResult(Verdict::PermissionMissing,
                          tr("Customer.io accepted the %1 credentials but refused the request: the key lacks "
                             "permission for it. Create a key with access to this workspace, or widen the "
                             "key's permissions in Customer.io.%2")
                              .arg(api, saidSuffix),
                          status);
    if (status == 429)
        return makeResult(
            Verdict::RateLimited,
            tr("Customer.io's %1 is limiting the request rate (HTTP 429). Wait a minute and test "
               "again.")
                .arg(api),
            status);
    if (status >= 500)
        return makeResult(
            Verdict::ServiceError,
            tr("Customer.io's %1 had an internal problem (HTTP %2). This is usually brief: test "
               "again in a few minutes, and check status.customer.io if it persists.")
                .arg(api)
                .arg(status),
            status);
    return makeResult(Verdict::UnexpectedAnswer,
                      tr("Customer.io's %1 gave an unexpected answer (HTTP %2). Check the addresses on the "
                         "Advanced tab.%3")
                          .arg(api)
                          .arg(status)
                          .arg(saidSuffix),
                      status);
}

} // namespace billbridge::customerio
