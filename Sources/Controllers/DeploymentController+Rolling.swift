import Cluster
import KubeModel

extension Reconciler {
    /// `rolloutRolling`: one sync either scales the new ReplicaSet up or old ones down.
    mutating func rolloutRolling() {
        let (newName, oldNames) = replicaSetsAndSyncRevision(createIfMissing: true)
        guard let newName else { return }
        if reconcileNewReplicaSet(newName, oldNames: oldNames) {
            syncRolloutStatus(newRS: newName, oldRSs: oldNames)
            return
        }
        if reconcileOldReplicaSets(newName, oldNames: oldNames) {
            syncRolloutStatus(newRS: newName, oldRSs: oldNames)
            return
        }
        if deployment.isComplete(status: deployment.status) { cleanupDeployment(oldRSs: oldNames) }
        syncRolloutStatus(newRS: newName, oldRSs: oldNames)
    }

    private mutating func reconcileNewReplicaSet(_ newName: String, oldNames: [String]) -> Bool {
        guard let newRS = stream.replicaSets[newName] else { return false }
        let d = deployment
        if newRS.replicas == d.spec.desiredReplicas { return false }
        if newRS.replicas > d.spec.desiredReplicas {
            return scaleReplicaSetAndRecordEvent(newName, to: d.spec.desiredReplicas)
        }
        let all = oldNames.compactMap { stream.replicaSets[$0] } + [newRS]
        return scaleReplicaSetAndRecordEvent(newName, to: d.newReplicaSetReplicas(all: all, newRS: newRS))
    }

    /// `reconcileOldReplicaSets`: unhealthy old replicas go first, then healthy ones within maxUnavailable.
    private mutating func reconcileOldReplicaSets(_ newName: String, oldNames: [String]) -> Bool {
        let active = oldNames.compactMap { stream.replicaSets[$0] }.filter { $0.replicas > 0 }
        guard let newRS = stream.replicaSets[newName], !active.isEmpty else { return false }
        let d = deployment
        let allPods = (oldNames.compactMap { stream.replicaSets[$0] } + [newRS]).reduce(0) { $0 + $1.replicas }
        let minAvailable = d.spec.desiredReplicas - d.maxUnavailable
        let newUnavailable = newRS.replicas - newRS.availableReplicas
        let maxScaledDown = allPods - minAvailable - newUnavailable
        if maxScaledDown <= 0 { return false }
        // A cleanup that would scale a ReplicaSet up (more available than wanted) is an error upstream, which skips
        // the scale-down of this sync.
        guard let cleaned = cleanupUnhealthyReplicas(active.map(\.name), maxCleanup: maxScaledDown) else { return false }
        let scaledDown = scaleDownOldReplicaSetsForRollingUpdate(newName: newName, oldNames: active.map(\.name))
        return cleaned + scaledDown > 0
    }

    private mutating func cleanupUnhealthyReplicas(_ names: [String], maxCleanup: Int) -> Int? {
        var total = 0
        for rs in names.compactMap({ stream.replicaSets[$0] }).sortedByCreation() {
            if total >= maxCleanup { break }
            if rs.replicas == 0 || rs.replicas == rs.availableReplicas { continue }
            let count = min(maxCleanup - total, rs.replicas - rs.availableReplicas)
            if count < 0 { return nil }
            _ = scaleReplicaSetAndRecordEvent(rs.name, to: rs.replicas - count)
            total += count
        }
        return total
    }

    private mutating func scaleDownOldReplicaSetsForRollingUpdate(newName: String, oldNames: [String]) -> Int {
        let d = deployment
        let minAvailable = d.spec.desiredReplicas - d.maxUnavailable
        let all = (oldNames + [newName]).compactMap { stream.replicaSets[$0] }
        let available = all.reduce(0) { $0 + $1.availableReplicas }
        if available <= minAvailable { return 0 }
        let toRemove = available - minAvailable
        var total = 0
        for rs in oldNames.compactMap({ stream.replicaSets[$0] }).sortedByCreation() {
            if total >= toRemove { break }
            if rs.replicas == 0 { continue }
            let count = min(rs.replicas, toRemove - total)
            _ = scaleReplicaSetAndRecordEvent(rs.name, to: rs.replicas - count)
            total += count
        }
        return total
    }
}
