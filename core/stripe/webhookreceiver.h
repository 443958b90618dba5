#pragma once

#include "net/httpserver.h"
#include "stripe/signatureverifier.h"

#include <QHostAddress>
#include <QList>
#include <QObject>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

namespace billbridge::store {
class EventWriter;
}

namespace billbridge::stripe {

struct WebhookReceiverConfig {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8787;
    // Stripe's signature makes a public endpoint safe to expose, but Billbridge is a desktop tool:
    // listening beyond loopback must be asked for.
    bool allowNonLoopback = false;
    QList<QByteArray> secrets;
    std::chrono::seconds tolerance = SignatureVerifier::kDefaultTolerance;
    qsizetype maxBodyBytes = 1024 * 1024;
    int ioThreads = 2;
    QByteArray path = QByteArrayLiteral("/stripe/webhook");
};

struct WebhookReceiverStats {
    std::int64_t stored = 0;
    std::int64_t duplicates = 0;
    std::int64_t rejected = 0;
    std::int64_t storeFailures = 0;
    std::int64_t liveEvents = 0;
    std::int64_t testEvents = 0;
};

// POST <path>: verifies Stripe-Signature over the raw bytes, then answers 200 only after the event's
// transaction is durable (EventWriter group commit). Duplicates answer 200 too, so Stripe stops
// retrying. GET /healthz reports the receiver's figures.
class WebhookReceiver final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookReceiver)

public:
    using Clock = std::function<std::int64_t()>; // Unix seconds

    WebhookReceiver(WebhookReceiverConfig config, store::EventWriter& writer, QObject* parent = nullptr);
    ~WebhookReceiver() override;

    // False with *error set when the address is refused or taken.
    bool start(QString* error);
    // Refuses new connections; open ones are still served so that pending answers reach their clients.
    void stopAccepting();
    // Closes every connection; call after the writer has settled pending events.
    void stop();

    quint16 port() const;
    QString listenAddress() const;
    WebhookReceiverStats stats() const;
    void setClock(Clock clock);

private:
    void handle(net::HttpRequest&& request, net::HttpResponder responder);
    void handleWebhook(net::HttpRequest&& request, const net::HttpResponder& responder);
    net::HttpResponse health() const;
    void rejectRequest(const net::HttpRequest& request, const net::HttpResponder& responder, int status,
                       const QString& code, const QString& message);

    WebhookReceiverConfig m_config;
    store::EventWriter& m_writer;
    SignatureVerifier m_verifier;
    Clock m_clock;
    std::unique_ptr<net::HttpServer> m_server;
    std::int64_t m_startedAtMs = 0;
    // Shared with the writer's completions, which may run after this object is gone.
    struct Counters {
        std::atomic<std::int64_t> stored{0};
        std::atomic<std::int64_t> duplicates{0};
        std::atomic<std::int64_t> rejected{0};
        std::atomic<std::int64_t> storeFailures{0};
        std::atomic<std::int64_t> live{0};
        std::atomic<std::int64_t> test{0};
    };
    std::shared_ptr<Counters> m_counters = std::make_shared<Counters>();
};

} // namespace billbridge::stripe
