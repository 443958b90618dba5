#include "demo/jsonwriter.h"

namespace billbridge::demo {

JsonWriter::JsonWriter()
{
    m_out.reserve(8192);
    m_levels.reserve(16);
}

void JsonWriter::newline()
{
    m_out.append('\n');
    m_out.append(QByteArray(qsizetype(m_levels.size()) * 2, ' '));
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.empty())
        return;
    Level& level = m_levels.back();
    if (!level.first)
        m_out.append(',');
    level.first = false;
    newline();
}

void JsonWriter::beginObject()
{
    beforeValue();
    m_out.append('{');
    m_levels.push_back({});
}

void JsonWriter::endObject()
{
    const bool empty = m_levels.back().first;
    m_levels.pop_back();
    if (!empty)
        newline();
    m_out.append('}');
}

void JsonWriter::beginArray()
{
    beforeValue();
    m_out.append('[');
    m_levels.push_back({});
}

void JsonWriter::endArray()
{
    const bool empty = m_levels.back().first;
    m_levels.pop_back();
    if (!empty)
        newline();
    m_out.append(']');
}

JsonWriter& JsonWriter::key(QByteArrayView name)
{
    beforeValue();
    m_out.append('"');
    m_out.append(name);
    m_out.append("\": ");
    m_afterKey = true;
    return *this;
}

void JsonWriter::string(QStringView text)
{
    beforeValue();
    m_out.append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            m_out.append('\\');
            m_out.append(c);
        } else if (byte < 0x20) {
            static const char hex[] = "0123456789abcdef";
            const char escaped[] = {'\\', 'u', '0', '0', hex[byte >> 4], hex[byte & 0xf]};
            m_out.append(escaped, sizeof escaped);
        } else {
            m_out.append(c);
        }
    }
    m_out.append('"');
}

void JsonWriter::latin1(QByteArrayView text)
{
    // Only used for literals and ids the generator makes itself, which never need escaping.
    beforeValue();
    m_out.append('"');
    m_out.append(text);
    m_out.append('"');
}

void JsonWriter::number(std::int64_t value)
{
    beforeValue();
    m_out.append(QByteArray::number(qint64(value)));
}

void JsonWriter::boolean(bool value)
{
    beforeValue();
    m_out.append(value ? "true" : "false");
}

void JsonWriter::null()
{
    beforeValue();
    m_out.append("null");
}

void JsonWriter::optionalText(QByteArrayView name, const QString& text)
{
    if (text.isEmpty())
        key(name).null();
    else
        key(name).string(text);
}

void JsonWriter::optionalNumber(QByteArrayView name, std::optional<std::int64_t> value)
{
    if (value)
        key(name).number(*value);
    else
        key(name).null();
}

void JsonWriter::emptyObject(QByteArrayView name)
{
    key(name);
    beginObject();
    endObject();
}

void JsonWriter::emptyArray(QByteArrayView name)
{
    key(name);
    beginArray();
    endArray();
}

QByteArray JsonWriter::take()
{
    QByteArray out = std::move(m_out);
    m_out = QByteArray();
    m_out.reserve(8192);
    m_levels.clear();
    m_afterKey = false;
    return out;
}

} // namespace billbridge::demo
