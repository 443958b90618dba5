#include "stripe/signatureverifier.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <utility>

namespace billbridge::stripe {

namespace {

bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

bool isDecimal(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

QString SignatureCheck::code() const
{
    switch (failure) {
    case SignatureFailure::None:
        return QStringLiteral("valid");
    case SignatureFailure::NoSecretConfigured:
        return QStringLiteral("no_webhook_secret_configured");
    case SignatureFailure::MissingHeader:
        return QStringLiteral("missing_signature");
    case SignatureFailure::MalformedHeader:
        return QStringLiteral("malformed_signature_header");
    case SignatureFailure::NoV1Signature:
        return QStringLiteral("no_v1_signature");
    case SignatureFailure::Mismatch:
        return QStringLiteral("signature_mismatch");
    case SignatureFailure::Stale:
        return QStringLiteral("stale_timestamp");
    }
    return {};
}

QString SignatureCheck::explanation() const
{
    switch (failure) {
    case SignatureFailure::None:
        return QStringLiteral("The signature matches a configured webhook secret.");
    case SignatureFailure::NoSecretConfigured:
        return QStringLiteral(
            "No webhook signing secret is configured, so no request can be trusted. Set one "
            "with 'billbridge-cli connections set stripe' or STRIPE_WEBHOOK_SECRET.");
    case SignatureFailure::MissingHeader:
        return QStringLiteral("The request has no Stripe-Signature header.");
    case SignatureFailure::MalformedHeader:
        return QStringLiteral("The Stripe-Signature header has no valid t=<timestamp> item.");
    case SignatureFailure::NoV1Signature:
        return QStringLiteral("The Stripe-Signature header carries no v1 signature (v0 and other schemes are "
                              "not accepted).");
    case SignatureFailure::Mismatch:
        return QStringLiteral(
            "No v1 signature matches a configured webhook secret: the secret is wrong, or the "
            "body was changed on the way.");
    case SignatureFailure::Stale:
        return QStringLiteral("The signature's timestamp is older than the tolerance: a replayed request, or "
                              "this machine's clock is wrong.");
    }
    return {};
}

SignatureVerifier::SignatureVerifier(QList<QByteArray> secrets, std::chrono::seconds tolerance)
    : m_secrets(std::move(secrets))
    , m_tolerance(tolerance)
{
    // An empty key is no secret: anyone can compute its HMAC.
    m_secrets.removeAll(QByteArray());
}

namespace {

// HMAC-SHA256 over "<timestamp>.<body>". OpenSSL's SHA-256 uses the CPU's SHA instructions where
// present, several times faster than a portable implementation on 3–6 KB webhook bodies.
QByteArray hmacSha256(const QByteArray& secret, std::int64_t timestamp, const QByteArray& body)
{
    const QByteArray message = QByteArray::number(timestamp) + '.' + body;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), secret.constData(), static_cast<int>(secret.size()),
              reinterpret_cast<const unsigned char*>(message.constData()),
              static_cast<size_t>(message.size()), digest, &length))
        return {};
    return QByteArray(reinterpret_cast<const char*>(digest), static_cast<qsizetype>(length));
}

} // namespace

QByteArray SignatureVerifier::sign(const QByteArray& secret, std::int64_t timestamp, const QByteArray& body)
{
    return hmacSha256(secret, timestamp, body).toHex();
}

QByteArray SignatureVerifier::header(const QList<QByteArray>& secrets, std::int64_t timestamp,
                                     const QByteArray& body)
{
    QByteArray value = "t=" + QByteArray::number(timestamp);
    for (const QByteArray& secret : secrets)
        value += ",v1=" + sign(secret, timestamp, body);
    return value;
}

SignatureCheck SignatureVerifier::verify(const QByteArray& header, const QByteArray& body,
                                         std::int64_t nowSeconds) const
{
    SignatureCheck check;
    if (m_secrets.isEmpty()) {
        check.failure = SignatureFailure::NoSecretConfigured;
        return check;
    }
    if (header.trimmed().isEmpty()) {
        check.failure = SignatureFailure::MissingHeader;
        return check;
    }

    bool haveTimestamp = false;
    QList<QByteArray> candidates;
    for (const QByteArray& item : header.split(',')) {
        const qsizetype equals = item.indexOf('=');
        if (equals <= 0)
            continue;
        const QByteArray key = item.left(equals).trimmed();
        const QByteArray value = item.mid(equals + 1).trimmed();
        if (key == "t") {
            if (!isDecimal(value) || haveTimestamp) {
                check.failure = SignatureFailure::MalformedHeader;
                return check;
            }
            check.timestamp = value.toLongLong();
            haveTimestamp = true;
        } else if (key == "v1") {
            candidates.append(QByteArray::fromHex(value));
        }
    }
    if (!haveTimestamp) {
        check.failure = SignatureFailure::MalformedHeader;
        return check;
    }
    if (candidates.isEmpty()) {
        check.failure = SignatureFailure::NoV1Signature;
        return check;
    }

    check.failure = SignatureFailure::Mismatch;
    for (int secretIndex = 0; secretIndex < m_secrets.size() && check.matchedSecret < 0; ++secretIndex) {
        const QByteArray expected = hmacSha256(m_secrets[secretIndex], check.timestamp, body);
        if (expected.isEmpty())
            continue;
        for (const QByteArray& candidate : std::as_const(candidates)) {
            if (constantTimeEquals(expected, candidate)) {
                check.matchedSecret = secretIndex;
                break;
            }
        }
    }
    if (check.matchedSecret < 0)
        return check;

    if (m_tolerance.count() > 0 && nowSeconds - check.timestamp > m_tolerance.count()) {
        check.failure = SignatureFailure::Stale;
        return check;
    }
    check.failure = SignatureFailure::None;
    return check;
}

} // namespace billbridge::stripe
