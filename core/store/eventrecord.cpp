#include "store/eventrecord.h"

namespace billbridge::store {

QString toString(EventSource source)
{
    switch (source) {
    case EventSource::Webhook:
        return QStringLiteral("webhook");
    case EventSource::Poll:
        return QStringLiteral("poll");
    case EventSource::Backfill:
        return QStringLiteral("backfill");
    }
    return {};
}

std::optional<EventSource> eventSourceFromString(const QString& text)
{
    for (EventSource source : {EventSource::Webhook, EventSource::Poll, EventSource::Backfill}) {
        if (toString(source) == text)
            return source;
    }
    return std::nullopt;
}

QString toString(SignatureVerdict verdict)
{
    return verdict == SignatureVerdict::Verified ? QStringLiteral("verified") : QStringLiteral("api");
}

std::optional<SignatureVerdict> signatureVerdictFromString(const QString& text)
{
    if (text == QLatin1String("verified"))
        return SignatureVerdict::Verified;
    if (text == QLatin1String("api"))
        return SignatureVerdict::Api;
    return std::nullopt;
}

} // namespace billbridge::store
