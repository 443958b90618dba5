#include "clicommon.h"

namespace billbridge::cli {

int runConnections(const QStringList& arguments)
{
    Q_UNUSED(arguments);
    printError(QStringLiteral("'connections' is not available in this build yet."));
    return ExitFailure;
}

} // namespace billbridge::cli
