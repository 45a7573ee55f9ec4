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

    /// The delete flags replace.go registers (generic-resources.sh, core.sh): `--cascade` (bare is background,
    /// orphan leaves the ReplicaSets), `--grace-period`, `--timeout` and `--wait`, the first two refused without
    /// `--force`.
    @Test func theDeleteFlagsGoWithForce() throws {
        let web = TestManifests.deployment("web", image: "web:1.0", container: "web", label: ("app", "web"))
        let db = TestManifests.deployment("db", image: "web:1.0", container: "web", label: ("app", "db"))
        let modified = TestManifests.deployment(
            "web", image: "web:1.0", container: "web", label: ("app", "web"), labelled: true)
        let files = ["multi.yaml": web + "\n---\n" + db, "web.yaml": modified]
        let steps: [(Int, String)] = [
            (0, "images load web:1.0"),
            (0, "create -f multi.yaml"),
            (5, "replace -f web.yaml --grace-period=1"),
            (5, "replace -f web.yaml --timeout=1s"),
            (5, "replace -f web.yaml --force --cascade=bogus"),
            (6, "replace -f multi.yaml --force --cascade"),
            (7, "replace -f web.yaml --force --cascade=orphan --grace-period=0 --wait"),
            (8, "get deploy --show-labels"),
            (8, "get rs -o custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].name"),
            (9, "verify"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/replace-force-flags.txt")
    }
}
