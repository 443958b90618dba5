#pragma once

#include "connections/connectionservices.h"

#include <QByteArray>
#include <QList>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QPushButton;

namespace billbridge::widgets {

class ConnectionTestPanel;

class SecretField;

// The Stripe credentials: one API key (secret or restricted) and one or more webhook signing secrets,
// checked for shape as they are typed, and a live check of the key against Stripe.
class StripeTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StripeTab)

public:
    // `apiBase` gives the API base URL currently entered on the Advanced tab (empty: the usual order).
    StripeTab(ConnectionServices::StripeClientFactory factory, std::function<QString()> apiBase,
              QWidget* parent = nullptr);
    ~StripeTab() override;

    QString apiKey() const;
    QList<QByteArray> webhookSecrets() const;
    void setApiKey(const QString& key);
    void setWebhookSecrets(const QList<QByteArray>& secrets);

    // Empty fields are fine (nothing to store); a field with text must have the right shape.
    bool hasValidInput() const;
    bool isTesting() const { return m_client != nullptr; }

    SecretField* apiKeyField() const { return m_apiKey; }
    SecretField* webhookField() const { return m_webhook; }

    // Stops a running check; its answer is dropped.
    void cancelTest();

signals:
    void inputChanged();
    void testFinished(bool accepted);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void validateApiKey();
    void validateWebhook();
    void startTest();
    void showTestResult(const stripe::CredentialCheck& check);
    void setBusy(bool busy);

    ConnectionServices::StripeClientFactory m_factory;
    std::function<QString()> m_apiBase;
    std::unique_ptr<stripe::StripeClient> m_client;
    quint64 m_testNumber = 0;

    QLabel* m_intro = nullptr;
    QLabel* m_apiKeyCaption = nullptr;
    SecretField* m_apiKey = nullptr;
    QLabel* m_mode = nullptr;
    QLabel* m_apiKeyMessage = nullptr;
    QLabel* m_webhookCaption = nullptr;
    SecretField* m_webhook = nullptr;
    QLabel* m_webhookMessage = nullptr;
    ConnectionTestPanel* m_testPanel = nullptr;
};

} // namespace billbridge::widgets
