#include "util/jsonindent.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace billbridge::util {

QString indentJson(const QByteArray& json, int indentWidth)
{
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return QString::fromUtf8(json);
    // Re-indents the text itself: the document above only tells that it is well formed.
    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    bool inString = false;
    bool escape = false;
    const auto newline = [&out, &depth, indentWidth] {
        out.append('\n');
        out.append(QByteArray(depth * indentWidth, ' '));
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            out.append(c);
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            out.append(c);
            break;
        case '{':
        case '[': {
            qsizetype next = i + 1;
            while (next < json.size() && QChar::isSpace(uchar(json.at(next))))
                ++next;
            const char close = c == '{' ? '}' : ']';
            if (next < json.size() && json.at(next) == close) {
                out.append(c).append(close);
                i = next;
                break;
            }
            out.append(c);
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out.append(c);
            break;
        case ',':
            out.append(c);
            newline();
            break;
        case ':':
            out.append(": ");
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        default:
            out.append(c);
        }
    }
    return QString::fromUtf8(out);
}

} // namespace billbridge::util
