#include "clicommon.h"

namespace billbridge::cli {

int runBackfill(const QStringList& arguments)
{
    Q_UNUSED(arguments);
    printError(QStringLiteral("'backfill' is not available in this build yet."));
    return ExitFailure;
}

} // namespace billbridge::cli
