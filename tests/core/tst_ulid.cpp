#include "customerio/ulid.h"

#include <QSet>
#include <QTest>

using billbridge::customerio::UlidGenerator;

class TestUlid final : public QObject {
    Q_OBJECT

private slots:
    void encodesTheSpecVectors();
    void encodesTimeAndRandomness();
    void validatesTheAlphabet();
    void isMonotonicWithinOneMillisecond();
    void staysOrderedWhenTheClockStepsBack();
    void newMillisecondDrawsNewRandomness();
    void overflowOfTheRandomPartGivesNothing();
    void systemGeneratorMakesUniqueSortedIds();
};

void TestUlid::encodesTheSpecVectors()
{
    std::array<std::uint8_t, 10> zero{};
    QCOMPARE(UlidGenerator::encode(0, zero), QStringLiteral("00000000000000000000000000"));
    std::array<std::uint8_t, 10> ones;
    ones.fill(0xFF);
    // The largest ULID the spec allows.
    QCOMPARE(UlidGenerator::encode(UlidGenerator::kMaxTime, ones),
             QStringLiteral("7ZZZZZZZZZZZZZZZZZZZZZZZZZ"));
    // The spec's example time 1469918176385 encodes as 01ARYZ6S41.
    QCOMPARE(UlidGenerator::encode(1469918176385, zero).left(10), QStringLiteral("01ARYZ6S41"));
}

void TestUlid::encodesTimeAndRandomness()
{
    std::array<std::uint8_t, 10> random{0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF, 0x01, 0x23};
    const QString ulid = UlidGenerator::encode(1700000000000, random);
    QCOMPARE(ulid.size(), UlidGenerator::kLength);
    QVERIFY(UlidGenerator::isValid(ulid));
    QCOMPARE(UlidGenerator::timeOf(ulid), std::uint64_t{1700000000000});
    // The 80 bits 0x0123456789ABCDEF0123, five at a time, most significant first.
    QCOMPARE(ulid.mid(10), QStringLiteral("04HMASW9NF6YY093"));
}

void TestUlid::validatesTheAlphabet()
{
    QVERIFY(UlidGenerator::isValid(QStringLiteral("01HZX3V0000000000000000000")));
    QVERIFY(UlidGenerator::isValid(QStringLiteral("01hzx3v0000000000000000000")));
    QVERIFY(!UlidGenerator::isValid(QStringLiteral("01HZX3V000000000000000000")));  // 25 characters
    QVERIFY(!UlidGenerator::isValid(QStringLiteral("01HZX3V000000000000000000U"))); // U is not used
    QVERIFY(!UlidGenerator::isValid(QStringLiteral("01HZX3V000000000000000000I"))); // nor I
    QVERIFY(!UlidGenerator::isValid(QStringLiteral("81HZX3V0000000000000000000"))); // time overflows 48 bits
    QCOMPARE(UlidGenerator::timeOf(QStringLiteral("not a ulid")), std::uint64_t{0});
}

void TestUlid::isMonotonicWithinOneMillisecond()
{
    std::array<std::uint8_t, 10> random{0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFE};
    UlidGenerator generator(
        [] { return std::int64_t{1700000000000}; },
        [&random](std::uint8_t* bytes, int count) { std::copy_n(random.begin(), count, bytes); });
    const QString first = generator.next();
    const QString second = generator.next();
    const QString third = generator.next();
    QCOMPARE(first, UlidGenerator::encode(1700000000000, random));
    QVERIFY(first < second);
    QVERIFY(second < third);
    // 0xFE + 2 carries into the next byte.
    std::array<std::uint8_t, 10> carried{0, 0, 0, 0, 0, 0, 0, 0, 1, 0};
    QCOMPARE(third, UlidGenerator::encode(1700000000000, carried));
}

void TestUlid::staysOrderedWhenTheClockStepsBack()
{
    std::int64_t now = 1700000000500;
    UlidGenerator generator(
        [&now] { return now; },
        [](std::uint8_t* bytes, int count) { std::fill_n(bytes, count, std::uint8_t{0x42}); });
    const QString first = generator.next();
    now -= 200;
    const QString second = generator.next();
    QVERIFY(first < second);
    QCOMPARE(UlidGenerator::timeOf(second), std::uint64_t{1700000000500});
}

void TestUlid::newMillisecondDrawsNewRandomness()
{
    std::int64_t now = 1700000000000;
    int draws = 0;
    UlidGenerator generator([&now] { return now; },
                            [&draws](std::uint8_t* bytes, int count) {
                                ++draws;
                                std::fill_n(bytes, count, static_cast<std::uint8_t>(draws));
                            });
    generator.next();
    generator.next();
    QCOMPARE(draws, 1);
    ++now;
    const QString later = generator.next();
    QCOMPARE(draws, 2);
    QCOMPARE(UlidGenerator::timeOf(later), std::uint64_t{1700000000001});
}

void TestUlid::overflowOfTheRandomPartGivesNothing()
{
    UlidGenerator generator(
        [] { return std::int64_t{5}; },
        [](std::uint8_t* bytes, int count) { std::fill_n(bytes, count, std::uint8_t{0xFF}); });
    QCOMPARE(generator.next(), QStringLiteral("0000000005ZZZZZZZZZZZZZZZZ"));
    QVERIFY(generator.next().isEmpty());
}

void TestUlid::systemGeneratorMakesUniqueSortedIds()
{
    UlidGenerator generator;
    QSet<QString> seen;
    QString previous;
    for (int i = 0; i < 5000; ++i) {
        const QString ulid = generator.next();
        QVERIFY(UlidGenerator::isValid(ulid));
        QVERIFY2(previous < ulid, qPrintable(previous + QStringLiteral(" !< ") + ulid));
        QVERIFY(!seen.contains(ulid));
        seen.insert(ulid);
        previous = ulid;
    }
}

QTEST_GUILESS_MAIN(TestUlid)
#include "tst_ulid.moc"
