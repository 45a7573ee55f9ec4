import Testing
import TestSupport

/// `patch deployment NAME -p JSON [--type strategic|merge|json]` (pkg/cmd/patch/patch.go): "patched", or
/// "patched (no change)" when the object came back unchanged; kubectl's flag checks; the server's
/// validation. Checked against kubectl v1.32.4 over rollbook serve.
@Suite(.serialized)
struct PatchCommandTests {
    @Test func patchesThroughTheUpdatePath() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0 web:2.0"),
            (0, "create deployment web --image=web:1.0"),
            (5, #"patch deployment web -p '{"spec":{"replicas":3}}'"#),
            (6, #"patch deployment web -p '{"spec":{"replicas":3}}'"#),
            (7, #"patch deployment/web --type merge -p '{"metadata":{"labels":{"tier":"x"}}}'"#),
            (8, #"patch deployment web --type json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"web:2.0"}]'"#),
            (9, #"patch deployment web -p '{"spec":{"replicas":-1}}'"#),
            (9, #"patch deployment nope -p '{"spec":{"replicas":3}}'"#),
            (9, "patch deployment web --type=bogus -p '{}'"),
            (9, "patch deployment web"),
            // A list element without its merge key: the server's strategic merge refuses it unclassified (500), and
            // kubectl's own merge for a client dry run says the same.
            (9, #"patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"image":"web:2.0","ports":[{"containerPort":80}]}]}}}}'"#),
            (9, #"patch deployment web --dry-run=client -p '{"spec":{"template":{"spec":{"containers":[{"image":"web:2.0"}]}}}}'"#),
            (10, "get deployment web -o wide --show-labels"),
            (10, "rollout history deployment web"),
        ])
        try expectGolden(try script.run(), named: "fidelity/patch.txt")
    }
}
