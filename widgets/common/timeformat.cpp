#include "common/timeformat.h"

#include <QDateTime>

namespace billbridge::widgets {

QString formatTableTime(std::int64_t unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace billbridge::widgets
