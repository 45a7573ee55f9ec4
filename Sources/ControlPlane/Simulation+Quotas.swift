import Cluster
import KubeModel
import Store

/// ResourceQuotas in the simulation: the admission plugin's check of each Pod a ReplicaSet creates, and the quota
/// controller's recount of `status.used` after every reconcile of a namespace that has quotas.
///
/// A namespace's Pods live in many streams; the streams this command loaded count as they now are, the others as
/// their projections hold them (they cannot have changed since: time catches up stream by stream, in time order).
extension Simulation {
    /// What the namespace holds outside stream `excluded` (nil: nowhere excluded).
    struct NamespaceContents {
        var pods: [Pod] = []
        var deployments = 0
        var replicaSets = 0
    }

    /// A namespace as the projections hold it.
    struct StoredNamespace {
        var pods: [(stream: StreamID, pod: Pod)]
        var deployments: [StreamID: Int]
        var replicaSets: [StreamID: Int]
    }

    mutating func storedNamespace(_ namespace: String) throws -> StoredNamespace {
        if let known = storedNamespaces[namespace] { return known }
        let stored = StoredNamespace(
            pods: try reader.podsByStream(namespace: namespace),
            deployments: try reader.objectCounts("deployments", namespace: namespace),
            replicaSets: try reader.objectCounts("replicasets", namespace: namespace))
        storedNamespaces[namespace] = stored
        return stored
    }

    mutating func namespaceContents(_ namespace: String, outside excluded: StreamID?) throws -> NamespaceContents {
        var contents = NamespaceContents()
        let loaded = streams.filter { $0.key != excluded && $0.key.deploymentKey?.namespace == namespace }
        for stream in loaded.values {
            contents.pods += stream.pods.values
            contents.deployments += stream.deployment == nil ? 0 : 1
            contents.replicaSets += stream.replicaSets.count
        }
        // A stream this command loaded answers for itself above, as it now is.
        func stored(_ id: StreamID) -> Bool { id != excluded && streams[id] == nil }
        let projections = try storedNamespace(namespace)
        contents.pods += projections.pods.filter { stored($0.stream) }.map(\.pod)
        contents.deployments += projections.deployments.filter { stored($0.key) }.values.reduce(0, +)
        contents.replicaSets += projections.replicaSets.filter { stored($0.key) }.values.reduce(0, +)
        return contents
    }

    /// What a reconcile's controllers create in a namespace with quotas must pass.
    struct Admission {
        /// A Pod the ReplicaSet controller creates, given its stream as it stands: nil, or the refusal.
        var pod: (Pod, DeploymentStream) -> String?
        /// A ReplicaSet the Deployment controller creates (`count/replicasets.apps`), given its stream as it stands.
        var replicaSet: (ReplicaSet, DeploymentStream) -> String?
    }

    /// The admission a reconcile of stream `id` gives what its controllers create, or nil when the namespace has no
    /// quota.
    mutating func quotaAdmission(in namespace: String, outside id: StreamID, at time: Timestamp) throws -> Admission? {
        let namespaceQuotas = quotas.quotas(in: namespace)
        guard !namespaceQuotas.isEmpty else { return nil }
        let others = try namespaceContents(namespace, outside: id)
        func counted(_ pods: [Pod], replicaSets: Int) -> [ResourceQuota] {
            namespaceQuotas.map { quota in
                var quota = quota
                quota.status = quota.computedStatus(
                    pods: pods, objectCounts: ["count/replicasets.apps": replicaSets], at: time)
                return quota
            }
        }
        return Admission(
            pod: { pod, stream in
                let quotas = counted(others.pods + stream.pods.values, replicaSets: 0)
                if case .failure(let refusal) = QuotaAdmission.admit(pod, to: quotas, at: time) { return refusal.message }
                return nil
            },
            replicaSet: { _, stream in
                let quotas = counted([], replicaSets: others.replicaSets + stream.replicaSets.count)
                return QuotaAdmission.admitObject(counting: ["count/replicasets.apps"], to: quotas)?.message
            })
    }

