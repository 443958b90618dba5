#pragma once

#include <QString>

class QLabel;

namespace billbridge::widgets {

// Shows `text` in the label (red when it reports a problem) and hides the label while there is nothing to
// say.
void showMessage(QLabel* label, const QString& text, bool problem);

} // namespace billbridge::widgets
