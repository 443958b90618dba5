#pragma once

#include <QByteArray>
#include <QString>

namespace billbridge::util {

// Indents JSON text for people without reordering its members (QJsonDocument would sort the keys, and an
// operator comparing a request with Customer.io's logs needs the order that was sent). Text that is not
// well-formed JSON comes back unchanged.
QString indentJson(const QByteArray& json, int indentWidth = 2);

} // namespace billbridge::util
