public import KubeModel

/// `kubectl get deployments`: `NAME READY UP-TO-DATE AVAILABLE AGE`, and with `wide` also
/// `CONTAINERS IMAGES SELECTOR`. `showNamespace` adds the leading `NAMESPACE` column of `-A`.
public func deploymentsTable(_ deployments: [Deployment], wide: Bool, showNamespace: Bool, now: Timestamp) -> String {
    var table = TablePrinter(
        columns: ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]
            + (wide ? ["CONTAINERS", "IMAGES", "SELECTOR"] : []),
        showNamespace: showNamespace)
    for deployment in deployments {
        let status = deployment.status
        var cells = [
            deployment.name, "\(status.readyReplicas ?? 0)/\(deployment.spec.desiredReplicas)",
            String(status.updatedReplicas ?? 0), String(status.availableReplicas ?? 0),
            age(of: deployment.metadata.creationTimestamp, now: now),
        ]
        if wide {
            cells += containerCells(deployment.spec.template.spec.containers)
            cells.append(selectorString(deployment.spec.selector))
        }
        table.addRow(namespace: deployment.namespace, cells)
    }
    return table.render()
}

/// `layoutContainerCells`: container names and images, each comma-joined in order.
func containerCells(_ containers: [Container]) -> [String] {
    [containers.map(\.name).joined(separator: ","), containers.map(\.image).joined(separator: ",")]
}
