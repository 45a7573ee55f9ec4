import Cluster
import KubeModel

extension Reconciler {
    /// `scaleReplicaSetAndRecordEvent`.
    @discardableResult
    mutating func scaleReplicaSetAndRecordEvent(_ name: String, to newScale: Int) -> Bool {
        guard let rs = stream.replicaSets[name], rs.replicas != newScale else { return false }
        return scaleReplicaSet(name, to: newScale, operation: rs.replicas < newScale ? "up" : "down")
    }

    /// `scaleReplicaSet`: writes the size and refreshes `desired-replicas`/`max-replicas`; an event only
    /// when the size changed.
    @discardableResult
    mutating func scaleReplicaSet(_ name: String, to newScale: Int, operation: String) -> Bool {
        guard let rs = stream.replicaSets[name] else { return false }
        let d = deployment
        let desired = d.spec.desiredReplicas
        let maxReplicas = desired + d.maxSurge
        let sizeChanged = rs.replicas != newScale
        let annotationsStale = rs.metadata[annotation: AnnotationKey.desiredReplicas] != String(desired)
            || rs.metadata[annotation: AnnotationKey.maxReplicas] != String(maxReplicas)
        guard sizeChanged || annotationsStale else { return false }
        emit(
            .replicaSetScaled(ReplicaSetScaled(
                name: name, from: rs.replicas, to: newScale, desiredReplicas: desired, maxReplicas: maxReplicas)),
            actor: Actor.deploymentController)
        guard sizeChanged else { return false }
        recordDeploymentEvent(
            type: "Normal", reason: "ScalingReplicaSet",
            message: "Scaled \(operation) replica set \(name) to \(newScale) from \(rs.replicas)")
        return true
    }

    /// `scale`: resizes one active ReplicaSet directly, or distributes a change proportionally.
    mutating func scale(newRS newName: String?, oldRSs oldNames: [String]) {
        let d = deployment
        let newRS = newName.flatMap { stream.replicaSets[$0] }
        let old = oldNames.compactMap { stream.replicaSets[$0] }
        if let target = activeOrLatest(newRS: newRS, old: old) {
            if target.replicas != d.spec.desiredReplicas {
                scaleReplicaSetAndRecordEvent(target.name, to: d.spec.desiredReplicas)
            }
            return
        }
        if let newRS, isSaturated(newRS) {
            for rs in old where rs.replicas > 0 { scaleReplicaSetAndRecordEvent(rs.name, to: 0) }
            return
        }
        guard !d.spec.isRecreate else { return }
        var active = (old + [newRS].compactMap { $0 }).filter { $0.replicas > 0 }
        let total = active.reduce(0) { $0 + $1.replicas }
        let allowed = d.spec.desiredReplicas > 0 ? d.spec.desiredReplicas + d.maxSurge : 0
        let toAdd = allowed - total
        var operation = ""
        if toAdd > 0 {
            active.sort(by: Reconciler.bySizeNewer)
            operation = "up"
        } else if toAdd < 0 {
            active.sort(by: Reconciler.bySizeOlder)
            operation = "down"
        }
        var added = 0
        var sizes: [String: Int] = [:]
        for rs in active {
            if toAdd != 0 {
                let proportion = self.proportion(of: rs, toAdd: toAdd, added: added)
                sizes[rs.name] = rs.replicas + proportion
                added += proportion
            } else {
                sizes[rs.name] = rs.replicas
            }
        }
        for (index, rs) in active.enumerated() {
            var size = sizes[rs.name] ?? rs.replicas
            if index == 0 && toAdd != 0 { size = max(0, size + toAdd - added) }
            scaleReplicaSet(rs.name, to: size, operation: operation)
        }
    }

    private func activeOrLatest(newRS: ReplicaSet?, old: [ReplicaSet]) -> ReplicaSet? {
        if newRS == nil && old.isEmpty { return nil }
        let newestFirst = Array(old.sortedByCreation().reversed())
        let active = (newestFirst + [newRS].compactMap { $0 }).filter { $0.replicas > 0 }
        switch active.count {
        case 0: return newRS ?? newestFirst.first
        case 1: return active[0]
        default: return nil
        }
    }

    private func isSaturated(_ rs: ReplicaSet) -> Bool {
        let desired = deployment.spec.desiredReplicas
        guard let annotated = rs.metadata[annotation: AnnotationKey.desiredReplicas].flatMap({ Int($0) }) else {
            return false
        }
        return rs.replicas == desired && annotated == desired && rs.availableReplicas == desired
    }

    /// `GetProportion` / `getReplicaSetFraction`, rounding half away from zero like `math.Round`.
    private func proportion(of rs: ReplicaSet, toAdd: Int, added: Int) -> Int {
        if rs.replicas == 0 || toAdd == 0 || toAdd == added { return 0 }
        let d = deployment
        var fraction: Int
        if d.spec.desiredReplicas == 0 {
            fraction = -rs.replicas
        } else {
            let maxReplicas = d.spec.desiredReplicas + d.maxSurge
            var before = rs.metadata[annotation: AnnotationKey.maxReplicas].flatMap { Int($0) } ?? 0
            if before == 0 { before = d.status.replicas ?? 0 }
            if before == 0 { return 0 }
            fraction = Int((Double(rs.replicas * maxReplicas) / Double(before)).rounded()) - rs.replicas
        }
        let allowed = toAdd - added
        return toAdd > 0 ? min(fraction, allowed) : max(fraction, allowed)
    }

    /// `ReplicaSetsBySizeNewer`: larger first; equal sizes newer first.
    static func bySizeNewer(_ a: ReplicaSet, _ b: ReplicaSet) -> Bool {
        if a.replicas == b.replicas { return createdBefore(b, a) }
        return a.replicas > b.replicas
    }

    /// `ReplicaSetsBySizeOlder`: larger first; equal sizes older first.
    static func bySizeOlder(_ a: ReplicaSet, _ b: ReplicaSet) -> Bool {
        if a.replicas == b.replicas { return createdBefore(a, b) }
        return a.replicas > b.replicas
    }

    static func createdBefore(_ a: ReplicaSet, _ b: ReplicaSet) -> Bool {
        let l = a.metadata.creationTimestamp ?? Timestamp(seconds: 0)
        let r = b.metadata.creationTimestamp ?? Timestamp(seconds: 0)
        return l == r ? a.name < b.name : l < r
    }
}
