#pragma once

#include <QLocale>

class QCoreApplication;

namespace billbridge::widgets {

// Installs the console's translation for `locale` (embedded at :/i18n) and, when the system has them,
// Qt's own translations for standard buttons and dialogs. English needs no file and returns false, as
// does a language without a translation; the interface then stays in English. Translators installed by
// an earlier call are replaced, so the language can be switched at run time.
bool installTranslations(QCoreApplication& application, const QLocale& locale = QLocale());

} // namespace billbridge::widgets
