#pragma once

#include "secrets/secretstore.h"
#include "stripe/stripeapiconfig.h"
#include "stripe/stripeclient.h"

#include <functional>
#include <memory>

namespace billbridge::widgets {

// What the Connections dialog works with, handed in by the composition root (and by tests).
struct ConnectionServices {
    using StripeClientFactory =
        std::function<std::unique_ptr<stripe::StripeClient>(const stripe::StripeApiConfig&)>;

    // Where credentials are kept: the keychain in the console. Not owned; must outlive the dialog.
    secrets::SecretStore* secrets = nullptr;
    // Values the operator chose to keep for the running process only, when the keychain cannot be used.
    // Not owned; may be null (no such option then).
    secrets::SecretStore* sessionSecrets = nullptr;
    // Makes the client for "Test connection"; the default makes a real StripeClient.
    StripeClientFactory stripeClientFactory = [](const stripe::StripeApiConfig& config) {
        return std::make_unique<stripe::StripeClient>(config);
    };

    // The store whose audit log records which credentials an operator changed (never their values); empty
    // records nothing.
    QString storePath;

    bool isUsable() const { return secrets != nullptr && static_cast<bool>(stripeClientFactory); }
};

} // namespace billbridge::widgets
