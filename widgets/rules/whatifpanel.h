#pragma once

#include "rules/rulesbackend.h"
#include "rules/rulescope.h"

#include <QWidget>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace billbridge::widgets {

// What rules would have done with the stored events of the last N days: per rule the events matched,
// distinct customers, jobs by action type and the newest sample events (double-click one to open it). Runs
// on a worker thread with progress; Cancel stops it and discards the partial answer.
class WhatIfPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WhatIfPanel)

public:
    using Clock = std::function<std::int64_t()>; // milliseconds since the epoch

    static constexpr int kDefaultDays = 30;

    WhatIfPanel(QString storePath, RuleSource rules, QWidget* parent = nullptr);
    ~WhatIfPanel() override;

    void setClock(Clock clock) { m_clock = std::move(clock); }

    QSpinBox* daysEdit() const { return m_days; }
    QComboBox* scopeChoice() const { return m_scope; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QTreeWidget* results() const { return m_results; }
    QLabel* statusLabel() const { return m_status; }
    bool isRunning() const { return m_running; }

    void setScope(RuleScope scope);
    void run();
    void cancel();

signals:
    void finished(bool canceled);
    // The operator wants to see a sample event.
    void eventRequested(const QString& eventId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showReport(const rules::WhatIfReport& report, const QString& error);
    void onItemActivated(QTreeWidgetItem* item);

    QString m_storePath;
    RuleSource m_rules;
    Clock m_clock;
    bool m_running = false;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    bool m_showingIntro = true; // the status still says what a run does
    QLabel* m_scopeLabel = nullptr;
    QLabel* m_daysLabel = nullptr;
    QSpinBox* m_days = nullptr;
    QComboBox* m_scope = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QTreeWidget* m_results = nullptr;
};

} // namespace billbridge::widgets
