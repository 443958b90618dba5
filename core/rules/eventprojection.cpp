#include "rules/eventprojection.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace billbridge::rules {

// Walks the raw JSON once. Values no rule reads are only checked for well-formedness and skipped; values a
// rule reads are handed to QJsonDocument (or decoded directly when they are plain strings and literals), so
// that they come out exactly as a full parse would make them. Anything unusual (an escaped key, deep nesting,
// a value it cannot read) makes the caller fall back to a full parse, which also decides what malformed
// input gives.
class EventProjector final {
public:
    EventProjector(const std::vector<EventProjection::Node>& nodes, const QByteArray& raw)
        : m_nodes(nodes)
        , m_at(raw.constData())
        , m_end(raw.constData() + raw.size())
    {}

    bool run(QJsonObject& out)
    {
        space();
        if (m_at == m_end || *m_at != '{' || !object(0, out, 0))
            return false;
        space();
        return m_at == m_end;
    }

private:
    static constexpr int kMaxDepth = 512;

    void space()
    {
        while (m_at != m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
            ++m_at;
    }

    bool expect(char c)
    {
        space();
        if (m_at == m_end || *m_at != c)
            return false;
        ++m_at;
        return true;
    }

    // At the opening quote; leaves m_at after the closing one.
    bool string(bool& escaped)
    {
        ++m_at;
        while (m_at != m_end) {
            const unsigned char c = static_cast<unsigned char>(*m_at);
            if (c == '"') {
                ++m_at;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c == '\\') {
                escaped = true;
                if (m_end - m_at < 2)
                    return false;
                const char next = m_at[1];
                if (next == 'u') {
                    if (m_end - m_at < 6)
                        return false;
                    for (int i = 2; i < 6; ++i) {
                        if (!std::isxdigit(static_cast<unsigned char>(m_at[i])))
                            return false;
                    }
                    m_at += 6;
                    continue;
                }
                if (!std::strchr("\"\\/bfnrt", next) || next == 0)
                    return false;
                m_at += 2;
                continue;
            }
            ++m_at;
        }
        return false;
    }

    bool digits()
    {
        const char* start = m_at;
        while (m_at != m_end && *m_at >= '0' && *m_at <= '9')
            ++m_at;
        return m_at != start;
    }

    bool number()
    {
        if (*m_at == '-')
            ++m_at;
        if (m_at == m_end)
            return false;
        if (*m_at == '0')
            ++m_at;
        else if (!digits())
            return false;
        if (m_at != m_end && *m_at == '.') {
            ++m_at;
            if (!digits())
                return false;
        }
        if (m_at != m_end && (*m_at == 'e' || *m_at == 'E')) {
            ++m_at;
            if (m_at != m_end && (*m_at == '+' || *m_at == '-'))
                ++m_at;
            if (!digits())
                return false;
        }
        return true;
    }

    bool literal(const char* word)
    {
        const std::size_t length = std::strlen(word);
        if (std::size_t(m_end - m_at) < length || std::memcmp(m_at, word, length) != 0)
            return false;
        m_at += length;
        return true;
    }

    bool skip(int depth)
    {
        space();
        if (m_at == m_end || depth > kMaxDepth)
            return false;
        bool escaped = false;
        switch (*m_at) {
        case '"':
            return string(escaped);
        case '{': {
            ++m_at;
            space();
            if (m_at != m_end && *m_at == '}') {
                ++m_at;
                return true;
            }
            for (;;) {
                space();
                if (m_at == m_end || *m_at != '"' || !string(escaped) || !expect(':') || !skip(depth + 1))
                    return false;
                space();
                if (m_at == m_end)
                    return false;
                if (*m_at == '}') {
                    ++m_at;
                    return true;
                }
                if (*m_at++ != ',')
                    return false;
            }
        }
        case '[': {
            ++m_at;
            space();
            if (m_at != m_end && *m_at == ']') {
                ++m_at;
                return true;
            }
            for (;;) {
                if (!skip(depth + 1))
                    return false;
                space();
                if (m_at == m_end)
                    return false;
                if (*m_at == ']') {
                    ++m_at;
                    return true;
                }
                if (*m_at++ != ',')
                    return false;
            }
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    // A value exactly as QJsonDocument reads it.
    static bool valueOf(const char* begin, const char* end, bool escaped, QJsonValue& value)
    {
        const qsizetype size = end - begin;
        switch (*begin) {
        case '"':
            if (escaped)
                break;
            value = QString::fromUtf8(begin + 1, size - 2);
            return true;
        case 't':
            value = true;
            return true;
        case 'f':
            value = false;
            return true;
        case 'n':
            value = QJsonValue(QJsonValue::Null);
            return true;
        case '{':
        case '[': {
            QJsonParseError error;
            const QJsonDocument document =
                QJsonDocument::fromJson(QByteArray::fromRawData(begin, size), &error);
            if (error.error != QJsonParseError::NoError)
                return false;
            value = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
            return true;
        }
        default:
            break;
        }
        // Plain integers (ids, timestamps, amounts, counts) are what Qt makes of them: a 64-bit integer.
        // Fifteen digits at most, so that the value is exact either way.
        if (const qsizetype digits = size - (*begin == '-' ? 1 : 0); digits > 0 && digits <= 15) {
            bool ok = false;
            const qlonglong number = QByteArrayView(begin, size).toLongLong(&ok);
            if (ok && std::all_of(begin + (*begin == '-' ? 1 : 0), end,
                                  [](char c) { return c >= '0' && c <= '9'; })) {
                value = QJsonValue(qint64(number));
                return true;
            }
        }
        // Other numbers and escaped strings: through Qt's parser.
        QByteArray wrapped;
        wrapped.reserve(size + 2);
        wrapped.append('[').append(begin, size).append(']');
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
        if (error.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != 1)
            return false;
        value = document.array().at(0);
        return true;
    }

    int childOf(int node, const char* key, std::size_t length) const
    {
        for (const auto& [name, index] : m_nodes[std::size_t(node)].children) {
            if (name.size() == length && std::memcmp(name.data(), key, length) == 0)
                return index;
        }
        return -1;
    }

    // At '{'.
    bool object(int node, QJsonObject& out, int depth)
    {
        if (depth > kMaxDepth)
            return false;
        ++m_at;
        space();
        if (m_at != m_end && *m_at == '}') {
            ++m_at;
            return true;
        }
        for (;;) {
            space();
            if (m_at == m_end || *m_at != '"')
                return false;
            const char* keyBegin = m_at + 1;
            bool keyEscaped = false;
            if (!string(keyEscaped) || keyEscaped) // an escaped key could spell a wanted one: let Qt read it
                return false;
            const char* keyEnd = m_at - 1;
            if (!expect(':'))
                return false;
            space();
            if (m_at == m_end)
                return false;
            const int child = childOf(node, keyBegin, std::size_t(keyEnd - keyBegin));
            if (child < 0) {
                if (!skip(depth + 1))
                    return false;
            } else if (!m_nodes[std::size_t(child)].whole && *m_at == '{') {
                QJsonObject inner;
                if (!object(child, inner, depth + 1))
                    return false;
                out.insert(QString::fromUtf8(keyBegin, keyEnd - keyBegin), inner);
            } else {
                const char* valueBegin = m_at;
                bool escaped = false;
                if (*m_at == '"') {
                    if (!string(escaped))
                        return false;
                } else if (!skip(depth + 1)) {
                    return false;
                }
                QJsonValue value;
                if (!valueOf(valueBegin, m_at, escaped, value))
                    return false;
                out.insert(QString::fromUtf8(keyBegin, keyEnd - keyBegin), value);
            }
            space();
            if (m_at == m_end)
                return false;
            if (*m_at == '}') {
                ++m_at;
                return true;
            }
            if (*m_at++ != ',')
                return false;
        }
    }

    const std::vector<EventProjection::Node>& m_nodes;
    const char* m_at;
    const char* m_end;
};

EventProjection::EventProjection(const QList<Rule>& rules)
{
    m_nodes.emplace_back();
    // What every evaluation reads: RuleInput::eventId(), eventType(), createdSeconds() and the object's type.
    keep(QStringLiteral("id"));
    keep(QStringLiteral("type"));
    keep(QStringLiteral("created"));
    keep(QStringLiteral("data.object.object"));
    static const QString metadataPrefix = QStringLiteral("customer.metadata.");
    const auto keepField = [this](const QString& field) {
        if (field.startsWith(metadataPrefix)) {
            keep(QStringLiteral("data.object.metadata"));
            keep(QStringLiteral("data.object.customer"));
        } else if (field.startsWith(QLatin1String("data."))) {
            keep(field);
        } else {
            keepDerived(field);
        }
    };
    const auto keepSource = [this](const ValueSource& source) {
        if (source.kind == ValueSource::Kind::Path)
            keep(source.name);
        else if (source.kind == ValueSource::Kind::Derived)
            keepDerived(source.name);
    };
    for (const Rule& rule : rules) {
        for (const Condition& condition : rule.conditions)
            keepField(condition.field);
        for (const Action& action : rule.actions) {
            for (const auto& [key, source] : action.data)
                keepSource(source);
            if (action.type == ActionType::SendTransactional)
                keepDerived(QStringLiteral("customer_email"));
            if (action.type == ActionType::Slack) {
                for (const QString& name : placeholdersIn(action.text))
                    keepDerived(name);
            }
        }
        if (rule.delaySeconds > 0 && !rule.exits.isEmpty()) {
            keepDerived(QStringLiteral("invoice_id"));
            keepDerived(QStringLiteral("subscription_id"));
        }
    }
}

int EventProjection::child(int node, const std::string& key)
{
    for (const auto& [name, index] : m_nodes[std::size_t(node)].children) {
        if (name == key)
            return index;
    }
    const int index = int(m_nodes.size());
    m_nodes.emplace_back();
    m_nodes[std::size_t(node)].children.emplace_back(key, index);
    return index;
}

void EventProjection::keep(const QString& dottedPath)
{
    int node = 0;
    for (const QString& part : dottedPath.split(QLatin1Char('.'))) {
        if (m_nodes[std::size_t(node)].whole)
            return;
        node = child(node, part.toStdString());
    }
    m_nodes[std::size_t(node)].whole = true;
}

// The event fields RuleInput::derived() reads for each name (keep in step with it); names that come from
// the customer's state alone need nothing.
void EventProjection::keepDerived(const QString& name)
{
    const auto object = [this](const char* key) {
        keep(QStringLiteral("data.object.") + QLatin1String(key));
    };
    if (name == QLatin1String("event_id")) {
        keep(QStringLiteral("id"));
    } else if (name == QLatin1String("event_type")) {
        keep(QStringLiteral("type"));
    } else if (name == QLatin1String("subscription_status")) {
        object("status");
    } else if (name == QLatin1String("currency") || name == QLatin1String("lifetime_value")) {
        object("currency");
    } else if (name == QLatin1String("attempt_count") || name == QLatin1String("next_payment_attempt") ||
               name == QLatin1String("hosted_invoice_url")) {
        keep(QStringLiteral("data.object.") + name);
    } else if (name == QLatin1String("invoice_id")) {
        object("id");
        object("invoice");
    } else if (name == QLatin1String("subscription_id")) {
        object("id");
        object("parent.subscription_details.subscription");
        object("subscription");
    } else if (name == QLatin1String("amount")) {
        for (const char* key :
             {"currency", "amount_paid", "amount_due", "amount_refunded", "amount", "items"})
            object(key);
    } else if (name == QLatin1String("customer_email")) {
        object("email");
        object("customer_email");
    } else if (name == QLatin1String("customer_name")) {
        object("name");
        object("customer_name");
        object("billing_details.name");
    }
}

QJsonObject EventProjection::project(const QByteArray& raw) const
{
    QJsonObject out;
    EventProjector projector(m_nodes, raw);
    if (projector.run(out))
        return out;
    return QJsonDocument::fromJson(raw).object();
}

} // namespace billbridge::rules
