// TokenBucket: rate, burst capacity, the window bound and lane holds, on an explicit clock.

#include "delivery/tokenbucket.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

using billbridge::delivery::TokenBucket;

namespace {

// Start times of everything a greedy sender gets through `bucket` between 0 and `untilMs`, advancing by
// the waits the bucket names.
std::vector<std::int64_t> drain(TokenBucket& bucket, std::int64_t untilMs)
{
    std::vector<std::int64_t> starts;
    std::int64_t now = 0;
    while (now <= untilMs) {
        const std::int64_t wait = bucket.take(now);
        if (wait == 0)
            starts.push_back(now);
        else
            now += wait;
    }
    return starts;
}

// The most starts in any window of `windowMs`.
int busiestWindow(const std::vector<std::int64_t>& starts, std::int64_t windowMs)
{
    int most = 0;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const auto end = std::upper_bound(starts.begin(), starts.end(), starts[i] + windowMs);
        most = std::max(most, static_cast<int>(end - (starts.begin() + static_cast<std::ptrdiff_t>(i))));
    }
    return most;
}

} // namespace

class TestTokenBucket : public QObject {
    Q_OBJECT

private slots:
    void capacityIsATenthOfASecondAtLeastOne()
    {
        QCOMPARE(TokenBucket(100.0).capacity(), 10.0);
        QCOMPARE(TokenBucket(20.0).capacity(), 2.0);
        QCOMPARE(TokenBucket(10.0).capacity(), 1.0);
        QCOMPARE(TokenBucket(0.1).capacity(), 1.0);
        QCOMPARE(TokenBucket(1000.0).capacity(), 100.0);
    }

    void startsFullThenPacesAtTheRate()
    {
        TokenBucket bucket(20.0, 0);
        QCOMPARE(bucket.available(0), 2);
        QCOMPARE(bucket.take(0), 0);
        QCOMPARE(bucket.take(0), 0);
        // Empty: the next token is 50 ms away and nothing is taken while waiting.
        QCOMPARE(bucket.take(0), 50);
        QCOMPARE(bucket.take(20), 30);
        QCOMPARE(bucket.waitMs(49), 1);
        QCOMPARE(bucket.take(50), 0);
        QCOMPARE(bucket.take(50), 50);
    }

    void idleTimeDoesNotStoreMoreThanTheCapacity()
    {
        TokenBucket bucket(20.0, 0);
        QCOMPARE(bucket.available(60'000), 2);
        QCOMPARE(bucket.take(60'000), 0);
        QCOMPARE(bucket.take(60'000), 0);
        QVERIFY(bucket.take(60'000) > 0);
    }

    void slowLaneWaitsTenSeconds()
    {
        TokenBucket broadcast(0.1, 0);
        QCOMPARE(broadcast.take(0), 0);
        QCOMPARE(broadcast.take(0), 10'000);
        QCOMPARE(broadcast.take(9'999), 1);
        QCOMPARE(broadcast.take(10'000), 0);
    }

    void anyWindowHoldsAtMostRateTimesTPlusCapacity_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<qint64>("windowMs");
        QTest::newRow("track 100/s, 1 s") << 100.0 << qint64(1000);
        QTest::newRow("track 100/s, 250 ms") << 100.0 << qint64(250);
        QTest::newRow("20/s, 1 s") << 20.0 << qint64(1000);
        QTest::newRow("20/s, 3 s") << 20.0 << qint64(3000);
        QTest::newRow("app 10/s, 700 ms") << 10.0 << qint64(700);
        QTest::newRow("broadcast 0.1/s, 25 s") << 0.1 << qint64(25'000);
        QTest::newRow("1000/s, 100 ms") << 1000.0 << qint64(100);
    }

    void anyWindowHoldsAtMostRateTimesTPlusCapacity()
    {
        QFETCH(double, rate);
        QFETCH(qint64, windowMs);
        TokenBucket bucket(rate, 0);
        const std::vector<std::int64_t> starts = drain(bucket, 60'000);
        const double bound = rate * static_cast<double>(windowMs) / 1000.0 + bucket.capacity();
        QVERIFY2(
            busiestWindow(starts, windowMs) <= static_cast<int>(std::floor(bound + 1e-9)),
            qPrintable(
                QStringLiteral("%1 starts in %2 ms").arg(busiestWindow(starts, windowMs)).arg(windowMs)));
        // And the bucket does not waste its rate: over a minute it sends about rate × 60 s.
        QVERIFY(static_cast<double>(starts.size()) >= rate * 60.0 * 0.97);
    }

    void holdStopsTheLaneThenRestartsWithoutABurst()
    {
        TokenBucket bucket(100.0, 0);
        QCOMPARE(bucket.take(0), 0);
        bucket.holdUntil(2'000);
        QCOMPARE(bucket.heldUntilMs(), 2'000);
        QCOMPARE(bucket.available(10), 0);
        QCOMPARE(bucket.take(10), 1'990);
        QCOMPARE(bucket.take(1'999), 1);
        // A shorter hold never shortens the longer one.
        bucket.holdUntil(1'000);
        QCOMPARE(bucket.take(1'500), 500);
        QCOMPARE(bucket.take(2'000), 0);
        QCOMPARE(bucket.take(2'000), 10);
        QCOMPARE(bucket.take(2'010), 0);
    }

    void clampsUnusableRates()
    {
        TokenBucket bucket(0.0, 0);
        QVERIFY(bucket.ratePerSecond() > 0.0);
        QCOMPARE(bucket.take(0), 0);
        QVERIFY(bucket.take(0) > 0);
    }
};

QTEST_GUILESS_MAIN(TestTokenBucket)
#include "tst_tokenbucket.moc"
