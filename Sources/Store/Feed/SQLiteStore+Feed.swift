import Cluster
import GRDB
import KubeModel

/// One event of the log as a watch reads it: where it lands, which stream it belongs to, and when it happened.
public struct FeedEvent: Sendable {
    public var sequence: Int64
    public var stream: StreamID
    public var event: ClusterEvent
    public var time: Timestamp
}

extension SQLiteStore {
    /// The events after `sequence`, oldest first, at most `limit` of them: what a watch that has seen
    /// everything up to `sequence` reads next.
    ///
    /// - Complexity: O(*limit*), through the `events` primary key.
    public func events(after sequence: Int64, limit: Int) throws -> [FeedEvent] {
        try queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(EventFold.columns) FROM events WHERE seq > ? ORDER BY seq LIMIT ?",
                arguments: [sequence, limit]
            ).map { row in
                let decoded = try EventFold.decode(row)
                return FeedEvent(sequence: decoded.sequence, stream: decoded.stream, event: decoded.event, time: decoded.time)
            }
        }
    }

    /// The sequence number of the newest event (0 for an empty log).
    public func headSequence() throws -> Int64 {
        try read { try $0.headSequence() }
    }
}
