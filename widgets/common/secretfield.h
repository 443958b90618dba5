#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace billbridge::widgets {

// A password field with a Show/Hide toggle. Values stay masked until the operator asks to see them, and
// the field never offers its text to the clipboard while masked (QLineEdit's password mode).
class SecretField final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretField)

public:
    explicit SecretField(QWidget* parent = nullptr);

    QString text() const;
    void setText(const QString& text);
    void setPlaceholderText(const QString& text);
    bool isRevealed() const;
    void setRevealed(bool revealed);
    QLineEdit* lineEdit() const { return m_edit; }
    QToolButton* toggleButton() const { return m_toggle; }

signals:
    void textChanged(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLineEdit* m_edit = nullptr;
    QToolButton* m_toggle = nullptr;
};

} // namespace billbridge::widgets
