#pragma once

#include "store/sqlite.h"

#include <QString>

#include <functional>

namespace billbridge::test {

// While it lives, every append to the audit log of the store at `path` fails, as on a full disk or a file
// that was made read-only: a real trigger in the store file raises "audit refused". Dropped again on
// destruction. Throws StoreError when the trigger cannot be created.
class RefusedAudit final {
public:
    explicit RefusedAudit(const QString& path);
    ~RefusedAudit();
    RefusedAudit(const RefusedAudit&) = delete;
    RefusedAudit& operator=(const RefusedAudit&) = delete;

private:
    store::SqliteConnection m_connection;
};

// Empty when `change` throws the StoreError of a change refused because its audit entry could not be
// written ("… were not changed because the audit log could not be written (audit refused) …"); otherwise
// what happened instead, for the test's failure message.
QString notRefusedForTheAudit(const std::function<void()>& change);

} // namespace billbridge::test
