#include "home/homewindow.h"

#include <QApplication>
#include <QIcon>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Billbridge"));
    QApplication::setOrganizationName(QStringLiteral("Billbridge"));
    QApplication::setApplicationVersion(QStringLiteral(BILLBRIDGE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/billbridge.svg")));
    billbridge::widgets::HomeWindow window;
    window.show();
    return app.exec();
}
