#include "events/eventdetailview.h"

#include "events/jsontreemodel.h"
#include "events/rawbodyview.h"
#include "events/syncdecisionview.h"
#include "events/valuefilter.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace billbridge::widgets {

namespace {

// data.object is what the operator came for; the envelope around it is the same for every event.
const QStringList kDefaultExpanded = {QStringLiteral("data"), QStringLiteral("data.object")};

QString localTime(const QDateTime& time)
{
    return QLocale().toString(time, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QAction* makeAction(const QString& text, const QKeySequence& shortcut, QWidget* owner)
{
    auto* action = new QAction(text, owner);
    action->setShortcut(shortcut);
    // Only while focus is in this pane: Ctrl+C elsewhere in the window belongs to other widgets.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    owner->addAction(action);
    return action;
}

} // namespace

EventDetailView::EventDetailView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("eventDetailView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    m_hint = new QLabel(tr("Select an event to see what Stripe sent"), m_stack);
    m_hint->setObjectName(QStringLiteral("detailHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setEnabled(false);
    m_stack->addWidget(m_hint);

    auto* page = new QWidget(m_stack);
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(4);
    auto* headerRow = new QHBoxLayout;
    m_header = new QLabel(page);
    m_header->setObjectName(QStringLiteral("eventHeader"));
    m_header->setTextFormat(Qt::PlainText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_header->setWordWrap(true);
    headerRow->addWidget(m_header, 1);
    auto* expandButton = new QToolButton(page);
    expandButton->setObjectName(QStringLiteral("expandAllButton"));
    auto* collapseButton = new QToolButton(page);
    collapseButton->setObjectName(QStringLiteral("collapseAllButton"));
    headerRow->addWidget(expandButton);
    headerRow->addWidget(collapseButton);
    pageLayout->addLayout(headerRow);

    m_tabs = new QTabWidget(page);
    m_tabs->setObjectName(QStringLiteral("eventDetailTabs"));
    m_tabs->setDocumentMode(true);
    m_model = new JsonTreeModel(this);
    m_tree = new QTreeView(m_tabs);
    m_tree->setObjectName(QStringLiteral("eventTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->setColumnWidth(JsonTreeModel::KeyColumn, 240);
    m_tree->setColumnWidth(JsonTreeModel::TypeColumn, 80);
    m_tabs->addTab(m_tree, QString());
    m_sync = new SyncDecisionView(m_tabs);
    m_tabs->addTab(m_sync, QString());
    pageLayout->addWidget(m_tabs, 1);
    m_stack->addWidget(page);

    m_copyValue = makeAction(tr("Copy value"), QKeySequence::Copy, this);
    m_copyPath = makeAction(tr("Copy path"), QKeySequence(tr("Ctrl+Shift+C")), this);
    m_copyJson = makeAction(tr("Copy as JSON"), QKeySequence(tr("Ctrl+Alt+C")), this);
    m_filter = makeAction(tr("Filter on this value"), QKeySequence(tr("Ctrl+Shift+F")), this);
    m_filter->setToolTip(tr("Show only events that match this value in the event list"));
    m_expandAll = makeAction(tr("Expand all"), QKeySequence(tr("Ctrl+Shift+Right")), this);
    m_collapseAll = makeAction(tr("Collapse all"), QKeySequence(tr("Ctrl+Shift+Left")), this);
    expandButton->setDefaultAction(m_expandAll);
    collapseButton->setDefaultAction(m_collapseAll);

    connect(m_copyValue, &QAction::triggered, this, &EventDetailView::copyValue);
    connect(m_copyPath, &QAction::triggered, this, &EventDetailView::copyPath);
    connect(m_copyJson, &QAction::triggered, this, &EventDetailView::copyAsJson);
    connect(m_filter, &QAction::triggered, this, &EventDetailView::filterOnValue);
    connect(m_expandAll, &QAction::triggered, this, &EventDetailView::expandAll);
    connect(m_collapseAll, &QAction::triggered, this, &EventDetailView::collapseAll);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &EventDetailView::showContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &EventDetailView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EventDetailView::updateActions);
    connect(m_sync, &SyncDecisionView::jobRequested, this, &EventDetailView::jobRequested);

    retranslate();
    clear();
}

EventDetailView::~EventDetailView() = default;

void EventDetailView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EventDetailView::retranslate()
{
    m_tabs->setTabText(0, tr("Payload"));
    m_tabs->setTabToolTip(0, tr("What Stripe sent, as a tree"));
    m_tabs->setTabText(1, tr("Sync"));
    m_tabs->setTabToolTip(1, tr("What Billbridge decided for this event and the jobs it queued"));
}

void EventDetailView::setEvent(const store::StoredEvent& event)
{
    rememberState();
    m_hasEvent = true;
    m_eventType = event.fields.type;
    m_model->setDocument(event.raw);
    m_header->setText(headerFor(event));
    m_stack->setCurrentIndex(1);
    m_expandAll->setEnabled(true);
    m_collapseAll->setEnabled(true);
    restoreState();
}

void EventDetailView::clear()
{
    rememberState();
    m_hasEvent = false;
    m_eventType.clear();
    m_model->clear();
    m_header->clear();
    m_sync->clear();
    m_stack->setCurrentIndex(0);
    m_expandAll->setEnabled(false);
    m_collapseAll->setEnabled(false);
}

QString EventDetailView::headerText() const
{
    return m_header->text();
}

QString EventDetailView::headerFor(const store::StoredEvent& event)
{
    const stripe::StripeEventFields& fields = event.fields;
    QStringList parts;
    parts << fields.id << fields.type;
    parts << tr("created %1").arg(localTime(QDateTime::fromSecsSinceEpoch(fields.created)));
    parts << (fields.livemode ? tr("LIVE") : tr("TEST"));
    if (fields.amount && !fields.currency.isEmpty())
        parts << JsonTreeModel::formatMoney(*fields.amount, fields.currency);
    if (!fields.status.isEmpty())
        parts << fields.status;
    QString origin;
    switch (event.source) {
    case store::EventSource::Webhook:
        origin = tr("webhook");
        break;
    case store::EventSource::Poll:
        origin = tr("polled from the Stripe API");
        break;
    case store::EventSource::Backfill:
        origin = tr("backfilled from the Stripe API");
        break;
    }
    parts << (event.verdict == store::SignatureVerdict::Verified
                  ? tr("%1, signature verified").arg(origin)
                  : tr("%1, fetched over the authenticated API (no signature)").arg(origin));
    if (event.receivedAtMs > 0)
        parts << tr("received %1").arg(localTime(QDateTime::fromMSecsSinceEpoch(event.receivedAtMs)));
    if (event.duplicateCount == 1)
        parts << tr("seen 1 duplicate delivery");
    else if (event.duplicateCount > 1)
        parts << tr("seen %n duplicate deliveries", nullptr,
                    static_cast<int>(std::min<std::int64_t>(event.duplicateCount, 1000000000)));
    return parts.join(QStringLiteral(" · "));
}

QStringList EventDetailView::expandedPaths() const
{
    QStringList paths;
    collectExpanded({}, paths);
    return paths;
}

// Walks collapsed branches too: QTreeView keeps a child open inside a closed parent, and so do we.
void EventDetailView::collectExpanded(const QModelIndex& parent, QStringList& paths) const
{
    const int rows = m_model->rowCount(parent);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex child = m_model->index(row, 0, parent);
        if (m_model->rowCount(child) == 0)
            continue;
        if (m_tree->isExpanded(child))
            paths << m_model->pathOf(child);
        collectExpanded(child, paths);
    }
}

void EventDetailView::rememberState()
{
    if (!m_hasEvent || !m_model->isValid())
        return;
    m_expandedByType.insert(m_eventType, expandedPaths());
    m_currentPathByType.insert(m_eventType, m_model->pathOf(currentRow()));
}

void EventDetailView::restoreState()
{
    const auto remembered = m_expandedByType.constFind(m_eventType);
    const QStringList& paths = remembered != m_expandedByType.cend() ? *remembered : kDefaultExpanded;
    for (const QString& path : paths) {
        const QModelIndex index = m_model->indexForPath(path);
        if (index.isValid())
            m_tree->expand(index);
    }
    // Selecting a row inside a closed branch would make the view open it, undoing the restored state.
    const QModelIndex current = m_model->indexForPath(m_currentPathByType.value(m_eventType));
    bool shown = current.isValid();
    for (QModelIndex ancestor = current.parent(); shown && ancestor.isValid(); ancestor = ancestor.parent())
        shown = m_tree->isExpanded(ancestor);
    if (shown) {
        m_tree->setCurrentIndex(current);
        m_tree->scrollTo(current);
    }
    updateActions();
}

QModelIndex EventDetailView::currentRow() const
{
    const QModelIndex current = m_tree->currentIndex();
    return current.isValid() ? current.siblingAtColumn(JsonTreeModel::KeyColumn) : QModelIndex();
}

std::optional<store::EventFilter> EventDetailView::filterForRow(const QModelIndex& row) const
{
    if (!row.isValid() || !row.data(JsonTreeModel::IsScalarRole).toBool())
        return std::nullopt;
    const bool isString =
        row.data(JsonTreeModel::KindRole).toInt() == static_cast<int>(JsonTreeModel::Kind::String);
    const QString objectType = m_model->indexForPath(QStringLiteral("data.object.object"))
                                   .data(JsonTreeModel::ValueTextRole)
                                   .toString();
    return filterForValue(m_model->pathOf(row), row.data(JsonTreeModel::ValueTextRole).toString(), isString,
                          objectType);
}

void EventDetailView::updateActions()
{
    const QModelIndex row = currentRow();
    const bool isNode = row.isValid() && m_model->isValid();
    m_copyValue->setEnabled(row.isValid());
    m_copyPath->setEnabled(isNode);
    m_copyJson->setEnabled(isNode);
    m_filter->setEnabled(isNode && filterForRow(row).has_value());
}

void EventDetailView::copyValue()
{
    const QModelIndex row = currentRow();
    if (!row.isValid())
        return;
    const QString text =
        row.data(JsonTreeModel::IsScalarRole).toBool()
            ? row.data(JsonTreeModel::ValueTextRole).toString()
            : (m_model->isValid() ? row.data(JsonTreeModel::RawJsonRole).toString() : m_model->errorString());
    QGuiApplication::clipboard()->setText(text);
}

void EventDetailView::copyPath()
{
    const QModelIndex row = currentRow();
    if (row.isValid() && m_model->isValid())
        QGuiApplication::clipboard()->setText(m_model->pathOf(row));
}

void EventDetailView::copyAsJson()
{
    const QModelIndex row = currentRow();
    if (!row.isValid() || !m_model->isValid())
        return;
    // Re-indented from the sent bytes rather than re-serialised, so keys and numbers stay as Stripe wrote
    // them.
    const QByteArray json = row.data(JsonTreeModel::RawJsonRole).toString().toUtf8();
    QGuiApplication::clipboard()->setText(QString::fromUtf8(RawBodyView::prettyPrinted(json)));
}

void EventDetailView::filterOnValue()
{
    if (const auto filter = filterForRow(currentRow()))
        emit filterRequested(*filter);
}

void EventDetailView::expandAll()
{
    m_tree->expandAll();
}

void EventDetailView::collapseAll()
{
    m_tree->collapseAll();
}

void EventDetailView::showContextMenu(const QPoint& position)
{
    const QModelIndex clicked = m_tree->indexAt(position);
    if (clicked.isValid())
        m_tree->setCurrentIndex(clicked);
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_copyValue);
    menu->addAction(m_copyPath);
    menu->addAction(m_copyJson);
    menu->addSeparator();
    menu->addAction(m_filter);
    menu->addSeparator();
    menu->addAction(m_expandAll);
    menu->addAction(m_collapseAll);
    menu->popup(m_tree->viewport()->mapToGlobal(position));
}

} // namespace billbridge::widgets
