#pragma once

#include "store/eventfilter.h"
#include "store/savedfilterstore.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QToolButton;

namespace billbridge::widgets {

// The event browser's filter line: types (exact names and patterns such as `invoice.*`, or picked from the
// types present in the store), a customer id or email, a period, live or test mode, where the event came
// from, and free text over the payloads. Every condition combines with the others. Filters can be saved
// under a name in the store, where the CLI finds them too. Store reads and writes run on the thread pool.
class EventFilterBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventFilterBar)

public:
    enum class Period { Any, LastHour, LastDay, LastWeek, LastMonth, Between };

    // Asks for a name to save the current filter under; nullopt when the operator cancels.
    using NamePrompt = std::function<std::optional<QString>(QWidget* parent, const QString& suggestion)>;
    // Asks whether to replace an existing saved filter of that name.
    using ReplaceQuestion = std::function<bool(QWidget* parent, const QString& name)>;
    using Clock = std::function<qint64()>; // Unix seconds

    explicit EventFilterBar(QString storePath, QWidget* parent = nullptr);
    ~EventFilterBar() override;

    // The filter the fields describe; the last valid one while a field holds something invalid.
    store::EventFilter filter() const { return m_applied; }
    // Shows `filter` in the fields and applies it.
    void setFilter(const store::EventFilter& filter);
    // Conditions set in `narrowing` replace the current ones; the others stay ("filter on this value").
    void narrow(const store::EventFilter& narrowing);
    void clear();
    // What is wrong with the fields right now, in words for the operator; empty when nothing is.
    QString problem() const;

    // Saved filters, as last read from the store (sorted by name).
    QStringList savedFilterNames() const;
    void reloadSavedFilters();
    // Saves the current filter under `name`, replacing one of that name.
    void saveCurrentAs(const QString& name);
    void applySaved(const QString& name);
    void removeSaved(const QString& name);

    void setNamePrompt(NamePrompt prompt) { m_namePrompt = std::move(prompt); }
    void setReplaceQuestion(ReplaceQuestion question) { m_replaceQuestion = std::move(question); }
    void setClock(Clock clock) { m_clock = std::move(clock); }

    // Field access for tests and for keyboard focus.
    QLineEdit* typesField() const { return m_types; }
    QLineEdit* customerField() const { return m_customer; }
    QLineEdit* textField() const { return m_text; }
    QComboBox* periodBox() const { return m_period; }
    QComboBox* modeBox() const { return m_mode; }
    QComboBox* sourceBox() const { return m_source; }
    QComboBox* savedBox() const { return m_saved; }
    QMenu* typeMenu() const { return m_typeMenu; }

signals:
    void filterChanged(const billbridge::store::EventFilter& filter);
    // The saved filter list was read (after reloadSavedFilters(), a save or a removal).
    void savedFiltersLoaded();
    // A saved filter could not be read, written or removed; `message` says what to do.
    void storeProblem(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct SavedFiltersResult {
        std::vector<store::SavedFilter> filters;
        QString error;
        QString select; // name to show in the box afterwards
    };

    void createFields();
    void retranslate();
    // Reads the fields; nullopt (with m_problem set) when one of them is invalid.
    std::optional<store::EventFilter> readFields();
    void apply();
    void showFields(const store::EventFilter& filter);
    void onPeriodChanged();
    void fillTypeMenu();
    void onTypeToggled(const QString& type, bool checked);
    void onSavedActivated(int index);
    void promptAndSave();
    void removeSelectedSaved();
    void runSavedFilterTask(std::function<SavedFiltersResult(const QString& path)> task);
    void onSavedFiltersRead();
    void setProblem(const QString& problem);
    qint64 now() const;

    QString m_storePath;
    store::EventFilter m_applied;
    QString m_problemText;
    bool m_showing = false; // fields are being filled programmatically: do not apply each change

    QLineEdit* m_types = nullptr;
    QToolButton* m_typePicker = nullptr;
    QMenu* m_typeMenu = nullptr;
    QLineEdit* m_customer = nullptr;
    QLineEdit* m_text = nullptr;
    QComboBox* m_period = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QComboBox* m_mode = nullptr;
    QComboBox* m_source = nullptr;
    QPushButton* m_clear = nullptr;
    QLabel* m_savedLabel = nullptr;
    QComboBox* m_saved = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_problem = nullptr;
    QTimer m_typingPause;

    std::vector<store::SavedFilter> m_savedFilters;
    QFutureWatcher<SavedFiltersResult> m_savedWatcher;
    bool m_savedBusy = false;
    std::function<SavedFiltersResult(const QString&)> m_queuedSavedTask;
    QFutureWatcher<QStringList> m_typesWatcher;
    QStringList m_knownTypes;

    NamePrompt m_namePrompt;
    ReplaceQuestion m_replaceQuestion;
    Clock m_clock;
};

} // namespace billbridge::widgets
