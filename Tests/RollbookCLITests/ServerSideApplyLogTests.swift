import Testing
import TestSupport

/// Server-side apply in the event log: each apply request that changed the object or its field managers is one
/// event carrying its configuration (`events` says which manager applied, and kubectl's upgrade of client-side
/// apply's managers), so `--at` rebuilds the managers as they were, a rejected apply leaves nothing, and the log
/// still verifies.
@Suite(.serialized)
struct ServerSideApplyLogTests {
    @Test func appliesAreEventsAndManagersReplay() throws {
        let web = TestManifests.deployment("web", image: "web:1.0", container: "web", label: ("app", "web"), replicas: 2)
        let three = TestManifests.deployment("web", image: "web:1.0", container: "web", label: ("app", "web"), replicas: 3)
        let fields = "get deploy web --show-managed-fields -o=jsonpath='{range .metadata.managedFields[*]}{.manager}/{.operation}/{.time} {.fieldsV1.f:spec.f:replicas}{\"\\n\"}{end}'"
        let script = ScenarioScript(files: ["web.yaml": web, "web3.yaml": three], steps: [
            (0, "images load web:1.0"),
            (0, "apply -f web.yaml"),
            (10, "apply --server-side -f web3.yaml"),
            (20, "scale deploy web --replicas=5"),
            (30, "apply --server-side -f web3.yaml"),
            (40, "apply --server-side -f web3.yaml --field-manager=gitops --force-conflicts"),
            (50, fields),
            (50, fields + " --at 2026-11-26T15:00:25Z"),
            (50, "get deploy web -o jsonpath={.spec.replicas} --at 2026-11-26T15:00:25Z"),
            (50, "events --type DeploymentConfigured,DeploymentCreated"),
            (50, "verify"),
        ])
        try expectGolden(try script.run(), named: "fidelity/server-side-apply-log.txt")
    }
}
