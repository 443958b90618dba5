#include "events/eventspage.h"

#include "events/eventdetailview.h"
#include "events/eventfilterbar.h"
#include "events/eventlistmodel.h"
#include "events/exportdialog.h"
#include "events/rawbodyview.h"
#include "events/syncdecisionview.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace billbridge::widgets {

namespace {

constexpr auto kHeaderKey = "events/header";
constexpr auto kListSplitterKey = "events/listSplitter";
constexpr auto kDetailSplitterKey = "events/detailSplitter";
constexpr auto kFollowKey = "events/follow";

} // namespace

EventsPage::EventsPage(QString storePath, QWidget* parent)
    : QWidget(parent)
    , m_storePath(std::move(storePath))
{
    setObjectName(QStringLiteral("eventsPage"));
    m_exportLauncher = [this](QWidget* parent, const store::EventFilter& filter, const QStringList& ids) {
        auto* dialog = new ExportDialog(m_storePath, filter, ids, parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    };
    m_model = new EventListModel(m_storePath, this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_filterBar = new EventFilterBar(m_storePath, this);
    layout->addWidget(m_filterBar);
    layout->addWidget(createToolRow());

    m_listSplitter = new QSplitter(Qt::Vertical, this);
    m_listSplitter->setObjectName(QStringLiteral("eventsListSplitter"));
    m_listSplitter->setChildrenCollapsible(false);
    m_list = new QTableView(m_listSplitter);
    m_list->setObjectName(QStringLiteral("eventList"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_list->setShowGrid(false);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    // Equal row heights let the view place a million rows without measuring any of them.
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    QHeaderView* header = m_list->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->resizeSection(EventListModel::Time, 150);
    header->resizeSection(EventListModel::Type, 230);
    header->resizeSection(EventListModel::Customer, 150);
    header->resizeSection(EventListModel::Email, 190);
    header->resizeSection(EventListModel::Amount, 90);
    header->resizeSection(EventListModel::Status, 100);
    header->resizeSection(EventListModel::Source, 80);
    header->resizeSection(EventListModel::Signature, 80);
    header->resizeSection(EventListModel::Mode, 60);
    header->setSectionHidden(EventListModel::EventId, true);
    m_columnMenu = new QMenu(this);
    m_columnMenu->setObjectName(QStringLiteral("columnMenu"));

    m_detailSplitter = new QSplitter(Qt::Horizontal, m_listSplitter);
    m_detailSplitter->setObjectName(QStringLiteral("eventsDetailSplitter"));
    m_detailSplitter->setChildrenCollapsible(false);
    m_detail = new EventDetailView(m_detailSplitter);
    m_raw = new RawBodyView(m_detailSplitter);
    m_detailSplitter->addWidget(m_detail);
    m_detailSplitter->addWidget(m_raw);
    m_detailSplitter->setSizes({500, 400});
    m_listSplitter->addWidget(m_list);
    m_listSplitter->addWidget(m_detailSplitter);
    m_listSplitter->setStretchFactor(0, 3);
    m_listSplitter->setStretchFactor(1, 2);
    layout->addWidget(m_listSplitter, 1);

    connect(m_filterBar, &EventFilterBar::filterChanged, m_model, &EventListModel::setFilter);
    connect(m_filterBar, &EventFilterBar::storeProblem, this, [this](const QString& message) {
        m_error = message;
        updateCount();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EventsPage::onCurrentRowChanged);
    connect(m_list, &QWidget::customContextMenuRequested, this, &EventsPage::showListMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &EventsPage::showColumnMenu);
    connect(m_model, &EventListModel::eventLoaded, this, &EventsPage::onEventLoaded);
    connect(m_model, &EventListModel::eventLoadFailed, this,
            [this](const QString& id, const QString& message) {
                if (id == m_shownEventId) {
                    m_error = message;
                    updateCount();
                }
            });
    connect(m_model, &EventListModel::syncDecisionLoaded, this,
            [this](const QString& id, const sync::SyncDecision& decision) {
                if (id == m_shownEventId)
                    m_detail->syncView()->setDecision(id, decision);
            });
    connect(m_model, &EventListModel::syncDecisionLoadFailed, this,
            [this](const QString& id, const QString& message) {
                if (id == m_shownEventId)
                    m_detail->syncView()->setFailed(id, message);
            });
    connect(m_detail, &EventDetailView::jobRequested, this,
            [this](std::int64_t jobId, const QList<qint64>& eventJobIds) {
                emit jobRequested(jobId, eventJobIds, m_detail->syncView()->eventId());
            });
    connect(m_model, &EventListModel::rowsArrivedLive, this, &EventsPage::onRowsArrivedLive);
    connect(m_model, &EventListModel::matchCountChanged, this, &EventsPage::updateCount);
    connect(m_model, &EventListModel::loadingChanged, this, &EventsPage::updateCount);
    connect(m_model, &EventListModel::storeMissingChanged, this, &EventsPage::updateCount);
    connect(m_model, &EventListModel::errorOccurred, this, [this](const QString& message) {
        m_error = message;
        updateCount();
    });
    connect(m_model, &EventListModel::firstPageLoaded, this, [this] {
        m_error.clear();
        if (!m_pendingEventId.isEmpty()) {
            const int row = m_model->rowOfEvent(m_pendingEventId);
            if (row >= 0) {
                m_list->selectRow(row);
                m_list->scrollTo(m_model->index(row, 0));
                m_pendingEventId.clear();
            }
        }
        updateCount();
    });
    connect(m_detail, &EventDetailView::filterRequested, m_filterBar, &EventFilterBar::narrow);

    retranslate();
    m_model->setFilter({});
}

EventsPage::~EventsPage() = default;

QWidget* EventsPage::createToolRow()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_follow = new QCheckBox(row);
    m_follow->setObjectName(QStringLiteral("followNewEvents"));
    m_follow->setChecked(true);
    m_count = new QLabel(row);
    m_count->setObjectName(QStringLiteral("matchCount"));
    m_status = new QLabel(row);
    m_status->setObjectName(QStringLiteral("eventsStatus"));
    m_status->setWordWrap(true);
    m_newest = new QPushButton(row);
    m_newest->setObjectName(QStringLiteral("jumpToNewest"));
    m_oldest = new QPushButton(row);
    m_oldest->setObjectName(QStringLiteral("jumpToOldest"));
    m_customer = new QPushButton(row);
    m_customer->setObjectName(QStringLiteral("followCustomerButton"));
    m_customer->setEnabled(false);
    m_export = new QPushButton(row);
    m_export->setObjectName(QStringLiteral("exportEventsButton"));
    layout->addWidget(m_follow);
    layout->addSpacing(12);
    layout->addWidget(m_count);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_newest);
    layout->addWidget(m_oldest);
    layout->addWidget(m_customer);
    layout->addWidget(m_export);

    connect(m_follow, &QCheckBox::toggled, this, [this](bool follow) {
        if (follow) {
            if (!m_model->isAtHead())
                m_model->jumpToStart();
            m_list->scrollToTop();
        }
    });
    connect(m_newest, &QPushButton::clicked, this, [this] {
        m_model->jumpToStart();
        m_list->scrollToTop();
    });
    connect(m_oldest, &QPushButton::clicked, this, [this] {
        m_follow->setChecked(false);
        m_model->jumpToEnd();
    });
    connect(m_customer, &QPushButton::clicked, this, &EventsPage::followSelectedCustomer);
    connect(m_export, &QPushButton::clicked, this, &EventsPage::openExport);
    return row;
}

void EventsPage::retranslate()
{
    m_follow->setText(tr("Follow new events"));
    m_follow->setToolTip(tr("Keep the newest event in view as events arrive"));
    m_newest->setText(tr("Newest"));
    m_newest->setToolTip(tr("Go to the newest matching events"));
    m_oldest->setText(tr("Oldest"));
    m_oldest->setToolTip(tr("Go to the oldest matching events"));
    m_customer->setText(tr("Follow Customer"));
    m_customer->setToolTip(tr("Show this customer's events, current state and changes"));
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Save the selected events, or every matching event, as JSON lines or CSV"));
    updateCount();
}

void EventsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EventsPage::updateCount()
{
    const store::EventCount count = m_model->matchCount();
    const QLocale locale;
    if (m_model->isStoreMissing())
        m_count->setText(tr("No events yet"));
    else if (count.exact && count.count == 1)
        m_count->setText(tr("1 matching event"));
    else if (count.exact)
        m_count->setText(tr("%1 matching events").arg(locale.toString(count.count)));
    else
        m_count->setText(tr("%1 or more matching events").arg(locale.toString(count.count)));
    QString status;
    if (!m_error.isEmpty())
        status = m_error;
    else if (m_model->isStoreMissing())
        status =
            tr("Nothing has been received or imported yet. Events appear here as soon as they are stored.");
    else if (m_model->isLoading())
        status = tr("Loading…");
    else if (!m_model->isAtHead())
        status = tr("Showing older events; new arrivals are not added until you go back to the newest.");
    m_status->setText(status);
    m_status->setStyleSheet(m_error.isEmpty() ? QString() : QStringLiteral("QLabel { color: #b71c1c; }"));
    m_newest->setEnabled(!m_model->isAtHead() || m_list->verticalScrollBar()->value() > 0);
}

void EventsPage::applyFilter(const store::EventFilter& filter)
{
    m_filterBar->setFilter(filter);
}

void EventsPage::onCurrentRowChanged()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) {
        m_customer->setEnabled(false);
        return;
    }
    const store::StoredEvent& event = m_model->eventAt(current.row());
    m_customer->setEnabled(!event.fields.customerId.isEmpty());
    if (event.fields.id == m_shownEventId)
        return;
    m_shownEventId = event.fields.id;
    loadShownEvent();
}

void EventsPage::loadShownEvent()
{
    m_model->loadEvent(m_shownEventId);
    m_detail->syncView()->setLoading(m_shownEventId);
    m_model->loadSyncDecision(m_shownEventId);
}

void EventsPage::onEventLoaded(const store::StoredEvent& event)
{
    // A slower answer for a row the operator already left is of no use.
    if (event.fields.id != m_shownEventId)
        return;
    m_detail->setEvent(event);
    m_raw->setEvent(event);
}

void EventsPage::showEvent(const QString& eventId)
{
    const int row = m_model->rowOfEvent(eventId);
    if (row >= 0) {
        m_list->selectRow(row);
        m_list->scrollTo(m_model->index(row, 0));
        return;
    }
    m_pendingEventId = eventId;
    m_shownEventId = eventId;
    loadShownEvent();
}

QStringList EventsPage::selectedEventIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    ids.reserve(rows.size());
    for (const QModelIndex& index : rows)
        ids.append(m_model->eventAt(index.row()).fields.id);
    return ids;
}

