#include "home/demolauncher.h"

#include "demo/demosetup.h"
#include "demo/demostore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>
#include <QProcess>
#include <QtConcurrent/QtConcurrentRun>

namespace billbridge::widgets {

namespace {

Q_LOGGING_CATEGORY(lcDemo, "billbridge.widgets.demo")

} // namespace

DemoLauncher::DemoLauncher(QObject* parent)
    : QObject(parent)
    , m_path(demo::defaultDemoStorePath())
    , m_startProgram([](const QString& program, const QStringList& arguments) {
        return QProcess::startDetached(program, arguments);
    })
{
    m_options.customers = 300;
    m_options.days = 90;
    m_options.seed = 1;
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &DemoLauncher::onPrepared);
}

// A generation still running holds only its own copies of the path and options, so it may finish
// unobserved; waiting for it here would keep the window from closing for seconds.
DemoLauncher::~DemoLauncher() = default;

void DemoLauncher::open()
{
    if (m_busy)
        return;
    setBusy(true);
    emit started();
    m_watcher.setFuture(QtConcurrent::run(&DemoLauncher::prepare, m_path, m_options));
}

DemoLauncher::Preparation DemoLauncher::prepare(const QString& path, const demo::DemoOptions& options)
{
    Preparation preparation;
    if (demo::DemoStore::isDemoStore(path)) {
        preparation.outcome = Preparation::Outcome::Reused;
        return preparation;
    }
    const demo::DemoSetupResult setup =
        demo::createIndexedDemoStore(path, options, false, QDateTime::currentMSecsSinceEpoch());
    preparation.detail = setup.store.message;
    switch (setup.store.status) {
    case demo::DemoStoreResult::Status::Written:
        // The events are there and browsable; only searching them is affected, so the demo still opens.
        if (!setup.indexed)
            qCWarning(lcDemo) << "demo store written without a search index:" << setup.store.message;
        preparation.outcome = Preparation::Outcome::Generated;
        break;
    case demo::DemoStoreResult::Status::RefusedRealStore:
        preparation.outcome = Preparation::Outcome::RefusedRealStore;
        break;
    case demo::DemoStoreResult::Status::RefusedExistingDemo:
        // Someone else finished writing it meanwhile: it is a demo store now, and reusing it is right.
        preparation.outcome = Preparation::Outcome::Reused;
        break;
    case demo::DemoStoreResult::Status::Failed:
        preparation.outcome = Preparation::Outcome::Failed;
        break;
    }
    return preparation;
}

void DemoLauncher::onPrepared()
{
    const Preparation preparation = m_watcher.result();
    setBusy(false);
    const QString shownPath = QDir::toNativeSeparators(m_path);
    switch (preparation.outcome) {
    case Preparation::Outcome::RefusedRealStore:
        emit failed(tr("%1 already holds events that are not demo data, so no demo data was written there: "
                       "demo data is never mixed with real events. Move or rename that file, then choose "
                       "Open Demo Data again.")
                        .arg(shownPath));
        return;
    case Preparation::Outcome::Failed: {
        // The store's own explanation already says why and what to do; ours is only the fallback.
        QString detail = preparation.detail.trimmed();
        if (detail.isEmpty())
            detail =
                tr("Check that its folder can be written to and that the disk has space, then try again.");
        emit failed(tr("The demo data could not be created at %1: %2").arg(shownPath, detail));
        return;
    }
    case Preparation::Outcome::Reused:
    case Preparation::Outcome::Generated:
        break;
    }
    const QString program = QCoreApplication::applicationFilePath();
    if (!m_startProgram(program, {QStringLiteral("--db"), m_path})) {
        emit failed(tr("The demo data is ready at %1, but a second console window could not be started. "
                       "Start it yourself with: %2 --db %1")
                        .arg(shownPath, QDir::toNativeSeparators(program)));
        return;
    }
    emit opened(m_path);
}

void DemoLauncher::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

} // namespace billbridge::widgets
