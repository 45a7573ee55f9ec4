import GRDB
import Store
import Testing

/// The correlator's records live in `stream_aggregates`, one row each: a commit writes the records its events
/// changed and deletes the ones the stream forgot, and migration 0010 moves them out of `streams.aggregates`.
@Suite struct StreamAggregatesTests {
    /// (key, last_timestamp, messages) of every row, in key order.
    private static func rows(_ store: String) throws -> [[String]] {
        try DatabaseQueue(path: store).read { db in
            try Row.fetchAll(db, sql: "SELECT key, last_timestamp, messages FROM stream_aggregates ORDER BY stream_id, key")
                .map { [$0[0], $0[1], $0[2]] }
        }
    }

    private static func kubeEventRows(_ store: String) throws -> Int {
        try DatabaseQueue(path: store).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM k8s_events") ?? 0 }
    }

    /// Kubernetes Events expire with the same TTL, and their rows go the same way.
    @Test func recordsForgottenAfterTheEventTTLLoseTheirRows() throws {
        var session = try TimeTravelSession()
        defer { session.remove() }
        try session.mutate("apply -f web.yaml")
        // Twenty Pods, each with its own "Scheduled" record: more than the 16 a stream keeps without looking.
        try session.mutate("scale deployment web --replicas=20")
        let busy = try Self.rows(session.store)
        #expect(busy.count > 20)
        let busyEvents = try Self.kubeEventRows(session.store)
        #expect(busyEvents > 40)
        // Two hours later every record but the new ones is past the Event TTL.
        let later = try session.run("scale deployment web --replicas=19", at: "2026-11-26T17:00:00Z")
        #expect(later.exitCode == 0, "\(later.stderr)")
        let quiet = try Self.rows(session.store)
        #expect(quiet.count < 5 && !quiet.isEmpty, "\(quiet.count) rows")
        #expect(quiet.allSatisfy { $0[1] == "2026-11-26T17:00:00Z" })
        #expect(try Self.kubeEventRows(session.store) < 5)
        // The rows are what a replay of the log makes.
        let verified = try session.run("verify", at: "2026-11-26T17:00:00Z")
        #expect(verified.exitCode == 0, "\(verified.stdout)\(verified.stderr)")
    }

    @Test func aStoreFromBeforeTheTableGetsItsRecordsMoved() throws {
        var session = try TimeTravelSession()
        defer { session.remove() }
        try session.mutate("apply -f web.yaml")
        try session.mutate("scale deployment web --replicas=3")
        try session.mutate("set image deployment/web web=app:2")
        let before = try Self.rows(session.store)
        #expect(before.count > 3 && before.contains { $0[2].contains("\",\"") }, "a record with two messages")
        // Back to the schema before 0010: the records as one JSON text per stream, the migration not recorded.
        try DatabaseQueue(path: session.store).write { db in
            try db.execute(sql: "ALTER TABLE streams ADD COLUMN aggregates TEXT NOT NULL DEFAULT '{}'")
            try db.execute(sql: """
                UPDATE streams SET aggregates = (
                  SELECT json_group_object(key, json_object('lastTimestamp', last_timestamp, 'messages', json(messages)))
                  FROM (SELECT * FROM stream_aggregates AS a WHERE a.stream_id = streams.stream_id ORDER BY key))
                WHERE EXISTS (SELECT 1 FROM stream_aggregates AS a WHERE a.stream_id = streams.stream_id)
                """)
            try db.execute(sql: "DROP TABLE stream_aggregates")
            try db.execute(sql: "DELETE FROM schema_migrations WHERE name = '0010_stream_aggregates'")
        }
        _ = try SQLiteStore(path: session.store)
        #expect(try Self.rows(session.store) == before)
        let columns = try DatabaseQueue(path: session.store).read { db in try db.columns(in: "streams").map(\.name) }
        #expect(!columns.contains("aggregates"))
        try session.mutate("scale deployment web --replicas=2")
        let verified = try session.run("verify")
        #expect(verified.exitCode == 0, "\(verified.stdout)\(verified.stderr)")
    }
}
