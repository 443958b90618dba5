#include "events/jsontreemodel.h"

#include "common/timeformat.h"
#include "util/hexdigits.h"
#include "util/money.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace billbridge::widgets {

namespace {

using Node = JsonTreeModel::Node;
using Kind = JsonTreeModel::Kind;

constexpr auto kContext = "billbridge::widgets::JsonTreeModel";
// Deeper than any Stripe object by far; it keeps a hostile payload from exhausting the stack.
constexpr int kMaxDepth = 512;

QString translated(const char* text)
{
    return QCoreApplication::translate(kContext, text);
}

// Recursive descent over the exact bytes (RFC 8259), appending to a flat node vector so that objects keep
// their members in the order they were sent.
class Parser final {
public:
    Parser(const QByteArray& raw, std::vector<Node>& nodes)
        : m_data(raw.constData())
        , m_size(raw.size())
        , m_nodes(nodes)
    {}

    bool parseDocument(int holder)
    {
        skipWhitespace();
        if (!parseValue(holder, QString(), -1, 0))
            return false;
        skipWhitespace();
        if (m_pos < m_size)
            return fail(translated("unexpected text after the end of the document"));
        return true;
    }

    QString error() const { return m_error; }
    qsizetype errorOffset() const { return m_errorOffset; }

private:
    bool fail(const QString& message)
    {
        if (m_error.isEmpty()) {
            m_error = message;
            m_errorOffset = std::min(m_pos, m_size);
        }
        return false;
    }

    bool atEnd() const { return m_pos >= m_size; }
    char peek() const { return m_pos < m_size ? m_data[m_pos] : '\0'; }

    void skipWhitespace()
    {
        while (m_pos < m_size) {
            const char c = m_data[m_pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                return;
            ++m_pos;
        }
    }

    int append(int parent, QString key, int position, Kind kind)
    {
        const int index = static_cast<int>(m_nodes.size());
        Node node;
        node.parent = parent;
        node.row = static_cast<int>(m_nodes[parent].children.size());
        node.position = position;
        node.kind = kind;
        node.key = std::move(key);
        node.begin = m_pos;
        m_nodes.push_back(std::move(node));
        m_nodes[parent].children.push_back(index);
        return index;
    }

    bool parseValue(int parent, QString key, int position, int depth)
    {
        if (atEnd())
            return fail(translated("the document ends where a value was expected"));
        switch (peek()) {
        case '{':
            return parseObject(append(parent, std::move(key), position, Kind::Object), depth);
        case '[':
            return parseArray(append(parent, std::move(key), position, Kind::Array), depth);
        case '"': {
            const int node = append(parent, std::move(key), position, Kind::String);
            QString text;
            if (!parseString(text))
                return false;
            m_nodes[node].text = std::move(text);
            m_nodes[node].end = m_pos;
            return true;
        }
        case 't':
            return parseLiteral(append(parent, std::move(key), position, Kind::Bool), "true");
        case 'f':
            return parseLiteral(append(parent, std::move(key), position, Kind::Bool), "false");
        case 'n':
            return parseLiteral(append(parent, std::move(key), position, Kind::Null), "null");
        default:
            if (peek() == '-' || (peek() >= '0' && peek() <= '9'))
                return parseNumber(append(parent, std::move(key), position, Kind::Number));
            return fail(translated("unexpected character where a value was expected"));
        }
    }

    bool parseObject(int node, int depth)
    {
        if (depth >= kMaxDepth)
            return fail(translated("objects and arrays are nested too deeply"));
        ++m_pos;
        skipWhitespace();
        if (peek() == '}') {
            ++m_pos;
            m_nodes[node].end = m_pos;
            return true;
        }
        for (;;) {
            skipWhitespace();
            if (peek() != '"')
                return fail(translated("expected a quoted key"));
            QString key;
            if (!parseString(key))
                return false;
            skipWhitespace();
            if (peek() != ':')
                return fail(translated("expected ':' after a key"));
            ++m_pos;
            skipWhitespace();
            if (!parseValue(node, std::move(key), -1, depth + 1))
                return false;
            skipWhitespace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                m_nodes[node].end = m_pos;
                return true;
            }
            return fail(translated("expected ',' or '}' in an object"));
        }
    }

