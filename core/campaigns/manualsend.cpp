#include "campaigns/manualsend.h"

#include "customers/customertimelineloader.h"
#include "delivery/jobrequest.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/jobqueue.h"
#include "util/jsonindent.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <stdexcept>

namespace billbridge::campaigns {

namespace {

QString bytesText(qsizetype bytes)
{
    return QLocale::system().toString(qint64(bytes));
}

customerio::CustomerIoRequest transactionalRequest(const ManualSend& send, const ManualSend::Recipient& to)
{
    customerio::TransactionalEmail email;
    email.to = send.toOverride.trimmed().isEmpty() ? to.email : send.toOverride.trimmed();
    email.identifierType = customerio::IdentifierType::Id;
    email.identifier = to.customerId;
    email.messageData = send.data;
    // A numeric id goes as a number, anything else as the template's trigger name, as Customer.io accepts.
    bool numeric = false;
    const qint64 number = send.messageId.trimmed().toLongLong(&numeric);
    email.transactionalMessageId = numeric ? QJsonValue(number) : QJsonValue(send.messageId.trimmed());
    return customerio::requests::sendEmail(email);
}

int addressCount(const QString& to)
{
    int count = 0;
    for (const QString& part : to.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            ++count;
    return count;
}

} // namespace

ManualSend::ManualSend()
    : m_sendId(QUuid::createUuid())
{}

QStringList ManualSend::customerIds(const QList<Recipient>& recipients)
{
    QStringList ids;
    for (const Recipient& recipient : recipients)
        ids.append(recipient.customerId);
    return ids;
}

qsizetype ManualSend::dataBytes(const QJsonObject& data)
{
    return data.isEmpty() ? 0 : QJsonDocument(data).toJson(QJsonDocument::Compact).size();
}

qsizetype ManualSend::dataLimit(Kind kind)
{
    // Transactional message_data has no limit of its own: it shares the 1 MB of the whole payload.
    return kind == Kind::Broadcast ? limits::kBroadcastDataBytes : limits::kTransactionalPayloadBytes;
}

QString ManualSend::kindName(Kind kind)
{
    return kind == Kind::Broadcast ? QStringLiteral("broadcast") : QStringLiteral("transactional");
}

QStringList ManualSend::problems() const
{
    QStringList problems;
    const QString id = messageId.trimmed();
    if (id.isEmpty())
        problems.append(kind == Kind::Broadcast ? tr("Choose a broadcast or enter its id.")
                                                : tr("Choose a transactional message or enter its id."));
    else if (kind == Kind::Broadcast && !QRegularExpression(QStringLiteral("^[0-9]+$")).match(id).hasMatch())
        problems.append(tr("The broadcast id \"%1\" is not a number; broadcast ids are the numbers shown in "
                           "Customer.io (Broadcasts → the broadcast → API triggering).")
                            .arg(id));

    QStringList seen;
    for (const Recipient& recipient : recipients) {
        const QString customer = recipient.customerId.trimmed();
        if (customer.isEmpty()) {
            problems.append(tr("A recipient has no customer id."));
            continue;
        }
        if (seen.contains(customer))
            problems.append(tr("%1 is listed twice; each customer gets the message once.").arg(customer));
        seen.append(customer);
        const qsizetype idBytes = customer.toUtf8().size();
        if (idBytes > limits::kPersonIdBytes)
            problems.append(tr("The customer id \"%1…\" is %2 bytes, %3 over Customer.io's limit of %4 bytes "
                               "for person ids.")
                                .arg(customer.left(20))
                                .arg(idBytes)
                                .arg(idBytes - limits::kPersonIdBytes)
                                .arg(limits::kPersonIdBytes));
    }

    if (kind == Kind::Transactional) {
        if (recipients.isEmpty())
            problems.append(tr("Add at least one customer to send the message to."));
        const int overrideAddresses = addressCount(toOverride);
        if (overrideAddresses > limits::kTransactionalAddresses)
            problems.append(tr("\"To\" names %1 addresses, %2 more than Customer.io's limit of %3 recipients "
                               "per transactional message.")
                                .arg(overrideAddresses)
                                .arg(overrideAddresses - limits::kTransactionalAddresses)
                                .arg(limits::kTransactionalAddresses));
        if (toOverride.trimmed().isEmpty()) {
            for (const Recipient& recipient : recipients)
                if (!recipient.customerId.trimmed().isEmpty() && recipient.email.trimmed().isEmpty())
                    problems.append(tr("No email address is known for %1; enter a \"To\" address to send to.")
                                        .arg(recipient.customerId.trimmed()));
        }
        if (problems.isEmpty()) {
            const QList<customerio::CustomerIoRequest> all = requests();
            for (int i = 0; i < all.size(); ++i) {
                const qsizetype size = all.at(i).body.size();
                if (size > limits::kTransactionalPayloadBytes) {
                    problems.append(tr("The message for %1 is %2 bytes, %3 bytes over Customer.io's limit of "
                                       "%4 bytes for a transactional payload; make the data smaller.")
                                        .arg(recipients.at(i).customerId, bytesText(size),
                                             bytesText(size - limits::kTransactionalPayloadBytes),
                                             bytesText(limits::kTransactionalPayloadBytes)));
                    break; // the data is shared: one message says it for all
                }
            }
        }
    } else {
        const qsizetype size = dataBytes(data);
        if (size > limits::kBroadcastDataBytes)
            problems.append(tr("The data is %1 bytes, %2 bytes over Customer.io's limit of %3 bytes for a "
                               "broadcast trigger's data.")
                                .arg(bytesText(size), bytesText(size - limits::kBroadcastDataBytes),
                                     bytesText(limits::kBroadcastDataBytes)));
        if (recipients.size() > limits::kBroadcastIds)
            problems.append(tr("%1 customers are %2 more than Customer.io's limit of %3 ids per broadcast "
                               "trigger.")
                                .arg(bytesText(recipients.size()),
                                     bytesText(recipients.size() - limits::kBroadcastIds),
                                     bytesText(limits::kBroadcastIds)));
        if (problems.isEmpty()) {
            const qsizetype payload = requests().constFirst().body.size();
            if (payload > limits::kBroadcastPayloadBytes)
                problems.append(tr("The trigger is %1 bytes, %2 bytes over Customer.io's limit of %3 bytes.")
                                    .arg(bytesText(payload),
                                         bytesText(payload - limits::kBroadcastPayloadBytes),
                                         bytesText(limits::kBroadcastPayloadBytes)));
        }
    }
    return problems;
}

QList<customerio::CustomerIoRequest> ManualSend::requests() const
{
    QList<customerio::CustomerIoRequest> all;
    if (kind == Kind::Transactional) {
        for (const Recipient& recipient : recipients)
            all.append(transactionalRequest(*this, recipient));
        return all;
    }
    customerio::BroadcastAudience audience;
    if (!recipients.isEmpty()) {
        audience.kind = customerio::BroadcastAudience::Kind::Ids;
        for (const Recipient& recipient : recipients)
            audience.people.append(recipient.customerId.trimmed());
    }
    all.append(customerio::requests::triggerBroadcast(messageId.trimmed(), data, audience));
    return all;
}

QList<PreviewRequest> ManualSend::preview() const
{
    QList<PreviewRequest> previews;
    const QList<customerio::CustomerIoRequest> all = requests();
    for (int i = 0; i < all.size(); ++i) {
        const customerio::CustomerIoRequest& request = all.at(i);
        PreviewRequest preview;
        if (kind == Kind::Transactional)
            preview.customerId = recipients.at(i).customerId.trimmed();
        preview.method = QString::fromLatin1(request.verb);
        preview.target = QString::fromLatin1(request.wireTarget());
        preview.body = request.body;
        preview.prettyBody = util::indentJson(request.body);
        previews.append(preview);
    }
    return previews;
}

QString ManualSend::idempotencyKey(int index) const
{
    return QStringLiteral("manual:%1:%2").arg(m_sendId.toString(QUuid::WithoutBraces)).arg(index);
}

std::vector<store::NewJob> ManualSend::jobs() const
{
    std::vector<store::NewJob> jobs;
    const QList<customerio::CustomerIoRequest> all = requests();
    for (int i = 0; i < all.size(); ++i) {
        const QString customer =
            kind == Kind::Transactional
                ? recipients.at(i).customerId.trimmed()
                : (recipients.size() == 1 ? recipients.constFirst().customerId.trimmed() : QString());
        jobs.push_back(delivery::jobFor(all.at(i), customer, idempotencyKey(i)));
    }
    return jobs;
}

QJsonObject ManualSend::auditDetails() const
{
    QJsonArray keys;
    for (const QString& key : data.keys())
        keys.append(key);
    QJsonObject details{{QStringLiteral("kind"), kindName(kind)},
                        {QStringLiteral("id"), messageId.trimmed()},
                        {QStringLiteral("recipients"), int(recipients.size())},
                        {QStringLiteral("data_keys"), keys},
                        {QStringLiteral("send_id"), m_sendId.toString(QUuid::WithoutBraces)}};
    if (kind == Kind::Transactional && !toOverride.trimmed().isEmpty())
        details.insert(QStringLiteral("to_override"), toOverride.trimmed()); // masked by the audit log
    return details;
}

QString ManualSend::summary() const
{
    if (kind == Kind::Transactional)
        return tr("transactional message %1 to %n customer(s)", nullptr, int(recipients.size()))
            .arg(messageId.trimmed());
    if (recipients.isEmpty())
        return tr("broadcast %1 to the audience set up in Customer.io").arg(messageId.trimmed());
    return tr("broadcast %1 to %n customer(s)", nullptr, int(recipients.size())).arg(messageId.trimmed());
}

EnqueuedSend ManualSend::enqueue(store::SqliteConnection& connection, std::int64_t nowMs,
                                 const QString& actor) const
{
    const QStringList reasons = problems();
    if (!reasons.isEmpty())
        throw std::invalid_argument(reasons.join(QLatin1Char(' ')).toStdString());
    EnqueuedSend result;
    store::SqliteTransaction transaction(connection);
    for (const store::NewJob& job : jobs()) {
        const store::Enqueued enqueued = store::JobQueue::enqueueIn(connection, job, nowMs);
        result.jobIds.push_back(enqueued.id);
        if (enqueued.created)
            ++result.created;
    }
    // A repeat of the same send queues nothing and so leaves no second entry.
    if (result.created > 0)
        result.auditId = store::AuditLog::appendIn(connection, nowMs, actor, QStringLiteral("campaign.send"),
                                                   kindName(kind) + QLatin1Char(':') + messageId.trimmed(),
                                                   auditDetails());
    transaction.commit();
    return result;
}

EnqueuedSend ManualSend::enqueue(const QString& storePath, const QString& actor) const
{
    store::SqliteConnection connection = store::Database::openForWriting(storePath);
    return enqueue(connection, QDateTime::currentMSecsSinceEpoch(), actor);
}

QList<ManualSend::Recipient> resolveRecipients(const QString& storePath, const QStringList& customerIds)
{
    // The newest events name the current address; a few hundred are plenty to find it.
    constexpr int kEventsRead = 200;
    QList<ManualSend::Recipient> recipients;
    for (const QString& id : customerIds) {
        ManualSend::Recipient recipient{id.trimmed(), {}};
        if (!recipient.customerId.isEmpty() && !storePath.isEmpty())
            recipient.email =
                customers::CustomerTimelineLoader::load(storePath, recipient.customerId, kEventsRead)
                    .state.email;
        recipients.append(recipient);
    }
    return recipients;
}

} // namespace billbridge::campaigns
