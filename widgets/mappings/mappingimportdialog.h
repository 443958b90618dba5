#pragma once

#include "store/mappingcsv.h"

#include <QDialog>

#include <functional>
#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace billbridge::widgets {

// Shows what importing a CSV file would do to the plan mappings (added, changed, unchanged and, when
// replacing, removed) or every bad line with its number, and applies it only when the file is sound.
class MappingImportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MappingImportDialog)

public:
    // Writes the preview; returns what went wrong, or an empty string once it is stored.
    using Apply = std::function<QString(const store::MappingImportPreview& preview, bool replace)>;

    MappingImportDialog(const QString& fileName, const QByteArray& contents,
                        std::vector<store::PlanMapping> current, Apply apply, QWidget* parent = nullptr);

    QTreeWidget* changesView() const { return m_changes; }
    QLabel* summaryLabel() const { return m_summary; }
    QCheckBox* replaceBox() const { return m_replace; }
    QPushButton* applyButton() const { return m_applyButton; }
    const store::MappingCsvParse& parsed() const { return m_parsed; }
    const store::MappingImportPreview& preview() const { return m_preview; }

private:
    void showPreview();
    void apply();

    QString m_fileName;
    std::vector<store::PlanMapping> m_current;
    Apply m_apply;
    store::MappingCsvParse m_parsed;
    store::MappingImportPreview m_preview;
    QTreeWidget* m_changes = nullptr;
    QLabel* m_summary = nullptr;
    QCheckBox* m_replace = nullptr;
    QPushButton* m_applyButton = nullptr;
};

} // namespace billbridge::widgets
