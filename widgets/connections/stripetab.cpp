#include "connections/stripetab.h"

#include "common/messagelabel.h"
#include "common/secretfield.h"
#include "connections/connectiontestpanel.h"
#include "secrets/credentials.h"
#include "stripe/stripekeys.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace billbridge::widgets {

namespace {

QString modeStyle(stripe::KeyMode mode)
{
    // The same colours as the window's badge: amber for test, blue for live.
    const bool live = mode == stripe::KeyMode::Live;
    return QStringLiteral("QLabel { background: %1; color: %2; border-radius: 4px; padding: 2px 8px; "
                          "font-weight: bold; }")
        .arg(live ? QStringLiteral("#1565c0") : QStringLiteral("#f5a623"),
             live ? QStringLiteral("#ffffff") : QStringLiteral("#3d2800"));
}

} // namespace

StripeTab::StripeTab(ConnectionServices::StripeClientFactory factory, std::function<QString()> apiBase,
                     QWidget* parent)
    : QWidget(parent)
    , m_factory(std::move(factory))
    , m_apiBase(std::move(apiBase))
{
    setObjectName(QStringLiteral("stripeTab"));
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto* grid = new QGridLayout;
    m_apiKeyCaption = new QLabel(this);
    m_apiKey = new SecretField(this);
    m_apiKey->setObjectName(QStringLiteral("stripeApiKey"));
    m_apiKeyCaption->setBuddy(m_apiKey);
    m_mode = new QLabel(this);
    m_mode->setObjectName(QStringLiteral("stripeKeyMode"));
    m_mode->hide();
    m_apiKeyMessage = new QLabel(this);
    m_apiKeyMessage->setObjectName(QStringLiteral("stripeApiKeyMessage"));
    m_apiKeyMessage->setWordWrap(true);
    m_apiKeyMessage->hide();
    grid->addWidget(m_apiKeyCaption, 0, 0);
    grid->addWidget(m_apiKey, 0, 1);
    grid->addWidget(m_mode, 0, 2);
    grid->addWidget(m_apiKeyMessage, 1, 1, 1, 2);

    m_webhookCaption = new QLabel(this);
    m_webhook = new SecretField(this);
    m_webhook->setObjectName(QStringLiteral("stripeWebhookSecrets"));
    m_webhookCaption->setBuddy(m_webhook);
    m_webhookMessage = new QLabel(this);
    m_webhookMessage->setObjectName(QStringLiteral("stripeWebhookMessage"));
    m_webhookMessage->setWordWrap(true);
    grid->addWidget(m_webhookCaption, 2, 0);
    grid->addWidget(m_webhook, 2, 1, 1, 2);
    grid->addWidget(m_webhookMessage, 3, 1, 1, 2);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);

    m_testPanel = new ConnectionTestPanel(QStringLiteral("stripe"), this);
    layout->addWidget(m_testPanel);
    layout->addStretch(1);

    connect(m_apiKey, &SecretField::textChanged, this, [this] {
        validateApiKey();
        emit inputChanged();
    });
    connect(m_webhook, &SecretField::textChanged, this, [this] {
        validateWebhook();
        emit inputChanged();
    });
    connect(m_testPanel->testButton(), &QPushButton::clicked, this, &StripeTab::startTest);
    connect(m_testPanel->cancelButton(), &QPushButton::clicked, this, &StripeTab::cancelTest);
    retranslate();
}

StripeTab::~StripeTab() = default;

QString StripeTab::apiKey() const
{
    return m_apiKey->text().trimmed();
}

QList<QByteArray> StripeTab::webhookSecrets() const
{
    return secrets::splitWebhookSecrets(m_webhook->text().toUtf8());
}

void StripeTab::setApiKey(const QString& key)
{
    m_apiKey->setText(key);
}

void StripeTab::setWebhookSecrets(const QList<QByteArray>& secrets)
{
    QStringList texts;
    for (const QByteArray& secret : secrets)
        texts.append(QString::fromUtf8(secret));
    m_webhook->setText(texts.join(QStringLiteral(", ")));
}

bool StripeTab::hasValidInput() const
{
    if (!apiKey().isEmpty() && !stripe::checkApiKey(apiKey()).isUsable())
        return false;
    for (const QByteArray& secret : webhookSecrets()) {
        if (!stripe::checkWebhookSecret(QString::fromUtf8(secret)).isUsable())
            return false;
    }
    return true;
}

void StripeTab::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void StripeTab::retranslate()
{
    m_intro->setText(tr("Billbridge reads events with the API key and checks each webhook delivery "
                        "against the signing secrets. Both are kept in the system keychain."));
    m_apiKeyCaption->setText(tr("&API key:"));
    m_apiKey->setPlaceholderText(tr("sk_test_…, sk_live_… or a restricted rk_… key"));
    m_webhookCaption->setText(tr("&Webhook signing secrets:"));
    m_webhook->setPlaceholderText(tr("whsec_… (several separated by commas)"));
    m_testPanel->testButton()->setText(tr("&Test Connection"));
    m_testPanel->testButton()->setToolTip(tr("Ask Stripe whether this key can read events"));
    m_testPanel->cancelButton()->setText(tr("Cancel Test"));
    validateApiKey();
    validateWebhook();
}

