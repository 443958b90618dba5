#include "stripetestserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>

namespace billbridge::test {

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

QByteArray errorEnvelope(const QString& type, const QString& message, const QString& code = {},
                         const QString& param = {})
{
    QJsonObject error{{QStringLiteral("type"), type}, {QStringLiteral("message"), message}};
    if (!code.isEmpty()) {
        error.insert(QStringLiteral("code"), code);
        error.insert(QStringLiteral("doc_url"),
                     QString(QStringLiteral("https://stripe.com/docs/error-codes/") +
                             QString(code).replace(QLatin1Char('_'), QLatin1Char('-'))));
    }
    if (!param.isEmpty())
        error.insert(QStringLiteral("param"), param);
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Indented);
}

// Stripe shows keys in messages as "sk_test_****abcd".
QString maskedKey(const QByteArray& key)
{
    const QString text = QString::fromLatin1(key);
    const qsizetype prefixEnd = text.left(9).lastIndexOf(QLatin1Char('_')) + 1;
    return text.left(prefixEnd) + QStringLiteral("****") + text.right(4);
}

QByteArray presentedKey(const StripeTestServer::Request& request)
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.startsWith("Bearer "))
        return authorization.mid(7).trimmed();
    if (authorization.startsWith("Basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        return decoded.left(decoded.indexOf(':') < 0 ? decoded.size() : decoded.indexOf(':'));
    }
    return {};
}

bool matchesType(const QString& type, const QString& pattern)
{
    if (!pattern.contains(QLatin1Char('*')))
        return type == pattern;
    QString expression = QRegularExpression::escape(pattern);
    expression.replace(QStringLiteral("\\*"), QStringLiteral(".*"));
    return QRegularExpression(QRegularExpression::anchoredPattern(expression)).match(type).hasMatch();
}

QString jsonString(const QString& text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

} // namespace

struct StripeTestServer::Parked {
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    Answer answer;
};

// ---- Fault ------------------------------------------------------------------------------------------

StripeTestServer::Fault StripeTestServer::Fault::rateLimited(std::optional<bool> shouldRetry,
                                                             std::optional<int> retryAfterSeconds)
{
    Fault fault = stripeError(429, QStringLiteral("invalid_request_error"),
                              QStringLiteral("Request rate limit exceeded. Learn more about rate limits here "
                                             "https://stripe.com/docs/rate-limits."),
                              QStringLiteral("rate_limit"));
    if (shouldRetry)
        fault.headers.append(
            qMakePair(QByteArray("Stripe-Should-Retry"), QByteArray(*shouldRetry ? "true" : "false")));
    if (retryAfterSeconds)
        fault.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(*retryAfterSeconds)));
    return fault;
}

StripeTestServer::Fault StripeTestServer::Fault::serverError(int status, std::optional<bool> shouldRetry)
{
    Fault fault = stripeError(status, QStringLiteral("api_error"),
                              QStringLiteral("An unknown error occurred while processing your request."));
    if (shouldRetry)
        fault.headers.append(
            qMakePair(QByteArray("Stripe-Should-Retry"), QByteArray(*shouldRetry ? "true" : "false")));
    return fault;
}

StripeTestServer::Fault StripeTestServer::Fault::permissionDenied(const QString& permission)
{
    Fault fault;
    fault.status = 403;
    fault.permission = permission;
    return fault;
}

StripeTestServer::Fault StripeTestServer::Fault::malformedJson()
{
    Fault fault;
    fault.status = 200;
    fault.body = "{\n  \"object\": \"list\",\n  \"data\": [\n    {\"id\": \"evt_";
    return fault;
}

StripeTestServer::Fault StripeTestServer::Fault::delayed(std::chrono::milliseconds delay)
{
    Fault fault;
    fault.delay = delay;
    return fault;
}

StripeTestServer::Fault StripeTestServer::Fault::cursorGone()
{
    Fault fault;
    fault.status = 400;
    fault.missingCursor = true;
    return fault;
}

