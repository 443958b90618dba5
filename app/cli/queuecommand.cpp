#include "clicommon.h"
#include "delivery/jobrequest.h"
#include "queuecommon.h"
#include "slack/slackpost.h"
#include "store/database.h"
#include "util/jsonindent.h"
#include "util/redact.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace billbridge::cli {

namespace queuecli {

using store::Job;
using store::JobQueue;
using store::JobState;

namespace {

const QStringList kStateNames = {QStringLiteral("pending"),   QStringLiteral("in_flight"),
                                 QStringLiteral("succeeded"), QStringLiteral("retry_scheduled"),
                                 QStringLiteral("dead"),      QStringLiteral("needs_review"),
                                 QStringLiteral("discarded")};

QString isoTimeMs(std::int64_t ms)
{
    if (ms <= 0)
        return QStringLiteral("-");
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// Attempt excerpts are written by the delivery engine, which never stores headers; this is the second line
// of defence so that `queue show` can be pasted into a ticket without leaking a key.
QString withoutAuthorization(const QString& text)
{
    static const QRegularExpression authorization(
        QStringLiteral("(?i)(authorization\\s*[:=]\\s*\"?)[^\"\\r\\n]*"));
    QString result = text;
    result.replace(authorization, QStringLiteral("\\1[hidden]"));
    return result;
}

QJsonObject attemptJson(const store::JobAttempt& attempt)
{
    QJsonObject object{
        {QStringLiteral("id"), qint64(attempt.id)},
        {QStringLiteral("started_at_ms"), qint64(attempt.startedAtMs)},
        {QStringLiteral("duration_ms"), qint64(attempt.durationMs)},
        {QStringLiteral("http_status"), attempt.httpStatus ? QJsonValue(*attempt.httpStatus) : QJsonValue()},
        {QStringLiteral("error_class"), attempt.errorClass},
        {QStringLiteral("request_excerpt"), withoutAuthorization(attempt.requestExcerpt)},
        {QStringLiteral("response_excerpt"), withoutAuthorization(attempt.responseExcerpt)}};
    return object;
}

QJsonObject jobJson(const Job& job, bool withAttempts)
{
    const RequestView request = requestView(job);
    QJsonObject requestObject{{QStringLiteral("method"), request.method},
                              {QStringLiteral("target"), request.target},
                              {QStringLiteral("body"), request.body}};
    if (!request.idempotencyId.isEmpty())
        requestObject.insert(QStringLiteral("idempotency_id"), request.idempotencyId);
    if (!request.problem.isEmpty())
        requestObject.insert(QStringLiteral("problem"), request.problem);
    QJsonObject object{{QStringLiteral("id"), qint64(job.id)},
                       {QStringLiteral("operation"), job.operation},
                       {QStringLiteral("api"), job.api},
                       {QStringLiteral("state"), store::jobStateName(job.state)},
                       {QStringLiteral("customer_id"), job.customerId},
                       {QStringLiteral("event_id"), job.eventId},
                       {QStringLiteral("idempotency_key"), job.idempotencyKey},
                       {QStringLiteral("attempts"), job.attempts},
                       {QStringLiteral("not_before_ms"), qint64(job.notBeforeMs)},
                       {QStringLiteral("created_at_ms"), qint64(job.createdAtMs)},
                       {QStringLiteral("updated_at_ms"), qint64(job.updatedAtMs)},
                       {QStringLiteral("last_error_class"), job.lastErrorClass},
                       {QStringLiteral("last_error"), job.lastError},
                       {QStringLiteral("discard_reason"), job.discardReason},
                       {QStringLiteral("request"), requestObject}};
    if (withAttempts) {
        QJsonArray attempts;
        for (const store::JobAttempt& attempt : job.attemptLog)
            attempts.append(attemptJson(attempt));
        object.insert(QStringLiteral("attempt_log"), attempts);
    }
    return object;
}

JobQueue openForReading(const QString& path)
{
    return JobQueue(store::Database::openForReading(path));
}

} // namespace

QString number(std::int64_t value)
{
    return QLocale::system().toString(qint64(value));
}

RequestView requestView(const Job& job)
{
    RequestView view;
    QString error;
    if (job.api == QLatin1String("slack")) {
        if (const std::optional<slack::SlackPost> post = slack::slackPostOf(job.payload, &error)) {
            view.method = QStringLiteral("POST");
            view.target =
                QStringLiteral("Slack webhook \"%1\" (hooks.slack.com/services/•••)").arg(post->webhook);
            view.api = QStringLiteral("Slack");
            view.body = QString::fromUtf8(post->body);
        } else {
            view.problem = error;
            view.body = QString::fromUtf8(QJsonDocument(job.payload).toJson(QJsonDocument::Compact));
        }
        return view;
    }
    const auto request = delivery::requestOf(job, &error);
    if (!request) {
        view.problem = error;
        view.body = QString::fromUtf8(QJsonDocument(job.payload).toJson(QJsonDocument::Compact));
        return view;
    }
    view.method = QString::fromLatin1(request->verb);
    view.target = QString::fromLatin1(request->wireTarget());
    view.api = request->api == customerio::CustomerIoApi::App ? QStringLiteral("App API")
                                                              : QStringLiteral("Track API");
    view.body = QString::fromUtf8(request->body);
    view.idempotencyId = request->idempotencyId;
    return view;
}

QString cell(const QString& text, int width)
{
    QString flat = util::maskEmailsIn(QUrl::fromPercentEncoding(text.toUtf8()));
    static const QRegularExpression blanks(QStringLiteral("\\s+"));
    flat.replace(blanks, QStringLiteral(" "));
    if (flat.size() > width)
        flat = flat.left(width - 1) + QChar(0x2026);
    return flat;
}

std::optional<std::vector<std::int64_t>> parseIds(const QStringList& arguments)
{
    std::vector<std::int64_t> ids;
    for (const QString& part : listValues(arguments)) {
        bool ok = false;
        const qint64 id = (part.startsWith(QLatin1Char('#')) ? part.mid(1) : part).toLongLong(&ok);
        if (!ok || id < 1) {
            printError(QStringLiteral("'%1' is not a job id; job ids are whole numbers such as 42 (see "
                                      "'billbridge-cli queue list')")
                           .arg(part));
            return std::nullopt;
        }
        if (std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(id);
    }
    return ids;
}

void addJobFilterOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("state"),
                      QStringLiteral("Only jobs in this state: %1 (repeatable, comma-separated).")
                          .arg(kStateNames.join(QStringLiteral(", "))),
                      QStringLiteral("state")});
    parser.addOption({QStringLiteral("operation"),
                      QStringLiteral("Only jobs of this operation, e.g. track.identify or app.sendEmail."),
                      QStringLiteral("op")});
    parser.addOption({QStringLiteral("customer"), QStringLiteral("Only jobs for this customer id."),
                      QStringLiteral("id")});
    parser.addOption({QStringLiteral("error-class"),
                      QStringLiteral("Only jobs whose last error has this class (as shown by 'queue list')."),
                      QStringLiteral("class")});
    addTimeRangeOptions(parser, QStringLiteral("jobs changed"));
}

