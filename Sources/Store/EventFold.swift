import Cluster
import GRDB
import KubeModel

/// Decoding `events` rows and folding them into state.
///
/// Replay and point-in-time reads both go through here, so a past state is built exactly the way
/// `rollbook replay` rebuilds the present one.
enum EventFold {
    /// The `events` columns ``decode(_:)`` needs, for a `SELECT`.
    static let columns = "seq, stream_id, type, schema_version, occurred_at, payload"

    /// One stored event, decoded (through the upcaster) and placed in time.
    struct Decoded {
        var sequence: Int64
        var stream: StreamID
        var event: ClusterEvent
        var time: Timestamp
    }

    static func decode(_ row: Row) throws -> Decoded {
        let stored = EncodedEvent(type: row["type"], schemaVersion: row["schema_version"], payload: row["payload"])
        return Decoded(
            sequence: row["seq"], stream: StreamID(rawValue: row["stream_id"]),
            event: try ClusterEvent(decoding: stored),
            time: Timestamp(rfc3339: row["occurred_at"]) ?? Timestamp(seconds: 0))
    }

    /// The state of one Deployment stream after the events numbered up to `sequence`: the latest snapshot at
    /// or before it (see ``StreamSnapshots``), then the stream's events after the snapshot.
    ///
    /// - Complexity: O(*k*) in the stream's events between the snapshot and `sequence` (at most about
    ///   ``StreamSnapshots/interval``, or all of them for a stream without snapshots), read through the
    ///   `(stream_id, stream_version)` index.
    ///
    /// - Parameters:
    ///   - snapshots: False to fold from the first event (what a snapshot must equal).
    ///   - correlator: False to leave the Event correlator's state (`aggregates`) empty. Only a writer
    ///     continuing the stream reads it, and on a busy stream it is a fifth of the snapshot's Events part.
    static func stream(
        _ id: StreamID, upTo sequence: Int64, in db: Database, snapshots: Bool = true, correlator: Bool = true
    ) throws -> DeploymentStream {
        var stream = try fold(id, upTo: sequence, in: db, snapshots: snapshots, kubeEvents: true, correlator: correlator)
        // The events after the snapshot noted some records; without the rest they are no correlator state.
        if !correlator { stream.aggregates = [:] }
        return stream
    }

    /// The stream's objects (Deployment, ReplicaSets, Pods, revisions, timers) after the events up to
    /// `sequence`, for lists: its Kubernetes Events (`events`, `aggregates`, `eventSequence`) are left empty,
    /// and `version` and `lastEventTime` do not count them.
    ///
    /// `EventRecorded` events change nothing but those, so they are neither read nor decoded, and neither is
    /// that part of the snapshot: often most of a stream's bytes.
    static func objects(_ id: StreamID, upTo sequence: Int64, in db: Database) throws -> DeploymentStream {
        try fold(id, upTo: sequence, in: db, snapshots: true, kubeEvents: false, correlator: false)
    }

    private static func fold(
        _ id: StreamID, upTo sequence: Int64, in db: Database, snapshots: Bool, kubeEvents: Bool, correlator: Bool
    ) throws -> DeploymentStream {
        guard let key = id.deploymentKey else { throw StoreError(.corrupt, "not a deployment stream: \(id)") }
        let snapshot = snapshots
            ? try StreamSnapshots.latest(of: id, upTo: sequence, kubeEvents: kubeEvents, correlator: correlator, in: db)
            : nil
        let start = snapshot ?? DeploymentStream(namespace: key.namespace, name: key.name)
        let cursor = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT \(columns) FROM events WHERE stream_id = ? AND stream_version > ? AND seq <= ?
                    \(kubeEvents ? "" : "AND type <> 'EventRecorded'") ORDER BY stream_version
                    """),
            arguments: [id.rawValue, start.version, sequence])
        // With a replay's rules: a Pod status (or Deployment status) that a later event of the range overwrites
        // is never decoded (see ``ReplayStream``).
        var stream = ReplayStream(continuing: start)
        while let row = try cursor.next() { _ = try ReplayEvent.withRow(row) { try stream.take($0) } }
        return try stream.finish()
    }

    /// The simulated node after the events numbered up to `sequence`.
    static func node(upTo sequence: Int64, in db: Database) throws -> NodeState {
        var node = NodeState()
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT \(columns) FROM events WHERE stream_id = ? AND seq <= ? ORDER BY stream_version",
            arguments: [StreamID.node.rawValue, sequence])
        while let row = try cursor.next() { node.fold(try decode(row)) }
        return node
    }
}

extension EventFold {
    /// The ResourceQuotas after the events numbered up to `sequence` (a short stream, folded whole).
    static func quotas(upTo sequence: Int64, in db: Database) throws -> QuotaState {
        var quotas = QuotaState()
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT \(columns) FROM events WHERE stream_id = ? AND seq <= ? ORDER BY stream_version",
            arguments: [StreamID.quotas.rawValue, sequence])
        while let row = try cursor.next() {
            let decoded = try decode(row)
            quotas.apply(decoded.event, sequence: decoded.sequence, at: decoded.time)
            quotas.version += 1
        }
        return quotas
    }
}

extension DeploymentStream {
    /// Applies one decoded event and counts it in ``version``, as every fold of the log does.
    mutating func fold(_ decoded: EventFold.Decoded) {
        apply(decoded.event, sequence: decoded.sequence, at: decoded.time)
        version += 1
    }
}

extension NodeState {
    mutating func fold(_ decoded: EventFold.Decoded) {
        apply(decoded.event, at: decoded.time)
        version += 1
    }
}
