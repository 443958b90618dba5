#pragma once

#include "rules/rulesbackend.h"
#include "rules/rulescope.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace billbridge::widgets {

// Tries rules on one stored event: for each rule whether it fires and why not, and the exact jobs it would
// create (operation, request, body, due time, exits). The event is typed or picked among the newest stored
// events of the rules' trigger types. Reads run off the UI thread; nothing is written.
class RuleTesterPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleTesterPanel)

public:
    static constexpr int kRecentEvents = 30;

    RuleTesterPanel(QString storePath, RuleSource rules, QWidget* parent = nullptr);

    QLineEdit* eventIdEdit() const { return m_eventId; }
    QComboBox* recentEvents() const { return m_recent; }
    QComboBox* scopeChoice() const { return m_scope; }
    QPushButton* runButton() const { return m_run; }
    QTreeWidget* results() const { return m_results; }
    QPlainTextEdit* jobDetail() const { return m_detail; }
    QLabel* statusLabel() const { return m_status; }
    bool isRunning() const { return m_running; }

    void setScope(RuleScope scope);
    // Reads the newest events of the scope's trigger types into the picker.
    void refreshRecentEvents();
    void run();

signals:
    void finished();
    void recentEventsLoaded();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    RuleScope scope() const;
    void showReport(const std::optional<rules::EventTestReport>& report, const QString& error);
    void showJob();

    QString m_storePath;
    RuleSource m_rules;
    bool m_running = false;
    QLabel* m_scopeLabel = nullptr;
    QLabel* m_eventLabel = nullptr;
    QComboBox* m_scope = nullptr;
    QLineEdit* m_eventId = nullptr;
    QComboBox* m_recent = nullptr;
    QPushButton* m_refresh = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_status = nullptr;
    QTreeWidget* m_results = nullptr;
    QPlainTextEdit* m_detail = nullptr;
};

} // namespace billbridge::widgets