QStringList EventsPage::selectedCustomerIds() const
{
    QModelIndexList rows = m_list->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex& index : rows) {
        const QString customer = m_model->eventAt(index.row()).fields.customerId;
        if (!customer.isEmpty() && !ids.contains(customer))
            ids.append(customer);
    }
    return ids;
}

void EventsPage::requestSendMessage()
{
    const QStringList customers = selectedCustomerIds();
    if (!customers.isEmpty())
        emit sendMessageRequested(customers);
}

bool EventsPage::followsNewEvents() const
{
    return m_follow->isChecked();
}

void EventsPage::setFollowNewEvents(bool follow)
{
    m_follow->setChecked(follow);
}

void EventsPage::onRowsArrivedLive(int count)
{
    if (m_follow->isChecked()) {
        m_list->scrollToTop();
        return;
    }
    // Rows went in above the ones in view: move with them so that what the operator reads stays put. The
    // view lays itself out again only later, so the scroll range grows after this turn.
    const int step = m_list->verticalScrollMode() == QAbstractItemView::ScrollPerItem
                         ? count
                         : count * m_list->verticalHeader()->defaultSectionSize();
    QTimer::singleShot(0, this, [this, step] {
        QScrollBar* bar = m_list->verticalScrollBar();
        bar->setValue(bar->value() + step);
    });
    updateCount();
}

