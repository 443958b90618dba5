#pragma once

#include "stripe/eventpoller.h"
#include "stripe/signatureverifier.h"
#include "stripe/webhookreceiver.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>

class QThread;

namespace billbridge::store {
class EventWriter;
}

namespace billbridge::intake {

class IntakeWorker;

struct IntakeOptions {
    static constexpr quint16 kDefaultPort = 8787;

    QString storePath;
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = kDefaultPort; // 0: any free port (tests)
    bool allowRemote = false;
    std::chrono::seconds tolerance = stripe::SignatureVerifier::kDefaultTolerance;
    bool poll = true;
    std::chrono::milliseconds pollInterval{10'000};
    bool index = true;
    // Empty: StripeApiConfig::resolve() decides (environment, setting, api.stripe.com).
    QString stripeApiBase;
};

// Handed in by the owner, who knows where they are kept; this class never reads the environment or a
// keychain.
struct IntakeCredentials {
    QList<QByteArray> webhookSecrets;
    QString apiKey; // empty: no polling
};

struct IntakeError {
    enum class Kind {
        None,
        AlreadyRunning,
        NoWebhookSecret,
        InvalidApiConfig,
        AddressRefused, // not loopback and remote access not allowed
        PortInUse,
        ListenFailed,
        StoreUnavailable,
    };

    Kind kind = Kind::None;
    QString message; // what happened and what to do next

    bool isError() const { return kind != Kind::None; }
};

struct IntakeIndexProgress {
    std::int64_t indexedSeq = 0;
    std::int64_t latestSeq = 0;
};

// What `billbridge-cli serve` composes, as one object an application can own: the store's writer, the
// webhook receiver, the Events API poller and the full-text indexer, all off the caller's thread. Results
// come back as queued signals on the thread that owns this object, so a screen can connect to them
// directly.
//
// start() checks what it can without I/O and returns an error at once; opening the store and binding the
// port happen on the intake thread and end in either listening() or startFailed(). stop() settles every
// event in flight (each one is acknowledged only after its commit) before stopped().
class IntakeService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntakeService)

public:
    enum class State { Stopped, Starting, Running, Stopping };
    Q_ENUM(State)

    explicit IntakeService(QObject* parent = nullptr);
    // Stops and waits for the intake thread, so that nothing it accepted is lost.
    ~IntakeService() override;

    // An error here means nothing was started; startFailed() is emitted for it too.
    IntakeError start(const IntakeOptions& options, const IntakeCredentials& credentials);
    void stop();

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    const IntakeOptions& options() const { return m_options; }
    // "127.0.0.1:8787" while running; empty otherwise.
    QString listenAddress() const { return m_listenAddress; }
    quint16 port() const { return m_port; }
    bool isPolling() const { return m_polling; }
    IntakeError lastError() const { return m_lastError; }
    QDateTime lastPollAt() const { return m_lastPollAt; }
    QString lastPollError() const { return m_lastPollError; }
    stripe::WebhookReceiverStats receiverStats() const { return m_stats; }
    IntakeIndexProgress indexProgressNow() const { return m_index; }
    // The store's writer while running, for other intake in this process (a backfill) to share: one writer
    // per file keeps commits grouped. It is stopped with the service; writes after that are refused, not
    // lost silently, and the shared object stays valid for as long as anyone holds it.
    std::shared_ptr<store::EventWriter> sharedWriter() const { return m_writer; }

    // The sentences the console shows for errors nothing else words; public so that callers and tests agree.
    static QString portInUseMessage(const QHostAddress& address, quint16 port);
    static QString noWebhookSecretMessage();

signals:
    void stateChanged(billbridge::intake::IntakeService::State state);
    void listening(const QString& address);
    void startFailed(const billbridge::intake::IntakeError& error);
    void stopped();
    // New events reached the disk (webhook or poll); several commits may be folded into one signal.
    void eventsStored(qint64 lastSeq, int count);
    // Polling is off for want of an API key, or the poller reported something worth reading.
    void notice(const QString& message);
    void pollFinished(const billbridge::stripe::PollReport& report);
    void pollFailed(const QString& message, bool fatal);
    void indexProgress(const billbridge::intake::IntakeIndexProgress& progress);
    void receiverStatsChanged(const billbridge::stripe::WebhookReceiverStats& stats);

private:
    friend class IntakeWorker;

    void setState(State state);
    void fail(const IntakeError& error);
    void onWorkerStarted(const QString& address, quint16 port, bool polling,
                         std::shared_ptr<store::EventWriter> writer);
    void onWorkerFailed(const billbridge::intake::IntakeError& error);
    void onWorkerStopped();
    void onCommitted(std::int64_t lastSeq, int count);
    void flushStored();
    void finishThread();

    IntakeOptions m_options;
    State m_state = State::Stopped;
    QThread* m_thread = nullptr;
    IntakeWorker* m_worker = nullptr;
    QString m_listenAddress;
    quint16 m_port = 0;
    bool m_polling = false;
    IntakeError m_lastError;
    QDateTime m_lastPollAt;
    QString m_lastPollError;
    stripe::WebhookReceiverStats m_stats;
    IntakeIndexProgress m_index;
    std::shared_ptr<store::EventWriter> m_writer;
    // Commits are folded: the writer thread adds, the owner's thread takes.
    std::atomic<std::int64_t> m_pendingLastSeq{0};
    std::atomic<int> m_pendingCount{0};
    std::atomic<bool> m_flushPosted{false};
};

} // namespace billbridge::intake

Q_DECLARE_METATYPE(billbridge::intake::IntakeError)
Q_DECLARE_METATYPE(billbridge::intake::IntakeIndexProgress)
Q_DECLARE_METATYPE(billbridge::stripe::WebhookReceiverStats)
