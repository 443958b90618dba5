#pragma once

#include <QString>

namespace billbridge::stripe {

// What a piece of text looks like from its Stripe prefix. Only the shape is judged here; whether
// Stripe accepts the key is a question for the API.
enum class KeyKind {
    Unrecognised,   // no Stripe prefix we know
    SecretKey,      // sk_test_ / sk_live_
    RestrictedKey,  // rk_test_ / rk_live_
    PublishableKey, // pk_test_ / pk_live_: browser-side, cannot read events
    WebhookSecret,  // whsec_: signs webhook deliveries, not an API credential
};

// Test and live data are separate worlds at Stripe; webhook secrets do not say which one they belong to.
enum class KeyMode { Unknown, Test, Live };

struct KeyCheck {
    KeyKind kind = KeyKind::Unrecognised;
    KeyMode mode = KeyMode::Unknown;
    // Empty when the text is usable for the purpose it was checked for; otherwise one or two sentences
    // saying what is wrong and what to use instead. Never contains the checked text.
    QString problem;
    // Safe to print: the prefix and at most the last four characters ("sk_test_…wxyz").
    QString masked;

    bool isUsable() const { return problem.isEmpty(); }
};

// Shape only: kind, mode and masked form; `problem` is set only for text that cannot be any key
// (empty, whitespace, foreign characters, too short).
KeyCheck classifyKey(const QString& text);
// For the API key slot: secret and restricted keys are usable, everything else gets a problem.
KeyCheck checkApiKey(const QString& text);
// For a webhook signing secret slot: only whsec_ is usable.
KeyCheck checkWebhookSecret(const QString& text);

// "TEST" / "LIVE", empty for KeyMode::Unknown.
QString modeLabel(KeyMode mode);
// "secret key", "restricted key", "publishable key", "webhook signing secret", "unrecognised value".
QString kindLabel(KeyKind kind);
// One line for listings: "sk_test_…wxyz  TEST  secret key"; webhook secrets show no mode.
QString describeKey(const KeyCheck& check);

} // namespace billbridge::stripe
