#include "customers/customerpage.h"

#include "customers/attributechangemodel.h"
#include "customers/customereventmodel.h"

#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace billbridge::widgets {

namespace {

QTableView* makeTable(QAbstractItemModel* model, const QString& objectName, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QLabel* makeValue(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

// Background of the status chip: green for paying, blue for trials, amber and red for money at risk, grey
// for ended.
QString chipColour(const QString& status)
{
    if (status == QLatin1String("active"))
        return QStringLiteral("#2e7d32");
    if (status == QLatin1String("trialing"))
        return QStringLiteral("#1565c0");
    if (status == QLatin1String("past_due") || status == QLatin1String("incomplete"))
        return QStringLiteral("#ef6c00");
    if (status == QLatin1String("unpaid"))
        return QStringLiteral("#c62828");
    return QStringLiteral("#616161");
}

} // namespace

CustomerPage::CustomerPage(QString storePath, QWidget* parent)
    : QWidget(parent)
    , m_storePath(std::move(storePath))
    , m_events(new CustomerEventModel(this))
    , m_changes(new AttributeChangeModel(this))
{
    buildUi();
    retranslate();
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &CustomerPage::onLoadFinished);
}

// A load in flight holds only copies of the path and the query, so it may finish unobserved; waiting for it
// would stall closing the window behind a slow disk.
CustomerPage::~CustomerPage() = default;

void CustomerPage::buildUi()
{
    auto* layout = new QVBoxLayout(this);

    auto* searchRow = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("customerSearch"));
    m_search->setClearButtonEnabled(true);
    m_showButton = new QPushButton(this);
    m_showButton->setObjectName(QStringLiteral("showCustomerButton"));
    m_showButton->setDefault(true);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_showButton);
    m_sendMessageButton = new QPushButton(this);
    m_sendMessageButton->setObjectName(QStringLiteral("sendMessageButton"));
    m_sendMessageButton->setEnabled(false);
    searchRow->addWidget(m_sendMessageButton);
    connect(m_sendMessageButton, &QPushButton::clicked, this, [this] {
        if (!customerId().isEmpty())
            emit sendMessageRequested({customerId()});
    });
    layout->addLayout(searchRow);
    connect(m_showButton, &QPushButton::clicked, this, [this] { showCustomer(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { showCustomer(m_search->text()); });

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("customerMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    m_content = new QWidget(this);
    m_content->setObjectName(QStringLiteral("customerContent"));
    auto* contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_content, 1);

    m_statePanel = new QGroupBox(m_content);
    m_statePanel->setObjectName(QStringLiteral("customerState"));
    m_stateForm = new QFormLayout(m_statePanel);
    m_identity = makeValue(QStringLiteral("customerIdentity"), m_statePanel);
    m_plan = makeValue(QStringLiteral("customerPlan"), m_statePanel);
    m_statusChip = new QLabel(m_statePanel);
    m_statusChip->setObjectName(QStringLiteral("customerStatus"));
    m_subscription = makeValue(QStringLiteral("customerSubscription"), m_statePanel);
    m_trialEnd = makeValue(QStringLiteral("customerTrialEnd"), m_statePanel);
    m_periodEnd = makeValue(QStringLiteral("customerPeriodEnd"), m_statePanel);
    m_cancellation = makeValue(QStringLiteral("customerCancellation"), m_statePanel);
    m_delinquent = makeValue(QStringLiteral("customerDelinquent"), m_statePanel);
    m_balance = makeValue(QStringLiteral("customerBalance"), m_statePanel);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusChip);
    statusRow->addStretch(1);
    for (QWidget* field : {static_cast<QWidget*>(m_identity), static_cast<QWidget*>(m_plan)})
        m_stateForm->addRow(new QLabel(m_statePanel), field);
    m_stateForm->addRow(new QLabel(m_statePanel), statusRow);
    for (QLabel* field : {m_subscription, m_trialEnd, m_periodEnd, m_cancellation, m_delinquent, m_balance})
        m_stateForm->addRow(new QLabel(m_statePanel), field);
    contentLayout->addWidget(m_statePanel);

    auto* splitter = new QSplitter(Qt::Vertical, m_content);
    auto* eventsBox = new QWidget(splitter);
    auto* eventsLayout = new QVBoxLayout(eventsBox);
    eventsLayout->setContentsMargins(0, 0, 0, 0);
    m_eventsTitle = new QLabel(eventsBox);
    m_eventsTitle->setObjectName(QStringLiteral("customerEventsTitle"));
    m_eventsView = makeTable(m_events, QStringLiteral("customerEvents"), eventsBox);
    m_eventsView->horizontalHeader()->setSectionResizeMode(CustomerEventModel::Time,
                                                           QHeaderView::ResizeToContents);
    m_eventsView->horizontalHeader()->setSectionResizeMode(CustomerEventModel::Type,
                                                           QHeaderView::ResizeToContents);
    eventsLayout->addWidget(m_eventsTitle);
    eventsLayout->addWidget(m_eventsView);

    auto* changesBox = new QWidget(splitter);
    auto* changesLayout = new QVBoxLayout(changesBox);
    changesLayout->setContentsMargins(0, 0, 0, 0);
    m_changesTitle = new QLabel(changesBox);
    m_changesTitle->setObjectName(QStringLiteral("customerChangesTitle"));
    m_changesTitle->setWordWrap(true);
    m_changesView = makeTable(m_changes, QStringLiteral("customerChanges"), changesBox);
    changesLayout->addWidget(m_changesTitle);
    changesLayout->addWidget(m_changesView);
    splitter->addWidget(eventsBox);
    splitter->addWidget(changesBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    contentLayout->addWidget(splitter, 1);

    connect(m_eventsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { onCurrentEventChanged(current); });
    connect(m_eventsView, &QAbstractItemView::doubleClicked, this, &CustomerPage::onEventDoubleClicked);

    m_content->hide();
}

void CustomerPage::retranslate()
{
    m_search->setPlaceholderText(tr("Customer id (cus_…) or email"));
    m_showButton->setText(tr("Show"));
    m_sendMessageButton->setText(tr("Send Message…"));
    m_sendMessageButton->setToolTip(tr("Send this customer a transactional message or a broadcast"));
    m_statePanel->setTitle(tr("Current state"));
    const std::pair<QWidget*, QString> rows[] = {{m_identity, tr("Customer")},
                                                 {m_plan, tr("Plan")},
                                                 {m_subscription, tr("Subscription")},
                                                 {m_trialEnd, tr("Trial ends")},
                                                 {m_periodEnd, tr("Current period ends")},
                                                 {m_cancellation, tr("Cancellation")},
                                                 {m_delinquent, tr("Delinquent")},
                                                 {m_balance, tr("Balance")}};
    for (const auto& [field, text] : rows) {
        if (auto* label = qobject_cast<QLabel*>(m_stateForm->labelForField(field)))
            label->setText(text);
    }
    // The status row holds a layout, so its label is found by position.
    if (auto* item = m_stateForm->itemAt(2, QFormLayout::LabelRole)) {
        if (auto* label = qobject_cast<QLabel*>(item->widget()))
            label->setText(tr("Status"));
    }
    if (m_timeline.outcome == customers::CustomerTimeline::Outcome::Loaded && !m_loading)
        showTimeline();
    else if (!m_loading && m_timeline.query.isEmpty())
        showMessage(tr("Enter a customer id (cus_…) or an email address to follow that customer's events."));
}

void CustomerPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CustomerPage::setStorePath(const QString& path)
{
    m_storePath = path;
}

void CustomerPage::showCustomer(const QString& customerIdOrEmail)
{
    const QString query = customerIdOrEmail.trimmed();
    if (m_search->text().trimmed() != query)
        m_search->setText(query);
    if (query.isEmpty()) {
        showMessage(tr("Enter a customer id (cus_…) or an email address, then choose Show."));
        return;
    }
    startLoad(query);
}

void CustomerPage::reload()
{
    if (!m_timeline.query.isEmpty())
        startLoad(m_timeline.query);
}

void CustomerPage::startLoad(const QString& query)
{
    showMessage(tr("Reading the events of %1…").arg(query));
    // Tracked here rather than asked of the watcher: its future can be finished while the finished()
    // notification is still queued, and replacing the future then would drop that result.
    if (m_loading) {
        m_pendingQuery = query;
        return;
    }
    m_loading = true;
    m_showButton->setEnabled(false);
    m_watcher.setFuture(
        QtConcurrent::run(&customers::CustomerTimelineLoader::load, m_storePath, query, m_eventCap));
}

void CustomerPage::onLoadFinished()
{
    m_loading = false;
    m_showButton->setEnabled(true);
    if (m_pendingQuery) {
        const QString next = *m_pendingQuery;
        m_pendingQuery.reset();
        startLoad(next);
        return;
    }
    m_timeline = m_watcher.result();
    m_sendMessageButton->setEnabled(!m_timeline.customerId.isEmpty());
    showTimeline();
    emit loaded();
}

void CustomerPage::showMessage(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void CustomerPage::showTimeline()
{
    using Outcome = customers::CustomerTimeline::Outcome;
    const customers::CustomerTimeline& timeline = m_timeline;
    if (timeline.outcome != Outcome::Loaded) {
        m_events->clear();
        m_changes->clear();
        m_content->hide();
        switch (timeline.outcome) {
        case Outcome::NoEvents:
            showMessage(
                tr("No events for customer %1 are stored. Check the id, or run a backfill if the customer "
                   "is older than this store.")
                    .arg(timeline.query));
            break;
        case Outcome::UnknownEmail:
            showMessage(
                tr("No stored event carries the address %1. Check the spelling, or search by customer id "
                   "(cus_…).")
                    .arg(timeline.query));
            break;
        case Outcome::StoreMissing:
            showMessage(
                tr("There is no event store at %1 yet. Receive or import events first, then search again.")
                    .arg(m_storePath));
            break;
        case Outcome::StoreFailed:
            showMessage(tr("The event store could not be read: %1").arg(timeline.storeError));
            break;
        case Outcome::Loaded:
            break;
        }
        return;
    }

    QStringList notes;
    if (timeline.truncated)
        notes << tr("Showing the newest %1 events of this customer; older ones are left out of the list and "
                    "the "
                    "state.")
                     .arg(timeline.entries.size());
    if (timeline.state.eventsSkipped > 0)
        notes << tr("%n stored event(s) could not be read and were left out.", nullptr,
                    timeline.state.eventsSkipped);
    showMessage(notes.join(QLatin1Char(' ')));

    const QString selectedId = [this] {
        const customers::TimelineEntry* entry = m_events->entry(m_eventsView->currentIndex().row());
        return entry ? entry->eventId : QString();
    }();
    m_events->setEntries(timeline.entries);
    m_eventsTitle->setText(
        tr("%n event(s), oldest first", nullptr, static_cast<int>(timeline.entries.size())));
    showState(timeline.state);
    m_content->show();

    const int row = m_events->rowOf(selectedId);
    if (row >= 0)
        m_eventsView->setCurrentIndex(m_events->index(row, 0));
    else
        onCurrentEventChanged({});
}

QString CustomerPage::statusText(const QString& status) const
{
    if (status == QLatin1String("trialing"))
        return tr("Trialing");
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("past_due"))
        return tr("Past due");
    if (status == QLatin1String("canceled"))
        return tr("Canceled");
    if (status == QLatin1String("unpaid"))
        return tr("Unpaid");
    if (status == QLatin1String("paused"))
        return tr("Paused");
    if (status == QLatin1String("incomplete"))
        return tr("Incomplete");
    if (status == QLatin1String("incomplete_expired"))
        return tr("Incomplete, expired");
    return status;
}

QString CustomerPage::dateText(const std::optional<std::int64_t>& unixSeconds) const
{
    return unixSeconds ? CustomerEventModel::formatTime(*unixSeconds) : tr("—");
}

void CustomerPage::showState(const customers::CustomerState& state)
{
    QString identity =
        state.name.isEmpty() ? state.customerId : tr("%1 · %2").arg(state.name, state.customerId);
    if (!state.email.isEmpty())
        identity = tr("%1 · %2").arg(identity, state.email);
    if (state.deleted)
        identity = tr("%1 (deleted in Stripe)").arg(identity);
    m_identity->setText(identity);

    const customers::SubscriptionState* current = state.current();
    if (!current) {
        m_plan->setText(tr("No subscription in the stored events"));
        m_statusChip->setText(tr("None"));
        m_statusChip->setProperty("status", QString());
        m_statusChip->setStyleSheet(
            QStringLiteral("QLabel { background: %1; color: white; border-radius: 8px; "
                           "padding: 2px 8px; }")
                .arg(chipColour(QString())));
        m_subscription->setText(tr("—"));
        m_trialEnd->setText(tr("—"));
        m_periodEnd->setText(tr("—"));
        m_cancellation->setText(tr("—"));
    } else {
        const customers::PlanInfo& plan = current->plan;
        QString planText = plan.isEmpty() ? tr("Unknown plan") : plan.displayName();
        if (plan.unitAmount && !plan.currency.isEmpty()) {
            const QString price = CustomerEventModel::formatAmount(*plan.unitAmount, plan.currency);
            planText = plan.interval.isEmpty() ? tr("%1 · %2").arg(planText, price)
                                               : tr("%1 · %2 per %3").arg(planText, price, plan.interval);
        }
        if (plan.quantity && *plan.quantity != 1)
            planText = tr("%1 × %2").arg(planText).arg(*plan.quantity);
        if (!plan.productId.isEmpty())
            planText = tr("%1 (%2)").arg(planText, plan.productId);
        m_plan->setText(planText);

        m_statusChip->setText(statusText(current->status));
        m_statusChip->setProperty("status", current->status);
        m_statusChip->setStyleSheet(
            QStringLiteral("QLabel { background: %1; color: white; border-radius: 8px; "
                           "padding: 2px 8px; }")
                .arg(chipColour(current->status)));
        const int others = static_cast<int>(state.subscriptions.size()) - 1;
        m_subscription->setText(others > 0 ? tr("%1 (and %n other(s))", nullptr, others).arg(current->id)
                                           : current->id);
        m_trialEnd->setText(dateText(current->trialEnd));
        m_periodEnd->setText(dateText(current->currentPeriodEnd));
        if (current->isEnded())
            m_cancellation->setText(tr("Ended %1").arg(dateText(current->canceledAt)));
        else if (current->cancelAtPeriodEnd)
            m_cancellation->setText(
                tr("Cancels at period end (%1)")
                    .arg(dateText(current->cancelAt ? current->cancelAt : current->currentPeriodEnd)));
        else if (current->cancelAt)
            m_cancellation->setText(tr("Cancels on %1").arg(dateText(current->cancelAt)));
        else
            m_cancellation->setText(tr("No"));
    }

    QString delinquent = state.isDelinquent() ? tr("Yes") : tr("No");
    if (const auto& failure = state.lastPaymentFailure) {
        const QString amount = failure->amount
                                   ? CustomerEventModel::formatAmount(*failure->amount, failure->currency)
                                   : tr("an unknown amount");
        QString detail = tr("last failed payment: %1 on %2, attempt %3")
                             .arg(amount, CustomerEventModel::formatTime(failure->at))
                             .arg(failure->attemptCount);
        detail = failure->nextPaymentAttempt
                     ? tr("%1; next retry %2")
                           .arg(detail, CustomerEventModel::formatTime(*failure->nextPaymentAttempt))
                     : tr("%1; Stripe will not retry").arg(detail);
        delinquent = tr("%1 — %2").arg(delinquent, detail);
    }
    m_delinquent->setText(delinquent);

    if (state.balance) {
        const QString currency = !state.currency.isEmpty() ? state.currency
                                 : current                 ? current->plan.currency
                                                           : QString();
        m_balance->setText(CustomerEventModel::formatAmount(*state.balance, currency));
    } else {
        m_balance->setText(tr("—"));
    }
}

void CustomerPage::onCurrentEventChanged(const QModelIndex& current)
{
    const customers::TimelineEntry* entry = m_events->entry(current.row());
    if (!entry || !entry->isUpdate()) {
        m_changes->clear();
        m_changesTitle->setText(tr("Select an *.updated event to see which fields it changed."));
        return;
    }
    m_changes->setChanges(entry->digest.changes);
    m_changesTitle->setText(entry->digest.changes.empty()
                                ? tr("%1 (%2) names no changed fields.").arg(entry->type, entry->eventId)
                                : tr("Fields changed by %1 (%2)").arg(entry->type, entry->eventId));
}

void CustomerPage::onEventDoubleClicked(const QModelIndex& index)
{
    if (const customers::TimelineEntry* entry = m_events->entry(index.row()))
        emit eventActivated(entry->eventId);
}

} // namespace billbridge::widgets
