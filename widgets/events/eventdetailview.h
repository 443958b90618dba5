#pragma once

#include "store/eventfilter.h"
#include "store/eventrecord.h"

#include <QHash>
#include <QList>
#include <QModelIndex>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <optional>

class QAction;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace billbridge::widgets {

class JsonTreeModel;
class SyncDecisionView;

// The JSON of the selected event as a tree, under a one-line summary of where it came from, and beside it
// (Sync tab) what Billbridge did with the event. Which
// branches are open is remembered per event type, so stepping through a run of invoice.paid events keeps
// the operator's place. Values can be copied, and any field can become a browser filter.
class EventDetailView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventDetailView)

public:
    explicit EventDetailView(QWidget* parent = nullptr);
    ~EventDetailView() override;

    // `event.raw` must be filled.
    void setEvent(const store::StoredEvent& event);
    // Shows the hint that asks for a selection.
    void clear();
    bool hasEvent() const { return m_hasEvent; }

    QTreeView* treeView() const { return m_tree; }
    QTabWidget* tabs() const { return m_tabs; }
    SyncDecisionView* syncView() const { return m_sync; }
    JsonTreeModel* model() const { return m_model; }
    QString headerText() const;
    // Paths of the branches open now, in document order.
    QStringList expandedPaths() const;

    QAction* copyValueAction() const { return m_copyValue; }
    QAction* copyPathAction() const { return m_copyPath; }
    QAction* copyJsonAction() const { return m_copyJson; }
    QAction* filterAction() const { return m_filter; }

    // These act on the current row of the tree.
    void copyValue();
    void copyPath();
    void copyAsJson();
    void filterOnValue();
    void expandAll();
    void collapseAll();

signals:
    void filterRequested(const billbridge::store::EventFilter& filter);
    // The operator wants to see a job the event caused (one of `eventJobIds`) on the Queue page.
    void jobRequested(std::int64_t jobId, const QList<qint64>& eventJobIds);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QModelIndex currentRow() const;
    void rememberState();
    void restoreState();
    void updateActions();
    void showContextMenu(const QPoint& position);
    void collectExpanded(const QModelIndex& parent, QStringList& paths) const;
    std::optional<store::EventFilter> filterForRow(const QModelIndex& row) const;
    static QString headerFor(const store::StoredEvent& event);

    QStackedWidget* m_stack = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_header = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTreeView* m_tree = nullptr;
    SyncDecisionView* m_sync = nullptr;
    JsonTreeModel* m_model = nullptr;
    QAction* m_copyValue = nullptr;
    QAction* m_copyPath = nullptr;
    QAction* m_copyJson = nullptr;
    QAction* m_filter = nullptr;
    QAction* m_expandAll = nullptr;
    QAction* m_collapseAll = nullptr;

    bool m_hasEvent = false;
    QString m_eventType;
    QHash<QString, QStringList> m_expandedByType;
    QHash<QString, QString> m_currentPathByType;
};

} // namespace billbridge::widgets
