#include "common/placeholderpage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace billbridge::widgets {

PlaceholderPage::PlaceholderPage(const QString& title, QWidget* parent)
    : QWidget(parent)
    , m_titleText(title)
{
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("placeholderTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    m_title->setFont(font);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("placeholderMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setEnabled(false);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addStretch(2);
    retranslate();
}

void PlaceholderPage::setTitle(const QString& title)
{
    m_titleText = title;
    m_title->setText(title);
}

QString PlaceholderPage::message() const
{
    return m_message->text();
}

void PlaceholderPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PlaceholderPage::retranslate()
{
    m_title->setText(m_titleText);
    m_message->setText(tr("This screen is not yet available in this version of Billbridge. The events are "
                          "already stored; a later version shows them here."));
}

} // namespace billbridge::widgets
