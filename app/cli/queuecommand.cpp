#include "clicommon.h"
#include "customerio/customerioregion.h"
#include "delivery/deliveryservice.h"
#include "delivery/jobrequest.h"
#include "secrets/keychainsecretstore.h"
#include "signalwatcher.h"
#include "slack/slackpost.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/jobqueue.h"
#include "util/jsonindent.h"
#include "util/redact.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <unistd.h>

namespace billbridge::cli {

namespace {

using store::Job;
using store::JobQueue;
using store::JobState;

const QStringList kStateNames = {QStringLiteral("pending"),   QStringLiteral("in_flight"),
                                 QStringLiteral("succeeded"), QStringLiteral("retry_scheduled"),
                                 QStringLiteral("dead"),      QStringLiteral("needs_review"),
                                 QStringLiteral("discarded")};

// Large retries go in slices so that the intake writer is never kept waiting long for the write lock, and
// so that there is something to report between them.
constexpr int kRetrySlice = 1000;

QString isoTimeMs(std::int64_t ms)
{
    if (ms <= 0)
        return QStringLiteral("-");
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString number(std::int64_t value)
{
    return QLocale::system().toString(qint64(value));
}

bool isRetryable(JobState state)
{
    return state == JobState::Dead || state == JobState::NeedsReview || state == JobState::Discarded;
}

bool isDiscardable(JobState state)
{
    return state == JobState::Pending || state == JobState::RetryScheduled || state == JobState::Dead ||
           state == JobState::NeedsReview;
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

struct RequestView {
    QString method;
    QString target; // the wire target: /api/v1/… or /v1/…
    QString api;    // "Track API" / "App API"
    QString body;
    QString idempotencyId;
    QString problem; // why the stored payload is not a request
};

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

void printJson(const QJsonObject& object)
{
    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

// For a table cell: one line, emails masked (also inside percent-encoded paths), cut to `width`.
QString cell(const QString& text, int width)
{
    QString flat = util::maskEmailsIn(QUrl::fromPercentEncoding(text.toUtf8()));
    static const QRegularExpression blanks(QStringLiteral("\\s+"));
    flat.replace(blanks, QStringLiteral(" "));
    if (flat.size() > width)
        flat = flat.left(width - 1) + QChar(0x2026);
    return flat;
}

// Job ids as given on the command line: "12", "12,13".
std::optional<std::vector<std::int64_t>> parseIds(const QStringList& arguments)
{
    std::vector<std::int64_t> ids;
    for (const QString& argument : arguments) {
        for (const QString& part : argument.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            QString text = part.trimmed();
            if (text.startsWith(QLatin1Char('#')))
                text.remove(0, 1);
            bool ok = false;
            const qint64 id = text.toLongLong(&ok);
            if (!ok || id < 1) {
                printError(QStringLiteral("'%1' is not a job id; job ids are whole numbers such as 42 (see "
                                          "'billbridge-cli queue list')")
                               .arg(part.trimmed()));
                return std::nullopt;
            }
            if (std::find(ids.begin(), ids.end(), id) == ids.end())
                ids.push_back(id);
        }
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
    parser.addOption({QStringLiteral("since"),
                      QStringLiteral("Only jobs changed since 30d, 12h, 45m or a date."),
                      QStringLiteral("when")});
    parser.addOption({QStringLiteral("until"),
                      QStringLiteral("Only jobs changed before 30d, 12h, 45m ago or a date."),
                      QStringLiteral("when")});
}

bool hasJobFilterOptions(const QCommandLineParser& parser)
{
    for (const char* name : {"state", "operation", "customer", "error-class", "since", "until"})
        if (parser.isSet(QLatin1String(name)))
            return true;
    return false;
}

std::optional<int> readJobFilter(const QCommandLineParser& parser, store::JobFilter& filter)
{
    for (const QString& value : parser.values(QStringLiteral("state"))) {
        for (const QString& name : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto state = store::jobStateFromName(name.trimmed().toLower());
            if (!state) {
                printError(QStringLiteral("'%1' is not a job state; use one of %2")
                               .arg(name.trimmed(), kStateNames.join(QStringLiteral(", "))));
                return ExitUsage;
            }
            if (std::find(filter.states.begin(), filter.states.end(), *state) == filter.states.end())
                filter.states.push_back(*state);
        }
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
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const char* name : {"since", "until"}) {
        const QString option = QLatin1String(name);
        if (!parser.isSet(option))
            continue;
        const auto seconds = parseSince(parser.value(option), now);
        if (!seconds) {
            printError(QStringLiteral("--%1 takes 30d, 12h, 45m or a date such as 2026-10-01").arg(option));
            return ExitUsage;
        }
        if (option == QLatin1String("since"))
            filter.fromMs = *seconds * 1000;
        else
            filter.toMs = *seconds * 1000;
    }
    return std::nullopt;
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

JobQueue openForReading(const QString& path)
{
    return JobQueue(store::Database::openForReading(path));
}

// Operator actions never create a store: acting on a mistyped --db would otherwise report "no job 12" from a
// fresh, empty file.
JobQueue openForChanges(const QString& path)
{
    if (!QFileInfo::exists(path))
        throw store::StoreError(QStringLiteral("there is no store at %1; check --db or BILLBRIDGE_DB")
                                    .arg(QDir::toNativeSeparators(path)));
    return JobQueue::open(path);
}

int stats(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Count the Customer.io jobs in each state and say whether the queue is paused."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
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
        if (parser.isSet(QStringLiteral("json"))) {
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
    parser.addOption({QStringLiteral("limit"), QStringLiteral("At most this many jobs (default 50)."),
                      QStringLiteral("n"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object per line.")});
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
    bool ok = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1) {
        printError(QStringLiteral("--limit takes a whole number of at least 1"));
        return ExitUsage;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
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
            const store::JobPage page = queue.list(filter, cursor, std::min(limit - shown, 500));
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
        } while (cursor && shown < limit);
        if (!json && cursor)
            printInfo(
                QStringLiteral("more jobs match; raise --limit (now %1) or narrow the filter").arg(limit));
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
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
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
        if (parser.isSet(QStringLiteral("json"))) {
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
    try {
        JobQueue queue = openForChanges(path);
        int refused = 0;
        const std::vector<std::int64_t> usable =
            screen(queue, *ids, isRetryable, QStringLiteral("retried"),
                   QStringLiteral("only dead, needs_review and discarded jobs can be retried"), refused);
        const int moved = usable.empty() ? 0 : queue.retry(usable);
        if (moved > 0)
            audit(path, QStringLiteral("queue.retry"), QStringLiteral("jobs"),
                  {{QStringLiteral("ids"), idsJson(usable)}, {QStringLiteral("retried"), moved}});
        refused += static_cast<int>(usable.size()) - moved;
        printInfo(QStringLiteral("%1 of %2 job%3 will be sent again")
                      .arg(moved)
                      .arg(ids->size())
                      .arg(ids->size() == 1 ? QString() : QStringLiteral("s")));
        return refused > 0 ? ExitFailure : ExitOk;
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
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
    try {
        JobQueue queue = openForChanges(path);
        int refused = 0;
        const std::vector<std::int64_t> usable = screen(
            queue, *ids, isDiscardable, QStringLiteral("discarded"),
            QStringLiteral("only pending, retry_scheduled, dead and needs_review jobs can be discarded"),
            refused);
        const int changed = usable.empty() ? 0 : queue.discard(usable, reason);
        if (changed > 0)
            audit(path, QStringLiteral("queue.discard"), QStringLiteral("jobs"),
                  {{QStringLiteral("ids"), idsJson(usable)},
                   {QStringLiteral("discarded"), changed},
                   {QStringLiteral("reason"), reason}});
        refused += static_cast<int>(usable.size()) - changed;
        printInfo(QStringLiteral("%1 of %2 job%3 discarded")
                      .arg(changed)
                      .arg(ids->size())
                      .arg(ids->size() == 1 ? QString() : QStringLiteral("s")));
        return refused > 0 ? ExitFailure : ExitOk;
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
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
        const bool changed = sent ? queue.resolveSent(id) : queue.retry({id}) == 1;
        if (!changed) {
            printError(QStringLiteral("job %1 changed state meanwhile; nothing was done. Look again with "
                                      "'billbridge-cli queue show %1'")
                           .arg(id));
            return ExitFailure;
        }
        audit(path, QStringLiteral("queue.resolve"), QString::number(id),
              {{QStringLiteral("resolution"), sent ? QStringLiteral("sent") : QStringLiteral("send_again")},
               {QStringLiteral("operation"), job->operation}});
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
            queue.pause(reason.isEmpty() ? QStringLiteral("paused by %1").arg(store::AuditLog::currentActor())
                                         : reason);
            audit(path, QStringLiteral("queue.pause"), QString(), {{QStringLiteral("reason"), reason}});
            printInfo(
                QStringLiteral("queue paused; workers send nothing until 'billbridge-cli queue resume'"));
        } else {
            if (!before.paused) {
                printInfo(QStringLiteral("the queue is not paused; nothing to do"));
                return ExitOk;
            }
            queue.resume();
            audit(path, QStringLiteral("queue.resume"), QString(),
                  {{QStringLiteral("paused_for"), before.reason}});
            printInfo(QStringLiteral("queue resumed (it was paused: %1)").arg(before.reason));
        }
    } catch (const store::StoreError& error) {
        printError(error.message());
        return ExitStore;
    }
    return ExitOk;
}

} // namespace

int runQueue(const QStringList& arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QLatin1String("stats"))
        return stats(rest);
    if (sub == QLatin1String("list"))
        return list(rest);
    if (sub == QLatin1String("show"))
        return show(rest);
    if (sub == QLatin1String("retry"))
        return retry(rest);
    if (sub == QLatin1String("discard"))
        return discard(rest);
    if (sub == QLatin1String("resolve"))
        return resolve(rest);
    if (sub == QLatin1String("pause"))
        return pauseOrResume(rest, true);
    if (sub == QLatin1String("resume"))
        return pauseOrResume(rest, false);
    if (sub == QLatin1String("work"))
        return runQueueWork(rest);
    printError(
        QStringLiteral("'queue' needs one of stats, list, show, retry, discard, resolve, pause, resume or "
                       "work (see 'billbridge-cli queue list --help')"));
    return ExitUsage;
}

} // namespace billbridge::cli
