#include "campaigns/manualcampaigndialog.h"

#include "store/sqlite.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace billbridge::widgets {

namespace {

using campaigns::ManualSend;

// Typing a list of customers should not start a store lookup per keystroke.
constexpr int kResolveDelayMs = 250;

bool defaultConfirm(QWidget* parent, const QString& title, const QString& text)
{
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Yes;
}

QStringList linesOf(const QString& text)
{
    QStringList lines;
    for (const QString& line : text.split(QRegularExpression(QStringLiteral("[\\s,;]+")), Qt::SkipEmptyParts))
        lines.append(line.trimmed());
    return lines;
}

} // namespace

ManualCampaignDialog::ManualCampaignDialog(QString storePath, CatalogSource catalogSource, QWidget* parent)
    : QDialog(parent)
    , m_storePath(std::move(storePath))
    , m_catalogSource(std::move(catalogSource))
    , m_confirmer(defaultConfirm)
{
    setObjectName(QStringLiteral("manualCampaignDialog"));
    buildUi();
    retranslate();
    connect(&m_resolveWatcher, &QFutureWatcherBase::finished, this, &ManualCampaignDialog::onResolved);
    connect(&m_queueWatcher, &QFutureWatcherBase::finished, this, &ManualCampaignDialog::onQueued);
    refresh();
    reloadCatalog();
}

ManualCampaignDialog::~ManualCampaignDialog()
{
    // Both jobs only touch their own copies and the store; waiting keeps the store lookup from outliving us.
    m_resolveWatcher.waitForFinished();
    m_queueWatcher.waitForFinished();
}

