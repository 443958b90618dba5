#include "clicommon.h"
#include "signalwatcher.h"
#include "store/eventexporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QLocale>
#include <QTimer>

#include <atomic>
#include <thread>
#include <unistd.h>

namespace billbridge::cli {

namespace {

std::optional<store::ExportFormat> formatFor(const QCommandLineParser& parser, const QString& output)
{
    if (parser.isSet(QStringLiteral("format")))
        return store::exportFormatFromString(parser.value(QStringLiteral("format")));
    // Without --format the file name decides, so that "-o events.csv" does what it says.
    return store::exportFormatFromString(QFileInfo(output).suffix());
}

QString progressLine(std::int64_t written, std::int64_t total)
{
    const QLocale locale = QLocale::system();
    if (total < 0)
        return QStringLiteral("exported %1 events").arg(locale.toString(qint64(written)));
    return QStringLiteral("exported %1 of %2 events")
        .arg(locale.toString(qint64(written)), locale.toString(qint64(total)));
}

} // namespace

int runEventsExport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Export stored events, newest first, to a file. JSON lines hold each payload as Stripe sent it; CSV "
        "holds one row per event with Billbridge's metadata. Email addresses, names, phone numbers and "
        "postal addresses are masked unless --unmask is given; an unmasked export is recorded in the audit "
        "log."));
    addCommonOptions(parser);
    addFilterOptions(parser);
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("jsonl or csv (default: from the output file's extension)."),
                      QStringLiteral("format")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("The file to write."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("id"),
                      QStringLiteral("Export exactly these events instead of a filter (repeatable, "
                                     "comma-separated evt_… ids)."),
                      QStringLiteral("evt")});
    parser.addOption({QStringLiteral("force"), QStringLiteral("Replace the output file if it exists.")});
    parser.addOption({QStringLiteral("unmask"),
                      QStringLiteral("Write email addresses and names as stored. Recorded in the audit log "
                                     "with your user name, the file and the filter.")});
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("'events export' takes no positional arguments; give the file with "
                                  "--output FILE"));
        return ExitUsage;
    }

    store::ExportRequest request;
    request.outputPath = parser.value(QStringLiteral("output"));
    if (request.outputPath.isEmpty()) {
        printError(QStringLiteral("'events export' needs --output FILE"));
        return ExitUsage;
    }
    const auto format = formatFor(parser, request.outputPath);
    if (!format) {
        printError(
            parser.isSet(QStringLiteral("format"))
                ? QStringLiteral("unknown format '%1'; use --format jsonl or --format csv")
                      .arg(parser.value(QStringLiteral("format")))
                : QStringLiteral("cannot tell the format from '%1'; add --format jsonl or --format csv")
                      .arg(request.outputPath));
        return ExitUsage;
    }
    request.format = *format;
    const QFileInfo output(request.outputPath);
    if (output.isDir()) {
        printError(
            QStringLiteral("%1 is a folder; give a file name such as %2")
                .arg(request.outputPath,
                     QDir(request.outputPath).filePath(QStringLiteral("events.") + toString(*format))));
        return ExitUsage;
    }
    if (output.exists() && !parser.isSet(QStringLiteral("force"))) {
        printError(QStringLiteral("%1 already exists; choose another file or add --force to replace it")
                       .arg(request.outputPath));
        return ExitUsage;
    }
    if (const auto exit = readFilterOptions(parser, request.filter))
        return *exit;
    if (parser.isSet(QStringLiteral("id"))) {
        request.eventIds = listValues(parser.values(QStringLiteral("id")));
    }
    request.masking = parser.isSet(QStringLiteral("unmask")) ? store::ExportMasking::Unmasked
                                                             : store::ExportMasking::Masked;
    request.storePath = databasePath(parser);

    // The export runs on its own thread so that this one can turn Ctrl-C into a clean cancel (no partial
    // file) and print progress.
    std::atomic<bool> cancel = false;
    std::atomic<std::int64_t> written = 0;
    std::atomic<std::int64_t> total = -1;
    store::ExportResult result;
    QEventLoop loop;
    std::thread worker([&] {
        result = store::EventExporter(request).run(&cancel, [&](const store::ExportProgress& progress) {
            written = progress.written;
            total = progress.total.value_or(-1);
        });
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });

    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, [&](int) { cancel = true; });
    const bool terminal = ::isatty(STDERR_FILENO);
    std::int64_t shown = -1;
    QTimer progressTimer;
    QObject::connect(&progressTimer, &QTimer::timeout, [&] {
        if (written == shown)
            return;
        shown = written;
        if (terminal)
            std::fprintf(stderr, "\r%s", qPrintable(progressLine(written, total)));
        else
            printInfo(progressLine(written, total));
    });
    progressTimer.start(terminal ? 200 : 1000);
    loop.exec();
    worker.join();
    progressTimer.stop();
    if (terminal && shown >= 0)
        std::fputc('\n', stderr);

    switch (result.status) {
    case store::ExportResult::Status::Completed:
        if (result.missing > 0)
            printInfo(QStringLiteral("note: %1 of the given ids are not in the store").arg(result.missing));
        printInfo(QStringLiteral("exported %1 events to %2%3")
                      .arg(QLocale::system().toString(qint64(result.written)),
                           QDir::toNativeSeparators(output.absoluteFilePath()),
                           request.masking == store::ExportMasking::Unmasked
                               ? QStringLiteral(" (unmasked; recorded in the audit log)")
                               : QStringLiteral(" (emails and names masked)")));
        return ExitOk;
    case store::ExportResult::Status::Cancelled:
        printError(QStringLiteral("export interrupted after %1 events; nothing was written to %2")
                       .arg(result.written)
                       .arg(request.outputPath));
        return ExitInterrupted;
    case store::ExportResult::Status::Failed:
        break;
    }
    printError(result.error);
    return result.failure == store::ExportResult::Failure::Store ? ExitStore : ExitFailure;
}

} // namespace billbridge::cli
