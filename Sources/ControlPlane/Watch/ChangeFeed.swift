import Cluster
public import KubeModel
public import Store

/// The changes to one kind of object after a `resourceVersion`, read from the log: what a Kubernetes
/// watch streams.
///
/// A `resourceVersion` is a sequence number of the log, and every object carries the sequence of the
/// last event that touched it. The feed folds each new event into the state of its stream (the fold the
/// projections and replay use) and reports every object whose version moved, so a watch resumed from
/// any `resourceVersion` sees every intermediate state, in log order, exactly once.
///
/// ```swift
/// var feed = ChangeFeed(store: store, resource: .deployments, namespace: "default", after: 1016)
/// for change in try feed.next() { print(change.kind, change.object.name, change.resourceVersion) }
/// ```
public struct ChangeFeed: Sendable {
    let store: SQLiteStore
    public let resource: WatchedResource
    /// Nil for every namespace.
    public let namespace: String?
    /// The last sequence number read.
    public private(set) var position: Int64
    private var streams: [StreamID: DeploymentStream] = [:]
    /// The quotas' stream as of ``position``, once a quota watch has needed it.
    private var quotas: QuotaState?

    public init(store: SQLiteStore, resource: WatchedResource, namespace: String?, after position: Int64) {
        self.store = store
        self.resource = resource
        self.namespace = namespace
        self.position = position
    }

    /// The changes of the next at most `limit` events of the log; empty when the watch has caught up.
    public mutating func next(limit: Int = 500) throws -> [ObjectChange] {
        var changes: [ObjectChange] = []
        for event in try store.events(after: position, limit: limit) {
            defer { position = event.sequence }
            if event.stream == .quotas {
                guard resource == .resourceQuotas else { continue }
                let before = try quotaState()
                var after = before
                after.apply(event.event, sequence: event.sequence, at: event.time)
                after.version += 1
                quotas = after
                changes += ChangeFeed.diff(watched(before), watched(after), sequence: event.sequence)
                continue
            }
            guard resource != .resourceQuotas, let key = event.stream.deploymentKey,
                namespace.map({ $0 == key.namespace }) ?? true
            else { continue }
            let before = try state(of: event.stream)
            var after = before
            after.apply(event.event, sequence: event.sequence, at: event.time)
            after.version += 1
            streams[event.stream] = after
            // A ReplicaSet (or orphaned Pods) moving to the stream of the claimer is Rollbook's bookkeeping: the objects
            // are unchanged (the adoption that follows is the one MODIFIED a cluster sends).
            switch event.event {
            case .replicaSetReleased, .replicaSetTransferred, .podsReleased, .podsTransferred: continue
            default: changes += ChangeFeed.diff(resource, before, after, sequence: event.sequence)
            }
        }
        return changes
    }

    /// The quotas as they were at ``position``, folded from the log the first time they are needed.
    private mutating func quotaState() throws -> QuotaState {
        if let quotas { return quotas }
        let point = PointInTime(sequence: position, time: Timestamp(seconds: 0))
        let state = try store.read(at: point) { try $0.quotaState() }
        quotas = state
        return state
    }

    /// The watched namespace's quotas (every namespace's for nil), keyed `namespace/name`.
    private func watched(_ state: QuotaState) -> [String: WatchedObject] {
        state.quotas.filter { namespace == nil || $0.value.namespace == namespace }.mapValues(WatchedObject.resourceQuota)
    }

    /// The stream as it was at ``position``, folded from the log the first time it is needed.
    private mutating func state(of id: StreamID) throws -> DeploymentStream {
        if let known = streams[id] { return known }
        let point = PointInTime(sequence: position, time: Timestamp(seconds: 0))
        let stream = try store.read(at: point) { try $0.stream(id) }
        streams[id] = stream
        return stream
    }

    static func diff(_ resource: WatchedResource, _ before: DeploymentStream, _ after: DeploymentStream, sequence: Int64)
        -> [ObjectChange]
    {
        switch resource {
        case .deployments:
            let old = before.deployment.map { [$0.name: WatchedObject.deployment($0)] } ?? [:]
            let new = after.deployment.map { [$0.name: WatchedObject.deployment($0)] } ?? [:]
            return diff(old, new, sequence: sequence)
        case .replicaSets:
            return diff(before.replicaSets.mapValues(WatchedObject.replicaSet),
                        after.replicaSets.mapValues(WatchedObject.replicaSet), sequence: sequence)
        case .pods:
            return diff(before.pods.mapValues(WatchedObject.pod), after.pods.mapValues(WatchedObject.pod),
                        sequence: sequence)
        case .events:
            return diff(before.events.mapValues(WatchedObject.event), after.events.mapValues(WatchedObject.event),
                        sequence: sequence)
        case .resourceQuotas:
            return []
        }
    }

    private static func diff(
        _ old: [String: WatchedObject], _ new: [String: WatchedObject], sequence: Int64
    ) -> [ObjectChange] {
        var changes: [ObjectChange] = []
        for name in Set(old.keys).union(new.keys).sorted() {
            switch (old[name], new[name]) {
            case (nil, let added?):
                changes.append(ObjectChange(kind: .added, object: added, resourceVersion: sequence))
            case (let gone?, nil):
                changes.append(ObjectChange(kind: .deleted, object: gone.stamped(String(sequence)), resourceVersion: sequence))
            case (let was?, let now?) where was != now:
                changes.append(ObjectChange(kind: .modified, object: now, resourceVersion: sequence))
            default:
                break
            }
        }
        return changes
    }
}
