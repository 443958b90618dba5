#include "home/homewindow.h"

#include <QLabel>

namespace billbridge::widgets {

HomeWindow::HomeWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Billbridge"));
    setCentralWidget(new QLabel(tr("Billbridge"), this));
}

} // namespace billbridge::widgets
