#pragma once

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <cstdint>
#include <optional>

class QNetworkReply;

namespace billbridge::widgets {

// The receiver (`billbridge-cli serve`) as seen from the console through its /healthz endpoint.
struct ReceiverStatus {
    enum class State {
        Checking,         // no answer yet
        Running,          // /healthz answered 200
        NotReachable,     // nothing answered in time
        UnexpectedAnswer, // something answers on that address, but not with 200
        InvalidAddress,   // the configured address is not HOST:PORT
    };

    State state = State::Checking;
    QString address;
    // Why it is not running: a network error or the HTTP status line.
    QString detail;
    // Optional facts from the /healthz body; absent when the receiver does not report them.
    std::optional<std::int64_t> eventsStored;
    QString mode;
    QString listen;
    QString version;
    QDateTime checkedAt;
};

// Asks the receiver for /healthz every few seconds on this thread's event loop. Each request has a short
// timeout and a size cap and never goes through a proxy; one probe runs at a time.
class ReceiverProbe final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiverProbe)

public:
    static constexpr auto kDefaultAddress = "127.0.0.1:8787";
    static constexpr std::chrono::milliseconds kDefaultInterval{3000};
    static constexpr std::chrono::milliseconds kDefaultTimeout{1500};
    static constexpr qint64 kMaxAnswerBytes = 64 * 1024;

    // --receiver wins, then BILLBRIDGE_RECEIVER, then kDefaultAddress.
    static QString resolveAddress(const QString& explicitAddress);
    // "HOST:PORT", "[v6]:PORT" or "http://HOST:PORT" -> http://HOST:PORT/healthz; nullopt when unusable.
    static std::optional<QUrl> healthUrl(const QString& address);

    explicit ReceiverProbe(QString address, QObject* parent = nullptr);
    ~ReceiverProbe() override;

    QString address() const { return m_address; }
    ReceiverStatus status() const { return m_status; }
    bool hasResult() const { return m_status.state != ReceiverStatus::State::Checking; }

    void setInterval(std::chrono::milliseconds interval);
    void setTimeout(std::chrono::milliseconds timeout);

    // Probes now and then every interval.
    void start();
    void stop();
    void probe();

signals:
    // A probe finished; status() holds its result.
    void updated();

private:
    void onFinished(QNetworkReply* reply);
    void finish(ReceiverStatus status);

    QString m_address;
    std::optional<QUrl> m_url;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    QPointer<QNetworkReply> m_reply;
    ReceiverStatus m_status;
};

} // namespace billbridge::widgets
