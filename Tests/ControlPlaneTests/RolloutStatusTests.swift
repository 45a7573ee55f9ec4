import ControlPlane
import KubeModel
import Testing

/// `kubectl rollout status`'s verdicts (rollout_status.go), including W15's progression through W3.
struct RolloutStatusTests {
    static func web(replicas: Int = 10, generation: Int = 2, observed: Int = 2, replicasNow: Int, updated: Int,
                    available: Int, progressing: String? = nil) -> Deployment {
        var meta = ObjectMeta(name: "web", namespace: "default")
        meta.generation = generation
        meta.annotations = [AnnotationKey.revision: "2"]
        var d = Deployment(metadata: meta, spec: DeploymentSpec(replicas: replicas))
        d.status.observedGeneration = observed
        d.status.replicas = replicasNow
        d.status.updatedReplicas = updated
        d.status.availableReplicas = available
        if let progressing {
            d.status.conditions = [DeploymentCondition(
                type: "Progressing", status: "False", reason: progressing, message: "", at: Timestamp(seconds: 0))]
        }
        return d
    }

    @Test(arguments: [
        (11, 3, 11, "Waiting for deployment \"web\" rollout to finish: 3 out of 10 new replicas have been updated..."),
        (13, 5, 13, "Waiting for deployment \"web\" rollout to finish: 5 out of 10 new replicas have been updated..."),
        (8, 5, 8, "Waiting for deployment \"web\" rollout to finish: 5 out of 10 new replicas have been updated..."),
        (13, 10, 13, "Waiting for deployment \"web\" rollout to finish: 3 old replicas are pending termination..."),
        (10, 10, 7, "Waiting for deployment \"web\" rollout to finish: 7 of 10 updated replicas are available..."),
    ])
    func w15ProgressionMessages(replicas: Int, updated: Int, available: Int, message: String) {
        let d = Self.web(replicasNow: replicas, updated: updated, available: available)
        #expect(RolloutStatus.evaluate(d) == .waiting(message))
    }

    @Test func w15CompleteRollout() {
        let d = Self.web(replicasNow: 10, updated: 10, available: 10)
        #expect(RolloutStatus.evaluate(d) == .done("deployment \"web\" successfully rolled out"))
    }

    @Test func specUpdateNotObservedYet() {
        let d = Self.web(generation: 3, observed: 2, replicasNow: 10, updated: 10, available: 10)
        #expect(RolloutStatus.evaluate(d) == .waiting("Waiting for deployment spec update to be observed..."))
    }

    @Test func progressDeadlineExceededFails() {
        let d = Self.web(replicasNow: 13, updated: 5, available: 8, progressing: "ProgressDeadlineExceeded")
        #expect(RolloutStatus.evaluate(d) == .failed("deployment \"web\" exceeded its progress deadline"))
    }

    @Test func pinnedRevisionMismatch() {
        let d = Self.web(replicasNow: 10, updated: 10, available: 10)
        #expect(RolloutStatus.evaluate(d, revision: 3)
                == .failed("desired revision (3) is different from the running revision (2)"))
    }
}
