#pragma once

#include "sync/resync.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>

namespace billbridge::widgets {

// Runs a re-sync preview or apply (sync::Resync) on the thread pool with its own store connections,
// reporting progress and taking a cancel, so that a large store never blocks the console.
class ResyncTask final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResyncTask)

public:
    ResyncTask(QString storePath, sync::ResyncScope scope, QObject* parent = nullptr);
    // Cancels and waits for the work in flight: it must not outlive the store path it was given.
    ~ResyncTask() override;

    const sync::ResyncScope& scope() const { return m_scope; }
    bool isRunning() const { return m_watcher.isRunning(); }

    void startPreview();
    void startApply();
    // Takes effect after the customer (preview) or chunk (apply) in hand.
    void cancel() { m_cancelled = true; }

    const sync::ResyncPreview& previewResult() const { return m_preview; }
    const sync::ResyncResult& applyResult() const { return m_result; }

signals:
    void progressed(int done, int total);
    void previewReady();
    void applied();
    void failed(const QString& message);

private:
    enum class Work { None, Preview, Apply };
    void run(Work work);
    void onFinished();

    QString m_path;
    sync::ResyncScope m_scope;
    Work m_work = Work::None;
    std::atomic<bool> m_cancelled{false};
    std::atomic<int> m_lastPercent{-1};
    // Written by the pool thread, read once the watcher reports the end.
    sync::ResyncPreview m_preview;
    sync::ResyncResult m_result;
    QString m_error;
    QFutureWatcher<void> m_watcher;
};

} // namespace billbridge::widgets
