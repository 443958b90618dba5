#include "demo/demoqueue.h"

#include "customerio/customerioerror.h"
#include "customerio/customeriorequest.h"
#include "customerio/ulid.h"
#include "delivery/jobrequest.h"
#include "delivery/retrypolicy.h"
#include "demo/demohistory.h"
#include "demo/demorandom.h"
#include "store/database.h"
#include "store/jobqueue.h"
#include "store/sqlite.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace billbridge::demo {

namespace {

using customerio::CustomerIoRequest;
using store::JobState;

// Apart from the catalogue's stream (0) and the customers' (1 … customers), so that the queue never
// changes the history made from the same seed.
constexpr std::uint64_t kQueueStream = 0x5155455545ull;

constexpr int kPending = 5;
constexpr int kRetryScheduled = 4;
constexpr int kNeedsReview = 3;
constexpr int kDeadBadRequest = 2;
constexpr int kDeadServerErrors = 2;
constexpr double kRecoveredShare = 0.03;
constexpr double kReceiptShare = 0.12;
constexpr int kMaxFailures = 8; // delivery::RetrySchedule's default
constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;
// delivery::RetrySchedule's default backoff after the n-th failure.
constexpr std::array<std::int64_t, 7> kBackoffMs = {30'000,    2 * kMinute, 10 * kMinute, 30 * kMinute,
                                                    1 * kHour, 3 * kHour,   6 * kHour};
// The worker's request excerpt keeps this much of a body.
constexpr qsizetype kRequestBodyExcerptBytes = 1024;
constexpr std::int64_t kTimeoutMs = 10'000; // customerio::CustomerIoClient::kDefaultTimeout

enum class Fate {
    Succeeded,
    Recovered, // one 429 or 503, then delivered
    RetryScheduled,
    DeadBadRequest,
    DeadServerErrors,
    NeedsReview,
    DiscardedWhilePending,
    DiscardedWhenDead,
    Pending,
};

struct PlannedJob {
    CustomerIoRequest request;
    QString customerId;
    QString eventId;
    std::int64_t atMs = 0; // when the receiver stored the event and made the job
    bool carriesPlan = false;
    Fate fate = Fate::Succeeded;
};

struct Person {
    QString email;
    QString name;
};

QJsonObject dataObject(const QJsonObject& envelope)
{
    return envelope.value(QStringLiteral("data")).toObject().value(QStringLiteral("object")).toObject();
}

QJsonObject priceOf(const QJsonObject& subscription)
{
    return subscription.value(QStringLiteral("items"))
        .toObject()
        .value(QStringLiteral("data"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("price"))
        .toObject();
}

QJsonValue orNull(const QJsonValue& value)
{
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

// Builds the request the sync engine would send for one event, or none for events it does not forward.
class RequestMaker final {
public:
    RequestMaker(DemoRandom& random, std::int64_t* ulidClock)
        : m_random(random)
        , m_ulids([ulidClock] { return *ulidClock; },
                  [&random](std::uint8_t* bytes, int count) {
                      for (int i = 0; i < count; ++i)
                          bytes[i] = static_cast<std::uint8_t>(random.next() >> 56);
                  })
    {}

    std::optional<PlannedJob> make(const DemoEvent& event, const QJsonObject& envelope, bool broadcast)
    {
        const QJsonObject object = dataObject(envelope);
        const QString& type = event.type;
        const QString& customer = event.customerId;
        PlannedJob job;
        job.customerId = customer;
        job.eventId = envelope.value(QStringLiteral("id")).toString();

        if (type == QLatin1String("customer.created") || type == QLatin1String("customer.updated")) {
            Person& person = m_people[customer];
            person.email = object.value(QStringLiteral("email")).toString();
            person.name = object.value(QStringLiteral("name")).toString();
            customerio::IdentifyAttributes attributes;
            attributes.email = person.email;
            attributes.attributes = {{QStringLiteral("name"), person.name}};
            if (type == QLatin1String("customer.created")) {
                const QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
                attributes.createdAt = object.value(QStringLiteral("created")).toInteger();
                attributes.attributes.append(
                    {QStringLiteral("signup_channel"), metadata.value(QStringLiteral("signup_channel"))});
                attributes.attributes.append(
                    {QStringLiteral("app_user_id"), metadata.value(QStringLiteral("app_user_id"))});
            } else {
                attributes.updateOnly = true;
            }
            attributes.changedAt = event.created;
            job.request = customerio::requests::identify(customer, attributes);
            return job;
        }
        if (type == QLatin1String("customer.deleted")) {
            job.request = customerio::requests::deleteCustomer(customer);
            return job;
        }
        if (type == QLatin1String("customer.subscription.updated") ||
            (type == QLatin1String("customer.subscription.paused") && !broadcast)) {
            const QJsonObject price = priceOf(object);
            customerio::IdentifyAttributes attributes;
            attributes.email = m_people.value(customer).email;
            attributes.attributes = {
                {QStringLiteral("plan_name"), price.value(QStringLiteral("nickname"))},
                {QStringLiteral("plan_interval"),
                 price.value(QStringLiteral("recurring")).toObject().value(QStringLiteral("interval"))},
                {QStringLiteral("subscription_status"), object.value(QStringLiteral("status"))},
                {QStringLiteral("cancel_at_period_end"),
                 object.value(QStringLiteral("cancel_at_period_end"))},
            };
            attributes.changedAt = event.created;
            attributes.updateOnly = true;
            job.request = customerio::requests::identify(customer, attributes);
            job.carriesPlan = true;
            return job;
        }
        if (type == QLatin1String("customer.subscription.paused")) {
            // One API-triggered broadcast to the person whose trial ended without a card.
            customerio::BroadcastAudience audience;
            audience.kind = customerio::BroadcastAudience::Kind::Ids;
            audience.people = {customer};
            audience.ignoreMissing = true;
            job.request = customerio::requests::triggerBroadcast(
                QStringLiteral("12"),
                QJsonObject{{QStringLiteral("subscription_id"), object.value(QStringLiteral("id"))},
                            {QStringLiteral("plan_name"), priceOf(object).value(QStringLiteral("nickname"))}},
                audience);
            return job;
        }
        if (type == QLatin1String("customer.subscription.created")) {
            return track(job, event, QStringLiteral("subscription_started"),
                         {{QStringLiteral("subscription_id"), object.value(QStringLiteral("id"))},
                          {QStringLiteral("plan_name"), priceOf(object).value(QStringLiteral("nickname"))},
                          {QStringLiteral("status"), object.value(QStringLiteral("status"))},
                          {QStringLiteral("trial_end"), object.value(QStringLiteral("trial_end"))}});
        }
        if (type == QLatin1String("customer.subscription.deleted")) {
            return track(
                job, event, QStringLiteral("subscription_canceled"),
                {{QStringLiteral("subscription_id"), object.value(QStringLiteral("id"))},
                 {QStringLiteral("plan_name"), priceOf(object).value(QStringLiteral("nickname"))},
                 {QStringLiteral("reason"), orNull(object.value(QStringLiteral("cancellation_details"))
                                                       .toObject()
                                                       .value(QStringLiteral("reason")))}});
        }
        if (type == QLatin1String("customer.subscription.trial_will_end")) {
            return track(job, event, QStringLiteral("trial_will_end"),
                         {{QStringLiteral("subscription_id"), object.value(QStringLiteral("id"))},
                          {QStringLiteral("trial_end"), object.value(QStringLiteral("trial_end"))}});
        }
        if (type == QLatin1String("invoice.paid")) {
            return track(
                job, event, QStringLiteral("invoice_paid"),
                {{QStringLiteral("invoice_id"), object.value(QStringLiteral("id"))},
                 {QStringLiteral("amount_paid"), object.value(QStringLiteral("amount_paid"))},
                 {QStringLiteral("currency"), object.value(QStringLiteral("currency"))},
                 {QStringLiteral("billing_reason"), object.value(QStringLiteral("billing_reason"))}});
        }
        if (type == QLatin1String("invoice.payment_failed")) {
            return track(job, event, QStringLiteral("payment_failed"),
                         {{QStringLiteral("invoice_id"), object.value(QStringLiteral("id"))},
                          {QStringLiteral("amount_due"), object.value(QStringLiteral("amount_due"))},
                          {QStringLiteral("currency"), object.value(QStringLiteral("currency"))},
                          {QStringLiteral("attempt_count"), object.value(QStringLiteral("attempt_count"))},
                          {QStringLiteral("next_payment_attempt"),
                           object.value(QStringLiteral("next_payment_attempt"))}});
        }
        if (type == QLatin1String("charge.refunded")) {
            return track(
                job, event, QStringLiteral("refund_issued"),
                {{QStringLiteral("charge_id"), object.value(QStringLiteral("id"))},
                 {QStringLiteral("amount_refunded"), object.value(QStringLiteral("amount_refunded"))},
                 {QStringLiteral("currency"), object.value(QStringLiteral("currency"))}});
        }
        if (type == QLatin1String("charge.dispute.created")) {
            return track(job, event, QStringLiteral("dispute_opened"),
                         {{QStringLiteral("dispute_id"), object.value(QStringLiteral("id"))},
                          {QStringLiteral("amount"), object.value(QStringLiteral("amount"))},
                          {QStringLiteral("currency"), object.value(QStringLiteral("currency"))},
                          {QStringLiteral("reason"), object.value(QStringLiteral("reason"))}});
        }
        if (type == QLatin1String("charge.failed")) {
            return email(
                job, QStringLiteral("dunning_payment_failed"),
                {{QStringLiteral("amount"), object.value(QStringLiteral("amount"))},
                 {QStringLiteral("currency"), object.value(QStringLiteral("currency"))},
                 {QStringLiteral("failure_message"), object.value(QStringLiteral("failure_message"))}});
        }
        if (type == QLatin1String("charge.succeeded") && m_random.chance(kReceiptShare)) {
            return email(job, QStringLiteral("payment_receipt"),
                         {{QStringLiteral("amount"), object.value(QStringLiteral("amount"))},
                          {QStringLiteral("currency"), object.value(QStringLiteral("currency"))},
                          {QStringLiteral("description"), object.value(QStringLiteral("description"))}});
        }
        return std::nullopt;
    }

private:
    PlannedJob track(PlannedJob job, const DemoEvent& event, const QString& name, const QJsonObject& data)
    {
        customerio::TrackEvent track;
        track.name = name;
        track.ulid = m_ulids.next();
        track.timestamp = event.created;
        track.data = data;
        job.request = customerio::requests::trackEvent(job.customerId, track);
        return job;
    }

    std::optional<PlannedJob> email(PlannedJob job, const QString& message, const QJsonObject& data)
    {
        const QString to = m_people.value(job.customerId).email;
        if (to.isEmpty())
            return std::nullopt;
        customerio::TransactionalEmail email;
        email.to = to;
        email.identifierType = customerio::IdentifierType::Id;
        email.identifier = job.customerId;
        email.transactionalMessageId = message;
        QJsonObject messageData = data;
        messageData.insert(QStringLiteral("name"), m_people.value(job.customerId).name);
        email.messageData = messageData;
        job.request = customerio::requests::sendEmail(email);
        return job;
    }

    DemoRandom& m_random;
    customerio::UlidGenerator m_ulids;
    QHash<QString, Person> m_people;
};

// The event types the sync engine turns into requests; parsing only these keeps the demo setup quick.
bool forwarded(const QString& type)
{
    static const QSet<QString> types = {
        QStringLiteral("customer.created"),
        QStringLiteral("customer.updated"),
        QStringLiteral("customer.deleted"),
        QStringLiteral("customer.subscription.created"),
        QStringLiteral("customer.subscription.updated"),
        QStringLiteral("customer.subscription.paused"),
        QStringLiteral("customer.subscription.deleted"),
        QStringLiteral("customer.subscription.trial_will_end"),
        QStringLiteral("invoice.paid"),
        QStringLiteral("invoice.payment_failed"),
        QStringLiteral("charge.succeeded"),
        QStringLiteral("charge.failed"),
        QStringLiteral("charge.refunded"),
        QStringLiteral("charge.dispute.created"),
    };
    return types.contains(type);
}

std::vector<PlannedJob> planJobs(const DemoHistory& history, DemoRandom& random)
{
    // The ULIDs carry the millisecond the job was made, as the sync engine's would.
    std::int64_t ulidClock = 0;
    RequestMaker maker(random, &ulidClock);
    std::int64_t lastPaused = 0;
    for (const DemoEvent& event : history.events())
        if (event.type == QLatin1String("customer.subscription.paused"))
            lastPaused = event.created;

    std::vector<PlannedJob> jobs;
    bool broadcastMade = false;
    for (const DemoEvent& event : history.events()) {
        if (event.customerId.isEmpty() || !forwarded(event.type))
            continue;
        const QJsonObject envelope = QJsonDocument::fromJson(event.raw).object();
        const std::int64_t atMs = event.created * 1000 + random.between(150, 2500);
        ulidClock = atMs;
        const bool broadcast = !broadcastMade &&
                               event.type == QLatin1String("customer.subscription.paused") &&
                               event.created == lastPaused;
        std::optional<PlannedJob> job = maker.make(event, envelope, broadcast);
        if (!job)
            continue;
        broadcastMade = broadcastMade || broadcast;
        job->atMs = atMs;
        jobs.push_back(std::move(*job));
    }
    std::stable_sort(jobs.begin(), jobs.end(),
                     [](const PlannedJob& a, const PlannedJob& b) { return a.atMs < b.atMs; });
    return jobs;
}

// Which jobs fail and how: the newest wait, just before them a few are retrying, the newest emails are
// in doubt, and the rest of the trouble is spread out, one of each kind within the last days so that the
// console's first page shows it.
void assignFates(std::vector<PlannedJob>& jobs, DemoRandom& random, std::int64_t endMs)
{
    const int count = static_cast<int>(jobs.size());
    int cursor = count;
    for (int i = 0; i < kPending && cursor > 0; ++i)
        jobs[static_cast<std::size_t>(--cursor)].fate = Fate::Pending;
    for (int i = 0; i < kRetryScheduled && cursor > 0; ++i)
        jobs[static_cast<std::size_t>(--cursor)].fate = Fate::RetryScheduled;
    int inDoubt = 0;
    for (int i = cursor - 1; i >= 0 && inDoubt < kNeedsReview; --i) {
        PlannedJob& job = jobs[static_cast<std::size_t>(i)];
        if (job.request.operation == QLatin1String("app.sendEmail")) {
            job.fate = Fate::NeedsReview;
            ++inDoubt;
        }
    }

    const auto pick = [&](Fate fate, int from, int to, auto accept) {
        std::vector<int> candidates;
        for (int i = std::max(from, 0); i < to; ++i) {
            const PlannedJob& job = jobs[static_cast<std::size_t>(i)];
            // A job that failed for hours must have finished failing before the demo ends.
            if (job.fate == Fate::Succeeded && accept(job) && job.atMs + 13 * kHour < endMs)
                candidates.push_back(i);
        }
        if (candidates.empty())
            return;
        const int chosen =
            candidates[static_cast<std::size_t>(random.below(static_cast<int>(candidates.size())))];
        jobs[static_cast<std::size_t>(chosen)].fate = fate;
    };
    const auto carriesPlan = [](const PlannedJob& job) { return job.carriesPlan; };
    const auto isTrack = [](const PlannedJob& job) {
        return job.request.operation == QLatin1String("track.track");
    };
    const auto isIdentify = [](const PlannedJob& job) {
        return job.request.operation == QLatin1String("track.identify");
    };
    const int recent = cursor - std::max(cursor / 20, 10);
    for (int i = 0; i < kDeadBadRequest; ++i)
        pick(Fate::DeadBadRequest, i == 0 ? recent : 0, cursor, carriesPlan);
    for (int i = 0; i < kDeadServerErrors; ++i)
        pick(Fate::DeadServerErrors, i == 0 ? recent : 0, cursor, isTrack);
    pick(Fate::DiscardedWhenDead, 0, recent, carriesPlan);
    pick(Fate::DiscardedWhilePending, 0, recent, isIdentify);

    for (int i = 0; i < cursor; ++i) {
        PlannedJob& job = jobs[static_cast<std::size_t>(i)];
        if (job.fate == Fate::Succeeded && random.chance(kRecoveredShare))
            job.fate = Fate::Recovered;
    }
}

// "POST /customers/cus_1/events" and the start of the body, as the delivery worker records it.
QString requestExcerptOf(const CustomerIoRequest& request)
{
    QByteArray excerpt = request.verb + ' ' + request.relativeTarget();
    if (request.hasBody())
        excerpt += '\n' + request.body.left(kRequestBodyExcerptBytes);
    return QString::fromUtf8(excerpt);
}

// What Customer.io answers a delivered request of each kind.
QByteArray successBody(const CustomerIoRequest& request, DemoRandom& random)
{
    if (request.operation == QLatin1String("app.sendEmail"))
        return QByteArray(R"({"delivery_id":")") + random.token(24).toLatin1() + R"(","queued_at":)" +
               QByteArray::number(1700000000 + random.between(0, 99999999)) + "}";
    if (request.operation == QLatin1String("app.triggerBroadcast"))
        return QByteArray(R"({"id":)") + QByteArray::number(random.between(100000, 999999)) + "}";
    return QByteArrayLiteral("{}");
}

struct Failure {
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
};

Failure serverError(DemoRandom& random)
{
    switch (random.below(3)) {
    case 0:
        return {500, R"({"meta":{"error":"internal server error"}})", {}};
    case 1:
        return {502,
                "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad "
                "Gateway</h1></center>\r\n</body>\r\n</html>\r\n",
                {}};
    default:
        return {503, R"({"meta":{"error":"service unavailable"}})", {}};
    }
}

Failure rateLimited(DemoRandom& random)
{
    return {429, R"({"meta":{"error":"rate limit exceeded"}})", QByteArray::number(random.between(1, 30))};
}

std::int64_t jittered(std::int64_t ms, DemoRandom& random)
{
    return ms + static_cast<std::int64_t>(static_cast<double>(ms) * 0.2 * (2.0 * random.unit() - 1.0));
}

// Plays jobs through the queue on a clock that follows the demo's timeline.
class QueuePlayer final {
public:
    QueuePlayer(const QString& path, DemoRandom& random)
        : m_clock(std::make_shared<std::int64_t>(0))
        , m_random(random)
        , m_queue(openQueue(path, m_clock))
    {}

    store::JobQueue& queue() { return m_queue; }
    void setTime(std::int64_t ms) { *m_clock = ms; }

    std::int64_t enqueue(const PlannedJob& job)
    {
        setTime(job.atMs);
        const QString key = job.eventId + QLatin1Char(':') + job.request.operation;
        return m_queue.enqueue(delivery::jobFor(job.request, job.customerId, key, job.eventId)).id;
    }

    // Claims the job at `startMs` and records one answered attempt; returns when it ended. A retry is
    // due `waitMs` after the end. The job's last error is what Customer.io said after `errorPrefix`, or
    // the answer's summary without one.
    std::int64_t attempt(std::int64_t jobId, const CustomerIoRequest& request, std::int64_t startMs,
                         const std::optional<Failure>& failure, JobState to, std::int64_t waitMs = 0,
                         const QString& errorPrefix = {})
    {
        setTime(startMs);
        const std::vector<store::Job> claimed = m_queue.claimDueIn(1, {});
        if (claimed.size() != 1 || claimed.front().id != jobId)
            throw store::StoreError(QStringLiteral("the demo queue claimed another job than %1").arg(jobId));
        const bool app = request.api == customerio::CustomerIoApi::App;
        store::JobAttempt attempt;
        attempt.startedAtMs = startMs;
        attempt.durationMs = app ? m_random.between(120, 600) : m_random.between(40, 300);
        attempt.requestExcerpt = requestExcerptOf(request);
        store::Completion completion;
        completion.jobId = jobId;
        completion.to = to;
        completion.notBeforeMs = startMs + attempt.durationMs + waitMs;
        if (failure) {
            const customerio::CustomerIoError answer =
                customerio::CustomerIoError::fromHttp(failure->status, failure->body, failure->retryAfter, {},
                                                      QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC));
            attempt.httpStatus = failure->status;
            attempt.errorClass = customerio::toString(answer.kind);
            attempt.responseExcerpt = QString::fromUtf8(failure->body);
            completion.errorClass = attempt.errorClass;
            // As the retry policy words it: a refusal quotes Customer.io, other failures summarise.
            const QString said =
                answer.kind == customerio::CustomerIoErrorKind::BadRequest && !answer.messages.isEmpty()
                    ? answer.messages.join(QStringLiteral("; "))
                    : answer.summary();
            completion.error = errorPrefix.isEmpty() ? answer.summary() : errorPrefix + said;
        } else {
            attempt.httpStatus = 200;
            attempt.responseExcerpt = QString::fromUtf8(successBody(request, m_random));
        }
        completion.attempt = attempt;
        setTime(startMs + attempt.durationMs);
        m_queue.complete({completion});
        return startMs + attempt.durationMs;
    }

    // A transactional email whose request left but whose answer never came.
    void attemptInDoubt(std::int64_t jobId, const CustomerIoRequest& request, std::int64_t startMs)
    {
        setTime(startMs);
        const std::vector<store::Job> claimed = m_queue.claimDueIn(1, {});
        if (claimed.size() != 1 || claimed.front().id != jobId)
            throw store::StoreError(QStringLiteral("the demo queue claimed another job than %1").arg(jobId));
        const customerio::CustomerIoError error = customerio::CustomerIoError::local(
            customerio::CustomerIoErrorKind::Ambiguous,
            QStringLiteral("No complete answer within %1 seconds.").arg(kTimeoutMs / 1000));
        store::JobAttempt attempt;
        attempt.startedAtMs = startMs;
        attempt.durationMs = kTimeoutMs + m_random.between(0, 40);
        attempt.errorClass = customerio::toString(error.kind);
        attempt.responseExcerpt = error.summary();
        attempt.requestExcerpt = requestExcerptOf(request);
        store::Completion completion;
        completion.jobId = jobId;
        completion.attempt = attempt;
        completion.to = JobState::NeedsReview;
        completion.errorClass = attempt.errorClass;
        completion.error = delivery::RetryPolicy::unknownOutcomeReason(error);
        setTime(startMs + attempt.durationMs);
        m_queue.complete({completion});
    }

private:
    static store::JobQueue openQueue(const QString& path, const std::shared_ptr<std::int64_t>& clock)
    {
        store::SqliteConnection connection = store::Database::openForWriting(path);
        // A demo store is made again from its seed rather than recovered after a power cut, and a durable
        // commit for each of a few thousand small transactions would take seconds.
        connection.exec("PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE");
        return store::JobQueue(std::move(connection), [clock] { return *clock; });
    }

    std::shared_ptr<std::int64_t> m_clock;
    DemoRandom& m_random;
    store::JobQueue m_queue;
};

// The worker picks a new job up within moments of the receiver making it.
std::int64_t pickedUp(const PlannedJob& job, DemoRandom& random)
{
    return job.atMs + random.between(5, 400);
}

void play(QueuePlayer& player, const PlannedJob& job, DemoRandom& random, std::int64_t endMs)
{
    const std::int64_t id = player.enqueue(job);
    const CustomerIoRequest& request = job.request;
    std::int64_t at = pickedUp(job, random);
    switch (job.fate) {
    case Fate::Succeeded:
        player.attempt(id, request, at, std::nullopt, JobState::Succeeded);
        return;
    case Fate::Recovered: {
        const bool limited = random.chance(0.5);
        const Failure failure = limited ? rateLimited(random) : serverError(random);
        const std::int64_t wait =
            limited ? failure.retryAfter.toLongLong() * 1000 : jittered(kBackoffMs[0], random);
        const std::int64_t ended = player.attempt(id, request, at, failure, JobState::RetryScheduled, wait);
        player.attempt(id, request, ended + wait + random.between(5, 200), std::nullopt, JobState::Succeeded);
        return;
    }
    case Fate::RetryScheduled: {
        const bool limited = random.chance(0.5);
        const Failure failure = limited ? rateLimited(random) : serverError(random);
        const std::int64_t wait =
            limited ? failure.retryAfter.toLongLong() * 1000 : jittered(kBackoffMs[0], random);
        player.attempt(id, request, at, failure, JobState::RetryScheduled, wait);
        return;
    }
    case Fate::DeadBadRequest:
    case Fate::DiscardedWhenDead: {
        const Failure failure{400, R"({"meta":{"errors":["attribute 'plan_name' is too long"]}})", {}};
        const std::int64_t ended =
            player.attempt(id, request, at, failure, JobState::Dead, 0,
                           QStringLiteral("Customer.io refused the request (HTTP 400): "));
        if (job.fate == Fate::DiscardedWhenDead) {
            player.setTime(std::min(ended + random.between(2 * kHour, 30 * kHour), endMs - kMinute));
            player.queue().discard({id},
                                   QStringLiteral("plan_name shortened in Stripe; the next subscription "
                                                  "update carries it"));
        }
        return;
    }
    case Fate::DeadServerErrors: {
        for (int failures = 1; failures <= kMaxFailures; ++failures) {
            const Failure failure = serverError(random);
            if (failures == kMaxFailures) {
                player.attempt(id, request, at, failure, JobState::Dead, 0,
                               QStringLiteral("Gave up after %1 failed attempts: ").arg(kMaxFailures));
                return;
            }
            const std::int64_t wait = jittered(kBackoffMs[static_cast<std::size_t>(failures - 1)], random);
            const std::int64_t ended =
                player.attempt(id, request, at, failure, JobState::RetryScheduled, wait);
            at = ended + wait + random.between(5, 200);
        }
        return;
    }
    case Fate::NeedsReview:
        player.attemptInDoubt(id, request, at);
        return;
    case Fate::DiscardedWhilePending:
        player.setTime(job.atMs + random.between(kMinute, 20 * kMinute));
        player.queue().discard({id},
                               QStringLiteral("Duplicate: the customer was updated by hand in Customer.io"));
        return;
    case Fate::Pending:
        return;
    }
}

} // namespace

QString DemoQueue::pauseReason()
{
    return QStringLiteral("Demo data: sending stays paused so that these made-up requests never reach a real "
                          "Customer.io workspace");
}

DemoQueueSummary DemoQueue::write(const QString& path, const DemoHistory& history, std::int64_t nowMs)
{
    DemoRandom random = DemoRandom::forStream(history.options().seed, kQueueStream);
    std::vector<PlannedJob> jobs = planJobs(history, random);
    const std::int64_t endMs = std::max(nowMs, history.options().endTime * 1000);
    assignFates(jobs, random, endMs);

    QueuePlayer player(path, random);
    // Retries wait for a due time later than any older job's first attempt, so playing them newest first
    // never lets one of them be claimed in place of another; the pending ones come last, never claimed.
    for (const PlannedJob& job : jobs)
        if (job.fate != Fate::RetryScheduled && job.fate != Fate::Pending)
            play(player, job, random, endMs);
    for (auto job = jobs.rbegin(); job != jobs.rend(); ++job)
        if (job->fate == Fate::RetryScheduled)
            play(player, *job, random, endMs);
    for (const PlannedJob& job : jobs)
        if (job.fate == Fate::Pending)
            play(player, job, random, endMs);

    player.setTime(nowMs);
    player.queue().pause(pauseReason());

    DemoQueueSummary summary;
    for (const auto& [state, count] : player.queue().counts()) {
        summary.byState[static_cast<std::size_t>(state)] = static_cast<int>(count);
        summary.total += static_cast<int>(count);
    }
    return summary;
}

} // namespace billbridge::demo
