#include "mappings/mappingimportdialog.h"

#include "common/messagelabel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace billbridge::widgets {

namespace {

QString describe(const store::PlanMapping& mapping)
{
    QStringList parts{mapping.planName};
    if (!mapping.tier.isEmpty())
        parts << MappingImportDialog::tr("tier %1").arg(mapping.tier);
    if (!mapping.intervalLabel.isEmpty())
        parts << MappingImportDialog::tr("interval %1").arg(mapping.intervalLabel);
    return parts.join(QStringLiteral(", "));
}

QString differences(const store::PlanMapping& before, const store::PlanMapping& after)
{
    QStringList parts;
    auto compare = [&](const QString& label, const QString& from, const QString& to) {
        if (from != to)
            parts << QStringLiteral("%1: %2 → %3")
                         .arg(label, from.isEmpty() ? MappingImportDialog::tr("(none)") : from,
                              to.isEmpty() ? MappingImportDialog::tr("(none)") : to);
    };
    compare(MappingImportDialog::tr("plan name"), before.planName, after.planName);
    compare(MappingImportDialog::tr("tier"), before.tier, after.tier);
    compare(MappingImportDialog::tr("interval"), before.intervalLabel, after.intervalLabel);
    compare(MappingImportDialog::tr("note"), before.note, after.note);
    return parts.join(QStringLiteral("; "));
}

} // namespace

MappingImportDialog::MappingImportDialog(const QString& fileName, const QByteArray& contents,
                                         std::vector<store::PlanMapping> current, Apply apply,
                                         QWidget* parent)
    : QDialog(parent)
    , m_fileName(fileName)
    , m_current(std::move(current))
    , m_apply(std::move(apply))
    , m_parsed(store::MappingCsv::parse(contents))
{
    setObjectName(QStringLiteral("mappingImportDialog"));
    setWindowTitle(tr("Import Plan Mappings"));
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_replace = new QCheckBox(tr("&Remove the mappings that the file does not list"), this);
    m_replace->setObjectName(QStringLiteral("replaceBox"));
    layout->addWidget(m_replace);
    m_changes = new QTreeWidget(this);
    m_changes->setObjectName(QStringLiteral("importChanges"));
    m_changes->setRootIsDecorated(false);
    m_changes->setHeaderLabels({tr("Change"), tr("Stripe ID"), tr("Details")});
    m_changes->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_changes, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_applyButton = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_applyButton->setObjectName(QStringLiteral("applyImportButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &MappingImportDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_replace, &QCheckBox::toggled, this, &MappingImportDialog::showPreview);
    resize(720, 420);
    showPreview();
}

void MappingImportDialog::showPreview()
{
    m_changes->clear();
    if (!m_parsed.ok()) {
        m_replace->setEnabled(false);
        m_applyButton->setEnabled(false);
        for (const store::MappingCsvError& error : m_parsed.errors) {
            auto* item = new QTreeWidgetItem(m_changes);
            item->setText(0, error.line > 0 ? tr("Line %1").arg(error.line) : tr("File"));
            item->setText(2, error.message);
        }
        showMessage(m_summary,
                    tr("%n bad line(s) in %1; nothing can be imported. Fix the file and import it again.", "",
                       int(m_parsed.errors.size()))
                        .arg(m_fileName),
                    true);
        return;
    }
    m_preview = store::MappingCsv::previewImport(m_current, m_parsed.mappings, m_replace->isChecked());
    auto add = [this](const QString& change, const QString& id, const QString& details) {
        auto* item = new QTreeWidgetItem(m_changes);
        item->setText(0, change);
        item->setText(1, id);
        item->setText(2, details);
    };
    for (const store::PlanMapping& mapping : m_preview.added)
        add(tr("Add"), mapping.stripeId, describe(mapping));
    for (const store::MappingChange& change : m_preview.changed)
        add(tr("Change"), change.after.stripeId, differences(change.before, change.after));
    for (const store::PlanMapping& mapping : m_preview.removed)
        add(tr("Remove"), mapping.stripeId, describe(mapping));
    for (const store::PlanMapping& mapping : m_preview.unchanged)
        add(tr("Unchanged"), mapping.stripeId, describe(mapping));
    showMessage(m_summary,
                tr("%1: %2 to add, %3 to change, %4 to remove, %5 unchanged.")
                    .arg(m_fileName)
                    .arg(m_preview.added.size())
                    .arg(m_preview.changed.size())
                    .arg(m_preview.removed.size())
                    .arg(m_preview.unchanged.size()),
                false);
    m_applyButton->setEnabled(m_preview.hasChanges());
}

void MappingImportDialog::apply()
{
    if (!m_parsed.ok() || !m_preview.hasChanges())
        return;
    const QString failure = m_apply ? m_apply(m_preview, m_replace->isChecked()) : QString();
    if (!failure.isEmpty()) {
        showMessage(m_summary, tr("Nothing was imported: %1").arg(failure), true);
        return;
    }
    accept();
}

} // namespace billbridge::widgets
