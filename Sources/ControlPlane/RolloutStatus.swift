import KubeModel

/// What `kubectl rollout status` concludes from one look at a Deployment (rollout_status.go).
public enum RolloutStatus: Sendable, Equatable {
    case waiting(String)
    case done(String)
    case failed(String)

    public static func evaluate(_ d: Deployment, revision: Int = 0) -> RolloutStatus {
        if revision > 0 {
            // deploymentutil.Revision: a missing annotation is revision 0.
            let current = d.metadata[annotation: AnnotationKey.revision].flatMap { Int($0) } ?? 0
            if current != revision {
                return .failed("desired revision (\(revision)) is different from the running revision (\(current))")
            }
        }
        let status = d.status
        if (d.metadata.generation ?? 0) > (status.observedGeneration ?? 0) {
            return .waiting("Waiting for deployment spec update to be observed...")
        }
        if status.condition("Progressing")?.reason == "ProgressDeadlineExceeded" {
            return .failed("deployment \"\(d.name)\" exceeded its progress deadline")
        }
        let desired = d.spec.desiredReplicas
        let updated = status.updatedReplicas ?? 0
        let replicas = status.replicas ?? 0
        let available = status.availableReplicas ?? 0
        let prefix = "Waiting for deployment \"\(d.name)\" rollout to finish: "
        if updated < desired {
            return .waiting(prefix + "\(updated) out of \(desired) new replicas have been updated...")
        }
        if replicas > updated {
            return .waiting(prefix + "\(replicas - updated) old replicas are pending termination...")
        }
        if available < updated {
            return .waiting(prefix + "\(available) of \(updated) updated replicas are available...")
        }
        return .done("deployment \"\(d.name)\" successfully rolled out")
    }
}
