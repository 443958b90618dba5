#include "clicommon.h"

#include "store/database.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <cstdio>

namespace billbridge::cli {

void printError(const QString& message)
{
    std::fprintf(stderr, "billbridge-cli: error: %s\n", message.toLocal8Bit().constData());
    std::fflush(stderr);
}

void printInfo(const QString& message)
{
    std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
    std::fflush(stderr);
}

void printOut(const QString& line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
}

void addCommonOptions(QCommandLineParser& parser)
{
    parser.addHelpOption();
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("Store file to use (default: $BILLBRIDGE_DB, else %1).")
                          .arg(store::Database::defaultPath()),
                      QStringLiteral("path")});
}

std::optional<int> parseOrExit(QCommandLineParser& parser, const QStringList& arguments)
{
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("billbridge-cli"));
    if (!parser.parse(withProgram)) {
        printError(parser.errorText() + QStringLiteral(" (see --help)"));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitOk;
    }
    return std::nullopt;
}

QString databasePath(const QCommandLineParser& parser)
{
    return store::Database::resolvePath(parser.value(QStringLiteral("db")));
}

std::optional<qint64> parseSince(const QString& text, qint64 nowSeconds)
{
    static const QRegularExpression relative(QStringLiteral("^(\\d+)([dhm])$"));
    const auto match = relative.match(text.trimmed());
    if (match.hasMatch()) {
        const qint64 amount = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0);
        const qint64 scale = unit == QLatin1Char('d') ? 86400 : unit == QLatin1Char('h') ? 3600 : 60;
        return nowSeconds - amount * scale;
    }
    QDateTime when = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!when.isValid())
        return std::nullopt;
    if (when.timeSpec() == Qt::LocalTime && !text.contains(QLatin1Char('T')))
        when.setTimeZone(QTimeZone::utc());
    return when.toSecsSinceEpoch();
}

} // namespace billbridge::cli
