public import KubeModel

/// `kubectl get deployments`: `NAME READY UP-TO-DATE AVAILABLE AGE`, and with `wide` also
/// `CONTAINERS IMAGES SELECTOR`. `showNamespace` adds the leading `NAMESPACE` column of `-A`;
/// `options` add the `LABELS` column of `--show-labels` or drop the header row (`--no-headers`).
public func deploymentsTable(
    _ deployments: [Deployment], wide: Bool, showNamespace: Bool, now: Timestamp, options: TableOptions = TableOptions(),
    watch: WatchAlignment? = nil
) -> String {
    TableRows.deploymentColumns.render(
        deployments, wide: wide, showNamespace: showNamespace, options: options, watch: watch
    ) { ($0.namespace, TableRows.deployment($0, now: now), $0.metadata.labels) }
}
