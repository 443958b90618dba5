#pragma once

#include <QByteArray>
#include <QRandomGenerator>

namespace billbridge::test {

QByteArray randomId(QRandomGenerator& random, const char* prefix, int length = 24);

// An invoice.paid snapshot event shaped like Stripe's (API 2026-07-29.dahlia), with fresh random ids,
// grown with invoice line items until it is at least `targetBytes` long (Stripe's are typically 3–6 KB).
QByteArray syntheticInvoicePaidEvent(QRandomGenerator& random, int index, int targetBytes);

// A small valid event, for tests that care about ids and types rather than realism.
QByteArray minimalEvent(const QByteArray& id, const QByteArray& type = QByteArrayLiteral("invoice.paid"),
                        const QByteArray& customer = QByteArrayLiteral("cus_MinimalCustomer1"),
                        bool livemode = false, qint64 created = 1790000000);

} // namespace billbridge::test
