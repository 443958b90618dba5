#include "clicommon.h"

namespace billbridge::cli {

int runServe(const QStringList& arguments)
{
    Q_UNUSED(arguments);
    printError(QStringLiteral("'serve' is not available in this build yet."));
    return ExitFailure;
}

} // namespace billbridge::cli
