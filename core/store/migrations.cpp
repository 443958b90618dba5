#include "store/migrations.h"

#include "store/migrationsteps.h"
#include "store/sqlite.h"

#include <QScopeGuard>
#include <QString>

#include <string>

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
    // Email filter, full-text search and saved filters for the event browser. The backfill reads the same
    // members as stripe::parseStripeEvent does at intake. The browser pages in (created DESC, seq DESC)
    // order, so the per-type and per-customer indexes now carry seq too: without it a page of equal
    // `created` values needs a sort.
    {2, "customer email, full-text index, saved filters", R"sql(
ALTER TABLE events ADD COLUMN customer_email TEXT;

UPDATE events SET customer_email = nullif(CASE object_type
    WHEN 'customer' THEN
        CASE WHEN json_type(CAST(raw AS TEXT), '$.data.object.email') = 'text'
             THEN json_extract(CAST(raw AS TEXT), '$.data.object.email') END
    WHEN 'invoice' THEN
        CASE WHEN json_type(CAST(raw AS TEXT), '$.data.object.customer_email') = 'text'
             THEN json_extract(CAST(raw AS TEXT), '$.data.object.customer_email') END
    WHEN 'checkout.session' THEN coalesce(
        nullif(CASE WHEN json_type(CAST(raw AS TEXT), '$.data.object.customer_email') = 'text'
                    THEN json_extract(CAST(raw AS TEXT), '$.data.object.customer_email') END, ''),
        CASE WHEN json_type(CAST(raw AS TEXT), '$.data.object.customer_details.email') = 'text'
             THEN json_extract(CAST(raw AS TEXT), '$.data.object.customer_details.email') END)
    WHEN 'charge' THEN coalesce(
        nullif(CASE WHEN json_type(CAST(raw AS TEXT), '$.data.object.receipt_email') = 'text'
                    THEN json_extract(CAST(raw AS TEXT), '$.data.object.receipt_email') END, ''),
        CASE WHEN json_type(CAST(raw AS TEXT), '$.data.object.billing_details.email') = 'text'
             THEN json_extract(CAST(raw AS TEXT), '$.data.object.billing_details.email') END)
    END, '')
WHERE object_type IN ('customer', 'invoice', 'checkout.session', 'charge') AND json_valid(CAST(raw AS TEXT));

CREATE INDEX events_by_email ON events (customer_email COLLATE NOCASE, created DESC, seq DESC)
    WHERE customer_email IS NOT NULL;
DROP INDEX events_by_type;
CREATE INDEX events_by_type ON events (type, created DESC, seq DESC);
DROP INDEX events_by_customer;
CREATE INDEX events_by_customer ON events (customer_id, created DESC, seq DESC) WHERE customer_id IS NOT NULL;

-- Contentless: the text lives in events.raw already; rowid is events.seq. Filled by FullTextIndexer.
CREATE VIRTUAL TABLE events_fts USING fts5(
    body, content = '', tokenize = 'unicode61 remove_diacritics 2 tokenchars ''_''');
CREATE TABLE fulltext_progress (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_seq INTEGER NOT NULL
);
INSERT INTO fulltext_progress (id, indexed_seq) VALUES (1, 0);

CREATE TABLE saved_filters (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    filter        TEXT    NOT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
);
)sql"},
    {3, "event totals by mode kept by the writer", R"sql(
INSERT INTO intake_counters (name, value) SELECT 'events.live', count(*) FROM events WHERE livemode = 1
    ON CONFLICT (name) DO UPDATE SET value = excluded.value;
INSERT INTO intake_counters (name, value) SELECT 'events.test', count(*) FROM events WHERE livemode = 0
    ON CONFLICT (name) DO UPDATE SET value = excluded.value;
)sql"},
    // The browser's amount and status columns, read from the same members as stripe::parseStripeEvent reads
    // at intake (the first integer of amount_due, amount_total, amount, total), and the operators' audit
    // trail (exports of unmasked personal data, replays, edits of mappings and rules).
    {4, "event amount, currency and status, mode index; audit log", R"sql(
ALTER TABLE events ADD COLUMN amount INTEGER;
ALTER TABLE events ADD COLUMN currency TEXT;
ALTER TABLE events ADD COLUMN object_status TEXT;

UPDATE events SET
    amount = CASE
        WHEN json_type(CAST(raw AS TEXT), '$.data.object.amount_due') = 'integer'
            THEN json_extract(CAST(raw AS TEXT), '$.data.object.amount_due')
        WHEN json_type(CAST(raw AS TEXT), '$.data.object.amount_total') = 'integer'
            THEN json_extract(CAST(raw AS TEXT), '$.data.object.amount_total')
        WHEN json_type(CAST(raw AS TEXT), '$.data.object.amount') = 'integer'
            THEN json_extract(CAST(raw AS TEXT), '$.data.object.amount')
        WHEN json_type(CAST(raw AS TEXT), '$.data.object.total') = 'integer'
            THEN json_extract(CAST(raw AS TEXT), '$.data.object.total') END,
    currency = nullif(CASE WHEN json_type(CAST(raw AS TEXT), '$.data.object.currency') = 'text'
                           THEN json_extract(CAST(raw AS TEXT), '$.data.object.currency') END, ''),
    object_status = nullif(CASE WHEN json_type(CAST(raw AS TEXT), '$.data.object.status') = 'text'
                                THEN json_extract(CAST(raw AS TEXT), '$.data.object.status') END, '')
WHERE json_valid(CAST(raw AS TEXT));

-- "Live only" on a store of mostly test events (or the other way round) would otherwise walk every event
-- of the other mode to fill one page.
CREATE INDEX events_by_mode ON events (livemode, created DESC, seq DESC);

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at_ms   INTEGER NOT NULL,
    actor   TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    subject TEXT,
    details TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_by_time ON audit_log (at_ms DESC, id DESC);
)sql"},
    // The durable Customer.io job queue. Jobs are written in the same transaction as the event that caused
    // them; `idempotency_key` makes a re-delivered event or a replay find its job instead of doubling it.
    // Workers claim by (state, not_before_ms, id); the console lists by (updated_at_ms DESC, id DESC).
    {5, "customer.io job queue, attempts, pause flag", R"sql(
CREATE TABLE jobs (
    id               INTEGER PRIMARY KEY,
    operation        TEXT    NOT NULL,
    api              TEXT    NOT NULL CHECK (api IN ('track', 'app')),
    customer_id      TEXT,
    idempotency_key  TEXT    NOT NULL UNIQUE,
    payload          TEXT    NOT NULL,
    event_id         TEXT,
    state            TEXT    NOT NULL CHECK (state IN ('pending', 'in_flight', 'succeeded', 'retry_scheduled',
                                                       'dead', 'needs_review', 'discarded')),
    not_before_ms    INTEGER NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error_class TEXT,
    last_error       TEXT,
    created_at_ms    INTEGER NOT NULL,
    updated_at_ms    INTEGER NOT NULL,
    discard_reason   TEXT
);
CREATE INDEX jobs_by_due ON jobs (state, not_before_ms, id);
CREATE INDEX jobs_by_update ON jobs (updated_at_ms DESC, id DESC);
CREATE INDEX jobs_by_event ON jobs (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX jobs_by_customer ON jobs (customer_id, updated_at_ms DESC, id DESC) WHERE customer_id IS NOT NULL;

CREATE TABLE job_attempts (
    id               INTEGER PRIMARY KEY,
    job_id           INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    started_at_ms    INTEGER NOT NULL,
    duration_ms      INTEGER NOT NULL,
    http_status      INTEGER,
    error_class      TEXT,
    response_excerpt TEXT,
    request_excerpt  TEXT
);
CREATE INDEX job_attempts_by_job ON job_attempts (job_id, id);

CREATE TABLE queue_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    paused        INTEGER NOT NULL CHECK (paused IN (0, 1)),
    reason        TEXT,
    changed_at_ms INTEGER NOT NULL
);
INSERT INTO queue_state (id, paused, reason, changed_at_ms) VALUES (1, 0, NULL, 0);
)sql"},
    // Operators' lookup from Stripe price and product ids to plan names. The sync engine looks a price up
    // first and falls back to its product, so a whole product can be mapped with one row and a single
    // price overridden. WITHOUT ROWID: rows are small and always reached by their id.
    {6, "plan mappings from stripe price and product ids", R"sql(
CREATE TABLE plan_mappings (
    stripe_id      TEXT    PRIMARY KEY,
    kind           TEXT    NOT NULL CHECK (kind IN ('price', 'product')),
    plan_name      TEXT    NOT NULL,
    tier           TEXT,
    interval_label TEXT,
    note           TEXT,
    updated_at_ms  INTEGER NOT NULL
) WITHOUT ROWID;
)sql"},
    // The sync engine's memory, written in the transaction that stores the event and its jobs, so that
    // what Billbridge believes it told Customer.io cannot drift from the queue after a crash. sync_events
    // keeps the engine's decision per event for operators who ask why an event sent nothing.
    {7, "sync state per customer, sync decision per event", R"sql(
CREATE TABLE sync_customers (
    customer_id   TEXT    PRIMARY KEY,
    state         TEXT    NOT NULL,
    updated_at_ms INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE sync_events (
    event_id      TEXT    PRIMARY KEY,
    customer_id   TEXT,
    verdict       TEXT    NOT NULL,
    reason        TEXT,
    jobs          INTEGER NOT NULL,
    planned_at_ms INTEGER NOT NULL
) WITHOUT ROWID;

-- A dispute does not name its customer; the engine finds it through a stored event about the charge.
CREATE INDEX events_by_charge ON events (object_id, created DESC) WHERE object_type = 'charge';
)sql"},
    // Jobs learn two new kinds of work and where they came from: Slack posts made by rules (api 'slack'),
    // the rule and version whose action made a job, the exits that cancel a delayed rule action, and a
    // hold while the person's Customer.io identity is looked up. Changing the api CHECK means rebuilding
    // the table (SQLite cannot alter a constraint). The audit log becomes a hash chain; rules and their
    // saved versions, and what is known of each customer's Customer.io identity, get tables of their own.
    {8, "slack jobs, rule and identity columns on jobs; audit hash chain; rules; identities", R"sql(
CREATE TABLE jobs_rebuilt (
    id               INTEGER PRIMARY KEY,
    operation        TEXT    NOT NULL,
    api              TEXT    NOT NULL CHECK (api IN ('track', 'app', 'slack')),
    customer_id      TEXT,
    idempotency_key  TEXT    NOT NULL UNIQUE,
    payload          TEXT    NOT NULL,
    event_id         TEXT,
    state            TEXT    NOT NULL CHECK (state IN ('pending', 'in_flight', 'succeeded', 'retry_scheduled',
                                                       'dead', 'needs_review', 'discarded')),
    not_before_ms    INTEGER NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error_class TEXT,
    last_error       TEXT,
    created_at_ms    INTEGER NOT NULL,
    updated_at_ms    INTEGER NOT NULL,
    discard_reason   TEXT,
    rule_id          TEXT,
    rule_version     INTEGER,
    exits            TEXT,
    held_by          INTEGER
);
INSERT INTO jobs_rebuilt (id, operation, api, customer_id, idempotency_key, payload, event_id, state,
                          not_before_ms, attempts, last_error_class, last_error, created_at_ms, updated_at_ms,
                          discard_reason)
    SELECT id, operation, api, customer_id, idempotency_key, payload, event_id, state, not_before_ms, attempts,
           last_error_class, last_error, created_at_ms, updated_at_ms, discard_reason FROM jobs;
DROP TABLE jobs;
ALTER TABLE jobs_rebuilt RENAME TO jobs;
CREATE INDEX jobs_by_due ON jobs (state, not_before_ms, id);
CREATE INDEX jobs_by_update ON jobs (updated_at_ms DESC, id DESC);
CREATE INDEX jobs_by_event ON jobs (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX jobs_by_customer ON jobs (customer_id, updated_at_ms DESC, id DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX jobs_with_exits ON jobs (customer_id) WHERE exits IS NOT NULL;
CREATE INDEX jobs_by_holder ON jobs (held_by) WHERE held_by IS NOT NULL;
CREATE INDEX jobs_by_rule ON jobs (rule_id, created_at_ms DESC) WHERE rule_id IS NOT NULL;

ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;

CREATE TABLE rules (
    id            TEXT    PRIMARY KEY,
    position      INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    enabled       INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    definition    TEXT    NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    updated_by    TEXT    NOT NULL
) WITHOUT ROWID;

CREATE TABLE rule_versions (
    rule_id     TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    enabled     INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    definition  TEXT    NOT NULL,
    saved_at_ms INTEGER NOT NULL,
    saved_by    TEXT    NOT NULL,
    PRIMARY KEY (rule_id, version)
) WITHOUT ROWID;

CREATE TABLE sync_identities (
    customer_id   TEXT    PRIMARY KEY,
    email         TEXT,
    status        TEXT    NOT NULL CHECK (status IN ('pending', 'new', 'merged', 'conflict', 'skipped')),
    cio_id        TEXT,
    detail        TEXT,
    updated_at_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sync_identities_by_email ON sync_identities (email) WHERE email IS NOT NULL;
)sql",
     true},
    // Planning every stored event must cost less than storing it. The decision per event moves to a table
    // keyed by the event's seq, so each one is appended instead of inserted at a random place in an index
    // of event ids; jobs of an event are found through their idempotency keys ("<event id>:…"), which the
    // unique index already orders, so jobs_by_event goes. The IN-list CHECKs of events and jobs are
    // rewritten as equalities in schemaTextSteps: SQLite builds a temporary table for every IN list of
    // three or more constants, on every insert and update.
    {9, "sync decisions keyed by event seq; jobs of an event by idempotency key; cheaper CHECKs", R"sql(
CREATE TABLE sync_decisions (
    event_seq     INTEGER PRIMARY KEY REFERENCES events (seq) ON DELETE CASCADE,
    customer_id   TEXT,
    verdict       TEXT    NOT NULL,
    reason        TEXT,
    jobs          INTEGER NOT NULL,
    planned_at_ms INTEGER NOT NULL
);
INSERT INTO sync_decisions (event_seq, customer_id, verdict, reason, jobs, planned_at_ms)
    SELECT e.seq, s.customer_id, s.verdict, s.reason, s.jobs, s.planned_at_ms
    FROM sync_events s JOIN events e ON e.id = s.event_id ORDER BY e.seq;
DROP TABLE sync_events;
-- Readers ask by event id, as before.
CREATE VIEW sync_events AS
    SELECT e.id AS event_id, d.customer_id, d.verdict, d.reason, d.jobs, d.planned_at_ms
    FROM sync_decisions d JOIN events e ON e.seq = d.event_seq;
DROP INDEX jobs_by_event;
)sql"},
};

// Rewrites of CHECK constraints into equivalent ones, applied to the schema text itself: the procedure
// SQLite documents for changing constraints without rebuilding a table (https://www.sqlite.org/
// lang_altertable.html, "otheralter"). Rebuilding `events` would rewrite every stored payload.
struct SchemaTextEdit {
    int version;
    const char* table;
    const char* before;
    const char* after;
};

constexpr SchemaTextEdit kSchemaTextEdits[] = {
    {9, "events", "CHECK (source IN ('webhook', 'poll', 'backfill'))",
     "CHECK (source = 'webhook' OR source = 'poll' OR source = 'backfill')"},
    {9, "jobs", "CHECK (api IN ('track', 'app', 'slack'))",
     "CHECK (api = 'track' OR api = 'app' OR api = 'slack')"},
    {9, "jobs",
     "CHECK (state IN ('pending', 'in_flight', 'succeeded', 'retry_scheduled',\n"
     "                                                       'dead', 'needs_review', 'discarded'))",
     "CHECK (state = 'pending' OR state = 'in_flight' OR state = 'succeeded' OR state = "
     "'retry_scheduled'\n"
     "                                   OR state = 'dead' OR state = 'needs_review' OR state = "
     "'discarded')"},
};

} // namespace

std::span<const Migration> builtinMigrations()
{
    return kMigrations;
}

void applySchemaTextSteps(SqliteConnection& connection, int version)
{
    bool edited = false;
    const std::int64_t cookie = connection.pragmaInt("schema_version");
    connection.exec("PRAGMA writable_schema = ON");
    auto writableOff = qScopeGuard([&] { connection.exec("PRAGMA writable_schema = OFF"); });
    for (const SchemaTextEdit& edit : kSchemaTextEdits) {
        if (edit.version != version)
            continue;
        // A store whose text differs (hand-edited, or made by other tools) keeps its equivalent constraint.
        SqliteStatement update =
            connection.prepare("UPDATE sqlite_schema SET sql = replace(sql, ?2, ?3) WHERE type = 'table' AND "
                               "name = ?1 AND instr(sql, ?2) > 0");
        update.bind(1, QString::fromLatin1(edit.table))
            .bind(2, QString::fromLatin1(edit.before))
            .bind(3, QString::fromLatin1(edit.after));
        update.step();
        edited = edited || connection.changes() > 0;
    }
    if (!edited)
        return;
    // A new schema cookie makes every connection, this one included, read the edited text again.
    const std::string bump = "PRAGMA schema_version = " + std::to_string(cookie + 1);
    connection.exec(bump.c_str());
    writableOff.dismiss();
    connection.exec("PRAGMA writable_schema = OFF");
    for (const SchemaTextEdit& edit : kSchemaTextEdits) {
        if (edit.version != version)
            continue;
        const std::string probe = std::string("SELECT * FROM ") + edit.table + " LIMIT 0";
        SqliteStatement check = connection.prepare(probe.c_str());
        check.step();
    }
}

} // namespace billbridge::store
