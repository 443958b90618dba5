#include "customerio/customerioregion.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSettings>

namespace billbridge::customerio {

namespace {

QString translate(const char* text)
{
    return QCoreApplication::translate("CustomerIoEndpoints", text);
}

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// Appends the API path unless the override already names it, so both "https://proxy" and
// "https://proxy/api/v1" mean the same thing.
QUrl withApiPath(const QString& base, const QString& apiPath)
{
    QUrl url(base.trimmed(), QUrl::StrictMode);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.endsWith(apiPath))
        path += apiPath;
    url.setPath(path);
    return url;
}

struct Chosen {
    QString base;
    QString source;
};

Chosen chooseOverride(const QString& explicitBase, const char* environment, const char* setting)
{
    if (!explicitBase.trimmed().isEmpty())
        return {explicitBase.trimmed(), translate("the address entered on the Advanced tab")};
    if (const QString fromEnvironment = qEnvironmentVariable(environment).trimmed();
        !fromEnvironment.isEmpty())
        return {fromEnvironment, QString::fromLatin1(environment)};
    if (const QString fromSettings = QSettings().value(QLatin1String(setting)).toString().trimmed();
        !fromSettings.isEmpty())
        return {fromSettings, translate("the setting %1").arg(QLatin1String(setting))};
    return {};
}

QString validateBase(const QUrl& base, const QString& source, const QString& example)
{
    if (!base.isValid() || base.host().isEmpty())
        return translate("The Customer.io address from %1 is not a URL. Use an address such as %2.")
            .arg(source, example);
    const QString scheme = base.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return translate("The Customer.io address from %1 must start with https://.").arg(source);
    if (scheme == QLatin1String("http") && !isLoopbackHost(base.host()))
        return translate("The Customer.io address from %1 uses plain http:// to %2; the credentials would "
                         "travel unencrypted. Use https:// (plain http is only accepted for 127.0.0.1, ::1 "
                         "and localhost).")
            .arg(source, base.host());
    return {};
}

QUrl appendPath(QUrl base, const QString& path)
{
    QString joined = base.path();
    while (joined.endsWith(QLatin1Char('/')))
        joined.chop(1);
    base.setPath(joined + (path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path));
    return base;
}

} // namespace

QString toString(Region region)
{
    return region == Region::Eu ? QStringLiteral("eu") : QStringLiteral("us");
}

std::optional<Region> parseRegion(const QString& text)
{
    const QString value = text.trimmed().toLower();
    if (value == QLatin1String("us"))
        return Region::Us;
    if (value == QLatin1String("eu"))
        return Region::Eu;
    return std::nullopt;
}

QString shortName(Region region)
{
    return region == Region::Eu ? QStringLiteral("EU") : QStringLiteral("US");
}

Region otherRegion(Region region)
{
    return region == Region::Eu ? Region::Us : Region::Eu;
}

QUrl defaultTrackHost(Region region)
{
    return QUrl(region == Region::Eu ? QStringLiteral("https://track-eu.customer.io")
                                     : QStringLiteral("https://track.customer.io"));
}

QUrl defaultAppHost(Region region)
{
    return QUrl(region == Region::Eu ? QStringLiteral("https://api-eu.customer.io")
                                     : QStringLiteral("https://api.customer.io"));
}

CustomerIoEndpoints CustomerIoEndpoints::resolve(Region region, const QString& explicitTrackBase,
                                                 const QString& explicitAppBase)
{
    CustomerIoEndpoints endpoints;
    endpoints.region = region;
    const QString regionDefault = region == Region::Eu ? translate("the default for the EU region")
                                                       : translate("the default for the US region");

    const Chosen track = chooseOverride(explicitTrackBase, kTrackBaseEnvironment, kTrackBaseSetting);
    endpoints.trackOverridden = !track.base.isEmpty();
    endpoints.trackBase =
        withApiPath(endpoints.trackOverridden ? track.base : defaultTrackHost(region).toString(),
                    QStringLiteral("/api/v1"));
    endpoints.trackSource = endpoints.trackOverridden ? track.source : regionDefault;

    const Chosen app = chooseOverride(explicitAppBase, kAppBaseEnvironment, kAppBaseSetting);
    endpoints.appOverridden = !app.base.isEmpty();
    endpoints.appBase = withApiPath(endpoints.appOverridden ? app.base : defaultAppHost(region).toString(),
                                    QStringLiteral("/v1"));
    endpoints.appSource = endpoints.appOverridden ? app.source : regionDefault;
    return endpoints;
}

QString CustomerIoEndpoints::validateTrack() const
{
    return validateBase(trackBase, trackSource, QStringLiteral("https://track.customer.io"));
}

QString CustomerIoEndpoints::validateApp() const
{
    return validateBase(appBase, appSource, QStringLiteral("https://api.customer.io"));
}

QUrl CustomerIoEndpoints::trackUrl(const QString& path) const
{
    return appendPath(trackBase, path);
}

QUrl CustomerIoEndpoints::appUrl(const QString& path) const
{
    return appendPath(appBase, path);
}

} // namespace billbridge::customerio
