public import KubeModel

/// The columns and cells of `kubectl get` for each kind: one row per object, wide columns included, each
/// cell rendered as the server-side printer renders it (`printDeployment`, `printReplicaSet`, `printPod`).
///
/// ```swift
/// let cells = TableRows.deployment(web, now: now)   // ["web", "2/2", "2", "2", "10s", "web", "web:1.0", "app=web"]
/// ```
public enum TableRows {
    public static let deploymentColumns: [TableColumn] = [
        .name,
        TableColumn("Ready", "Number of the pod with ready state"),
        TableColumn("Up-to-date", type: "integer", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
        TableColumn("Available", type: "integer", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
        .age,
        TableColumn("Containers", priority: 1, "Names of each container in the template."),
        TableColumn("Images", priority: 1, "Images referenced by each container in the template."),
        TableColumn("Selector", priority: 1, "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment."),
    ]

    public static let replicaSetColumns: [TableColumn] = [
        .name,
        TableColumn("Desired", type: "integer", "Replicas is the number of desired replicas."),
        TableColumn("Current", type: "integer", "Replicas is the most recently observed number of replicas."),
        TableColumn("Ready", type: "integer", "The number of ready replicas for this replica set."),
        .age,
        TableColumn("Containers", priority: 1, "Names of each container in the template."),
        TableColumn("Images", priority: 1, "Images referenced by each container in the template."),
        TableColumn("Selector", priority: 1, "Selector is a label query over pods that should match the replica count."),
    ]

    public static let podColumns: [TableColumn] = [
        .name,
        TableColumn("Ready", "The aggregate readiness state of this pod for accepting traffic."),
        TableColumn("Status", "The aggregate status of the containers in this pod."),
        TableColumn("Restarts", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
        .age,
        TableColumn("IP", priority: 1, "IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated."),
        TableColumn("Node", priority: 1, "NodeName is a request to schedule this pod onto a specific node."),
        TableColumn("Nominated Node", priority: 1, "nominatedNodeName is set when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods."),
        TableColumn("Readiness Gates", priority: 1, "If specified, all readiness gates will be evaluated for pod readiness."),
    ]

    /// `NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR`.
    public static func deployment(_ deployment: Deployment, now: Timestamp) -> [String] {
        let status = deployment.status
        return [
            deployment.name, "\(status.readyReplicas ?? 0)/\(deployment.spec.desiredReplicas)",
            String(status.updatedReplicas ?? 0), String(status.availableReplicas ?? 0),
            age(of: deployment.metadata.creationTimestamp, now: now),
        ] + containerCells(deployment.spec.template.spec.containers) + [selectorString(deployment.spec.selector)]
    }

    /// `NAME DESIRED CURRENT READY AGE CONTAINERS IMAGES SELECTOR`.
    public static func replicaSet(_ replicaSet: ReplicaSet, now: Timestamp) -> [String] {
        [
            replicaSet.name, String(replicaSet.replicas), String(replicaSet.status.replicas ?? 0),
            String(replicaSet.status.readyReplicas ?? 0), age(of: replicaSet.metadata.creationTimestamp, now: now),
        ] + containerCells(replicaSet.spec.template.spec.containers) + [replicaSet.spec.selector.formatted]
    }

    /// `NAME READY STATUS RESTARTS AGE IP NODE NOMINATED NODE READINESS GATES`.
    public static func pod(_ pod: Pod, now: Timestamp) -> [String] {
        let summary = PodTableSummary(pod)
        let ip = pod.status.podIPs?.first?.ip ?? pod.status.podIP ?? ""
        let node = pod.spec.nodeName ?? ""
        return [
            pod.name, "\(summary.readyContainers)/\(summary.totalContainers)", summary.status,
            restartsCell(summary, now: now), age(of: pod.metadata.creationTimestamp, now: now),
            ip.isEmpty ? "<none>" : ip, node.isEmpty ? "<none>" : node, "<none>", readinessGatesCell(pod),
        ]
    }

    /// `layoutContainerCells`: container names and images, each comma-joined in order.
    static func containerCells(_ containers: [Container]) -> [String] {
        [containers.map(\.name).joined(separator: ","), containers.map(\.image).joined(separator: ",")]
    }

    /// `N`, or `N (<age> ago)` after the most recent container termination.
    private static func restartsCell(_ summary: PodTableSummary, now: Timestamp) -> String {
        guard summary.restarts != 0, let last = summary.lastRestart else { return String(summary.restarts) }
        return "\(summary.restarts) (\(age(of: last, now: now)) ago)"
    }

    /// `<none>`, or `true/total` over the pod's readiness gates.
    private static func readinessGatesCell(_ pod: Pod) -> String {
        let gates = pod.spec.raw["readinessGates"]?.arrayValue ?? []
        guard !gates.isEmpty else { return "<none>" }
        let passing = gates.filter { pod.status.condition($0["conditionType"]?.goScalar ?? "")?.status == "True" }
        return "\(passing.count)/\(gates.count)"
    }
}

extension TableRows {
    /// kubectl's own table when the server prints none (`--server-print=false`): `NAME AGE`, whatever the kind.
    public static let defaultColumns: [TableColumn] = [.name, .age]

    /// `NAME AGE` rows of objects given by their metadata.
    public static func defaultTable(
        _ objects: [ObjectMeta], showNamespace: Bool, now: Timestamp, options: TableOptions = TableOptions()
    ) -> String {
        defaultColumns.render(objects, wide: false, showNamespace: showNamespace, options: options, watch: nil) { meta in
            (meta.namespace ?? "default", [meta.name, age(of: meta.creationTimestamp, now: now)], meta.labels)
        }
    }
}
