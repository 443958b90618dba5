#pragma once

#include "store/sqlite.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace billbridge::store {

struct AuditEntry {
    std::int64_t id = 0;
    std::int64_t atMs = 0;
    QString actor;
    QString action;
    QString subject;
    QJsonObject details;
};

// The operators' trail of actions that touch personal data or change what Billbridge sends (table
// audit_log). Rows are only ever added. Each record() is its own short transaction next to the intake
// writer's, waiting out the writer's lock through the connection's busy timeout.
class AuditLog final {
public:
    using Clock = std::function<std::int64_t()>; // milliseconds since the epoch

    explicit AuditLog(SqliteConnection connection, Clock clock = {});
    static AuditLog open(const QString& path, Clock clock = {});

    // The operating-system account running Billbridge; "unknown" when the environment does not say.
    static QString currentActor();

    // Appends one row and returns its id. An empty actor stands for currentActor(). Every email address in
    // the details' strings is masked before it is stored, so that a careless caller cannot turn the trail
    // itself into a copy of the personal data it records access to. Throws StoreError.
    std::int64_t record(const QString& actor, const QString& action, const QString& subject,
                        const QJsonObject& details);
    // Newest first; with `beforeId`, only rows older than that one (the next page).
    std::vector<AuditEntry> list(int limit = 100, std::optional<std::int64_t> beforeId = std::nullopt);

private:
    std::int64_t now() const;

    SqliteConnection m_connection;
    Clock m_clock;
};

} // namespace billbridge::store
