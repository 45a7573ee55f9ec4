import Testing
import TestSupport

/// What `omitempty` drops is no part of the object the API server keeps: a pod template with `annotations: {}`,
/// `nodeSelector: {}` and `env: []` (as Helm charts write them) is the template without them, so its
/// pod-template-hash, and the ReplicaSet's name, are the same.
@Suite(.serialized)
struct EmptyCollectionsTests {
    static let plain = TestManifests.deployment("web", image: "web:1.0", container: "web", label: ("app", "web"))

    @Test func emptyMapsAndListsLeaveTheHashAlone() throws {
        let empties = Self.plain
            .replacingOccurrences(
                of: "        app: web\n    spec:\n      containers:",
                with: "        app: web\n      annotations: {}\n    spec:\n      nodeSelector: {}\n      containers:")
            .replacingOccurrences(of: "        image: web:1.0", with: "        image: web:1.0\n        env: []")
        let script = ScenarioScript(files: ["plain.yaml": Self.plain, "empties.yaml": empties], steps: [
            (0, "images load web:1.0"),
            (0, "apply -f plain.yaml -n one"),
            (0, "apply -f empties.yaml -n two"),
            (1, "get rs -A"),
            (1, "get deploy web -n two -o jsonpath={.spec.template}"),
        ])
        try expectGolden(try script.run(), named: "fidelity/empty-collections.txt")
    }
}