void EventsPage::followSelectedCustomer()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    const QString customer = m_model->eventAt(current.row()).fields.customerId;
    if (!customer.isEmpty())
        emit followCustomerRequested(customer);
}

void EventsPage::showListMenu(const QPoint& position)
{
    const QModelIndex index = m_list->indexAt(position);
    if (!index.isValid())
        return;
    const store::StoredEvent event = m_model->eventAt(index.row());
    QMenu menu(this);
    QAction* follow = menu.addAction(tr("Follow Customer"), this, &EventsPage::followSelectedCustomer);
    follow->setEnabled(!event.fields.customerId.isEmpty());
    menu.addSeparator();
    menu.addAction(tr("Only This Type"), this, [this, type = event.fields.type] {
        store::EventFilter narrowing;
        narrowing.types = {type};
        m_filterBar->narrow(narrowing);
    });
    QAction* onlyCustomer =
        menu.addAction(tr("Only This Customer"), this, [this, id = event.fields.customerId] {
            store::EventFilter narrowing;
            narrowing.customerId = id;
            m_filterBar->narrow(narrowing);
        });
    onlyCustomer->setEnabled(!event.fields.customerId.isEmpty());
    menu.addSeparator();
    menu.addAction(tr("Copy Event Id"), this,
                   [id = event.fields.id] { QGuiApplication::clipboard()->setText(id); });
    menu.addAction(tr("Export Selected…"), this, &EventsPage::openExport);
    QAction* sendMessage =
        menu.addAction(tr("Send Message to These Customers…"), this, &EventsPage::requestSendMessage);
    sendMessage->setObjectName(QStringLiteral("sendMessageAction"));
    sendMessage->setEnabled(!selectedCustomerIds().isEmpty());
    menu.exec(m_list->viewport()->mapToGlobal(position));
}