    bool parseArray(int node, int depth)
    {
        if (depth >= kMaxDepth)
            return fail(translated("objects and arrays are nested too deeply"));
        ++m_pos;
        skipWhitespace();
        if (peek() == ']') {
            ++m_pos;
            m_nodes[node].end = m_pos;
            return true;
        }
        for (int position = 0;; ++position) {
            skipWhitespace();
            if (!parseValue(node, QString(), position, depth + 1))
                return false;
            skipWhitespace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                m_nodes[node].end = m_pos;
                return true;
            }
            return fail(translated("expected ',' or ']' in an array"));
        }
    }

    bool parseLiteral(int node, const char* literal)
    {
        const qsizetype length = qstrlen(literal);
        if (m_size - m_pos < length || qstrncmp(m_data + m_pos, literal, length) != 0)
            return fail(translated("unexpected character where a value was expected"));
        m_pos += length;
        m_nodes[node].text = QString::fromLatin1(literal);
        m_nodes[node].end = m_pos;
        return true;
    }

    bool isDigit() const { return peek() >= '0' && peek() <= '9'; }

    bool parseNumber(int node)
    {
        const qsizetype begin = m_pos;
        if (peek() == '-')
            ++m_pos;
        if (peek() == '0') {
            ++m_pos;
        } else if (isDigit()) {
            while (isDigit())
                ++m_pos;
        } else {
            return fail(translated("a number needs digits"));
        }
        if (peek() == '.') {
            ++m_pos;
            if (!isDigit())
                return fail(translated("a number needs digits after the decimal point"));
            while (isDigit())
                ++m_pos;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (!isDigit())
                return fail(translated("a number needs digits in its exponent"));
            while (isDigit())
                ++m_pos;
        }
        m_nodes[node].text = QString::fromLatin1(m_data + begin, m_pos - begin);
        m_nodes[node].end = m_pos;
        return true;
    }

    bool parseHex4(char16_t& unit)
    {
        if (m_size - m_pos < 4)
            return fail(translated("a \\u escape needs four hex digits"));
        const std::optional<char16_t> decoded = util::utf16UnitFromHex(m_data + m_pos);
        if (!decoded)
            return fail(translated("a \\u escape needs four hex digits"));
        unit = *decoded;
        m_pos += 4;
        return true;
    }

