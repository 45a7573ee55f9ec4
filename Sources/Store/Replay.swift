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
        "stream_aggregates": "stream_id, key", "resource_quotas": "namespace, name",
    ]

    /// Drops every projection row and rebuilds them all from the event log, in one transaction.
    ///
    /// Stream snapshots are checkpoints of the log, not projections of the present: the log never changes, so a
    /// replay keeps them, and takes them (phase `snapshotting`) only when the store has none at all.
    ///
    /// - Parameters:
    ///   - takingSnapshots: False to leave a store without snapshots without them.
    ///   - progress: Called every thousand events and at the end, phase `replaying`, then `snapshotting`.
    public func replay(takingSnapshots: Bool = true, progress: (ReplayProgress) -> Void = { _ in }) throws {
        try replay(eventsPerPass: ReplayPass.eventsPerPass, takingSnapshots: takingSnapshots, progress: progress)
    }

    /// The replay, folding about `eventsPerPass` events' worth of streams per pass over the log (``ReplayPass``).
    func replay(
        eventsPerPass: Int64, takingSnapshots: Bool = true, progress: (ReplayProgress) -> Void = { _ in }
    ) throws {
        try queue.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                for table in SQLiteStore.projectionTables.keys.sorted() { try db.execute(sql: "DELETE FROM \(table)") }
                let total = try ReplayRows.count(in: db)
                var done: Int64 = 0
                var marks: [TimeMark] = []
                for pass in ReplayPass.passes(events: total, perPass: eventsPerPass) {
                    var fold = ReplayFold()
                    marks += try fold.fold(
                        db, pass: pass, done: &done, total: total,
                        keep: { for row in $0 { try ProjectionWriter.insert(row, in: db) } },
                        progress: { progress(ReplayProgress(phase: "replaying", done: $0, total: $1)) })
                    try EncodedStream.inOrder(try fold.finish()) { try ProjectionWriter.save($0, in: db) }
                    if fold.node.version > 0 { try ProjectionWriter.save(fold.node, in: db) }
                    if fold.quotas.version > 0 { try ProjectionWriter.save(fold.quotas, in: db) }
                }
                try TimeMarks.replace(with: marks, in: db)
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
