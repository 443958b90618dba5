#include "mappings/mappingspage.h"

#include "common/messagelabel.h"
#include "mappings/mappingeditor.h"
#include "mappings/mappingimportdialog.h"
#include "mappings/mappinglistmodel.h"
#include "mappings/resyncdialog.h"
#include "mappings/resynctask.h"
#include "mappings/unmappedpricemodel.h"
#include "store/database.h"
#include "store/mappingcsv.h"
#include "store/mappingstore.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace billbridge::widgets {

namespace {

constexpr int kUnmappedShown = 200;

QTableView* makeTable(QWidget* parent, const char* name)
{
    auto* table = new QTableView(parent);
    table->setObjectName(QLatin1String(name));
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSortingEnabled(true);
    return table;
}

QPushButton* makeButton(QWidget* parent, const char* name)
{
    auto* button = new QPushButton(parent);
    button->setObjectName(QLatin1String(name));
    return button;
}

QString errorText(const std::exception& error)
{
    if (const auto* storeError = dynamic_cast<const store::StoreError*>(&error))
        return storeError->message();
    return QString::fromLocal8Bit(error.what());
}

} // namespace

MappingsPage::MappingsPage(QString storePath, QWidget* parent)
    : QWidget(parent)
    , m_storePath(std::move(storePath))
{
    setObjectName(QStringLiteral("mappingsPage"));
    m_confirm = [](QWidget* parent, const QString& title, const QString& text) {
        return QMessageBox::question(parent, title, text) == QMessageBox::Yes;
    };
    m_chooseFile = [](QWidget* parent, bool forSaving) {
        const QString filter = tr("CSV files (*.csv);;All files (*)");
        return forSaving
                   ? QFileDialog::getSaveFileName(parent, tr("Export Plan Mappings"),
                                                  QStringLiteral("plan-mappings.csv"), filter)
                   : QFileDialog::getOpenFileName(parent, tr("Import Plan Mappings"), QString(), filter);
    };
    m_model = new MappingListModel(this);
    m_unmapped = new UnmappedPriceModel(this);
    createWidgets();
    retranslate();
    connect(&m_unmappedWatcher, &QFutureWatcherBase::finished, this, &MappingsPage::onUnmappedLoaded);
    reload();
}

MappingsPage::~MappingsPage()
{
    m_unmappedWatcher.waitForFinished();
}

MappingEditor* MappingsPage::editor() const
{
    return m_editor;
}

MappingImportDialog* MappingsPage::importDialog() const
{
    return m_importDialog;
}

ResyncDialog* MappingsPage::resyncDialog() const
{
    return m_resyncDialog;
}

