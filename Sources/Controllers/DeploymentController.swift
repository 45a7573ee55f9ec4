import Cluster
import KubeModel

/// The Deployment controller's `syncDeployment` (pkg/controller/deployment), one sync per call.
extension Reconciler {
    var deployment: Deployment { stream.deployment! }

    mutating func syncDeployment() {
        guard let d = stream.deployment else { return }
        if d.spec.selector?.isEmpty ?? true {
            recordDeploymentEvent(
                type: "Warning", reason: "SelectingAll",
                message: "This deployment is selecting all pods. A non-empty selector is required.")
            return
        }
        claimReplicaSets()
        checkPausedConditions()
        if deployment.spec.isPaused {
            syncScaleAndStatus()
            return
        }
        if let revision = rollbackTo {
            rollback(to: revision)
            return
        }
        if isScalingEvent() {
            syncScaleAndStatus()
            return
        }
        if deployment.spec.isRecreate {
            rolloutRecreate()
        } else {
            rolloutRolling()
        }
    }

    /// `getReplicaSetsForDeployment`'s `ClaimReplicaSets`: one we control whose labels the selector no longer matches
    /// is let go (a user relabelled it), keeping its Pods; then an orphaned ReplicaSet the selector matches becomes ours.
    mutating func claimReplicaSets() {
        let d = deployment
        guard let selector = d.spec.selector, let uid = d.metadata.uid else { return }
        for rs in stream.replicaSets.values.sortedByCreation()
        where rs.metadata.controllerRef?.uid == uid && !selector.matches(rs.metadata.labels ?? [:]) {
            emit(.replicaSetOrphaned(ObjectName(name: rs.name)), actor: Actor.deploymentController)
        }
        for rs in stream.replicaSets.values.sortedByCreation()
        where rs.metadata.controllerRef == nil && rs.metadata.deletionTimestamp == nil
            && selector.matches(rs.metadata.labels ?? [:]) {
            let owner = OwnerReference(apiVersion: "apps/v1", kind: "Deployment", name: d.name, uid: uid)
            emit(.replicaSetAdopted(Adoption(name: rs.name, owner: owner)), actor: Actor.deploymentController)
        }
    }

    /// `checkPausedConditions`: Progressing Unknown DeploymentPaused / DeploymentResumed.
    mutating func checkPausedConditions() {
        let d = deployment
        guard d.hasProgressDeadline else { return }
        let condition = d.status.condition(ConditionType.progressing)
        if condition?.reason == Reason.timedOut { return }
        let pausedConditionExists = condition?.reason == Reason.paused
        var status = d.status
        if d.spec.isPaused && !pausedConditionExists {
            status.set(DeploymentCondition(
                type: ConditionType.progressing, status: "Unknown", reason: Reason.paused,
                message: "Deployment is paused", at: now))
        } else if !d.spec.isPaused && pausedConditionExists {
            status.set(DeploymentCondition(
                type: ConditionType.progressing, status: "Unknown", reason: Reason.resumed,
                message: "Deployment is resumed", at: now))
        } else {
            return
        }
        emit(.deploymentStatusUpdated(StatusUpdated(status: status)), actor: Actor.deploymentController)
    }

    /// `isScalingEvent`: an active ReplicaSet's `desired-replicas` differs from `spec.replicas`.
    mutating func isScalingEvent() -> Bool {
        let (newRS, oldRSs) = replicaSetsAndSyncRevision(createIfMissing: false)
        let all = (oldRSs + [newRS].compactMap { $0 }).compactMap { stream.replicaSets[$0] }
        for rs in all where rs.replicas > 0 {
            guard let desired = rs.metadata[annotation: AnnotationKey.desiredReplicas].flatMap({ Int($0) }) else {
                continue
            }
            if desired != deployment.spec.desiredReplicas { return true }
        }
        return false
    }

    /// `sync`: proportional scaling, history cleanup when paused (unless a rollback is in flight, which needs the
    /// history), then a plain status update.
    mutating func syncScaleAndStatus() {
        let (newRS, oldRSs) = replicaSetsAndSyncRevision(createIfMissing: false)
        scale(newRS: newRS, oldRSs: oldRSs)
        if deployment.spec.isPaused && rollbackTo == nil { cleanupDeployment(oldRSs: oldRSs) }
        syncDeploymentStatus(newRS: newRS, oldRSs: oldRSs)
    }
}

/// Condition types and reasons, verbatim from deployment_util.go.
public enum ConditionType {
    public static let available = "Available"
    public static let progressing = "Progressing"
    public static let replicaFailure = "ReplicaFailure"
}

public enum Reason {
    public static let newRSCreated = "NewReplicaSetCreated"
    public static let foundNewRS = "FoundNewReplicaSet"
    public static let replicaSetUpdated = "ReplicaSetUpdated"
    public static let newRSAvailable = "NewReplicaSetAvailable"
    public static let timedOut = "ProgressDeadlineExceeded"
    public static let paused = "DeploymentPaused"
    public static let resumed = "DeploymentResumed"
    public static let minimumReplicasAvailable = "MinimumReplicasAvailable"
    public static let minimumReplicasUnavailable = "MinimumReplicasUnavailable"
}

extension DeploymentStatus {
    /// `SetDeploymentCondition`: same status and reason keeps the old one; otherwise the old condition of
    /// that type is removed and the new one appended, keeping lastTransitionTime if the status is unchanged.
    public mutating func set(_ condition: DeploymentCondition) {
        var condition = condition
        if let current = self.condition(condition.type) {
            if current.status == condition.status && current.reason == condition.reason { return }
            if current.status == condition.status { condition.lastTransitionTime = current.lastTransitionTime }
        }
        conditions = (conditions ?? []).filter { $0.type != condition.type } + [condition]
    }

    public mutating func remove(_ type: String) {
        conditions = conditions?.filter { $0.type != type }
        if conditions?.isEmpty == true { conditions = nil }
    }
}
