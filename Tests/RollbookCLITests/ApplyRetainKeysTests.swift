import Testing
import TestSupport

/// test/cmd/apply.sh's "kubectl apply should be able to clear defaulted fields": `strategy` and a volume are merged
/// with `retainKeys`, so a manifest that turns the strategy to Recreate drops the defaulted `rollingUpdate` (it was
/// kept, and the update refused as invalid), and a volume given another source drops the old one (both were kept).
struct ApplyRetainKeysTests {
    static let before = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: test-deployment-retainkeys
        spec:
          selector:
            matchLabels:
              app: retainkeys
          template:
            metadata:
              labels:
                app: retainkeys
            spec:
              containers:
              - name: nginx
                image: nginx:1.25
                volumeMounts:
                - name: test-volume
                  mountPath: /data
              volumes:
              - name: test-volume
                emptyDir: {}
        """

    @Test func applyClearsWhatRetainKeysLeavesOut() throws {
        let recreate = Self.before.replacingOccurrences(
            of: "spec:\n  selector:", with: "spec:\n  strategy:\n    type: Recreate\n  selector:")
        let hostPath = recreate.replacingOccurrences(of: "emptyDir: {}", with: "hostPath:\n          path: /data")
        let files = ["before.yaml": Self.before, "after.yaml": recreate, "after2.yaml": hostPath]
        let strategy = "get deploy test-deployment-retainkeys -o jsonpath={.spec.strategy}"
        let volumes = "get deploy test-deployment-retainkeys -o jsonpath={.spec.template.spec.volumes}"
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.25"),
            (0, "apply -f before.yaml"),
            (1, "apply -f before.yaml"),
            (1, strategy),
            (2, "apply -f after.yaml"),
            (2, strategy),
            (3, "apply -f after2.yaml"),
            (3, volumes),
            (4, "apply -f after2.yaml"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/apply-retain-keys.txt")
    }
}
