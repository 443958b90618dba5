#include "home/receiverprobe.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <cmath>

namespace billbridge::widgets {

namespace {

// The body comes from whatever listens on the port, so only short printable text is kept from it.
QString cleanText(const QJsonValue& value, qsizetype maxLength)
{
    if (!value.isString())
        return {};
    QString text;
    const QString raw = value.toString();
    for (const QChar character : raw) {
        if (character.isPrint())
            text.append(character);
    }
    text = text.trimmed();
    if (text.size() > maxLength)
        text = text.left(maxLength - 1) + QChar(0x2026);
    return text;
}

std::optional<std::int64_t> nonNegativeInteger(const QJsonValue& value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::isfinite(number) && number >= 0 && number < 9.0e15)
            return static_cast<std::int64_t>(number);
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const qlonglong number = value.toString().trimmed().toLongLong(&ok);
        if (ok && number >= 0)
            return number;
    }
    return std::nullopt;
}

void readHealthBody(const QByteArray& body, ReceiverStatus& status)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return;
    const QJsonObject health = document.object();
    status.eventsStored = nonNegativeInteger(health.value(QLatin1String("events_stored")));
    status.mode = cleanText(health.value(QLatin1String("mode")), 16);
    status.listen = cleanText(health.value(QLatin1String("listen")), 64);
    status.version = cleanText(health.value(QLatin1String("version")), 32);
}

} // namespace

QString ReceiverProbe::resolveAddress(const QString& explicitAddress)
{
    if (!explicitAddress.trimmed().isEmpty())
        return explicitAddress.trimmed();
    const QString fromEnvironment = qEnvironmentVariable("BILLBRIDGE_RECEIVER").trimmed();
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QString::fromLatin1(kDefaultAddress);
}

std::optional<QUrl> ReceiverProbe::healthUrl(const QString& address)
{
    QString text = address.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("http://"));
    const QUrl given(text, QUrl::StrictMode);
    const bool rootPath = given.path().isEmpty() || given.path() == QLatin1String("/");
    if (!given.isValid() || given.scheme() != QLatin1String("http") || given.host().isEmpty() ||
        given.port() < 1 || !given.userInfo().isEmpty() || given.hasQuery() || given.hasFragment() ||
        !rootPath)
        return std::nullopt;
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(given.host());
    url.setPort(given.port());
    url.setPath(QStringLiteral("/healthz"));
    return url;
}

ReceiverProbe::ReceiverProbe(QString address, QObject* parent)
    : QObject(parent)
    , m_address(std::move(address))
    , m_url(healthUrl(m_address))
{
    // The receiver is local; a proxy from the environment would only misreport it.
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_timer.setInterval(kDefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &ReceiverProbe::probe);
    m_status.address = m_address;
    if (!m_url)
        m_status.state = ReceiverStatus::State::InvalidAddress;
}

ReceiverProbe::~ReceiverProbe()
{
    // Aborting emits finished(); it must not reach this half-destroyed object.
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void ReceiverProbe::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void ReceiverProbe::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

void ReceiverProbe::start()
{
    m_timer.start();
    probe();
}

void ReceiverProbe::stop()
{
    m_timer.stop();
}

void ReceiverProbe::probe()
{
    if (!m_url) {
        ReceiverStatus status;
        status.state = ReceiverStatus::State::InvalidAddress;
        status.address = m_address;
        status.checkedAt = QDateTime::currentDateTime();
        finish(status);
        return;
    }
    if (m_reply)
        return;
    QNetworkRequest request(*m_url);
    request.setTransferTimeout(static_cast<int>(m_timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    // A fresh connection per probe notices a restarted receiver at once and leaves no idle socket in it.
    request.setRawHeader("Connection", "close");
    request.setRawHeader("Accept", "application/json");
    QNetworkReply* reply = m_network.get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
        if (received > kMaxAnswerBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void ReceiverProbe::onFinished(QNetworkReply* reply)
{
    reply->deleteLater();
    m_reply.clear();

    ReceiverStatus status;
    status.address = m_address;
    status.checkedAt = QDateTime::currentDateTime();
    const QVariant httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!httpStatus.isValid()) {
        status.state = ReceiverStatus::State::NotReachable;
        status.detail = reply->error() == QNetworkReply::OperationCanceledError
                            ? tr("no answer within %1 s").arg(QLocale().toString(m_timeout.count() / 1000.0))
                            : reply->errorString();
    } else if (httpStatus.toInt() != 200) {
        status.state = ReceiverStatus::State::UnexpectedAnswer;
        const QString reason =
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().left(64).trimmed();
        status.detail = QStringLiteral("HTTP %1 %2").arg(httpStatus.toInt()).arg(reason).trimmed();
    } else {
        // Any 200 means it runs; the body is a bonus and may be cut short by the size cap.
        status.state = ReceiverStatus::State::Running;
        if (reply->error() == QNetworkReply::NoError)
            readHealthBody(reply->read(kMaxAnswerBytes), status);
    }
    finish(status);
}

void ReceiverProbe::finish(ReceiverStatus status)
{
    m_status = std::move(status);
    emit updated();
}

} // namespace billbridge::widgets
