import Cluster
import KubeModel

/// The ReplicaSet controller's claim on orphaned Pods across the namespace (`claimPods`): a Pod no controller owns
/// is adopted by a ReplicaSet whose selector matches its labels, whichever stream the Pod was made in.
///
/// Pods live in the stream of the ReplicaSet that made them, so a claim across streams moves them with their
/// kubelet timers (`PodsReleased` in the stream they leave, `PodsTransferred` in the claimer's), and the claimer's
/// controller then adopts them as it adopts its own stream's orphans. Upstream, a claim follows a ReplicaSet's
/// creation or update (its sync lists the namespace's Pods) and a Pod losing its owner (the update wakes the
/// ReplicaSets that match it).
extension Simulation {
    /// The ReplicaSet `name` of stream `id`, just written, claims the namespace's orphans of other streams that its
    /// selector matches, and adopts them at once.
    mutating func claimOrphanPods(for name: String, in id: StreamID, at time: Timestamp) throws {
        guard let namespace = id.deploymentKey?.namespace, let rs = try stream(id).replicaSets[name],
            rs.metadata.deletionTimestamp == nil, !rs.spec.selector.isEmpty
        else { return }
        let stored = try Set(reader.pods(namespace: namespace).filter(\.isClaimableOrphan).compactMap {
            try reader.streamID(ofPod: $0.name, namespace: namespace)
        })
        var moved = false
        for other in namespaceStreams(namespace, from: Array(stored)) where other != id {
            let orphans = try stream(other).pods.values.filter {
                $0.isClaimableOrphan && rs.spec.selector.matches($0.metadata.labels ?? [:])
            }
            guard !orphans.isEmpty else { continue }
            try transferPods(orphans.map(\.name).sorted(), from: other, to: id, at: time)
            moved = true
        }
        if moved { try run(id, at: time) { $0.reconcile() } }
    }

    /// Pods an orphaning delete of a ReplicaSet left in stream `id` go to the first ReplicaSet of another stream (by
    /// name) whose selector matches each, unless one of their own stream does (its controller adopts them there).
    mutating func offerOrphanPods(of id: StreamID, at time: Timestamp) throws {
        guard let namespace = id.deploymentKey?.namespace else { return }
        let own = try stream(id).replicaSets.values.filter { $0.metadata.deletionTimestamp == nil }
        let orphans = try stream(id).pods.values.filter { pod in
            pod.isClaimableOrphan && !own.contains { $0.spec.selector.matches(pod.metadata.labels ?? [:]) }
        }
        guard !orphans.isEmpty else { return }
        let stored = try Set(reader.replicaSets(namespace: namespace).compactMap {
            try reader.streamID(ofReplicaSet: $0.name, namespace: namespace)
        })
        var claimers: [(name: String, selector: LabelSelector, stream: StreamID)] = []
        for other in namespaceStreams(namespace, from: Array(stored)) where other != id {
            for rs in try stream(other).replicaSets.values
            where rs.metadata.deletionTimestamp == nil && !rs.spec.selector.isEmpty {
                claimers.append((rs.name, rs.spec.selector, other))
            }
        }
        claimers.sort { $0.name < $1.name }
        var moves: [StreamID: [String]] = [:]
        for pod in orphans.sorted(by: { $0.name < $1.name }) {
            guard let claimer = claimers.first(where: { $0.selector.matches(pod.metadata.labels ?? [:]) }) else { continue }
            moves[claimer.stream, default: []].append(pod.name)
        }
        for (claimer, names) in moves.sorted(by: { $0.key < $1.key }) {
            try transferPods(names, from: id, to: claimer, at: time)
            try run(claimer, at: time) { $0.reconcile() }
        }
    }

    /// Moves Pods, with their kubelet timers, from `source` to `target`.
    private mutating func transferPods(_ names: [String], from source: StreamID, to target: StreamID, at time: Timestamp)
        throws
    {
        let leaving = try stream(source)
        let pods = names.compactMap { leaving.pods[$0] }
        let timers = leaving.containerTimers.filter { key, _ in
            key.split(separator: "/", maxSplits: 1).first.map { names.contains(String($0)) } ?? false
        }
        let release = ClusterEvent.podsReleased(PodsRelease(names: names, to: target.rawValue))
        try run(source, at: time) { $0.emit(release, actor: Actor.replicaSetController) }
        let arrival = ClusterEvent.podsTransferred(PodsTransfer(from: source.rawValue, pods: pods, timers: timers))
        try run(target, at: time) { $0.emit(arrival, actor: Actor.replicaSetController) }
    }
}

extension Pod {
    /// `claimPods`' test for an orphan: no controller, and neither being deleted nor finished.
    fileprivate var isClaimableOrphan: Bool {
        metadata.controllerRef == nil && metadata.deletionTimestamp == nil && status.phase != "Succeeded"
            && status.phase != "Failed"
    }
}
