#include "audit/auditpage.h"

#include "audit/auditdetailview.h"
#include "audit/auditlistmodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <climits>

namespace billbridge::widgets {

namespace {

// Hours back for each choice of the time filter; 0 is any time.
constexpr int kTimeChoices[] = {0, 1, 24, 24 * 7, 24 * 30};

AuditPage::ExportTarget askForExportTarget(QWidget* parent)
{
    const QString jsonLines = AuditPage::tr("JSON Lines (*.jsonl)");
    const QString csv = AuditPage::tr("CSV (*.csv)");
    QString selected = jsonLines;
    const QString suggested = QDir::home().filePath(
        QStringLiteral("billbridge-audit-%1.jsonl")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    QString path = QFileDialog::getSaveFileName(parent, AuditPage::tr("Export Audit Log"), suggested,
                                                jsonLines + QStringLiteral(";;") + csv, &selected);
    if (path.isEmpty())
        return {};
    const bool wantsCsv = selected == csv;
    if (QFileInfo(path).suffix().isEmpty())
        path += wantsCsv ? QStringLiteral(".csv") : QStringLiteral(".jsonl");
    return {path, wantsCsv ? store::AuditExportFormat::Csv : store::AuditExport::formatForPath(path)};
}

} // namespace

AuditPage::AuditPage(QString storePath, QWidget* parent)
    : QWidget(parent)
    , m_storePath(std::move(storePath))
    , m_exportPrompt(askForExportTarget)
{
    setObjectName(QStringLiteral("auditPage"));
    m_model = new AuditListModel(m_storePath, this);
    // Polling starts when the page is shown; the first read happens regardless.
    m_model->setLiveUpdates(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(createChainRow());
    layout->addWidget(createFilterRow());

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("auditSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_list = new QTableView(m_splitter);
    m_list->setObjectName(QStringLiteral("auditList"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_list->setShowGrid(false);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    QHeaderView* header = m_list->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->resizeSection(AuditListModel::Time, 150);
    header->resizeSection(AuditListModel::Actor, 110);
    header->resizeSection(AuditListModel::Action, 170);
    header->resizeSection(AuditListModel::Subject, 260);
    m_detail = new AuditDetailView(m_splitter);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_detail);
    m_splitter->setSizes({300, 320});
    layout->addWidget(m_splitter, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditPage::onCurrentRowChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_detail->clear(); });
    connect(m_model, &AuditListModel::errorOccurred, this,
            [this](const QString& message) { report(message, true); });
    connect(m_model, &AuditListModel::storeMissingChanged, this, [this](bool missing) {
        report(missing ? tr("There is no store yet, so nothing has been recorded. Operator actions appear "
                            "here once they are made.")
                       : QString(),
               false);
        updateButtons();
    });
    connect(&m_verifyWatcher, &QFutureWatcherBase::finished, this, &AuditPage::onVerified);
    connect(&m_verifyWatcher, &QFutureWatcherBase::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(&m_verifyWatcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_exportWatcher, &QFutureWatcherBase::finished, this, &AuditPage::onExported);

    retranslate();
    updateButtons();
}

AuditPage::~AuditPage()
{
    m_verifyWatcher.cancel();
    m_verifyWatcher.waitForFinished();
    m_exportWatcher.waitForFinished();
}

QWidget* AuditPage::createChainRow()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_chainStatus = new QLabel(row);
    m_chainStatus->setObjectName(QStringLiteral("chainStatus"));
    m_chainStatus->setWordWrap(true);
    m_chainStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(row);
    m_progress->setObjectName(QStringLiteral("verifyProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_verify = new QPushButton(row);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_export = new QPushButton(row);
    m_export->setObjectName(QStringLiteral("exportButton"));
    layout->addWidget(m_chainStatus, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_verify);
    layout->addWidget(m_export);
    connect(m_verify, &QPushButton::clicked, this, &AuditPage::verifyChain);
    connect(m_export, &QPushButton::clicked, this, &AuditPage::exportEntries);
    return row;
}

QWidget* AuditPage::createFilterRow()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_action = new QLineEdit(row);
    m_action->setObjectName(QStringLiteral("actionFilter"));
    m_actor = new QLineEdit(row);
    m_actor->setObjectName(QStringLiteral("actorFilter"));
    m_text = new QLineEdit(row);
    m_text->setObjectName(QStringLiteral("textFilter"));
    m_time = new QComboBox(row);
    m_time->setObjectName(QStringLiteral("timeFilter"));
    for (int hours : kTimeChoices)
        m_time->addItem(QString(), hours);
    for (QLineEdit* edit : {m_action, m_actor, m_text})
        edit->setClearButtonEnabled(true);
    layout->addWidget(m_action, 1);
    layout->addWidget(m_actor, 1);
    layout->addWidget(m_text, 2);
    layout->addWidget(m_time);
    // Typing restarts the list once the operator pauses, not on every key.
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(debounce, &QTimer::timeout, this, &AuditPage::applyFilter);
    for (QLineEdit* edit : {m_action, m_actor, m_text})
        connect(edit, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_time, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilter);
    return row;
}

void AuditPage::retranslate()
{
    m_action->setPlaceholderText(tr("Action, e.g. mappings."));
    m_action->setToolTip(tr("Show actions whose name starts with this"));
    m_actor->setPlaceholderText(tr("OS user"));
    m_text->setPlaceholderText(tr("Subject or details contain…"));
    const QStringList times = {tr("Any time"), tr("Last hour"), tr("Last 24 hours"), tr("Last 7 days"),
                               tr("Last 30 days")};
    for (int i = 0; i < m_time->count() && i < times.size(); ++i)
        m_time->setItemText(i, times.at(i));
    m_verify->setText(tr("Verify"));
    m_verify->setToolTip(tr("Check that no entry was changed, deleted or inserted since it was written"));
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Write the entries the filter shows, with their hashes, as JSON Lines or CSV"));
    if (!m_verifiedOnce && !isVerifying())
        setChainStatus(tr("The chain has not been checked yet; choose Verify."), false);
}

void AuditPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AuditPage::showEvent(QShowEvent* event)
{
    m_model->setLiveUpdates(true);
    // The first look at the page says whether the trail can be trusted, without a click.
    if (!m_verifiedOnce && !isVerifying())
        verifyChain();
    QWidget::showEvent(event);
}

void AuditPage::hideEvent(QHideEvent* event)
{
    m_model->setLiveUpdates(false);
    QWidget::hideEvent(event);
}

store::AuditFilter AuditPage::filter() const
{
    store::AuditFilter filter;
    filter.actionPrefix = m_action->text().trimmed();
    filter.actor = m_actor->text().trimmed();
    filter.text = m_text->text().trimmed();
    const int hours = m_time->currentData().toInt();
    if (hours > 0)
        filter.fromMs = QDateTime::currentMSecsSinceEpoch() - std::int64_t(hours) * 3600 * 1000;
    return filter;
}

void AuditPage::applyFilter()
{
    m_model->setFilter(filter());
}

bool AuditPage::showEntry(std::int64_t id)
{
    const int row = m_model->rowOfEntry(id);
    if (row < 0)
        return false;
    m_list->selectRow(row);
    m_list->scrollTo(m_model->index(row, 0));
    return true;
}

void AuditPage::onCurrentRowChanged()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    m_detail->setEntry(m_model->entryAt(current.row()));
}

void AuditPage::setChainStatus(const QString& text, bool problem)
{
    m_chainStatus->setText(text);
    m_chainStatus->setStyleSheet(problem ? QStringLiteral("QLabel { color: #b71c1c; font-weight: bold; }")
                                         : QString());
}

void AuditPage::report(const QString& message, bool problem)
{
    m_status->setText(message);
    m_status->setStyleSheet(problem ? QStringLiteral("QLabel { color: #b71c1c; }") : QString());
}

void AuditPage::updateButtons()
{
    const bool present = !m_model->isStoreMissing();
    m_verify->setEnabled(present && !isVerifying());
    m_export->setEnabled(present && !isExporting());
}

void AuditPage::verifyChain()
{
    if (isVerifying())
        return;
    if (!QFileInfo::exists(m_storePath)) {
        setChainStatus(tr("There is no store yet, so there is nothing to verify."), false);
        return;
    }
    setChainStatus(tr("Verifying the chain…"), false);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_verifyWatcher.setFuture(QtConcurrent::run([path = m_storePath](QPromise<VerifyOutcome>& promise) {
        VerifyOutcome outcome;
        try {
            store::AuditLog log = store::AuditLog::openForReading(path);
            outcome.result = log.verify([&promise](std::int64_t done, std::int64_t total) {
                promise.setProgressRange(0, int(std::min<std::int64_t>(total, INT_MAX)));
                promise.setProgressValue(int(std::min<std::int64_t>(done, INT_MAX)));
                return !promise.isCanceled();
            });
        } catch (const store::StoreError& error) {
            outcome.error = error.message();
        }
        promise.addResult(outcome);
    }));
    updateButtons();
}

void AuditPage::onVerified()
{
    m_progress->hide();
    updateButtons();
    if (m_verifyWatcher.isCanceled() || m_verifyWatcher.future().resultCount() == 0)
        return;
    m_verifiedOnce = true;
    const VerifyOutcome outcome = m_verifyWatcher.result();
    if (!outcome.error.isEmpty()) {
        setChainStatus(
            tr("The chain could not be checked: %1. Check that the store's disk is available, then "
               "choose Verify again.")
                .arg(outcome.error),
            true);
        emit verifyFinished(false);
        return;
    }
    const store::AuditVerification& result = outcome.result;
    if (result.isIntact()) {
        setChainStatus(result.explanation(), false);
        m_chainStatus->setToolTip(
            result.headHash.isEmpty()
                ? QString()
                : tr("Newest hash: %1. Keep it elsewhere to detect later that the newest "
                     "entries were cut off.")
                      .arg(result.headHash));
    } else {
        setChainStatus(result.explanation() + QLatin1Char(' ') +
                           tr("The log was altered outside Billbridge; keep a copy of the store file as "
                              "evidence."),
                       true);
        m_chainStatus->setToolTip(QString());
        showEntry(result.badId);
    }
    emit verifyFinished(result.isIntact());
}

void AuditPage::exportEntries()
{
    if (isExporting())
        return;
    const ExportTarget target = m_exportPrompt(this);
    if (target.path.isEmpty())
        return;
    m_exportPath = target.path;
    report(tr("Exporting to %1…").arg(QDir::toNativeSeparators(target.path)), false);
    m_exportWatcher.setFuture(QtConcurrent::run(
        [storePath = m_storePath, filter = filter(), format = target.format, path = target.path] {
            return store::AuditExport::writeFile(storePath, filter, format, path);
        }));
    updateButtons();
}

void AuditPage::onExported()
{
    updateButtons();
    const store::AuditExport::Result result = m_exportWatcher.result();
    if (!result.error.isEmpty()) {
        report(tr("Nothing was exported: %1").arg(result.error), true);
        emit exportFinished(false);
        return;
    }
    report(result.rows == 1
               ? tr("1 entry written to %1 with its hash.").arg(QDir::toNativeSeparators(m_exportPath))
               : tr("%1 entries written to %2 with their hashes.")
                     .arg(result.rows)
                     .arg(QDir::toNativeSeparators(m_exportPath)),
           false);
    emit exportFinished(true);
}

} // namespace billbridge::widgets