    // Runs without escapes are decoded in one piece: Stripe's strings rarely contain any.
    bool parseString(QString& out)
    {
        ++m_pos;
        qsizetype runStart = m_pos;
        auto flush = [&] {
            if (m_pos > runStart)
                out += QString::fromUtf8(m_data + runStart, m_pos - runStart);
        };
        while (m_pos < m_size) {
            const char c = m_data[m_pos];
            if (c == '"') {
                flush();
                ++m_pos;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return fail(translated("a control character must be escaped inside a string"));
            if (c != '\\') {
                ++m_pos;
                continue;
            }
            flush();
            ++m_pos;
            if (atEnd())
                break;
            const char escape = m_data[m_pos++];
            switch (escape) {
            case '"':
                out += QLatin1Char('"');
                break;
            case '\\':
                out += QLatin1Char('\\');
                break;
            case '/':
                out += QLatin1Char('/');
                break;
            case 'b':
                out += QLatin1Char('\b');
                break;
            case 'f':
                out += QLatin1Char('\f');
                break;
            case 'n':
                out += QLatin1Char('\n');
                break;
            case 'r':
                out += QLatin1Char('\r');
                break;
            case 't':
                out += QLatin1Char('\t');
                break;
            case 'u': {
                char16_t unit = 0;
                if (!parseHex4(unit))
                    return false;
                out += QChar(unit);
                // A surrogate pair arrives as two escapes; a lone half is kept as sent.
                if (QChar::isHighSurrogate(unit) && m_size - m_pos >= 6 && m_data[m_pos] == '\\' &&
                    m_data[m_pos + 1] == 'u') {
                    const qsizetype save = m_pos;
                    m_pos += 2;
                    char16_t low = 0;
                    if (parseHex4(low) && QChar::isLowSurrogate(low))
                        out += QChar(low);
                    else
                        m_pos = save;
                }
                break;
            }
            default:
                m_pos -= 2;
                return fail(translated("unknown escape sequence in a string"));
            }
            runStart = m_pos;
        }
        return fail(translated("a string is not closed before the document ends"));
    }

    const char* m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    std::vector<Node>& m_nodes;
    QString m_error;
    qsizetype m_errorOffset = -1;
};

bool isPlainKey(const QString& key)
{
    if (key.isEmpty())
        return false;
    return std::all_of(key.begin(), key.end(), [](QChar c) {
        return c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-'));
    });
}

bool isInteger(const Node& node)
{
    if (node.kind != Kind::Number)
        return false;
    return !node.text.contains(QLatin1Char('.')) && !node.text.contains(QLatin1Char('e')) &&
           !node.text.contains(QLatin1Char('E'));
}

// Stripe writes every point in time as integer Unix seconds in fields named like these.
bool isTimestampKey(const QString& key)
{
    static const std::array<QLatin1String, 7> exact = {QLatin1String("created"),
                                                       QLatin1String("date"),
                                                       QLatin1String("start"),
                                                       QLatin1String("end"),
                                                       QLatin1String("billing_cycle_anchor"),
                                                       QLatin1String("available_on"),
                                                       QLatin1String("next_payment_attempt")};
    if (std::find(exact.begin(), exact.end(), key) != exact.end())
        return true;
    return key.endsWith(QLatin1String("_at")) || key.endsWith(QLatin1String("_date")) ||
           key.endsWith(QLatin1String("_end")) || key.endsWith(QLatin1String("_start"));
}

// Amounts are integers in the currency's smallest unit.
bool isAmountKey(const QString& key)
{
    static const std::array<QLatin1String, 9> exact = {QLatin1String("amount"),
                                                       QLatin1String("total"),
                                                       QLatin1String("subtotal"),
                                                       QLatin1String("balance"),
                                                       QLatin1String("starting_balance"),
                                                       QLatin1String("ending_balance"),
                                                       QLatin1String("tax"),
                                                       QLatin1String("amount_off"),
                                                       QLatin1String("unit_amount")};
    if (std::find(exact.begin(), exact.end(), key) != exact.end())
        return true;
    return key.startsWith(QLatin1String("amount_")) || key.endsWith(QLatin1String("_amount")) ||
           key.startsWith(QLatin1String("total_")) || key.startsWith(QLatin1String("subtotal_"));
}

// Plausible Unix seconds: 1973 to 5138. Keeps counters such as `period_end: 3` from becoming 1970 dates.
std::optional<qint64> timestampOf(const Node& node)
{
    if (!isInteger(node) || !isTimestampKey(node.key))
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = node.text.toLongLong(&ok);
    if (!ok || seconds < 100000000 || seconds >= 100000000000)
        return std::nullopt;
    return seconds;
}

QString localDateTime(qint64 seconds)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(seconds), QLocale::LongFormat);
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{
    m_nodes.emplace_back();
}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::clear()
{
    beginResetModel();
    m_raw.clear();
    m_nodes.clear();
    m_nodes.emplace_back();
    m_rootNode = 0;
    m_errorMessage.clear();
    m_errorOffset = -1;
    endResetModel();
}