void EventsPage::fillColumnMenu()
{
    m_columnMenu->clear();
    QHeaderView* header = m_list->horizontalHeader();
    for (int column = 0; column < EventListModel::ColumnCount; ++column) {
        QAction* action =
            m_columnMenu->addAction(m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        action->setData(column);
        connect(action, &QAction::toggled, this, [this, column](bool shown) {
            QHeaderView* header = m_list->horizontalHeader();
            // The last visible column stays: a list without columns cannot be brought back by its header.
            if (!shown && header->count() - header->hiddenSectionCount() <= 1)
                return;
            header->setSectionHidden(column, !shown);
        });
    }
    m_columnMenu->addSeparator();
    m_columnMenu->addAction(tr("Reset Columns"), this, [this] {
        QHeaderView* header = m_list->horizontalHeader();
        for (int column = 0; column < EventListModel::ColumnCount; ++column) {
            header->setSectionHidden(column, column == EventListModel::EventId);
            header->moveSection(header->visualIndex(column), column);
        }
    });
}

void EventsPage::showColumnMenu(const QPoint& position)
{
    fillColumnMenu();
    m_columnMenu->popup(m_list->horizontalHeader()->mapToGlobal(position));
}

void EventsPage::openExport()
{
    if (m_exportLauncher)
        m_exportLauncher(this, m_filterBar->filter(), selectedEventIds());
}

void EventsPage::saveState(QSettings& settings) const
{
    settings.setValue(QLatin1String(kHeaderKey), m_list->horizontalHeader()->saveState());
    settings.setValue(QLatin1String(kListSplitterKey), m_listSplitter->saveState());
    settings.setValue(QLatin1String(kDetailSplitterKey), m_detailSplitter->saveState());
    settings.setValue(QLatin1String(kFollowKey), m_follow->isChecked());
}

void EventsPage::restoreState(const QSettings& settings)
{
    const QByteArray header = settings.value(QLatin1String(kHeaderKey)).toByteArray();
    if (!header.isEmpty())
        m_list->horizontalHeader()->restoreState(header);
    const QByteArray list = settings.value(QLatin1String(kListSplitterKey)).toByteArray();
    if (!list.isEmpty())
        m_listSplitter->restoreState(list);
    const QByteArray detail = settings.value(QLatin1String(kDetailSplitterKey)).toByteArray();
    if (!detail.isEmpty())
        m_detailSplitter->restoreState(detail);
    m_follow->setChecked(settings.value(QLatin1String(kFollowKey), true).toBool());
}

} // namespace billbridge::widgets
