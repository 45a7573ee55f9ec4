public import KubeModel

/// `kubectl get pods`: `NAME READY STATUS RESTARTS AGE`, and with `wide` also
/// `IP NODE NOMINATED NODE READINESS GATES`. `showNamespace` adds the leading `NAMESPACE` column;
/// `options` add the `LABELS` column of `--show-labels` or drop the header row (`--no-headers`).
public func podsTable(
    _ pods: [Pod], wide: Bool, showNamespace: Bool, now: Timestamp, options: TableOptions = TableOptions(),
    watch: WatchAlignment? = nil
) -> String {
    let columns = TableRows.podColumns.headers(wide: wide)
    var table = TablePrinter(columns: columns, showNamespace: showNamespace, options: options)
    for pod in pods {
        table.addRow(
            namespace: pod.metadata.namespace ?? "default", Array(TableRows.pod(pod, now: now).prefix(columns.count)),
            labels: pod.metadata.labels)
    }
    return table.render(watch: watch)
}
