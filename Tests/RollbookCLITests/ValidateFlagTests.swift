import Testing
import TestSupport

/// `--validate` (GetValidationDirective) on the verbs that send objects: strict (or true) refuses unknown fields,
/// warn takes the object and prints the server's warnings, ignore (or false) drops them in silence and leaves a
/// missing kind to the decoder. Checked against kubectl v1.32.4 through serve.
@Suite(.serialized)
struct ValidateFlagTests {
    /// A Deployment with a field the server does not know in its spec, and one in its container.
    static let unknownFields = TestManifests.deployment(
        "web", image: "web:1.0", container: "web", label: ("app", "web"), spec: ["foo: 1"]) + "\n        bar: x"

    static let noKind = """
        apiVersion: apps/v1
        ind: Deployment
        metadata:
          name: nk
        """

    @Test func strictWarnAndIgnore() throws {
        let script = ScenarioScript(files: ["unknown.yaml": Self.unknownFields, "nokind.yaml": Self.noKind], steps: [
            (0, "images load web:1.0"),
            (1, "create -f unknown.yaml"),
            (1, "create -f unknown.yaml --validate=maybe"),
            (1, "create -f unknown.yaml --validate=warn --dry-run=server"),
            (1, "create -f nokind.yaml --validate=warn"),
            (1, "create -f nokind.yaml --validate=false"),
            (2, "create -f unknown.yaml --validate=false"),
            (3, "get deploy web -o jsonpath={.spec.template.spec.containers[0]}"),
            (4, "apply -f unknown.yaml --validate=ignore"),
            (5, "apply -f unknown.yaml --validate=warn"),
            (6, "replace -f unknown.yaml --validate=warn"),
            (7, "create deployment other --image=web:1.0 --validate=true --dry-run=server -o name"),
            (7, "verify"),
        ])
        try expectGolden(try script.run(), named: "fidelity/validate-flag.txt")
    }
}