std::optional<int> readJobFilter(const QCommandLineParser& parser, store::JobFilter& filter)
{
    for (const QString& name : listValues(parser.values(QStringLiteral("state")))) {
        const auto state = store::jobStateFromName(name.toLower());
        if (!state) {
            printError(QStringLiteral("'%1' is not a job state; use one of %2")
                           .arg(name, kStateNames.join(QStringLiteral(", "))));
            return ExitUsage;
        }
        if (std::find(filter.states.begin(), filter.states.end(), *state) == filter.states.end())
            filter.states.push_back(*state);
    }
    filter.operation = parser.value(QStringLiteral("operation")).trimmed();
    if (!filter.operation.isEmpty() && !filter.operation.startsWith(QLatin1String("track.")) &&
        !filter.operation.startsWith(QLatin1String("app."))) {
        printError(
            QStringLiteral("'%1' is not an operation; operations look like track.identify, track.track "
                           "or app.sendEmail")
                .arg(filter.operation));
        return ExitUsage;
    }
    filter.customerId = parser.value(QStringLiteral("customer")).trimmed();
    filter.errorClass = parser.value(QStringLiteral("error-class")).trimmed();
    TimeRange changed;
    if (const auto exit = readTimeRange(parser, changed))
        return *exit;
    filter.fromMs = changed.sinceMs();
    filter.toMs = changed.untilMs();
    return std::nullopt;
}

