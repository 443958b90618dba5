#include "common/messagelabel.h"

#include <QLabel>

namespace billbridge::widgets {

void showMessage(QLabel* label, const QString& text, bool problem)
{
    label->setText(text);
    label->setStyleSheet(problem ? QStringLiteral("color: #b71c1c;") : QString());
    label->setVisible(!text.isEmpty());
}

} // namespace billbridge::widgets
