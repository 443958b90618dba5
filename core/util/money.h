#pragma once

#include <QLocale>
#include <QString>

#include <cstdint>

namespace billbridge::util {

// Digits after the decimal point of a currency's major unit, as Stripe counts them: 0 for JPY, KRW and the
// other zero-decimal currencies, 3 for BHD, JOD, KWD, OMR and TND, 2 for the rest.
int currencyMinorDigits(const QString& currency);

// Stripe's amounts are integers in the currency's smallest unit: 1900 "usd" -> "19.00 USD" (in `locale`'s
// digits and separators). Exact for any amount: no floating point on the way.
QString formatMoney(std::int64_t minorUnits, const QString& currency, const QLocale& locale = QLocale());

} // namespace billbridge::util
