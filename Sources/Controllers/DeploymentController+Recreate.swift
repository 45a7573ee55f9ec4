import Cluster
import KubeModel

extension Reconciler {
    /// `rolloutRecreate`: every old pod is gone before the new ReplicaSet is created at full size.
    mutating func rolloutRecreate() {
        var (newName, oldNames) = replicaSetsAndSyncRevision(createIfMissing: false)
        var scaledDown = false
        for rs in oldNames.compactMap({ stream.replicaSets[$0] }) where rs.replicas > 0 {
            if scaleReplicaSetAndRecordEvent(rs.name, to: 0) { scaledDown = true }
        }
        if scaledDown || oldPodsRunning(newName: newName, oldNames: oldNames) {
            syncRolloutStatus(newRS: newName, oldRSs: oldNames)
            return
        }
        if newName == nil { (newName, oldNames) = replicaSetsAndSyncRevision(createIfMissing: true) }
        // A create that failed ends the sync, as its error does upstream.
        guard let newName else { return }
        _ = scaleReplicaSetAndRecordEvent(newName, to: deployment.spec.desiredReplicas)
        if deployment.isComplete(status: deployment.status) { cleanupDeployment(oldRSs: oldNames) }
        syncRolloutStatus(newRS: newName, oldRSs: oldNames)
    }

    /// `oldPodsRunning`: old ReplicaSets still report replicas, or any of their pods is not finished.
    private func oldPodsRunning(newName: String?, oldNames: [String]) -> Bool {
        let old = oldNames.compactMap { stream.replicaSets[$0] }
        if old.reduce(0, { $0 + ($1.status.replicas ?? 0) }) > 0 { return true }
        let newUID = newName.flatMap { stream.replicaSets[$0]?.metadata.uid }
        let ownedUIDs = Set(stream.ownedReplicaSets.compactMap(\.metadata.uid))
        return stream.pods.values.contains { pod in
            guard let owner = pod.metadata.controllerRef?.uid, ownedUIDs.contains(owner), owner != newUID else {
                return false
            }
            return pod.status.phase != "Succeeded" && pod.status.phase != "Failed"
        }
    }
}
