#pragma once

#include "store/auditlog.h"
#include "store/sqlite.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

namespace billbridge::widgets {

// What the reader saw of the audit log for one request.
struct AuditSnapshot {
    enum class Kind {
        Refresh, // the newest rows, read afresh
        Older,   // the rows below a cursor
    };

    quint64 generation = 0;
    Kind kind = Kind::Refresh;
    bool storeMissing = false;
    // Refresh: false when nothing was committed since the reader last looked; nothing else is filled then.
    bool changed = true;
    std::vector<store::AuditEntry> entries; // newest first
    bool more = false;                      // older rows match beyond these
};

// Reads the audit log for AuditListModel on its own thread and its own read connections, opened lazily there
// (the store may not exist yet). A second connection only watches PRAGMA data_version, which changes whenever
// another connection commits, so that a poll finding nothing new costs one pragma. Answers carry the model's
// generation so that answers to an outdated filter are dropped.
class AuditReader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditReader)

public:
    explicit AuditReader(QString storePath, QObject* parent = nullptr);
    ~AuditReader() override;

    // Thread-safe.
    void setCurrentGeneration(quint64 generation) { m_currentGeneration.store(generation); }

    // Run on the reader's thread (queued calls). `force` reads even when nothing was committed since.
    void refresh(quint64 generation, const billbridge::store::AuditFilter& filter, int limit, bool force);
    void readOlder(quint64 generation, const billbridge::store::AuditFilter& filter, std::int64_t beforeId,
                   int limit);

    static void registerMetaTypes();

signals:
    void snapshotRead(const billbridge::widgets::AuditSnapshot& snapshot);
    void readFailed(quint64 generation, const QString& message);

private:
    bool ensureOpen();
    void closeConnections();
    bool isStale(quint64 generation) const { return generation < m_currentGeneration.load(); }

    QString m_path;
    std::optional<store::AuditLog> m_log;
    store::SqliteConnection m_watch;
    std::optional<std::int64_t> m_seenVersion;
    std::atomic<quint64> m_currentGeneration{0};
};

} // namespace billbridge::widgets

Q_DECLARE_METATYPE(billbridge::widgets::AuditSnapshot)
