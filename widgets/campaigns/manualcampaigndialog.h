#pragma once

#include "campaigns/campaigncatalog.h"
#include "campaigns/manualsend.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <functional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTabWidget;
class QTimer;

namespace billbridge::widgets {

// Sends a transactional message or triggers a broadcast by hand, through the job queue: pick the message
// from the workspace's list (or type its id), edit the customers and the data, look at the exact requests,
// confirm. The queue sends them; the dialog only queues, once per send however often Send is pressed.
class ManualCampaignDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManualCampaignDialog)

public:
    // Starts loading the catalog; `done` is called once, on the dialog's thread, unless `context` goes first.
    using CatalogSource =
        std::function<void(QObject* context, std::function<void(const campaigns::CampaignCatalog&)> done)>;
    // Asks the operator to confirm `text`; true to go ahead. Tests answer without a message box.
    using Confirmer = std::function<bool(QWidget* parent, const QString& title, const QString& text)>;

    ManualCampaignDialog(QString storePath, CatalogSource catalogSource, QWidget* parent = nullptr);
    ~ManualCampaignDialog() override;

    void setKind(campaigns::ManualSend::Kind kind);
    campaigns::ManualSend::Kind kind() const;
    // One customer id per entry; replaces the list.
    void setRecipients(const QStringList& customerIds);
    QStringList recipientIds() const;
    void setConfirmer(Confirmer confirmer) { m_confirmer = std::move(confirmer); }

    // Loads the catalog again (the Retry button).
    void reloadCatalog();
    bool isCatalogLoading() const { return m_catalogLoading; }
    bool isResolving() const { return m_resolving; }
    bool isQueueing() const { return m_queueWatcher.isRunning(); }

    // The send as the form describes it now, and why it cannot go yet (empty when it can).
    const campaigns::ManualSend& currentSend() const { return m_send; }
    QStringList problems() const { return m_problems; }
    QList<qint64> queuedJobIds() const { return m_queuedJobIds; }

    // For tests and keyboard users: the controls by role.
    QComboBox* picker() const { return m_picker; }
    QLineEdit* manualIdEdit() const { return m_manualId; }
    QPlainTextEdit* recipientsEdit() const { return m_recipients; }
    QLineEdit* toEdit() const { return m_to; }
    QPlainTextEdit* dataEdit() const { return m_data; }
    QProgressBar* sizeMeter() const { return m_sizeMeter; }
    QPlainTextEdit* previewView() const { return m_preview; }
    QTabWidget* tabs() const { return m_tabs; }
    QPushButton* sendButton() const { return m_sendButton; }
    QPushButton* retryButton() const { return m_retry; }
    QPushButton* showInQueueButton() const { return m_showInQueue; }
    QLabel* catalogStatus() const { return m_catalogStatus; }
    QLabel* dataStatus() const { return m_dataStatus; }
    QLabel* problemsLabel() const { return m_problemsLabel; }
    QLabel* resultLabel() const { return m_result; }

    // Confirms and queues (the Send… button).
    void requestSend();

signals:
    // Catalog loaded (or failed); pickers are up to date.
    void catalogLoaded();
    // The customers' addresses were looked up; the preview is up to date.
    void recipientsResolved();
    // The jobs are in the queue (or were already, for a repeated send).
    void jobsQueued(const QList<qint64>& jobIds);
    void queueFailed(const QString& message);
    // The operator wants to see the queued jobs.
    void showInQueueRequested(const QList<qint64>& jobIds);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct QueueOutcome {
        campaigns::EnqueuedSend result;
        QString error;
    };

    void buildUi();
    void retranslate();
    void onCatalog(const campaigns::CampaignCatalog& catalog);
    void fillPicker();
    void scheduleResolve();
    void startResolve();
    void onResolved();
    void refresh();
    void onQueued();
    QString chosenId() const;
    QString chosenLabel() const;
    // The operator changed what would be sent: a later Send is a new send.
    void noteEdited();

    QString m_storePath;
    CatalogSource m_catalogSource;
    Confirmer m_confirmer;
    campaigns::CampaignCatalog m_catalog;
    bool m_catalogLoading = false;
    bool m_catalogLoaded = false;
    int m_catalogGeneration = 0;
    QObject* m_catalogContext = nullptr;

    QList<campaigns::ManualSend::Recipient> m_resolved;
    QFutureWatcher<QList<campaigns::ManualSend::Recipient>> m_resolveWatcher;
    bool m_resolving = false;
    bool m_resolveAgain = false;
    QTimer* m_resolveTimer = nullptr;

    campaigns::ManualSend m_send;
    QUuid m_sendId = QUuid::createUuid();
    bool m_sendQueued = false;
    bool m_dataValid = true;
    QStringList m_problems;
    QFutureWatcher<QueueOutcome> m_queueWatcher;
    QList<qint64> m_queuedJobIds;

    QRadioButton* m_transactional = nullptr;
    QRadioButton* m_broadcast = nullptr;
    QButtonGroup* m_kindGroup = nullptr;
    QLabel* m_pickerLabel = nullptr;
    QComboBox* m_picker = nullptr;
    QLabel* m_manualIdLabel = nullptr;
    QLineEdit* m_manualId = nullptr;
    QLabel* m_catalogStatus = nullptr;
    QPushButton* m_retry = nullptr;
    QLabel* m_recipientsLabel = nullptr;
    QPlainTextEdit* m_recipients = nullptr;
    QLabel* m_recipientsStatus = nullptr;
    QLabel* m_toLabel = nullptr;
    QLineEdit* m_to = nullptr;
    QLabel* m_dataLabel = nullptr;
    QPlainTextEdit* m_data = nullptr;
    QLabel* m_dataStatus = nullptr;
    QProgressBar* m_sizeMeter = nullptr;
    QTabWidget* m_tabs = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    QLabel* m_problemsLabel = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_sendButton = nullptr;
    QPushButton* m_showInQueue = nullptr;
    QPushButton* m_close = nullptr;
};

} // namespace billbridge::widgets
