#include "common/secretfield.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace billbridge::widgets {

SecretField::SecretField(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_edit = new QLineEdit(this);
    m_edit->setEchoMode(QLineEdit::Password);
    // Secrets are pasted, not typed; completion would keep them in memory and offer them elsewhere.
    m_edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_toggle = new QToolButton(this);
    m_toggle->setCheckable(true);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_toggle);
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textChanged, this, &SecretField::textChanged);
    connect(m_toggle, &QToolButton::toggled, this, &SecretField::setRevealed);
    retranslate();
}

QString SecretField::text() const
{
    return m_edit->text();
}

void SecretField::setText(const QString& text)
{
    m_edit->setText(text);
}

void SecretField::setPlaceholderText(const QString& text)
{
    m_edit->setPlaceholderText(text);
}

bool SecretField::isRevealed() const
{
    return m_edit->echoMode() == QLineEdit::Normal;
}

void SecretField::setRevealed(bool revealed)
{
    m_edit->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    if (m_toggle->isChecked() != revealed)
        m_toggle->setChecked(revealed);
    retranslate();
}

void SecretField::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SecretField::retranslate()
{
    m_toggle->setText(isRevealed() ? tr("Hide") : tr("Show"));
    m_toggle->setToolTip(isRevealed() ? tr("Mask the value again") : tr("Show the value in plain text"));
}

} // namespace billbridge::widgets
