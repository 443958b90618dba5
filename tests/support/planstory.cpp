#include "support/planstory.h"

#include "store/eventwriter.h"
#include "support/tempstore.h"
#include "sync/syncengine.h"

#include <QDebug>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <exception>

namespace billbridge::test {

namespace {

constexpr std::int64_t kStoryStart = 1790000000;

QByteArray eventJson(const QString& eventId, const QString& type, const QJsonObject& object,
                     std::int64_t created)
{
    const QJsonObject event{{QStringLiteral("id"), eventId},
                            {QStringLiteral("object"), QStringLiteral("event")},
                            {QStringLiteral("api_version"), QStringLiteral("2026-07-29.dahlia")},
                            {QStringLiteral("created"), qint64(created)},
                            {QStringLiteral("livemode"), false},
                            {QStringLiteral("pending_webhooks"), 1},
                            {QStringLiteral("type"), type},
                            {QStringLiteral("data"), QJsonObject{{QStringLiteral("object"), object}}}};
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

} // namespace

const QString PlanStory::alice = QStringLiteral("cus_PlanAlice");
const QString PlanStory::bob = QStringLiteral("cus_PlanBob");
const QString PlanStory::carol = QStringLiteral("cus_PlanCarol");
const QString PlanStory::dave = QStringLiteral("cus_PlanDave");
const QString PlanStory::erin = QStringLiteral("cus_PlanErin");
const QString PlanStory::frank = QStringLiteral("cus_PlanFrank");
const QString PlanStory::basicPrice = QStringLiteral("price_Basic");
const QString PlanStory::proPrice = QStringLiteral("price_Pro");
const QString PlanStory::otherPrice = QStringLiteral("price_Other");
const QString PlanStory::basicProduct = QStringLiteral("prod_Basic");
const QString PlanStory::proProduct = QStringLiteral("prod_Pro");
const QString PlanStory::otherProduct = QStringLiteral("prod_Other");

QByteArray customerCreatedEvent(const QString& eventId, const QString& customerId, const QString& email,
                                std::int64_t created)
{
    return eventJson(eventId, QStringLiteral("customer.created"),
                     QJsonObject{{QStringLiteral("id"), customerId},
                                 {QStringLiteral("object"), QStringLiteral("customer")},
                                 {QStringLiteral("email"), email},
                                 {QStringLiteral("delinquent"), false},
                                 {QStringLiteral("created"), qint64(created)}},
                     created);
}

QByteArray customerDeletedEvent(const QString& eventId, const QString& customerId, std::int64_t created)
{
    return eventJson(eventId, QStringLiteral("customer.deleted"),
                     QJsonObject{{QStringLiteral("id"), customerId},
                                 {QStringLiteral("object"), QStringLiteral("customer")},
                                 {QStringLiteral("deleted"), true}},
                     created);
}

QByteArray subscriptionCreatedEvent(const QString& eventId, const QString& customerId,
                                    const QString& subscriptionId, const QString& priceId,
                                    const QString& productId, const QString& nickname,
                                    std::int64_t unitAmount, std::int64_t created)
{
    const QJsonObject price{
        {QStringLiteral("id"), priceId},
        {QStringLiteral("object"), QStringLiteral("price")},
        {QStringLiteral("product"), productId},
        {QStringLiteral("nickname"), nickname.isEmpty() ? QJsonValue() : QJsonValue(nickname)},
        {QStringLiteral("unit_amount"), qint64(unitAmount)},
        {QStringLiteral("currency"), QStringLiteral("usd")},
        {QStringLiteral("recurring"),
         QJsonObject{{QStringLiteral("interval"), QStringLiteral("month")},
                     {QStringLiteral("interval_count"), 1},
                     {QStringLiteral("usage_type"), QStringLiteral("licensed")}}}};
    const QJsonObject item{{QStringLiteral("id"), QString(QStringLiteral("si_") + subscriptionId.mid(4))},
                           {QStringLiteral("object"), QStringLiteral("subscription_item")},
                           {QStringLiteral("price"), price},
                           {QStringLiteral("quantity"), 1},
                           {QStringLiteral("current_period_start"), qint64(created)},
                           {QStringLiteral("current_period_end"), qint64(created + 30 * 86400)}};
    const QJsonObject subscription{
        {QStringLiteral("id"), subscriptionId},
        {QStringLiteral("object"), QStringLiteral("subscription")},
        {QStringLiteral("customer"), customerId},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("currency"), QStringLiteral("usd")},
        {QStringLiteral("cancel_at_period_end"), false},
        {QStringLiteral("canceled_at"), QJsonValue()},
        {QStringLiteral("trial_end"), QJsonValue()},
        {QStringLiteral("items"), QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                              {QStringLiteral("data"), QJsonArray{item}}}}};
    return eventJson(eventId, QStringLiteral("customer.subscription.created"), subscription, created);
}

