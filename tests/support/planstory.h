#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>

namespace billbridge::test {

// Small Stripe events (API 2026-07-29.dahlia shapes, only the members the sync planner and the mapping
// scans read) for stores in which customers are on different prices.
QByteArray customerCreatedEvent(const QString& eventId, const QString& customerId, const QString& email,
                                std::int64_t created);
QByteArray customerDeletedEvent(const QString& eventId, const QString& customerId, std::int64_t created);
// An active monthly subscription with one item on `priceId` (of `productId`).
QByteArray subscriptionCreatedEvent(const QString& eventId, const QString& customerId,
                                    const QString& subscriptionId, const QString& priceId,
                                    const QString& productId, const QString& nickname,
                                    std::int64_t unitAmount, std::int64_t created);
// A paid invoice whose one line names the price under pricing.price_details, as API 2025-03 and later do.
QByteArray invoicePaidEvent(const QString& eventId, const QString& customerId, const QString& invoiceId,
                            const QString& priceId, const QString& productId, std::int64_t amount,
                            std::int64_t created);

// Stores the events through the real writer with the sync engine installed, as `serve` does, each in its
// own write (as webhooks arrive). False, with a warning, when anything fails.
bool writeSyncedEvents(const QString& path, const QList<QByteArray>& raws);

// The plan story used by the re-sync and mapping tests, written with the sync engine:
//   alice, carol  on price_Basic (nickname "basic-monthly", product prod_Basic), 1900 usd
//   bob           on price_Pro (product prod_Pro), 4900 usd
//   dave          on price_Basic, later deleted in Stripe
//   erin          on price_Other (product prod_Other)
//   frank         no subscription; one paid invoice whose line names price_Basic
// Mappings are whatever the store holds when the events are written.
struct PlanStory {
    static const QString alice, bob, carol, dave, erin, frank;
    static const QString basicPrice, proPrice, otherPrice;
    static const QString basicProduct, proProduct, otherProduct;
    static QList<QByteArray> events();
};

} // namespace billbridge::test
