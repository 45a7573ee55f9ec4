import KubeModel
import Testing
import TestSupport

@testable import Printers

/// The §7.1 samples of k8s-semantics.md.
@Suite struct GetTablesTests {
    static let now = Samples.now

    static var deployments: [Deployment] {
        var nginx = Samples.deployment(
            "nginx-deployment", replicas: 3, labels: ["app": "nginx"],
            containers: [Samples.container("nginx", "nginx:1.16.1")])
        nginx.metadata.creationTimestamp = now.adding(seconds: -18)
        nginx.status.readyReplicas = 3
        nginx.status.updatedReplicas = 3
        nginx.status.availableReplicas = 3
        var web = Samples.deployment(
            "web", replicas: 10, labels: ["app": "web", "tier": "fe"],
            containers: [Samples.container("web", "nginx:1.14.2"), Samples.container("sidecar", "busybox")])
        web.metadata.creationTimestamp = now.adding(seconds: -129)
        return [nginx, web]
    }

    static var replicaSets: [ReplicaSet] {
        var old = Samples.replicaSet("66b6c48dd5", replicas: 0, current: 0, ready: 0, image: "nginx:1.14.2")
        old.metadata.creationTimestamp = now.adding(seconds: -300)
        var new = Samples.replicaSet("7c5ddbdf54", replicas: 3, current: 3, ready: 3, image: "nginx:1.16.1")
        new.metadata.creationTimestamp = now.adding(seconds: -40)
        return [old, new]
    }

    static var pods: [Pod] {
        var running = pod("nginx-deployment-7c5ddbdf54-2xkzv", age: 40, phase: "Running")
        let state = ContainerState(running: .init(startedAt: now))
        var status = ContainerStatus(name: "nginx", image: "nginx:1.16.1", state: state)
        status.ready = true
        running.status.containerStatuses = [status]
        running.status.podIP = "10.244.0.12"
        running.status.podIPs = [PodIP(ip: "10.244.0.12")]
        var creating = pod("nginx-deployment-7c5ddbdf54-bq9wz", age: 2, phase: "Pending")
        let waiting = ContainerState(waiting: .init(reason: "ContainerCreating"))
        creating.status.containerStatuses = [ContainerStatus(name: "nginx", image: "nginx:1.16.1", state: waiting)]
        return [running, creating]
    }

    static func pod(_ name: String, age: Int64, phase: String) -> Pod {
        var spec = PodSpec()
        spec.containers = [Samples.container("nginx", "nginx:1.16.1", port: 80)]
        spec.nodeName = "node-1"
        var pod = Pod(metadata: ObjectMeta(name: name, namespace: "default"), spec: spec)
        pod.metadata.creationTimestamp = now.adding(seconds: -age)
        pod.status.phase = phase
        return pod
    }

    @Test(arguments: [false, true])
    func deployments(wide: Bool) throws {
        let text = deploymentsTable(Self.deployments, wide: wide, showNamespace: false, now: Self.now)
        try expectGolden(text, named: wide ? "get-deployments-wide.txt" : "get-deployments.txt")
    }

    @Test(arguments: [false, true])
    func replicaSets(wide: Bool) throws {
        let text = replicaSetsTable(Self.replicaSets, wide: wide, showNamespace: false, now: Self.now)
        try expectGolden(text, named: wide ? "get-replicasets-wide.txt" : "get-replicasets.txt")
    }

    @Test(arguments: [false, true])
    func pods(wide: Bool) throws {
        let text = podsTable(Self.pods, wide: wide, showNamespace: false, now: Self.now)
        try expectGolden(text, named: wide ? "get-pods-wide.txt" : "get-pods.txt")
    }

    @Test func allNamespacesAddsALeadingColumn() {
        var other = Self.deployments[1]
        other.metadata.namespace = "kube-system"
        let text = deploymentsTable([Self.deployments[0], other], wide: false, showNamespace: true, now: Self.now)
        #expect(text == """
            NAMESPACE     NAME               READY   UP-TO-DATE   AVAILABLE   AGE
            default       nginx-deployment   3/3     3            3           18s
            kube-system   web                0/10    0            0           2m9s

            """)
    }

    @Test func emptyListPrintsNothing() {
        #expect(podsTable([], wide: false, showNamespace: false, now: Self.now) == "")
    }
}
