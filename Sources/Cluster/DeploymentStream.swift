import KubeModel

/// The state of one Deployment stream: the Deployment (nil once deleted), the ReplicaSets and Pods it
/// created, and the Kubernetes Events recorded about them. A pure fold of the stream's events.
public struct DeploymentStream: Sendable, Hashable, Codable {
    public var namespace: String
    public var name: String
    /// The version of the last event applied (0 for a stream with no events).
    public var version: Int
    public var deployment: Deployment?
    public var replicaSets: [String: ReplicaSet]
    public var pods: [String: Pod]
    public var events: [String: KubeEvent] { didSet { eventsExpiry.value = nil } }
    /// Pods ever created in this stream: seeds deterministic pod names and IPs.
    public var podSequence: Int
    /// Kubernetes Events ever recorded in this stream: seeds deterministic event names.
    public var eventSequence: Int
    /// EventCorrelator aggregation state, keyed by aggregate key.
    public var aggregates: [String: AggregateRecord] { didSet { aggregatesExpiry.value = nil } }
    /// Every revision number any ReplicaSet of this stream ever held, in the order they were assigned.
    public var revisions: [RevisionRecord]
    /// The kubelet's pending timers, keyed `pod/container`.
    public var containerTimers: [String: ContainerTimer]
    /// The simulated time of the last event folded in.
    public var lastEventTime: Timestamp?
    /// No Kubernetes Event expires before this second (nil: not known). Any other change to `events` forgets it.
    var eventsExpiry = Unstored<Int64?>(nil)
    /// No aggregate record goes idle before this second (nil: not known), as ``eventsExpiry``.
    var aggregatesExpiry = Unstored<Int64?>(nil)

    /// The state; the expiry bounds are a cache of it and are left out.
    private enum CodingKeys: String, CodingKey {
        case namespace, name, version, deployment, replicaSets, pods, events, podSequence, eventSequence, aggregates,
             revisions, containerTimers, lastEventTime
    }

    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
        version = 0
        replicaSets = [:]
        pods = [:]
        events = [:]
        podSequence = 0
        eventSequence = 0
        aggregates = [:]
        revisions = []
        containerTimers = [:]
    }

    public var id: StreamID { .deployment(namespace: namespace, name: name) }

    /// ReplicaSets controlled by the live Deployment, oldest first (creation time, then name).
    public var ownedReplicaSets: [ReplicaSet] {
        guard let uid = deployment?.metadata.uid else { return [] }
        return replicaSets.values.filter { $0.metadata.controllerRef?.uid == uid }.sortedByCreation()
    }

    /// Pods controlled by a ReplicaSet, sorted by name.
    public func pods(of replicaSet: ReplicaSet) -> [Pod] {
        pods.values.filter { $0.metadata.controllerRef?.uid == replicaSet.metadata.uid }.sorted { $0.name < $1.name }
    }

    /// Events about one object in the API server's order (by name, which is by creation); `describe`
    /// then sorts them by lastTimestamp.
    /// The Events about one object that the API server's TTL still keeps at `now`, by name.
    public func events(about uid: String?, keptAt now: Timestamp) -> [KubeEvent] {
        events.values.filter { $0.involvedObject.uid == uid && $0.isKept(at: now) }.sorted { $0.name < $1.name }
    }
}

extension Sequence where Element == ReplicaSet {
    /// `ReplicaSetsByCreationTimestamp`: oldest first, ties broken by name.
    /// Sorts keys, not ReplicaSets: moving whole objects in the sort cost more than comparing them.
    public func sortedByCreation() -> [ReplicaSet] {
        let all = Array(self)
        let keys = all.map { ($0.metadata.creationTimestamp ?? Timestamp(seconds: 0), $0.name) }
        return all.indices.sorted { keys[$0] < keys[$1] }.map { all[$0] }
    }
}

extension Timestamp {
    /// Events older than this are gone, as the API server's default `--event-ttl=1h` removes them.
    public static let eventTTLSeconds: Int64 = 3600
}

/// One revision as it was assigned: kept even after its ReplicaSet is garbage-collected or renumbered.
public struct RevisionRecord: Sendable, Hashable, Codable {
    public var revision: Int
    public var replicaSet: String
    public var template: PodTemplateSpec
    public var changeCause: String?
    public var sequence: Int64
    public var time: Timestamp

    public var images: String { template.spec.containers.map(\.image).joined(separator: ",") }
}
