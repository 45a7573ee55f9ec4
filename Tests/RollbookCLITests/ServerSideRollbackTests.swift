import Testing
import TestSupport

/// The `deprecated.deployment.rollback.to` annotation, set by hand, makes the Deployment controller roll back
/// (`rollback.go`): to the given revision, to the one before the latest for 0, or not at all, with a Warning, for a
/// missing revision or an unchanged template. The annotation goes in every case; an integer it is not is ignored.
struct ServerSideRollbackTests {
    @Test func theDeprecatedAnnotationRollsBack() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load nginx:1.25 nginx:1.26"),
            (0, "create deployment web --image=nginx:1.25 --replicas=2"),
            (10, "set image deploy/web nginx=nginx:1.26 --record"),
            (20, "annotate deploy/web deprecated.deployment.rollback.to=1"),
            (60, "get deploy web -o 'jsonpath={.metadata.annotations} {.metadata.generation} {.spec.template.spec.containers[0].image}'"),
            (60, "rollout history deploy/web"),
            (70, "annotate deploy/web deprecated.deployment.rollback.to=9"),
            (80, "annotate deploy/web deprecated.deployment.rollback.to=0"),
            (90, "annotate deploy/web deprecated.deployment.rollback.to=3"),
            (95, "annotate deploy/web deprecated.deployment.rollback.to=5"),
            (100, "annotate deploy/web deprecated.deployment.rollback.to=x"),
            (120, "get deploy web -o 'jsonpath={.metadata.annotations} {.metadata.generation} {.spec.template.spec.containers[0].image}'"),
            (120, "rollout history deploy/web"),
            (120, "get events --field-selector involvedObject.kind=Deployment"),
            (120, "verify"),
        ])
        try expectGolden(try script.run(), named: "fidelity/server-side-rollback.txt")
    }

    /// A paused Deployment keeps its history while a rollback is in flight (sync.go: "Clean up the deployment when
    /// it's paused and no rollback is in flight"), so the rollback finds its revision on resume.
    @Test func aPausedDeploymentKeepsItsHistoryForAPendingRollback() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load nginx:1.25 nginx:1.26 nginx:1.27"),
            (0, "create deployment web --image=nginx:1.25 --replicas=2"),
            (5, "set image deployment/web nginx=nginx:1.26"),
            (10, "set image deployment/web nginx=nginx:1.27"),
            (15, "rollout pause deployment/web"),
            (16, "annotate deployment/web deprecated.deployment.rollback.to=1"),
            (17, #"patch deployment/web -p '{"spec":{"revisionHistoryLimit":0}}'"#),
            (18, "get rs"),
            (19, "rollout resume deployment/web"),
            (30, "get deploy web -o 'jsonpath={.spec.template.spec.containers[0].image}'"),
            (30, "get rs"),
            (30, "get events --field-selector involvedObject.kind=Deployment,reason=DeploymentRollback"),
        ])
        try expectGolden(try script.run(), named: "fidelity/server-side-rollback-paused.txt")
    }

    /// `SetNewReplicaSetAnnotations`: an empty revision on the ReplicaSet a template returns to counts as 0, so it
    /// is numbered again (and its history records the empty one).
    @Test func anEmptyRevisionIsRenumbered() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load nginx:1.25 nginx:1.26"),
            (0, "create deployment web --image=nginx:1.25 --replicas=2"),
            (5, "set image deployment/web nginx=nginx:1.26"),
            (6, "annotate rs web-68bf9f694d deployment.kubernetes.io/revision= --overwrite"),
            (7, "set image deployment/web nginx=nginx:1.25"),
            (8, #"get rs -o custom-columns=NAME:.metadata.name,REVISION:.metadata.annotations.deployment\.kubernetes\.io/revision,HISTORY:.metadata.annotations.deployment\.kubernetes\.io/revision-history"#),
            (8, "rollout history deployment/web"),
        ])
        try expectGolden(try script.run(), named: "fidelity/empty-revision.txt")
    }
}
