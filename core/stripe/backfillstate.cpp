#include "stripe/backfillstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace billbridge::stripe {

namespace {

QString isoOrNull(const QDateTime& when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QStringList BackfillState::normaliseTypes(QStringList types)
{
    for (QString& type : types)
        type = type.trimmed();
    types.removeAll(QString());
    types.sort();
    types.removeDuplicates();
    return types;
}

bool BackfillState::sameRequest(std::int64_t otherSince, const QString& otherLabel,
                                const QStringList& otherTypes) const
{
    if (normaliseTypes(types) != normaliseTypes(otherTypes))
        return false;
    if (!sinceLabel.isEmpty() && !otherLabel.isEmpty())
        return sinceLabel.trimmed() == otherLabel.trimmed();
    return since == otherSince;
}

double BackfillState::fractionDone() const
{
    if (isComplete())
        return 1.0;
    const double span = static_cast<double>(newestCreated - since);
    if (pages == 0 || span <= 0)
        return 0.0;
    return std::clamp(static_cast<double>(newestCreated - reachedCreated) / span, 0.0, 1.0);
}

QString BackfillState::toJson() const
{
    QJsonObject object{
        {QStringLiteral("since"), qint64(since)},
        {QStringLiteral("since_label"), sinceLabel},
        {QStringLiteral("types"), QJsonArray::fromStringList(types)},
        {QStringLiteral("cursor"), cursor},
        {QStringLiteral("stored"), qint64(stored)},
        {QStringLiteral("duplicates"), qint64(duplicates)},
        {QStringLiteral("skipped"), qint64(skipped)},
        {QStringLiteral("pages"), qint64(pages)},
        {QStringLiteral("newest_created"), qint64(newestCreated)},
        {QStringLiteral("reached_created"), qint64(reachedCreated)},
        {QStringLiteral("started"), isoOrNull(started)},
        {QStringLiteral("completed"), completed.isValid() ? QJsonValue(isoOrNull(completed)) : QJsonValue()},
    };
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<BackfillState> BackfillState::fromJson(const QString& json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    if (!object.value(QLatin1String("since")).isDouble())
        return std::nullopt;
    BackfillState state;
    state.since = object.value(QLatin1String("since")).toInteger();
    state.sinceLabel = object.value(QLatin1String("since_label")).toString();
    for (const QJsonValue& type : object.value(QLatin1String("types")).toArray())
        state.types << type.toString();
    state.cursor = object.value(QLatin1String("cursor")).toString();
    state.stored = object.value(QLatin1String("stored")).toInteger();
    state.duplicates = object.value(QLatin1String("duplicates")).toInteger();
    state.skipped = object.value(QLatin1String("skipped")).toInteger();
    state.pages = object.value(QLatin1String("pages")).toInteger();
    state.newestCreated = object.value(QLatin1String("newest_created")).toInteger();
    state.reachedCreated = object.value(QLatin1String("reached_created")).toInteger();
    state.started =
        QDateTime::fromString(object.value(QLatin1String("started")).toString(), Qt::ISODateWithMs);
    state.completed =
        QDateTime::fromString(object.value(QLatin1String("completed")).toString(), Qt::ISODateWithMs);
    return state;
}

} // namespace billbridge::stripe
