public import KubeModel

/// `kubectl get pods`: `NAME READY STATUS RESTARTS AGE`, and with `wide` also
/// `IP NODE NOMINATED NODE READINESS GATES`. `showNamespace` adds the leading `NAMESPACE` column;
/// `options` add the `LABELS` column of `--show-labels` or drop the header row (`--no-headers`).
public func podsTable(
    _ pods: [Pod], wide: Bool, showNamespace: Bool, now: Timestamp, options: TableOptions = TableOptions(),
    watch: WatchAlignment? = nil
) -> String {
    TableRows.podColumns.render(pods, wide: wide, showNamespace: showNamespace, options: options, watch: watch) {
        ($0.metadata.namespace ?? "default", TableRows.pod($0, now: now), $0.metadata.labels)
    }
}
