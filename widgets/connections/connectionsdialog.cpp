#include "connections/connectionsdialog.h"

#include "common/secretfield.h"
#include "connections/advancedtab.h"
#include "connections/customeriotab.h"
#include "connections/slacktab.h"
#include "connections/stripetab.h"
#include "secrets/credentials.h"
#include "store/auditlog.h"

#include <QCheckBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFrame>
#include <QJsonObject>
#include <QLabel>
#include <QLoggingCategory>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace billbridge::widgets {

namespace {

Q_LOGGING_CATEGORY(lcConnectionsDialog, "billbridge.widgets.connections")

QByteArray digestOf(const QByteArray& value)
{
    return value.isEmpty() ? QByteArray() : QCryptographicHash::hash(value, QCryptographicHash::Sha256);
}

const QList<QString>& secretKeys()
{
    static const QList<QString> keys{
        secrets::keys::kStripeApiKey,        secrets::keys::kStripeWebhookSecrets,
        secrets::keys::kCustomerIoSiteId,    secrets::keys::kCustomerIoTrackApiKey,
        secrets::keys::kCustomerIoAppApiKey,
    };
    return keys;
}

} // namespace

ConnectionsDialog::ConnectionsDialog(ConnectionServices services, QWidget* parent)
    : QDialog(parent)
    , m_services(std::move(services))
{
    setObjectName(QStringLiteral("connectionsDialog"));
    auto* layout = new QVBoxLayout(this);

    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("keychainBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setStyleSheet(
        QStringLiteral("#keychainBanner { background: #fff4e5; border: 1px solid #f5a623; "
                       "border-radius: 4px; } QLabel, QCheckBox { color: #3d2800; }"));
    auto* bannerLayout = new QVBoxLayout(m_banner);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("keychainProblem"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sessionOnly = new QCheckBox(m_banner);
    m_sessionOnly->setObjectName(QStringLiteral("sessionOnly"));
    m_sessionOnly->setVisible(m_services.sessionSecrets != nullptr);
    bannerLayout->addWidget(m_bannerText);
    bannerLayout->addWidget(m_sessionOnly);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_advanced = new AdvancedTab(this);
    m_stripe = new StripeTab(
        m_services.stripeClientFactory, [this] { return m_advanced->stripeApiBase(); }, this);
    m_customerIo = new CustomerIoTab(this);
    m_customerIo->setApiBases([this] { return m_advanced->trackApiBase(); },
                              [this] { return m_advanced->appApiBase(); });
    // Slack webhooks live in the keychain only: delivery and billbridge-cli read them nowhere else.
    m_slack = new SlackTab(m_services.secrets, m_services.storePath, this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_stripe, QString());
    m_tabs->addTab(m_customerIo, QString());
    m_tabs->addTab(m_slack, QString());
    m_tabs->addTab(m_advanced, QString());
    layout->addWidget(m_tabs, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("connectionsStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_stripe, &StripeTab::inputChanged, this, &ConnectionsDialog::updateButtons);
    connect(m_customerIo, &CustomerIoTab::inputChanged, this, &ConnectionsDialog::updateButtons);
    connect(m_advanced, &AdvancedTab::inputChanged, this, &ConnectionsDialog::updateButtons);

    retranslate();
    resize(640, 460);
    m_advanced->loadSettings();
    m_customerIo->loadSettings();
    load();
}

ConnectionsDialog::~ConnectionsDialog() = default;

void ConnectionsDialog::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(static_cast<int>(tab));
}

void ConnectionsDialog::done(int result)
{
    // A check still asking Stripe or Customer.io belongs to this dialog; closing it ends the check.
    m_stripe->cancelTest();
    m_customerIo->cancelTest();
    m_slack->cancelTest();
    QDialog::done(result);
}

void ConnectionsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ConnectionsDialog::retranslate()
{
    setWindowTitle(tr("Connections"));
    m_tabs->setTabText(0, tr("Stripe"));
    m_tabs->setTabText(1, tr("Customer.io"));
    m_tabs->setTabText(static_cast<int>(Tab::Slack), tr("Slack"));
    m_tabs->setTabText(static_cast<int>(Tab::Advanced), tr("Advanced"));
    m_sessionOnly->setText(
        tr("Keep the values for this session only (in memory; forgotten when Billbridge quits)"));
    if (!m_keychainError.isEmpty())
        noteKeychainProblem(m_keychainError);
    updateButtons();
}

void ConnectionsDialog::load()
{
    if (m_services.secrets == nullptr)
        return;
    m_status->setText(tr("Reading saved values from the %1…").arg(m_services.secrets->backendName()));
    for (const QString& key : secretKeys())
        readEntry(key, false);
    updateButtons();
}

void ConnectionsDialog::readEntry(const QString& key, bool fromSession)
{
    secrets::SecretStore* store = fromSession ? m_services.sessionSecrets : m_services.secrets;
    ++m_pendingReads;
    store->read(
        key,
        [this, key, fromSession](const secrets::SecretResult& result) {
            if (result.isOk()) {
                applyValue(key, result.value);
                m_loadedFromSession = m_loadedFromSession || fromSession;
            } else if (!fromSession) {
                if (result.status != secrets::SecretResult::Status::NotFound)
                    noteKeychainProblem(result.error);
                // A value kept for this session stands in for one the keychain does not give us.
                if (m_services.sessionSecrets != nullptr)
                    readEntry(key, true);
            }
            finishRead();
        },
        this);
}

void ConnectionsDialog::applyValue(const QString& key, const QByteArray& value)
{
    const QString text = QString::fromUtf8(value);
    if (key == secrets::keys::kStripeApiKey)
        m_stripe->setApiKey(text);
    else if (key == secrets::keys::kStripeWebhookSecrets)
        m_stripe->setWebhookSecrets(secrets::splitWebhookSecrets(value));
    else if (key == secrets::keys::kCustomerIoSiteId)
        m_customerIo->setSiteId(text);
    else if (key == secrets::keys::kCustomerIoTrackApiKey)
        m_customerIo->setTrackApiKey(text);
    else if (key == secrets::keys::kCustomerIoAppApiKey)
        m_customerIo->setAppApiKey(text);
    // As the fields hold it, so that a value saved back unchanged compares equal.
    for (const auto& [entryKey, entryValue] : entries())
        if (entryKey == key)
            m_savedDigests.insert(key, digestOf(entryValue));
}

void ConnectionsDialog::recordSavedChanges(bool sessionOnly)
{
    QJsonObject changes;
    QStringList connections;
    for (const auto& [key, value] : entries()) {
        const QByteArray before = m_savedDigests.value(key);
        const QByteArray after = digestOf(value);
        if (before == after)
            continue;
        m_savedDigests.insert(key, after);
        changes.insert(key, before.isEmpty()  ? QStringLiteral("set")
                            : after.isEmpty() ? QStringLiteral("cleared")
                                              : QStringLiteral("replaced"));
        const QString connection = key.section(QLatin1Char('/'), 0, 0);
        if (!connections.contains(connection))
            connections.append(connection);
    }
    if (changes.isEmpty() || m_services.storePath.isEmpty())
        return;
    const QJsonObject details{
        {QStringLiteral("fields"), changes},
        {QStringLiteral("kept"), sessionOnly ? QStringLiteral("session") : QStringLiteral("keychain")}};
    // Off the UI thread: the store may be busy with intake for a moment.
    (void)QtConcurrent::run(
        [path = m_services.storePath, subject = connections.join(QStringLiteral(", ")), details] {
            try {
                store::AuditLog::open(path).record(QString(), QStringLiteral("connections.set"), subject,
                                                   details);
            } catch (const store::StoreError& error) {
                qCWarning(lcConnectionsDialog)
                    << "credential change not recorded in the audit log:" << error.message();
            }
        });
}

void ConnectionsDialog::finishRead()
{
    if (--m_pendingReads > 0)
        return;
    if (m_loadedFromSession) {
        m_sessionOnly->setChecked(true);
        m_status->setText(tr("Showing values kept for this session only."));
    } else {
        m_status->clear();
    }
    updateButtons();
    emit loaded();
}

void ConnectionsDialog::noteKeychainProblem(const QString& error)
{
    m_keychainError = error;
    QString text = tr("The system keychain cannot be used, so saved values cannot be read or stored there.") +
                   QLatin1Char('\n') + error;
    if (m_services.sessionSecrets != nullptr)
        text += QLatin1Char('\n') + tr("Fix the keychain and save again, or keep the values for this session "
                                       "only. They are then forgotten when Billbridge quits, and "
                                       "billbridge-cli cannot use them.");
    m_bannerText->setText(text);
    m_banner->show();
}

QList<std::pair<QString, QByteArray>> ConnectionsDialog::entries() const
{
    QByteArray webhook;
    for (const QByteArray& secret : m_stripe->webhookSecrets())
        webhook += (webhook.isEmpty() ? QByteArray() : QByteArray("\n")) + secret;
    return {
        {secrets::keys::kStripeApiKey, m_stripe->apiKey().toUtf8()},
        {secrets::keys::kStripeWebhookSecrets, webhook},
        {secrets::keys::kCustomerIoSiteId, m_customerIo->siteId().toUtf8()},
        {secrets::keys::kCustomerIoTrackApiKey, m_customerIo->trackApiKey().toUtf8()},
        {secrets::keys::kCustomerIoAppApiKey, m_customerIo->appApiKey().toUtf8()},
    };
}

void ConnectionsDialog::save()
{
    if (isSaving() || isLoading() || m_services.secrets == nullptr || !m_stripe->hasValidInput() ||
        !m_customerIo->hasValidInput() || !m_advanced->hasValidInput())
        return;
    // Addresses and the region are not secret and do not depend on the keychain.
    m_advanced->saveSettings();
    m_customerIo->saveSettings();

    const bool sessionOnly = m_sessionOnly->isChecked() && m_services.sessionSecrets != nullptr;
    secrets::SecretStore* store = sessionOnly ? m_services.sessionSecrets : m_services.secrets;
    m_writeError.clear();
    m_status->setText(tr("Saving to the %1…").arg(store->backendName()));
    const auto finished = [this](const secrets::SecretResult& result) {
        if (!result.isOk() && m_writeError.isEmpty()) {
            m_writeError = result.error;
            if (result.status == secrets::SecretResult::Status::Unavailable)
                noteKeychainProblem(result.error);
        }
        finishWrite();
    };
    const auto items = entries();
    m_pendingWrites = static_cast<int>(items.size());
    updateButtons();
    for (const auto& [key, value] : items) {
        if (value.isEmpty())
            store->remove(key, finished, this);
        else
            store->write(key, value, finished, this);
    }
}

void ConnectionsDialog::finishWrite()
{
    if (--m_pendingWrites > 0)
        return;
    updateButtons();
    if (!m_writeError.isEmpty()) {
        m_status->setText(keychainUnavailable() ? tr("Nothing was lost: the values are still in this window.")
                                                : tr("Saving failed: %1").arg(m_writeError));
        emit saveFailed();
        return;
    }
    recordSavedChanges(m_sessionOnly->isChecked() && m_services.sessionSecrets != nullptr);
    // Values now in the keychain must not be shadowed later by older ones kept for the session.
    if (!m_sessionOnly->isChecked() && m_services.sessionSecrets != nullptr) {
        for (const QString& key : secretKeys())
            m_services.sessionSecrets->remove(key, [](const secrets::SecretResult&) {});
    }
    accept();
}

void ConnectionsDialog::updateButtons()
{
    if (m_buttons == nullptr)
        return;
    QPushButton* saveButton = m_buttons->button(QDialogButtonBox::Save);
    saveButton->setEnabled(m_services.secrets != nullptr && !isLoading() && !isSaving() &&
                           m_stripe->hasValidInput() && m_customerIo->hasValidInput() &&
                           m_advanced->hasValidInput());
}

} // namespace billbridge::widgets
