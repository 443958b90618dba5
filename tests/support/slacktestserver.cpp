#include "slacktestserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>

namespace billbridge::test {

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

SlackTestServer::Answer answer(int status, const QByteArray& body)
{
    SlackTestServer::Answer result;
    result.status = status;
    result.body = body;
    return result;
}

} // namespace

SlackTestServer::Answer SlackTestServer::Answer::invalidPayload()
{
    return answer(400, "invalid_payload");
}

SlackTestServer::Answer SlackTestServer::Answer::invalidToken()
{
    return answer(403, "invalid_token");
}

SlackTestServer::Answer SlackTestServer::Answer::noService()
{
    return answer(404, "no_service");
}

SlackTestServer::Answer SlackTestServer::Answer::channelNotFound()
{
    return answer(404, "channel_not_found");
}

SlackTestServer::Answer SlackTestServer::Answer::rateLimited(int seconds)
{
    Answer result = answer(429, "rate_limited");
    result.headers = {{"Retry-After", QByteArray::number(seconds)}};
    return result;
}

SlackTestServer::Answer SlackTestServer::Answer::serverError()
{
    return answer(500, "internal_error");
}

SlackTestServer::Answer SlackTestServer::Answer::silence()
{
    Answer result;
    result.neverAnswer = true;
    return result;
}

SlackTestServer::SlackTestServer(QObject* parent)
    : LoopbackTestServer(parent)
{
    m_http.setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        serve(request, std::move(responder));
    });
}

SlackTestServer::~SlackTestServer()
{
    m_silent.clear();
}

QUrl SlackTestServer::addWebhook(const QString& secret)
{
    const QByteArray path = "/services/T0000TEST/B" +
                            QByteArray::number(m_paths.size() + 1).rightJustified(4, '0') + '/' +
                            secret.toUtf8();
    m_paths.append(path);
    QUrl url = baseUrl();
    url.setPath(QString::fromUtf8(path));
    return url;
}

void SlackTestServer::failNext(const Answer& scripted, int times)
{
    for (int i = 0; i < times; ++i)
        m_scripted.push_back(scripted);
}

void SlackTestServer::serve(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    const RecordedRequest recorded = record(request);
    if (!m_scripted.empty()) {
        const Answer scripted = m_scripted.front();
        m_scripted.pop_front();
        if (scripted.neverAnswer) {
            m_silent.push_back(std::make_unique<QHttpServerResponder>(std::move(responder)));
            return;
        }
        send(responder, scripted);
        return;
    }
    if (recorded.method != "POST" || !m_paths.contains(recorded.path)) {
        send(responder, Answer::noService());
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(recorded.body);
    const QJsonObject message = document.object();
    if (!document.isObject() ||
        (!message.contains(QLatin1String("text")) && !message.contains(QLatin1String("blocks")))) {
        send(responder, Answer::invalidPayload());
        return;
    }
    send(responder, Answer{});
}

void SlackTestServer::send(QHttpServerResponder& responder, const Answer& answer)
{
    responder.writeStatusLine(static_cast<StatusCode>(answer.status));
    responder.writeHeader("Content-Type", "text/html");
    for (const auto& [name, value] : answer.headers)
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Length", QByteArray::number(answer.body.size()));
    responder.writeBody(answer.body);
}

} // namespace billbridge::test
