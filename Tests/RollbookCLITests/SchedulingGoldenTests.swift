import Testing
import TestSupport

/// The scheduler on the one node: a Pod whose `nodeSelector` the node does not match stays Pending with the
/// scheduler's `FailedScheduling` verdict (and its rollout never progresses); replicas that must not share a host
/// leave all but one Pending, one of them is bound as soon as the Pod it clashed with is gone.
struct SchedulingGoldenTests {
    static let selector = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: gpu
        spec:
          replicas: 1
          progressDeadlineSeconds: 60
          selector:
            matchLabels:
              app: gpu
          template:
            metadata:
              labels:
                app: gpu
            spec:
              nodeSelector:
                accelerator: nvidia
              containers:
              - name: train
                image: train:1
        """

    static let spread = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: ha
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: ha
          template:
            metadata:
              labels:
                app: ha
            spec:
              affinity:
                podAntiAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                  - labelSelector:
                      matchLabels:
                        app: ha
                    topologyKey: kubernetes.io/hostname
              containers:
              - name: web
                image: train:1
        """

    @Test func podsTheNodeCannotTakeStayPending() throws {
        let steps: [(Int, String)] = [
            (0, "images load train:1"),
            (0, "apply -f gpu.yaml"),
            (0, "apply -f ha.yaml"),
            (10, "get pods -o wide"),
            (10, "describe pods -l app=gpu"),
            (90, "rollout status deployment/gpu"),
            (90, "get deploy"),
            (100, "delete pod -l app=ha --field-selector=status.phase=Running"),
            (110, "get pods -l app=ha -o wide"),
            (110, "events --type PodBound"),
        ]
        let files = ["gpu.yaml": Self.selector, "ha.yaml": Self.spread]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/scheduling.txt")
    }
}
