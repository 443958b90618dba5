#include "backfill/backfilldialog.h"

#include "connections/advancedtab.h"
#include "intake/consoleintake.h"
#include "store/eventstore.h"
#include "store/eventwriter.h"
#include "store/sqlite.h"
#include "stripe/stripeapiconfig.h"
#include "sync/syncengine.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QThread>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace billbridge::widgets {

namespace {

constexpr qint64 kStripeRetentionSeconds = 30 * 86400;
constexpr int kProgressSteps = 1000;
// The label the CLI uses for its default, so that `billbridge-cli backfill` and this dialog resume each
// other's unfinished runs.
const QString kLastThirtyDaysLabel = QStringLiteral("30d");

QString dateText(qint64 seconds)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(seconds), QLocale::ShortFormat);
}

QString durationText(std::chrono::seconds duration)
{
    const qint64 total = duration.count();
    if (total >= 3600)
        return BackfillDialog::tr("%1 h %2 min").arg(total / 3600).arg((total % 3600) / 60);
    if (total >= 60)
        return BackfillDialog::tr("%1 min %2 s").arg(total / 60).arg(total % 60);
    return BackfillDialog::tr("%1 s").arg(total);
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

std::optional<stripe::BackfillState> readBackfillState(const QString& path)
{
    try {
        const QString json = store::EventStore::openForReading(path).state(stripe::BackfillState::key());
        if (json.isEmpty())
            return std::nullopt;
        return stripe::BackfillState::fromJson(json);
    } catch (const store::StoreError&) {
        // No store yet, or one that cannot be read: there is nothing to resume either way, and starting a
        // backfill reports the store's problem in words.
        return std::nullopt;
    }
}

bool isResumable(const stripe::BackfillState& state)
{
    return !state.isComplete() && !state.cursor.isEmpty();
}

} // namespace

// Lives on the backfill's thread: owns the Backfill (whose client and timers must stay on one thread) and,
// when the console's intake does not lend its writer, a writer of its own. Reports back with queued calls.
class BackfillRunner final : public QObject {
public:
    BackfillRunner(BackfillDialog* dialog, QString storePath,
                   std::shared_ptr<store::EventWriter> sharedWriter)
        : m_dialog(dialog)
        , m_storePath(std::move(storePath))
        , m_sharedWriter(std::move(sharedWriter))
    {}

    void run(const stripe::StripeApiConfig& config, const stripe::BackfillOptions& options,
             std::function<void(const stripe::BackfillProgress&)> onProgress,
             std::function<void(const stripe::BackfillResult&)> onFinished)
    {
        m_onFinished = std::move(onFinished);
        store::EventWriter* writer = m_sharedWriter.get();
        if (writer == nullptr) {
            m_ownWriter = std::make_unique<store::EventWriter>(m_storePath);
            // A shared writer comes from the intake, which plans already; this one must do it itself.
            sync::SyncEngine::installUnlessDisabled(*m_ownWriter);
            try {
                m_ownWriter->start();
            } catch (const store::StoreError& error) {
                m_ownWriter.reset();
                stripe::BackfillResult result;
                result.outcome = stripe::BackfillOutcome::StoreFailed;
                result.message = error.message();
                report(result);
                return;
            }
            writer = m_ownWriter.get();
        }
        m_backfill = std::make_unique<stripe::Backfill>(config, *writer, m_storePath, options);
        QObject::connect(m_backfill.get(), &stripe::Backfill::progress, m_dialog, std::move(onProgress));
        QObject::connect(m_backfill.get(), &stripe::Backfill::finished, this,
                         [this](const stripe::BackfillResult& result) {
                             // Not from inside the Backfill's own signal: it is deleted here.
                             QMetaObject::invokeMethod(
                                 this,
                                 [this, result] {
                                     release();
                                     report(result);
                                 },
                                 Qt::QueuedConnection);
                         });
        m_backfill->start();
    }

    void stop()
    {
        if (m_backfill)
            m_backfill->stop();
    }

