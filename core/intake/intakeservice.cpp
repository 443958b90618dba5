#include "intake/intakeservice.h"

#include "store/eventwriter.h"
#include "store/fulltextindexer.h"
#include "store/sqlite.h"
#include "stripe/stripeapiconfig.h"
#include "sync/syncengine.h"
#include "util/logging.h"

#include <QTcpServer>
#include <QThread>
#include <QTimer>

#include <memory>
#include <optional>

namespace billbridge::intake {

namespace {

// Often enough for a status line that looks alive, rare enough to cost nothing.
constexpr std::chrono::milliseconds kFiguresInterval{1000};

bool sameFigures(const stripe::WebhookReceiverStats& a, const stripe::WebhookReceiverStats& b)
{
    return a.stored == b.stored && a.duplicates == b.duplicates && a.rejected == b.rejected &&
           a.storeFailures == b.storeFailures && a.liveEvents == b.liveEvents && a.testEvents == b.testEvents;
}

QString hostText(const QHostAddress& address)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol
               ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
               : address.toString();
}

} // namespace

// Everything that lives on the intake thread. Created by IntakeService, moved to that thread, and only ever
// called there (through queued calls); it reports back to the service with queued calls as well.
class IntakeWorker final : public QObject {
public:
    IntakeWorker(IntakeService* service, IntakeOptions options, IntakeCredentials credentials)
        : m_service(service)
        , m_options(std::move(options))
        , m_credentials(std::move(credentials))
    {}

    void start();
    void shutdown();

private:
    void startPoller();
    void reportFigures();
    void failStart(const IntakeError& error);
    template <typename Function>
    void toService(Function function)
    {
        QMetaObject::invokeMethod(m_service, std::move(function), Qt::QueuedConnection);
    }

    IntakeService* m_service;
    IntakeOptions m_options;
    IntakeCredentials m_credentials;
    std::shared_ptr<store::EventWriter> m_writer;
    std::unique_ptr<store::FullTextIndexer> m_indexer;
    std::unique_ptr<stripe::WebhookReceiver> m_receiver;
    std::unique_ptr<stripe::EventPoller> m_poller;
    std::unique_ptr<QTimer> m_figuresTimer;
    std::atomic<std::int64_t> m_latestSeq{0};
    stripe::WebhookReceiverStats m_reportedStats;
    IntakeIndexProgress m_reportedIndex;
};

void IntakeWorker::start()
{
    m_writer = std::make_shared<store::EventWriter>(m_options.storePath);
    // The console lends this writer to its backfill too, so both get their jobs planned here.
    sync::SyncEngine::installUnlessDisabled(*m_writer);
    try {
        m_writer->start();
    } catch (const store::StoreError& error) {
        m_writer.reset();
        failStart({IntakeError::Kind::StoreUnavailable,
                   IntakeService::tr("The store at %1 could not be opened (%2), so no events can be "
                                     "received. Check that its folder exists and is writable, then start "
                                     "intake again.")
                       .arg(m_options.storePath, error.message())});
        return;
    }

    if (m_options.index) {
        m_indexer = std::make_unique<store::FullTextIndexer>(m_options.storePath, 64);
        try {
            m_indexer->start();
        } catch (const store::StoreError& error) {
            m_indexer.reset();
            const QString message =
                IntakeService::tr("Search will not find new events until the console is restarted: the "
                                  "search index could not be opened (%1).")
                    .arg(error.message());
            toService([service = m_service, message] { emit service->notice(message); });
        }
    }
    IntakeService* service = m_service;
    store::FullTextIndexer* indexer = m_indexer.get();
    // Runs on the writer's thread; the writer is stopped before the service or the indexer go away.
    m_writer->setCommitObserver([this, service, indexer](std::int64_t lastSeq, int count) {
        m_latestSeq.store(lastSeq, std::memory_order_relaxed);
        if (indexer)
            indexer->wake();
        service->onCommitted(lastSeq, count);
    });

    stripe::WebhookReceiverConfig config;
    config.address = m_options.address;
    config.port = m_options.port;
    config.allowNonLoopback = m_options.allowRemote;
    config.secrets = m_credentials.webhookSecrets;
    config.tolerance = m_options.tolerance;
    m_receiver = std::make_unique<stripe::WebhookReceiver>(config, *m_writer);
    QString receiverError;
    if (!m_receiver->start(&receiverError)) {
        // The receiver words its error for the command line; the console needs to know whether the port
        // is taken (most often by `billbridge-cli serve`), which only asking the system again tells.
        QTcpServer probe;
        IntakeError error;
        if (!probe.listen(m_options.address, m_options.port) &&
            probe.serverError() == QAbstractSocket::AddressInUseError) {
            error = {IntakeError::Kind::PortInUse,
                     IntakeService::portInUseMessage(m_options.address, m_options.port)};
        } else {
            error = {IntakeError::Kind::ListenFailed,
                     IntakeService::tr("Cannot receive webhooks on %1:%2 (%3). Choose another address or "
                                       "port for intake.")
                         .arg(hostText(m_options.address))
                         .arg(m_options.port)
                         .arg(probe.isListening() ? receiverError : probe.errorString())};
        }
        probe.close();
        shutdown();
        failStart(error);
        return;
    }

    startPoller();

    m_figuresTimer = std::make_unique<QTimer>();
    QObject::connect(m_figuresTimer.get(), &QTimer::timeout, m_figuresTimer.get(),
                     [this] { reportFigures(); });
    m_figuresTimer->start(kFiguresInterval);

    const QString address = m_receiver->listenAddress();
    const quint16 port = m_receiver->port();
    const bool polling = m_poller != nullptr;
    qCInfo(lcIntake).noquote() << QStringLiteral("intake listening on %1 (polling %2)")
                                      .arg(address, polling ? QStringLiteral("on") : QStringLiteral("off"));
    toService([service, address, port, polling, writer = m_writer] {
        service->onWorkerStarted(address, port, polling, writer);
    });
}

