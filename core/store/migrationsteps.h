#pragma once

namespace billbridge::store {

class SqliteConnection;

// Inside the migration's transaction, after the step's SQL: edits of constraints in the stored schema text
// that SQL alone cannot make (see kSchemaTextEdits). Only for the built-in migrations.
void applySchemaTextSteps(SqliteConnection& connection, int version);

} // namespace billbridge::store
