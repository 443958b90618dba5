#pragma once

#include <QString>

#include <cstdint>
#include <span>

namespace billbridge::demo {

// A small deterministic generator (xoshiro256**, seeded through splitmix64). std::mt19937 and the
// standard distributions are not guaranteed to give the same numbers on every standard library, and a
// demo seed must reproduce the same history byte for byte everywhere.
class DemoRandom final {
public:
    explicit DemoRandom(std::uint64_t seed);
    // An independent stream for one part of the history (a customer, the catalogue), so that changing
    // one customer's story does not shift every later customer's.
    static DemoRandom forStream(std::uint64_t seed, std::uint64_t stream);

    std::uint64_t next();
    // 0 <= result < bound
    int below(int bound);
    // lo <= result <= hi
    std::int64_t between(std::int64_t lo, std::int64_t hi);
    double unit();
    bool chance(double probability);
    // `length` characters from Stripe's id alphabet (digits and ASCII letters).
    QString token(int length);
    // A Stripe-shaped id, e.g. id("cus_", 14); every id carries "Demo" right after its prefix (and the
    // digit Stripe puts there for some kinds), so demo ids are never mistaken for real ones.
    QString id(const char* prefix, int length);

    template <typename T>
    const T& pick(std::span<const T> items)
    {
        return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))];
    }

private:
    std::uint64_t m_state[4];
};

} // namespace billbridge::demo