void ManualCampaignDialog::buildUi()
{
    auto* layout = new QVBoxLayout(this);

    auto* kindRow = new QHBoxLayout;
    m_transactional = new QRadioButton(this);
    m_transactional->setObjectName(QStringLiteral("transactionalChoice"));
    m_broadcast = new QRadioButton(this);
    m_broadcast->setObjectName(QStringLiteral("broadcastChoice"));
    m_kindGroup = new QButtonGroup(this);
    m_kindGroup->addButton(m_transactional);
    m_kindGroup->addButton(m_broadcast);
    m_transactional->setChecked(true);
    kindRow->addWidget(m_transactional);
    kindRow->addWidget(m_broadcast);
    kindRow->addStretch();
    layout->addLayout(kindRow);

    m_tabs = new QTabWidget(this);
    auto* form = new QWidget(m_tabs);
    auto* grid = new QGridLayout(form);
    int row = 0;

    m_pickerLabel = new QLabel(form);
    m_picker = new QComboBox(form);
    m_picker->setObjectName(QStringLiteral("messagePicker"));
    m_pickerLabel->setBuddy(m_picker);
    m_retry = new QPushButton(form);
    m_retry->setObjectName(QStringLiteral("retryCatalogButton"));
    m_retry->hide();
    grid->addWidget(m_pickerLabel, row, 0);
    grid->addWidget(m_picker, row, 1);
    grid->addWidget(m_retry, row++, 2);
    m_catalogStatus = new QLabel(form);
    m_catalogStatus->setObjectName(QStringLiteral("catalogStatus"));
    m_catalogStatus->setWordWrap(true);
    grid->addWidget(m_catalogStatus, row++, 1, 1, 2);
    m_manualIdLabel = new QLabel(form);
    m_manualId = new QLineEdit(form);
    m_manualId->setObjectName(QStringLiteral("manualIdEdit"));
    m_manualIdLabel->setBuddy(m_manualId);
    grid->addWidget(m_manualIdLabel, row, 0);
    grid->addWidget(m_manualId, row++, 1, 1, 2);

    m_recipientsLabel = new QLabel(form);
    m_recipients = new QPlainTextEdit(form);
    m_recipients->setObjectName(QStringLiteral("recipientsEdit"));
    m_recipients->setTabChangesFocus(true);
    m_recipients->setMaximumHeight(110);
    m_recipientsLabel->setBuddy(m_recipients);
    grid->addWidget(m_recipientsLabel, row, 0, Qt::AlignTop);
    grid->addWidget(m_recipients, row++, 1, 1, 2);
    m_recipientsStatus = new QLabel(form);
    m_recipientsStatus->setObjectName(QStringLiteral("recipientsStatus"));
    m_recipientsStatus->setWordWrap(true);
    grid->addWidget(m_recipientsStatus, row++, 1, 1, 2);

    m_toLabel = new QLabel(form);
    m_to = new QLineEdit(form);
    m_to->setObjectName(QStringLiteral("toEdit"));
    m_toLabel->setBuddy(m_to);
    grid->addWidget(m_toLabel, row, 0);
    grid->addWidget(m_to, row++, 1, 1, 2);

    m_dataLabel = new QLabel(form);
    m_data = new QPlainTextEdit(form);
    m_data->setObjectName(QStringLiteral("dataEdit"));
    m_data->setTabChangesFocus(true);
    m_dataLabel->setBuddy(m_data);
    grid->addWidget(m_dataLabel, row, 0, Qt::AlignTop);
    grid->addWidget(m_data, row++, 1, 1, 2);
    m_dataStatus = new QLabel(form);
    m_dataStatus->setObjectName(QStringLiteral("dataStatus"));
    m_dataStatus->setWordWrap(true);
    m_sizeMeter = new QProgressBar(form);
    m_sizeMeter->setObjectName(QStringLiteral("sizeMeter"));
    m_sizeMeter->setTextVisible(true);
    grid->addWidget(m_dataStatus, row, 1);
    grid->addWidget(m_sizeMeter, row++, 2);
    grid->setColumnStretch(1, 1);
    m_tabs->addTab(form, QString());

    m_preview = new QPlainTextEdit(m_tabs);
    m_preview->setObjectName(QStringLiteral("previewView"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFont(QStringLiteral("monospace")));
    m_tabs->addTab(m_preview, QString());
    layout->addWidget(m_tabs, 1);

    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setObjectName(QStringLiteral("problemsLabel"));
    m_problemsLabel->setWordWrap(true);
    layout->addWidget(m_problemsLabel);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);

    auto* buttons = new QDialogButtonBox(this);
    m_sendButton = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_showInQueue = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_showInQueue->setObjectName(QStringLiteral("showInQueueButton"));
    m_showInQueue->hide();
    m_close = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);

    m_resolveTimer = new QTimer(this);
    m_resolveTimer->setSingleShot(true);
    m_resolveTimer->setInterval(kResolveDelayMs);

    connect(m_kindGroup, &QButtonGroup::buttonToggled, this, [this](QAbstractButton*, bool checked) {
        if (!checked)
            return;
        fillPicker();
        noteEdited();
    });
    connect(m_picker, &QComboBox::currentIndexChanged, this, &ManualCampaignDialog::noteEdited);
    connect(m_manualId, &QLineEdit::textChanged, this, &ManualCampaignDialog::noteEdited);
    connect(m_to, &QLineEdit::textChanged, this, &ManualCampaignDialog::noteEdited);
    connect(m_data, &QPlainTextEdit::textChanged, this, &ManualCampaignDialog::noteEdited);
    connect(m_recipients, &QPlainTextEdit::textChanged, this, [this] {
        scheduleResolve();
        noteEdited();
    });
    connect(m_resolveTimer, &QTimer::timeout, this, &ManualCampaignDialog::startResolve);
    connect(m_retry, &QPushButton::clicked, this, &ManualCampaignDialog::reloadCatalog);
    // Send… never closes the dialog (accepted() stays unconnected): the confirmation and the result come
    // first.
    connect(m_sendButton, &QPushButton::clicked, this, &ManualCampaignDialog::requestSend);
    connect(m_showInQueue, &QPushButton::clicked, this,
            [this] { emit showInQueueRequested(m_queuedJobIds); });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
}

void ManualCampaignDialog::retranslate()
{
    setWindowTitle(tr("Send Message"));
    m_transactional->setText(tr("&Transactional message"));
    m_broadcast->setText(tr("&Broadcast"));
    m_manualIdLabel->setText(tr("Or enter the &id:"));
    m_retry->setText(tr("&Retry"));
    m_recipientsLabel->setText(tr("&Customers:"));
    m_recipients->setPlaceholderText(tr("One Stripe customer id (cus_…) per line"));
    m_toLabel->setText(tr("T&o (optional):"));
    m_to->setPlaceholderText(tr("Send every message to this address instead of each customer's own"));
    m_data->setPlaceholderText(tr("{\"coupon\": \"SPRING\"}"));
    m_tabs->setTabText(0, tr("Message"));
    m_tabs->setTabText(1, tr("Preview"));
    m_sendButton->setText(tr("&Send…"));
    m_showInQueue->setText(tr("Show in &Queue"));
    fillPicker();
    refresh();
}

void ManualCampaignDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ManualCampaignDialog::setKind(ManualSend::Kind kind)
{
    (kind == ManualSend::Kind::Broadcast ? m_broadcast : m_transactional)->setChecked(true);
}

ManualSend::Kind ManualCampaignDialog::kind() const
{
    return m_broadcast->isChecked() ? ManualSend::Kind::Broadcast : ManualSend::Kind::Transactional;
}

void ManualCampaignDialog::setRecipients(const QStringList& customerIds)
{
    m_recipients->setPlainText(customerIds.join(QLatin1Char('\n')));
    m_resolveTimer->stop();
    startResolve();
}

QStringList ManualCampaignDialog::recipientIds() const
{
    return linesOf(m_recipients->toPlainText());
}

void ManualCampaignDialog::reloadCatalog()
{
    if (!m_catalogSource)
        return;
    // Answers to an abandoned load die with their context.
    delete m_catalogContext;
    m_catalogContext = new QObject(this);
    m_catalogLoading = true;
    m_retry->hide();
    fillPicker();
    const int generation = ++m_catalogGeneration;
    m_catalogSource(m_catalogContext, [this, generation](const campaigns::CampaignCatalog& catalog) {
        if (generation == m_catalogGeneration)
            onCatalog(catalog);
    });
}

void ManualCampaignDialog::onCatalog(const campaigns::CampaignCatalog& catalog)
{
    m_catalog = catalog;
    m_catalogLoading = false;
    m_catalogLoaded = true;
    fillPicker();
    refresh();
    emit catalogLoaded();
}

void ManualCampaignDialog::fillPicker()
{
    const bool broadcast = kind() == ManualSend::Kind::Broadcast;
    const campaigns::CatalogList& list = broadcast ? m_catalog.broadcasts : m_catalog.transactional;
    const QString previous = m_picker->currentData().toString();
    {
        const QSignalBlocker blocker(m_picker);
        m_picker->clear();
        if (m_catalogLoading) {
            m_picker->addItem(tr("Loading from Customer.io…"));
        } else if (!list.ok()) {
            m_picker->addItem(tr("Not available — enter the id below"));
        } else if (list.entries.isEmpty() && m_catalogLoaded) {
            m_picker->addItem(broadcast ? tr("No broadcasts in this workspace")
                                        : tr("No transactional messages "
                                             "in this workspace"));
        } else {
            m_picker->addItem(broadcast ? tr("Choose a broadcast") : tr("Choose a message"));
            for (const campaigns::CatalogEntry& entry : list.entries) {
                m_picker->addItem(entry.label(), entry.id);
                if (!entry.description.isEmpty())
                    m_picker->setItemData(m_picker->count() - 1, entry.description, Qt::ToolTipRole);
            }
            const int again = m_picker->findData(previous);
            if (again > 0)
                m_picker->setCurrentIndex(again);
        }
    }
    m_picker->setEnabled(!m_catalogLoading && list.ok() && !list.entries.isEmpty());
    if (m_catalogLoading)
        m_catalogStatus->setText(tr("Loading the workspace's messages and broadcasts…"));
    else if (!list.ok())
        m_catalogStatus->setText(list.message);
    else
        m_catalogStatus->clear();
    m_retry->setVisible(!m_catalogLoading && !list.ok());
    m_pickerLabel->setText(broadcast ? tr("B&roadcast:") : tr("&Message:"));
    m_dataLabel->setText(broadcast ? tr("&Data (JSON):") : tr("&Message data (JSON):"));
    m_manualId->setPlaceholderText(broadcast ? tr("Broadcast id, e.g. 12")
                                             : tr("Message id or trigger name, e.g. 7 or invoice_receipt"));
    m_to->setEnabled(!broadcast);
    m_toLabel->setEnabled(!broadcast);
}

QString ManualCampaignDialog::chosenId() const
{
    const QString typed = m_manualId->text().trimmed();
    if (!typed.isEmpty())
        return typed;
    return m_picker->currentData().toString();
}