void IntakeWorker::startPoller()
{
    if (!m_options.poll)
        return;
    if (m_credentials.apiKey.isEmpty()) {
        const QString message = IntakeService::tr(
            "No Stripe API key is configured, so events whose webhook never arrives are not recovered. Add "
            "an API key in Connections to turn on polling.");
        toService([service = m_service, message] { emit service->notice(message); });
        return;
    }
    const stripe::StripeApiConfig api =
        stripe::StripeApiConfig::resolve(m_credentials.apiKey, m_options.stripeApiBase);
    if (const QString problem = api.validate(); !problem.isEmpty()) {
        const QString message =
            IntakeService::tr("Events whose webhook never arrives are not recovered: %1 Correct it in "
                              "Connections, then restart intake.")
                .arg(problem);
        toService([service = m_service, message] { emit service->notice(message); });
        return;
    }
    m_poller =
        std::make_unique<stripe::EventPoller>(api, *m_writer, m_options.storePath, m_options.pollInterval);
    IntakeService* service = m_service;
    QObject::connect(m_poller.get(), &stripe::EventPoller::runFinished, service,
                     [service](const stripe::PollReport& report) {
                         service->m_lastPollAt = report.finishedAt;
                         if (report.ok)
                             service->m_lastPollError.clear();
                         emit service->pollFinished(report);
                     });
    QObject::connect(m_poller.get(), &stripe::EventPoller::errorOccurred, service,
                     [service](const QString& message, bool fatal) {
                         service->m_lastPollError = message;
                         emit service->pollFailed(message, fatal);
                     });
    QObject::connect(m_poller.get(), &stripe::EventPoller::warning, service,
                     [service](const QString& message) { emit service->notice(message); });
    m_poller->start();
}

void IntakeWorker::reportFigures()
{
    if (m_receiver) {
        const stripe::WebhookReceiverStats stats = m_receiver->stats();
        if (!sameFigures(stats, m_reportedStats)) {
            m_reportedStats = stats;
            toService([service = m_service, stats] {
                service->m_stats = stats;
                emit service->receiverStatsChanged(stats);
            });
        }
    }
    if (m_indexer) {
        const IntakeIndexProgress progress{m_indexer->indexedSeq(), m_latestSeq.load()};
        if (progress.indexedSeq != m_reportedIndex.indexedSeq ||
            progress.latestSeq != m_reportedIndex.latestSeq) {
            m_reportedIndex = progress;
            toService([service = m_service, progress] {
                service->m_index = progress;
                emit service->indexProgress(progress);
            });
        }
    }
}

void IntakeWorker::shutdown()
{
    m_figuresTimer.reset();
    // The order `serve` uses: no new deliveries, no new pages, settle every commit (and with it every
    // acknowledgement), then close the connections that carried them.
    if (m_receiver)
        m_receiver->stopAccepting();
    if (m_poller)
        m_poller->stop();
    if (m_writer) {
        m_writer->stop();
        // A backfill may still hold the writer; nothing here must be reached through it any more.
        m_writer->setCommitObserver({});
    }
    if (m_receiver)
        m_receiver->stop();
    if (m_indexer)
        m_indexer->stop();
    m_poller.reset();
    m_receiver.reset();
    m_indexer.reset();
    m_writer.reset();
}

void IntakeWorker::failStart(const IntakeError& error)
{
    qCWarning(lcIntake).noquote() << "intake did not start:" << error.message;
    toService([service = m_service, error] { service->onWorkerFailed(error); });
}

IntakeService::IntakeService(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<IntakeError>();
    qRegisterMetaType<IntakeIndexProgress>();
    qRegisterMetaType<stripe::WebhookReceiverStats>();
    qRegisterMetaType<stripe::PollReport>();
}

