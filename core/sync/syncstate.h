#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <compare>
#include <cstdint>
#include <optional>

namespace billbridge::sync {

// The newest Stripe event applied to one object. Stripe delivers out of order and more than once, so an
// event only changes what the profile says when it is newer than this; ties on `created` (whole seconds)
// are broken by the event id so that every delivery order picks the same winner.
struct Watermark {
    std::int64_t created = 0; // Unix seconds
    QString eventId;

    bool isSet() const { return !eventId.isEmpty(); }
    friend bool operator==(const Watermark&, const Watermark&) = default;
    friend std::strong_ordering operator<=>(const Watermark& a, const Watermark& b)
    {
        if (const auto byTime = a.created <=> b.created; byTime != 0)
            return byTime;
        const int byId = QString::compare(a.eventId, b.eventId);
        return byId < 0 ? std::strong_ordering::less
                        : (byId > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
    }
};

// An amount in a currency's smallest unit, as Stripe writes it.
struct MinorAmount {
    QString currency; // lower case, as Stripe writes it
    std::int64_t minor = 0;
    friend bool operator==(const MinorAmount&, const MinorAmount&) = default;
};

// Per customer: what Billbridge last told Customer.io and what it needs to stay correct whatever order the
// events arrive in. Every derived figure is kept as a function of per-object facts (newest wins, or the
// maximum seen) rather than as a running total, so that applying the same events in any order ends in the
// same state.
//
// Lifetime value: the sum of `amount_paid` of paid invoices, minus the sum of `amount_refunded` of refunded
// charges. Invoices are the one source of income: since API 2025-03-31 a charge no longer names its
// invoice, so counting charges as well would count subscription payments twice. Refunds are keyed by
// charge and `amount_refunded` is cumulative, so a partial refund followed by a second one is counted once
// at its latest total. Disputes do not change it (the money is held, not necessarily lost).
struct SyncState {
    static constexpr int kVersion = 1;

    QMap<QString, Watermark>
        watermarks;                // Stripe object id (cus_, sub_, in_, ch_, du_, cs_) -> newest applied
    Watermark subscriptionProfile; // newest subscription event whose plan the profile shows
    Watermark paymentOutcome;      // newest invoice paid/failed event: decides failedPaymentCount
    int failedPaymentCount = 0;    // attempt_count of the newest failure; 0 once an invoice is paid
    std::optional<std::int64_t> lastPaymentAt;  // Unix seconds of the newest paid invoice with money in it
    QMap<QString, MinorAmount> paidInvoices;    // invoice id -> amount_paid
    QMap<QString, MinorAmount> refundedCharges; // charge id -> amount_refunded (the largest seen)
    QMap<QString, int> failedInvoices; // invoice id -> attempt_count, while a failed invoice awaits payment
    QJsonObject attributes;            // the attributes as last sent to Customer.io
    bool deleted = false;              // the Stripe customer was deleted: nothing more is sent

    // Lifetime value in minor units per currency (see above).
    QMap<QString, std::int64_t> lifetimeValueMinor() const;

    // Compact JSON with a "v" member, for a table column.
    QByteArray toJson() const;
    // nullopt with `error` set for JSON that is not an object, is from another version or has members of
    // the wrong type.
    static std::optional<SyncState> fromJson(const QByteArray& json, QString* error = nullptr);

    friend bool operator==(const SyncState&, const SyncState&) = default;
};

} // namespace billbridge::sync