QByteArray invoicePaidEvent(const QString& eventId, const QString& customerId, const QString& invoiceId,
                            const QString& priceId, const QString& productId, std::int64_t amount,
                            std::int64_t created)
{
    const QJsonObject line{
        {QStringLiteral("id"), QString(QStringLiteral("il_") + invoiceId.mid(3))},
        {QStringLiteral("object"), QStringLiteral("line_item")},
        {QStringLiteral("amount"), qint64(amount)},
        {QStringLiteral("currency"), QStringLiteral("usd")},
        {QStringLiteral("pricing"), QJsonObject{{QStringLiteral("type"), QStringLiteral("price_details")},
                                                {QStringLiteral("price_details"),
                                                 QJsonObject{{QStringLiteral("price"), priceId},
                                                             {QStringLiteral("product"), productId}}}}}};
    const QJsonObject invoice{
        {QStringLiteral("id"), invoiceId},
        {QStringLiteral("object"), QStringLiteral("invoice")},
        {QStringLiteral("customer"), customerId},
        {QStringLiteral("status"), QStringLiteral("paid")},
        {QStringLiteral("currency"), QStringLiteral("usd")},
        {QStringLiteral("amount_due"), qint64(amount)},
        {QStringLiteral("amount_paid"), qint64(amount)},
        {QStringLiteral("attempt_count"), 1},
        {QStringLiteral("billing_reason"), QStringLiteral("manual")},
        {QStringLiteral("status_transitions"), QJsonObject{{QStringLiteral("paid_at"), qint64(created)}}},
        {QStringLiteral("lines"), QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                              {QStringLiteral("data"), QJsonArray{line}}}}};
    return eventJson(eventId, QStringLiteral("invoice.paid"), invoice, created);
}

bool writeSyncedEvents(const QString& path, const QList<QByteArray>& raws)
{
    try {
        store::EventWriter writer(path);
        sync::SyncEngine::install(writer);
        writer.start();
        for (const QByteArray& raw : raws) {
            store::WriteRequest request;
            request.events.push_back(TempStore::incoming(raw));
            const store::WriteResult result = writer.write(std::move(request));
            if (!result.committed) {
                qWarning() << "test events were not stored:" << result.error;
                return false;
            }
        }
        writer.stop();
        return true;
    } catch (const std::exception& error) {
        qWarning() << "test events were not stored:" << error.what();
        return false;
    }
}

QList<QByteArray> PlanStory::events()
{
    std::int64_t at = kStoryStart;
    int serial = 0;
    auto next = [&](const char* what) {
        ++at;
        return QStringLiteral("evt_PlanStory%1%2").arg(QLatin1String(what)).arg(++serial);
    };
    QList<QByteArray> out;
    struct Subscriber {
        QString customer;
        QString email;
        QString price;
        QString product;
        QString nickname;
        std::int64_t amount;
    };
    const QList<Subscriber> subscribers = {
        {alice, QStringLiteral("alice@example.com"), basicPrice, basicProduct,
         QStringLiteral("basic-monthly"), 1900},
        {bob, QStringLiteral("bob@example.com"), proPrice, proProduct, QStringLiteral("pro-monthly"), 4900},
        {carol, QStringLiteral("carol@example.com"), basicPrice, basicProduct,
         QStringLiteral("basic-monthly"), 1900},
        {dave, QStringLiteral("dave@example.com"), basicPrice, basicProduct, QStringLiteral("basic-monthly"),
         1900},
        {erin, QStringLiteral("erin@example.com"), otherPrice, otherProduct, QString(), 900},
    };
    for (const Subscriber& s : subscribers) {
        out << customerCreatedEvent(next("Cus"), s.customer, s.email, at);
        out << subscriptionCreatedEvent(next("Sub"), s.customer, QStringLiteral("sub_") + s.customer.mid(4),
                                        s.price, s.product, s.nickname, s.amount, at);
        out << invoicePaidEvent(next("Inv"), s.customer, QStringLiteral("in_") + s.customer.mid(4), s.price,
                                s.product, s.amount, at);
    }
    out << customerCreatedEvent(next("Cus"), frank, QStringLiteral("frank@example.com"), at);
    out << invoicePaidEvent(next("Inv"), frank, QStringLiteral("in_") + frank.mid(4), basicPrice,
                            basicProduct, 2500, at);
    out << customerDeletedEvent(next("Del"), dave, at);
    return out;
}

} // namespace billbridge::test