    /// The namespace's quotas, by name, each with the status the quota controller would count now.
    mutating func countedQuotas(in namespace: String, at time: Timestamp) throws
        -> [(stored: ResourceQuota, counted: ResourceQuota)]
    {
        let namespaceQuotas = quotas.quotas(in: namespace)
        guard !namespaceQuotas.isEmpty else { return [] }
        let contents = try namespaceContents(namespace, outside: nil)
        let counts = [
            "count/deployments.apps": contents.deployments, "count/replicasets.apps": contents.replicaSets,
            "resourcequotas": namespaceQuotas.count, "count/resourcequotas": namespaceQuotas.count,
        ]
        return namespaceQuotas.map { quota in
            var counted = quota
            counted.status = quota.computedStatus(pods: contents.pods, objectCounts: counts, at: time)
            return (quota, counted)
        }
    }

    /// The quota controller's full resync of the quotas whose status a user wrote, due by `time`: each is counted
    /// and written, even unchanged (the user's write is over).
    mutating func resyncQuotas(at time: Timestamp) throws {
        let due = Set(quotas.resyncs.filter { $0.value <= time }.keys)
        let namespaces = Set(due.compactMap { quotas.quotas[$0]?.namespace })
        for namespace in namespaces.sorted() { try recountQuotas(in: namespace, at: time, always: due) }
    }

    /// The quota controller's `syncResourceQuota` for every quota of the namespace: a status that changed is written
    /// (and those of the quotas keyed in `always` in any case).
    mutating func recountQuotas(
        in namespace: String, at time: Timestamp, causedBy: String? = nil, always: Set<String> = []
    ) throws {
        for (quota, counted) in try countedQuotas(in: namespace, at: time) {
            let status = counted.status!
            let key = QuotaState.key(namespace: namespace, name: quota.name)
            guard status != quota.status || always.contains(key) else { continue }
            emitQuota(
                .resourceQuotaStatusUpdated(QuotaStatusUpdated(namespace: namespace, name: quota.name, status: status)),
                actor: Actor.quotaController, at: time, causedBy: causedBy)
        }
    }
}

extension StoreWriter {
    /// Commits what a simulation appended, with the projections of the streams, node and quotas it changed.
    mutating func commit(_ simulation: Simulation) throws {
        try commit(
            simulation.pending, streams: simulation.touchedStreams, node: simulation.nodeChanged ? simulation.node : nil,
            quotas: simulation.quotasChanged ? simulation.quotas : nil)
    }
}

extension Simulation {
    /// The object-count admission of a Deployment, ReplicaSet or ResourceQuota a user creates (`resource` as errors
    /// name it, `counted` the quota names it counts under): kubectl's Forbidden error when a quota refuses it.
    mutating func admitUserObject(_ resource: String, counted names: [String], name: String, namespace: String, source: String?)
        throws
    {
        guard quotas.quotas(in: namespace).contains(where: { quota in names.contains { quota.spec.hard?[$0] != nil } })
        else { return }
        let counted = try countedQuotas(in: namespace, at: now).map(\.counted)
        if let refusal = QuotaAdmission.admitObject(counting: names, to: counted) {
            throw CommandError.forbidden(resource, name, refusal.message, source: source)
        }
    }

    /// The ResourceQuota admission of a Pod a user creates: kubectl's Forbidden error when a quota refuses it.
    mutating func admitUserPod(_ pod: Pod, namespace: String, source: String?) throws {
        let namespaceQuotas = quotas.quotas(in: namespace)
        guard !namespaceQuotas.isEmpty else { return }
        let pods = try namespaceContents(namespace, outside: nil).pods
        let counted = namespaceQuotas.map { quota in
            var quota = quota
            quota.status = quota.computedStatus(pods: pods, objectCounts: [:], at: now)
            return quota
        }
        if case .failure(let refusal) = QuotaAdmission.admit(pod, to: counted, at: now) {
            throw CommandError.forbidden(Resource.pods, pod.name, refusal.message, source: source)
        }
    }
}