StripeTestServer::Fault StripeTestServer::Fault::connectionDropped()
{
    Fault fault;
    fault.dropConnection = true;
    return fault;
}

StripeTestServer::Fault StripeTestServer::Fault::stripeError(int status, const QString& type,
                                                             const QString& message, const QString& code,
                                                             const QString& param)
{
    Fault fault;
    fault.status = status;
    fault.body = errorEnvelope(type, message, code, param);
    return fault;
}

// ---- Server -----------------------------------------------------------------------------------------

StripeTestServer::StripeTestServer(QObject* parent)
    : LoopbackTestServer(parent)
{
    m_http.route(QStringLiteral("/v1/events"), [this](const QHttpServerRequest& request,
                                                      QHttpServerResponder&& responder) {
        serveApi(request, std::move(responder), [this](const Request& recorded) {
            if (recorded.method != "GET")
                return Answer{404, errorEnvelope(QStringLiteral("invalid_request_error"),
                                                 QStringLiteral("Unrecognized request URL (%1: %2).")
                                                     .arg(QString::fromLatin1(recorded.method),
                                                          QString::fromLatin1(recorded.path)))};
            return listEvents(recorded);
        });
    });
    m_http.route(
        QStringLiteral("/v1/events/<arg>"),
        [this](const QString& id, const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            serveApi(request, std::move(responder), [this, id](const Request&) { return retrieveEvent(id); });
        });
    m_http.setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        const Request recorded = record(request);
        send(std::move(responder),
             Answer{404, errorEnvelope(QStringLiteral("invalid_request_error"),
                                       QStringLiteral("Unrecognized request URL (%1: %2). Please see "
                                                      "https://stripe.com/docs or we can help at "
                                                      "https://support.stripe.com/.")
                                           .arg(QString::fromLatin1(recorded.method),
                                                QString::fromLatin1(recorded.path)))},
             std::chrono::milliseconds(0));
    });
}

StripeTestServer::~StripeTestServer()
{
    m_parked.clear();
}

bool StripeTestServer::addEvent(const QByteArray& raw)
{
    const QJsonObject object = QJsonDocument::fromJson(raw).object();
    const QString id = object.value(QLatin1String("id")).toString();
    if (id.isEmpty() || !object.value(QLatin1String("created")).isDouble())
        return false;
    removeEvent(id);
    HeldEvent event{id, object.value(QLatin1String("type")).toString(),
                    object.value(QLatin1String("created")).toInteger(), m_nextSequence++, raw.trimmed()};
    const auto position = std::find_if(m_events.begin(), m_events.end(), [&event](const HeldEvent& held) {
        return held.created < event.created ||
               (held.created == event.created && held.sequence < event.sequence);
    });
    m_events.insert(position, std::move(event));
    return true;
}

void StripeTestServer::removeEvent(const QString& id)
{
    std::erase_if(m_events, [&id](const HeldEvent& held) { return held.id == id; });
}

void StripeTestServer::clearEvents()
{
    m_events.clear();
}

QStringList StripeTestServer::eventIds() const
{
    QStringList ids;
    for (const HeldEvent& event : m_events)
        ids << event.id;
    return ids;
}

QByteArray StripeTestServer::eventRaw(const QString& id) const
{
    for (const HeldEvent& event : m_events) {
        if (event.id == id)
            return event.raw;
    }
    return {};
}

void StripeTestServer::failNext(const Fault& fault, int times)
{
    for (int i = 0; i < times; ++i)
        m_faults.push_back(fault);
}

