#include "demo/storykind.h"

namespace billbridge::demo {

QString storyKindName(StoryKind kind)
{
    switch (kind) {
    case StoryKind::DirectPurchase:
        return QStringLiteral("paid at checkout");
    case StoryKind::TrialConverted:
        return QStringLiteral("trial converted");
    case StoryKind::TrialPaused:
        return QStringLiteral("trial ended without card (paused)");
    case StoryKind::TrialCanceled:
        return QStringLiteral("canceled during trial");
    case StoryKind::Renewal:
        return QStringLiteral("renewal paid");
    case StoryKind::Upgrade:
        return QStringLiteral("upgrade");
    case StoryKind::Downgrade:
        return QStringLiteral("downgrade");
    case StoryKind::PaymentRecovered:
        return QStringLiteral("failed payment recovered");
    case StoryKind::PaymentFailedCanceled:
        return QStringLiteral("canceled after failed payments");
    case StoryKind::VoluntaryCancel:
        return QStringLiteral("cancellation at period end");
    case StoryKind::Refund:
        return QStringLiteral("refund");
    case StoryKind::Dispute:
        return QStringLiteral("dispute");
    case StoryKind::CustomerUpdated:
        return QStringLiteral("customer details changed");
    case StoryKind::CustomerDeleted:
        return QStringLiteral("customer deleted");
    case StoryKind::Count:
        break;
    }
    return QString();
}

} // namespace billbridge::demo
