import Cluster
import GRDB

/// Takes, during a replay, the snapshots the live store took as it appended: at the end of each transaction
/// (the `last_seq` of a `commands` row), for every stream the transaction took across a multiple of
/// ``StreamSnapshots/interval``.
struct SnapshotTaker {
    private let transactionEnds: Set<Int64>
    /// The streams the current transaction appended to: their version before it, and their last event so far.
    private var touched: [StreamID: (before: Int, last: Int64)] = [:]

    /// Drops every snapshot: the replay writes them all again.
    init(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM stream_snapshots")
        transactionEnds = Set(try Int64.fetchAll(db, sql: "SELECT last_seq FROM commands"))
    }

    /// Notes that event `sequence` of stream `id` was folded into `streams`, and snapshots at transaction ends.
    mutating func folded(
        _ sequence: Int64, of id: StreamID, streams: [StreamID: DeploymentStream], in db: Database
    ) throws {
        if let version = streams[id]?.version {
            touched[id] = (before: touched[id]?.before ?? version - 1, last: sequence)
        }
        guard transactionEnds.contains(sequence) else { return }
        for (id, change) in touched {
            guard let stream = streams[id], StreamSnapshots.crosses(from: change.before, to: stream.version) else {
                continue
            }
            try StreamSnapshots.save(stream, after: change.last, in: db)
        }
        touched = [:]
    }
}
