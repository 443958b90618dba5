#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace billbridge::test {

// The whole file; empty when it cannot be read.
QByteArray readAll(const QString& path);
// Creates or replaces the file with `contents`; false when it cannot be written in full.
bool writeFile(const QString& path, const QByteArray& contents = {});
// The lines of a text, without the empty one after a final newline.
QList<QByteArray> linesOf(const QByteArray& contents);

} // namespace billbridge::test
