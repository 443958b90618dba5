#include "stripe/webhookreceiver.h"

#include "store/eventwriter.h"
#include "stripe/stripeevent.h"
#include "util/logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace billbridge::stripe {

namespace {

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

net::HttpResponse errorResponse(int status, const QString& code, const QString& message)
{
    return net::HttpResponse::json(
        status, compact({{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                               {QStringLiteral("message"), message}}}}));
}

net::HttpResponse methodNotAllowed(const QByteArray& allow)
{
    net::HttpResponse response =
        errorResponse(405, QStringLiteral("method_not_allowed"),
                      QStringLiteral("Use %1 for this path.").arg(QString::fromLatin1(allow)));
    response.headers.append({QByteArrayLiteral("Allow"), allow});
    return response;
}

} // namespace

WebhookReceiver::WebhookReceiver(WebhookReceiverConfig config, store::EventWriter& writer, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_writer(writer)
    , m_verifier(m_config.secrets, m_config.tolerance)
    , m_clock([] { return QDateTime::currentSecsSinceEpoch(); })
{}

WebhookReceiver::~WebhookReceiver()
{
    stop();
}

void WebhookReceiver::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

bool WebhookReceiver::start(QString* error)
{
    if (!m_config.address.isLoopback() && !m_config.allowNonLoopback) {
        *error = QStringLiteral(
                     "refusing to listen on %1: it is not a loopback address. Pass --allow-remote if other "
                     "machines must reach this receiver (Stripe's signature still guards every request).")
                     .arg(m_config.address.toString());
        return false;
    }
    if (m_config.secrets.isEmpty()) {
        *error = QStringLiteral(
            "no webhook signing secret is configured, so no webhook could be verified. Set one "
            "with 'billbridge-cli connections set stripe' or STRIPE_WEBHOOK_SECRET (whsec_…).");
        return false;
    }
    net::HttpLimits limits;
    limits.maxBodyBytes = m_config.maxBodyBytes;
    m_server = std::make_unique<net::HttpServer>(
        [this](net::HttpRequest&& request, net::HttpResponder responder) {
            handle(std::move(request), responder);
        },
        limits, m_config.ioThreads);
    m_server->setRejectionObserver([this](int status, const QByteArray& code, const QHostAddress& peer) {
        if (status == 408)
            return; // an idle or stalled client, not a delivery
        m_counters->rejected.fetch_add(1, std::memory_order_relaxed);
        m_writer.addToCounter(QStringLiteral("webhook.rejected.") + QString::fromLatin1(code));
        qCWarning(lcReceiver).noquote() << QStringLiteral("rejected request from %1 - %2 (HTTP %3)")
                                               .arg(peer.toString(), QString::fromLatin1(code))
                                               .arg(status);
    });
    if (!m_server->start(m_config.address, m_config.port)) {
        *error = QStringLiteral(
                     "cannot listen on %1:%2: %3. Is another receiver running? Choose another port with "
                     "--listen.")
                     .arg(m_config.address.toString())
                     .arg(m_config.port)
                     .arg(m_server->errorString());
        m_server.reset();
        return false;
    }
    m_startedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_config.address.isLoopback())
        qCWarning(lcReceiver) << "receiver listens on a non-loopback address:" << listenAddress()
                              << "- anyone who can reach it can send requests; only signed ones are stored";
    return true;
}

void WebhookReceiver::stopAccepting()
{
    if (m_server)
        m_server->close();
}

void WebhookReceiver::stop()
{
    if (m_server)
        m_server->shutdown();
    m_server.reset();
}

quint16 WebhookReceiver::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString WebhookReceiver::listenAddress() const
{
    const QHostAddress address = m_server ? m_server->serverAddress() : m_config.address;
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return host + QLatin1Char(':') + QString::number(port());
}

WebhookReceiverStats WebhookReceiver::stats() const
{
    const Counters& c = *m_counters;
    return {c.stored.load(),        c.duplicates.load(), c.rejected.load(),
            c.storeFailures.load(), c.live.load(),       c.test.load()};
}

void WebhookReceiver::handle(net::HttpRequest&& request, net::HttpResponder responder)
{
    if (request.path == m_config.path) {
        if (request.method != "POST") {
            responder.send(methodNotAllowed(QByteArrayLiteral("POST")));
            return;
        }
        handleWebhook(std::move(request), responder);
        return;
    }
    if (request.path == "/healthz") {
        if (request.method != "GET" && request.method != "HEAD") {
            responder.send(methodNotAllowed(QByteArrayLiteral("GET")));
            return;
        }
        net::HttpResponse response = health();
        if (request.method == "HEAD")
            response.body.clear();
        responder.send(std::move(response));
        return;
    }
    responder.send(errorResponse(
        404, QStringLiteral("not_found"),
        QStringLiteral("Stripe webhooks go to POST %1.").arg(QString::fromLatin1(m_config.path))));
}

