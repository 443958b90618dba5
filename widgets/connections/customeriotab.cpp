#include "connections/customeriotab.h"

#include "common/secretfield.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QVBoxLayout>

namespace billbridge::widgets {

CustomerIoTab::CustomerIoTab(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("customerIoTab"));
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto* form = new QFormLayout;
    m_siteIdCaption = new QLabel(this);
    m_siteId = new QLineEdit(this);
    m_siteId->setObjectName(QStringLiteral("customerIoSiteId"));
    m_siteIdCaption->setBuddy(m_siteId);
    form->addRow(m_siteIdCaption, m_siteId);
    m_trackCaption = new QLabel(this);
    m_trackKey = new SecretField(this);
    m_trackKey->setObjectName(QStringLiteral("customerIoTrackKey"));
    m_trackCaption->setBuddy(m_trackKey);
    form->addRow(m_trackCaption, m_trackKey);
    m_appCaption = new QLabel(this);
    m_appKey = new SecretField(this);
    m_appKey->setObjectName(QStringLiteral("customerIoAppKey"));
    m_appCaption->setBuddy(m_appKey);
    form->addRow(m_appCaption, m_appKey);
    m_regionCaption = new QLabel(this);
    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("customerIoRegion"));
    m_region->addItem(QString(), QLatin1String(kRegionUs));
    m_region->addItem(QString(), QLatin1String(kRegionEu));
    m_regionCaption->setBuddy(m_region);
    form->addRow(m_regionCaption, m_region);
    layout->addLayout(form);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("customerIoMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_message->hide();
    layout->addWidget(m_message);

    auto* testRow = new QHBoxLayout;
    m_test = new QPushButton(this);
    m_test->setObjectName(QStringLiteral("customerIoTestButton"));
    testRow->addWidget(m_test);
    testRow->addStretch(1);
    layout->addLayout(testRow);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("customerIoTestResult"));
    m_result->setWordWrap(true);
    layout->addWidget(m_result);
    layout->addStretch(1);

    const auto changed = [this] {
        validate();
        emit inputChanged();
    };
    connect(m_siteId, &QLineEdit::textChanged, this, changed);
    connect(m_trackKey, &SecretField::textChanged, this, changed);
    connect(m_appKey, &SecretField::textChanged, this, changed);
    connect(m_test, &QPushButton::clicked, this, [this] {
        m_result->setText(tr("Testing is available when the Customer.io connection ships in a later "
                             "version. The values can already be saved."));
    });
    retranslate();
}

QString CustomerIoTab::siteId() const
{
    return m_siteId->text().trimmed();
}

QString CustomerIoTab::trackApiKey() const
{
    return m_trackKey->text().trimmed();
}

QString CustomerIoTab::appApiKey() const
{
    return m_appKey->text().trimmed();
}

QString CustomerIoTab::region() const
{
    return m_region->currentData().toString();
}

void CustomerIoTab::setSiteId(const QString& siteId)
{
    m_siteId->setText(siteId);
}

void CustomerIoTab::setTrackApiKey(const QString& key)
{
    m_trackKey->setText(key);
}

void CustomerIoTab::setAppApiKey(const QString& key)
{
    m_appKey->setText(key);
}

void CustomerIoTab::setRegion(const QString& region)
{
    const int index = m_region->findData(region);
    m_region->setCurrentIndex(index < 0 ? 0 : index);
}

bool CustomerIoTab::hasValidInput() const
{
    // Customer.io's credentials are opaque: only blanks inside them are certainly wrong.
    static const QRegularExpression blank(QStringLiteral("\\s"));
    return !siteId().contains(blank) && !trackApiKey().contains(blank) && !appApiKey().contains(blank);
}

void CustomerIoTab::loadSettings()
{
    setRegion(QSettings().value(QLatin1String(kRegionSetting), QLatin1String(kRegionUs)).toString());
}

void CustomerIoTab::saveSettings() const
{
    QSettings().setValue(QLatin1String(kRegionSetting), region());
}

void CustomerIoTab::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CustomerIoTab::retranslate()
{
    m_intro->setText(tr("The workspace that receives profiles and events. Find the values in Customer.io "
                        "under Settings → Workspace Settings → API Credentials."));
    m_siteIdCaption->setText(tr("&Site ID:"));
    m_trackCaption->setText(tr("&Track API key:"));
    m_appCaption->setText(tr("A&pp API key:"));
    m_regionCaption->setText(tr("&Region:"));
    m_region->setItemText(0, tr("United States (US)"));
    m_region->setItemText(1, tr("European Union (EU)"));
    m_region->setToolTip(
        tr("The data centre your workspace was created in; keys do not work in the other one."));
    m_test->setText(tr("Test Connection"));
    validate();
}

void CustomerIoTab::validate()
{
    const bool valid = hasValidInput();
    m_message->setText(valid ? QString()
                             : tr("A value contains a space or line break; copy it again without them."));
    m_message->setVisible(!valid);
}

} // namespace billbridge::widgets
