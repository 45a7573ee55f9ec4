import KubeModel
import Testing
import TestSupport

@testable import Printers

/// The `describe pod` samples of docs/notes/events-and-describe.md §5 (the full sample with its
/// `…(as above)…` parts filled in from the same section and §3.3).
@Suite struct DescribePodTests {
    /// `Thu, 26 Nov 2026 17:00:57 +0000`, the pod's start time.
    static let started = Timestamp(seconds: 1_795_712_457)
    static let now = started.adding(seconds: 302)

    static var runningPod: Pod {
        var container = Samples.container("nginx", "nginx:1.16.1", port: 80)
        container.raw["volumeMounts"] = .array([
            .object([
                "name": .string("kube-api-access-5xqzv"), "readOnly": .bool(true),
                "mountPath": .string("/var/run/secrets/kubernetes.io/serviceaccount"),
            ]),
        ])
        var spec = PodSpec()
        spec.containers = [container]
        spec.nodeName = "kind-worker"
        spec.raw["priority"] = .int(0)
        spec.raw["serviceAccountName"] = .string("default")
        spec.raw["volumes"] = .array([serviceAccountVolume])
        spec.raw["tolerations"] = .array([
            toleration("node.kubernetes.io/unreachable"), toleration("node.kubernetes.io/not-ready"),
        ])
        var pod = Pod(
            metadata: ObjectMeta(
                name: "nginx-deployment-7c5ddbdf54-8xk2p", namespace: "default",
                labels: ["app": "nginx", "pod-template-hash": "7c5ddbdf54"]),
            spec: spec)
        pod.metadata.ownerReferences = [
            OwnerReference(apiVersion: "apps/v1", kind: "ReplicaSet", name: "nginx-deployment-7c5ddbdf54", uid: "rs"),
        ]
        pod.status.phase = "Running"
        pod.status.hostIP = "172.18.0.2"
        pod.status.podIP = "10.244.1.5"
        pod.status.podIPs = [PodIP(ip: "10.244.1.5")]
        pod.status.startTime = started
        pod.status.conditions = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"]
            .map { PodCondition(type: $0, status: "True", at: started) }
        let running = ContainerState(running: .init(startedAt: started.adding(seconds: 15)))
        var status = ContainerStatus(name: "nginx", image: "nginx:1.16.1", state: running)
        status.containerID = "containerd://4f7e2c1a9b"
        status.imageID =
            "docker.io/library/nginx@sha256:d20aa6d1cae56fd17cd458f4807e0de462caf2336f0b70b5eeb69fcaaf30dd9c"
        status.ready = true
        status.started = true
        pod.status.containerStatuses = [status]
        return pod
    }

    static let serviceAccountVolume: JSONValue = .object([
        "name": .string("kube-api-access-5xqzv"),
        "projected": .object([
            "defaultMode": .int(420),
            "sources": .array([
                .object(["serviceAccountToken": .object(["expirationSeconds": .int(3607), "path": .string("token")])]),
                .object(["configMap": .object([
                    "name": .string("kube-root-ca.crt"),
                    "items": .array([.object(["key": .string("ca.crt"), "path": .string("ca.crt")])]),
                ])]),
                .object(["downwardAPI": .object(["items": .array([.object([
                    "path": .string("namespace"),
                    "fieldRef": .object(["apiVersion": .string("v1"), "fieldPath": .string("metadata.namespace")]),
                ])])])]),
            ]),
        ]),
    ])

    static func toleration(_ key: String) -> JSONValue {
        .object([
            "key": .string(key), "operator": .string("Exists"), "effect": .string("NoExecute"),
            "tolerationSeconds": .int(300),
        ])
    }

    @Test func runningPodOwnedByAReplicaSet() throws {
        let name = "nginx-deployment-7c5ddbdf54-8xk2p"
        let event = { (reason: String, message: String, age: Int64, source: String) in
            Samples.event(message, involving: name, kind: "Pod", first: age, reason: reason, source: source)
                .shifted(to: Self.now)
        }
        let events = [
            event("Scheduled", "Successfully assigned default/\(name) to kind-worker", 302, "default-scheduler"),
            event("Pulled", "Container image \"nginx:1.16.1\" already present on machine", 293, "kubelet"),
            event("Created", "Created container nginx", 293, "kubelet"),
            event("Started", "Started container nginx", 292, "kubelet"),
        ]
        try expectGolden(describePod(Self.runningPod, events: events, now: Self.now), named: "describe-pod.txt")
    }

    @Test func unscheduledPod() {
        var pod = Self.runningPod
        pod.spec.nodeName = nil
        pod.status = PodStatus()
        pod.status.phase = "Pending"
        pod.status.conditions = [PodCondition(type: "PodScheduled", status: "False", at: Self.started)]
        pod.spec.raw["volumes"] = nil
        pod.spec.raw["tolerations"] = nil
        let lines = describePod(pod, events: [], now: Self.now).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("Node:             <none>"))
        #expect(lines.contains("IP:               "))
        #expect(lines.contains("IPs:              <none>"))
        #expect(lines.contains("Controlled By:    ReplicaSet/nginx-deployment-7c5ddbdf54"))
        for absent in ["Start Time:", "Container ID:", "State:"] {
            #expect(!lines.contains { $0.contains(absent) })
        }
        #expect(lines.suffix(6) == [
            "Volumes:         <none>", "QoS Class:       BestEffort", "Node-Selectors:  <none>",
            "Tolerations:     <none>", "Events:          <none>",
        ].map { Substring($0) } + [""])
    }

    @Test func waitingContainerAndTermination() {
        var pod = Self.runningPod
        var status = ContainerStatus(
            name: "nginx", image: "nginx:1.16.1", state: ContainerState(waiting: .init(reason: "ErrImageNeverPull")))
        status.imageID = ""
        pod.status.containerStatuses = [status]
        pod.metadata.deletionTimestamp = Self.now.adding(seconds: 30)
        pod.metadata.deletionGracePeriodSeconds = 30
        let lines = describePod(pod, events: [], now: Self.now).split(separator: "\n", omittingEmptySubsequences: false)
        let pad = { (label: String) in label + String(repeating: " ", count: 27 - label.count) }
        #expect(lines.contains(Substring(pad("Status:") + "Terminating (lasts <invalid>)")))
        #expect(lines.contains(Substring(pad("Termination Grace Period:") + "30s")))
        #expect(lines.contains("    Container ID:   "))
        #expect(lines.contains("    State:          Waiting"))
        #expect(lines.contains("      Reason:       ErrImageNeverPull"))
        #expect(lines.contains("    Ready:          False"))
    }
}

extension KubeEvent {
    /// The same event with its timestamps measured from `now` instead of ``Samples/now``.
    func shifted(to now: Timestamp) -> KubeEvent {
        var copy = self
        let delta = now.seconds - Samples.now.seconds
        copy.firstTimestamp = firstTimestamp.adding(seconds: delta)
        copy.lastTimestamp = lastTimestamp.adding(seconds: delta)
        return copy
    }
}
