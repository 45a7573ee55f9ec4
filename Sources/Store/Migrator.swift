import GRDB

/// Applies `Migrations/*.sql` (embedded at build time) in order, each once, recorded in `schema_migrations`.
enum Migrator {
    /// Checks that `db` is a Rollbook store this version can use, and brings its schema up to date.
    ///
    /// The first look is a read transaction, so the usual open (nothing to do) never takes the write lock and
    /// readers do not queue behind writers. Only when something is missing does it take the write lock, and it
    /// then looks again: another process may have created or migrated the store meanwhile.
    ///
    /// - Parameter path: The store file, for error messages.
    static func migrate(_ db: Database, readOnly: Bool, path: String) throws {
        var upToDate = false
        try db.inTransaction(.deferred) {
            upToDate = try isUpToDate(db, readOnly: readOnly, path: path)
            return .commit
        }
        if readOnly || upToDate { return }
        try db.inTransaction(.immediate) {
            if try isUpToDate(db, readOnly: false, path: path) { return .commit }
            try db.execute(
                sql: "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT")
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

    /// True when every embedded migration is applied; throws when the file is not a store this version may use.
    /// Call it inside a transaction, so its two looks at the schema see the same snapshot.
    private static func isUpToDate(_ db: Database, readOnly: Bool, path: String) throws -> Bool {
        // sqlite_master itself, not GRDB's `tableExists`: that caches the schema per connection, and the second
        // look must see what another process committed after the first.
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        guard tables.contains("schema_migrations") else {
            if !tables.isEmpty {
                throw StoreError(
                    .notARollbookStore, "\(path) is not a Rollbook store: it has tables but no schema_migrations")
            }
            if readOnly { throw StoreError(.notARollbookStore, "the store is empty; run a command that writes first") }
            return false
        }
        let applied = Set(try String.fetchAll(db, sql: "SELECT name FROM schema_migrations"))
        let known = embeddedMigrations.map(\.name)
        if let unknown = applied.sorted().first(where: { !known.contains($0) }) {
            throw StoreError(
                .newerSchema,
                "the store was written by a newer rollbook (schema migration \(unknown) is unknown to this version); "
                    + "upgrade rollbook to use it")
        }
        return known.allSatisfy(applied.contains)
    }
}
