#pragma once

#include "store/jobrecord.h"

#include <QTimer>
#include <QWidget>

#include <cstdint>
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

// The queue page's filter line: states (several at once), operation, customer id, error class and when
// the job last changed. Every condition combines with the others; a field holding something invalid is
// explained under the line and the last valid filter stays applied. A list narrowed to chosen jobs (those
// one action made) says so in a chip at the start of the line, which clears that narrowing.
class JobFilterBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobFilterBar)

public:
    enum class Period { Any, LastHour, LastDay, LastWeek, Between };
    using Clock = std::function<std::int64_t()>; // milliseconds since the epoch

    explicit JobFilterBar(QWidget* parent = nullptr);
    ~JobFilterBar() override;

    store::JobFilter filter() const { return m_applied; }
    // Shows `filter` in the fields and applies it.
    void setFilter(const store::JobFilter& filter);
    // Only these states, the other conditions kept (the counts line's buttons).
    void setStates(const std::vector<store::JobState>& states);
    void clear();
    // Only these jobs, every other condition cleared so that none of them is hidden; the chip names them
    // with `description` ("The 3 job(s) of the manual send").
    void showOnlyJobs(const std::vector<std::int64_t>& ids, const QString& description);
    // Shows every job the other conditions match again.
    void clearJobChoice();
    // What is wrong with the fields right now; empty when nothing is.
    QString problem() const { return m_problemText; }
    void setClock(Clock clock) { m_clock = std::move(clock); }

    QToolButton* stateButton() const { return m_stateButton; }
    QMenu* stateMenu() const { return m_stateMenu; }
    QComboBox* operationBox() const { return m_operation; }
    QLineEdit* customerField() const { return m_customer; }
    QLineEdit* errorClassField() const { return m_errorClass; }
    QComboBox* periodBox() const { return m_period; }
    QDateTimeEdit* fromEdit() const { return m_from; }
    QDateTimeEdit* toEdit() const { return m_to; }
    QWidget* jobChip() const { return m_chip; }
    QLabel* jobChipLabel() const { return m_chipLabel; }
    QToolButton* jobChipClearButton() const { return m_chipClear; }

    static bool sameFilter(const store::JobFilter& a, const store::JobFilter& b);

signals:
    void filterChanged(const billbridge::store::JobFilter& filter);

protected:
    void changeEvent(QEvent* event) override;

private:
    void createFields();
    void retranslate();
    std::optional<store::JobFilter> readFields();
    void apply();
    void showFields(const store::JobFilter& filter);
    void updateStateButton();
    void updateChip();
    void setProblem(const QString& problem);
    std::int64_t now() const;

    store::JobFilter m_applied;
    QString m_problemText;
    bool m_showing = false;

    QToolButton* m_stateButton = nullptr;
    QMenu* m_stateMenu = nullptr;
    QComboBox* m_operation = nullptr;
    QLineEdit* m_customer = nullptr;
    QLineEdit* m_errorClass = nullptr;
    QComboBox* m_period = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QPushButton* m_clear = nullptr;
    QLabel* m_problem = nullptr;
    QWidget* m_chip = nullptr;
    QLabel* m_chipLabel = nullptr;
    QToolButton* m_chipClear = nullptr;
    std::vector<std::int64_t> m_chosenIds; // shown by the chip, kept through edits of the other fields
    QString m_chipDescription;
    QTimer m_typingPause;
    Clock m_clock;
};

} // namespace billbridge::widgets
