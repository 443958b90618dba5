#include "util/redact.h"

#include <QRegularExpression>
#include <QStringList>

namespace billbridge::util {

namespace {

QString maskWord(const QString& word)
{
    if (word.isEmpty())
        return word;
    // Keep a whole character even when it needs two UTF-16 units (𠮷, emoji).
    return word.left(word.at(0).isHighSurrogate() && word.size() > 1 ? 2 : 1) + QStringLiteral("***");
}

} // namespace

QString maskEmail(const QString& email)
{
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    if (at < 0)
        return maskWord(email);
    const QString domain = email.mid(at + 1);
    const qsizetype dot = domain.lastIndexOf(QLatin1Char('.'));
    const QString host = dot > 0 ? domain.left(dot) : domain;
    const QString tld = dot > 0 ? domain.mid(dot) : QString();
    return maskWord(email.left(at)) + QLatin1Char('@') + maskWord(host) + tld;
}

QString maskEmailsIn(const QString& text)
{
    if (!text.contains(QLatin1Char('@')))
        return text;
    static const QRegularExpression email(QStringLiteral("[^\\s@\"'<>(),;:]+@[^\\s@\"'<>(),;:]+"));
    QString masked;
    qsizetype from = 0;
    for (auto it = email.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        masked += text.mid(from, match.capturedStart() - from) + maskEmail(match.captured());
        from = match.capturedEnd();
    }
    return masked + text.mid(from);
}

QString maskName(const QString& name)
{
    QStringList parts = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString& part : parts)
        part = maskWord(part);
    return parts.join(QLatin1Char(' '));
}

QString maskSecret(const QString& secret)
{
    if (secret.isEmpty())
        return QStringLiteral("(not set)");
    // Stripe's prefixes ("sk_test_", "rk_live_", "whsec_") all end at an underscore within 9 characters.
    const qsizetype prefixEnd = secret.left(9).lastIndexOf(QLatin1Char('_')) + 1;
    if (secret.size() < prefixEnd + 12)
        return secret.left(prefixEnd) + QStringLiteral("…");
    return secret.left(prefixEnd) + QStringLiteral("…") + secret.right(4);
}

} // namespace billbridge::util