IntakeService::~IntakeService()
{
    if (m_worker) {
        IntakeWorker* worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
    }
    finishThread();
}

QString IntakeService::portInUseMessage(const QHostAddress& address, quint16 port)
{
    return tr("Port %1 on %2 is in use — probably a running `billbridge-cli serve`; the console shows the "
              "events it stores anyway. Stop it or choose another port.")
        .arg(port)
        .arg(address.toString());
}

QString IntakeService::noWebhookSecretMessage()
{
    return tr("No webhook signing secret is configured, so the receiver could not tell Stripe's requests "
              "from anyone else's and does not start. Add the signing secret (whsec_…) in Connections → "
              "Stripe, then start intake again.");
}

IntakeError IntakeService::start(const IntakeOptions& options, const IntakeCredentials& credentials)
{
    IntakeError error;
    if (m_state != State::Stopped) {
        error = {IntakeError::Kind::AlreadyRunning,
                 tr("Intake is already running on %1; stop it before starting it again.")
                     .arg(m_listenAddress.isEmpty() ? tr("its address") : m_listenAddress)};
        emit startFailed(error);
        return error;
    }
    if (credentials.webhookSecrets.isEmpty())
        error = {IntakeError::Kind::NoWebhookSecret, noWebhookSecretMessage()};
    else if (options.storePath.trimmed().isEmpty())
        error = {IntakeError::Kind::StoreUnavailable,
                 tr("No store file is chosen, so received events would have nowhere to go. Open a store, "
                    "then start intake again.")};
    else if (!options.address.isLoopback() && !options.allowRemote)
        error = {IntakeError::Kind::AddressRefused,
                 tr("%1 can be reached from other machines, and intake only listens there when that is "
                    "allowed explicitly. Listen on 127.0.0.1, or allow remote access.")
                     .arg(options.address.toString())};
    if (error.isError()) {
        fail(error);
        return error;
    }

    m_options = options;
    m_lastError = {};
    m_listenAddress.clear();
    m_port = 0;
    m_polling = false;
    m_lastPollAt = {};
    m_lastPollError.clear();
    m_stats = {};
    m_index = {};
    m_pendingCount.store(0);
    m_pendingLastSeq.store(0);
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("billbridge-intake"));
    m_worker = new IntakeWorker(this, options, credentials);
    m_worker->moveToThread(m_thread);
    m_thread->start();
    setState(State::Starting);
    IntakeWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->start(); }, Qt::QueuedConnection);
    return {};
}

void IntakeService::stop()
{
    if (m_state != State::Starting && m_state != State::Running)
        return;
    m_writer.reset();
    setState(State::Stopping);
    IntakeWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [this, worker] {
            worker->shutdown();
            QMetaObject::invokeMethod(
                this, [this] { onWorkerStopped(); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void IntakeService::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void IntakeService::fail(const IntakeError& error)
{
    m_lastError = error;
    emit startFailed(error);
}

void IntakeService::onWorkerStarted(const QString& address, quint16 port, bool polling,
                                    std::shared_ptr<store::EventWriter> writer)
{
    if (m_state != State::Starting)
        return; // stop() came first; its shutdown is already queued behind the start
    m_writer = std::move(writer);
    m_listenAddress = address;
    m_port = port;
    m_polling = polling;
    setState(State::Running);
    emit listening(address);
}

void IntakeService::onWorkerFailed(const IntakeError& error)
{
    finishThread();
    m_listenAddress.clear();
    m_port = 0;
    setState(State::Stopped);
    fail(error);
}

void IntakeService::onWorkerStopped()
{
    finishThread();
    m_writer.reset();
    m_listenAddress.clear();
    m_port = 0;
    m_polling = false;
    flushStored();
    setState(State::Stopped);
    emit stopped();
}

void IntakeService::onCommitted(std::int64_t lastSeq, int count)
{
    // Called on the writer's thread. A burst of commits becomes one queued signal, so that a model
    // refreshing on it is not asked a thousand times a second.
    m_pendingCount.fetch_add(count, std::memory_order_relaxed);
    std::int64_t previous = m_pendingLastSeq.load(std::memory_order_relaxed);
    while (previous < lastSeq && !m_pendingLastSeq.compare_exchange_weak(previous, lastSeq)) {
    }
    if (!m_flushPosted.exchange(true))
        QMetaObject::invokeMethod(
            this, [this] { flushStored(); }, Qt::QueuedConnection);
}

void IntakeService::flushStored()
{
    m_flushPosted.store(false);
    const int count = m_pendingCount.exchange(0);
    if (count <= 0)
        return;
    emit eventsStored(m_pendingLastSeq.load(), count);
}

void IntakeService::finishThread()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    m_worker = nullptr;
    delete m_thread;
    m_thread = nullptr;
}

} // namespace billbridge::intake
