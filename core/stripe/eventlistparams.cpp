#include "stripe/eventlistparams.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace billbridge::stripe {

namespace {

bool isEventName(const QString& text, bool allowWildcard)
{
    static const QRegularExpression exact(QStringLiteral("^[a-z0-9_]+(\\.[a-z0-9_]+)*$"));
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9_.*]+$"));
    return (allowWildcard ? pattern : exact).match(text).hasMatch();
}

void appendPair(QByteArray& query, const QByteArray& key, const QString& value)
{
    if (!query.isEmpty())
        query += '&';
    query += key;
    query += '=';
    query += QUrl::toPercentEncoding(value);
}

} // namespace

QString EventListParams::setTypeFilter(const QStringList& namesOrPattern)
{
    QStringList names;
    for (const QString& entry : namesOrPattern) {
        const QString trimmed = entry.trimmed();
        if (!trimmed.isEmpty() && !names.contains(trimmed))
            names << trimmed;
    }
    types.clear();
    type.clear();
    const bool anyPattern = std::any_of(names.cbegin(), names.cend(),
                                        [](const QString& name) { return name.contains(QLatin1Char('*')); });
    if (anyPattern) {
        if (names.size() > 1)
            return QStringLiteral(
                "Stripe takes either one pattern with '*' (such as invoice.*) or a list of exact "
                "event names, not both; run one backfill per pattern.");
        type = names.first();
    } else {
        types = names;
    }
    return validate();
}

QStringList EventListParams::typeFilter() const
{
    return type.isEmpty() ? types : QStringList{type};
}

QString EventListParams::validate() const
{
    if (limit < 1 || limit > kMaxLimit)
        return QStringLiteral("limit must be between 1 and %1 (was %2)").arg(kMaxLimit).arg(limit);
    if (!startingAfter.isEmpty() && !endingBefore.isEmpty())
        return QStringLiteral("starting_after and ending_before cannot be combined");
    if (!type.isEmpty() && !types.isEmpty())
        return QStringLiteral("type and types cannot be combined");
    if (types.size() > kMaxTypes)
        return QStringLiteral(
                   "Stripe accepts at most %1 event names in one request (got %2); use a pattern such "
                   "as invoice.* or fewer names")
            .arg(kMaxTypes)
            .arg(types.size());
    for (const QString& name : types) {
        if (!isEventName(name, false))
            return QStringLiteral("'%1' is not an event name such as invoice.paid").arg(name);
    }
    if (!type.isEmpty() && !isEventName(type, true))
        return QStringLiteral("'%1' is not an event name or pattern such as invoice.*").arg(type);
    if (createdGte && createdLt && *createdGte >= *createdLt)
        return QStringLiteral("the created range is empty");
    return {};
}

QByteArray EventListParams::toQuery() const
{
    QByteArray query;
    if (createdGte)
        appendPair(query, "created[gte]", QString::number(*createdGte));
    if (createdLt)
        appendPair(query, "created[lt]", QString::number(*createdLt));
    for (qsizetype i = 0; i < types.size(); ++i)
        appendPair(query, "types[" + QByteArray::number(i) + ']', types.at(i));
    if (!type.isEmpty())
        appendPair(query, "type", type);
    if (!startingAfter.isEmpty())
        appendPair(query, "starting_after", startingAfter);
    if (!endingBefore.isEmpty())
        appendPair(query, "ending_before", endingBefore);
    appendPair(query, "limit", QString::number(limit));
    return query;
}

} // namespace billbridge::stripe