QString ManualCampaignDialog::chosenLabel() const
{
    if (!m_manualId->text().trimmed().isEmpty() || m_picker->currentData().toString().isEmpty())
        return QStringLiteral("#%1").arg(chosenId());
    return m_picker->currentText();
}

void ManualCampaignDialog::scheduleResolve()
{
    m_resolveTimer->start();
}

void ManualCampaignDialog::startResolve()
{
    if (m_resolveWatcher.isRunning()) {
        m_resolveAgain = true;
        return;
    }
    m_resolving = true;
    const QStringList ids = recipientIds();
    m_resolveWatcher.setFuture(
        QtConcurrent::run([path = m_storePath, ids] { return campaigns::resolveRecipients(path, ids); }));
    refresh();
}

void ManualCampaignDialog::onResolved()
{
    if (m_resolveAgain) {
        m_resolveAgain = false;
        m_resolving = false;
        startResolve();
        return;
    }
    m_resolved = m_resolveWatcher.result();
    m_resolving = false;
    refresh();
    emit recipientsResolved();
}

void ManualCampaignDialog::noteEdited()
{
    if (m_sendQueued) {
        // What was queued stays queued; whatever is sent next is another send.
        m_sendQueued = false;
        m_sendId = QUuid::createUuid();
        m_showInQueue->hide();
        m_result->clear();
    }
    refresh();
}

void ManualCampaignDialog::refresh()
{
    if (!m_sendButton)
        return;
    ManualSend send;
    send.setSendId(m_sendId);
    send.kind = kind();
    send.messageId = chosenId();
    send.toOverride = send.kind == ManualSend::Kind::Transactional ? m_to->text().trimmed() : QString();

    // The addresses found for the customers listed now; a customer added since the last lookup has none yet.
    const QStringList ids = recipientIds();
    for (const QString& id : ids) {
        ManualSend::Recipient recipient{id, {}};
        for (const ManualSend::Recipient& known : m_resolved)
            if (known.customerId == id)
                recipient.email = known.email;
        send.recipients.append(recipient);
    }
    int withAddress = 0;
    for (const ManualSend::Recipient& recipient : send.recipients)
        if (!recipient.email.isEmpty())
            ++withAddress;
    if (m_resolving)
        m_recipientsStatus->setText(tr("Looking up the customers' addresses in the store…"));
    else if (send.kind == ManualSend::Kind::Broadcast)
        m_recipientsStatus->setText(
            ids.isEmpty() ? tr("No customers: the broadcast goes to the audience set up in "
                               "Customer.io.")
                          : tr("%n customer(s), sent as Customer.io ids.", nullptr, int(ids.size())));
    else
        m_recipientsStatus->setText(
            tr("%n customer(s); %1 with an address in the store.", nullptr, int(ids.size()))
                .arg(withAddress));

    QStringList problems;
    const QString dataText = m_data->toPlainText().trimmed();
    m_dataValid = true;
    if (!dataText.isEmpty()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(dataText.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            m_dataValid = false;
            m_dataStatus->setText(
                tr("Not valid JSON: %1 at character %2.").arg(error.errorString()).arg(error.offset));
        } else if (!document.isObject()) {
            m_dataValid = false;
            m_dataStatus->setText(tr("The data must be a JSON object, such as {\"coupon\": \"SPRING\"}."));
        } else {
            send.data = document.object();
            m_dataStatus->setText(tr("Valid JSON object with %n key(s).", nullptr, int(send.data.size())));
        }
    } else {
        m_dataStatus->setText(tr("No data."));
    }
    if (!m_dataValid)
        problems.append(m_dataStatus->text());

    const qsizetype limit = ManualSend::dataLimit(send.kind);
    const qsizetype bytes = ManualSend::dataBytes(send.data);
    m_sizeMeter->setRange(0, int(limit));
    m_sizeMeter->setValue(int(std::min(bytes, limit)));
    m_sizeMeter->setFormat(
        tr("%1 of %2 bytes").arg(QLocale().toString(qint64(bytes)), QLocale().toString(qint64(limit))));

    problems.append(send.problems());
    if (m_resolving && send.kind == ManualSend::Kind::Transactional && send.toOverride.isEmpty()) {
        // Addresses are still coming; the problems about them are not real yet.
        problems.erase(
            std::remove_if(problems.begin(), problems.end(),
                           [](const QString& p) { return p.startsWith(QLatin1String("No email")); }),
            problems.end());
        problems.append(tr("Looking up the customers' addresses…"));
    }
    m_problems = problems;
    m_problemsLabel->setText(problems.join(QLatin1Char('\n')));
    m_problemsLabel->setVisible(!problems.isEmpty());

    if (m_dataValid && !send.messageId.trimmed().isEmpty()) {
        QStringList blocks;
        const QList<campaigns::PreviewRequest> preview = send.preview();
        for (int i = 0; i < preview.size(); ++i) {
            const campaigns::PreviewRequest& request = preview.at(i);
            QString heading = tr("# Request %1 of %2").arg(i + 1).arg(preview.size());
            if (!request.customerId.isEmpty())
                heading += tr(" — customer %1").arg(request.customerId);
            blocks.append(heading + QLatin1Char('\n') + request.method + QLatin1Char(' ') + request.target +
                          QLatin1Char('\n') + request.prettyBody);
        }
        m_preview->setPlainText(blocks.join(QStringLiteral("\n\n")));
    } else {
        m_preview->setPlainText(tr("Choose a message and enter valid data to see the requests."));
    }

    m_send = send;
    m_sendButton->setEnabled(problems.isEmpty() && !m_queueWatcher.isRunning() && !m_sendQueued);
}

