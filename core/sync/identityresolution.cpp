#include "sync/identityresolution.h"

#include "customerio/customeriorequest.h"
#include "delivery/jobrequest.h"
#include "sync/syncplanner.h"
#include "util/logging.h"
#include "util/redact.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace billbridge::sync::identity {

namespace {

const QString kLookupOperation = QStringLiteral("app.getCustomersByEmail");

void setStatus(store::SqliteConnection& connection, const QString& customerId, const QString& status,
               const QString& cioId, const QString& detail, std::int64_t nowMs)
{
    store::SqliteStatement update = connection.prepare("UPDATE sync_identities SET status = ?2, cio_id = ?3, "
                                                       "detail = ?4, updated_at_ms = ?5 WHERE customer_id = "
                                                       "?1");
    update.bind(1, customerId)
        .bind(2, status)
        .bind(3, cioId.isEmpty() ? QString() : cioId)
        .bind(4, detail.isEmpty() ? QString() : detail)
        .bind(5, nowMs);
    update.step();
}

QString storedEmail(store::SqliteConnection& connection, const QString& customerId)
{
    store::SqliteStatement select =
        connection.prepare("SELECT email FROM sync_identities WHERE customer_id = ?1");
    select.bind(1, customerId);
    return select.step() ? select.text(0) : QString();
}

// A person in the lookup's answer: {"email":…,"id":…,"cio_id":…}; ids may come as numbers.
struct Person {
    QString email;
    QString id;
    QString cioId;
};

QString textOf(const QJsonValue& value)
{
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

// "cus_2 (cio_id a3000001)", for the detail an operator reads.
QString describe(const Person& person)
{
    const QString id = person.id.isEmpty() ? QStringLiteral("no id") : QStringLiteral("id ") + person.id;
    return QStringLiteral("%1, cio_id %2")
        .arg(id, person.cioId.isEmpty() ? QStringLiteral("unknown") : person.cioId);
}

} // namespace

QString lookupKey(const QString& customerId)
{
    return kLookupKeyPrefix + customerId;
}

QString mergeKey(const QString& customerId)
{
    return lookupKey(customerId) + QStringLiteral(":merge");
}

QString emailOf(const QJsonObject& event, const SyncPlan& plan, const SyncOptions& options)
{
    const QString fromProfile = plan.changedAttributes.value(options.attributes.email).toString();
    if (!fromProfile.isEmpty())
        return fromProfile;
    const QJsonObject object =
        event.value(QStringLiteral("data")).toObject().value(QStringLiteral("object")).toObject();
    if (object.value(QStringLiteral("object")).toString() == QLatin1String("customer"))
        return object.value(QStringLiteral("email")).toString();
    return object.value(QStringLiteral("customer_email")).toString();
}

void holdBehindLookup(store::SqliteConnection& connection, const QString& customerId, const QString& email,
                      const QString& eventId, std::int64_t nowMs, std::vector<store::NewJob>& jobs)
{
    if (customerId.isEmpty())
        return;
    QString status;
    {
        store::SqliteStatement select =
            connection.prepareCached("SELECT status FROM sync_identities WHERE customer_id = ?1");
        select.bind(1, customerId);
        if (select.step())
            status = select.text(0);
    }
    if (status.isEmpty()) {
        // Without an email there is nobody to look for; a later event that carries one starts the lookup.
        if (email.trimmed().isEmpty())
            return;
        store::SqliteStatement insert = connection.prepareCached(
            "INSERT INTO sync_identities (customer_id, email, status, updated_at_ms) "
            "VALUES (?1, ?2, 'pending', ?3)");
        insert.bind(1, customerId).bind(2, email.trimmed()).bind(3, nowMs);
        insert.step();
        // Not tied to the event: the lookup is about the customer, and an event's replay must not redo it.
        Q_UNUSED(eventId);
        jobs.insert(jobs.begin(), delivery::jobFor(customerio::requests::customersByEmail(email.trimmed()),
                                                   customerId, lookupKey(customerId)));
        status = QStringLiteral("pending");
    }
    // While the lookup is unanswered the customer's jobs wait for it; after a merge they wait for the call
    // that gives the lead the Stripe id (enqueueIn holds a job only while its holder is unfinished).
    QString key;
    if (status == QLatin1String("pending"))
        key = lookupKey(customerId);
    else if (status == QLatin1String("merged"))
        key = mergeKey(customerId);
    else
        return;
    for (store::NewJob& job : jobs) {
        const bool customerIo = job.operation.startsWith(QLatin1String("track.")) ||
                                job.operation.startsWith(QLatin1String("app."));
        if (customerIo && !job.idempotencyKey.startsWith(lookupKey(customerId)) && job.heldByKey.isEmpty() &&
            job.customerId == customerId)
            job.heldByKey = key;
    }
}

void settleLookup(store::SqliteConnection& connection, const store::Job& job,
                  const store::Completion& completion, std::int64_t nowMs)
{
    if (job.operation != kLookupOperation || !job.idempotencyKey.startsWith(kLookupKeyPrefix))
        return;
    const QString customerId = job.idempotencyKey.mid(kLookupKeyPrefix.size());
    if (completion.to == store::JobState::Dead) {
        setStatus(
            connection, customerId, QStringLiteral("skipped"), {},
            QStringLiteral("the Customer.io lookup failed (%1); jobs went out under the Stripe customer id")
                .arg(completion.error.isEmpty() ? QStringLiteral("no reason given") : completion.error),
            nowMs);
        return;
    }
    if (completion.to != store::JobState::Succeeded)
        return;

    const QString email = storedEmail(connection, customerId);
    const QJsonDocument answer = QJsonDocument::fromJson(completion.answer);
    if (!answer.isObject() || !answer.object().value(QStringLiteral("results")).isArray()) {
        setStatus(
            connection, customerId, QStringLiteral("skipped"), {},
            QStringLiteral("Customer.io's answer to the lookup had no list of people; jobs went out under "
                           "the Stripe customer id"),
            nowMs);
        return;
    }
    std::vector<Person> people;
    for (const QJsonValue& value : answer.object().value(QStringLiteral("results")).toArray()) {
        const QJsonObject object = value.toObject();
        Person person{object.value(QStringLiteral("email")).toString(),
                      textOf(object.value(QStringLiteral("id"))),
                      textOf(object.value(QStringLiteral("cio_id")))};
        // The lookup matches the address exactly (case aside); anything else in the answer is not this
        // person.
        if (email.isEmpty() || person.email.isEmpty() ||
            person.email.compare(email, Qt::CaseInsensitive) == 0)
            people.push_back(person);
    }

    if (people.empty()) {
        setStatus(connection, customerId, QStringLiteral("new"), {},
                  QStringLiteral("nobody in Customer.io has this email"), nowMs);
        return;
    }
    if (people.size() == 1 && people.front().id == customerId) {
        setStatus(connection, customerId, QStringLiteral("merged"), people.front().cioId,
                  QStringLiteral("the person already carries the Stripe customer id"), nowMs);
        return;
    }
    if (people.size() == 1 && people.front().id.isEmpty() && !people.front().cioId.isEmpty()) {
        // The lead gets the Stripe id through its cio_ identifier (an id can only be set that way once the
        // person exists); the customer's jobs wait for that call instead of the lookup.
        customerio::IdentifyAttributes attributes;
        attributes.attributes = {{QStringLiteral("id"), customerId}};
        store::NewJob merge = delivery::jobFor(
            customerio::requests::identify(QStringLiteral("cio_") + people.front().cioId, attributes),
            customerId, mergeKey(customerId), job.eventId);
        const store::Enqueued enqueued = store::JobQueue::enqueueIn(connection, merge, nowMs);
        // Only a merge call still to be made can hold jobs: one that already finished would never let go.
        store::SqliteStatement handOn =
            connection.prepare("UPDATE jobs SET held_by = ?2, updated_at_ms = ?3 WHERE held_by = ?1 AND "
                               "EXISTS (SELECT 1 FROM jobs "
                               "WHERE id = ?2 AND state IN ('pending', 'in_flight', 'retry_scheduled'))");
        handOn.bind(1, job.id).bind(2, enqueued.id).bind(3, nowMs);
        handOn.step();
        setStatus(connection, customerId, QStringLiteral("merged"), people.front().cioId,
                  QStringLiteral("a lead with this email (cio_id %1) was given the Stripe customer id")
                      .arg(people.front().cioId),
                  nowMs);
        return;
    }
    QStringList described;
    for (const Person& person : people)
        described.append(describe(person));
    const QString detail =
        people.size() == 1
            ? QStringLiteral(
                  "the email belongs to another person in Customer.io (%1); nothing was merged, jobs "
                  "went out under the Stripe customer id")
                  .arg(described.first())
            : QStringLiteral(
                  "%1 people in Customer.io have this email (%2); nothing was merged, jobs went out "
                  "under the Stripe customer id")
                  .arg(people.size())
                  .arg(described.join(QStringLiteral("; ")));
    setStatus(connection, customerId, QStringLiteral("conflict"), {}, detail, nowMs);
    qCInfo(lcStore).noquote() << "identity conflict for customer" << customerId << "with"
                              << util::maskEmail(email);
}

std::vector<IdentityRecord> listIdentities(store::SqliteConnection& connection, bool conflictsOnly, int limit)
{
    store::SqliteStatement select =
        connection.prepare("SELECT customer_id, email, status, cio_id, detail, updated_at_ms FROM "
                           "sync_identities WHERE (?1 = 0 OR "
                           "status = 'conflict') ORDER BY updated_at_ms DESC, customer_id LIMIT ?2");
    select.bind(1, conflictsOnly ? 1 : 0).bind(2, std::max(limit, 1));
    std::vector<IdentityRecord> records;
    while (select.step())
        records.push_back({select.text(0), select.text(1), select.text(2), select.text(3), select.text(4),
                           select.int64(5)});
    return records;
}

} // namespace billbridge::sync::identity
