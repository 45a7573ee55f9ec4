import Testing
import TestSupport

/// `apply --dry-run=client|server` and `apply -o name` (pkg/cmd/apply/apply.go): a client dry run never
/// patches, so an existing object reads "configured (dry run)"; a server dry run decides as a real apply
/// and stores nothing. Checked against kubectl v1.32.4 over rollbook serve.
@Suite(.serialized)
struct ApplyDryRunTests {
    @Test func dryRunsStoreNothing() throws {
        let web = FilenameTargetsTests.manifest
        let script = ScenarioScript(
            files: ["web.yaml": web, "web-3.yaml": web.replacingOccurrences(of: "replicas: 2", with: "replicas: 3")],
            steps: [
                (0, "images load web:1.0"),
                (0, "apply -f web.yaml --dry-run=client"),
                (0, "apply -f web.yaml --dry-run=server"),
                (1, "get deployments"),
                (2, "apply -f web.yaml -o name"),
                (3, "apply -f web.yaml --dry-run=client"),
                (4, "apply -f web.yaml --dry-run=server"),
                (5, "apply -f web-3.yaml --dry-run=server"),
                (6, "get deployments"),
            ])
        try expectGolden(try script.run(), named: "fidelity/apply-dry-run.txt")
    }
}
