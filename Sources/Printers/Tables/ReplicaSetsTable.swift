public import KubeModel

/// `kubectl get replicasets`: `NAME DESIRED CURRENT READY AGE`, and with `wide` also
/// `CONTAINERS IMAGES SELECTOR`. `showNamespace` adds the leading `NAMESPACE` column of `-A`;
/// `options` add the `LABELS` column of `--show-labels` or drop the header row (`--no-headers`).
public func replicaSetsTable(
    _ replicaSets: [ReplicaSet], wide: Bool, showNamespace: Bool, now: Timestamp, options: TableOptions = TableOptions(),
    watch: WatchAlignment? = nil
) -> String {
    TableRows.replicaSetColumns.render(
        replicaSets, wide: wide, showNamespace: showNamespace, options: options, watch: watch
    ) { ($0.metadata.namespace ?? "default", TableRows.replicaSet($0, now: now), $0.metadata.labels) }
}
