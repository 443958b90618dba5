#include "events/valuefilter.h"

#include <QDateTime>

#include <algorithm>

namespace billbridge::widgets {

namespace {

// The last key of a path; empty when the path ends in an array position or a bracketed key.
QString lastKey(const QString& path)
{
    if (path.endsWith(QLatin1Char(']')))
        return {};
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    const qsizetype bracket = path.lastIndexOf(QLatin1Char(']'));
    return path.mid(std::max(dot, bracket) + 1);
}

} // namespace

std::optional<store::EventFilter> filterForValue(const QString& path, const QString& scalarText,
                                                 bool isString, const QString& objectType)
{
    const QString key = lastKey(path);
    store::EventFilter filter;

    if (!isString) {
        if (key == QLatin1String("livemode") &&
            (scalarText == QLatin1String("true") || scalarText == QLatin1String("false"))) {
            filter.livemode = scalarText == QLatin1String("true");
            return filter;
        }
        if (key == QLatin1String("created")) {
            bool ok = false;
            const qint64 seconds = scalarText.toLongLong(&ok);
            if (!ok)
                return std::nullopt;
            const QDate day = QDateTime::fromSecsSinceEpoch(seconds).date();
            filter.createdFrom = day.startOfDay().toSecsSinceEpoch();
            filter.createdTo = day.addDays(1).startOfDay().toSecsSinceEpoch();
            return filter;
        }
        return std::nullopt;
    }

    if (scalarText.isEmpty())
        return std::nullopt;
    if (path == QLatin1String("type")) {
        filter.types = QStringList{scalarText};
        return filter;
    }
    if (key == QLatin1String("customer") ||
        (path == QLatin1String("data.object.id") && objectType == QLatin1String("customer"))) {
        filter.customerId = scalarText;
        return filter;
    }
    if (key == QLatin1String("email") || key == QLatin1String("customer_email") ||
        key == QLatin1String("receipt_email")) {
        filter.customerEmail = scalarText;
        return filter;
    }
    filter.text = scalarText;
    return filter;
}

} // namespace billbridge::widgets
