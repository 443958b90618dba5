#include "util/hexdigits.h"

namespace billbridge::util {

int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::optional<char16_t> utf16UnitFromHex(const char* digits)
{
    int unit = 0;
    for (int i = 0; i < 4; ++i) {
        const int value = hexDigitValue(digits[i]);
        if (value < 0)
            return std::nullopt;
        unit = unit * 16 + value;
    }
    return static_cast<char16_t>(unit);
}

} // namespace billbridge::util