std::optional<StripeTestServer::Answer> StripeTestServer::checkKey(const Request& request) const
{
    const QByteArray key = presentedKey(request);
    if (key.isEmpty())
        return Answer{
            401,
            errorEnvelope(QStringLiteral("invalid_request_error"),
                          QStringLiteral("You did not provide an API key. You need to provide your API key "
                                         "in the Authorization header, using Bearer auth (e.g. "
                                         "'Authorization: Bearer YOUR_SECRET_KEY'). See "
                                         "https://stripe.com/docs/api#authentication for details, or we "
                                         "can help at https://support.stripe.com/.")),
            {{"WWW-Authenticate", "Basic realm=\"Stripe\""}}};
    if (key != m_apiKey)
        return Answer{401,
                      errorEnvelope(QStringLiteral("invalid_request_error"),
                                    QStringLiteral("Invalid API Key provided: %1").arg(maskedKey(key)), {},
                                    {}),
                      {{"WWW-Authenticate", "Basic realm=\"Stripe\""}}};
    return std::nullopt;
}

void StripeTestServer::serveApi(const QHttpServerRequest& request, QHttpServerResponder&& responder,
                                const std::function<Answer(const Request&)>& handler)
{
    const Request recorded = record(request);
    if (const auto refusal = checkKey(recorded)) {
        send(std::move(responder), *refusal, std::chrono::milliseconds(0));
        return;
    }
    if (m_faults.empty()) {
        send(std::move(responder), handler(recorded), std::chrono::milliseconds(0));
        return;
    }
    const Fault fault = m_faults.front();
    m_faults.pop_front();
    if (fault.dropConnection) {
        if (QTcpSocket* socket = responder.socket())
            socket->abort();
        return;
    }
    send(std::move(responder), fault.status == 0 ? handler(recorded) : faultAnswer(fault, recorded),
         fault.delay);
}

StripeTestServer::Answer StripeTestServer::faultAnswer(const Fault& fault, const Request& request) const
{
    Answer answer{fault.status, fault.body, fault.headers};
    if (!fault.permission.isEmpty()) {
        answer.body = errorEnvelope(
            QStringLiteral("invalid_request_error"),
            QStringLiteral(
                "The provided key '%1' does not have the required permissions for this endpoint on "
                "account '%2'. Having the '%3' permission would allow this request to continue.")
                .arg(maskedKey(presentedKey(request)), QString::fromLatin1(kAccountId), fault.permission));
    } else if (fault.missingCursor) {
        const QString param = request.hasQueryItem(QStringLiteral("ending_before"))
                                  ? QStringLiteral("ending_before")
                                  : QStringLiteral("starting_after");
        answer.body = errorEnvelope(QStringLiteral("invalid_request_error"),
                                    QStringLiteral("No such event: '%1'").arg(request.queryValue(param)),
                                    QStringLiteral("resource_missing"), param);
    }
    return answer;
}

StripeTestServer::Answer StripeTestServer::retrieveEvent(const QString& id) const
{
    const QByteArray raw = eventRaw(id);
    if (raw.isEmpty())
        return Answer{404, errorEnvelope(QStringLiteral("invalid_request_error"),
                                         QStringLiteral("No such event: '%1'").arg(id),
                                         QStringLiteral("resource_missing"), QStringLiteral("id"))};
    return Answer{200, raw + '\n'};
}