namespace {

int stats(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Count the Customer.io jobs in each state and say whether the queue is paused."));
    addCommonOptions(parser);
    addJsonOption(parser, false);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("'queue stats' takes no arguments"));
        return ExitUsage;
    }
    const QString path = databasePath(parser);
    try {
        JobQueue queue = openForReading(path);
        const auto counts = queue.counts();
        const store::PauseState pause = queue.pauseState();
        std::int64_t total = 0;
        for (const auto& [state, count] : counts)
            total += count;
        if (jsonRequested(parser)) {
            QJsonObject byState;
            for (const auto& [state, count] : counts)
                byState.insert(store::jobStateName(state), qint64(count));
            printJson({{QStringLiteral("store"), path},
                       {QStringLiteral("total"), qint64(total)},
                       {QStringLiteral("counts"), byState},
                       {QStringLiteral("paused"), pause.paused},
                       {QStringLiteral("pause_reason"), pause.paused ? pause.reason : QString()},
                       {QStringLiteral("pause_changed_at_ms"), qint64(pause.changedAtMs)}});
            return ExitOk;
        }
        printOut(QStringLiteral("store            %1").arg(path));
        if (pause.paused)
            printOut(QStringLiteral("queue            PAUSED since %1: %2")
                         .arg(isoTimeMs(pause.changedAtMs),
                              pause.reason.isEmpty() ? QStringLiteral("(no reason given)") : pause.reason));
        else
            printOut(QStringLiteral("queue            running"));
        for (const auto& [state, count] : counts)
            printOut(
                QStringLiteral("%1 %2").arg(store::jobStateName(state).leftJustified(16)).arg(number(count)));
        printOut(QStringLiteral("%1 %2").arg(QStringLiteral("total").leftJustified(16), number(total)));
        if (pause.paused)
            printInfo(
                QStringLiteral("Workers claim nothing while the queue is paused. Fix the cause, then run "
                               "'billbridge-cli queue resume'."));
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

int list(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List Customer.io jobs, most recently changed first. Email addresses are masked in the table; --json "
        "prints each job's stored request as it is."));
    addCommonOptions(parser);
    addJobFilterOptions(parser);
    addLimitOption(parser, QStringLiteral("jobs"), 50);
    addJsonOption(parser, true);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("'queue list' takes no positional arguments; filter with --state, "
                                  "--operation, --customer, --error-class, --since and --until"));
        return ExitUsage;
    }
    store::JobFilter filter;
    if (const auto exit = readJobFilter(parser, filter))
        return *exit;
    const std::optional<int> limit = readLimit(parser);
    if (!limit)
        return ExitUsage;
    const bool json = jsonRequested(parser);
    try {
        JobQueue queue = openForReading(databasePath(parser));
        int shown = 0;
        std::optional<store::JobCursor> cursor;
        if (!json)
            printOut(QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8")
                         .arg(QStringLiteral("ID").rightJustified(7),
                              QStringLiteral("UPDATED").leftJustified(24),
                              QStringLiteral("STATE").leftJustified(15),
                              QStringLiteral("OPERATION").leftJustified(22),
                              QStringLiteral("CUSTOMER").leftJustified(20), QStringLiteral("TRIES"),
                              QStringLiteral("ERROR").leftJustified(14), QStringLiteral("REQUEST")));
        do {
            const store::JobPage page = queue.list(filter, cursor, std::min(*limit - shown, 500));
            for (const Job& job : page.jobs) {
                if (json) {
                    printJson(jobJson(job, false));
                    continue;
                }
                const RequestView request = requestView(job);
                const QString summary =
                    request.problem.isEmpty()
                        ? request.method + QLatin1Char(' ') + request.target + QLatin1Char(' ') + request.body
                        : QStringLiteral("(damaged: %1)").arg(request.problem);
                printOut(
                    QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8")
                        .arg(QString::number(job.id).rightJustified(7),
                             isoTimeMs(job.updatedAtMs).leftJustified(24),
                             store::jobStateName(job.state).leftJustified(15),
                             cell(job.operation, 22).leftJustified(22),
                             cell(job.customerId.isEmpty() ? QStringLiteral("-") : job.customerId, 20)
                                 .leftJustified(20),
                             QString::number(job.attempts).rightJustified(5),
                             cell(job.lastErrorClass.isEmpty() ? QStringLiteral("-") : job.lastErrorClass, 14)
                                 .leftJustified(14),
                             cell(summary, 100)));
            }
            shown += static_cast<int>(page.jobs.size());
            cursor = page.next;
        } while (cursor && shown < *limit);
        if (!json && cursor)
            printInfo(
                QStringLiteral("more jobs match; raise --limit (now %1) or narrow the filter").arg(*limit));
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

int show(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Show one job: its state, the exact request it sends (no credentials: they are added when sending) "
        "and every attempt."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("job-id"),
                                 QStringLiteral("The job's id (see 'queue list')."));
    addJsonOption(parser, false);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("'queue show' takes exactly one job id"));
        return ExitUsage;
    }
    const auto ids = parseIds(parser.positionalArguments());
    if (!ids || ids->size() != 1) {
        if (ids)
            printError(QStringLiteral("'queue show' takes exactly one job id"));
        return ExitUsage;
    }
    try {
        JobQueue queue = openForReading(databasePath(parser));
        const auto job = queue.find(ids->front());
        if (!job) {
            printError(
                QStringLiteral("no job %1 in the store; 'billbridge-cli queue list' shows the jobs there are")
                    .arg(ids->front()));
            return ExitFailure;
        }
        if (jsonRequested(parser)) {
            printJson(jobJson(*job, true));
            return ExitOk;
        }
        const RequestView request = requestView(*job);
        const auto line = [](const char* label, const QString& value) {
            printOut(QStringLiteral("%1 %2").arg(QString::fromLatin1(label).leftJustified(16), value));
        };
        line("job", QString::number(job->id));
        line("operation",
             job->operation + (request.api.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(request.api)));
        line("state", store::jobStateName(job->state));
        line("customer", job->customerId.isEmpty() ? QStringLiteral("-") : job->customerId);
        line("stripe event",
             job->eventId.isEmpty() ? QStringLiteral("- (made by an operator)") : job->eventId);
        line("idempotency key", job->idempotencyKey);
        line("created", isoTimeMs(job->createdAtMs));
        line("updated", isoTimeMs(job->updatedAtMs));
        if (!job->ruleId.isEmpty())
            line("rule", QStringLiteral("%1 (version %2)").arg(job->ruleId).arg(job->ruleVersion));
        if (job->heldBy != 0)
            line("due", QStringLiteral("after job %1 (identity lookup)").arg(job->heldBy));
        else if (job->state == JobState::Pending || job->state == JobState::RetryScheduled)
            line("due",
                 job->notBeforeMs <= job->updatedAtMs ? QStringLiteral("now") : isoTimeMs(job->notBeforeMs));
        line("attempts", QString::number(job->attempts));
        if (!job->lastErrorClass.isEmpty() || !job->lastError.isEmpty())
            line("last error",
                 QStringLiteral("%1: %2").arg(job->lastErrorClass, withoutAuthorization(job->lastError)));
        if (!job->discardReason.isEmpty())
            line("discard reason", job->discardReason);
        printOut(QString());
        if (!request.problem.isEmpty()) {
            printOut(
                QStringLiteral("request: cannot be sent: %1. The stored payload is:").arg(request.problem));
            printOut(request.body);
        } else {
            printOut(
                QStringLiteral("request (%1; the credentials are added when it is sent)").arg(request.api));
            printOut(QStringLiteral("  %1 %2").arg(request.method, request.target));
            if (!request.idempotencyId.isEmpty())
                printOut(
                    QStringLiteral("  event id (Customer.io drops repeats): %1").arg(request.idempotencyId));
            if (request.body.isEmpty()) {
                printOut(QStringLiteral("  (no body)"));
            } else {
                const bool isJson = !QJsonDocument::fromJson(request.body.toUtf8()).isNull();
                const QString pretty = isJson ? util::indentJson(request.body.toUtf8(), 4) : request.body;
                for (const QString& bodyLine : pretty.split(QLatin1Char('\n')))
                    printOut(QStringLiteral("  ") + bodyLine);
            }
        }
        printOut(QString());
        if (job->attemptLog.empty()) {
            printOut(QStringLiteral("attempts: none yet"));
            return ExitOk;
        }
        printOut(QStringLiteral("attempts"));
        int index = 0;
        for (const store::JobAttempt& attempt : job->attemptLog) {
            printOut(QStringLiteral("  #%1  %2  %3  %4 ms  %5")
                         .arg(++index)
                         .arg(isoTimeMs(attempt.startedAtMs),
                              attempt.httpStatus ? QStringLiteral("HTTP %1").arg(*attempt.httpStatus)
                                                 : QStringLiteral("no answer"))
                         .arg(attempt.durationMs)
                         .arg(attempt.errorClass.isEmpty() ? QStringLiteral("ok") : attempt.errorClass));
            if (!attempt.responseExcerpt.isEmpty())
                printOut(QStringLiteral("       response: %1")
                             .arg(withoutAuthorization(attempt.responseExcerpt).simplified()));
        }
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

} // namespace

} // namespace queuecli

int runQueue(const QStringList& arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QLatin1String("stats"))
        return queuecli::stats(rest);
    if (sub == QLatin1String("list"))
        return queuecli::list(rest);
    if (sub == QLatin1String("show"))
        return queuecli::show(rest);
    if (sub == QLatin1String("retry"))
        return queuecli::retry(rest);
    if (sub == QLatin1String("discard"))
        return queuecli::discard(rest);
    if (sub == QLatin1String("resolve"))
        return queuecli::resolve(rest);
    if (sub == QLatin1String("pause"))
        return queuecli::pauseOrResume(rest, true);
    if (sub == QLatin1String("resume"))
        return queuecli::pauseOrResume(rest, false);
    if (sub == QLatin1String("work"))
        return runQueueWork(rest);
    printError(
        QStringLiteral("'queue' needs one of stats, list, show, retry, discard, resolve, pause, resume or "
                       "work (see 'billbridge-cli queue list --help')"));
    return ExitUsage;
}

} // namespace billbridge::cli
