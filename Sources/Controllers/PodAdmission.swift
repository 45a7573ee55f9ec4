import Cluster
import KubeModel

/// What the API server's admission plugins add to every pod a ReplicaSet creates: the default service
/// account and its projected token volume (ServiceAccount), priority 0 (Priority), and the not-ready /
/// unreachable tolerations (DefaultTolerationSeconds). Real pods always carry them, so `describe pod` and
/// `get pod -o yaml` show them.
public enum PodAdmission {
    /// A new Pod as it is stored and then scheduled: admitted, its requests defaulted from its limits
    /// (`SetDefaults_Pod`), `Pending` with its QoS class (the registry's `PrepareForCreate`), then bound to the one
    /// node if it fits there beside the `bound` Pods (``Scheduler``), or left unbound with the scheduler's verdict.
    /// A Pod that names its node already is the kubelet's, not the scheduler's. Why a Pod could not be scheduled
    /// is its `PodScheduled` condition's message (``PodStatus/unschedulable``).
    public static func admitAndSchedule(_ pod: inout Pod, beside bound: [Pod], at time: Timestamp) {
        admit(&pod.spec, podName: pod.name)
        pod.spec.defaultRequestsToLimits()
        pod.status = PodStatus()
        pod.status.phase = "Pending"
        pod.status.qosClass = pod.spec.qosClass
        if pod.spec.raw["hostNetwork"]?.boolValue == true { defaultHostPorts(&pod.spec) }
        guard (pod.spec.nodeName ?? "").isEmpty else { return }
        // Scheduling gates hold a Pod back (the API server's `applySchedulingGatedCondition`); a Pod for another
        // scheduler waits for that one, and none runs here.
        if !(pod.spec.raw["schedulingGates"]?.arrayValue ?? []).isEmpty {
            pod.status.conditions = [
                PodCondition(type: "PodScheduled", status: "False", at: time, reason: "SchedulingGated",
                             message: "Scheduling is blocked due to non-empty scheduling gates")
            ]
            return
        }
        if let scheduler = pod.spec.raw["schedulerName"]?.stringValue, scheduler != Actor.scheduler { return }
        if let failure = Scheduler.failure(of: pod, beside: bound) {
            pod.status.conditions = [
                PodCondition(type: "PodScheduled", status: "False", at: time, reason: "Unschedulable", message: failure)
            ]
            return
        }
        pod.spec.nodeName = NodeState.nodeName
        pod.status.scheduled(at: time)
    }

    /// `SetDefaults_Pod` for a host-network Pod: each port without a host port is exposed on the node as itself.
    private static func defaultHostPorts(_ spec: inout PodSpec) {
        spec.mapEveryContainer { container in
            guard case .array(let ports)? = container.raw["ports"] else { return container }
            var container = container
            container.raw["ports"] = .array(ports.map { port in
                guard var fields = port.objectValue, (fields["hostPort"]?.intValue ?? 0) == 0 else { return port }
                fields["hostPort"] = fields["containerPort"]
                return .object(fields)
            })
            return container
        }
    }

    static func admit(_ spec: inout PodSpec, podName: String) {
        if spec.raw["serviceAccountName"] == nil { spec.raw["serviceAccountName"] = .string("default") }
        spec.raw["serviceAccount"] = spec.raw["serviceAccountName"]
        // The Priority plugin: the two system classes have fixed values; Rollbook keeps no PriorityClass objects, so
        // any other name counts as the default class's 0 (upstream refuses a name it cannot find).
        let systemPriorities = ["system-node-critical": 2_000_001_000, "system-cluster-critical": 2_000_000_000]
        if spec.raw["priority"] == nil { spec.raw["priority"] = .int(systemPriorities[spec.priorityClassName ?? ""] ?? 0) }
        if spec.raw["preemptionPolicy"] == nil { spec.raw["preemptionPolicy"] = .string("PreemptLowerPriority") }
        if spec.raw["enableServiceLinks"] == nil { spec.raw["enableServiceLinks"] = .bool(true) }
        var tolerations = spec.tolerations
        for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]
        where !tolerations.contains(where: { $0["key"]?.stringValue == key }) {
            tolerations.append(.object([
                "key": .string(key), "operator": .string("Exists"), "effect": .string("NoExecute"),
                "tolerationSeconds": .int(300),
            ]))
        }
        spec.raw["tolerations"] = .array(tolerations)
        guard spec.raw["automountServiceAccountToken"]?.boolValue != false else { return }
        // Every container, init containers first, mounts the token unless it mounts something at its path already
        // (`mountServiceAccountToken`); the volume is added when one does.
        let volume = "kube-api-access-\(Identifiers.nameSuffix("\(podName)/kube-api-access"))"
        let path = "/var/run/secrets/kubernetes.io/serviceaccount"
        var mounted = false
        spec.mapEveryContainer { container in
            guard !container.volumeMounts.contains(where: { $0["mountPath"]?.stringValue == path }) else { return container }
            mounted = true
            var container = container
            let mount: JSONValue = .object(["name": .string(volume), "readOnly": .bool(true), "mountPath": .string(path)])
            container.raw["volumeMounts"] = .array(container.volumeMounts + [mount])
            return container
        }
        if mounted { spec.raw["volumes"] = .array(spec.volumes + [projectedTokenVolume(volume)]) }
    }

    private static func projectedTokenVolume(_ name: String) -> JSONValue {
        .object([
            "name": .string(name),
            "projected": .object([
                "defaultMode": .int(420),
                "sources": .array([
                    .object(["serviceAccountToken": .object(["expirationSeconds": .int(3607), "path": .string("token")])]),
                    .object(["configMap": .object([
                        "name": .string("kube-root-ca.crt"),
                        "items": .array([.object(["key": .string("ca.crt"), "path": .string("ca.crt")])]),
                    ])]),
                    .object(["downwardAPI": .object([
                        "items": .array([.object([
                            "fieldRef": .object(["apiVersion": .string("v1"), "fieldPath": .string("metadata.namespace")]),
                            "path": .string("namespace"),
                        ])])
                    ])]),
                ]),
            ]),
        ])
    }
}