StripeTestServer::Answer StripeTestServer::listEvents(const Request& request) const
{
    const auto invalid = [](const QString& message, const QString& param = {}) {
        return Answer{400, errorEnvelope(QStringLiteral("invalid_request_error"), message, {}, param)};
    };
    static const QRegularExpression indexedTypes(QStringLiteral("^types\\[\\d*\\]$"));
    static const QRegularExpression createdRange(QStringLiteral("^created\\[(gt|gte|lt|lte)\\]$"));

    int limit = 10;
    QString startingAfter;
    QString endingBefore;
    QString type;
    QStringList types;
    std::optional<std::int64_t> createdExact, gt, gte, lt, lte;
    for (const auto& [key, value] : request.queryItems()) {
        bool ok = true;
        if (key == QLatin1String("limit")) {
            limit = value.toInt(&ok);
            if (!ok)
                return invalid(QStringLiteral("Invalid integer: %1").arg(value), key);
        } else if (key == QLatin1String("starting_after")) {
            startingAfter = value;
        } else if (key == QLatin1String("ending_before")) {
            endingBefore = value;
        } else if (key == QLatin1String("type")) {
            type = value;
        } else if (indexedTypes.match(key).hasMatch()) {
            types << value;
        } else if (key == QLatin1String("created") || createdRange.match(key).hasMatch()) {
            const std::int64_t seconds = value.toLongLong(&ok);
            if (!ok)
                return invalid(QStringLiteral("Invalid integer: %1").arg(value), key);
            const QString op = createdRange.match(key).captured(1);
            (op == QLatin1String("gt")    ? gt
             : op == QLatin1String("gte") ? gte
             : op == QLatin1String("lt")  ? lt
             : op == QLatin1String("lte") ? lte
                                          : createdExact) = seconds;
        } else if (key == QLatin1String("delivery_success") || key.startsWith(QLatin1String("expand["))) {
            // Accepted for parity; the local server has no deliveries and expands nothing.
        } else {
            return invalid(QStringLiteral("Received unknown parameter: %1").arg(key), key);
        }
    }
    if (limit < 1 || limit > 100)
        return invalid(QStringLiteral("Invalid limit: must be between 1 and 100"), QStringLiteral("limit"));
    if (!startingAfter.isEmpty() && !endingBefore.isEmpty())
        return invalid(
            QStringLiteral("You may only specify one of these parameters: ending_before, starting_after."));
    if (!type.isEmpty() && !types.isEmpty())
        return invalid(QStringLiteral("You may only specify one of these parameters: type, types."));
    if (types.size() > 20)
        return invalid(QStringLiteral("Invalid array: types must have at most 20 elements"),
                       QStringLiteral("types"));

    const auto positionOf = [this](const QString& id) -> qsizetype {
        for (std::size_t i = 0; i < m_events.size(); ++i) {
            if (m_events[i].id == id)
                return static_cast<qsizetype>(i);
        }
        return -1;
    };
    const QString cursor = startingAfter.isEmpty() ? endingBefore : startingAfter;
    const qsizetype cursorPosition = cursor.isEmpty() ? -1 : positionOf(cursor);
    if (!cursor.isEmpty() && cursorPosition < 0)
        return Answer{400, errorEnvelope(QStringLiteral("invalid_request_error"),
                                         QStringLiteral("No such event: '%1'").arg(cursor),
                                         QStringLiteral("resource_missing"),
                                         startingAfter.isEmpty() ? QStringLiteral("ending_before")
                                                                 : QStringLiteral("starting_after"))};

    const auto matches = [&](const HeldEvent& event) {
        if (createdExact && event.created != *createdExact)
            return false;
        if ((gt && event.created <= *gt) || (gte && event.created < *gte) || (lt && event.created >= *lt) ||
            (lte && event.created > *lte))
            return false;
        if (!type.isEmpty() && !matchesType(event.type, type))
            return false;
        if (!types.isEmpty() && !types.contains(event.type))
            return false;
        return true;
    };

    std::vector<const HeldEvent*> page;
    bool hasMore = false;
    if (!endingBefore.isEmpty()) {
        // The `limit` matching events just newer than the cursor, still listed newest first.
        std::vector<const HeldEvent*> newer;
        for (qsizetype i = 0; i < cursorPosition; ++i) {
            if (matches(m_events[static_cast<std::size_t>(i)]))
                newer.push_back(&m_events[static_cast<std::size_t>(i)]);
        }
        hasMore = newer.size() > static_cast<std::size_t>(limit);
        page.assign(newer.end() - std::min<std::ptrdiff_t>(limit, static_cast<std::ptrdiff_t>(newer.size())),
                    newer.end());
    } else {
        for (std::size_t i = static_cast<std::size_t>(cursorPosition + 1); i < m_events.size(); ++i) {
            if (!matches(m_events[i]))
                continue;
            if (page.size() == static_cast<std::size_t>(limit)) {
                hasMore = true;
                break;
            }
            page.push_back(&m_events[i]);
        }
    }

    QByteArray body = "{\n  \"object\": \"list\",\n  \"data\": [";
    for (std::size_t i = 0; i < page.size(); ++i) {
        body += i == 0 ? "\n" : ",\n";
        body += page[i]->raw;
    }
    body += page.empty() ? "]" : "\n  ]";
    body += ",\n  \"has_more\": ";
    body += hasMore ? "true" : "false";
    body += ",\n  \"url\": \"/v1/events\"\n}\n";
    return Answer{200, body};
}

