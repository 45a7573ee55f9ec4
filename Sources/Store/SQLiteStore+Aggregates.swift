import Cluster
import GRDB

extension SQLiteStore {
    /// The given streams loaded one at a time, each folded from its first event with every event decoded and
    /// applied, on one thread, nothing written: what an event store's repository does when it loads an aggregate
    /// without snapshots (the benchmark's comparison with the Python `eventsourcing` peer's `repository.get`).
    /// - Returns: The events folded.
    public func foldEachStreamFromItsFirstEvent(_ ids: [StreamID]) throws -> Int64 {
        try queue.read { db in
            var events: Int64 = 0
            for id in ids {
                let cursor = try Row.fetchCursor(
                    db.cachedStatement(
                        sql: "SELECT \(EventFold.columns) FROM events WHERE stream_id = ? ORDER BY stream_version"),
                    arguments: [id.rawValue])
                if let key = id.deploymentKey {
                    var stream = DeploymentStream(namespace: key.namespace, name: key.name)
                    while let row = try cursor.next() { stream.fold(try EventFold.decode(row)) }
                    events += Int64(stream.version)
                } else {
                    var node = NodeState()
                    while let row = try cursor.next() { node.fold(try EventFold.decode(row)) }
                    events += Int64(node.version)
                }
            }
            return events
        }
    }

    /// Every Deployment stream of the log rebuilt in memory by the replay's fold (its passes, its decoding thread,
    /// and its rule of skipping what a later event overwrites), handed to `visit` one at a time, with nothing
    /// written. The node's stream is folded too.
    /// - Returns: The events folded.
    public func foldEveryStream(_ visit: (DeploymentStream) throws -> Void = { _ in }) throws -> Int64 {
        try foldEveryStream(eventsPerPass: ReplayPass.eventsPerPass, visit)
    }

    func foldEveryStream(eventsPerPass: Int64, _ visit: (DeploymentStream) throws -> Void) throws -> Int64 {
        try queue.read { db in
            let total = try ReplayRows.count(in: db)
            var done: Int64 = 0
            for pass in ReplayPass.passes(events: total, perPass: eventsPerPass) {
                var fold = ReplayFold()
                // A replay inserts the revision rows; here they are built and let go.
                _ = try fold.fold(db, pass: pass, done: &done, total: total, keep: { _ in }, progress: { _, _ in })
                for (stream, _) in try fold.finish() { try visit(stream) }
            }
            return done
        }
    }
}