void WebhookReceiver::rejectRequest(const net::HttpRequest& request, const net::HttpResponder& responder,
                                    int status, const QString& code, const QString& message)
{
    m_counters->rejected.fetch_add(1, std::memory_order_relaxed);
    m_writer.addToCounter(QStringLiteral("webhook.rejected.") + code);
    // Never the body: it carries customers' names and emails.
    qCWarning(lcReceiver).noquote() << QStringLiteral("rejected webhook from %1 - %2 (%3 bytes)")
                                           .arg(request.peer.toString(), code)
                                           .arg(request.body.size());
    responder.send(errorResponse(status, code, message));
}

void WebhookReceiver::handleWebhook(net::HttpRequest&& request, const net::HttpResponder& responder)
{
    const QByteArray signatureHeader = request.header("stripe-signature");
    const SignatureCheck check = m_verifier.verify(signatureHeader, request.body, m_clock());
    if (!check.isValid()) {
        rejectRequest(request, responder, 400, check.code(), check.explanation());
        return;
    }
    StripeEventParse parsed = parseStripeEvent(request.body);
    if (!parsed.fields) {
        rejectRequest(request, responder, 400, QStringLiteral("malformed_event"),
                      QStringLiteral("The body is signed but is not a Stripe event: %1").arg(parsed.error));
        return;
    }

    store::IncomingEvent event;
    event.fields = std::move(*parsed.fields);
    event.raw = std::move(request.body);
    event.source = store::EventSource::Webhook;
    event.verdict = store::SignatureVerdict::Verified;
    event.signatureHeader = signatureHeader;
    event.receivedAtMs = request.receivedAtMs;
    const QString eventId = event.fields.id;
    const bool livemode = event.fields.livemode;

    store::WriteRequest write;
    write.events.push_back(std::move(event));
    m_writer.submit(std::move(write), [counters = m_counters, responder, eventId,
                                       livemode](const store::WriteResult& result) {
        if (!result.committed) {
            counters->storeFailures.fetch_add(1, std::memory_order_relaxed);
            qCCritical(lcReceiver).noquote() << "could not store" << eventId << "-" << result.error;
            // 503 makes Stripe deliver the event again later; nothing is acknowledged that is not on disk.
            responder.send(
                errorResponse(503, QStringLiteral("store_unavailable"),
                              QStringLiteral("The event could not be stored; Stripe will retry.")));
            return;
        }
        const bool duplicate = result.outcomes.front() == store::InsertOutcome::Duplicate;
        (duplicate ? counters->duplicates : counters->stored).fetch_add(1, std::memory_order_relaxed);
        if (!duplicate)
            (livemode ? counters->live : counters->test).fetch_add(1, std::memory_order_relaxed);
        responder.send(net::HttpResponse::json(200, compact({{QStringLiteral("received"), true},
                                                             {QStringLiteral("id"), eventId},
                                                             {QStringLiteral("duplicate"), duplicate}})));
    });
}

net::HttpResponse WebhookReceiver::health() const
{
    const WebhookReceiverStats figures = stats();
    const QString mode = figures.liveEvents && figures.testEvents ? QStringLiteral("mixed")
                         : figures.liveEvents                     ? QStringLiteral("live")
                         : figures.testEvents                     ? QStringLiteral("test")
                                                                  : QStringLiteral("unknown");
    const QJsonObject body{
        {QStringLiteral("status"), QStringLiteral("ok")},
        {QStringLiteral("version"), QStringLiteral(BILLBRIDGE_VERSION)},
        {QStringLiteral("listen"), listenAddress()},
        {QStringLiteral("path"), QString::fromLatin1(m_config.path)},
        {QStringLiteral("events_stored"), qint64(figures.stored)},
        {QStringLiteral("duplicates"), qint64(figures.duplicates)},
        {QStringLiteral("rejected"), qint64(figures.rejected)},
        {QStringLiteral("store_failures"), qint64(figures.storeFailures)},
        {QStringLiteral("mode"), mode},
        {QStringLiteral("secrets"), int(m_config.secrets.size())},
        {QStringLiteral("uptime_s"), qint64((QDateTime::currentMSecsSinceEpoch() - m_startedAtMs) / 1000)},
    };
    return net::HttpResponse::json(200, compact(body));
}

} // namespace billbridge::stripe
