#include "connections/connectiontestpanel.h"

#include "common/messagelabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace billbridge::widgets {

ConnectionTestPanel::ConnectionTestPanel(const QString& namePrefix, QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    m_test = new QPushButton(this);
    m_test->setObjectName(namePrefix + QStringLiteral("TestButton"));
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(namePrefix + QStringLiteral("CancelTestButton"));
    m_cancel->hide();
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(namePrefix + QStringLiteral("TestBusy"));
    m_busy->setRange(0, 0); // nothing to count: the service answers once
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    row->addWidget(m_test);
    row->addWidget(m_busy);
    row->addWidget(m_cancel);
    row->addStretch(1);
    layout->addLayout(row);
    m_result = new QLabel(this);
    m_result->setObjectName(namePrefix + QStringLiteral("TestResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
}

void ConnectionTestPanel::setBusy(bool busy, bool canTest)
{
    m_busy->setVisible(busy);
    m_cancel->setVisible(busy);
    m_test->setEnabled(!busy && canTest);
}

void ConnectionTestPanel::showResult(const QString& text, bool problem)
{
    showMessage(m_result, text, problem);
}

} // namespace billbridge::widgets
