import GRDB
import Store
import Testing

/// Migration 0009 adds `replicasets.current` to stores made before it and fills it from each object.
@Suite struct ReplicaSetCurrentMigrationTests {
    @Test func aStoreFromBeforeTheColumnGetsItFilled() throws {
        var session = try TimeTravelSession()
        defer { session.remove() }
        try session.mutate("apply -f web.yaml")
        try session.mutate("scale deployment web --replicas=3")
        try session.mutate("set image deployment/web web=app:2")
        // Back to the schema before 0009: the column gone, the migration not recorded.
        try DatabaseQueue(path: session.store).write { db in
            try db.execute(sql: "ALTER TABLE replicasets DROP COLUMN current")
            try db.execute(sql: "DELETE FROM schema_migrations WHERE name = '0009_replicaset_current'")
        }
        _ = try SQLiteStore(path: session.store)
        let rows = try DatabaseQueue(path: session.store).read { db in
            try Row.fetchAll(db, sql: "SELECT current, object ->> '$.status.replicas' AS observed FROM replicasets")
        }
        #expect(rows.count == 2)
        #expect(rows.map { $0["current"] as Int } == rows.map { ($0["observed"] as Int?) ?? 0 })
        #expect(rows.map { $0["current"] as Int }.contains { $0 > 0 })
    }
}
