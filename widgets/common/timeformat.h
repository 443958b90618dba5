#pragma once

#include <QString>

#include <cstdint>

namespace billbridge::widgets {

// A Unix time as the console's tables show it, in local time ("2026-03-14 09:26:53"): fixed width and
// sortable as text, so columns line up whatever the locale.
QString formatTableTime(std::int64_t unixSeconds);

} // namespace billbridge::widgets
