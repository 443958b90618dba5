#pragma once

#include "rules/rulesbackend.h"

#include <QByteArray>
#include <QDialog>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace billbridge::widgets {

// A rule file on its way into the store: first a dry run shows which rules it adds, changes, leaves alone
// or (replacing the set) removes, and every problem; Apply imports it all, and stays off while the file
// has errors, so nothing partial is ever written.
class RuleImportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleImportDialog)

public:
    RuleImportDialog(QString storePath, QString fileName, QByteArray json, QWidget* parent = nullptr);

    QCheckBox* replaceBox() const { return m_replace; }
    QPlainTextEdit* previewText() const { return m_preview; }
    QPushButton* applyButton() const { return m_apply; }
    QLabel* statusLabel() const { return m_status; }
    bool isBusy() const { return m_busy; }
    // The last dry run or import.
    const std::optional<rules::ImportPreview>& preview() const { return m_last; }

    void runPreview();
    void apply();

signals:
    void previewed();
    // The import was written; `result` carries the rule set after it.
    void imported(const billbridge::widgets::RulesResult& result);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showPreviewText();
    void start(bool dryRun);
    void showResult(const RulesResult& result, bool dryRun);

    QString m_storePath;
    QString m_fileName;
    QByteArray m_json;
    bool m_busy = false;
    std::optional<rules::ImportPreview> m_last;
    QLabel* m_file = nullptr;
    QCheckBox* m_replace = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_apply = nullptr;
};

} // namespace billbridge::widgets
