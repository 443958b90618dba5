#include "queue/jobtext.h"

#include "util/jsonindent.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace billbridge::widgets {

QString operationTitle(const QString& operation)
{
    // Literal calls, so that lupdate finds every string.
    if (operation == QLatin1String("track.identify"))
        return QCoreApplication::translate("billbridge::widgets::JobText", "Identify person");
    if (operation == QLatin1String("track.destroy"))
        return QCoreApplication::translate("billbridge::widgets::JobText", "Delete person");
    if (operation == QLatin1String("track.track"))
        return QCoreApplication::translate("billbridge::widgets::JobText", "Custom event");
    if (operation == QLatin1String("track.suppress"))
        return QCoreApplication::translate("billbridge::widgets::JobText", "Suppress person");
    if (operation == QLatin1String("track.unsuppress"))
        return QCoreApplication::translate("billbridge::widgets::JobText", "Unsuppress person");
    if (operation == QLatin1String("track.addCustomersToSegment"))
        return QCoreApplication::translate("billbridge::widgets::JobText", "Add to segment");
    if (operation == QLatin1String("track.removeCustomersFromSegment"))
        return QCoreApplication::translate("billbridge::widgets::JobText", "Remove from segment");
    if (operation == QLatin1String("app.sendEmail"))
        return QCoreApplication::translate("billbridge::widgets::JobText", "Transactional email");
    if (operation == QLatin1String("app.triggerBroadcast"))
        return QCoreApplication::translate("billbridge::widgets::JobText", "Trigger broadcast");
    if (operation == QLatin1String("slack.post"))
        return QCoreApplication::translate("billbridge::widgets::JobText", "Slack message");
    if (operation == QLatin1String("app.getCustomersByEmail"))
        return QCoreApplication::translate("billbridge::widgets::JobText", "Look up people by email");
    if (operation == QLatin1String("app.listBroadcasts"))
        return QCoreApplication::translate("billbridge::widgets::JobText", "List broadcasts");
    if (operation == QLatin1String("app.listTransactionalMessages"))
        return QCoreApplication::translate("billbridge::widgets::JobText", "List transactional messages");
    if (operation == QLatin1String("app.listSegments"))
        return QCoreApplication::translate("billbridge::widgets::JobText", "List segments");
    return operation;
}

QStringList knownOperations()
{
    return {QStringLiteral("track.identify"),
            QStringLiteral("track.track"),
            QStringLiteral("track.destroy"),
            QStringLiteral("track.suppress"),
            QStringLiteral("track.unsuppress"),
            QStringLiteral("track.addCustomersToSegment"),
            QStringLiteral("track.removeCustomersFromSegment"),
            QStringLiteral("app.sendEmail"),
            QStringLiteral("app.triggerBroadcast"),
            QStringLiteral("app.getCustomersByEmail")};
}

QString jobStateTitle(store::JobState state)
{
    switch (state) {
    case store::JobState::Pending:
        return QCoreApplication::translate("billbridge::widgets::JobText", "Pending");
    case store::JobState::InFlight:
        return QCoreApplication::translate("billbridge::widgets::JobText", "In flight");
    case store::JobState::Succeeded:
        return QCoreApplication::translate("billbridge::widgets::JobText", "Succeeded");
    case store::JobState::RetryScheduled:
        return QCoreApplication::translate("billbridge::widgets::JobText", "Retry scheduled");
    case store::JobState::Dead:
        return QCoreApplication::translate("billbridge::widgets::JobText", "Dead");
    case store::JobState::NeedsReview:
        return QCoreApplication::translate("billbridge::widgets::JobText", "Needs review");
    case store::JobState::Discarded:
        return QCoreApplication::translate("billbridge::widgets::JobText", "Discarded");
    }
    return {};
}

QString jobStateExplanation(store::JobState state)
{
    switch (state) {
    case store::JobState::Pending:
        return QCoreApplication::translate("billbridge::widgets::JobText", "Waiting to be sent.");
    case store::JobState::InFlight:
        return QCoreApplication::translate("billbridge::widgets::JobText",
                                           "Being sent to Customer.io right now.");
    case store::JobState::Succeeded:
        return QCoreApplication::translate("billbridge::widgets::JobText",
                                           "Customer.io accepted the request.");
    case store::JobState::RetryScheduled:
        return QCoreApplication::translate(
            "billbridge::widgets::JobText",
            "A send failed for a passing reason; it is tried again after the next attempt time.");
    case store::JobState::Dead:
        return QCoreApplication::translate(
            "billbridge::widgets::JobText",
            "Sending failed for good (rejected, or too many failures). Fix the cause, then retry it.");
    case store::JobState::NeedsReview:
        return QCoreApplication::translate(
            "billbridge::widgets::JobText",
            "Billbridge cannot tell whether this request reached Customer.io. Check there, then mark "
            "it as sent or send it again.");
    case store::JobState::Discarded:
        return QCoreApplication::translate("billbridge::widgets::JobText",
                                           "An operator decided this request is never to be sent.");
    }
    return {};
}

QString indentJson(const QByteArray& json)
{
    return util::indentJson(json);
}

QString lastErrorText(const store::Job& job)
{
    if (job.lastErrorClass.isEmpty() || job.lastError.startsWith(job.lastErrorClass))
        return job.lastError.isEmpty() ? job.lastErrorClass : job.lastError;
    if (job.lastError.isEmpty())
        return job.lastErrorClass;
    return job.lastErrorClass + QStringLiteral(": ") + job.lastError;
}

} // namespace billbridge::widgets
