import Testing
import TestSupport

/// A Pod its ReplicaSet cannot create though the template passed: the API server checks Pods for what it lets a
/// template hold (validateContainersOnlyForPod: an image with blanks around it). Each try is a `FailedCreate` naming
/// the Pod the server generated (`Pod "blank-…" is invalid: …`, combined from the tenth message on) and the
/// ReplicaSet holds `ReplicaFailure`, copied by the Deployment, until a new template rolls it away.
struct ReplicaSetFailedCreateGoldenTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: blank
        spec:
          replicas: 2
          selector:
            matchLabels: {app: blank}
          template:
            metadata:
              labels: {app: blank}
            spec:
              containers:
              - name: app
                image: " nginx:1.27"
        """

    @Test func podsTheServerRefusesAreFailedCreates() throws {
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.27"),
            (0, "apply -f blank.yaml"),
            (30, "describe rs -l app=blank"),
            (30, "get deployment blank -o jsonpath={.status.conditions[*].reason}"),
            (31, "set image deployment/blank app=nginx:1.27"),
            (40, "get replicasets -l app=blank"),
            (40, "get deployment blank -o jsonpath={.status.conditions[*].reason}"),
        ]
        try expectGolden(
            try ScenarioScript(files: ["blank.yaml": Self.deployment], steps: steps).run(),
            named: "fidelity/replicaset-invalid-pods.txt")
    }
}
