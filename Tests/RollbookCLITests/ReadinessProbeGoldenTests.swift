import Testing
import TestSupport

/// A rollout paced by a readiness probe: the new pods turn ready at the first probe after their application answers
/// (`images load --startup`), `describe` shows each failed probe on one counting `Unhealthy` Event, and an image that
/// never answers keeps the rollout at its surge.
struct ReadinessProbeGoldenTests {
    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
              - name: api
                image: api:1
                ports:
                - name: http
                  containerPort: 8080
                readinessProbe:
                  httpGet:
                    path: /ready
                    port: http
                  initialDelaySeconds: 5
                  periodSeconds: 10
        """

    @Test func aRolloutWaitsForEachPodsProbe() throws {
        let steps: [(Int, String)] = [
            (0, "images load api:1 --startup 22s"),
            (0, "images load api:2 --never-ready"),
            (0, "apply -f api.yaml"),
            (15, "get pods"),
            (30, "get deploy api"),
            (40, "describe pods"),
            (60, "set image deployment/api api=api:2"),
            (120, "get pods"),
            (120, "rollout status deployment/api --timeout=1s"),
            (125, "describe pods -l pod-template-hash"),
        ]
        try expectGolden(
            try ScenarioScript(files: ["api.yaml": Self.manifest], steps: steps).run(), named: "fidelity/readiness-probe.txt")
    }
}