void StripeTestServer::send(QHttpServerResponder&& responder, const Answer& answer,
                            std::chrono::milliseconds delay)
{
    const auto write = [this](QHttpServerResponder& target, const Answer& reply) {
        target.writeStatusLine(static_cast<StatusCode>(reply.status));
        target.writeHeader("Content-Type", "application/json");
        target.writeHeader("Request-Id",
                           "req_BbLocal" + QByteArray::number(m_nextRequestId++).rightJustified(8, '0'));
        target.writeHeader("Stripe-Version", "2026-07-29.dahlia");
        target.writeHeader("Cache-Control", "no-cache, no-store");
        for (const auto& [name, value] : reply.headers)
            target.writeHeader(name, value);
        target.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
        target.writeBody(reply.body);
    };
    if (delay.count() <= 0) {
        write(responder, answer);
        return;
    }
    auto parked = std::make_shared<Parked>(Parked{std::move(responder), {}, answer});
    parked->socket = parked->responder.socket();
    m_parked.push_back(parked);
    QTimer::singleShot(delay, this, [this, parked, write] {
        // The client may have given up meanwhile; its socket is then gone.
        if (parked->socket && parked->socket->state() == QAbstractSocket::ConnectedState)
            write(parked->responder, parked->answer);
        std::erase(m_parked, parked);
    });
}

QByteArray StripeTestServer::makeEvent(const QString& id, const QString& type, std::int64_t created,
                                       const QString& customerId, bool livemode)
{
    // data.object is the resource the type names: the customer itself for customer.*, otherwise an object
    // of that kind belonging to the customer.
    const QString resource = type.startsWith(QLatin1String("customer.subscription."))
                                 ? QStringLiteral("subscription")
                                 : type.section(QLatin1Char('.'), 0, 0);
    const QString suffix = id.mid(id.indexOf(QLatin1Char('_')) + 1);
    const bool isCustomer = resource == QLatin1String("customer");
    const QString objectId = isCustomer ? customerId : resource.left(3) + QLatin1Char('_') + suffix;
    const QString owner =
        isCustomer ? QStringLiteral("\"email\": \"customer-%1@example.test\"").arg(suffix.right(6).toLower())
                   : QStringLiteral("\"customer\": %1").arg(jsonString(customerId));
    const QString mode = livemode ? QStringLiteral("true") : QStringLiteral("false");
    const QString event =
        QStringLiteral(
            "{\n  \"id\": %1,\n  \"object\": \"event\",\n  \"api_version\": \"2026-07-29.dahlia\",\n"
            "  \"created\": %2,\n  \"data\": {\n    \"object\": {\n      \"id\": %3,\n"
            "      \"object\": %4,\n      \"amount\": 2900,\n      \"created\": %2,\n"
            "      \"currency\": \"usd\",\n      %5,\n      \"livemode\": %6,\n      \"metadata\": {}\n"
            "    }\n  },\n  \"livemode\": %6,\n  \"pending_webhooks\": 0,\n  \"request\": {\n"
            "    \"id\": null,\n    \"idempotency_key\": null\n  },\n  \"type\": %7\n}")
            .arg(jsonString(id))
            .arg(created)
            .arg(jsonString(objectId), jsonString(resource), owner, mode, jsonString(type));
    return event.toUtf8();
}

QByteArray StripeTestServer::readDataFile(const QString& relativePath)
{
    QFile file(QStringLiteral(BILLBRIDGE_TEST_DATA_DIR "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("test data file %s is missing", qPrintable(file.fileName()));
        return {};
    }
    return file.readAll();
}

} // namespace billbridge::test
