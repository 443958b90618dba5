#include "util/money.h"

#include <algorithm>
#include <array>

namespace billbridge::util {

int currencyMinorDigits(const QString& currency)
{
    static const std::array<QLatin1String, 16> kZeroDecimal = {
        QLatin1String("bif"), QLatin1String("clp"), QLatin1String("djf"), QLatin1String("gnf"),
        QLatin1String("jpy"), QLatin1String("kmf"), QLatin1String("krw"), QLatin1String("mga"),
        QLatin1String("pyg"), QLatin1String("rwf"), QLatin1String("ugx"), QLatin1String("vnd"),
        QLatin1String("vuv"), QLatin1String("xaf"), QLatin1String("xof"), QLatin1String("xpf")};
    static const std::array<QLatin1String, 5> kThreeDecimal = {QLatin1String("bhd"), QLatin1String("jod"),
                                                               QLatin1String("kwd"), QLatin1String("omr"),
                                                               QLatin1String("tnd")};
    const QString lower = currency.toLower();
    const auto contains = [&lower](const auto& list) {
        return std::any_of(list.begin(), list.end(), [&lower](QLatin1String code) { return lower == code; });
    };
    if (contains(kZeroDecimal))
        return 0;
    if (contains(kThreeDecimal))
        return 3;
    return 2;
}

QString formatMoney(std::int64_t minorUnits, const QString& currency, const QLocale& locale)
{
    const int digits = currencyMinorDigits(currency);
    std::int64_t divisor = 1;
    for (int i = 0; i < digits; ++i)
        divisor *= 10;
    // Magnitude as unsigned so that the most negative amount has a positive counterpart.
    const std::uint64_t magnitude =
        minorUnits < 0 ? std::uint64_t(0) - std::uint64_t(minorUnits) : std::uint64_t(minorUnits);
    QString text = locale.toString(qulonglong(magnitude / std::uint64_t(divisor)));
    if (digits > 0)
        text +=
            locale.decimalPoint() + QStringLiteral("%1").arg(qulonglong(magnitude % std::uint64_t(divisor)),
                                                             digits, 10, QLatin1Char('0'));
    if (minorUnits < 0)
        text.prepend(locale.negativeSign());
    const QString code = currency.toUpper();
    return code.isEmpty() ? text : text + QLatin1Char(' ') + code;
}

} // namespace billbridge::util
