import Testing
import TestSupport

/// Bare Pods with `restartPolicy: Never`: a container that fails stays terminated and the Pod is `Failed` (`Error`),
/// an init container that fails leaves it `Init:Error` (kubelet_pods.go getPhase, the terminal phase's conditions).
struct RestartPolicyGoldenTests {
    static let once = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: once
        spec:
          restartPolicy: Never
          containers:
          - name: job
            image: crash:1
        """

    static let onceInit = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: once-init
        spec:
          restartPolicy: Never
          initContainers:
          - name: setup
            image: crash:1
          containers:
          - name: job
            image: app:1
        """

    @Test func aPodThatRestartsNothingFails() throws {
        let steps: [(Int, String)] = [
            (0, "images load crash:1 --crash"),
            (0, "images load app:1"),
            (0, "create -f once.yaml -f once-init.yaml"),
            (0, "get pods"),
            (30, "get pods"),
            (30, "describe pod once"),
            (30, "get pod once-init -o jsonpath={.status.phase}"),
        ]
        let files = ["once.yaml": Self.once, "once-init.yaml": Self.onceInit]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/restart-policy-never.txt")
    }
}
