#pragma once

#include "store/auditlog.h"

#include <QStringList>
#include <QTextBrowser>

#include <optional>

namespace billbridge::widgets {

// One audit entry in full: when, which OS user, what and on what, and — for changes, which record the object
// under "before" and "after" — the two side by side with the changed keys highlighted; then the hashes.
class AuditDetailView final : public QTextBrowser {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditDetailView)

public:
    explicit AuditDetailView(QWidget* parent = nullptr);
    ~AuditDetailView() override;

    void setEntry(const store::AuditEntry& entry);
    void clear(const QString& message = {});
    std::optional<store::AuditEntry> entry() const { return m_entry; }
    // The keys whose value differs between "before" and "after" (also those only on one side).
    QStringList changedKeys() const { return m_changedKeys; }

    static QStringList changedKeys(const QJsonObject& before, const QJsonObject& after);

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    std::optional<store::AuditEntry> m_entry;
    QStringList m_changedKeys;
    QString m_message;
};

} // namespace billbridge::widgets
