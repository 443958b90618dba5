#include "util/hexdigits.h"

#include <QTest>

using billbridge::util::hexDigitValue;
using billbridge::util::utf16UnitFromHex;

namespace billbridge::test {

class TestHexDigits : public QObject {
    Q_OBJECT

private slots:
    void digits();
    void units();
};

void TestHexDigits::digits()
{
    QCOMPARE(hexDigitValue('0'), 0);
    QCOMPARE(hexDigitValue('9'), 9);
    QCOMPARE(hexDigitValue('a'), 10);
    QCOMPARE(hexDigitValue('F'), 15);
    for (const char c : {'g', 'G', '/', ':', '@', '`', ' ', '\0'})
        QCOMPARE(hexDigitValue(c), -1);
}

void TestHexDigits::units()
{
    // -1 stands for "not four hex digits".
    const auto unit = [](const char* digits) {
        const std::optional<char16_t> decoded = utf16UnitFromHex(digits);
        return decoded ? int(*decoded) : -1;
    };
    QCOMPARE(unit("0041"), 0x41);
    QCOMPARE(unit("00e9"), 0xE9);
    QCOMPARE(unit("D83D"), 0xD83D);
    QCOMPARE(unit("ffff"), 0xFFFF);
    // Only the first four characters count.
    QCOMPARE(unit("00410"), 0x41);
    QCOMPARE(unit("00g1"), -1);
    QCOMPARE(unit("004 "), -1);
}

} // namespace billbridge::test

QTEST_GUILESS_MAIN(billbridge::test::TestHexDigits)
#include "tst_hexdigits.moc"
