#include "audit/auditreader.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>

#include <exception>
#include <utility>

namespace billbridge::widgets {

namespace {

Q_LOGGING_CATEGORY(lcAuditReader, "billbridge.widgets.audit")

QString readFailure(const QString& reason)
{
    return QCoreApplication::translate("billbridge::widgets::AuditReader",
                                       "The audit log could not be read from the store: %1. Check that the "
                                       "disk is available; the list tries again by itself.")
        .arg(reason);
}

QString reasonOf(const std::exception& error)
{
    const auto* storeError = dynamic_cast<const store::StoreError*>(&error);
    return storeError ? storeError->message() : QString::fromLocal8Bit(error.what());
}

} // namespace

AuditReader::AuditReader(QString storePath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(storePath))
{
    registerMetaTypes();
}

AuditReader::~AuditReader() = default;

void AuditReader::registerMetaTypes()
{
    qRegisterMetaType<billbridge::widgets::AuditSnapshot>();
}

bool AuditReader::ensureOpen()
{
    if (m_log)
        return true;
    // Opening for reading never creates the file: a store that does not exist yet is a state, not an error.
    if (!QFileInfo::exists(m_path))
        return false;
    store::SqliteConnection watch = store::Database::openForReading(m_path);
    m_log.emplace(store::AuditLog::openForReading(m_path));
    m_watch = std::move(watch);
    m_seenVersion.reset();
    return true;
}

void AuditReader::closeConnections()
{
    // A connection that failed once (file replaced, disk gone) is opened afresh on the next request.
    m_log.reset();
    m_watch.close();
}

void AuditReader::refresh(quint64 generation, const store::AuditFilter& filter, int limit, bool force)
{
    if (isStale(generation))
        return;
    try {
        AuditSnapshot snapshot;
        snapshot.generation = generation;
        if (!ensureOpen()) {
            snapshot.storeMissing = true;
            emit snapshotRead(snapshot);
            return;
        }
        // Read before the rows, so that a commit in between is seen by the next refresh rather than lost.
        const std::int64_t version = m_watch.pragmaInt("data_version");
        if (!force && m_seenVersion == version) {
            snapshot.changed = false;
            emit snapshotRead(snapshot);
            return;
        }
        m_seenVersion = version;
        snapshot.entries = m_log->list(filter, limit + 1);
        snapshot.more = int(snapshot.entries.size()) > limit;
        if (snapshot.more)
            snapshot.entries.pop_back();
        emit snapshotRead(snapshot);
    } catch (const std::exception& error) {
        closeConnections();
        qCWarning(lcAuditReader) << "refresh failed:" << reasonOf(error);
        emit readFailed(generation, readFailure(reasonOf(error)));
    }
}

void AuditReader::readOlder(quint64 generation, const store::AuditFilter& filter, std::int64_t beforeId,
                            int limit)
{
    if (isStale(generation))
        return;
    try {
        AuditSnapshot snapshot;
        snapshot.generation = generation;
        snapshot.kind = AuditSnapshot::Kind::Older;
        if (!ensureOpen()) {
            snapshot.storeMissing = true;
            emit snapshotRead(snapshot);
            return;
        }
        snapshot.entries = m_log->list(filter, limit + 1, beforeId);
        snapshot.more = int(snapshot.entries.size()) > limit;
        if (snapshot.more)
            snapshot.entries.pop_back();
        emit snapshotRead(snapshot);
    } catch (const std::exception& error) {
        closeConnections();
        emit readFailed(generation, readFailure(reasonOf(error)));
    }
}

} // namespace billbridge::widgets
