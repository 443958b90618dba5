#pragma once

#include "demo/demohistory.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace billbridge::widgets {

// Opens the made-up demo history in a second console window, so that a new user can explore every screen
// without a Stripe account. The demo lives in a store of its own (by default demo.sqlite beside the real
// store), labelled as demo data, and is generated only the first time: afterwards it is simply reopened.
class DemoLauncher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoLauncher)

public:
    // Starts a program without waiting for it; false when it could not be started.
    using StartProgram = std::function<bool(const QString& program, const QStringList& arguments)>;

    explicit DemoLauncher(QObject* parent = nullptr);
    ~DemoLauncher() override;

    QString path() const { return m_path; }
    void setPath(const QString& path) { m_path = path; }
    demo::DemoOptions options() const { return m_options; }
    void setOptions(const demo::DemoOptions& options) { m_options = options; }
    // By default a detached copy of this executable; tests record the call instead.
    void setStartProgram(StartProgram startProgram) { m_startProgram = std::move(startProgram); }

    bool isBusy() const { return m_busy; }

    // Reuses the demo store when it exists, generates it otherwise (on the thread pool), then starts a
    // console window on it. Ignored while a previous call is still working.
    void open();

signals:
    // open() began; the demo may take a few seconds to generate.
    void started();
    void busyChanged(bool busy);
    // The demo could not be prepared or its window not started: what happened and what to do.
    void failed(const QString& message);
    // A console window was started on the demo store at `path`.
    void opened(const QString& path);

private:
    struct Preparation {
        enum class Outcome { Reused, Generated, RefusedRealStore, Failed };
        Outcome outcome = Outcome::Failed;
        QString detail; // the store's own explanation when it failed
    };

    static Preparation prepare(const QString& path, const demo::DemoOptions& options);
    void onPrepared();
    void setBusy(bool busy);

    QString m_path;
    demo::DemoOptions m_options;
    StartProgram m_startProgram;
    QFutureWatcher<Preparation> m_watcher;
    bool m_busy = false;
};

} // namespace billbridge::widgets
