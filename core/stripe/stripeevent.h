#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

namespace billbridge::stripe {

// The fields Billbridge indexes, read from a Stripe snapshot event. The raw bytes stay the source of
// truth; these are derived from them once, at intake.
struct StripeEventFields {
    QString id;
    QString type;
    std::int64_t created = 0;
    bool livemode = false;
    QString apiVersion;
    QString account;
    QString objectType;
    QString objectId;
    QString customerId;
    // The customer's address as the object carries it (customer, invoice, checkout session or charge);
    // empty for other objects. Kept as sent: matching is case-insensitive in the store.
    QString customerEmail;
    // What the object is worth and where it stands, for the browser's columns: the first integer of
    // amount_due (invoices), amount_total (checkout sessions), amount (charges, refunds, disputes, payment
    // intents) or total, in the currency's smallest unit; and data.object.status as sent.
    std::optional<std::int64_t> amount;
    QString currency;
    QString status;
};

struct StripeEventParse {
    std::optional<StripeEventFields> fields;
    // Empty when fields is set; otherwise a short reason safe to log and return to the sender (it
    // never quotes the payload, which may carry personal data).
    QString error;
};

StripeEventParse parseStripeEvent(const QByteArray& raw);

} // namespace billbridge::stripe
