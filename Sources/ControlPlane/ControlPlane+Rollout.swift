import Cluster
import KubeModel

extension ControlPlane {
    /// `kubectl rollout pause`: the Deployment as the PATCH answered it, before any controller acted.
    @discardableResult
    public func pause(namespace: String, name: String) throws -> Deployment? {
        var answer: Deployment?
        try mutateDeployment(namespace: namespace, name: name, afterEvent: { answer = $0 }) { d, _ in
            if d.spec.isPaused {
                throw CommandError.client("\(Resource.deployments) \"\(name)\" is already paused")
            }
            return (.deploymentPaused(Empty()), ())
        }
        return answer
    }

    /// `kubectl rollout resume`.
    @discardableResult
    public func resume(namespace: String, name: String) throws -> Deployment? {
        var answer: Deployment?
        try mutateDeployment(namespace: namespace, name: name, afterEvent: { answer = $0 }) { d, _ in
            if !d.spec.isPaused { throw CommandError.client("\(Resource.deployments) \"\(name)\" is not paused") }
            return (.deploymentResumed(Empty()), ())
        }
        return answer
    }

    /// `kubectl rollout restart`: stamps the template with `kubectl.kubernetes.io/restartedAt`.
    @discardableResult
    public func restart(namespace: String, name: String) throws -> Deployment? {
        var answer: Deployment?
        try mutateDeployment(namespace: namespace, name: name, afterEvent: { answer = $0 }) { d, _ in
            if d.spec.isPaused {
                throw CommandError.client(
                    "\(Resource.deployments) \"\(name)\" can't restart paused deployment (run rollout resume first)")
            }
            // kubectl stamps whole seconds: a second restart within the same second is an empty patch.
            if d.spec.template.metadata.annotations?[AnnotationKey.restartedAt] == now.description {
                throw CommandError.client(
                    "failed to create patch for \(name): if restart has already been triggered within the past "
                        + "second, please wait before attempting to trigger another")
            }
            return (.deploymentRestarted(Restarted(restartedAt: now.description)), ())
        }
        return answer
    }

    public enum UndoResult: Sendable, Equatable {
        case rolledBack
        case skipped(toRevision: Int)
        /// `--dry-run=client`: the template that would be restored.
        case dryRun(revision: Int, template: PodTemplateSpec)
    }

    /// `kubectl rollout undo` (client-side rollback, polymorphichelpers/rollback.go). `serverDryRun` decides
    /// and checks everything a real undo does, then appends nothing (`--dry-run=server`).
    public func undo(
        namespace: String, name: String, toRevision: Int, dryRun: Bool = false, serverDryRun: Bool = false
    ) throws -> UndoResult {
        try mutateDeployment(namespace: namespace, name: name) { d, stream in
            if toRevision < 0 { throw CommandError.client("unable to find specified revision \(toRevision) in history") }
            let target = try ControlPlane.rollbackTarget(stream.ownedReplicaSets, toRevision: toRevision, name: name)
            let template = target.spec.template.withoutHashLabel
            if dryRun { return (nil, .dryRun(revision: target.revision ?? 0, template: target.spec.template)) }
            if d.spec.isPaused {
                throw CommandError.client(
                    "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")
            }
            if d.spec.template.equalIgnoringHash(template) { return (nil, .skipped(toRevision: toRevision)) }
            let event = ClusterEvent.deploymentRolledBack(RolledBack(
                toRevision: target.revision ?? 0, template: template, annotations: d.annotationsRollingBack(to: target)))
            return (serverDryRun ? nil : event, .rolledBack)
        }
    }

    /// The ReplicaSet `rollout undo` restores: the given revision, or the second-highest for 0.
    static func rollbackTarget(_ replicaSets: [ReplicaSet], toRevision: Int, name: String) throws -> ReplicaSet {
        let byRevision = replicaSets.map { ($0.revision ?? 0, $0) }
        if toRevision > 0 {
            guard let match = byRevision.first(where: { $0.0 == toRevision }) else {
                throw CommandError.client("unable to find specified revision \(toRevision) in history")
            }
            return match.1
        }
        let sorted = byRevision.sorted { $0.0 > $1.0 }
        guard sorted.count >= 2 else {
            throw CommandError.client("no rollout history found for deployment \"\(name)\"")
        }
        return sorted[1].1
    }

    /// Rows for `kubectl rollout history`: owned ReplicaSets keyed by revision (missing counts as 0).
    public func history(namespace: String, name: String) throws -> [(revision: Int, replicaSet: ReplicaSet)] {
        ControlPlane.historyRows(of: try deploymentStream(namespace: namespace, name: name))
    }
}