void ManualCampaignDialog::requestSend()
{
    refresh();
    if (!m_problems.isEmpty() || m_queueWatcher.isRunning() || m_sendQueued)
        return;
    const ManualSend send = m_send;
    const int jobs = int(send.requests().size());
    QString text;
    if (send.kind == ManualSend::Kind::Transactional) {
        text =
            tr("Send the transactional message %1 to %n customer(s)?", nullptr, int(send.recipients.size()))
                .arg(chosenLabel());
        if (!send.toOverride.isEmpty())
            text += QLatin1Char(' ') + tr("Every message goes to %1.").arg(send.toOverride);
    } else if (send.recipients.isEmpty()) {
        text = tr("Trigger the broadcast %1 for its whole audience as set up in Customer.io?")
                   .arg(chosenLabel());
    } else {
        text = tr("Trigger the broadcast %1 for %n customer(s)?", nullptr, int(send.recipients.size()))
                   .arg(chosenLabel());
    }
    text +=
        QStringLiteral("\n\n") +
        tr("This queues %n job(s); they are sent when delivery runs. A sent message cannot be taken back.",
           nullptr, jobs);
    if (!m_confirmer(this, tr("Send Message"), text))
        return;
    m_sendButton->setEnabled(false);
    m_result->setText(tr("Queueing…"));
    m_queueWatcher.setFuture(QtConcurrent::run([send, path = m_storePath] {
        QueueOutcome outcome;
        try {
            outcome.result = send.enqueue(path);
        } catch (const store::StoreError& error) {
            outcome.error = error.message();
        } catch (const std::exception& error) {
            outcome.error = QString::fromUtf8(error.what());
        }
        return outcome;
    }));
}

void ManualCampaignDialog::onQueued()
{
    const QueueOutcome outcome = m_queueWatcher.result();
    if (!outcome.error.isEmpty()) {
        m_result->setText(tr("Nothing was queued: %1. Check that the store can be written, then try again.")
                              .arg(outcome.error));
        refresh();
        emit queueFailed(outcome.error);
        return;
    }
    m_queuedJobIds.clear();
    QStringList ids;
    for (std::int64_t id : outcome.result.jobIds) {
        m_queuedJobIds.append(id);
        ids.append(QStringLiteral("#%1").arg(id));
    }
    m_sendQueued = true;
    if (outcome.result.created == 0)
        m_result->setText(
            tr("Already queued: job(s) %1. Nothing new was added.").arg(ids.join(QStringLiteral(", "))));
    else
        m_result->setText(
            tr("Queued job(s) %1. They are sent when delivery runs.").arg(ids.join(QStringLiteral(", "))));
    m_showInQueue->show();
    refresh();
    emit jobsQueued(m_queuedJobIds);
}

} // namespace billbridge::widgets
