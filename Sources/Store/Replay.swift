import Cluster
import GRDB
import KubeModel

/// Rebuilding projections from the log: the proof that state is a pure fold of the events.
extension SQLiteStore {
    /// Every projection table, in the order `projectionDump` prints them.
    static let projectionTables = [
        "streams": "stream_id", "deployments": "namespace, name", "replicasets": "namespace, name",
        "pods": "namespace, name", "k8s_events": "namespace, name", "revisions": "stream_id, seq", "images": "image",
        "blocked_images": "image", "container_timers": "stream_id, container", "time_marks": "seq",
    ]

    /// Drops every projection row and rebuilds them all from the event log, in one transaction.
    ///
    /// Stream snapshots are checkpoints of the log, not projections of the present: the log never changes, so a
    /// replay keeps them, and takes them (phase `snapshotting`) only when the store has none at all.
    ///
    /// - Parameters:
    ///   - takingSnapshots: False to leave a store without snapshots without them (verify's scratch copy).
    ///   - progress: Called every thousand events and at the end, phase `replaying`, then `snapshotting`.
    public func replay(takingSnapshots: Bool = true, progress: (ReplayProgress) -> Void = { _ in }) throws {
        try queue.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                for table in SQLiteStore.projectionTables.keys.sorted() { try db.execute(sql: "DELETE FROM \(table)") }
                var streams: [StreamID: DeploymentStream] = [:]
                var node = NodeState()
                var lastCommand: [StreamID: String] = [:]
                var marks = try TimeMarks(replacingIn: db)
                let cursor = try Row.fetchCursor(
                    db, sql: "SELECT seq, stream_id, type, schema_version, occurred_at, payload, command_id FROM events ORDER BY seq")
                let total = try Int64.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0
                var done: Int64 = 0
                while let row = try cursor.next() {
                    done += 1
                    if done % 1_000 == 0 || done == total {
                        progress(ReplayProgress(phase: "replaying", done: done, total: total))
                    }
                    let id = StreamID(rawValue: row["stream_id"])
                    let event = try ClusterEvent(
                        decoding: EncodedEvent(type: row["type"], schemaVersion: row["schema_version"], payload: row["payload"]))
                    let time = Timestamp(rfc3339: row["occurred_at"]) ?? Timestamp(seconds: 0)
                    if id == .node {
                        node.apply(event, at: time)
                        node.version += 1
                    } else if let key = id.deploymentKey {
                        // Mutated in place: a copy taken out of the dictionary would make every apply copy the
                        // stream's pods and events (copy-on-write).
                        streams[id, default: DeploymentStream(namespace: key.namespace, name: key.name)]
                            .apply(event, sequence: row["seq"], at: time)
                        streams[id]!.version += 1
                        if event.isUserMutation { lastCommand[id] = row["command_id"] }
                    }
                    try marks.note(row["seq"], occurredAt: row["occurred_at"], in: db)
                }
                for stream in streams.values.sorted(by: { $0.id < $1.id }) { try ProjectionWriter.save(stream, lastCommand: lastCommand[stream.id], in: db) }
                if node.version > 0 { try ProjectionWriter.save(node, in: db) }
                if takingSnapshots {
                    try StreamSnapshots.rebuildIfNone(in: db) {
                        progress(ReplayProgress(phase: "snapshotting", done: $0, total: $1))
                    }
                }
                return .commit
            }
        }
    }

    /// Every projection row as text, sorted: two stores with equal dumps hold identical state.
    public func projectionDump() throws -> String {
        try queue.read(SQLiteStore.projectionDump)
    }

    /// The dump read inside a transaction the caller already holds (so it matches the log it read there).
    static func projectionDump(_ db: Database) throws -> String {
        var out = ""
        for table in SQLiteStore.projectionTables.keys.sorted() {
            out += "== \(table)\n"
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(SQLiteStore.projectionTables[table]!)") {
                out += row.description + "\n"
            }
        }
        return out
    }
}
