import Cluster
import KubeModel
import Store
import Testing

@testable import ControlPlane

/// The manager a write is recorded under: the `fieldManager` the kubectl verb sends, found wherever the global
/// flags stand; through serve, the request's own `fieldManager`, else its user agent's program.
struct FieldManagerNameTests {
    private func manager(
        _ argv: [String], _ event: ClusterEvent = .deploymentPaused(Empty()), actor: String = "alice"
    ) -> String {
        let name = FieldManagerHistory.manager(
            of: ObjectWrite(sequence: 1, event: event, time: Timestamp(seconds: 0), argv: argv, actor: actor))
        return name.name + (name.subresource.map { "/" + $0 } ?? "")
    }

    @Test func commandsAreNamedByTheirVerbWhereverTheGlobalFlagsStand() {
        #expect(manager(["set", "image", "deploy/web", "web=web:2"]) == "kubectl-set")
        #expect(manager(["-n", "prod", "--store", "s.db", "set", "image", "deploy/web", "web=web:2"]) == "kubectl-set")
        #expect(manager(["rollout", "-n", "prod", "undo", "deploy/web"]) == "kubectl")
        #expect(manager(["rollout", "--as=alice", "restart", "deploy/web"]) == "kubectl-rollout")
        #expect(manager(["scale", "deploy/web", "--replicas=3"]) == "kubectl/scale")
        #expect(manager(["rewind", "deploy/web", "--to-revision=1"]) == "rollbook")
        #expect(manager(["label", "deploy/web", "a=1", "--field-manager=ops"]) == "ops")
        #expect(manager(["annotate", "--field-manager", "ops", "deploy/web", "a=1"]) == "ops")
        #expect(manager(["label", "deploy/web", "a=1", "--field-manager="]) == "kubectl")
        // The controller's status writes under a user's command are its own; a user's write of /status is the user's.
        let status = ClusterEvent.deploymentStatusUpdated(StatusUpdated(status: DeploymentStatus()))
        #expect(manager(["set", "image", "deploy/web"], status, actor: Actor.deploymentController)
                == "kube-controller-manager/status")
        #expect(manager(["patch", "deploy/web", "--subresource=status", "-p", "{}"], status) == "kubectl-patch/status")
    }

    /// The controller's own updates of a Deployment (rolling back for the deprecated annotation) are its writes,
    /// whichever command's catch-up ran it.
    @Test func theDeploymentControllersUpdatesAreItsOwn() {
        let cleared = ClusterEvent.deploymentAnnotated(Annotated(set: [:], removed: [AnnotationKey.rollbackTo]))
        #expect(manager(["annotate", "deploy/web", "deprecated.deployment.rollback.to=1"], cleared)
                == "kubectl-annotate")
        #expect(manager(["annotate", "deploy/web", "deprecated.deployment.rollback.to=1"], cleared,
                        actor: Actor.deploymentController) == "kube-controller-manager")
    }

    @Test func requestsAreNamedByTheirFieldManagerElseTheirUserAgent() {
        let agent = "user-agent=kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07"
        #expect(manager(["PATCH", "/apis/apps/v1/namespaces/default/deployments/web?fieldManager=kubectl-set", agent]) == "kubectl-set")
        #expect(manager(["PATCH", "/apis/apps/v1/namespaces/default/deployments/web?fieldManager=", agent]) == "kubectl")
        #expect(manager(["PATCH", "/apis/apps/v1/namespaces/default/deployments/web/scale", agent]) == "kubectl/scale")
        #expect(manager(["PUT", "/apis/apps/v1/namespaces/default/deployments/web"]) == "")
    }
}
