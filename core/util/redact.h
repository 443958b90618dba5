#pragma once

#include <QString>

namespace billbridge::util {

// "ada@example.com" -> "a***@e***.com": enough to tell two addresses apart in a log, not to read them.
QString maskEmail(const QString& email);
// Masks every address inside free text ("refund for ada@example.com" -> "refund for a***@e***.com"), so
// notes and search terms that quote an address can be stored or exported without it.
QString maskEmailsIn(const QString& text);
// "Ada Lovelace" -> "A*** L***".
QString maskName(const QString& name);
// "sk_test_51Nabc...wxyz" -> "sk_test_…wxyz": the prefix says which kind of key, the tail which one.
QString maskSecret(const QString& secret);

} // namespace billbridge::util
