#include "util/money.h"

#include <QTest>

#include <limits>

using billbridge::util::currencyMinorDigits;
using billbridge::util::formatMoney;

class TestMoney final : public QObject {
    Q_OBJECT

private slots:
    void minorDigitsFollowStripesList()
    {
        QCOMPARE(currencyMinorDigits(QStringLiteral("usd")), 2);
        QCOMPARE(currencyMinorDigits(QStringLiteral("EUR")), 2);
        QCOMPARE(currencyMinorDigits(QStringLiteral("jpy")), 0);
        QCOMPARE(currencyMinorDigits(QStringLiteral("KRW")), 0);
        QCOMPARE(currencyMinorDigits(QStringLiteral("kwd")), 3);
        QCOMPARE(currencyMinorDigits(QString()), 2);
    }

    void formatsInTheCurrencysUnits_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dollars") << qint64(1900) << QStringLiteral("usd") << QStringLiteral("19.00 USD");
        QTest::newRow("cents") << qint64(5) << QStringLiteral("eur") << QStringLiteral("0.05 EUR");
        QTest::newRow("thousands") << qint64(123456789) << QStringLiteral("usd")
                                   << QStringLiteral("1,234,567.89 USD");
        QTest::newRow("refund") << qint64(-4900) << QStringLiteral("gbp") << QStringLiteral("-49.00 GBP");
        QTest::newRow("yen") << qint64(1500) << QStringLiteral("jpy") << QStringLiteral("1,500 JPY");
        QTest::newRow("dinar") << qint64(1234) << QStringLiteral("kwd") << QStringLiteral("1.234 KWD");
        QTest::newRow("no currency") << qint64(250) << QString() << QStringLiteral("2.50");
        // Beyond what a double holds exactly.
        QTest::newRow("huge") << qint64(9007199254740993) << QStringLiteral("usd")
                              << QStringLiteral("90,071,992,547,409.93 USD");
        QTest::newRow("most negative") << std::numeric_limits<qint64>::min() << QStringLiteral("jpy")
                                       << QStringLiteral("-9,223,372,036,854,775,808 JPY");
    }

    void formatsInTheCurrencysUnits()
    {
        QFETCH(qint64, minor);
        QFETCH(QString, currency);
        QFETCH(QString, expected);
        QCOMPARE(formatMoney(minor, currency, QLocale(QLocale::English, QLocale::UnitedStates)), expected);
    }

    void followsTheLocalesSeparators()
    {
        QCOMPARE(formatMoney(123456, QStringLiteral("eur"), QLocale(QLocale::German, QLocale::Germany)),
                 QStringLiteral("1.234,56 EUR"));
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
