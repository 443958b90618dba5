#include "stripe/eventpage.h"

#include "util/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace billbridge::stripe {

namespace {

// A structural walk over text that QJsonDocument has already accepted, so it only needs to find where
// values start and end, not to judge them. Any surprise makes it give up and the caller re-serialises.
class ListSlicer {
public:
    explicit ListSlicer(const QByteArray& text)
        : m_text(text)
    {}

    std::optional<std::vector<QByteArray>> dataElements()
    {
        skipSpace();
        if (!consume('{'))
            return std::nullopt;
        std::optional<std::vector<QByteArray>> found;
        for (;;) {
            skipSpace();
            if (peek() == '}')
                return found;
            const qsizetype keyStart = m_pos;
            if (!skipString())
                return std::nullopt;
            const QByteArrayView key(m_text.constData() + keyStart + 1, m_pos - keyStart - 2);
            skipSpace();
            if (!consume(':'))
                return std::nullopt;
            skipSpace();
            if (key == "data") {
                found = arrayElements();
                if (!found)
                    return std::nullopt;
            } else if (!skipValue()) {
                return std::nullopt;
            }
            skipSpace();
            if (peek() == ',')
                ++m_pos;
            else if (peek() != '}')
                return std::nullopt;
        }
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text.at(m_pos) : '\0'; }

    bool consume(char expected)
    {
        if (peek() != expected)
            return false;
        ++m_pos;
        return true;
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && (peek() == ' ' || peek() == '\n' || peek() == '\r' || peek() == '\t'))
            ++m_pos;
    }

    bool skipString()
    {
        if (!consume('"'))
            return false;
        while (m_pos < m_text.size()) {
            const char c = m_text.at(m_pos++);
            if (c == '\\')
                ++m_pos;
            else if (c == '"')
                return true;
        }
        return false;
    }

    bool skipValue()
    {
        const char first = peek();
        if (first == '"')
            return skipString();
        if (first == '{' || first == '[') {
            int depth = 0;
            while (m_pos < m_text.size()) {
                const char c = peek();
                if (c == '"') {
                    if (!skipString())
                        return false;
                    continue;
                }
                ++m_pos;
                if (c == '{' || c == '[')
                    ++depth;
                else if ((c == '}' || c == ']') && --depth == 0)
                    return true;
            }
            return false;
        }
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()) {
            const char c = peek();
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t')
                break;
            ++m_pos;
        }
        return m_pos > start;
    }

    std::optional<std::vector<QByteArray>> arrayElements()
    {
        if (!consume('['))
            return std::nullopt;
        std::vector<QByteArray> elements;
        skipSpace();
        if (consume(']'))
            return elements;
        for (;;) {
            skipSpace();
            const qsizetype start = m_pos;
            if (!skipValue())
                return std::nullopt;
            elements.push_back(m_text.mid(start, m_pos - start));
            skipSpace();
            if (consume(']'))
                return elements;
            if (!consume(','))
                return std::nullopt;
        }
    }

    const QByteArray& m_text;
    qsizetype m_pos = 0;
};

} // namespace

EventPageParse parseEventPage(const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {std::nullopt, QStringLiteral("malformed JSON at byte %1 (%2)")
                                  .arg(parseError.offset)
                                  .arg(parseError.errorString())};
    const QJsonObject envelope = document.object();
    if (envelope.value(QLatin1String("object")).toString() != QLatin1String("list") ||
        !envelope.value(QLatin1String("data")).isArray())
        return {std::nullopt, QStringLiteral("the answer is JSON but not a list of events")};
    const QJsonValue hasMore = envelope.value(QLatin1String("has_more"));
    if (!hasMore.isBool())
        return {std::nullopt, QStringLiteral("the list has no has_more flag")};

    const QJsonArray data = envelope.value(QLatin1String("data")).toArray();
    EventPage page;
    page.hasMore = hasMore.toBool();
    page.ids.reserve(static_cast<std::size_t>(data.size()));
    for (const QJsonValue& element : data) {
        const QString id = element.toObject().value(QLatin1String("id")).toString();
        if (id.isEmpty())
            return {std::nullopt, QStringLiteral("an element of the list has no id")};
        page.ids.push_back(id);
    }

    auto slices = ListSlicer(body).dataElements();
    if (slices && slices->size() == static_cast<std::size_t>(data.size())) {
        page.events = std::move(*slices);
    } else {
        qCWarning(lcStripe)
            << "could not locate the events inside the list answer; storing them re-serialised";
        for (const QJsonValue& element : data)
            page.events.push_back(QJsonDocument(element.toObject()).toJson(QJsonDocument::Compact));
    }
    return {std::move(page), {}};
}

} // namespace billbridge::stripe
