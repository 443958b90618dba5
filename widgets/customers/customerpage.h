#pragma once

#include "customers/customertimelineloader.h"

#include <QFutureWatcher>
#include <QString>
#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QTableView;

namespace billbridge::widgets {

class AttributeChangeModel;
class CustomerEventModel;

// "Follow this customer": one customer's events in time order, the state they add up to (plan, status,
// trial, billing period, cancellation, delinquency, balance), and for an `*.updated` event the fields it
// changed. Every read runs on the thread pool with a read connection of its own.
class CustomerPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerPage)

public:
    explicit CustomerPage(QString storePath, QWidget* parent = nullptr);
    ~CustomerPage() override;

    QString storePath() const { return m_storePath; }
    void setStorePath(const QString& path);
    // Events read per customer at most; more are reported, the newest kept.
    void setEventCap(int cap) { m_eventCap = cap; }

    // Looks up a customer id (cus_…) or an email address and shows what the store holds for it.
    void showCustomer(const QString& customerIdOrEmail);
    // Reads the shown customer again.
    void reload();

    bool isLoading() const { return m_loading; }
    QPushButton* sendMessageButton() const { return m_sendMessageButton; }
    // The customer shown, once a load has found one.
    QString customerId() const { return m_timeline.customerId; }
    const customers::CustomerTimeline& timeline() const { return m_timeline; }
    CustomerEventModel* eventModel() const { return m_events; }
    AttributeChangeModel* changeModel() const { return m_changes; }

signals:
    // The operator asked to see this event in the Events page.
    void eventActivated(const QString& eventId);
    // A load finished, whatever it found; timeline() holds its result.
    void loaded();
    // The operator wants to send a message to the shown customer.
    void sendMessageRequested(const QStringList& customerIds);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void retranslate();
    void startLoad(const QString& query);
    void onLoadFinished();
    void showTimeline();
    void showState(const customers::CustomerState& state);
    void showMessage(const QString& text);
    void onCurrentEventChanged(const QModelIndex& current);
    void onEventDoubleClicked(const QModelIndex& index);
    QString statusText(const QString& status) const;
    QString dateText(const std::optional<std::int64_t>& unixSeconds) const;

    QString m_storePath;
    int m_eventCap = customers::CustomerTimelineLoader::kDefaultCap;
    QFutureWatcher<customers::CustomerTimeline> m_watcher;
    bool m_loading = false;
    // A request made while another load runs; it replaces that load's result.
    std::optional<QString> m_pendingQuery;
    customers::CustomerTimeline m_timeline;

    CustomerEventModel* m_events = nullptr;
    AttributeChangeModel* m_changes = nullptr;

    QLineEdit* m_search = nullptr;
    QPushButton* m_showButton = nullptr;
    QPushButton* m_sendMessageButton = nullptr;
    QLabel* m_message = nullptr;
    QWidget* m_content = nullptr;
    QGroupBox* m_statePanel = nullptr;
    QFormLayout* m_stateForm = nullptr;
    QLabel* m_identity = nullptr;
    QLabel* m_plan = nullptr;
    QLabel* m_statusChip = nullptr;
    QLabel* m_subscription = nullptr;
    QLabel* m_trialEnd = nullptr;
    QLabel* m_periodEnd = nullptr;
    QLabel* m_cancellation = nullptr;
    QLabel* m_delinquent = nullptr;
    QLabel* m_balance = nullptr;
    QLabel* m_eventsTitle = nullptr;
    QTableView* m_eventsView = nullptr;
    QLabel* m_changesTitle = nullptr;
    QTableView* m_changesView = nullptr;
};

} // namespace billbridge::widgets
