#include "queue/queueactions.h"

#include "delivery/jobrequest.h"
#include "queue/jobtext.h"
#include "slack/slackpost.h"
#include "store/jobqueue.h"

#include <QJsonArray>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>
#include <utility>

namespace billbridge::widgets {

namespace {

QJsonArray idsJson(const std::vector<std::int64_t>& ids)
{
    QJsonArray array;
    for (std::int64_t id : ids)
        array.append(qint64(id));
    return array;
}

} // namespace

QueueActions::QueueActions(QString storePath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(storePath))
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &QueueActions::onDone);
}

QueueActions::~QueueActions()
{
    m_watcher.waitForFinished();
}

QString QueueActions::sentAgainText(int count)
{
    return count == 1 ? tr("1 job will be sent again.") : tr("%1 jobs will be sent again.").arg(count);
}

QString QueueActions::storeFailure(const QString& reason)
{
    return tr("The queue could not be changed: %1. Nothing was changed. Try again; if it keeps failing, "
              "check "
              "that the store's disk is available and writable.")
        .arg(reason);
}

void QueueActions::run(Work work, Done done)
{
    m_busy = true;
    m_done = std::move(done);
    m_watcher.setFuture(QtConcurrent::run([path = m_path, work = std::move(work)]() -> Result {
        try {
            store::JobQueue queue = store::JobQueue::open(path);
            return work(queue);
        } catch (const store::StoreError& error) {
            Result result;
            result.error = error.message();
            return result;
        } catch (const std::exception& error) {
            Result result;
            result.error = QString::fromLocal8Bit(error.what());
            return result;
        }
    }));
}

void QueueActions::onDone()
{
    const Result result = m_watcher.result();
    m_busy = false;
    const Done done = std::exchange(m_done, nullptr);
    if (done)
        done(result);
}

void QueueActions::finish(const Result& result, const std::function<QString(const Result&)>& success)
{
    if (!result.error.isEmpty())
        emit finished(storeFailure(result.error), true);
    else
        emit finished(success(result), false);
}

void QueueActions::retry(const std::vector<std::int64_t>& ids)
{
    run(
        [ids](store::JobQueue& queue) {
            const store::OperatorAudit audit{QStringLiteral("queue.retry"),
                                             QStringLiteral("jobs"),
                                             {{QStringLiteral("ids"), idsJson(ids)}},
                                             QStringLiteral("retried")};
            return Result{{}, queue.retry(ids, &audit), {}};
        },
        [this, asked = int(ids.size())](const Result& result) {
            finish(result, [asked](const Result& done) {
                if (done.changed < asked)
                    return tr("%1 of %2 jobs will be sent again; the others changed state meanwhile and were "
                              "left as they are.")
                        .arg(done.changed)
                        .arg(asked);
                return sentAgainText(done.changed);
            });
        });
}

void QueueActions::markSent(const std::vector<std::int64_t>& ids)
{
    run(
        [ids](store::JobQueue& queue) {
            Result result;
            for (std::int64_t id : ids) {
                const store::OperatorAudit audit{QStringLiteral("queue.resolve"),
                                                 QString::number(id),
                                                 {{QStringLiteral("resolution"), QStringLiteral("sent")}},
                                                 {}};
                if (queue.resolveSent(id, &audit))
                    ++result.changed;
            }
            return result;
        },
        [this](const Result& result) {
            finish(result, [](const Result& done) {
                return done.changed == 1 ? tr("1 job marked as sent.")
                                         : tr("%1 jobs marked as sent.").arg(done.changed);
            });
        });
}

void QueueActions::discard(const std::vector<std::int64_t>& ids, const QString& reason)
{
    run(
        [ids, reason](store::JobQueue& queue) {
            const store::OperatorAudit audit{
                QStringLiteral("queue.discard"),
                QStringLiteral("jobs"),
                {{QStringLiteral("ids"), idsJson(ids)}, {QStringLiteral("reason"), reason}},
                QStringLiteral("discarded")};
            return Result{{}, queue.discard(ids, reason, &audit), {}};
        },
        [this](const Result& result) {
            finish(result, [](const Result& done) {
                return done.changed == 1 ? tr("1 job discarded.")
                                         : tr("%1 jobs discarded.").arg(done.changed);
            });
        });
}

void QueueActions::pause(const QString& reason)
{
    run(
        [reason](store::JobQueue& queue) {
            const store::OperatorAudit audit{
                QStringLiteral("queue.pause"), QString(), {{QStringLiteral("reason"), reason}}, {}};
            queue.pause(reason, &audit);
            return Result{};
        },
        [this](const Result& result) {
            finish(result, [](const Result&) { return tr("Sending is paused."); });
        });
}

void QueueActions::resume()
{
    run(
        [](store::JobQueue& queue) {
            const store::PauseState before = queue.pauseState();
            const store::OperatorAudit audit{QStringLiteral("queue.resume"),
                                             QString(),
                                             {{QStringLiteral("paused_for"), before.reason}},
                                             {}};
            queue.resume(&audit);
            return Result{};
        },
        [this](const Result& result) {
            finish(result, [](const Result&) { return tr("Sending resumed."); });
        });
}

void QueueActions::previewRetryMatching(const store::JobFilter& filter)
{
    run(
        [filter](store::JobQueue& queue) {
            Result result;
            RetryPreview& preview = result.preview;
            const store::RetrySelection selection = queue.retryMatching(filter, true);
            preview.count = selection.count;
            preview.ids = selection.ids;
            for (std::int64_t id : selection.ids) {
                if (preview.requests.size() >= kPreviewLimit)
                    break;
                const std::optional<store::Job> job = queue.find(id);
                if (!job)
                    continue;
                if (job->state == store::JobState::NeedsReview)
                    preview.mayDuplicate = true;
                const auto request = delivery::requestOf(*job);
                if (job->api == QLatin1String("slack")) {
                    const auto post = slack::slackPostOf(job->payload);
                    preview.requests.append(QStringLiteral("%1 — %2").arg(
                        operationTitle(job->operation),
                        post ? tr("POST to the Slack webhook \"%1\"").arg(post->webhook)
                             : tr("(unreadable request)")));
                    continue;
                }
                preview.requests.append(
                    request ? QStringLiteral("%1 — %2 %3")
                                  .arg(operationTitle(job->operation), QString::fromLatin1(request->verb),
                                       QString::fromLatin1(request->wireTarget()))
                            : QStringLiteral("%1 — %2").arg(operationTitle(job->operation),
                                                            tr("(unreadable request)")));
            }
            // Beyond the listed ones only a look at the store tells whether some need review.
            const bool reviewIncluded =
                filter.states.empty() || std::find(filter.states.begin(), filter.states.end(),
                                                   store::JobState::NeedsReview) != filter.states.end();
            if (!preview.mayDuplicate && selection.count > kPreviewLimit && reviewIncluded) {
                store::JobFilter review = filter;
                review.states = {store::JobState::NeedsReview};
                preview.mayDuplicate = !queue.list(review, std::nullopt, 1).jobs.empty();
            }
            return result;
        },
        [this](const Result& result) {
            if (!result.error.isEmpty()) {
                emit finished(storeFailure(result.error), true);
                return;
            }
            if (result.preview.count == 0) {
                emit finished(tr("No job matching the filter can be retried: only dead, needs-review and "
                                 "discarded jobs are sent again. Change the filter to include them."),
                              false);
                return;
            }
            emit previewReady(result.preview);
        });
}

} // namespace billbridge::widgets
