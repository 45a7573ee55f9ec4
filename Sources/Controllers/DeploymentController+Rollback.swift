import Cluster
import KubeModel

/// The server-side rollback that apps/v1 keeps for the `deprecated.deployment.rollback.to` annotation
/// (`rollback.go`): what `extensions/v1beta1`'s `spec.rollbackTo` became. kubectl's `rollout undo` no longer uses
/// it, but an annotation set by hand still triggers it.
extension Reconciler {
    /// `getRollbackTo`: the annotation's revision; a value that is no integer is ignored (and left in place).
    var rollbackTo: Int? {
        guard let text = deployment.metadata[annotation: AnnotationKey.rollbackTo], !text.isEmpty else { return nil }
        return Int(text)
    }

    /// `rollback`: restores the template of the ReplicaSet with that revision (0: the one before the latest), or
    /// says why not; either way the annotation goes, in the same update.
    mutating func rollback(to revision: Int) {
        let (newRS, oldRSs) = replicaSetsAndSyncRevision(createIfMissing: true)
        // A new ReplicaSet that could not be created ends the sync; the annotation stays for the next one.
        guard newRS != nil else { return }
        let all = (oldRSs + [newRS].compactMap { $0 }).compactMap { stream.replicaSets[$0] }
        var target = revision
        if target == 0 {
            target = Reconciler.lastRevision(all)
            if target == 0 {
                giveUpRollback(reason: "DeploymentRollbackRevisionNotFound", message: "Unable to find last revision.")
                return
            }
        }
        guard let rs = all.first(where: { $0.revision == target }) else {
            giveUpRollback(
                reason: "DeploymentRollbackRevisionNotFound", message: "Unable to find the revision to rollback to.")
            return
        }
        let d = deployment
        if d.spec.template.equalIgnoringHash(rs.spec.template) {
            giveUpRollback(
                reason: "DeploymentRollbackTemplateUnchanged",
                message: "The rollback revision contains the same template as current deployment \"\(d.name)\"")
            return
        }
        var annotations = d.annotationsRollingBack(to: rs)
        annotations[AnnotationKey.rollbackTo] = nil
        emit(.deploymentRolledBack(RolledBack(
            toRevision: target, template: rs.spec.template.withoutHashLabel, annotations: annotations)),
             actor: Actor.deploymentController)
        recordDeploymentEvent(
            type: "Normal", reason: "DeploymentRollback",
            message: "Rolled back deployment \"\(d.name)\" to revision \(target)")
    }

    /// A Warning Event, then `updateDeploymentAndClearRollbackTo` with nothing else changed.
    private mutating func giveUpRollback(reason: String, message: String) {
        recordDeploymentEvent(type: "Warning", reason: reason, message: message)
        emit(.deploymentAnnotated(Annotated(set: [:], removed: [AnnotationKey.rollbackTo])),
             actor: Actor.deploymentController)
    }

    /// `LastRevision`: the second-highest revision (0 with fewer than two).
    static func lastRevision(_ replicaSets: [ReplicaSet]) -> Int {
        var highest = 0, second = 0
        for rs in replicaSets {
            guard let revision = rs.revision else { continue }
            if revision >= highest {
                second = highest
                highest = revision
            } else if revision > second {
                second = revision
            }
        }
        return second
    }
}
