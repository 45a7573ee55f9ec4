import Cluster
import GRDB
import KubeModel

extension SQLiteStore {
    /// Resolves a point against this log.
    ///
    /// - A sequence number must name an existing event; its `occurred_at` becomes "now". The first half of a claim
    ///   (`ReplicaSetReleased`, `PodsReleased`) takes its second half too.
    /// - A time keeps the longest prefix of the log stamped at or before it (so nothing later than the
    ///   time is ever shown, even if the simulated clock once went backwards); the time itself is "now".
    ///   One index seek in `time_marks` (see ``TimeMarks``), not a scan of the log.
    ///   A time before the first event resolves to sequence 0, the empty state.
    ///
    /// - Throws: ``PointError`` for a sequence number outside the log.
    public func resolve(_ point: Point) throws -> PointInTime {
        try queue.read { db in
            let head = try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM events") ?? 0
            switch point {
            case .sequence(let sequence):
                guard sequence >= 1 else { throw PointError("event sequence numbers start at 1") }
                let sql = "SELECT occurred_at, type FROM events WHERE seq = ?"
                guard sequence <= head, let row = try Row.fetchOne(db, sql: sql, arguments: [sequence]),
                    let time = Timestamp(rfc3339: row["occurred_at"])
                else {
                    throw PointError("there is no event \(sequence): the log ends at sequence \(head)")
                }
                // A claim moves objects between streams in two events, one right after the other: a point between
                // them would show the objects in neither stream, so it takes both.
                let leavesHalfAClaim = ["ReplicaSetReleased", "PodsReleased"].contains(row["type"] as String)
                return PointInTime(sequence: leavesHalfAClaim ? sequence + 1 : sequence, time: time)
            case .time(let time):
                let firstLater = try TimeMarks.firstLater(than: time, in: db)
                return PointInTime(sequence: firstLater.map { $0 - 1 } ?? head, time: time)
            }
        }
    }

    /// Runs `body` against the state at `point`, in one read transaction.
    ///
    /// - Parameter cache: Streams already folded; pass the same one to several reads of one command.
    public func read<T>(
        at point: PointInTime, cache: FoldedStreams = FoldedStreams(), _ body: (PointInTimeReader) throws -> T
    ) throws -> T {
        try queue.read { db in try body(PointInTimeReader(db: db, point: point, cache: cache)) }
    }
}
