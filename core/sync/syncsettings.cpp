#include "sync/syncsettings.h"

#include <QHash>
#include <QSet>

namespace billbridge::sync {

namespace {

constexpr int kMaxNameBytes = 150;
constexpr int kMaxHorizonHours = 720;

QString nameProblem(const QString& name)
{
    if (name.isEmpty())
        return QStringLiteral("is empty");
    if (name.toUtf8().size() > kMaxNameBytes)
        return QStringLiteral("is longer than %1 bytes").arg(kMaxNameBytes);
    if (name.startsWith(QLatin1Char('_')))
        return QStringLiteral("starts with '_', which Customer.io reserves");
    for (const QChar c : name)
        if (c.category() == QChar::Other_Control)
            return QStringLiteral("contains a control character");
    return {};
}

template <typename Names>
void readNames(QSettings& settings, const char* group, Names& names,
               const QList<std::pair<QString, QString Names::*>>& members, QStringList& problems)
{
    settings.beginGroup(QLatin1String(group));
    const QStringList keys = settings.childKeys();
    QSet<QString> known;
    for (const auto& [defaultName, member] : members)
        known.insert(defaultName);
    for (const QString& key : keys)
        if (!known.contains(key))
            problems << QStringLiteral(
                            "sync/%1/%2: there is no such name; the names are those in the README's "
                            "sync section")
                            .arg(QLatin1String(group), key);
    QList<QString> chosen;
    for (const auto& [defaultName, member] : members) {
        const QString wanted = settings.value(defaultName, defaultName).toString().trimmed();
        if (const QString problem = nameProblem(wanted); !problem.isEmpty()) {
            problems << QStringLiteral("sync/%1/%2 %3; '%2' is used")
                            .arg(QLatin1String(group), defaultName, problem);
            chosen << defaultName;
        } else {
            chosen << wanted;
        }
    }
    // Defaults are distinct, so only a rename can collide; renames in a collision fall back to their
    // defaults, which may uncover another collision with a rename, until none is left.
    for (bool collided = true; collided;) {
        collided = false;
        QHash<QString, QList<int>> holders;
        for (int i = 0; i < chosen.size(); ++i)
            holders[chosen.at(i)] << i;
        for (const QList<int>& sharing : std::as_const(holders)) {
            if (sharing.size() < 2)
                continue;
            for (const int i : sharing) {
                const QString& defaultName = members.at(i).first;
                if (chosen.at(i) == defaultName)
                    continue;
                problems << QStringLiteral(
                                "sync/%1/%2: '%3' is already the name of another one; '%2' is used")
                                .arg(QLatin1String(group), defaultName, chosen.at(i));
                chosen[i] = defaultName;
                collided = true;
            }
        }
    }
    for (int i = 0; i < chosen.size(); ++i)
        names.*(members.at(i).second) = chosen.at(i);
    settings.endGroup();
}

} // namespace

QList<std::pair<QString, QString AttributeNames::*>> attributeNameMembers()
{
    const AttributeNames defaults;
    QList<std::pair<QString, QString AttributeNames::*>> members = {
        {{}, &AttributeNames::email},
        {{}, &AttributeNames::stripeCustomerId},
        {{}, &AttributeNames::planName},
        {{}, &AttributeNames::planTier},
        {{}, &AttributeNames::planInterval},
        {{}, &AttributeNames::mrr},
        {{}, &AttributeNames::currency},
        {{}, &AttributeNames::subscriptionStatus},
        {{}, &AttributeNames::trialEnd},
        {{}, &AttributeNames::currentPeriodEnd},
        {{}, &AttributeNames::cancelAtPeriodEnd},
        {{}, &AttributeNames::canceledAt},
        {{}, &AttributeNames::delinquent},
        {{}, &AttributeNames::failedPaymentCount},
        {{}, &AttributeNames::lastPaymentAt},
        {{}, &AttributeNames::lifetimeValue},
        {{}, &AttributeNames::planUnmapped},
    };
    for (auto& [name, member] : members)
        name = defaults.*member;
    return members;
}

QList<std::pair<QString, QString EventNames::*>> eventNameMembers()
{
    const EventNames defaults;
    QList<std::pair<QString, QString EventNames::*>> members = {
        {{}, &EventNames::subscriptionStarted},   {{}, &EventNames::trialWillEnd},
        {{}, &EventNames::subscriptionUpgraded},  {{}, &EventNames::subscriptionDowngraded},
        {{}, &EventNames::cancellationScheduled}, {{}, &EventNames::subscriptionCanceled},
        {{}, &EventNames::subscriptionPaused},    {{}, &EventNames::subscriptionResumed},
        {{}, &EventNames::checkoutCompleted},     {{}, &EventNames::paymentSucceeded},
        {{}, &EventNames::paymentFailed},         {{}, &EventNames::paymentRecovered},
        {{}, &EventNames::paymentActionRequired}, {{}, &EventNames::refundIssued},
        {{}, &EventNames::disputeOpened},         {{}, &EventNames::customerDeleted},
    };
    for (auto& [name, member] : members)
        name = defaults.*member;
    return members;
}

SyncSettings SyncSettings::read(QSettings& settings)
{
    SyncSettings result;
    settings.beginGroup(QStringLiteral("sync"));
    if (settings.contains(QStringLiteral("horizonHours"))) {
        bool ok = false;
        const int hours = settings.value(QStringLiteral("horizonHours")).toInt(&ok);
        if (ok && hours >= 1 && hours <= kMaxHorizonHours)
            result.options.horizonMs = std::int64_t(hours) * 3600 * 1000;
        else
            result.problems << QStringLiteral(
                                   "sync/horizonHours must be a whole number of hours from 1 to %1; "
                                   "72 is used")
                                   .arg(kMaxHorizonHours);
    }
    result.options.emailAsId = settings.value(QStringLiteral("emailAsId"), false).toBool();
    result.options.lookUpIdentities = settings.value(QStringLiteral("identityLookup"), true).toBool();
    readNames(settings, "attributes", result.options.attributes, attributeNameMembers(), result.problems);
    readNames(settings, "events", result.options.events, eventNameMembers(), result.problems);
    settings.endGroup();
    return result;
}

SyncSettings SyncSettings::read()
{
    QSettings settings;
    return read(settings);
}

} // namespace billbridge::sync
