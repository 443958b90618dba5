#pragma once

#include <QString>

namespace billbridge::widgets {

// Labels that show commands use rich text; anything that came from outside (paths, messages, answers)
// goes through these so that it is shown, never interpreted.
inline QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

// A command the operator can copy, in a monospace face, kept out of the translated sentence around it.
// It is never broken across lines: a break after the hyphen in "billbridge-cli" reads like part of it.
inline QString commandHtml(const QString& command)
{
    return QStringLiteral("<nobr><code>") + command.toHtmlEscaped() + QStringLiteral("</code></nobr>");
}

} // namespace billbridge::widgets
