#include "customerio/ulid.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace billbridge::customerio {

namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

int decodeCharacter(QChar character)
{
    const char upper = static_cast<char>(character.toUpper().unicode());
    for (int value = 0; value < 32; ++value) {
        if (kAlphabet[value] == upper)
            return value;
    }
    return -1;
}

// Adds one to the big-endian random part; false when it wraps around.
bool increment(std::array<std::uint8_t, 10>& random)
{
    for (int index = 9; index >= 0; --index) {
        if (++random[static_cast<std::size_t>(index)] != 0)
            return true;
    }
    return false;
}

} // namespace

UlidGenerator::UlidGenerator()
    : UlidGenerator([] { return QDateTime::currentMSecsSinceEpoch(); },
                    [](std::uint8_t* bytes, int count) {
                        for (int i = 0; i < count; ++i)
                            bytes[i] = static_cast<std::uint8_t>(QRandomGenerator::system()->bounded(256));
                    })
{}

UlidGenerator::UlidGenerator(Clock clock, RandomFill random)
    : m_clock(std::move(clock))
    , m_random(std::move(random))
{}

QString UlidGenerator::next()
{
    const std::int64_t now = m_clock();
    const std::uint64_t time =
        now < 0 ? 0 : std::min<std::uint64_t>(static_cast<std::uint64_t>(now), kMaxTime);
    if (m_started && time <= m_lastTime) {
        // Same millisecond, or a clock that stepped back: stay after the previous identifier.
        if (!increment(m_lastRandom))
            return {};
    } else {
        m_random(m_lastRandom.data(), static_cast<int>(m_lastRandom.size()));
        m_lastTime = time;
        m_started = true;
    }
    return encode(m_lastTime, m_lastRandom);
}

QString UlidGenerator::encode(std::uint64_t unixMilliseconds, const std::array<std::uint8_t, 10>& random)
{
    QString text(kLength, QLatin1Char('0'));
    std::uint64_t time = unixMilliseconds & kMaxTime;
    // 10 characters of time: 50 bits, of which the top two are always zero.
    for (int index = 9; index >= 0; --index) {
        text[index] = QLatin1Char(kAlphabet[time & 31U]);
        time >>= 5;
    }
    // 16 characters of randomness: 80 bits, 5 at a time, most significant first.
    for (int index = 0; index < 16; ++index) {
        const int firstBit = index * 5;
        int value = 0;
        for (int bit = 0; bit < 5; ++bit) {
            const int position = firstBit + bit;
            const int byte = random[static_cast<std::size_t>(position / 8)];
            value = (value << 1) | ((byte >> (7 - position % 8)) & 1);
        }
        text[10 + index] = QLatin1Char(kAlphabet[value]);
    }
    return text;
}

bool UlidGenerator::isValid(const QString& text)
{
    if (text.size() != kLength)
        return false;
    for (const QChar character : text) {
        if (decodeCharacter(character) < 0)
            return false;
    }
    return decodeCharacter(text.front()) <= 7;
}

std::uint64_t UlidGenerator::timeOf(const QString& text)
{
    if (!isValid(text))
        return 0;
    std::uint64_t time = 0;
    for (int index = 0; index < 10; ++index)
        time = (time << 5) | static_cast<std::uint64_t>(decodeCharacter(text[index]));
    return time;
}

} // namespace billbridge::customerio