void JsonTreeModel::setDocument(const QByteArray& raw)
{
    beginResetModel();
    m_raw = raw;
    m_nodes.clear();
    // Stripe's payloads carry roughly one node per 25 bytes.
    m_nodes.reserve(static_cast<std::size_t>(raw.size() / 25 + 2));
    m_nodes.emplace_back();
    m_rootNode = 0;
    m_errorMessage.clear();
    m_errorOffset = -1;

    Parser parser(m_raw, m_nodes);
    if (parser.parseDocument(0)) {
        const Node& top = m_nodes[1];
        if (top.kind == Kind::Object || top.kind == Kind::Array)
            m_rootNode = 1;
    } else {
        m_errorOffset = parser.errorOffset();
        const QByteArray before = m_raw.left(m_errorOffset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = m_errorOffset - (before.lastIndexOf('\n') + 1) + 1;
        m_errorMessage = tr("The payload is not valid JSON: %1 at line %2, column %3 (byte %4). The raw "
                            "view shows the bytes exactly as received.")
                             .arg(parser.error())
                             .arg(line)
                             .arg(column)
                             .arg(m_errorOffset);
        m_nodes.clear();
        m_nodes.emplace_back();
        Node error;
        error.parent = 0;
        error.kind = Kind::Error;
        error.text = m_errorMessage;
        error.begin = 0;
        error.end = m_raw.size();
        m_nodes.push_back(std::move(error));
        m_nodes[0].children.push_back(1);
    }
    endResetModel();
}

int JsonTreeModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<int>(index.internalId()) : m_rootNode;
}

QModelIndex JsonTreeModel::indexOfNode(int node, int column) const
{
    if (node <= 0 || node == m_rootNode || node >= static_cast<int>(m_nodes.size()))
        return {};
    return createIndex(m_nodes[node].row, column, static_cast<quintptr>(node));
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const Node& node = m_nodes[nodeOf(parent)];
    if (row >= static_cast<int>(node.children.size()))
        return {};
    return createIndex(row, column, static_cast<quintptr>(node.children[row]));
}

QModelIndex JsonTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    return indexOfNode(m_nodes[nodeOf(child)].parent);
}

int JsonTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(m_nodes[nodeOf(parent)].children.size());
}

int JsonTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QString JsonTreeModel::childPath(const QString& parentPath, const QString& key)
{
    if (isPlainKey(key))
        return parentPath.isEmpty() ? key : parentPath + QLatin1Char('.') + key;
    QString escapedKey = key;
    escapedKey.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return parentPath + QLatin1String("[\"") + escapedKey + QLatin1String("\"]");
}

QString JsonTreeModel::elementPath(const QString& parentPath, int position)
{
    return parentPath + QLatin1Char('[') + QString::number(position) + QLatin1Char(']');
}

QString JsonTreeModel::pathOf(const QModelIndex& index) const
{
    if (!index.isValid())
        return {};
    std::vector<int> chain;
    for (int node = nodeOf(index); node > 0 && node != m_rootNode; node = m_nodes[node].parent)
        chain.push_back(node);
    QString path;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const Node& node = m_nodes[*it];
        if (node.kind == Kind::Error)
            return {};
        path = node.position >= 0 ? elementPath(path, node.position) : childPath(path, node.key);
    }
    return path;
}

QModelIndex JsonTreeModel::indexForPath(const QString& path) const
{
    if (path.isEmpty() || !isValid())
        return {};
    int current = m_rootNode;
    QString prefix;
    for (;;) {
        int next = -1;
        QString nextPrefix;
        for (const int child : m_nodes[current].children) {
            const Node& node = m_nodes[child];
            QString candidate =
                node.position >= 0 ? elementPath(prefix, node.position) : childPath(prefix, node.key);
            if (candidate == path)
                return indexOfNode(child);
            if (path.size() > candidate.size() && path.startsWith(candidate) &&
                (path.at(candidate.size()) == QLatin1Char('.') ||
                 path.at(candidate.size()) == QLatin1Char('['))) {
                next = child;
                nextPrefix = std::move(candidate);
                break;
            }
        }
        if (next < 0)
            return {};
        current = next;
        prefix = std::move(nextPrefix);
    }
}

