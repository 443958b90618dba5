#include "customeriotestserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>

namespace billbridge::test {

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

QByteArray errorsEnvelope(const QString& detail, int status)
{
    const QJsonObject error{{QStringLiteral("detail"), detail},
                            {QStringLiteral("status"), QString::number(status)}};
    return QJsonDocument(QJsonObject{{QStringLiteral("errors"), QJsonArray{error}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

CustomerIoTestServer::Fault CustomerIoTestServer::Fault::unauthorized()
{
    return Fault{401, errorsEnvelope(QStringLiteral("Unauthorized request"), 401), {}, false};
}

CustomerIoTestServer::Fault CustomerIoTestServer::Fault::forbidden()
{
    return Fault{
        403,
        errorsEnvelope(QStringLiteral("This API key does not have permission to access this resource"), 403),
        {},
        false};
}

CustomerIoTestServer::Fault CustomerIoTestServer::Fault::rateLimited()
{
    // The App API declares 429 without a body schema or headers (reference §4).
    return Fault{429, QByteArrayLiteral("Too Many Requests"), {{"Content-Type", "text/plain"}}, false};
}

CustomerIoTestServer::Fault CustomerIoTestServer::Fault::serverError(int status)
{
    return Fault{status,
                 QByteArrayLiteral("<html><body><h1>Internal Server Error</h1></body></html>"),
                 {{"Content-Type", "text/html"}},
                 false};
}

CustomerIoTestServer::Fault CustomerIoTestServer::Fault::wrongDatacenter(customerio::Region workspaceRegion)
{
    const QByteArray location =
        customerio::defaultAppHost(workspaceRegion).toString().toLatin1() + "/v1/workspaces";
    return Fault{
        301, errorsEnvelope(QStringLiteral("wrong datacenter"), 301), {{"Location", location}}, false};
}

CustomerIoTestServer::Fault CustomerIoTestServer::Fault::malformedJson()
{
    return Fault{200, QByteArrayLiteral("{\"url\":\"https://track.customer.io\",\"region\":\"u"), {}, false};
}

CustomerIoTestServer::Fault CustomerIoTestServer::Fault::silence()
{
    Fault fault;
    fault.neverAnswer = true;
    return fault;
}

CustomerIoTestServer::CustomerIoTestServer(QObject* parent)
    : LoopbackTestServer(parent)
{
    m_clock.start();
    connect(this, &LoopbackTestServer::requestReceived, this,
            [this](int) { m_arrivalsMs.push_back(m_clock.elapsed()); });
    m_http.route(QStringLiteral("/api/v1/accounts/region"),
                 [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
                     serve(request, std::move(responder), true);
                 });
    m_http.route(QStringLiteral("/v1/workspaces"),
                 [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
                     serve(request, std::move(responder), false);
                 });
    m_http.setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        const Request recorded = record(request);
        const std::optional<Answer> answer = operationAnswer(recorded);
        if (!answer) {
            send(responder, Answer{404, errorsEnvelope(QStringLiteral("not found"), 404), {}});
            return;
        }
        if (answerFault(responder))
            return;
        if (m_answerDelay.count() > 0)
            sendLater(std::move(responder), *answer);
        else
            send(responder, *answer);
    });
}

void CustomerIoTestServer::sendLater(QHttpServerResponder&& responder, const Answer& answer)
{
    const int key = m_nextDelayed++;
    m_delayed.emplace(key, std::make_unique<QHttpServerResponder>(std::move(responder)));
    QTimer::singleShot(m_answerDelay, this, [this, key, answer] {
        const auto found = m_delayed.find(key);
        if (found == m_delayed.end())
            return;
        send(*found->second, answer);
        m_delayed.erase(found);
    });
}

CustomerIoTestServer::~CustomerIoTestServer()
{
    m_silent.clear();
    m_delayed.clear();
}

void CustomerIoTestServer::setRegion(customerio::Region region)
{
    m_region = region;
    m_servedRegion = region;
}

void CustomerIoTestServer::setPeopleWithEmail(const QString& email, const QList<Person>& people)
{
    QJsonArray results;
    for (const Person& person : people) {
        QJsonObject entry{{QStringLiteral("email"), person.email}, {QStringLiteral("cio_id"), person.cioId}};
        if (!person.id.isEmpty())
            entry.insert(QStringLiteral("id"), person.id);
        results.append(entry);
    }
    m_peopleByEmail[email.toLower()] =
        QJsonDocument(QJsonObject{{QStringLiteral("results"), results}}).toJson(QJsonDocument::Compact);
}

void CustomerIoTestServer::failNext(const Fault& fault, int times)
{
    for (int i = 0; i < times; ++i)
        m_faults.push_back(fault);
}

void CustomerIoTestServer::serve(const QHttpServerRequest& request, QHttpServerResponder&& responder,
                                 bool track)
{
    const Request recorded = record(request);
    if (answerFault(responder))
        return;
    if (recorded.method != "GET") {
        send(responder, Answer{404, errorsEnvelope(QStringLiteral("not found"), 404), {}});
        return;
    }
    send(responder, track ? trackAnswer(recorded) : appAnswer(recorded));
}

bool CustomerIoTestServer::answerFault(QHttpServerResponder& responder)
{
    if (m_faults.empty())
        return false;
    const Fault fault = m_faults.front();
    m_faults.pop_front();
    if (fault.neverAnswer)
        m_silent.push_back(std::make_unique<QHttpServerResponder>(std::move(responder)));
    else
        send(responder, Answer{fault.status, fault.body, fault.headers});
    return true;
}

std::optional<CustomerIoTestServer::Answer>
CustomerIoTestServer::operationAnswer(const Request& request) const
{
    static const QRegularExpression trackCustomer(QStringLiteral("^/api/v1/customers/[^/]+$"));
    static const QRegularExpression trackCustomerAction(
        QStringLiteral("^/api/v1/customers/[^/]+/(events|suppress|unsuppress)$"));
    static const QRegularExpression trackSegment(
        QStringLiteral("^/api/v1/segments/[^/]+/(add|remove)_customers$"));
    static const QRegularExpression appTrigger(QStringLiteral("^/v1/campaigns/[^/]+/triggers$"));
    const QString path = QString::fromLatin1(request.path);
    const QByteArray& method = request.method;

    const bool track = ((method == "PUT" || method == "DELETE") && trackCustomer.match(path).hasMatch()) ||
                       (method == "POST" &&
                        (trackCustomerAction.match(path).hasMatch() || trackSegment.match(path).hasMatch()));
    if (track) {
        const QByteArray credentials = m_siteId + ':' + m_trackKey;
        const QByteArray expected = "Basic " + credentials.toBase64();
        if (request.header("authorization").trimmed() != expected)
            return Answer{401, QByteArrayLiteral("Unauthorized"), {{"Content-Type", "text/plain"}}};
        return Answer{200, QByteArrayLiteral("{}"), {}};
    }

    QByteArray body;
    if (method == "POST" && path == QLatin1String("/v1/send/email"))
        body = R"({"delivery_id":"dlv_test_1","queued_at":1700000000})";
    else if (method == "POST" && appTrigger.match(path).hasMatch())
        body = R"({"id":1})";
    else if (method == "GET" && path == QLatin1String("/v1/customers")) {
        const auto people = m_peopleByEmail.find(request.queryValue(QStringLiteral("email")).toLower());
        body = people == m_peopleByEmail.end() ? QByteArray(R"({"results":[]})") : people->second;
    } else if (method == "GET" && path == QLatin1String("/v1/broadcasts"))
        body = m_broadcastListBody;
    else if (method == "GET" && path == QLatin1String("/v1/transactional"))
        body = m_transactionalListBody;
    else if (method == "GET" && path == QLatin1String("/v1/segments"))
        body = R"({"segments":[]})";
    else
        return std::nullopt;
    if (request.header("authorization").trimmed() != "Bearer " + m_appKey)
        return Answer{401, errorsEnvelope(QStringLiteral("Unauthorized request"), 401), {}};
    return Answer{200, body, {}};
}

CustomerIoTestServer::Answer CustomerIoTestServer::trackAnswer(const Request& request) const
{
    const QByteArray authorization = request.header("authorization").trimmed();
    const QByteArray credentials = m_siteId + ':' + m_trackKey;
    const QByteArray expected = "Basic " + credentials.toBase64();
    if (authorization != expected)
        return Answer{401,
                      QByteArrayLiteral("Unauthorized"),
                      {{"Content-Type", "text/plain"}, {"WWW-Authenticate", "Basic realm=\"Customer.io\""}}};
    const QJsonObject answer{
        {QStringLiteral("url"), customerio::defaultTrackHost(m_region).toString()},
        {QStringLiteral("region"), customerio::toString(m_region)},
        {QStringLiteral("environment_id"), m_environmentId},
    };
    return Answer{200, QJsonDocument(answer).toJson(QJsonDocument::Compact), {}};
}

CustomerIoTestServer::Answer CustomerIoTestServer::appAnswer(const Request& request) const
{
    if (request.header("authorization").trimmed() != "Bearer " + m_appKey)
        return Answer{401, errorsEnvelope(QStringLiteral("Unauthorized request"), 401), {}};
    if (m_servedRegion != m_region) {
        const Fault redirect = Fault::wrongDatacenter(m_region);
        return Answer{redirect.status, redirect.body, redirect.headers};
    }
    const QJsonObject workspace{
        {QStringLiteral("id"), m_environmentId}, {QStringLiteral("name"), m_workspaceName},
        {QStringLiteral("messages_sent"), 0},    {QStringLiteral("billable_messages_sent"), 0},
        {QStringLiteral("people"), 2},
    };
    return Answer{200,
                  QJsonDocument(QJsonObject{{QStringLiteral("workspaces"), QJsonArray{workspace}}})
                      .toJson(QJsonDocument::Compact),
                  {}};
}

void CustomerIoTestServer::send(QHttpServerResponder& responder, const Answer& answer)
{
    responder.writeStatusLine(static_cast<StatusCode>(answer.status));
    bool typed = false;
    for (const auto& [name, value] : answer.headers)
        typed = typed || name.compare("Content-Type", Qt::CaseInsensitive) == 0;
    if (!typed)
        responder.writeHeader("Content-Type", "application/json");
    for (const auto& [name, value] : answer.headers)
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Length", QByteArray::number(answer.body.size()));
    responder.writeBody(answer.body);
}

} // namespace billbridge::test
