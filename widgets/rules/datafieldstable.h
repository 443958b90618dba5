#pragma once

#include "rules/rule.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace billbridge::widgets {

// The data fields of one action (or the attributes it sets) as rows of name → value source: a field of the
// Stripe event, a value the sync engine derives, fixed text, or a fixed JSON value (number, true/false,
// null). A fixed object or array is shown greyed and kept as it is: it is edited in JSON. A literal keeps
// the exact value it was given while its text is unchanged (1.50 is not rewritten to 1.5).
class DataFieldsTable final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataFieldsTable)

public:
    // How one row gets its value; the order of the Source column's choices.
    enum class SourceChoice { EventField, Derived, Text, JsonValue };
    enum Column { KeyColumn, SourceColumn, ValueColumn, ColumnCount };

    struct Row {
        QString key;
        SourceChoice choice = SourceChoice::Text;
        QString text;                             // path, derived name, text, or JSON
        QJsonValue loaded{QJsonValue::Undefined}; // the literal as given
        bool jsonOnly = false;                    // an object or array: shown, not editable here
    };

    explicit DataFieldsTable(QWidget* parent = nullptr);

    static QList<Row> rowsOf(const rules::DataFields& fields);
    // The fields the rows make. What only rows can get wrong (one name twice, a value that is not JSON) is
    // added to `problems` with paths under `path` ("actions[0].data"), like the core's.
    static rules::DataFields fieldsOf(const QList<Row>& rows, const QString& path,
                                      QList<rules::RuleProblem>* problems);
    // Compact JSON of any value, scalars too.
    static QString jsonText(const QJsonValue& value);
    static QString derivedLabel(const QString& name);

    void setRows(const QList<Row>& rows);
    QList<Row> rows() const;
    void addRow(const QString& key, SourceChoice choice, const QString& value);
    void setSourceChoice(int row, SourceChoice choice);
    // Attribute rows name attributes; other rows name data fields.
    void setAttributes(bool attributes);

    // Marks the row a problem path names ("plan", "plan.derived"; names may hold dots); -1 when none does.
    int markRow(const QString& inner, const QString& message);
    void clearMarks();

    QTableWidget* table() const { return m_table; }
    QLabel* jsonOnlyNote() const { return m_jsonOnly; }

signals:
    // The operator changed a row (not emitted for setRows).
    void edited();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void insertRow(const Row& row);
    void setValueWidget(int row, SourceChoice choice, const QString& text);
    Row rowAt(int row) const;
    void onSourceChanged(QComboBox* source);
    void onEdited();

    bool m_updating = false;
    bool m_attributes = false;
    QTableWidget* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_jsonOnly = nullptr;
};

} // namespace billbridge::widgets
