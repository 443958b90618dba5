#include "mappings/resynctask.h"

#include "store/auditlog.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace billbridge::widgets {

ResyncTask::ResyncTask(QString storePath, sync::ResyncScope scope, QObject* parent)
    : QObject(parent)
    , m_path(std::move(storePath))
    , m_scope(std::move(scope))
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ResyncTask::onFinished);
}

ResyncTask::~ResyncTask()
{
    m_cancelled = true;
    m_watcher.waitForFinished();
}

void ResyncTask::startPreview()
{
    run(Work::Preview);
}

void ResyncTask::startApply()
{
    run(Work::Apply);
}

void ResyncTask::run(Work work)
{
    if (m_watcher.isRunning())
        return;
    m_work = work;
    m_cancelled = false;
    m_lastPercent = -1;
    m_error.clear();
    QPointer<ResyncTask> self(this);
    // Reports at most once per percent, so that a million customers do not flood the event loop.
    const sync::Resync::Progress progress = [this, self](int done, int total) {
        const int percent = total > 0 ? done * 100 / total : 100;
        if (m_lastPercent.exchange(percent) != percent)
            QMetaObject::invokeMethod(
                this,
                [self, done, total] {
                    if (self)
                        emit self->progressed(done, total);
                },
                Qt::QueuedConnection);
        return !m_cancelled.load();
    };
    m_watcher.setFuture(QtConcurrent::run([this, work, progress] {
        try {
            if (work == Work::Preview) {
                m_preview = sync::Resync::openForReading(m_path).preview(m_scope, progress);
            } else {
                sync::Resync resync = sync::Resync::openForWriting(m_path);
                store::AuditLog audit = store::AuditLog::open(m_path);
                m_result = resync.apply(m_scope, audit, progress);
            }
        } catch (const store::StoreError& error) {
            m_error = error.message();
        } catch (const std::exception& error) {
            m_error = QString::fromLocal8Bit(error.what());
        }
    }));
}

void ResyncTask::onFinished()
{
    if (!m_error.isEmpty())
        emit failed(m_error);
    else if (m_work == Work::Preview)
        emit previewReady();
    else
        emit applied();
}

} // namespace billbridge::widgets
