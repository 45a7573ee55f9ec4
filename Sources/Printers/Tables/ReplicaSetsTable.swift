public import KubeModel

/// `kubectl get replicasets`: `NAME DESIRED CURRENT READY AGE`, and with `wide` also
/// `CONTAINERS IMAGES SELECTOR`. `showNamespace` adds the leading `NAMESPACE` column of `-A`.
public func replicaSetsTable(_ replicaSets: [ReplicaSet], wide: Bool, showNamespace: Bool, now: Timestamp) -> String {
    var table = TablePrinter(
        columns: ["NAME", "DESIRED", "CURRENT", "READY", "AGE"] + (wide ? ["CONTAINERS", "IMAGES", "SELECTOR"] : []),
        showNamespace: showNamespace)
    for replicaSet in replicaSets {
        var cells = [
            replicaSet.name, String(replicaSet.replicas), String(replicaSet.status.replicas ?? 0),
            String(replicaSet.status.readyReplicas ?? 0), age(of: replicaSet.metadata.creationTimestamp, now: now),
        ]
        if wide {
            cells += containerCells(replicaSet.spec.template.spec.containers)
            cells.append(replicaSet.spec.selector.formatted)
        }
        table.addRow(namespace: replicaSet.metadata.namespace ?? "default", cells)
    }
    return table.render()
}