void MappingsPage::createWidgets()
{
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);

    auto* bar = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("mappingSearch"));
    m_search->setClearButtonEnabled(true);
    bar->addWidget(m_search, 1);
    m_addButton = makeButton(this, "addMappingButton");
    m_editButton = makeButton(this, "editMappingButton");
    m_deleteButton = makeButton(this, "deleteMappingButton");
    m_importButton = makeButton(this, "importMappingsButton");
    m_exportButton = makeButton(this, "exportMappingsButton");
    for (QPushButton* button : {m_addButton, m_editButton, m_deleteButton, m_importButton, m_exportButton})
        bar->addWidget(button);
    layout->addLayout(bar);

    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("resyncBanner"));
    static_cast<QFrame*>(m_banner)->setFrameShape(QFrame::StyledPanel);
    auto* bannerLayout = new QHBoxLayout(m_banner);
    m_bannerLabel = new QLabel(m_banner);
    m_bannerLabel->setObjectName(QStringLiteral("resyncBannerLabel"));
    m_bannerLabel->setWordWrap(true);
    bannerLayout->addWidget(m_bannerLabel, 1);
    m_resyncButton = makeButton(m_banner, "resyncButton");
    bannerLayout->addWidget(m_resyncButton);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("mappingsStatus"));
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(MappingListModel::RawValueRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table = makeTable(splitter, "mappingTable");
    m_table->setModel(m_proxy);
    m_table->sortByColumn(MappingListModel::PlanName, Qt::AscendingOrder);
    splitter->addWidget(m_table);

    auto* unmappedBox = new QWidget(splitter);
    auto* unmappedLayout = new QVBoxLayout(unmappedBox);
    unmappedLayout->setContentsMargins(0, 0, 0, 0);
    auto* unmappedBar = new QHBoxLayout;
    m_unmappedTitle = new QLabel(unmappedBox);
    unmappedBar->addWidget(m_unmappedTitle, 1);
    m_mapThisButton = makeButton(unmappedBox, "mapThisButton");
    m_refreshUnmappedButton = makeButton(unmappedBox, "refreshUnmappedButton");
    unmappedBar->addWidget(m_mapThisButton);
    unmappedBar->addWidget(m_refreshUnmappedButton);
    unmappedLayout->addLayout(unmappedBar);
    m_unmappedStatus = new QLabel(unmappedBox);
    m_unmappedStatus->setObjectName(QStringLiteral("unmappedStatus"));
    m_unmappedStatus->setWordWrap(true);
    unmappedLayout->addWidget(m_unmappedStatus);
    auto* unmappedProxy = new QSortFilterProxyModel(this);
    unmappedProxy->setSourceModel(m_unmapped);
    unmappedProxy->setSortRole(UnmappedPriceModel::RawValueRole);
    m_unmappedTable = makeTable(unmappedBox, "unmappedTable");
    m_unmappedTable->setModel(unmappedProxy);
    m_unmappedTable->sortByColumn(UnmappedPriceModel::Events, Qt::DescendingOrder);
    unmappedLayout->addWidget(m_unmappedTable, 1);
    splitter->addWidget(unmappedBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::textChanged, this, &MappingsPage::loadMappings);
    connect(m_addButton, &QPushButton::clicked, this, [this] { addMapping(); });
    connect(m_editButton, &QPushButton::clicked, this, &MappingsPage::editSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &MappingsPage::deleteSelected);
    connect(m_table, &QTableView::doubleClicked, this, &MappingsPage::editSelected);
    connect(m_importButton, &QPushButton::clicked, this, [this] {
        const QString path = m_chooseFile(this, false);
        if (!path.isEmpty())
            importFrom(path);
    });
    connect(m_exportButton, &QPushButton::clicked, this, [this] {
        const QString path = m_chooseFile(this, true);
        if (!path.isEmpty())
            exportTo(path);
    });
    connect(m_mapThisButton, &QPushButton::clicked, this, &MappingsPage::mapSelectedUnmapped);
    connect(m_unmappedTable, &QTableView::doubleClicked, this, &MappingsPage::mapSelectedUnmapped);
    connect(m_refreshUnmappedButton, &QPushButton::clicked, this, &MappingsPage::loadUnmapped);
    connect(m_resyncButton, &QPushButton::clicked, this, &MappingsPage::openResync);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MappingsPage::updateButtons);
    connect(m_unmappedTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MappingsPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MappingsPage::updateButtons);
    connect(m_unmapped, &QAbstractItemModel::modelReset, this, &MappingsPage::updateButtons);
}

void MappingsPage::retranslate()
{
    m_title->setText(tr("Which plan name, tier and interval label Customer.io is told for a Stripe price or "
                        "product. A price's own mapping wins over its product's."));
    m_search->setPlaceholderText(tr("Search id, plan name or tier"));
    m_addButton->setText(tr("&Add…"));
    m_editButton->setText(tr("&Edit…"));
    m_deleteButton->setText(tr("&Delete…"));
    m_importButton->setText(tr("&Import CSV…"));
    m_exportButton->setText(tr("E&xport…"));
    m_resyncButton->setText(tr("&Re-sync…"));
    m_unmappedTitle->setText(tr("Unmapped prices seen in stored events"));
    m_mapThisButton->setText(tr("&Map This…"));
    m_refreshUnmappedButton->setText(tr("Refresh"));
}

void MappingsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void MappingsPage::reload()
{
    loadMappings();
    loadUnmapped();
}

void MappingsPage::showStatus(const QString& text, bool problem)
{
    showMessage(m_status, text, problem);
}

void MappingsPage::loadMappings()
{
    const QString selected = selectedMapping() ? selectedMapping()->stripeId : QString();
    if (!QFileInfo::exists(m_storePath)) {
        m_model->setMappings({});
        return;
    }
    try {
        store::MappingStore mappings(store::Database::openForReading(m_storePath));
        m_model->setMappings(mappings.list(m_search->text()));
    } catch (const store::StoreError& error) {
        m_model->setMappings({});
        showStatus(tr("The mappings cannot be read: %1").arg(error.message()), true);
        return;
    }
    if (!selected.isEmpty())
        selectMapping(selected);
}

void MappingsPage::loadUnmapped()
{
    if (m_unmappedWatcher.isRunning()) {
        m_unmappedAgain = true; // a change came in while reading: read again afterwards
        return;
    }
    m_unmappedAgain = false;
    showMessage(m_unmappedStatus, tr("Reading the stored events…"), false);
    m_unmappedWatcher.setFuture(QtConcurrent::run([path = m_storePath]() -> UnmappedLoad {
        if (!QFileInfo::exists(path))
            return {};
        try {
            store::MappingStore mappings(store::Database::openForReading(path));
            return {mappings.unmappedPricesSeen(kUnmappedShown), QString()};
        } catch (const std::exception& error) {
            return {{}, errorText(error)};
        }
    }));
}

void MappingsPage::onUnmappedLoaded()
{
    UnmappedLoad load = m_unmappedWatcher.result();
    if (m_unmappedAgain) {
        loadUnmapped();
        return;
    }
    if (!load.error.isEmpty())
        showMessage(m_unmappedStatus, tr("The stored events cannot be read: %1").arg(load.error), true);
    else if (load.prices.empty())
        showMessage(m_unmappedStatus, tr("Every price in the stored events has a mapping."), false);
    else
        showMessage(m_unmappedStatus,
                    tr("%n price(s) without a mapping: their customers' profiles show Stripe's own names.",
                       "", int(load.prices.size())),
                    false);
    m_unmapped->setPrices(std::move(load.prices));
    emit unmappedLoaded();
}

const store::PlanMapping* MappingsPage::selectedMapping() const
{
    if (!m_table)
        return nullptr;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return &m_model->mappingAt(m_proxy->mapToSource(rows.first()).row());
}

bool MappingsPage::selectMapping(const QString& stripeId)
{
    const int row = m_model->rowOf(stripeId);
    if (row < 0)
        return false;
    m_table->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
    return true;
}

bool MappingsPage::selectUnmapped(const QString& priceId)
{
    const int row = m_unmapped->rowOf(priceId);
    if (row < 0)
        return false;
    auto* proxy = static_cast<QSortFilterProxyModel*>(m_unmappedTable->model());
    m_unmappedTable->selectRow(proxy->mapFromSource(m_unmapped->index(row, 0)).row());
    return true;
}

void MappingsPage::updateButtons()
{
    const bool selected = selectedMapping() != nullptr;
    m_editButton->setEnabled(selected);
    m_deleteButton->setEnabled(selected);
    m_mapThisButton->setEnabled(!m_unmappedTable->selectionModel()->selectedRows().isEmpty());
}

void MappingsPage::addMapping(const store::PlanMapping& prefill)
{
    if (m_editor)
        m_editor->close();
    auto save = [this](const store::PlanMapping& mapping) -> QString {
        try {
            store::MappingStore mappings = store::MappingStore::open(m_storePath);
            const std::optional<store::PlanMapping> before = mappings.find(mapping.stripeId);
            if (before)
                return tr("%1 is already mapped to \"%2\"; edit that mapping instead")
                    .arg(mapping.stripeId, before->planName);
            const store::PlanMapping after = mappings.upsertAudited(mapping);
            showStatus(tr("%1 now maps to \"%2\".").arg(after.stripeId, after.planName), false);
            loadMappings();
            selectMapping(after.stripeId);
            noteChanged({after.stripeId});
            loadUnmapped();
            return {};
        } catch (const store::StoreError& error) {
            return error.message();
        }
    };
    m_editor = new MappingEditor(prefill, false, save, this);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    m_editor->open();
}

