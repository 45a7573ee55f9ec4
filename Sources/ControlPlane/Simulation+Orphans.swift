import Cluster
import Controllers
import KubeModel

/// The Deployment controller's claim on orphaned ReplicaSets across the namespace (`getReplicaSetsForDeployment`,
/// `ClaimReplicaSets`): a ReplicaSet no Deployment controls is adopted by a Deployment whose selector matches its
/// labels, whichever Deployment made it.
///
/// Rollbook keeps a Deployment's ReplicaSets and Pods in the Deployment's stream, so a claim across streams moves
/// the ReplicaSet, its Pods and their kubelet timers: `ReplicaSetReleased` in the stream it leaves,
/// `ReplicaSetTransferred` in the claimer's, whose next sync adopts it as its own stream's orphans are adopted.
/// Upstream, a claim follows a Deployment's creation (its first sync lists the namespace's ReplicaSets) and a
/// ReplicaSet losing its owner (the update wakes the Deployments that match it); apps/v1 selectors never change.
extension Simulation {
    /// Runs a user's events on one stream, lets Deployments claim the ReplicaSets and ReplicaSets the Pods they made
    /// claimable, then reconciles.
    ///
    /// - Parameter seen: Sees the stream right after the events, before any controller acts (what the API server
    ///   answers a write with).
    mutating func apply(
        _ events: [ClusterEvent], to id: StreamID, actor: String, at time: Timestamp,
        seen: (DeploymentStream) -> Void = { _ in }
    ) throws {
        let before = try stream(id)
        let controlled = Set(before.replicaSets.values.filter { $0.metadata.controllerRef != nil }.map(\.name))
        let controlledPods = Set(before.pods.values.filter { $0.metadata.controllerRef != nil }.map(\.name))
        try run(id, at: time) { reconciler in
            for event in events {
                reconciler.emit(event, actor: actor)
                // The scheduler places a Pod a user creates at once: its Event follows the creation.
                if case .podConfigured(let written) = event, before.pods[written.pod.name] == nil {
                    reconciler.recordScheduling(of: written.pod)
                }
            }
            seen(reconciler.stream)
        }
        for event in events {
            switch event {
            case .deploymentCreated: try claimOrphans(for: id, at: time)
            case .deploymentDeleted(let deletion) where deletion.cascade == "orphan": try offerOrphans(of: id, at: time)
            case .replicaSetDeleteRequested(let deletion) where deletion.cascade == "orphan":
                try offerOrphanPods(of: id, at: time)
            // A Pod a user writes without a controller wakes the ReplicaSets that match it (`addPod`, `updatePod`),
            // unless one of its own stream does.
            case .podConfigured(let written) where written.pod.metadata.controllerRef == nil:
                try offerOrphanPods(of: id, at: time)
            // An orphan a user writes wakes the Deployments that match it (`addReplicaSet`, `updateReplicaSet`),
            // unless its own stream's Deployment does.
            case .replicaSetConfigured(let written):
                let name = written.replicaSet.name
                try claimOrphanPods(for: name, in: id, at: time)
                guard let rs = try stream(id).replicaSets[name], rs.metadata.controllerRef == nil else { continue }
                if let own = try stream(id).deployment?.spec.selector, Self.claimable(rs, by: own) { continue }
                try offerOrphans(of: id, at: time, only: name)
            default: continue
            }
        }
        try run(id, at: time) { $0.reconcile() }
        // A ReplicaSet its Deployment released in this command (relabelled out of its selector) wakes the Deployments
        // that match it, as the release's update does upstream.
        for rs in try stream(id).replicaSets.values.sortedByCreation()
        where controlled.contains(rs.name) && rs.metadata.controllerRef == nil {
            try offerOrphans(of: id, at: time, only: rs.name)
        }
        // So does a Pod its ReplicaSet released (relabelled out of its selector), for the ReplicaSets of other streams.
        if try stream(id).pods.values.contains(where: { controlledPods.contains($0.name) && $0.metadata.controllerRef == nil }) {
            try offerOrphanPods(of: id, at: time)
        }
    }

    /// A new Deployment claims the orphans of other streams that its selector matches.
    private mutating func claimOrphans(for id: StreamID, at time: Timestamp) throws {
        guard let namespace = id.deploymentKey?.namespace, let selector = try stream(id).deployment?.spec.selector,
            !selector.isEmpty
        else { return }
        for other in try namespaceStreams(namespace, from: reader.streamsWithOrphanedReplicaSets(namespace: namespace))
        where other != id {
            for rs in try stream(other).replicaSets.values.sortedByCreation() where Self.claimable(rs, by: selector) {
                try transfer(rs.name, from: other, to: id, at: time)
            }
        }
    }

    /// A Deployment deleted with `--cascade=orphan` leaves its ReplicaSets to the first live Deployment of the
    /// namespace (by name) that matches each; those Deployments then sync. `only` offers one ReplicaSet alone.
    private mutating func offerOrphans(of id: StreamID, at time: Timestamp, only: String? = nil) throws {
        guard let namespace = id.deploymentKey?.namespace else { return }
        var claimers: [StreamID] = []
        let live = try namespaceStreams(namespace, from: reader.deploymentStreams(namespace: namespace))
        for candidate in live where candidate != id {
            if let selector = try stream(candidate).deployment?.spec.selector, !selector.isEmpty { claimers.append(candidate) }
        }
        var claimed: Set<StreamID> = []
        for rs in try stream(id).replicaSets.values.sortedByCreation() where only.map({ $0 == rs.name }) ?? true {
            for claimer in claimers {
                guard let selector = try stream(claimer).deployment?.spec.selector, Self.claimable(rs, by: selector)
                else { continue }
                try transfer(rs.name, from: id, to: claimer, at: time)
                claimed.insert(claimer)
                break
            }
        }
        for claimer in claimed.sorted() { try run(claimer, at: time) { $0.reconcile() } }
    }

    /// `ClaimReplicaSets`' test for an orphan: no controller, not being deleted, labels the selector matches.
    private static func claimable(_ rs: ReplicaSet, by selector: LabelSelector) -> Bool {
        rs.metadata.controllerRef == nil && rs.metadata.deletionTimestamp == nil
            && selector.matches(rs.metadata.labels ?? [:])
    }

    /// The namespace's streams among `stored` (what the projections held before this command) and those this
    /// command has loaded (their state may have changed since), sorted.
    func namespaceStreams(_ namespace: String, from stored: [StreamID]) -> [StreamID] {
        let loaded = loadedStreams.filter { $0.deploymentKey?.namespace == namespace }
        return Array(Set(stored).union(loaded)).sorted()
    }

    /// Moves one ReplicaSet, with the Pods it controls and their timers, from `source` to `target`.
    private mutating func transfer(
        _ name: String, from source: StreamID, to target: StreamID, at time: Timestamp
    ) throws {
        let leaving = try stream(source)
        guard let rs = leaving.replicaSets[name] else { return }
        let pods = leaving.pods(of: rs)
        let names = Set(pods.map(\.name))
        let timers = leaving.containerTimers.filter { key, _ in
            key.split(separator: "/", maxSplits: 1).first.map { names.contains(String($0)) } ?? false
        }
        let release = ClusterEvent.replicaSetReleased(ReplicaSetRelease(name: name, to: target.rawValue))
        try run(source, at: time) { $0.emit(release, actor: Actor.deploymentController) }
        let arrival = ClusterEvent.replicaSetTransferred(
            ReplicaSetTransfer(from: source.rawValue, replicaSet: rs, pods: pods, timers: timers))
        try run(target, at: time) { $0.emit(arrival, actor: Actor.deploymentController) }
    }
}
