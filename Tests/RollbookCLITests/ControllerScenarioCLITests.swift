import Testing
import TestSupport

/// Issue 3's CLI goldens: a stalled rollout, a proportional scale mid-rollout, and kubectl's behaviours
/// around annotate, --record, set image, scale, pause/resume, undo, restart, apply and orphaning deletes.
@Suite(.serialized)
struct ControllerScenarioCLITests {
    static func web(replicas: Int?, image: String = "nginx:1.0", extra: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
        spec:
        \(replicas.map { "  replicas: \($0)\n" } ?? "")  selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: \(image)
                imagePullPolicy: IfNotPresent
        \(extra)
        """
    }

    @Test func stalledRolloutWithImagePullBackOffAndDeadline() throws {
        let script = ScenarioScript(
            files: ["web.yaml": Self.web(replicas: 4)],
            steps: [
                (0, "images load nginx:1.0"),
                (0, "images block nginx:2.0"),
                (0, "apply -f web.yaml"),
                (10, "set image deployment/web web=nginx:2.0"),
                (12, "get pods"),
                (12, "rollout status deployment/web --watch=false"),
                (20, "get rs"),
                (700, "get deployment web"),
                (700, "describe deployment web"),
                (700, "rollout status deployment/web"),
                (700, "get pods"),
                (710, "images unblock nginx:2.0"),
                (1100, "rollout status deployment/web"),
                (1100, "get rs"),
            ])
        try expectGolden(try script.run(), named: "scenarios/stalled-rollout.txt")
    }

    @Test func proportionalScaleMidRollout() throws {
        let script = ScenarioScript(
            files: ["web.yaml": Self.web(replicas: 10)],
            steps: [
                (0, "images load nginx:1.0"),
                (0, "images load nginx:2.0 --never-ready"),
                (0, "apply -f web.yaml"),
                (30, "set image deployment/web web=nginx:2.0"),
                (40, "get rs"),
                (40, "get deploy"),
                (50, "scale deployment/web --replicas=15"),
                (60, "get rs -o wide"),
                (60, "describe deployment/web"),
                (70, "scale deployment/web --replicas=10"),
                (80, "get rs"),
            ])
        try expectGolden(try script.run(), named: "scenarios/proportional-scale.txt")
    }

    @Test func kubectlBehaviours() throws {
        let twoContainers = Self.web(replicas: 2).replacingOccurrences(
            of: "        imagePullPolicy: IfNotPresent\n",
            with: "        imagePullPolicy: IfNotPresent\n      - name: sidecar\n        image: busybox:1.36\n")
        let script = ScenarioScript(
            files: ["web.yaml": twoContainers, "web-noreplicas.yaml": Self.web(replicas: nil)],
            steps: [
                (0, "images load nginx:1.0 nginx:2.0 nginx:3.0 busybox:1.36 busybox:1.37"),
                (0, "apply -f web.yaml"),
                (5, "annotate deployment/web kubernetes.io/change-cause=first"),
                (10, "set image deployment/web web=nginx:2.0 --record"),
                (20, "set image deployment/web web=nginx:2.0"),
                (25, "set image deployment/web nope=nginx:2.0"),
                (30, "set image deployment/web *=busybox:1.37"),
                (35, "rollout history deployment/web"),
                (40, "annotate deployment/web kubernetes.io/change-cause=second"),
                (41, "annotate deployment/web kubernetes.io/change-cause=second --overwrite"),
                (45, "scale deployment/web --replicas=3 --current-replicas=5"),
                (50, "rollout pause deployment/web"),
                (51, "rollout pause deployment/web"),
                (52, "rollout undo deployment/web"),
                (53, "rollout restart deployment/web"),
                (54, "rollout resume deployment/web"),
                (55, "rollout resume deployment/web"),
                (60, "rollout undo deployment/web --to-revision=9"),
                (61, "rollout undo deployment/web --to-revision=3"),
                (62, "rollout history deployment/web"),
                (70, "rollout restart deployment/web"),
                (80, "rollout history deployment/web"),
                (90, "rollout undo deployment/web --to-revision=1"),
                (100, "describe deployment/web"),
                (110, "delete deployment web"),
                (110, "get deploy"),
                (120, "apply -f web-noreplicas.yaml"),
                (130, "scale deployment/web --replicas=3"),
                (140, "apply -f web-noreplicas.yaml"),
                (150, "get deployment web"),
                (160, "delete -f web-noreplicas.yaml --cascade=orphan"),
                (170, "get rs"),
                (170, "get pods"),
                (180, "apply -f web-noreplicas.yaml"),
                (190, "get rs"),
                (190, "rollout history deployment/web"),
            ])
        try expectGolden(try script.run(), named: "scenarios/kubectl-behaviours.txt")
    }

    @Test func createFromFilesAndFromAnImage() throws {
        let script = ScenarioScript(
            files: ["web.yaml": Self.web(replicas: 2)],
            steps: [
                (0, "images load nginx:1.0 busybox:1.36"),
                (0, "create deployment my-dep --image=busybox:1.36 --image=registry.k8s.io/pause.x:3.9 --replicas=2 --port=80"),
                (1, "create deployment my-dep --image=busybox:1.36"),
                (2, "create -f web.yaml"),
                (3, "create -f web.yaml"),
                (4, "apply -f web.yaml"),
                (5, "get deploy -o wide"),
            ])
        try expectGolden(try script.run(), named: "scenarios/create.txt")
    }

    @Test func deletedPodsAndReplicaSetsAreReplaced() throws {
        let script = ScenarioScript(
            files: ["web.yaml": Self.web(replicas: 2)],
            steps: [
                (0, "images load nginx:1.0"),
                (0, "apply -f web.yaml"),
                (10, "get pods"),
                (20, "delete pod web-577584459c-7wvbc"),
                (30, "get pods"),
                (40, "delete rs web-577584459c"),
                (50, "get rs"),
                (50, "get pods"),
                (60, "delete pod nope"),
                (70, "describe rs web-577584459c"),
            ])
        try expectGolden(try script.run(), named: "scenarios/self-healing.txt")
    }

    @Test func rolloutStatusWaitsThenTimesOut() throws {
        let script = ScenarioScript(
            files: ["web.yaml": Self.web(replicas: 3)],
            steps: [
                (0, "images load nginx:1.0 nginx:2.0"),
                (0, "apply -f web.yaml"),
                (10, "rollout pause deployment/web"),
                (20, "set image deployment/web web=nginx:2.0"),
                (30, "rollout status deployment/web --timeout=1s"),
                (30, "rollout status deployment/web --watch=false"),
                (30, "rollout status deployment/web --revision=1 --watch=false"),
                (30, "rollout status deployment/web --timeout=bogus"),
            ])
        try expectGolden(try script.run(), named: "scenarios/rollout-status-timeout.txt")
    }
}
