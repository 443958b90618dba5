#include "common/translations.h"
#include "home/homewindow.h"
#include "home/receiverprobe.h"
#include "home/storesummary.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace {

constexpr int kExitFailure = 1;

void printError(const QString& message)
{
    std::fprintf(stderr, "billbridge: %s\n", message.toLocal8Bit().constData());
}

// --grab: once the first figures are on screen, save the window as an image and quit. Used for the
// documentation's screenshots, so it must never hang: without figures after a while it gives up.
void grabWhenReady(billbridge::widgets::HomeWindow* window, const QString& path)
{
    using billbridge::widgets::HomeWindow;
    const auto save = [window, path] {
        // The last update may have shown or hidden panels; a short pause lets the layouts settle.
        QTimer::singleShot(200, window, [window, path] {
            if (!window->grab().save(path)) {
                printError(QCoreApplication::translate("main",
                                                       "cannot write the picture to %1. Check that its "
                                                       "folder exists and is writable.")
                               .arg(path));
                QCoreApplication::exit(kExitFailure);
                return;
            }
            QCoreApplication::quit();
        });
    };
    if (window->isReady())
        save();
    else
        QObject::connect(window, &HomeWindow::ready, window, save);
    QTimer::singleShot(30000, window, [] {
        printError(QCoreApplication::translate("main", "the window did not show the store and the receiver "
                                                       "within 30 s; no picture was taken."));
        QCoreApplication::exit(kExitFailure);
    });
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Billbridge"));
    QApplication::setOrganizationName(QStringLiteral("Billbridge"));
    QApplication::setApplicationVersion(QStringLiteral(BILLBRIDGE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.billbridge.Billbridge"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/billbridge.svg")));
    billbridge::widgets::installTranslations(app);

    using namespace billbridge;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Operations console for Stripe billing events on their way to Customer.io."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QCoreApplication::translate("main", "Store file to show (default: $BILLBRIDGE_DB, else %1).")
            .arg(store::Database::defaultPath()),
        QCoreApplication::translate("main", "path"));
    const QCommandLineOption receiverOption(
        QStringLiteral("receiver"),
        QCoreApplication::translate("main", "Address of the receiver started by 'billbridge-cli serve' "
                                            "(default: $BILLBRIDGE_RECEIVER, else %1).")
            .arg(QLatin1String(widgets::ReceiverProbe::kDefaultAddress)),
        QCoreApplication::translate("main", "host:port"));
    const QCommandLineOption grabOption(
        QStringLiteral("grab"),
        QCoreApplication::translate(
            "main", "Save a picture of the window to FILE once it shows the first figures, then quit."),
        QCoreApplication::translate("main", "FILE"));
    parser.addOptions({dbOption, receiverOption, grabOption});
    parser.process(app);

    widgets::StoreSummary storeSummary(store::Database::resolvePath(parser.value(dbOption)));
    widgets::ReceiverProbe receiverProbe(
        widgets::ReceiverProbe::resolveAddress(parser.value(receiverOption)));
    widgets::HomeWindow window(&storeSummary, &receiverProbe);
    const QString grabPath = parser.value(grabOption);
    if (grabPath.isEmpty())
        window.restoreSavedGeometry();
    else
        grabWhenReady(&window, grabPath);
    window.show();
    storeSummary.start();
    receiverProbe.start();
    return QApplication::exec();
}
