#include "store/migrations.h"

namespace billbridge::store {

namespace {

constexpr Migration kMigrations[] = {
    {1, "event store, intake cursors and counters", R"sql(
CREATE TABLE events (
    seq              INTEGER PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    type             TEXT    NOT NULL,
    created          INTEGER NOT NULL,
    livemode         INTEGER NOT NULL CHECK (livemode IN (0, 1)),
    api_version      TEXT,
    account          TEXT,
    object_type      TEXT,
    object_id        TEXT,
    customer_id      TEXT,
    source           TEXT    NOT NULL CHECK (source IN ('webhook', 'poll', 'backfill')),
    received_at_ms   INTEGER NOT NULL,
    signature        TEXT    NOT NULL CHECK (signature IN ('verified', 'api')),
    signature_header TEXT,
    duplicate_count  INTEGER NOT NULL DEFAULT 0,
    last_duplicate_at_ms INTEGER,
    raw              BLOB    NOT NULL
);
CREATE INDEX events_by_created ON events (created DESC, seq DESC);
CREATE INDEX events_by_type ON events (type, created DESC);
CREATE INDEX events_by_customer ON events (customer_id, created DESC) WHERE customer_id IS NOT NULL;

CREATE TABLE intake_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at_ms INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE intake_counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
)sql"},
};

} // namespace

std::span<const Migration> builtinMigrations()
{
    return kMigrations;
}

} // namespace billbridge::store
