#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

// Plain state records the generator keeps while it plays a customer's story; the JSON writers render
// them as Stripe objects at the moment of each event.
namespace billbridge::demo {

struct DemoProduct {
    QString id;
    QString name; // "Larkspur Pro"
    QString tier; // "Pro"
    int rank = 0; // higher is a bigger plan
    std::int64_t created = 0;
};

struct DemoPrice {
    QString id;
    const DemoProduct* product = nullptr;
    QString currency; // "usd", "eur"
    QString interval; // "month", "year"
    std::int64_t unitAmount = 0;
    QString nickname;  // "Pro monthly"
    QString lookupKey; // "pro_monthly_usd"
    std::int64_t created = 0;
};

struct DemoAddress {
    QString line1;
    QString line2;
    QString city;
    QString state;
    QString postalCode;
    QString country;
};

struct DemoCard {
    QString paymentMethodId;
    QString brand;
    QString last4;
    QString funding;
    QString country;
    QString fingerprint;
    int expMonth = 1;
    int expYear = 2030;
};

struct DemoCustomer {
    QString id;
    QString name;
    QString email;
    QString phone; // empty: no phone
    DemoAddress address;
    QString locale;
    QString invoicePrefix;
    QString appUserId;
    QString signupChannel; // "checkout" or "api"
    QString currency;      // empty until the first subscription
    std::int64_t created = 0;
    int nextInvoiceSequence = 1;
    DemoCard card;
    bool hasCard = false; // a card was collected (it becomes the subscription's default)
    bool delinquent = false;
};

struct DemoCancellation {
    QString reason; // empty: none
    QString feedback;
    QString comment;
};

struct DemoSubscription {
    QString id;
    QString itemId;
    QString workspace;
    const DemoPrice* price = nullptr;
    int quantity = 1;
    QString status;
    std::int64_t created = 0;
    std::int64_t billingCycleAnchor = 0;
    std::int64_t periodStart = 0;
    std::int64_t periodEnd = 0;
    std::optional<std::int64_t> trialStart;
    std::optional<std::int64_t> trialEnd;
    QString trialEndBehavior = QStringLiteral("create_invoice");
    QString latestInvoice;
    QString defaultPaymentMethod;
    std::optional<std::int64_t> cancelAt;
    bool cancelAtPeriodEnd = false;
    std::optional<std::int64_t> canceledAt;
    std::optional<std::int64_t> endedAt;
    DemoCancellation cancellation;
};

struct DemoInvoice {
    QString id; // empty for the preview sent with invoice.upcoming
    QString lineId;
    QString number;
    QString hostedToken;
    QString subscriptionId;
    QString subscriptionItemId;
    QString workspace;
    const DemoPrice* price = nullptr;
    int quantity = 1;
    std::int64_t amount = 0;
    QString billingReason;
    QString status = QStringLiteral("draft");
    std::int64_t created = 0;
    std::int64_t periodStart = 0; // the invoice's own period (the one that ended)
    std::int64_t periodEnd = 0;
    std::int64_t lineStart = 0; // the service period the line bills
    std::int64_t lineEnd = 0;
    int attemptCount = 0;
    bool attempted = false;
    bool autoAdvance = true;
    std::optional<std::int64_t> nextPaymentAttempt;
    std::optional<std::int64_t> finalizedAt;
    std::optional<std::int64_t> paidAt;
    std::optional<std::int64_t> webhooksDeliveredAt;
    std::int64_t amountPaid = 0;
};

struct DemoRefund {
    QString id;
    QString balanceTransaction;
    std::int64_t amount = 0;
    std::int64_t created = 0;
    QString reason;
    QString cardReference;
};

struct DemoCharge {
    QString id;
    QString paymentIntentId;
    QString balanceTransaction;
    QString description;
    QString receiptToken;
    QString authorizationCode;
    QString networkTransactionId;
    std::int64_t amount = 0;
    QString currency;
    std::int64_t created = 0;
    bool succeeded = true;
    QString failureCode;
    QString failureMessage;
    QString declineCode;
    int riskScore = 20;
    std::vector<DemoRefund> refunds;
    bool disputed = false;
};

struct DemoDispute {
    QString id;
    std::int64_t amount = 0;
    QString currency;
    QString chargeId;
    QString paymentIntentId;
    std::int64_t created = 0;
    QString reason;
    QString networkReasonCode;
};

struct DemoCheckout {
    QString id;
    QString invoiceId;
    QString subscriptionId;
    std::int64_t created = 0;
    std::int64_t amountTotal = 0;
    QString paymentStatus;
    QString lookupKey;
};

} // namespace billbridge::demo
