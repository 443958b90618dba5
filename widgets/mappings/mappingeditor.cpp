#include "mappings/mappingeditor.h"

#include "common/messagelabel.h"
#include "store/mappingstore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace billbridge::widgets {

namespace {

QLabel* problemLabel(QWidget* parent, const char* name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->hide();
    return label;
}

} // namespace

MappingEditor::MappingEditor(const store::PlanMapping& mapping, bool existing, Save save, QWidget* parent)
    : QDialog(parent)
    , m_save(std::move(save))
{
    setObjectName(QStringLiteral("mappingEditor"));
    setWindowTitle(existing ? tr("Edit Plan Mapping") : tr("Add Plan Mapping"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    auto addField = [&](QLineEdit*& edit, QLabel*& problem, const QString& label, const QString& text,
                        const QString& placeholder, const char* editName, const char* problemName) {
        edit = new QLineEdit(text, this);
        edit->setObjectName(QLatin1String(editName));
        edit->setPlaceholderText(placeholder);
        auto* column = new QVBoxLayout;
        column->setContentsMargins(0, 0, 0, 0);
        column->addWidget(edit);
        problem = problemLabel(this, problemName);
        column->addWidget(problem);
        form->addRow(label, column);
    };
    addField(m_stripeId, m_stripeIdProblem, tr("Stripe &ID:"), mapping.stripeId, tr("price_… or prod_…"),
             "stripeIdEdit", "stripeIdProblem");
    m_stripeId->setReadOnly(existing);
    addField(m_planName, m_planNameProblem, tr("&Plan name:"), mapping.planName, tr("e.g. Business"),
             "planNameEdit", "planNameProblem");
    addField(m_tier, m_tierProblem, tr("&Tier:"), mapping.tier, tr("optional, e.g. business"), "tierEdit",
             "tierProblem");
    addField(m_interval, m_intervalProblem, tr("&Interval label:"), mapping.intervalLabel,
             tr("optional; empty: taken from the price"), "intervalEdit", "intervalProblem");
    addField(m_note, m_noteProblem, tr("&Note:"), mapping.note, tr("optional, for other operators"),
             "noteEdit", "noteProblem");
    m_storeProblem = problemLabel(this, "storeProblem");
    layout->addWidget(m_storeProblem);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_saveButton = buttons->button(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("saveMappingButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &MappingEditor::trySave);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    (existing ? m_planName : m_stripeId)->setFocus();
    resize(520, sizeHint().height());
}

void MappingEditor::clearProblems()
{
    for (QLabel* label : {m_stripeIdProblem, m_planNameProblem, m_tierProblem, m_intervalProblem,
                          m_noteProblem, m_storeProblem})
        showMessage(label, QString(), false);
}

QString MappingEditor::problemText() const
{
    QStringList texts;
    for (QLabel* label : {m_stripeIdProblem, m_planNameProblem, m_tierProblem, m_intervalProblem,
                          m_noteProblem, m_storeProblem})
        if (!label->isHidden() && !label->text().isEmpty())
            texts << label->text();
    return texts.join(QLatin1Char('\n'));
}

void MappingEditor::trySave()
{
    clearProblems();
    store::PlanMapping wanted;
    wanted.stripeId = m_stripeId->text();
    wanted.planName = m_planName->text();
    wanted.tier = m_tier->text();
    wanted.intervalLabel = m_interval->text();
    wanted.note = m_note->text();
    wanted = store::MappingStore::normalized(wanted);
    const QString problem = store::MappingStore::problemWith(wanted);
    if (!problem.isEmpty()) {
        // The field the problem is about, checked in the order problemWith() checks them.
        QLabel* label = m_storeProblem;
        QLineEdit* field = nullptr;
        if (wanted.stripeId.isEmpty() || !store::MappingStore::kindOf(wanted.stripeId)) {
            label = m_stripeIdProblem;
            field = m_stripeId;
        } else if (wanted.planName.isEmpty() ||
                   wanted.planName.size() > store::MappingStore::kMaxPlanNameLength) {
            label = m_planNameProblem;
            field = m_planName;
        } else if (wanted.tier.size() > store::MappingStore::kMaxLabelLength) {
            label = m_tierProblem;
            field = m_tier;
        } else if (wanted.intervalLabel.size() > store::MappingStore::kMaxLabelLength) {
            label = m_intervalProblem;
            field = m_interval;
        } else if (wanted.note.size() > store::MappingStore::kMaxNoteLength) {
            label = m_noteProblem;
            field = m_note;
        }
        showMessage(label, problem, true);
        if (field)
            field->setFocus();
        return;
    }
    const QString failure = m_save ? m_save(wanted) : QString();
    if (!failure.isEmpty()) {
        showMessage(m_storeProblem, tr("The mapping was not saved: %1").arg(failure), true);
        return;
    }
    accept();
}

} // namespace billbridge::widgets
