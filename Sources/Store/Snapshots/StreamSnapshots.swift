import Cluster
import Foundation
import GRDB

/// Checkpoints of Deployment streams (`stream_snapshots`): the whole ``DeploymentStream`` after some event,
/// so a point-in-time read starts from the latest one at or before its point and folds only what follows.
///
/// A snapshot is taken at the end of a transaction that took a stream's version across a multiple of
/// ``interval``: by ``StoreWriter/commit(_:streams:node:)`` as it appends, and by ``SQLiteStore/replay(progress:)``
/// at the same places (the `commands` rows mark where transactions end). Snapshots are a cache: any subset
/// gives the same reads, and a stream without one is folded from its first event.
enum StreamSnapshots {
    /// Stream versions between snapshots. At 1M events (about 1,000 per stream) 64 keeps a read's fold to at
    /// most ~64 events (about 1.3 ms) for ~N bytes per event of storage; see docs/time-travel.md.
    static let interval = 64

    /// Whether going from version `before` to `after` passes a multiple of ``interval``.
    static func crosses(from before: Int, to after: Int) -> Bool {
        after / interval > before / interval
    }

    /// The stream's state as stored: canonical JSON (sorted keys, so equal states give equal text), deflated.
    static func encode(_ stream: DeploymentStream) throws -> (state: Data, size: Int) {
        let text = try StoredJSON.encode(stream)
        return (try Deflate.compress(text), text.utf8.count)
    }

    static func decode(_ state: Data, size: Int) throws -> DeploymentStream {
        try StoredJSON.decode(DeploymentStream.self, try Deflate.decompress(state, size: size))
    }

    /// The latest snapshot of `id` at or before event `sequence`, if any.
    static func latest(of id: StreamID, upTo sequence: Int64, in db: Database) throws -> DeploymentStream? {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT state, state_size FROM stream_snapshots WHERE stream_id = ? AND seq <= ?
                    ORDER BY seq DESC LIMIT 1
                    """),
            arguments: [id.rawValue, sequence])
        guard let row else { return nil }
        return try decode(row["state"], size: row["state_size"])
    }

    /// Stores `stream`'s state as it is after event `sequence`.
    static func save(_ stream: DeploymentStream, after sequence: Int64, in db: Database) throws {
        let (state, size) = try encode(stream)
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO stream_snapshots (stream_id, seq, stream_version, state, state_size)
                VALUES (?, ?, ?, ?, ?)
                """
        ).execute(arguments: [stream.id.rawValue, sequence, stream.version, state, size])
    }

    /// Snapshots the streams one commit took across a multiple of ``interval``, each after its own last event.
    ///
    /// - Parameters:
    ///   - events: The events the commit appended.
    ///   - streams: The streams' states after them.
    static func saveAfterCommit(_ events: [PendingEvent], streams: [DeploymentStream], in db: Database) throws {
        var appended: [StreamID: (count: Int, last: Int64)] = [:]
        for event in events {
            appended[event.stream, default: (0, 0)].count += 1
            appended[event.stream]?.last = event.sequence
        }
        for stream in streams {
            guard let (count, last) = appended[stream.id],
                crosses(from: stream.version - count, to: stream.version)
            else { continue }
            try save(stream, after: last, in: db)
        }
    }
}
