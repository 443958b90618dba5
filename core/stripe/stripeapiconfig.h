#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <chrono>
#include <cstdint>

namespace billbridge::stripe {

// Every request pins this API version (Stripe-Version), so that list envelopes and error shapes do not
// change under Billbridge when the account's default version moves. Event payloads are unaffected: Stripe
// renders each event's data in the version it was created with.
inline constexpr char kStripeApiVersion[] = "2026-07-29.dahlia";
inline constexpr char kStripeDefaultApiBase[] = "https://api.stripe.com";

// How Billbridge reaches Stripe's REST API. A plain value: each client keeps its own copy.
struct StripeApiConfig {
    static constexpr std::chrono::milliseconds kDefaultTimeout{30'000};
    // A page of 100 large invoice events stays well under this; anything bigger is not an Events API answer.
    static constexpr std::int64_t kDefaultMaxResponseBytes = 32 * 1024 * 1024;

    QUrl baseUrl = QUrl(QString::fromLatin1(kStripeDefaultApiBase));
    // Where baseUrl came from, for messages ("the default", "BILLBRIDGE_STRIPE_API_BASE", …).
    QString baseUrlSource = QStringLiteral("the default");
    QString apiKey;
    std::chrono::milliseconds timeout = kDefaultTimeout; // whole request, first byte to last
    std::int64_t maxResponseBytes = kDefaultMaxResponseBytes;
    QByteArray userAgent = defaultUserAgent();

    // Builds a configuration for `apiKey`. The API base is, first match wins: `explicitBase`, the
    // environment variable BILLBRIDGE_STRIPE_API_BASE, the setting `stripe/apiBase`, the default.
    // The environment beats the stored setting because it is the narrower choice (one process, e.g. a
    // test run against a local server), the same order the store path follows (--db, BILLBRIDGE_DB).
    static StripeApiConfig resolve(const QString& apiKey, const QString& explicitBase = {});

    // Empty when the configuration can be used; otherwise what is wrong and how to fix it. The key is
    // judged by checkApiKey() (stripekeys.h), the same rules the credentials loader applies.
    QString validate() const;

    // "Billbridge/<version>".
    static QByteArray defaultUserAgent();
};

} // namespace billbridge::stripe
