import Testing
import TestSupport

/// `create deployment --dry-run=client -o yaml|json|name`, the usual way to start a manifest. The golden
/// is kubectl v1.32.4's own output (a client dry run needs no server): the typed object create_deployment.go
/// builds, with Go's null creationTimestamp and empty strategy, resources and status.
@Suite(.serialized)
struct CreateDryRunTests {
    @Test func clientDryRunPrintsTheGeneratedObject() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "create deployment web2 --image=nginx --dry-run=client -o yaml"),
            (0, "create deployment web2 --image=nginx:1.25 --port=8080 --replicas=3 --dry-run=client -o json"),
            (0, "create deployment web2 --image=busybox --dry-run=client -o yaml -- /bin/sleep infinity"),
            (0, "create deployment web2 --image=nginx -n other --dry-run=client -o name"),
            (0, "create deployment web2 --image=nginx --dry-run=client"),
            (0, "create deployment web2 --image=nginx --dry-run=server"),
            (0, "get deployments"),
        ])
        try expectGolden(try script.run(), named: "fidelity/create-dry-run.txt")
    }
}
