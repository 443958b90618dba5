#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace billbridge::customerio {

// The data centre a Customer.io workspace lives in. Credentials only work in their own region; the only
// difference on the wire is the host (track-eu / api-eu).
enum class Region { Us, Eu };

// "us" / "eu": the form Customer.io answers in (GET /api/v1/accounts/region) and the settings keep.
QString toString(Region region);
// Accepts "us" / "eu" in any case, with surrounding blanks; nullopt for anything else.
std::optional<Region> parseRegion(const QString& text);
// "US" / "EU", as the operator sees it on the region chooser.
QString shortName(Region region);
Region otherRegion(Region region);

// Host roots without API paths, so that overrides and defaults are combined the same way.
QUrl defaultTrackHost(Region region); // https://track.customer.io, https://track-eu.customer.io
QUrl defaultAppHost(Region region);   // https://api.customer.io, https://api-eu.customer.io

// Where Billbridge reaches Customer.io for one region. A plain value: each user keeps its own copy.
struct CustomerIoEndpoints {
    // Settings written by the Connections dialog's Advanced tab; empty or absent means the region's host.
    static constexpr auto kTrackBaseSetting = "customerio/trackApiBase";
    static constexpr auto kAppBaseSetting = "customerio/appApiBase";
    static constexpr auto kTrackBaseEnvironment = "BILLBRIDGE_CIO_TRACK_BASE";
    static constexpr auto kAppBaseEnvironment = "BILLBRIDGE_CIO_APP_BASE";

    Region region = Region::Us;
    QUrl trackBase; // ends in /api/v1, e.g. https://track.customer.io/api/v1
    QUrl appBase;   // ends in /v1, e.g. https://api.customer.io/v1
    // Where each base came from, for messages ("the default for the US region", an environment variable…).
    QString trackSource;
    QString appSource;
    // True when a base was overridden: the region then no longer picks the host.
    bool trackOverridden = false;
    bool appOverridden = false;

    // First match wins, for each API separately: the explicit base, the environment variable, the setting,
    // the region's host — the same order StripeApiConfig::resolve() follows. An override may be a host root
    // (https://proxy.example) or already end in the API path (…/api/v1 for Track, …/v1 for App).
    static CustomerIoEndpoints resolve(Region region, const QString& explicitTrackBase = {},
                                       const QString& explicitAppBase = {});

    // Empty when the base can be used; otherwise what is wrong and how to fix it. Plain http is refused
    // except for loopback, because the credentials travel in a header.
    QString validateTrack() const;
    QString validateApp() const;

    // trackBase + "/accounts/region", appBase + "/workspaces" and the like.
    QUrl trackUrl(const QString& path) const;
    QUrl appUrl(const QString& path) const;
};

} // namespace billbridge::customerio