void MappingsPage::editSelected()
{
    const store::PlanMapping* selected = selectedMapping();
    if (!selected)
        return;
    if (m_editor)
        m_editor->close();
    const store::PlanMapping before = *selected;
    auto save = [this, before](const store::PlanMapping& mapping) -> QString {
        if (before.sameContent(mapping))
            return {}; // nothing to write, nothing to re-sync
        try {
            const store::PlanMapping after = store::MappingStore::open(m_storePath).upsertAudited(mapping);
            showStatus(tr("%1 now maps to \"%2\".").arg(after.stripeId, after.planName), false);
            loadMappings();
            selectMapping(after.stripeId);
            noteChanged({after.stripeId});
            return {};
        } catch (const store::StoreError& error) {
            return error.message();
        }
    };
    m_editor = new MappingEditor(before, true, save, this);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    m_editor->open();
}

void MappingsPage::deleteSelected()
{
    const store::PlanMapping* selected = selectedMapping();
    if (!selected)
        return;
    const store::PlanMapping before = *selected;
    if (!m_confirm(this, tr("Delete Plan Mapping"),
                   tr("Delete the mapping of %1 to \"%2\"? Customers on it are then shown Stripe's own name "
                      "for the price.")
                       .arg(before.stripeId, before.planName)))
        return;
    try {
        if (!store::MappingStore::open(m_storePath).removeAudited(before.stripeId)) {
            showStatus(tr("%1 has no mapping any more; someone else removed it.").arg(before.stripeId),
                       false);
            loadMappings();
            return;
        }
    } catch (const store::StoreError& error) {
        showStatus(tr("The mapping was not deleted: %1").arg(error.message()), true);
        return;
    }
    showStatus(tr("Deleted the mapping of %1.").arg(before.stripeId), false);
    loadMappings();
    noteChanged({before.stripeId});
    loadUnmapped();
}

void MappingsPage::importFrom(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showStatus(tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true);
        return;
    }
    std::vector<store::PlanMapping> current;
    try {
        if (QFileInfo::exists(m_storePath))
            current = store::MappingStore(store::Database::openForReading(m_storePath)).list();
    } catch (const store::StoreError& error) {
        showStatus(tr("The mappings cannot be read: %1").arg(error.message()), true);
        return;
    }
    if (m_importDialog)
        m_importDialog->close();
    const QString fileName = QFileInfo(path).fileName();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    auto apply = [this, fileName, absolute](const store::MappingImportPreview& preview,
                                            bool replace) -> QString {
        try {
            store::MappingStore mappings = store::MappingStore::open(m_storePath);
            store::MappingCsv::applyImport(mappings, preview, {absolute, replace, QString()});
        } catch (const store::StoreError& error) {
            return error.message();
        }
        QStringList ids;
        for (const store::PlanMapping& mapping : preview.added)
            ids << mapping.stripeId;
        for (const store::MappingChange& change : preview.changed)
            ids << change.after.stripeId;
        for (const store::PlanMapping& mapping : preview.removed)
            ids << mapping.stripeId;
        showStatus(tr("Imported %1: %2 added, %3 changed, %4 removed.")
                       .arg(fileName)
                       .arg(preview.added.size())
                       .arg(preview.changed.size())
                       .arg(preview.removed.size()),
                   false);
        loadMappings();
        noteChanged(ids);
        loadUnmapped();
        return {};
    };
    m_importDialog = new MappingImportDialog(fileName, file.readAll(), std::move(current), apply, this);
    m_importDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_importDialog->open();
}

