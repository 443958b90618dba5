#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace billbridge::customerio {

enum class CustomerIoApi { Track, App };

// How a person is named in a lookup or a manual-segment call; the wire words are id, email and cio_id.
enum class IdentifierType { Id, Email, CioId };
QString toString(IdentifierType type);

// JSON object members in the order they are written. QJsonObject sorts its keys; the Node client writes
// them in insertion order, and parity with its requests is what lets captured bodies serve as test vectors.
using OrderedMembers = QList<QPair<QString, QJsonValue>>;
// Compact JSON exactly as JavaScript's JSON.stringify writes it for these members. Nested objects are
// written by Qt, with their keys sorted.
QByteArray toCompactJson(const OrderedMembers& members);

// JavaScript's encodeURIComponent: UTF-8, upper-case hex, everything escaped except A-Z a-z 0-9 - _ . ! ~ * '
// ( ).
QByteArray encodeUriComponent(const QString& value);

// One call to Customer.io, fully described before it is sent: a plain value that can be stored with a job,
// compared in tests and sent again unchanged on retry.
struct CustomerIoRequest {
    CustomerIoApi api = CustomerIoApi::Track;
    QByteArray verb;       // GET, PUT, POST, DELETE
    QByteArray path;       // percent-encoded, relative to the API base: "/customers/42/events"
    QByteArray query;      // percent-encoded, without '?'; empty for none
    QByteArray body;       // compact JSON; empty for GET and DELETE, which send no body
    QString idempotencyId; // the event's ULID for Track events; empty when the API offers no deduplication
    QString operation;     // "track.identify", "app.sendEmail" …: for logs and the attempt history

    // The path on the default hosts: "/api/v1" (Track) or "/v1" (App) + path + "?query".
    QByteArray wireTarget() const;
    // path + "?query", relative to the API base.
    QByteArray relativeTarget() const;
    bool hasBody() const { return !body.isEmpty(); }

    // The headers every call carries besides Authorization: Content-Type and Accept JSON (Content-Type on
    // bodiless calls too, as the Node client sends it), and `userAgent`.
    static QList<QPair<QByteArray, QByteArray>> standardHeaders(const QByteArray& userAgent);

    friend bool operator==(const CustomerIoRequest&, const CustomerIoRequest&) = default;
};

// Attributes for identify. Members come out as email, created_at, the extra attributes in their order,
// _timestamp, then _update — the order a caller of the Node client writes them in naturally.
struct IdentifyAttributes {
    QString email;                         // omitted when empty
    std::optional<std::int64_t> createdAt; // Unix seconds of signup
    OrderedMembers attributes;
    std::optional<std::int64_t> changedAt; // `_timestamp`: lets Customer.io order rapid updates
    bool updateOnly = false;               // `_update`: never create a person that does not exist
};

struct TrackEvent {
    QString name;
    QString ulid;                          // `id`: Customer.io drops a repeated one; keep it across retries
    std::optional<std::int64_t> timestamp; // Unix seconds; omitted means "when received"
    QJsonObject data;                      // omitted when empty
};

// A transactional email (POST /v1/send/email). Members follow the Node client's SendEmailRequest.
struct TransactionalEmail {
    QString to;
    IdentifierType identifierType = IdentifierType::Id;
    QString identifier;
    QJsonObject messageData; // omitted when empty
    QString replyTo;
    std::optional<bool> disableMessageRetention;
    std::optional<bool> sendToUnsubscribed;
    std::optional<bool> tracked;
    std::optional<bool> queueDraft;
    std::optional<std::int64_t> sendAt;
    QString language;
    QJsonValue transactionalMessageId{
        QJsonValue::Undefined}; // number or trigger name; Undefined to send inline content only
    QString from;
    QString subject;
    QString body;
};

// Who an API-triggered broadcast goes to.
struct BroadcastAudience {
    enum class Kind { AsConfigured, Recipients, Ids, Emails };
    Kind kind = Kind::AsConfigured;
    QJsonObject recipients;     // Kind::Recipients: a filter such as {"segment":{"id":7}}
    QStringList people;         // Kind::Ids / Kind::Emails
    bool ignoreMissing = false; // id_ignore_missing / email_ignore_missing
    bool addDuplicates = false; // email_add_duplicates (emails only)
};

// Pure builders, one per operation. Paths are relative to the API base (…/api/v1 or …/v1).
namespace requests {

CustomerIoRequest identify(const QString& customerId, const IdentifyAttributes& attributes);
CustomerIoRequest deleteCustomer(const QString& customerId);
CustomerIoRequest trackEvent(const QString& customerId, const TrackEvent& event);
CustomerIoRequest suppress(const QString& customerId);
CustomerIoRequest unsuppress(const QString& customerId);
CustomerIoRequest addToSegment(const QString& segmentId, const QStringList& ids,
                               std::optional<IdentifierType> idType = std::nullopt);
CustomerIoRequest removeFromSegment(const QString& segmentId, const QStringList& ids,
                                    std::optional<IdentifierType> idType = std::nullopt);

CustomerIoRequest sendEmail(const TransactionalEmail& email);
CustomerIoRequest triggerBroadcast(const QString& broadcastId, const QJsonObject& data,
                                   const BroadcastAudience& audience = {});
CustomerIoRequest customersByEmail(const QString& email);
CustomerIoRequest listBroadcasts();
CustomerIoRequest listTransactionalMessages();
CustomerIoRequest listSegments();

} // namespace requests

} // namespace billbridge::customerio