    // For the dialog going away: cancels the page in flight (nothing half-stored) and closes the writer.
    void shutdown()
    {
        if (m_backfill) {
            m_backfill->disconnect(this);
            m_backfill->abort();
        }
        release();
    }

private:
    void release()
    {
        m_backfill.reset();
        if (m_ownWriter)
            m_ownWriter->stop();
        m_ownWriter.reset();
    }

    void report(const stripe::BackfillResult& result)
    {
        QMetaObject::invokeMethod(
            m_dialog, [done = m_onFinished, result] { done(result); }, Qt::QueuedConnection);
    }

    BackfillDialog* m_dialog;
    QString m_storePath;
    std::shared_ptr<store::EventWriter> m_sharedWriter;
    std::unique_ptr<store::EventWriter> m_ownWriter;
    std::unique_ptr<stripe::Backfill> m_backfill;
    std::function<void(const stripe::BackfillResult&)> m_onFinished;
};

BackfillDialog::BackfillDialog(BackfillServices services, QWidget* parent)
    : QDialog(parent)
    , m_services(std::move(services))
{
    qRegisterMetaType<stripe::BackfillProgress>();
    qRegisterMetaType<stripe::BackfillResult>();
    setObjectName(QStringLiteral("backfillDialog"));

    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto* form = new QFormLayout;
    m_lastThirtyDays = new QRadioButton(this);
    m_lastThirtyDays->setObjectName(QStringLiteral("lastThirtyDays"));
    m_lastThirtyDays->setChecked(true);
    m_sinceDate = new QRadioButton(this);
    m_sinceDate->setObjectName(QStringLiteral("sinceDate"));
    m_date = new QDateEdit(this);
    m_date->setObjectName(QStringLiteral("sinceDateEdit"));
    m_date->setCalendarPopup(true);
    const QDate today = QDate::currentDate();
    m_date->setDateRange(today.addDays(-30), today);
    m_date->setDate(today.addDays(-7));
    m_date->setEnabled(false);
    auto* dateRow = new QHBoxLayout;
    dateRow->addWidget(m_sinceDate);
    dateRow->addWidget(m_date);
    dateRow->addStretch();
    form->addRow(m_lastThirtyDays);
    form->addRow(dateRow);
    m_typesCaption = new QLabel(this);
    m_types = new QLineEdit(this);
    m_types->setObjectName(QStringLiteral("eventTypes"));
    m_typesCaption->setBuddy(m_types);
    form->addRow(m_typesCaption, m_types);
    layout->addLayout(form);

    m_resumeText = new QLabel(this);
    m_resumeText->setObjectName(QStringLiteral("resumeText"));
    m_resumeText->setWordWrap(true);
    m_resumeText->hide();
    layout->addWidget(m_resumeText);

    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setRange(0, kProgressSteps);
    m_progressBar->setValue(0);
    m_progressBar->setTextVisible(true);
    layout->addWidget(m_progressBar);
    m_progressText = new QLabel(this);
    m_progressText->setObjectName(QStringLiteral("progressText"));
    m_progressText->setWordWrap(true);
    layout->addWidget(m_progressText);
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("outcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_outcome);
    layout->addStretch();

    auto* buttons = new QDialogButtonBox(this);
    m_startButton = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("startButton"));
    m_resumeButton = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_resumeButton->setObjectName(QStringLiteral("resumeButton"));
    m_cancelButton = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_connectionsButton = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_connectionsButton->setObjectName(QStringLiteral("connectionsButton"));
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    layout->addWidget(buttons);

    // The button box would close the dialog on its accept role; starting must not.
    disconnect(buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(m_startButton, &QPushButton::clicked, this, &BackfillDialog::startBackfill);
    connect(m_resumeButton, &QPushButton::clicked, this, &BackfillDialog::resumeBackfill);
    connect(m_cancelButton, &QPushButton::clicked, this, &BackfillDialog::cancelBackfill);
    connect(m_connectionsButton, &QPushButton::clicked, this, &BackfillDialog::openConnectionsRequested);
    connect(m_closeButton, &QPushButton::clicked, this, &BackfillDialog::reject);
    connect(m_sinceDate, &QRadioButton::toggled, m_date, &QDateEdit::setEnabled);
    connect(&m_stateWatcher, &QFutureWatcher<std::optional<stripe::BackfillState>>::finished, this,
            &BackfillDialog::onSavedState);

    m_connectionsButton->hide();
    retranslate();
    updateControls();
    readSavedState();
}

BackfillDialog::~BackfillDialog()
{
    if (m_runner) {
        BackfillRunner* runner = m_runner;
        QMetaObject::invokeMethod(
            runner, [runner] { runner->shutdown(); }, Qt::BlockingQueuedConnection);
    }
    finishThread();
    m_stateWatcher.waitForFinished();
}

void BackfillDialog::retranslate()
{
    setWindowTitle(tr("Backfill from Stripe"));
    m_intro->setText(tr("Imports past events from Stripe's Events API into the store, newest first. Stripe "
                        "keeps events for 30 days, so older ones cannot be imported. Events already in the "
                        "store are recognised and not stored twice."));
    m_lastThirtyDays->setText(tr("The last &30 days (everything Stripe still keeps)"));
    m_sinceDate->setText(tr("&Since"));
    m_typesCaption->setText(tr("Event &types:"));
    m_types->setPlaceholderText(tr("All events; or e.g. invoice.paid, invoice.payment_failed, or invoice.*"));
    m_startButton->setText(tr("&Start"));
    m_resumeButton->setText(tr("&Resume"));
    m_cancelButton->setText(tr("&Cancel backfill"));
    m_connectionsButton->setText(tr("Open C&onnections…"));
    m_closeButton->setText(tr("Close"));
    updateResumeText();
}

void BackfillDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void BackfillDialog::readSavedState()
{
    setPhase(Phase::Loading);
    m_stateWatcher.setFuture(QtConcurrent::run(readBackfillState, m_services.storePath));
}

void BackfillDialog::onSavedState()
{
    const std::optional<stripe::BackfillState> state = m_stateWatcher.result();
    if (state && isResumable(*state))
        m_resumable = state;
    else
        m_resumable.reset();
    updateResumeText();
    if (m_phase == Phase::Loading)
        setPhase(Phase::Ready);
    emit loaded();
}

void BackfillDialog::updateResumeText()
{
    if (!m_resumable || m_phase == Phase::Running || m_phase == Phase::Stopping) {
        m_resumeText->hide();
        return;
    }
    const stripe::BackfillState& state = *m_resumable;
    const QString what = state.types.isEmpty() ? tr("all events") : state.types.join(QStringLiteral(", "));
    m_resumeText->setText(
        tr("An unfinished backfill of %1 since %2 is in the store: %3 new events so far, "
           "back to %4. Resume it to continue where it stopped.")
            .arg(what, dateText(state.since), number(state.stored),
                 state.reachedCreated > 0 ? dateText(state.reachedCreated) : dateText(state.newestCreated)));
    m_resumeText->show();
}

std::optional<stripe::BackfillOptions> BackfillDialog::optionsFromForm(QString* problem) const
{
    stripe::BackfillOptions options;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (m_lastThirtyDays->isChecked()) {
        options.since = now - kStripeRetentionSeconds;
        options.sinceLabel = kLastThirtyDaysLabel;
    } else {
        const QDate date = m_date->date();
        options.since = QDateTime(date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        options.sinceLabel = date.toString(Qt::ISODate);
        // Stripe would answer with nothing older anyway; asking for less keeps the estimate honest.
        options.since = std::max<std::int64_t>(options.since, now - kStripeRetentionSeconds);
    }
    options.types = m_types->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    if (const QString typeProblem = stripe::EventListParams().setTypeFilter(options.types);
        !typeProblem.isEmpty()) {
        *problem =
            tr("The event types cannot be asked for: %1 Correct them and start again.").arg(typeProblem);
        return std::nullopt;
    }
    options.pageSize = m_services.pageSize;
    return options;
}

void BackfillDialog::startBackfill()
{
    if (m_phase == Phase::Running || m_phase == Phase::Stopping)
        return;
    QString problem;
    const auto options = optionsFromForm(&problem);
    if (!options) {
        showProblem(problem, false);
        return;
    }
    run(*options);
}

void BackfillDialog::resumeBackfill()
{
    if (!m_resumable || m_phase == Phase::Running || m_phase == Phase::Stopping)
        return;
    stripe::BackfillOptions options;
    options.since = m_resumable->since;
    options.sinceLabel = m_resumable->sinceLabel;
    options.types = m_resumable->types;
    options.pageSize = m_services.pageSize;
    run(options);
}

void BackfillDialog::cancelBackfill()
{
    if (m_phase != Phase::Running || !m_runner)
        return;
    setPhase(Phase::Stopping);
    m_progressText->setText(tr("Stopping after the page in progress is stored…"));
    BackfillRunner* runner = m_runner;
    QMetaObject::invokeMethod(
        runner, [runner] { runner->stop(); }, Qt::QueuedConnection);
}

void BackfillDialog::reject()
{
    if (m_phase == Phase::Running || m_phase == Phase::Stopping) {
        // Closing must not lose the page in flight: stop cleanly and close once it is stored.
        m_closeWhenFinished = true;
        cancelBackfill();
        return;
    }
    QDialog::reject();
}

void BackfillDialog::run(const stripe::BackfillOptions& options)
{
    m_outcome->clear();
    m_connectionsButton->hide();
    m_lastOutcome.reset();
    setPhase(Phase::Running);
    m_progressBar->setValue(0);
    m_progressText->setText(tr("Reading the Stripe API key…"));
    const ConnectionServices connections = m_services.connections;
    if (connections.secrets == nullptr) {
        runWithKey(options, {});
        return;
    }
    readConnectionSecret(
        connections, secrets::keys::kStripeApiKey,
        [this, options](const secrets::SecretResult& result) {
            if (!result.isOk() && result.status != secrets::SecretResult::Status::NotFound) {
                setPhase(Phase::Ready);
                showProblem(tr("The Stripe API key could not be read: %1").arg(result.error), true);
                return;
            }
            runWithKey(options, QString::fromUtf8(result.value).trimmed());
        },
        this);
}

void BackfillDialog::runWithKey(const stripe::BackfillOptions& options, const QString& apiKey)
{
    if (apiKey.isEmpty()) {
        setPhase(Phase::Ready);
        showProblem(tr("No Stripe API key is configured, so nothing can be read from Stripe. Add one in "
                       "Connections (a secret key, or a restricted key that may read Events), then start "
                       "the backfill."),
                    true);
        return;
    }
    const QString base =
        QSettings().value(QLatin1String(AdvancedTab::kStripeApiBaseSetting)).toString().trimmed();
    const stripe::StripeApiConfig config = stripe::StripeApiConfig::resolve(apiKey, base);
    if (const QString problem = config.validate(); !problem.isEmpty()) {
        setPhase(Phase::Ready);
        showProblem(tr("The backfill cannot start: %1 Correct it in Connections.").arg(problem), true);
        return;
    }

    m_progressText->setText(tr("Asking Stripe for the newest events…"));
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("billbridge-backfill"));
    m_runner = new BackfillRunner(this, m_services.storePath, m_services.writer);
    m_runner->moveToThread(m_thread);
    m_thread->start();
    BackfillRunner* runner = m_runner;
    auto progressed = [this](const stripe::BackfillProgress& progress) { onProgress(progress); };
    auto ended = [this](const stripe::BackfillResult& result) { onFinished(result); };
    QMetaObject::invokeMethod(
        runner,
        [runner, config, options, progressed, ended] { runner->run(config, options, progressed, ended); },
        Qt::QueuedConnection);
}

void BackfillDialog::onProgress(const stripe::BackfillProgress& progress)
{
    if (m_phase != Phase::Running && m_phase != Phase::Stopping)
        return;
    const stripe::BackfillState& state = progress.state;
    m_progressBar->setValue(static_cast<int>(state.fractionDone() * kProgressSteps));
    QString text = tr("%1 new events, %2 already in the store · %3 events/s")
                       .arg(number(state.stored), number(state.duplicates))
                       .arg(progress.eventsPerSecond, 0, 'f', 0);
    if (state.reachedCreated > 0)
        text += QLatin1Char('\n') + tr("Back to %1").arg(dateText(state.reachedCreated));
    text += QStringLiteral(" · ") +
            (progress.eta ? tr("about %1 left").arg(durationText(*progress.eta)) : tr("time left unknown"));
    if (m_phase == Phase::Stopping)
        text += QLatin1Char('\n') + tr("Stopping after the page in progress is stored…");
    m_progressText->setText(text);
    emit progressed(progress);
}

void BackfillDialog::onFinished(const stripe::BackfillResult& result)
{
    finishThread();
    m_lastOutcome = result.outcome;
    const stripe::BackfillState& state = result.state;
    QString text;
    bool offerConnections = false;
    switch (result.outcome) {
    case stripe::BackfillOutcome::Completed:
        m_progressBar->setValue(kProgressSteps);
        text = tr("Backfill complete: %1 new events stored, %2 were already in the store.")
                   .arg(number(state.stored), number(state.duplicates));
        break;
    case stripe::BackfillOutcome::Interrupted:
        text = tr("Backfill paused after %1 new events. Its position is kept in the store: resume it now, "
                  "or later when you open this window again.")
                   .arg(number(state.stored));
        break;
    case stripe::BackfillOutcome::GaveUp:
        text = tr("Stripe kept limiting or failing the requests, so the backfill stopped for now (%1). "
                  "Everything imported so far is kept; resume it later.")
                   .arg(result.error ? result.error->summary() : result.message);
        break;
    case stripe::BackfillOutcome::CredentialsRejected:
        text = tr("Stripe rejected the API key (%1). Check the key in Connections, then resume the "
                  "backfill.")
                   .arg(result.error ? result.error->summary() : result.message);
        offerConnections = true;
        break;
    case stripe::BackfillOutcome::RequestRejected:
        text = tr("Stripe refused the request: %1 Check the event types, then start again.")
                   .arg(result.error ? result.error->summary() : result.message);
        break;
    case stripe::BackfillOutcome::StoreFailed:
        text = tr("The store could not be written (%1). Check the disk space and the store file, then "
                  "resume the backfill.")
                   .arg(result.message);
        break;
    }
    if (isResumable(state))
        m_resumable = state;
    else if (result.outcome == stripe::BackfillOutcome::Completed)
        m_resumable.reset();
    m_progressText->clear();
    setPhase(Phase::Finished);
    showProblem(text, offerConnections);
    emit finished(result);
    if (m_closeWhenFinished) {
        m_closeWhenFinished = false;
        QDialog::reject();
    }
}

void BackfillDialog::showProblem(const QString& text, bool offerConnections)
{
    m_outcome->setText(text);
    m_connectionsButton->setVisible(offerConnections);
}

void BackfillDialog::setPhase(Phase phase)
{
    if (m_phase != phase) {
        m_phase = phase;
        emit phaseChanged(phase);
    }
    updateControls();
    updateResumeText();
}

void BackfillDialog::updateControls()
{
    const bool busy = m_phase == Phase::Running || m_phase == Phase::Stopping;
    const bool idle = m_phase == Phase::Ready || m_phase == Phase::Finished;
    m_startButton->setEnabled(idle);
    m_resumeButton->setVisible(m_resumable.has_value() && !busy);
    m_resumeButton->setEnabled(idle);
    m_cancelButton->setVisible(busy);
    m_cancelButton->setEnabled(m_phase == Phase::Running);
    m_lastThirtyDays->setEnabled(!busy);
    m_sinceDate->setEnabled(!busy);
    m_date->setEnabled(!busy && m_sinceDate->isChecked());
    m_types->setEnabled(!busy);
}

void BackfillDialog::finishThread()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_runner;
    m_runner = nullptr;
    delete m_thread;
    m_thread = nullptr;
}

} // namespace billbridge::widgets
