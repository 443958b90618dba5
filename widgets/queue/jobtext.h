#pragma once

#include "store/jobrecord.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace billbridge::widgets {

// Words for the queue's vocabulary. Operators think in "Transactional email", not in the request builder's
// name (app.sendEmail); the raw names stay available in tooltips for support and the CLI.

// "Identify person" for track.identify; an unknown operation is shown as it is.
QString operationTitle(const QString& operation);
// The operations a filter can offer, in the order the console lists them.
QStringList knownOperations();
QString jobStateTitle(store::JobState state);
// One sentence on what the state means for the operator.
QString jobStateExplanation(store::JobState state);
// The job's last error with its class, said once: "rate-limited (HTTP 429) …" rather than the class twice
// when the message already starts with it.
QString lastErrorText(const store::Job& job);

// Compact JSON laid out with two-space indents, members kept in the order they were written (QJsonObject
// would sort them, and the operator must see the body that went out). Text that is not JSON comes back
// as it is.
QString indentJson(const QByteArray& json);

} // namespace billbridge::widgets
