#include "stripe/stripeapiconfig.h"

#include "stripe/stripekeys.h"

#include <QHostAddress>
#include <QSettings>

namespace billbridge::stripe {

namespace {

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

StripeApiConfig StripeApiConfig::resolve(const QString& apiKey, const QString& explicitBase)
{
    StripeApiConfig config;
    config.apiKey = apiKey.trimmed();

    QString base;
    if (!explicitBase.trimmed().isEmpty()) {
        base = explicitBase.trimmed();
        config.baseUrlSource = QStringLiteral("the explicit API base");
    } else if (const QString fromEnvironment = qEnvironmentVariable("BILLBRIDGE_STRIPE_API_BASE").trimmed();
               !fromEnvironment.isEmpty()) {
        base = fromEnvironment;
        config.baseUrlSource = QStringLiteral("BILLBRIDGE_STRIPE_API_BASE");
    } else if (const QString fromSettings =
                   QSettings().value(QStringLiteral("stripe/apiBase")).toString().trimmed();
               !fromSettings.isEmpty()) {
        base = fromSettings;
        config.baseUrlSource = QStringLiteral("the setting stripe/apiBase");
    }
    if (!base.isEmpty()) {
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        config.baseUrl = QUrl(base, QUrl::StrictMode);
    }
    return config;
}

QString StripeApiConfig::validate() const
{
    if (!baseUrl.isValid() || baseUrl.host().isEmpty())
        return QStringLiteral("the Stripe API address from %1 is not a URL. Use an address such as %2.")
            .arg(baseUrlSource, QString::fromLatin1(kStripeDefaultApiBase));
    const QString scheme = baseUrl.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return QStringLiteral("the Stripe API address from %1 must start with https://.").arg(baseUrlSource);
    // The key travels in a header: over plain HTTP it would be readable on the network. Loopback is the
    // one place where that cannot happen, and where local test servers live.
    if (scheme == QLatin1String("http") && !isLoopbackHost(baseUrl.host()))
        return QStringLiteral(
                   "the Stripe API address from %1 uses plain http:// to %2; the API key would travel "
                   "unencrypted. Use https:// (plain http is only accepted for 127.0.0.1 and localhost).")
            .arg(baseUrlSource, baseUrl.host());
    if (apiKey.isEmpty())
        return QStringLiteral(
            "no Stripe API key is configured. Use a secret key (sk_…) or a restricted key (rk_…) "
            "with read access to Events.");
    if (const KeyCheck key = checkApiKey(apiKey); !key.isUsable())
        return QStringLiteral("the Stripe API key %1 cannot be used. %2").arg(key.masked, key.problem);
    if (timeout.count() <= 0)
        return QStringLiteral("the request timeout must be positive.");
    return {};
}

QByteArray StripeApiConfig::defaultUserAgent()
{
    return QByteArrayLiteral("Billbridge/") + QByteArrayLiteral(BILLBRIDGE_VERSION);
}

} // namespace billbridge::stripe
