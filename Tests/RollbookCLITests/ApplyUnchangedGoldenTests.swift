import Testing
import TestSupport

/// apply says `unchanged` only when kubectl's three-way patch is empty. Checked against kubectl v1.32.4 through
/// `rollbook serve`: list elements sharing a merge key (ports 53/UDP and 53/TCP) pair in order; an empty list in the
/// manifest orders nothing; a quantity written in another form than the stored one makes a patch every time.
struct ApplyUnchangedGoldenTests {
    static let dns = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: dns
        spec:
          replicas: 1
          selector:
            matchLabels: {app: dns}
          template:
            metadata:
              labels: {app: dns}
            spec:
              containers:
              - name: dns
                image: nginx:1.27
                ports:
                - {containerPort: 53, name: dns, protocol: UDP}
                - {containerPort: 53, name: dns-tcp, protocol: TCP}
                - {containerPort: 9153, name: metrics, protocol: TCP}
        """

    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            volumeMounts: []
          volumes: []
        """

    static let cpu = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: cpu
        spec:
          replicas: 1
          selector:
            matchLabels: {app: cpu}
          template:
            metadata:
              labels: {app: cpu}
            spec:
              containers:
              - name: app
                image: nginx:1.27
                env: []
                resources:
                  requests: {cpu: "0.5"}
        """

    @Test func reappliesAsKubectlDecides() throws {
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.27"),
            (1, "apply -f dns.yaml -f pod.yaml -f cpu.yaml"),
            (10, "apply -f dns.yaml -f pod.yaml"),
            (11, "apply -f cpu.yaml"),
            (12, "set env deployment/cpu A=1"),
            (13, "apply -f cpu.yaml --dry-run=server"),
        ]
        let files = ["dns.yaml": Self.dns, "pod.yaml": Self.pod, "cpu.yaml": Self.cpu]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/apply-unchanged.txt")
    }
}
