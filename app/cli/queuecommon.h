#pragma once

// What the reading queue commands (queuecommand.cpp) and the changing ones (queuechangecommands.cpp) share.

#include "store/jobqueue.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace billbridge::cli::queuecli {

// A job's stored payload as the request it sends.
struct RequestView {
    QString method;
    QString target; // the wire target: /api/v1/… or /v1/…
    QString api;    // "Track API" / "App API"
    QString body;
    QString idempotencyId;
    QString problem; // why the stored payload is not a request
};

RequestView requestView(const store::Job& job);

// A count in the operator's locale, e.g. "1,000".
QString number(std::int64_t value);
// For a table cell: one line, emails masked (also inside percent-encoded paths), cut to `width`.
QString cell(const QString& text, int width);
// Job ids as given on the command line: "12", "12,13", "#12"; nullopt, after saying why, on a bad one.
std::optional<std::vector<std::int64_t>> parseIds(const QStringList& arguments);

// --state, --operation, --customer, --error-class, --since, --until
void addJobFilterOptions(QCommandLineParser& parser);
std::optional<int> readJobFilter(const QCommandLineParser& parser, store::JobFilter& filter);

int retry(const QStringList& arguments);
int discard(const QStringList& arguments);
int resolve(const QStringList& arguments);
int pauseOrResume(const QStringList& arguments, bool pause);

} // namespace billbridge::cli::queuecli
