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
}
