#include "refusedaudit.h"

#include "store/database.h"

namespace billbridge::test {

RefusedAudit::RefusedAudit(const QString& path)
    : m_connection(store::Database::openForWriting(path))
{
    m_connection.exec("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log "
                      "BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
}

RefusedAudit::~RefusedAudit()
{
    try {
        m_connection.exec("DROP TRIGGER refuse_audit");
    } catch (const store::StoreError&) {
        // A destructor must not throw; the store is a temporary one that goes with the test.
    }
}

QString notRefusedForTheAudit(const std::function<void()>& change)
{
    try {
        change();
    } catch (const store::StoreError& error) {
        const QString message = error.message();
        if (message.contains(QLatin1String("not changed because the audit log could not be written")) &&
            message.contains(QLatin1String("audit refused")))
            return {};
        return QStringLiteral("refused for another reason: '%1'").arg(message);
    }
    return QStringLiteral("the change went through although its audit entry could not be written");
}

} // namespace billbridge::test
