#pragma once

#include <optional>

namespace billbridge::util {

// The value of one hexadecimal digit (either case); -1 when `c` is not one.
int hexDigitValue(char c);
// The UTF-16 unit four hexadecimal digits spell, as in a JSON \uXXXX escape; nullopt when any of the four
// characters at `digits` is not a hex digit. The caller makes sure four characters are there.
std::optional<char16_t> utf16UnitFromHex(const char* digits);

} // namespace billbridge::util
