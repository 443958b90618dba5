#include "rules/ruleimportdialog.h"

#include "common/messagelabel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace billbridge::widgets {

namespace {

QString section(const QString& title, const QStringList& ids)
{
    if (ids.isEmpty())
        return {};
    return title + QLatin1Char('\n') + QStringLiteral("  ") + ids.join(QStringLiteral("\n  ")) +
           QLatin1Char('\n');
}

} // namespace

RuleImportDialog::RuleImportDialog(QString storePath, QString fileName, QByteArray json, QWidget* parent)
    : QDialog(parent)
    , m_storePath(std::move(storePath))
    , m_fileName(std::move(fileName))
    , m_json(std::move(json))
{
    setObjectName(QStringLiteral("ruleImportDialog"));
    resize(620, 460);
    auto* layout = new QVBoxLayout(this);
    m_file = new QLabel(this);
    m_file->setToolTip(m_fileName);
    layout->addWidget(m_file);
    m_replace = new QCheckBox(this);
    layout->addWidget(m_replace);
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setReadOnly(true);
    layout->addWidget(m_preview, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("applyImport"));
    m_apply->setEnabled(false);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, &RuleImportDialog::apply);
    connect(m_replace, &QCheckBox::toggled, this, &RuleImportDialog::runPreview);
    retranslate();
    runPreview();
}

void RuleImportDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

// The status line stays in the language it was written in; the next check or import uses the new one.
void RuleImportDialog::retranslate()
{
    setWindowTitle(tr("Import Rules"));
    m_file->setText(tr("From %1").arg(QFileInfo(m_fileName).fileName()));
    m_replace->setText(tr("Replace the whole rule set (rules missing from the file are deleted and the "
                          "file's order becomes the order)"));
    m_apply->setText(tr("Apply"));
    showPreviewText();
}

void RuleImportDialog::showPreviewText()
{
    if (!m_last) {
        m_preview->clear();
        return;
    }
    const rules::ImportPreview& preview = *m_last;
    QString text;
    text += section(tr("Added:"), preview.added);
    text += section(tr("Changed (each becomes a new version):"), preview.changed);
    text += section(tr("Unchanged:"), preview.unchanged);
    text += section(tr("Removed:"), preview.removed);
    if (!preview.problems.isEmpty()) {
        text += tr("Problems:") + QLatin1Char('\n');
        for (const rules::RuleProblem& problem : preview.problems)
            text += QStringLiteral("  ") +
                    (problem.isError() ? tr("Error: %1") : tr("Warning: %1")).arg(problem.text()) +
                    QLatin1Char('\n');
    }
    m_preview->setPlainText(text);
}

void RuleImportDialog::runPreview()
{
    start(true);
}

void RuleImportDialog::apply()
{
    if (m_busy || !m_last || !m_last->ok())
        return;
    start(false);
}

void RuleImportDialog::start(bool dryRun)
{
    m_busy = true;
    m_apply->setEnabled(false);
    m_replace->setEnabled(false);
    showMessage(m_status, dryRun ? tr("Checking the file…") : tr("Importing…"), false);
    auto* watcher = new QFutureWatcher<RulesResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, dryRun] {
        watcher->deleteLater();
        m_busy = false;
        m_replace->setEnabled(true);
        showResult(watcher->result(), dryRun);
    });
    const QString path = m_storePath;
    const QByteArray json = m_json;
    const bool replace = m_replace->isChecked();
    watcher->setFuture(QtConcurrent::run(
        [path, json, replace, dryRun] { return rulesbackend::import(path, json, replace, dryRun); }));
}

void RuleImportDialog::showResult(const RulesResult& result, bool dryRun)
{
    m_last = result.import;
    if (!result.import) {
        m_preview->setPlainText(QString());
        showMessage(m_status, result.error, true);
        emit previewed();
        return;
    }
    const rules::ImportPreview& preview = *result.import;
    showPreviewText();
    if (!preview.ok()) {
        showMessage(m_status,
                    tr("The file has %n error(s); nothing will be imported. Fix them in the file and import "
                       "it again.",
                       nullptr,
                       int(std::count_if(preview.problems.cbegin(), preview.problems.cend(),
                                         [](const rules::RuleProblem& p) { return p.isError(); }))),
                    true);
        m_apply->setEnabled(false);
        emit previewed();
        return;
    }
    if (dryRun) {
        const bool anything =
            !preview.added.isEmpty() || !preview.changed.isEmpty() || !preview.removed.isEmpty();
        showMessage(m_status,
                    anything ? tr("Nothing is written until you apply.")
                             : tr("The store already holds these rules; there is nothing to import."),
                    false);
        m_apply->setEnabled(anything);
        emit previewed();
        return;
    }
    if (!result.ok) {
        showMessage(m_status, result.error, true);
        return;
    }
    emit imported(result);
    accept();
}

} // namespace billbridge::widgets
