import Cluster
import KubeModel

extension ControlPlane {
    /// `rollout undo --to-revision=N --from-history`: restores revision N even when its ReplicaSet is gone.
    ///
    /// The template comes from the stream's ``RevisionRecord`` for N (the last one, if a recreated
    /// Deployment reused the number). When a ReplicaSet still holds N this is exactly kubectl's undo; when
    /// it does not, the record has no ReplicaSet annotations to restore, so the Deployment keeps its own
    /// annotations and only its change-cause goes back to the record's. Either way the change is an
    /// ordinary ``ClusterEvent/deploymentRolledBack(_:)``: the controller then creates (or re-adopts) a
    /// ReplicaSet for the template and gives it the next revision number, as for any rollback.
    public func undoFromHistory(
        namespace: String, name: String, toRevision: Int, dryRun: Bool = false, serverDryRun: Bool = false
    ) throws -> UndoResult {
        guard toRevision > 0 else {
            throw CommandError.client("--from-history needs the revision to restore: --to-revision=N")
        }
        return try mutateDeployment(namespace: namespace, name: name) { d, stream in
            let live = stream.ownedReplicaSets.first { $0.revision == toRevision }
            guard let record = RevisionLedger.template(of: toRevision, in: stream) else {
                throw CommandError.client("unable to find specified revision \(toRevision) in history")
            }
            let template = live?.spec.template.withoutHashLabel ?? record.template
            if dryRun { return (nil, .dryRun(revision: toRevision, template: live?.spec.template ?? record.template)) }
            if d.spec.isPaused {
                throw CommandError.client(
                    "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' "
                        + "and try again")
            }
            if d.spec.template.equalIgnoringHash(template) { return (nil, .skipped(toRevision: toRevision)) }
            var annotations: [String: String] = [:]
            if let live {
                for (key, value) in d.metadata.annotations ?? [:] where AnnotationKey.skipped.contains(key) {
                    annotations[key] = value
                }
                for (key, value) in live.metadata.annotations ?? [:] where !AnnotationKey.skipped.contains(key) {
                    annotations[key] = value
                }
            } else {
                annotations = d.metadata.annotations ?? [:]
                annotations[AnnotationKey.changeCause] = record.changeCause
            }
            let event = ClusterEvent.deploymentRolledBack(
                RolledBack(toRevision: toRevision, template: template, annotations: annotations))
            return (serverDryRun ? nil : event, .rolledBack)
        }
    }

    /// The rows of `kubectl rollout history` for a stream: owned ReplicaSets matching the selector, keyed
    /// by revision (a missing annotation counts as 0; a repeated number keeps the last), ascending. One whose
    /// annotation is not a number is left out (history.go logs it with klog and goes on).
    public static func historyRows(of stream: DeploymentStream) -> [(revision: Int, replicaSet: ReplicaSet)] {
        let selector = stream.deployment?.spec.selector ?? LabelSelector()
        var rows: [Int: ReplicaSet] = [:]
        for rs in stream.ownedReplicaSets where selector.matches(rs.metadata.labels ?? [:]) {
            if rs.revision == nil && rs.metadata[annotation: AnnotationKey.revision] != nil { continue }
            rows[rs.revision ?? 0] = rs
        }
        return rows.keys.sorted().compactMap { revision in rows[revision].map { (revision, $0) } }
    }
}
