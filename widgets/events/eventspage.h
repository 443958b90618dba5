#pragma once

#include "store/eventfilter.h"
#include "store/eventrecord.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <functional>

class QCheckBox;
class QLabel;
class QMenu;
class QPushButton;
class QSettings;
class QSplitter;
class QTableView;

namespace billbridge::widgets {

class EventDetailView;
class EventFilterBar;
class EventListModel;
class RawBodyView;

// The event browser: the filter line over three panes — the list (live and historical in one, paged from
// the store), the JSON of the selected event as a tree, and the exact bytes Stripe sent with their
// signature header. Selecting a row loads that one event's payload off the UI thread.
class EventsPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventsPage)

public:
    // Opens the export dialog for the current filter and the selected event ids (tests replace it).
    using ExportLauncher = std::function<void(QWidget* parent, const store::EventFilter& filter,
                                              const QStringList& selectedIds)>;

    explicit EventsPage(QString storePath, QWidget* parent = nullptr);
    ~EventsPage() override;

    EventListModel* model() const { return m_model; }
    QTableView* list() const { return m_list; }
    EventFilterBar* filterBar() const { return m_filterBar; }
    EventDetailView* detailView() const { return m_detail; }
    RawBodyView* rawView() const { return m_raw; }
    QMenu* columnMenu() const { return m_columnMenu; }

    void applyFilter(const store::EventFilter& filter);
    // Selects the event when it is among the rows; otherwise looks it up by its id.
    void showEvent(const QString& eventId);
    QStringList selectedEventIds() const;
    // The customers of the selected events, each once, in the order of the rows.
    QStringList selectedCustomerIds() const;
    // Asks for a message to the selected events' customers (the list menu's action).
    void requestSendMessage();
    // The event whose payload the panes show, if any.
    QString shownEventId() const { return m_shownEventId; }

    bool followsNewEvents() const;
    void setFollowNewEvents(bool follow);

    void setExportLauncher(ExportLauncher launcher) { m_exportLauncher = std::move(launcher); }
    void openExport();

    void saveState(QSettings& settings) const;
    void restoreState(const QSettings& settings);

signals:
    // The operator asked to see everything about this customer.
    void followCustomerRequested(const QString& customerId);
    // The operator wants to send a message to these customers.
    void sendMessageRequested(const QStringList& customerIds);
    // The operator wants to see a job the event `eventId` caused (one of `eventJobIds`) on the Queue page.
    void jobRequested(std::int64_t jobId, const QList<qint64>& eventJobIds, const QString& eventId);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createToolRow();
    void retranslate();
    void onCurrentRowChanged();
    void onEventLoaded(const store::StoredEvent& event);
    void loadShownEvent();
    void onRowsArrivedLive(int count);
    void updateCount();
    void showListMenu(const QPoint& position);
    void showColumnMenu(const QPoint& position);
    void fillColumnMenu();
    void followSelectedCustomer();

    QString m_storePath;
    EventListModel* m_model = nullptr;
    EventFilterBar* m_filterBar = nullptr;
    QTableView* m_list = nullptr;
    EventDetailView* m_detail = nullptr;
    RawBodyView* m_raw = nullptr;
    QSplitter* m_listSplitter = nullptr;
    QSplitter* m_detailSplitter = nullptr;
    QCheckBox* m_follow = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_newest = nullptr;
    QPushButton* m_oldest = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_customer = nullptr;
    QMenu* m_columnMenu = nullptr;
    QString m_shownEventId;
    QString m_pendingEventId; // asked for by showEvent() before its row arrived
    QString m_error;
    ExportLauncher m_exportLauncher;
};

} // namespace billbridge::widgets
