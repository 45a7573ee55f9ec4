import Testing
import TestSupport

/// Liveness and startup probes: every failure is an `Unhealthy` Event, the threshold-th in a row kills the container
/// (`Killing`, exit 143), and the kubelet restarts it at once until the back-off outgrows its lifetime, then waits in
/// `CrashLoopBackOff`. A startup probe holds readiness and liveness back until it succeeds.
struct LivenessProbeGoldenTests {
    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 1
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
                startupProbe:
                  httpGet:
                    path: /started
                    port: http
                  periodSeconds: 10
                  failureThreshold: 3
                readinessProbe:
                  tcpSocket:
                    port: http
                  periodSeconds: 5
                livenessProbe:
                  httpGet:
                    path: /healthz
                    port: http
                  periodSeconds: 10
        """

    @Test func aHungApplicationIsKilledAndBacksOff() throws {
        let steps: [(Int, String)] = [
            (0, "images load api:1 --startup 15s"),
            (0, "images load api:2 --never-ready"),
            (0, "apply -f api.yaml"),
            (10, "get pods -o jsonpath={.items[0].status.containerStatuses[0].started}"),
            (20, "get pods"),
            (20, "get pods -o jsonpath={.items[0].status.containerStatuses[0].started}"),
            (30, "set image deployment/api api=api:2"),
            (100, "get pods"),
            (160, "get pods"),
            (200, "describe pods -l pod-template-hash"),
            (200, "rollout status deployment/api --timeout=1s"),
        ]
        try expectGolden(
            try ScenarioScript(files: ["api.yaml": Self.manifest], steps: steps).run(), named: "fidelity/liveness-probe.txt")
    }

    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: probed
        spec:
          initContainers:
          - name: proxy
            image: hung:1
            restartPolicy: Always
            livenessProbe:
              tcpSocket:
                port: 9090
              periodSeconds: 10
              failureThreshold: 2
          containers:
          - name: app
            image: slow:1
            startupProbe:
              exec:
                command: [cat, /tmp/started]
              periodSeconds: 5
            readinessProbe:
              httpGet:
                path: /ready
                port: 8080
              periodSeconds: 90
            livenessProbe:
              httpGet:
                path: /healthz
                port: 8080
              periodSeconds: 10
        """

    /// A started container is ready at once (the kubelet triggers its readiness probe), whatever the probe's period;
    /// a sidecar its probe kills is restarted as an init container (`Init container X failed liveness probe`); a
    /// readiness and a liveness failure in the same second are two Events.
    @Test func startupSidecarsAndSimultaneousFailures() throws {
        let steps: [(Int, String)] = [
            (0, "images load hung:1 --never-ready"),
            (0, "images load slow:1 --startup 12s"),
            (0, "create -f pod.yaml"),
            (14, "get pods"),
            (15, "get pods"),
            (45, "describe pod probed"),
        ]
        try expectGolden(
            try ScenarioScript(files: ["pod.yaml": Self.pod], steps: steps).run(), named: "fidelity/liveness-sidecar.txt")
    }
}
