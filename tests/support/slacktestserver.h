#pragma once

#include "loopbacktestserver.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <deque>
#include <memory>
#include <vector>

namespace billbridge::test {

// A local stand-in for Slack's incoming webhooks on 127.0.0.1, speaking their wire format: a POST to
// /services/<T>/<B>/<secret> with a JSON body is answered 200 "ok" (text/html, as Slack does). A body that is
// not a JSON object with "text" or "blocks" gets 400 "invalid_payload"; a path not registered with
// addWebhook() gets 404 "no_service". failNext() scripts the next answers.
class SlackTestServer final : public LoopbackTestServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlackTestServer)

public:
    struct Answer {
        int status = 200;
        QByteArray body = "ok";
        QList<QPair<QByteArray, QByteArray>> headers;
        bool neverAnswer = false;

        static Answer invalidPayload();         // 400 invalid_payload
        static Answer invalidToken();           // 403 invalid_token
        static Answer noService();              // 404 no_service
        static Answer channelNotFound();        // 404 channel_not_found
        static Answer rateLimited(int seconds); // 429 rate_limited, Retry-After: seconds
        static Answer serverError();            // 500
        static Answer silence();                // no answer at all
    };

    explicit SlackTestServer(QObject* parent = nullptr);
    ~SlackTestServer() override;

    // Registers a webhook and returns its URL, e.g. http://127.0.0.1:40123/services/T0001/B0001/<secret>.
    QUrl addWebhook(const QString& secret);
    void failNext(const Answer& answer, int times = 1);

private:
    void serve(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    static void send(QHttpServerResponder& responder, const Answer& answer);

    QList<QByteArray> m_paths;
    std::deque<Answer> m_scripted;
    std::vector<std::unique_ptr<QHttpServerResponder>> m_silent;
};

} // namespace billbridge::test
