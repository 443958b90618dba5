#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWidget>

#include <functional>
#include <map>

class QLabel;
class QLineEdit;
class QPushButton;
class QThread;
class QTreeWidget;

namespace billbridge::customerio {
struct CustomerIoResult;
}
namespace billbridge::secrets {
class SecretStore;
}
namespace billbridge::slack {
class SlackClient;
}

namespace billbridge::widgets {

class ConnectionTestPanel;
class SecretField;

// The Slack incoming webhooks rules post to, by name. A webhook's URL is its credential: it is written to
// the keychain ("slack/webhooks/<name>", the names in "slack/webhook_names", as billbridge-cli keeps them)
// and never shown again; the list shows only where posts go (hooks.slack.com/services/•••). Webhooks set in
// the environment (BILLBRIDGE_SLACK_WEBHOOK_<NAME>) are listed read-only. Unlike the other tabs, each
// change is saved at once, and recorded in the audit log by name, never by value.
class SlackTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlackTab)

public:
    enum Column { NameColumn, AddressColumn, OriginColumn, ColumnCount };
    using Confirm = std::function<bool(QWidget* parent, const QString& title, const QString& text)>;

    struct Webhook {
        QString name;
        QUrl url; // empty when the keychain lists the name but holds no URL for it
        bool fromEnvironment = false;
        QString problem; // why the stored value cannot be used
    };

    // `keychain` is not owned and must outlive the tab; `storePath` empty records no audit entries.
    SlackTab(secrets::SecretStore* keychain, QString storePath, QWidget* parent = nullptr);
    ~SlackTab() override;

    // The environment webhooks and the loopback switch are read from (the process's by default). Reloads
    // when the webhooks were read already.
    void setEnvironment(const QProcessEnvironment& environment);
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    // Reads the names and URLs from the keychain (and the environment) again. The first read happens when
    // the tab is first shown: a keychain may ask the person at the desktop to unlock it, which should not
    // happen for a tab they never opened.
    void reload();
    bool hasLoaded() const { return m_loadStarted && m_pendingReads == 0; }
    bool isLoading() const { return m_pendingReads > 0; }
    bool isSaving() const { return m_saving; }
    bool isTesting() const { return m_testing; }

    QStringList webhookNames() const;
    QTreeWidget* list() const { return m_list; }
    QLineEdit* nameField() const { return m_name; }
    SecretField* urlField() const { return m_url; }
    QLabel* nameProblemLabel() const { return m_nameProblem; }
    QLabel* urlProblemLabel() const { return m_urlProblem; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* replaceButton() const { return m_replace; }
    QPushButton* removeButton() const { return m_remove; }
    ConnectionTestPanel* testPanel() const { return m_testPanel; }

    // The actions, as the buttons run them.
    void addWebhook();
    void replaceUrl();
    void removeWebhook();
    void testWebhook();
    void cancelTest();

    // A name as billbridge-cli takes it (trimmed, lower case); empty when it is not usable.
    static QString usableName(const QString& text);

signals:
    void loaded();
    // A change was written (or refused); statusLabel() says how.
    void changeFinished(bool ok);
    void testFinished(bool accepted);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslate();
    void readUrl(const QString& name);
    void finishRead();
    void fillList();
    void validate();
    void selectName(const QString& name);
    const Webhook* webhook(const QString& name) const;
    QString selectedName() const;
    bool allowsLoopback() const;
    // Writes the URL and makes sure the name is listed, then records the change.
    void store(const QString& name, const QString& url, bool replacing);
    void writeNames(const QStringList& names, std::function<void(bool ok, const QString& error)> done);
    void finishChange(bool ok, const QString& message);
    void record(const QString& name, const QString& change) const;
    void onTestAnswer(quint64 test, const QString& name, const customerio::CustomerIoResult& result);
    void updateButtons();

    secrets::SecretStore* m_keychain;
    QString m_storePath;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    Confirm m_confirm;
    std::map<QString, Webhook> m_webhooks;
    QStringList m_keychainNames;
    QString m_loadProblem;
    int m_pendingReads = 0;
    bool m_loadStarted = false;
    bool m_reloadWanted = false; // asked for while a read was under way
    bool m_saving = false;
    bool m_testing = false;
    quint64 m_testNumber = 0;
    QThread* m_testThread = nullptr;
    slack::SlackClient* m_client = nullptr; // lives on m_testThread

    QLabel* m_intro = nullptr;
    QTreeWidget* m_list = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_nameProblem = nullptr;
    QLabel* m_urlLabel = nullptr;
    SecretField* m_url = nullptr;
    QLabel* m_urlProblem = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_replace = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_status = nullptr;
    ConnectionTestPanel* m_testPanel = nullptr;
};

} // namespace billbridge::widgets
