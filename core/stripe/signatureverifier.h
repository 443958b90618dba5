#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>
#include <cstdint>

namespace billbridge::stripe {

enum class SignatureFailure {
    None,
    NoSecretConfigured,
    MissingHeader,
    MalformedHeader,
    NoV1Signature,
    Mismatch,
    Stale,
};

struct SignatureCheck {
    SignatureFailure failure = SignatureFailure::None;
    std::int64_t timestamp = 0;
    // Which configured secret matched (0-based), for operators rotating secrets.
    int matchedSecret = -1;

    bool isValid() const { return failure == SignatureFailure::None; }
    // Stable machine-readable code, used in HTTP answers and counters.
    QString code() const;
    // One sentence for a person.
    QString explanation() const;
};

// Checks a Stripe-Signature header over the raw body: HMAC-SHA256 of "<t>.<body>", any v1 may match
// (Stripe sends one per active secret while a secret is rolled), other schemes are ignored so that a
// downgrade to v0 cannot pass. Like Stripe's libraries it bounds only the age of t, not clock skew ahead.
class SignatureVerifier final {
public:
    static constexpr std::chrono::seconds kDefaultTolerance{300};

    // A tolerance of zero turns the age check off (not recommended; replayed requests then pass).
    explicit SignatureVerifier(QList<QByteArray> secrets, std::chrono::seconds tolerance = kDefaultTolerance);

    SignatureCheck verify(const QByteArray& header, const QByteArray& body, std::int64_t nowSeconds) const;

    static QByteArray sign(const QByteArray& secret, std::int64_t timestamp, const QByteArray& body);
    // "t=<timestamp>,v1=<hex>" for each secret, as Stripe sends it; used by tests and benchmarks.
    static QByteArray header(const QList<QByteArray>& secrets, std::int64_t timestamp,
                             const QByteArray& body);

private:
    QList<QByteArray> m_secrets;
    std::chrono::seconds m_tolerance;
};

} // namespace billbridge::stripe
