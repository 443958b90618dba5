#pragma once

#include "customerio/customeriorequest.h"
#include "store/jobrecord.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <cstdint>
#include <vector>

namespace billbridge::store {
class SqliteConnection;
}

namespace billbridge::campaigns {

// Customer.io's published limits for the two App API calls an operator can make by hand (reference
// customerio.md §4, from APP-OAS tag "Send Messages" and the sendEmail / triggerBroadcast schemas).
namespace limits {
// POST /v1/send/email: the whole payload without attachments is at most 1 MB.
inline constexpr qsizetype kTransactionalPayloadBytes = 1'000'000;
// `to` + `cc` + `bcc` together name at most 15 recipients.
inline constexpr int kTransactionalAddresses = 15;
// POST /v1/campaigns/{id}/triggers: `data` at most 50,000 bytes, ids at most 10,000, the payload 25 MB.
inline constexpr qsizetype kBroadcastDataBytes = 50'000;
inline constexpr int kBroadcastIds = 10'000;
inline constexpr qsizetype kBroadcastPayloadBytes = 25'000'000;
// Person ids are at most 150 bytes (TRACK-OAS info, "Customer limits").
inline constexpr qsizetype kPersonIdBytes = 150;
} // namespace limits

// What `preview()` shows for one request: exactly what the queue will send.
struct PreviewRequest {
    QString customerId; // empty for a broadcast
    QString method;
    QString target; // "/v1/send/email", relative to the App API host
    QByteArray body;
    QString prettyBody; // `body` with line breaks and indentation only; member order kept
};

struct EnqueuedSend {
    std::vector<std::int64_t> jobIds;
    int created = 0;          // new jobs; the rest already existed under the same keys
    std::int64_t auditId = 0; // 0 when nothing new was queued (nothing to record)
};

// A message an operator sends by hand: one transactional message to each chosen customer, or one trigger of
// an API-triggered broadcast. A plain value; its send id (a UUID made with it) names the intent, so that
// queueing the same ManualSend twice — a double click, a retried command — queues its jobs once.
class ManualSend {
    Q_DECLARE_TR_FUNCTIONS(ManualSend)

public:
    enum class Kind { Transactional, Broadcast };

    struct Recipient {
        QString customerId; // the Stripe customer id, which is the Customer.io id
        QString email;      // the customer's address as the store knows it; `to` when there is no override
    };

    ManualSend();

    Kind kind = Kind::Transactional;
    QString messageId; // transactional message id or trigger name / broadcast id
    QList<Recipient> recipients;
    QString toOverride; // transactional only: sent as `to` for every recipient instead of their address
    QJsonObject data;   // message_data (transactional) or data (broadcast)

    QUuid sendId() const { return m_sendId; }
    void setSendId(const QUuid& id) { m_sendId = id; }
    // A new send id: what comes next is a new intent, queued anew.
    void renew() { m_sendId = QUuid::createUuid(); }

    static QStringList customerIds(const QList<Recipient>& recipients);
    QStringList customerIds() const { return customerIds(recipients); }

    // Every reason the send cannot go as it is, each naming the limit and by how much it is exceeded. Empty
    // when it can be queued.
    QStringList problems() const;
    bool isValid() const { return problems().isEmpty(); }

    // The requests, in the order they are queued.
    QList<customerio::CustomerIoRequest> requests() const;
    QList<PreviewRequest> preview() const;
    // "manual:<send id>:<index>".
    QString idempotencyKey(int index) const;
    // One job per request (no event id: an operator made them).
    std::vector<store::NewJob> jobs() const;

    // Queues the jobs and one audit entry (action campaign.send) in one transaction on `connection`, which
    // must be a writable store connection. Throws StoreError; throws std::invalid_argument when problems()
    // is not empty.
    EnqueuedSend enqueue(store::SqliteConnection& connection, std::int64_t nowMs,
                         const QString& actor = {}) const;
    // Opens the store at `storePath` for writing and does the same.
    EnqueuedSend enqueue(const QString& storePath, const QString& actor = {}) const;

    // The audit entry's details: kind, id, how many recipients and which data keys (never the values).
    QJsonObject auditDetails() const;
    // "transactional message 7 to 3 customers" for confirmations.
    QString summary() const;

    // Size of `data` as it is sent (compact JSON), for meters.
    static qsizetype dataBytes(const QJsonObject& data);
    static qsizetype dataLimit(Kind kind);
    static QString kindName(Kind kind); // "transactional" / "broadcast"

private:
    QUuid m_sendId;
};

// Looks up each customer's email address in the store (newest event that names one). Blocking, on a read
// connection of its own; customers the store does not know keep an empty address.
QList<ManualSend::Recipient> resolveRecipients(const QString& storePath, const QStringList& customerIds);

} // namespace billbridge::campaigns
