#include "clicommon.h"
#include "queuecommon.h"
#include "store/auditlog.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <functional>

namespace billbridge::cli::queuecli {

namespace {

using store::JobQueue;
using store::JobState;

// Large retries go in slices so that the intake writer is never kept waiting long for the write lock, and
// so that there is something to report between them.
constexpr int kRetrySlice = 1000;

bool isRetryable(JobState state)
{
    return state == JobState::Dead || state == JobState::NeedsReview || state == JobState::Discarded;
}

bool isDiscardable(JobState state)
{
    return state == JobState::Pending || state == JobState::RetryScheduled || state == JobState::Dead ||
           state == JobState::NeedsReview;
}

bool hasJobFilterOptions(const QCommandLineParser& parser)
{
    for (const char* name : {"state", "operation", "customer", "error-class", "since", "until"})
        if (parser.isSet(QLatin1String(name)))
            return true;
    return false;
}

QJsonObject filterJson(const store::JobFilter& filter)
{
    QJsonArray states;
    for (JobState state : filter.states)
        states.append(store::jobStateName(state));
    QJsonObject object{{QStringLiteral("states"), states}};
    if (!filter.operation.isEmpty())
        object.insert(QStringLiteral("operation"), filter.operation);
    if (!filter.customerId.isEmpty())
        object.insert(QStringLiteral("customer_id"), filter.customerId);
    if (!filter.errorClass.isEmpty())
        object.insert(QStringLiteral("error_class"), filter.errorClass);
    if (filter.fromMs)
        object.insert(QStringLiteral("from_ms"), qint64(*filter.fromMs));
    if (filter.toMs)
        object.insert(QStringLiteral("to_ms"), qint64(*filter.toMs));
    return object;
}

QJsonArray idsJson(const std::vector<std::int64_t>& ids)
{
    QJsonArray array;
    for (std::int64_t id : ids)
        array.append(qint64(id));
    return array;
}

// Operator actions change what reaches Customer.io, so each one leaves a row in the audit log. A failure to
// record it is reported but does not undo the action, which has already happened.
void audit(const QString& path, const QString& action, const QString& subject, const QJsonObject& details)
{
    try {
        store::AuditLog::open(path).record(QString(), action, subject, details);
    } catch (const store::StoreError& error) {
        printError(QStringLiteral("the action was done but could not be recorded in the audit log: %1")
                       .arg(error.message()));
    }
}

// Operator actions never create a store: acting on a mistyped --db would otherwise report "no job 12" from a
// fresh, empty file.
JobQueue openForChanges(const QString& path)
{
    requireStore(path);
    return JobQueue::open(path);
}

// Looks the ids up; those missing or in a state `allowed` refuses are reported with `why`. Returns the ids
// that can be acted on.
std::vector<std::int64_t> screen(JobQueue& queue, const std::vector<std::int64_t>& ids,
                                 const std::function<bool(JobState)>& allowed, const QString& verb,
                                 const QString& why, int& refused)
{
    std::vector<std::int64_t> usable;
    for (std::int64_t id : ids) {
        const auto job = queue.find(id);
        if (!job) {
            printError(QStringLiteral("no job %1 in the store").arg(id));
            ++refused;
        } else if (!allowed(job->state)) {
            printError(QStringLiteral("job %1 is %2 and was not %3: %4")
                           .arg(id)
                           .arg(store::jobStateName(job->state), verb, why));
            ++refused;
        } else {
            usable.push_back(id);
        }
    }
    return usable;
}

// A change to jobs named by id: the ids that are missing or in a state it does not apply to are reported
// and left alone, and the exit code says whether there were any.
struct IdChange {
    std::function<bool(JobState)> allowed;
    QString verb; // "retried", for "job 12 is succeeded and was not retried: <why>"
    QString why;
    // Returns how many changed; the audit entry goes in with the change.
    std::function<int(JobQueue&, const std::vector<std::int64_t>&, const store::OperatorAudit*)> apply;
    QString auditAction;
    QString auditCountKey; // the audit details' key for how many changed, next to "ids"
    QJsonObject auditDetails;
    QString outcome; // "%1 of %2 job%3 discarded"
};

int changeByIds(const QString& path, const std::vector<std::int64_t>& ids, const IdChange& change)
{
    try {
        JobQueue queue = openForChanges(path);
        int refused = 0;
        const std::vector<std::int64_t> usable =
            screen(queue, ids, change.allowed, change.verb, change.why, refused);
        store::OperatorAudit audit{change.auditAction, QStringLiteral("jobs"), change.auditDetails,
                                   change.auditCountKey};
        audit.details.insert(QStringLiteral("ids"), idsJson(usable));
        const int changed = usable.empty() ? 0 : change.apply(queue, usable, &audit);
        refused += static_cast<int>(usable.size()) - changed;
        printInfo(change.outcome.arg(changed)
                      .arg(ids.size())
                      .arg(ids.size() == 1 ? QString() : QStringLiteral("s")));
        return refused > 0 ? ExitFailure : ExitOk;
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
}

int retryMatching(QCommandLineParser& parser, const QString& path)
{
    store::JobFilter filter;
    if (const auto exit = readJobFilter(parser, filter))
        return *exit;
    if (filter.states.empty()) {
        printError(
            QStringLiteral("'queue retry --filter' needs --state (dead, needs_review or discarded) to say "
                           "which jobs to send again"));
        return ExitUsage;
    }
    for (JobState state : filter.states) {
        if (!isRetryable(state)) {
            printError(
                QStringLiteral("--state %1 cannot be retried; only dead, needs_review and discarded jobs "
                               "can")
                    .arg(store::jobStateName(state)));
            return ExitUsage;
        }
    }
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    try {
        JobQueue queue = openForChanges(path);
        const store::RetrySelection selection = queue.retryMatching(filter, true);
        if (dryRun) {
            printInfo(
                QStringLiteral("%1 job%2 would be sent again (dry run: nothing changed)")
                    .arg(number(selection.count), selection.count == 1 ? QString() : QStringLiteral("s")));
            for (std::int64_t id : selection.ids) {
                const auto job = queue.find(id);
                if (!job)
                    continue;
                const RequestView request = requestView(*job);
                printOut(QStringLiteral("%1  %2  %3  %4")
                             .arg(QString::number(id).rightJustified(7),
                                  store::jobStateName(job->state).leftJustified(13),
                                  job->operation.leftJustified(22),
                                  request.problem.isEmpty()
                                      ? cell(request.method + QLatin1Char(' ') + request.target, 100)
                                      : QStringLiteral("(damaged: %1)").arg(request.problem)));
            }
            return ExitOk;
        }
        if (selection.count == 0) {
            printInfo(QStringLiteral("no job matches; nothing was retried"));
            return ExitOk;
        }
        int moved = 0;
        const bool large = selection.count > kRetrySlice;
        for (std::size_t from = 0; from < selection.ids.size(); from += kRetrySlice) {
            const auto end = std::min(selection.ids.size(), from + kRetrySlice);
            moved += queue.retry(
                std::vector<std::int64_t>(selection.ids.begin() + static_cast<std::ptrdiff_t>(from),
                                          selection.ids.begin() + static_cast<std::ptrdiff_t>(end)));
            if (large)
                printInfo(QStringLiteral("retried %1 of %2 jobs")
                              .arg(number(qint64(end)), number(selection.count)));
        }
        QJsonObject details{{QStringLiteral("filter"), filterJson(filter)},
                            {QStringLiteral("matched"), selection.count},
                            {QStringLiteral("retried"), moved}};
        audit(path, QStringLiteral("queue.retry"), QStringLiteral("filter"), details);
        printInfo(QStringLiteral("%1 job%2 will be sent again%3")
                      .arg(number(moved), moved == 1 ? QString() : QStringLiteral("s"),
                           moved < selection.count
                               ? QStringLiteral(" (%1 changed state meanwhile and were left alone)")
                                     .arg(selection.count - moved)
                               : QString()));
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

} // namespace

int retry(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Send dead, needs_review or discarded jobs again: by id, or every job matching a filter with "
        "--filter. "
        "Retrying a needs_review app.sendEmail job may send the email twice; check Customer.io first."));
    addCommonOptions(parser);
    addJobFilterOptions(parser);
    parser.addPositionalArgument(QStringLiteral("job-id"),
                                 QStringLiteral("Jobs to retry (see 'queue list')."),
                                 QStringLiteral("[job-id…]"));
    parser.addOption({QStringLiteral("filter"),
                      QStringLiteral("Retry every job matching the filter options instead of ids.")});
    parser.addOption({QStringLiteral("dry-run"),
                      QStringLiteral("With --filter: print what would be sent again and change nothing.")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    const QString path = databasePath(parser);
    if (parser.isSet(QStringLiteral("filter"))) {
        if (!parser.positionalArguments().isEmpty()) {
            printError(QStringLiteral("give job ids or --filter, not both"));
            return ExitUsage;
        }
        return retryMatching(parser, path);
    }
    if (hasJobFilterOptions(parser) || parser.isSet(QStringLiteral("dry-run"))) {
        printError(
            QStringLiteral("filter options and --dry-run need --filter (e.g. 'queue retry --filter --state "
                           "dead --dry-run')"));
        return ExitUsage;
    }
    if (parser.positionalArguments().isEmpty()) {
        printError(
            QStringLiteral("'queue retry' needs job ids, or --filter --state dead to retry by filter"));
        return ExitUsage;
    }
    const auto ids = parseIds(parser.positionalArguments());
    if (!ids)
        return ExitUsage;
    return changeByIds(path, *ids,
                       {isRetryable,
                        QStringLiteral("retried"),
                        QStringLiteral("only dead, needs_review and discarded jobs can be retried"),
                        [](JobQueue& queue, const std::vector<std::int64_t>& usable,
                           const store::OperatorAudit* audit) { return queue.retry(usable, audit); },
                        QStringLiteral("queue.retry"),
                        QStringLiteral("retried"),
                        {},
                        QStringLiteral("%1 of %2 job%3 will be sent again")});
}

int discard(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Make sure jobs are never sent. Pending, retry_scheduled, dead and needs_review jobs "
                       "can be discarded; "
                       "'queue retry' brings them back."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("job-id"), QStringLiteral("Jobs to discard."),
                                 QStringLiteral("job-id…"));
    parser.addOption({QStringLiteral("reason"),
                      QStringLiteral("Why (required; kept with the jobs and in the audit log)."),
                      QStringLiteral("text")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("'queue discard' needs the ids of the jobs to discard"));
        return ExitUsage;
    }
    const QString reason = parser.value(QStringLiteral("reason")).trimmed();
    if (reason.isEmpty()) {
        printError(
            QStringLiteral("'queue discard' needs --reason TEXT saying why these jobs must not be sent"));
        return ExitUsage;
    }
    const auto ids = parseIds(parser.positionalArguments());
    if (!ids)
        return ExitUsage;
    const QString path = databasePath(parser);
    return changeByIds(
        path, *ids,
        {isDiscardable,
         QStringLiteral("discarded"),
         QStringLiteral("only pending, retry_scheduled, dead and needs_review jobs can be discarded"),
         [&reason](JobQueue& queue, const std::vector<std::int64_t>& usable,
                   const store::OperatorAudit* audit) { return queue.discard(usable, reason, audit); },
         QStringLiteral("queue.discard"),
         QStringLiteral("discarded"),
         {{QStringLiteral("reason"), reason}},
         QStringLiteral("%1 of %2 job%3 discarded")});
}

int resolve(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Settle a needs_review job, whose request may or may not have reached Customer.io: --sent after "
        "checking that it did (the job succeeds), --send-again when it did not (the job goes back to "
        "pending)."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("job-id"), QStringLiteral("The needs_review job."));
    parser.addOption({QStringLiteral("sent"), QStringLiteral("Customer.io received it: mark it succeeded.")});
    parser.addOption(
        {QStringLiteral("send-again"), QStringLiteral("Customer.io did not receive it: send it again.")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    const bool sent = parser.isSet(QStringLiteral("sent"));
    const bool sendAgain = parser.isSet(QStringLiteral("send-again"));
    if (sent == sendAgain) {
        printError(QStringLiteral("'queue resolve' needs exactly one of --sent (Customer.io has it) and "
                                  "--send-again (it does not)"));
        return ExitUsage;
    }
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("'queue resolve' takes exactly one job id"));
        return ExitUsage;
    }
    const auto ids = parseIds(parser.positionalArguments());
    if (!ids)
        return ExitUsage;
    const std::int64_t id = ids->front();
    const QString path = databasePath(parser);
    try {
        JobQueue queue = openForChanges(path);
        const auto job = queue.find(id);
        if (!job) {
            printError(QStringLiteral("no job %1 in the store").arg(id));
            return ExitFailure;
        }
        if (job->state != JobState::NeedsReview) {
            printError(QStringLiteral(
                           "job %1 is %2, not needs_review; only jobs waiting for review can be resolved%3")
                           .arg(id)
                           .arg(store::jobStateName(job->state),
                                isRetryable(job->state)
                                    ? QStringLiteral(" ('queue retry %1' sends it again)").arg(id)
                                    : QString()));
            return ExitFailure;
        }
        const store::OperatorAudit audit{
            QStringLiteral("queue.resolve"),
            QString::number(id),
            {{QStringLiteral("resolution"), sent ? QStringLiteral("sent") : QStringLiteral("send_again")},
             {QStringLiteral("operation"), job->operation}},
            {}};
        const bool changed = sent ? queue.resolveSent(id, &audit) : queue.retry({id}, &audit) == 1;
        if (!changed) {
            printError(QStringLiteral("job %1 changed state meanwhile; nothing was done. Look again with "
                                      "'billbridge-cli queue show %1'")
                           .arg(id));
            return ExitFailure;
        }
        printInfo(sent ? QStringLiteral("job %1 marked as succeeded").arg(id)
                       : QStringLiteral("job %1 will be sent again").arg(id));
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

int pauseOrResume(const QStringList& arguments, bool pause)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        pause ? QStringLiteral("Stop workers (here and in other processes) from sending; the pause survives "
                               "restarts. Requests already in flight finish.")
              : QStringLiteral("Let workers send again after a pause."));
    addCommonOptions(parser);
    if (pause)
        parser.addOption({QStringLiteral("reason"), QStringLiteral("Why, shown by 'queue stats'."),
                          QStringLiteral("text")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("'queue %1' takes no arguments")
                       .arg(pause ? QStringLiteral("pause") : QStringLiteral("resume")));
        return ExitUsage;
    }
    const QString path = databasePath(parser);
    try {
        JobQueue queue = openForChanges(path);
        const store::PauseState before = queue.pauseState();
        if (pause) {
            const QString reason = parser.value(QStringLiteral("reason")).trimmed();
            const store::OperatorAudit audit{
                QStringLiteral("queue.pause"), QString(), {{QStringLiteral("reason"), reason}}, {}};
            queue.pause(reason.isEmpty() ? QStringLiteral("paused by %1").arg(store::AuditLog::currentActor())
                                         : reason,
                        &audit);
            printInfo(
                QStringLiteral("queue paused; workers send nothing until 'billbridge-cli queue resume'"));
        } else {
            if (!before.paused) {
                printInfo(QStringLiteral("the queue is not paused; nothing to do"));
                return ExitOk;
            }
            const store::OperatorAudit audit{QStringLiteral("queue.resume"),
                                             QString(),
                                             {{QStringLiteral("paused_for"), before.reason}},
                                             {}};
            queue.resume(&audit);
            printInfo(QStringLiteral("queue resumed (it was paused: %1)").arg(before.reason));
        }
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

} // namespace billbridge::cli::queuecli
