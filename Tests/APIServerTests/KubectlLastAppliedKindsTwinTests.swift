import Foundation
import Testing
import TestSupport

/// `apply view-last-applied` and `apply set-last-applied` on Pods and ReplicaSets (test/cmd/apply.sh runs its
/// set-last-applied section on a Pod), kubectl through `rollbook serve` on one store and `rollbook` on a twin store.
/// The golden holds kubectl's transcript.
@Suite(
    .serialized,
    .enabled(if: Kubectl.isInstalled, "kubectl is not installed (no /usr/bin/kubectl, none on PATH): skipping the twin-store tests"))
struct KubectlLastAppliedKindsTwinTests {
    static let now = "2026-11-26T15:00:00Z"

    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: test-pod
          labels: {name: test-pod-label}
        spec:
          containers:
          - {name: kubernetes-pause, image: nginx:1.25}

        """

    static let commands: [[String]] = [
        ["apply", "-f", "pod.yaml"],
        ["apply", "view-last-applied", "pod/test-pod"],
        ["apply", "view-last-applied", "-f", "pod.yaml", "-o", "json"],
        ["apply", "set-last-applied", "-f", "pod-applied.yaml", "--dry-run=client", "-o", "jsonpath={.metadata.annotations}"],
        ["apply", "set-last-applied", "-f", "pod-applied.yaml"],
        ["apply", "view-last-applied", "pod/test-pod"],
        ["apply", "set-last-applied", "-f", "pod-applied.yaml"],
        ["apply", "-f", "rs.yaml"],
        ["apply", "set-last-applied", "-f", "rs-3.yaml", "-o", "name"],
        ["apply", "view-last-applied", "rs/frontend"],
        ["get", "rs", "frontend", "-o", "jsonpath={.spec.replicas}"],
    ]

    @Test func lastAppliedOfPodsAndReplicaSetsMatchesKubectl() throws {
        let transcript = try KubectlTwin.transcript(of: Self.commands, now: Self.now) { dir, cli in
            let files = [
                "pod.yaml": Self.pod,
                "pod-applied.yaml": Self.pod.replacingOccurrences(of: "test-pod-label", with: "test-pod-applied"),
                "rs.yaml": KubectlReplicaSetTwinTests.manifest(image: "nginx:1.25", replicas: 2),
                "rs-3.yaml": KubectlReplicaSetTwinTests.manifest(image: "nginx:1.25", replicas: 3),
            ]
            for (name, text) in files { try text.write(toFile: dir.path(name), atomically: true, encoding: .utf8) }
            _ = try cli.run(["images", "load", "nginx:1.25"], now: Self.now)
        }
        try expectGolden(transcript, named: "kubectl-twin/last-applied-kinds.txt")
    }
}
