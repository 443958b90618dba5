#pragma once

#include "store/planmapping.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace billbridge::widgets {

// Adds or edits one plan mapping. Problems are shown beside the field they are about; the mapping is only
// handed on (to `save`) once MappingStore would accept it.
class MappingEditor final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MappingEditor)

public:
    // Writes the mapping; returns what went wrong, or an empty string once it is stored.
    using Save = std::function<QString(const store::PlanMapping& mapping)>;

    // With an existing mapping the id cannot change (a different id is a different mapping).
    MappingEditor(const store::PlanMapping& mapping, bool existing, Save save, QWidget* parent = nullptr);

    QLineEdit* stripeIdEdit() const { return m_stripeId; }
    QLineEdit* planNameEdit() const { return m_planName; }
    QLineEdit* tierEdit() const { return m_tier; }
    QLineEdit* intervalEdit() const { return m_interval; }
    QLineEdit* noteEdit() const { return m_note; }
    QPushButton* saveButton() const { return m_saveButton; }
    // The problem shown beside the id, the plan name …; empty when none.
    QString problemText() const;

private:
    void trySave();
    void clearProblems();

    Save m_save;
    QLineEdit* m_stripeId = nullptr;
    QLineEdit* m_planName = nullptr;
    QLineEdit* m_tier = nullptr;
    QLineEdit* m_interval = nullptr;
    QLineEdit* m_note = nullptr;
    QLabel* m_stripeIdProblem = nullptr;
    QLabel* m_planNameProblem = nullptr;
    QLabel* m_tierProblem = nullptr;
    QLabel* m_intervalProblem = nullptr;
    QLabel* m_noteProblem = nullptr;
    QLabel* m_storeProblem = nullptr;
    QPushButton* m_saveButton = nullptr;
};

} // namespace billbridge::widgets
