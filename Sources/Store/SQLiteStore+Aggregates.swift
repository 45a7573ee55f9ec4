import Cluster
import GRDB

extension SQLiteStore {
    /// Every Deployment stream of the log rebuilt in memory by the replay's fold (its passes, decoding thread
    /// and skip rules), handed to `visit` one at a time, with nothing written: what an event store's repository
    /// does when it loads every aggregate without snapshots. The node's stream is folded too.
    ///
    /// The benchmark compares this with the Python `eventsourcing` peer's `repository.get` of every aggregate.
    /// `rollbook replay` does more (it writes the projections and commits them), so it is measured apart.
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
