public import KubeModel

/// `kubectl get replicasets`: `NAME DESIRED CURRENT READY AGE`, and with `wide` also
/// `CONTAINERS IMAGES SELECTOR`. `showNamespace` adds the leading `NAMESPACE` column of `-A`;
/// `options` add the `LABELS` column of `--show-labels` or drop the header row (`--no-headers`).
public func replicaSetsTable(
    _ replicaSets: [ReplicaSet], wide: Bool, showNamespace: Bool, now: Timestamp, options: TableOptions = TableOptions(),
    watch: WatchAlignment? = nil
) -> String {
    let columns = TableRows.replicaSetColumns.headers(wide: wide)
    var table = TablePrinter(columns: columns, showNamespace: showNamespace, options: options)
    for replicaSet in replicaSets {
        table.addRow(
            namespace: replicaSet.metadata.namespace ?? "default",
            Array(TableRows.replicaSet(replicaSet, now: now).prefix(columns.count)), labels: replicaSet.metadata.labels)
    }
    return table.render(watch: watch)
}
