import Cluster
import GRDB

extension StreamSnapshots {
    /// Takes every snapshot the live store would have taken, for a store that has none (an import, or a store
    /// migrated from before snapshots): each stream folded on its own, exactly, from its first event.
    ///
    /// Snapshots are checkpoints of the log, which never changes, so a replay of the projections keeps the ones a
    /// store has; this pass runs only where there are none. It places them as commits do: at the end of each
    /// transaction (a `commands.last_seq`) that took the stream's version across a multiple of ``interval``,
    /// keyed by the stream's last event in that transaction. Memory holds one stream at a time.
    ///
    /// Runs ``rebuild(in:progress:)`` if the store has no snapshot at all.
    static func rebuildIfNone(in db: Database, progress: (_ done: Int64, _ total: Int64) -> Void) throws {
        guard try Int64.fetchOne(db, sql: "SELECT count(*) FROM stream_snapshots") == 0 else { return }
        try rebuild(in: db, progress: progress)
    }

    /// - Parameter progress: Called with (events folded, total) as it goes.
    static func rebuild(in db: Database, progress: (_ done: Int64, _ total: Int64) -> Void) throws {
        let transactionEnds = try Int64.fetchAll(db, sql: "SELECT last_seq FROM commands ORDER BY last_seq")
        let total = try Int64.fetchOne(db, sql: "SELECT count(*) FROM events WHERE stream_id LIKE 'deployment/%'") ?? 0
        let streams = try String.fetchAll(
            db, sql: "SELECT DISTINCT stream_id FROM events WHERE stream_id LIKE 'deployment/%' ORDER BY stream_id")
        var done: Int64 = 0
        for rawID in streams {
            let id = StreamID(rawValue: rawID)
            guard let key = id.deploymentKey else { continue }
            var stream = DeploymentStream(namespace: key.namespace, name: key.name)
            var transaction: (end: Int64, versionBefore: Int, last: Int64)?
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT \(EventFold.columns) FROM events WHERE stream_id = ? ORDER BY stream_version",
                arguments: [rawID])
            while let row = try cursor.next() {
                let decoded = try EventFold.decode(row)
                let end = transactionEnd(of: decoded.sequence, in: transactionEnds)
                if let open = transaction, open.end != end {
                    try snapshotIfCrossed(stream, open, in: db)
                    transaction = nil
                }
                let before = transaction?.versionBefore ?? stream.version
                stream.fold(decoded)
                transaction = (end, before, decoded.sequence)
                done += 1
                if done % 1_000 == 0 { progress(done, total) }
            }
            if let open = transaction { try snapshotIfCrossed(stream, open, in: db) }
        }
        if total > 0 { progress(done, total) }
    }

    private static func snapshotIfCrossed(
        _ stream: DeploymentStream, _ transaction: (end: Int64, versionBefore: Int, last: Int64), in db: Database
    ) throws {
        guard transaction.end != Int64.max, crosses(from: transaction.versionBefore, to: stream.version) else { return }
        try save(stream, after: transaction.last, in: db)
    }

    /// The `last_seq` of the transaction that appended event `sequence`: the first end at or after it
    /// (`Int64.max` past the last recorded command, where commits never snapshot either).
    private static func transactionEnd(of sequence: Int64, in ends: [Int64]) -> Int64 {
        var low = 0, high = ends.count
        while low < high {
            let middle = (low + high) / 2
            if ends[middle] < sequence { low = middle + 1 } else { high = middle }
        }
        return low < ends.count ? ends[low] : Int64.max
    }
}
