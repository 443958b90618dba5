#include "sync/syncstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace billbridge::sync {

namespace {

QJsonValue watermarkToJson(const Watermark& mark)
{
    return QJsonArray{static_cast<qint64>(mark.created), mark.eventId};
}

bool watermarkFromJson(const QJsonValue& value, Watermark* mark)
{
    const QJsonArray pair = value.toArray();
    if (!value.isArray() || pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
        return false;
    mark->created = pair.at(0).toInteger();
    mark->eventId = pair.at(1).toString();
    return true;
}

QJsonObject amountsToJson(const QMap<QString, MinorAmount>& amounts)
{
    QJsonObject out;
    for (auto it = amounts.begin(); it != amounts.end(); ++it)
        out.insert(it.key(), QJsonArray{it->currency, static_cast<qint64>(it->minor)});
    return out;
}

bool amountsFromJson(const QJsonValue& value, QMap<QString, MinorAmount>* amounts)
{
    if (value.isUndefined())
        return true;
    if (!value.isObject())
        return false;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonArray pair = it.value().toArray();
        if (pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isDouble())
            return false;
        amounts->insert(it.key(), MinorAmount{pair.at(0).toString(), pair.at(1).toInteger()});
    }
    return true;
}

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

QMap<QString, std::int64_t> SyncState::lifetimeValueMinor() const
{
    QMap<QString, std::int64_t> total;
    for (const MinorAmount& paid : paidInvoices)
        total[paid.currency] += paid.minor;
    for (const MinorAmount& refunded : refundedCharges)
        total[refunded.currency] -= refunded.minor;
    return total;
}

QByteArray SyncState::toJson() const
{
    QJsonObject root;
    root.insert(QStringLiteral("v"), kVersion);
    QJsonObject marks;
    for (auto it = watermarks.begin(); it != watermarks.end(); ++it)
        marks.insert(it.key(), watermarkToJson(*it));
    root.insert(QStringLiteral("wm"), marks);
    if (subscriptionProfile.isSet())
        root.insert(QStringLiteral("sub"), watermarkToJson(subscriptionProfile));
    if (paymentOutcome.isSet())
        root.insert(QStringLiteral("pay"), watermarkToJson(paymentOutcome));
    root.insert(QStringLiteral("failed"), failedPaymentCount);
    if (lastPaymentAt)
        root.insert(QStringLiteral("last_paid"), static_cast<qint64>(*lastPaymentAt));
    root.insert(QStringLiteral("paid"), amountsToJson(paidInvoices));
    root.insert(QStringLiteral("refunded"), amountsToJson(refundedCharges));
    QJsonObject awaiting;
    for (auto it = failedInvoices.begin(); it != failedInvoices.end(); ++it)
        awaiting.insert(it.key(), *it);
    root.insert(QStringLiteral("awaiting"), awaiting);
    root.insert(QStringLiteral("attrs"), attributes);
    if (deleted)
        root.insert(QStringLiteral("deleted"), true);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<SyncState> SyncState::fromJson(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        fail(error, QStringLiteral("sync state is not a JSON object"));
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("v")).toInt(-1) != kVersion) {
        fail(error, QStringLiteral("sync state has version %1; expected %2")
                        .arg(root.value(QStringLiteral("v")).toVariant().toString())
                        .arg(kVersion));
        return std::nullopt;
    }
    auto bad = [&](const char* member) {
        fail(error, QStringLiteral("sync state member \"%1\" is malformed").arg(QLatin1String(member)));
        return std::nullopt;
    };

    SyncState state;
    const QJsonValue marks = root.value(QStringLiteral("wm"));
    if (!marks.isUndefined() && !marks.isObject())
        return bad("wm");
    const QJsonObject markObject = marks.toObject();
    for (auto it = markObject.begin(); it != markObject.end(); ++it) {
        Watermark mark;
        if (!watermarkFromJson(it.value(), &mark))
            return bad("wm");
        state.watermarks.insert(it.key(), mark);
    }
    if (root.contains(QStringLiteral("sub")) &&
        !watermarkFromJson(root.value(QStringLiteral("sub")), &state.subscriptionProfile))
        return bad("sub");
    if (root.contains(QStringLiteral("pay")) &&
        !watermarkFromJson(root.value(QStringLiteral("pay")), &state.paymentOutcome))
        return bad("pay");
    const QJsonValue failed = root.value(QStringLiteral("failed"));
    if (!failed.isUndefined() && !failed.isDouble())
        return bad("failed");
    state.failedPaymentCount = failed.toInt();
    const QJsonValue lastPaid = root.value(QStringLiteral("last_paid"));
    if (!lastPaid.isUndefined()) {
        if (!lastPaid.isDouble())
            return bad("last_paid");
        state.lastPaymentAt = lastPaid.toInteger();
    }
    if (!amountsFromJson(root.value(QStringLiteral("paid")), &state.paidInvoices))
        return bad("paid");
    if (!amountsFromJson(root.value(QStringLiteral("refunded")), &state.refundedCharges))
        return bad("refunded");
    const QJsonValue awaiting = root.value(QStringLiteral("awaiting"));
    if (!awaiting.isUndefined() && !awaiting.isObject())
        return bad("awaiting");
    const QJsonObject awaitingObject = awaiting.toObject();
    for (auto it = awaitingObject.begin(); it != awaitingObject.end(); ++it) {
        if (!it.value().isDouble())
            return bad("awaiting");
        state.failedInvoices.insert(it.key(), it.value().toInt());
    }
    const QJsonValue attrs = root.value(QStringLiteral("attrs"));
    if (!attrs.isUndefined() && !attrs.isObject())
        return bad("attrs");
    state.attributes = attrs.toObject();
    const QJsonValue deleted = root.value(QStringLiteral("deleted"));
    if (!deleted.isUndefined() && !deleted.isBool())
        return bad("deleted");
    state.deleted = deleted.toBool();
    return state;
}

} // namespace billbridge::sync
