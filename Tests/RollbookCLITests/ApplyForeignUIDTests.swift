import Testing
import TestSupport

/// A manifest exported from another object (`get -o yaml` elsewhere) carries its `metadata.uid`: apply's patch sends
/// it, and the server's UID precondition refuses it as a Conflict quoting the storage error, which apply.go reports as
/// it reports a stale resourceVersion (kubernetes#86320). `replace` and `patch` meet the same precondition.
@Suite(.serialized)
struct ApplyForeignUIDTests {
    static let uid = "51ac266e-9a37-11e6-8738-0800270c4edc"

    static func manifest(_ kind: String, uid: String? = nil) -> String {
        let pod = kind == "Pod"
        var lines = [pod ? "apiVersion: v1" : "apiVersion: apps/v1", "kind: \(kind)", "metadata:", "  name: web"]
        if let uid { lines.append("  uid: \(uid)") }
        if pod {
            lines += ["  labels:", "    app: web", "spec:", "  containers:", "  - name: web", "    image: web:1.0"]
        } else {
            lines += [
                "spec:", "  selector:", "    matchLabels:", "      app: web", "  template:", "    metadata:",
                "      labels:", "        app: web", "    spec:", "      containers:", "      - name: web",
                "        image: web:1.0",
            ]
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: ["Deployment", "ReplicaSet", "Pod"])
    func aForeignUIDIsAConflict(kind: String) throws {
        let script = ScenarioScript(
            files: ["web.yaml": Self.manifest(kind), "web-uid.yaml": Self.manifest(kind, uid: Self.uid)],
            steps: [
                (0, "images load web:1.0"),
                (0, "apply -f web.yaml"),
                (5, "apply -f web-uid.yaml"),
                (5, "apply -f web-uid.yaml --dry-run=server"),
                (6, "replace -f web-uid.yaml"),
                (7, "apply -f web.yaml"),
            ])
        try expectGolden(try script.run(), named: "fidelity/apply-foreign-uid-\(kind.lowercased()).txt")
    }
}
