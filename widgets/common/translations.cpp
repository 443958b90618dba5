#include "common/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace billbridge::widgets {

namespace {

// Children of the application, found again by name so that a second call replaces rather than stacks them.
constexpr auto kOwnTranslator = "billbridge-translator";
constexpr auto kQtTranslator = "billbridge-qt-translator";

void removeTranslator(QCoreApplication& application, const char* name)
{
    auto* old = application.findChild<QTranslator*>(QLatin1String(name), Qt::FindDirectChildrenOnly);
    if (old == nullptr)
        return;
    QCoreApplication::removeTranslator(old);
    delete old;
}

bool installOne(QCoreApplication& application, const char* name, const QLocale& locale, const QString& file,
                const QString& folder)
{
    auto* translator = new QTranslator(&application);
    translator->setObjectName(QLatin1String(name));
    if (!translator->load(locale, file, QStringLiteral("_"), folder)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

bool installTranslations(QCoreApplication& application, const QLocale& locale)
{
    removeTranslator(application, kOwnTranslator);
    removeTranslator(application, kQtTranslator);
    installOne(application, kQtTranslator, locale, QStringLiteral("qtbase"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return installOne(application, kOwnTranslator, locale, QStringLiteral("billbridge"),
                      QStringLiteral(":/i18n"));
}

} // namespace billbridge::widgets
