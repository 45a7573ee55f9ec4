import Cluster
import Foundation
import GRDB
import KubeModel

/// Checkpoints of Deployment streams (`stream_snapshots`): the whole ``DeploymentStream`` after some event,
/// so a point-in-time read starts from the latest one at or before its point and folds only what follows.
///
/// A snapshot is taken at the end of a transaction that took a stream's version across a multiple of
/// ``interval``: by ``StoreWriter/commit(_:streams:node:)`` as it appends, and by ``SQLiteStore/replay(progress:)``
/// at the same places (the `commands` rows mark where transactions end). Snapshots are a cache: any subset
/// gives the same reads, and a stream without one is folded from its first event.
///
/// The state is stored in two parts: the objects, and the Kubernetes Events with their aggregation state
/// (``KubeEventState``), which are often most of the bytes and which lists of objects never need.
enum StreamSnapshots {
    /// Stream versions between snapshots. At 1M events (about 1,000 per stream) 64 keeps a read's fold to at
    /// most ~64 events (~1 ms) for ~90 bytes per event of storage; see docs/time-travel.md.
    static let interval = 64

    /// Whether going from version `before` to `after` passes a multiple of ``interval``.
    static func crosses(from before: Int, to after: Int) -> Bool {
        after / interval > before / interval
    }

    /// The two parts as canonical JSON (sorted keys, so equal states give equal text).
    static func texts(_ stream: DeploymentStream) throws -> (objects: String, kubeEvents: String) {
        var objects = stream
        objects.events = [:]
        objects.aggregates = [:]
        objects.eventSequence = 0
        return (try StoredJSON.encode(objects), try StoredJSON.encode(KubeEventState(stream)))
    }

    /// Whether `texts` are ``texts(_:)`` of `stream` (for debug builds' check of assembled snapshots).
    private static func encodes(_ stream: DeploymentStream, as texts: (objects: String, kubeEvents: String)) -> Bool {
        guard let encoded = try? self.texts(stream) else { return false }
        return encoded.objects == texts.objects && encoded.kubeEvents == texts.kubeEvents
    }

    /// The latest snapshot of `id` at or before event `sequence`, if any.
    ///
    /// - Parameters:
    ///   - kubeEvents: False to leave the Kubernetes Events part out (see ``EventFold/objects(_:upTo:in:)``).
    ///   - correlator: False to leave the correlator's records (`aggregates`) out of that part.
    static func latest(
        of id: StreamID, upTo sequence: Int64, kubeEvents: Bool = true, correlator: Bool = true, in db: Database
    ) throws -> DeploymentStream? {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT state, state_size, \(kubeEvents ? "kube_events, kube_events_size" : "NULL, 0")
                    FROM stream_snapshots WHERE stream_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1
                    """),
            arguments: [id.rawValue, sequence])
        guard let row else { return nil }
        let objects: Data = row[0], objectsSize: Int = row[1]
        guard kubeEvents else { return try state(objects, size: objectsSize) }
        let events: Data = row[2], eventsSize: Int = row[3]
        // The two parts are read side by side: on a busy stream each is about half of the read.
        let part = Beside {
            try KubeEventState.decode(try Deflate.inflate(events, size: eventsSize), correlator: correlator)
        }
        var stream = try state(objects, size: objectsSize)
        try part.value().restore(into: &stream)
        return stream
    }

    private static func state(_ objects: Data, size: Int) throws -> DeploymentStream {
        try StoredJSON.decode(DeploymentStream.self, try Deflate.inflate(objects, size: size))
    }

    /// Stores `stream`'s state as it is after event `sequence`.
    static func save(_ stream: DeploymentStream, after sequence: Int64, in db: Database) throws {
        try save(texts(stream), of: stream, after: sequence, in: db)
    }

    private static func save(
        _ texts: (objects: String, kubeEvents: String), of stream: DeploymentStream, after sequence: Int64,
        in db: Database
    ) throws {
        let (objects, kubeEvents) = texts
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO stream_snapshots
                  (stream_id, seq, stream_version, state, state_size, kube_events, kube_events_size)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            stream.id.rawValue, sequence, stream.version, try Deflate.compress(objects), objects.utf8.count,
            try Deflate.compress(kubeEvents), kubeEvents.utf8.count,
        ])
    }

    /// Snapshots the streams one commit took across a multiple of ``interval``, each after its own last event,
    /// from the projection rows the commit has just written (``textsFromRows(_:in:)``).
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
            let texts = try textsFromRows(stream, in: db)
            assert(encodes(stream, as: texts), "snapshot of \(stream.id) from its rows differs from its state")
            try save(texts, of: stream, after: last, in: db)
        }
    }
}

/// The part of a stream only `KubeEventRecorded` events change: its Kubernetes Events and their aggregation.
struct KubeEventState: Codable {
    var events: [String: KubeEvent]
    var aggregates: [String: AggregateRecord]
    var eventSequence: Int

    init(events: [String: KubeEvent], aggregates: [String: AggregateRecord], eventSequence: Int) {
        self.events = events
        self.aggregates = aggregates
        self.eventSequence = eventSequence
    }

    init(_ stream: DeploymentStream) {
        events = stream.events
        aggregates = stream.aggregates
        eventSequence = stream.eventSequence
    }

    func restore(into stream: inout DeploymentStream) {
        stream.events = events
        stream.aggregates = aggregates
        stream.eventSequence = eventSequence
    }
}
