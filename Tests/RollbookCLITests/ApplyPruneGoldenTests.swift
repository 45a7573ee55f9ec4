import Testing
import TestSupport

/// `apply --prune`: what apply made earlier (the last-applied annotation) that the selector matches and the files no
/// longer hold is deleted, Pods before Deployments as kubectl's default list orders them; a Deployment made by
/// `create` and the ReplicaSets of a pruned Deployment are left to the garbage collector. Checked against kubectl
/// v1.32.4 through `rollbook serve` with an allow-list (serve lacks the other default kinds).
struct ApplyPruneGoldenTests {
    static func deployment(_ name: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
          labels: {group: demo}
        spec:
          replicas: 1
          selector:
            matchLabels: {app: \(name)}
          template:
            metadata:
              labels: {app: \(name)}
            spec:
              containers:
              - name: app
                image: nginx:1.27
        """
    }

    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: solo
          labels: {group: demo}
        spec:
          containers:
          - name: app
            image: nginx:1.27
        """

    @Test func prunesWhatTheFilesDropped() throws {
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.27"),
            (0, "apply -f a.yaml -f b.yaml -f pod.yaml"),
            (0, "create deployment c --image=nginx:1.27"),
            (0, "label deployment c group=demo"),
            (5, "apply --prune -f a.yaml"),
            (5, "apply --prune --all -l group=demo -f a.yaml"),
            (5, "apply --prune -l group=demo -f a.yaml --prune-allowlist=apps/Deployment"),
            (5, "apply --prune -l group=demo -f a.yaml --dry-run=server --prune-allowlist=core/v1/Pod"),
            (5, "apply --prune -l group=demo -f a.yaml"),
            (10, "get deployments,replicasets,pods"),
        ]
        let files = ["a.yaml": Self.deployment("a"), "b.yaml": Self.deployment("b"), "pod.yaml": Self.pod]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/apply-prune.txt")
    }
}
