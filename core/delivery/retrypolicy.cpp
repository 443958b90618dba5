#include "delivery/retrypolicy.h"

#include "store/jobqueue.h"

#include <QUrl>

#include <algorithm>
#include <cmath>

namespace billbridge::delivery {

namespace {

// Messages are joined into sentences; one that already ends in a full stop must not get a second.
QString withoutFinalStop(QString text)
{
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

using customerio::CustomerIoError;
using customerio::CustomerIoErrorKind;

RetryDecision decision(RetryVerdict verdict, const QString& errorClass, const QString& message,
                       std::int64_t retryAtMs = 0)
{
    RetryDecision result;
    result.verdict = verdict;
    result.errorClass = errorClass;
    result.message = message;
    result.retryAtMs = retryAtMs;
    return result;
}

QString apiName(const QString& operation)
{
    return operation.startsWith(QLatin1String("app.")) ? QStringLiteral("App") : QStringLiteral("Track");
}

bool mentionsEu(const QString& location)
{
    return QUrl(location).host().contains(QLatin1String("-eu"), Qt::CaseInsensitive);
}

// What to do about a refused Slack post, by the word Slack answered with (api.slack.com/messaging/webhooks,
// "Handling errors").
QString slackAdvice(const QString& webhook, int status, const QString& said)
{
    const QString setAgain =
        QStringLiteral("create a new incoming webhook in Slack, store it with "
                       "'billbridge-cli connections set slack %1', restart delivery, then "
                       "retry the job")
            .arg(webhook);
    if (said.contains(QLatin1String("invalid_payload")) || said.contains(QLatin1String("no_text")) ||
        said.contains(QLatin1String("too_many_attachments")))
        return QStringLiteral(
            "Slack cannot read the message: fix the rule's message template, then retry the job");
    if (said.contains(QLatin1String("channel_not_found")) ||
        said.contains(QLatin1String("channel_is_archived")))
        return QStringLiteral("the webhook's channel is gone or archived: ") + setAgain;
    if (said.contains(QLatin1String("no_service")) || said.contains(QLatin1String("invalid_token")) ||
        said.contains(QLatin1String("no_team")) || status == 403 || status == 404 || status == 410)
        return QStringLiteral("the webhook was removed, revoked or disabled in Slack: ") + setAgain;
    if (said.contains(QLatin1String("action_prohibited")))
        return QStringLiteral("a Slack admin restricted posting to that channel: ") + setAgain;
    return QStringLiteral("check the message and the webhook, then retry the job");
}

// The errors that mean something else for a Slack post than for Customer.io: a refusal is about that one
// webhook or message (dead, with Slack's words), never about workspace credentials (no queue pause).
std::optional<RetryDecision> slackDecision(const RetryInput& input, const CustomerIoError& error)
{
    const QString errorClass = customerio::toString(error.kind);
    const QString webhook = input.payload.value(QLatin1String("webhook")).toString();
    switch (error.kind) {
    case CustomerIoErrorKind::BadRequest:
    case CustomerIoErrorKind::Unauthorized:
    case CustomerIoErrorKind::WrongRegion: {
        const QString said = error.messages.join(QStringLiteral("; "));
        return decision(RetryVerdict::Dead, errorClass,
                        QStringLiteral("Slack refused the post to \"%1\" (HTTP %2%3): %4")
                            .arg(webhook)
                            .arg(error.httpStatus)
                            .arg(said.isEmpty() ? QString() : QStringLiteral(" ") + said,
                                 slackAdvice(webhook, error.httpStatus, said)));
    }
    case CustomerIoErrorKind::NotSent:
        return decision(RetryVerdict::Dead, errorClass,
                        error.detail.isEmpty() ? error.summary() : error.detail);
    default:
        return std::nullopt;
    }
}

} // namespace

RetryPolicy::RetryPolicy(RetrySchedule schedule)
    : m_schedule(std::move(schedule))
{
    if (m_schedule.backoff.empty())
        m_schedule.backoff.push_back(std::chrono::seconds(30));
    m_schedule.maxAttempts = std::max(1, m_schedule.maxAttempts);
    m_schedule.attemptCap = std::max(m_schedule.maxAttempts, m_schedule.attemptCap);
    m_schedule.jitter = std::clamp(m_schedule.jitter, 0.0, 0.9);
}

std::int64_t RetryPolicy::jittered(double ms, const Random& random) const
{
    const double r = random ? std::clamp(random(), 0.0, 1.0) : 0.5;
    const double factor = 1.0 + m_schedule.jitter * (2.0 * r - 1.0);
    return std::max<std::int64_t>(0, std::llround(ms * factor));
}

std::int64_t RetryPolicy::backoffMs(int failures, const Random& random) const
{
    const std::size_t index = std::min<std::size_t>(static_cast<std::size_t>(std::max(failures, 1) - 1),
                                                    m_schedule.backoff.size() - 1);
    return jittered(static_cast<double>(m_schedule.backoff[index].count()), random);
}

std::int64_t RetryPolicy::rateLimitMs(int rateLimited, const Random& random) const
{
    const double base = static_cast<double>(m_schedule.rateLimitBase.count());
    const double exponential = base * std::pow(2.0, std::min(std::max(rateLimited, 1) - 1, 30));
    return jittered(std::min(exponential, static_cast<double>(m_schedule.rateLimitCap.count())), random);
}

QString RetryPolicy::unknownOutcomeReason(const customerio::CustomerIoError& error)
{
    return QStringLiteral("%1. Customer.io may have received this request; check there whether it arrived, "
                          "then resolve it as sent or retry it")
        .arg(withoutFinalStop(error.summary()));
}

QString RetryPolicy::pauseReason(const QString& operation, const CustomerIoError& error)
{
    const QString api = apiName(operation);
    switch (error.kind) {
    case CustomerIoErrorKind::Unauthorized:
        if (error.httpStatus == 403)
            return QStringLiteral("Customer.io refused the %1 API key access (403): give the key the needed "
                                  "permissions or enter another one in Connections, then resume the queue")
                .arg(api);
        if (api == QLatin1String("Track"))
            return QStringLiteral(
                "Customer.io rejected the Track API key (401): check the site id and key in "
                "Connections, then resume the queue");
        return QStringLiteral(
            "Customer.io rejected the App API key (401): check the key in Connections, then "
            "resume the queue");
    case CustomerIoErrorKind::WrongRegion: {
        const bool eu = mentionsEu(error.location);
        return QStringLiteral("The Customer.io workspace is in the %1 region: choose %1 in Connections, then "
                              "resume the queue")
            .arg(eu ? QStringLiteral("EU") : QStringLiteral("US"));
    }
    case CustomerIoErrorKind::NotSent:
        return QStringLiteral(
                   "Billbridge could not send to the Customer.io %1 API (%2): enter the credentials "
                   "and address in Connections, then resume the queue")
            .arg(api, error.detail.isEmpty() ? error.summary() : error.detail);
    default:
        return {};
    }
}

RetryDecision RetryPolicy::decide(const RetryInput& input, const Random& random) const
{
    if (!input.result)
        return decision(RetryVerdict::Dead, QString::fromLatin1(kUnreadablePayload),
                        QStringLiteral("The stored request cannot be sent: %1")
                            .arg(input.unreadableReason.isEmpty() ? QStringLiteral("unreadable payload")
                                                                  : input.unreadableReason));
    const customerio::CustomerIoResult& result = *input.result;
    if (result.ok())
        return decision(RetryVerdict::Succeeded, {}, {});

    const CustomerIoError& error = *result.error;
    const QString errorClass = customerio::toString(error.kind);
    const QString summary = error.summary();

    if (input.attempt >= m_schedule.attemptCap)
        return decision(RetryVerdict::Dead, errorClass,
                        QStringLiteral("Gave up after %1 attempts: %2").arg(input.attempt).arg(summary));

    if (input.operation.startsWith(QLatin1String("slack.")))
        if (std::optional<RetryDecision> slack = slackDecision(input, error))
            return *slack;

    switch (error.kind) {
    case CustomerIoErrorKind::BadRequest: {
        const QString said = error.messages.isEmpty() ? summary : error.messages.join(QStringLiteral("; "));
        return decision(
            RetryVerdict::Dead, errorClass,
            QStringLiteral("Customer.io refused the request (HTTP %1): %2").arg(error.httpStatus).arg(said));
    }
    case CustomerIoErrorKind::Unauthorized:
    case CustomerIoErrorKind::WrongRegion:
    case CustomerIoErrorKind::NotSent:
        return decision(RetryVerdict::PauseQueue, errorClass, pauseReason(input.operation, error));
    case CustomerIoErrorKind::RateLimited: {
        const int rateLimited = input.rateLimitedBefore + 1;
        std::int64_t delay = 0;
        if (error.retryAfter) {
            const auto capped = std::min(*error.retryAfter, m_schedule.maxRetryAfter);
            delay = std::chrono::duration_cast<std::chrono::milliseconds>(capped).count();
        } else {
            delay = rateLimitMs(rateLimited, random);
        }
        RetryDecision retry = decision(RetryVerdict::RetryAt, errorClass, summary, input.nowMs + delay);
        retry.holdLaneUntilMs = retry.retryAtMs;
        return retry;
    }
    case CustomerIoErrorKind::ServerError:
    case CustomerIoErrorKind::Timeout:
    case CustomerIoErrorKind::Network:
    case CustomerIoErrorKind::Ambiguous:
    case CustomerIoErrorKind::UnexpectedAnswer:
    case CustomerIoErrorKind::Aborted:
        break;
    }

    // The request may have been applied without an answer: only resend what Customer.io deduplicates.
    const bool unknownOutcome = error.kind == CustomerIoErrorKind::Ambiguous || error.httpStatus == 504;
    if (unknownOutcome && !store::JobQueue::isSafeToResend(input.operation, input.payload))
        return decision(RetryVerdict::NeedsReview, errorClass, unknownOutcomeReason(error));

    const int failures = std::max(1, input.attempt - input.rateLimitedBefore);
    if (failures >= m_schedule.maxAttempts)
        return decision(RetryVerdict::Dead, errorClass,
                        QStringLiteral("Gave up after %1 failed attempts: %2").arg(failures).arg(summary));
    return decision(RetryVerdict::RetryAt, errorClass, summary, input.nowMs + backoffMs(failures, random));
}

} // namespace billbridge::delivery
