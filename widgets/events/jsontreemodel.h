#pragma once

#include <QAbstractItemModel>
#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace billbridge::widgets {

// The JSON of one event as a tree, in the order the keys were sent. QJsonObject sorts its keys, so the
// document is parsed here by a small recursive-descent parser into a flat node vector; numbers keep the
// exact text they were sent with (an id-like 12345678901234567890 is never turned into 1.2e19).
// A payload that does not parse becomes a single row that says so and where.
class JsonTreeModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonTreeModel)

public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };

    enum Role {
        // `data.object.lines.data[0].price.id`; keys that are not plain names are written `["a.b"]`.
        PathRole = Qt::UserRole,
        // Strings without quotes and with escapes resolved, numbers as sent, true/false/null; empty for
        // objects and arrays. What "copy value" copies.
        ValueTextRole,
        IsScalarRole,
        // A Kind, as int.
        KindRole,
        // The node's bytes exactly as sent (QString), for "copy as JSON".
        RawJsonRole,
    };

    enum class Kind { Object, Array, String, Number, Bool, Null, Error };

    explicit JsonTreeModel(QObject* parent = nullptr);
    ~JsonTreeModel() override;

    void setDocument(const QByteArray& raw);
    void clear();
    QByteArray document() const { return m_raw; }

    bool isValid() const { return m_errorMessage.isEmpty(); }
    // Empty when the document parsed; otherwise what is wrong and where, for the operator.
    QString errorString() const { return m_errorMessage; }
    // Byte offset of the first problem, or -1.
    qsizetype errorOffset() const { return m_errorOffset; }

    // Invalid when no node has that path.
    QModelIndex indexForPath(const QString& path) const;
    QString pathOf(const QModelIndex& index) const;

    // Appends a key to a path in the model's notation.
    static QString childPath(const QString& parentPath, const QString& key);
    static QString elementPath(const QString& parentPath, int position);
    // An amount in a currency's smallest unit as money in the operator's locale ("USD 19.99", "JPY 500").
    static QString formatMoney(qint64 minorUnits, const QString& currency);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    struct Node {
        int parent = -1;
        int row = 0;
        // Position in the parent array, or -1 for an object member.
        int position = -1;
        Kind kind = Kind::Null;
        QString key;
        // Decoded string, number as sent, true/false/null; the message for Kind::Error.
        QString text;
        qsizetype begin = 0;
        qsizetype end = 0;
        std::vector<int> children;
    };

private:
    int nodeOf(const QModelIndex& index) const;
    QString displayValue(const Node& node) const;
    QString toolTip(const Node& node) const;
    QString currencyFor(const Node& node) const;
    QModelIndex indexOfNode(int node, int column = 0) const;

    QByteArray m_raw;
    std::vector<Node> m_nodes;
    // The node whose children are the top-level rows: the document's outermost object or array, or a
    // synthetic holder for a scalar document or the error row.
    int m_rootNode = 0;
    QString m_errorMessage;
    qsizetype m_errorOffset = -1;
};

} // namespace billbridge::widgets
