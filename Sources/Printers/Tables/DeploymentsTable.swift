public import KubeModel

/// `kubectl get deployments`: `NAME READY UP-TO-DATE AVAILABLE AGE`, and with `wide` also
/// `CONTAINERS IMAGES SELECTOR`. `showNamespace` adds the leading `NAMESPACE` column of `-A`;
/// `options` add the `LABELS` column of `--show-labels` or drop the header row (`--no-headers`).
public func deploymentsTable(
    _ deployments: [Deployment], wide: Bool, showNamespace: Bool, now: Timestamp, options: TableOptions = TableOptions(),
    watch: WatchAlignment? = nil
) -> String {
    let columns = TableRows.deploymentColumns.headers(wide: wide)
    var table = TablePrinter(columns: columns, showNamespace: showNamespace, options: options)
    for deployment in deployments {
        table.addRow(
            namespace: deployment.namespace, Array(TableRows.deployment(deployment, now: now).prefix(columns.count)),
            labels: deployment.metadata.labels)
    }
    return table.render(watch: watch)
}
