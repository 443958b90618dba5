#include "audit/auditdetailview.h"

#include "common/richtext.h"
#include "common/timeformat.h"

#include <QEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace billbridge::widgets {

namespace {

const QString kBefore = QStringLiteral("before");
const QString kAfter = QStringLiteral("after");

QString valueText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    default:
        return value.toVariant().toString();
    }
}

QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td style='color:#555;padding-right:12px'>%1</td><td>%2</td></tr>")
        .arg(escaped(label), value);
}

} // namespace

AuditDetailView::AuditDetailView(QWidget* parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("auditDetail"));
    setOpenLinks(false);
    render();
}

AuditDetailView::~AuditDetailView() = default;

QStringList AuditDetailView::changedKeys(const QJsonObject& before, const QJsonObject& after)
{
    QStringList keys = before.keys();
    for (const QString& key : after.keys())
        if (!before.contains(key))
            keys.append(key);
    keys.sort();
    QStringList changed;
    for (const QString& key : keys)
        if (before.value(key) != after.value(key))
            changed.append(key);
    return changed;
}

void AuditDetailView::setEntry(const store::AuditEntry& entry)
{
    m_entry = entry;
    m_message.clear();
    render();
}

void AuditDetailView::clear(const QString& message)
{
    m_entry.reset();
    m_changedKeys.clear();
    m_message = message;
    render();
}

void AuditDetailView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QTextBrowser::changeEvent(event);
}

void AuditDetailView::render()
{
    m_changedKeys.clear();
    if (!m_entry) {
        setHtml(
            QStringLiteral("<p style='color:#666'>%1</p>")
                .arg(escaped(m_message.isEmpty() ? tr("Select an entry to see what was done.") : m_message)));
        return;
    }
    const store::AuditEntry& entry = *m_entry;
    QString html = QStringLiteral("<table cellspacing='2'>");
    html += row(tr("Entry"), QString::number(entry.id));
    html += row(tr("Time"), escaped(formatTableTime(entry.atMs / 1000)));
    html += row(tr("OS user"), escaped(entry.actor));
    html += row(tr("Action"), QStringLiteral("<b>%1</b>").arg(escaped(entry.action)));
    html += row(tr("Subject"), escaped(entry.subject.isEmpty() ? tr("(none)") : entry.subject));
    html += QStringLiteral("</table>");

    const bool isChange = entry.details.contains(kBefore) || entry.details.contains(kAfter);
    if (isChange) {
        const QJsonObject before = entry.details.value(kBefore).toObject();
        const QJsonObject after = entry.details.value(kAfter).toObject();
        m_changedKeys = changedKeys(before, after);
        QStringList keys = before.keys();
        for (const QString& key : after.keys())
            if (!before.contains(key))
                keys.append(key);
        keys.sort();
        html += QStringLiteral("<h4>%1</h4>").arg(escaped(tr("Change")));
        if (!entry.details.value(kBefore).isObject())
            html += QStringLiteral("<p>%1</p>").arg(escaped(tr("Created: there was nothing before.")));
        else if (!entry.details.value(kAfter).isObject())
            html += QStringLiteral("<p>%1</p>").arg(escaped(tr("Removed: nothing is left after.")));
        html += QStringLiteral(
                    "<table border='1' cellspacing='0' cellpadding='4' style='border-color:#ccc'>"
                    "<tr><th align='left'>%1</th><th align='left'>%2</th><th align='left'>%3</th></tr>")
                    .arg(escaped(tr("Field")), escaped(tr("Before")), escaped(tr("After")));
        for (const QString& key : keys) {
            const bool changed = m_changedKeys.contains(key);
            const QString style = changed ? QStringLiteral(" style='background:#fff3c4'") : QString();
            html += QStringLiteral("<tr%1><td>%2</td><td>%3</td><td>%4</td></tr>")
                        .arg(style, changed ? QStringLiteral("<b>%1</b>").arg(escaped(key)) : escaped(key),
                             escaped(valueText(before.value(key))), escaped(valueText(after.value(key))));
        }
        html += QStringLiteral("</table>");
    }
    QJsonObject rest = entry.details;
    rest.remove(kBefore);
    rest.remove(kAfter);
    if (!rest.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><table cellspacing='2'>").arg(escaped(tr("Details")));
        for (auto it = rest.begin(); it != rest.end(); ++it)
            html += row(it.key(), escaped(valueText(it.value())));
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("<h4>%1</h4><p style='font-family:monospace;font-size:small;color:#555'>")
                .arg(escaped(tr("Seal")));
    if (entry.isSealed())
        html += escaped(tr("Previous: %1").arg(entry.prevHash)) + QStringLiteral("<br/>") +
                escaped(tr("This entry: %1").arg(entry.hash));
    else
        html += escaped(tr("Not sealed yet: written before the chain existed; the next recorded action seals "
                           "it."));
    html += QStringLiteral("</p>");
    setHtml(html);
}

} // namespace billbridge::widgets
