#pragma once

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <functional>

namespace billbridge::customerio {

// Universally Unique Lexicographically Sortable Identifiers (https://github.com/ulid/spec): 48 bits of Unix
// milliseconds then 80 random bits, written as 26 Crockford base32 characters. Customer.io drops a Track
// event whose `id` repeats one it already received, so each logical event gets one ULID that every retry
// reuses.
class UlidGenerator final {
public:
    static constexpr int kLength = 26;
    static constexpr std::uint64_t kMaxTime = (std::uint64_t{1} << 48) - 1;

    using Clock = std::function<std::int64_t()>;                // Unix milliseconds
    using RandomFill = std::function<void(std::uint8_t*, int)>; // fills n bytes

    // Defaults: the system clock and the system's cryptographic random source.
    UlidGenerator();
    UlidGenerator(Clock clock, RandomFill random);

    // Within one millisecond (or when the clock steps back) the random part of the previous ULID is
    // incremented, so identifiers from one generator always sort in the order they were made. Returns an
    // empty string in the practically unreachable case that the 80-bit random part overflows.
    QString next();

    // Pure encoding of a time and a 10-byte random part, for tests and for ids derived from stored data.
    static QString encode(std::uint64_t unixMilliseconds, const std::array<std::uint8_t, 10>& random);
    // 26 characters of the Crockford alphabet whose first one is at most '7' (the time fits 48 bits).
    // Lower case is accepted, as the spec asks; I, L, O and U are not.
    static bool isValid(const QString& text);
    // The embedded Unix milliseconds; 0 for an invalid ULID.
    static std::uint64_t timeOf(const QString& text);

private:
    Clock m_clock;
    RandomFill m_random;
    std::uint64_t m_lastTime = 0;
    std::array<std::uint8_t, 10> m_lastRandom{};
    bool m_started = false;
};

} // namespace billbridge::customerio