QString JsonTreeModel::formatMoney(qint64 minorUnits, const QString& currency)
{
    return util::formatMoney(minorUnits, currency);
}

QString JsonTreeModel::currencyFor(const Node& node) const
{
    // The amount's own object names its currency; line items and prices carry their own.
    for (int holder = node.parent; holder >= 0; holder = m_nodes[holder].parent) {
        const Node& object = m_nodes[holder];
        if (object.kind != Kind::Object)
            continue;
        for (const int child : object.children) {
            const Node& member = m_nodes[child];
            if (member.kind == Kind::String && member.key == QLatin1String("currency"))
                return member.text;
        }
    }
    return {};
}

QString JsonTreeModel::displayValue(const Node& node) const
{
    switch (node.kind) {
    case Kind::Object: {
        const int count = static_cast<int>(node.children.size());
        return count == 1 ? tr("{1 field}") : tr("{%n fields}", nullptr, count);
    }
    case Kind::Array: {
        const int count = static_cast<int>(node.children.size());
        return count == 1 ? tr("[1 item]") : tr("[%n items]", nullptr, count);
    }
    case Kind::String: {
        // One line per row: line breaks inside a value are shown as their escapes.
        QString text = node.text;
        text.replace(QLatin1Char('\n'), QLatin1String("\\n"))
            .replace(QLatin1Char('\r'), QLatin1String("\\r"));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    case Kind::Number:
        if (const auto seconds = timestampOf(node))
            return tr("%1 (%2)").arg(node.text, formatTableTime(*seconds));
        return node.text;
    case Kind::Bool:
    case Kind::Null:
        return node.text;
    case Kind::Error:
        return node.text;
    }
    return {};
}

QString JsonTreeModel::toolTip(const Node& node) const
{
    if (node.kind == Kind::Error)
        return node.text;
    if (const auto seconds = timestampOf(node))
        return tr("%1 (local time)").arg(localDateTime(*seconds));
    if (isInteger(node) && isAmountKey(node.key)) {
        bool ok = false;
        const qint64 minorUnits = node.text.toLongLong(&ok);
        if (!ok)
            return {};
        const QString currency = currencyFor(node);
        if (currency.isEmpty())
            return tr("%1 in the smallest unit of a currency this object does not name").arg(node.text);
        return formatMoney(minorUnits, currency);
    }
    return {};
}

QVariant JsonTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node& node = m_nodes[nodeOf(index)];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            if (node.kind == Kind::Error)
                return tr("Not valid JSON");
            return node.position >= 0 ? QStringLiteral("[%1]").arg(node.position) : node.key;
        case ValueColumn:
            return displayValue(node);
        case TypeColumn:
            switch (node.kind) {
            case Kind::Object:
                return tr("object");
            case Kind::Array:
                return tr("array");
            case Kind::String:
                return tr("string");
            case Kind::Number:
                return tr("number");
            case Kind::Bool:
                return tr("boolean");
            case Kind::Null:
                return tr("null");
            case Kind::Error:
                return QString();
            }
        }
        return {};
    case Qt::ToolTipRole: {
        const QString tip = toolTip(node);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case PathRole:
        return pathOf(index);
    case ValueTextRole:
        return node.kind == Kind::Object || node.kind == Kind::Array || node.kind == Kind::Error ? QString()
                                                                                                 : node.text;
    case IsScalarRole:
        return node.kind != Kind::Object && node.kind != Kind::Array && node.kind != Kind::Error;
    case KindRole:
        return static_cast<int>(node.kind);
    case RawJsonRole:
        return QString::fromUtf8(m_raw.constData() + node.begin, node.end - node.begin);
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

} // namespace billbridge::widgets
