import Testing
import TestSupport

/// `apply set-last-applied` (test/cmd/apply.sh): the annotation set to the file's configuration, refused on an object
/// without one unless `--create-annotation`, and no change when it already says so; the object itself stays.
struct SetLastAppliedTests {
    @Test func theAnnotationIsSetFromTheFile() throws {
        let before = ApplyRetainKeysTests.before
        let recreate = before.replacingOccurrences(
            of: "spec:\n  selector:", with: "spec:\n  strategy:\n    type: Recreate\n  selector:")
        let files = ["before.yaml": before, "after.yaml": recreate]
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.25"),
            (0, "create -f before.yaml"),
            (1, "apply set-last-applied -f after.yaml"),
            (1, "apply set-last-applied -f after.yaml --create-annotation --dry-run=client"),
            (1, "apply set-last-applied -f after.yaml --create-annotation"),
            (1, "apply view-last-applied deployment/test-deployment-retainkeys -o json"),
            (1, "get deploy test-deployment-retainkeys -o jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}"),
            (1, "apply set-last-applied -f after.yaml"),
            (1, "apply set-last-applied -f before.yaml -o name"),
            (1, "get deploy test-deployment-retainkeys -o jsonpath={.spec.strategy.type}"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/set-last-applied.txt")
    }
}
