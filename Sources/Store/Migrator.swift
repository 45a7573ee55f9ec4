import GRDB

/// Applies `Migrations/*.sql` (embedded at build time) in order, each once, recorded in `schema_migrations`.
enum Migrator {
    static func migrate(_ db: Database, readOnly: Bool) throws {
        let known = embeddedMigrations.map(\.name)
        let hasTable = try db.tableExists("schema_migrations")
        if !hasTable {
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            if !tables.isEmpty {
                throw StoreError(.notARollbookStore, "\(db.description) is not a Rollbook store: it has tables but no schema_migrations")
            }
            if readOnly { throw StoreError(.notARollbookStore, "the store is empty; run a command that writes first") }
        }
        let applied = hasTable ? try String.fetchAll(db, sql: "SELECT name FROM schema_migrations ORDER BY name") : []
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw StoreError(
                .newerSchema,
                "the store was written by a newer rollbook (schema migration \(unknown) is unknown to this version); "
                    + "upgrade rollbook to use it")
        }
        if readOnly { return }
        try db.inTransaction(.immediate) {
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT")
            let done = Set(try String.fetchAll(db, sql: "SELECT name FROM schema_migrations"))
            for migration in embeddedMigrations where !done.contains(migration.name) {
                try db.execute(sql: migration.sql)
                try db.execute(
                    sql: "INSERT INTO schema_migrations (name, applied_at) VALUES (?, datetime('now'))",
                    arguments: [migration.name])
            }
            return .commit
        }
    }
}
