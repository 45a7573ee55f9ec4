import Cluster
import KubeModel

/// What a read command needs from the store, whether it reads the present (``StoreReader``, from the
/// projections) or the past (``PointInTimeReader``, folding the log).
///
/// Both answer with the same types and in the same order, so one printer serves both and `--at` output
/// equals what was printed live at that moment.
public protocol StateReading {
    /// Live Deployments sorted by namespace, then name; all namespaces for nil.
    func deployments(namespace: String?) throws -> [Deployment]
    /// ``deployments(namespace:)`` with at least what a table prints (`wide` or not), and the labels when
    /// `labels`; the rest of each object may be missing.
    func deploymentSummaries(namespace: String?, labels: Bool, wide: Bool) throws -> [Deployment]
    /// ``replicaSets(namespace:)`` with at least what a table prints, as ``deploymentSummaries(namespace:labels:wide:)``.
    func replicaSetSummaries(namespace: String?, labels: Bool, wide: Bool) throws -> [ReplicaSet]
    func replicaSets(namespace: String?) throws -> [ReplicaSet]
    func pods(namespace: String?) throws -> [Pod]
    /// The images on the simulated node, sorted by name.
    func images() throws -> [NodeState.LoadedImage]
    /// The simulated node: its image cache and blocked images.
    func node() throws -> NodeState
    /// Every namespace's ResourceQuotas.
    func quotaState() throws -> QuotaState
    /// The Deployment streams that may hold Kubernetes Events, sorted, optionally in one namespace: a deleted
    /// Deployment's too, whose Events outlive it until their TTL.
    func eventStreams(namespace: String?) throws -> [StreamID]
    /// The whole state of one Deployment stream (an empty stream if it has no events).
    func stream(_ id: StreamID) throws -> DeploymentStream
    /// At least the Deployment and ReplicaSets of a stream, for reads that show nothing else (`rollout
    /// history`); its Pods, Events, revision records and correlator state may be missing.
    func deploymentAndReplicaSets(_ id: StreamID) throws -> DeploymentStream
    /// Whether the stream has a live Deployment.
    func deploymentExists(_ id: StreamID) throws -> Bool
    /// The Deployment stream that holds the named ReplicaSet, if any.
    func streamID(ofReplicaSet name: String, namespace: String) throws -> StreamID?
    /// The Deployment stream that holds the named Pod, if any.
    func streamID(ofPod name: String, namespace: String) throws -> StreamID?
    /// Who caused each event, and with which command (see ``EventProvenance``).
    func provenance(of sequences: [Int64]) throws -> [Int64: EventProvenance]
    /// Every deletion and annotation change of a stream's ReplicaSets, oldest first.
    func replicaSetChanges(in stream: StreamID) throws -> [ReplicaSetChange]
    /// Every event that wrote the stream's objects of a kind, oldest first (see ``ObjectWrite``).
    func writes(to kind: WrittenKind, in stream: StreamID) throws -> [ObjectWrite]
}

extension StateReading {
    /// The Kubernetes Events of the namespace (all for nil) that the API server's TTL keeps at `now`, in its list
    /// order: by namespace, then name.
    public func kubeEvents(namespace: String?, now: Timestamp) throws -> [KubeEvent] {
        try eventStreams(namespace: namespace)
            .flatMap { try stream($0).events.values }
            .filter { $0.isKept(at: now) }
            .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
    }

    public func deploymentAndReplicaSets(_ id: StreamID) throws -> DeploymentStream { try stream(id) }

    /// The ResourceQuotas of the namespace (all for nil), by namespace, then name.
    public func quotas(namespace: String?) throws -> [ResourceQuota] {
        try quotaState().quotas.values.filter { namespace == nil || $0.namespace == namespace }
            .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
    }

    public func deploymentExists(_ id: StreamID) throws -> Bool { try deploymentAndReplicaSets(id).deployment != nil }

    public func deploymentSummaries(namespace: String?, labels: Bool, wide: Bool) throws -> [Deployment] {
        try deployments(namespace: namespace)
    }

    public func replicaSetSummaries(namespace: String?, labels: Bool, wide: Bool) throws -> [ReplicaSet] {
        try replicaSets(namespace: namespace)
    }
}

extension StoreReader: StateReading {
    public func provenance(of sequences: [Int64]) throws -> [Int64: EventProvenance] {
        try AuditQueries(db: db, upTo: nil).provenance(of: sequences)
    }

    public func replicaSetChanges(in stream: StreamID) throws -> [ReplicaSetChange] {
        try AuditQueries(db: db, upTo: nil).replicaSetChanges(in: stream)
    }

    public func eventStreams(namespace: String?) throws -> [StreamID] {
        // Stream ids sort as text; names hold no "/", and "0" is the character after "/".
        let prefix = namespace.map { "deployment/\($0)/" } ?? "deployment/"
        return try String.fetchAll(
            db, sql: "SELECT stream_id FROM streams WHERE stream_id >= ? AND stream_id < ? ORDER BY stream_id",
            arguments: [prefix, String(prefix.dropLast()) + "0"]
        ).map(StreamID.init(rawValue:))
    }

    public func writes(to kind: WrittenKind, in stream: StreamID) throws -> [ObjectWrite] {
        try AuditQueries(db: db, upTo: nil).writes(to: kind, in: stream)
    }
}
