#pragma once

#include "sync/syncdecisionreader.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <cstdint>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace billbridge::widgets {

// What Billbridge did with the selected event: the sync engine's verdict in words, its reason, and the jobs
// it made (with the rule that made each), each of which can be opened in the Queue page.
class SyncDecisionView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncDecisionView)

public:
    enum Column { JobColumn, OperationColumn, StateColumn, RuleColumn, ColumnCount };
    // The job's id on each row's JobColumn.
    static constexpr int JobIdRole = Qt::UserRole;

    explicit SyncDecisionView(QWidget* parent = nullptr);
    ~SyncDecisionView() override;

    // The decision for `eventId` is being read.
    void setLoading(const QString& eventId);
    void setDecision(const QString& eventId, const sync::SyncDecision& decision);
    void setFailed(const QString& eventId, const QString& message);
    void clear();

    QString eventId() const { return m_eventId; }
    bool hasDecision() const { return m_hasDecision; }
    QString summaryText() const;
    QString reasonText() const;
    QTreeWidget* jobList() const { return m_jobs; }
    QPushButton* showInQueueButton() const { return m_showInQueue; }
    // Opens the current job in the Queue page (or the first one when none is current).
    void showCurrentJobInQueue();

    static QString verdictText(const sync::SyncDecision& decision);

signals:
    // The operator wants `jobId` on the Queue page; `eventJobIds` are all the jobs of the event.
    void jobRequested(std::int64_t jobId, const QList<qint64>& eventJobIds);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fill();
    void updateButton();
    void request(QTreeWidgetItem* item);

    QString m_eventId;
    sync::SyncDecision m_decision;
    bool m_hasDecision = false;
    QLabel* m_summary = nullptr;
    QLabel* m_reason = nullptr;
    QLabel* m_jobCount = nullptr;
    QTreeWidget* m_jobs = nullptr;
    QPushButton* m_showInQueue = nullptr;
};

} // namespace billbridge::widgets
