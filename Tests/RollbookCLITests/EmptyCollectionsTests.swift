import Testing
import TestSupport

/// What `omitempty` drops is no part of the object the API server keeps: a pod template with `annotations: {}`,
/// `nodeSelector: {}` and `env: []` (as Helm charts write them) is the template without them, so its
/// pod-template-hash, and the ReplicaSet's name, are the same.
@Suite(.serialized)
struct EmptyCollectionsTests {
    static let plain = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - {name: web, image: "web:1.0"}

        """

    @Test func emptyMapsAndListsLeaveTheHashAlone() throws {
        let empties = Self.plain
            .replacingOccurrences(of: "metadata: {labels: {app: web}}", with: "metadata: {labels: {app: web}, annotations: {}}")
            .replacingOccurrences(of: "    spec:\n      containers:", with: "    spec:\n      nodeSelector: {}\n      containers:")
            .replacingOccurrences(of: "image: \"web:1.0\"}", with: "image: \"web:1.0\", env: []}")
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
