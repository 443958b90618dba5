#include "demo/demorandom.h"

#include <cstring>

namespace billbridge::demo {

namespace {

std::uint64_t splitmix(std::uint64_t& x)
{
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

} // namespace

DemoRandom::DemoRandom(std::uint64_t seed)
{
    for (std::uint64_t& word : m_state)
        word = splitmix(seed);
}

DemoRandom DemoRandom::forStream(std::uint64_t seed, std::uint64_t stream)
{
    std::uint64_t mixed = seed ^ (stream * 0xd1b54a32d192ed03ULL);
    return DemoRandom(splitmix(mixed));
}

std::uint64_t DemoRandom::next()
{
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

int DemoRandom::below(int bound)
{
    if (bound <= 1)
        return 0;
    return static_cast<int>(next() % static_cast<std::uint64_t>(bound));
}

std::int64_t DemoRandom::between(std::int64_t lo, std::int64_t hi)
{
    if (hi <= lo)
        return lo;
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
}

double DemoRandom::unit()
{
    return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0);
}

bool DemoRandom::chance(double probability)
{
    return unit() < probability;
}

QString DemoRandom::token(int length)
{
    QString text(length, Qt::Uninitialized);
    for (int i = 0; i < length; ++i)
        text[i] = QLatin1Char(kAlphabet[next() % 62]);
    return text;
}

QString DemoRandom::id(const char* prefix, int length)
{
    // Stripe's long ids put a digit right after the prefix (evt_1…, ch_3…); keep that look.
    const bool digitFirst = length >= 20;
    const QString marker = digitFirst ? QStringLiteral("1Demo") : QStringLiteral("Demo");
    if (std::strcmp(prefix, "ch_") == 0 || std::strcmp(prefix, "pi_") == 0 ||
        std::strcmp(prefix, "re_") == 0 || std::strcmp(prefix, "txn_") == 0)
        return QLatin1String(prefix) + QStringLiteral("3Demo") + token(length - 5);
    return QLatin1String(prefix) + marker + token(length - int(marker.size()));
}

} // namespace billbridge::demo
