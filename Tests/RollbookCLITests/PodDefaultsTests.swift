import Testing
import TestSupport

/// What the API server does to a Pod the ReplicaSet controller creates, beside admission: `SetDefaults_Pod` gives a
/// limit without a request the limit as its request (Pods only: the template keeps what was written), and
/// `PrepareForCreate` records `ComputePodQOS` as `status.qosClass`. Also: templates see `managedFields`, which
/// kubectl drops only for `-o json|yaml`.
struct PodDefaultsTests {
    static func manifest(_ name: String, resources: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
        spec:
          selector:
            matchLabels:
              app: \(name)
          template:
            metadata:
              labels:
                app: \(name)
            spec:
              containers:
              - name: app
                image: nginx:1.25
        \(resources)
        """
    }

    @Test func podsRequestTheirLimitsAndRecordTheirQOSClass() throws {
        let files = [
            "guaranteed.yaml": Self.manifest("guaranteed", resources: """
                        resources:
                          limits:
                            cpu: 500m
                            memory: 128Mi
                """),
            "burstable.yaml": Self.manifest("burstable", resources: """
                        resources:
                          limits:
                            cpu: "1"
                          requests:
                            memory: 64Mi
                """),
            "besteffort.yaml": Self.manifest("besteffort", resources: ""),
        ]
        let pods = "jsonpath={range .items[*]}{.metadata.labels.app} {.status.qosClass} {.spec.containers[0].resources}{\"\\n\"}{end}"
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.25"),
            (0, "apply -f guaranteed.yaml"),
            (0, "apply -f burstable.yaml"),
            (0, "apply -f besteffort.yaml"),
            (1, "get pods -o '\(pods)'"),
            (1, "get deploy guaranteed -o jsonpath={.spec.template.spec.containers[0].resources}"),
            (1, "get rs -l app=guaranteed -o jsonpath={.items[0].metadata.managedFields[0].manager}"),
            (1, "get deploy guaranteed -o go-template={{range.metadata.managedFields}}{{.manager}};{{end}}"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/pod-defaults.txt")
    }
}
