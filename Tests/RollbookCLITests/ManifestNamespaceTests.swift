import Testing
import TestSupport

/// `-f` and `-n` together, as kubectl's resource builder takes them: an object names its own namespace, and an
/// explicit `-n` that differs is refused by every verb before it acts (it used to act on the `-n` namespace's
/// object of the same name, or, for delete, on the file's).
struct ManifestNamespaceTests {
    /// The Deployment `web` of the wait tests, in namespace `nsq`.
    static let inNSQ = WaitTests.web.replacingOccurrences(of: "  name: web\n", with: "  name: web\n  namespace: nsq\n")

    @Test func anExplicitNamespaceMustMatchTheFiles() throws {
        let files = ["nsq.yaml": Self.inNSQ, "plain.yaml": Self.inNSQ.replacingOccurrences(of: "  namespace: nsq\n", with: "")]
        var steps: [(Int, String)] = [
            (0, "images load nginx:1.25 nginx:1.26"),
            (0, "-n nsq apply -f nsq.yaml"),
            (0, "-n zz apply -f plain.yaml"),
        ]
        for verb in [
            "get -f nsq.yaml", "describe -f nsq.yaml", "scale --replicas=2 -f nsq.yaml", "set image -f nsq.yaml web=nginx:1.26",
            "label -f nsq.yaml tier=a", "annotate -f nsq.yaml a=b", "rollout restart -f nsq.yaml", "rollout status -f nsq.yaml",
            "wait --for=create -f nsq.yaml", "delete -f nsq.yaml", "create -f nsq.yaml", "replace -f nsq.yaml",
        ] {
            steps.append((1, "-n zz \(verb)"))
        }
        // Without -n, the file's namespace is the one acted in.
        steps += [(2, "scale --replicas=2 -f nsq.yaml"), (3, "get deploy -A"), (3, "-n nsq get -f nsq.yaml")]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/manifest-namespace.txt")
    }
}
