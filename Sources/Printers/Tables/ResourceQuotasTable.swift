public import KubeModel

extension TableRows {
    /// `printResourceQuota`'s columns.
    public static let resourceQuotaColumns: [TableColumn] = [
        TableColumn.name,
        TableColumn("Age", TableColumn.age.description),
        TableColumn("Request", "Request represents a minimum amount of cpu/memory that a container may consume."),
        TableColumn("Limit", "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node."),
    ]

    /// `NAME AGE REQUEST LIMIT`: each limited resource as `name: used/hard`, by name; those named `limits.…` go to
    /// LIMIT, the rest to REQUEST.
    public static func resourceQuota(_ quota: ResourceQuota, now: Timestamp) -> [String] {
        let hard = ResourceList(texts: quota.status?.hard), used = ResourceList(texts: quota.status?.used)
        var request: [String] = [], limit: [String] = []
        for name in hard.keys.sorted() {
            let entry = "\(name): \(used[name] ?? .zero)/\(hard[name]!)"
            if name.split(separator: ".").first == "limits" && name.contains(".") { limit.append(entry) } else { request.append(entry) }
        }
        return [quota.name, age(of: quota.metadata.creationTimestamp, now: now), request.joined(separator: ", "),
                limit.joined(separator: ", ")]
    }
}

/// `kubectl get resourcequotas`.
public func resourceQuotasTable(
    _ quotas: [ResourceQuota], wide: Bool, showNamespace: Bool, now: Timestamp, options: TableOptions = TableOptions(),
    watch: WatchAlignment? = nil
) -> String {
    TableRows.resourceQuotaColumns.render(quotas, wide: wide, showNamespace: showNamespace, options: options, watch: watch) {
        ($0.namespace, TableRows.resourceQuota($0, now: now), $0.metadata.labels)
    }
}
