import Testing
import TestSupport

/// `-f FILE` on verbs that act on existing objects: the Deployments the manifest names (kubectl's
/// FilenameParam), as in test/cmd/apps.sh "set image -f hack/testdata/deployment-multicontainer.yaml".
/// Checked against kubectl v1.32.4 over rollbook serve.
@Suite(.serialized)
struct FilenameTargetsTests {
    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: web:1.0

        """

    @Test func verbsTakeTheirTargetsFromAFile() throws {
        let other = Self.manifest.replacingOccurrences(of: "name: web\n", with: "name: we\n")
        let script = ScenarioScript(files: ["web.yaml": Self.manifest, "we.yaml": other], steps: [
            (0, "images load web:1.0 web:2.0"),
            (0, "apply -f web.yaml"),
            (5, "scale -f web.yaml --replicas=3"),
            (6, "set image -f web.yaml web=web:2.0"),
            (7, "annotate -f web.yaml team=x"),
            (8, "rollout status -f web.yaml"),
            (8, "rollout history -f web.yaml"),
            (8, "get -f web.yaml -o name"),
            (8, "get -f web.yaml"),
            (8, "get deployment web -f web.yaml"),
            (9, "describe -f we.yaml"),
        ])
        try expectGolden(try script.run(), named: "fidelity/filename-targets.txt")
    }
}
