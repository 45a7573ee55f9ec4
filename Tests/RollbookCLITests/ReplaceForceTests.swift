import Testing
import TestSupport

/// `replace --force` (replace.go `forceReplace`): each Deployment deleted, its dependents with it, then created again
/// from the file with a new UID; one that does not exist is only created; no dry run with it.
struct ReplaceForceTests {
    @Test func forceDeletesThenCreates() throws {
        let before = ApplyRetainKeysTests.before
        let recreate = before.replacingOccurrences(
            of: "spec:\n  selector:", with: "spec:\n  strategy:\n    type: Recreate\n  selector:")
        let other = before.replacingOccurrences(of: "name: test-deployment-retainkeys", with: "name: other")
        let files = ["before.yaml": before, "after.yaml": recreate, "other.yaml": other]
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.25"),
            (0, "apply -f before.yaml"),
            (1, "get deploy test-deployment-retainkeys -o jsonpath={.metadata.uid}"),
            (2, "replace --force -f after.yaml"),
            (3, "get deploy test-deployment-retainkeys -o 'jsonpath={.metadata.uid} {.spec.strategy} {.metadata.annotations}'"),
            (3, "get rs,pods"),
            (4, "replace --force -f other.yaml -o name"),
            (4, "replace --force -f after.yaml --dry-run=client"),
            (5, "verify"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/replace-force.txt")
    }
}
