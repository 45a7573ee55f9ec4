import Cluster
import GRDB
import KubeModel

/// Reads the state as it was at a point in the log, by folding the events up to it.
///
/// It answers what ``StoreReader`` answers, in the same order, but never looks at the projection
/// tables: those hold the present. It folds only what is asked for (one whole stream for `describe`, the
/// objects of every stream of a namespace for a list, without their Kubernetes Events) and keeps each
/// folded stream in a ``FoldedStreams`` cache, so `describe` listing then describing folds each stream at
/// most twice (objects, then whole). Nothing is written.
///
/// ```swift
/// let point = try store.resolve(.sequence(42))
/// let deployments = try store.read(at: point) { try $0.deployments(namespace: "default") }
/// ```
public struct PointInTimeReader: StateReading {
    let db: Database
    public let point: PointInTime
    private let folded: FoldedStreams

    init(db: Database, point: PointInTime, cache: FoldedStreams) {
        self.db = db
        self.point = point
        folded = cache
    }

    /// The Deployment streams that had at least one event by the point, sorted, optionally in one namespace.
    ///
    /// A skip-scan of the `(stream_id, stream_version)` index: one seek per stream to find the next stream id
    /// and one to its first event, instead of reading the log up to the point.
    public func deploymentStreams(namespace: String?) throws -> [StreamID] {
        // Stream ids sort as text; names hold no "/", and "0" is the character after "/".
        let prefix = namespace.map { "deployment/\($0)/" } ?? "deployment/"
        let end = prefix.dropLast() + "0"
        return try String.fetchAll(
            db.cachedStatement(
                sql: """
                    WITH RECURSIVE ids(id) AS (
                      SELECT (SELECT stream_id FROM events WHERE stream_id >= ?1 AND stream_id < ?2
                              ORDER BY stream_id LIMIT 1)
                      UNION ALL
                      SELECT (SELECT stream_id FROM events WHERE stream_id > ids.id AND stream_id < ?2
                              ORDER BY stream_id LIMIT 1)
                      FROM ids WHERE ids.id IS NOT NULL)
                    SELECT id FROM ids
                    WHERE id IS NOT NULL
                      AND (SELECT seq FROM events WHERE stream_id = ids.id AND stream_version = 1) <= ?3
                    """),
            arguments: [prefix, String(end), point.sequence]
        )
        .map(StreamID.init(rawValue:))
        .filter { id in namespace.map { id.deploymentKey?.namespace == $0 } ?? true }
        .sorted()
    }

    public func stream(_ id: StreamID) throws -> DeploymentStream {
        let key = FoldedStreams.Key(sequence: point.sequence, stream: id)
        if let stream = folded.streams[key] { return stream }
        // Reads never continue the stream, so they leave its correlator state out.
        let stream = try EventFold.stream(id, upTo: point.sequence, in: db, correlator: false)
        folded.streams[key] = stream
        return stream
    }

    /// The stream's objects, without its Kubernetes Events: `rollout history` and the checks that a named
    /// Deployment exists look at nothing else, and a busy stream's Events are most of its snapshot.
    public func deploymentAndReplicaSets(_ id: StreamID) throws -> DeploymentStream {
        try objects(id)
    }

    /// The stream's objects only (see ``EventFold/objects(_:upTo:in:)``): what lists need.
    private func objects(_ id: StreamID) throws -> DeploymentStream {
        let key = FoldedStreams.Key(sequence: point.sequence, stream: id)
        if let stream = folded.streams[key] ?? folded.objects[key] { return stream }
        let stream = try EventFold.objects(id, upTo: point.sequence, in: db)
        folded.objects[key] = stream
        return stream
    }

    public func deployments(namespace: String?) throws -> [Deployment] {
        try streams(namespace: namespace).compactMap(\.deployment).sortedByKey { ($0.namespace, $0.name) }
    }

    public func replicaSets(namespace: String?) throws -> [ReplicaSet] {
        try streams(namespace: namespace).flatMap(\.replicaSets.values)
            .sortedByKey { ($0.metadata.namespace ?? "default", $0.name) }
    }

    public func pods(namespace: String?) throws -> [Pod] {
        try streams(namespace: namespace).flatMap(\.pods.values)
            .sortedByKey { ($0.metadata.namespace ?? "default", $0.name) }
    }

    public func images() throws -> [NodeState.LoadedImage] {
        try node().images.values.sorted { $0.image < $1.image }
    }

    public func node() throws -> NodeState {
        try EventFold.node(upTo: point.sequence, in: db)
    }

    public func quotaState() throws -> QuotaState {
        try EventFold.quotas(upTo: point.sequence, in: db)
    }

    public func streamID(ofReplicaSet name: String, namespace: String) throws -> StreamID? {
        try streams(namespace: namespace).first { $0.replicaSets[name] != nil }?.id
    }

    public func streamID(ofPod name: String, namespace: String) throws -> StreamID? {
        try streams(namespace: namespace).first { $0.pods[name] != nil }?.id
    }

    public func provenance(of sequences: [Int64]) throws -> [Int64: EventProvenance] {
        try AuditQueries(db: db, upTo: point.sequence).provenance(of: sequences)
    }

    public func replicaSetChanges(in stream: StreamID) throws -> [ReplicaSetChange] {
        try AuditQueries(db: db, upTo: point.sequence).replicaSetChanges(in: stream)
    }

    public func eventStreams(namespace: String?) throws -> [StreamID] { try deploymentStreams(namespace: namespace) }

    public func writes(to kind: WrittenKind, in stream: StreamID) throws -> [ObjectWrite] {
        try AuditQueries(db: db, upTo: point.sequence).writes(to: kind, in: stream)
    }

    /// The objects of every Deployment stream of the namespace, folded. Objects keep the namespace their
    /// stream is named for, so filtering streams is filtering objects.
    private func streams(namespace: String?) throws -> [DeploymentStream] {
        try deploymentStreams(namespace: namespace).map(objects)
    }
}

/// Streams a ``PointInTimeReader`` has folded (whole, or objects only for lists), keyed by point: the past does not change, so they stay valid
/// across reads, for as long as the caller keeps the cache.
public final class FoldedStreams {
    struct Key: Hashable {
        var sequence: Int64
        var stream: StreamID
    }

    var streams: [Key: DeploymentStream] = [:]
    /// Streams folded for their objects only, without Kubernetes Events.
    var objects: [Key: DeploymentStream] = [:]

    public init() {}
}

extension Array {
    /// Sorted by a `(namespace, name)` key, the projections' `ORDER BY namespace, name`.
    fileprivate func sortedByKey(_ key: (Element) -> (String, String)) -> [Element] {
        sorted { key($0) < key($1) }
    }
}
