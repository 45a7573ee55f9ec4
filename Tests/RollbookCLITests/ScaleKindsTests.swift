import Testing
import TestSupport

/// scale across kinds, as the resource builder visits them (generic-resources.sh scales files of mixed kinds):
/// `deploy/web rs/frontend`, `deploy,rs --all`, several `-f`; a selection of nothing is "no objects passed to
/// scale". Checked against kubectl v1.32.4 through serve.
@Suite(.serialized)
struct ScaleKindsTests {
    @Test func deploymentsAndReplicaSetsTogether() throws {
        let web = TestManifests.deployment("web", image: "web:1.0", container: "web", label: ("app", "web"))
        let frontend = """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: frontend
            spec:
              replicas: 3
              selector:
                matchLabels:
                  tier: frontend
              template:
                metadata:
                  labels:
                    tier: frontend
                spec:
                  containers:
                  - name: php
                    image: web:1.0
            """
        let script = ScenarioScript(files: ["web.yaml": web, "frontend.yaml": frontend], steps: [
            (0, "images load web:1.0"),
            (0, "create -f web.yaml -f frontend.yaml"),
            (1, "scale deploy/web rs/frontend --replicas=2"),
            (2, "scale deploy,rs --all --replicas=1"),
            (3, "scale -f frontend.yaml -f web.yaml --replicas=2"),
            (4, "scale deploy/web rs/nope --replicas=3"),
            (4, "scale deploy -l app=nothing --replicas=1"),
            (5, "get deploy,rs"),
        ])
        try expectGolden(try script.run(), named: "fidelity/scale-kinds.txt")
    }
}