bool MappingsPage::exportTo(const QString& path)
{
    QByteArray csv;
    try {
        store::MappingStore mappings(store::Database::openForReading(m_storePath));
        csv = store::MappingCsv::exportCsv(mappings.list());
    } catch (const store::StoreError& error) {
        showStatus(tr("The mappings cannot be read: %1").arg(error.message()), true);
        return false;
    }
    // All or nothing: an interrupted export leaves no half-written file behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        showStatus(tr("%1 could not be written: %2. Choose another folder.")
                       .arg(QDir::toNativeSeparators(path), file.errorString()),
                   true);
        return false;
    }
    showStatus(
        tr("Exported %n mapping(s) to %1.", "", m_model->rowCount()).arg(QDir::toNativeSeparators(path)),
        false);
    return true;
}

void MappingsPage::mapSelectedUnmapped()
{
    const QModelIndexList rows = m_unmappedTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    auto* proxy = static_cast<QSortFilterProxyModel*>(m_unmappedTable->model());
    const store::UnmappedPrice& price = m_unmapped->priceAt(proxy->mapToSource(rows.first()).row());
    store::PlanMapping prefill;
    prefill.stripeId = price.priceId;
    prefill.planName = price.nickname.isEmpty() ? price.lookupKey : price.nickname;
    if (price.interval == QLatin1String("month"))
        prefill.intervalLabel = tr("monthly");
    else if (price.interval == QLatin1String("year"))
        prefill.intervalLabel = tr("yearly");
    addMapping(prefill);
}

void MappingsPage::noteChanged(const QStringList& ids)
{
    for (const QString& id : ids)
        if (!m_changedIds.contains(id))
            m_changedIds << id;
    emit mappingsChanged();
    checkAffected();
}

void MappingsPage::checkAffected()
{
    if (m_changedIds.isEmpty()) {
        m_banner->hide();
        return;
    }
    if (m_offerTask && m_offerTask->isRunning()) {
        m_offerTask->cancel();
        m_offerStale = true;
        return;
    }
    delete m_offerTask;
    m_offerStale = false;
    m_offerTask = new ResyncTask(m_storePath, sync::ResyncScope::ids(m_changedIds), this);
    auto finished = [this] {
        if (m_offerStale) {
            checkAffected();
            return;
        }
        const int customers = int(m_offerTask->previewResult().customers.size());
        if (customers == 0) {
            m_bannerLabel->setText(tr("No Customer.io profile needs an update after this change."));
            m_resyncButton->hide();
        } else {
            m_bannerLabel->setText(tr(
                "%n customer(s) are affected: their Customer.io profile shows the old plan.", "", customers));
            m_resyncButton->show();
        }
        m_banner->show();
        emit resyncOfferReady(customers);
    };
    connect(m_offerTask, &ResyncTask::previewReady, this, finished);
    connect(m_offerTask, &ResyncTask::failed, this, [this](const QString& message) {
        if (m_offerStale) {
            checkAffected();
            return;
        }
        m_bannerLabel->setText(tr("Could not work out which customers are affected: %1").arg(message));
        m_resyncButton->show();
        m_banner->show();
    });
    m_bannerLabel->setText(tr("Working out which customers are affected…"));
    m_resyncButton->hide();
    m_banner->show();
    m_offerTask->startPreview();
}

void MappingsPage::openResync()
{
    if (m_changedIds.isEmpty())
        return;
    if (m_resyncDialog)
        m_resyncDialog->close();
    m_resyncDialog = new ResyncDialog(m_storePath, sync::ResyncScope::ids(m_changedIds), this);
    m_resyncDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_resyncDialog, &ResyncDialog::enqueued, this, [this](int jobs) {
        m_changedIds.clear();
        m_banner->hide();
        showStatus(tr("Enqueued %n profile update(s) for Customer.io.", "", jobs), false);
    });
    m_resyncDialog->open();
    m_resyncDialog->startPreview();
}

} // namespace billbridge::widgets
