#include "connections/customeriotab.h"

#include "common/messagelabel.h"
#include "common/secretfield.h"
#include "connections/connectiontestpanel.h"

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

namespace {

using customerio::CustomerIoCheckResult;

} // namespace

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

    m_testPanel = new ConnectionTestPanel(QStringLiteral("customerIo"), this);
    layout->addWidget(m_testPanel);
    layout->addStretch(1);

    const auto changed = [this] {
        validate();
        emit inputChanged();
    };
    connect(m_siteId, &QLineEdit::textChanged, this, changed);
    connect(m_trackKey, &SecretField::textChanged, this, changed);
    connect(m_appKey, &SecretField::textChanged, this, changed);
    connect(m_testPanel->testButton(), &QPushButton::clicked, this, &CustomerIoTab::startTest);
    connect(m_testPanel->cancelButton(), &QPushButton::clicked, this, &CustomerIoTab::cancelTest);
    retranslate();
}

CustomerIoTab::~CustomerIoTab() = default;

void CustomerIoTab::setApiBases(std::function<QString()> trackBase, std::function<QString()> appBase)
{
    m_trackBase = std::move(trackBase);
    m_appBase = std::move(appBase);
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
    m_testPanel->testButton()->setText(tr("Test Connection"));
    m_testPanel->testButton()->setToolTip(
        tr("Ask Customer.io whether the entered credentials work in the chosen region"));
    m_testPanel->cancelButton()->setText(tr("Cancel Test"));
    validate();
}

void CustomerIoTab::validate()
{
    const bool valid = hasValidInput();
    m_message->setText(valid ? QString()
                             : tr("A value contains a space or line break; copy it again without them."));
    m_message->setVisible(!valid);
    m_testPanel->testButton()->setEnabled(valid && !isTesting());
}

void CustomerIoTab::startTest()
{
    if (isTesting() || !hasValidInput())
        return;
    const bool trackEntered = !siteId().isEmpty() || !trackApiKey().isEmpty();
    const bool runTrack = !siteId().isEmpty() && !trackApiKey().isEmpty();
    const bool runApp = !appApiKey().isEmpty();
    m_skipped.clear();
    if (!runTrack)
        m_skipped << (trackEntered
                          ? tr("Track API: not tested; it needs both the site ID and the Track API key.")
                          : tr("Track API: not tested; no site ID and Track API key are entered."));
    if (!runApp)
        m_skipped << tr("App API: not tested; no App API key is entered.");
    if (!runTrack && !runApp) {
        m_testPanel->showResult(
            tr("Nothing to test yet.") + QLatin1Char('\n') + m_skipped.join(QLatin1Char('\n')), true);
        return;
    }

    const customerio::Region chosen = customerio::parseRegion(region()).value_or(customerio::Region::Us);
    m_check = std::make_unique<customerio::CustomerIoConnectionCheck>();
    m_check->setBaseOverrides(m_trackBase ? m_trackBase() : QString(), m_appBase ? m_appBase() : QString());
    m_trackResult.reset();
    m_appResult.reset();
    m_checksRunning = (runTrack ? 1 : 0) + (runApp ? 1 : 0);
    const quint64 test = ++m_testNumber;
    m_testPanel->showResult(tr("Asking Customer.io…"), false);
    setBusy(true);
    // The check must not be destroyed inside its own handler, so each answer is taken up from the event loop;
    // an answer already on its way when the operator cancelled belongs to no test any more.
    const auto handler = [this, test](bool track) {
        return [this, test, track](const CustomerIoCheckResult& result) {
            QMetaObject::invokeMethod(
                this, [this, test, track, result] { noteResult(test, track, result); }, Qt::QueuedConnection);
        };
    };
    if (runTrack)
        m_check->checkTrack(siteId(), trackApiKey(), chosen, handler(true));
    if (runApp)
        m_check->checkApp(appApiKey(), chosen, handler(false));
}

void CustomerIoTab::noteResult(quint64 test, bool track, const CustomerIoCheckResult& result)
{
    if (test != m_testNumber || !isTesting())
        return;
    (track ? m_trackResult : m_appResult) = result;
    if (--m_checksRunning > 0)
        return;
    showTestResults();
}

void CustomerIoTab::showTestResults()
{
    m_check.reset();
    setBusy(false);
    QStringList lines;
    bool accepted = true;
    bool ran = false;
    const auto add = [&](const std::optional<CustomerIoCheckResult>& result, const QString& api) {
        if (!result)
            return;
        ran = true;
        accepted = accepted && result->accepted();
        lines << tr("%1: %2").arg(api, result->message);
    };
    add(m_trackResult, tr("Track API"));
    add(m_appResult, tr("App API"));
    accepted = accepted && ran;
    lines << m_skipped;
    const QString heading = accepted ? tr("Connected.") : tr("Not connected.");
    m_testPanel->showResult(heading + QLatin1Char('\n') + lines.join(QLatin1Char('\n')), !accepted);
    emit testFinished(accepted);
}

void CustomerIoTab::cancelTest()
{
    if (!isTesting())
        return;
    // Destroying the check aborts its requests and drops their handlers.
    ++m_testNumber;
    m_check.reset();
    setBusy(false);
    m_testPanel->showResult(tr("Test cancelled."), false);
}

void CustomerIoTab::setBusy(bool busy)
{
    m_testPanel->setBusy(busy, hasValidInput());
}

} // namespace billbridge::widgets
