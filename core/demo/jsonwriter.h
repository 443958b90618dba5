#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace billbridge::demo {

// Writes JSON the way Stripe's webhook bodies look: two-space indentation, keys in the order they are
// written (Stripe lists `id` and `object` first, the rest alphabetically), raw UTF-8. QJsonDocument sorts
// every object's keys and cannot keep that order, and building a document per event would also cost
// several times more than appending bytes.
class JsonWriter final {
public:
    JsonWriter();

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // Starts a member of the current object; the next value or container is its value.
    JsonWriter& key(QByteArrayView name);

    void string(QStringView text);
    void latin1(QByteArrayView text);
    void number(std::int64_t value);
    void boolean(bool value);
    void null();

    // One-line members for the common shapes.
    void field(QByteArrayView name, QStringView text) { key(name).string(text); }
    void field(QByteArrayView name, const QString& text) { key(name).string(text); }
    void field(QByteArrayView name, const char* text) { key(name).latin1(text); }
    void field(QByteArrayView name, std::int64_t value) { key(name).number(value); }
    void field(QByteArrayView name, int value) { key(name).number(value); }
    void field(QByteArrayView name, bool value) { key(name).boolean(value); }
    void field(QByteArrayView name, std::nullptr_t) { key(name).null(); }
    // Null when the text is empty or the number is absent: Stripe sends null, never "" or 0, for unset.
    void optionalText(QByteArrayView name, const QString& text);
    void optionalNumber(QByteArrayView name, std::optional<std::int64_t> value);
    void emptyObject(QByteArrayView name);
    void emptyArray(QByteArrayView name);

    QByteArray take();

private:
    void beforeValue();
    void newline();

    struct Level {
        bool first = true;
    };
    QByteArray m_out;
    std::vector<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace billbridge::demo
