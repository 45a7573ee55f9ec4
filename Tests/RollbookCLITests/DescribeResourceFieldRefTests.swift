import Testing
import TestSupport

/// `describe` of an env var from `valueFrom.resourceFieldRef`: the value the kubelet would give the container
/// (`ExtractContainerResourceValue`: the quantity over the divisor, rounded up, CPU in thousandths), not the
/// quantity as written; an unset CPU or memory limit reads `node allocatable`. The golden is what kubectl v1.32.4
/// prints over `rollbook serve` on the same store, for the Deployment, its ReplicaSet and its Pod.
struct DescribeResourceFieldRefTests {
    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: app
                image: web:1.0
                resources:
                  limits: {cpu: 1500m, memory: 300Mi}
                  requests: {cpu: 250m, memory: 100Mi}
                env:
                - {name: LIMITS_CPU, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}
                - {name: LIMITS_MEMORY, valueFrom: {resourceFieldRef: {resource: limits.memory}}}
                - {name: LIMITS_MEMORY_MI, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}}
                - {name: REQUESTS_CPU_M, valueFrom: {resourceFieldRef: {resource: requests.cpu, divisor: 1m}}}
                - {name: REQUESTS_MEMORY, valueFrom: {resourceFieldRef: {resource: requests.memory}}}
              - name: bare
                image: web:1.0
                env:
                - {name: LIMITS_CPU, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}
                - {name: REQUESTS_MEMORY, valueFrom: {resourceFieldRef: {resource: requests.memory}}}
        """

    @Test func valuesAreComputedAsTheKubeletWould() throws {
        let script = ScenarioScript(files: ["web.yaml": Self.manifest], steps: [
            (0, "images load web:1.0"),
            (0, "apply -f web.yaml"),
            (30, "describe deployment web"),
            (30, "describe rs"),
            (30, "describe pods"),
        ])
        try expectGolden(try script.run(), named: "fidelity/describe-resource-field-ref.txt")
    }
}