void StripeTab::validateApiKey()
{
    const QString text = apiKey();
    m_mode->hide();
    if (text.isEmpty()) {
        showMessage(m_apiKeyMessage, {}, false);
        m_testPanel->testButton()->setEnabled(false);
        return;
    }
    const stripe::KeyCheck check = stripe::checkApiKey(text);
    const stripe::KeyCheck shape = stripe::classifyKey(text);
    QString problem;
    if (!check.isUsable()) {
        // Our own wording where the kind says what went wrong; the shape checker's for malformed text.
        if (!shape.isUsable())
            problem = check.problem;
        else if (check.kind == stripe::KeyKind::PublishableKey)
            problem = tr("This is a publishable key (pk_…): it is meant for browsers and cannot read events. "
                         "Use a secret key (sk_…) or a restricted key (rk_…) instead.");
        else if (check.kind == stripe::KeyKind::WebhookSecret)
            problem = tr("This is a webhook signing secret (whsec_…), not an API key. Put it in the field "
                         "below and use a secret key (sk_…) or a restricted key (rk_…) here.");
        else if (check.kind == stripe::KeyKind::Unrecognised)
            problem = tr("This is not a Stripe API key: it should start with sk_test_, sk_live_, rk_test_ or "
                         "rk_live_. Copy it from the Dashboard under Developers → API keys.");
        else
            problem = check.problem;
    }
    if (!problem.isEmpty()) {
        showMessage(m_apiKeyMessage, problem, true);
        m_testPanel->testButton()->setEnabled(false);
        return;
    }
    const bool live = check.mode == stripe::KeyMode::Live;
    m_mode->setText(live ? tr("LIVE") : tr("TEST"));
    m_mode->setStyleSheet(modeStyle(check.mode));
    m_mode->setToolTip(live ? tr("A live-mode key: it reads real customers' events.")
                            : tr("A test-mode key: it reads Stripe's test data only."));
    m_mode->show();
    const QString kind =
        check.kind == stripe::KeyKind::RestrictedKey ? tr("Restricted key") : tr("Secret key");
    showMessage(m_apiKeyMessage,
                live ? tr("%1 for live mode (%2).").arg(kind, check.masked)
                     : tr("%1 for test mode (%2).").arg(kind, check.masked),
                false);
    m_testPanel->testButton()->setEnabled(!isTesting());
}

void StripeTab::validateWebhook()
{
    const QList<QByteArray> secrets = webhookSecrets();
    if (secrets.isEmpty()) {
        showMessage(m_webhookMessage,
                    tr("Without a signing secret the receiver refuses every webhook delivery. "
                       "'stripe listen' prints one; the Dashboard shows one per endpoint."),
                    false);
        return;
    }
    for (qsizetype i = 0; i < secrets.size(); ++i) {
        const stripe::KeyCheck check = stripe::checkWebhookSecret(QString::fromUtf8(secrets.at(i)));
        if (check.isUsable())
            continue;
        QString problem = check.problem;
        if (check.kind == stripe::KeyKind::SecretKey || check.kind == stripe::KeyKind::RestrictedKey)
            problem = tr("This is an API key, not a webhook signing secret. Signing secrets start with "
                         "whsec_; put the key in the API key field above.");
        else if (check.kind == stripe::KeyKind::PublishableKey)
            problem = tr("This is a publishable key (pk_…), not a webhook signing secret. Signing secrets "
                         "start with whsec_.");
        else if (check.kind == stripe::KeyKind::Unrecognised &&
                 stripe::classifyKey(QString::fromUtf8(secrets.at(i))).isUsable())
            problem = tr("This is not a webhook signing secret: it should start with whsec_.");
        showMessage(m_webhookMessage,
                    secrets.size() == 1 ? problem : tr("Secret %1: %2").arg(i + 1).arg(problem), true);
        return;
    }
    // Two forms cover English and German; Qt's numerus forms would need an English .qm to read well.
    showMessage(m_webhookMessage,
                secrets.size() == 1 ? tr("One signing secret ready.")
                                    : tr("%1 signing secrets ready.").arg(secrets.size()),
                false);
}

void StripeTab::startTest()
{
    const QString key = apiKey();
    if (key.isEmpty() || !stripe::checkApiKey(key).isUsable() || isTesting())
        return;
    const stripe::StripeApiConfig config = stripe::StripeApiConfig::resolve(key, m_apiBase());
    const QString invalid = config.validate();
    if (!invalid.isEmpty()) {
        m_testPanel->showResult(invalid, true);
        return;
    }
    m_client = m_factory(config);
    if (!m_client)
        return;
    m_testPanel->showResult(tr("Asking Stripe…"), false);
    setBusy(true);
    const quint64 test = ++m_testNumber;
    m_client->checkCredentials([this, test](const stripe::CredentialCheck& check) {
        // The client must not be destroyed inside its own handler; and an answer that was already on its
        // way when the operator cancelled belongs to no check any more.
        QMetaObject::invokeMethod(
            this,
            [this, test, check] {
                if (test == m_testNumber && isTesting())
                    showTestResult(check);
            },
            Qt::QueuedConnection);
    });
}

void StripeTab::showTestResult(const stripe::CredentialCheck& check)
{
    m_client.reset();
    setBusy(false);
    if (check.accepted) {
        const bool live = check.key.mode == stripe::KeyMode::Live;
        m_testPanel->showResult(
            live ? tr("Connected: Stripe accepted the key in LIVE mode. %1").arg(check.verdict)
                 : tr("Connected: Stripe accepted the key in TEST mode. %1").arg(check.verdict),
            false);
    } else {
        m_testPanel->showResult(tr("Not connected. %1").arg(check.verdict), true);
    }
    emit testFinished(check.accepted);
}

void StripeTab::cancelTest()
{
    if (!isTesting())
        return;
    // Destroying the client aborts the request and drops its handler.
    ++m_testNumber;
    m_client.reset();
    setBusy(false);
    m_testPanel->showResult(tr("Test cancelled."), false);
}

void StripeTab::setBusy(bool busy)
{
    m_testPanel->setBusy(busy, stripe::checkApiKey(apiKey()).isUsable());
}

} // namespace billbridge::widgets
