#include "stripe/stripekeys.h"

#include "util/redact.h"

#include <array>

namespace billbridge::stripe {

namespace {

struct Prefix {
    QLatin1String text;
    KeyKind kind;
    KeyMode mode;
};

// Longest first, so that "sk_test_" wins over the bare "sk_".
constexpr std::array kPrefixes{
    Prefix{QLatin1String("sk_test_"), KeyKind::SecretKey, KeyMode::Test},
    Prefix{QLatin1String("sk_live_"), KeyKind::SecretKey, KeyMode::Live},
    Prefix{QLatin1String("rk_test_"), KeyKind::RestrictedKey, KeyMode::Test},
    Prefix{QLatin1String("rk_live_"), KeyKind::RestrictedKey, KeyMode::Live},
    Prefix{QLatin1String("pk_test_"), KeyKind::PublishableKey, KeyMode::Test},
    Prefix{QLatin1String("pk_live_"), KeyKind::PublishableKey, KeyMode::Live},
    Prefix{QLatin1String("whsec_"), KeyKind::WebhookSecret, KeyMode::Unknown},
    Prefix{QLatin1String("sk_"), KeyKind::SecretKey, KeyMode::Unknown},
    Prefix{QLatin1String("rk_"), KeyKind::RestrictedKey, KeyMode::Unknown},
    Prefix{QLatin1String("pk_"), KeyKind::PublishableKey, KeyMode::Unknown},
};

// Stripe's oldest secret keys carried 24 characters after the prefix and webhook secrets 32; anything
// much shorter was cut off while copying.
constexpr qsizetype kMinimumBodyLength = 20;

// Enough of the tail to tell two keys apart, never so much that a short value is mostly shown.
constexpr qsizetype kTailLength = 4;
constexpr qsizetype kMinimumLengthForTail = 12;

const QString kApiKeyHint = QStringLiteral("Copy a secret key (sk_test_/sk_live_) or a restricted key "
                                           "(rk_test_/rk_live_) from the Stripe Dashboard, Developers → "
                                           "API keys.");
const QString kWebhookHint = QStringLiteral("Copy the endpoint's signing secret (whsec_…) from the Stripe "
                                            "Dashboard, Developers → Webhooks, or from the output of "
                                            "'stripe listen'.");

bool isKeyCharacter(QChar c, KeyKind kind)
{
    if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
        (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
        (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_'))
        return true;
    // Webhook secrets are base64-like; API keys are strictly alphanumeric.
    return kind == KeyKind::WebhookSecret &&
           (c == QLatin1Char('+') || c == QLatin1Char('/') || c == QLatin1Char('=') || c == QLatin1Char('-'));
}

// Masks with the prefix we recognised (not a guess from underscores), so an odd value shows no more
// than its tail.
QString maskWithPrefix(const QString& text, QLatin1String prefix)
{
    if (text.size() < prefix.size() + kMinimumLengthForTail)
        return prefix + QStringLiteral("…");
    return prefix + QStringLiteral("…") + text.right(kTailLength);
}

bool hasFullPrefix(const Prefix& prefix)
{
    return prefix.kind == KeyKind::WebhookSecret || prefix.mode != KeyMode::Unknown;
}

} // namespace

KeyCheck classifyKey(const QString& text)
{
    KeyCheck check;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        check.masked = util::maskSecret(QString());
        check.problem = QStringLiteral("It is empty.");
        return check;
    }

    const Prefix* found = nullptr;
    for (const Prefix& prefix : kPrefixes) {
        if (trimmed.startsWith(prefix.text)) {
            found = &prefix;
            break;
        }
    }
    if (found) {
        check.kind = found->kind;
        check.mode = found->mode;
        check.masked =
            hasFullPrefix(*found) ? util::maskSecret(trimmed) : maskWithPrefix(trimmed, found->text);
    } else {
        check.masked = maskWithPrefix(trimmed, QLatin1String(""));
    }

    for (const QChar c : text) {
        if (c.isSpace()) {
            check.problem = QStringLiteral("It contains a space or line break; copy it again without the "
                                           "surrounding blanks.");
            return check;
        }
    }
    if (!found)
        return check;

    for (const QChar c : trimmed) {
        if (!isKeyCharacter(c, check.kind)) {
            check.problem = QStringLiteral("It contains characters that never occur in Stripe keys; copy it "
                                           "again from the Stripe Dashboard.");
            return check;
        }
    }
    if (!hasFullPrefix(*found)) {
        check.problem = QStringLiteral("It starts with %1 but is neither a test nor a live key (%1test_ or "
                                       "%1live_ expected).")
                            .arg(found->text);
        return check;
    }
    if (trimmed.size() - found->text.size() < kMinimumBodyLength) {
        check.problem =
            QStringLiteral("It is too short for a Stripe key (%1 characters); it was probably cut "
                           "off while copying.")
                .arg(trimmed.size());
        return check;
    }
    return check;
}

KeyCheck checkApiKey(const QString& text)
{
    KeyCheck check = classifyKey(text);
    if (!check.problem.isEmpty()) {
        check.problem += QLatin1Char(' ') + kApiKeyHint;
        return check;
    }
    switch (check.kind) {
    case KeyKind::SecretKey:
    case KeyKind::RestrictedKey:
        break;
    case KeyKind::PublishableKey:
        check.problem =
            QStringLiteral("This is a publishable key (pk_…): it is meant for browsers and cannot "
                           "read events. Use a secret key (sk_test_/sk_live_) or a restricted "
                           "key (rk_test_/rk_live_) instead.");
        break;
    case KeyKind::WebhookSecret:
        check.problem = QStringLiteral("This is a webhook signing secret (whsec_…), not an API key. Give it "
                                       "as a webhook secret, and use a secret key (sk_test_/sk_live_) or a "
                                       "restricted key (rk_test_/rk_live_) as the API key.");
        break;
    case KeyKind::Unrecognised:
        check.problem = QStringLiteral("This is not a Stripe API key: it should start with sk_test_, "
                                       "sk_live_, rk_test_ or rk_live_. ") +
                        kApiKeyHint;
        break;
    }
    return check;
}

KeyCheck checkWebhookSecret(const QString& text)
{
    KeyCheck check = classifyKey(text);
    if (!check.problem.isEmpty()) {
        check.problem += QLatin1Char(' ') + kWebhookHint;
        return check;
    }
    switch (check.kind) {
    case KeyKind::WebhookSecret:
        break;
    case KeyKind::SecretKey:
    case KeyKind::RestrictedKey:
        check.problem = QStringLiteral("This is an API key (%1), not a webhook signing secret. Webhook "
                                       "signing secrets start with whsec_. ")
                            .arg(check.masked) +
                        kWebhookHint;
        break;
    case KeyKind::PublishableKey:
        check.problem = QStringLiteral("This is a publishable key (pk_…), not a webhook signing secret. "
                                       "Webhook signing secrets start with whsec_. ") +
                        kWebhookHint;
        break;
    case KeyKind::Unrecognised:
        check.problem = QStringLiteral("This is not a Stripe webhook signing secret: it should start with "
                                       "whsec_. ") +
                        kWebhookHint;
        break;
    }
    return check;
}

QString modeLabel(KeyMode mode)
{
    switch (mode) {
    case KeyMode::Test:
        return QStringLiteral("TEST");
    case KeyMode::Live:
        return QStringLiteral("LIVE");
    case KeyMode::Unknown:
        break;
    }
    return {};
}

QString kindLabel(KeyKind kind)
{
    switch (kind) {
    case KeyKind::SecretKey:
        return QStringLiteral("secret key");
    case KeyKind::RestrictedKey:
        return QStringLiteral("restricted key");
    case KeyKind::PublishableKey:
        return QStringLiteral("publishable key");
    case KeyKind::WebhookSecret:
        return QStringLiteral("webhook signing secret");
    case KeyKind::Unrecognised:
        break;
    }
    return QStringLiteral("unrecognised value");
}

QString describeKey(const KeyCheck& check)
{
    const QString mode = modeLabel(check.mode);
    if (mode.isEmpty())
        return QStringLiteral("%1 (%2)").arg(check.masked, kindLabel(check.kind));
    return QStringLiteral("%1 (%2, %3)").arg(check.masked, mode, kindLabel(check.kind));
}

} // namespace billbridge::stripe
