#pragma once

#include "connections/connectionservices.h"

#include <QByteArray>
#include <QDialog>
#include <QHash>

class QCheckBox;
class QDialogButtonBox;
class QFrame;
class QLabel;
class QTabWidget;

namespace billbridge::widgets {

class AdvancedTab;
class CustomerIoTab;
class SlackTab;
class StripeTab;

// Stripe and Customer.io credentials and API addresses, and the Slack webhooks rules post to. Secrets go only
// to the injected SecretStore (the keychain), or — when the operator chooses so because the keychain cannot
// be used — to memory for this session; addresses and the region go to the settings. Everything is
// asynchronous: the dialog never waits for the keychain or the network with the event loop blocked.
class ConnectionsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsDialog)

public:
    enum class Tab { Stripe, CustomerIo, Slack, Advanced };

    explicit ConnectionsDialog(ConnectionServices services, QWidget* parent = nullptr);
    ~ConnectionsDialog() override;

    void showTab(Tab tab);
    StripeTab* stripeTab() const { return m_stripe; }
    CustomerIoTab* customerIoTab() const { return m_customerIo; }
    AdvancedTab* advancedTab() const { return m_advanced; }
    SlackTab* slackTab() const { return m_slack; }

    bool isLoading() const { return m_pendingReads > 0; }
    bool isSaving() const { return m_pendingWrites > 0; }
    // The keychain failed; the banner explains it and offers the session-only option.
    bool keychainUnavailable() const { return !m_keychainError.isEmpty(); }

    void save();

    void done(int result) override;

signals:
    // Every saved value was read back into the fields (or found missing).
    void loaded();
    // A save finished without closing the dialog: a keychain problem is now shown.
    void saveFailed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void load();
    void readEntry(const QString& key, bool fromSession);
    void applyValue(const QString& key, const QByteArray& value);
    void finishRead();
    void noteKeychainProblem(const QString& error);
    void finishWrite();
    void updateButtons();
    QList<std::pair<QString, QByteArray>> entries() const;
    void recordSavedChanges(bool sessionOnly);

    ConnectionServices m_services;
    QTabWidget* m_tabs = nullptr;
    StripeTab* m_stripe = nullptr;
    CustomerIoTab* m_customerIo = nullptr;
    AdvancedTab* m_advanced = nullptr;
    SlackTab* m_slack = nullptr;
    QFrame* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    QCheckBox* m_sessionOnly = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;

    int m_pendingReads = 0;
    int m_pendingWrites = 0;
    QString m_keychainError;
    QString m_writeError;
    bool m_loadedFromSession = false;
    // SHA-256 of each entry as last read or saved, to tell which ones a save changed without keeping copies.
    QHash<QString, QByteArray> m_savedDigests;
};

} // namespace billbridge::widgets
